"""Glossaries: terms, their variants and link targets, and fast matching of terms in prose.

A glossary file is YAML or JSON (schema: readlint/data/schemas/glossary.schema.json):

    name: my-terms
    title: the clinic glossary                           # how messages name it
    source: Where the terms come from.
    url_template: https://example.org/glossary/{id}      # link target for an entry
    link_patterns:                                       # links that point at an entry
      - 'example\\.org/glossary/(?P<key>[\\w-]+)'
    terms_tsv: terms.tsv              # optional: more entries from a TSV (id and term columns)
    terms:
      - term: metastatic
        id: "44058"
        variants: [metastasized]      # other spellings, inflections and names
        keys: [metastatic-cancer]     # other ids or slugs that identify it in URLs
        definition: Spread from where it started to other parts of the body.
        url: /custom/link             # overrides url_template for this entry
        source: NCI

Matching is one pass over the words of a prose block with a token trie: case-insensitive
(except for terms written in capitals, like "HER2" or "ALL", which match only in capitals),
on word boundaries, plural and possessive forms folded, and the longest term wins.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any, NamedTuple, overload
from urllib.parse import quote

import orjson

from . import store
from .document import Document
from .errors import ConfigError
from .patterns import user_pattern
from .schema import parse_yaml, validate
from .source import read_data_text
from .version import __version__
from .vocabulary import zipf, zipf_sources
from .wordforms import fold, lemma_sources

BUNDLED = ("nci-cancer-terms", "nci-drugs")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|-")
_OPENING = re.compile(r"[(\[{]")
_CLOSING = re.compile(r"[)\]}]")


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
    entries: Sequence[Entry] = field(default_factory=list)  # a list, or StoredEntries
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


# -- loading ----------------------------------------------------------------------------------


def bundled_path(name: str) -> Path:
    return Path(__file__).resolve().parent / "data" / "glossaries" / f"{name}.yaml"


def load(ref: str) -> Glossary:
    """A glossary by bundled name or by file path (.yaml, .yml, .json or .tsv)."""
    path = path_of(ref)
    if not path.is_file():
        raise ConfigError(f"glossary {ref!r} not found (bundled glossaries: "
                          f"{', '.join(BUNDLED)})")
    if path.suffix.lower() == ".tsv":
        glossary = Glossary(path.stem, files=[str(path)])
        _read_tsv(glossary, path, None)
        return glossary
    return _read_file(path)


def path_of(ref: str) -> Path:
    return bundled_path(ref) if ref in BUNDLED else Path(ref)


def _read_file(path: Path) -> Glossary:
    text = read_data_text(path)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise ConfigError(f"not valid JSON: {exc}", str(path)) from None
    else:
        data = parse_yaml(text, str(path))
    validate(data, "glossary.schema.json", str(path), text)
    glossary = Glossary(
        data["name"], data.get("source", ""), data.get("title", ""), data.get("url_template"),
        tuple(user_pattern(p, f"{path}: link_patterns") for p in data.get("link_patterns", ())),
        files=[str(path)])
    other_audience: set[str] = set()
    if "terms_tsv" in data:
        glossary.files.append(str(path.parent / data["terms_tsv"]))
        other_audience = _read_tsv(glossary, path.parent / data["terms_tsv"],
                                   data.get("tsv_audience"))
    for item in data.get("terms", ()):
        if str(item.get("id", "")) in other_audience:
            continue  # an entry of the TSV's other audience, met again under another name
        entry = glossary.entry_for_key(str(item.get("id", item["term"])))
        if entry is not None and entry.glossary == glossary.name:
            # More about an entry the TSV already gave: merge.
            entry.variants = tuple(dict.fromkeys((*entry.variants, *item.get("variants", ()))))
            entry.keys = tuple(dict.fromkeys((*entry.keys, *map(str, item.get("keys", ())))))
            entry.definition = item.get("definition", entry.definition)
            entry.pronunciation = item.get("pronunciation", entry.pronunciation)
            entry.url = item.get("url", entry.url)
            position = glossary._by_key[norm_key(str(item.get("id", item["term"])))]
            glossary.add_keys(entry, position)
            continue
        glossary.add(Entry(glossary.name, str(item.get("id", item["term"])), item["term"],
                           tuple(item.get("variants", ())), tuple(map(str, item.get("keys", ()))),
                           item.get("url"), item.get("definition"), item.get("source"),
                           pronunciation=item.get("pronunciation")))
    if "practice_tsv" in data:
        glossary.files.append(str(path.parent / data["practice_tsv"]))
        _read_practice(glossary, path.parent / data["practice_tsv"])
    return glossary


def _read_tsv(glossary: Glossary, path: Path, audience: str | None) -> set[str]:
    """Entries from a TSV with at least `id` and `term` columns; '#' lines are comments.
    With `audience`, rows for another audience are left out; their ids are returned."""
    left_out: set[str] = set()
    for row in _tsv_rows(path, ("id", "term"), "a glossary TSV"):
        if audience and row.get("audience") and row["audience"] != audience:
            left_out.add((row.get("id") or "").strip())
            continue
        term = (row.get("term") or "").strip()
        if term and row.get("id"):
            glossary.add(Entry(glossary.name, row["id"].strip(), term,
                               tuple(_derived_variants(term)),
                               pronunciation=(row.get("pronunciation") or "").strip() or None))
    return left_out


def _read_practice(glossary: Glossary, path: Path) -> None:
    """How editors link the entries: the rows of a practice TSV for this glossary."""
    for row in _tsv_rows(path, ("glossary", "id", "pages", "linked"), "a practice TSV"):
        if row["glossary"] != glossary.name:
            continue
        entry = glossary.entry_for_key(row["id"])
        if entry is None:
            continue
        try:
            entry.pages, entry.linked = int(row["pages"]), int(row["linked"])
        except (TypeError, ValueError):
            raise ConfigError(f"'pages' and 'linked' must be whole numbers (entry {row['id']})",
                              str(path)) from None
    glossary.has_practice = True


def _tsv_rows(path: Path, columns: Sequence[str], what: str) -> Iterator[dict[str, str]]:
    """The rows of a tab-separated file ('#' lines are comments) that has the columns."""
    import csv  # (only when a glossary is read from its files, not from the cache)

    lines = [line for line in read_data_text(path).splitlines(keepends=True)
             if not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t")
    if rows.fieldnames is None or not set(columns) <= set(rows.fieldnames):
        names = ", ".join(f"'{c}'" for c in columns)
        raise ConfigError(f"{what} needs the columns {names}", str(path))
    yield from rows


def _derived_variants(term: str) -> Iterator[str]:
    """Names a dictionary term is also written as: "HER2/neu" is also "HER2", "magnetic
    resonance imaging (MRI)" is also each part, "overall survival rate" is also "overall
    survival"."""
    if "/" in term and " " not in term:
        first = term.split("/")[0]
        if len(first) > 1:
            yield first
    m = re.fullmatch(r"(.+?) \(([^)]+)\)", term)
    if m:  # "magnetic resonance imaging (MRI)"
        yield m.group(1)
        yield m.group(2)
    m = re.fullmatch(r"(\S+ \S+.*) rate", term)
    if m:  # "overall survival rate" is written "overall survival"
        yield m.group(1)


