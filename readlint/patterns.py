"""Regular expressions: readlint's own, compiled the first time they are used (`lazy_re`),
and those that come from users (a glossary's `link_patterns`, `readlint glossary harvest
--pattern`), compiled with RE2 (`user_pattern`).

readlint's modules define over two hundred patterns; compiling them all when the modules
load would cost every run some 40 ms, a third of a one-file check whose result is cached
(which uses none of them). RE2 runs in time linear in the text, so a user's pattern such
as "(a+)+$" cannot make readlint hang. RE2 has no look-around and no back-references; a
pattern that uses them is refused with a plain message."""

from __future__ import annotations

import atexit
import re
import sys
from functools import cache
from typing import Any, cast

from . import store
from .errors import ConfigError


class _CompiledWhenUsed:
    """A regular expression compiled when one of its methods or attributes is first asked
    for. What is asked for is then kept on the holder itself, the compiled pattern's own
    method, so later calls cost what they cost on the pattern."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # (only for what is not yet kept here)
        value = getattr(compiled(self._source, self._flags), name)
        setattr(self, name, value)
        return value


def lazy_re(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, done when the pattern is first used."""
    return cast("re.Pattern[str]", _CompiledWhenUsed(source, flags))


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, from its compiled form kept in the cache folder when there
    is one.

    Python compiles a pattern in Python code (parse, then generate the matcher's program), some
    0.1 to 2 ms each: 40 to 60 ms of a one-file check, which uses some 150 patterns. The
    program is a list of numbers; `_sre.compile`, which `re.compile` ends with, turns it into
    a pattern in microseconds. So the first run keeps each pattern's program (with its groups)
    in one file of the cache folder, made for this Python (its version and its matcher's
    number, `_sre.MAGIC`), and later runs build the patterns from it. A program is kept only
    when the pattern built from it equals the one `re.compile` made (patterns compare by
    their text, flags and program), and one that does not build is compiled again: a Python
    whose internals differ just compiles as usual."""
    key = f"{int(flags)}:{source}"
    kept = _kept_programs().get(key)
    if kept is not None:
        try:
            pattern: re.Pattern[str] = _sre().compile(source, *kept)
            _programs.used.add(key)
            return pattern
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass  # (not a program this Python's matcher takes: compile it)
    pattern = re.compile(source, flags)
    program = _program(source, int(flags), pattern)
    if program is not None:
        _programs.new[key] = _programs.kept[key] = program
        _programs.used.add(key)
    return pattern


class _Programs:
    """The patterns' programs read from the cache folder (`kept`, for the folder `where`),
    those made in this process (`new`), written back when the process ends, and the patterns
    this process built (`used`)."""

    def __init__(self) -> None:
        self.where: tuple[object, ...] | None = None
        self.kept: dict[str, tuple[Any, ...]] = {}
        self.new: dict[str, tuple[Any, ...]] = {}
        self.used: set[str] = set()
        self.saving = False


# Programs kept at most: readlint uses some 400 patterns; past this many, the file also holds
# those of patterns since changed, and is written again with only what the run used.
MOST_PROGRAMS = 1500


_programs = _Programs()


@cache
def _sre() -> Any:
    import _sre  # (the matcher behind `re`)

    return _sre


@cache
def _python_internals() -> tuple[Any, Any] | None:
    """`re`'s parser and code generator (named so since Python 3.11; before, sre_parse and
    sre_compile), or None."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:
        try:
            import sre_compile as _compiler
            import sre_parse as _parser
        except ImportError:
            return None
    return _parser, _compiler


def _store_key() -> str:
    return store.digest("patterns", sys.version, str(getattr(_sre(), "MAGIC", "")))


def _kept_programs() -> dict[str, tuple[Any, ...]]:
    """The programs kept in the cache folder in use now (read once per folder)."""
    where = store.setting()
    if _programs.where != where:
        _programs.where = where
        _programs.kept = {**_read_programs(), **_programs.new}
    return _programs.kept


def _read_programs() -> dict[str, tuple[Any, ...]]:
    import orjson

    body = store.read("patterns", _store_key())
    if body is None:
        return {}
    try:
        found = orjson.loads(body)
    except orjson.JSONDecodeError:
        return {}
    if not isinstance(found, dict):
        return {}
    return {key: (*value[:4], tuple(value[4])) for key, value in found.items()
            if isinstance(key, str) and _well_formed(value)}


def _well_formed(value: Any) -> bool:
    """Is this what `_program` makes: flags, program, group count, names to numbers, numbers
    to names? (A program that is not a list of numbers `_sre.compile` refuses.)"""
    if not (isinstance(value, list) and len(value) == 5):
        return False
    flags, code, groups, names, numbers = value
    return isinstance(flags, int) and isinstance(groups, int) and isinstance(code, list) and \
        isinstance(names, dict) and all(isinstance(k, str) and isinstance(v, int)
                                        for k, v in names.items()) and \
        isinstance(numbers, list) and all(n is None or isinstance(n, str) for n in numbers)


def _program(source: str, flags: int, pattern: re.Pattern[str]) -> tuple[Any, ...] | None:
    """What `_sre.compile` needs after the pattern text to make `pattern` again, or None when
    this Python does not make patterns that way."""
    internals = _python_internals()
    if internals is None or not store.enabled():
        return None
    parser, compiler = internals
    try:
        parsed = parser.parse(source, flags)
        code = compiler._code(parsed, flags)
        names = dict(parsed.state.groupdict)
        numbers: list[str | None] = [None] * parsed.state.groups
        for name, number in names.items():
            numbers[number] = name
        program = (flags | parsed.state.flags, list(code), parsed.state.groups - 1, names,
                   tuple(numbers))
        if _sre().compile(source, *program) != pattern:
            return None
    except Exception:  # noqa: BLE001 - another Python's internals: compile as usual
        return None
    if not _programs.saving:
        _programs.saving = True
        atexit.register(_save_programs)
    return program


def _save_programs() -> None:
    """Write the kept programs with this process's new ones (whole, or not at all)."""
    if not _programs.new or not store.enabled():
        return
    import orjson

    kept = {**_read_programs(), **_programs.kept}
    if len(kept) > MOST_PROGRAMS:
        kept = {key: kept[key] for key in _programs.used if key in kept}
    store.write("patterns", _store_key(), orjson.dumps(kept))


@cache
def _re2_options() -> Any:
    import re2  # (only here: loading RE2 costs a run that has no user patterns 5 ms)

    options = re2.Options()
    options.log_errors = False  # the error comes back as an exception; do not print it too
    return options


def user_pattern(pattern: str, where: str) -> Any:
    """The compiled pattern (with .search, .groupindex as in Python's re), or ConfigError."""
    import re2

    try:
        return re2.compile(pattern, _re2_options())
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else exc
        raise ConfigError(f"the pattern {pattern!r} cannot be used: {reason} (readlint uses "
                          "RE2 patterns: no look-around, no back-references)", where) from None
    except TypeError:
        raise ConfigError(f"the pattern {pattern!r} is not text", where) from None
