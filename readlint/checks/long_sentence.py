from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..own_words import TABLE_OF_SIGNS
from ..problem import Problem, Severity
from ..rule import LONG_SENTENCE, Example, Rule
from ..vocabulary import REFERENCE_SECTIONS


class LongSentence(Rule):
    """A sentence has more words than the limit for its readers.

    Why: long sentences are the strongest single cause of hard reading. Plain-language
    guidance for health material (NIH, CDC Clear Communication Index, plainlanguage.gov)
    suggests about 15 to 20 words a sentence for patients; the patient rule set uses 20.

    What counts: words as readlint counts them for reading grades (a hyphenated word such as
    "HER2-positive" is one word, a number is one word; a web address written out, such as
    "https://www.cancer.gov/...", and the numbers of a mark of references such as "[12]" are
    none). A list item is a sentence of its own. Headings and table cells are not sentences:
    a long heading is heading-structure's to report, and a table's cells are read one by one.
    Nor is a citation in a list of references (`skip_sections`), nor GARD's table of signs run
    into the text, whose fix is its layout ("Signs and Symptoms Approximate number of patients
    ... Ventricular fibrillation - ..."). A sentence hard-sentence reports is not
    reported here as well: that message names its length among what makes it hard.

    How to fix: split the sentence where it changes subject, move side details into a new
    sentence, or turn a series into a list.

    Options:
      max_words: the most words a sentence may have (default 25; patient 20, professional 35).
      skip_sections: headings (glob patterns) of sections not checked: lists of references.
    """

    name = "long-sentence"
    code = "RL102"
    default_severity = Severity.WARNING
    summary = "A sentence has more words than the limit."
    tags = frozenset({LONG_SENTENCE})
    example = Example(
        "Women who received the new drug lived more than 3 months longer without their tumors "
        "growing than women who received the usual chemotherapy and another targeted drug.\n",
        "Women who received the new drug lived 3 months longer without their tumors growing. "
        "They did better than women who got the usual treatment.\n",
        {"max_words": 20})
    options = {
        "max_words": {"type": "integer", "minimum": 1, "default": 25,
                      "description": "The most words a sentence may have."},
        "skip_sections": REFERENCE_SECTIONS,
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        limit = options["max_words"]
        blocks = doc.blocks
        skipped = doc.blocks_under(options["skip_sections"])
        for sentence in doc.sentences:
            if blocks[sentence.block_index].kind in ("heading", "table_cell") or \
                    sentence.block_index in skipped:
                continue
            count = len(sentence.words)
            if count > limit and not sentence.text.startswith(TABLE_OF_SIGNS):
                yield self.problem(
                    doc, sentence.source_start, sentence.source_end,
                    f"This sentence has {count:,} words; the limit is {limit}. "
                    "Split it into shorter sentences.")
