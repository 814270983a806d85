"""GitLab Code Quality report (a JSON list GitLab shows on merge requests). Each problem has a
fingerprint that stays the same from run to run while the problem does (its rule, file, the
words it is about and the sentence around them: results.problem_identity; not its line, so
edits above it do not make it new) and differs between two problems. A problem's file is its
path from the top of the checkout as GitLab wants it (CI_PROJECT_DIR in a job, else the
current folder): the real name, not escaped, "/" between folders. A file that could not be
read is an item too ("critical"), so the merge request shows why the job failed."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any, TextIO

from ..problem import Severity
from ..results import RunResult, problem_identity
from .base import Format, FormatOptions, write_json
from .paths import plain_path, project_folder

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def fingerprints(result: RunResult) -> dict[int, str]:
    """A fingerprint per problem (keyed by id), unique: repeats of the same identity are
    numbered in file order."""
    seen: Counter[str] = Counter()
    out: dict[int, str] = {}
    for file in result.files:
        for p in file.problems:
            key = "\x1f".join(problem_identity(p, file.source_text))
            seen[key] += 1
            out[id(p)] = hashlib.sha256(f"{key}\x1f{seen[key]}".encode("utf-8",
                                        "surrogatepass")).hexdigest()
    return out


def write_check(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    prints = fingerprints(result)
    items: list[dict[str, Any]] = []
    top = project_folder("CI_PROJECT_DIR")  # where GitLab finds files from
    for file in result.files:
        path = plain_path(file.path, file.source_path, top)
        # a file that could not be read (or fully checked), so the merge request shows why
        # the job failed
        for error in ([file.error] if file.error is not None else []) + file.failures:
            line = error.line or 1
            items.append({
                "description": f"readlint could not check this file: {error.message}",
                "check_name": "readlint",
                "fingerprint": hashlib.sha256(f"error\x1f{path}\x1f{error.message}".encode(
                    "utf-8", "surrogatepass")).hexdigest(),
                "severity": "critical",
                "location": {"path": path, "lines": {"begin": line, "end": line}},
            })
        items.extend({
            "description": f"{p.message} ({p.code} {p.rule})",
            "check_name": p.rule,
            "fingerprint": prints[id(p)],
            "severity": _SEVERITY[p.severity],
            "location": {"path": path, "lines": {"begin": p.line, "end": p.end_line}},
        } for p in file.problems)
    write_json(items, out)


FORMAT = Format("gitlab", "GitLab Code Quality report for merge requests", check=write_check)
