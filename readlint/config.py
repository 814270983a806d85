"""Project config and rule sets: finding, loading, validating and resolving them.

- A rule set is a YAML file in rules/ (or in a project's rule_dirs). It names the audienceLevel
  values it serves, may `extends` other sets, and sets each rule's severity and options.
- The project config is `.readlint.yaml` (or `.readlint.yml`) or `[tool.readlint]` in
  pyproject.toml, found by walking up from the checked path.

Every file is checked against its JSON Schema (in readlint/data/schemas) and every rule's
options against that rule's own schema. Errors name the file, the line, the key path and what
was expected.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import tomllib
import yaml
from referencing import Registry as SchemaRegistry
from referencing import Resource

from .errors import ConfigError
from .problem import Severity
from .registry import Registry

CONFIG_NAMES = (".readlint.yaml", ".readlint.yml")
DEFAULT_AUDIENCE = "patient"
DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt")


# -- schemas --------------------------------------------------------------------------------


@cache
def _schema(name: str) -> dict[str, Any]:
    text = (resources.files("readlint") / "data" / "schemas" / name).read_text("utf-8")
    return dict(json.loads(text))


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    registry: SchemaRegistry[Any] = SchemaRegistry().with_resources(
        (n, Resource.from_contents(_schema(n)))
        for n in ("ruleset.schema.json", "config.schema.json", "glossary.schema.json"))
    schema = _schema(name)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=registry)


def validate(data: Any, schema: Mapping[str, Any] | str, path: str, text: str | None = None,
             prefix: Sequence[str | int] = ()) -> None:
    """Raise ConfigError naming the file, line and key path of the first problem."""
    validator = _validator(schema) if isinstance(schema, str) else \
        jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is None:
        return
    keys = [*prefix, *error.absolute_path]
    where = ".".join(str(k) for k in keys) or "top level"
    extra = sorted(set(error.instance) - set(error.schema.get("properties", {}))) \
        if error.validator == "additionalProperties" and isinstance(error.instance, dict) else []
    line = _line_of(text, [*keys, *extra[:1]]) if text is not None else None
    raise ConfigError(f"{where}: {_explain(error)}", path, line)


def _explain(error: jsonschema.ValidationError) -> str:
    v, inst = error.validator, error.instance
    if v == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        return f"expected {_article(str(wanted))}, got {_show(inst)}"
    if v == "enum":
        choices = ", ".join(str(c) for c in error.validator_value if c is not False)
        return f"expected one of {choices}; got {_show(inst)}"
    if v == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(inst) - set(allowed)) if isinstance(inst, dict) else []
        hint = f" (known keys: {', '.join(allowed)})" if allowed else ""
        return f"unknown key {', '.join(map(repr, extra))}{hint}"
    if v == "required":
        return str(error.message).replace("is a required property", "is missing")
    if v in ("minimum", "exclusiveMinimum"):
        return f"expected a number of at least {error.validator_value}, got {_show(inst)}"
    if v == "maximum":
        return f"expected a number of at most {error.validator_value}, got {_show(inst)}"
    if v in ("anyOf", "oneOf"):
        return f"{_show(inst)} is not a valid setting here"
    return str(error.message)


def _article(kind: str) -> str:
    names = {"object": "a mapping of keys to values", "array": "a list", "string": "text",
             "integer": "a whole number", "number": "a number", "boolean": "true or false"}
    return names.get(kind, kind)


def _show(value: Any) -> str:
    text = json.dumps(value, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def _line_of(text: str, keys: Sequence[str | int]) -> int | None:
    """1-based line of a key path in a YAML (or, roughly, TOML) text."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    line = None
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == str(key):
                    line, node = k.start_mark.line + 1, v
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and \
                key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _load_yaml(path: Path) -> tuple[Any, str]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot be read: {getattr(exc, 'strerror', None) or exc}",
                          str(path)) from None
    try:
        return yaml.safe_load(text), text
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or "not valid YAML"
        raise ConfigError(f"not valid YAML: {reason}", str(path),
                          mark.line + 1 if mark else None) from None


# -- rule settings --------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleSetting:
    """How one rule runs: on or off, its severity, its options (partial, merged later)."""

    enabled: bool | None = None
    severity: Severity | None = None
    options: Mapping[str, Any] = field(default_factory=dict)

    def merged(self, other: RuleSetting) -> RuleSetting:
        """This setting with `other` laid on top."""
        return RuleSetting(
            self.enabled if other.enabled is None else other.enabled,
            other.severity or self.severity,
            {**self.options, **other.options})


def _parse_settings(raw: Mapping[str, Any], registry: Registry, path: str, text: str | None,
                    prefix: Sequence[str | int]) -> dict[str, RuleSetting]:
    """Turn a validated `rules:` mapping into RuleSettings keyed by rule name."""
    out: dict[str, RuleSetting] = {}
    for key, value in raw.items():
        rule = registry.get(str(key))
        keys = [*prefix, key]
        if rule is None:
            known = ", ".join(registry.names())
            raise ConfigError(f"{'.'.join(map(str, keys))}: unknown rule {key!r} "
                              f"(known rules: {known})", path, _line_of(text or "", keys))
        if value is False or value == "off":
            setting = RuleSetting(enabled=False)
        elif value is True:
            setting = RuleSetting(enabled=True)
        elif isinstance(value, str):
            setting = RuleSetting(enabled=True, severity=Severity.parse(value))
        else:
            options = {k: v for k, v in value.items() if k not in ("severity", "enabled")}
            validate(options, rule.options_schema(), path, text, keys)
            options = _resolve_paths(options, rule.options, Path(path).parent)
            severity = value.get("severity")
            enabled = value.get("enabled")
            if severity in (False, "off"):
                enabled, severity = False, None
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


