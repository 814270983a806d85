"""The one place that decides which rules run on a document, how serious their problems are,
and with which options.

It weighs, from the bottom up: the rule set chosen by the document's audience (its own
`extends` chain underneath), the config's `rules`, the config's `per_path` entries that match
the file, and the command line. `select` narrows what the rule set turns on (it never turns
on a rule the rule set turns off); `ignore` takes rules away. Rules are named by name, by
code, or by the start of a code ("RL1" is every RL1xx rule); ALL names every rule.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from .config import Config
from .errors import ConfigError
from .globs import matches
from .problem import Problem, Severity
from .registry import Registry
from .results import Notice, RuleInfo
from .rule import (
    FIELD_VALUE,
    HARD_SENTENCE,
    LONG_SENTENCE,
    MISSING_LINK,
    PLAIN_WORD,
    REVIEW_DATE,
    UNDEFINED_TERM,
    Rule,
    RunContext,
)
from .rulesets import RuleSets, RuleSetting, parse_settings
from .schema import line_of

_CODE_PREFIX = re.compile(r"[A-Za-z]+\d*")

# One voice per span: where problems of one of these groups overlap, only the kind that comes
# first in its group is reported. A plainer word makes a definition unneeded, and a link
# explains a term; a sentence that is hard to read says its length among what makes it hard;
# a review date that is not a date is a field with the wrong kind of value.
ONE_VOICE = ((PLAIN_WORD, MISSING_LINK, UNDEFINED_TERM), (HARD_SENTENCE, LONG_SENTENCE),
             (FIELD_VALUE, REVIEW_DATE))


class Choices(NamedTuple):
    """What the command line adds on top of the config."""

    audience: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    report_unused_disables: bool = False
    shard: tuple[int, int] | None = None  # check only shard I of N (I counts from 1)
    jobs: int = 1  # worker processes
    cache: bool = True  # take unchanged files' results from the cache
    keep_source: bool = True  # keep each file's text on its result (baselines, fingerprints)
    # What the rules may ask of the run (rule.RunContext, through Rule.options_from_run):
    today: str | None = None  # the date rules count from (year-month-day), for repeatable runs
    offer_fixes: bool = False  # every fix a rule can offer, even those --fix leaves alone


NO_SETTINGS: Mapping[str, RuleSetting] = MappingProxyType({})


class PathOverride(NamedTuple):
    paths: tuple[str, ...]
    audience: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    rules: Mapping[str, RuleSetting] = NO_SETTINGS


class ActiveRule(NamedTuple):
    rule: Rule
    severity: Severity
    options: Mapping[str, Any]


class Selection:
    """Decisions for one run. Built once; every answer is a pure function of its arguments."""

    def __init__(self, config: Config, registry: Registry, choices: Choices) -> None:
        self.config = config
        self.registry = registry
        self.choices = choices
        self.rule_sets = RuleSets(registry, config.rule_dirs)
        # what rules may ask of the run
        self.run = RunContext(choices.today, choices.offer_fixes, self.rule_sets.audiences())
        where, text = config.source or "config", config.text
        self.config_rules = parse_settings(config.raw_rules, registry, where, text, ["rules"])
        self.per_path: list[PathOverride] = []
        for i, item in enumerate(config.raw_per_path):
            for key in ("select", "ignore"):
                self._known(item.get(key, ()), f"{where}", text, ["per_path", i, key])
            self.per_path.append(PathOverride(
                tuple(item["paths"]), item.get("audience"),
                tuple(item["select"]) if "select" in item else None,
                tuple(item.get("ignore", ())),
                parse_settings(item.get("rules", {}), registry, where, text,
                               ["per_path", i, "rules"])))
        for key in ("select", "ignore"):
            self._known(getattr(config, key) or (), where, text, [key])
        for name in (*(choices.select or ()), *choices.ignore):
            if not self.expand([name]):
                hint = f": rule names are written in small letters, {name.lower()!r}" \
                    if self.expand([name.lower()]) else " (see `readlint rules`)"
                raise ConfigError(f"unknown rule {name!r} given on the command line{hint}")
        self._some_rule_left()
        for audience in (choices.audience, config.default_audience,
                         *(o.audience for o in self.per_path)):
            if audience and self.rule_sets.for_audience(audience) is None:
                raise ConfigError(f"no rule set serves the audience {audience!r} (known: "
                                  f"{', '.join(sorted(self.rule_sets.sets))})", config.source)
        self._active: dict[tuple[str, tuple[int, ...]], list[ActiveRule]] = {}
        self._measured: dict[tuple[str, tuple[int, ...]], list[ActiveRule]] = {}
        self._severities: dict[tuple[str, tuple[int, ...]], dict[str, Severity]] = {}

    def _some_rule_left(self) -> None:
        """Refuse a select and ignore that leave no rule to check (`select: []`, or --ignore
        taking away what --select names): such a run checks nothing and passes."""
        config, choices = self.config, self.choices
        select = choices.select if choices.select is not None else config.select
        chosen = self.expand(select) if select is not None else set(self.registry.names())
        if chosen - self.expand((*config.ignore, *choices.ignore)):
            return
        on_line = choices.select is not None or bool(choices.ignore)
        raise ConfigError("select and ignore leave no rule to check: name at least one rule "
                          "to check" + (" (given on the command line)" if on_line else ""),
                          None if on_line else config.source)

    # -- names ---------------------------------------------------------------------------

    def expand(self, keys: Iterable[str]) -> set[str]:
        """Rule names for names, codes, starts of codes ("RL1") and ALL; unknown keys give
        nothing."""
        out: set[str] = set()
        for key in keys:
            if key.upper() == "ALL":
                out.update(self.registry.names())
            elif (rule := self.registry.get(key)) is not None:
                out.add(rule.name)
            elif _CODE_PREFIX.fullmatch(key):
                out.update(r.name for r in self.registry if r.code.startswith(key.upper()))
        return out

    def _known(self, names: Iterable[str], path: str, text: str | None,
               keys: list[str | int]) -> None:
        for name in names:
            if not self.expand([name]):
                raise ConfigError(f"{'.'.join(map(str, keys))}: unknown rule {name!r} (see "
                                  "`readlint rules`)", path, line_of(text or "", keys))

    # -- per file ------------------------------------------------------------------------

    def overrides_for(self, path: Path | None) -> tuple[int, ...]:
        """Which per_path entries apply to a file (by index, in config order)."""
        if path is None or not self.per_path:
            return ()
        relative = self.config.relative(path)
        return tuple(i for i, o in enumerate(self.per_path) if matches(relative, o.paths))

    def rule_set_for(self, audience_level: Any, overrides: Sequence[int], display: str,
                     ) -> tuple[str, Notice | None]:
        """The rule set for a document: --audience, then a per-path audience, then its
        audienceLevel, then the default audience; with a notice when it fell back."""
        for forced in (self.choices.audience,
                       *(self.per_path[i].audience for i in reversed(overrides))):
            if forced:
                return self.rule_sets.for_audience(forced) or forced, None
        default = self.config.default_audience
        fallback = self.rule_sets.for_audience(default) or default
        if audience_level is None:
            return fallback, Notice("(none)", f"{display} has no audienceLevel in its front "
                                              f"matter, so it was checked with the "
                                              f"'{fallback}' rule set (the default audience)")
        value = str(audience_level).strip()
        found = self.rule_sets.for_audience(value)
        if found is None:
            return fallback, Notice(value.lower(), f"{display}: audienceLevel '{value}' matches "
                                                   f"no rule set, so it was checked with the "
                                                   f"'{fallback}' rule set (the default "
                                                   f"audience)")
        return found, None

    def _settings(self, rule_set: str, overrides: Sequence[int]) -> dict[str, RuleSetting]:
        settings = dict(self.rule_sets.resolve(rule_set))
        for layer in (self.config_rules, *(self.per_path[i].rules for i in overrides)):
            for name, setting in layer.items():
                settings[name] = settings[name].merged(setting) if name in settings else setting
        return settings

    def glossaries(self, rule_set: str, overrides: Sequence[int] = ()) -> tuple[str, ...]:
        """The glossaries the rules that run name (their `glossaries` option), each once, in
        rule order: what the report asks whether a term is known, and hovers show."""
        found: dict[str, None] = {}
        for item in self.active(rule_set, overrides):
            names = item.options.get("glossaries")
            if isinstance(names, (list, tuple)):
                found.update(dict.fromkeys(str(n) for n in names))
        return tuple(found)

    def active(self, rule_set: str, overrides: Sequence[int]) -> list[ActiveRule]:
        """The rules that run, with their severity and options, in code order."""
        key = (rule_set, tuple(overrides))
        if key in self._active:
            return self._active[key]
        settings = self._settings(rule_set, overrides)
        select = self.config.select
        ignore = set(self.config.ignore)
        for i in overrides:
            o = self.per_path[i]
            select = o.select if o.select is not None else select
            ignore.update(o.ignore)
        if self.choices.select is not None:
            select = self.choices.select
        ignore.update(self.choices.ignore)
        chosen = self.expand(select) if select is not None else None
        ignored = self.expand(ignore)
        active = []
        for rule in self.registry:
            setting = settings.get(rule.name, RuleSetting())
            if setting.enabled is False or (chosen is not None and rule.name not in chosen):
                continue  # select narrows what the rule set turns on; it never adds to it
            if rule.name in ignored:
                continue
            options = {**rule.default_options(), **setting.options,
                       **rule.options_from_run(self.run)}
            active.append(ActiveRule(rule, severity_of(rule, setting), options))
        self._active[key] = active
        return active

    def severities(self, rule_set: str, overrides: Sequence[int]) -> dict[str, Severity]:
        """How serious each rule's problems are, by rule name: for a rule that runs, the
        severity `active` gives it; for one that does not (a readlint comment that turned
        off nothing is reported by the directive rule even when it is off), its declared
        default."""
        key = (rule_set, tuple(overrides))
        if key not in self._severities:
            running = {item.rule.name: item.severity for item in self.active(rule_set,
                                                                              overrides)}
            self._severities[key] = {rule.name: running.get(rule.name, rule.default_severity)
                                     for rule in self.registry}
        return self._severities[key]

    def measured(self, rule_set: str, overrides: Sequence[int]) -> list[ActiveRule]:
        """Rules that measure documents, with the options the rule set gives them, whether
        they run or not: a report shows a page's grade even when the grade rule is off."""
        key = (rule_set, tuple(overrides))
        if key not in self._measured:
            settings = self._settings(rule_set, overrides)
            self._measured[key] = [
                ActiveRule(rule, rule.default_severity,
                           {**rule.default_options(),
                            **settings.get(rule.name, RuleSetting()).options})
                for rule in self.registry if rule.measures()]
        return self._measured[key]


