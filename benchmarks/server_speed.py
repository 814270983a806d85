"""How soon the language server answers a change: a page of about 3,000 words is opened in
`readlint server` (started as an editor starts it), then edited 20 times; for each edit, the
time from the change to its diagnostics (this includes the server's pause of 50 ms, which
lets a burst of keystrokes cost one check). Also the check alone, in this process, warm.
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
    pages = sorted((shared / "corpus-nci").rglob("*.md")) if shared.is_dir() else []
    pages = [p for p in pages if p.name != "README.md"]
    if pages:
        counted = [(abs(prose_words(p.read_text(encoding="utf-8")) - words), p) for p in pages]
        best = min(counted)[1]
        return best, best.read_text(encoding="utf-8")
    seed = (ROOT / "seeds" / "000_eb6f9008432edf9d.txt").read_text(encoding="utf-8")
    head, _, body = seed.partition("\n---\n")
    repeats = max(1, words // len(body.split()))
    return ROOT / "seeds" / "long.md", head + "\n---\n" + "\n\n".join([body] * repeats)


def prose_words(text: str) -> int:
    """Words of prose, as the reading grade counts them (not link targets or markup)."""
    return parse(text).stats.words


def main() -> None:
    measure(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared")


def measure(shared: Path) -> None:
    source, text = page_of(3000, shared)
    words = prose_words(text)
    work = Path(tempfile.mkdtemp(prefix="readlint-server-"))
    path = work / "page.md"
    path.write_text(text, encoding="utf-8")
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
    print(f"change to diagnostics (20 edits): median {statistics.median(waits) * 1000:.0f} ms, "
          f"slowest {max(waits) * 1000:.0f} ms (of which the pause: {PAUSE * 1000:.0f} ms)")
    print(f"the check alone, warm: median {statistics.median(alone) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
