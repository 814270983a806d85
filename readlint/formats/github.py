"""GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` line per problem,
which GitHub shows as an annotation on the pull request's changed lines. Files that could not
be read become `::error` lines too. A file is named by its path from the top of the checkout
(GITHUB_WORKSPACE in a workflow's job, else the current folder; a file outside it by its full
path), its real name, not escaped. Escaping follows GitHub's rules: in the message `%`, CR
and LF; in properties also `:` and `,`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from ..errors import ReadlintError
from ..problem import Severity
from ..results import FileResult, RuleInfo, RunResult
from .base import Format, FormatOptions, pulling
from .paths import plain_path, project_folder

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class CheckAnnotations:
    """One line per problem as each file comes; the files that could not be read or checked
    after them."""

    def __init__(self, out: TextIO, options: FormatOptions,
                 rules: Mapping[str, RuleInfo]) -> None:
        self.out = out
        self.errors: list[tuple[ReadlintError, str | None]] = []
        self.top = project_folder("GITHUB_WORKSPACE")  # where GitHub finds files from

    def file(self, file: FileResult) -> None:
        if file.problems:
            name = escape_property(plain_path(file.path, file.source_path, self.top))
        for p in file.problems:
            props = (f"file={name},line={p.line},col={p.column},"
                     f"endLine={p.end_line},endColumn={p.end_column},"
                     f"title={escape_property(f'readlint {p.code} {p.rule}')}")
            self.out.write(f"::{_LEVEL[p.severity]} {props}::{escape_data(p.message)}\n")
        self.errors.extend(
            (error, plain_path(error.path, file.source_path, self.top) if error.path else None)
            for error in ([file.error] if file.error is not None else []) + file.failures)

    def end(self, run: RunResult) -> None:
        for error, where in self.errors:
            props = f"file={escape_property(where)}," if where is not None else ""
            if error.line is not None:
                props += f"line={error.line},"
            self.out.write(f"::error {props}title=readlint::{escape_data(error.message)}\n")


write_check = pulling(CheckAnnotations)


FORMAT = Format("github", "GitHub Actions annotations on the pull request",
                check=write_check, push=CheckAnnotations)
