"""No function in readlint/ is longer than MAX_LINES lines, from its `def` to its last line:
each does one thing and reads at once. LONG_FOR_NOW names the few still to be split."""

from __future__ import annotations

import ast
from collections.abc import Iterator

import pytest
from helpers import ROOT

MAX_LINES = 60
# Being split on their own; each leaves this list when it is short enough.
LONG_FOR_NOW = frozenset({
    ("readlint/checks/undefined_jargon.py", "check"),
    ("readlint/checks/undefined_jargon.py", "_hard_parts"),
})


def _lengths() -> Iterator[tuple[tuple[str, str], int]]:
    """Every function and method of the package, as (file, name), with its length in lines."""
    for path in sorted((ROOT / "readlint").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno is not None
                yield (path.relative_to(ROOT).as_posix(), node.name), \
                    node.end_lineno - node.lineno + 1


@pytest.fixture(scope="module")
def lengths() -> list[tuple[tuple[str, str], int]]:
    """The package's functions and their lengths, read once for the tests of this file."""
    return list(_lengths())


def test_no_function_is_longer_than_60_lines(lengths) -> None:
    too_long = {where: lines for where, lines in lengths
                if lines > MAX_LINES and where not in LONG_FOR_NOW}
    assert too_long == {}, "split these into smaller functions that each do one thing"


def test_the_functions_let_off_are_few_and_still_long(lengths) -> None:
    assert len(LONG_FOR_NOW) <= 2
    long = {where for where, lines in lengths if lines > MAX_LINES}
    assert long >= LONG_FOR_NOW, "a function now short enough leaves LONG_FOR_NOW"
