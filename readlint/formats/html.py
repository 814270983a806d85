"""The report as one self-contained HTML page: no network, inline CSS, JavaScript and SVG.

Document text travels as JSON inside the page (every "<" escaped) and is put on screen with
textContent only, so nothing in a document can run as code. The table and the document view
are drawn by the page's script from that data, on demand, so large corpora open quickly.
"""

from __future__ import annotations

import html
import json
from typing import Any, TextIO

from ..report.model import Report, summary_line
from .base import Format, FormatOptions

_SHAPES = ("circle", "square", "diamond", "triangle")
_COLOURS = ("#1f5fa8", "#a3480f", "#2d6e2d", "#6a3d9a")  # 4.5:1 or better on white


def write_report(report: Report, out: TextIO, options: FormatOptions) -> None:
    out.write(render(report, options.version))


def render(report: Report, version: str) -> str:
    rule_sets = [a.rule_set for a in report.audiences]
    # Messages repeat across documents ("... is in the NCI Dictionary ..."): keep each once.
    messages: dict[str, int] = {}
    documents = []
    for r in report.rows:
        row = _row(r)
        if r.view is not None:
            problems = [[*p[:5], messages.setdefault(p[5], len(messages))]
                        for p in r.view["problems"]]
            row["view"] = {"blocks": r.view["blocks"], "problems": problems}
        documents.append(row)
    data = {"version": version, "ruleSets": rule_sets, "documents": documents,
            "messages": list(messages)}
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    audiences = "".join(
        f"<li><strong>{html.escape(a.rule_set)}</strong>: {a.documents} "
        f"document{'' if a.documents == 1 else 's'}, "
        f"{a.over_target} above the target of grade {a.target:g}; median grade "
        f"{a.median_grade:.1f}, 90th percentile {a.p90_grade:.1f}.</li>"
        for a in report.audiences)
    terms = ", ".join(f"{html.escape(t)} ({n})" for t, n in report.top_terms)
    options = "".join(f'<option value="{html.escape(r)}">{html.escape(r)}</option>'
                      for r in rule_sets)
    return _PAGE.format(
        summary=html.escape(summary_line(report)),
        audiences=audiences or "<li>No documents could be graded.</li>",
        terms=f"<p>Most frequent undefined terms (documents): {terms}</p>" if terms else "",
        chart=_chart(report, rule_sets),
        options=options,
        payload=payload,
        version=html.escape(version),
        css=_CSS,
        script=_SCRIPT,
        errors=(f"<p role=\"status\">{len(report.errors)} files could not be read.</p>"
                if report.errors else ""),
    )


def _row(r: Any) -> dict[str, Any]:
    return {
        "path": r.path, "audience": r.audience or "", "ruleSet": r.rule_set or "",
        "words": r.words, "grade": round(r.grade, 1), "target": r.grade_target,
        "graded": r.graded, "over": r.over_target > 0, "long": r.long_sentences,
        "terms": r.undefined_terms, "links": r.missing_links, "problems": r.problems,
        "formula": r.formula_label,
    }


