"""Which rules exist: the built-in ones, plus any a plugin adds through the entry-point group
`readlint.rules`. Both register the same way, through Registry.add."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterable, Iterator

from . import store
from .checks import BUILTIN_RULES
from .errors import ConfigError
from .rule import Rule

ENTRY_POINT_GROUP = "readlint.rules"


class Registry:
    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._by_name: dict[str, Rule] = {}
        self._by_code: dict[str, Rule] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: Rule, origin: str = "readlint") -> None:
        if not rule.name or not rule.code:
            raise ConfigError(f"rule from {origin} has no name or code")
        for key, table in ((rule.name, self._by_name), (rule.code, self._by_code)):
            if key in table:
                raise ConfigError(f"rule {key!r} from {origin} clashes with a rule already known")
        self._by_name[rule.name] = rule
        self._by_code[rule.code] = rule

    def get(self, key: str) -> Rule | None:
        """Find a rule by name or code (codes are not case-sensitive)."""
        return self._by_name.get(key) or self._by_code.get(key.upper())

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._by_name.values(), key=lambda r: r.code))

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def names(self) -> list[str]:
        return [r.name for r in self]

    def tagged(self, tag: str) -> list[str]:
        """Names of the rules whose problems feed `tag` (see rule.py)."""
        return [r.name for r in self if tag in r.tags]

    @classmethod
    def default(cls, plugins: bool = True) -> Registry:
        registry = cls(rule_class() for rule_class in BUILTIN_RULES)
        if plugins:
            registry.load_plugins()
        return registry

    def load_plugins(self) -> None:
        for name, value in plugin_entry_points():
            origin = f"plugin {name!r} ({value})"
            try:
                loaded = _load(value)
            except Exception as exc:  # a broken plugin must not crash readlint
                raise ConfigError(f"cannot load {origin}: {exc}") from None
            rule = loaded() if isinstance(loaded, type) else loaded
            if not isinstance(rule, Rule):
                raise ConfigError(f"{origin} is not a readlint Rule")
            self.add(rule, origin)


def plugin_entry_points() -> list[tuple[str, str]]:
    """(name, "module:object") of each plug-in rule installed. Asking importlib.metadata reads
    every installed package's metadata (tens of milliseconds on each run), so the answer is
    kept in the cache folder under the state of the folders Python imports from: installing
    or removing a package changes its folder, and the packages are read again."""
    key = store.digest("plugins", *(store.stamp(p) for p in sys.path if p))
    body = store.read("plugins", key)
    if body is not None:
        try:
            return [(str(name), str(value)) for name, value in json.loads(body)]
        except (ValueError, TypeError):
            pass  # damaged: read the packages again
    from importlib.metadata import entry_points

    found = [(ep.name, ep.value) for ep in entry_points(group=ENTRY_POINT_GROUP)]
    store.write("plugins", key, json.dumps(found).encode("utf-8"))
    return found


def _load(value: str) -> object:
    """The object an entry point names: "package.module:Object.attribute [extra]"."""
    module, _, attribute = value.partition(":")
    found: object = importlib.import_module(module.strip())
    for part in attribute.split("[")[0].strip().split("."):
        if part:
            found = getattr(found, part)
    return found
