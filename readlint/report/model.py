"""The corpus report's data: one row per document, and totals. Views render this; they decide
nothing."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..problem import Severity
from ..readability import FORMULA_LABELS
from ..results import RunResult
from ..rule import GRADE, LONG_SENTENCE, MISSING_LINK, UNDEFINED_TERM


@dataclass
class DocumentRow:
    path: str
    audience: str | None
    rule_set: str | None
    metrics: dict[str, float | int]
    grade: float
    grade_formulas: tuple[str, ...]
    grade_target: float
    long_sentences: int
    undefined_terms: int
    missing_links: int
    by_severity: dict[str, int]
    terms: list[str] = field(default_factory=list)
    graded: bool = True  # False when too short for a reliable grade
    view: dict[str, Any] | None = None  # the document as the HTML report shows it

    @property
    def words(self) -> int:
        return int(self.metrics["words"])

    @property
    def over_target(self) -> float:
        """How far the grade is above the target (0 or less when not above, or not graded)."""
        return self.grade - self.grade_target if self.graded else 0.0

    @property
    def problems(self) -> int:
        return sum(self.by_severity.values())

    @property
    def formula_label(self) -> str:
        return " + ".join(FORMULA_LABELS[f] for f in self.grade_formulas)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "audience": self.audience,
            "rule_set": self.rule_set,
            **self.metrics,
            "grade": round(self.grade, 2),
            "grade_formulas": list(self.grade_formulas),
            "grade_target": self.grade_target,
            "graded": self.graded,
            "over_target": self.over_target > 0,
            "long_sentences": self.long_sentences,
            "undefined_terms": self.undefined_terms,
            "missing_links": self.missing_links,
            "problems": dict(self.by_severity),
        }


@dataclass
class AudienceTotals:
    rule_set: str
    documents: int
    over_target: int
    median_grade: float
    p90_grade: float
    target: float


@dataclass
class Report:
    rows: list[DocumentRow]
    errors: list[tuple[str, int | None, str]]
    audiences: list[AudienceTotals]
    top_terms: list[tuple[str, int]]
    notices: list[str] = field(default_factory=list)

    @property
    def over_target(self) -> int:
        return sum(1 for r in self.rows if r.over_target > 0)

    def to_json(self, version: str) -> dict[str, Any]:
        return {
            "version": version,
            "documents": [r.to_json() for r in self.rows],
            "totals": {
                "documents": len(self.rows),
                "over_target": self.over_target,
                "words": sum(r.words for r in self.rows),
                "long_sentences": sum(r.long_sentences for r in self.rows),
                "undefined_terms": sum(r.undefined_terms for r in self.rows),
                "missing_links": sum(r.missing_links for r in self.rows),
                "by_audience": [a.__dict__ for a in self.audiences],
                "top_undefined_terms": [{"term": t, "documents": n} for t, n in self.top_terms],
            },
            "errors": [{"path": p, "line": line, "message": m} for p, line, m in self.errors],
        }


SORT_KEYS = {
    "worst": lambda r: (-r.over_target, -r.problems, r.path),
    "grade": lambda r: (-r.grade, r.path),
    "problems": lambda r: (-r.problems, r.path),
    "long": lambda r: (-r.long_sentences, r.path),
    "terms": lambda r: (-r.undefined_terms, r.path),
    "words": lambda r: (-r.words, r.path),
    "path": lambda r: (r.path,),
}


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which `share` of the values fall (nearest rank)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, round(share * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def _count(by_rule: Counter[str], rules: frozenset[str]) -> int:
    return sum(by_rule[rule] for rule in rules)


def build(run: RunResult, sort: str = "worst", top_terms: int = 15) -> Report:
    """The report of a run. Columns count problems by what their rules feed (their tags)."""
    rows: list[DocumentRow] = []
    errors: list[tuple[str, int | None, str]] = []
    long_rules, term_rules, link_rules = (run.tagged(t) for t in
                                          (LONG_SENTENCE, UNDEFINED_TERM, MISSING_LINK))
    for result in run.files:
        if result.error is not None:
            errors.append((result.path, result.error.line, result.error.message))
            continue
        if result.rule_set is None:
            continue  # an empty file
        grading = result.measures.get(GRADE, {})
        severities = Counter(str(p.severity) for p in result.problems)
        by_rule = Counter(p.rule for p in result.problems)
        terms = sorted({p.subject for p in result.problems
                        if p.rule in term_rules and p.subject})
        rows.append(DocumentRow(
            result.path, result.audience, result.rule_set,
            dict(grading.get("metrics", {"words": 0})), float(grading.get("grade", 0.0)),
            tuple(grading.get("formulas", ())), float(grading.get("target", 0.0)),
            _count(by_rule, long_rules), _count(by_rule, term_rules),
            _count(by_rule, link_rules),
            {str(s): severities[str(s)] for s in (Severity.ERROR, Severity.WARNING,
                                                  Severity.INFO)},
            terms, bool(grading.get("graded", False)), result.detail))
    rows.sort(key=SORT_KEYS[sort])
    audiences = []
    for rule_set in sorted({r.rule_set or "" for r in rows if r.graded}):
        group = [r for r in rows if (r.rule_set or "") == rule_set and r.graded]
        grades = [r.grade for r in group]
        audiences.append(AudienceTotals(
            rule_set, len(group), sum(1 for r in group if r.over_target > 0),
            round(statistics.median(grades), 2), round(percentile(grades, 0.9), 2),
            group[0].grade_target))
    term_counts = Counter(t.lower() for r in rows for t in r.terms)
    return Report(rows, errors, audiences, term_counts.most_common(top_terms), run.notices)


def summary_line(report: Report) -> str:
    total = len(report.rows)
    graded = sum(1 for r in report.rows if r.graded)
    noun = "document" if total == 1 else "documents"
    verb = "reads" if report.over_target == 1 else "read"
    line = f"{report.over_target} of {total} {noun} {verb} above their audience's target grade"
    if graded < total:
        line += f" ({total - graded} too short to grade)"
    return line + "."
