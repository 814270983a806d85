from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import dedent

from readlint.cli import main


def pytest_configure(config: pytest.Config) -> None:
    """The tests keep readlint's cache (word tables, results) in a folder of their own, built
    once per test run and removed after it, never in the user's cache. A CI job's own
    checkout folder (GitHub's, GitLab's) is not the tests' project: names are tested apart."""
    import os
    import tempfile

    for variable in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        os.environ.pop(variable, None)

    if "READLINT_CACHE_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="readlint-test-cache-")
        os.environ["READLINT_CACHE_DIR"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    choose_examples(config)


def choose_examples(config: pytest.Config) -> None:
    """The property tests (hypothesis) try 300 generated examples each with --corpus and 50,
    a sixth, in the quick suite. The test modules are read after this, so their settings
    start from the profile chosen here; --hypothesis-profile chooses another."""
    try:
        from hypothesis import settings
    except ImportError:  # the property tests skip, saying so
        return
    settings.register_profile("corpus", max_examples=300)
    settings.register_profile("quick", max_examples=50)
    settings.load_profile("corpus" if config.getoption("--corpus") else "quick")


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
def examples(request: pytest.FixtureRequest) -> Callable[[int], int]:
    """How many random examples a property test of its own making tries: `examples(full)`
    is `full` with --corpus and a sixth of it in the quick suite, as for hypothesis's."""
    corpus = bool(request.config.getoption("--corpus"))
    return lambda full: full if corpus else full // 6


@pytest.fixture(scope="session")
def suite_cache() -> Path:
    """The suite's cache folder, with every word table a rule can need built in it (in this
    process, once) and the glossaries read: a run in a process of its own that starts from a
    copy of it reads them in milliseconds instead of building them for seconds."""
    import os

    from readlint.linter import Choices, Linter, example_problems
    from readlint.registry import Registry

    registry = Registry.default()
    for rule in registry:
        if rule.example is not None:
            example_problems(registry, rule.name, rule.example.text, rule.example.options)
    Linter(choices=Choices(audience="patient")).lint_text("# Care\n\nWe eat food.\n", "doc.md")
    return Path(os.environ["READLINT_CACHE_DIR"])


@pytest.fixture
def warm_cache(suite_cache):
    """Make a new cache folder (for the user alone) holding a copy of the suite's word tables
    and glossaries, but no results: `warm_cache(folder)` returns the folder."""
    def make(folder: Path) -> Path:
        folder.mkdir(mode=0o700, parents=True)
        for part in ("tables", "glossaries", "valid", "plugins"):
            if (suite_cache / part).is_dir():  # not files half written by another test's run
                shutil.copytree(suite_cache / part, folder / part,
                                ignore=shutil.ignore_patterns(".tmp-*"))
        return folder

    return make


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
