"""What every output format is: a name, a line of help, and writers for what it can show (the
problems of `check`, the report of `report`, or both)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

from ..report.model import Report
from ..results import RunResult


@dataclass(frozen=True)
class FormatOptions:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    version: str = ""
    top: int | None = None  # the report: show only the N worst documents
    html_written: bool = False  # the report: an HTML page was written as well


CheckWriter = Callable[[RunResult, TextIO, FormatOptions], None]
ReportWriter = Callable[[Report, TextIO, FormatOptions], None]


@dataclass(frozen=True)
class Format:
    name: str
    summary: str
    check: CheckWriter | None = None
    report: ReportWriter | None = None


def write_json(data: Any, out: TextIO) -> None:
    """Data as indented JSON, as json.dump(indent=2, ensure_ascii=False) writes it, through
    orjson (many times faster on a corpus's problems); json itself for anything orjson does
    not take (numbers beyond 64 bits, keys that are not text)."""
    import orjson

    try:
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:
        import json

        text = json.dumps(data, indent=2, ensure_ascii=False)
    out.write(text)
    out.write("\n")
