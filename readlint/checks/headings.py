from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
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
      heading below level 2;
    - a second level-1 heading (#);
    - a page of `min_words` words or more with no heading at all;
    - a heading with no text;
    - a heading of more than `max_words` words.

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
        previous = 0
        level_one = 0
        for mark in doc.heading_marks:
            where = (doc, mark.source_start, mark.source_end)
            if mark.empty:
                yield self.problem(*where, "This heading has no text: give it one, or remove it.")
            if previous and mark.level > previous + 1:
                yield self.problem(*where, f"This heading skips from level {previous} to level "
                                   f"{mark.level}: use level {previous + 1} here.")
            elif not previous and mark.level > 2:
                yield self.problem(*where, f"The first heading is at level {mark.level}: start "
                                   "at level 1 or 2.")
            if mark.level == 1:
                level_one += 1
                if level_one > 1:
                    yield self.problem(*where, "A second level-1 heading: keep one (the page's "
                                       "title) and use level 2 for the parts of the page.")
            previous = mark.level
        for heading in doc.headings:
            count = len(heading.text.split())
            if count > options["max_words"]:
                yield self.problem(doc, heading.source_start,
                                   heading.source_offset(len(heading.text) - 1) + 1,
                                   f"This heading has {count} words; make it a short label of "
                                   f"at most {options['max_words']} words and put the rest in "
                                   "the text below it.")
        if not doc.heading_marks and doc.blocks:
            words = doc.stats.words
            if words >= options["min_words"]:
                first = doc.blocks[0]
                yield self.problem(doc, first.source_start, first.source_start + 1,
                                   f"This page has {words} words and no headings: add headings "
                                   "that name its parts, so readers can find their way.")
