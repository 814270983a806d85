"""The report as one self-contained HTML page: no network, inline CSS, JavaScript and SVG.
The style, the script and the page's skeleton are files of their own (report-page/), so
they can be read and checked as CSS, JavaScript and HTML; the page holds them as they are.

Document text travels as JSON inside the page and is put on screen with textContent only,
so nothing in a document can run as code. The table's rows are one JSON block (every "<"
escaped), drawn a page of rows at a time. Each document's marked text is packed with others
in a compressed block (deflate, then base64, which has no "<" to end a script) that is
unpacked only when one of its documents is opened: the page for thousands of documents
stays small enough to send by mail and opens quickly.
"""

from __future__ import annotations

import base64
import html
import json
import math
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from ..report.model import DocumentRow, Report, summary_line
from ..report.progress import CHANGE_LISTS, Progress, show_count, show_grade
from ..report.progress import summary as progress_summary
from .base import Format, FormatOptions

# One colour per rule set in the chart, each 4.5:1 or better on white.
_COLOURS = ("#1f5fa8", "#a3480f", "#2d6e2d", "#6a3d9a")
TODO_SHOWN = 20  # terms per to-do list on the page (the CSV has them all)
# Documents' views are packed until a block holds this many bytes of JSON: large enough to
# compress well, small enough to unpack at once when one of its documents is opened.
CHUNK_BYTES = 192 * 1024
# The page's style (style.css), script (script.js) and skeleton (head.html, documents.html,
# document-view.html, change-filter.html): files of the package, written into the page as they
# stand, but for the places a template names in braces ("{css}"), filled here.
PAGE_FILES = Path(__file__).resolve().parent / "report-page"
# A row of the table, as the page's script names its values.
COLUMNS = ("path", "audience", "ruleSet", "words", "grade", "target", "difficulty",
           "graded", "over", "long", "terms", "links", "problems", "formula", "rules", "at",
           "status", "change")


def write_report(report: Report, out: TextIO, options: FormatOptions) -> None:
    root = report.root
    rule_sets = [a.rule_set for a in report.audiences]
    changes = {d.path: d for d in report.since.documents} if report.since else {}
    formulas: dict[str, int] = {}
    rows = [_row(r, root, changes.get(r.path), formulas) for r in report.rows]
    codes = sorted({code for r in report.rows for code in r.by_rule})
    folders = sorted({_folder(r.path[len(root):] if root else r.path) for r in report.rows})
    data = {"version": options.version, "root": root, "ruleSets": rule_sets,
            "folders": folders, "rules": codes, "formulas": list(formulas),
            "columns": COLUMNS, "documents": rows, "compared": bool(report.since)}
    out.write(page_file("head.html").format(css=page_file("style.css")))
    out.write(_header(report))
    out.write(_overview(report, rule_sets))
    if report.since is not None:
        out.write(_since(report.since, report.root))
    out.write(_todo(report))
    out.write(page_file("documents.html").format(
        rule_set_options=_options(rule_sets), folder_options=_options(folders),
        rule_options=_options(codes),
        change_filter=page_file("change-filter.html").removesuffix("\n")
        if report.since else "",
        change_column=('<th scope="col" aria-sort="none"><button type="button" '
                       'data-key="change">Change</button></th>') if report.since else ""))
    from ..difficulty import REWRITE_FROM, REWRITE_SHOWN

    out.write(page_file("document-view.html").format(hardest_shown=REWRITE_SHOWN,
                                                     hardest_from=f"{REWRITE_FROM:g}"))
    out.write(f'<footer>Made by readlint {html.escape(options.version)}. This page works '
              'offline.</footer>\n</main>\n')
    # The table's data and the script first, so the table is drawn while the browser still
    # reads the packed views; the script looks at them once the page has been read.
    out.write(f'<script type="application/json" id="data">{_json(data)}</script>\n')
    out.write(f"<script>\n{page_file('script.js')}</script>\n")
    table = []
    for number, (first, last, packed) in enumerate(_chunks(report.each_view())):
        out.write(f'<script type="application/octet-stream" id="chunk-{number}">{packed}'
                  '</script>\n')
        table.append([first, last])
    out.write(f'<script type="application/json" id="chunks">{_json(table)}</script>\n'
              "</body>\n</html>\n")


