"""`readlint server`: the Language Server Protocol over stdio, so editors show readlint's
problems while the writer types.

The server checks each open Markdown or text document with the settings its file on disk
would get (nearest config, the buffer's own audienceLevel, --audience), and publishes the
problems as diagnostics when the document is opened, changed (after a short pause) or saved.
It offers quick fixes (the glossary link, the plain word, turning a rule off for one line)
and shows glossary entries and the page's reading grade on hover. The word tables and
glossaries are loaded once, when the server starts, so each check after that is quick.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from . import glossary, store
from .config import find_config
from .errors import ReadlintError
from .files import excluded
from .fixes import write_atomically
from .linter import Choices, Linter, example_problems
from .problem import Fix, Problem, Severity
from .registry import Registry
from .results import FileResult
from .rule import GRADE
from .version import __version__

# How long to wait after a change before checking, so a burst of keystrokes costs one check.
PAUSE = 0.05  # seconds
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
             Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}
CONFIG_NAMES = (".readlint.yaml", ".readlint.yml", "readlint.yaml")
PROSE_LANGUAGES = frozenset({"markdown", "plaintext", "text", "mdx"})


@dataclass
class Checked:
    """The last check of an open document: what the diagnostics and actions come from."""

    version: int | None
    text: str  # the text as checked (line endings as "\n")
    result: FileResult
    diagnostics: list[types.Diagnostic] = field(default_factory=list)  # as published


class ReadlintServer(LanguageServer):
    def __init__(self, audience: str | None = None, pause: float = PAUSE) -> None:
        super().__init__("readlint", __version__)
        self.audience = audience
        self.pause = pause
        self.registry = Registry.default()
        self.checked: dict[str, Checked] = {}
        self._linters: dict[tuple[str | None, str], Linter] = {}
        self._pending: dict[str, asyncio.TimerHandle] = {}

    # -- checking ---------------------------------------------------------------------------

    def linter_for(self, path: Path) -> Linter:
        """The settings for a file, rebuilt when its config file changes (by its stamp)."""
        found = find_config(path.parent)
        key = (str(found) if found else None, store.stamp(found) if found else "")
        linter = self._linters.get(key)
        if linter is None:
            choices = Choices(audience=self.audience, jobs=1, cache=False, keep_source=True,
                              offer_fixes=True)
            linter = Linter(_config(found), self.registry, choices, measure=True,
                            nearest_config=False)
            self._linters = {k: v for k, v in self._linters.items() if k[0] != key[0]}
            self._linters[key] = linter
        return linter

    def check(self, document: TextDocument) -> None:
        """Check the document's text now and publish its diagnostics."""
        path = document_path(document.uri)
        display = str(path) if path is not None else document.uri
        text = document.source
        try:
            if path is not None:
                linter = self.linter_for(path)
                if excluded(path, linter.config) or not self.is_prose(document, path, linter):
                    # The config leaves the file out, or it is not a page (a script, data).
                    result = FileResult(display, source_text=text.replace("\r\n", "\n"))
                else:
                    result = linter.lint_text(text, display, path)
            else:
                linter = self.linter_for(Path.cwd() / "untitled.md")
                result = linter.lint_text(text, display)
        except ReadlintError as exc:  # a config that cannot be read: say so on line 1
            result = FileResult(display, error=exc)
        except Exception as exc:  # a bug must not stop the server; say it in the editor
            logging.exception("readlint could not check %s", display)
            result = FileResult(display, error=ReadlintError(
                f"internal error: {exc.__class__.__name__}: {exc}", display))
        checked = Checked(document.version, result.source_text or text.replace("\r\n", "\n"),
                          result)
        checked.diagnostics = self.diagnostics(document, checked)
        self.checked[document.uri] = checked
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=document.uri, version=document.version, diagnostics=checked.diagnostics))

    @staticmethod
    def is_prose(document: TextDocument, path: Path, linter: Linter) -> bool:
        """A page to check: Markdown or text for the editor, or a file with one of the
        extensions the config checks (.md, .markdown and .txt unless it says otherwise)."""
        return document.language_id in PROSE_LANGUAGES or \
            path.suffix.lower() in linter.config.extensions

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


def _config(found: Path | None) -> Any:
    from .config import Config, load_config
    return load_config(found) if found is not None else Config()


