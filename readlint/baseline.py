"""Baselines: accept the problems a site has today and report only new ones.

`readlint check --write-baseline FILE` writes every problem found; `--baseline FILE` leaves
out problems that are in it. A problem is matched by its rule, its file, the words it flags and
the sentence around them (results.problem_identity), not by its line, so edits above or
below a problem do not bring it back. Each entry counts once: a second, new copy of the same problem
in the same sentence is reported. The file is JSON, sorted, one entry per problem, so it
reads well in a pull request. Its files are named from the baseline's own folder, so a run
from another folder (a CI job's working directory, a writer in a subfolder) matches them.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import ConfigError
from .fixes import write_atomically
from .problem import Problem
from .results import FileResult, problem_identity, problem_identity_1
from .source import read_data_text

# 1: sentences as problem_identity_1 cut them; 2: files named as the run showed them (from
# the folder it ran in); 3: files named from the baseline's folder. All are still read.
VERSION = 3
Key = tuple[str, str, str, str]


def write(files: Iterable[FileResult], path: Path) -> int:
    """Write the files' problems as a baseline, taking each file's result as it comes;
    return how many."""
    name = _namer(path, VERSION)
    entries = sorted(_with_file(problem_identity(p, f.source_text), name(f))
                     for f in files for p in f.problems)
    data = {"version": VERSION, "about": "Problems accepted by readlint --write-baseline; "
                                         "--baseline reports only problems not listed here.",
            "problems": [{"rule": r, "path": p, "text": t, "sentence": s}
                         for r, p, t, s in entries]}
    write_atomically(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    return len(entries)


Identity = Callable[[Problem, "str | None"], Key]
Namer = Callable[[FileResult], str]


def _namer(path: Path, version: int) -> Namer:
    """How a baseline of this version names a file: from the baseline's folder (version 3),
    or as the run showed it (earlier versions)."""
    folder = os.path.abspath(path.parent)

    def name(file: FileResult) -> str:
        if version < 3:
            return file.path
        # (standard input checked as --stdin-filename names it: that file, from here)
        where = os.path.abspath(file.source_path if file.source_path is not None else file.path)
        return Path(os.path.relpath(where, folder)).as_posix()

    return name


def _with_file(key: Key, name: str) -> Key:
    """A problem's identity with its file named as the baseline names it."""
    return key[0], name, key[2], key[3]


def read(path: Path) -> tuple[Counter[Key], Identity, Namer]:
    """The problems a baseline accepts, how its version names a problem, and its file."""
    text = read_data_text(path)
    try:
        data = json.loads(text)
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise KeyError("version")
        if version > VERSION:
            raise ConfigError("a baseline written by a newer readlint: update readlint, or "
                              "write the baseline again", str(path))
        identity = {1: problem_identity_1, 2: problem_identity, 3: problem_identity}[version]
        entries = Counter((e["rule"], e["path"], e["text"], e["sentence"])
                          for e in data["problems"])
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
        raise ConfigError("not a readlint baseline (write one with --write-baseline)",
                          str(path)) from None
    return entries, identity, _namer(path, version)


class Accepted:
    """A per-file filter: leaves out of each file's result, as it comes, the problems the
    baseline accepts (each entry once); `dropped` counts them."""

    def __init__(self, accepted: tuple[Counter[Key], Identity, Namer]) -> None:
        self.left = Counter(accepted[0])
        self.identity, self.name = accepted[1], accepted[2]
        self.dropped = 0
        self._checked: set[str] = set()  # the files checked, as the baseline names them

    @property
    def stale(self) -> int:
        """How many problems the baseline accepts in the files checked were not found (fixed,
        or their sentence rewritten): entries to drop by writing the baseline again."""
        return sum(n for key, n in self.left.items() if key[1] in self._checked)

    def __call__(self, file: FileResult) -> FileResult:
        kept = []
        name = self.name(file)
        if file.error is None and not file.failures:  # (a file not read says nothing)
            self._checked.add(name)
        for p in file.problems:
            key = _with_file(self.identity(p, file.source_text), name)
            if self.left[key] > 0:
                self.left[key] -= 1
                self.dropped += 1
            else:
                kept.append(p)
        file.problems = kept
        return file
