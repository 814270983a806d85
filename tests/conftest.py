from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import dedent

from readlint.cli import main


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Run the CLI in a temporary folder; returns the click Result."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def write(tmp_path):
    def make(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(dedent(text), encoding="utf-8")
        return path

    return make
