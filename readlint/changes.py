"""What a pull request changed, from git: the lines added or changed in each file since a
revision (`readlint check --changed-since REF`). Problems on other lines are left out, except
problems about a whole document (its reading grade) in a document that changed."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from .errors import ConfigError
from .results import RunResult

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


def _top(ref: str, cwd: Path | None) -> Path:
    """The top folder of the git repository around `cwd`, once `ref` is known to be there."""
    folder = cwd or Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], folder).strip())
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], folder,
         f"{ref!r} is not a revision git knows")
    return top


def changed_lines(ref: str, cwd: Path | None = None) -> dict[Path, set[int]]:
    """Lines added or changed since `ref` (committed, staged or not), by resolved file path.
    A file new since `ref` has all its lines."""
    top = _top(ref, cwd)
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--relative=",
                 "--diff-filter=AMR", ref, "--"], top)
    changed: dict[Path, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else \
                changed.setdefault(Path(top, name[2:] if name.startswith("b/") else name)
                                   .resolve(), set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or "1")
                current.update(range(start, start + count))
    for path in _untracked(top):
        changed[path] = set(range(1, _line_count(path) + 1))
    return changed


def keep_changed(result: RunResult, changed: dict[Path, set[int]],
                 whole_document: frozenset[str]) -> int:
    """Leave in the result only problems on changed lines (and, for documents that changed,
    problems of the rules in `whole_document`); return how many were left out."""
    dropped = 0
    for file in result.files:
        path = (file.source_path or Path(file.path)).resolve()
        lines = changed.get(path)
        before = len(file.problems)
        if lines is None:
            file.problems = []
        else:
            file.problems = [p for p in file.problems if p.rule in whole_document
                             or any(n in lines for n in range(p.line, p.end_line + 1))]
        dropped += before - len(file.problems)
    return dropped


def _git(args: list[str], cwd: Path, failure: str | None = None) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"}, check=False)
    except FileNotFoundError:
        raise ConfigError("--changed-since needs git, which was not found") from None
    if done.returncode != 0:
        reason = failure or (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise ConfigError(f"--changed-since: {reason}")
    return done.stdout


def _line_count(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return sum(1 for _ in fh) or 1
    except OSError:
        return 0


def _untracked(top: Path) -> list[Path]:
    """Files git does not track yet (and does not ignore): new since any revision."""
    return [(top / name).resolve()
            for name in _git(["ls-files", "--others", "--exclude-standard"], top).splitlines()]


def changed_files(ref: str, cwd: Path | None = None) -> dict[Path, str | None]:
    """Files changed since `ref`, by resolved path, with their name in `ref` (None for a file
    that is new since): a name `text_at` takes, relative to the repository's top."""
    top = _top(ref, cwd)
    out: dict[Path, str | None] = {}
    status = _git(["diff", "--name-status", "-M", "--no-color", ref, "--"], top)
    for line in status.splitlines():
        parts = line.split("\t")
        kind = parts[0][:1]
        if kind in ("M", "T"):
            out[(top / parts[1]).resolve()] = parts[1]
        elif kind == "R" and len(parts) == 3:
            out[(top / parts[2]).resolve()] = parts[1]
        elif kind == "A":
            out[(top / parts[1]).resolve()] = None
    for path in _untracked(top):
        out[path] = None
    return out


def text_at(ref: str, name: str) -> str | None:
    """A file's text at revision `ref`, `name` relative to the repository's top (as
    changed_files gives it); None when it cannot be read as UTF-8 text."""
    # "REF:name" names a file from the repository's top, wherever git runs in it
    done = subprocess.run(["git", "show", f"{ref}:{name}"], capture_output=True, check=False)
    if done.returncode != 0:
        return None
    try:
        return done.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
