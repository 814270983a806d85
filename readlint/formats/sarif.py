"""SARIF 2.1.0, the static-analysis results format GitHub code scanning and other tools read:
one run, with readlint as the tool (its version and every rule that ran: id, name, short and
full description, help text, and a help address where the rule has one), and one result per
problem with its rule, level, message and region (start and end line and column)."""

from __future__ import annotations

from typing import Any, TextIO

from ..problem import Severity
from ..results import RunResult
from .base import Format, FormatOptions, write_json

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def sarif(result: RunResult, options: FormatOptions) -> dict[str, Any]:
    used = sorted({p.rule for p in result.problems} | set(result.rules))
    index = {name: i for i, name in enumerate(used)}
    rules = []
    for name in used:
        info = result.rules.get(name)
        rule: dict[str, Any] = {"id": info.code if info else name, "name": name}
        if info is not None:
            rule["shortDescription"] = {"text": info.summary or name}
            first = (info.help or info.summary or name).split("\n\n")[0]
            rule["fullDescription"] = {"text": " ".join(first.split())}
            rule["help"] = {"text": info.help or info.summary or name}
            rule["defaultConfiguration"] = {"level": _LEVEL[info.severity]}
            if info.docs_url:
                rule["helpUri"] = info.docs_url
        rules.append(rule)
    results = [{
        "ruleId": p.code,
        "ruleIndex": index[p.rule],
        "level": _LEVEL[p.severity],
        "message": {"text": p.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(p.path)},
            "region": {"startLine": p.line, "startColumn": p.column,
                       "endLine": p.end_line, "endColumn": p.end_column},
        }}],
    } for p in result.problems]
    notifications = [{
        "level": "error",
        "message": {"text": error.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(error.path or "")},
                                            **({"region": {"startLine": error.line}}
                                               if error.line else {})}}],
    } for error in result.errors]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "readlint", "version": options.version or "0",
                            "rules": rules}},
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False,
                               "toolExecutionNotifications": notifications}]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _uri(path: str) -> str:
    """A relative file reference as SARIF wants it: forward slashes, spaces and the like
    percent-encoded."""
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/._-~")


def write_check(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    write_json(sarif(result, options), out)


FORMAT = Format("sarif", "SARIF 2.1.0 for code scanning tools", check=write_check)
