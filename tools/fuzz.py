"""Fuzz readlint with generated hostile pages (tests/markdown_pieces.py): impossible dates,
alias bombs, huge words, tables and lines, unclosed marks, odd file names, BOMs and CRLF.

Each page is checked in this process for the properties every run must keep (no exception,
positions inside the file, the same result twice, fixes that settle, within the time
limit); then each folder of pages goes through the `readlint` command: `check --format
json` with `--jobs 1`, with `--jobs 2` and from the cache must print the same, what each
file gets must be what its text got, no traceback, no page out of time, no byte of any
file changed; and `check --fix` must make exactly the fixes, each file renamed over the old.

    python tools/fuzz.py --pages 10000                   # the full run (about 2 hours,
                                                         # 2 cores), folders of 250 pages
    python tools/fuzz.py --pages 2500 --seed 3           # a quarter of it; seeds 1 to 4
                                                         # together make the full run
    python tools/fuzz.py --seconds 600                   # as many pages as ten minutes take
    python tools/fuzz.py --pages 500 --fix 20            # then 20 trials of two --fix runs
                                                         # at once on the same files
    python tools/fuzz.py --pages 10000 --out failures/   # keep each failing page there

Prints the pages tried, the failures by kind (with the first few), what the pages held and
how long they took.
Exit code 1 when anything failed. CI runs the same checks over a few hundred pages
(tests/test_fuzz_corpus.py, with --corpus).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

if TYPE_CHECKING:
    from markdown_pieces import Failure, Page

FIX_TEXT = ("---\r\naudienceLevel: patient\r\n---\r\n\r\nWomen with thrombocytopenia and "
            "lymphedema may utilize chemotherapy.\r\nSome [HER2](/publications/dictionaries/"
            "cancer-terms/def/44945) words. Wow!chemotherapy \\metastatic.\r\n")


def copy_of_readlint(folder: Path) -> None:
    """Run the rest on a copy of readlint's code as it is now, here and in the commands the
    run starts, so an edit to the checkout during a long run does not make this process and
    the commands disagree."""
    for name in ("readlint", "rules"):
        shutil.copytree(ROOT / name, folder / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(folder))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(folder), *filter(None, [os.environ.get("PYTHONPATH")])])


def generate(count: int, run_seed: int, max_pieces: int, scale: int) -> list[Page]:
    """`count` pages, the same ones for the same seed and generator."""
    from markdown_pieces import pages

    made: list[Page] = []

    @seed(run_seed)
    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def one(data: st.DataObject) -> None:
        made.append(data.draw(pages(len(made), max_pieces, scale)))

    one()
    return made


def fuzz(total: int | None, seconds: float | None, batch: int, run_seed: int,
         max_pieces: int, scale: int, out: Path | None
         ) -> tuple[list[Failure], list[tuple[float, str]], Counter[str]]:
    """Folders of `batch` pages until `total` pages or `seconds` have gone."""
    from markdown_pieces import check_pages, fixing_linter, today

    linter = fixing_linter(today())
    tried = 0
    failures: list[Failure] = []
    times: list[tuple[float, str]] = []
    counts: Counter[str] = Counter()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="readlint-fuzz-") as tmp:
        cache = Path(tmp) / "cache"
        number = 0
        while (total is None or tried < total) and \
                (seconds is None or time.monotonic() - started < seconds):
            size = batch if total is None else min(batch, total - tried)
            made = generate(size, run_seed * 1_000_003 + number, max_pieces, scale)
            found, took, held = check_pages(linter, made, Path(tmp) / f"run{number}", today(),
                                            cache)
            tried += len(made)
            failures += found
            times += took
            counts += held
            if out is not None:
                keep(found, out)
            kinds = Counter(f.kind for f in failures)
            print(f"{tried} pages in {time.monotonic() - started:.0f} s; failures: "
                  f"{dict(kinds) or 'none'}", flush=True)
            number += 1
    return failures, times, counts


def keep(failures: list[Failure], out: Path) -> None:
    """Each failing page and what was wrong with it, in the folder `out`."""
    out.mkdir(parents=True, exist_ok=True)
    for i, failure in enumerate(failures):
        stem = f"{failure.kind.replace(' ', '-')}-{len(list(out.iterdir())):05d}-{i}"
        if failure.text:
            (out / f"{stem}.md").write_bytes(failure.text.encode("utf-8"))
        (out / f"{stem}.txt").write_text(f"{failure.name!r}\n{failure.detail}\n",
                                         encoding="utf-8")


def fuzz_concurrent_fixes(trials: int, files: int = 8) -> tuple[int, int]:
    """Two `readlint check --fix` runs at once over the same folder; a file is garbled when it
    is not exactly what one run alone makes of it."""
    garbled = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        alone = Path(tmp) / "alone.md"
        alone.write_bytes(FIX_TEXT.encode("utf-8"))
        command = [sys.executable, "-m", "readlint", "check", "--fix"]
        config = Path(tmp) / ".readlint.yaml"
        config.write_text("rules:\n  plain-words:\n    fix: true\n", encoding="utf-8")
        subprocess.run([*command, str(alone)], capture_output=True, cwd=tmp, check=False)
        expected = alone.read_bytes()
        if expected == FIX_TEXT.encode("utf-8"):
            raise SystemExit("the fix trial's document got no fixes: nothing would be tested")
        for trial in range(trials):
            folder = Path(tmp) / f"trial{trial}"
            folder.mkdir()
            for i in range(files):
                (folder / f"{i}.md").write_bytes(FIX_TEXT.encode("utf-8"))
            runs = [subprocess.Popen([*command, str(folder)], cwd=tmp,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    for _ in range(2)]
            for process in runs:
                process.wait(timeout=300)
            for i in range(files):
                total += 1
                garbled += (folder / f"{i}.md").read_bytes() != expected
    return total, garbled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, help="how many pages to generate")
    parser.add_argument("--seconds", type=float,
                        help="generate pages for this long (a folder is always finished)")
    parser.add_argument("--batch", type=int, default=250, help="pages per folder (250)")
    parser.add_argument("--seed", type=int, default=1,
                        help="runs with different seeds check different pages (1)")
    parser.add_argument("--pieces", type=int, default=120,
                        help="at most this many pieces of Markdown a page (120)")
    parser.add_argument("--scale", type=int, default=20,
                        help="how big the hostile shapes grow (20: tables of up to 4,000 "
                             "columns, words of 6,000 letters)")
    parser.add_argument("--out", type=Path, help="write each failing page to this folder")
    parser.add_argument("--fix", type=int, default=0, metavar="TRIALS",
                        help="then run this many trials of two --fix runs at once")
    args = parser.parse_args()
    if args.pages is None and args.seconds is None:
        parser.error("give --pages, --seconds or both")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="readlint-code-") as code:
        copy_of_readlint(Path(code))
        failures, times, counts = fuzz(args.pages, args.seconds, args.batch, args.seed,
                                       args.pieces, args.scale, args.out)
    from markdown_pieces import FAILURE_KINDS, Failure
    print(f"generated pages: {counts['pages']} tried in {time.monotonic() - started:.0f} s (seed "
          f"{args.seed}, scale {args.scale}), {len(failures)} failures on "
          f"{len({(f.name, f.text) for f in failures})} pages")
    for kind, meaning in FAILURE_KINDS.items():
        pages_failed = {(f.name, f.text) for f in failures if f.kind == kind}
        print(f"  {kind}: {len(pages_failed)} ({meaning})")
    print(f"they held {counts['bytes'] / 1e6:.1f} MB; {counts['pages with problems']} gave "
          f"{counts['problems']} problems, {counts['pages refused with a message']} were "
          f"refused with a message (broken front matter and the like), "
          f"{counts['pages with fixes']} had fixes to make")
    ordered = sorted(times, reverse=True)
    if ordered:
        print(f"time a page took here (one check, the check again and the fixed text's): "
              f"median {ordered[len(ordered) // 2][0]:.2f} s, slowest "
              + ", ".join(f"{took:.1f} s ({name!r})" for took, name in ordered[:3]))
    for failure in failures[:5]:
        print(f"\n[{failure.kind}] {failure.name!r}\n{failure.detail[:1500]}\n"
              f"page: {failure.text[:500]!r}")
    if args.fix:
        total, garbled = fuzz_concurrent_fixes(args.fix)
        print(f"concurrent --fix: {args.fix} trials, {total} files, {garbled} garbled")
        failures += [Failure("garbled", "", "", "")] * garbled
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
