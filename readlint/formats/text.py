"""Plain text for a terminal: for `check`, one line per problem,
`path:line:col: CODE rule message`; for `report`, a table 100 columns wide."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

import click

from ..problem import Severity
from ..results import FileResult, RuleInfo, RunResult
from .base import Format, FormatOptions, pulling

if TYPE_CHECKING:  # the report's modules are imported when a report is written
    from ..report.model import DocumentRow, Report
    from ..report.progress import Progress
    from ..report.since_base import Change

TODO_SHOWN = 15  # terms per to-do list in the terminal (--todo writes them all)
HARDEST_SHOWN = 3  # hardest sentences per document in the terminal (JSON has them all)
HARDEST_PAGES = 10  # documents whose hardest sentences the terminal lists, without --top
_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


class CheckText:
    """One line per problem as each file comes, then the totals (counted on the way)."""

    def __init__(self, out: TextIO, options: FormatOptions,
                 rules: Mapping[str, RuleInfo]) -> None:
        self.out = out
        self.options = options
        self.by_rule: Counter[tuple[str, str]] = Counter()
        self.by_severity: Counter[Severity] = Counter()
        self.files = self.with_problems = self.unread = self.troubled = self.left_out = 0

    def file(self, file: FileResult) -> None:
        if file.error is not None:
            self.unread += 1
            return
        if file.rule_set is None and not file.problems:
            self.left_out += 1  # empty, or of a status the config leaves out: a note says so
            return
        self.files += 1
        self.troubled += bool(file.failures)
        self.with_problems += bool(file.problems)
        if self.options.color:
            lines = [f"{click.style(f'{p.path}:{p.line}:{p.column}:', bold=True)} "
                     f"{click.style(p.code, fg=_COLORS[p.severity], bold=True)} {p.rule} "
                     f"{p.message}\n" for p in file.problems]
        else:
            lines = [f"{p.path}:{p.line}:{p.column}: {p.code} {p.rule} {p.message}\n"
                     for p in file.problems]
        self.out.write("".join(lines))  # one write per file
        self.by_rule.update((p.code, p.rule) for p in file.problems)
        self.by_severity.update(p.severity for p in file.problems)

    def end(self, run: RunResult) -> None:
        _write_totals(self.out, self.options, self.by_rule, self.by_severity, self.files,
                      self.with_problems, self.unread, self.troubled, self.left_out)


write_check = pulling(CheckText)


def write_statistics(out: TextIO, by_rule: Counter[tuple[str, str]]) -> None:
    """--statistics: how many problems each rule found, the most first."""
    for (code, rule), n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"{n:6d}  {code}  {rule}\n")


def _write_totals(out: TextIO, options: FormatOptions, by_rule: Counter[tuple[str, str]],
                  by_severity: Counter[Severity], files: int, with_problems: int,
                  unread: int, troubled: int, left_out: int = 0) -> None:
    total = sum(by_severity.values())
    if options.statistics and total:
        out.write("\n")
        write_statistics(out, by_rule)
    if options.quiet:
        return
    if total:
        parts = [f"{by_severity[s]} {s}" + ("s" if s != Severity.INFO and by_severity[s] != 1
                                            else "")
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if by_severity[s]]
        summary = (f"\nFound {plural(total, 'problem')} ({', '.join(parts)}) in "
                   f"{with_problems} of {plural(files, 'file')} checked.")
    else:
        summary = f"No problems found in {plural(files, 'file')} checked."
    if left_out:
        summary += f" {plural(left_out, 'file')} left out; the notes say why."
    if unread:
        summary += (f" {plural(unread, 'file')} could not be checked; "
                    "the messages above say why.")
    if troubled:
        summary += (f" {plural(troubled, 'file')} could not be fixed or fully checked; "
                    "the messages above say why.")
    out.write(summary + "\n")


def write_changes(changes: Sequence[Change], ref: str, out: TextIO) -> None:
    """`report --base`: one line per document changed since `ref`, its grade before and
    after, and how many problems the change fixed and added."""
    from ..report.progress import show_grade

    if not changes:
        out.write(f"No documents changed since {ref}.\n")
        return
    for c in changes:
        change = "" if c.delta is None else f" ({c.delta:+.1f})"
        out.write(f"{c.path}: grade {show_grade(c.before)} -> {show_grade(c.after)}{change}; "
                  f"{c.fixed} fixed, {c.added} added\n")


def plural(n: int, word: str) -> str:
    """'1 file', '2 files'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


