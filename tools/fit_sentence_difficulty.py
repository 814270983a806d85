"""Fit the weights of the sentence difficulty score (readlint/difficulty.py) and write them,
with the figures of the held-out pairs, to readlint/data/sentence-difficulty.json.

    python tools/fit_sentence_difficulty.py [SHARED]      (needs numpy: pip install numpy)

SHARED holds cochrane/ and corpus-nci/ (default: ../shared next to the project). The pairs
and how some are held out are benchmarks/sentence_difficulty.py's: only pairs that are not
held out are fitted on. Each sentence of a technical text (a Cochrane abstract, a PDQ summary
for health professionals) is marked 1, each sentence of its plain version (the plain-language
summary, the PDQ summary for patients) 0, and a logistic model over the counts of
difficulty.FEATURES learns to tell them apart: its chance, times 100, is a sentence's score.
The two sets of pairs weigh the same, and within each the technical and the plain sentences
weigh the same. The weights are kept to their meaning: every count makes a sentence harder,
so no weight is negative (one that would be is held at zero and the rest fitted again). The
weight of sentence length is not fitted but set from the long words' (see FK_WORD). An L2
penalty on the weights of the standardised counts keeps them small; the fit is Newton's
method from zero, so the same data give the same weights on every machine.

The thresholds of each rule set (rules/*.yaml, hard-sentence's max_score) are not fitted;
this script prints where they fall among the plain and technical sentences fitted on.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
import sentence_difficulty as bench  # noqa: E402

from readlint import difficulty  # noqa: E402

L2 = 1e-3  # on the weights of the standardised counts; the sentences weigh 1 in all
# Sentence length is not fitted: given the words in them, long plain sentences are as common as
# long technical ones, so the pairs cannot show what length costs a reader (a weight fitted to
# the words of a sentence comes out at zero). It is set from the long words' weight instead,
# at the trade the Flesch-Kincaid grade makes between them: 0.39 a word against 11.8 a
# syllable a word, a long word having `extra` syllables more than another (measured on the
# sentences fitted on), so a word weighs 0.39 / (11.8 * extra) of the long-word share's weight
# in a fit without length; the other weights are then fitted again with length in.
FK_WORD, FK_SYLLABLE = 0.39, 11.8


def rows(pairs: list[bench.Pair]) -> tuple[list[list[float]], list[float], list[float]]:
    """What the model weighs for every sentence of the pairs, its mark (1: technical) and
    its weight."""
    x: list[list[float]] = []
    y: list[float] = []
    sides = [[c for p in pairs for c in p.technical.counts],
             [c for p in pairs for c in p.plain.counts]]
    w: list[float] = []
    for mark, side in zip((1.0, 0.0), sides, strict=True):
        for counts in side:
            x.append(list(difficulty.inputs(counts)))
            y.append(mark)
            w.append(0.5 / len(side))
    return x, y, w


def extra_syllables(pairs: list[bench.Pair]) -> float:
    """How many syllables more a long word has than another, by least squares over the
    sentences of the pairs (syllables = a * words + extra * long words)."""
    import numpy as np

    counts = [(c.words, c.long_words, s.syllables) for p in pairs
              for text in (p.technical, p.plain) for c, s in zip(text.counts, text.stats,
                                                                  strict=True)]
    data = np.asarray(counts, dtype=float)
    solved = np.linalg.lstsq(data[:, :2], data[:, 2], rcond=None)[0]
    return float(solved[1])


def fit(x: list[list[float]], y: list[float], w: list[float], extra: float,
        length: bool = True) -> tuple[list[float], float]:
    """The weights and intercept: first without sentence length, then (with `length`) with
    its weight set from the long words' weight in that first fit (see FK_WORD) and the rest
    fitted again around it."""
    import numpy as np

    names = list(difficulty.FEATURES)
    words, share = names.index("words"), names.index("long_word_share")
    data = np.asarray(x, dtype=float)
    target = np.asarray(y, dtype=float)
    weight = np.asarray(w, dtype=float)
    weight = weight / weight.sum()
    mean = (data * weight[:, None]).sum(axis=0)
    scale = np.sqrt((((data - mean) ** 2) * weight[:, None]).sum(axis=0))
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(data), 1)), (data - mean) / scale])
    word_weight = 0.0
    for rounds in range(2 if length else 1):
        offset = word_weight * data[:, words]
        free = np.ones(z.shape[1], dtype=bool)
        free[1 + words] = False
        while True:
            coef = np.zeros(z.shape[1])
            cols = np.flatnonzero(free)
            sub = z[:, cols]
            penalty = np.full(len(cols), L2)
            penalty[0] = 0.0  # not on the intercept
            b = np.zeros(len(cols))
            for _ in range(100):
                p = 1.0 / (1.0 + np.exp(-np.clip(sub @ b + offset, -30, 30)))
                gradient = sub.T @ (weight * (p - target)) + penalty * b
                hessian = (sub * (weight * p * (1 - p))[:, None]).T @ sub + np.diag(penalty)
                step = np.linalg.solve(hessian, gradient)
                b -= step
                if np.abs(step).max() < 1e-10:
                    break
            coef[cols] = b
            wrong = [i for i in cols[1:] if coef[i] < 0]
            if not wrong:
                break
            free[min(wrong, key=lambda i: coef[i])] = False  # hold it at zero, fit again
        raw = coef[1:] / scale
        if rounds == 0 and length:
            word_weight = float(raw[share]) * FK_WORD / (FK_SYLLABLE * extra)
    raw[words] = word_weight
    intercept = coef[0] - float((raw * mean).sum()) + word_weight * float(mean[words])
    return [round(float(v), 6) for v in raw], round(float(intercept), 6)


def thresholds_table(pairs: list[bench.Pair], scorer: bench.Scorer) -> str:
    technical = sorted(scorer(c) for p in pairs for c in p.technical.counts)
    plain = sorted(scorer(c) for p in pairs for c in p.plain.counts)
    lines = ["score   plain sentences above   technical sentences above"]
    for limit in (50, 60, 70, 75, 80, 85, 90, 95):
        lines.append(f"{limit:5}   {sum(v > limit for v in plain) / len(plain):>21.1%}   "
                     f"{sum(v > limit for v in technical) / len(technical):>25.1%}")
    return "\n".join(lines)


def main(shared: Path) -> None:
    sets = {"cochrane": bench.cochrane_pairs(shared), "pdq": bench.pdq_pairs(shared)}
    x: list[list[float]] = []
    y: list[float] = []
    w: list[float] = []
    for pairs in sets.values():
        fitting = [p for p in pairs if not p.held_out]
        xs, ys, ws = rows(fitting)
        x += xs
        y += ys
        w += [v / len(sets) for v in ws]
    extra = extra_syllables([p for pairs in sets.values() for p in pairs if not p.held_out])
    weights, intercept = fit(x, y, w, extra)
    scorer = bench.model_scorer(weights, intercept)
    measures = [bench.difficulty_measure(scorer), *bench.FORMULAS]
    figures = {}
    for name, pairs in sets.items():
        held = [p for p in pairs if not p.held_out]
        print(f"{name}: fitted on {len(held)} pairs")
        print(thresholds_table(held, scorer))
        figures[name] = bench.figures([p for p in pairs if p.held_out], measures)
        print(bench.table(f"{name}, held out", [p for p in pairs if p.held_out], measures))
    counts = {name: {"fitted": sum(not p.held_out for p in pairs),
                     "held_out": sum(p.held_out for p in pairs)} for name, pairs in sets.items()}
    data = {
        "about": (
            "Weights of the sentence difficulty score (readlint/difficulty.py): a logistic "
            "model over the counts of `features`, fitted by tools/fit_sentence_difficulty.py "
            "to tell sentences of technical texts from sentences of their plain versions, on "
            f"{counts['cochrane']['fitted']} of the 411 Cochrane abstract / plain-language "
            "summary pairs of Devaraj et al., 'Paragraph-level Simplification of Medical "
            "Texts', NAACL 2021 (validation split; Cochrane's texts, CC BY 4.0) and "
            f"{counts['pdq']['fitted']} pairs of cancer.gov PDQ summaries for health "
            "professionals and for patients (National Cancer Institute, U.S. government "
            "work). `figures` are measured on the pairs held out of fitting "
            f"({counts['cochrane']['held_out']} Cochrane, {counts['pdq']['held_out']} PDQ), "
            "by benchmarks/sentence_difficulty.py."),
        "features": list(difficulty.FEATURES),
        "weights": weights,
        "intercept": intercept,
        "pairs": counts,
        "figures": figures,
    }
    difficulty.MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"written to {difficulty.MODEL_PATH.relative_to(ROOT)}")
    for name, weight in zip(difficulty.FEATURES, weights, strict=True):
        print(f"  {name:16} {weight:+.4f}")
    print(f"  {'intercept':16} {intercept:+.4f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared")
