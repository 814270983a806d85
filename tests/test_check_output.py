"""`readlint check` writes the same bytes for a fixed sample of pages in every format, with
and without a baseline, to the terminal and to a file, from files and from standard input.

The expected outputs are in tests/fixtures/check-output. A change that is meant to change what
readlint reports rewrites them with `READLINT_WRITE_EXPECTED=1 pytest tests/test_check_output.py`;
read the diff before keeping it. A change to how `check` is put together leaves them alone.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers import ROOT, SEED

from readlint import __version__
from readlint.formats import for_check

EXPECTED = ROOT / "tests" / "fixtures" / "check-output"
PAGES = [SEED, ROOT / "tests" / "fixtures" / "every-severity.md",
         ROOT / "tests" / "fixtures" / "pages" / "cancer-gov-landing-page.md"]
COMMON = ("--today", "2026-01-01", "-j", "1", "--no-cache")

CASES: dict[str, tuple[str, ...]] = {
    **{f"check-{name}": ("--format", name, "pages") for name in for_check()},
    **{f"baseline-{name}": ("--format", name, "--baseline", "accepted.json", "pages")
       for name in for_check()},
    "statistics": ("--statistics", "--fail-on", "info", "pages"),
    "quiet-select": ("-q", "--select", "RL1,RL2", "--ignore", "RL102", "pages"),
    "missing-file": ("pages/every-severity.md", "pages/not-there.md"),
    "to-a-file": ("--format", "json", "-o", "out.json", "pages"),
    "diff": ("--config", "fixing.yaml", "--diff", "pages"),
}


def _pages(folder: Path) -> None:
    (folder / "pages").mkdir()
    for page in PAGES:
        shutil.copyfile(page, folder / "pages" / page.name)
    (folder / "fixing.yaml").write_text("rules:\n  plain-words:\n    fix: true\n",
                                        encoding="utf-8")
    # a baseline that accepts the problems of one page
    (folder / "accepted.json").write_text(
        (EXPECTED / "accepted.json").read_text(encoding="utf-8"), encoding="utf-8")


def _shown(result, folder: Path) -> str:
    written = folder / "out.json"
    parts = [f"exit code: {result.exit_code}", "-- standard output", result.stdout,
             "-- standard error", result.stderr]
    if written.exists():
        parts += ["-- out.json", written.read_text(encoding="utf-8")]
    return "\n".join(parts).replace(__version__, "VERSION").replace(
        folder.resolve().as_uri(), "FOLDER").replace(str(folder.resolve()), "FOLDER")


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_output_is_unchanged(case, run, tmp_path):
    _pages(tmp_path)
    result = run("check", *COMMON, *CASES[case])
    shown = _shown(result, tmp_path)
    expected = EXPECTED / f"{case}.txt"
    if os.environ.get("READLINT_WRITE_EXPECTED"):
        expected.write_text(shown, encoding="utf-8")
    assert shown == expected.read_text(encoding="utf-8")


def test_standard_input_is_checked_as_the_file_it_stands_for(run, tmp_path, monkeypatch):
    _pages(tmp_path)
    text = (tmp_path / "pages" / "every-severity.md").read_text(encoding="utf-8")
    from click.testing import CliRunner

    from readlint.cli import main

    result = CliRunner().invoke(main, ["check", *COMMON, "--format", "json",
                                       "--stdin-filename", "pages/every-severity.md", "-"],
                                input=text, catch_exceptions=False)
    shown = _shown(result, tmp_path)
    expected = EXPECTED / "stdin.txt"
    if os.environ.get("READLINT_WRITE_EXPECTED"):
        expected.write_text(shown, encoding="utf-8")
    assert shown == expected.read_text(encoding="utf-8")
