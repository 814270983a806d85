"""Baselines: accept the problems a site has today and report only new ones.

`readlint check --write-baseline FILE` writes every problem found; `--baseline FILE` leaves
out problems that are in it. A problem is matched by its rule, its file, the words it flags and
the sentence around them (results.problem_identity), not by its line, so edits above or
below a problem do not bring it back. Each entry counts once: a second, new copy of the same problem
in the same sentence is reported. The file is JSON, sorted, one entry per problem, so it
reads well in a pull request.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import ConfigError
from .fixes import write_atomically
from .problem import Problem
from .results import FileResult, problem_identity, problem_identity_1
from .source import read_data_text

VERSION = 2  # 1: sentences as problem_identity_1 cut them (still read)


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


Identity = Callable[[Problem, "str | None"], tuple[str, str, str, str]]


def read(path: Path) -> tuple[Counter[tuple[str, str, str, str]], Identity]:
    """The problems a baseline accepts, and how its version names a problem."""
    text = read_data_text(path)
    try:
        data = json.loads(text)
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise KeyError("version")
        if version > VERSION:
            raise ConfigError("a baseline written by a newer readlint: update readlint, or "
                              "write the baseline again", str(path))
        identity = {1: problem_identity_1, VERSION: problem_identity}[version]
        entries = Counter((e["rule"], e["path"], e["text"], e["sentence"])
                          for e in data["problems"])
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
        raise ConfigError("not a readlint baseline (write one with --write-baseline)",
                          str(path)) from None
    return entries, identity


class Accepted:
    """A per-file filter: leaves out of each file's result, as it comes, the problems the
    baseline accepts (each entry once); `dropped` counts them."""

    def __init__(self, accepted: tuple[Counter[tuple[str, str, str, str]], Identity]) -> None:
        self.left = Counter(accepted[0])
        self.identity = accepted[1]
        self.dropped = 0

    def __call__(self, file: FileResult) -> FileResult:
        kept = []
        for p in file.problems:
            key = self.identity(p, file.source_text)
            if self.left[key] > 0:
                self.left[key] -= 1
                self.dropped += 1
            else:
                kept.append(p)
        file.problems = kept
        return file
