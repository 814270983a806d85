"""GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` line per problem,
which GitHub shows as an annotation on the pull request's changed lines. Files that could not
be read become `::error` lines too. Escaping follows GitHub's rules: in the message `%`, CR and
LF; in properties also `:` and `,`."""

from __future__ import annotations

from typing import TextIO

from ..problem import Severity
from ..results import RunResult
from .base import Format, FormatOptions

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_check(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    for p in (p for file in result.each_file() for p in file.problems):
        props = (f"file={escape_property(p.path)},line={p.line},col={p.column},"
                 f"endLine={p.end_line},endColumn={p.end_column},"
                 f"title={escape_property(f'readlint {p.code} {p.rule}')}")
        out.write(f"::{_LEVEL[p.severity]} {props}::{escape_data(p.message)}\n")
    for error in result.errors:
        props = f"file={escape_property(error.path or '')}"
        if error.line is not None:
            props += f",line={error.line}"
        out.write(f"::error {props},title=readlint::{escape_data(error.message)}\n")


FORMAT = Format("github", "GitHub Actions annotations on the pull request",
                check=write_check, streams=True)
