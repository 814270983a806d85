"""GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` line per problem,
which GitHub shows as an annotation on the pull request's changed lines. Files that could not
be read become `::error` lines too. A file is named by its path from the current folder (the
top of the checkout in CI; GitHub also takes a path inside it written in full), its real
name, not escaped. Escaping follows GitHub's rules: in the message `%`, CR and LF; in
properties also `:` and `,`."""

from __future__ import annotations

from typing import TextIO

from ..errors import ReadlintError
from ..problem import Severity
from ..results import RunResult
from .base import Format, FormatOptions
from .paths import plain_path

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_check(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    errors: list[tuple[ReadlintError, str | None]] = []
    for file in result.each_file():
        if file.problems:
            name = escape_property(plain_path(file.path, file.source_path))
        for p in file.problems:
            props = (f"file={name},line={p.line},col={p.column},"
                     f"endLine={p.end_line},endColumn={p.end_column},"
                     f"title={escape_property(f'readlint {p.code} {p.rule}')}")
            out.write(f"::{_LEVEL[p.severity]} {props}::{escape_data(p.message)}\n")
        errors.extend((error, plain_path(error.path, file.source_path) if error.path else None)
                      for error in ([file.error] if file.error is not None else [])
                      + file.failures)
    for error, where in errors:
        props = f"file={escape_property(where)}," if where is not None else ""
        if error.line is not None:
            props += f"line={error.line},"
        out.write(f"::error {props}title=readlint::{escape_data(error.message)}\n")


FORMAT = Format("github", "GitHub Actions annotations on the pull request",
                check=write_check, streams=True)
