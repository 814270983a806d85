from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..blocks import HeadingMark
from ..document import Document
from ..patterns import lazy_re
from ..problem import Problem, Severity
from ..rule import ACCESSIBILITY, Example, Rule


class HeadingStructure(Rule):
    """The headings do not make a clear outline of the page.

    Why: screen reader users move through a page by its headings, and everyone skims them.
    A level that is skipped (## then ####) breaks the outline; two top-level headings make
    two titles; a long page with no headings has no way in; an empty heading is announced
    as nothing; a heading that is a long sentence is hard to skim.

    What it finds:
    - a heading more than one level below the one before it (## then ####), or a first
      heading below level 2 (a title in the front matter is the page's level-1 heading);
    - a second level-1 heading (#); when it comes right after the first, the page has two
      titles one after the other, and the message says to keep one: the one without the
      site's name when one is the other (or its start) with " - NCI" or the like added;
    - a page of `min_words` words or more with no heading at all;
    - a heading with no text; when the line below it reads as its text (a short line, or a
      question), the message says to move that text onto the heading line;
    - a heading of more than `max_words` words. The name of what the page is about, as its
      title or its level-1 heading gives it, counts as one word: "Who is at risk for
      Ovarian Epithelial, Fallopian Tube, and Primary Peritoneal Cancer?" is a short
      question about a long name. The problem marks the words past the limit.

    How to fix: use the levels in order; keep one level-1 heading (the title); break long
    pages up with headings that name what each part is about, in a few words.

    Options:
      max_words: the most words a heading may have (default 12).
      min_words: pages at least this long need headings (default 300).
    """

    name = "heading-structure"
    code = "RL303"
    default_severity = Severity.WARNING
    summary = "The headings do not make a clear outline of the page."
    tags = frozenset({ACCESSIBILITY})
    example = Example("# Breast cancer\n\n#### Symptoms\n\nA lump in the breast.\n",
                      "# Breast cancer\n\n## Symptoms\n\nA lump in the breast.\n")
    options = {
        "max_words": {"type": "integer", "minimum": 1, "default": 12,
                      "description": "The most words a heading may have."},
        "min_words": {"type": "integer", "minimum": 1, "default": 300,
                      "description": "Pages at least this long need headings."},
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        yield from self._outline(doc)
        yield from self._long_headings(doc, options["max_words"])
        yield from self._no_headings(doc, options["min_words"])

    def _outline(self, doc: Document) -> Iterator[Problem]:
        """Empty headings, skipped levels and second level-1 headings, heading by heading."""
        title = doc.metadata.get("title")
        titled = isinstance(title, str) and bool(title.strip())  # the title stands as level 1
        previous = 0
        first_title: HeadingMark | None = None  # the first level-1 heading
        level_one = 0
        for mark in doc.heading_marks:
            if mark.empty:
                yield self._empty(doc, mark)
            skipped = self._skipped_level(doc, mark, previous, titled)
            if skipped is not None:
                yield skipped
            if mark.level == 1:
                level_one += 1
                if first_title is None:
                    first_title = mark
                else:
                    yield self._second_title(doc, first_title, mark, level_one)
            previous = mark.level

    def _empty(self, doc: Document, mark: HeadingMark) -> Problem:
        where = (doc, mark.source_start, mark.source_end)
        below = _text_below(doc, mark)
        if below is not None:
            return self.problem(*where, f"This heading has no text, and the line below it, "
                                f"\"{below}\", reads as its heading: move that text onto the "
                                "heading line.")
        return self.problem(*where, "This heading has no text: give it one, or remove it.")

    def _skipped_level(self, doc: Document, mark: HeadingMark, previous: int,
                       titled: bool) -> Problem | None:
        """The heading skips a level below the one before it (`previous`; 0 for the first)."""
        where = (doc, mark.source_start, mark.source_end)
        if previous and mark.level > previous + 1:
            return self.problem(*where, f"This heading skips from level {previous} to level "
                                f"{mark.level}: use level {previous + 1} here.")
        if not previous and mark.level > 2 and titled:
            return self.problem(*where, f"This first heading skips from level 1 (the page's "
                                f"title) to level {mark.level}: use level 2 here.")
        if not previous and mark.level > 2:
            return self.problem(*where, f"The first heading is at level {mark.level}: start "
                                "at level 1 or 2.")
        return None

    def _second_title(self, doc: Document, first_title: HeadingMark, mark: HeadingMark,
                      level_one: int) -> Problem:
        """A level-1 heading after the first (`level_one`: how many so far, this one too)."""
        where = (doc, mark.source_start, mark.source_end)
        if level_one == 2 and _nothing_between(doc, first_title, mark):
            line = doc.position(first_title.source_start)[0]
            return self.problem(*where, f"This level-1 heading comes right after the one on "
                                f"line {line}, \"{_heading_text(doc, first_title)}\": the page "
                                "has two titles, one after the other. "
                                f"{_which_to_keep(doc, first_title, mark, line)}")
        return self.problem(*where, "A second level-1 heading: keep one (the page's title) "
                            "and use level 2 for the parts of the page.")

    def _long_headings(self, doc: Document, max_words: int) -> Iterator[Problem]:
        """Headings of more than `max_words` words, the page's name counted as one."""
        names = doc.memo("page names", lambda: PageNames(_page_names(doc)))
        for heading in doc.headings:
            written = heading.text.split()
            count = len(written)
            if count <= max_words:
                continue
            at, name = _longest_name(written, names)
            count -= max(0, len(name) - 1)
            if count > max_words:
                counted = f" (counting \"{' '.join(name)}\" as one)" if len(name) > 1 else ""
                over = _first_word_over(heading.text, at, len(name), max_words)
                yield self.problem(doc, heading.source_offset(over),
                                   heading.source_offset(len(heading.text) - 1) + 1,
                                   f"This heading has {count:,} words{counted}; make it a short "
                                   f"label of at most {max_words} words and put the rest in "
                                   "the text below it.")

    def _no_headings(self, doc: Document, min_words: int) -> Iterator[Problem]:
        """A page of `min_words` words or more without a heading."""
        if not doc.heading_marks and doc.blocks:
            words = doc.stats.words
            if words >= min_words:
                first = doc.blocks[0]
                yield self.problem(doc, first.source_start, first.source_start + 1,
                                   f"This page has {words:,} words and no headings: add headings "
                                   "that name its parts, so readers can find their way.")


def _first_word_over(text: str, at: int, length: int, max_words: int) -> int:
    """Where the heading's first word past the limit starts, the page's name (`length` words
    from word `at`) counted as one word: the problem marks the words over the limit, as a
    line too long is marked from its first character past the limit."""
    counted = 0
    for i, word in enumerate(re.finditer(r"\S+", text)):
        if not at < i < at + length:  # (the name's other words: counted in it)
            counted += 1
        if counted > max_words:
            return word.start()
    return 0


def _heading_text(doc: Document, mark: HeadingMark, width: int = 80) -> str:
    text = " ".join(doc.source[mark.source_start:mark.source_end].strip().lstrip("#")
                    .rstrip("#").split())
    return text if not width or len(text) <= width else text[:width - 1] + "…"


def _which_to_keep(doc: Document, first: HeadingMark, second: HeadingMark, line: int) -> str:
    """Which of two titles one after the other to keep: when one is the other with a name
    added at its end (the site's, as a browser's title bar shows it: "Anal Cancer Treatment -
    NCI" over "Anal Cancer Treatment"), the one without it."""
    one, two = (_heading_text(doc, mark, width=0) for mark in (first, second))
    added = _added(one, two)
    if added is not None:
        return (f"Remove the one on line {line}, the title with \"{added}\" added at its end, "
                "and keep this one.")
    added = _added(two, one)
    if added is not None:
        return (f"Remove this one, the title with \"{added}\" added at its end, and keep the "
                f"one on line {line}.")
    return "Keep one of them."


# What a title can have added at its end: " - NCI", " | MedlinePlus", a few words after a dash
# or a bar; the last such part of a title; and what the other title can add instead, in
# brackets or after a dash ("Skin Cancer Prevention - NCI" over "Skin Cancer Prevention
# (PDQ®)–Patient Version").
_ADDED = lazy_re(r"\s+[-|–—]\s+\S+(?:\s+\S+){0,3}")
_LAST_ADDED = lazy_re(r"\s+[-|–—]\s+[^\s|–—-]+(?:\s+[^\s|–—-]+){0,2}$")
_QUALIFIER = lazy_re(r"\s*[(–—-]")


def _added(longer: str, shorter: str) -> str | None:
    """What `longer` adds at its end to `shorter` ("- NCI"): when it is `shorter` with a few
    words added after a dash or a bar, or the start of `shorter` (up to a part in brackets or
    after a dash) with a name of up to three words added so."""
    if not shorter:
        return None
    if longer.startswith(shorter) and _ADDED.fullmatch(longer, len(shorter)):
        return longer[len(shorter):].strip()
    last = _LAST_ADDED.search(longer)
    if last is not None and last.start() > 0:
        base = longer[:last.start()]
        if shorter.startswith(base) and _QUALIFIER.match(shorter, len(base)):
            return last.group().strip()
    return None


def _nothing_between(doc: Document, first: HeadingMark, second: HeadingMark) -> bool:
    """Is there nothing but blank lines between two headings?"""
    return not doc.source[first.source_end:second.source_start].strip()


def _text_below(doc: Document, mark: HeadingMark) -> str | None:
    """The text of the paragraph right under an empty heading when it reads as the heading's
    text (Document.text_under_empty_heading)."""
    index = doc.text_under_empty_heading(mark)
    return None if index is None else " ".join(doc.blocks[index].text.split())


# The page's names are read up to this many words, and a heading's words up to this many when
# looking for them: a longer heading is long whatever name it holds.
_NAME_WORDS = 40
_HEADING_WORDS = 60
_PUNCTUATION = " \t.,;:!?()[]{}\"'“”‘’*_|–—-®™"
_TITLE_TAIL = lazy_re(r"\s+[-|–]\s+NCI\s*$|\s*\(PDQ®?\)|\s*[-–]\s*(?:Patient|Health "
                      r"Professional) Version", re.I)
_SMALL = frozenset("a an and the of for in on to or with by at is are what who how".split())


def _words(text: str) -> list[str]:
    return [w.strip(_PUNCTUATION).lower() for w in text.split() if w.strip(_PUNCTUATION)]


def _page_names(doc: Document) -> list[list[str]]:
    """What the page is about, as words: its title (without " - NCI" or "(PDQ®)") and its
    level-1 headings."""
    title = doc.metadata.get("title")
    texts = [_TITLE_TAIL.sub(" ", title)] if isinstance(title, str) else []
    texts += [h.text for h in doc.headings if h.level == 1]
    return [_words(" ".join(t.split()[:_NAME_WORDS])) for t in texts]


class PageNames:
    """The page's names, as words, with where each word stands in them: a heading looks up
    its own words instead of reading every name (a long page has thousands)."""

    def __init__(self, names: list[list[str]]) -> None:
        self.names = names
        self.places: dict[str, list[tuple[int, int]]] = {}  # word: (name, place in it)
        for n, name in enumerate(names):
            for j, word in enumerate(name):
                self.places.setdefault(word, []).append((n, j))


def _longest_name(heading: Sequence[str], page: PageNames) -> tuple[int, list[str]]:
    """The longest run of the heading's words that is a run of words of one of the page's
    names and holds two words or more that are not small words, as the heading writes it;
    of runs as long, the first in the order of the names, then of the heading's words; with
    its place among the heading's words."""
    written = list(heading[:_HEADING_WORDS])
    words = [w.strip(_PUNCTUATION).lower() for w in written]
    best: tuple[int, int] = (0, 0)  # (length, start) in the heading's words
    first = (0, 0, 0)  # where the best run was found: (name, heading word, name word)
    for i, word in enumerate(words):
        for n, j in page.places.get(word, ()) if word else ():
            name = page.names[n]
            k = 1
            while i + k < len(words) and j + k < len(name) and words[i + k] == name[j + k]:
                k += 1
            if (k > best[0] or k == best[0] and (n, i, j) < first) and \
                    sum(w not in _SMALL for w in words[i:i + k]) >= 2:
                best, first = (k, i), (n, i, j)
    length, start = best
    while length and words[start] in _SMALL:  # "for Ovarian ...": the name starts after
        start, length = start + 1, length - 1
    while length and words[start + length - 1] in _SMALL:
        length -= 1
    return start, [w.strip(_PUNCTUATION) for w in written[start:start + length]]
