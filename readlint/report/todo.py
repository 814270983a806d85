"""The editors' to-do list as CSV: every term the corpus leaves unexplained or unlinked, one
row each, most used first, with every page that uses it that way."""

from __future__ import annotations

import csv
from typing import TextIO

from .model import Report

COLUMNS = ("term", "problem", "documents", "in_glossary", "what_to_do", "pages")


def write_csv(report: Report, out: TextIO) -> None:
    """Pages are separated by " ; " in one cell, so the file opens as one row per term."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for t in report.todo:
        known = "" if t.in_glossary is None else ("yes" if t.in_glossary else "no")
        writer.writerow((t.term, "not explained" if t.kind == "undefined" else "not linked",
                         t.documents, known, t.action, " ; ".join(t.pages)))
