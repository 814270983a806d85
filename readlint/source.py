"""Reading a document's source: the file's bytes as text (size, binary and UTF-8 checks, line
endings), and its front matter (python-frontmatter's boundary, YAML)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from .errors import InputError

DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024

_FM_BOUNDARY = YAMLHandler.FM_BOUNDARY


def read_text(path: Path, display: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """Read a file as UTF-8 text, or raise InputError with a plain one-line reason."""
    try:
        if path.is_dir():
            raise InputError("is a folder, not a file", display)
        size = path.stat().st_size
        if size > max_size:
            raise InputError(
                f"file is {size / 1048576:.1f} MB, over the {max_size / 1048576:.0f} MB limit; "
                "raise max_file_size_mb in the config to check it", display)
        data = path.read_bytes()
    except InputError:
        raise
    except PermissionError:
        raise InputError("cannot be read: permission denied", display) from None
    except FileNotFoundError:
        raise InputError("no such file", display) from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", display) from None
    return decode(data, display)


def decode(data: bytes, display: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file, not text", display)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read); "
            "save it as UTF-8", display, line) from None
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """Turn CRLF and CR into LF. Lines and columns stay the same."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text



def front_matter(text: str, path: str) -> tuple[dict[str, Any], int, dict[str, int]]:
    """The front matter of a text: (metadata, offset where the body starts, line of each key).
    Raises InputError on broken front matter."""
    first = _FM_BOUNDARY.match(text)
    if first is None or not text.startswith("---"):
        return {}, 0, {}
    closing = _FM_BOUNDARY.search(text, first.end())
    if closing is None:
        raise InputError("front matter starts with '---' but has no closing '---' line", path, 1)
    fm_text = text[first.end():closing.start()]
    fm_first_line = text.count("\n", 0, first.end()) + 1  # 1-based line of fm_text's start
    if fm_text.startswith("\n"):
        fm_first_line += 1
        fm_text = fm_text[1:]
    try:
        data = YAMLHandler().load(fm_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = fm_first_line + mark.line if mark is not None else 1
        reason = getattr(exc, "problem", None) or "it is not valid YAML"
        raise InputError(f"broken front matter: {reason}", path, line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a list of 'key: value' lines", path, fm_first_line)
    key_lines: dict[str, int] = {}
    for m in re.finditer(r"^([A-Za-z_][\w-]*)\s*:", fm_text, re.M):
        key_lines.setdefault(m.group(1), fm_first_line + fm_text.count("\n", 0, m.start()))
    body_start = closing.end()
    if body_start < len(text) and text[body_start - 1] != "\n" and text[body_start] == "\n":
        body_start += 1
    return {str(k): v for k, v in data.items()}, body_start, key_lines

