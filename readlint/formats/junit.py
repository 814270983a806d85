"""JUnit XML, which most CI systems show as a test report: one test case per file checked,
failed when the file has a problem at or above its fail level (fail_on, or --fail-on: the
level that sets the exit code), each problem listed in the failure; passed with its problems
in its output when they are all below that level; in error when it could not be read."""

from __future__ import annotations

from typing import TextIO

from ..results import RunResult
from .base import Format, FormatOptions

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def escape(text: str) -> str:
    """Text made safe inside an XML element."""
    return text.translate(_TEXT)


def quoteattr(text: str) -> str:
    """Text as a quoted XML attribute value (line breaks kept as character references)."""
    return '"' + text.translate(_ATTRIBUTE) + '"'


def write_check(result: RunResult, out: TextIO, options: FormatOptions) -> None:
    cases = []
    failures = errors = 0
    for file in result.files:
        name = quoteattr(file.path)
        if file.error is not None:
            errors += 1
            cases.append(f'    <testcase classname="readlint" name={name}>\n'
                         f'      <error message={quoteattr(file.error.message)}/>\n'
                         f'    </testcase>')
            continue
        if not file.problems:
            cases.append(f'    <testcase classname="readlint" name={name}/>')
            continue
        lines = "\n".join(f"{p.line}:{p.column} {p.code} {p.rule} {p.message}"
                          for p in file.problems)
        if not file.fails:  # only problems below the fail level: a test that passed
            cases.append(f'    <testcase classname="readlint" name={name}>\n'
                         f'      <system-out>{escape(lines)}</system-out>\n'
                         f'    </testcase>')
            continue
        failures += 1
        summary = f"{len(file.problems)} problem{'s' if len(file.problems) != 1 else ''}"
        cases.append(f'    <testcase classname="readlint" name={name}>\n'
                     f'      <failure message={quoteattr(summary)}>{escape(lines)}</failure>\n'
                     f'    </testcase>')
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="readlint" tests="{len(result.files)}" failures="{failures}" '
              f'errors="{errors}">\n')
    out.write(f'  <testsuite name="readlint" tests="{len(result.files)}" failures="{failures}" '
              f'errors="{errors}">\n')
    for case in cases:
        out.write(case + "\n")
    out.write("  </testsuite>\n</testsuites>\n")


FORMAT = Format("junit", "JUnit XML: one test case per file, for CI test reports",
                check=write_check)