# -- matching ---------------------------------------------------------------------------------


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens (and hyphens, as tokens of their own) with offsets."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


class Match(NamedTuple):
    start: int  # offsets into the searched text
    end: int
    text: str
    entries: tuple[Entry, ...]


class Matcher:
    """A token trie over every name of every entry of some glossaries. Its leaves hold entry
    numbers, so the trie can be stored in the cache as plain data; a trie from the cache
    holds each first word's branch packed (JSON text) until a text reaches it."""

    _END = "\0"

    def __init__(self, glossaries: Sequence[Glossary], trie: dict[str, Any] | None = None
                 ) -> None:
        self.glossaries = tuple(glossaries)
        # Entries are numbered across the glossaries, in order: where each glossary's end.
        self._ends = list(accumulate(len(g.entries) for g in self.glossaries))
        if trie is not None:
            self._trie = trie
            return
        self._trie = {}
        number = 0
        for glossary in self.glossaries:
            for entry in glossary.entries:
                for name in entry.names:
                    self._insert(name, number)
                number += 1

    def entry(self, number: int) -> Entry:
        """The entry numbered `number` across the glossaries."""
        which = bisect.bisect_right(self._ends, number)
        return self.glossaries[which].entries[number - (self._ends[which - 1] if which else 0)]

    def _insert(self, name: str, number: int) -> None:
        toks = [t for t, _, _ in tokens(name)]
        if not toks or toks[0] == "-" or not _matchable(name):
            return
        node = self._trie
        for tok in toks:
            node = node.setdefault(fold(tok), {})
        # Names in capitals match only in capitals ("ALL" is not "all").
        exact = name if re.fullmatch(r"[A-Z0-9][A-Z0-9/-]*[A-Z0-9]", name.strip()) and \
            any(c.isalpha() for c in name) else ""
        node.setdefault(self._END, []).append((number, exact))

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, left to right, longest first."""
        words, starts, ends, folded, after_hyphen, brackets = _folded_tokens(text)
        root, end_key, entry = self._trie, self._END, self.entry
        out = []
        i, count = 0, len(words)
        while i < count:
            node = root.get(folded[i])
            if node is None or after_hyphen[i]:  # (hyphens fold to "-", never a first word)
                i += 1
                continue
            if node.__class__ is str:  # a branch as the cache stores it: unpacked once
                node = root[folded[i]] = _unpack_branch(node)
            best = None
            j = i
            depth = 0  # brackets opened and not closed since the first word
            while True:
                if end_key in node and depth == 0:
                    span = text[starts[i]:ends[j]]
                    entries = tuple(entry(number) for number, exact in node[end_key]
                                    if not exact or _same_capitals(span, exact))
                    if entries:
                        best = (j, entries)
                j += 1
                if j >= count:
                    break
                depth += brackets[j]
                if depth < 0:
                    break  # a term does not run out of brackets: "hormone (LHRH) agonists"
                node = node.get(folded[j])
                if node is None:
                    break
            if best is None:
                i += 1
                continue
            j, entries = best
            out.append(Match(starts[i], ends[j], text[starts[i]:ends[j]],
                             tuple(dict.fromkeys(entries))))
            i = j + 1
        return out


@lru_cache(maxsize=256)  # the blocks of a long page; more only holds memory (1,024: +16 MB)
def _folded_tokens(text: str) -> tuple[list[str], list[int], list[int], list[str], list[bool],
                                       list[int]]:
    """A text's tokens, their offsets, their folded forms, whether each directly follows
    a hyphen ("positive" in "HER2-positive" starts no term), and the brackets opened (or,
    negative, closed) just before it: worked out once per text for every matcher that
    searches it."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _TOKEN.finditer(text):
        words.append(m.group())
        starts.append(m.start())
        ends.append(m.end())
    folded = [w if w == "-" else fold(w) for w in words]
    after_hyphen = [False] + [words[k - 1] == "-" and ends[k - 1] == starts[k]
                              for k in range(1, len(words))]
    brackets = [0] * len(words)
    if _OPENING.search(text) or _CLOSING.search(text):
        for k in range(1, len(words)):
            gap = text[ends[k - 1]:starts[k]]
            if gap and gap != " ":
                brackets[k] = len(_OPENING.findall(gap)) - len(_CLOSING.findall(gap))
    return words, starts, ends, folded, after_hyphen, brackets


