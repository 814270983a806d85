"""What every output format is: a name, a line of help, and writers for what it can show (the
problems of `check`, the report of `report`, the changes of `report --base`).

A check output that can be written as the results come is pushed them: `Format.push` makes
it for one output, then it is handed each file's result (`file`) and told when the run is
over (`end`). So one run can feed several outputs at once, and none keeps the run."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TextIO

from ..results import FileResult, RuleInfo, RunResult

if TYPE_CHECKING:
    from ..report.model import Report
    from ..report.since_base import Change


class FormatOptions(NamedTuple):
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    version: str = ""
    top: int | None = None  # the report: show only the N worst documents
    html_written: bool = False  # the report: an HTML page was written as well
    shard: tuple[int, int] | None = None  # check --shard I/N: this run checks part I of N


class FileWriter(Protocol):
    """A check output pushed one file's result at a time, then the end of the run (whose
    errors and worst severity are known by then)."""

    def file(self, result: FileResult) -> None: ...

    def end(self, run: RunResult) -> None: ...


CheckWriter = Callable[[RunResult, TextIO, FormatOptions], None]
PushWriter = Callable[[TextIO, FormatOptions, Mapping[str, RuleInfo]], FileWriter]
ReportWriter = Callable[["Report", TextIO, FormatOptions], None]
# The documents changed since a git revision (`report --base`), with that revision.
ChangesWriter = Callable[[Sequence["Change"], str, TextIO], None]


class Format(NamedTuple):
    name: str
    summary: str
    check: CheckWriter | None = None
    report: ReportWriter | None = None
    # The check output made for one output and pushed each file's result as it comes, for
    # formats that need not see the whole run first (check is then `pulling(push)`).
    push: PushWriter | None = None
    changes: ChangesWriter | None = None

    @property
    def streams(self) -> bool:
        return self.push is not None


def write_json(data: Any, out: TextIO) -> None:
    """Data as indented JSON, as json.dump(indent=2, ensure_ascii=False) writes it."""
    out.write(json_text(data))
    out.write("\n")


def json_text(data: Any) -> str:
    """Data as indented JSON text, as json.dumps(indent=2, ensure_ascii=False) makes it,
    through orjson (many times faster on a corpus's problems); json itself for anything
    orjson does not take (numbers beyond 64 bits, keys that are not text)."""
    import orjson

    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:
        import json

        return json.dumps(data, indent=2, ensure_ascii=False)


def pulling(push: PushWriter) -> CheckWriter:
    """The check writer of a format that is pushed results: it reads the run's files and
    hands each one over."""
    def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
        write_each(result, [push(out, options, result.rules)])
    return write


def write_each(run: RunResult, writers: Sequence[FileWriter]) -> None:
    """Hand each file's result, as the run gives it, to every writer, then end them: several
    outputs (a file and the terminal) written at once from one run, each result read once,
    none waiting for the whole run, with no thread."""
    for file in run.each_file():
        for writer in writers:
            writer.file(file)
    for writer in writers:
        writer.end(run)
