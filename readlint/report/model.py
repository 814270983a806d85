"""The corpus report's data: one row per document, and totals. Views render this; they decide
nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..problem import Severity
from ..readability import FORMULA_LABELS
from ..results import FileResult, RunResult
from ..rule import GRADE, HARD_SENTENCE, LONG_SENTENCE, MISSING_LINK, UNDEFINED_TERM


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
    terms: list[str] = field(default_factory=list)  # undefined terms, each once
    graded: bool = True  # False when too short for a reliable grade
    by_rule: dict[str, int] = field(default_factory=dict)  # problems by rule code
    unlinked: list[str] = field(default_factory=list)  # terms without a glossary link
    view: str | None = None  # the document as the HTML report shows it (view.document_view)
    order: int = 0  # its place among the rows in the order the files were checked
    described: bool = False  # it has a view: here, or in the part of a report it came from
    # The page's difficulty score, 0 (plain) to 100 (hard), from its sentences (None: no
    # sentence of prose, or not measured), and its hardest sentences, the hardest first,
    # each {"line", "column", "end_line", "end_column", "score", "text", "reasons"} (and
    # "start", its offset in the file): what the hard-sentence rule measures.
    difficulty: float | None = None
    hardest: list[dict[str, Any]] = field(default_factory=list)

    @property
    def words(self) -> int:
        return int(self.metrics["words"])

    # reading-grade's verdict: above the target by more than the grade's uncertainty (None:
    # a part written before it was kept; the grade above the target, then)
    over: bool | None = None

    @property
    def over_target(self) -> float:
        """How far the grade is above the target (0 or less when not above, or not graded)."""
        if not self.graded:
            return 0.0
        gap = self.grade - self.grade_target
        return min(gap, 0.0) if self.over is False else gap  # (within its uncertainty: 0)

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
            "rules": dict(self.by_rule),
            "difficulty": self.difficulty,
            "hardest_sentences": [{k: v for k, v in h.items() if k != "start"}
                                  for h in self.hardest],
        }

    def to_record(self) -> dict[str, Any]:
        """Everything the report needs of the row, for a part of a report (report.parts);
        `from_record` makes the same row again."""
        return {"path": self.path, "audience": self.audience, "rule_set": self.rule_set,
                "metrics": self.metrics, "grade": self.grade,
                "grade_formulas": list(self.grade_formulas), "grade_target": self.grade_target,
                "long_sentences": self.long_sentences, "undefined_terms": self.undefined_terms,
                "missing_links": self.missing_links, "by_severity": self.by_severity,
                "terms": self.terms, "graded": self.graded, "by_rule": self.by_rule,
                "unlinked": self.unlinked, "difficulty": self.difficulty,
                "hardest": self.hardest, "over": self.over}

    @classmethod
    def from_record(cls, data: dict[str, Any], described: bool) -> DocumentRow:
        """The row a record holds (KeyError, TypeError or ValueError when it holds none)."""
        def text(value: Any) -> str:
            if not isinstance(value, str):
                raise TypeError("not text")
            return value

        def counts(value: Any) -> dict[str, int]:
            if not isinstance(value, dict) or not all(isinstance(v, int)
                                                      for v in value.values()):
                raise TypeError("not counts")
            return {text(k): v for k, v in value.items()}

        def texts(value: Any) -> list[str]:
            if not isinstance(value, list):
                raise TypeError("not a list")
            return [text(v) for v in value]

        def sentences(value: Any) -> list[dict[str, Any]]:
            if not isinstance(value, list) or not all(
                    isinstance(v, dict) and isinstance(v.get("score"), (int, float))
                    and isinstance(v.get("line"), int) and isinstance(v.get("text"), str)
                    and isinstance(v.get("reasons"), list) for v in value):
                raise TypeError("not sentences")
            return value

        metrics = data["metrics"]
        if not isinstance(metrics, dict) or not all(
                isinstance(v, (int, float)) for v in metrics.values()):
            raise TypeError("not metrics")
        score = data["difficulty"]
        audience, rule_set = data["audience"], data["rule_set"]
        return cls(text(data["path"]), None if audience is None else text(audience),
                   None if rule_set is None else text(rule_set), metrics,
                   float(data["grade"]), tuple(texts(data["grade_formulas"])),
                   float(data["grade_target"]), int(data["long_sentences"]),
                   int(data["undefined_terms"]), int(data["missing_links"]),
                   counts(data["by_severity"]), texts(data["terms"]), bool(data["graded"]),
                   by_rule=counts(data["by_rule"]), unlinked=texts(data["unlinked"]),
                   described=described, difficulty=None if score is None else float(score),
                   hardest=sentences(data["hardest"]),
                   over=None if data.get("over") is None else bool(data["over"]))


@dataclass
class AudienceTotals:
    rule_set: str
    documents: int
    over_target: int
    median_grade: float
    p90_grade: float
    target: float


@dataclass
class TodoTerm:
    """A term editors could act on across the corpus: explain it ("undefined") or link it
    ("unlinked"); with the pages that use it and whether a glossary knows it."""

    term: str
    kind: str  # "undefined" or "unlinked"
    documents: int
    pages: list[str]
    in_glossary: bool | None = None  # None: no glossary to ask

    @property
    def action(self) -> str:
        if self.kind == "unlinked":
            return "link it to its glossary entry"
        if self.in_glossary is False:
            return "explain it where it is used, or add it to the glossary"
        return "explain it where it is used"


@dataclass
class Report:
    rows: list[DocumentRow]
    errors: list[tuple[str, int | None, str]]
    audiences: list[AudienceTotals]
    top_terms: list[tuple[str, int]]
    notices: list[str] = field(default_factory=list)
    todo: list[TodoTerm] = field(default_factory=list)  # most frequent first
    since: Any = None  # a progress.Progress when compared with an earlier report (--compare)
    # The documents' views in the order of the rows' `order`, as (order, view): for a report
    # merged from parts, read from them as the page is written; else from the rows.
    views: Callable[[], Iterator[tuple[int, str]]] | None = None

    def each_view(self) -> Iterator[tuple[int, str]]:
        """Each described document's view with its row's `order`, in that order."""
        if self.views is not None:
            return self.views()
        return ((r.order, r.view) for r in sorted(self.rows, key=lambda r: r.order)
                if r.view is not None)

    @cached_property
    def root(self) -> str:
        """The folder every document path starts with ("" when none), so pages can show
        shorter paths."""
        return common_root([r.path for r in self.rows])

    def todo_of(self, kind: str) -> list[TodoTerm]:
        return [t for t in self.todo if t.kind == kind]

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
            "todo": [{"term": t.term, "kind": t.kind, "documents": t.documents,
                      "in_glossary": t.in_glossary, "pages": t.pages} for t in self.todo],
            "errors": [{"path": p, "line": line, "message": m} for p, line, m in self.errors],
            **({"since": self.since.to_json()} if self.since is not None else {}),
        }


SORT_KEYS = {
    "worst": lambda r: (-r.over_target, -r.problems, r.path),
    "grade": lambda r: (-r.grade, r.path),
    "difficulty": lambda r: (-(r.difficulty if r.difficulty is not None else -1.0), r.path),
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


def common_root(paths: Sequence[str]) -> str:
    """The longest folder prefix (ending in "/") that all paths share; "" when none."""
    if not paths:
        return ""
    first, last = min(paths), max(paths)
    size = 0
    for a, b in zip(first, last, strict=False):
        if a != b:
            break
        size += 1
    prefix = first[:size]
    return prefix[: prefix.rfind("/") + 1]


def build(run: RunResult, sort: str = "worst", top_terms: int = 15,
          known: Callable[[str], bool] | None = None) -> Report:
    """The report of a run. Columns count problems by what their rules feed (their tags).
    `known` says whether a glossary has a term (for the to-do list of terms to add)."""
    tags = row_tags(run)
    rows: list[DocumentRow] = []
    errors: list[tuple[str, int | None, str]] = []
    for result in run.files:
        if result.error is not None:
            errors.append((result.path, result.error.line, result.error.message))
            continue
        row = row_of(result, tags)
        if row is not None:
            rows.append(row)
    return assemble(rows, errors, run.notices, sort, top_terms, known)


RowTags = tuple[frozenset[str], frozenset[str], frozenset[str]]


def row_tags(run: RunResult) -> RowTags:
    """The rules whose problems the columns count: long sentences, undefined terms, missing
    links."""
    long_rules, term_rules, link_rules = (run.tagged(t) for t in
                                          (LONG_SENTENCE, UNDEFINED_TERM, MISSING_LINK))
    return long_rules, term_rules, link_rules


def row_of(result: FileResult, tags: RowTags) -> DocumentRow | None:
    """The row of a file checked without error (None for an empty one)."""
    if result.rule_set is None:
        return None  # an empty file
    long_rules, term_rules, link_rules = tags
    grading = result.measures.get(GRADE, {})
    difficulty = result.measures.get(HARD_SENTENCE, {})
    severities = Counter(str(p.severity) for p in result.problems)
    by_rule = Counter(p.rule for p in result.problems)
    terms = sorted({p.subject for p in result.problems
                    if p.rule in term_rules and p.subject})
    unlinked = sorted({p.subject for p in result.problems
                       if p.rule in link_rules and p.subject})
    return DocumentRow(
        result.path, result.audience, result.rule_set,
        dict(grading.get("metrics", {"words": 0})), float(grading.get("grade", 0.0)),
        tuple(grading.get("formulas", ())), float(grading.get("target", 0.0)),
        _count(by_rule, long_rules), _count(by_rule, term_rules),
        _count(by_rule, link_rules),
        {str(s): severities[str(s)] for s in (Severity.ERROR, Severity.WARNING,
                                              Severity.INFO)},
        terms, bool(grading.get("graded", False)),
        by_rule=dict(sorted(Counter(p.code for p in result.problems).items())),
        unlinked=unlinked, view=result.detail, described=result.detail is not None,
        difficulty=difficulty.get("score"), hardest=list(difficulty.get("hardest", ())),
        over=grading.get("over"))


def assemble(rows: list[DocumentRow], errors: list[tuple[str, int | None, str]],
             notices: list[str], sort: str = "worst", top_terms: int = 15,
             known: Callable[[str], bool] | None = None) -> Report:
    """The report of rows given in the order their files were checked (each row's `order`
    is set here), with the errors and notices of the run: totals, percentiles and to-do
    lists from every row, so a report merged from parts is the report of one run."""
    for number, row in enumerate(rows):
        row.order = number
    rows.sort(key=SORT_KEYS[sort])
    audiences = []
    for rule_set in sorted({r.rule_set or "" for r in rows if r.graded}):
        group = [r for r in rows if (r.rule_set or "") == rule_set and r.graded]
        grades = [r.grade for r in group]
        audiences.append(AudienceTotals(
            rule_set, len(group), sum(1 for r in group if r.over_target > 0),
            round(median(grades), 2), round(percentile(grades, 0.9), 2),
            group[0].grade_target))
    todo = _todo(rows, "undefined", known) + _todo(rows, "unlinked", None)
    todo.sort(key=lambda t: (-t.documents, t.kind, t.term))
    top = [(t.term, t.documents) for t in todo if t.kind == "undefined"][:top_terms]
    return Report(rows, errors, audiences, top, notices, todo)


def _todo(rows: Sequence[DocumentRow], kind: str,
          known: Callable[[str], bool] | None) -> list[TodoTerm]:
    """Terms by the number of documents that leave them undefined (or unlinked), spelled as
    most documents spell them."""
    pages: dict[str, list[str]] = {}
    spellings: dict[str, Counter[str]] = {}
    for r in sorted(rows, key=lambda r: r.path):
        for term in (r.terms if kind == "undefined" else r.unlinked):
            key = " ".join(term.lower().split())
            pages.setdefault(key, []).append(r.path)
            spellings.setdefault(key, Counter())[term] += 1
    found = []
    for key, where in pages.items():
        spelling = spellings[key].most_common(1)[0][0]
        found.append(TodoTerm(spelling, kind, len(where), where,
                              known(spelling) if known is not None else
                              (True if kind == "unlinked" else None)))
    return found


def summary_line(report: Report) -> str:
    total = len(report.rows)
    graded = sum(1 for r in report.rows if r.graded)
    noun = "document" if total == 1 else "documents"
    verb = "reads" if report.over_target == 1 else "read"
    line = f"{report.over_target} of {total} {noun} {verb} above their audience's target grade"
    if graded < total:
        line += f" ({total - graded} not graded)"
    return line + "."


def median(values: Sequence[float]) -> float:
    import statistics  # only when a report is made: it is slow to import
    return statistics.median(values)
