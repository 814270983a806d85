"""Check one document: run the rules the selection chose, apply suppressions, give its result.

A Linter has one set of settings (settings.py) and checks one document at a time; which files
a run checks, with which settings each, the cache and the worker processes are run.py's. A
file's result depends only on the file and the settings, and holds everything the run says
about it (problems, error, notices, measures). The Linter knows no output format: a caller
that wants more of each document (the HTML report's view) passes a `describe` function.
"""

from __future__ import annotations

import gc
import signal
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

from . import document, glossary_sets
from .config import Config
from .errors import InputError, ReadlintError, RuleError
from .fixes import fingerprint
from .problem import Problem
from .registry import Registry
from .results import FileResult, Notice, RuleInfo, RunResult
from .rule import DIRECTIVE
from .selection import ActiveRule, Choices, Selection, one_voice
from .settings import Settings
from .source import decode
from .suppress import Suppressions, read_directives

__all__ = ["ActiveRule", "Choices", "FileResult", "Linter", "RunResult"]

Describe = Callable[[document.Document, FileResult, Mapping[str, RuleInfo]], Any]
T = TypeVar("T")


# -- the time a file may take ---------------------------------------------------------------

class OutOfTime(BaseException):
    """A file's time ran out: raised by the alarm in whatever code was running. Not an
    Exception, so that no rule's `except Exception` can catch it and run on."""


class PageOutOfTime(InputError):
    """A page whose reading ran out of time: named, and never kept in the results cache
    (with more time it may be read)."""


def time_limit_available() -> bool:
    """Can files be stopped when their time runs out here? It takes the process's
    processor-time alarm (SIGPROF and setitimer, which Windows lacks), and only the main
    thread receives it."""
    return hasattr(signal, "setitimer") and hasattr(signal, "SIGPROF") and \
        threading.current_thread() is threading.main_thread()


_armed = False  # is a clock running (so the alarm should stop the code it finds)?


def _alarm(signum: int, frame: FrameType | None) -> None:
    global _armed
    if _armed:
        _armed = False
        raise OutOfTime


class Clock:
    """The seconds of processor time one file may take. `run` stops the work it is given
    with OutOfTime when they are used up. Processor time, not time on the wall: on a busy
    machine (a shared CI runner, `--jobs` over more processes than cores) a file gets the
    same time to work as on an idle one, and the same result. Each file gets its clock when
    its checking starts; after a rule runs out of time, the clock is wound once more for
    the rules still to run."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.process_time() + seconds
        self.rewound = False

    def left(self) -> float:
        return self.ends - time.process_time()

    def rewind(self) -> bool:
        """The same time again, from now, once: True the first time, False after."""
        if self.rewound:
            return False
        self.rewound = True
        self.ends = time.process_time() + self.seconds
        return True

    def run(self, work: Callable[[], T]) -> T:
        global _armed
        left = self.left()
        if left <= 0:
            raise OutOfTime
        previous = signal.signal(signal.SIGPROF, _alarm)
        _armed = True
        signal.setitimer(signal.ITIMER_PROF, left)
        try:
            return work()
        finally:
            _armed = False
            try:
                signal.setitimer(signal.ITIMER_PROF, 0)
            finally:
                signal.signal(signal.SIGPROF, previous)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while one file is checked. A page of a million words
    makes millions of small objects (words, spans) that live until the page is done, and the
    collector would search them all again and again as they are made: a third of the time
    of such a page. They make no cycles to collect; it resumes when the file is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check(item: ActiveRule, doc: document.Document) -> list[Problem]:
    return list(item.rule.check(doc, item.options))


def _ran_out(stopped: Sequence[str], skipped: Sequence[str], seconds: float, finished: bool,
             path: str) -> RuleError:
    """One line for a file whose time ran out: the rules stopped, those that had no time
    left to start, and whether the other rules' problems are reported."""
    parts = []
    if stopped:
        parts.append(f"{_listed(stopped)} ran out of time after {seconds:g} s (time_limit)")
    if skipped:
        parts.append(f"{_listed(skipped)} had no time left to run" if stopped else
                     f"the time ({seconds:g} s, time_limit) ran out before {_listed(skipped)} "
                     "could run")
    parts.append("the other rules' problems are reported" if finished else
                 "no rule finished, so no problems are reported")
    return RuleError("; ".join(parts), path)


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class _Timed:
    """Work on one file run against its clock (None: no limit), with the names of the
    rules (and steps) it stopped when the time ran out and of those with no time left to
    start."""

    def __init__(self, clock: Clock | None) -> None:
        self.clock = clock
        self.stopped: list[str] = []
        self.skipped: list[str] = []

    def run(self, work: Callable[[], T], name: str) -> T | None:
        """What `work` gives, or None when it ran out of time or had none left to start."""
        clock = self.clock
        if clock is None:
            return work()
        if clock.left() <= 0 and not clock.rewind():
            self.skipped.append(name)
            return None
        try:
            return clock.run(work)
        except OutOfTime:
            self.stopped.append(name)
            clock.rewind()
            return None

    def finished(self, name: str) -> bool:
        """Did the time leave `name` alone?"""
        return name not in self.stopped and name not in self.skipped

    def failure(self, active: Sequence[ActiveRule], path: str) -> RuleError | None:
        """One line naming what ran out of time, if anything did."""
        if not (self.stopped or self.skipped) or self.clock is None:
            return None
        finished = any(self.finished(a.rule.name) for a in active)
        return _ran_out(self.stopped, self.skipped, self.clock.seconds, finished, path)


