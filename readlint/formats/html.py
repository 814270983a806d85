"""The report as one self-contained HTML page: no network, inline CSS, JavaScript and SVG.

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
    out.write(_PAGE_HEAD.format(css=_CSS))
    out.write(_header(report))
    out.write(_overview(report, rule_sets))
    if report.since is not None:
        out.write(_since(report.since, report.root))
    out.write(_todo(report))
    out.write(_DOCUMENTS.format(
        rule_set_options=_options(rule_sets), folder_options=_options(folders),
        rule_options=_options(codes),
        change_filter=_CHANGE_FILTER if report.since else "",
        change_column=('<th scope="col" aria-sort="none"><button type="button" '
                       'data-key="change">Change</button></th>') if report.since else ""))
    from ..difficulty import REWRITE_FROM, REWRITE_SHOWN

    out.write(_DOCUMENT_VIEW.replace("{hardest_shown}", str(REWRITE_SHOWN))
              .replace("{hardest_from}", f"{REWRITE_FROM:g}"))
    out.write(f'<footer>Made by readlint {html.escape(options.version)}. This page works '
              'offline.</footer>\n</main>\n')
    # The table's data and the script first, so the table is drawn while the browser still
    # reads the packed views; the script looks at them once the page has been read.
    out.write(f'<script type="application/json" id="data">{_json(data)}</script>\n')
    out.write(f"<script>{_SCRIPT}</script>\n")
    table = []
    for number, (first, last, packed) in enumerate(_chunks(report.each_view())):
        out.write(f'<script type="application/octet-stream" id="chunk-{number}">{packed}'
                  '</script>\n')
        table.append([first, last])
    out.write(f'<script type="application/json" id="chunks">{_json(table)}</script>\n'
              "</body>\n</html>\n")


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
           r.grade_target, shown_score(r.difficulty), r.graded, r.over_target > 0, r.long_sentences, r.undefined_terms,
           r.missing_links, r.problems, formulas.setdefault(r.formula_label, len(formulas)),
           r.by_rule, r.order if r.described else -1]
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
    grades = [r.grade for r in report.rows if r.graded and (r.rule_set or "") == rule_set]
    target = next(a.target for a in report.audiences if a.rule_set == rule_set)
    top = int(max(20, math.ceil(target) + 6))
    bins = Counter(min(top, max(0, int(math.floor(g)))) for g in grades)
    width, height, left, bottom, head = 420, 210, 40, 40, 24
    plot_w, plot_h = width - left - 10, height - head - bottom
    most = max(bins.values())
    step = plot_w / (top + 1)
    colour = _COLOURS[index % len(_COLOURS)]
    over = sum(1 for g in grades if g > target)
    title = f"{rule_set}: reading grades of {len(grades)} documents"
    parts = [
        f'<figure class="chart"><svg viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="h{index}-t h{index}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="h{index}-t">{html.escape(title)}</title>',
        f'<desc id="h{index}-d">Number of documents at each grade. {over} of {len(grades)} '
        f'are above the target of grade {target:g}, drawn dark and striped.</desc>',
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
            f'{len(grades)} documents, {over} above the target (dark, striped bars).'
            '</figcaption></figure>')


def _ticks(most: int) -> list[int]:
    """A few round numbers from 0 to `most` for the count axis."""
    step = max(1, 10 ** int(math.log10(most))) if most >= 10 else max(1, most // 4 or 1)
    while most / step > 5:
        step *= 2
    return list(range(0, most + 1, step))


def _todo(report: Report) -> str:
    parts = ['<section aria-labelledby="todo-title">\n<h2 id="todo-title">To do across the '
             'corpus</h2>']
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




_CSS = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8c8c8;
  --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--ink); background: #fff; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin: 1rem 0 0.25rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; }
a, button.link { color: var(--accent); }
:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
figure { margin: 0; } svg { max-width: 100%; height: auto; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
  gap: 1rem; }
.chart figcaption { font-size: 0.9rem; color: var(--muted); }
.grid { stroke: #e3e3e3; } .target { stroke: #1b1b1b; stroke-dasharray: 5 3;
  stroke-width: 2; }
.axis { font-size: 12px; fill: var(--muted); }
.filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: end; margin: 0.5rem 0; }
.filters label { display: flex; flex-direction: column; font-size: 0.9rem; }
.filters label.check { flex-direction: row; gap: 0.4rem; align-items: center; }
input, select, button { font: inherit; }
input, select { padding: 0.25rem 0.4rem; border: 1px solid #767676; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); text-align: right; }
#docs { table-layout: fixed; }
#docs th:first-child { width: 34%; }
th:first-child, td:first-child, #docs th:nth-child(2), #docs td:nth-child(2),
table.todo td:last-child, table.todo th:last-child { text-align: left; }
#docs td:first-child { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
table.todo td.pages { font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
th button { font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer;
  color: var(--ink); }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td .over { font-weight: 700; color: #9c1c1c; }
button.link { background: none; border: 0; padding: 0; cursor: pointer;
  text-decoration: underline; text-align: left; }
.pager { display: flex; gap: 1rem; align-items: center; margin: 0.5rem 0; }
.columns { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 1.5rem; }
@media (max-width: 800px) { .columns { grid-template-columns: 1fr; } }
#prose p, #prose li { margin: 0.4rem 0; }
#prose .line { color: var(--muted); font-size: 0.8rem; margin-right: 0.4rem; }
.s-long { border-bottom: 3px double #6b5200; }
.s-hard { background: #ffe2d4; }
.f-term, .f-link, .f-plain { color: var(--ink); padding: 0 2px; border-radius: 2px; }
.f-term { background: #d9ecff; outline: 2px dashed #174b80; outline-offset: -1px; }
.f-link { background: #dff3dc; border-bottom: 3px solid #1e6b1e; }
.f-plain { background: #f1e4ff; text-decoration: underline wavy #5b2d8a;
  text-underline-offset: 3px; }
/* The tags are drawn by CSS, so they never mix with the document's words when copied. */
[data-tag]::after { content: attr(data-tag); font-size: 0.7rem; font-weight: 700;
  vertical-align: super; margin: 0 2px; padding: 0 3px; border: 1px solid currentColor;
  border-radius: 3px; background: #fff; line-height: 1; }
.tag { cursor: help; }
.tag-long { color: #6b5200; } .tag-hard { color: #8f2d00; }
.f-term::after { color: #174b80; } .f-link::after { color: #1e6b1e; }
.f-plain::after { color: #5b2d8a; text-decoration: none; display: inline-block; }
.legend { list-style: none; display: flex; gap: 0.6rem 1.4rem; padding: 0; flex-wrap: wrap; }
.finder { display: flex; gap: 0.8rem; align-items: center; flex-wrap: wrap; }
#tip { position: absolute; z-index: 10; max-width: 28rem; padding: 0.4rem 0.6rem;
  background: #1b1b1b; color: #fff; font-size: 0.9rem; border-radius: 4px;
  pointer-events: none; }
aside ol { padding-left: 1.2rem; } aside li { margin-bottom: 0.5rem; overflow-wrap: anywhere; }
.note { font-size: 0.9rem; color: var(--muted); margin: 0 0 0.4rem; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 0.75rem; }
footer { color: var(--muted); font-size: 0.85rem; margin: 2rem 0; }
"""

