"""No function in readlint/ is longer than MAX_LINES lines, from its `def` to its last line:
each does one thing and reads at once."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from helpers import ROOT

MAX_LINES = 60


def _lengths() -> Iterator[tuple[tuple[str, str], int]]:
    """Every function and method of the package, as (file, name), with its length in lines."""
    for path in sorted((ROOT / "readlint").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno is not None
                yield (path.relative_to(ROOT).as_posix(), node.name), \
                    node.end_lineno - node.lineno + 1


def test_no_function_is_longer_than_60_lines() -> None:
    too_long = {where: lines for where, lines in _lengths() if lines > MAX_LINES}
    assert too_long == {}, "split these into smaller functions that each do one thing"
