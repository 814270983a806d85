"""YAML text as plain data, safely: libyaml's safe loader where it is installed, aliases
counted before anything walks the data, and dates that cannot be (2024-02-30, 25 o'clock),
numbers too long for Python, and values their tag cannot make ("!!float abc", "!!bool maybe")
kept as the text written, for the rules to report, instead of stopping the run."""

from __future__ import annotations

import datetime
import math
import os
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from .patterns import lazy_re

if TYPE_CHECKING:
    import yaml


@cache
def loader() -> Any:
    """The safe loader (libyaml's where it is installed), with impossible dates and numbers
    kept as text. Made when first needed: PyYAML takes some 10 ms to load, and a run whose
    results all come from the cache reads no YAML (schema.load_yaml)."""
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc]
        """The safe loader, with impossible dates kept as text."""

    Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    Loader.add_constructor("tag:yaml.org,2002:int", _int)
    Loader.add_constructor("tag:yaml.org,2002:float", _as_written(base.construct_yaml_float))
    Loader.add_constructor("tag:yaml.org,2002:bool", _as_written(base.construct_yaml_bool))
    return Loader


def _timestamp(loader: Any, node: yaml.ScalarNode) -> datetime.date | datetime.datetime | str:
    import yaml

    try:
        found: datetime.date | datetime.datetime = \
            yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError, AttributeError, IndexError):  # 2024-02-30, T25:00;
        return str(node.value)  # "!!timestamp nope", which PyYAML's pattern does not match
    return found


def _int(loader: Any, node: yaml.ScalarNode) -> int | str:
    import yaml

    try:
        found: int = yaml.SafeLoader.construct_yaml_int(loader, node)
    except (ValueError, IndexError):  # more digits than Python turns into a number; "!!int"
        return str(node.value)
    return found


def _as_written(construct: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """A constructor that keeps a value its tag cannot make as the text written ("!!float
    abc", "!!bool maybe"), for the rules to report, instead of stopping the run."""

    def kept(loader: Any, node: Any) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, KeyError, OverflowError, IndexError):  # (IndexError: "!!float")
            return str(node.value)

    return kept


def load(text: str) -> Any:
    """The data of a YAML text. Raises yaml.YAMLError (with its mark) or RecursionError."""
    import yaml

    return yaml.load(text, Loader=loader())  # noqa: S506 - a safe loader


