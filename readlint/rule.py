"""The rule protocol: what every rule, built in or from a plugin, provides."""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from .document import Document
from .problem import Fix, Problem, Severity


class Rule:
    """Base class for rules. A rule is small: it declares who it is and yields problems.

    Subclasses set `name` (stable, kebab-case), `code` (stable, e.g. "RL102"),
    `default_severity`, `summary` (one line) and `options` (JSON Schema of each option, with a
    "default"). The class docstring is the long help shown by `readlint explain`: what the rule
    finds, why it matters, how to fix it, and an example.
    """

    name: ClassVar[str] = ""
    code: ClassVar[str] = ""
    default_severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = ""
    options: ClassVar[dict[str, dict[str, Any]]] = {}

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        raise NotImplementedError

    # -- helpers for subclasses ----------------------------------------------------------

    def problem(self, doc: Document, start: int, end: int, message: str,
                fix: Fix | None = None, subject: str | None = None) -> Problem:
        """A problem spanning source[start:end] (character offsets into the file)."""
        end = max(end, start + 1) if start < len(doc.source) else max(end, start)
        line, column = doc.position(start)
        end_line, end_column = doc.position(end)
        return Problem(doc.path, line, column, end_line, end_column, self.name, self.code,
                       self.default_severity, message, start, end, fix, subject)

    # -- metadata ------------------------------------------------------------------------

    @classmethod
    def help(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.summary)

    @classmethod
    def options_schema(cls) -> dict[str, Any]:
        return {"type": "object", "properties": cls.options, "additionalProperties": False}

    @classmethod
    def default_options(cls) -> dict[str, Any]:
        return {k: v["default"] for k, v in cls.options.items() if "default" in v}
