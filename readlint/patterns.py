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
import contextlib
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any, cast

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
    """`re.compile(source, flags)`, from the program kept for it when there is one.

    Python compiles a pattern in Python code (parse, then generate the matcher's program), some
    0.1 to 2 ms each: 40 to 60 ms of a one-file check, which uses some 150 patterns. The
    program is a list of numbers; `_sre.compile`, which `re.compile` ends with, turns it into
    a pattern in microseconds. So each pattern's program (with its groups) is kept in one file
    beside this module's bytecode, for this Python, and later runs build the patterns from it.

    The matcher runs a program as it is given, so programs are kept only where Python keeps
    the bytecode it runs (`__pycache__`, or the folder PYTHONPYCACHEPREFIX names): whoever can
    write there can already make Python run anything, and a cache folder, which may be
    restored from elsewhere, never holds them. A program is kept only when the pattern built
    from it equals the one `re.compile` made (patterns compare by their text, flags and
    program), and one that does not build is compiled again."""
    key = f"{int(flags)}:{source}"
    kept = _programs.kept()
    if key in kept:
        try:
            pattern: re.Pattern[str] = _sre().compile(source, *kept[key])
            return pattern
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass  # (not a program this Python's matcher takes: compile it)
    pattern = re.compile(source, flags)
    if _programs.writable():
        program = _program(source, int(flags), pattern)
        if program is not None:
            _programs.add(key, program)
    return pattern


class _Programs:
    """The patterns' programs kept beside this module's bytecode (read when first needed),
    and those made in this process, written back when it ends."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[Any, ...]] | None = None
        self.new: dict[str, tuple[Any, ...]] = {}

    def kept(self) -> dict[str, tuple[Any, ...]]:
        if self._kept is None:
            self._kept = _read_programs(_programs_file())
        return self._kept

    @staticmethod
    def writable() -> bool:
        """Can programs be kept (Python writes bytecode, so it has a place for them)? When
        not, a pattern is compiled only once, not also taken apart for its program."""
        return not sys.dont_write_bytecode and _programs_file() is not None

    def add(self, key: str, program: tuple[Any, ...]) -> None:
        if not self.new:
            atexit.register(_save_programs)
        self.new[key] = self.kept()[key] = program


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


@cache
def _programs_file() -> Path | None:
    """The file beside this module's bytecode that keeps the programs for this Python (its
    version and its matcher's number, `_sre.MAGIC`); None when Python keeps no bytecode."""
    import importlib.util

    try:
        bytecode = Path(importlib.util.cache_from_source(__file__))
    except (NotImplementedError, ValueError):
        return None
    magic = getattr(_sre(), "MAGIC", 0)
    return bytecode.with_name(f"{Path(__file__).stem}.{sys.implementation.cache_tag}"
                              f".{magic}.programs.json")


def _read_programs(path: Path | None) -> dict[str, tuple[Any, ...]]:
    import orjson

    try:
        found = orjson.loads(path.read_bytes()) if path is not None else {}
    except (OSError, orjson.JSONDecodeError):
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
    if not (isinstance(flags, int) and isinstance(code, list) and isinstance(groups, int)):
        return False
    return isinstance(names, dict) and isinstance(numbers, list) and \
        all(isinstance(k, str) and isinstance(v, int) for k, v in names.items()) and \
        all(n is None or isinstance(n, str) for n in numbers)


def _program(source: str, flags: int, pattern: re.Pattern[str]) -> tuple[Any, ...] | None:
    """What `_sre.compile` needs after the pattern text to make `pattern` again, or None when
    this Python does not make patterns that way."""
    internals = _python_internals()
    if internals is None:
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
    return program


# Programs kept at most: readlint uses some 400 patterns; past this many, the file also holds
# those of patterns since changed, and is written again with only this run's new ones.
MOST_PROGRAMS = 1500


def _save_programs() -> None:
    """Write the kept programs with this process's new ones, whole (to a temporary name, then
    renamed) or not at all: a folder that cannot be written only leaves the patterns to be
    compiled again next time."""
    import os

    import orjson

    path = _programs_file()
    if path is None or not _programs.new:
        return
    kept = {**_read_programs(path), **_programs.new}
    if len(kept) > MOST_PROGRAMS:
        kept = dict(_programs.new)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(orjson.dumps(kept))
        os.replace(temp, path)
    except (OSError, TypeError, ValueError):
        with contextlib.suppress(OSError):
            temp.unlink()


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
