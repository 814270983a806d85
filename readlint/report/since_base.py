"""The pull-request comment editors ask for: for each document changed since a git revision,
its reading grade before and after, and the problems the change fixed and added."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..results import FileResult, problem_identity
from ..rule import GRADE
from .progress import SAME_GRADE


@dataclass
class Change:
    path: str
    before: float | None  # None: new document, or too short to grade
    after: float | None
    target: float | None
    fixed: int
    added: int
    new: bool = False  # the document did not exist at the revision

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)

    @property
    def worse(self) -> bool:
        """Harder to read than before, by a tenth of a grade or more."""
        return self.delta is not None and self.delta >= SAME_GRADE


def _grade(result: FileResult | None) -> tuple[float | None, float | None]:
    grading = result.measures.get(GRADE, {}) if result is not None else {}
    if not grading or not grading.get("graded", False):
        return None, grading.get("target") if grading else None
    return float(grading["grade"]), grading.get("target")


def compare(path: str, before: FileResult | None, after: FileResult) -> Change:
    old = Counter(problem_identity(p, before.source_text) for p in before.problems) \
        if before is not None else Counter()
    new = Counter(problem_identity(p, after.source_text) for p in after.problems)
    grade_before, _ = _grade(before)
    grade_after, target = _grade(after)
    return Change(path, grade_before, grade_after, target,
                  sum((old - new).values()), sum((new - old).values()), before is None)
