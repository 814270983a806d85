"""Reading a document's source: the file's bytes as text (size, binary and UTF-8 checks, line
endings), and its front matter (python-frontmatter's boundary, YAML)."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any, NamedTuple

from . import store, yamltext
from .errors import ConfigError, InputError, ReadlintError
from .patterns import lazy_re
from .yamltext import plain_problem

DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024


# Data files readlint is pointed at (glossaries, word lists, rule sets, configs) may be big,
# but not without end.
MAX_DATA_FILE_SIZE = 256 * 1024 * 1024


def read_bytes(path: Path, display: str, max_size: int,
               error: type[ReadlintError] = InputError, limit_hint: str = "") -> bytes:
    """The bytes of a regular file, read without waiting on a pipe or a device and never more
    than `max_size`; or `error` with a plain one-line reason."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise error("is a folder, not a file", display) from None
    except PermissionError:
        raise error("cannot be read: permission denied", display) from None
    except FileNotFoundError:
        raise error("no such file", display) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise error("is a link that leads round in a loop", display) from None
        raise error(f"cannot be read: {exc.strerror or exc}", display) from None
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):  # (os.fdopen refuses a folder with an OSError of its own)
        os.close(fd)
        raise error("is a folder, not a file", display)
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(info.st_mode):
            raise error("is not a regular file (it is a pipe, a device or a socket); "
                        "readlint reads only regular files", display)
        too_big = (f"file is {info.st_size / 1048576:.1f} MB, over the "
                   f"{max_size / 1048576:.0f} MB limit{limit_hint}")
        if info.st_size > max_size:
            raise error(too_big, display)
        try:
            data = store.read_up_to(fh, max_size)
        except OSError as exc:
            raise error(f"cannot be read: {exc.strerror or exc}", display) from None
        if len(data) > max_size:  # it grew while being read
            raise error(too_big, display)
    return data


def display_path(path: Path | str) -> str:
    """A path as users like to see it: relative to the current folder when inside it, with
    characters that would break a line of output or a JSON file written as escapes (a line
    break as "\\n", a byte that is not UTF-8 as "\\xff")."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        rel = str(path)
    return printable(str(path) if rel.startswith("..") else rel)


def printable(name: str) -> str:
    """A file name safe to print: control characters and undecodable bytes escaped."""
    if name.isprintable() and name.encode("utf-8", "surrogateescape").decode("utf-8", "replace") \
            == name:
        return name
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte the file system name had that is not UTF-8
            out.append(f"\\x{code - 0xDC00:02x}")
        elif not ch.isprintable():
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def read_document_bytes(path: Path, display: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """A document's bytes, or InputError with a plain one-line reason."""
    return read_bytes(path, display, max_size,
                      limit_hint="; raise max_file_size_mb in the config to check it")


def read_text(path: Path, display: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """Read a document as UTF-8 text, or raise InputError with a plain one-line reason."""
    return decode(read_document_bytes(path, display, max_size), display)


def read_data_text(path: Path, display: str | None = None,
                   error: type[ReadlintError] = ConfigError) -> str:
    """Read a data file readlint is pointed at (a config, rule set, glossary or word list) as
    UTF-8 text, or raise `error` naming the file."""
    where = display or str(path)
    data = read_bytes(path, where, MAX_DATA_FILE_SIZE, error)
    return decode(data, where, error)


def decode(data: bytes, display: str, error: type[ReadlintError] = InputError) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and _utf16_text(data):
        raise error("is UTF-16 text; save it as UTF-8", display)
    if b"\x00" in data[:8192]:
        raise error("looks like a binary file, not text", display)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read); "
            "save it as UTF-8", display, line) from None
    return normalize_newlines(text)


def _utf16_text(data: bytes) -> bool:
    """Is the data text written as UTF-16 (with its byte-order mark)?"""
    try:
        text = data[:8192 - len(data[:8192]) % 2].decode("utf-16")
    except UnicodeDecodeError:
        return False
    return bool(text) and sum(c.isprintable() or c.isspace() for c in text) >= 0.95 * len(text)