@cache
def page_file(name: str) -> str:
    """One of the page's files (PAGE_FILES), read once a process."""
    return (PAGE_FILES / name).read_text(encoding="utf-8")


def _chunks(views: Iterable[tuple[int, str]]) -> Iterator[tuple[int, int, str]]:
    """The views packed in blocks, in order: (first row number, last, the block). A block
    is the JSON list [[row number, view], ...], compressed with zlib and written in base64.
    The views are read one at a time, so a merged report's come from its parts as they are
    needed."""
    batch: list[str] = []
    size, first, last = 0, -1, -1
    for number, view in views:
        if not batch:
            first = number
        batch.append(f"[{number},{view}]")
        size += len(view)
        last = number
        if size >= CHUNK_BYTES:
            yield first, last, _pack(batch)
            batch, size = [], 0
    if batch:
        yield first, last, _pack(batch)


def _pack(batch: list[str]) -> str:
    raw = ("[" + ",".join(batch) + "]").encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")


def unpack(packed: str) -> list[list[Any]]:
    """A block of views as `_pack` wrote it: [[row number, view], ...] (for tests and
    tools that read the page)."""
    found: list[list[Any]] = json.loads(zlib.decompress(base64.b64decode(packed)))
    return found


def _json(value: Any) -> str:
    """JSON that cannot end its script block or be read as markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _options(values: list[str]) -> str:
    return "".join(f'<option value="{html.escape(v)}">{html.escape(v)}</option>'
                   for v in values)


def _folder(short: str) -> str:
    return short.split("/")[0] if "/" in short else "."


def _row(r: DocumentRow, root: str, change: Any, formulas: dict[str, int]) -> list[Any]:
    """The row's values in the order of COLUMNS. The page works out the rest (the full
    path from the root, the folder)."""
    short = r.path[len(root):] if root and r.path.startswith(root) else r.path
    row = [short, r.audience or "", r.rule_set or "", r.words, round(r.grade, 1),
           r.grade_target, shown_score(r.difficulty), r.graded, r.over_target > 0,
           r.long_sentences, r.undefined_terms, r.missing_links, r.problems,
           formulas.setdefault(r.formula_label, len(formulas)), r.by_rule,
           r.order if r.described else -1]
    if change is not None:
        row += [change.status, change.grade_delta if change.grade_delta is not None else 0]
    return row


def shown_score(score: float | None) -> int | None:
    """A difficulty score as readlint shows it everywhere: a whole number ("difficulty 84
    of 100"), rounded as Python's format rounds; None stays None."""
    return None if score is None else int(f"{score:.0f}")


def _header(report: Report) -> str:
    errors = (f'<p role="status">{len(report.errors)} '
              f'{"file" if len(report.errors) == 1 else "files"} could not be read; readlint '
              'listed them when it ran.</p>') if report.errors else ""
    root = (f"<p>Documents under <code>{html.escape(report.root)}</code>; paths below start "
            "there.</p>") if report.root else ""
    return (f"<header>\n<h1>Readability report</h1>\n<p>{html.escape(summary_line(report))}"
            f"</p>\n{root}{errors}\n</header>\n<main>\n")


def _overview(report: Report, rule_sets: list[str]) -> str:
    items = "".join(
        f"<li><strong>{html.escape(a.rule_set)}</strong>: {a.documents} "
        f"{'document' if a.documents == 1 else 'documents'}, {a.over_target} above the "
        f"target of grade {a.target:g}; median grade {a.median_grade:.1f}, 90th percentile "
        f"{a.p90_grade:.1f}.</li>" for a in report.audiences)
    charts = "".join(_histogram(report, name, i) for i, name in enumerate(rule_sets))
    return ('<section aria-labelledby="overview-title">\n<h2 id="overview-title">Overview'
            f'</h2>\n<ul>{items or "<li>No document is long enough to grade.</li>"}</ul>\n'
            f'<div class="charts">{charts}</div>\n</section>\n')


def _histogram(report: Report, rule_set: str, index: int) -> str:
    """How many documents of a rule set read at each grade, with the target marked; bars
    above the target are dark and striped, so the chart does not rely on colour alone."""
    rows = [r for r in report.rows if r.graded and (r.rule_set or "") == rule_set]
    grades = [r.grade for r in rows]
    target = next(a.target for a in report.audiences if a.rule_set == rule_set)
    top = int(max(20, math.ceil(target) + 6))
    bins = Counter(min(top, max(0, int(math.floor(g)))) for g in grades)
    width, height, left, bottom, head = 420, 210, 40, 40, 24
    plot_w, plot_h = width - left - 10, height - head - bottom
    most = max(bins.values())
    step = plot_w / (top + 1)
    colour = _COLOURS[index % len(_COLOURS)]
    over = sum(1 for r in rows if r.over_target > 0)  # (as check judges them)
    title = f"{rule_set}: reading grades of {len(grades)} documents"
    parts = [
        f'<figure class="chart"><svg viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="h{index}-t h{index}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="h{index}-t">{html.escape(title)}</title>',
        f'<desc id="h{index}-d">Number of documents at each grade. {over} of {len(grades)} '
        f'read above the target of grade {target:g}; bars past it are drawn dark and '
        'striped.</desc>',
        f'<defs><pattern id="stripes{index}" width="6" height="6" '
        f'patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" '
        f'height="6" fill="{colour}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" '
        'stroke-width="2"/></pattern></defs>']
    for tick in _ticks(most):
        y = head + plot_h * (1 - tick / most)
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'class="grid"/><text x="{left - 6}" y="{y + 4:.1f}" class="axis" '
                     f'text-anchor="end">{tick}</text>')
    for grade in range(top + 1):
        count = bins.get(grade, 0)
        if not count:
            continue
        h = max(1.0, plot_h * count / most)
        above = grade >= target
        label = f"{grade}+" if grade == top else f"{grade} to {grade + 1}"
        fill = f'url(#stripes{index})' if above else "#ffffff"
        parts.append(f'<rect x="{left + grade * step + 1:.1f}" y="{head + plot_h - h:.1f}" '
                     f'width="{step - 2:.1f}" height="{h:.1f}" fill="{fill}" '
                     f'stroke="{colour}" stroke-width="1.2"><title>Grade {label}: {count} '
                     f'{"document" if count == 1 else "documents"}</title></rect>')
    x = left + target * step
    parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{head - 6}" y2="{head + plot_h}" '
                 'class="target"/>'
                 f'<text x="{x + 4:.1f}" y="{head - 8}" class="axis">target {target:g}</text>')
    for grade in range(0, top + 1, 5):
        parts.append(f'<text x="{left + (grade + 0.5) * step:.1f}" y="{head + plot_h + 16}" '
                     f'class="axis" text-anchor="middle">{grade}</text>')
    parts.append(f'<text x="{left}" y="{height - 6}" class="axis">Reading grade '
                 f'(the last bar: {top} and above)</text></svg>')
    return (f'{"".join(parts)}<figcaption><strong>{html.escape(rule_set)}</strong>: '
            f'{len(grades)} documents, {over} above the target (bars past it are dark and '
            'striped; a grade just past it may be within its uncertainty).</figcaption></figure>')


