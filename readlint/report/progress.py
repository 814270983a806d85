"""What changed since an earlier report: `readlint report --compare OLD.json` reads a report
saved with `--format json` and compares each document (by path) and each audience's totals
with it. The formats in readlint/formats show the result."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..source import MAX_DATA_FILE_SIZE, read_bytes
from .model import Report, median

# A grade change smaller than this is the same grade: a few words' edit moves it that much.
SAME_GRADE = 0.1


@dataclass
class DocumentChange:
    path: str
    status: str  # "better", "worse", "same", "new" or "gone"
    grade_before: float | None  # None: not graded (too short) or not there
    grade_after: float | None
    problems_before: int | None
    problems_after: int | None

    @property
    def grade_delta(self) -> float | None:
        if self.grade_before is None or self.grade_after is None:
            return None
        return round(self.grade_after - self.grade_before, 1)

    @property
    def problems_delta(self) -> int | None:
        if self.problems_before is None or self.problems_after is None:
            return None
        return self.problems_after - self.problems_before


@dataclass
class AudienceChange:
    rule_set: str
    documents_before: int
    documents_after: int
    over_before: int
    over_after: int
    median_before: float | None
    median_after: float | None


@dataclass
class Progress:
    source: str  # the earlier report's file, as given
    documents: list[DocumentChange]  # worst change first
    audiences: list[AudienceChange]

    def count(self, status: str) -> int:
        return sum(1 for d in self.documents if d.status == status)

    def of(self, status: str) -> list[DocumentChange]:
        return [d for d in self.documents if d.status == status]

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "counts": {s: self.count(s) for s in ("better", "worse", "same", "new", "gone")},
            "documents": [d.__dict__ for d in self.documents if d.status != "same"],
            "by_audience": [a.__dict__ for a in self.audiences],
        }


def load(path: str) -> dict[str, dict[str, Any]]:
    """The documents of a saved JSON report, by path. A file that is not one is refused with
    one plain line."""
    data_bytes = read_bytes(Path(path), path, MAX_DATA_FILE_SIZE, InputError,
                            " (give a report saved with `readlint report --format json`)")
    try:
        data = json.loads(data_bytes.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError("cannot be read: it is not UTF-8 text (give a report saved with "
                         "`readlint report --format json`)", path) from None
    except RecursionError:
        raise InputError("this is not a readlint report: it is nested too deeply", path) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"this is not JSON ({exc.msg}); give a report saved with `readlint "
                         "report --format json`", path, exc.lineno) from None
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, list) or not all(
            isinstance(d, dict) and isinstance(d.get("path"), str) for d in documents):
        raise InputError("this is not a readlint report: it has no list of documents with "
                         "paths (save one with `readlint report --format json`)", path)
    return {d["path"]: d for d in documents}


def _grade(values: dict[str, Any]) -> float | None:
    grade = values.get("grade")
    if not values.get("graded", True) or not isinstance(grade, (int, float)):
        return None
    return float(grade)


def _problems(values: dict[str, Any]) -> int | None:
    found = values.get("problems")
    if isinstance(found, dict):
        return sum(v for v in found.values() if isinstance(v, int))
    return None


def _status(before: float | None, after: float | None, problems_before: int | None,
            problems_after: int | None) -> str:
    """Better or worse by the grade; when the grade is the same (or not there), by the
    number of problems."""
    if before is not None and after is not None and abs(after - before) >= SAME_GRADE - 1e-9:
        return "worse" if after > before else "better"
    if problems_before is not None and problems_after is not None and \
            problems_before != problems_after:
        return "worse" if problems_after > problems_before else "better"
    return "same"


def compare(report: Report, earlier: dict[str, dict[str, Any]], source: str) -> Progress:
    documents = []
    for row in report.rows:
        old = earlier.get(row.path)
        after = round(row.grade, 2) if row.graded else None
        if old is None:
            documents.append(DocumentChange(row.path, "new", None, after, None, row.problems))
            continue
        before, problems_before = _grade(old), _problems(old)
        documents.append(DocumentChange(
            row.path, _status(before, after, problems_before, row.problems),
            before, after, problems_before, row.problems))
    now = {r.path for r in report.rows}
    for path, old in sorted(earlier.items()):
        if path not in now:
            documents.append(DocumentChange(path, "gone", _grade(old), None, _problems(old),
                                            None))
    order = {"worse": 0, "better": 1, "new": 2, "gone": 3, "same": 4}
    documents.sort(key=lambda d: (order[d.status], -abs(d.grade_delta or 0.0),
                                  -abs(d.problems_delta or 0), d.path))
    audiences = []
    now_sets = {r.rule_set or "" for r in report.rows}
    then_sets = {str(d.get("rule_set") or "") for d in earlier.values()}
    for rule_set in sorted(now_sets | then_sets):
        rows = [r for r in report.rows if (r.rule_set or "") == rule_set and r.graded]
        old_rows = [d for d in earlier.values() if str(d.get("rule_set") or "") == rule_set
                    and _grade(d) is not None]
        old_grades = [g for g in (_grade(d) for d in old_rows) if g is not None]
        if not rows and not old_rows:
            continue  # nothing graded in this rule set, then or now
        audiences.append(AudienceChange(
            rule_set, len(old_rows), len(rows),
            sum(1 for d in old_rows if d.get("over_target")),
            sum(1 for r in rows if r.over_target > 0),
            round(median(old_grades), 2) if old_grades else None,
            round(median([r.grade for r in rows]), 2) if rows else None))
    return Progress(source, documents, audiences)


def summary(progress: Progress) -> str:
    """One line: how many documents got better, worse, came and went."""
    parts = [f"{progress.count('better')} better", f"{progress.count('worse')} worse",
             f"{progress.count('same')} the same"]
    if progress.count("new"):
        parts.append(f"{progress.count('new')} new")
    if progress.count("gone"):
        parts.append(f"{progress.count('gone')} no longer there")
    return f"Since {progress.source}: " + ", ".join(parts) + "."


# The lists of changed documents every format shows, worst first.
CHANGE_LISTS = (("worse", "Harder to read, or more problems"),
                ("better", "Easier to read, or fewer problems"))


def show_grade(value: float | None) -> str:
    """A grade as the formats print it; "-" when there is none (not graded, not there)."""
    return "-" if value is None else f"{value:.1f}"


def show_count(value: int | None) -> str:
    return "-" if value is None else str(value)