def _chart(report: Report, rule_sets: list[str]) -> str:
    rows = sorted((r for r in report.rows if r.graded), key=lambda r: r.grade)
    if not rows:
        return "<p>No document is long enough to grade.</p>"
    width, height, left, bottom, top = 900, 320, 48, 36, 16
    top_grade = max(20.0, min(30.0, max(r.grade for r in rows) + 1))
    plot_w, plot_h = width - left - 16, height - top - bottom

    def y(grade: float) -> float:
        return top + plot_h * (1 - max(0.0, min(grade, top_grade)) / top_grade)

    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title '
             f'chart-desc" xmlns="http://www.w3.org/2000/svg">',
             '<title id="chart-title">Reading grade of each document</title>',
             f'<desc id="chart-desc">{len(rows)} documents ordered by grade, from '
             f'{rows[0].grade:.1f} to {rows[-1].grade:.1f}. Dashed lines are the target '
             'grades of the rule sets; filled marks are above their target.</desc>']
    for grade in range(0, int(top_grade) + 1, 5):
        parts.append(f'<line x1="{left}" x2="{width - 16}" y1="{y(grade):.1f}" '
                     f'y2="{y(grade):.1f}" class="grid"/><text x="{left - 8}" '
                     f'y="{y(grade) + 4:.1f}" class="axis" text-anchor="end">{grade}</text>')
    for i, name in enumerate(rule_sets):
        target = next(a.target for a in report.audiences if a.rule_set == name)
        colour = _COLOURS[i % len(_COLOURS)]
        parts.append(f'<line x1="{left}" x2="{width - 16}" y1="{y(target):.1f}" '
                     f'y2="{y(target):.1f}" stroke="{colour}" class="target"/>'
                     f'<text x="{width - 18}" y="{y(target) - 4:.1f}" text-anchor="end" '
                     f'fill="{colour}" class="axis">{html.escape(name)} target {target:g}'
                     '</text>')
    step = plot_w / max(1, len(rows) - 1)
    radius = 4 if len(rows) < 200 else 2
    for i, r in enumerate(rows):
        k = rule_sets.index(r.rule_set or "") if (r.rule_set or "") in rule_sets else 0
        colour = _COLOURS[k % len(_COLOURS)]
        fill = colour if r.over_target > 0 else "#ffffff"
        parts.append(_mark(_SHAPES[k % len(_SHAPES)], left + i * step, y(r.grade), radius,
                           colour, fill, f"{r.path}: grade {r.grade:.1f}, target "
                           f"{r.grade_target:g}"))
    parts.append(f'<text x="{left}" y="{height - 8}" class="axis">Documents, easiest to '
                 'hardest</text></svg>')
    legend = "".join(
        f'<li><svg width="14" height="14" aria-hidden="true">'
        f'{_mark(_SHAPES[i % len(_SHAPES)], 7, 7, 5, _colour(i), _colour(i), "")}'
        f'</svg> {html.escape(name)}</li>' for i, name in enumerate(rule_sets))
    return (f'<figure>{"".join(parts)}<figcaption><ul class="legend">{legend}<li>filled: '
            'above target; hollow: at or below it</li></ul></figcaption></figure>')


def _colour(i: int) -> str:
    return _COLOURS[i % len(_COLOURS)]


def _mark(shape: str, x: float, y: float, r: float, stroke: str, fill: str, label: str) -> str:
    title = f"<title>{html.escape(label)}</title>" if label else ""
    style = f'stroke="{stroke}" fill="{fill}" stroke-width="1.2"'
    if shape == "square":
        return (f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" '
                f'{style}>{title}</rect>')
    if shape == "diamond":
        pts = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"
        return f'<polygon points="{pts}" {style}>{title}</polygon>'
    if shape == "triangle":
        pts = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y + r:.1f} {x - r:.1f},{y + r:.1f}"
        return f'<polygon points="{pts}" {style}>{title}</polygon>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" {style}>{title}</circle>'


_CSS = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8c8c8;
  --accent: #1f5fa8; --long: #fff2b3; --hard: #ffd9cc; --term: #d6ecff; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--ink); background: #fff; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin: 1rem 0 0.25rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
