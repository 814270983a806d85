"""The report as a table for a terminal 100 columns wide."""

from __future__ import annotations

from typing import TextIO

import click

from .model import Report, summary_line

WIDTH = 100


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else "…" + text[-(width - 1):]


def write(report: Report, out: TextIO, top: int | None = None, color: bool = False) -> None:
    rows = report.rows[:top] if top else report.rows
    path_width = WIDTH - 67
    header = (f"{'Document':{path_width}} {'Audience':12} {'Words':>6} {'Grade':>6} "
              f"{'Target':>6}  {'Long':>4} {'Terms':>5} {'Links':>5} {'Err':>4} {'Warn':>4} "
              f"{'Info':>4}")
    out.write(header + "\n" + "─" * len(header) + "\n")
    for r in rows:
        over = r.over_target > 0
        grade = f"{r.grade:6.1f}" if r.graded else f"{r.grade:5.1f}*"
        mark = "▲" if over else " "
        if color and over:
            grade = click.style(grade, fg="red", bold=True)
        e, w, i = (r.by_severity.get(k, 0) for k in ("error", "warning", "info"))
        out.write(f"{_cut(r.path, path_width):{path_width}} {_cut(r.audience or '-', 12):12} "
                  f"{r.words:6d} {grade} {r.grade_target:6g}{mark} {r.long_sentences:4d} "
                  f"{r.undefined_terms:5d} {r.missing_links:5d} {e:4d} {w:4d} {i:4d}\n")
    if top and len(report.rows) > top:
        out.write(f"… and {len(report.rows) - top} more documents (use --top to see more)\n")
    out.write("\n")
    out.write(f"{summary_line(report)} Marked ▲ above.\n")
    if any(not r.graded for r in report.rows):
        out.write("* too short for a reliable grade: not counted against the target\n")
    if report.audiences:
        out.write(f"\n{'Rule set':14} {'Documents':>9} {'Over target':>12} {'Median grade':>13} "
                  f"{'90th percentile':>16} {'Target':>7}\n")
        for a in report.audiences:
            out.write(f"{a.rule_set:14} {a.documents:9d} {a.over_target:12d} "
                      f"{a.median_grade:13.1f} {a.p90_grade:16.1f} {a.target:7g}\n")
    if report.top_terms:
        terms = ", ".join(f"{t} ({n})" for t, n in report.top_terms)
        out.write(f"\nMost frequent undefined terms (documents): {terms}\n")
    if report.errors:
        out.write(f"\n{len(report.errors)} files could not be read; see the messages above.\n")
    out.write("\nTo see each document's text with the sentences and terms to work on marked, "
              "add --html report.html\n")
