"""How well the sentence difficulty score (readlint/difficulty.py) tells a technical text from
its plain version, next to Flesch-Kincaid, SMOG and Dale-Chall on the same sentences.

    python benchmarks/sentence_difficulty.py [SHARED] [--all]
    python benchmarks/sentence_difficulty.py [SHARED] --cost

SHARED is the folder holding cochrane/ and corpus-nci/ (default: ../shared next to the
project). Two sets of pairs, each of one text for professionals and one for the public about
the same thing, neither written here:

- Cochrane: the 411 abstract / plain-language summary pairs of SHARED/cochrane (Devaraj et
  al., NAACL 2021, validation split; CC BY 4.0). A pair is held out of fitting when the SHA-1
  of "sentence-difficulty:" and its DOI, read as a number, is odd.
- PDQ: cancer.gov's patient and health-professional versions of the same PDQ summary
  (SHARED/corpus-nci; the professional page's url is the patient page's with /hp/ for
  /patient/). A pair is held out when its patient page was held out by tools/split_corpus.py's
  rule (`held_out_of_fitting`: benchmarks/held-out.txt and the pages hand checks have read
  since, which no fitted model has seen).

With --cost, it prints instead what hard-sentence costs in a check of SHARED/corpus-nci: each
page is checked as `readlint check -j1 --no-cache` checks it, without hard-sentence, and the
rule is then run on the page after every other rule (so the word tables it shares with them
are loaded, as in a check); the processor time of the rule against that of the rest.

Only held-out pairs are reported unless --all is given (then the pairs used for fitting are
reported apart too). For each set of pairs: the share of pairs in which the plain text comes
out easier than the technical one, by the mean score of its sentences and by the score of the
text as a whole (for a formula, the formula over all the text's sentences at once; for the
difficulty score, the mean of its sentences weighed by their words); a tie counts half. And
the chance that a sentence drawn from the technical texts scores higher than one drawn from
the plain texts (the area under the ROC curve, AUC; 0.5 is chance). Sentences are the prose
readlint scores on a page: paragraphs, list items and quotes, outside references,
disclaimers and the other sections about the page.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import split_corpus  # noqa: E402

from readlint import difficulty, document  # noqa: E402
from readlint.readability import TextStats  # noqa: E402


class Text(NamedTuple):
    """The sentences of one text that are scored: their counts and their readability
    counts."""

    counts: list[difficulty.Counts]
    stats: list[TextStats]


class Pair(NamedTuple):
    name: str
    technical: Text
    plain: Text
    held_out: bool


def read_text(doc: document.Document) -> Text:
    found = sorted(difficulty.counts_of(doc).items())
    return Text([counts for _, (counts, *_) in found],
                [TextStats.from_sentences([doc.sentences[place]]) for place, _ in found])


def cochrane_held_out(doi: str) -> bool:
    return int(hashlib.sha1(f"sentence-difficulty:{doi}".encode()).hexdigest(), 16) % 2 == 1


def cochrane_pairs(shared: Path) -> list[Pair]:
    folder = shared / "cochrane"
    lines = [(folder / name).read_text(encoding="utf-8").splitlines()
             for name in ("val.source", "val.target", "val.doi")]
    return [Pair(doi.strip(), read_text(document.parse(source)),
                 read_text(document.parse(target)), cochrane_held_out(doi.strip()))
            for source, target, doi in zip(*lines, strict=True)]


_URL = re.compile(r"^url:\s*(\S+)", re.M)


def pdq_pairs(shared: Path) -> list[Pair]:
    corpus = shared / "corpus-nci"
    by_url = {}
    for path in split_corpus.pages(corpus):
        m = _URL.search(path.read_text(encoding="utf-8")[:3000])
        if m:
            by_url[m.group(1).rstrip("/")] = path
    pairs = []
    for url, path in sorted(by_url.items()):
        professional = by_url.get(url.replace("/patient/", "/hp/")) \
            if "/patient/" in url else None
        if professional is None:
            continue
        hp = document.load(professional)
        assert split_corpus.for_professionals(hp.source), professional
        rel = path.relative_to(corpus).as_posix()
        pairs.append(Pair(rel, read_text(hp), read_text(document.load(path)),
                          split_corpus.held_out_of_fitting(corpus, path)))
    return pairs


# -- measures ---------------------------------------------------------------------------------

Scorer = Callable[[difficulty.Counts], float]


def model_scorer(weights: Sequence[float], intercept: float) -> Scorer:
    def score(counts: difficulty.Counts) -> float:
        return difficulty.to_score(difficulty.linear(counts, weights, intercept))
    return score


class Measure(NamedTuple):
    name: str
    sentence: Callable[[Text, int], float]  # the score of one sentence of a text
    whole: Callable[[Text], float]  # the score of the whole text


def difficulty_measure(scorer: Scorer, name: str = "difficulty score") -> Measure:
    def whole(text: Text) -> float:
        total = sum(scorer(c) * c.words for c in text.counts)
        weight = sum(c.words for c in text.counts)
        return total / weight if weight else 0.0
    return Measure(name, lambda text, i: scorer(text.counts[i]), whole)


def formula_measure(name: str, attribute: str) -> Measure:
    def whole(text: Text) -> float:
        return float(getattr(sum(text.stats, TextStats()), attribute))
    return Measure(name, lambda text, i: float(getattr(text.stats[i], attribute)), whole)


FORMULAS = (formula_measure("Flesch-Kincaid grade", "flesch_kincaid_grade"),
            formula_measure("SMOG", "smog_index"),
            formula_measure("Dale-Chall score", "dale_chall_score"))


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def ordered(pairs: Sequence[Pair], measure: Measure) -> tuple[float, float]:
    """The share of pairs whose plain text scores lower (easier) than its technical text: by
    the mean of its sentences, and as a whole. A tie counts half."""
    def share(score: Callable[[Text], float]) -> float:
        points = 0.0
        for pair in pairs:
            hard, plain = score(pair.technical), score(pair.plain)
            points += 1.0 if plain < hard else 0.5 if plain == hard else 0.0
        return points / len(pairs) if pairs else 0.0

    def by_sentence(text: Text) -> float:
        return mean([measure.sentence(text, i) for i in range(len(text.counts))])

    return share(by_sentence), share(measure.whole)


def auc(harder: Sequence[float], plainer: Sequence[float]) -> float:
    """The chance that a value of `harder` is above one of `plainer` (ties count half)."""
    marked = sorted([(v, 1) for v in harder] + [(v, 0) for v in plainer])
    rank_sum = 0.0
    i = 0
    while i < len(marked):
        j = i
        while j < len(marked) and marked[j][0] == marked[i][0]:
            j += 1
        middle = (i + j + 1) / 2  # the mean rank of the tied run, from 1
        rank_sum += middle * sum(flag for _, flag in marked[i:j])
        i = j
    n1, n0 = len(harder), len(plainer)
    if not n1 or not n0:
        return 0.5
    return (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0)


def sentence_auc(pairs: Sequence[Pair], measure: Measure) -> float:
    harder = [measure.sentence(p.technical, i) for p in pairs
              for i in range(len(p.technical.counts))]
    plainer = [measure.sentence(p.plain, i) for p in pairs for i in range(len(p.plain.counts))]
    return auc(harder, plainer)


def figures(pairs: Sequence[Pair], measures: Sequence[Measure]) -> list[dict[str, object]]:
    """For each measure: its name, the share of pairs ordered right by sentence mean and as
    a whole, and the sentence AUC."""
    out = []
    for measure in measures:
        by_sentence, whole = ordered(pairs, measure)
        out.append({"measure": measure.name, "pairs": len(pairs),
                    "ordered_by_sentence_mean": round(by_sentence, 3),
                    "ordered_as_whole": round(whole, 3),
                    "sentence_auc": round(sentence_auc(pairs, measure), 3)})
    return out


def sign_test(wins: int, losses: int) -> float:
    """Two-sided exact sign test: the chance of a split at least this uneven if either
    measure were as likely to be right where they disagree."""
    n = wins + losses
    if not n:
        return 1.0
    k = min(wins, losses)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def _p(value: float) -> str:
    return "p < 0.01" if value < 0.01 else f"p = {value:.2f}"


def disagreements(pairs: Sequence[Pair], first: Measure, other: Measure) -> tuple[int, int]:
    """Pairs (as a whole) that `first` orders right and `other` wrong, and the reverse."""
    wins = losses = 0
    for pair in pairs:
        a = first.whole(pair.plain) < first.whole(pair.technical)
        b = other.whole(pair.plain) < other.whole(pair.technical)
        wins += a and not b
        losses += b and not a
    return wins, losses


def table(title: str, pairs: Sequence[Pair], measures: Sequence[Measure]) -> str:
    sentences = sum(len(p.technical.counts) + len(p.plain.counts) for p in pairs)
    lines = [f"{title}: {len(pairs)} pairs, {sentences:,} sentences",
             f"  {'measure':22} {'by sentence mean':>17} {'as a whole':>11} {'sentence AUC':>13}"]
    for row in figures(pairs, measures):
        lines.append(f"  {row['measure']!s:22} {row['ordered_by_sentence_mean']:>17.1%} "
                     f"{row['ordered_as_whole']:>11.1%} {row['sentence_auc']:>13.3f}")
    for other in measures[1:]:
        wins, losses = disagreements(pairs, measures[0], other)
        lines.append(f"  as a whole, {measures[0].name} right and {other.name} wrong: {wins}; "
                     f"the reverse: {losses} (sign test {_p(sign_test(wins, losses))})")
    return "\n".join(lines)


def cost(corpus: Path) -> str:
    """What hard-sentence adds to a check of the corpus (see the module's docstring)."""
    import time

    from readlint import linter
    from readlint.checks.hard_sentence import HardSentence
    from readlint.linter import Choices
    from readlint.run import Run

    rule = HardSentence()
    options = {**rule.default_options(), "max_score": 80}
    spent = [0.0]
    found = [0]
    check = linter._check

    def then_hard_sentence(item: linter.ActiveRule, doc: document.Document
                           ) -> list[linter.Problem]:
        out = check(item, doc)
        if item.rule.name == "audience-mismatch":  # the last rule of the patient set
            start = time.process_time()
            found[0] += len(list(rule.check(doc, options)))
            spent[0] += time.process_time() - start
        return out

    linter._check = then_hard_sentence  # type: ignore[assignment]
    try:
        paths = [str(p) for p in split_corpus.pages(corpus)]
        start = time.process_time()
        Run.with_config(choices=Choices(jobs=1, cache=False, ignore=("hard-sentence",))
                        ).lint_paths(paths)
        rest = time.process_time() - start - spent[0]
    finally:
        linter._check = check  # type: ignore[assignment]
    return (f"{len(paths)} pages: the check without hard-sentence {rest:.1f} s of processor "
            f"time; hard-sentence {spent[0]:.2f} s more ({spent[0] / rest:.1%}), "
            f"{found[0]:,} sentences over 80")


def main(argv: Sequence[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    shared = Path(args[0]) if args else ROOT.parent / "shared"
    if "--cost" in argv:
        print(cost(shared / "corpus-nci"))
        return
    shipped = difficulty.model()
    measures = [difficulty_measure(model_scorer(shipped.weights, shipped.intercept)),
                *FORMULAS]
    for title, pairs in (("Cochrane abstracts and plain summaries", cochrane_pairs(shared)),
                         ("PDQ summaries, professional and patient versions",
                          pdq_pairs(shared))):
        print(table(f"{title}, held out", [p for p in pairs if p.held_out], measures))
        if "--all" in argv:
            print(table(f"{title}, used for fitting", [p for p in pairs if not p.held_out],
                        measures))
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
