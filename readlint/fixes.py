"""Apply fixes to files: only the exact edits the rules offer, written atomically.

Rules give fixes as offsets into the text readlint reads (line endings turned into "\\n", a
byte-order mark dropped). They are mapped back to the file's own text line by line, so the
file keeps its line endings, its byte-order mark, its front matter and every byte no fix
touches. A file is written through a temporary file in the same folder and renamed over the
original, so it is never left half-written; it keeps its owner, group and permissions. A file
with other hard links, or one whose owner readlint could not give the new file, is written in
place instead (the same file, so its links and owner stay), with a copy of the old text kept
beside it until the new text is safely written. Just before the new text goes in, the file is
looked at again: one saved by someone else meanwhile is left as they saved it.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from .errors import OutputError
from .problem import Fix
from .results import FileResult
from .source import DEFAULT_MAX_FILE_SIZE, decode, read_bytes

try:
    import fcntl
except ImportError:  # not on Windows: there, two runs fixing one file at once are not kept apart
    fcntl = None  # type: ignore[assignment]

BOM = "\ufeff"


class FixedFile(NamedTuple):
    path: Path
    old: str
    new: str
    applied: int

    def diff(self, name: str) -> str:
        import difflib

        return "".join(difflib.unified_diff(
            self.old.splitlines(keepends=True), self.new.splitlines(keepends=True),
            f"a/{name}", f"b/{name}"))


def _line_starts(text: str) -> list[int]:
    """Offsets where lines start, whatever the line endings (\\r\\n, \\n or \\r)."""
    return [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]


def apply(raw: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """The raw text with the fixes applied (overlapping ones after the first are skipped)."""
    body = raw.lstrip(BOM)  # the marks readlint reads past, kept as they were
    normalized = body.replace("\r\n", "\n").replace("\r", "\n")
    norm_starts, raw_starts = _line_starts(normalized), _line_starts(body)

    def to_raw(offset: int) -> int:
        line = max(0, bisect.bisect_right(norm_starts, offset) - 1)
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
    return raw[:len(raw) - len(body)] + "".join(out), applied


def fingerprint(text: str) -> str:
    """A short digest of the text a file was checked as (line endings already "\\n")."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def fix_file(path: Path, fixes: Sequence[Fix], checked: str | None = None,
             max_size: int = DEFAULT_MAX_FILE_SIZE) -> FixedFile | None:
    """The fixed text of a file, or None when nothing changes. With `checked` (the
    fingerprint of the text the problems were found in), a file that has changed since is
    refused: the fixes were worked out for the old text."""
    if not fixes:
        return None
    display = str(path)
    data = read_bytes(path, display, max_size, OutputError)
    raw = decode(data, display, OutputError)  # refuses what the check would have refused
    if checked is not None and fingerprint(raw.lstrip(BOM)) != checked:
        raise OutputError("changed since readlint checked it; not fixed (run readlint again)",
                          display)
    raw = data.decode("utf-8")  # the file's own line endings and byte-order mark
    new, applied = apply(raw, fixes)
    if new == raw:
        return None
    return FixedFile(path, raw, new, applied)


class Fixer:
    """A per-file filter: makes the safe fixes in each file as its result comes (or, not
    writing, hands `show` the diff); the fixed problems leave the result. A file is fixed
    only when it still holds the text that was checked, and only when the fixed text,
    checked again by `recheck`, asks for no more fixes (so a second run changes nothing).
    A fix that cannot be made is one of the file's failures."""

    def __init__(self, recheck: Callable[[Path, str, str], FileResult], max_size: int,
                 write: bool, show: Callable[[str], object]) -> None:
        self.recheck = recheck
        self.max_size = max_size
        self.write = write
        self.show = show
        self.applied = 0  # fixes made (or shown)
        self.files = 0  # files fixed (or shown)

    def __call__(self, file: FileResult) -> FileResult:
        path = file.source_path or Path(file.path)
        try:
            fixed = fix_file(path, [p.fix for p in file.problems if p.fix is not None],
                             file.fingerprint, self.max_size)
            if fixed is None:
                return file
            again = self.recheck(path, fixed.new, file.path)
            if any(p.fix is not None for p in again.problems):
                raise OutputError("its fixes would not settle (a second run would change it "
                                  "again); not fixed. Please report this", file.path)
            if self.write:
                write_fixed(fixed)
        except OutputError as exc:
            file.failures.append(exc)
            return file
        if self.write:
            file.problems = [p for p in file.problems if p.fix is None]
        else:
            self.show(fixed.diff(file.path))
        self.applied += fixed.applied
        self.files += 1
        return file