def _ticks(most: int) -> list[int]:
    """A few round numbers from 0 to `most` for the count axis."""
    step = max(1, 10 ** int(math.log10(most))) if most >= 10 else max(1, most // 4 or 1)
    while most / step > 5:
        step *= 2
    return list(range(0, most + 1, step))


def _todo(report: Report) -> str:
    parts = ['<section aria-labelledby="todo-title">\n<h2 id="todo-title">To do across all '
             'the pages</h2>']
    lists = (("undefined", "Terms most often left unexplained",
              "Explain each where it is used. Terms no glossary has are candidates to add."),
             ("unlinked", "Glossary terms most often left without a link",
              "Link each to its glossary entry at its first use."))
    for kind, title, advice in lists:
        terms = report.todo_of(kind)
        if not terms:
            continue
        glossary = kind == "undefined" and any(t.in_glossary is not None for t in terms)
        listed = min(TODO_SHOWN, len(terms))
        counted = ("1 term in all:" if len(terms) == 1 else
                   f"{len(terms)} terms in all; the {listed} used by most documents:")
        parts.append(f"<h3>{title}</h3><p>{advice} {counted}</p>")
        parts.append('<table class="todo"><thead><tr><th scope="col">Term</th>'
                     '<th scope="col">Documents</th>'
                     + ('<th scope="col">In a glossary</th>' if glossary else "")
                     + '<th scope="col">Pages</th></tr></thead><tbody>')
        for t in terms[:TODO_SHOWN]:
            shown = ", ".join(html.escape(_short(p, report.root)) for p in t.pages[:8])
            more = f" and {len(t.pages) - 8} more" if len(t.pages) > 8 else ""
            known = (f"<td>{'yes' if t.in_glossary else 'no: add it?'}</td>"
                     if glossary else "")
            parts.append(f"<tr><td>{html.escape(t.term)}</td><td>{t.documents}</td>{known}"
                         f"<td class=\"pages\">{shown}{more}</td></tr>")
        parts.append("</tbody></table>")
    if len(parts) == 1:
        parts.append("<p>No term is left unexplained or unlinked.</p>")
    parts.append('<p>Every term, with all its pages: <code>readlint report --todo '
                 'terms.csv</code>.</p></section>\n')
    return "".join(parts)


def _short(path: str, root: str) -> str:
    return path[len(root):] if root and path.startswith(root) else path


def _since(progress: Progress, root: str) -> str:
    parts = ['<section aria-labelledby="since-title">\n<h2 id="since-title">Since the last '
             f'report</h2>\n<p>{html.escape(progress_summary(progress))}</p>']
    if not progress.audiences:
        parts.append("<p>No document was long enough to grade, then or now.</p>")
    else:
        parts.append('<table class="since"><caption>Per rule set, then and now</caption>'
                     '<thead><tr><th scope="col">Rule set</th><th scope="col">Documents</th>'
                     '<th scope="col">Above target</th><th scope="col">Median grade</th>'
                     '</tr></thead><tbody>')
    for a in progress.audiences:
        parts.append(f"<tr><td>{html.escape(a.rule_set or '-')}</td>"
                     f"<td>{a.documents_before} → {a.documents_after}</td>"
                     f"<td>{a.over_before} → {a.over_after}</td>"
                     f"<td>{show_grade(a.median_before)} → "
                     f"{show_grade(a.median_after)}</td></tr>")
    if progress.audiences:
        parts.append("</tbody></table>")
    for status, title in CHANGE_LISTS:
        found = progress.of(status)
        if not found:
            continue
        parts.append(f"<h3>{title} ({len(found)})</h3><ul>")
        for d in found[:15]:
            parts.append(f"<li><code>{html.escape(_short(d.path, root))}</code>: grade "
                         f"{show_grade(d.grade_before)} → {show_grade(d.grade_after)}, "
                         f"problems {show_count(d.problems_before)} → "
                         f"{show_count(d.problems_after)}</li>")
        if len(found) > 15:
            parts.append(f"<li>and {len(found) - 15} more (filter the table by change)</li>")
        parts.append("</ul>")
    parts.append("</section>\n")
    return "".join(parts)


FORMAT = Format("html", "one offline page with charts, a table and each document's marked "
                "text (report only)", report=write_report)
