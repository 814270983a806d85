"""Glob patterns over paths relative to the config's folder."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable


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

