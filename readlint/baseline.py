"""Baselines: accept the problems a site has today and report only new ones.

`readlint check --write-baseline FILE` writes every problem found; `--baseline FILE` leaves
out problems that are in it. A problem is matched by its rule, its file, the words it flags and
the sentence around them (results.problem_identity), not by its line, so edits above a
problem do not bring it back. Each entry counts once: a second, new copy of the same problem
in the same sentence is reported. The file is JSON, sorted, one entry per problem, so it
reads well in a pull request.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .errors import ConfigError
from .fixes import write_atomically
from .results import FileResult, problem_identity
from .source import read_data_text

VERSION = 1


def write(files: Iterable[FileResult], path: Path) -> int:
    """Write the files' problems as a baseline, taking each file's result as it comes;
    return how many."""
    entries = sorted(problem_identity(p, f.source_text) for f in files for p in f.problems)
    data = {"version": VERSION, "about": "Problems accepted by readlint --write-baseline; "
                                         "--baseline reports only problems not listed here.",
            "problems": [{"rule": r, "path": p, "text": t, "sentence": s}
                         for r, p, t, s in entries]}
    write_atomically(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    return len(entries)


def read(path: Path) -> Counter[tuple[str, str, str, str]]:
    text = read_data_text(path)
    try:
        data = json.loads(text)
        if data.get("version") != VERSION:
            raise KeyError("version")
        entries = Counter((e["rule"], e["path"], e["text"], e["sentence"])
                          for e in data["problems"])
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
        raise ConfigError("not a readlint baseline (write one with --write-baseline)",
                          str(path)) from None
    return entries


class Accepted:
    """A per-file filter: leaves out of each file's result, as it comes, the problems the
    baseline accepts (each entry once); `dropped` counts them."""

    def __init__(self, accepted: Counter[tuple[str, str, str, str]]) -> None:
        self.left = Counter(accepted)
        self.dropped = 0

    def __call__(self, file: FileResult) -> FileResult:
        kept = []
        for p in file.problems:
            key = problem_identity(p, file.source_text)
            if self.left[key] > 0:
                self.left[key] -= 1
                self.dropped += 1
            else:
                kept.append(p)
        file.problems = kept
        return file
