from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..document import Document
from ..own_words import Graded, own_words
from ..patterns import lazy_re
from ..problem import Problem, Severity
from ..readability import (
    FORMULA_LABELS,
    GRADE_FORMULAS,
    GRADE_SHOWN_UP_TO,
    TextStats,
    past_grading,
)
from ..rule import GRADE, SECTION_GRADE, Example, Rule
from ..vocabulary import SKIP_SECTIONS
from .audience_mismatch import AudienceMismatch

# Sentences that many pages of a site repeat word for word (tools/find_stock_text.py).

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
    where the hard part is. The worst sections above the limit are reported at their heading,
    unless a section holds nine tenths of the page's own words or more: then it is the page,
    already graded.
    Sections about the page rather than its subject ("About This PDQ Summary", permissions,
    disclaimers, references, the latest updates to a summary) are not graded on their own,
    and their text does not count in the grade of the section they are part of.

    What is graded: the writer's own words, the ones an editor of the page can change. The
    message gives the grade of all the prose, then the grade of the writer's own words when
    that differs; only the second decides whether a problem is reported.
    - Names and terms the reader is given count as words of one syllable (and of at most four
      letters, and familiar): names of drugs (the NCI list of cancer drugs, and the endings
      of drug names such as -mab and -nib), genes and other codes (HER2, COL4A5), other
      names (a capitalised word inside a sentence, unless it is built the medical way or
      follows a figure, as in a table run into the text), the words of the page's title (the
      disease or drug it is about), and terms the page explains or links anywhere ("pigment
      cells (melanocytes)", "a sugar called glucose", a link to a dictionary entry; a word
      as common as "however" or "information" is no such term, whatever follows it). They
      still count as words, so long sentences stay long.
    - Left out: pronunciation keys ("(OH-sih-MER-tih-nib)"); stock sentences, which many
      pages of a site repeat word for word, the page's own topic aside (the paragraph at
      the foot of every cancer.gov drug page, GARD's note on its symptom tables; the list is
      in readlint/data/stock-sentences.txt); paragraphs, list items and headings that are all
      link text, the titles of other pages; list items and table cells that are only names,
      such as a list of drugs; a table of signs run into the text ("Seizures 90% Hypotonia
      50% ...", GARD's symptom tables as MedQuAD keeps them). A landing page of link cards
      (three or more, at least 3 in 10 of its paragraphs and list items) is not graded.

    How reliable the grade is: a grade computed from a few sentences moves a lot when one
    sentence changes. Each grade has a standard error (how far the grade of other sentences
    like these would stray from it, from leaving out each sentence in turn), and a document or
    section is reported only when its grade is above the limit by more than `standard_errors`
    of them. The limit itself is not moved.

    One voice with audience-mismatch: a page that reads far above its readers is a fault of
    the whole page. On a page audience-mismatch reports (with its default figures), this rule
    reports the document's grade and no sections; on such a page whose title says it is for
    health professionals it reports nothing, since the fix is the label, which
    audience-mismatch names. A page whose title says it is for health professionals that
    audience-mismatch does not report gets the document's grade with that fix, and no
    sections. This holds for readers whose limit is below 13 (audience-mismatch's grade);
    set `leave_to_audience_mismatch` to false where that rule is off.

    How to fix: use shorter sentences and everyday words; explain or replace long medical
    words; split long sections.

    Options:
      max_grade: the highest grade allowed (default 8).
      formulas: which formulas to average; any of flesch_kincaid_grade, smog_index,
        coleman_liau_index, automated_readability_index, dale_chall_grade.
      min_words: documents with fewer of the writer's own words are not graded (default 100).
      sections: also grade sections (default true).
      section_level: heading level that starts a section (default 2).
      min_section_words: sections with fewer of the writer's own words are not graded
        (default 100).
      max_sections: report at most this many sections, worst first (default 3).
      skip_sections: headings (glob patterns) of sections not graded on their own (set it
        to [] to grade every section).
      standard_errors: how many standard errors above the limit a grade must be to be
        reported (default 1; 0 reports every grade above the limit).
      leave_to_audience_mismatch: share pages that read far above their readers with
        audience-mismatch as described above (default true).
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
        "leave_to_audience_mismatch": {"type": "boolean", "default": True},
        "standard_errors": {"type": "number", "minimum": 0, "default": 1},
    }

    def measure(self, doc: Document, options: Mapping[str, Any]) -> Mapping[str, Any]:
        """The document's counts, and the grade `check` judges it by against the target: of
        the writer's own words (of all its prose when it has too few of those to grade);
        `over` is check's verdict on the page, whether or not another rule speaks for it."""
        stats = doc.stats
        formulas = list(options["formulas"])
        whole = self._own_grade(doc, options)
        limit = float(options["max_grade"])
        return {GRADE: {
            "metrics": stats.metrics(),
            "grade": whole.grade if whole is not None else stats.grade(formulas),
            "formulas": formulas, "target": limit, "graded": whole is not None,
            "over": whole is not None and
            whole.grade > limit + options["standard_errors"] * whole.error,
        }}

    @staticmethod
    def _own_grade(doc: Document, options: Mapping[str, Any]) -> Graded | None:
        """The grade of the page's own words, or None when there are too few to grade (or
        the page is a landing page of links to other pages)."""
        if not doc.blocks or doc.stats.words < options["min_words"]:
            return None
        own = own_words(doc)
        if own.landing_page:
            return None
        whole = own.grade(range(len(doc.blocks)), options["formulas"])
        return whole if whole.words >= options["min_words"] else None

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        formulas = options["formulas"]
        limit = options["max_grade"]
        label = " and ".join(FORMULA_LABELS[f] for f in formulas)
        if len(formulas) > 1:
            label = f"mean of {label}"
        whole = self._own_grade(doc, options)
        if whole is None:
            return
        own = own_words(doc)
        professional = limit < PROFESSIONAL_GRADE and _for_professionals(doc)
        mismatch = options["leave_to_audience_mismatch"] and _audience_mismatch(doc, limit)
        if mismatch and professional:
            return  # audience-mismatch says it all: mark the page for professionals
        margin = options["standard_errors"]
        if whole.grade > limit + margin * whole.error:
            first = doc.blocks[0]
            advice = "Use shorter sentences and everyday words."
            if professional:
                advice = ("Its title says it is for health professionals: if it is, mark it "
                          "so (audienceLevel: professional); if not, use shorter sentences "
                          "and everyday words.")
            yield self.problem(
                doc, first.source_start, first.source_offset(len(first.text) - 1) + 1,
                f"Reading grade of this document is "
                f"{_figures(doc.stats, whole.grade, formulas, label)}; the limit for "
                f"these readers is {limit:g}. {advice}")
        if not options["sections"] or professional or mismatch:
            return  # the page's problem is its audience: one voice, at the page
        graded = []
        skipped = doc.blocks_under(options["skip_sections"])
        for section in doc.sections_at(options["section_level"]):
            if section.heading is None or section.blocks[0] in skipped:
                continue
            blocks = [i for i in section.blocks if i not in skipped]
            found = own.grade(blocks, formulas)
            if found.words >= options["min_section_words"]:
                graded.append((found, section.heading, doc.stats_of(blocks)))
        if not graded or len(graded) == 1 and \
                graded[0][0].words >= WHOLE_PAGE_SHARE * whole.words:
            return  # one section is (nearly) the whole document: already graded above
        scored = [item for item in graded if item[0].grade > limit + margin * item[0].error]
        scored.sort(key=lambda item: -item[0].grade)
        for found, heading, full in scored[: options["max_sections"]]:
            yield self.problem(
                doc, heading.source_start, heading.source_offset(len(heading.text) - 1) + 1,
                f"Reading grade of the section \"{_short(heading.text)}\" is "
                f"{_figures(full, found.grade, formulas, label)}; the limit is {limit:g}. "
                "Start here: use shorter sentences and everyday words.", subject=SECTION_GRADE)


# A section that holds this share of the page's own words or more is the page: its grade is not
# told apart.
WHOLE_PAGE_SHARE = 0.9


def _figures(stats: TextStats, own: float, formulas: Sequence[str], label: str) -> str:
    """The grade of all the prose (of these counts), and of the writer's own words when that
    differs; past grading (sentences hundreds of words long), how long the sentences are."""
    full = stats.grade(formulas)
    length = stats.words_per_sentence
    if past_grading(max(full, own), length):
        return f"beyond {GRADE_SHOWN_UP_TO} ({label}): its sentences are {length:,.0f} words " \
            "long on average, so full stops may be missing"
    figures = f"{full:.1f} ({label})"
    if f"{own:.1f}" != f"{full:.1f}":
        figures += f", {own:.1f} in the writer's own words"
        if own < full:  # (higher when the sentences left out were the plainer ones)
            figures += " (names and terms it explains read as short words)"
    return figures


# A title that names professionals as the page's readers: "...–Health Professional Version".
_PROFESSIONAL_TITLE = lazy_re(
    r"\b(?:health ?(?:care )?professionals?|professional version|for (?:clinicians|"
    r"physicians|providers|health ?care providers))\b", re.I)
# The grade from which a page reads as written for professionals (audience-mismatch's).
PROFESSIONAL_GRADE = AudienceMismatch.options["max_grade"]["default"]


def _for_professionals(doc: Document) -> bool:
    """Does the page's title (front matter or a level-1 heading) say it is written for
    health professionals?"""
    titles = [str(doc.metadata.get("title") or "")]
    titles += [b.text for b in doc.headings if b.level == 1]
    return any(_PROFESSIONAL_TITLE.search(t) for t in titles)


def _audience_mismatch(doc: Document, limit: float) -> bool:
    """Does audience-mismatch report the page (with its default figures), for readers whose
    limit is below its grade?"""
    rule = AudienceMismatch()
    options = rule.default_options()
    if limit >= PROFESSIONAL_GRADE:
        return False
    found: bool = doc.memo("audience-mismatch by default",
                           lambda: any(True for _ in rule.check(doc, options)))
    return found


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
