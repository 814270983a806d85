"""How soon the language server answers a change: a page of about 3,000 words is opened in
`readlint server` (started as an editor starts it), then edited 20 times; for each edit, the
time from the change to its diagnostics (this includes the server's pause of 50 ms, which
lets a burst of keystrokes cost one check). Also the check alone, in this process, warm.

The first check after the server starts is measured on its own, on the page (of the twelve
nearest 3,000 words) with problems of the most rules, twice: with an empty cache folder (the
first start ever, when the word tables are built) and again with that folder filled. Each
time the server is started, its warm-up is waited for (a request sent after `initialized` is
answered once it is done), then the page is opened and changed once.
benchmarks/speed.py runs it too.

    python benchmarks/server_speed.py [SHARED]
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from lsp_client import Client  # noqa: E402

from readlint.document import parse  # noqa: E402
from readlint.linter import Choices, Linter  # noqa: E402
from readlint.server import PAUSE  # noqa: E402


def page_of(words: int, shared: Path) -> tuple[Path, str]:
    """The cancer.gov page whose length is nearest `words` (the seed, repeated, without)."""
    return pages_near(words, shared)[0]


def pages_near(words: int, shared: Path, count: int = 1) -> list[tuple[Path, str]]:
    """The `count` cancer.gov pages whose lengths are nearest `words`, nearest first (the
    seed, repeated, without)."""
    pages = sorted((shared / "corpus-nci").rglob("*.md")) if shared.is_dir() else []
    pages = [p for p in pages if p.name != "README.md"]
    if pages:
        counted = sorted((abs(prose_words(p.read_text(encoding="utf-8")) - words), p)
                         for p in pages)
        return [(p, p.read_text(encoding="utf-8")) for _, p in counted[:count]]
    seed = (ROOT / "seeds" / "000_eb6f9008432edf9d.txt").read_text(encoding="utf-8")
    head, _, body = seed.partition("\n---\n")
    repeats = max(1, words // len(body.split()))
    return [(ROOT / "seeds" / "long.md", head + "\n---\n" + "\n\n".join([body] * repeats))]


def most_varied(pages: list[tuple[Path, str]]) -> tuple[Path, str, list[str]]:
    """Of these pages, the one whose problems come from the most rules (the first check
    writes each reported rule's explanation page), and those rules."""
    linter = Linter(choices=Choices(jobs=1, cache=False))
    found = []
    for n, (path, text) in enumerate(pages):
        rules = sorted({p.rule for p in linter.lint_text(text, str(path), path).problems})
        found.append((-len(rules), n, path, text, rules))
    _, _, path, text, rules = min(found)
    return path, text, rules


def prose_words(text: str) -> int:
    """Words of prose, as the reading grade counts them (not link targets or markup)."""
    return parse(text).stats.words


def main() -> None:
    measure(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared")


def first_check(work: Path, path: Path, text: str, cache: Path) -> tuple[float, float, float]:
    """Seconds from start until the warm-up is done, then from opening the page to its
    diagnostics, then from its first change to the diagnostics of that change."""
    client = Client(work, env={"READLINT_CACHE_DIR": str(cache)})
    try:
        started = time.perf_counter()
        client.start(work)
        client.request("textDocument/hover", {  # answered once the warm-up is done
            "textDocument": {"uri": (work / "none.md").as_uri()},
            "position": {"line": 0, "character": 0}}, timeout=300)
        ready = time.perf_counter() - started
        sent = time.perf_counter()
        uri = client.open(path, text)
        client.diagnostics(uri, timeout=120)
        opened = time.perf_counter() - sent
        sent = time.perf_counter()
        client.change(uri, text.replace("\n\n", "\n\nA first edit is here.\n\n", 1), 2)
        client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"].get("version") == 2, timeout=120)
        return ready, opened, time.perf_counter() - sent
    finally:
        client.stop()


def measure(shared: Path) -> None:
    near = pages_near(3000, shared, 12)
    source, text = near[0]
    words = prose_words(text)
    work = Path(tempfile.mkdtemp(prefix="readlint-server-"))
    path = work / "page.md"
    path.write_text(text, encoding="utf-8")
    varied, varied_text, varied_rules = most_varied(near)
    firsts = []
    with tempfile.TemporaryDirectory(prefix="readlint-server-cache-") as cache:
        for _ in range(2):  # the cache folder empty, then filled by the first start
            firsts.append(first_check(work, work / "varied.md", varied_text, Path(cache)))
    client = Client(work)
    started = time.perf_counter()
    client.start(work)
    uri = client.open(path, text)
    client.diagnostics(uri, timeout=120)
    first = time.perf_counter() - started
    waits = []
    for version in range(2, 22):
        text = text.replace("\n\n", f"\n\nEdit number {version} is here.\n\n", 1)
        sent = time.perf_counter()
        client.change(uri, text, version)
        client.wait(lambda m, v=version: m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"].get("version") == v, timeout=60)
        waits.append(time.perf_counter() - sent)
    client.stop()
    shutil.rmtree(work, ignore_errors=True)
    linter = Linter(choices=Choices(jobs=1, cache=False), measure=True)
    linter.lint_text(text, str(path), path)
    alone = []
    for _ in range(10):
        t = time.perf_counter()
        linter.lint_text(text, str(path), path)
        alone.append(time.perf_counter() - t)
    print(f"page: {source.name}, {words} words of prose, {len(text) / 1000:.0f} KB")
    print(f"start, open and first diagnostics: {first:.2f} s")
    print(f"first check after start: {varied.name}, {prose_words(varied_text)} words of "
          f"prose, problems of {len(varied_rules)} rules ({', '.join(varied_rules)})")
    for (ready, opened, changed), cache in zip(firsts, ("empty", "filled"), strict=True):
        print(f"first check after the warm-up, cache folder {cache}: warm-up done "
              f"{ready:.2f} s after start; open to diagnostics {opened * 1000:.0f} ms; "
              f"first change to diagnostics {changed * 1000:.0f} ms")
    print(f"change to diagnostics (20 edits): median {statistics.median(waits) * 1000:.0f} ms, "
          f"slowest {max(waits) * 1000:.0f} ms (of which the pause: {PAUSE * 1000:.0f} ms)")
    print(f"the check alone, warm: median {statistics.median(alone) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
