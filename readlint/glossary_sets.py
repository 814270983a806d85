"""The sets of glossaries rules name: each read once per process (from the cache folder when
no file it was read from has changed, else from its files) and again when one of its files
changes, with its matcher, its rare one-word names and its matches in a document's blocks."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from . import glossary, glossary_files, glossary_store, store, termmatch
from .document import Document
from .glossary import Glossary
from .glossary_files import load, path_of
from .glossary_store import GlossarySet, file_stamp, file_stamps
from .patterns import lazy_re
from .termmatch import Match, Matcher
from .version import __version__
from .vocabulary import STOPWORDS, WORDS_REMEMBERED, zipf, zipf_sources
from .wordforms import fold, lemma_sources, topic_words


def load_all(refs: Iterable[str]) -> tuple[Glossary, ...]:
    return _glossary_set(tuple(refs))[0]


def matcher_for(refs: tuple[str, ...]) -> Matcher:
    """One matcher per set of glossaries, built once per process."""
    return _glossary_set(refs)[1]


def _single_words(refs: tuple[str, ...]) -> frozenset[str]:
    """The glossaries' one-word names of 5 letters or more that are rare in English (Zipf
    under 3.5, so medical words, not "special" or "abnormal")."""
    return _glossary_set(refs)[2]


# Loaded sets: the run that last looked at their files, what they looked like, the set.
_loaded: dict[tuple[str, ...], tuple[int, list[str], GlossarySet]] = {}
_generation = 0


def _glossary_set(refs: tuple[str, ...]) -> GlossarySet:
    """Glossaries, their matcher and their rare one-word names, loaded once per process and
    again when a file they were read from changes: their files are looked at once per run
    (see `refresh`)."""
    known = _loaded.get(refs)
    if known is not None and (known[0] == _generation
                              or known[1] == file_stamps(refs, known[2][0])):
        _loaded[refs] = (_generation, known[1], known[2])
        return known[2]
    found = _read_set(refs)
    if len(_loaded) >= 16:
        _loaded.clear()
    _loaded[refs] = (_generation, file_stamps(refs, found[0]), found)
    return found


def refresh() -> None:
    """Look at the glossary files again before their next use: a new run (in a process that
    stays, such as an editor's) sees them as they are now."""
    global _generation
    _generation += 1


def _read_set(refs: tuple[str, ...]) -> GlossarySet:
    """The glossary set from the cache folder when no file it was read from has changed,
    else read, built and stored for the next run."""
    key = store.digest("glossaries", __version__, *_code_stamps(), *refs,
                       *(file_stamp(path_of(r)) for r in refs),
                       *map(store.stamp, zipf_sources() + lemma_sources()))
    found = glossary_store.read(key)
    if found is not None:
        return found
    glossaries = tuple(load(ref) for ref in refs)
    matcher = Matcher(glossaries)
    single = frozenset(low for g in glossaries for e in g.entries for name in e.names
                       if name.isalpha() and len(name) >= 5 and zipf(low := name.lower()) < 3.5)
    glossary_store.write(key, (glossaries, matcher, single))
    return glossaries, matcher, single


def _code_stamps() -> list[str]:
    """The stamps of the code that reads, builds and packs a set: when it changes, the sets
    in the cache folder are built again."""
    return [store.stamp(str(module.__file__)) for module in
            (glossary, glossary_files, termmatch, glossary_store)] + [store.stamp(__file__)]


def related_to(word: str, refs: tuple[str, ...]) -> bool:
    """Is the word a medical glossary term with a word-building ending ("catheter" in
    "catheterization", "stroma" in "stromal", "estrogen" in "estrogenic")?"""
    names = _single_words(refs)
    low = word.lower()
    return any(low[:n] in names and _DERIVED.fullmatch(low[n:]) is not None
               for n in range(5, len(low)))


# Editors leave a term plain when they use it on this many pages that link dictionary terms
# or more, and link it on at most this share of them.
PLAIN_PAGES = 5
PLAIN_SHARE = 0.1


def left_plain(word: str, refs: tuple[str, ...]) -> bool:
    """Do editors leave this one-word glossary name plain: of the pages that link dictionary
    terms and use it, at least `PLAIN_PAGES`, they link it on at most one in ten
    ("epidemiology", "oncology", "NIH")? What finished pages leave plain, their editors judged
    plain enough. Only glossaries with a record of how editors link them say so."""
    return _left_plain(word, matcher_for(refs))


@lru_cache(maxsize=WORDS_REMEMBERED)
def _left_plain(word: str, matcher: Matcher) -> bool:
    """`left_plain` for the glossaries of one matcher (a glossary file changed: a new one)."""
    for match in matcher.find(word):
        if match.start == 0 and match.end == len(word):
            return any(e.pages >= PLAIN_PAGES and e.linked <= PLAIN_SHARE * e.pages
                       for e in match.entries)
    return False


_DERIVED = lazy_re(r"(?:i?[ac]?al|ic|ous|(?:iz|is)ation|ation|ity|ar|ary|ism|ist|y|l)s?")


def block_matches(doc: Document, refs: tuple[str, ...]) -> list[list[Match]]:
    """The glossary matches of each block of a document, found once for all rules."""
    find = page_find(doc, refs)
    found: list[list[Match]] = doc.memo(("glossary matches", refs),
                                        lambda: [find(b.text) for b in doc.blocks])
    return found


def page_find(doc: Document, refs: tuple[str, ...]) -> Callable[[str], list[Match]]:
    """The matcher's `find` for texts of this document: a stage's label alone ("stage IIB")
    names an entry for one cancer's stage ("stage II melanoma", as editors link it on that
    cancer's pages) only on a page whose title names that cancer; elsewhere its words are
    matched as if that name were not there ("stage" alone)."""
    find = matcher_for(refs).find

    def found(text: str) -> list[Match]:
        matches = find(text)
        if not any(_STAGE_LABEL.fullmatch(m.text) for m in matches):
            return matches
        kept: list[Match] = []
        for match in matches:
            label = _STAGE_LABEL.fullmatch(match.text)
            narrowed = match if label is None else _on_this_page(doc, match)
            if narrowed is not None:
                kept.append(narrowed)
            elif label is not None and label.group(1):
                # the word "stage" before the label, matched alone ("stage" of "stage IIB")
                kept.extend(inner._replace(start=inner.start + match.start,
                                           end=inner.end + match.start)
                            for inner in find(label.group(1)))
        return kept
    return found


def _on_this_page(doc: Document, match: Match) -> Match | None:
    """The match of a stage's label with only the entries the page can mean (see
    `page_find`), or None. An entry's words, other than its stage, little words and brackets,
    must be words of the page's title ("stage IV thymoma" on "Thymoma and Thymic
    Carcinoma")."""
    topic = doc.memo("title words", lambda: topic_words(doc))
    entries = tuple(entry for entry in match.entries
                    if all(fold(word) in topic for word in _WORD.findall(
                        _BRACKETED.sub(" ", entry.term))
                           if word.lower() not in STOPWORDS and word.lower() != "stage" and
                           not _STAGE_LABEL.fullmatch(word)))
    return match._replace(entries=entries) if entries else None


# A stage's label alone: "stage IIB", "IIIA", "Stage 0".
_STAGE_LABEL = lazy_re(r"(?:(stage)\s+)?(?:0|I{1,3}|IV|V)[A-E]?\d?", re.I)
_BRACKETED = lazy_re(r"\([^()]*\)")
_WORD = lazy_re(r"[^\W_]+")
