"""A glossary set packed for the cache folder: plain JSON with the stamps of the files it
came from, each entry and each first word's branch of the trie packed on its own and made
into objects only when a page needs it (`StoredEntries`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, overload

import orjson

from . import store
from .glossary import Entry, Glossary
from .glossary_files import path_of
from .patterns import user_pattern
from .termmatch import Matcher

GlossarySet = tuple[tuple[Glossary, ...], Matcher, frozenset[str]]


def file_stamps(refs: tuple[str, ...], glossaries: tuple[Glossary, ...]) -> list[str]:
    """What says whether a set's files have changed: the stamps of the files its names
    stand for and of every file its glossaries were read from."""
    files = [str(path_of(r)) for r in refs] + [f for g in glossaries for f in g.files]
    return [file_stamp(f) for f in files]


_OWN_DATA = str(Path(__file__).resolve().parent)


def file_stamp(file: str | Path) -> str:
    """What says a glossary file has changed: the digest of its bytes for a user's file,
    its stamp for readlint's own (installed with readlint, and part of its version)."""
    return store.stamp(file) if str(file).startswith(_OWN_DATA) else store.content(file)


def read(key: str) -> GlossarySet | None:
    """The glossary set stored under `key`; None when there is none, when a file it came
    from has changed, or when what is stored is damaged or not what readlint wrote."""
    body = store.read("glossaries", key)
    if body is None:
        return None
    try:
        return _thaw(orjson.loads(body))
    except Exception:  # damaged, or not what readlint wrote: build it again
        return None


def write(key: str, found: GlossarySet) -> None:
    """Keep the glossary set under `key` for the next run."""
    store.write("glossaries", key, orjson.dumps(_freeze(found)))


_ENTRY_FIELDS = ("id", "term", "variants", "keys", "url", "definition", "source", "pages",
                 "linked", "pronunciation")


def _freeze(found: GlossarySet) -> dict[str, Any]:
    """A glossary set as plain data (JSON), with the stamps of the files it came from. Each
    entry and each first word's branch of the trie is JSON text of its own, read only when a
    page needs it. JSON, not a format of Python objects: reading the cache runs nothing."""
    glossaries, matcher, single = found
    return {
        "stamps": [file_stamp(f) for g in glossaries for f in g.files],
        "glossaries": [
            {"name": g.name, "source": g.source, "title": g.title,
             "url_template": g.url_template, "has_practice": g.has_practice, "files": g.files,
             "link_patterns": [p.pattern for p in g.link_patterns],
             "entries": [orjson.dumps([getattr(e, f) for f in _ENTRY_FIELDS]).decode()
                         for e in g.entries],
             "by_key": g._by_key}
            for g in glossaries],
        # each branch packed on its own: a run unpacks only those its pages reach
        "trie": {word: branch if isinstance(branch, str) else orjson.dumps(branch).decode()
                 for word, branch in matcher._trie.items()},
        "single": sorted(single),
    }


def _thaw(data: dict[str, Any]) -> GlossarySet | None:
    """The glossary set stored by _freeze; None when a file it came from has changed, or
    when the data is not of the shape _freeze writes (it was damaged or planted)."""
    if [file_stamp(f) for g in data["glossaries"] for f in g["files"]] != data["stamps"]:
        return None
    glossaries = []
    for g in data["glossaries"]:
        texts = (g["name"], g["source"], g["title"], *g["files"], *g["link_patterns"],
                 *g["entries"], *g["by_key"])
        if not all(isinstance(t, str) for t in texts) or \
                not all(isinstance(n, int) for n in g["by_key"].values()):
            return None
        glossary = Glossary(g["name"], g["source"], g["title"], g["url_template"],
                            tuple(user_pattern(p, f"{g['files'][0]}: link_patterns")
                                  for p in g["link_patterns"]),
                            StoredEntries(g["name"], g["entries"]),
                            has_practice=bool(g["has_practice"]), files=g["files"])
        glossary._by_key = g["by_key"]
        glossaries.append(glossary)
    trie, single = data["trie"], data["single"]
    if not all(isinstance(w, str) and isinstance(b, str) for w, b in trie.items()) or \
            not all(isinstance(w, str) for w in single):
        return None
    frozen = tuple(glossaries)
    return frozen, Matcher(frozen, trie), frozenset(single)


class StoredEntries(Sequence[Entry]):
    """A glossary's entries as the cache holds them (each marshalled on its own), made into
    `Entry` objects the first time each is asked for, and the same object after that: a run
    meets a few dozen entries of thousands, and making them all cost more than checking a
    short page."""

    def __init__(self, glossary: str, rows: list[bytes]) -> None:
        self._glossary = glossary
        self._rows = rows
        self._made: list[Entry | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        made = self._made[index]
        if made is None:
            made = self._made[index] = _entry(self._glossary, orjson.loads(self._rows[index]))
        return made


def _entry(glossary: str, row: list[Any]) -> Entry:
    """An entry from its fields as _freeze stores them (lists back to tuples)."""
    values = dict(zip(_ENTRY_FIELDS, row, strict=True))
    values["variants"] = tuple(values["variants"])
    values["keys"] = tuple(values["keys"])
    return Entry(glossary, **values)
