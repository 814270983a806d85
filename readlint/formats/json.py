"""JSON for other tools. `check`: {"version", "problems": [...], "errors": [...]}; `report`:
every metric of every document, and totals. Keys are stable."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from ..problem import Problem
from ..results import FileResult, RuleInfo, RunResult
from .base import Format, FormatOptions, json_text, pulling, write_json

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


class CheckJson:
    """The same text as json.dump(indent=2) of {"version", "problems", "errors"}, written one
    file's problems at a time: a corpus's problems never stand in memory twice (as dicts,
    and as one long string)."""

    def __init__(self, out: TextIO, options: FormatOptions,
                 rules: Mapping[str, RuleInfo]) -> None:
        self.out = out
        self.rules = rules
        self.started = False
        out.write('{\n  "version": ' + json.dumps(options.version, ensure_ascii=False))
        out.write(',\n  "problems": [')

    def file(self, file: FileResult) -> None:
        if not file.problems:
            return
        # The file's problems as one JSON list, its items moved two spaces deeper to stand
        # in the "problems" list: one conversion per file, not per problem.
        items = json_text([problem_dict(p, self.rules) for p in file.problems])[2:-2]
        self.out.write(",\n  " if self.started else "\n  ")
        self.out.write(items.replace("\n", "\n  "))
        self.started = True

    def end(self, run: RunResult) -> None:
        self.out.write("\n  ]" if self.started else "]")
        errors = [{"path": e.path, "line": e.line, "message": e.message} for e in run.errors]
        self.out.write(',\n  "errors": ' + json_text(errors).replace("\n", "\n  ") + "\n}\n")


write_check = pulling(CheckJson)


def write_report(report: Report, out: TextIO, options: FormatOptions) -> None:
    write_json(report.to_json(options.version), out)


FORMAT = Format("json", "for other tools: every problem, or every metric of every document",
                write_check, write_report, push=CheckJson)
