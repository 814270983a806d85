"""Only what a pull request changed (--changed-since, on a real git repository) and baselines
that survive edits above a problem."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

LONG = "Word " + " ".join(["word"] * 24) + " end."
HARD = ("Notwithstanding considerable interdisciplinary multifactorial heterogeneity, "
        "comprehensive epidemiological characterization necessitates sophisticated "
        "methodological considerations.")


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("needs git")
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "writer@example.org")
    git(tmp_path, "config", "user.name", "A Writer")
    return tmp_path


def lines_reported(result):
    return sorted((line.split(":")[0], int(line.split(":")[1]))
                  for line in result.stdout.splitlines() if ": RL" in line)


def test_changed_since_reports_only_changed_lines(run, write, repo):
    write("old.md", f"---\naudienceLevel: patient"
                    f"\ntitle: T\nlanguage: en\n---\n\n{LONG}\n\n{LONG}\n")
    write("same.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{LONG}\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    write("old.md", f"---\naudienceLevel: patient"
                    f"\ntitle: T\nlanguage: en\n---\n\n{LONG}\n\n{LONG} More.\n")
    write("new.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{LONG}\n")
    result = run("check", ".", "--changed-since", "HEAD", "--select", "long-sentence")
    assert lines_reported(result) == [("new.md", 7), ("old.md", 9)]
    assert result.exit_code == 1
    everything = run("check", ".", "--select", "long-sentence")
    assert len(lines_reported(everything)) == 4


def test_changed_since_keeps_the_grade_of_a_changed_document(run, write, repo):
    body = " ".join([HARD] * 12)
    write("hard.md", f"---\naudienceLevel: patient"
                     f"\ntitle: T\nlanguage: en\n---\n\n{body}\n\nEnd.\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    write("hard.md", f"---\naudienceLevel: patient"
                     f"\ntitle: T\nlanguage: en\n---\n\n{body}\n\nThe end.\n")
    result = run("check", ".", "--changed-since", "HEAD", "--select", "reading-grade")
    assert [r for r in lines_reported(result)] and "RL101" in result.stdout


def test_changed_since_an_unknown_revision_is_one_line(run, write, repo):
    write("a.md", "Hi.\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    result = run("check", ".", "--changed-since", "no-such-branch")
    assert result.exit_code == 2
    assert result.stderr.strip() == \
        "readlint: error: --changed-since: 'no-such-branch' is not a revision git knows"


def test_baseline_accepts_todays_problems_and_survives_edits_above(run, write):
    page = write("a.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{LONG}\n")
    written = run("check", ".", "--write-baseline", "readlint-baseline.json")
    assert written.exit_code == 0
    data = json.loads((page.parent / "readlint-baseline.json").read_text("utf-8"))
    assert [e["rule"] for e in data["problems"]] == ["long-sentence"]
    assert run("check", ".", "--baseline", "readlint-baseline.json").exit_code == 0
    # lines added above: the accepted problem stays accepted
    write("a.md", f"---\naudienceLevel: patient"
                  f"\ntitle: T\nlanguage: en\n---\n\n# Title\n\nA new intro.\n\n{LONG}\n")
    assert run("check", ".", "--baseline", "readlint-baseline.json").exit_code == 0
    # a new problem is reported, the old one is not
    write("a.md", f"---\naudienceLevel: patient"
                  f"\ntitle: T\nlanguage: en\n---\n\n{LONG}\n\nA different {LONG}\n")
    result = run("check", ".", "--baseline", "readlint-baseline.json")
    assert lines_reported(result) == [("a.md", 9)]


def test_the_output_may_not_replace_the_baseline_the_run_reads(run, write):
    write("a.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{LONG}\n")
    assert run("check", ".", "--write-baseline", "base.json").exit_code == 0
    before = (Path.cwd() / "base.json").read_bytes()
    result = run("check", ".", "--baseline", "base.json", "--format", "json", "-o",
                 "./base.json")
    assert result.exit_code == 2 and "is the baseline the run reads" in result.output
    assert (Path.cwd() / "base.json").read_bytes() == before


def test_baseline_survives_edits_below_a_sentence_that_ends_a_line(run, write):
    head = "---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n"
    body = ("YOU MUST CALL YOUR DOCTOR IF YOU HAVE A FEVER.\nTake it on 03/04/2026.\n"
            "Prior to your visit, call us.\n")
    write("a.md", head + body)
    assert run("check", ".", "--write-baseline", "base.json").exit_code == 0
    write("a.md", head + body + "Sleep well.\n\nA new paragraph, utilize it.\n")
    result = run("check", ".", "--baseline", "base.json")
    assert lines_reported(result) == [("a.md", 12)]  # only the new "utilize"


def test_baseline_survives_a_list_item_added_below(run, write):
    write("a.md", "# Fever\n\n- utilize a thermometer\n- drink water\n")
    assert run("check", ".", "--write-baseline", "base.json", "--select",
               "plain-words").exit_code == 0
    write("a.md", "# Fever\n\n- utilize a thermometer\n- drink water\n- rest in bed\n")
    assert run("check", ".", "--baseline", "base.json", "--select", "plain-words"
               ).exit_code == 0


def test_a_baseline_names_its_files_from_its_own_folder(run, write, monkeypatch, tmp_path):
    # a CI job with another working directory, or a writer in a subfolder, matches it too
    write("docs/a.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{LONG}\n")
    (tmp_path / "ci").mkdir()
    assert run("check", "docs", "--write-baseline", "ci/base.json").exit_code == 0
    data = json.loads((tmp_path / "ci" / "base.json").read_text("utf-8"))
    assert data["version"] == 3 and [e["path"] for e in data["problems"]] == ["../docs/a.md"]
    assert run("check", "docs", "--baseline", "ci/base.json").exit_code == 0
    monkeypatch.chdir(tmp_path / "docs")
    assert run("check", ".", "--baseline", "../ci/base.json").exit_code == 0
    assert run("check", "a.md", "--baseline", "../ci/base.json").exit_code == 0
    # the problem fixed: the baseline's entry is stale, and the run says so
    write("docs/a.md", "---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\nShort.\n")
    assert "readlint: note: 1 problem that ../ci/base.json accepts was no longer found" in \
        run("check", ".", "--baseline", "../ci/base.json").stderr
    write("docs/b.md", "---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\nShort.\n")
    assert "no longer found" not in run("check", "b.md", "--baseline", "../ci/base.json").stderr
    # nor when fewer rules ran, or the file could not be read
    assert "no longer found" not in run("check", ".", "--baseline", "../ci/base.json",
                                        "--select", "plain-words").stderr
    write("docs/a.md", "---\ntitle: [\n---\n")
    assert "no longer found" not in run("check", ".", "--baseline", "../ci/base.json").stderr


def test_standard_input_matches_a_baseline_kept_in_another_folder(run, write, tmp_path):
    from click.testing import CliRunner

    from readlint.cli import main

    text = f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{LONG}\n"
    write("docs/a.md", text)
    (tmp_path / "ci").mkdir()
    assert run("check", "docs", "--write-baseline", "ci/base.json").exit_code == 0
    piped = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "docs/a.md",
                                      "--baseline", "ci/base.json"], input=text)
    assert piped.exit_code == 0, piped.output


def test_a_baseline_of_version_2_names_files_as_the_run_showed_them(run, write):
    write("a.md", f"# Title\n\n{LONG}\n")
    write("base.json", json.dumps({"version": 2, "problems": [{
        "rule": "long-sentence", "path": "a.md", "text": LONG, "sentence": LONG}]}))
    assert run("check", ".", "--baseline", "base.json", "--select", "long-sentence"
               ).exit_code == 0


def test_a_baseline_of_version_1_is_still_honoured(run, write):
    # version 1 ran a sentence on to the next ". " or blank line, past a stop at a line's end
    write("a.md", f"# Title\n\n{LONG}\nMore text here.\n")
    write("old.json", json.dumps({"version": 1, "problems": [{
        "rule": "long-sentence", "path": "a.md", "text": LONG,
        "sentence": f"{LONG} More text here."}]}))
    assert run("check", ".", "--baseline", "old.json", "--select", "long-sentence"
               ).exit_code == 0


def test_a_baseline_of_a_newer_version_says_so(run, write):
    write("a.md", "Hi.\n")
    write("new.json", json.dumps({"version": 99, "problems": []}))
    result = run("check", ".", "--baseline", "new.json")
    assert result.exit_code == 2
    assert "new.json: a baseline written by a newer readlint" in result.stderr
    write("odd.json", json.dumps({"version": True, "problems": []}))
    assert "odd.json: not a readlint baseline" in run("check", ".", "--baseline",
                                                       "odd.json").stderr


def test_a_broken_baseline_is_named(run, write):
    write("a.md", "Hi.\n")
    write("b.json", "{\"nope\": 1}")
    result = run("check", ".", "--baseline", "b.json")
    assert result.exit_code == 2
    assert "b.json: not a readlint baseline" in result.stderr


def recipe_commands(name):
    import yaml
    from helpers import ROOT

    data = yaml.safe_load((ROOT / "docs" / "ci" / name).read_text("utf-8"))
    lines = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("run", "script"):
                    for item in value if isinstance(value, list) else [value]:
                        lines.extend(x for x in str(item).splitlines()
                                     if x.strip().startswith("readlint "))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    return lines


@pytest.mark.parametrize("name", ["github-workflow.yml", "gitlab-ci.yml"])
def test_the_ci_recipes_in_the_readme_run(run, write, repo, name):
    import shlex

    write("docs/page.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{LONG}\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    git(repo, "branch", "-q", "-m", "main")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    write("docs/page.md", f"---\naudienceLevel: patient"
                          f"\ntitle: T\nlanguage: en\n---\n\n{LONG}\n\nNew. {LONG}\n")
    commands = recipe_commands(name)
    assert commands
    for command in commands:
        command = command.replace("${{ github.base_ref }}", "main")
        command = command.split(">>")[0]
        args = shlex.split(command)[1:]
        result = run(*args)
        assert result.exit_code in (0, 1), (command, result.output)
        assert "Traceback" not in result.output
    if name == "gitlab-ci.yml":
        report = json.loads((repo / "gl-code-quality-report.json").read_text("utf-8"))
        assert {item["check_name"] for item in report} >= {"long-sentence"}


def test_report_base_gives_grades_before_and_after(run, write, repo):
    easy = "We check your blood. It is quick. You can go home the same day. " * 12
    hard = " ".join([HARD] * 12)
    write("a.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{easy}\n")
    write("b.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{easy}\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    write("a.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{hard}\n")  # harder
    write("c.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{easy}\n")  # new
    result = run("report", ".", "--base", "HEAD", "--format", "markdown")
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == ["a.md", "c.md"]  # b.md did not change
    assert "▲" in rows[0] and "| new |" in rows[1]
    assert "1 document got harder to read" in result.stdout
    assert run("report", ".", "--base", "HEAD", "--fail-on-worse").exit_code == 1
    write("a.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{easy}\n")
    assert run("report", ".", "--base", "HEAD", "--fail-on-worse").exit_code == 0


def test_changed_since_leaves_out_the_grades_of_sections_the_change_did_not_touch(run, write,
                                                                                 repo):
    body = " ".join([HARD] * 12)
    head = "---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n"
    text = f"{head}# Guide\n\n## First part\n\n{body}\n\n## Second part\n\n{body}\n\nEnd.\n"
    write("hard.md", text)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    everything = run("check", "hard.md", "--select", "reading-grade").stdout
    assert "section \"First part\"" in everything and "section \"Second part\"" in everything
    write("hard.md", text.replace("End.", "The end."))  # a line of the second section only
    result = run("check", ".", "--changed-since", "HEAD", "--select", "reading-grade").stdout
    assert "Reading grade of this document" in result  # the document changed
    assert "section \"Second part\"" in result and "section \"First part\"" not in result
