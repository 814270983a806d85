from __future__ import annotations

import textwrap
from collections.abc import Iterator, Mapping
from typing import Any

from .. import difficulty
from ..document import Document
from ..problem import Problem, Severity
from ..rule import HARD_SENTENCE, Example, Rule

SKIP = {"type": "array", "items": {"type": "string"},
        "default": list(difficulty.ADMINISTRATIVE),
        "description": "Headings (glob patterns) of sections whose sentences are not scored."}


class HardSentence(Rule):
    """A sentence is hard to read: its difficulty score is above the limit for its readers.

    Why: editors make a page easier by rewriting its hardest sentences, not by chasing its
    grade. The difficulty score says which sentences those are and what makes each hard.

    How the score is made: readlint counts, in each sentence, its words and how many of them
    are long (three syllables or more; numbers and abbreviations as they are said, "2,201",
    "CVA", which the message counts apart), terms a reader may not know that are neither
    explained nor linked (undefined-jargon's answer, counted before its rule sets'
    `min_confidence` hides the few it doubts in running prose), abbreviations, numbers,
    statistics (confidence intervals, odds ratios, p values), passive verbs, nouns made from
    verbs, clauses ("which", "although"), semicolons, commas and asides in brackets. A
    logistic model weighs the counts: it was fitted to tell sentences of technical texts from
    sentences of plain versions of the same texts (Cochrane review abstracts and their plain
    summaries; cancer.gov PDQ summaries for health professionals and for patients). The score
    is 0 (plain) to 100 (hard): the model's chance, in percent, that the sentence comes from
    the technical text, so 50 is a sentence as likely to be written for professionals as for
    the public. Counts the fit found no use for weigh nothing (listed below). The pairs
    cannot show what length costs a reader, so a word's weight is set from the long words'
    at the trade the Flesch-Kincaid grade makes between words and syllables. The message
    names what weighs most in the sentence. docs/readability.md has the details and the
    figures.

    What counts: sentences of paragraphs, list items and quotes, not headings or table cells,
    and not in the sections about the page (references, disclaimers, "About this summary").
    Not reported: what only looks like a sentence because the marks between its parts were
    lost, such as a table, a key or a list run into one paragraph ("Hypertonia 90%
    Incoordination 90% ...", "Bone pain - Fracture - ...", "... or knee. hyperuricemia ...",
    a table of figures, two sentences run together), a heading run into its paragraph, a
    name or a title (most of its words with a capital; a resource's source and title), and a
    list item that is mostly links (names to look up): their fix is the layout, not the
    words. Nor the site's stock sentences, which a writer of one page cannot rewrite, nor a
    sentence that lists names of a kind it gives ("This combination contains the drugs
    docetaxel (Taxotere), ... and cyclophosphamide."): names have no plainer words. Names
    and labels count as words, not as figures, abbreviations or long words ("WNT5A",
    "T-DM1", "types IIIa and IIIb", "chromosome 21"), and an abbreviation the page has
    spelled out, linked or put in its title is not counted again.

    Where editors see the score, whether the rule is on or not: `readlint report` gives each
    page's score and its hardest sentences (those scoring 50 or more, up to five, the
    hardest first) with their scores and reasons, in the terminal and in JSON; the HTML page
    marks them in the page's text and sorts pages by their score; the language server shows
    a sentence's score and reasons on hover.

    A sentence reported here is not reported by long-sentence too: its length is among what
    the message names.

    How to fix: what the message names first weighs most. Replace long words with short
    ones, explain or link terms, spell out abbreviations, move numbers and statistics into a
    list or a table, and split long sentences.

    Options:
      max_score: the highest score allowed (0 to 100; default 90; patient 80, caregiver 85;
        off for professionals).
      skip_sections: headings (glob patterns) of sections whose sentences are not scored.
    """

    name = "hard-sentence"
    code = "RL103"
    default_severity = Severity.WARNING
    summary = "A sentence's difficulty score is above the limit for its readers."
    tags = frozenset({HARD_SENTENCE})
    example = Example(
        "Concomitant administration of CYP3A4 inhibitors necessitates dose modification, as "
        "plasma concentrations may increase substantially (HR 2.1; 95% CI 1.4 to 3.2).\n",
        "Some medicines change how much of this drug gets into your blood. Your doctor may "
        "give you a smaller dose.\n",
        {"max_score": 80})
    options = {
        "max_score": {"type": "number", "minimum": 0, "maximum": 100, "default": 90,
                      "description": "The highest difficulty score allowed (0 to 100)."},
        "skip_sections": SKIP,
    }

    @classmethod
    def help(cls) -> str:
        return super().help() + "\n\n" + how_well()

    def measure(self, doc: Document, options: Mapping[str, Any]) -> Mapping[str, Any]:
        """For reports, whether the rule is on or not: the page's difficulty score ("score",
        None when it has no sentence of prose) and its hardest sentences ("hardest", the
        first to rewrite: difficulty.to_rewrite), each with where it is, its score, its text
        and its reasons. Scored once a page: the check's own scores."""
        skip = options["skip_sections"]
        sentences = doc.sentences
        hardest = []
        for item in difficulty.to_rewrite(doc, skip=skip):
            sentence = sentences[item.place]
            line, column = doc.position(sentence.source_start)
            end_line, end_column = doc.position(sentence.source_end)
            hardest.append({"start": sentence.source_start, "line": line, "column": column,
                            "end_line": end_line, "end_column": end_column,
                            "score": item.score, "text": sentence.text,
                            "reasons": item.reasons()})
        score = difficulty.mean_score(difficulty.sentence_difficulties(doc, skip=skip))
        return {HARD_SENTENCE: {"score": score, "hardest": hardest}}

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        limit = float(options["max_score"])
        sentences = doc.sentences
        for item in difficulty.sentence_difficulties(doc, skip=options["skip_sections"]):
            # the score as the message gives it: "80 of 100" is not over a limit of 80
            if round(item.score) <= limit or difficulty.set_aside(doc, item):
                continue
            sentence = sentences[item.place]
            said = "; ".join(item.reasons())
            yield self.problem(
                doc, sentence.source_start, sentence.source_end,
                f"This sentence is hard to read: difficulty {item.score:.0f} of 100 (the "
                f"limit is {limit:g})." + (f" What makes it hard, the heaviest first: {said}."
                                           if said else "") +
                (" Split it into shorter sentences with plainer words."
                 if item.counts.words > _SHORT_ENOUGH else " Say it with plainer words."))


