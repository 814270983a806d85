"""Helpers shared by the tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

from readlint.config import Config
from readlint.linter import Choices, Linter

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_eb6f9008432edf9d.txt"


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def lint(text: str, select: str | None = None, audience: str = "patient",
         config: Config | None = None, path: str = "doc.md"):
    """Problems for a document given as text, with only `select` rules when named."""
    choices = Choices(audience=audience, select=tuple(select.split(",")) if select else None)
    result = Linter(config, choices=choices).lint_text(dedent(text), path)
    assert result.error is None, result.error
    return result.problems


def positions(problems, rule: str | None = None) -> list[tuple[int, int]]:
    return [(p.line, p.column) for p in problems if rule is None or p.rule == rule]
