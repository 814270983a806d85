"""Fit data/jargon-model.json: how sure undefined-jargon can be that an editor keeps a flag.

    python tools/learn_jargon_model.py ../shared            # cross-validate, then write it
    python tools/learn_jargon_model.py ../shared --check    # cross-validate only

The evidence is the blind readings kept in benchmarks/hand-check/: every undefined-jargon flag
read in context and judged right ("yes", "right") or wrong ("no", "wrong") by a reader who did
not make the rule. Each judged flag in running prose (jargon_model.in_prose) that the rule still
raises today (same page, line and column, or line and words for the oldest readings, which kept
no column) is one example, with what readlint.jargon_model reads of it: its features and the
words around it (context tokens met around at least MIN_TOKEN examples); a flag judged twice
counts once, by its latest verdict. Flags in lists, tables and lists of signs are not weighed:
readers judged nine in ten of them right. Pages of benchmarks' held-out lists that were never
read are not used (none of their flags has a verdict).

The model is a logistic regression (tools/learn_link_practice.fit, ridge RIDGE). Cross-validation
keeps each page's flags together (five folds by page), and prints, for each chance threshold,
the share of flags kept and the share of those kept that readers judged right; the figures go
into the model's file, for docs/vocabulary.md, with `threshold`: the lowest whose precision
reaches TARGET (for the docs: the rule's min_confidence is 0 unless a rule set sets it).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learn_link_practice import fit  # noqa: E402
from split_corpus import folded_words, judged_rows  # noqa: E402

from readlint import document  # noqa: E402
from readlint.config import Config  # noqa: E402
from readlint.jargon_model import FEATURES, MODEL_PATH  # noqa: E402
from readlint.linter import Choices, Linter  # noqa: E402
from readlint.logistic import chance  # noqa: E402

RULE = "undefined-jargon"
RIGHT = {"yes": 1, "right": 1, "no": 0, "wrong": 0}
FOLDS = 5
MIN_TOKEN = 8  # a context token counts when met around this many judged flags
TARGET = 0.75  # `threshold`: the lowest chance whose cross-validated precision reaches it
RIDGE = 100.0  # ridge penalty on the standardized weights (many tokens, few examples)


def verdicts() -> dict[tuple[str, int, str], tuple[int, str]]:
    """(page under ../shared, line, column or folded words) -> (1 right or 0 wrong, file),
    the latest reading of each flag winning."""
    found: dict[tuple[str, int, str], tuple[int, str]] = {}
    for key, written, name in judged_rows(RULE):
        verdict = RIGHT.get(written)
        if verdict is not None:
            found[key] = (verdict, name)
    return found


Example = tuple[str, list[float], list[str], int]  # page, values, context tokens, verdict


def examples(shared: Path) -> list[Example]:
    """(page, feature values, context tokens, verdict) for each judged flag the rule raises
    today in running prose."""
    judged = verdicts()
    # every flag, whatever a rule set says: the model must not choose what it learns from
    linter = Linter(config=Config(raw_rules={RULE: {"min_confidence": 0.0}}),
                    choices=Choices(audience="patient", cache=False))
    active = {item.rule.name: item for item in linter.selection.active("patient", [])}
    rule = active[RULE].rule
    options = active[RULE].options
    pages = sorted({page for page, _, _ in judged})
    rows = []
    for page in pages:
        path = shared / page
        if not path.is_file():
            continue
        raw = path.read_text(encoding="utf-8")
        rel = page.split("/", 1)[1]
        shown = {(p.start, p.end) for p in linter.lint_text(raw, rel).problems
                 if p.rule == RULE}  # what a user sees, after one voice per word
        doc = document.parse(raw, rel)
        for problem, use in rule.weighed(doc, options):  # type: ignore[attr-defined]
            if use is None or (problem.start, problem.end) not in shown:
                continue
            key = (page, problem.line, str(problem.column))
            old = (page, problem.line, folded_words(raw[problem.start:problem.end]))
            verdict = judged.get(key, judged.get(old))
            if verdict is not None:
                rows.append((page, use.values, use.tokens, verdict[0]))
    return rows


def _fold_of(page: str) -> int:
    return int(hashlib.sha256(page.encode()).hexdigest(), 16) % FOLDS


def vocabulary(rows: list[Example]) -> list[str]:
    """The context tokens met around at least MIN_TOKEN judged flags, in order."""
    counts = Counter(t for r in rows for t in set(r[2]))
    return sorted(t for t, n in counts.items() if n >= MIN_TOKEN)


def _matrix(rows: list[Example], tokens: list[str]) -> list[list[float]]:
    place = {t: i for i, t in enumerate(tokens)}
    matrix = []
    for _, values, found, _ in rows:
        row = [*values, *([0.0] * len(tokens))]
        for t in found:
            if t in place:
                row[len(values) + place[t]] += 1.0
        matrix.append(row)
    return matrix


def fitted(rows: list[Example], tokens: list[str]) -> tuple[list[float], float]:
    return fit(_matrix(rows, tokens), [float(r[3]) for r in rows], RIDGE)


def cross_validated(rows: list[Example], tokens: list[str]) -> list[float]:
    """Each example's chance from a model fitted without its page's fold."""
    chances = [0.0] * len(rows)
    matrix = _matrix(rows, tokens)
    for fold in range(FOLDS):
        train = [r for r in rows if _fold_of(r[0]) != fold]
        weights, intercept = fitted(train, tokens)
        for i, r in enumerate(rows):
            if _fold_of(r[0]) == fold:
                chances[i] = chance(intercept, weights, matrix[i])
    return chances


def table(rows: list[Example], chances: list[float]) -> list[tuple[float, float, float]]:
    """(min_confidence, share of flags kept, share of those right) for thresholds."""
    found = []
    for step in range(0, 20):
        threshold = step / 20
        kept = [r for r, c in zip(rows, chances, strict=True) if c >= threshold]
        found.append((threshold, len(kept) / len(rows),
                      sum(r[3] for r in kept) / max(1, len(kept))))
    return found


def auc(rows: list[Example], chances: list[float]) -> float:
    """The chance that a right flag scores above a wrong one."""
    right = [c for r, c in zip(rows, chances, strict=True) if r[3]]
    wrong = [c for r, c in zip(rows, chances, strict=True) if not r[3]]
    wins = sum((a > b) + 0.5 * (a == b) for a in right for b in wrong)
    return wins / max(1, len(right) * len(wrong))


def main(shared: Path, check: bool) -> None:
    rows = examples(shared)
    right = sum(r[3] for r in rows)
    print(f"{len(rows)} judged flags in running prose raised today, on "
          f"{len({r[0] for r in rows})} pages; {right} right")
    tokens = vocabulary(rows)
    chances = cross_validated(rows, tokens)
    print(f"{len(tokens)} context tokens; cross-validated AUC {auc(rows, chances):.3f}")
    print("min_confidence  kept  right")
    found = table(rows, chances)
    for threshold, kept, precision in found:
        print(f"{threshold:14.2f}  {kept:4.2f}  {precision:5.2f}")
    threshold = next((t for t, _, p in found if p >= TARGET), 0.0)
    print(f"threshold: {threshold:.2f}, the lowest whose precision reaches {TARGET}")
    weights, intercept = fitted(rows, tokens)
    size = len(FEATURES)
    for name, weight in zip(FEATURES, weights[:size], strict=True):
        print(f"  {name:16} {weight:+.3f}")
    token_weights = dict(zip(tokens, weights[size:], strict=True))
    strongest = sorted(token_weights.items(), key=lambda item: -abs(item[1]))[:20]
    print("  strongest tokens: " + ", ".join(f"{t} {w:+.2f}" for t, w in strongest))
    if check:
        return
    MODEL_PATH.write_text(json.dumps({
        "about": (
            "The chance that an editor reading an undefined-jargon flag in running prose would "
            "keep it: a logistic model over `features` and the context `tokens` "
            "(readlint/jargon_model.py), fitted by tools/learn_jargon_model.py on the "
            f"{len(rows)} flags in prose the rule raises that readers of "
            "benchmarks/hand-check/ judged blind (pages of ../shared/corpus, NIH pages from "
            "MedQuAD, CC BY 4.0, and ../shared/corpus-nci, cancer.gov, U.S. government work). "
            "`cross_validated`: for each min_confidence, the share of those flags kept and "
            "the share of those kept that readers judged right, each page's flags predicted "
            f"by a model fitted without them ({FOLDS} folds by page)."),
        "features": list(FEATURES),
        "weights": [round(w, 6) for w in weights[:size]],
        "intercept": round(intercept, 6),
        "tokens": {t: round(w, 6) for t, w in token_weights.items() if abs(w) >= 0.0005},
        "threshold": threshold,
        "examples": len(rows),
        "right": right,
        "auc": round(auc(rows, chances), 3),
        "cross_validated": [
            {"min_confidence": t, "kept": round(k, 3), "right": round(p, 3)}
            for t, k, p in found],
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), "--check" in sys.argv[2:])
