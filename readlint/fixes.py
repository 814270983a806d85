"""Apply fixes to files: only the exact edits the rules offer, written atomically.

Rules give fixes as offsets into the text readlint reads (line endings turned into "\\n", a
byte-order mark dropped). They are mapped back to the file's own text line by line, so the
file keeps its line endings, its byte-order mark, its front matter and every byte no fix
touches. A file is written through a temporary file in the same folder and renamed over the
original, so it is never left half-written.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .problem import Fix

BOM = "\ufeff"


@dataclass(frozen=True)
class FixedFile:
    path: Path
    old: str
    new: str
    applied: int

    def diff(self, name: str) -> str:
        return "".join(difflib.unified_diff(
            self.old.splitlines(keepends=True), self.new.splitlines(keepends=True),
            f"a/{name}", f"b/{name}"))


def _line_starts(text: str) -> list[int]:
    """Offsets where lines start, whatever the line endings (\\r\\n, \\n or \\r)."""
    return [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]


def apply(raw: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """The raw text with the fixes applied (overlapping ones after the first are skipped)."""
    body = raw[1:] if raw.startswith(BOM) else raw
    normalized = body.replace("\r\n", "\n").replace("\r", "\n")
    norm_starts, raw_starts = _line_starts(normalized), _line_starts(body)

    def to_raw(offset: int) -> int:
        line = max(0, next((i for i in range(len(norm_starts) - 1, -1, -1)
                            if norm_starts[i] <= offset), 0))
        return raw_starts[line] + offset - norm_starts[line]

    out = []
    cursor = 0
    applied = 0
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        start, end = to_raw(fix.start), to_raw(fix.end)
        if start < cursor:
            continue  # overlaps a fix already made
        out.append(body[cursor:start])
        out.append(fix.replacement)
        cursor = end
        applied += 1
    out.append(body[cursor:])
    prefix = BOM if raw.startswith(BOM) else ""
    return prefix + "".join(out), applied


def fix_file(path: Path, fixes: Sequence[Fix]) -> FixedFile | None:
    """The fixed text of a file, or None when nothing changes."""
    if not fixes:
        return None
    data = path.read_bytes()
    raw = data.decode("utf-8")
    new, applied = apply(raw, fixes)
    if new == raw:
        return None
    return FixedFile(path, raw, new, applied)


def write_atomically(path: Path, text: str) -> None:
    """Write a file through a temporary file beside it, renamed over it at the end, so the
    file is never half-written. An existing file keeps its permissions."""
    folder = path.resolve().parent
    if path.exists():
        mode = path.stat().st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".readlint-tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path.resolve())
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