class Linter:
    def __init__(self, config: Config | None = None, registry: Registry | None = None,
                 choices: Choices | None = None, measure: bool = False,
                 describe: Describe | None = None, time_limit: float | None = None, *,
                 settings: Settings | None = None) -> None:
        """Check with `settings` (or those of `config` and `choices`). `time_limit`, when
        given, replaces the config's time_limit (seconds a file may take; 0: no limit)."""
        glossary_sets.refresh()  # a new run sees the glossary files as they are now
        if settings is None:
            given = config or Config()
            settings = Settings(given, Selection(given, registry or Registry.default(),
                                                 choices or Choices()))
        self.settings = settings
        self.config = settings.config
        self.selection = settings.selection
        self.registry = settings.selection.registry
        self.choices = settings.choices
        self.time_limit = self.config.time_limit if time_limit is None else time_limit
        self.measure = measure or describe is not None
        self.describe = describe
        self._directive_rule = next(iter(self.registry.tagged(DIRECTIVE)), None)
        self.rules = {r.name: RuleInfo(r.name, r.code, r.summary, r.default_severity, r.tags,
                                       r.help(), r.docs_url)
                      for r in self.registry}

    # -- one document ----------------------------------------------------------------------

    def clock(self) -> Clock | None:
        """A clock for one file, or None when there is no limit (or none can be kept)."""
        if self.time_limit <= 0 or not time_limit_available():
            return None
        return Clock(self.time_limit)

    def _parse(self, text: str, display: str, clock: Clock | None) -> document.Document:
        """The document, read within the file's time (InputError when it runs out)."""
        if clock is None:
            return document.parse(text, display)
        try:
            return clock.run(lambda: document.parse(text, display))
        except OutOfTime:
            raise PageOutOfTime(f"reading the page ran out of time after {clock.seconds:g} s "
                                "(time_limit); it is not checked", display) from None

    def lint_document(self, doc: document.Document, path: Path | None = None,
                      clock: Clock | None = None) -> FileResult:
        """The document's result. With a clock (by default, a new one when there is a time
        limit), a rule still running when the time is up is stopped and named, and the
        rules after it get the same time once more."""
        timed = _Timed(clock if clock is not None else self.clock())
        selection = self.selection
        overrides = selection.overrides_for(path)
        rule_set, notice = selection.rule_set_for(doc.metadata.get("audienceLevel"),
                                                  overrides, doc.path)
        active = selection.active(rule_set, overrides)
        problems, failures = self._problems(doc, active, timed)
        severities = selection.severities(rule_set, overrides)
        problems = [p._replace(severity=severities.get(p.rule, p.severity)) for p in problems]
        result = FileResult(doc.path, problems, None, doc.audience, rule_set,
                            notices=[notice] if notice else [], failures=failures,
                            source_text=doc.source)
        if self.measure:
            self._measure(doc, result, selection.measured(rule_set, overrides), timed)
        if self.describe is not None:
            result.detail = timed.run(partial(self.describe, doc, result, self.rules),
                                      "the report's view of the page")
        ran_out = timed.failure(active, doc.path)
        if ran_out is not None:
            result.failures.append(ran_out)
        return result

    def _problems(self, doc: document.Document, active: Sequence[ActiveRule], timed: _Timed
                  ) -> tuple[list[Problem], list[ReadlintError]]:
        """The problems the rules that run find, those of readlint comments among them, one
        voice per word and the suppressed left out, in file order; with the rules that
        failed."""
        suppressions, directive_problems = read_directives(doc, self.registry,
                                                           self._directive_rule)
        problems, failures = self._run_rules(doc, active, timed)
        running = {item.rule.name for item in active}
        problems.extend(p for p in directive_problems if p.rule in running)
        problems = [p for p in one_voice(problems, self.rules) if suppressions.allows(p)]
        if self.choices.report_unused_disables:
            problems.extend(self._unused_disables(doc, suppressions))
        problems.sort(key=lambda p: p.sort_key)
        return problems, failures

    def _run_rules(self, doc: document.Document, active: Sequence[ActiveRule], timed: _Timed
                   ) -> tuple[list[Problem], list[ReadlintError]]:
        """Each rule's problems, in rule order; a rule that fails is named and its problems
        are left out."""
        problems: list[Problem] = []
        failures: list[ReadlintError] = []
        for item in active:
            try:
                found = timed.run(partial(_check, item, doc), item.rule.name)
            except ReadlintError:
                raise  # a broken setting (a word list, a glossary): the run stops, named
            except Exception as exc:  # a rule's bug (often a plug-in's): that rule only
                failures.append(RuleError(
                    f"the rule {item.rule.name} failed on this file ({type(exc).__name__}: "
                    f"{exc}); its problems are left out, the other rules' are reported",
                    doc.path))
                continue
            problems.extend(found or ())  # None: out of time, named at the end
        return problems, failures

    def _unused_disables(self, doc: document.Document, suppressions: Suppressions
                         ) -> Iterator[Problem]:
        """A problem for each readlint comment that turned off nothing, reported by the
        directive rule."""
        reporter = self.registry.get(self._directive_rule) if self._directive_rule else None
        if reporter is None:
            return
        for unused in suppressions.unused():
            named = "every rule" if unused.keys == ["*"] else ", ".join(unused.keys)
            yield reporter.problem(doc, unused.source_start, unused.source_end,
                                   f"This comment turns off {named}, but nothing here needed "
                                   "it; remove it.")

    def _measure(self, doc: document.Document, result: FileResult,
                 measured: Sequence[ActiveRule], timed: _Timed) -> None:
        """The measures of the rules that measure, except those that ran out of time."""
        for item in measured:
            if timed.finished(item.rule.name):
                found = timed.run(partial(item.rule.measure, doc, item.options), item.rule.name)
                result.measures.update(found or {})

    def lint_data(self, path: Path, display: str, data: bytes) -> FileResult:
        """The result of a file read as bytes (run.py reads it, within the size limit)."""
        clock = self.clock()
        try:
            doc = self._parse(decode(data, display), display, clock)
        except InputError as exc:
            return FileResult(display, error=exc)
        result = self._lint_parsed(doc, path, clock)
        if result.rule_set is not None:
            result.fingerprint = fingerprint(doc.source)
            result.source_path = path
        return result

    def _lint_parsed(self, doc: document.Document, path: Path | None, clock: Clock | None
                     ) -> FileResult:
        """A parsed page's result, the same whether it came from a file or as text: an
        audienceLevel that is not text is an error, an empty page and a page whose status
        is skipped get a notice, the others are checked."""
        display = doc.path
        audience = doc.metadata.get("audienceLevel")
        if audience is not None and not isinstance(audience, str):
            kind = "a list" if isinstance(audience, list) else \
                "true or false" if isinstance(audience, bool) else \
                "a number" if isinstance(audience, (int, float)) else "not text"
            return FileResult(display, error=InputError(
                f"audienceLevel is {kind}; it must be one word such as 'patient'",
                display, doc.front_matter_lines.get("audienceLevel")))
        if not doc.source.strip():
            return FileResult(display, notices=[Notice(
                f"(empty) {display}", f"{display} is empty; there is nothing to check")])
        status = doc.metadata.get("status")
        if isinstance(status, str) and status.strip().lower() in self.config.skip_statuses:
            return FileResult(display, notices=[Notice(
                f"(status {status.strip().lower()})",
                f"documents with status '{status.strip()}' are not checked (skip_statuses in "
                "the config)")])
        result = self.lint_document(doc, path, clock)
        if doc.too_deep:
            result.notices.append(Notice(
                f"(too deep) {display}",
                f"{display}:{doc.too_deep}: lists or quotes are nested too deep to follow "
                "here; the text inside them is not checked"))
        return result

    def lint_text(self, text: str, path: str = "<text>", file: Path | None = None
                  ) -> FileResult:
        """Check text as if it were `file` (its settings, per-path ones too), shown as
        `path`: an editor's buffer, or standard input. The result is the one the file
        holding this text would get."""
        with collector_paused():  # resumed once the page is freed, so it is not searched
            return self._lint_text(text, path, file)

    def _lint_text(self, text: str, path: str, file: Path | None) -> FileResult:
        clock = self.clock()
        try:
            doc = self._parse(text, path, clock)
        except InputError as exc:
            return FileResult(path, error=exc)
        return self._lint_parsed(doc, file, clock)


def example_problems(registry: Registry, rule_name: str, text: str,
                     options: Mapping[str, Any] | None = None) -> list[Problem]:
    """What one rule reports on a patient document given as text, with these options laid
    over the patient rule set's, the rule on even where the rule set turns it off (for
    `readlint explain` and the rules' own tests)."""
    config = Config(raw_rules={rule_name: {"enabled": True, **(options or {})}})
    linter = Linter(config, registry, Choices(audience="patient", select=(rule_name,)))
    result = linter.lint_text(text, "example.md")
    return [p for p in result.problems if p.rule == rule_name]
