"""`readlint server`: the Language Server Protocol over stdio, so editors show readlint's
problems while the writer types.

The server checks each open Markdown or text document with the settings its file on disk
would get (nearest config, the buffer's own audienceLevel, --audience), and publishes the
problems as diagnostics when the document is opened, changed (after a short pause) or saved.
It offers quick fixes (the glossary link, the plain word, turning a rule off for one line)
and shows on hover glossary entries, the page's reading grade, and a sentence's difficulty
score with what makes it hard. The word tables and glossaries are loaded once, when the
server starts, so each check after that is quick.

Whatever a client sends, the server goes on: a message framed wrong is skipped (said in one
line on standard error) and reading goes on at the next one; every request gets an answer,
a result or the JSON-RPC error the protocol names.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import os
import re
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urlparse

import cattrs
from cattrs.v import format_exception
from lsprotocol import types
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import (
    JsonRPCNotification,
    JsonRPCRequestMessage,
    JsonRPCResponseMessage,
)
from pygls.workspace import TextDocument, Workspace

from . import difficulty, glossary_sets, result_cache, store
from .config import CONFIG_FILE_NAMES, DEFAULT_EXTENSIONS
from .document import Document
from .errors import InputError, ReadlintError
from .files import excluded, page_at
from .fixes import write_atomically
from .linter import Choices, Linter, example_problems
from .problem import Fix, Problem, Severity
from .registry import Registry
from .results import FileResult, RuleInfo
from .rule import GRADE, HARD_SENTENCE
from .settings import Resolver
from .source import FRONT_MATTER_BOUNDARY
from .version import __version__

# How long to wait after a change before checking, so a burst of keystrokes costs one check.
PAUSE = 0.05  # seconds
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
             Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}
PROSE_LANGUAGES = frozenset({"markdown", "plaintext", "text", "mdx"})


# What the server reads: a message longer than this is skipped (a client that claims more is
# wrong, and the bytes are not kept meanwhile); header lines longer than this, all together,
# are not headers.
MAX_MESSAGE = 1 << 34  # bytes: far above the largest page a config lets readlint check
MAX_HEADERS = 8192  # bytes
READ_SIZE = 1 << 20  # bytes read from standard input at a time


@dataclass
class Checked:
    """The last check of an open document: what the diagnostics and actions come from."""

    version: int | None
    text: str  # the text as checked (line endings as "\n")
    result: FileResult
    diagnostics: list[types.Diagnostic] = field(default_factory=list)  # as published


class ReadlintProtocol(LanguageServerProtocol):
    """pygls's protocol, made to answer every request: a request whose params are not what
    the protocol says gets InvalidParams, one before `initialize` ServerNotInitialized, one
    after `shutdown` InvalidRequest; a notification like that is left out, said in one line
    on standard error."""

    def receive(self, data: Any) -> None:
        """Handle one message, as read from its JSON."""
        if not isinstance(data, dict):
            say("skipped a message that is not a JSON object")
            return
        if "method" not in data:
            self._receive_response(data)
            return
        method = data["method"]
        request = "id" in data
        msg_id = data.get("id")
        if request and not (isinstance(msg_id, (int, str)) and not isinstance(msg_id, bool)):
            self.refuse(None, types.ErrorCodes.InvalidRequest,
                        "a request's id must be a number or a string")
            return
        name = method if isinstance(method, str) and method.isprintable() else \
            json.dumps(method)
        name = name if len(name) <= 80 else name[:77] + "..."
        code, problem = types.ErrorCodes.InvalidRequest, ""
        if data.get("jsonrpc") != "2.0":
            problem = 'it does not say "jsonrpc": "2.0"'
        elif not isinstance(method, str):
            problem = "its method is not a string"
        elif self._shutdown and method != types.EXIT:
            problem = "the server is shutting down; after shutdown it only takes exit"
        elif self._workspace is None and method not in (types.INITIALIZE, types.EXIT):
            code, problem = (types.ErrorCodes.ServerNotInitialized,
                             "the server is not initialized yet; send initialize first")
        if not problem:
            kind = self.get_message_type(method) or (
                JsonRPCRequestMessage if request else JsonRPCNotification)
            try:
                message = self._converter.structure(data, kind)
            except Exception as exc:
                code, problem = types.ErrorCodes.InvalidParams, f"bad params: {_reason(exc)}"
            else:
                problem = self._unknown_command(method, message)
                code = types.ErrorCodes.InvalidParams if problem else code
        if problem:
            if request:
                self.refuse(msg_id, code, f"{name}: {problem}")
            else:
                say(f"left out the notification {name}: {problem}")
            return
        self.handle_message(message)

    def _unknown_command(self, method: str, message: Any) -> str:
        """What is wrong with a command the server does not have ("" for none): pygls would
        answer it, but with a traceback on standard error."""
        if method != types.WORKSPACE_EXECUTE_COMMAND:
            return ""
        command = message.params.command
        if command in self.fm.commands:
            return ""
        name = json.dumps(command)
        return f"the server has no command {name if len(name) <= 80 else name[:77] + '...'}"

    def _receive_response(self, data: dict[str, Any]) -> None:
        """A client's answer to one of the server's own requests."""
        message: Any
        try:
            if "error" in data:
                message = self._converter.structure(data, types.ResponseErrorMessage)
            else:
                kind = self._result_types.pop(data.get("id", ""), None) or \
                    JsonRPCResponseMessage
                message = self._converter.structure(data, kind)
        except Exception as exc:
            say(f"skipped a response that cannot be read: {_reason(exc)}")
            return
        self.handle_message(message)

    def refuse(self, msg_id: int | str | None, code: int, text: str) -> None:
        """Answer a request with an error (and say it on standard error)."""
        say(f"answered a request with an error: {text}")
        self._send_data(types.ResponseErrorMessage(
            id=msg_id, error=types.ResponseError(code=int(code), message=text)))


def _reason(exc: Exception) -> str:
    """What was wrong with a message's fields, in one line, naming fields as the protocol
    does ("params.textDocument.languageId")."""
    if isinstance(exc, cattrs.BaseValidationError):
        found = []
        for line in cattrs.transform_error(exc, format_exception=_field_fault):
            what, _, where = line.partition(" @ $")
            where = re.sub(r"_([a-z])", lambda m: m.group(1).upper(), where.lstrip("."))
            found.append(f"{what} at {where}" if where else what)
        return "; ".join(found)
    return (str(exc).splitlines() or [type(exc).__name__])[0]


def _field_fault(exc: BaseException, kind: Any) -> str:
    """What is wrong with one field: a value out of range says which range."""
    if type(exc) is ValueError and str(exc) and kind not in (int, float, str, bool):
        return str(exc).splitlines()[0].rstrip(".")  # a protocol type's own check
    return format_exception(exc, kind)


def say(text: str) -> None:
    """One line on standard error, which editors keep as the server's log."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"readlint server: {text}\n")
        sys.stderr.flush()


