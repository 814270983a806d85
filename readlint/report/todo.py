"""The editors' to-do list as CSV: every term the corpus leaves unexplained or unlinked, one
row each, most used first, with every page that uses it that way."""

from __future__ import annotations

import csv
from typing import TextIO

from .model import Report

COLUMNS = ("term", "problem", "documents", "in_glossary", "what_to_do", "pages")

# A spreadsheet reads a cell that starts with one of these as a formula (the full-width forms
# too, in some languages), or drops them and reads what follows.
_FORMULA_START = frozenset("=+-@\t\r\n\0＝＋－＠")


def cell(value: object) -> str:
    """A value as a cell a spreadsheet shows as text and never runs: one that could start a
    formula, even after leading spaces, gets a single quote in front, which spreadsheets read
    as "this is text"."""
    text = str(value)
    if text.lstrip(" ")[:1] in _FORMULA_START:
        return "'" + text
    return text


def write_csv(report: Report, out: TextIO) -> None:
    """Pages are separated by " ; " in one cell, so the file opens as one row per term. Every
    cell is quoted, so a spreadsheet that splits cells at other characters (";", a tab, a
    space) keeps each one whole and no part of a cell can start a formula of its own."""
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    for t in report.todo:
        known = "" if t.in_glossary is None else ("yes" if t.in_glossary else "no")
        writer.writerow(cell(v) for v in (
            t.term, "not explained" if t.kind == "undefined" else "not linked", t.documents,
            known, t.action, " ; ".join(t.pages)))
