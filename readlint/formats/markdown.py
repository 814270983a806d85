"""The report as a short Markdown summary, for a pull-request comment."""

from __future__ import annotations

from typing import TextIO

from ..report.model import Report, summary_line
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
    if report.top_terms:
        terms = ", ".join(f"{t} ({n})" for t, n in report.top_terms[:10])
        out.write(f"\nMost frequent undefined terms: {terms}\n")


FORMAT = Format("markdown", "a short summary for a pull-request comment (report only)",
                report=write_report)
