"""What a pull request changed, from git: the lines added or changed in each file since a
revision (`readlint check --changed-since REF`). Problems on other lines are left out, except
problems about a whole document (its reading grade) in a document that changed.

Git's output is read as bytes and never depends on the user's git settings: every setting
that changes the diff's form is given on the command line, names come NUL-separated where git
can give them so, and names in a patch's `+++` lines, which git quotes in C style when they
hold unusual characters, are unquoted here."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from .errors import ConfigError
from .problem import Problem
from .results import FileResult
from .rule import SECTION_GRADE

_HUNK = re.compile(rb"@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")

# Settings that change what git prints for a diff, set to git's defaults so that a user's
# config cannot change it. Command-line options below override most of them again; the ones
# here also cover older versions of git and settings without an option.
_SETTINGS = (
    "core.quotePath=false", "color.ui=never", "color.diff=never", "diff.noprefix=false",
    "diff.mnemonicPrefix=false", "diff.srcPrefix=a/", "diff.dstPrefix=b/",
    "diff.relative=false", "diff.renames=true", "diff.interHunkContext=0",
    "diff.suppressBlankEmpty=false", "diff.algorithm=myers", "diff.indentHeuristic=true",
    "diff.submodule=short", "diff.ignoreSubmodules=all",
)
_DIFF = ("diff", "--no-color", "--no-ext-diff", "--no-textconv",
         "--src-prefix=a/", "--dst-prefix=b/", "--find-renames", "--diff-algorithm=myers",
         "--ignore-submodules=all")
# Environment variables that change git's diff whatever its command line says.
_UNSET = ("GIT_DIFF_OPTS", "GIT_EXTERNAL_DIFF")
_ESCAPES = {ord("a"): 7, ord("b"): 8, ord("t"): 9, ord("n"): 10, ord("v"): 11,
            ord("f"): 12, ord("r"): 13, ord('"'): 34, ord("\\"): 92}


def _top(ref: str, cwd: Path | None, option: str) -> tuple[Path, str]:
    """The top folder of the git repository around `cwd`, and the commit `ref` names there."""
    if ref.startswith("-"):  # never let a revision be read as an option
        raise ConfigError(f"{option}: {ref!r} is not a revision git knows")
    folder = cwd or Path.cwd()
    top = _git(["rev-parse", "--show-toplevel"], folder, option)
    commit = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], folder, option,
                  f"{ref!r} is not a revision git knows")
    return Path(os.fsdecode(top.removesuffix(b"\n"))), commit.strip().decode("ascii")


def changed_lines(ref: str, cwd: Path | None = None,
                  option: str = "--changed-since") -> dict[Path, set[int]]:
    """Lines added or changed since `ref` (committed, staged or not), by resolved file path.
    A file new since `ref` has all its lines, and so has a changed file git does not show
    line by line (one it takes for binary). On a branch, "since `ref`" means since the
    branch left it, as a pull request shows it: a line `ref` changed later is not the
    branch's."""
    top, commit = _top(ref, cwd, option)
    commit = _fork_point(commit, top, option)
    # first each file's counts, NUL-separated, with "-" for a file git shows no lines of;
    # then, after an empty field, the patch
    out = _git([*_DIFF, "-z", "--numstat", "--patch", "--unified=0", "--inter-hunk-context=0",
                "--diff-filter=ACMRT", commit, "--"], top, option)
    try:
        whole, pos = _unshown(out)
    except ValueError:
        raise ConfigError(f"{option}: git gave a diff readlint cannot read") from None
    changed = {path: _as_readlint_counts(path, lines)
               for path, lines in _patch_lines(out[pos:], top, option).items()}
    for path in [(top / os.fsdecode(name)).resolve() for name in whole] + _untracked(top, option):
        changed[path] = _as_readlint_counts(path, None)
    return changed


def _as_readlint_counts(path: Path, lines: set[int] | None) -> set[int]:
    """Git's numbers of a file's lines (`None`: all of them) as readlint counts lines. Git ends
    a line at LF only; readlint also at a carriage return alone (old Mac files)."""
    lone = _lone_returns(path)
    if lone is None:
        return lines or set()
    if not any(lone):
        return set(range(1, len(lone) + 1)) if lines is None else lines
    starts = [1]  # readlint's number of the first line of each of git's lines
    for count in lone:
        starts.append(starts[-1] + 1 + count)
    if lines is None:
        return set(range(1, starts[-1]))
    return {n for line in lines if 0 < line < len(starts)
            for n in range(starts[line - 1], starts[line])}