class Framing:
    """Splits what a client sends into messages: header lines (Content-Length among them),
    a blank line, then exactly Content-Length bytes of JSON.

    A message framed wrong (no Content-Length, one that is not a number, one over the limit,
    a body shorter than it says, bytes that are no header) is skipped and said, and reading
    goes on at the next header that starts a message. A JSON body never holds such a header
    (a line break inside a JSON string is written as \\n), so finding one inside a body says
    the body ended sooner than its Content-Length claimed."""

    def __init__(self, limit: int = MAX_MESSAGE) -> None:
        self.limit = limit
        self.buffer = bytearray()
        self.length: int | None = None  # of the body being read, once its headers are read
        self.lost = False  # between messages: looking for the next one's headers
        self.resume = 0  # where to look for them: 1 when the buffer starts with what is wrong
        self.searched = 0  # how far the body being read was searched for a header

    def feed(self, data: bytes) -> list[bytes | str]:
        """The bodies of the messages these bytes complete, and what was skipped and why
        (as text), in the order they came."""
        self.buffer += data
        out: list[bytes | str] = []
        while self._body(out) if self.length is not None else \
                self._find_next() if self.lost else self._headers(out):
            pass
        return out

    def _skip(self, out: list[bytes | str], why: str, resume: int = 0) -> bool:
        """Skip to the next header that starts a message."""
        out.append(f"skipped a message: {why}; reading goes on at the next message")
        self.lost, self.resume = True, resume
        return True

    def _find_next(self) -> bool:
        at = _next_header(self.buffer, self.resume, len(self.buffer))
        if at < 0:
            del self.buffer[:max(0, len(self.buffer) - 256)]  # a header may start in the rest
            return False
        del self.buffer[:at]
        self.lost = False
        return True

    def _headers(self, out: list[bytes | str]) -> bool:
        buffer = self.buffer
        blank = 0
        while blank < len(buffer) and buffer[blank] in b"\r\n":  # blank lines between messages
            blank += 1
        del buffer[:blank]
        if not buffer:
            return False
        if _HEADER_LINE.match(buffer) is None:
            if b"\n" in buffer[:MAX_HEADERS] or len(buffer) > MAX_HEADERS:
                return self._skip(out, "it does not start with a header such as "
                                       "Content-Length", resume=1)
            return False  # the first line is not all here yet
        end = _HEADERS_END.search(buffer, 0, MAX_HEADERS + 4)
        if end is None:
            if len(buffer) > MAX_HEADERS:
                return self._skip(out, f"its headers run past {MAX_HEADERS} bytes", resume=1)
            return False
        lines = bytes(buffer[:end.start()]).split(b"\n")
        del buffer[:end.end()]
        lengths = []
        for line in lines:
            if _HEADER_LINE.fullmatch(line + b"\n") is None:
                return self._skip(out, "its headers cannot be read")
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                lengths.append(value.strip().decode("ascii", "replace"))
        if not lengths:
            return self._skip(out, "it has no Content-Length header")
        if len(set(lengths)) > 1:
            return self._skip(out, f"it has two Content-Length headers ({', '.join(lengths)})")
        if not lengths[0].isdigit() or not lengths[0].isascii():
            return self._skip(out, f"its Content-Length ({lengths[0][:40]}) is not a number "
                                   "of bytes")
        length = int(lengths[0]) if len(lengths[0]) < 40 else self.limit + 1
        if length > self.limit:
            return self._skip(out, f"its Content-Length ({lengths[0][:40]} bytes) is over "
                                   f"the {self.limit / (1 << 30):g} GB limit")
        self.length, self.searched = length, 0
        return True

    def _body(self, out: list[bytes | str]) -> bool:
        buffer, length = self.buffer, self.length
        assert length is not None
        at = _next_header(buffer, max(0, self.searched - 256), min(len(buffer), length + 256))
        if 0 <= at < length:
            self.length = None
            del buffer[:at]
            out.append(f"skipped a message: its body is shorter than its Content-Length "
                       f"({length}); reading goes on at the next message")
            return True
        if len(buffer) < length:
            self.searched = len(buffer)
            return False
        with memoryview(buffer) as view:
            out.append(view[:length].tobytes())  # one copy
        del buffer[:length]
        self.length = None
        return True


