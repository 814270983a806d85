"""Fit data/jargon-model.json: how sure undefined-jargon can be that an editor keeps a flag.

    python tools/learn_jargon_model.py ../shared            # cross-validate, then write it
    python tools/learn_jargon_model.py ../shared --check    # cross-validate only

The evidence is the blind readings kept in benchmarks/hand-check/: every undefined-jargon flag
read in context and judged right ("yes", "right") or wrong ("no", "wrong") by a reader who did
not make the rule. Each judged flag the rule still raises today (same page, line and column, or
line and words for the oldest readings, which kept no column) is one example, with the
features readlint.jargon_model computes for it; a flag judged twice counts once, by its latest
verdict. Pages of benchmarks' held-out lists that were never read are not used (none of their
flags has a verdict).

The model is a logistic regression (tools/learn_link_practice.fit). Cross-validation keeps each
page's flags together (five folds by page), and prints, for each chance threshold, the share of
flags kept and the share of those kept that readers judged right, over all flags and over flags
in running prose; the figures go into the model's file, for docs/vocabulary.md.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from learn_link_practice import chance, fit  # noqa: E402
from sample_flags import _in_prose  # noqa: E402

from readlint import document  # noqa: E402
from readlint.jargon_model import FEATURES, MODEL_PATH  # noqa: E402
from readlint.linter import Choices, Linter  # noqa: E402

HAND_CHECK = Path(__file__).resolve().parent.parent / "benchmarks" / "hand-check"
RULE = "undefined-jargon"
RIGHT = {"yes": 1, "right": 1, "no": 0, "wrong": 0}
FOLDS = 5


def verdicts() -> dict[tuple[str, int, str], tuple[int, str]]:
    """(page under ../shared, line, column or folded words) -> (1 right or 0 wrong, file),
    the latest reading of each flag winning."""
    found: dict[tuple[str, int, str], tuple[int, str]] = {}
    files = sorted(HAND_CHECK.rglob(f"*{RULE}*.tsv"), key=_reading_order)
    for path in files:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            verdict = RIGHT.get((row.get("verdict") or "").strip().lower())
            if verdict is None or not row.get("page"):
                continue
            page = row["page"]
            if not page.startswith(("corpus/", "corpus-nci/")):
                page = "corpus/" + page
            where = row.get("column") or _words(row["flagged"])
            found[(page, int(row["line"]), where)] = (verdict, path.name)
    return found


def _reading_order(path: Path) -> tuple[int, str]:
    """Rounds in order (round3 ... round13), the oldest, top-level files first."""
    parent = path.parent.name
    number = int(parent.removeprefix("round")) if parent.startswith("round") and \
        parent[5:].isdigit() else 0
    return number, path.name


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def examples(shared: Path) -> list[tuple[str, list[float], int, bool]]:
    """(page, feature values, verdict, in running prose) for each judged flag raised today."""
    judged = verdicts()
    linter = Linter(choices=Choices(audience="patient", cache=False))
    active = {item.rule.name: item for item in linter.selection.active("patient", [])}
    rule = active[RULE].rule
    options = {**active[RULE].options, "min_confidence": 0.0}
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
        for problem, values in rule.weighed(doc, options):  # type: ignore[attr-defined]
            if values is None or (problem.start, problem.end) not in shown:
                continue
            key = (page, problem.line, str(problem.column))
            old = (page, problem.line, _words(raw[problem.start:problem.end]))
            verdict = judged.get(key, judged.get(old))
            if verdict is not None:
                rows.append((page, values, verdict[0], _in_prose(raw, problem.start)))
    return rows


def _fold_of(page: str) -> int:
    return int(hashlib.sha256(page.encode()).hexdigest(), 16) % FOLDS


def cross_validated(rows: list[tuple[str, list[float], int, bool]]) -> list[float]:
    """Each example's chance from a model fitted without its page's fold."""
    chances = [0.0] * len(rows)
    for fold in range(FOLDS):
        train = [r for r in rows if _fold_of(r[0]) != fold]
        weights, intercept = fit([r[1] for r in train], [float(r[2]) for r in train])
        for i, r in enumerate(rows):
            if _fold_of(r[0]) == fold:
                chances[i] = chance(weights, intercept, r[1])
    return chances


def table(rows: list[tuple[str, list[float], int, bool]], chances: list[float]
          ) -> list[tuple[float, float, float, float, float]]:
    """(threshold, kept, precision, kept in prose, precision in prose) for thresholds."""
    found = []
    for step in range(0, 20):
        threshold = step / 20
        kept = [r for r, c in zip(rows, chances, strict=True) if c >= threshold]
        prose = [r for r in kept if r[3]]
        all_prose = sum(r[3] for r in rows)
        found.append((threshold, len(kept) / len(rows),
                      sum(r[2] for r in kept) / max(1, len(kept)),
                      len(prose) / max(1, all_prose),
                      sum(r[2] for r in prose) / max(1, len(prose))))
    return found


def auc(rows: list[tuple[str, list[float], int, bool]], chances: list[float]) -> float:
    """The chance that a right flag scores above a wrong one."""
    right = [c for r, c in zip(rows, chances, strict=True) if r[2]]
    wrong = [c for r, c in zip(rows, chances, strict=True) if not r[2]]
    wins = sum((a > b) + 0.5 * (a == b) for a in right for b in wrong)
    return wins / max(1, len(right) * len(wrong))


def main(shared: Path, check: bool) -> None:
    rows = examples(shared)
    right = sum(r[2] for r in rows)
    prose = [r for r in rows if r[3]]
    print(f"{len(rows)} judged flags raised today on {len({r[0] for r in rows})} pages, "
          f"{right} right; {len(prose)} in prose, {sum(r[2] for r in prose)} right")
    chances = cross_validated(rows)
    prose_chances = [c for r, c in zip(rows, chances, strict=True) if r[3]]
    print(f"cross-validated AUC {auc(rows, chances):.3f}, in prose {auc(prose, prose_chances):.3f}")
    print("threshold  kept  right  kept-in-prose  right-in-prose")
    found = table(rows, chances)
    for threshold, kept, precision, kept_prose, precision_prose in found:
        print(f"{threshold:9.2f}  {kept:4.2f}  {precision:5.2f}  {kept_prose:13.2f}  "
              f"{precision_prose:14.2f}")
    weights, intercept = fit([r[1] for r in rows], [float(r[2]) for r in rows])
    for name, weight in zip(FEATURES, weights, strict=True):
        print(f"  {name:16} {weight:+.3f}")
    if check:
        return
    MODEL_PATH.write_text(json.dumps({
        "about": (
            "The chance that an editor reading an undefined-jargon flag in context would "
            "keep it: a logistic model over `features` (readlint/jargon_model.py), fitted by "
            f"tools/learn_jargon_model.py on {len(rows)} flags the rule raises, each judged "
            "blind by a reader of benchmarks/hand-check/ (pages of ../shared/corpus, NIH "
            "pages from MedQuAD, CC BY 4.0, and ../shared/corpus-nci, cancer.gov, U.S. "
            "government work). `cross_validated`: for each min_confidence, the share of "
            "flags kept and the share of those kept that readers judged right, over all "
            "flags and over flags in running prose, each page's flags predicted by a model "
            f"fitted without them ({FOLDS} folds by page)."),
        "features": list(FEATURES),
        "weights": [round(w, 6) for w in weights],
        "intercept": round(intercept, 6),
        "examples": len(rows),
        "right": right,
        "auc": round(auc(rows, chances), 3),
        "auc_in_prose": round(auc(prose, prose_chances), 3),
        "cross_validated": [
            {"min_confidence": t, "kept": round(k, 3), "right": round(p, 3),
             "kept_in_prose": round(kp, 3), "right_in_prose": round(pp, 3)}
            for t, k, p, kp, pp in found],
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), "--check" in sys.argv[2:])