def normalize_newlines(text: str) -> str:
    """Turn CRLF and CR into LF. Lines and columns stay the same."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text



# A page's front matter is a few fields; aliases that would make it more than this many
# values (a "billion laughs") are refused before any rule walks it.
MAX_FRONT_MATTER_VALUES = 10_000


# Where front matter starts and ends: a line of three or more dashes (python-frontmatter's
# boundary, the same pattern: tests/test_speed_paths.py compares them).
FRONT_MATTER_BOUNDARY = lazy_re(r"^-{3,}\s*$", re.MULTILINE)


class FrontMatter(NamedTuple):
    """A page's front matter: its fields, where the body starts, the line of each key (the
    last one, whose value counts, when a key is written twice), and the lines of each key
    written more than once."""

    metadata: dict[str, Any]
    body_start: int
    key_lines: dict[str, int]
    repeated: dict[str, tuple[int, ...]]


def front_matter(text: str, path: str) -> FrontMatter:
    """The front matter of a text. Raises InputError on broken front matter. Front matter read
    before comes from the cache folder (yamltext.load_kept), so an edited page whose front
    matter is as it was does not load the YAML parser."""
    first = FRONT_MATTER_BOUNDARY.match(text)
    if first is None or not text.startswith("---"):
        return FrontMatter({}, 0, {}, {})
    closing = FRONT_MATTER_BOUNDARY.search(text, first.end())
    if closing is None:
        raise InputError("front matter starts with '---' but has no closing '---' line", path, 1)
    fm_text = text[first.end():closing.start()]
    fm_first_line = text.count("\n", 0, first.end()) + 1  # 1-based line of fm_text's start
    if fm_text.startswith("\n"):
        fm_first_line += 1
        fm_text = fm_text[1:]
    data = yamltext.load_kept("front matter", fm_text,
                              lambda t: _front_matter_data(t, path, fm_first_line), dict)
    lines: dict[str, list[int]] = {}
    line, counted = fm_first_line, 0  # lines counted up to each key, once over the text
    for m in _TOP_LEVEL_KEY.finditer(fm_text):
        line += fm_text.count("\n", counted, m.start())
        counted = m.start()
        lines.setdefault(m.group(2), []).append(line)
    body_start = closing.end()
    if body_start < len(text) and text[body_start - 1] != "\n" and text[body_start] == "\n":
        body_start += 1
    return FrontMatter(data, body_start, {key: at[-1] for key, at in lines.items()},
                       {key: tuple(at) for key, at in lines.items() if len(at) > 1})


# A key of the front matter's top level, at the start of its line, in quotes or not.
_TOP_LEVEL_KEY = lazy_re(r"^([\"']?)([A-Za-z_][\w-]*)\1\s*:", re.M)


def _front_matter_data(fm_text: str, path: str, fm_first_line: int) -> dict[str, Any]:
    """The metadata a front matter's YAML text holds (python-frontmatter's YAML handler, with
    readlint's safe loader), or InputError."""
    import yaml  # (here: a run whose results all come from the cache reads no front matter)
    from frontmatter.default_handlers import YAMLHandler

    try:
        data = YAMLHandler().load(fm_text, Loader=yamltext.loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = fm_first_line + mark.line if mark is not None else 1
        reason = plain_problem(getattr(exc, "problem", None) or "") or "it is not valid YAML"
        raise InputError(f"broken front matter: {reason}", path, line) from None
    except RecursionError:
        raise InputError("broken front matter: it is nested too deeply", path,
                         fm_first_line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a list of 'key: value' lines", path, fm_first_line)
    if yamltext.uses_aliases(fm_text) and yamltext.expanded_size(
            data, stop=MAX_FRONT_MATTER_VALUES) > MAX_FRONT_MATTER_VALUES:
        raise InputError(f"its front matter's YAML aliases (&name / *name) expand to more than "
                         f"{MAX_FRONT_MATTER_VALUES:,} values; write the values out instead",
                         path, fm_first_line)
    return {str(k): v for k, v in data.items()}

