"""What every output format is: a name, a line of help, and writers for what it can show (the
problems of `check`, the report of `report`, or both)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from ..report.model import Report
from ..results import RunResult


@dataclass(frozen=True)
class FormatOptions:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    version: str = ""
    top: int | None = None  # the report: show only the N worst documents


CheckWriter = Callable[[RunResult, TextIO, FormatOptions], None]
ReportWriter = Callable[[Report, TextIO, FormatOptions], None]


@dataclass(frozen=True)
class Format:
    name: str
    summary: str
    check: CheckWriter | None = None
    report: ReportWriter | None = None
