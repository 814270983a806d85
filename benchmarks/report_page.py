"""How fast the HTML report opens and answers in a real browser (Debian's chromium, driven by
Playwright): load, first paint, first rows, sorting, filtering, opening a document. Prints the
figures and saves a screenshot beside the page.

    python benchmarks/report_page.py REPORT.html [--runs 3]

Make the page first, for example:
    readlint report ../shared/corpus --html /tmp/corpus-report.html

With --grow CORPUS, it measures how the report grows with the site instead: for each size
(--sizes, in pages; pages built from the corpus's paragraphs, as benchmarks/speed.py builds
them), the page's size and its bytes per page, the time of one run, of the parts of a
4-machine split (--parts) and of their merge, the merge's peak memory, and the page's times
in the browser. The generated pages are written under the system's temporary folder (kept
for the next run), and readlint's cache is a fresh folder, so the first run of each size reads
every page:

    python benchmarks/report_page.py --grow ../shared/corpus --sizes 5000 20000 50000

With --ways, it measures the merge against the number of parts instead: the site (a folder,
or with --grow a generated site of the first size) is split 1, 2, 5... ways, and for each the
merge's time and peak memory and the parts' total size are printed, and the merged page is
checked to be the same for every split:

    python benchmarks/report_page.py --ways 1 2 5 10 20 --site ../shared/corpus
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def measure(page_path: Path, browser) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = time.perf_counter()
    page.goto(page_path.resolve().as_uri(), wait_until="commit", timeout=120_000)
    page.wait_for_selector("#docs tbody tr", timeout=120_000)
    figures = {"load and first rows": time.perf_counter() - start}
    # The browser's own clock, from the start of the page's navigation: the first paint of
    # text (the heading and summary), and the table's first rows on screen.
    paints = page.evaluate("""() => new Promise((done) => requestAnimationFrame(() =>
        requestAnimationFrame(() => done({
          first: (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime,
          rows: performance.now()}))))""")
    figures["first paint (browser clock)"] = (paints["first"] or 0) / 1000
    figures["table painted (browser clock)"] = paints["rows"] / 1000
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
    page.wait_for_selector('#doc-view[aria-busy="false"]')
    figures["open the hardest document"] = time.perf_counter() - start
    page.screenshot(path=str(page_path.with_suffix(".png")))
    page.close()
    if errors:
        raise SystemExit(f"the page reported errors: {errors[:3]}")
    return figures


def browser_runs(pages: list[Path], runs: int) -> list[list[dict[str, float]]]:
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("READLINT_CHROMIUM") or shutil.which("chromium")
    if executable is None:
        raise SystemExit("no chromium found (apt-get install chromium)")
    found = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for page in pages:
            found.append([measure(page, browser) for _ in range(runs)])
        browser.close()
    return found


def show(page: Path, runs: list[dict[str, float]]) -> None:
    size = page.stat().st_size / 1e6
    print(f"page: {page} ({size:.1f} MB); median of {len(runs)} runs in headless Chromium")
    for key in runs[0]:
        values = [r[key] for r in runs]
        print(f"  {key:30} {statistics.median(values):6.2f} s  (runs: "
              + ", ".join(f"{v:.2f}" for v in values) + ")")


def snapshot() -> dict[str, str]:
    """The environment that runs a copy of this checkout's readlint, taken now: every run of
    the benchmark uses the same code, even if the checkout changes meanwhile."""
    root = Path(__file__).resolve().parent.parent
    place = Path(tempfile.mkdtemp(prefix="readlint-code-"))
    shutil.copytree(root / "readlint", place / "readlint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(root / "rules", place / "rules")
    return {**os.environ, "PYTHONPATH": str(place)}


_ENV: dict[str, str] | None = None


def readlint(*args: str) -> tuple[float, int]:
    """Run readlint; its wall time and its peak memory (bytes)."""
    command = [sys.executable, "-c", "import resource, subprocess, sys; "
               "code = subprocess.call(sys.argv[1:]); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
               "file=sys.stderr); sys.exit(code)",
               sys.executable, "-m", "readlint", *args]
    start = time.perf_counter()
    # Run from the copy's folder: `python -m` reads the package of the folder it runs in
    # first, which must not be the checkout's.
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=_ENV,
                          cwd=None if _ENV is None else _ENV["PYTHONPATH"])
    took = time.perf_counter() - start
    if done.returncode not in (0, 1, 2) or "readlint: error:" in done.stderr:
        raise SystemExit(f"readlint {' '.join(args)} failed: {done.stderr[-2000:]}")
    return took, int(done.stderr.strip().splitlines()[-1]) * 1024


def generated(corpus: Path, size: int) -> Path:
    """A site of `size` pages built from the corpus's paragraphs (as benchmarks/speed.py
    builds them), under the temporary folder rather than in the checkout."""
    import speed

    speed.GENERATED = Path(tempfile.gettempdir()) / "readlint-generated-pages"
    return speed.generate(corpus, size)


def start(out: Path) -> None:
    """Every readlint run from now on: a copy of the code taken now, and a fresh cache."""
    global _ENV
    _ENV = snapshot()
    _ENV["READLINT_CACHE_DIR"] = str(out / "cache")


def grow(corpus: Path, sizes: list[int], parts: int, runs: int) -> None:
    out = Path(tempfile.mkdtemp(prefix="readlint-grow-"))
    start(out)
    rows = []
    for size in sizes:
        site = generated(corpus, size)
        page = out / f"report-{size}.html"
        one, one_memory = readlint("report", str(site), "--html", str(page), "--format",
                                   "json", "-o", str(out / "one.json"))
        shard_times = []
        names = []
        for index in range(1, parts + 1):
            name = out / f"part-{size}-{index}.json"
            took, _ = readlint("report", str(site), "--shard", f"{index}/{parts}", "--format",
                               "json", "-o", str(name))
            shard_times.append(took)
            names.append(str(name))
        merged = out / f"merged-{size}.html"
        merge, merge_memory = readlint("report", "--merge", *names, "--html", str(merged),
                                       "--format", "json", "-o", str(out / "merged.json"))
        same = merged.read_bytes() == page.read_bytes()
        rows.append((size, page, one, one_memory, shard_times, merge, merge_memory, same))
        print(f"{size:,} pages: page {page.stat().st_size / 1e6:.1f} MB "
              f"({page.stat().st_size / size:,.0f} bytes a page); one run {one:.0f} s "
              f"(largest process {one_memory / 1e6:,.0f} MB); parts of a {parts}-way split "
              f"{min(shard_times):.1f} to {max(shard_times):.1f} s (from the cache of the "
              f"run); merge {merge:.1f} s, largest process {merge_memory / 1e6:,.0f} MB; "
              f"merged page {'the same' if same else 'DIFFERENT'}", flush=True)
    for (size, page, *_), measured in zip(rows, browser_runs([r[1] for r in rows], runs),
                                          strict=True):
        print(f"\n{size:,} pages:")
        show(page, measured)


def ways(site: Path, counts: list[int]) -> None:
    """The merge of the site's report split `count` ways, for each count: its time, its
    largest process, the parts' size; the merged page must be the same for every count."""
    out = Path(tempfile.mkdtemp(prefix="readlint-ways-"))
    start(out)
    site = site.resolve()
    files = sum(1 for _ in site.rglob("*.md"))
    one, memory = readlint("report", str(site), "--html", str(out / "one.html"))
    print(f"{site}: {files:,} files; one run {one:.0f} s, largest process "
          f"{memory / 1e6:,.0f} MB, page {(out / 'one.html').stat().st_size / 1e6:.1f} MB; "
          "the parts below come from the cache of that run", flush=True)
    for count in counts:
        names = []
        for index in range(1, count + 1):
            name = out / f"part-{count}-{index}.json"
            readlint("report", str(site), "--shard", f"{index}/{count}", "--format", "json",
                     "-o", str(name))
            names.append(str(name))
        size = sum(Path(n).stat().st_size for n in names)
        merged = out / f"merged-{count}.html"
        took, peak = readlint("report", "--merge", *names, "--html", str(merged))
        same = merged.read_bytes() == (out / "one.html").read_bytes()
        print(f"  {count:3} {'part ' if count == 1 else 'parts'} ({size / 1e6:,.1f} MB in "
              f"all): merge {took:5.1f} s, largest process {peak / 1e6:,.0f} MB; page "
              f"{'the same' if same else 'DIFFERENT'}", flush=True)
        for name in names:
            Path(name).unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path, nargs="?")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--grow", type=Path, metavar="CORPUS")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 50000])
    parser.add_argument("--parts", type=int, default=4)
    parser.add_argument("--ways", type=int, nargs="+", metavar="N")
    parser.add_argument("--site", type=Path, help="with --ways: the folder to split")
    args = parser.parse_args()
    if args.ways is not None:
        if args.site is None and args.grow is None:
            parser.error("--ways needs --site FOLDER or --grow CORPUS")
        ways(args.site or generated(args.grow, args.sizes[0]), args.ways)
        return
    if args.grow is not None:
        grow(args.grow, args.sizes, args.parts, args.runs)
        return
    if args.page is None:
        parser.error("give a page, or --grow CORPUS")
    (runs,) = browser_runs([args.page], args.runs)
    show(args.page, runs)
    print(f"screenshot: {args.page.with_suffix('.png')}")


if __name__ == "__main__":
    main()