def _overlay(base: Mapping[str, RuleSetting],
             top: Mapping[str, RuleSetting]) -> dict[str, RuleSetting]:
    out = dict(base)
    for name, setting in top.items():
        out[name] = out[name].merged(setting) if name in out else setting
    return out


# -- rule sets ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleSet:
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
        data, text = _load_yaml(path)
        if data is None:
            data = {}
        validate(data, "ruleset.schema.json", str(path), text)
        extends = data.get("extends", ())
        extends = (extends,) if isinstance(extends, str) else tuple(extends)
        rules = _parse_settings(data.get("rules", {}), self.registry, str(path), text, ["rules"])
        return RuleSet(path.stem, str(path), data.get("description", ""), extends,
                       tuple(data.get("audience", ())), rules)

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
            merged = _overlay(merged, self.resolve(parent, (*_chain, name)))
        merged = _overlay(merged, rule_set.rules)
        self._resolved[name] = merged
        return merged


# -- project config -------------------------------------------------------------------------


@dataclass(frozen=True)
class PathOverride:
    paths: tuple[str, ...]
    audience: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    rules: Mapping[str, RuleSetting] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """Project settings. `root` is the folder paths in the config are relative to."""

    source: str | None = None
    root: Path = field(default_factory=Path.cwd)
    default_audience: str = DEFAULT_AUDIENCE
    rule_dirs: tuple[Path, ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    max_file_size: int = 5 * 1024 * 1024
    raw_rules: Mapping[str, Any] = field(default_factory=dict)
    raw_per_path: tuple[Mapping[str, Any], ...] = ()
    text: str | None = None

    def relative(self, path: Path) -> str | None:
        """path relative to the config root, in POSIX form, or None when outside it."""
        try:
            return PurePosixPath(path.resolve().relative_to(self.root.resolve())).as_posix()
        except ValueError:
            return None

    def overrides(self, registry: Registry) -> tuple[dict[str, RuleSetting], list[PathOverride]]:
        """The config's rule settings and per-path overrides, checked against the rules."""
        where = self.source or "config"
        rules = _parse_settings(self.raw_rules, registry, where, self.text, ["rules"])
        per_path = []
        for i, item in enumerate(self.raw_per_path):
            settings = _parse_settings(item.get("rules", {}), registry, where, self.text,
                                       ["per_path", i, "rules"])
            for key in ("select", "ignore"):
                _check_rule_names(item.get(key, ()), registry, where, self.text,
                                  ["per_path", i, key])
            per_path.append(PathOverride(
                tuple(item["paths"]), item.get("audience"),
                tuple(item["select"]) if "select" in item else None,
                tuple(item.get("ignore", ())), settings))
        for key in ("select", "ignore"):
            _check_rule_names(getattr(self, key) or (), registry, where, self.text, [key])
        return rules, per_path


def _check_rule_names(names: Iterable[str], registry: Registry, path: str, text: str | None,
                      keys: list[str | int]) -> None:
    for name in names:
        if name not in registry and name.upper() != "ALL":
            raise ConfigError(f"{'.'.join(map(str, keys))}: unknown rule {name!r} (see "
                              "`readlint rules`)", path, _line_of(text or "", keys))


def find_config(start: Path) -> Path | None:
    """The nearest .readlint.yaml, or pyproject.toml with [tool.readlint], from start upward."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return "readlint" in tomllib.loads(path.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_config(path: Path | None) -> Config:
    """Read and validate a config file; None gives the defaults."""
    if path is None:
        return Config()
    display = str(path)
    if not path.is_file():
        raise ConfigError("config file not found", display)
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        try:
            toml = tomllib.loads(path.read_text("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"not valid TOML: {exc}", display) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot be read: {exc}", display) from None
        data = toml.get("tool", {}).get("readlint", {})
        text = None
    else:
        data, text = _load_yaml(path)
        data = {} if data is None else data
    validate(data, "config.schema.json", display, text)
    root = path.resolve().parent
    config = Config(source=display, root=root, text=text,
                    raw_rules=data.get("rules", {}),
                    raw_per_path=tuple(data.get("per_path", ())))
    changes: dict[str, Any] = {}
    if "default_audience" in data:
        changes["default_audience"] = data["default_audience"]
    if "rule_dirs" in data:
        changes["rule_dirs"] = tuple(root / d for d in data["rule_dirs"])
    if "select" in data:
        changes["select"] = tuple(data["select"])
    for key in ("ignore", "include", "exclude"):
        if key in data:
            changes[key] = tuple(data[key])
    if "extensions" in data:
        changes["extensions"] = tuple(e.lower() for e in data["extensions"])
    if "fail_on" in data:
        changes["fail_on"] = Severity.parse(data["fail_on"])
    if "max_file_size_mb" in data:
        changes["max_file_size"] = int(data["max_file_size_mb"] * 1024 * 1024)
    return replace(config, **changes)


def matches(relative: str | None, patterns: Iterable[str]) -> bool:
    """Does a POSIX relative path match any glob? A pattern also matches everything below a
    folder it names ("drafts" and "drafts/" match "drafts/a.md")."""
    if relative is None:
        return False
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern + "/*"):
            return True
        if pattern.startswith("**/") and matches(relative, [pattern[3:]]):
            return True
        if "/" not in pattern and any(fnmatch.fnmatch(part, pattern)
                                      for part in relative.split("/")):
            return True
    return False
