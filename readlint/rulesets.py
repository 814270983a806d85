"""Rule sets: YAML files in rules/ (or a project's rule_dirs) that say, for the audiences they
serve, which rules run, how serious their problems are, and with which options. A set may
`extends` others. Every set is checked against its schema and each rule's options against
that rule's own schema when it is loaded."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from .errors import ConfigError
from .problem import Severity
from .registry import Registry
from .rule import NO_OPTIONS
from .schema import line_of, load_yaml, validate


class RuleSetting(NamedTuple):
    """How one rule runs: on or off, its severity, its options (partial, merged later)."""

    enabled: bool | None = None
    severity: Severity | None = None
    options: Mapping[str, Any] = NO_OPTIONS

    def merged(self, other: RuleSetting) -> RuleSetting:
        """This setting with `other` laid on top."""
        return RuleSetting(
            self.enabled if other.enabled is None else other.enabled,
            other.severity or self.severity,
            {**self.options, **other.options})


def parse_settings(raw: Mapping[str, Any], registry: Registry, path: str, text: str | None,
                    prefix: Sequence[str | int]) -> dict[str, RuleSetting]:
    """Turn a validated `rules:` mapping into RuleSettings keyed by rule name."""
    out: dict[str, RuleSetting] = {}
    for key, value in raw.items():
        rule = registry.get(str(key))
        keys = [*prefix, key]
        if rule is None:
            known = ", ".join(registry.names())
            raise ConfigError(f"{'.'.join(map(str, keys))}: unknown rule {key!r} "
                              f"(known rules: {known})", path, line_of(text or "", keys))
        if value is False or value == "off":
            setting = RuleSetting(enabled=False)
        elif value is True:
            setting = RuleSetting(enabled=True)
        elif isinstance(value, str):
            setting = RuleSetting(enabled=True, severity=Severity.parse(value))
        else:
            # (a day written unquoted, "today: 2026-03-01", is read by YAML as a date: an
            # option has JSON's kinds, so it is taken as the text it was written as)
            options = {k: v.isoformat() if type(v) is datetime.date else v
                       for k, v in value.items() if k not in ("severity", "enabled")}
            validate(options, rule.options_schema(), path, text, keys)
            for name, why in rule.option_faults(options):
                raise ConfigError(f"{'.'.join(map(str, [*keys, name]))}: {why}", path,
                                  line_of(text or "", [*keys, name]))
            options = _resolve_paths(options, rule.options, Path(path).parent)
            severity = value.get("severity")
            enabled = value.get("enabled")
            if severity in (False, "off"):
                enabled, severity = False, None
            elif severity and enabled is None:
                enabled = True  # naming a severity turns on a rule a rule set turned off
            setting = RuleSetting(enabled, Severity.parse(severity) if severity else None,
                                  options)
        out[rule.name] = setting
    return out


def _resolve_paths(options: dict[str, Any], schema: Mapping[str, Any],
                   base: Path) -> dict[str, Any]:
    """Options marked "x-readlint-paths" hold names or files: files are relative to the file
    that names them. A value with a slash or a file ending is a file; others are names."""
    out = dict(options)
    for key, spec in schema.items():
        if spec.get("x-readlint-paths") and key in out:
            out[key] = [str((base / v).resolve()) if ("/" in v or "." in Path(v).name) else v
                        for v in out[key]]
    return out


def overlay(base: Mapping[str, RuleSetting],
             top: Mapping[str, RuleSetting]) -> dict[str, RuleSetting]:
    out = dict(base)
    for name, setting in top.items():
        out[name] = out[name].merged(setting) if name in out else setting
    return out


# -- rule sets ------------------------------------------------------------------------------


class RuleSet(NamedTuple):
    name: str
    path: str
    description: str
    extends: tuple[str, ...]
    audience: tuple[str, ...]
    rules: Mapping[str, RuleSetting]


def bundled_rules_dir() -> Path:
    """rules/ as shipped in the wheel (readlint/rules), or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise ConfigError("the bundled rule sets are missing; reinstall readlint")


class RuleSets:
    """All rule sets known to a run: the bundled ones, then each extra folder (later wins)."""

    def __init__(self, registry: Registry, dirs: Iterable[Path] = ()) -> None:
        self.registry = registry
        self.sets: dict[str, RuleSet] = {}
        for folder in (bundled_rules_dir(), *dirs):
            if not folder.is_dir():
                raise ConfigError("rule set folder not found", str(folder))
            for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
                rule_set = self._load(path)
                self.sets[rule_set.name] = rule_set
        self._resolved: dict[str, dict[str, RuleSetting]] = {}

    def _load(self, path: Path) -> RuleSet:
        data, text = load_yaml(path, unique_keys=True)
        if data is None:
            data = {}
        validate(data, "ruleset.schema.json", str(path), text)
        extends = data.get("extends", ())
        extends = (extends,) if isinstance(extends, str) else tuple(extends)
        rules = parse_settings(data.get("rules", {}), self.registry, str(path), text, ["rules"])
        return RuleSet(path.stem, str(path), data.get("description", ""), extends,
                       tuple(data.get("audience", ())), rules)

    def audiences(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each rule set by name, with the other audienceLevel values it serves (none for one
        only others extend, such as "base"), all in lower case, in name order."""
        return tuple((name.lower(), tuple(a.lower() for a in rule_set.audience))
                     for name, rule_set in sorted(self.sets.items()))

    def for_audience(self, value: str) -> str | None:
        """The rule set serving an audienceLevel value (not case-sensitive), if any."""
        low = value.strip().lower()
        found = None
        for rule_set in self.sets.values():
            if low == rule_set.name.lower() or low in (a.lower() for a in rule_set.audience):
                found = rule_set.name
        return found

    def resolve(self, name: str, _chain: tuple[str, ...] = ()) -> dict[str, RuleSetting]:
        """The settings of a rule set with everything it extends laid underneath."""
        if name in self._resolved:
            return self._resolved[name]
        if name not in self.sets:
            where = self.sets[_chain[-1]].path if _chain else None
            raise ConfigError(f"rule set {name!r} does not exist (known: "
                              f"{', '.join(sorted(self.sets))})", where)
        if name in _chain:
            raise ConfigError(f"rule sets extend each other in a loop: "
                              f"{' -> '.join((*_chain, name))}", self.sets[name].path)
        rule_set = self.sets[name]
        merged: dict[str, RuleSetting] = {}
        for parent in rule_set.extends:
            merged = overlay(merged, self.resolve(parent, (*_chain, name)))
        merged = overlay(merged, rule_set.rules)
        self._resolved[name] = merged
        return merged