# A header line: a name of token characters, a colon, a value, the line's end.
_HEADER_LINE = re.compile(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+[ \t]*:[^\r\n]*\r?\n")
_HEADERS_END = re.compile(rb"\r?\n\r?\n")
# What follows "Content-Length" in its header line.
_LENGTH_REST = re.compile(rb"[ \t]*:[^\r\n]*\r?\n")


def _next_header(buffer: bytearray, start: int, end: int) -> int:
    """Where the next Content-Length header line starts in buffer[start:end], or -1. Its
    end ("ength", in either case) is searched for as plain bytes: quick in a long body."""
    found = []
    for tail in (b"ength", b"ENGTH"):
        at = buffer.find(tail, start + 9, end)
        while at >= 0:
            if bytes(buffer[at - 9:at]).lower() == b"content-l" and \
                    _LENGTH_REST.match(buffer, at + 5, end):
                found.append(at - 9)
                break
            at = buffer.find(tail, at + 1, end)
    return min(found, default=-1)


class ReadlintServer(LanguageServer):
    protocol: ReadlintProtocol

    def __init__(self, audience: str | None = None, pause: float = PAUSE) -> None:
        super().__init__("readlint", __version__, protocol_cls=ReadlintProtocol)
        self.audience = audience
        self.pause = pause
        self.registry = Registry.default()
        self.checked: dict[str, Checked] = {}
        # Each file's settings, from the config nearest to it as it is now.
        self.resolver = Resolver(self.registry, Choices(
            audience=audience, jobs=1, cache=False, keep_source=True, offer_fixes=True),
            follow_edits=True)
        self._linters: dict[Path | None, Linter] = {}
        self._pending: dict[str, asyncio.TimerHandle] = {}
        self._glossaries_seen = time.monotonic()  # when the glossary files were looked at

    # -- reading messages ---------------------------------------------------------------------

    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
        """Speak the protocol over standard input and output until the client says exit
        (or closes its end)."""
        self._stop_event = threading.Event()
        if stdout is None:
            stdout = sys.stdout.buffer
            # the protocol's stream is the editor's alone: what a rule (a plug-in's) prints
            # goes to standard error, which editors show as the server's log
            sys.stdout = sys.stderr
        self.protocol.set_writer(StdoutWriter(stdout))
        try:
            asyncio.run(self._read_messages((stdin or sys.stdin.buffer).fileno()))
        except BrokenPipeError:
            say("the client closed the connection")
        finally:
            self.shutdown()  # type: ignore[no-untyped-call]

    async def _read_messages(self, fd: int) -> None:
        loop = asyncio.get_running_loop()
        framing = Framing()
        # Reading waits in a thread of its own, so pauses before checks run meanwhile.
        reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readlint-input")
        try:
            while self._stop_event is not None and not self._stop_event.is_set():
                data = await loop.run_in_executor(reader, os.read, fd, READ_SIZE)
                if not data:
                    break
                for item in framing.feed(data):
                    if isinstance(item, str):
                        say(item)
                        continue
                    try:
                        message = json.loads(item)
                    except (ValueError, RecursionError) as exc:
                        say(f"skipped a message that is not JSON ({_reason(exc)})")
                        continue
                    try:
                        self.protocol.receive(message)
                    except Exception as exc:  # a bug must not stop the server
                        say(f"could not handle a message: {type(exc).__name__}: {exc}")
        finally:
            reader.shutdown(wait=False)

    # -- checking ---------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Load now, not at the first page, all a check can need: every rule's word tables,
        glossaries and lists, for every rule set the project has (each may name its own),
        by checking each rule's example pages, then the rules' explanations as one page (the
        facts of their words, common ones and health terms, worked out once); and each
        rule's explanation page. What is loaded is then set aside from the cycle collector,
        which need not search it."""
        try:
            linter = self.linter_for(Path.cwd() / "warm-up.md")
            sets = sorted(linter.selection.rule_sets.sets)
        except ReadlintError:
            return  # a config that cannot be read is said on each page when it is checked
        examples = [rule.example for rule in self.registry if rule.example is not None]
        pages = [text for e in examples for text in (e.text, e.fixed) if text]
        body = "\n\n".join(_FRONT_MATTER.sub("", text) for text in pages)
        pages += [f"---\naudienceLevel: {json.dumps(name)}\nlanguage: en\n---\n{body}"
                  for name in sets]
        # the rules' own explanations as one page: some 8,000 words of plain English and
        # health terms, whose facts (rarity, syllables, word forms) the first page then finds
        # worked out (about 15 ms of a 3,000-word page's first check, for 0.3 s here)
        pages.append("---\nlanguage: en\n---\n" + "\n\n".join(_helps(self.registry)))
        for page in pages:
            try:
                linter.lint_text(page, "warm-up.md", Path.cwd() / "warm-up.md")
            except ReadlintError:  # a broken setting is said on each page, when checked
                break
            except Exception as exc:  # a rule's bug: said again when a page meets it
                say(f"warm-up: {type(exc).__name__}: {exc}")
        for rule in self.registry:
            try:
                rule_page(rule.name)
            except Exception as exc:  # a plug-in's example that fails
                say(f"warm-up: the page explaining {rule.name}: {type(exc).__name__}: {exc}")
        gc.collect()
        gc.freeze()

    def linter_for(self, path: Path) -> Linter:
        """The linter with the settings for a file, made again when its config changes. It
        keeps each page as read, so a hover can ask it for a sentence's difficulty."""
        settings = self.resolver.for_file(path)
        linter = self._linters.get(settings.config.file)
        if linter is None or linter.settings is not settings:
            linter = Linter(settings=settings, measure=True, describe=keep_document)
            self._linters[settings.config.file] = linter
        return linter

    def check(self, document: TextDocument) -> None:
        """Check the document's text now and publish its diagnostics, with the glossary
        files as they are now (edited in another program, they are read again; looked at
        once a second at most, while the writer types)."""
        now = time.monotonic()
        if now - self._glossaries_seen >= 1.0:
            glossary_sets.refresh()
            self._glossaries_seen = now
        path = document_path(document.uri)
        display = str(path) if path is not None else document.uri
        text = document.source
        try:
            if path is not None:
                linter = self.linter_for(path)
                if excluded(path, linter.config) or \
                        not self.is_prose(document, path, linter.config.extensions):
                    # The config leaves the file out, or it is not a page (a script, data).
                    result = FileResult(display, source_text=text.replace("\r\n", "\n"))
                else:
                    result = self.lint(linter, text, display, path)
            else:  # an untitled buffer: with the workspace's settings, if it is a page
                linter = self.linter_for(self.untitled_place())
                result = self.lint(linter, text, display, None) \
                    if self.is_prose(document, None, linter.config.extensions) else \
                    FileResult(display, source_text=text.replace("\r\n", "\n"))
        except ReadlintError as exc:  # a config that cannot be read: say so on line 1 of a
            # page, on its own line in the config itself, and not in a script or data file
            result = FileResult(display, error=exc)
            if path is not None and exc.path is not None and page_at(exc.path, [path]):
                result = FileResult(exc.path, error=exc)
            elif not (self.is_prose(document, path, DEFAULT_EXTENSIONS) or
                      document.language_id in (None, "")):  # (may be a page: say it)
                result = FileResult(display, source_text=text.replace("\r\n", "\n"))
        except Exception as exc:  # a bug must not stop the server; say it in the editor
            logging.exception("readlint could not check %s", display)
            result = FileResult(display, error=ReadlintError(
                f"internal error: {exc.__class__.__name__}: {exc}", display))
        if result.source_path is None:
            result.source_path = path  # hovers read the settings of the page's own folder
        checked = Checked(document.version, result.source_text or text.replace("\r\n", "\n"),
                          result)
        checked.diagnostics = self.diagnostics(document, checked)
        self.checked[document.uri] = checked
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=document.uri, version=document.version, diagnostics=checked.diagnostics))

    @staticmethod
    def lint(linter: Linter, text: str, display: str, path: Path | None) -> FileResult:
        """The buffer's result. A buffer larger than the config's file-size limit is not
        checked, as `readlint check` leaves such a file: one error says so."""
        limit = linter.config.max_file_size
        size = len(text)  # characters; each is one to four bytes
        if limit < size * 4:
            size = len(text.encode("utf-8", "surrogatepass"))
        if size > limit:
            shown = f"{size / 1048576:.1f}"
            for digits in (2, 3, 6):  # never "5.0 MB, over the 5 MB limit"
                if float(shown) > limit / 1048576:
                    break
                shown = f"{size / 1048576:.{digits}f}"
            return FileResult(display, error=InputError(
                f"This page is too large to check: {shown} MB, over the "
                f"{limit / 1048576:.3g} MB limit. Raise max_file_size_mb in the config to "
                "check it.", display, 1))
        return linter.lint_text(text, display, path)

    def untitled_place(self) -> Path:
        """Where an untitled buffer stands for its settings: the workspace's top folder (the
        first of its folders), else the folder the server runs in."""
        root = self.workspace.root_path
        if not root:
            folders = list(self.workspace.folders.values())
            root = document_path(folders[0].uri) if folders else None
        return Path(root or Path.cwd()) / "untitled.md"

    @staticmethod
    def is_prose(document: TextDocument, path: Path | None, extensions: Sequence[str]) -> bool:
        """A page to check: Markdown or text for the editor, a file with one of the
        `extensions` the config checks (.md, .markdown and .txt unless it says otherwise), or
        an untitled buffer (`path` None) the editor gives no language."""
        if document.language_id in PROSE_LANGUAGES:
            return True
        if path is None:
            return document.language_id in (None, "")
        return path.suffix.lower() in extensions

    def check_later(self, uri: str) -> None:
        """Check after a short pause; a newer change restarts the pause."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        loop = asyncio.get_running_loop()

        def run() -> None:
            self._pending.pop(uri, None)
            if uri in self.checked:  # not closed meanwhile
                self.check(self.workspace.get_text_document(uri))
        self._pending[uri] = loop.call_later(self.pause, run)

    def saved(self, uri: str) -> None:
        """A file was saved: a config or a file it may name (every open page is checked
        again), or an open page."""
        saved = Path(urlparse(uri).path)
        if saved.name in CONFIG_FILE_NAMES:
            self.check_all_open()  # the settings changed: every open page may read otherwise
        elif saved.suffix.lower() in SETTINGS_SUFFIXES:
            self.settings_files_changed()
            self.check_all_open()
        elif uri in self.checked:
            self.check(self.workspace.get_text_document(uri))

    def closed(self, uri: str) -> None:
        """A page was closed: its diagnostics go, and a check waiting for it."""
        self.checked.pop(uri, None)
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=[]))

    def settings_files_changed(self) -> None:
        """A rule set, a glossary or a word list a config may name was saved: read every
        config and the files they name again before the next check."""
        glossary_sets.refresh()
        self.resolver.forget()

    def check_all_open(self) -> None:
        for uri in list(self.checked):
            self.check(self.workspace.get_text_document(uri))

    # -- turning results into protocol values ---------------------------------------------------

    def diagnostics(self, document: TextDocument, checked: Checked) -> list[types.Diagnostic]:
        result = checked.result
        error = result.error
        if error is not None:
            own = error.path in (None, result.path)  # else another file: the config
            line = max(0, (error.line or 1) - 1) if own else 0
            return [types.Diagnostic(
                range=types.Range(start=types.Position(line=line, character=0),
                                  end=types.Position(line=line + 1, character=0)),
                message=error.message if own else f"This page cannot be checked: {error}",
                severity=types.DiagnosticSeverity.Error, source="readlint")]
        units = Units(document, checked.text)
        found = []
        for p in result.problems:
            href = rule_page(p.rule)
            found.append(types.Diagnostic(
                range=units.range(p.line, p.column, p.end_line, p.end_column),
                message=p.message, severity=_SEVERITY[p.severity], code=p.code,
                code_description=types.CodeDescription(href=href) if href else None,
                source=f"readlint {p.rule}", data={"rule": p.rule}))
        # a rule that failed, whose problems are missing (after the problems: actions pair
        # the problems with the diagnostics in order)
        found.extend(types.Diagnostic(
            range=types.Range(start=units.position(failure.line or 1, 1),
                              end=units.position((failure.line or 1) + 1, 1)),
            message=failure.message, severity=types.DiagnosticSeverity.Error,
            source="readlint") for failure in result.failures)
        return found


class Units:
    """Places in a checked text (1-based lines, columns in characters) as the client counts
    them: UTF-16 code units unless it chose UTF-8 or UTF-32. Lines are split once."""

    def __init__(self, document: TextDocument, text: str) -> None:
        self.lines = text.split("\n")
        self.encoding = str(document.position_codec.encoding or "utf-16")

    def column(self, line: int, column: int) -> int:
        """0-based, in the client's units, of a 1-based line and column in characters."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        before = text[:column - 1]
        if before.isascii() or self.encoding == "utf-32":
            return column - 1
        if self.encoding == "utf-8":
            return len(before.encode("utf-8"))
        return column - 1 + sum(1 for ch in before if ord(ch) > 0xFFFF)

    def position(self, line: int, column: int) -> types.Position:
        return types.Position(line=line - 1, character=self.column(line, column))

    def range(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        return types.Range(start=self.position(line, column),
                           end=self.position(end_line, end_column))

    def range_of_offsets(self, text: str, start: int, end: int) -> types.Range:
        return self.range(*_place(text, start), *_place(text, end))


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def keep_document(doc: Document, result: FileResult, rules: Mapping[str, RuleInfo]
                  ) -> Document:
    """What a check keeps besides its result: the page as read, so a hover asks it for a
    sentence's difficulty, with the scores the check worked out."""
    return doc


def _place(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset into text."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def document_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


def _helps(registry: Registry) -> Iterator[str]:
    """Each rule's explanation; a plug-in whose explanation fails is said and passed over."""
    for rule in registry:
        try:
            yield rule.help()
        except Exception as exc:  # a plug-in's bug must not stop the warm-up
            say(f"warm-up: the explanation of {rule.name}: {type(exc).__name__}: {exc}")


@cache
def rule_page(rule_name: str) -> str | None:
    """A page with the rule's explanation (what `readlint explain` prints), written once into
    the cache folder, as a file: link the editor can open."""
    registry = Registry.default()
    rule = registry.get(rule_name)
    if rule is not None and rule.docs_url:
        return rule.docs_url
    if rule is None or not store.enabled():
        return None
    # named by what makes it: a page another build of readlint wrote is not shown for this one's
    made = store.digest(_own_files(), rule.help(), repr(rule.example))
    page = store.root() / "rules" / f"{rule.code}-{rule.name}-{made[:16]}.md"
    if not page.exists():
        lines = [f"# {rule.code} {rule.name}", "", rule.help(), ""]
        if rule.example is not None:
            lines += ["## Example", "", "```markdown", rule.example.text.rstrip("\n"), "```", ""]
            lines += [f"readlint says, at line {p.line}, column {p.column}: {p.message}"
                      for p in example_problems(registry, rule.name, rule.example.text,
                                                rule.example.options)]
        try:
            page.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(page, "\n".join(lines) + "\n")
        except (OSError, ReadlintError):
            return None
    return page.as_uri()


@cache
def _own_files() -> str:
    """readlint's own code and data, by their stamps (as the result cache knows them)."""
    return store.digest(*result_cache.code_stamps())


# Files a config may name besides itself: rule sets, glossaries, word lists.
SETTINGS_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".tsv", ".csv"})