WIDTH = 100


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else "…" + text[-(width - 1):]


def write_report(report: Report, out: TextIO, options: FormatOptions) -> None:
    from ..report.model import summary_line

    top, color = options.top, options.color
    rows = report.rows[:top] if top else report.rows
    path_width = WIDTH - 74
    header = (f"{'Document':{path_width}} {'Audience':14} {'Words':>6} {'Grade':>6} "
              f"{'Target':>6}  {'Hard':>4} {'Long':>4} {'Terms':>5} {'Links':>5} {'Err':>4} "
              f"{'Warn':>4} {'Info':>4}")
    out.write(header + "\n" + "─" * len(header) + "\n")
    for r in rows:
        over = r.over_target > 0
        grade = f"{r.grade:6.1f}" if r.graded else f"{r.grade:5.1f}*"
        mark = "▲" if over else " "
        if color and over:
            grade = click.style(grade, fg="red", bold=True)
        e, w, i = (r.by_severity.get(k, 0) for k in ("error", "warning", "info"))
        audience = r.audience or f"({r.rule_set or '-'})"
        score = f"{r.difficulty:4.0f}" if r.difficulty is not None else f"{'-':>4}"
        out.write(f"{_cut(r.path, path_width):{path_width}} {_cut(audience, 14):14} "
                  f"{r.words:6d} {grade} {r.grade_target:6g}{mark} {score} "
                  f"{r.long_sentences:4d} {r.undefined_terms:5d} {r.missing_links:5d} {e:4d} "
                  f"{w:4d} {i:4d}\n")
    if top and len(report.rows) > top:
        out.write(f"… and {plural(len(report.rows) - top, 'more document')} (a larger --top "
                  "shows more)\n")
    out.write("\n")
    out.write(f"{summary_line(report)} Marked ▲ above.\n")
    _write_keys(report, rows, out)
    write_hardest(rows, out, None if top else HARDEST_PAGES)
    if report.audiences:
        out.write(f"\n{'Rule set':14} {'Documents':>9} {'Over target':>12} {'Median grade':>13} "
                  f"{'90th percentile':>16} {'Target':>7}\n")
        for a in report.audiences:
            out.write(f"{a.rule_set:14} {a.documents:9d} {a.over_target:12d} "
                      f"{a.median_grade:13.1f} {a.p90_grade:16.1f} {a.target:7g}\n")
    for kind, title in (("undefined", "Terms most often left unexplained"),
                        ("unlinked", "Glossary terms most often left without a link")):
        terms = report.todo_of(kind)[:TODO_SHOWN]
        if terms:
            listed = ", ".join(f"{t.term} ({t.documents}"
                               f"{'' if t.in_glossary is not False else ', not in a glossary'})"
                               for t in terms)
            out.write("\n" + textwrap.fill(f"{title} (documents): {listed}", WIDTH) + "\n")
    if report.todo:
        out.write("Every term with its pages: add --todo terms.csv\n")
    if report.since is not None:
        write_progress(report.since, out)
    if report.errors:
        count = len(report.errors)
        out.write(f"\n{plural(count, 'file')} could not be read; see the messages above.\n")
    if not options.html_written:
        out.write("\nTo see each document's text with the sentences and terms to work on "
                  "marked, add --html report.html\n")


