"""JSON for other tools: {"version", "problems": [...], "errors": [...]}. Keys are stable."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..linter import RunResult
    from ..problem import Problem
    from . import FormatOptions


def problem_dict(p: Problem) -> dict[str, Any]:
    return {
        "path": p.path, "line": p.line, "column": p.column,
        "end_line": p.end_line, "end_column": p.end_column,
        "rule": p.rule, "code": p.code, "severity": str(p.severity), "message": p.message,
    }


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    data = {
        "version": options.version,
        "problems": [problem_dict(p) for p in result.problems],
        "errors": [{"path": e.path, "line": e.line, "message": e.message}
                   for e in result.errors],
    }
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")
