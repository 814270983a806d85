from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import dedent

from readlint.cli import main


def pytest_configure(config: pytest.Config) -> None:
    """The tests keep readlint's cache (word tables, results) in a folder of their own, built
    once per test run and removed after it, never in the user's cache."""
    import os
    import tempfile

    if "READLINT_CACHE_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="readlint-test-cache-")
        os.environ["READLINT_CACHE_DIR"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--corpus", action="store_true",
                     help="also run the tests over the development corpora in ../shared "
                          "(several minutes; CI runs them)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--corpus"):
        return
    skip = pytest.mark.skip(reason="a corpus test: run with --corpus")
    for item in items:
        if item.get_closest_marker("corpus") is not None:
            item.add_marker(skip)


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