def _place(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset into text."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def document_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


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
    page = store.root() / "rules" / f"{rule.code}-{rule.name}-{__version__}.md"
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


# -- the protocol's features -----------------------------------------------------------------

def make_server(audience: str | None = None, pause: float = PAUSE) -> ReadlintServer:
    server = ReadlintServer(audience, pause)

    @server.feature(types.INITIALIZED)
    def initialized(ls: ReadlintServer, params: types.InitializedParams) -> None:
        # Load the word tables and glossaries now, not on the first keystroke. A config that
        # cannot be read is said on each page's first line when the page is checked.
        with contextlib.suppress(ReadlintError):
            ls.linter_for(Path.cwd() / "warm-up.md").lint_text(
                "---\naudienceLevel: patient\n---\n# Warm\n\nA warm-up page.\n", "warm-up.md")

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ReadlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(ls.workspace.get_text_document(params.text_document.uri))

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ReadlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.check_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ReadlintServer, params: types.DidSaveTextDocumentParams) -> None:
        if Path(urlparse(params.text_document.uri).path).name in CONFIG_NAMES:
            ls.check_all_open()  # the settings changed: every open page may read otherwise
        elif params.text_document.uri in ls.checked:
            ls.check(ls.workspace.get_text_document(params.text_document.uri))

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ReadlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.checked.pop(params.text_document.uri, None)
        pending = ls._pending.pop(params.text_document.uri, None)
        if pending is not None:
            pending.cancel()
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: ReadlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.check_all_open()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: ReadlintServer, params: types.DidChangeConfigurationParams) -> None:
        ls.check_all_open()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_actions(ls: ReadlintServer, params: types.CodeActionParams,
                     ) -> list[types.CodeAction]:
        return actions_for(ls, params.text_document.uri, params.range)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ReadlintServer, params: types.HoverParams) -> types.Hover | None:
        return hover_at(ls, params.text_document.uri, params.position)

    return server


def _overlaps(p: Problem, start: tuple[int, int], end: tuple[int, int]) -> bool:
    return (p.line, p.column) <= end and start <= (p.end_line, p.end_column)


def actions_for(ls: ReadlintServer, uri: str, where: types.Range) -> list[types.CodeAction]:
    checked = ls.checked.get(uri)
    if checked is None:
        return []
    document = ls.workspace.get_text_document(uri)
    picked = document.range_from_client_units(where)
    start = (picked.start.line + 1, picked.start.character + 1)
    end = (picked.end.line + 1, picked.end.character + 1)
    found: list[types.CodeAction] = []
    # One diagnostic per problem, in order (an unreadable page has no problems).
    diagnostics = {id(p): d for p, d in zip(checked.result.problems, checked.diagnostics,
                                            strict=False)}
    for p in checked.result.problems:
        if not _overlaps(p, start, end):
            continue
        diagnostic = diagnostics.get(id(p))
        if p.fix is not None:
            found.append(_edit_action(ls, document, checked, p, p.fix, diagnostic,
                                      preferred=True))
        found.append(_disable_action(ls, document, checked, p, diagnostic))
    return found


def _fix_title(p: Problem, fix: Fix) -> str:
    if fix.description:
        return fix.description[0].upper() + fix.description[1:]
    return f"Replace with \"{fix.replacement}\""


def _edit_action(ls: ReadlintServer, document: TextDocument, checked: Checked, p: Problem,
                 fix: Fix, diagnostic: types.Diagnostic | None, preferred: bool,
                 ) -> types.CodeAction:
    edit = types.TextEdit(range=Units(document, checked.text).range_of_offsets(
        checked.text, fix.start, fix.end), new_text=fix.replacement)
    return types.CodeAction(
        title=_fix_title(p, fix), kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic] if diagnostic else None, is_preferred=preferred,
        edit=types.WorkspaceEdit(changes={document.uri: [edit]}))


def _disable_action(ls: ReadlintServer, document: TextDocument, checked: Checked, p: Problem,
                    diagnostic: types.Diagnostic | None) -> types.CodeAction:
    """Turn the rule off for the problem's line: a comment at the end of that line."""
    units = Units(document, checked.text)
    line = units.lines[p.line - 1] if p.line - 1 < len(units.lines) else ""
    comment = f" <!-- readlint-disable-line {p.code} -->"
    at = units.position(p.line, len(line) + 1)
    edit = types.TextEdit(range=types.Range(start=at, end=at), new_text=comment)
    return types.CodeAction(
        title=f"Turn off {p.code} {p.rule} for this line", kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic] if diagnostic else None,
        edit=types.WorkspaceEdit(changes={document.uri: [edit]}))


def hover_at(ls: ReadlintServer, uri: str, position: types.Position) -> types.Hover | None:
    checked = ls.checked.get(uri)
    if checked is None:
        return None
    document = ls.workspace.get_text_document(uri)
    at = document.position_from_client_units(position)
    text = checked.text
    lines = text.split("\n")
    if at.line >= len(lines):
        return None
    if _in_front_matter(lines, at.line):
        return _grade_hover(checked)
    return _term_hover(ls, document, checked, lines[at.line], at.line, at.character)


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
    try:
        matches = glossary.matcher_for(refs).find(line)
    except ReadlintError:
        return None
    for match in matches:
        if not match.start <= column < match.end:
            continue
        parts = []
        for entry in match.entries:
            g = next((g for g in glossary.load_all(refs) if g.name == entry.glossary), None)
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


def _glossaries(ls: ReadlintServer, checked: Checked) -> tuple[str, ...]:
    path = checked.result.source_path
    linter = ls.linter_for(path if path is not None else Path.cwd() / "untitled.md")
    rule_set = checked.result.rule_set
    if rule_set is None:
        return ()
    return linter.selection.glossaries(rule_set, linter.selection.overrides_for(path))


def serve(audience: str | None = None) -> None:
    """Speak the protocol over standard input and output until the editor says exit."""
    make_server(audience).start_io()
