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
from pathlib import Path

from .errors import ConfigError
from .fixes import write_atomically
from .results import RunResult, problem_identity
from .source import read_data_text

VERSION = 1


def write(result: RunResult, path: Path) -> int:
    """Write the run's problems as a baseline; return how many."""
    entries = sorted(problem_identity(p, f.source_text) for f in result.files
                     for p in f.problems)
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


def apply(result: RunResult, accepted: Counter[tuple[str, str, str, str]]) -> int:
    """Leave out of the result the problems the baseline accepts; return how many."""
    left = Counter(accepted)
    dropped = 0
    for file in result.files:
        kept = []
        for p in file.problems:
            key = problem_identity(p, file.source_text)
            if left[key] > 0:
                left[key] -= 1
                dropped += 1
            else:
                kept.append(p)
        file.problems = kept
    return dropped
