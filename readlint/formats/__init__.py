"""Output formats, by name. A formatter gets the results of a run and writes them; it knows
nothing of rules and decides nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ..linter import RunResult
from . import json as json_format
from . import text as text_format

Formatter = Callable[[RunResult, TextIO, "FormatOptions"], None]


class FormatOptions:
    def __init__(self, color: bool = False, quiet: bool = False, statistics: bool = False,
                 version: str = "") -> None:
        self.color = color
        self.quiet = quiet
        self.statistics = statistics
        self.version = version


FORMATTERS: dict[str, Formatter] = {
    "text": text_format.write,
    "json": json_format.write,
}
