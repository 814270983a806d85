"""Fuzz readlint for a set time: generated documents (tests/markdown_pieces.py) checked for
the properties every run must keep, then two `check --fix` runs at once on the same files.

    python tools/fuzz.py 600            # ten minutes of generated documents
    python tools/fuzz.py 60 --fix 20    # one minute, then 20 trials of concurrent fixes

Prints how many documents were tried and how many failed (with the first failures), and how
many files the concurrent fixes garbled. Not part of CI: CI runs the same properties on a few
hundred documents (tests/test_properties.py).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from markdown_pieces import check_properties, documents, fixing_linter  # noqa: E402

FIX_TEXT = ("---\r\naudienceLevel: patient\r\n---\r\n\r\nWomen with thrombocytopenia and "
            "lymphedema may utilize chemotherapy.\r\nSome [HER2](/publications/dictionaries/"
            "cancer-terms/def/44945) words. Wow!chemotherapy \\metastatic.\r\n")


def fuzz_documents(seconds: float) -> tuple[int, list[str]]:
    linter = fixing_linter()
    tried = with_problems = 0
    failures: list[str] = []
    deadline = time.monotonic() + seconds

    @settings(max_examples=200, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(documents(max_pieces=120))
    def one(text: str) -> None:
        nonlocal tried, with_problems
        tried += 1
        try:
            with_problems += check_properties(linter, text) > 0
        except Exception:  # record it and go on: the count is the result
            failures.append(f"{text!r}\n{traceback.format_exc(limit=3)}")

    while time.monotonic() < deadline:
        one()
    print(f"({with_problems} of the documents had problems to report)")
    return tried, failures


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
    parser.add_argument("seconds", type=float, help="how long to generate documents")
    parser.add_argument("--fix", type=int, default=0, metavar="TRIALS",
                        help="then run this many trials of two --fix runs at once")
    args = parser.parse_args()
    started = time.monotonic()
    tried, failures = fuzz_documents(args.seconds)
    print(f"generated documents: {tried} tried in {time.monotonic() - started:.0f} s, "
          f"{len(failures)} failed")
    for failure in failures[:3]:
        print(failure)
    if args.fix:
        total, garbled = fuzz_concurrent_fixes(args.fix)
        print(f"concurrent --fix: {args.fix} trials, {total} files, {garbled} garbled")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
