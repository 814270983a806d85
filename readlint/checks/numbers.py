from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..blocks import Block
from ..document import Document
from ..problem import Problem, Severity
from ..rule import ACCESSIBILITY, Example, Rule

_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_DATE = re.compile(r"(?<![\w/.-])(0?[1-9]|1[0-2])([/.-])(0?[1-9]|1[0-2])\2(\d{4}|\d{2})(?![\w/-])")
_NOON = re.compile(r"(?<![\w:])12(?::00)?\s*(a\.?\s?m\.?|p\.?\s?m\.?)(?!\w)", re.I)
_UNITS = (r"(?:days?|weeks?|months?|years?|hours?|minutes?|times|pills?|tablets?|capsules?|"
          r"doses?|cups?|glasses|servings?|drinks?|pounds|kilograms|kg|mg|ml|mL|inches|cm|"
          r"percent|sessions|visits|treatments|cycles)")
# A hyphen only: an en dash ("1–3 days") is the printed form of a range and reads as one.
_RANGE = re.compile(rf"(?<![\w.,/-])(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\s+{_UNITS}\b")


class AmbiguousNumbers(Rule):
    """A date, time or range that readers may misread.

    Why: "03/04/2025" is March 4 to a reader from the United States and 3 April to most
    others; "12 a.m." and "12 p.m." are often mixed up; "3-5 days" can be read as "3 minus
    5". Health instructions depend on these numbers.

    What it finds (only where there is little doubt): dates written with numbers only whose
    day and month could be swapped; 12 a.m. and 12 p.m.; a range of a quantity written with
    a hyphen in prose ("2-3 times a day"; not in tables, and not with an en dash, "2–3",
    the printed form of a range).

    How to fix: write the month as a word ("March 4, 2025"), say "noon" or "midnight", and
    write ranges with "to" ("2 to 3 times a day").
    """

    name = "ambiguous-numbers"
    code = "RL306"
    default_severity = Severity.INFO
    summary = "A date, time or range that readers may misread."
    tags = frozenset({ACCESSIBILITY})
    example = Example("Take 1-2 tablets at 12 p.m. and come back on 03/04/2026.\n",
                      "Take 1 to 2 tablets at noon and come back on March 4, 2026.\n")

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        for block in doc.blocks:
            text = block.text

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
            for m in _RANGE.finditer(text) if block.kind != "table_cell" else ():
                low, high = m.group(1), m.group(2)
                if float(low) >= float(high):
                    continue
                better = f"{low} to {high}{m.group()[m.end(2) - m.start():]}"
                yield self.problem(*where(m), f"\"{m.group()}\" can be misread: write "
                                   f"\"{better}\".", subject=m.group())
