"""The pre-commit hooks, run by the real pre-commit tool against this repository: the check
hook fails on a bad page and passes on a good one, leaves a repository's README alone, and the
fix hook edits the page. Slow (pre-commit builds readlint's environment from the package
index), so it runs with the long tests: `pytest --corpus`, as CI does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.corpus

ROOT = Path(__file__).resolve().parent.parent
LONG = "Word " + " ".join(["word"] * 24) + " end."
FRONT = "---\naudienceLevel: patient\ntitle: A page about cancer\nlanguage: en\n---\n"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("needs git")
    try:
        rev = git(ROOT, "rev-parse", "HEAD")
    except subprocess.CalledProcessError:
        pytest.skip("needs this repository as a git checkout")
    folder = tmp_path_factory.mktemp("site")
    git(folder, "init", "-q")
    git(folder, "config", "user.email", "writer@example.org")
    git(folder, "config", "user.name", "A Writer")
    (folder / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {rev}\n  hooks:\n  - id: readlint\n"
        f"  - id: readlint-fix\n", encoding="utf-8")
    (folder / "bad.md").write_text(f"{FRONT}\n{LONG}\n", "utf-8")
    (folder / "good.md").write_text(f"{FRONT}\nShort and plain.\n", "utf-8")
    (folder / "README.md").write_text(f"# A project\n\n{LONG}\n", "utf-8")
    (folder / "link.md").write_text(f"{FRONT}\nSome people get neutropenia.\n", "utf-8")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "pages")
    return folder


def pre_commit(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # readlint as pre-commit installs it has other file stamps, so word tables of its own: in a
    # cache folder of its own, not the suite's
    env = {**os.environ, "PRE_COMMIT_HOME": str(site.parent / "pre-commit-home"),
           "READLINT_CACHE_DIR": str(site.parent / "readlint-cache")}
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", *args], cwd=site, env=env,
                          capture_output=True, text=True, timeout=1800)


def test_check_hook_fails_on_a_bad_page(site):
    result = pre_commit(site, "readlint", "--files", "bad.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.md:7:1: RL102 long-sentence" in result.stdout


def test_check_hook_passes_a_good_page_and_leaves_the_readme_alone(site):
    result = pre_commit(site, "readlint", "--files", "good.md", "README.md")
    assert result.returncode == 0, result.stdout + result.stderr


def test_fix_hook_adds_the_glossary_link(site):
    result = pre_commit(site, "readlint-fix", "--files", "link.md")
    assert result.returncode == 1  # pre-commit fails a hook that changed files
    assert "[neutropenia](" in (site / "link.md").read_text("utf-8")
    assert pre_commit(site, "readlint-fix", "--files", "link.md").returncode == 0
