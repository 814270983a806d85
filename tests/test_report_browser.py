"""The HTML report in a real browser: headless Chromium (Debian's chromium package) driven
by Playwright. Skipped, with the reason, only when no browser is installed."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SHARED, dedent

from readlint.cli import main

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
EASY = "We eat food. We go home. The sun is hot. I like my dog. " * 12
HARD = ("Comprehensive immunohistochemical characterization facilitates individualized "
        "therapeutic recommendations. ") * 16
ATTACK = ("---\naudienceLevel: patient\n---\n# Attack &lt;script&gt;window.__pwned = 1"
          "&lt;/script&gt;\n\n<script>window.__pwned = 2</script>\n\n"
          "Text with &lt;img src=x onerror=\"window.__pwned = 3\"&gt; in it and a "
          "nephrectomy. " + EASY + "\n")


def browser_path() -> str | None:
    return os.environ.get("READLINT_CHROMIUM") or shutil.which("chromium") or \
        shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install '.[test]')")
    executable = browser_path()
    if executable is None:
        pytest.skip("no Chromium browser found: install Debian's chromium package "
                    "(apt-get install chromium) or set READLINT_CHROMIUM")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync"])
        yield browser
        browser.close()


def made_report(folder: Path, pages: dict[str, str], *options: str) -> Path:
    """The HTML report of `pages` (name: text), written in `folder` and made there as
    `readlint report . --html report.html` makes it."""
    for name, text in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        result = CliRunner().invoke(main, ["report", ".", "--html", "report.html", *options],
                                    catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return folder / "report.html"


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    """The report of four pages, made once for the tests that open it (each in a new tab)."""
    return made_report(tmp_path_factory.mktemp("report"), {
        "easy.md": f"---\naudienceLevel: patient\n---\n# Easy\n\n{EASY}\n",
        "hard.md": f"---\naudienceLevel: patient\n---\n# Hard\n\n{HARD}\n",
        "pro.md": f"---\naudienceLevel: professional\n---\n# Pro\n\n{EASY}\n",
        "attack<b>.md": ATTACK})


@pytest.fixture
def report_page(browser, report_file):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: errors.append(f"network: {r.url}")
            if not r.url.startswith(("file:", "data:", "about:")) else None)
    page.goto(report_file.as_uri())
    yield page, errors
    page.close()


def grades(page) -> list[float]:
    cells = page.locator("#docs tbody td:nth-child(4)").all_inner_texts()
    return [float(text.split()[0]) for text in cells]


def test_report_loads_without_errors_and_sorts_on_click(report_page):
    page, errors = report_page
    assert page.locator("#docs tbody tr").count() == 4
    page.get_by_role("button", name="Grade").click()
    assert grades(page) == sorted(grades(page), reverse=True)
    assert page.locator("#docs th:nth-child(4)").get_attribute("aria-sort") == "descending"
    page.get_by_role("button", name="Grade").click()
    assert grades(page) == sorted(grades(page))
    page.get_by_role("button", name="Words").focus()  # sorting works from the keyboard
    page.keyboard.press("Enter")
    assert page.locator("#docs th:nth-child(3)").get_attribute("aria-sort") == "descending"
    page.fill("#filter", "hard")
    assert page.locator("#docs tbody tr").count() == 1
    assert errors == []


def test_document_text_is_shown_as_text_and_never_runs(report_page):
    page, errors = report_page
    page.get_by_role("button", name="attack<b>.md").click()
    opened(page)
    assert page.locator("#doc-title").inner_text() == "attack<b>.md"
    prose = page.locator("#prose").inner_text()
    assert '<img src=x onerror="window.__pwned = 3">' in prose
    assert "<script>window.__pwned = 1</script>" in prose
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#prose img, #prose script, #doc-title b").count() == 0
    assert page.locator("#prose mark").count() >= 1  # "nephrectomy" is marked
    listed = page.locator("#problems").inner_text()
    assert "nephrectomy" in listed
    # each problem reads "WARNING line 3, column ...", a space on each side of its place
    assert re.search(r"(?:WARNING|INFO|ERROR) line \d+, column \d+ \(RL\d+ [a-z-]+\): \S",
                     listed), listed
    assert not re.search(r"(?:WARNING|INFO|ERROR)line", listed)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
    assert errors == []


KINDS = """---
title: Kinds of cancer care
audienceLevel: patient
language: en
---
# Treatment of a rare blood problem with a very long heading full of immunohistochemical words