def severity_of(rule: Rule, setting: RuleSetting) -> Severity:
    """How serious a rule's problems are: the severity its settings give (the rule set's,
    with the config's and per_path's laid over it), else the rule's declared default. The
    one place this is decided: the linter gives each problem its rule's severity from here
    (Selection.active), and `readlint explain` shows the rule sets' from here."""
    return setting.severity or rule.default_severity


def one_voice(problems: Sequence[Problem], rules: Mapping[str, RuleInfo]) -> list[Problem]:
    """The problems without those that another problem about the same words outranks
    (ONE_VOICE): "abdominal" gets "use belly", not also "link it to the glossary"; a hard
    sentence is not also reported as long."""
    def rank(problem: Problem) -> tuple[int, int] | None:
        info = rules.get(problem.rule)
        tags = info.tags if info else frozenset()
        return next(((group, i) for group, kinds in enumerate(ONE_VOICE)
                     for i, tag in enumerate(kinds) if tag in tags), None)

    ranked = [(rank(p), p) for p in problems]
    kept = []
    # For each rank, the spans of the problems of its group that outrank it, sorted by start,
    # with the furthest end so far: one binary search tells whether any of them overlaps.
    outranking: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
    for group, kinds in enumerate(ONE_VOICE):
        for level in range(1, len(kinds)):
            spans = sorted((p.start, p.end) for r, p in ranked
                           if r is not None and r[0] == group and r[1] < level)
            ends = list(itertools.accumulate((end for _, end in spans), max))
            outranking[group, level] = ([start for start, _ in spans], ends)
    for r, p in ranked:
        if r is not None and r[1]:
            starts, ends = outranking[r]
            i = bisect.bisect_left(starts, p.end) - 1
            if i >= 0 and ends[i] > p.start:
                continue
        kept.append(p)
    return kept
