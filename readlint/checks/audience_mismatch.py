from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..explanations import explained
from ..own_words import OwnWords, own_words
from ..problem import Problem, Severity
from ..readability import GRADE_SHOWN_UP_TO, past_grading
from ..rule import DOCUMENT_HEALTH, Example, Rule
from ..vocabulary import word_zipf
from ..wordforms import fold, topic_words
from .front_matter_fields import field_place

EXPLAINED_PLACES = 20  # the uses of a rare word looked at for an explanation


def audience_figures(doc: Document) -> tuple[float, float, int]:
    """(Flesch-Kincaid grade, words per sentence, words) of the writer's sentences
    (`own_words`; stock sentences too, as the reader meets them); all 0 for a landing page of
    links to other pages. Worked out once per page (reading-grade asks too)."""
    def compute() -> tuple[float, float, int]:
        own = _own(doc)
        if own is None:
            return 0.0, 0.0, 0
        stats = own.prose_stats
        return stats.flesch_kincaid_grade, stats.words_per_sentence, stats.words

    found: tuple[float, float, int] = doc.memo("audience figures", compute)
    return found


def rare_per_100(doc: Document) -> float:
    """The rare words of the writer's sentences (as `audience_figures` takes them) per 100
    words: four letters or more, Zipf under 3 (used less than once in a million words), in
    their plain form too ("metastases" is rare, "symptoms" is not), neither a word of the
    page's title nor a word the page explains where it uses it. Worked out once per page;
    a word's explanation is looked for at each of its first uses (EXPLAINED_PLACES), which
    takes time on a long page, so the rule asks only when the figure can decide."""
    found: float = doc.memo("audience figures: rare words", lambda: _rare_per_100(doc))
    return found


def _own(doc: Document) -> OwnWords | None:
    """The writer's own words, or None for an empty page or a landing page of links."""
    own = own_words(doc) if doc.blocks else None
    return None if own is None or own.landing_page else own


def _rare_per_100(doc: Document) -> float:
    own = _own(doc)
    if own is None or not own.prose_stats.words:
        return 0.0
    topic = topic_words(doc)
    uses: dict[str, list[tuple[str, int, int]]] = {}  # each rare word's places, by its fold
    folds: dict[str, str | None] = {}  # each word's fold when it is a rare word, else None
    for sentence in own.prose:
        text = sentence.block.text
        for word, start, end in sentence.words:
            folded = folds.get(word, "")
            if folded == "":
                folded = folds[word] = _rare_fold(word, topic)
            if folded is not None:
                uses.setdefault(folded, []).append((text, start, end))
    # The page's own subject (its title's words: "lactate dehydrogenase deficiency") is not a
    # word it springs on the reader, nor is a word it explains where it uses it ("trouble
    # swallowing (dysphagia)"): pages written for the public explain theirs, pages for
    # professionals do not.
    plain = {folded for folded, places in uses.items()
             if any(explained(*place) for place in places[:EXPLAINED_PLACES])}
    rare = sum(len(places) for folded, places in uses.items() if folded not in plain)
    return 100 * rare / own.prose_stats.words


def _rare_fold(word: str, topic: set[str]) -> str | None:
    """The word's fold when it is a rare word (see `rare_per_100`), else None."""
    if len(word) < 4 or not word.isalpha() or word.isupper():
        return None
    folded = fold(word)
    return folded if folded not in topic and word_zipf(word) < 3.0 else None


class AudienceMismatch(Rule):
    """The page reads far above the audience its front matter names.

    Why: a page marked for patients that is written for doctors (long sentences, a grade far
    above the patient limit, many rare medical words) is either marked wrongly, and so is
    checked against the wrong rules and listed in the wrong place, or needs a plain version.
    It is reported once, at `audienceLevel`, with its figures.

    What it finds: a page of at least `min_words` words where at least two of these are over
    their limit: the Flesch-Kincaid grade (`max_grade`), the words per sentence
    (`max_words_per_sentence`), and the rare words it does not explain, per 100 words
    (`max_rare_per_100`). Pages written for the public explain their rare words ("trouble
    swallowing (dysphagia)"); pages for professionals seldom do. A word of the page's title
    is not counted as rare: a page on "lactate dehydrogenase deficiency" names its subject
    throughout. Left out, as reading-grade leaves them out: the titles and blurbs of links to
    other pages, lists of names (a list of the drugs approved for a cancer is not written for
    doctors), and tables of signs run into the text ("Seizures 90% Hypotonia 50% ..."); a
    landing page of links is not judged. Sentences many pages repeat are counted: the reader
    meets them.

    How to fix: if the page is for professionals, set `audienceLevel: professional`; if it is
    for patients, rewrite it in plain words, or write a patient version.

    Options:
      max_grade: default 13.
      max_words_per_sentence: default 22.
      max_rare_per_100: default 5.
      min_words: shorter pages are not judged (default 300).
    """

    name = "audience-mismatch"
    code = "RL404"
    default_severity = Severity.WARNING
    summary = "The page reads far above the audience its front matter names."
    tags = frozenset({DOCUMENT_HEALTH})
    example = Example(
        "---\naudienceLevel: patient\n---\n\n" + (
            "Concomitant administration of CYP3A4 inhibitors with tyrosine kinase inhibitors "
            "necessitates dose modification and pharmacokinetic monitoring, as plasma "
            "concentrations may increase substantially, potentiating hepatotoxicity and QT "
            "interval prolongation in susceptible individuals. ") * 12 + "\n",
        "---\naudienceLevel: patient\n---\n\n" + (
            "Some medicines change how your cancer drug works. Tell your doctor about every "
            "medicine you take. ") * 30 + "\n",
        {"min_words": 100})
    options = {
        "max_grade": {"type": "number", "default": 13},
        "max_words_per_sentence": {"type": "number", "default": 22},
        "max_rare_per_100": {"type": "number", "default": 5},
        "min_words": {"type": "integer", "minimum": 1, "default": 300},
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        grade, per_sentence, words = audience_figures(doc)
        if words < options["min_words"]:
            return
        shown = f"beyond {GRADE_SHOWN_UP_TO}" if past_grading(grade, per_sentence) else \
            f"{grade:.1f}"
        figures = [(grade, options["max_grade"], f"grade {shown}"),
                   (per_sentence, options["max_words_per_sentence"],
                    f"{per_sentence:,.1f} words a sentence")]
        over = [f"{said} (over {limit:g})" for value, limit, said in figures if value > limit]
        if not over:
            return  # the rare words alone are not two figures over their limits
        rare = rare_per_100(doc)
        if rare > options["max_rare_per_100"]:
            over.append(f"{rare:.1f} rare words in 100 that it does not explain "
                        f"(over {options['max_rare_per_100']:g})")
        if len(over) < 2:
            return
        audience = doc.metadata.get("audienceLevel") or "its audience"
        yield self.problem(
            doc, *field_place(doc, "audienceLevel"),
            f"This page reads far above '{audience}', as pages for professionals do: "
            f"{', '.join(over[:-1])} and {over[-1]}. If it is for professionals, mark it so; "
            "if not, it needs a plain version.")
