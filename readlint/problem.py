"""Problems found in documents, and how serious they are."""

from __future__ import annotations

import enum
from typing import NamedTuple


class Severity(enum.IntEnum):
    """How serious a problem is. Higher is more serious."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}; use error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


class Fix(NamedTuple):
    """An exact text edit: replace source[start:end] with `replacement`."""

    start: int
    end: int
    replacement: str
    description: str = ""


class Problem(NamedTuple):
    """One problem at an exact place in the original file.

    Lines and columns are 1-based and count the front matter; the end is exclusive.
    `start` and `end` are the same place as character offsets into the file's text.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    code: str
    severity: Severity
    message: str
    start: int = 0
    end: int = 0
    fix: Fix | None = None
    subject: str | None = None  # the term or phrase the problem is about, when there is one

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)
