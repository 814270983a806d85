"""readlint's cache folder: word tables in a form that loads in milliseconds, and the results
of files already checked.

The folder is `READLINT_CACHE_DIR` when set, else the user's cache folder (platformdirs:
~/.cache/readlint on Linux). Everything in it can be deleted at any time: what is missing or
damaged is built again. Files are written whole to a temporary name and then renamed, so
runs at the same time never read half a file; each file carries a checksum, so a damaged one
is noticed and replaced. When the folder cannot be written, readlint works without it.

The folder is readlint's own: readlint makes it (readable and writable by the user alone) and
marks it with a CACHEDIR.TAG file (the Cache Directory Tagging convention, which backup tools
know). A folder that other users can write, that belongs to another user, or that holds files
of its own and no such mark (`--cache-dir .` in a project) is not used: the run goes on without
a cache and `problem()` says why. Only regular files are read, up to a size limit, so a pipe,
a device or a link planted where an entry belongs is skipped, never waited on.
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import os
import stat
import struct
import zlib
from pathlib import Path
from typing import BinaryIO

_HEADER = struct.Struct("<8sI")  # a magic word, the CRC-32 of the rest
_MAGIC = b"readlnt1"
# The largest file readlint reads back from its cache (word tables are some 20 MB; a result
# is a few kilobytes): anything bigger was not written by readlint.
MAX_ENTRY_BYTES = 256 * 1024 * 1024

TAG_NAME = "CACHEDIR.TAG"
# The first line is what the Cache Directory Tagging convention asks for.
TAG = (b"Signature: 8a477f597d28d172789f06886806bc55\n"
       b"# This folder is readlint's cache: everything in it can be deleted at any time.\n")
# What readlint keeps in its folder (a folder holding only these is one an older readlint made).
PARTS = frozenset({"tables", "results", "glossaries", "valid", "plugins", "rules", "yaml"})

_root: Path | None = None
_disabled = False
_checked: dict[Path, str | None] = {}  # each folder looked at: None when usable, else why not


def configure(root: str | os.PathLike[str] | None = None, enabled: bool = True) -> None:
    """Use this folder for the cache (None: the default), or no cache at all."""
    global _root, _disabled
    _root = Path(root) if root is not None else None
    _disabled = not enabled


def enabled() -> bool:
    """Is there a cache to use: not turned off, and a folder readlint can trust?"""
    return not _disabled and problem() is None


def root() -> Path:
    if _root is not None:
        return _root
    if os.environ.get("READLINT_CACHE_DIR"):
        return Path(os.environ["READLINT_CACHE_DIR"])
    import platformdirs

    return Path(platformdirs.user_cache_dir("readlint", appauthor=False))


def problem() -> str | None:
    """Why the cache folder cannot be used (one plain sentence), or None when it can. The
    folder is made when missing, and looked at once per process."""
    if _disabled:
        return None
    folder = root()
    if folder not in _checked:
        _checked[folder] = _claim(folder)
    return _checked[folder]


def _claim(folder: Path) -> str | None:
    """Make the folder readlint's own, or say why it cannot be."""
    try:
        folder.mkdir(mode=0o700, parents=True)
        made = True
    except FileExistsError:
        made = False
    except OSError:
        return None  # it cannot be made (a read-only home): each write fails and says nothing
    try:
        st = os.stat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode):
        return f"the cache folder {folder} is not a folder; the cache is off for this run"
    if hasattr(os, "getuid"):  # (POSIX; on Windows a user's folders are their own)
        if st.st_uid != os.getuid():
            return (f"the cache folder {folder} belongs to another user; the cache is off "
                    "for this run")
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return (f"other users can write to the cache folder {folder}; the cache is off "
                    f"for this run (make it yours alone: chmod 700 {folder})")
    tag = folder / TAG_NAME
    if not made and not _is_tag(tag):
        try:
            with os.scandir(folder) as entries:
                # (a run starting at the same moment may be writing the mark or a part)
                foreign = any(e.name not in PARTS and e.name != TAG_NAME
                              and not e.name.startswith(".tmp-") for e in entries)
        except OSError:
            return None
        if foreign:
            return (f"the folder {folder} holds other files and is not a readlint cache, so "
                    "readlint will not keep its cache there; the cache is off for this run "
                    "(give a new or empty folder)")
    if not _is_tag(tag):
        with contextlib.suppress(OSError):
            _write_whole(tag, TAG)
    return None


def _is_tag(path: Path) -> bool:
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
        with open(path, "rb") as fh:
            return fh.read(len(TAG)) == TAG
    except OSError:
        return False


