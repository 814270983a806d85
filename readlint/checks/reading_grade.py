from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..problem import Problem, Severity
from ..readability import FORMULA_LABELS, GRADE_FORMULAS
from ..rule import GRADE, Example, Rule
from ..vocabulary import SKIP_SECTIONS

# Sections about the page rather than its subject, not graded on their own: the sections the
# word rules leave out, and the list of a summary's latest changes.
ADMINISTRATIVE = {**SKIP_SECTIONS,
                  "default": [*SKIP_SECTIONS["default"], "latest updates to this summary*",
                              "changes to this summary*"],
                  "description": "Headings (glob patterns) of sections that are not graded "
                                 "on their own."}


class ReadingGrade(Rule):
    """The prose reads above the school grade set for its readers.

    Why: most adults read health information best at grade 6 to 8. NIH and the American
    Medical Association advise patient material at or below grade 8; the patient rule set uses
    8, the caregiver set 9, the professional set 14.

    How the grade is computed: readlint splits the prose into sentences and words itself and
    counts syllables with the CMU Pronouncing Dictionary (NCI pronunciation keys for medical
    words it lacks), then applies the published formula: Flesch-Kincaid by default; SMOG,
    Coleman-Liau, ARI (automated readability index) and Dale-Chall can be chosen, and several
    chosen formulas are averaged. Only prose counts: paragraphs, list items, headings, block
    quotes, table cells and link text. Code, HTML, URLs, image alt text and front matter do
    not. Each heading, list item and table cell is a sentence of its own.

    How far the usual tools differ: textstat and GNU style split sentences at every period
    ("Dr.", "U.S.", "9.6"), run headings and list items without full stops into one sentence,
    and guess syllables of drug names from hyphenation (capecitabine 1, trastuzumab 2). Given
    the same prose, textstat's Flesch-Kincaid grade differs from readlint's by 1.5 grades on
    average on 5,296 NIH patient pages and by 4.6 on 1,198 cancer.gov pages, and by hundreds
    of grades on pages that are mostly lists. readlint's counts are checked against hand
    counts of real patient text in its tests; docs/readability.md has the details.

    The whole document is graded, and so is each section under a level-2 heading, so you see
    where the hard part is. The worst sections above the limit are reported at their heading.
    Sections about the page rather than its subject ("About This PDQ Summary", permissions,
    disclaimers, references, the latest updates to a summary) are not graded on their own,
    and their text does not count in the grade of the section they are part of; the whole
    document's grade counts all its prose.

    How to fix: use shorter sentences and everyday words; explain or replace long medical
    words; split long sections.

    Options:
      max_grade: the highest grade allowed (default 8).
      formulas: which formulas to average; any of flesch_kincaid_grade, smog_index,
        coleman_liau_index, automated_readability_index, dale_chall_grade.
      min_words: documents with fewer words are not graded (default 100).
      sections: also grade sections (default true).
      section_level: heading level that starts a section (default 2).
      min_section_words: sections with fewer words are not graded (default 100).
      max_sections: report at most this many sections, worst first (default 3).
      skip_sections: headings (glob patterns) of sections not graded on their own (set it
        to [] to grade every section).
    """

    name = "reading-grade"
    code = "RL101"
    default_severity = Severity.WARNING
    summary = "The prose reads above the grade set for its readers."
    tags = frozenset({GRADE})
    example = Example(
        "Pharmacokinetic characterization demonstrated considerable interindividual "
        "variability in systemic exposure following intravenous administration.\n",
        "How much of the drug got into the blood was very different from one person to the "
        "next.\n",
        {"max_grade": 8, "min_words": 10})
    options = {
        "max_grade": {"type": "number", "minimum": 0, "default": 8},
        "formulas": {"type": "array", "items": {"enum": list(GRADE_FORMULAS)}, "minItems": 1,
                     "uniqueItems": True, "default": ["flesch_kincaid_grade"]},
        "min_words": {"type": "integer", "minimum": 0, "default": 100},
        "sections": {"type": "boolean", "default": True},
        "section_level": {"type": "integer", "minimum": 1, "maximum": 6, "default": 2},
        "min_section_words": {"type": "integer", "minimum": 0, "default": 100},
        "max_sections": {"type": "integer", "minimum": 0, "default": 3},
        "skip_sections": ADMINISTRATIVE,
    }

    def measure(self, doc: Document, options: Mapping[str, Any]) -> Mapping[str, Any]:
        """The document's counts, every formula, and its grade against the target."""
        stats = doc.stats
        formulas = list(options["formulas"])
        return {GRADE: {
            "metrics": stats.metrics(), "grade": stats.grade(formulas), "formulas": formulas,
            "target": float(options["max_grade"]), "graded": stats.words >= options["min_words"],
        }}

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        formulas = options["formulas"]
        limit = options["max_grade"]
        label = " and ".join(FORMULA_LABELS[f] for f in formulas)
        if len(formulas) > 1:
            label = f"mean of {label}"
        stats = doc.stats
        if stats.words < options["min_words"] or not doc.blocks:
            return
        grade = stats.grade(formulas)
        if grade > limit:
            first = doc.blocks[0]
            yield self.problem(
                doc, first.source_start, first.source_offset(len(first.text) - 1) + 1,
                f"Reading grade of this document is {grade:.1f} ({label}); the limit for "
                f"these readers is {limit:g}. Use shorter sentences and everyday words.")
        if not options["sections"]:
            return
        graded = []
        skipped = doc.blocks_under(options["skip_sections"])
        for section in doc.sections_at(options["section_level"]):
            if section.heading is None or section.blocks[0] in skipped:
                continue
            sec_stats = doc.stats_of(i for i in section.blocks if i not in skipped)
            if sec_stats.words >= options["min_section_words"]:
                graded.append((sec_stats.grade(formulas), section.heading))
        if len(graded) < 2:
            return  # one section is the whole document: already graded above
        scored = [item for item in graded if item[0] > limit]
        scored.sort(key=lambda item: -item[0])
        for sec_grade, heading in scored[: options["max_sections"]]:
            yield self.problem(
                doc, heading.source_start, heading.source_offset(len(heading.text) - 1) + 1,
                f"Reading grade of the section \"{_short(heading.text)}\" is {sec_grade:.1f} "
                f"({label}); the limit is {limit:g}. Start simplifying here.")


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
