"""Run the rules that apply to each document, apply suppressions, collect the results.

The Linter holds no global state: everything a run needs (config, rules, rule sets, command-line
choices) is passed in, and each file's result is a plain value, so files can be checked in any
order or in parallel.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import document
from .config import Config, PathOverride, RuleSets, RuleSetting, matches
from .errors import ConfigError, InputError, ReadlintError
from .files import discover
from .problem import Problem, Severity
from .readability import TextStats
from .registry import Registry
from .rule import Rule
from .suppress import read_directives


@dataclass(frozen=True)
class Choices:
    """What the command line adds on top of the config."""

    audience: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: Mapping[str, Any]


@dataclass
class FileResult:
    path: str
    problems: list[Problem] = field(default_factory=list)
    error: ReadlintError | None = None
    audience: str | None = None
    rule_set: str | None = None
    stats: TextStats | None = None  # readability counts, when the run asks for them
    grade_formulas: tuple[str, ...] = ()  # the formulas the rule set grades this document by
    grade_target: float | None = None  # the rule set's highest grade for this document
    grade_min_words: int = 0  # shorter documents are not graded
    view: dict[str, Any] | None = None  # what the HTML report shows, when asked for

    @property
    def grade(self) -> float | None:
        return self.stats.grade(self.grade_formulas) if self.stats and self.grade_formulas \
            else None


@dataclass
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    @property
    def errors(self) -> list[ReadlintError]:
        return [f.error for f in self.files if f.error is not None]


class Linter:
    def __init__(self, config: Config | None = None, registry: Registry | None = None,
                 choices: Choices | None = None, collect_stats: bool = False,
                 collect_views: bool = False) -> None:
        self.config = config or Config()
        self.collect_stats = collect_stats or collect_views
        self.collect_views = collect_views
        self.registry = registry or Registry.default()
        self.choices = choices or Choices()
        self.rule_sets = RuleSets(self.registry, self.config.rule_dirs)
        self.config_rules, self.per_path = self.config.overrides(self.registry)
        for name in (*(self.choices.select or ()), *self.choices.ignore):
            if name not in self.registry and name.upper() != "ALL":
                raise ConfigError(f"unknown rule {name!r} given on the command line "
                                  "(see `readlint rules`)")
        for audience in (self.choices.audience, self.config.default_audience,
                         *(o.audience for o in self.per_path)):
            if audience and self.rule_sets.for_audience(audience) is None:
                raise ConfigError(f"no rule set serves the audience {audience!r} (known: "
                                  f"{', '.join(sorted(self.rule_sets.sets))})",
                                  self.config.source)
        self.notices: list[str] = []
        self._noticed: set[str] = set()
        self._active: dict[tuple[str, tuple[int, ...]], list[ActiveRule]] = {}

    # -- which rules apply ---------------------------------------------------------------

    def rule_set_for(self, doc: document.Document, overrides: Sequence[PathOverride]) -> str:
        """Pick the rule set: --audience, then a per-path audience, then audienceLevel."""
        for forced in (self.choices.audience,
                       *(o.audience for o in reversed(overrides) if o.audience)):
            if forced:
                return self.rule_sets.for_audience(forced) or forced
        default = self.config.default_audience
        fallback = self.rule_sets.for_audience(default) or default
        raw = doc.metadata.get("audienceLevel")
        if raw is None:
            self._notice("(none)", f"documents without audienceLevel are checked with the "
                                   f"'{fallback}' rule set")
            return fallback
        value = str(raw).strip()
        found = self.rule_sets.for_audience(value)
        if found is None:
            self._notice(value.lower(), f"audienceLevel '{value}' (first seen in {doc.path}) "
                                        f"matches no rule set; using '{fallback}'")
            return fallback
        return found

    def _notice(self, key: str, message: str) -> None:
        if key not in self._noticed:
            self._noticed.add(key)
            self.notices.append(message)

    def active_rules(self, rule_set: str, overrides: Sequence[PathOverride],
                     key: tuple[int, ...] = ()) -> list[ActiveRule]:
        cache_key = (rule_set, key)
        if cache_key in self._active:
            return self._active[cache_key]
        settings = dict(self.rule_sets.resolve(rule_set))
        layers = [self.config_rules, *(o.rules for o in overrides)]
        for layer in layers:
            for name, setting in layer.items():
                settings[name] = settings[name].merged(setting) if name in settings else setting
        select = self.config.select
        ignore = set(self.config.ignore)
        for o in overrides:
            select = o.select if o.select is not None else select
            ignore.update(o.ignore)
        if self.choices.select is not None:
            select = self.choices.select
        ignore.update(self.choices.ignore)
        chosen = self._names(select) if select is not None else None
        ignored = self._names(ignore)
        active = []
        for rule in self.registry:
            setting = settings.get(rule.name, RuleSetting())
            if setting.enabled is False or (chosen is not None and rule.name not in chosen):
                continue  # select narrows what the rule set turns on; it never adds to it
            if rule.name in ignored:
                continue
            options = {**rule.default_options(), **setting.options}
            active.append(ActiveRule(rule, setting.severity or rule.default_severity, options))
        self._active[cache_key] = active
        return active

    def _names(self, keys: Iterable[str]) -> set[str]:
        out = set()
        for key in keys:
            if key.upper() == "ALL":
                out.update(self.registry.names())
            elif (rule := self.registry.get(key)) is not None:
                out.add(rule.name)
        return out

    # -- checking ------------------------------------------------------------------------

    def lint_document(self, doc: document.Document, path: Path | None = None) -> FileResult:
        overrides = [o for o in self.per_path
                     if path is not None and matches(self.config.relative(path), o.paths)]
        key = tuple(self.per_path.index(o) for o in overrides)
        rule_set = self.rule_set_for(doc, overrides)
        active = self.active_rules(rule_set, overrides, key)
        suppressions, directive_problems = read_directives(doc, self.registry)
        problems: list[Problem] = []
        severities = {a.rule.name: a.severity for a in active}
        for item in active:
            for problem in item.rule.check(doc, item.options):
                problems.append(replace(problem, severity=item.severity))
        problems.extend(replace(p, severity=severities[p.rule])
                        for p in directive_problems if p.rule in severities)
        problems = [p for p in problems if suppressions.allows(p)]
        problems.sort(key=lambda p: p.sort_key)
        result = FileResult(doc.path, problems, None, doc.audience, rule_set)
        if self.collect_stats:
            result.stats = doc.stats
            options = self._grading(rule_set, active)
            result.grade_formulas = tuple(options.get("formulas", ("flesch_kincaid_grade",)))
            result.grade_target = float(options.get("max_grade", 8))
            result.grade_min_words = int(options.get("min_words", 0))
        if self.collect_views:
            from .report.view import document_view

            long_words = next((a.options["max_words"] for a in active
                               if a.rule.name == "long-sentence"), 20)
            result.view = document_view(doc, problems, result.grade_target or 8.0,
                                        result.grade_formulas, long_words)
        return result

    def _grading(self, rule_set: str, active: Sequence[ActiveRule]) -> Mapping[str, Any]:
        """The reading-grade rule's options for this rule set (as set there when the rule is
        off), which say how the report grades the document."""
        grade_rule = self.registry.get("reading-grade")
        for item in active:
            if item.rule is grade_rule:
                return item.options
        setting = self.rule_sets.resolve(rule_set).get("reading-grade", RuleSetting())
        return {**(grade_rule.default_options() if grade_rule else {}), **setting.options}

    def lint_file(self, path: Path, display: str) -> FileResult:
        try:
            doc = document.load(path, display, self.config.max_file_size)
        except InputError as exc:
            return FileResult(display, error=exc)
        audience = doc.metadata.get("audienceLevel")
        if audience is not None and not isinstance(audience, str):
            kind = "a list" if isinstance(audience, list) else \
                "a number" if isinstance(audience, (int, float)) else "not text"
            return FileResult(display, error=InputError(
                f"audienceLevel is {kind}; it must be one word such as 'patient'",
                display, doc.front_matter_lines.get("audienceLevel")))
        if not doc.source.strip():
            self._notice(f"(empty) {display}", f"{display} is empty; there is nothing to check")
            return FileResult(display)
        return self.lint_document(doc, path)

    def targets(self, paths: Sequence[str]) -> list[tuple[Path, str] | InputError]:
        """The files a run over `paths` will check (and the paths it cannot)."""
        return list(discover(paths, self.config))

    def lint_targets(self, targets: Iterable[tuple[Path, str] | InputError],
                     ) -> Iterator[FileResult]:
        for item in targets:
            if isinstance(item, InputError):
                yield FileResult(item.path or "", error=item)
            else:
                yield self.lint_file(*item)

    def run(self, targets: Iterable[tuple[Path, str] | InputError]) -> RunResult:
        """Check the targets; the result holds every file's outcome and the run's notices."""
        files = list(self.lint_targets(targets))
        return RunResult(files, list(self.notices))

    def lint_paths(self, paths: Sequence[str]) -> RunResult:
        return self.run(discover(paths, self.config))

    def lint_text(self, text: str, path: str = "<text>") -> FileResult:
        try:
            doc = document.parse(text, path)
        except InputError as exc:
            return FileResult(path, error=exc)
        return self.lint_document(doc)
