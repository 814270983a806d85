"""`readlint check --format json` finds the same problems, byte for byte, on a fixed sample of
pages of the development corpora (../shared): changes made only to how fast readlint runs must
leave them alone.

The pages are listed in tests/fixtures/corpus-output/pages.txt (paths under ../shared) and
their problems stored in problems.json beside it. A change that is meant to change what
readlint reports rewrites them with
`READLINT_WRITE_EXPECTED=1 pytest --corpus tests/test_corpus_output.py`; read the diff before
keeping it.
"""

from __future__ import annotations

import os

import pytest
from helpers import ROOT, SHARED

from readlint import __version__

pytestmark = pytest.mark.corpus

EXPECTED = ROOT / "tests" / "fixtures" / "corpus-output"


def test_corpus_sample_problems_are_unchanged(run):
    names = (EXPECTED / "pages.txt").read_text(encoding="utf-8").split()
    pages = [SHARED / name for name in names]
    if not all(page.is_file() for page in pages):
        pytest.skip(f"the sample pages are not all in {SHARED}")
    result = run("check", "--today", "2026-01-01", "-j", "1", "--no-cache", "--exit-zero",
                 "--format", "json", *map(str, pages))
    shown = result.stdout.replace(str(SHARED), "SHARED").replace(__version__, "VERSION")
    expected = EXPECTED / "problems.json"
    if os.environ.get("READLINT_WRITE_EXPECTED"):
        expected.write_text(shown, encoding="utf-8")
    assert result.exit_code == 0
    assert shown == expected.read_text(encoding="utf-8")
