"""Finding the terms of some glossaries in prose: a token trie over every name of every
entry, matched in one pass over the words of a text.

Matching is case-insensitive (except for terms written in capitals, like "HER2" or "ALL",
which match only in capitals), on word boundaries, plural and possessive forms folded, and
the longest term wins.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, compress
from typing import Any, NamedTuple

import orjson

from .glossary import Entry, Glossary
from .patterns import lazy_re
from .wordforms import fold

# Word tokens, without the footnote marks set right after a word ("transplant¹").
_TOKEN = lazy_re(r"[^\W_⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:['’][^\W_⁰¹²³⁴⁵⁶⁷⁸⁹]+)*|-")
_BRACKET = lazy_re(r"[(\[{)\]}]")
# The end of a sentence: a full stop (or "!", "?", ";") after a word of three letters or more,
# a closing quotation mark or bracket perhaps, then a capital ("bones. Metastasis", "the
# “bones.” Metastasis"; not "H. pylori", "St. John's wort").
_SENTENCE_END = lazy_re(r"[.!?;](?<=[^\W\d_]{3}[.!?;])[\"”’')\]]*\s+(?=[A-Z])")
_NO_TERM_ACROSS = -(1 << 20)  # (as if brackets closed: no term runs across it)


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

    def __init__(self, glossaries: Sequence[Glossary], trie: dict[str, Any] | None = None,
                 short_names: bool = False) -> None:
        """`short_names`: match names of two letters in small letters too ("qd" in a list of
        words and their plain substitutes, where each name was chosen to be found)."""
        self.glossaries = tuple(glossaries)
        self._short_names = short_names
        # Entries are numbered across the glossaries, in order: where each glossary's end.
        self._ends = list(accumulate(len(g.entries) for g in self.glossaries))
        # What each text a term may stand as was found to name: (that text, its entries),
        # one string and one tuple for every use of it.
        self._named: dict[str, tuple[str, tuple[Entry, ...]]] = {}
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
        if not toks or toks[0] == "-" or not _matchable(name, self._short_names):
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
        starts, ends, folded, after_hyphen, brackets = _folded_tokens(text)
        root, end_key = self._trie, self._END
        out = []
        count = len(folded)
        i = 0  # the first word not yet inside a match
        # Only a word that starts a term can start a match: those are found in one pass in C.
        for first in compress(range(count), map(root.__contains__, folded)):
            if first < i or after_hyphen[first]:  # (hyphens fold to "-", never a first word)
                continue
            i = first
            node = root[folded[i]]
            if node.__class__ is str:  # a branch as the cache stores it: unpacked once
                node = root[folded[i]] = _unpack_branch(node)
            best = None
            j = i
            depth = 0  # brackets opened and not closed since the first word
            while True:
                if end_key in node and depth == 0:
                    named = self._names_of(text[starts[i]:ends[j]], node[end_key])
                    if named[1]:
                        best = (j, named)
                j += 1
                if j >= count:
                    break
                if brackets is not None:
                    depth += brackets[j]
                    if depth < 0:
                        break  # a term does not run out of brackets: "hormone (LHRH) agonists"
                node = node.get(folded[j])
                if node is None:
                    break
            if best is None:
                i += 1
                continue
            j, (span, entries) = best
            out.append(Match(starts[i], ends[j], span, entries))
            i = j + 1
        return out

    def _names_of(self, span: str, leaf: list[tuple[int, str]]) -> tuple[str, tuple[Entry, ...]]:
        """The entries a term written as `span` names (`leaf`: where its words end in the
        trie), each once. The same text always reaches the same leaf, so what it names is
        worked out once and shared by its uses (up to `_NAMED` texts, then again)."""
        named = self._named.get(span)
        if named is None:
            if len(self._named) >= _NAMED:
                self._named.clear()
            entries = (self.entry(number) for number, exact in leaf
                       if not exact or _same_capitals(span, exact))
            named = self._named[span] = (span, tuple(dict.fromkeys(entries)))
        return named


# Texts whose entries a matcher remembers (see Matcher._names_of).
_NAMED = 1 << 15


# Where a text's tokens start and end, their folded forms, whether each directly follows a
# hyphen (1) or not (0), and the brackets opened (or, negative, closed) just before each, a
# sentence's end counting as every bracket closed (None where the text has neither). Numbers
# in arrays: the tokens of the last texts are kept,
# and a number in a list costs several times its size.
FoldedTokens = tuple["array[int]", "array[int]", list[str], bytes, "array[int] | None"]


@lru_cache(maxsize=256)  # the blocks of a long page; more only holds memory (1,024: +16 MB)
def _folded_tokens(text: str) -> FoldedTokens:
    """A text's tokens' offsets, their folded forms, whether each directly follows a hyphen
    ("positive" in "HER2-positive" starts no term), and the brackets opened (or, negative,
    closed) just before it, or a sentence's end (no term runs across it): worked out once per
    text for every matcher that searches it."""
    found = [*_TOKEN.finditer(text)]
    words = list(map(re.Match.group, found))
    starts = array("q", map(re.Match.start, found))
    ends = array("q", map(re.Match.end, found))
    folded = list(map(fold, words))  # (a hyphen folds to itself)
    if "-" in text:
        after_hyphen = bytes([False] + [word == "-" and end == start for word, end, start
                                        in zip(words[:-1], ends[:-1], starts[1:], strict=True)])
    else:
        after_hyphen = bytes(len(words))
    brackets = None
    marks = [*_BRACKET.finditer(text)]
    if marks:
        # (a bracket is in no token: each stands in the gap before the first token after it)
        brackets = array("q", bytes(8 * len(words)))
        for mark in marks:
            k = bisect.bisect_right(starts, mark.start())
            if 0 < k < len(words):
                brackets[k] += 1 if mark.group() in "([{" else -1
    # A term ends with its sentence (`_SENTENCE_END`): the word after its end counts as
    # closing every bracket.
    for stop in _SENTENCE_END.finditer(text):
        k = bisect.bisect_left(starts, stop.end())
        if k < len(words) and starts[k] == stop.end():
            if brackets is None:
                brackets = array("q", bytes(8 * len(words)))
            brackets[k] = _NO_TERM_ACROSS
    return starts, ends, folded, after_hyphen, brackets


def _matchable(name: str, short_names: bool = False) -> bool:
    """Names too short or too bare to find in prose safely ("s", "2", "mm", "3-D", stage codes
    such as "IIIA") are not matched; abbreviations in capitals ("CT", "HER2") are, and with
    `short_names` two small letters ("qd")."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    if len(letters) < 2 or re.fullmatch(r"[IVX]+[A-E]?\d?", name.strip()):
        return False  # "3-D", "IIIA": codes, not terms
    if len(name.strip()) <= 2:
        return (short_names or name.strip().isupper()) and len(letters) == 2
    return True


def _same_capitals(span: str, name: str) -> bool:
    """Does text written in capitals match a capitals name (plural 's' allowed)?"""
    span = re.sub(r"['’]?s$", "", span) if not span.isupper() else span
    return re.sub(r"\W", "", span) == re.sub(r"\W", "", name)


def _unpack_branch(packed: str) -> dict[str, Any]:
    """A branch of the trie as the cache holds it: dictionaries of words, ending in lists of
    [entry number, capitals]. A branch that is not JSON (a damaged cache) matches nothing."""
    try:
        branch = orjson.loads(packed)
    except orjson.JSONDecodeError:
        return {}
    return branch if isinstance(branch, dict) else {}
