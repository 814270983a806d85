"""Regular expressions: readlint's own, compiled the first time they are used (`lazy_re`),
and those that come from users (a glossary's `link_patterns`, `readlint glossary harvest
--pattern`), compiled with RE2 (`user_pattern`).

readlint's modules define over two hundred patterns; compiling them all when the modules
load would cost every run some 40 ms, a third of a one-file check whose result is cached
(which uses none of them). RE2 runs in time linear in the text, so a user's pattern such
as "(a+)+$" cannot make readlint hang. RE2 has no look-around and no back-references; a
pattern that uses them is refused with a plain message."""

from __future__ import annotations

import re
from functools import cache
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
        value = getattr(re.compile(self._source, self._flags), name)
        setattr(self, name, value)
        return value


def lazy_re(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, done when the pattern is first used."""
    return cast("re.Pattern[str]", _CompiledWhenUsed(source, flags))


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
