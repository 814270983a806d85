"""readlint's cache folder: word tables in a form that loads in milliseconds, and the results
of files already checked.

The folder is `READLINT_CACHE_DIR` when set, else the user's cache folder (platformdirs:
~/.cache/readlint on Linux). Everything in it can be deleted at any time: what is missing or
damaged is built again. Files are written whole to a temporary name and then renamed, so
runs at the same time never read half a file; each file carries a checksum, so a damaged one
is noticed and replaced. When the folder cannot be written, readlint works without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import os
import struct
import zlib
from pathlib import Path

_HEADER = struct.Struct("<8sI")  # a magic word, the CRC-32 of the rest
_MAGIC = b"readlnt1"

_root: Path | None = None
_disabled = False


def configure(root: str | os.PathLike[str] | None = None, enabled: bool = True) -> None:
    """Use this folder for the cache (None: the default), or no cache at all."""
    global _root, _disabled
    _root = Path(root) if root is not None else None
    _disabled = not enabled


def enabled() -> bool:
    return not _disabled


def root() -> Path:
    if _root is not None:
        return _root
    if os.environ.get("READLINT_CACHE_DIR"):
        return Path(os.environ["READLINT_CACHE_DIR"])
    import platformdirs

    return Path(platformdirs.user_cache_dir("readlint", appauthor=False))


def digest(*parts: str | bytes) -> str:
    """A short name for what the parts say (file contents, settings, versions)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        h.update(struct.pack("<Q", len(data)))
        h.update(data)
    return h.hexdigest()[:32]


def stamp(path: str | os.PathLike[str]) -> str:
    """A file's size and modification time: it changes when the file does."""
    try:
        st = os.stat(path)
    except OSError:
        return f"{os.fspath(path)}:missing"
    return f"{os.fspath(path)}:{st.st_size}:{st.st_mtime_ns}"


def read(kind: str, key: str) -> bytes | None:
    """What was stored under this key, or None (missing, damaged, or no cache)."""
    if _disabled:
        return None
    try:
        with open(root() / kind / key, "rb") as fh:
            data = fh.read()
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
    if _disabled:
        return None
    try:
        with open(root() / kind / key, "rb") as fh:
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable, or empty (an empty file cannot map)
        return None
    if len(mapped) < _HEADER.size:
        return None
    magic, crc = _HEADER.unpack_from(mapped)
    with memoryview(mapped) as view, view[_HEADER.size:] as body:
        intact = magic == _MAGIC and zlib.crc32(body) == crc
    return (mapped, _HEADER.size) if intact else None


def write(kind: str, key: str, body: bytes) -> bool:
    """Store body under this key, whole or not at all; False when the cache cannot be
    written (a read-only home, a full disk): readlint then goes on without it."""
    if _disabled:
        return False
    folder = root() / kind
    temp = folder / f".tmp-{os.getpid()}-{os.urandom(6).hex()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
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
