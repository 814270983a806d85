"""The CI recipes for a report split across machines (docs/ci/*-report-shards.yml) run as CI
would run them: each job in a folder of its own (a checkout of a sample site, or nothing but
what it downloads), each shard in a process of its own, artifacts passed on through a folder,
and the merged page the same as one run over every page makes."""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import ROOT
from report_page_data import page_data
from sample_site import make_site

CREATED = "2026-06-01T08:30:00Z"  # when the pipeline was made (GitLab's CI_PIPELINE_CREATED_AT)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """readlint as a CI machine has it after `pip install readlint`: a copy of this checkout's
    package (so every job runs the same code), and a `readlint` command that runs it."""
    place = tmp_path_factory.mktemp("installed")
    shutil.copytree(ROOT / "readlint", place / "readlint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", place / "rules")
    command = place / "bin" / "readlint"
    command.parent.mkdir()
    # the copy's word tables go to a cache folder of its own, not the suite's
    command.write_text(f'#!/bin/sh\nPYTHONPATH="{place}" READLINT_CACHE_DIR="{place}/cache" '
                       f'exec "{sys.executable}" -m readlint "$@"\n', encoding="utf-8")
    command.chmod(command.stat().st_mode | stat.S_IXUSR)
    return command.parent


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """The repository CI checks out: a sample site in docs/."""
    folder = tmp_path_factory.mktemp("checkout")
    docs = make_site(folder, pages=60, seed=3)
    for unreadable in ("news/binary.md", "guides/broken.md"):
        (docs / unreadable).unlink()
    return folder


def shell(command: str, cwd: Path, installed: Path, env: dict[str, str]) -> None:
    """A script line as a CI runner runs it: bash, in the job's folder."""
    environment = {**os.environ, **env, "PATH": f"{installed}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", command], cwd=cwd,
                          env=environment, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, (command, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr


def installs(command: str) -> bool:
    return command.strip().startswith(("python -m pip install", "pip install"))


# -- GitHub Actions ----------------------------------------------------------------------------


def expand(text: str, context: dict[str, Any]) -> str:
    """GitHub's ${{ name.name }} expressions, for the names the recipe uses."""
    def value(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name not in context:
            raise AssertionError(f"the test does not know ${{{{ {name} }}}}")
        return str(context[name])
    return re.sub(r"\$\{\{(.+?)\}\}", value, text)


def run_github(recipe: Path, checkout: Path, installed: Path, work: Path) -> Path:
    """Every job of the workflow in the order its `needs` give; returns the last job's
    folder."""
    jobs = yaml.safe_load(recipe.read_text("utf-8"))["jobs"]
    artifacts = work / "artifacts"
    outputs: dict[str, dict[str, str]] = {}
    done: list[str] = []
    folder = work
    while len(done) < len(jobs):
        name = next(n for n, job in jobs.items() if n not in done and all(
            need in done for need in ([job["needs"]] if isinstance(job.get("needs"), str)
                                      else job.get("needs", []))))
        job = jobs[name]
        matrix = job.get("strategy", {}).get("matrix", {})
        combos = [{}] if not matrix else [{key: value} for key, values in matrix.items()
                                          if key != "include" for value in values]
        for number, combo in enumerate(combos):
            folder = work / f"{name}-{number}"
            folder.mkdir()
            context: dict[str, Any] = {f"matrix.{k}": v for k, v in combo.items()}
            context["strategy.job-total"] = len(combos)
            context["strategy.job-index"] = number
            for need, values in outputs.items():
                context.update({f"needs.{need}.outputs.{k}": v for k, v in values.items()})
            steps: dict[str, dict[str, str]] = {}
            for step in job["steps"]:
                uses = step.get("uses", "")
                given = {k: expand(str(v), context) for k, v in step.get("with", {}).items()}
                if uses.startswith("actions/checkout@"):
                    shutil.copytree(checkout, folder, dirs_exist_ok=True)
                elif uses.startswith("actions/setup-python@"):
                    pass  # the test's own Python
                elif uses.startswith("actions/upload-artifact@"):
                    store = artifacts / given["name"]
                    store.mkdir(parents=True)
                    for path in given["path"].split():
                        shutil.copy(folder / path, store / Path(path).name)
                elif uses.startswith("actions/download-artifact@"):
                    assert given.get("merge-multiple") == "True"
                    target = folder / given.get("path", ".")
                    target.mkdir(parents=True, exist_ok=True)
                    for store in artifacts.iterdir():
                        if fnmatch.fnmatch(store.name, given["pattern"]):
                            for file in store.iterdir():
                                shutil.copy(file, target / file.name)
                elif uses:
                    raise AssertionError(f"the test does not know the action {uses}")
                elif not installs(step["run"]):
                    output = folder / f".output-{len(steps)}"
                    output.write_text("", encoding="utf-8")
                    shell(expand(step["run"], context), folder, installed,
                          {"GITHUB_OUTPUT": str(output),
                           "GITHUB_STEP_SUMMARY": str(folder / "summary.md")})
                    found = dict(line.split("=", 1) for line in
                                 output.read_text("utf-8").splitlines() if "=" in line)
                    if "id" in step:
                        steps[step["id"]] = found
                        context.update({f"steps.{step['id']}.outputs.{k}": v
                                        for k, v in found.items()})
            outputs[name] = {k: expand(str(v), context)
                             for k, v in job.get("outputs", {}).items()}
        done.append(name)
    return folder


# -- GitLab CI ---------------------------------------------------------------------------------


def run_gitlab(recipe: Path, checkout: Path, installed: Path, work: Path) -> Path:
    """Every job, stage by stage; `parallel: N` runs N jobs with CI_NODE_INDEX and
    CI_NODE_TOTAL; a job gets the artifacts of the jobs it needs at the same paths."""
    data = yaml.safe_load(recipe.read_text("utf-8"))
    stages = data["stages"]
    jobs = {name: job for name, job in data.items() if isinstance(job, dict) and "script" in job}
    artifacts: dict[str, list[Path]] = {}
    folder = work
    for stage in stages:
        for name, job in jobs.items():
            if job.get("stage", "test") != stage:
                continue
            count = int(job.get("parallel", 1))
            artifacts[name] = []
            for index in range(1, count + 1):
                folder = work / f"{name}-{index}"
                if job.get("variables", {}).get("GIT_STRATEGY") == "none":
                    folder.mkdir()
                else:
                    shutil.copytree(checkout, folder)
                for need in job.get("needs", []):
                    for file in artifacts[need]:
                        shutil.copy(file, folder / file.name)
                env = {"CI_PIPELINE_CREATED_AT": CREATED, "CI_NODE_INDEX": str(index),
                       "CI_NODE_TOTAL": str(count)}
                for line in job["script"]:
                    if not installs(line):
                        shell(line, folder, installed, env)
                for pattern in job.get("artifacts", {}).get("paths", []):
                    artifacts[name].extend(sorted(folder.glob(pattern)))
    return folder


def single_run(checkout: Path, installed: Path, work: Path, day: str) -> Path:
    """One machine's report over every page, for comparison."""
    folder = work / "one-machine"
    shutil.copytree(checkout, folder)
    shell(f"readlint report docs/ --today {day} --html one.html", folder, installed, {})
    return folder / "one.html"


@pytest.mark.corpus  # each job and each shard a process of its own: many seconds
def test_github_matrix_then_merge(checkout, installed, tmp_path):
    recipe = ROOT / "docs" / "ci" / "github-report-shards.yml"
    merge = run_github(recipe, checkout, installed, tmp_path)
    parts = sorted(p.name for p in (merge / "parts").iterdir())
    assert parts == [f"part-{i}.json" for i in range(1, 5)]  # four machines, one part each
    page = (merge / "readlint-report.html").read_text("utf-8")
    assert len(page_data(page)["documents"]) == 60  # every page (the empty file has no row)
    summary = (merge / "summary.md").read_text("utf-8")
    assert summary.startswith("### Readability report")
    assert (merge / "readlint-terms.csv").read_text("utf-8").startswith('"term"')
    day = (tmp_path / "today-0" / ".output-0").read_text("utf-8").split("=")[1].strip()
    assert single_run(checkout, installed, tmp_path, day).read_text("utf-8") == page


@pytest.mark.corpus  # each job and each shard a process of its own: many seconds
def test_gitlab_parallel_then_merge(checkout, installed, tmp_path):
    recipe = ROOT / "docs" / "ci" / "gitlab-report-shards.yml"
    merge = run_gitlab(recipe, checkout, installed, tmp_path)
    assert not (merge / "docs").exists()  # the merge job reads nothing but the parts
    assert sorted(p.name for p in merge.glob("part-*.json")) == \
        [f"part-{i}.json" for i in range(1, 5)]
    page = (merge / "readlint-report.html").read_text("utf-8")
    assert (merge / "readlint-terms.csv").exists()
    single = single_run(checkout, installed, tmp_path, CREATED.split("T")[0])
    assert single.read_text("utf-8") == page