def _matchable(name: str) -> bool:
    """Names too short or too bare to find in prose safely ("s", "2", "mm", "3-D", stage codes
    such as "IIIA") are not matched; abbreviations in capitals ("CT", "HER2") are."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    if len(letters) < 2 or re.fullmatch(r"[IVX]+[A-E]?\d?", name.strip()):
        return False  # "3-D", "IIIA": codes, not terms
    if len(name.strip()) <= 2:
        return name.strip().isupper() and len(letters) == 2
    return True


def _same_capitals(span: str, name: str) -> bool:
    """Does text written in capitals match a capitals name (plural 's' allowed)?"""
    span = re.sub(r"['’]?s$", "", span) if not span.isupper() else span
    return re.sub(r"\W", "", span) == re.sub(r"\W", "", name)


def load_all(refs: Iterable[str]) -> tuple[Glossary, ...]:
    return _glossary_set(tuple(refs))[0]


def matcher_for(refs: tuple[str, ...]) -> Matcher:
    """One matcher per set of glossaries, built once per process."""
    return _glossary_set(refs)[1]


def _single_words(refs: tuple[str, ...]) -> frozenset[str]:
    """The glossaries' one-word names of 5 letters or more that are rare in English (Zipf
    under 3.5, so medical words, not "special" or "abnormal")."""
    return _glossary_set(refs)[2]


GlossarySet = tuple[tuple[Glossary, ...], Matcher, frozenset[str]]


# Loaded sets: the run that last looked at their files, what they looked like, the set.
_loaded: dict[tuple[str, ...], tuple[int, list[str], GlossarySet]] = {}
_generation = 0


def _glossary_set(refs: tuple[str, ...]) -> GlossarySet:
    """Glossaries, their matcher and their rare one-word names, loaded once per process and
    again when a file they were read from changes: their files are looked at once per run
    (see `refresh`)."""
    known = _loaded.get(refs)
    if known is not None and (known[0] == _generation or known[1] == _stamps(refs, known[2][0])):
        _loaded[refs] = (_generation, known[1], known[2])
        return known[2]
    found = _read_set(refs)
    if len(_loaded) >= 16:
        _loaded.clear()
    _loaded[refs] = (_generation, _stamps(refs, found[0]), found)
    return found


def refresh() -> None:
    """Look at the glossary files again before their next use: a new run (in a process that
    stays, such as an editor's) sees them as they are now."""
    global _generation
    _generation += 1


def _stamps(refs: tuple[str, ...], glossaries: tuple[Glossary, ...]) -> list[str]:
    files = [str(path_of(r)) for r in refs] + [f for g in glossaries for f in g.files]
    return [_stamp(f) for f in files]


_OWN_DATA = str(Path(__file__).resolve().parent)


def _stamp(file: str | Path) -> str:
    """What says a glossary file has changed: the digest of its bytes for a user's file,
    its stamp for readlint's own (installed with readlint, and part of its version)."""
    return store.stamp(file) if str(file).startswith(_OWN_DATA) else store.content(file)


def _read_set(refs: tuple[str, ...]) -> GlossarySet:
    """The glossary set from the cache folder when no file it was read from has changed,
    else read, built and stored for the next run."""
    key = store.digest("glossaries", __version__, store.stamp(__file__), *refs,
                       *(_stamp(path_of(r)) for r in refs),
                       *map(store.stamp, zipf_sources() + lemma_sources()))
    body = store.read("glossaries", key)
    if body is not None:
        try:
            found = _thaw(orjson.loads(body))
        except Exception:  # damaged, or not what readlint wrote: build it again
            found = None
        if found is not None:
            return found
    glossaries = tuple(load(ref) for ref in refs)
    matcher = Matcher(glossaries)
    single = frozenset(low for g in glossaries for e in g.entries for name in e.names
                       if name.isalpha() and len(name) >= 5 and zipf(low := name.lower()) < 3.5)
    store.write("glossaries", key, orjson.dumps(_freeze((glossaries, matcher, single))))
    return glossaries, matcher, single


_ENTRY_FIELDS = ("id", "term", "variants", "keys", "url", "definition", "source", "pages",
                 "linked", "pronunciation")


def _freeze(found: GlossarySet) -> dict[str, Any]:
    """A glossary set as plain data (JSON), with the stamps of the files it came from. Each
    entry and each first word's branch of the trie is JSON text of its own, read only when a
    page needs it. JSON, not a format of Python objects: reading the cache runs nothing."""
    glossaries, matcher, single = found
    return {
        "stamps": [_stamp(f) for g in glossaries for f in g.files],
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
    if [_stamp(f) for g in data["glossaries"] for f in g["files"]] != data["stamps"]:
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


def _unpack_branch(packed: str) -> dict[str, Any]:
    """A branch of the trie as the cache holds it: dictionaries of words, ending in lists of
    [entry number, capitals]. A branch that is not JSON (a damaged cache) matches nothing."""
    try:
        branch = orjson.loads(packed)
    except orjson.JSONDecodeError:
        return {}
    return branch if isinstance(branch, dict) else {}


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


def related_to(word: str, refs: tuple[str, ...]) -> bool:
    """Is the word a medical glossary term with a word-building ending ("catheter" in
    "catheterization", "stroma" in "stromal", "estrogen" in "estrogenic")?"""
    names = _single_words(refs)
    low = word.lower()
    return any(low[:n] in names and _DERIVED.fullmatch(low[n:]) is not None
               for n in range(5, len(low)))


_DERIVED = re.compile(r"(?:i?[ac]?al|ic|ous|(?:iz|is)ation|ation|ity|ar|ary|ism|ist|y|l)s?")


def block_matches(doc: Document, refs: tuple[str, ...]) -> list[list[Match]]:
    """The glossary matches of each block of a document, found once for all rules."""
    find = matcher_for(refs).find
    found: list[list[Match]] = doc.memo(("glossary matches", refs),
                                        lambda: [find(b.text) for b in doc.blocks])
    return found
