"""The HTML report in a real browser: headless Chromium (Debian's chromium package) driven
by Playwright. Skipped, with the reason, only when no browser is installed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

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


@pytest.fixture
def report_page(browser, run, write, tmp_path):
    write("easy.md", f"---\naudienceLevel: patient\n---\n# Easy\n\n{EASY}\n")
    write("hard.md", f"---\naudienceLevel: patient\n---\n# Hard\n\n{HARD}\n")
    write("pro.md", f"---\naudienceLevel: professional\n---\n# Pro\n\n{EASY}\n")
    write("attack<b>.md", ATTACK)
    result = run("report", ".", "--html", "report.html")
    assert result.exit_code == 0, result.output
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: errors.append(f"network: {r.url}")
            if not r.url.startswith(("file:", "data:", "about:")) else None)
    page.goto((tmp_path / "report.html").as_uri())
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
    assert page.locator("#doc-title").inner_text() == "attack<b>.md"
    prose = page.locator("#prose").inner_text()
    assert '<img src=x onerror="window.__pwned = 3">' in prose
    assert "<script>window.__pwned = 1</script>" in prose
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#prose img, #prose script, #doc-title b").count() == 0
    assert page.locator("#prose mark").count() >= 1  # "nephrectomy" is marked
    assert "nephrectomy" in page.locator("#problems").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
    assert errors == []