def write_fixed(fixed: FixedFile) -> None:
    """Replace a document with its fixed text, only if it still holds exactly the text the
    fixes were made for. Another readlint fixing the same file at the same time waits for
    this one (a lock on the file), then finds the file changed and leaves it alone."""
    display = str(fixed.path)
    try:
        fd = os.open(fixed.path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise OutputError(f"cannot be fixed: {exc.strerror or exc}", display) from None
    with os.fdopen(fd, "rb") as fh:
        _lock(fd)
        try:
            info = os.fstat(fd)
            try:
                now = os.stat(fixed.path)
            except OSError:
                now = None
            if now is None or (now.st_dev, now.st_ino) != (info.st_dev, info.st_ino) or \
                    fh.read() != fixed.old.encode("utf-8"):
                raise OutputError("changed while readlint was fixing it; not fixed (run "
                                  "readlint again)", display)
            if not info.st_mode & 0o222 or not os.access(fixed.path, os.W_OK):
                raise OutputError("is read-only; not fixed", display)
            write_atomically(fixed.path, fixed.new, follow_links=True, unchanged_since=info)
        finally:
            _unlock(fd)


def _lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def write_atomically(path: Path, text: str | Callable[[TextIO], None],
                     follow_links: bool = False,
                     unchanged_since: os.stat_result | None = None) -> None:
    """Write a file through a temporary file beside it, renamed over it at the end, so the
    file is never half-written. `text` is the text, or a function that writes it to the
    file it is given (a long output, written as it is made). An existing file keeps its
    permissions, owner and group, and its hard links (see `_write_in_place`). Only a regular
    file or a new path is replaced: never a device, a pipe, a folder, or (unless
    `follow_links`, for a document reached through a link) a link. With `unchanged_since`
    (the file as it was read), a file changed since then is left alone."""
    display = str(path)
    path, info = _writable(path, follow_links, display)
    mode = info.st_mode & 0o7777 if info is not None else _new_file_mode()
    # (a Ctrl-C is held while the temporary file is made, and let through inside the `try`:
    # one that came while it was made, before its name was known, left it beside the page)
    held = _hold_interrupts()
    try:
        fd, tmp = _temporary_beside(path, display)
        fh = os.fdopen(fd, "w", encoding="utf-8", newline="")  # (closed, whatever happens)
    except BaseException:
        _let_interrupts_through(held)
        raise
    try:
        with fh:
            _let_interrupts_through(held)  # (one that came meanwhile is raised here)
            _fill(fh, text)
        in_place = info is not None and (info.st_nlink > 1 or not _same_owner(tmp, info))
        os.chmod(tmp, mode)  # (after the owner: changing it clears set-user-ID bits)
        if unchanged_since is not None:
            _still(path, unchanged_since, display)
        if in_place:
            assert info is not None
            _write_in_place(path, tmp, info, display)
        else:
            os.replace(tmp, os.path.abspath(path))
    except OSError as exc:
        _remove(tmp)
        raise OutputError(f"cannot be written: {exc.strerror or exc}", display) from None
    except BaseException:
        _remove(tmp)  # the writer failed or was stopped: the old file stays as it was
        raise
    _remove(tmp)  # (gone already, unless the text went in place)


def _writable(path: Path, follow_links: bool, display: str
              ) -> tuple[Path, os.stat_result | None]:
    """The file to write (the file a link leads to, when links are followed) and what it is
    now (None: there is none yet); OutputError for what readlint does not write over."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path, None
    except OSError as exc:
        raise OutputError(f"cannot be written: {exc.strerror or exc}", display) from None
    if stat.S_ISLNK(info.st_mode):
        if not follow_links:
            raise OutputError("is a link; readlint does not write through links (name the "
                              "file itself)", display)
        try:
            path = path.resolve(strict=True)
            info = os.stat(path)
        except (OSError, RuntimeError):
            raise OutputError("is a link that leads nowhere", display) from None
    if not stat.S_ISREG(info.st_mode):
        raise OutputError("is not a regular file (a folder, a device or a pipe); readlint "
                          "writes only to regular files", display)
    return path, info


def _new_file_mode() -> int:
    """The permissions of a new file: those the umask leaves."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _hold_interrupts() -> Any:
    """Hold a Ctrl-C back until `_let_interrupts_through` (in the main thread; elsewhere,
    where Python delivers none, nothing is held): what to give it. The signal may reach any
    thread (a pool of workers has several), so it is not blocked but noted and raised later."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    came: list[int] = []
    return signal.signal(signal.SIGINT, lambda number, frame: came.append(number)), came


def _let_interrupts_through(held: Any) -> None:
    """Give Ctrl-C its handler back; one that came meanwhile is raised now."""
    if held is not None:
        import signal

        handler, came = held
        # (None: a handler not set from Python, which cannot be given back; the default then)
        signal.signal(signal.SIGINT, signal.SIG_DFL if handler is None else handler)
        if came and callable(handler):
            handler(signal.SIGINT, None)  # (Python's own: KeyboardInterrupt)


def _temporary_beside(path: Path, display: str) -> tuple[int, str]:
    """A new temporary file in the folder of `path`: its descriptor and name."""
    import tempfile  # here, not at the top: only a fix needs it

    folder = Path(os.path.abspath(path)).parent
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".readlint-tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot be written: no new file can be made in its folder "
                          f"({(exc.strerror or str(exc)).lower()})", display) from None


def _fill(fh: TextIO, text: str | Callable[[TextIO], None]) -> None:
    """Write the text (or what the function writes) to the file, all the way to the disk."""
    if isinstance(text, str):
        fh.write(text)
    else:
        text(fh)
    fh.flush()
    os.fsync(fh.fileno())


def _same_owner(tmp: str, info: os.stat_result) -> bool:
    """Give the new file the old one's owner and group; False when that is not allowed."""
    if not hasattr(os, "chown"):
        return True  # (Windows: a new file in the folder is as the old one was)
    made = os.stat(tmp)
    if (made.st_uid, made.st_gid) == (info.st_uid, info.st_gid):
        return True
    try:
        os.chown(tmp, info.st_uid, info.st_gid)
    except OSError:
        return False
    return True


def _still(path: Path, before: os.stat_result, display: str) -> None:
    """Refuse to write when the file is no longer the one read: another program saved it
    (a new file, or new bytes and times) after readlint read it."""
    try:
        now = os.stat(path)
    except OSError:
        now = None
    if now is None or (now.st_dev, now.st_ino, now.st_size, now.st_mtime_ns,
                       now.st_ctime_ns) != (before.st_dev, before.st_ino, before.st_size,
                                            before.st_mtime_ns, before.st_ctime_ns):
        raise OutputError("changed while readlint was fixing it; not fixed (run readlint "
                          "again)", display)


def _write_in_place(path: Path, new: str, info: os.stat_result, display: str) -> None:
    """Put the text of the file `new` into the file at `path` itself, so it keeps its hard
    links and its owner. The old text is first copied beside it; if writing stops half way,
    that copy is still there, and the message names it."""
    import shutil

    keep = path.with_name(f".{path.name}.readlint-old")
    shutil.copyfile(path, keep)
    with open(new, "rb") as source, open(path, "r+b") as target:
        data = source.read()
        try:
            target.write(data)
            target.truncate()
            target.flush()
            os.fsync(target.fileno())
        except OSError as exc:
            raise OutputError(f"cannot be written: {exc.strerror or exc}; its old text is in "
                              f"{keep}", display) from None
    _remove(str(keep))


def _remove(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)