def _lone_returns(path: Path) -> list[int] | None:
    """How many carriage returns not followed by LF each of git's lines of a file holds (read
    a piece at a time); None when the file cannot be read."""
    counts = [0]
    after_return = False  # the last byte read was a carriage return
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                for i, part in enumerate(chunk.split(b"\n")):
                    if i:  # a line ended; a carriage return just before its LF was not alone
                        counts[-1] -= after_return
                        counts.append(0)
                        after_return = False
                    if part:
                        counts[-1] += part.count(b"\r")
                        after_return = part.endswith(b"\r")
    except OSError:
        return None
    return counts


def _unshown(out: bytes) -> tuple[list[bytes], int]:
    """The names of the files `--numstat -z` counts no lines of, and where its part ends."""
    whole: list[bytes] = []
    pos = 0
    while (end := out.find(b"\0", pos)) >= 0:
        field, pos = out[pos:end], end + 1
        if not field:
            break
        added, _, name = field.split(b"\t", 2)
        if not name:  # renamed: the names before and after follow
            pos = out.index(b"\0", pos) + 1
            end = out.index(b"\0", pos)
            name, pos = out[pos:end], end + 1
        if added == b"-":
            whole.append(name)
    return whole, pos


def _patch_lines(diff: bytes, top: Path, option: str) -> dict[Path, set[int]]:
    """The lines each file of a patch made with --unified=0 adds or changes."""
    changed: dict[Path, set[int]] = {}
    current: set[int] | None = None
    old_left = new_left = line_number = 0
    for line in diff.split(b"\n"):
        if old_left > 0 or new_left > 0:  # a line of the hunk: never a header
            if line.startswith(b"+"):
                if current is not None:
                    current.add(line_number)
                line_number += 1
                new_left -= 1
            elif line.startswith(b"-"):
                old_left -= 1
            elif not line.startswith(b"\\"):  # a line of context ("\\": no newline at end)
                line_number += 1
                old_left -= 1
                new_left -= 1
        elif line.startswith(b"diff --git "):
            current = None
        elif line.startswith(b"+++ "):
            name = _header_name(line[4:], option)
            current = None if name is None else \
                changed.setdefault(Path(top, os.fsdecode(name)).resolve(), set())
        elif line.startswith(b"@@ "):
            m = _HUNK.match(line)
            if m is None:
                raise ConfigError(f"{option}: git gave a diff readlint cannot read")
            old_left = int(m.group(1) or b"1")
            line_number, new_left = int(m.group(2)), int(m.group(3) or b"1")
    return changed


def _header_name(raw: bytes, option: str) -> bytes | None:
    """The file name of a patch's `+++ b/name` line without its prefix (None: /dev/null).
    Git quotes a name holding a control character, a quote or a backslash, and ends a name
    holding a space with a tab."""
    if raw.startswith(b'"'):
        name = _unquote(raw, option)
    else:
        if raw == b"/dev/null":
            return None
        name = raw.removesuffix(b"\t")
    if not name.startswith(b"b/"):
        raise ConfigError(f"{option}: git gave a diff readlint cannot read")
    return name[2:]


def _unquote(raw: bytes, option: str) -> bytes:
    """A name git wrote in C style ("b/na\\303\\257ve.md"), as the bytes it stands for."""
    out = bytearray()
    i = 1
    while i < len(raw):
        byte = raw[i]
        if byte == ord('"'):
            return bytes(out)
        if byte == ord("\\") and i + 1 < len(raw):
            escaped = raw[i + 1]
            if ord("0") <= escaped <= ord("3") and re.fullmatch(rb"[0-7]{3}", raw[i + 1:i + 4]):
                out.append(int(raw[i + 1:i + 4], 8))
                i += 4
                continue
            if escaped in _ESCAPES:
                out.append(_ESCAPES[escaped])
                i += 2
                continue
        out.append(byte)
        i += 1
    raise ConfigError(f"{option}: git gave a diff readlint cannot read")


class ChangedLines:
    """A per-file filter: leaves in each file's result only problems on lines added or
    changed (and, for documents that changed, problems of the rules in `whole_document`)."""

    def __init__(self, changed: dict[Path, set[int]], whole_document: frozenset[str]) -> None:
        self.changed = changed
        self.whole_document = whole_document

    def __call__(self, file: FileResult) -> FileResult:
        lines = self.changed.get((file.source_path or Path(file.path)).resolve())
        if lines is None:
            file.problems = []
        else:
            file.problems = [p for p in file.problems if p.rule in self.whole_document and
                             self._touched(p, file, lines)
                             or any(n in lines for n in range(p.line, p.end_line + 1))]
        return file

    @staticmethod
    def _touched(p: Problem, file: FileResult, lines: set[int]) -> bool:
        """Did the change touch what a whole-document problem is about: the document, or,
        for a section's grade (its subject SECTION_GRADE, at the section's "#" heading), a line
        of that section, up to the next heading of its level or higher?"""
        if p.subject != SECTION_GRADE or file.source_text is None:
            return True
        text = file.source_text.split("\n")
        heading = _ATX.match(text[p.line - 1])
        if heading is None:
            return True
        level = len(heading.group(1))
        # the section ends before the next heading of its level or higher (or with the page)
        end = next((n for n in range(p.line + 1, len(text) + 1)
                    if (found := _ATX.match(text[n - 1])) and len(found.group(1)) <= level),
                   len(text) + 1)
        return any(p.line <= n < end for n in lines)


