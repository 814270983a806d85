"""The report as a short Markdown summary, for a pull-request comment."""

from __future__ import annotations

from typing import TextIO

from ..report.model import Report, summary_line
from ..report.progress import Progress, show_count, show_grade, summary
from .base import Format, FormatOptions


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


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
            flag = " ⚠️" if r.over_target > 0 else ""
            out.write(f"| `{_cell(r.path)}` | {r.grade:.1f}{flag} | {r.grade_target:g} | "
                      f"{r.long_sentences} | {r.undefined_terms} | {r.missing_links} |\n")
        if len(report.rows) > len(rows):
            out.write(f"\n…and {len(report.rows) - len(rows)} more documents.\n")
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
                report=write_report)