Your doctor may talk about anemia with you. It means you have too little hemoglobin.

The team will subsequently check your blood again. We eat food and we go home and the sun is hot
and I like my dog and we read books and we walk in the park every single day of the week.

Comprehensive immunohistochemical characterization facilitates individualized therapeutic
recommendations.

Some people need a pancreaticoduodenectomy. We eat food. We go home.
"""
MARKS = {"hard sentence": "#prose .s-hard", "long sentence": "#prose .s-long",
         "undefined term": "#prose mark.f-term", "missing link": "#prose mark.f-link",
         "plain word": "#prose mark.f-plain"}


@pytest.fixture(scope="module")
def kinds_file(tmp_path_factory) -> Path:
    """The report of a page with every kind of finding and 120 easy pages, made once for
    the tests that open it (each in a new tab)."""
    pages = {"guides/kinds.md": KINDS}
    for n in range(120):
        pages[f"many/page{n:03}.md"] = (f"---\ntitle: Page {n}\naudienceLevel: patient\n"
                                        f"language: en\n---\n# Page {n}\n\n{EASY}\n")
    return made_report(tmp_path_factory.mktemp("kinds"), pages, "--no-cache")


@pytest.fixture
def kinds_page(browser, kinds_file):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(kinds_file.as_uri())
    yield page, errors
    page.close()


def opened(page) -> None:
    """Wait until the document just chosen is unpacked and drawn."""
    page.wait_for_selector('#doc-view[aria-busy="false"]', timeout=10_000)
    assert page.locator("#doc-view").is_visible()


def open_document(page, name: str) -> None:
    page.fill("#filter", name)
    page.locator("#docs tbody button").first.click()
    opened(page)


def test_every_kind_of_finding_has_a_visible_mark_and_a_legend(kinds_page):
    page, errors = kinds_page
    open_document(page, "kinds")
    style = ("(n) => { const s = getComputedStyle(n); return [s.backgroundColor, "
             "s.borderBottomStyle, s.outlineStyle, s.textDecorationLine].join(' '); }")
    plain = page.locator("#prose p").first.evaluate(style)
    for kind, selector in MARKS.items():
        marks = page.locator(selector)
        assert marks.count() >= 1, kind
        assert marks.first.is_visible(), kind
        assert marks.first.evaluate(style) != plain, kind  # styled, not plain text
    drawn = [page.locator(s).first.evaluate(style) for s in MARKS.values()]
    assert len(set(drawn)) == len(drawn)  # five different looks
    # Each term mark also says what it is in words, so colour is not the only cue.
    tags = [page.locator(MARKS[k]).first.evaluate(
        "(n) => getComputedStyle(n, '::after').content")
        for k in ("undefined term", "missing link", "plain word")]
    assert tags == ['"explain"', '"link"', '"plain"']
    # Text on every mark keeps WCAG AA contrast (4.5:1) with the mark's background.
    contrast = """(n) => {
      const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
      const lum = (c) => { const v = rgb(c).map((x) => { x /= 255;
        return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
      let back = n, bg = "rgba(0, 0, 0, 0)";
      while (back && (bg = getComputedStyle(back).backgroundColor) === "rgba(0, 0, 0, 0)") {
        back = back.parentElement; }
      const a = lum(getComputedStyle(n).color), b = lum(bg);
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }"""
    for kind, selector in MARKS.items():
        assert page.locator(selector).first.evaluate(contrast) >= 4.5, kind
    assert page.locator("#legend li").count() == 5
    for selector in MARKS.values():  # the legend shows each mark as the text does
        assert page.locator("#legend " + selector.split(" ", 1)[1]).count() == 1
    # The heading is long and hard, but a heading is not a sentence to score.
    assert page.locator("#prose h4 .s-hard, #prose h4 .tag").count() == 0
    # Copying the text gives the document's words only, without the tags.
    assert "pancreaticoduodenectomy. We eat" in page.locator("#prose").inner_text()
    assert errors == []


def test_the_hardest_sentences_are_marked_with_their_score_and_reasons(kinds_page):
    page, errors = kinds_page
    open_document(page, "kinds")
    (label,) = page.locator("#prose .tag-hard").all()  # one sentence on it scores 50 or more
    message = label.get_attribute("data-message")
    assert re.fullmatch(r"Hard sentence: difficulty \d+ of 100, the page's hardest\. What "
                        r"makes it hard, the heaviest first: .*\(\"Comprehensive\", .*\.",
                        message), message
    score = message.split()[3]
    assert label.evaluate("(n) => getComputedStyle(n, '::after').content") == f'"hard {score}"'
    assert page.locator("#prose .s-hard").inner_text().startswith("Comprehensive")
    # The list beside the text leads to it.
    (item,) = page.locator("#hardest li").all()
    assert item.inner_text().startswith(f"difficulty {score}: Comprehensive immunohisto")
    item.locator("button").click()
    assert page.evaluate("document.activeElement.getAttribute('data-message')") == message
    assert page.locator("#tip").inner_text() == message
    # A page with nothing that hard says so.
    open_document(page, "page007")
    assert page.locator("#prose .s-hard").count() == 0
    assert page.locator("#hardest").inner_text() == "None: no sentence scores that high."
    # The table sorts pages by their difficulty, the hardest first.
    page.fill("#filter", "")
    page.get_by_role("button", name="Difficulty").click()
    scores = [int(t) for t in page.locator("#docs tbody td:nth-child(6)").all_inner_texts()]
    assert scores == sorted(scores, reverse=True) and len(scores) == 100
    assert page.locator("#docs tbody td").first.inner_text() == "guides/kinds.md"
    assert errors == []


def test_a_browser_that_cannot_unpack_says_so(kinds_page):
    page, errors = kinds_page
    page.evaluate("delete window.DecompressionStream")
    open_document(page, "kinds")
    assert "This browser cannot unpack the document's text" in \
        page.locator("#prose").inner_text()
    assert page.locator("#doc-title").inner_text().endswith("kinds.md")  # the rest is there
    assert errors == []


def test_documents_opened_one_after_another_show_their_own_text(kinds_page):
    page, errors = kinds_page
    open_document(page, "page007")
    assert "Page 7" in page.locator("#prose").inner_text()
    open_document(page, "page119")
    assert "Page 119" in page.locator("#prose").inner_text()
    assert page.locator("#doc-title").inner_text().endswith("page119.md")
    open_document(page, "kinds")
    assert "pancreaticoduodenectomy" in page.locator("#prose").inner_text()
    assert errors == []


def test_documents_in_many_packed_blocks_open(browser, run, write, tmp_path, monkeypatch):
    """With small blocks, documents are spread over many; each opens with its own text, also
    after its block was let go (only the last few unpacked are kept)."""
    from report_page_data import page_views

    monkeypatch.setattr("readlint.formats.html.CHUNK_BYTES", 600)
    for n in range(30):
        write(f"p{n:02}.md", f"---\naudienceLevel: patient\n---\n# Page {n}\n\nPage number {n}. "
                             f"{EASY}\n")
    assert run("report", ".", "--html", "r.html").exit_code == 0
    html = (tmp_path / "r.html").read_text("utf-8")
    assert html.count('id="chunk-') >= 10 and len(page_views(html)) == 30
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((tmp_path / "r.html").as_uri())
    for n in [0, 3, 7, 11, 15, 19, 23, 27, 29, 0, 15]:
        open_document(page, f"p{n:02}.md")
        assert f"Page number {n}." in page.locator("#prose").inner_text()
    page.close()
    assert errors == []


def test_keyboard_steps_through_findings_and_shows_each_message(kinds_page):
    page, errors = kinds_page
    open_document(page, "kinds")
    total = page.locator("#prose [data-message]").count()
    assert total >= 6
    tip = page.locator("#tip")
    page.keyboard.press("n")
    first = page.evaluate("document.activeElement.getAttribute('data-message')")
    # the first finding in the text, whichever the rules report there
    assert first == page.locator("#prose [data-message]").first.get_attribute("data-message")
    assert first.startswith(("Missing glossary link: ", "Undefined term: ", "Plainer word: ",
                             "Long sentence: ", "Hard sentence: "))
    assert tip.is_visible() and tip.inner_text() == first
    assert page.locator("#finding-number").inner_text() == f"Finding 1 of {total}"
    page.keyboard.press("n")
    second = page.evaluate("document.activeElement.getAttribute('data-message')")
    assert second != first and tip.inner_text() == second
    page.keyboard.press("p")
    assert page.evaluate("document.activeElement.getAttribute('data-message')") == first
    page.keyboard.press("Tab")  # findings are in the tab order too
    assert page.evaluate("document.activeElement.getAttribute('data-message')") == second
    page.keyboard.press("p")
    page.keyboard.press("p")  # before the first: round to the last
    assert page.locator("#finding-number").inner_text() == f"Finding {total} of {total}"
    # The problems list leads to the marks.
    page.locator("#problems button", has_text="(RL201 undefined-jargon)").click()
    assert "pancreaticoduodenectomy" in page.evaluate("document.activeElement.textContent")
    assert "pancreaticoduodenectomy" in tip.inner_text()
    assert errors == []


def test_table_pages_and_filters_by_folder_rule_and_rule_set(kinds_page):
    page, errors = kinds_page
    assert page.locator("#shown").inner_text() == "Showing 121 of 121 documents."
    assert page.locator("#docs tbody tr").count() == 100
    assert page.locator("#page-number").inner_text() == "Page 1 of 2"
    page.get_by_role("button", name="Next page").click()
    assert page.locator("#docs tbody tr").count() == 21
    assert page.get_by_role("button", name="Next page").is_disabled()
    page.select_option("#folder", "guides")
    assert page.locator("#docs tbody tr").count() == 1
    assert page.locator("#page-number").inner_text() == "Page 1 of 1"
    page.select_option("#folder", "")
    page.select_option("#rule", "RL201")
    assert page.locator("#docs tbody tr").count() == 1
    cell = page.locator("#docs tbody td").first
    assert cell.inner_text() == "guides/kinds.md"
    page.select_option("#rule", "")
    page.check("#over")
    assert page.locator("#docs tbody tr").count() == 0
    assert "no document matches" in page.locator("#shown").inner_text()
    assert page.locator(".chart svg rect").count() >= 1  # the histogram drew its bars
    assert errors == []


@pytest.mark.corpus
def test_report_of_the_whole_corpus_opens_and_works(browser, run, tmp_path):
    """The page for ../shared/corpus (5,407 documents): small enough to send by mail (at most
    15 MB), and it opens, pages, sorts and shows a document. How fast: benchmarks/
    report_page.py prints it."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not there")
    result = run("report", str(corpus), "--html", "corpus.html", "--format", "json")
    assert result.exit_code == 0, result.stderr
    documents = json.loads(result.stdout)["documents"]
    count = len(documents)
    assert count > 5000
    # a page with sentences to rewrite first, as the report lists them
    marked = next(d["path"] for d in documents if d["hardest_sentences"])
    assert (tmp_path / "corpus.html").stat().st_size <= 15_000_000
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((tmp_path / "corpus.html").as_uri(), timeout=120_000)
    assert page.locator("#shown").inner_text() == f"Showing {count} of {count} documents."
    assert page.locator("#docs tbody tr").count() == 100
    assert page.locator("#page-number").inner_text() == f"Page 1 of {(count + 99) // 100}"
    assert page.locator(".chart svg rect").count() > 10  # a histogram, not 5,000 dots
    page.get_by_role("button", name="Grade").click()
    assert grades(page) == sorted(grades(page), reverse=True)
    page.locator("#docs tbody button").first.click()
    opened(page)
    assert page.locator("#prose mark").count() >= 1
    open_document(page, Path(marked).name)
    opened(page)
    assert page.locator("#prose .s-hard").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "corpus-report.png"))
    assert errors == []
    page.close()
