"""Plain text: one line per problem, `path:line:col: CODE rule message`."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

import click

from ..problem import Severity

if TYPE_CHECKING:
    from ..linter import RunResult
    from . import FormatOptions

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def write(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    problems = result.problems
    for p in problems:
        where = f"{p.path}:{p.line}:{p.column}:"
        code = p.code
        if options.color:
            where = click.style(where, bold=True)
            code = click.style(code, fg=_COLORS[p.severity], bold=True)
        out.write(f"{where} {code} {p.rule} {p.message}\n")
    if options.statistics and problems:
        out.write("\n")
        counts = Counter((p.code, p.rule) for p in problems)
        for (code, rule), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"{n:6d}  {code}  {rule}\n")
    if options.quiet:
        return
    files = sum(1 for f in result.files if f.error is None)
    by_severity = Counter(p.severity for p in problems)
    if problems:
        parts = [f"{by_severity[s]} {s}" + ("s" if s != Severity.INFO and by_severity[s] != 1
                                            else "")
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if by_severity[s]]
        with_problems = len({p.path for p in problems})
        out.write(f"\nFound {plural(len(problems), 'problem')} ({', '.join(parts)}) in "
                  f"{with_problems} of {plural(files, 'file')} checked.\n")
    else:
        out.write(f"No problems found in {plural(files, 'file')} checked.\n")


def plural(n: int, word: str) -> str:
    """'1 file', '2 files'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
