"""Regular expressions that come from users (a glossary's `link_patterns`, `readlint glossary
harvest --pattern`), compiled with RE2: it runs in time linear in the text, so a pattern such
as "(a+)+$" cannot make readlint hang. RE2 has no look-around and no back-references; a
pattern that uses them is refused with a plain message."""

from __future__ import annotations

from typing import Any

import re2

from .errors import ConfigError

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # the error comes back as an exception; do not print it too


def user_pattern(pattern: str, where: str) -> Any:
    """The compiled pattern (with .search, .groupindex as in Python's re), or ConfigError."""
    try:
        return re2.compile(pattern, _OPTIONS)
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else exc
        raise ConfigError(f"the pattern {pattern!r} cannot be used: {reason} (readlint uses "
                          "RE2 patterns: no look-around, no back-references)", where) from None
    except TypeError:
        raise ConfigError(f"the pattern {pattern!r} is not text", where) from None
