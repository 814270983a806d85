"""A glossary: its entries (a term, its other names, the keys that identify it in web
addresses, its link target and definition), each found by key and by a link's address.

Glossary files are read by `glossary_files`, their terms found in prose by `termmatch`, and
the sets of glossaries rules use are kept by `glossary_sets`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote


@dataclass(eq=False)
class Entry:
    """One glossary entry (compared by identity)."""

    glossary: str
    id: str
    term: str
    variants: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    url: str | None = None
    definition: str | None = None
    source: str | None = None
    # How editors link it (from the glossary's practice_tsv): pages that use the term, and
    # pages that link it.
    pages: int = 0
    linked: int = 0
    pronunciation: str | None = None  # how to say it, as the dictionary writes it

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


@dataclass
class Glossary:
    name: str
    source: str = ""
    title: str = ""  # how messages name it: "the NCI Dictionary of Cancer Terms"
    url_template: str | None = None
    link_patterns: tuple[Any, ...] = ()  # compiled by patterns.user_pattern (RE2)
    entries: Sequence[Entry] = field(default_factory=list)  # list, or glossary_store.StoredEntries
    has_practice: bool = False  # entries say how often editors link them
    files: list[str] = field(default_factory=list)  # every file it was read from
    _by_key: dict[str, int] = field(default_factory=dict, repr=False)  # key -> position
    _resolved: dict[str, tuple[bool, Entry | None]] = field(default_factory=dict, repr=False,
                                                           compare=False)  # href -> resolve()

    def add(self, entry: Entry) -> None:
        if not isinstance(self.entries, list):
            self.entries = list(self.entries)
        self.entries.append(entry)
        self.add_keys(entry, len(self.entries) - 1)

    def add_keys(self, entry: Entry, position: int) -> None:
        """Let the entry at this position be found by its id and keys (the first entry to
        claim a key keeps it)."""
        for key in (entry.id, *entry.keys):
            self._by_key.setdefault(norm_key(key), position)
        self._resolved.clear()

    def entry_for_key(self, key: str) -> Entry | None:
        position = self._by_key.get(norm_key(key))
        return None if position is None else self.entries[position]

    def url_for(self, entry: Entry) -> str | None:
        if entry.url:
            return entry.url
        if self.url_template:
            # Only the two placeholders are filled, as plain text made safe for a URL: the
            # template is data, never a format string that could reach into readlint.
            return self.url_template.replace("{id}", quote(entry.id, safe="")) \
                .replace("{term}", quote(entry.term, safe=""))
        return None

    def resolve(self, href: str) -> tuple[bool, Entry | None]:
        """Does `href` point into this glossary, and at which entry (None when unknown)?"""
        found = self._resolved.get(href)
        if found is None:
            found = (False, None)
            for pattern in self.link_patterns:
                m = pattern.search(href)
                if m:
                    found = (True, self.entry_for_key(m.group("key")))
                    break
            if len(self._resolved) < 1 << 14:  # links met again on other pages
                self._resolved[href] = found
        return found


def norm_key(key: str) -> str:
    """An entry key as compared: lower case, "CDR0000044058" as "44058"."""
    key = key.strip().lower()
    m = re.fullmatch(r"cdr0*(\d+)", key)
    return m.group(1) if m else key
