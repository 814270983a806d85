"""A run over many files: which files it checks, the settings of each, the results cache and
the worker processes. Each file is checked by the Linter of its settings; a file's result
depends only on the file and those settings, so files can be checked in any order, in worker
processes, or taken from the cache.

    run = Run(Resolver(registry, choices), paths)
    for result in run.results(run.targets(paths)):   # one file's result at a time
        ...
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from . import parallel, result_cache, store
from .config import Config
from .errors import InputError
from .files import discover, excluded, in_shard
from .linter import Describe, Linter, PageOutOfTime, collector_paused
from .registry import Registry
from .results import FileResult, RunResult
from .selection import Choices
from .settings import Resolver, Settings
from .source import read_document_bytes

MIN_FILES_PER_JOB = 8  # fewer files than this per worker are checked in this process

Target = tuple[Path, str] | InputError  # a file and its name as shown, or a path not read


class Run:
    """Files checked with the settings the resolver gives each. `linter` is the one for the
    paths as given: its config says which files a folder holds. `time_limit`, when given,
    replaces the configs' time_limit (seconds a file may take; 0: no limit)."""

    def __init__(self, resolver: Resolver, paths: Sequence[str] = (), measure: bool = False,
                 describe: Describe | None = None, time_limit: float | None = None) -> None:
        self.resolver = resolver
        self.measure = measure or describe is not None
        self.describe = describe
        self.time_limit = time_limit
        self._linters: dict[Settings, Linter] = {}
        self._memos: dict[Settings, result_cache.ResultCache] = {}
        self.linter = self.linter_of(resolver.for_paths(paths))
        self.config = self.linter.config
        self.choices = self.linter.choices
        self.rules = self.linter.rules

    @classmethod
    def with_config(cls, config: Config | None = None, choices: Choices | None = None,
                    registry: Registry | None = None, measure: bool = False,
                    time_limit: float | None = None) -> Run:
        """A run that checks every file with `config` (the defaults when None)."""
        return cls(Resolver(registry, choices, config or Config(), nearest=False),
                   measure=measure, time_limit=time_limit)

    # -- settings -------------------------------------------------------------------------

    def linter_of(self, settings: Settings) -> Linter:
        if settings not in self._linters:
            self._linters[settings] = Linter(settings=settings, measure=self.measure,
                                             describe=self.describe,
                                             time_limit=self.time_limit)
        return self._linters[settings]

    def linter_for(self, path: Path) -> Linter:
        """The linter with the settings that apply to this file."""
        return self.linter_of(self.resolver.for_file(path))

    # -- which files ----------------------------------------------------------------------

    def targets(self, paths: Sequence[str]) -> list[Target]:
        """The files a run over `paths` will check (and the paths it cannot)."""
        return [item for item in discover(paths, self.config)
                if in_shard((item.path or "") if isinstance(item, InputError) else item[1],
                            self.choices.shard)]

    # -- checking -------------------------------------------------------------------------

    def results(self, targets: Iterable[Target]) -> Iterator[FileResult]:
        """Each target's result, in the order given, one at a time (a file its own config
        leaves out gives none). With `choices.jobs` above 1 and enough files, worker
        processes share the work (the order stays the same)."""
        items = list(targets)
        jobs = min(self.choices.jobs, len(items) // MIN_FILES_PER_JOB)
        if jobs > 1 and parallel.available():
            # The first file is checked here, so the word tables and glossaries are loaded
            # once, before the workers start, and shared with them.
            done = 0
            while done < len(items) and isinstance(items[done], InputError):
                done += 1
            found: Iterable[FileResult | None] = itertools.chain(
                (self._result(item) for item in items[:done + 1]),
                parallel.run(self._result, items[done + 1:], jobs))  # started when reached
        else:
            found = (self._result(item) for item in items)
        for result in found:
            if result is not None:
                yield result

    def _result(self, item: Target) -> FileResult | None:
        if isinstance(item, InputError):
            return FileResult(item.path or "", error=item)
        return self.lint_file(*item)

    def lint_file(self, path: Path, display: str) -> FileResult | None:
        """The file's result, with the settings that apply to it; None when its own config
        leaves it out. With the cache, an unchanged file's result comes from it."""
        settings = self.resolver.for_file(path)
        linter = self.linter_of(settings)
        if linter is not self.linter and excluded(path, linter.config):
            return None
        try:
            data = read_document_bytes(path, display, linter.config.max_file_size)
        except InputError as exc:
            return FileResult(display, error=exc)
        results = self._memo(settings, linter)
        key = results.key(path, display, data) if results is not None else ""
        found = results.get(key) if results is not None else None
        if found is None:
            with collector_paused():
                found = linter.lint_data(path, display, data)
            if results is not None and not found.failures and \
                    not isinstance(found.error, PageOutOfTime):
                results.put(key, found)  # not a result the time limit cut short
        if not self.choices.keep_source:
            found.source_text = None  # a long run keeps only what its output needs
        found.fail_on = linter.config.fail_on
        return found

    def _memo(self, settings: Settings, linter: Linter) -> result_cache.ResultCache | None:
        if not self.choices.cache or not store.enabled():
            return None
        if settings not in self._memos:
            self._memos[settings] = result_cache.ResultCache(result_cache.settings_digest(
                settings.selection, linter.measure, linter.describe))
        return self._memos[settings]

    def lint_text(self, text: str, display: str = "<text>", file: Path | None = None
                  ) -> FileResult | None:
        """Text checked as if it were `file` (its settings, per-path ones too), shown as
        `display`: standard input. None when the file's config leaves it out."""
        linter = self.linter if file is None else self.linter_for(file)
        if file is not None and excluded(file, linter.config):
            return None
        found = linter.lint_text(text, display, file)
        found.fail_on = linter.config.fail_on
        return found

    def run(self, targets: Iterable[Target]) -> RunResult:
        """Check the targets; the result holds every file's outcome and the rules known."""
        return RunResult(list(self.results(targets)), self.rules)

    def lint_paths(self, paths: Sequence[str]) -> RunResult:
        return self.run(self.targets(paths))