# Plain-language guidance for patients (NIH, CDC, plainlanguage.gov) suggests sentences of
# 20 words or fewer: a hard sentence longer than that is to be split too.
_SHORT_ENOUGH = 20


def how_well() -> str:
    """What the shipped weights are and how well they told plain from technical texts on
    the pairs held out of fitting (readlint/data/sentence-difficulty.json)."""
    model = difficulty.model()
    weights = dict(zip(difficulty.FEATURES, model.weights, strict=True))
    weighed = [f"{_UNITS[name]} {weight:.2f}" for name, weight in weights.items() if weight]
    unused = [_UNITS[name].split(" (")[0] for name, weight in weights.items() if not weight]
    lines = [textwrap.fill("What each count adds to the score before it is turned into 0 to "
                           "100: " + "; ".join(weighed) + ". No weight: " +
                           ", ".join(unused) + ".", 90),
             "",
             textwrap.fill("How well it did, on pairs held out of fitting (the plain text "
                           "should come out easier; sentence AUC: the chance that a sentence "
                           "of the technical texts scores above one of the plain texts):",
                           90)]
    names = {"cochrane": "Cochrane abstracts and their plain summaries",
             "pdq": "cancer.gov PDQ summaries for professionals and for patients"}
    for key, rows in model.figures.items():
        if not rows:
            continue
        lines.append(f"  {names.get(key, key)} ({rows[0]['pairs']} pairs):")
        for row in rows:
            lines.append(f"    {row['measure']:21} right by sentence mean "
                         f"{row['ordered_by_sentence_mean']:.0%}, as a whole "
                         f"{row['ordered_as_whole']:.0%}; sentence AUC "
                         f"{row['sentence_auc']:.2f}")
    lines.append(textwrap.fill(
        "How well it agrees with people: No ratings of these sentences by readers were "
        "available, so how well the score agrees with readers' own judgements (Spearman) is "
        "not measured. "
        "An editor's blind reading of 41 of the rule's problems on pages held out of its "
        "making found 33 worth acting on (benchmarks/hand-check/hard-sentence-9431.tsv; 35 "
        "of 60 and 20 of 60 in the readings before, when names and labels, and tables and "
        "lists run into the text, were still reported), so the rule is on in the bundled "
        "rule sets, and off for professionals.", 90))
    return "\n".join(lines)


# How each count is said in `readlint explain`.
_UNITS = {
    "words": "a word", "long_word_share": "the share of long words (of at least "
    f"{difficulty.SHORT} words)", "unfamiliar": "words not on the Dale-Chall list",
    "rare": "rare words", "terms": "a term a reader may not know",
    "explained_terms": "terms explained or linked", "abbreviations": "an abbreviation",
    "numbers": "a number", "statistics": "a statistic", "passive": "passive verbs",
    "nominalisations": "nouns made from verbs", "which_clauses": "\"which\" clauses",
    "other_clauses": "\"although\" clauses", "semicolons": "a semicolon or colon",
    "commas": "commas", "brackets": "asides in brackets",
}