def _write_keys(report: Report, rows: Sequence[DocumentRow], out: TextIO) -> None:
    """What the table's marks mean, those it uses."""
    if any(r.graded and r.over is False and r.grade > r.grade_target for r in rows):
        out.write("A grade past its target without ▲ is within its uncertainty: too few "
                  "sentences to be sure\n")
    if any(not r.graded for r in report.rows):
        out.write("* not graded (too few words of its own, or a page of links to other "
                  "pages): not counted\n")
    if any(r.audience is None for r in rows):
        out.write("(name): no audienceLevel in the front matter; checked with this rule set\n")
    out.write("Hard: the page's difficulty score, 0 (plain) to 100 (hard), from its "
              "sentences\n")


def write_hardest(rows: list[DocumentRow], out: TextIO, pages: int | None = None) -> None:
    """Each document's hardest sentences (at most HARDEST_SHOWN), the first to rewrite: where
    each is, its difficulty score, its start and what makes it hard. With `pages`, only the
    sentences of that many documents, the hardest ones, in the table's order (a site's report
    would otherwise run to thousands of lines)."""
    shown = [r for r in rows if r.hardest]
    if not shown:
        return
    left_out = 0
    if pages is not None and len(shown) > pages:
        hardest = sorted(shown, key=lambda r: -(r.difficulty or 0.0))[:pages]
        left_out = len(shown) - pages
        shown = [r for r in shown if r in hardest]
    out.write("\nHardest sentences, the first to rewrite: difficulty (0 to 100), line, the "
              "sentence\nand what makes it hard:\n")
    for r in shown:
        out.write(f"{_cut(r.path, WIDTH)}\n")
        for h in r.hardest[:HARDEST_SHOWN]:
            where = f"  {h['score']:3.0f}  line {h['line']}: "
            out.write(where + _start(h["text"], WIDTH - len(where)) + "\n")
            if h["reasons"]:
                out.write(textwrap.fill("; ".join(h["reasons"]), WIDTH,
                                        initial_indent=" " * 8, subsequent_indent=" " * 8,
                                        break_on_hyphens=False) + "\n")
        if len(r.hardest) > HARDEST_SHOWN:
            more = len(r.hardest) - HARDEST_SHOWN
            out.write(f"        … and {plural(more, 'more sentence')} (--format json or "
                      "--html)\n")
    if left_out:
        out.write(f"… and {plural(left_out, 'more document')} with hard sentences (--top N "
                  "lists those of the first N; --format json or --html lists them all)\n")


def _start(text: str, width: int) -> str:
    """The start of a sentence, cut at a word to fit `width`."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def write_progress(progress: Progress, out: TextIO) -> None:
    """What changed since an earlier report: per rule set, then the documents that changed
    most."""
    from ..report.progress import CHANGE_LISTS, show_count, show_grade, summary

    out.write(f"\n{summary(progress)}\n")
    out.write(f"{'Rule set':14} {'Documents':>13} {'Over target':>13} {'Median grade':>15}\n")
    for a in progress.audiences:
        out.write(f"{a.rule_set or '-':14} {a.documents_before:>6} → {a.documents_after:<4} "
                  f"{a.over_before:>6} → {a.over_after:<4} {show_grade(a.median_before):>7} → "
                  f"{show_grade(a.median_after)}\n")
    for status, title in CHANGE_LISTS:
        found = progress.of(status)
        if found:
            out.write(f"{title}:\n")
            for d in found[:10]:
                out.write(f"  {_cut(d.path, 50):50} grade {show_grade(d.grade_before)} → "
                          f"{show_grade(d.grade_after)}, problems "
                          f"{show_count(d.problems_before)} → {show_count(d.problems_after)}\n")
            if len(found) > 10:
                out.write(f"  … and {len(found) - 10} more\n")




FORMAT = Format("text", "for people: one line per problem, or the report as a table",
                write_check, write_report, push=CheckText,
                changes=write_changes)