# -- documents as the protocol counts their lines ---------------------------------------------

# A line as LSP counts lines: it ends at "\n", "\r\n" or "\r" only.
_LSP_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


class LspTextDocument(TextDocument):
    """An open document whose lines end where the protocol says they do: at "\n", "\r\n" or
    "\r", not also at the characters Python's splitlines takes for line ends (U+2028, U+2029,
    U+0085, a form feed). With those, an edit typed below one landed on the wrong line, and
    the server's copy of the page drifted from the editor's."""

    @property
    def lines(self) -> Sequence[str]:
        return tuple(_LSP_LINE.findall(self.source))


class LspWorkspace(Workspace):
    """pygls's workspace, whose documents are LspTextDocuments, and which passes over a
    change to a document that is not open (the editor's message came late: pygls raised
    KeyError, which the editor showed as an error)."""

    def update_text_document(self, text_doc: types.VersionedTextDocumentIdentifier,
                             change: types.TextDocumentContentChangeEvent) -> None:
        if unquote(text_doc.uri) in self.text_documents:
            super().update_text_document(text_doc, change)

    def _create_text_document(self, doc_uri: str, source: str | None = None,
                              version: int | None = None, language_id: str | None = None,
                              ) -> TextDocument:
        return LspTextDocument(doc_uri, source=source, version=version,
                               language_id=language_id, sync_kind=self._sync_kind,
                               position_codec=self._position_codec)