_PAGE_HEAD = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Readability report</title>
<style>{css}</style>
</head>
<body>
"""

_CHANGE_FILTER = """<label>Change since the last report <select id="status">
<option value="">All</option><option value="worse">Worse</option>
<option value="better">Better</option><option value="same">The same</option>
<option value="new">New</option></select></label>"""

_DOCUMENTS = """<section aria-labelledby="documents-title">
<h2 id="documents-title">Documents</h2>
<form class="filters" onsubmit="return false">
<label>Find a document <input id="filter" type="search" autocomplete="off"></label>
<label>Audience (rule set) <select id="ruleset"><option value="">All</option>{rule_set_options}</select></label>
<label>Folder <select id="folder"><option value="">All</option>{folder_options}</select></label>
<label>With a problem from rule <select id="rule"><option value="">Any</option>{rule_options}</select></label>
{change_filter}
<label class="check"><input id="over" type="checkbox"> Only documents above target</label>
</form>
<p id="shown" aria-live="polite"></p>
<table id="docs">
<caption>Documents with their reading grade against their audience's target, and their
difficulty score (0 plain to 100 hard, from their sentences). Choose a column heading to
sort; choose a document to see its text.</caption>
<thead><tr>
<th scope="col" aria-sort="none"><button type="button" data-key="path">Document</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="audience">Audience</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="words">Words</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="grade">Grade</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="target">Target</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="difficulty">Difficulty</button></th>
{change_column}
<th scope="col" aria-sort="none"><button type="button" data-key="long">Long sentences</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="terms">Undefined terms</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="links">Missing links</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="problems">Problems</button></th>
</tr></thead>
<tbody></tbody>
</table>
<nav class="pager" aria-label="Pages of the table">
<button type="button" id="prev-page">Previous page</button>
<span id="page-number"></span>
<button type="button" id="next-page">Next page</button>
</nav>
</section>
"""

_DOCUMENT_VIEW = """<section id="doc-view" aria-labelledby="doc-title" hidden>
<h2 id="doc-title" tabindex="-1"></h2>
<p id="doc-facts"></p>
<ul class="legend" id="legend" aria-label="What the marks mean">
<li><span class="s-hard">hardest sentences, with their difficulty score</span><span class="tag tag-hard" data-tag="hard"></span></li>
<li><span class="s-long">long sentence</span><span class="tag tag-long" data-tag="long"></span></li>
<li><mark class="f-term" data-tag="explain">undefined term</mark></li>
<li><mark class="f-link" data-tag="link">missing glossary link</mark></li>
<li><mark class="f-plain" data-tag="plain">plainer word exists</mark></li>
</ul>
<div class="finder">
<button type="button" id="prev-finding">Previous finding</button>
<button type="button" id="next-finding">Next finding</button>
<span id="finding-number" aria-live="polite"></span>
<span class="hint">Keys: n next, p previous. Point at or focus a mark to read its message.</span>
</div>
<div class="columns">
<div id="prose"></div>
<aside aria-label="Hardest sentences and problems"><h3 id="hardest-title">Hardest sentences</h3>
<p class="note">The first to rewrite: up to {hardest_shown} a page, scoring {hardest_from} or more of 100.</p>
<ol id="hardest" aria-labelledby="hardest-title"></ol>
<h3 id="problems-title">Problems</h3><ol id="problems" aria-labelledby="problems-title"></ol></aside>
</div>
<div id="tip" role="tooltip" hidden></div>
</section>
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var chunks = null;  // [first row number, last] of each packed block, read with the page
  var docs = data.documents.map(function (values, i) {
    var d = {index: i};
    data.columns.forEach(function (key, k) { if (k < values.length) d[key] = values[k]; });
    d.full = data.root + d.path;
    d.folder = d.path.indexOf("/") >= 0 ? d.path.split("/")[0] : ".";
    d.formula = data.formulas[d.formula];
    return d;
  });
  var tbody = document.querySelector("#docs tbody");
  var sortKey = null, sortDir = 1, page = 0, PAGE = 100;
  var findings = [], current = -1, tipOwner = null;
  var tip = document.getElementById("tip");
  var KIND_WORDS = {term: ["Undefined term", "explain"], link: ["Missing glossary link", "link"],
                    plain: ["Plainer word", "plain"]};

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function value(id) {
    var node = document.getElementById(id);
    return node ? (node.type === "checkbox" ? node.checked : node.value) : "";
  }

  function visible() {
    var needle = value("filter").toLowerCase(), ruleSet = value("ruleset");
    var folder = value("folder"), rule = value("rule"), status = value("status");
    var overOnly = value("over");
    return docs.filter(function (d) {
      return (!needle || d.full.toLowerCase().indexOf(needle) >= 0) &&
        (!ruleSet || d.ruleSet === ruleSet) && (!folder || d.folder === folder) &&
        (!rule || d.rules[rule]) && (!status || d.status === status) &&
        (!overOnly || d.over);
    });
  }

  function shortSentence(text) {
    return text.length <= 90 ? text : text.slice(0, 89).replace(/\s+\S*$/, "") + "…";
  }
  function shortPath(path) {
    return path.length <= 64 ? path : path.slice(0, 22) + "…" + path.slice(-41);
  }

  function draw() {
    var rows = visible();
    if (sortKey) {
      rows.sort(function (a, b) {
        var x = a[sortKey], y = b[sortKey];
        if (typeof x === "string") return sortDir * x.localeCompare(y);
        return sortDir * ((x || 0) - (y || 0));
      });
    }
    var pages = Math.max(1, Math.ceil(rows.length / PAGE));
    page = Math.min(page, pages - 1);
    tbody.textContent = "";
    var fragment = document.createDocumentFragment();
    rows.slice(page * PAGE, (page + 1) * PAGE).forEach(function (d) {
      var tr = el("tr");
      var first = el("td");
      var open = el("button", shortPath(d.path), "link");
      open.type = "button";
      open.title = d.full;
      open.setAttribute("aria-label", d.full);
      open.addEventListener("click", function () { show(d); });
      first.appendChild(open);
      tr.appendChild(first);
      tr.appendChild(el("td", d.audience || "(" + d.ruleSet + ")"));
      tr.appendChild(el("td", d.words));
      var grade = el("td");
      grade.appendChild(el("span", d.grade.toFixed(1) + (d.graded ? "" : " (short)"),
                           d.over ? "over" : ""));
      if (d.over) grade.appendChild(el("span", " above", "over"));
      tr.appendChild(grade);
      tr.appendChild(el("td", d.target));
      tr.appendChild(el("td", d.difficulty === null ? "–" : d.difficulty));
      if (data.compared) {
        var word = {worse: "worse", better: "better", same: "", "new": "new"}[d.status] || "";
        var delta = d.change ? (d.change > 0 ? "+" : "") + d.change.toFixed(1) + " " : "";
        tr.appendChild(el("td", (delta + word).trim()));
      }
      ["long", "terms", "links", "problems"].forEach(function (k) {
        tr.appendChild(el("td", d[k]));
      });
      fragment.appendChild(tr);
    });
    tbody.appendChild(fragment);
    document.getElementById("shown").textContent = "Showing " + rows.length + " of " +
      docs.length + " documents" + (rows.length ? "" : ": no document matches.") + ".";
    document.getElementById("page-number").textContent = "Page " + (page + 1) + " of " + pages;
    document.getElementById("prev-page").disabled = page === 0;
    document.getElementById("next-page").disabled = page >= pages - 1;
  }

  document.querySelectorAll("#docs th button").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-key");
      sortDir = (sortKey === key) ? -sortDir : (key === "path" || key === "audience" ? 1 : -1);
      sortKey = key;
      document.querySelectorAll("#docs th").forEach(function (th) {
        th.setAttribute("aria-sort", "none");
      });
      button.parentNode.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      page = 0;
      draw();
    });
  });
  // The search box redraws as one types; the lists and the box on change. (Not the search
  // box on change: that comes when it loses focus, and would redraw the table under the
  // pointer in the middle of a click.)
  ["filter", "ruleset", "folder", "rule", "status", "over"].forEach(function (id) {
    var node = document.getElementById(id);
    if (!node) return;
    node.addEventListener(id === "filter" ? "input" : "change", function () {
      page = 0; draw();
    });
  });
  document.getElementById("prev-page").addEventListener("click", function () {
    page -= 1; draw();
  });
  document.getElementById("next-page").addEventListener("click", function () {
    page += 1; draw();
  });

  // A finding: a mark or a sentence's tag that keyboard users can reach and that tells its
  // message on hover and on focus.
  function finding(node, message) {
    node.tabIndex = 0;
    node.setAttribute("data-message", message);
    node.setAttribute("aria-label", message);
    node.addEventListener("focus", function () {
      current = findings.indexOf(node); showTip(node); count();
    });
    node.addEventListener("blur", hideTip);
    node.addEventListener("mouseenter", function () { showTip(node); });
    node.addEventListener("mouseleave", function () {
      if (tipOwner !== node) return;
      var focused = findings.indexOf(document.activeElement) >= 0 ? document.activeElement : null;
      if (focused) showTip(focused); else hideTip();
    });
    findings.push(node);
    return node;
  }
  function showTip(node) {
    tipOwner = node;
    tip.textContent = node.getAttribute("data-message");
    tip.hidden = false;
    var box = node.getBoundingClientRect();
    tip.style.left = Math.max(4, box.left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }
  function hideTip() { tip.hidden = true; tipOwner = null; }
  function count() {
    var total = findings.length;
    document.getElementById("finding-number").textContent = !total ?
      "No findings in the text." : current < 0 ?
      total + (total === 1 ? " finding" : " findings") + " in the text." :
      "Finding " + (current + 1) + " of " + total;
  }
  function step(by) {
    if (!findings.length) return;
    current = current < 0 && by < 0 ? findings.length - 1 :
      (current + by + findings.length) % findings.length;
    findings[current].focus();
    findings[current].scrollIntoView({block: "center"});
  }
  document.getElementById("next-finding").addEventListener("click", function () { step(1); });
  document.getElementById("prev-finding").addEventListener("click", function () { step(-1); });
  document.addEventListener("keydown", function (event) {
    var target = event.target.tagName;
    if (document.getElementById("doc-view").hidden || event.ctrlKey || event.metaKey ||
        event.altKey || target === "INPUT" || target === "SELECT" || target === "TEXTAREA") {
      return;
    }
    if (event.key === "n") { step(1); event.preventDefault(); }
    if (event.key === "p") { step(-1); event.preventDefault(); }
  });

  // A block is [kind, level, line, text, sentences, marks]; a sentence [start, end, words,
  // index of its long-sentence problem or -1, its place among the page's hardest (1: the
  // hardest; 0: not among them), difficulty score, reasons] (only those marked); a mark
  // [start, end, problem index, kind]; a problem [line, column, code, rule, severity,
  // message].
  var PLACES = ["", "", "second ", "third ", "fourth ", "fifth "];
  function renderBlock(block, problems, byProblem, hardest) {
    var kind = block[0], text = block[3], sentences = block[4], marks = block[5];
    var tag = kind === "heading" ? "h" + Math.min(6, block[1] + 3) :
      (kind === "list_item" ? "li" : "p");
    var node = el(tag);
    node.appendChild(el("span", "line " + block[2], "line"));
    var pieces = [];  // [start, end, sentence or null]
    var at = 0;
    sentences.forEach(function (s) {
      if (s[0] > at) pieces.push([at, s[0], null]);
      pieces.push([s[0], s[1], s]);
      at = s[1];
    });
    if (at < text.length) pieces.push([at, text.length, null]);
    pieces.forEach(function (piece) {
      var s = piece[2], marked = s && (s[3] >= 0 || s[4]);
      var holder = marked ? el("span", null, (s[4] ? "s-hard " : "") + (s[3] >= 0 ? "s-long" : ""))
        : node;
      var cursor = piece[0];
      marks.forEach(function (m) {
        var a = Math.max(m[0], cursor), b = Math.min(m[1], piece[1]);
        if (b <= a) return;
        if (a > cursor) holder.appendChild(document.createTextNode(text.slice(cursor, a)));
        var words = KIND_WORDS[m[3]] || ["Finding", "?"];
        var mark = el("mark", text.slice(a, b), "f-" + m[3]);
        finding(mark, words[0] + ": " + problems[m[2]][5]);
        byProblem[m[2]] = byProblem[m[2]] || mark;
        mark.setAttribute("data-tag", words[1]);
        holder.appendChild(mark);
        cursor = b;
      });
      if (cursor < piece[1]) holder.appendChild(document.createTextNode(text.slice(cursor, piece[1])));
      if (marked) {
        node.appendChild(holder);
        var said = [];
        if (s[4]) {
          said.push("Hard sentence: difficulty " + s[5] + " of 100, the page's " +
                    (s[4] < PLACES.length ? PLACES[s[4]] : s[4] + "th ") + "hardest." + (s[6].length ?
                    " What makes it hard, the heaviest first: " + s[6].join("; ") + "." : ""));
        }
        if (s[3] >= 0) said.push("Long sentence: " + problems[s[3]][5]);
        var label = el("span", null, "tag " + (s[4] ? "tag-hard" : "tag-long"));
        label.setAttribute("data-tag", (s[4] ? "hard " + s[5] : "") + (s[4] && s[3] >= 0 ? ", " : "") +
                           (s[3] >= 0 ? "long" : ""));
        finding(label, said.join(" "));
        if (s[3] >= 0) byProblem[s[3]] = byProblem[s[3]] || label;
        if (s[4]) hardest[s[4] - 1] = [label, s[5], text.slice(s[0], s[1])];
        node.appendChild(label);
      }
    });
    return node;
  }

  // Documents' views are packed in compressed blocks; a block is unpacked when one of its
  // documents is opened, and the last few unpacked are kept.
  var unpacked = {}, kept = [], KEEP = 6, opening = 0;
  var EMPTY = {blocks: [], problems: []};
  function chunkOf(at) {
    var low = 0, high = chunks.length - 1;
    while (low <= high) {
      var mid = (low + high) >> 1;
      if (at < chunks[mid][0]) high = mid - 1;
      else if (at > chunks[mid][1]) low = mid + 1;
      else return mid;
    }
    return -1;
  }
  function unpack(n) {
    if (!unpacked[n]) {
      var text = atob(document.getElementById("chunk-" + n).textContent);
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
      unpacked[n] = new Response(stream).text().then(function (json) {
        var found = {};
        JSON.parse(json).forEach(function (item) { found[item[0]] = item[1]; });
        return found;
      });
      kept.push(n);
      if (kept.length > KEEP) delete unpacked[kept.shift()];
    }
    return unpacked[n];
  }
  function pageRead() {
    return new Promise(function (done) {
      if (document.readyState !== "loading") done();
      else document.addEventListener("DOMContentLoaded", function () { done(); });
    });
  }
  function detailOf(d) {
    return pageRead().then(function () {
      if (!chunks) chunks = JSON.parse(document.getElementById("chunks").textContent);
      var n = d.at >= 0 ? chunkOf(d.at) : -1;
      if (n < 0) return EMPTY;
      if (typeof DecompressionStream === "undefined") {
        throw new Error("no DecompressionStream");
      }
      return unpack(n).then(function (found) { return found[d.at] || EMPTY; });
    });
  }

  function show(d) {
    var view = document.getElementById("doc-view");
    var ticket = ++opening;
    document.getElementById("doc-title").textContent = d.full;
    document.getElementById("doc-facts").textContent = "Audience " +
      (d.audience || "not given, so checked as " + d.ruleSet) + " (rule set " + d.ruleSet +
      "), " + d.words + " words, grade " + d.grade.toFixed(1) + " by " + d.formula +
      " against a target of " + d.target + (d.difficulty === null ? "" :
      ", difficulty " + d.difficulty + " of 100") + ".";
    var prose = document.getElementById("prose");
    var problems = document.getElementById("problems");
    prose.textContent = "Opening the document…";
    problems.textContent = "";
    findings = []; current = -1; hideTip(); count();
    view.setAttribute("aria-busy", "true");
    view.hidden = false;
    document.getElementById("doc-title").focus();
    detailOf(d).then(function (detail) {
      if (ticket === opening) render(d, detail);
    }, function () {
      if (ticket !== opening) return;
      prose.textContent = "This browser cannot unpack the document's text. Open the page " +
        "in a recent version of Chrome, Edge, Firefox or Safari.";
      view.setAttribute("aria-busy", "false");
    });
  }

  function render(d, detail) {
    var view = document.getElementById("doc-view");
    var prose = document.getElementById("prose");
    prose.textContent = "";
    findings = []; current = -1; hideTip();
    var list = null, byProblem = {}, hardest = [];
    detail.blocks.forEach(function (block) {
      var node = renderBlock(block, detail.problems, byProblem, hardest);
      if (block[0] === "list_item") {
        if (!list) { list = el("ul"); prose.appendChild(list); }
        list.appendChild(node);
      } else {
        list = null;
        prose.appendChild(node);
      }
    });
    var hard = document.getElementById("hardest");
    hard.textContent = "";
    hardest.forEach(function (h) {
      if (!h) return;
      var li = el("li");
      var go = el("button", "difficulty " + h[1] + ":", "link");
      go.type = "button";
      go.addEventListener("click", function () {
        h[0].focus(); h[0].scrollIntoView({block: "center"});
      });
      li.appendChild(go);
      li.appendChild(el("span", " " + shortSentence(h[2])));
      hard.appendChild(li);
    });
    if (!hard.children.length) hard.appendChild(el("li", "None: no sentence scores that high."));
    var problems = document.getElementById("problems");
    problems.textContent = "";
    detail.problems.forEach(function (p, i) {
      var li = el("li");
      li.appendChild(el("span", p[4], "sev"));
      var where = " line " + p[0] + ", column " + p[1] + " (" + p[2] + " " + p[3] + "): ";
      if (byProblem[i]) {
        var go = el("button", where, "link");
        go.type = "button";
        go.addEventListener("click", function () {
          byProblem[i].focus(); byProblem[i].scrollIntoView({block: "center"});
        });
        li.appendChild(go);
      } else {
        li.appendChild(el("span", where));
      }
      li.appendChild(el("span", p[5]));
      problems.appendChild(li);
    });
    if (!problems.children.length) problems.appendChild(el("li", "No problems."));
    count();
    view.setAttribute("aria-busy", "false");
  }

  draw();
})();
"""


FORMAT = Format("html", "one offline page with charts, a table and each document's marked "
                "text (report only)", report=write_report)
