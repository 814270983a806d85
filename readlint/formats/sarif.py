"""SARIF 2.1.0, the static-analysis results format GitHub code scanning and other tools read:
one run, with readlint as the tool (its version and every rule that ran: id, name, short and
full description, help text, and a help address where the rule has one), and one result per
problem with its rule, level, message and region (start and end line and column).

A file under the current folder is a relative reference from %SRCROOT%, which the run defines
as that folder; any other file is a file: URI. Both are percent-encoded (RFC 3986) from the
file's real name, so they lead back to it whatever characters it holds. The tool names its
full name and where to read about it, and the run its category (automationDetails), as
code scanning services ask."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from ..problem import Severity
from ..results import RunResult
from .base import Format, FormatOptions, write_json
from .paths import current_folder, file_uri, real_name, split_name, uri_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
BASE = "%SRCROOT%"  # where relative file references start: the folder readlint ran in
_PACKAGE_PAGE = "https://pypi.org/project/readlint/"
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
    cwd = current_folder()
    places = _Places(cwd)
    results = []
    notifications = []
    for file in result.files:
        for p in file.problems:
            results.append({
                "ruleId": p.code,
                "ruleIndex": index[p.rule],
                "level": _LEVEL[p.severity],
                "message": {"text": p.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": places.of(p.path, file.source_path),
                    "region": {"startLine": p.line, "startColumn": p.column,
                               "endLine": p.end_line, "endColumn": p.end_column},
                }}],
            })
        for error in ([file.error] if file.error is not None else []) + file.failures:
            note: dict[str, Any] = {"level": "error", "message": {"text": error.message}}
            if error.path:
                where: dict[str, Any] = {
                    "artifactLocation": places.of(error.path, file.source_path)}
                if error.line:
                    where["region"] = {"startLine": error.line}
                note["locations"] = [{"physicalLocation": where}]
            notifications.append(note)
    version = options.version or "0"
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "readlint", "fullName": f"readlint {version}",
                            "version": version, "informationUri": information_uri(),
                            "rules": rules}},
        "automationDetails": {"id": _category(options)},
    }
    if cwd is not None:
        run["originalUriBaseIds"] = {BASE: {"uri": _folder_uri(cwd)}}
    run["results"] = results
    run["columnKind"] = "unicodeCodePoints"
    if notifications:
        run["invocations"] = [{"executionSuccessful": False,
                               "toolExecutionNotifications": notifications}]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


class _Places:
    """Each file's artifactLocation, made once: a relative reference from BASE (the current
    folder) for a file under it, a file: URI for any other."""

    def __init__(self, cwd: str | None) -> None:
        self.cwd = cwd
        self.made: dict[tuple[str, Path | None], dict[str, str]] = {}

    def of(self, shown: str, source: Path | None) -> dict[str, str]:
        key = (shown, source)
        if key not in self.made:
            rel, absolute = split_name(real_name(shown, source), self.cwd)
            self.made[key] = ({"uri": uri_path(rel), "uriBaseId": BASE} if rel is not None
                              else {"uri": file_uri(absolute)})
        return dict(self.made[key])


def _category(options: FormatOptions) -> str:
    """The category code scanning files the results under (nothing after the "/": the same
    category every run, so a later run's results replace this one's); one of its own for each
    shard of a run split with --shard, or each shard's upload would replace the others'."""
    return "readlint/" if options.shard is None else \
        "readlint/shard-{}-of-{}/".format(*options.shard)


def _folder_uri(folder: str) -> str:
    uri = file_uri(folder)
    return uri if uri.endswith("/") else uri + "/"


def information_uri() -> str:
    """Where to read about readlint: the home page its package names, else its page on the
    Python Package Index."""
    from importlib import metadata

    try:
        found = metadata.metadata("readlint")
    except metadata.PackageNotFoundError:
        return _PACKAGE_PAGE
    for entry in found.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("homepage", "home", "documentation") and url.strip():
            return url.strip()
    home = next((str(h).strip() for h in found.get_all("Home-page") or []), "")
    return home if home and home != "UNKNOWN" else _PACKAGE_PAGE


def write_check(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    write_json(sarif(result, options), out)


FORMAT = Format("sarif", "SARIF 2.1.0 for code scanning tools", check=write_check)