# -- the protocol's features -----------------------------------------------------------------

def make_server(audience: str | None = None, pause: float = PAUSE) -> ReadlintServer:
    server = ReadlintServer(audience, pause)

    @server.feature(types.INITIALIZE)
    def initialize(ls: ReadlintServer, params: types.InitializeParams) -> None:
        # pygls has made the workspace by now; its documents count lines as LSP does
        ls.workspace.__class__ = LspWorkspace

    @server.feature(types.INITIALIZED)
    def initialized(ls: ReadlintServer, params: types.InitializedParams) -> None:
        ls.warm_up()  # now, not on the first keystroke

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ReadlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(ls.workspace.get_text_document(params.text_document.uri))

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ReadlintServer, params: types.DidChangeTextDocumentParams) -> None:
        if unquote(params.text_document.uri) in ls.workspace.text_documents:  # (open)
            ls.check_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ReadlintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.saved(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ReadlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: ReadlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(Path(urlparse(c.uri).path).suffix.lower() in SETTINGS_SUFFIXES
               for c in params.changes):
            ls.settings_files_changed()
        ls.check_all_open()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: ReadlintServer, params: types.DidChangeConfigurationParams) -> None:
        ls.check_all_open()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_actions(ls: ReadlintServer, params: types.CodeActionParams,
                     ) -> list[types.CodeAction]:
        return actions_for(ls, params.text_document.uri, params.context)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ReadlintServer, params: types.HoverParams) -> types.Hover | None:
        return hover_at(ls, params.text_document.uri, params.position)

    return server