a, button.link { color: var(--accent); }
:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
figure { margin: 0; } svg { max-width: 100%; height: auto; }
.grid { stroke: #e3e3e3; } .target { stroke-dasharray: 6 4; stroke-width: 1.5; }
.axis { font-size: 12px; fill: var(--muted); }
.legend { list-style: none; display: flex; gap: 1.2rem; padding: 0; flex-wrap: wrap;
  color: var(--muted); }
.filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: end; margin: 0.5rem 0; }
.filters label { display: flex; flex-direction: column; font-size: 0.9rem; }
.filters label.check { flex-direction: row; gap: 0.4rem; align-items: center; }
input, select { font: inherit; padding: 0.25rem 0.4rem; border: 1px solid #767676; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); text-align: right; }
th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: left; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0;
  cursor: pointer; color: var(--ink); }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td .over { font-weight: 700; color: #9c1c1c; }
button.link { background: none; border: 0; padding: 0; font: inherit; cursor: pointer;
  text-decoration: underline; text-align: left; word-break: break-all; }
.columns { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 1.5rem; }
@media (max-width: 800px) { .columns { grid-template-columns: 1fr; } }
#prose p, #prose li { margin: 0.4rem 0; }
#prose .line { color: var(--muted); font-size: 0.8rem; margin-right: 0.4rem; }
.s-long { background: var(--long); border-bottom: 2px dotted #7a5c00; }
.s-hard { background: var(--hard); border-bottom: 2px solid #8f2d00; }
mark { background: var(--term); color: inherit; border-bottom: 2px dashed #174b80;
  padding: 0 1px; }
.tag { font-size: 0.7rem; font-weight: 700; vertical-align: super; margin-left: 1px; }
.key span { padding: 0 0.3rem; margin-right: 0.8rem; }
aside ol { padding-left: 1.2rem; } aside li { margin-bottom: 0.5rem; overflow-wrap: anywhere; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 0.75rem; }
footer { color: var(--muted); font-size: 0.85rem; margin: 2rem 0; }
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var docs = data.documents, messages = data.messages;
  var tbody = document.querySelector("#docs tbody");
  var sortKey = null, sortDir = 1;
  var columns = ["path", "audience", "words", "grade", "target", "long", "terms", "links",
                 "problems"];

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function visible() {
    var needle = document.getElementById("filter").value.toLowerCase();
    var ruleSet = document.getElementById("ruleset").value;
    var overOnly = document.getElementById("over").checked;
    return docs.filter(function (d) {
      return (!needle || d.path.toLowerCase().indexOf(needle) >= 0) &&
        (!ruleSet || d.ruleSet === ruleSet) && (!overOnly || d.over);
    });
  }

  function draw() {
    var rows = visible();
    if (sortKey) {
      rows.sort(function (a, b) {
        var x = a[sortKey], y = b[sortKey];
        if (typeof x === "string") return sortDir * x.localeCompare(y);
        return sortDir * (x - y);
      });
    }
    tbody.textContent = "";
    var fragment = document.createDocumentFragment();
    rows.forEach(function (d) {
      var tr = el("tr");
      var first = el("td");
      var open = el("button", d.path, "link");
      open.type = "button";
      open.addEventListener("click", function () { show(d); });
      first.appendChild(open);
      tr.appendChild(first);
      tr.appendChild(el("td", d.audience || "-"));
      tr.appendChild(el("td", d.words));
      var grade = el("td");
      grade.appendChild(el("span", d.grade.toFixed(1) + (d.graded ? "" : " (short)"),
                           d.over ? "over" : ""));
      if (d.over) grade.appendChild(el("span", " above", "over"));
      tr.appendChild(grade);
      tr.appendChild(el("td", d.target));
      tr.appendChild(el("td", d.long));
      tr.appendChild(el("td", d.terms));
      tr.appendChild(el("td", d.links));
      tr.appendChild(el("td", d.problems));
      fragment.appendChild(tr);
    });
    tbody.appendChild(fragment);
    document.getElementById("shown").textContent =
      "Showing " + rows.length + " of " + docs.length + " documents.";
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
      draw();
    });
  });
  ["filter", "ruleset", "over"].forEach(function (id) {
    document.getElementById(id).addEventListener("input", draw);
    document.getElementById(id).addEventListener("change", draw);
  });

  // A block is [kind, level, line, text, sentences, marks]; a sentence [start, end, words,
  // grade, long, hard]; a mark [start, end, problem index]; a problem [line, column, code,
  // rule, severity, message index].
  function renderBlock(block, problems) {
    var kind = block[0], sentences = block[4], marks = block[5], text = block[3];
    var tag = kind === "heading" ? "h" + Math.min(6, block[1] + 3) :
      (kind === "list_item" ? "li" : "p");
    var node = el(tag);
    node.appendChild(el("span", "line " + block[2], "line"));
    var cuts = [0, text.length];
    sentences.forEach(function (s) { cuts.push(s[0], s[1]); });
    marks.forEach(function (m) { cuts.push(m[0], m[1]); });
    cuts = cuts.filter(function (c, i, all) { return all.indexOf(c) === i; })
      .sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var piece = text.slice(a, b);
      var sentence = sentences.filter(function (s) { return s[0] <= a && b <= s[1]; })[0];
      var mark = marks.filter(function (m) { return m[0] <= a && b <= m[1]; })[0];
      var span = mark ? el("mark", piece) : el("span", piece);
      if (mark) span.title = messages[problems[mark[2]][5]];
      if (sentence && (sentence[4] || sentence[5])) {
        span.className = sentence[5] ? "s-hard" : "s-long";
        if (b === sentence[1]) {
          var label = el("span", sentence[5] ? "hard" : "long", "tag");
          label.title = sentence[2] + " words, grade " + sentence[3];
          node.appendChild(span);
          node.appendChild(label);
          continue;
        }
      }
      node.appendChild(span);
    }
    return node;
  }

  function show(d) {
    var view = document.getElementById("doc-view");
    document.getElementById("doc-title").textContent = d.path;
    document.getElementById("doc-facts").textContent = "Audience " + (d.audience || "-") +
      " (rule set " + d.ruleSet + "), " + d.words + " words, grade " + d.grade.toFixed(1) +
      " by " + d.formula + " against a target of " + d.target + ".";
    var prose = document.getElementById("prose");
    prose.textContent = "";
    var list = null;
    var problemList = d.view ? d.view.problems : [];
    (d.view ? d.view.blocks : []).forEach(function (block) {
      var node = renderBlock(block, problemList);
      if (block[0] === "list_item") {
        if (!list) { list = el("ul"); prose.appendChild(list); }
        list.appendChild(node);
      } else {
        list = null;
        prose.appendChild(node);
      }
    });
    var problems = document.getElementById("problems");
    problems.textContent = "";
    problemList.forEach(function (p) {
      var li = el("li");
      li.appendChild(el("span", p[4], "sev"));
      li.appendChild(el("span", " line " + p[0] + ", column " + p[1] + " (" + p[2] + " " +
                        p[3] + "): "));
      li.appendChild(el("span", messages[p[5]]));
      problems.appendChild(li);
    });
    if (!problems.children.length) problems.appendChild(el("li", "No problems."));
    view.hidden = false;
    document.getElementById("doc-title").focus();
  }

  draw();
})();
"""

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Readability report</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>Readability report</h1>
<p>{summary}</p>
{errors}
</header>
<main>
<section aria-labelledby="overview-title">
<h2 id="overview-title">Overview</h2>
<ul>{audiences}</ul>
{terms}
{chart}
</section>
<section aria-labelledby="documents-title">
<h2 id="documents-title">Documents</h2>
<form class="filters" onsubmit="return false">
<label>Find a document <input id="filter" type="search" autocomplete="off"></label>
<label>Rule set <select id="ruleset"><option value="">All</option>{options}</select></label>
<label class="check"><input id="over" type="checkbox"> Only documents above target</label>
</form>
<p id="shown" aria-live="polite"></p>
<table id="docs">
<caption>Documents with their reading grade against their audience's target. Choose a
column heading to sort; choose a document to see its text.</caption>
<thead><tr>
<th scope="col" aria-sort="none"><button type="button" data-key="path">Document</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="audience">Audience</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="words">Words</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="grade">Grade</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="target">Target</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="long">Long sentences</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="terms">Undefined terms</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="links">Missing links</button></th>
<th scope="col" aria-sort="none"><button type="button" data-key="problems">Problems</button></th>
</tr></thead>
<tbody></tbody>
</table>
</section>
<section id="doc-view" aria-labelledby="doc-title" hidden>
<h2 id="doc-title" tabindex="-1"></h2>
<p id="doc-facts"></p>
<p class="key">Key: <span class="s-long">long sentence (marked long)</span>
<span class="s-hard">hard sentence (marked hard)</span> <mark>term to explain or link</mark></p>
<div class="columns">
<div id="prose"></div>
<aside aria-labelledby="problems-title"><h3 id="problems-title">Problems</h3><ol id="problems"></ol></aside>
</div>
</section>
<footer>Made by readlint {version}. This page works offline.</footer>
</main>
<script type="application/json" id="data">{payload}</script>
<script>{script}</script>
</body>
</html>
"""


FORMAT = Format("html", "one offline page with a chart, a table and each document's marked "
                "text (report only)", report=write_report)
