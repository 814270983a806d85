"""JSON for other tools. `check`: {"version", "problems": [...], "errors": [...]}; `report`:
every metric of every document, and totals. Keys are stable."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from ..problem import Problem
from ..results import RuleInfo, RunResult
from .base import Format, FormatOptions, json_text, write_json

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
    started = False
    for file in result.each_file():
        if not file.problems:
            continue
        # The file's problems as one JSON list, its items moved two spaces deeper to stand
        # in the "problems" list: one conversion per file, not per problem.
        items = json_text([problem_dict(p, result.rules) for p in file.problems])[2:-2]
        out.write(",\n  " if started else "\n  ")
        out.write(items.replace("\n", "\n  "))
        started = True
    out.write("\n  ]" if started else "]")
    errors = [{"path": e.path, "line": e.line, "message": e.message} for e in result.errors]
    out.write(',\n  "errors": ' + json_text(errors).replace("\n", "\n  ") + "\n}\n")


def write_report(report: Report, out: TextIO, options: FormatOptions) -> None:
    write_json(report.to_json(options.version), out)


FORMAT = Format("json", "for other tools: every problem, or every metric of every document",
                write_check, write_report, streams=True)