def actions_for(ls: ReadlintServer, uri: str, context: types.CodeActionContext,
                ) -> list[types.CodeAction]:
    """The quick fixes for the diagnostics the client asks about (those in the request's
    context, as it sent them): first each one's fix, preferred, then turning each one's
    rule off for its line. Other problems in the range are not the client's question."""
    checked = ls.checked.get(uri)
    if checked is None:
        return []
    if context.only is not None and not any(
            kind in (types.CodeActionKind.QuickFix, types.CodeActionKind.Empty)
            for kind in context.only):
        return []
    document = ls.workspace.get_text_document(uri)
    if document.version != checked.version:
        return []  # changed since the check: a fix made for the old text would land wrong
    asked = _asked(checked, context.diagnostics)
    found = [_edit_action(ls, document, checked, p, p.fix, diagnostic, preferred=True)
             for p, diagnostic in asked if p.fix is not None]
    lines: dict[tuple[str, int], tuple[Problem, list[types.Diagnostic]]] = {}
    for p, diagnostic in asked:  # one comment turns off a rule's problems on a line
        lines.setdefault((p.code, p.line), (p, []))[1].append(diagnostic)
    return found + [_disable_action(ls, document, checked, p, diagnostics)
                    for p, diagnostics in lines.values()]


def _asked(checked: Checked, sent: Iterable[types.Diagnostic],
           ) -> list[tuple[Problem, types.Diagnostic]]:
    """The problems behind the diagnostics a client sent back, with the diagnostic each was
    published as, in the client's order. A diagnostic is known by its code and range (a
    client may leave out or change the other fields), and its message when two share them."""
    published: dict[tuple[Any, ...], list[tuple[Problem, types.Diagnostic]]] = {}
    for p, d in zip(checked.result.problems, checked.diagnostics, strict=False):
        published.setdefault(_place_of(d), []).append((p, d))
    found: list[tuple[Problem, types.Diagnostic]] = []
    for diagnostic in sent:
        candidates = published.get(_place_of(diagnostic), [])
        same_message = [c for c in candidates if c[1].message == diagnostic.message]
        for pair in same_message or candidates:
            if pair not in found:
                found.append(pair)
    return found


