"""readlint: a plain-language linter for patient health documents.

Public API:
    lint_paths(paths, config=None) -> RunResult
    lint_text(text, path="<text>", audience=None) -> FileResult
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .version import __version__

if TYPE_CHECKING:
    from .config import Config
    from .results import FileResult, RunResult


def lint_paths(paths: Sequence[str], config: Config | None = None) -> RunResult:
    """Check files and folders; returns every file's problems and errors."""
    from .run import Run

    return Run.with_config(config).lint_paths(paths)


def lint_text(text: str, path: str = "<text>", audience: str | None = None) -> FileResult:
    """Check one document given as text."""
    from .linter import Choices, Linter

    return Linter(choices=Choices(audience=audience)).lint_text(text, path)


__all__ = ["__version__", "lint_paths", "lint_text"]
