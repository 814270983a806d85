"""The report as a short Markdown summary, for a pull-request comment."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO

from ..report.model import DocumentRow, Report, summary_line
from ..report.progress import Progress, show_count, show_grade, summary
from ..report.since_base import Change
from .base import Format, FormatOptions


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _code(text: str, cell: bool = False) -> str:
    """`text` as Markdown inline code that shows it as it is: fenced by more backticks than
    any run of them in it and, in a table `cell`, with pipes escaped so they do not end it."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[:1] == "`" or text[-1:] == "`" or (
        text[:1] == " " and text[-1:] == " " and text.strip(" ")) else ""
    if cell:
        text = _cell(text)
    return f"{fence}{pad}{text}{pad}{fence}"


def write_changes(changes: Sequence[Change], ref: str, out: TextIO) -> None:
    """`report --base` for a pull-request comment: a table of the documents changed since
    `ref`, their grade before and after, and the problems the change fixed and added."""
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


def write_report(report: Report, out: TextIO, options: FormatOptions) -> None:
    rows = report.rows[: options.top or 10]
    out.write("### Readability report\n\n")
    out.write(f"{summary_line(report)}\n\n")
    if report.audiences:
        out.write("| Rule set | Documents | Over target | Median grade | 90th percentile | "
                  "Target |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
        for a in report.audiences:
            out.write(f"| {a.rule_set} | {a.documents} | {a.over_target} | {a.median_grade:.1f} "
                      f"| {a.p90_grade:.1f} | {a.target:g} |\n")
        out.write("\n")
    if rows:
        out.write("| Document | Grade | Target | Long sentences | Undefined terms | "
                  "Missing links |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
        for r in rows:
            flag = " ⚠️" if r.over_target > 0 else "" if r.graded else "\\*"
            out.write(f"| `{_cell(r.path)}` | {r.grade:.1f}{flag} | {r.grade_target:g} | "
                      f"{r.long_sentences} | {r.undefined_terms} | {r.missing_links} |\n")
        if len(report.rows) > len(rows):
            out.write(f"\n…and {len(report.rows) - len(rows)} more documents.\n")
        _write_keys(rows, out)
    for kind, title in (("undefined", "Terms most often left unexplained"),
                        ("unlinked", "Glossary terms most often left without a link")):
        terms = report.todo_of(kind)[:10]
        if terms:
            listed = ", ".join(f"{_cell(t.term)} ({t.documents}"
                               f"{'' if t.in_glossary is not False else ', not in a glossary'})"
                               for t in terms)
            out.write(f"\n{title} (documents): {listed}\n")
    if report.since is not None:
        write_progress(report.since, out)


def _write_keys(rows: Sequence[DocumentRow], out: TextIO) -> None:
    """What the table's marks mean, those it uses (as the text report says them)."""
    keys = []
    if any(r.over_target > 0 for r in rows):
        keys.append("⚠️ above its target grade")
    if any(r.graded and r.over is False and r.grade > r.grade_target for r in rows):
        keys.append("a grade past its target without ⚠️ is within its uncertainty: too few "
                    "sentences to be sure")
    if any(not r.graded for r in rows):
        keys.append("\\* not graded (too few words of its own, or a page of links to other "
                    "pages): not counted")
    if keys:
        said = "; ".join(keys)
        out.write(f"\n{said[0].upper()}{said[1:]}.\n")


def write_progress(progress: Progress, out: TextIO) -> None:
    out.write(f"\n#### {summary(progress)}\n\n")
    out.write("| Rule set | Documents | Over target | Median grade |\n"
              "| --- | ---: | ---: | ---: |\n")
    for a in progress.audiences:
        out.write(f"| {_cell(a.rule_set or '-')} | {a.documents_before} → {a.documents_after} "
                  f"| {a.over_before} → {a.over_after} | {show_grade(a.median_before)} → "
                  f"{show_grade(a.median_after)} |\n")
    changed = progress.of("worse")[:10] + progress.of("better")[:10]
    if changed:
        out.write("\n| Document | Change | Grade | Problems |\n| --- | --- | ---: | ---: |\n")
        for d in changed:
            out.write(f"| `{_cell(d.path)}` | {d.status} | {show_grade(d.grade_before)} → "
                      f"{show_grade(d.grade_after)} | {show_count(d.problems_before)} → "
                      f"{show_count(d.problems_after)} |\n")




FORMAT = Format("markdown", "a short summary for a pull-request comment (report only)",
                report=write_report, changes=write_changes)