def _place_of(d: types.Diagnostic) -> tuple[Any, ...]:
    return (str(d.code), d.range.start.line, d.range.start.character, d.range.end.line,
            d.range.end.character)


def _fix_title(p: Problem, fix: Fix) -> str:
    if fix.description:
        return fix.description[0].upper() + fix.description[1:]
    return f"Replace with \"{fix.replacement}\""


def _edit_action(ls: ReadlintServer, document: TextDocument, checked: Checked, p: Problem,
                 fix: Fix, diagnostic: types.Diagnostic, preferred: bool,
                 ) -> types.CodeAction:
    edit = types.TextEdit(range=Units(document, checked.text).range_of_offsets(
        checked.text, fix.start, fix.end), new_text=fix.replacement)
    return types.CodeAction(
        title=_fix_title(p, fix), kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic], is_preferred=preferred,
        edit=types.WorkspaceEdit(changes={document.uri: [edit]}))


def _disable_action(ls: ReadlintServer, document: TextDocument, checked: Checked, p: Problem,
                    diagnostics: list[types.Diagnostic]) -> types.CodeAction:
    """Turn the rule off for the problem's line: a comment at the end of that line. In the
    front matter a comment would be YAML's text ("audienceLevel: patient <!-- ... -->" is no
    audience), so there the rule is turned off for the file, on a line of its own right
    below the front matter."""
    units = Units(document, checked.text)
    below = _below_front_matter(checked.text)
    if below is not None and p.line < below:
        if below <= len(units.lines):
            at = units.position(below, 1)
            comment = f"<!-- readlint-disable-file {p.code} -->\n"
        else:  # the page ends at its closing "---": a line of its own after it
            last = units.lines[-1] if units.lines else ""
            at = units.position(len(units.lines), len(last) + 1)
            comment = f"\n<!-- readlint-disable-file {p.code} -->"
        scope = "this file"
    else:
        line = units.lines[p.line - 1] if p.line - 1 < len(units.lines) else ""
        # before a hard line break ("\\" or two spaces at the end), which must stay last
        end = len(line) - 1 if line.endswith("\\") else \
            len(line.rstrip(" ")) if line.endswith("  ") else len(line)
        at = units.position(p.line, end + 1)
        comment, scope = f" <!-- readlint-disable-line {p.code} -->", "this line"
    edit = types.TextEdit(range=types.Range(start=at, end=at), new_text=comment)
    return types.CodeAction(
        title=f"Turn off {p.code} {p.rule} for {scope}", kind=types.CodeActionKind.QuickFix,
        diagnostics=diagnostics,
        edit=types.WorkspaceEdit(changes={document.uri: [edit]}))


def _below_front_matter(text: str) -> int | None:
    """The 1-based line right below the text's front matter (its closing "---"), or None
    when it has none."""
    first = FRONT_MATTER_BOUNDARY.match(text)
    if first is None or not text.startswith("---"):
        return None
    closing = FRONT_MATTER_BOUNDARY.search(text, first.end())
    return None if closing is None else text.count("\n", 0, closing.start()) + 2


def hover_at(ls: ReadlintServer, uri: str, position: types.Position) -> types.Hover | None:
    checked = ls.checked.get(uri)
    if checked is None:
        return None
    document = ls.workspace.get_text_document(uri)
    if document.version != checked.version:
        return None  # changed since the check: its places are the old text's
    at = document.position_from_client_units(position)
    text = checked.text
    lines = text.split("\n")
    if at.line >= len(lines):
        return None
    if _in_front_matter(lines, at.line):
        return _grade_hover(checked)
    return _term_hover(ls, document, checked, lines[at.line], at.line, at.character) or \
        _sentence_hover(ls, document, checked, lines, at.line, at.character)