def load_kept(purpose: str, text: str, parse: Callable[[str], Any],
              shape: type = object) -> Any:
    """`parse(text)`, kept in the cache folder as JSON when JSON holds it exactly (no dates,
    keys that are all text), so a text read again in a later run does not load the YAML
    parser. `purpose` keeps apart texts whose data is checked in different ways: parse
    raises on data it refuses, and only what it returns is kept. What is kept and not of
    the `shape` parse always gives was damaged: the text is parsed again, and kept anew."""
    import orjson

    from . import store

    key = store.digest("yaml", purpose, *_parsers(parse), text)
    kept = store.read("yaml", key)
    if kept is not None:
        try:
            found = _from_json(orjson.loads(kept))
            if isinstance(found, shape):
                return found
        except (orjson.JSONDecodeError, ValueError, TypeError, RecursionError):
            pass  # (damaged: parsed again below)
    data = parse(text)
    shown = _exact_json(data)
    if shown is not None and store.write("yaml", key, shown) and \
            _draw(MAX_KEPT_BYTES // 4) < len(shown):
        store.trim(store.root() / "yaml", MAX_KEPT_BYTES)
    return data


# The data kept takes about this much (some 50,000 pages' front matter), and a trim removes
# what was written longest ago. Measuring the folder reads every entry's size, so it is done
# seldom: each write measures it with a chance of its size in a quarter of the limit, so on
# average once per quarter of the limit written, however the writes fall into runs and
# processes (a first run over a large site measures it a few times, not every few pages).
MAX_KEPT_BYTES = 16 * 1024 * 1024


def _draw(below: int) -> int:
    """A random whole number from 0 to below - 1."""
    return int.from_bytes(os.urandom(4), "little") % max(1, below)


def _parsers(parse: Callable[[str], Any]) -> list[str]:
    """What decides the data a text gives: readlint's version, this module and the one that
    calls it with `parse`, and the installed PyYAML."""
    import sys

    from . import store
    from .version import __version__

    caller = getattr(sys.modules.get(parse.__module__), "__file__", None) or parse.__module__
    return [__version__, store.stamp(__file__), store.stamp(caller), store.stamp(_pyyaml())]


@cache
def _pyyaml() -> str:
    """PyYAML's first file, found without loading it."""
    import importlib.util

    spec = importlib.util.find_spec("yaml")
    return spec.origin if spec is not None and spec.origin else "no PyYAML"


# In the JSON kept for YAML data, a date is {"$date": "2024-01-31"} and a date with a time
# {"$datetime": "2024-01-31T09:30:00+00:00"}; data holding a mapping with one of these keys
# of its own is not kept.
_DATE_KEYS = {"$date": datetime.date.fromisoformat, "$datetime": datetime.datetime.fromisoformat}


def _exact_json(data: Any) -> bytes | None:
    """The data as JSON, or None when JSON would read back something else (numbers that are
    not finite, keys that are not text)."""
    import orjson

    try:
        shown = orjson.dumps(_to_json(data))
        return shown if _from_json(orjson.loads(shown)) == data else None
    except (orjson.JSONEncodeError, ValueError, TypeError, RecursionError):
        return None


def _to_json(data: Any) -> Any:
    if isinstance(data, dict):
        if any(key in _DATE_KEYS for key in data):
            raise ValueError("a key of the kept form's own")
        return {key: _to_json(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_to_json(value) for value in data]
    if isinstance(data, datetime.datetime):
        return {"$datetime": data.isoformat()}
    if isinstance(data, datetime.date):
        return {"$date": data.isoformat()}
    return data


def _from_json(data: Any) -> Any:
    if isinstance(data, dict):
        if len(data) == 1:
            key, value = next(iter(data.items()))
            if key in _DATE_KEYS and isinstance(value, str):
                return _DATE_KEYS[key](value)
        return {key: _from_json(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_from_json(value) for value in data]
    return data


def expanded_size(data: Any, stop: int | None = None) -> int:
    """How many values the data holds with every shared part counted each time it is used
    (what a walk over it would visit), worked out once per shared part. With `stop`, the
    count may end early once it is past `stop`."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, done = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        key = id(node)
        children = list(node.values()) if isinstance(node, dict) else node
        if done:
            sizes[key] = 1 + sum(sizes.get(id(c), 1) for c in children)
            if stop is not None and sizes[key] > stop:
                return sizes[key]
            continue
        if key in sizes:
            continue
        sizes[key] = 1  # a loop through itself counts once
        stack.append((node, True))
        stack.extend((c, False) for c in children if isinstance(c, (dict, list))
                     and id(c) not in sizes)
    return sizes.get(id(data), 1)


def holds_itself(data: Any) -> bool:
    """Does a list or mapping in the data hold itself, through YAML aliases ("a: &a [*a]")?
    Such data has no end: anything that walks it would never finish."""
    state: dict[int, bool] = {}  # False while its children are walked, True once done
    stack: list[tuple[Any, bool]] = [(data, False)] if isinstance(data, (dict, list)) else []
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            state[key] = True
            continue
        if key in state:
            if not state[key]:
                return True  # met again while its own children are walked
            continue
        state[key] = False
        stack.append((node, True))
        children = node.values() if isinstance(node, dict) else node
        for child in children:
            if isinstance(child, (dict, list)):
                if state.get(id(child)) is False:
                    return True
                if id(child) not in state:
                    stack.append((child, False))
    return False


def self_holding_line(text: str) -> int | None:
    """The line (1-based) of the value that holds itself through YAML aliases, where its
    anchor (&name) stands, or None. Asked only of a text `holds_itself` refused, to name the
    line: it composes the text again, as nodes with their places."""
    import yaml

    try:
        root = yaml.compose(text, Loader=loader())  # noqa: S506 - a safe loader
    except (yaml.YAMLError, RecursionError):
        return None
    state: dict[int, bool] = {}  # as in holds_itself, over the nodes
    stack: list[tuple[Any, bool]] = [(root, False)] if root is not None else []
    while stack:
        node, done = stack.pop()
        if done:
            state[id(node)] = True
            continue
        if id(node) in state:
            continue
        state[id(node)] = False
        stack.append((node, True))
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            continue
        for child in children:
            if state.get(id(child)) is False:
                return int(child.start_mark.line) + 1
            if id(child) not in state:
                stack.append((child, False))
    return None


def uses_aliases(text: str) -> bool:
    """Could the text hold YAML aliases (a quick test before counting)?"""
    return "&" in text and "*" in text


def shown(value: Any, limit: int = 60) -> str:
    """A value as a message may quote it, written as YAML would show it (text in quotes,
    dates as year-month-day, true, false, lists in [ ], mappings in { }), cut short with
    "..." past `limit` characters (a message never prints a whole long value)."""
    big = isinstance(value, (dict, list)) and expanded_size(value, stop=1000) > 1000
    text = ("a list" if isinstance(value, list) else "a mapping") + " of over 1,000 values" \
        if big else _as_yaml(value, limit, 0)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _as_yaml(value: Any, limit: int, depth: int) -> str:
    """The value in YAML's words, each part written no longer than `limit` needs."""
    if depth > 20:
        return "..."
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "empty"
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return "binary data"
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            parts.append(f"{_as_yaml(key, limit, depth + 1)}: {_as_yaml(item, limit, depth + 1)}")
            if sum(map(len, parts)) > limit:
                break
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        parts = []
        for item in sorted(value, key=str) if isinstance(value, (set, frozenset)) else value:
            parts.append(_as_yaml(item, limit, depth + 1))
            if sum(map(len, parts)) > limit:
                break
        return "[" + ", ".join(parts) + "]"
    if isinstance(value, str):
        # (inside a list or a mapping, a plain word as YAML writes it: [a, b], {a: 1})
        plain = depth and _PLAIN_WORDS.fullmatch(value) is not None and \
            value.lower() not in _YAML_WORDS
        return value if plain else repr(value[:limit + 1])
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"
    return str(value)


# Words YAML reads as other values, and the word shown for null: quoted inside a list.
_YAML_WORDS = frozenset("true false yes no on off null empty".split())


_PLAIN_WORDS = lazy_re(r"[^\W\d][\w.-]*(?: [\w.-]+)*")


def shown_text(value: Any, limit: int = 60) -> str:
    """A value as the page wrote it (text without quotes), cut short when long."""
    if not isinstance(value, str):
        return shown(value, limit)
    text = value.strip()
    return text if len(text) <= limit else text[:limit - 3] + "..."


# What the YAML reader's words for a fault mean to a writer, by how they start.
_YAML_PROBLEMS = (
    ("did not find expected ',' or ']'", "a list in square brackets [ ] is not closed"),
    ("did not find expected ',' or '}'", "a set of values in curly brackets { } is not closed"),
    ("found a tab character", "a tab indents a line: indent with spaces"),
    ("found character '\\t'", "a tab indents a line: indent with spaces"),
    ("found character that cannot start any token", "a value starts with a character YAML "
                                                   "keeps for itself (a tab, @ or `): indent "
                                                   "with spaces, or put the value in quotes"),
    ("mapping values are not allowed", "a value holds a colon and a space: put the value in "
                                       "quotes, or indent the line like the others"),
    ("found unexpected end of stream", "a quotation mark is not closed"),
    ("found undefined alias", "a *name stands for a value no &name gives"),
    ("did not find expected key", "a line does not read as 'key: value' as the lines around "
                                  "it do (indented differently, or text after a closing "
                                  "quote)"),
    ("did not find expected '-' indicator", "a list item is indented more or less than the "
                                            "others"),
    ("could not find expected ':'", "a line is not 'key: value'"),
)


def plain_problem(problem: str) -> str:
    """The YAML reader's fault in plain words, with its own words after them to search for."""
    for start, plain in _YAML_PROBLEMS:
        if problem.startswith(start):
            return f"{plain} (YAML: {problem})"
    return problem


def repeated_key(text: str) -> tuple[str, int] | None:
    """The first key a mapping of the YAML text writes twice, as a dotted path ("rules.
    long-sentence"), and its second line; None when every key is written once. YAML keeps the
    last value without a word, so a setting written twice silently loses its first."""
    import yaml

    def walk(node: Any, where: str) -> tuple[str, int] | None:
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                if name is not None and name in seen:
                    return f"{where}{name}", key.start_mark.line + 1
                seen.add(name)
                found = walk(value, f"{where}{name}.")
                if found:
                    return found
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                found = walk(item, f"{where}{i}.")
                if found:
                    return found
        return None

    return walk(yaml.compose(text, Loader=loader()), "")
