"""The pull-request comment editors ask for: for each document changed since a git revision,
its reading grade before and after, and the problems the change fixed and added."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TextIO

from ..results import FileResult, problem_identity
from ..rule import GRADE
from .progress import SAME_GRADE, show_grade


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


def _code(text: str, cell: bool = False) -> str:
    """`text` as Markdown inline code that shows it as it is: fenced by more backticks than
    any run of them in it and, in a table `cell`, with pipes escaped so they do not end it."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[:1] == "`" or text[-1:] == "`" or (
        text[:1] == " " and text[-1:] == " " and text.strip(" ")) else ""
    if cell:
        text = text.replace("|", "\\|")
    return f"{fence}{pad}{text}{pad}{fence}"


def write_markdown(changes: list[Change], ref: str, out: TextIO) -> None:
    if not changes:
        out.write(f"No documents changed since {_code(ref)}.\n")
        return
    worse = [c for c in changes if c.worse]
    out.write(f"### readlint: {len(changes)} changed document"
              f"{'s' if len(changes) != 1 else ''} since {_code(ref)}\n\n")
    out.write("| document | grade before | grade after | change | problems fixed | "
              "problems added |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
    for c in changes:
        before = "new" if c.new else show_grade(c.before)
        change = "" if c.delta is None else f"{c.delta:+.1f}" + (" ▲" if c.worse else "")
        out.write(f"| {_code(c.path, cell=True)} | {before} | {show_grade(c.after)} | "
                  f"{change} | {c.fixed} | {c.added} |\n")
    if worse:
        out.write(f"\n{len(worse)} document{'s' if len(worse) != 1 else ''} got harder to "
                  "read (▲).\n")


def write_text(changes: list[Change], ref: str, out: TextIO) -> None:
    if not changes:
        out.write(f"No documents changed since {ref}.\n")
        return
    for c in changes:
        change = "" if c.delta is None else f" ({c.delta:+.1f})"
        out.write(f"{c.path}: grade {show_grade(c.before)} -> {show_grade(c.after)}{change}; "
                  f"{c.fixed} fixed, {c.added} added\n")
