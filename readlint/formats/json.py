"""JSON for other tools. `check`: {"version", "problems": [...], "errors": [...]}; `report`:
every metric of every document, and totals. Keys are stable."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from ..problem import Problem
from ..results import RuleInfo, RunResult
from .base import Format, FormatOptions, write_json

if TYPE_CHECKING:
    from ..report.model import Report


def problem_dict(p: Problem, rules: Mapping[str, RuleInfo] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": p.path, "line": p.line, "column": p.column,
        "end_line": p.end_line, "end_column": p.end_column,
        "rule": p.rule, "code": p.code, "severity": str(p.severity), "message": p.message,
    }
    if p.fix is not None:  # what --fix would write there
        data["fix"] = {"replacement": p.fix.replacement, "description": p.fix.description}
    info = (rules or {}).get(p.rule)
    data["docs"] = info.docs_url if info is not None and info.docs_url else \
        f"readlint explain {p.rule}"
    return data


def write_check(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    """The same text as json.dump(indent=2) of {"version", "problems", "errors"}, written one
    problem at a time: a corpus's problems never stand in memory twice (as dicts, and as one
    long string)."""
    out.write('{\n  "version": ' + json.dumps(options.version, ensure_ascii=False))
    out.write(',\n  "problems": [')
    n = 0
    for file in result.each_file():
        for problem in file.problems:
            out.write(",\n    " if n else "\n    ")
            out.write(_indented(problem_dict(problem, result.rules), 4))
            n += 1
    out.write("\n  ]" if n else "]")
    errors = [{"path": e.path, "line": e.line, "message": e.message} for e in result.errors]
    out.write(',\n  "errors": ' + _indented(errors, 2) + "\n}\n")


def _indented(value: Any, spaces: int) -> str:
    """A value as indented JSON, to stand `spaces` deep."""
    page = io.StringIO()
    write_json(value, page)
    return page.getvalue().rstrip("\n").replace("\n", "\n" + " " * spaces)


def write_report(report: Report, out: TextIO, options: FormatOptions) -> None:
    write_json(report.to_json(options.version), out)


FORMAT = Format("json", "for other tools: every problem, or every metric of every document",
                write_check, write_report, streams=True)
