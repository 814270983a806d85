"""What a run gives back: each file's result and the rules it knew. Plain values that can be
pickled (for worker processes and a cache) and that outputs read without knowing any rule."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .errors import ReadlintError, one_line
from .problem import Problem, Severity


class Notice(NamedTuple):
    """Something worth saying once per run ("a.md has no audienceLevel ..."). Notices with
    the same key are said once, the first time, with how many files it was true of."""

    key: str
    message: str


@dataclass
class FileResult:
    path: str
    problems: list[Problem] = field(default_factory=list)
    error: ReadlintError | None = None
    audience: str | None = None
    rule_set: str | None = None
    # Figures rules measured on the whole document, keyed by what they feed (rule.GRADE ...),
    # when the run asks for them.
    measures: dict[str, Any] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    # What the caller's `describe` function made of the document, when it gave one.
    detail: Any = None
    # A digest of the text checked (fixes.fingerprint), so fixes go only to that text.
    fingerprint: str | None = None
    # The file itself (`path` is its name as shown, with odd characters escaped), and the
    # text that was checked (line endings as "\n"): what problems' offsets point into.
    source_path: Path | None = None
    source_text: str | None = None
    # What went wrong apart from reading the file: a rule that failed on it, a fix that
    # could not be written. The other rules' problems are still there.
    failures: list[ReadlintError] = field(default_factory=list)
    # Problems this serious or worse fail the run: the fail_on of the file's own config (or
    # of --fail-on), so a run's verdict does not depend on the order its files are named in.
    fail_on: Severity = Severity.WARNING

    @property
    def fails(self) -> bool:
        """Does the file have a problem at or above its fail level?"""
        return any(p.severity >= self.fail_on for p in self.problems)


class RuleInfo(NamedTuple):
    """What outputs may know of a rule: who it is and what its problems feed."""

    name: str
    code: str
    summary: str
    severity: Severity
    tags: frozenset[str] = frozenset()
    help: str = ""  # the rule's whole documentation, as `readlint explain` prints it
    docs_url: str | None = None  # where it is published, when the rule says


@dataclass
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    @property
    def errors(self) -> list[ReadlintError]:
        return [f.error for f in self.files if f.error is not None] + \
            [e for f in self.files for e in f.failures]

    @property
    def notices(self) -> list[str]:
        return said_once(n for file in self.files for n in file.notices)

    def tagged(self, tag: str) -> frozenset[str]:
        """Names of the rules whose problems feed `tag`."""
        return frozenset(name for name, info in self.rules.items() if tag in info.tags)

    def each_file(self) -> Iterator[FileResult]:
        """The files' results in order: what outputs that can write as they go read."""
        return iter(self.files)

    def worst(self) -> Severity | None:
        """The most serious problem's severity (None when there are no problems)."""
        return max((p.severity for f in self.files for p in f.problems), default=None)

    def fails(self) -> bool:
        """Does a file have a problem at or above its fail level?"""
        return any(f.fails for f in self.files)


class StreamedRun(RunResult):
    """A run whose files' results are written as they come, read once: it keeps what outputs
    need after the files (errors, notices, the worst severity), never the problems, so a run
    over any number of files needs the memory of one. `on_error` hears of each error as it
    comes, so messages stand before the output's summary."""

    def __init__(self, files: Iterable[FileResult], rules: Mapping[str, RuleInfo],
                 on_error: Callable[[ReadlintError], None] | None = None) -> None:
        super().__init__([], rules)
        self._source: Iterator[FileResult] | None = iter(files)
        self._errors: list[ReadlintError] = []
        self._notices: list[Notice] = []
        self._worst: Severity | None = None
        self._fails = False
        self._on_error = on_error

    def each_file(self) -> Iterator[FileResult]:
        source, self._source = self._source, None
        if source is None:
            raise RuntimeError("a streamed run is read once")
        for file in source:
            for error in ([file.error] if file.error is not None else []) + file.failures:
                self._errors.append(error)
                if self._on_error is not None:
                    self._on_error(error)
            self._notices.extend(file.notices)
            for problem in file.problems:
                if self._worst is None or problem.severity > self._worst:
                    self._worst = problem.severity
            self._fails = self._fails or file.fails
            yield file

    @property
    def problems(self) -> list[Problem]:
        raise RuntimeError("a streamed run keeps no problems: read each_file()")

    @property
    def errors(self) -> list[ReadlintError]:
        return list(self._errors)

    @property
    def notices(self) -> list[str]:
        return said_once(self._notices)

    def worst(self) -> Severity | None:
        return self._worst

    def fails(self) -> bool:
        return self._fails


def said_once(notices: Iterable[Notice]) -> list[str]:
    """Notices in order, each key once, saying how many more files it was true of."""
    seen: dict[str, str] = {}
    count: dict[str, int] = {}
    for notice in notices:
        seen.setdefault(notice.key, one_line(notice.message))
        count[notice.key] = count.get(notice.key, 0) + 1
    return [message if count[key] == 1 else
            f"{message}; so was 1 more document like it" if count[key] == 2 else
            f"{message}; so were {count[key] - 1} more documents like it"
            for key, message in seen.items()]


def problem_identity(p: Problem, source: str | None) -> tuple[str, str, str, str]:
    """What makes a problem the same problem in a later run, wherever its line has moved: its
    rule, its file, the words it flags and the sentence around them (spaces folded). The
    sentence runs from the stop before the words (".", "!" or "?" and a space or a line's end,
    a blank line, or the start of a list item, table row or heading) to the first stop at or
    after their end, so text written after it does not change it; it reaches at most
    SENTENCE_REACH characters on either side."""
    if source is None or not 0 <= p.start <= p.end <= len(source):
        return p.rule, p.path, p.subject or "", " ".join(p.message.split())
    flagged = source[p.start:p.end]
    lo = max(0, p.start - SENTENCE_REACH)
    begin = lo
    for stop in _SENTENCE_STOP.finditer(source, lo, p.start):
        begin = stop.end()
    after = _SENTENCE_STOP.search(source, max(p.start, p.end - 1), p.end + SENTENCE_REACH)
    end = min(len(source), p.end + SENTENCE_REACH) if after is None else \
        after.start() + (source[after.start()] in ".!?")
    return p.rule, p.path, " ".join(flagged.split()), " ".join(source[begin:end].split())


# Where a sentence stops, for problem_identity: a full stop, "!" or "?" before white space, a
# blank line, or a line that starts a list item, a table row or a heading (items seldom end
# with a full stop).
_SENTENCE_STOP = re.compile(r"[.!?](?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|\||#))")
SENTENCE_REACH = 1000


def problem_identity_1(p: Problem, source: str | None) -> tuple[str, str, str, str]:
    """problem_identity as baselines of version 1 wrote it: the sentence ran to the next
    ". ", "! ", "? " or blank line, past a stop at a line's end."""
    if source is None or not 0 <= p.start <= p.end <= len(source):
        return p.rule, p.path, p.subject or "", " ".join(p.message.split())
    flagged = source[p.start:p.end]
    begin = max(source.rfind(mark, 0, p.start) for mark in (". ", "! ", "? ", "\n\n"))
    begin = 0 if begin < 0 else begin + 2
    ends = [i for i in (source.find(mark, p.end) for mark in (". ", "! ", "? ", "\n\n"))
            if i >= 0]
    end = min(ends) + 1 if ends else len(source)
    return p.rule, p.path, " ".join(flagged.split()), " ".join(source[begin:end].split())
