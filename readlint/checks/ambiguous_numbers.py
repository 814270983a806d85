from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..blocks import Block
from ..document import Document
from ..patterns import lazy_re
from ..problem import Problem, Severity
from ..rule import ACCESSIBILITY, Example, Rule

_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_DATE = lazy_re(r"(?<![\w/.-])(0?[1-9]|1[0-2])([/.-])(0?[1-9]|1[0-2])\2(\d{4}|\d{2})(?![\w/-])")
_NOON = lazy_re(r"(?<![\w:])12(?::00)?\s*(a\.?\s?m\.?|p\.?\s?m\.?)(?!\w)", re.I)
_UNITS = (r"(?:days?|weeks?|months?|years?|hours?|minutes?|times|pills?|tablets?|capsules?|"
          r"doses?|cups?|glasses|servings?|drinks?|pounds|kilograms|kg|mg|ml|mL|inches|cm|"
          r"percent|sessions|visits|treatments|cycles)")
# A hyphen only: an en dash ("1–3 days") is the printed form of a range and reads as one.
_RANGE = lazy_re(rf"(?<![\w.,/-])(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\s+{_UNITS}\b")
_DIGIT = lazy_re(r"\d")
_BETWEEN = lazy_re(r"\bbetween\s+(?:(?:the\s+)?ages?\s+(?:of\s+)?)?$", re.I)
# Sections that list the works a page cites, and what marks a reference to a journal article:
# its year and volume ("2019;12"), volume, issue and pages ("58 (7): 713-21"), volume, pages
# and year ("160: 206-214, 2022") or a DOI.
_REFERENCES = ("references", "* references", "references *", "* references *", "sources",
               "citations", "bibliography")
_JOURNAL = lazy_re(r"\b(?:19|20)\d\d\s*;\s*\d|\b\d+\s*\(\d+(?:[-–]\d+)?\)\s*:\s*[eE]?\d|"
                   r"\b\d+\s*:\s*[eE]?\d+(?:[-–][eE]?\d+)?,\s*(?:19|20)\d\d\b|"
                   r"\bdoi:\s*10\.|\bdoi\.org/10\.", re.I)
# How far after a range the journal of the title it is in comes: a title and its journal.
_TITLE_REACH = 300


class AmbiguousNumbers(Rule):
    """A date, time or range that readers may misread.

    Why: "03/04/2025" is March 4 to a reader from the United States and 3 April to most
    others; "12 a.m." and "12 p.m." are often mixed up; "3-5 days" can be read as "3 minus
    5". Health instructions depend on these numbers.

    What it finds (only where there is little doubt): dates written with numbers only whose
    day and month could be swapped; 12 a.m. and 12 p.m.; a range of a quantity written with
    a hyphen in prose ("2-3 times a day"; not in tables, not with an en dash, "2–3", the
    printed form of a range, and not in the title of a cited work, in a list of references
    or in a reference to a journal article, which cannot be reworded).

    How to fix: write the month as a word ("March 4, 2025"), say "noon" or "midnight", and
    write ranges with "to" ("2 to 3 times a day"; "between 40 and 60 years").
    """

    name = "ambiguous-numbers"
    code = "RL306"
    default_severity = Severity.INFO
    summary = "A date, time or range that readers may misread."
    tags = frozenset({ACCESSIBILITY})
    example = Example("Take 1-2 tablets at 12 p.m. and come back on 03/04/2026.\n",
                      "Take 1 to 2 tablets at noon and come back on March 4, 2026.\n")

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        references = doc.blocks_under(_REFERENCES)
        for index, block in enumerate(doc.blocks):
            text = block.text
            if _DIGIT.search(text) is None:
                continue  # each of the patterns below needs a digit

            def where(m: re.Match[str], block: Block = block) -> tuple[Document, int, int]:
                return doc, block.source_offset(m.start()), block.source_offset(m.end() - 1) + 1

            for m in _DATE.finditer(text):
                first, second = int(m.group(1)), int(m.group(3))
                if first == second:
                    continue
                us = f"{_MONTHS[first - 1]} {second}"
                other = f"{first} {_MONTHS[second - 1]}"
                yield self.problem(*where(m), f"\"{m.group()}\" can be read as {us} or as "
                                   f"{other}: write the month as a word.", subject=m.group())
            for m in _NOON.finditer(text):
                word = "midnight" if m.group(1).lower().startswith("a") else "noon"
                yield self.problem(*where(m), f"\"{m.group()}\" is often misread: write "
                                   f"\"{word}\".", subject=m.group())
            ranges = block.kind != "table_cell" and index not in references
            for m in _RANGE.finditer(text) if ranges else ():
                low, high = m.group(1), m.group(2)
                if float(low) >= float(high) or _cited(text, m.end()):
                    continue
                unit = m.group()[m.end(2) - m.start():]
                between = _BETWEEN.search(text, max(0, m.start() - 30), m.start())
                if between is not None:  # "between 40 to 60 years" would not do
                    written = f"{between.group()}{m.group()}"
                    better = f"{between.group()}{low} and {high}{unit}"
                else:
                    written, better = m.group(), f"{low} to {high}{unit}"
                yield self.problem(*where(m), f"\"{written}\" can be misread: write "
                                   f"\"{better}\".", subject=m.group())


def _cited(text: str, end: int) -> bool:
    """Is the range that ends at `end` in the title of a journal article the text cites (the
    article's journal, year and pages follow the title: "... children aged 0-5 years.
    J Pediatr. 2019;12:34-40")? A cited title cannot be reworded."""
    return _JOURNAL.search(text, end, end + _TITLE_REACH) is not None