def _in_front_matter(lines: list[str], line: int) -> bool:
    if not lines or lines[0].strip() != "---":
        return False
    for n in range(1, len(lines)):
        if lines[n].strip() in ("---", "..."):
            return line <= n
    return False


def _grade_hover(checked: Checked) -> types.Hover | None:
    grading = checked.result.measures.get(GRADE)
    if not grading:
        return None
    words = grading.get("metrics", {}).get("words", 0)
    rule_set = checked.result.rule_set or "this"
    if not grading.get("graded"):
        value = (f"**Reading grade**: not measured; the page has {words} words, too few "
                 "for a reliable grade.")
    else:
        grade, target = float(grading["grade"]), float(grading["target"])
        verdict = (f"{grade - target:.1f} above the target" if grade > target
                   else "at or below the target")
        value = (f"**Reading grade {grade:.1f}** against a target of {target:g} for "
                 f"{rule_set} pages: {verdict}. ({words} words.)")
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                    value=value))


def _term_hover(ls: ReadlintServer, document: TextDocument, checked: Checked, line: str,
                line_number: int, column: int) -> types.Hover | None:
    """The glossary entry of the term under the pointer, from the glossaries the page's
    rules use."""
    refs = _glossaries(ls, checked)
    if not refs:
        return None
    doc = checked.result.detail
    try:
        # (as the rules match: a stage's label alone names one cancer's stage only on that
        # cancer's page)
        find = glossary_sets.page_find(doc, refs) if isinstance(doc, Document) else \
            glossary_sets.matcher_for(refs).find
        matches = find(line)
    except ReadlintError:
        return None
    for match in matches:
        if not match.start <= column < match.end:
            continue
        parts = []
        for entry in match.entries:
            g = next((g for g in glossary_sets.load_all(refs) if g.name == entry.glossary), None)
            heading = f"**{entry.term}**"
            if entry.pronunciation:
                heading += f" {entry.pronunciation}"
            title = g.title or g.name if g is not None else entry.glossary
            url = g.url_for(entry) if g is not None else entry.url
            text = f"{heading}: in {title}."
            if entry.definition:
                text += f"\n\n{entry.definition}"
            if url:
                text += f"\n\n[Open the entry]({url})"
            parts.append(text)
        units = Units(document, checked.text)
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                         value="\n\n---\n\n".join(parts)),
            range=units.range(line_number + 1, match.start + 1, line_number + 1,
                              match.end + 1))
    return None


def _sentence_hover(ls: ReadlintServer, document: TextDocument, checked: Checked,
                    lines: list[str], line: int, column: int) -> types.Hover | None:
    """The difficulty of the sentence under the pointer, with what makes it hard: the score
    the hard-sentence rule and the report give it, and the limit for the page's readers when
    the rule is on."""
    doc, rule_set = checked.result.detail, checked.result.rule_set
    if not isinstance(doc, Document) or rule_set is None or column >= len(lines[line]):
        return None
    path = checked.result.source_path
    linter = ls.linter_for(path if path is not None else ls.untitled_place())
    overrides = linter.selection.overrides_for(path)
    measured = next((a for a in linter.selection.measured(rule_set, overrides)
                     if HARD_SENTENCE in a.rule.tags), None)
    skip = measured.options["skip_sections"] if measured is not None else \
        difficulty.ADMINISTRATIVE
    offset = sum(len(text) + 1 for text in lines[:line]) + column
    item = difficulty.difficulty_at(doc, offset, skip=skip)
    if item is None:
        return None
    value = f"**Difficulty {item.score:.0f} of 100** (0 plain, 100 hard)"
    on = next((a for a in linter.selection.active(rule_set, overrides)
               if measured is not None and a.rule.name == measured.rule.name), None)
    if on is not None:
        limit = float(on.options["max_score"])
        value += (f", above the limit of {limit:g} for {rule_set} pages"
                  if round(item.score) > limit else f"; the limit for {rule_set} pages is "
                  f"{limit:g}")
    said = "; ".join(item.reasons())
    if not said:
        value += "."
    elif item.score >= difficulty.REWRITE_FROM:
        value += f". What makes it hard, the heaviest first: {said}."
    else:
        value += f". What weighs most: {said}."
    if difficulty.not_a_sentence(doc, item.place):
        value += ("\n\nThis looks like a table, a key or a list run into the text rather than "
                  "a sentence: its fix is its layout.")
    page = checked.result.measures.get(HARD_SENTENCE, {}).get("score")
    if page is not None:
        value += f"\n\nThe page's difficulty: {page:.0f} of 100."
    sentence = doc.sentences[item.place]
    units = Units(document, checked.text)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=value),
        range=units.range_of_offsets(checked.text, sentence.source_start,
                                     sentence.source_end))


def _glossaries(ls: ReadlintServer, checked: Checked) -> tuple[str, ...]:
    path = checked.result.source_path
    linter = ls.linter_for(path if path is not None else ls.untitled_place())
    rule_set = checked.result.rule_set
    if rule_set is None:
        return ()
    return linter.selection.glossaries(rule_set, linter.selection.overrides_for(path))


def serve(audience: str | None = None) -> None:
    """Speak the protocol over standard input and output until the editor says exit."""
    make_server(audience).start_io()
