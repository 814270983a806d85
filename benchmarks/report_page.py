"""How fast the HTML report opens and answers in a real browser (Debian's chromium, driven by
Playwright): load, first rows, sorting, filtering, opening a document. Prints the figures and
saves a screenshot beside the page.

    python benchmarks/report_page.py REPORT.html [--runs 3]

Make the page first, for example:
    readlint report ../shared/corpus --html /tmp/corpus-report.html
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import time
from pathlib import Path


def measure(page_path: Path, browser) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = time.perf_counter()
    page.goto(page_path.resolve().as_uri(), wait_until="load", timeout=120_000)
    page.wait_for_selector("#docs tbody tr")
    figures = {"load and first rows": time.perf_counter() - start}
    start = time.perf_counter()
    page.get_by_role("button", name="Grade").click()
    page.wait_for_function("document.querySelector('#docs th:nth-child(4)')"
                           ".getAttribute('aria-sort') === 'descending'")
    figures["sort by grade"] = time.perf_counter() - start
    start = time.perf_counter()
    page.fill("#filter", "0001")
    page.wait_for_function("document.getElementById('shown').textContent.indexOf('Showing') "
                           "=== 0")
    figures["filter by name"] = time.perf_counter() - start
    page.fill("#filter", "")
    start = time.perf_counter()
    page.locator("#docs tbody button").first.click()
    page.wait_for_selector("#doc-view:not([hidden])")
    figures["open the hardest document"] = time.perf_counter() - start
    page.screenshot(path=str(page_path.with_suffix(".png")))
    page.close()
    if errors:
        raise SystemExit(f"the page reported errors: {errors[:3]}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("READLINT_CHROMIUM") or shutil.which("chromium")
    if executable is None:
        raise SystemExit("no chromium found (apt-get install chromium)")
    runs: list[dict[str, float]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for _ in range(args.runs):
            runs.append(measure(args.page, browser))
        browser.close()
    size = args.page.stat().st_size / 1e6
    print(f"page: {args.page} ({size:.1f} MB); median of {args.runs} runs in headless Chromium")
    for key in runs[0]:
        values = [r[key] for r in runs]
        print(f"  {key:28} {statistics.median(values):6.2f} s  (runs: "
              + ", ".join(f"{v:.2f}" for v in values) + ")")
    print(f"screenshot: {args.page.with_suffix('.png')}")


if __name__ == "__main__":
    main()