_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")  # a heading line: its level in "#"s


def _fork_point(commit: str, top: Path, option: str) -> str:
    """Where the work checked out left `commit`: their last commit in common (the commit
    itself when the branch is ahead of it, or when they have none in common)."""
    try:
        base = _git(["merge-base", commit, "HEAD"], top, option)
    except ConfigError:
        return commit  # no commit yet, or histories that never met
    return base.strip().decode("ascii") or commit


def _git(args: list[str], cwd: Path, option: str, failure: str | None = None) -> bytes:
    settings = [part for setting in _SETTINGS for part in ("-c", setting)]
    env = {key: value for key, value in os.environ.items() if key not in _UNSET}
    try:
        done = subprocess.run(["git", "--no-pager", *settings, *args], cwd=cwd,
                              capture_output=True, env={**env, "GIT_OPTIONAL_LOCKS": "0"},
                              check=False)
    except FileNotFoundError:
        raise ConfigError(f"{option} needs git, which was not found") from None
    except OSError as exc:
        raise ConfigError(f"{option}: git cannot run: {exc.strerror or exc}") from None
    if done.returncode != 0:
        said = [line.strip() for line in done.stderr.decode("utf-8", "replace").splitlines()
                 if line.strip()] or ["git failed"]
        # git's own reason, without "fatal:", rather than the advice after it
        first = next((line.split(":", 1)[1].strip() for line in said
                      if line.startswith(("fatal:", "error:"))), said[-1])
        reason = failure or first
        raise ConfigError(f"{option}: {reason}")
    return done.stdout


def _untracked(top: Path, option: str) -> list[Path]:
    """Files git does not track yet (and does not ignore): new since any revision."""
    names = _git(["ls-files", "-z", "--others", "--exclude-standard"], top, option)
    return [(top / os.fsdecode(name)).resolve() for name in names.split(b"\0") if name]


def base_of(ref: str, cwd: Path | None = None, option: str = "--base") -> str:
    """The commit a branch left `ref` at (see changed_lines): what `report --base` compares
    with, so that a page `ref` changed after the branch left it is not the branch's change."""
    top, commit = _top(ref, cwd, option)
    return _fork_point(commit, top, option)


def changed_files(ref: str, cwd: Path | None = None,
                  option: str = "--base") -> dict[Path, str | None]:
    """Files changed since `ref`, by resolved path, with their name in `ref` (None for a file
    that is new since): a name `text_at` takes, relative to the repository's top."""
    top, commit = _top(ref, cwd, option)
    out: dict[Path, str | None] = {}
    fields = _git([*_DIFF, "-z", "--name-status", "--diff-filter=ACMRT", commit, "--"],
                  top, option).split(b"\0")
    i = 0
    while i < len(fields) and fields[i]:
        kind = fields[i][:1]
        names = fields[i + 1:i + (3 if kind in (b"R", b"C") else 2)]  # copies, renames: two
        if not all(names) or len(names) != (2 if kind in (b"R", b"C") else 1):
            raise ConfigError(f"{option}: git gave a list of changes readlint cannot read")
        i += 1 + len(names)
        # a copy is a new document; a renamed one is compared with what it was
        out[(top / os.fsdecode(names[-1])).resolve()] = \
            None if kind in (b"A", b"C") else os.fsdecode(names[0])
    for path in _untracked(top, option):
        out[path] = None
    return out


def text_at(ref: str, name: str) -> str | None:
    """A file's text at revision `ref`, `name` relative to the repository's top (as
    changed_files gives it); None when it cannot be read as UTF-8 text."""
    if ref.startswith("-"):
        return None
    # "REF:name" names a file from the repository's top, wherever git runs in it
    done = subprocess.run(["git", "--no-pager", "cat-file", "blob", f"{ref}:{name}"],
                          capture_output=True, check=False)
    if done.returncode != 0:
        return None
    try:
        return done.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