def _write_whole(path: Path, body: bytes) -> None:
    """Write a file under a temporary name, then rename it into place."""
    temp = path.with_name(f".tmp-{os.getpid()}-{os.urandom(6).hex()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def make_folder(folder: Path) -> None:
    """Make a folder inside the cache, and each missing folder above it, for the user alone."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for each in reversed(missing):
        with contextlib.suppress(FileExistsError):
            each.mkdir(mode=0o700)


def open_entry(path: Path) -> int | None:
    """A file descriptor for a cache file, only when it is a regular file (not a link, a pipe
    or a device) of at most MAX_ENTRY_BYTES; None otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | \
        getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
    except OSError:
        os.close(fd)
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ENTRY_BYTES:
        os.close(fd)
        return None
    return fd


def read_up_to(fh: BinaryIO, limit: int) -> bytes:
    """An open file's bytes, at most `limit` + 1 of them (one more tells a file over the
    limit): as many as the file says it holds, then whatever it holds past that (a file that
    grew, or one that says it holds nothing, as /proc's do). Asking for `limit` + 1 at once
    would set that much memory aside for every file, however small."""
    size = os.fstat(fh.fileno()).st_size
    data = fh.read(min(size, limit) + 1)
    if len(data) > size:
        data += fh.read(limit + 1 - len(data))
    return data


def digest(*parts: str | bytes) -> str:
    """A short name for what the parts say (file contents, settings, versions)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        h.update(struct.pack("<Q", len(data)))
        h.update(data)
    return h.hexdigest()[:32]


def stamp(path: str | os.PathLike[str]) -> str:
    """A file's identity, size and times, for readlint's own installed files: any write to a
    file changes its change time (ctime), which no one can set back, so an edit that keeps
    the size and the modification time still gives a new stamp. Files a user writes (configs,
    rule sets, glossaries) are compared by `content` instead."""
    try:
        st = os.stat(path)
    except OSError:
        return f"{os.fspath(path)}:missing"
    return f"{os.fspath(path)}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


_contents: dict[str, tuple[str, str]] = {}  # path -> (its stamp, its content's digest)


def content(path: str | os.PathLike[str]) -> str:
    """A file's name and a digest of its bytes: it changes exactly when what the file says
    does. Read once per process while the file's stamp stays the same."""
    name = os.fspath(path)
    now = stamp(name)
    known = _contents.get(name)
    if known is not None and known[0] == now:
        return known[1]
    fd = open_entry(Path(name))
    if fd is None:
        found = f"{name}:unreadable"
    else:
        try:
            with os.fdopen(fd, "rb") as fh:
                found = f"{name}:{digest(read_up_to(fh, MAX_ENTRY_BYTES))}"
        except OSError:
            found = f"{name}:unreadable"
    if len(_contents) > 4096:
        _contents.clear()
    _contents[name] = (now, found)
    return found


def read(kind: str, key: str) -> bytes | None:
    """What was stored under this key, or None (missing, damaged, or no cache)."""
    if not enabled():
        return None
    fd = open_entry(root() / kind / key)
    if fd is None:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            data = read_up_to(fh, MAX_ENTRY_BYTES)
    except OSError:
        return None
    if len(data) < _HEADER.size:
        return None
    magic, crc = _HEADER.unpack_from(data)
    body = data[_HEADER.size:]
    if magic != _MAGIC or zlib.crc32(body) != crc:
        return None
    return body


def read_mapped(kind: str, key: str) -> tuple[mmap.mmap, int] | None:
    """Like `read`, for large files (word tables): the file mapped into memory instead of
    copied, and where the stored body starts in it. A run pays only for the checksum and
    the pages it looks at."""
    if not enabled():
        return None
    fd = open_entry(root() / kind / key)
    if fd is None:
        return None
    try:
        mapped = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # unreadable, or empty (an empty file cannot map)
        return None
    finally:
        os.close(fd)
    if len(mapped) < _HEADER.size:
        return None
    magic, crc = _HEADER.unpack_from(mapped)
    with memoryview(mapped) as view, view[_HEADER.size:] as body:
        intact = magic == _MAGIC and zlib.crc32(body) == crc
    return (mapped, _HEADER.size) if intact else None


def write(kind: str, key: str, body: bytes) -> bool:
    """Store body under this key, whole or not at all; False when the cache cannot be
    written (a read-only home, a full disk): readlint then goes on without it."""
    if not enabled():
        return False
    folder = root() / kind
    temp = folder / f".tmp-{os.getpid()}-{os.urandom(6).hex()}"
    try:
        make_folder(folder)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_HEADER.pack(_MAGIC, zlib.crc32(body)))
            fh.write(body)
        os.replace(temp, folder / key)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return False


def named_by_digest(name: str) -> bool:
    """Is this a name `digest` gives (the only names readlint removes from its folder)?"""
    return len(name) == 32 and set(name) <= _HEX_DIGITS


_HEX_DIGITS = frozenset("0123456789abcdef")


def trim(folder: Path, limit: int) -> int:
    """Remove the entries written longest ago until the folder holds three quarters of
    `limit` bytes, when it holds more than `limit`; only files named as `digest` names them
    are counted or removed. Returns how many were removed."""
    entries = []
    try:
        with os.scandir(folder) as found:
            for entry in found:
                if named_by_digest(entry.name) and entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    entries.append((st.st_mtime_ns, st.st_size, entry.path))
    except OSError:
        return 0
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return 0
    removed = 0
    for _, size, path in sorted(entries):
        if total <= limit * 3 // 4:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            removed += 1
        total -= size
    return removed
