"""Output formats, by name, shared by `check` and `report`. A format gets the results of a run
(or the report made from them) and writes them; it knows nothing of rules and decides
nothing. Adding a format is one module that defines FORMAT and one line below."""

from __future__ import annotations

from . import github, gitlab, html, json, junit, markdown, sarif, text
from .base import Format, FormatOptions

FORMATS: dict[str, Format] = {f.name: f for f in (
    text.FORMAT,
    json.FORMAT,
    github.FORMAT,
    sarif.FORMAT,
    gitlab.FORMAT,
    junit.FORMAT,
    markdown.FORMAT,
    html.FORMAT,
)}


def for_check() -> list[str]:
    return sorted(name for name, f in FORMATS.items() if f.check is not None)


def for_report() -> list[str]:
    return sorted(name for name, f in FORMATS.items() if f.report is not None)


__all__ = ["FORMATS", "Format", "FormatOptions", "for_check", "for_report"]
