"""JSON Schema validation of config files, rule sets and glossaries, with errors that name the
file, the line and the key path, in plain words."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import store, yamltext
from .errors import ConfigError
from .source import read_data_text
from .version import __version__

if TYPE_CHECKING:
    from jsonschema import ValidationError


def _schema_path(name: str) -> str:
    return str(Path(__file__).resolve().parent / "data" / "schemas" / name)


@cache
def _schema(name: str) -> dict[str, Any]:
    with open(_schema_path(name), encoding="utf-8") as fh:
        return dict(json.load(fh))


@cache
def _validator(name: str) -> Any:
    from referencing import Registry as SchemaRegistry
    from referencing import Resource

    registry: SchemaRegistry[Any] = SchemaRegistry().with_resources(
        (n, Resource.from_contents(_schema(n)))
        for n in ("ruleset.schema.json", "config.schema.json", "glossary.schema.json"))
    schema = _schema(name)
    import jsonschema

    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=registry)


def validate(data: Any, schema: Mapping[str, Any] | str, path: str, text: str | None = None,
             prefix: Sequence[str | int] = ()) -> None:
    """Raise ConfigError naming the file, line and key path of the first problem.

    Data found valid before (the same data, the same schema, the same readlint) is not
    checked again: the cache folder keeps a mark for it, and jsonschema is not even loaded."""
    key = _valid_key(data, schema)
    if key is not None and store.read("valid", key) is not None:
        return
    # (jsonschema takes .nan for a number, and .nan is in every range; data with a key has
    # none: the key is made only of data JSON can write)
    odd = _not_a_number(data) if key is None else None
    if odd is not None:
        keys = [*prefix, *odd[0]]
        line = line_of(text, keys) if text is not None else None
        raise ConfigError(f"{'.'.join(str(k) for k in keys) or 'top level'}: "
                          f"{yamltext.shown(odd[1])} is no number a setting can have", path, line)
    import jsonschema

    validator = _validator(schema) if isinstance(schema, str) else \
        jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(_lightened(data, schema)))
    if error is None:
        if key is not None:
            store.write("valid", key, b"")
        return
    keys = [*prefix, *error.absolute_path]
    where = ".".join(str(k) for k in keys) or "top level"
    extra = sorted(set(error.instance) - set(error.schema.get("properties", {}))) \
        if error.validator == "additionalProperties" and isinstance(error.instance, dict) else []
    line = line_of(text, [*keys, *extra[:1]]) if text is not None else None
    raise ConfigError(f"{where}: {_explain(error)}", path, line)


def _not_a_number(data: Any) -> tuple[list[str | int], float] | None:
    """The key path of the first value that is no number though YAML reads it as one (.nan,
    .inf), and the value; None when there is none."""
    seen: set[int] = set()
    stack: list[tuple[Any, list[str | int]]] = [(data, [])]
    while stack:
        value, keys = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return keys, value
        if isinstance(value, (dict, list)) and id(value) not in seen:
            seen.add(id(value))
            items = value.items() if isinstance(value, dict) else enumerate(value)
            stack.extend((v, [*keys, k]) for k, v in reversed(list(items)))
    return None


def _valid_key(data: Any, schema: Mapping[str, Any] | str) -> str | None:
    """What decides whether data is valid, as a cache key; None for data JSON cannot show
    exactly (dates, for example), which is always checked."""
    try:
        shown = json.dumps(data, sort_keys=True, allow_nan=False)
        named = store.stamp(_schema_path(schema)) if isinstance(schema, str) else \
            json.dumps(schema, sort_keys=True)
    except (TypeError, ValueError, RecursionError):
        return None
    return store.digest("valid", __version__, named, shown)


# Long lists (a glossary's 300,000 terms) take jsonschema minutes. When every item plainly
# fits a simple item schema, the list is checked here and left out of jsonschema's walk; when
# any item does not, jsonschema checks it all and gives its precise message.
_LONG_LIST = 1000
_SIMPLE_KEYWORDS = frozenset({"type", "properties", "required", "additionalProperties",
                              "items", "minLength", "minimum", "description"})
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}


def _lightened(data: Any, schema: Mapping[str, Any] | str) -> Any:
    """The data with its long lists of plainly valid items emptied, for jsonschema."""
    schema = _schema(schema) if isinstance(schema, str) else schema
    if not isinstance(data, dict):
        return data
    properties = schema.get("properties", {})
    light: dict[str, list[Any]] = {key: [] for key, value in data.items()
             if isinstance(value, list) and len(value) > _LONG_LIST
             and isinstance(properties.get(key), dict)
             and all(_plainly_valid(item, properties[key].get("items", {})) for item in value)}
    return {**data, **light} if light else data


def _plainly_valid(value: Any, schema: Any) -> bool:
    """True only when the value surely fits a schema built from simple keywords."""
    if not isinstance(schema, dict) or not set(schema) <= _SIMPLE_KEYWORDS:
        return False
    kinds = schema.get("type")
    if kinds is not None:
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if not any(_TYPES.get(k, lambda v: False)(value) for k in kinds):
            return False
    if isinstance(value, str) and len(value) < schema.get("minLength", 0):
        return False
    if isinstance(value, (int, float)) and "minimum" in schema and value < schema["minimum"]:
        return False
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        if any(k not in value for k in schema.get("required", ())):
            return False
        if schema.get("additionalProperties") is False and not set(value) <= set(properties):
            return False
        if "additionalProperties" in schema and schema["additionalProperties"] is not False:
            return False
        return all(_plainly_valid(v, properties[k]) for k, v in value.items() if k in properties)
    if isinstance(value, list) and "items" in schema:
        return all(_plainly_valid(v, schema["items"]) for v in value)
    return True


def _explain(error: ValidationError) -> str:
    v, inst = error.validator, error.instance
    if v == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        # A file that is not even a mapping is likely not the file meant (a config that names
        # a secrets file as its glossary): say what kind of data it holds, never what it says.
        got = _kind(inst) if not error.absolute_path else _show(inst)
        return f"expected {_article(str(wanted))}, got {got}"
    if v == "enum":
        choices = ", ".join(str(c) for c in error.validator_value if c is not False)
        return f"expected one of {choices}; got {_show(inst)}"
    if v == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(inst) - set(allowed)) if isinstance(inst, dict) else []
        hint = f" (known keys: {', '.join(allowed)})" if allowed else ""
        return f"{_unknown(extra)}{hint}"
    if v == "required":
        return str(error.message).replace("is a required property", "is missing")
    if v == "minimum":
        return f"expected a number of at least {error.validator_value}, got {_show(inst)}"
    if v == "exclusiveMinimum":
        return f"expected a number above {error.validator_value}, got {_show(inst)}"
    if v == "maximum":
        return f"expected a number of at most {error.validator_value}, got {_show(inst)}"
    if v == "pattern":
        description = error.schema.get("description")
        return f"{_show(inst)} does not fit" + (f": {description}" if description else
                                                  " the expected form")
    if v in ("anyOf", "oneOf"):
        return f"{_show(inst)} is not a valid setting here"
    return str(error.message)


def _article(kind: str) -> str:
    names = {"object": "a mapping of keys to values", "array": "a list", "string": "text",
             "integer": "a whole number", "number": "a number", "boolean": "true or false"}
    return names.get(kind, kind)


def _kind(value: Any) -> str:
    """What kind of data a value is, in plain words, without its contents."""
    kinds = ((bool, "true or false"), (int, "a number"), (float, "a number"), (str, "text"),
             (list, "a list"), (dict, "a mapping"), (type(None), "nothing"))
    return next((name for kind, name in kinds if isinstance(value, kind)), "another kind of data")


def _show(value: Any) -> str:
    """A value as an error quotes it: a list or a mapping only by its kind (a file named by
    mistake, a secrets file, must not be printed in a CI log), anything else cut short."""
    if isinstance(value, (dict, list)):
        return _kind(value)
    text = json.dumps(value, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def _unknown(keys: list[Any]) -> str:
    """Unknown keys as an error names them: a name as a config writes one ("rulez"), quoted;
    any other key only counted (a line of a file named by mistake, "root:$6$..." of a password
    file, must not be printed in a CI log)."""
    names = [repr(k) for k in keys
             if isinstance(k, str) and re.fullmatch(r"[^\W\d][\w .-]{0,39}", k)]
    others = len(keys) - len(names)
    said = [f"unknown key {', '.join(names)}"] if names else []
    if others:
        said.append(f"{others} key{'s' if others > 1 else ''} that "
                    f"{'are' if others > 1 else 'is'} no setting's name (is it the file meant?)")
    return "; ".join(said)


def line_of(text: str, keys: Sequence[str | int]) -> int | None:
    """1-based line of a key path in a YAML (or, roughly, TOML) text."""
    import yaml  # (only here: it is needed to say where a problem is)

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


def load_yaml(path: Path, display: str | None = None, unique_keys: bool = False
              ) -> tuple[Any, str]:
    """A YAML data file (config, rule set): its data and its text. The data of a text read
    before comes from the cache folder, where it is kept as JSON (when JSON holds it exactly),
    so a run whose configs and rule sets have not changed does not load the YAML parser.
    With `unique_keys`, a key written twice is an error (settings: the first would be lost)."""
    where = display or str(path)
    text = read_data_text(path, where)

    def parse(t: str) -> Any:
        data = parse_yaml(t, where)
        twice = yamltext.repeated_key(t) if unique_keys else None
        if twice is not None:
            raise ConfigError(f"{twice[0]}: written twice; only the last would count, so keep "
                              "one", where, twice[1])
        return data

    return yamltext.load_kept("settings" if unique_keys else "data file", text, parse), text


# libyaml's loader when PyYAML was built with it: about ten times faster on big glossaries.
# YAML aliases let a few lines stand for a huge tree ("a billion laughs"); readlint refuses
# data that would be bigger than this many values once its aliases are written out.
MAX_EXPANDED_VALUES = 2_000_000


def parse_yaml(text: str, display: str) -> Any:
    """YAML text as data, or ConfigError naming the file and line. Aliases that expand to
    more than MAX_EXPANDED_VALUES values are refused before anything walks the data."""
    import yaml

    try:
        data = yamltext.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = yamltext.plain_problem(getattr(exc, "problem", None) or "") or "it cannot be read"
        raise ConfigError(f"not valid YAML: {reason}", display,
                          mark.line + 1 if mark else None) from None
    except RecursionError:
        raise ConfigError("not valid YAML: nested too deeply", display) from None
    if yamltext.uses_aliases(text):
        if yamltext.holds_itself(data):
            raise ConfigError("its YAML aliases (&name / *name) make a value that holds "
                              "itself; write the values out instead", display,
                              yamltext.self_holding_line(text))
        if yamltext.expanded_size(data, stop=MAX_EXPANDED_VALUES) > MAX_EXPANDED_VALUES:
            raise ConfigError("its YAML aliases (&name / *name) expand to more than "
                              f"{MAX_EXPANDED_VALUES:,} values; write the data out instead",
                              display)
    return data



