"""Formats for CI: GitHub annotations, SARIF (validated against the official schema), GitLab
Code Quality and JUnit; --output-file and --exit-zero."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from helpers import SEED

from readlint.formats.base import FormatOptions
from readlint.formats.github import escape_data, escape_property
from readlint.formats.github import write_check as write_github
from readlint.problem import Problem, Severity
from readlint.results import FileResult, RunResult

FIXTURES = Path(__file__).parent / "fixtures"
SARIF_SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
# long-sentence made an error, so the fixture has problems of all three severities
CONFIG = "rules:\n  long-sentence: error\n"


@pytest.fixture
def fixture_folder(tmp_path):
    shutil.copy(FIXTURES / "every-severity.md", tmp_path / "every-severity.md")
    shutil.copy(SEED, tmp_path / "seed.md")
    (tmp_path / ".readlint.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def test_the_fixture_has_every_severity(run, fixture_folder):
    data = json.loads(run("check", "every-severity.md", "--format", "json").stdout)
    assert {p["severity"] for p in data["problems"]} == {"error", "warning", "info"}


def test_sarif_is_valid_against_the_official_schema(run, fixture_folder):
    result = run("check", ".", "--format", "sarif")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(data)
    (sarif_run,) = data["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "readlint" and driver["version"]
    rules = {r["name"]: r for r in driver["rules"]}
    assert rules["long-sentence"]["id"] == "RL102"
    assert rules["long-sentence"]["help"]["text"].startswith("A sentence has more words")
    levels = {r["level"] for r in sarif_run["results"]}
    assert levels == {"error", "warning", "note"}
    first = next(r for r in sarif_run["results"] if r["ruleId"] == "RL102")
    region = first["locations"][0]["physicalLocation"]["region"]
    assert set(region) == {"startLine", "startColumn", "endLine", "endColumn"}
    assert driver["rules"][first["ruleIndex"]]["id"] == "RL102"


def test_each_shard_of_a_run_has_its_own_sarif_category(run, fixture_folder):
    # code scanning replaces an upload with the next of the same category: shards must differ
    ids = [json.loads(run("check", ".", "--format", "sarif", *shard).stdout)["runs"][0]
           ["automationDetails"]["id"] for shard in ((), ("--shard", "1/2"), ("--shard", "2/2"))]
    assert ids == ["readlint/", "readlint/shard-1-of-2/", "readlint/shard-2-of-2/"]


def test_sarif_names_files_that_could_not_be_read(run, fixture_folder):
    (fixture_folder / "broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    data = json.loads(run("check", ".", "--format", "sarif").stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(data)
    (invocation,) = data["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.md"


def test_gitlab_names_files_that_could_not_be_read(run, fixture_folder):
    # the merge request shows why the job failed
    (fixture_folder / "broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    result = run("check", ".", "--format", "gitlab")
    assert result.exit_code == 2
    items = json.loads(result.stdout)
    broken = [i for i in items if i["location"]["path"] == "broken.md"]
    assert len(broken) == 1 and broken[0]["severity"] == "critical"
    assert broken[0]["description"].startswith("readlint could not check this file: broken "
                                               "front matter")
    assert len({i["fingerprint"] for i in items}) == len(items)


def test_github_annotations(run, fixture_folder):
    result = run("check", "every-severity.md", "--format", "github")
    lines = result.stdout.splitlines()
    assert "::error file=every-severity.md,line=8,col=1,endLine=8,endColumn=181," \
           "title=readlint RL102 long-sentence::This sentence has 28 words; the limit is " \
           "20. Split it into shorter sentences." in lines
    assert any(line.startswith("::notice file=every-severity.md,line=6,col=9,") for line in lines)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_ci_formats_name_files_from_the_top_of_the_checkout(run, fixture_folder, monkeypatch):
    # a job that runs readlint in a subfolder: GitHub and GitLab find files from the top
    site = fixture_folder / "site"
    (site / "docs").mkdir(parents=True)
    shutil.copy(FIXTURES / "every-severity.md", site / "docs" / "page.md")
    monkeypatch.chdir(site)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(fixture_folder))
    monkeypatch.setenv("CI_PROJECT_DIR", str(fixture_folder))
    github = run("check", "docs", "--format", "github").stdout.splitlines()
    assert github and all("file=site/docs/page.md," in line for line in github)
    gitlab = json.loads(run("check", "docs", "--format", "gitlab").stdout)
    assert gitlab and {i["location"]["path"] for i in gitlab} == {"site/docs/page.md"}
    # a file outside the checkout keeps its full path; without the variable, the current
    # folder is the top
    monkeypatch.setenv("GITHUB_WORKSPACE", str(site / "docs"))
    outside = run("check", str(fixture_folder / "seed.md"), "--format", "github").stdout
    assert f"file={escape_property(str(fixture_folder / 'seed.md'))}," in outside
    monkeypatch.delenv("GITHUB_WORKSPACE")
    assert "file=docs/page.md," in run("check", "docs", "--format", "github").stdout


def test_github_escapes_what_would_break_a_command():
    assert escape_data("50% of\r\nit") == "50%25 of%0D%0Ait"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    problem = Problem("dir/a,b:c.md", 3, 2, 3, 9, "x-rule", "XX001", Severity.WARNING,
                      "Say 100%: no\nnew lines, please")
    out = __import__("io").StringIO()
    write_github(RunResult([FileResult("dir/a,b:c.md", [problem])]), out, FormatOptions())
    assert out.getvalue() == (
        "::warning file=dir/a%2Cb%3Ac.md,line=3,col=2,endLine=3,endColumn=9,"
        "title=readlint XX001 x-rule::Say 100%25: no%0Anew lines, please\n")


def test_gitlab_fingerprints_are_stable_unique_and_survive_edits_above(run, fixture_folder):
    def report():
        return json.loads(run("check", ".", "--format", "gitlab").stdout)

    first = report()
    assert first and all(set(item) == {"description", "check_name", "fingerprint",
                                       "severity", "location"} for item in first)
    prints = [item["fingerprint"] for item in first]
    assert len(set(prints)) == len(prints)
    assert [item["fingerprint"] for item in report()] == prints
    page = fixture_folder / "every-severity.md"
    page.write_text(page.read_text("utf-8").replace("# After surgery\n",
                                                    "# After surgery\n\nA new line.\n"), "utf-8")
    moved = {item["fingerprint"]: item["location"]["lines"]["begin"] for item in report()}
    assert set(prints) <= set(moved)  # the same problems, two lines lower
    assert {item["severity"] for item in first} == {"major", "minor", "info"}


def test_junit_has_one_case_per_file(run, fixture_folder):
    (fixture_folder / "clean.md").write_text("---\naudienceLevel: patient"
                                             "\ntitle: T\nlanguage: en\n---\nHi.\n", "utf-8")
    root = ET.fromstring(run("check", ".", "--format", "junit").stdout)
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {"clean.md", "every-severity.md", "seed.md"}
    assert cases["clean.md"].find("failure") is None
    failure = cases["every-severity.md"].find("failure")
    assert failure is not None and "8:1 RL102 long-sentence" in failure.text
    assert root.get("tests") == "3"


def test_output_file_gets_the_format_and_the_terminal_the_text(run, fixture_folder):
    result = run("check", "every-severity.md", "--format", "sarif", "--output-file", "out.sarif")
    assert result.exit_code == 1
    assert "every-severity.md:8:1: RL102 long-sentence" in result.stdout
    data = json.loads((fixture_folder / "out.sarif").read_text("utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(data)


def test_statistics_with_another_format_go_to_standard_error(run, fixture_folder):
    result = run("check", "every-severity.md", "--format", "json", "--statistics")
    data = json.loads(result.stdout)  # the format stays whole
    counts = {line.split()[2]: int(line.split()[0]) for line in result.stderr.splitlines()
              if line.strip()[:1].isdigit()}
    assert counts and counts == {r: sum(p["rule"] == r for p in data["problems"])
                                 for r in counts}


def test_output_file_dash_is_the_terminal(run, fixture_folder):
    result = run("check", "seed.md", "--format", "json", "-o", "-")
    assert json.loads(result.stdout)["problems"]
    assert not (fixture_folder / "-").exists()


def test_output_file_is_not_written_through_a_link(run, fixture_folder):
    (fixture_folder / "keep.txt").write_text("keep me", "utf-8")
    (fixture_folder / "out.json").symlink_to("keep.txt")
    result = run("check", "every-severity.md", "--format", "json", "-o", "out.json")
    assert result.exit_code == 2
    assert "out.json: is a link" in result.stderr
    assert (fixture_folder / "keep.txt").read_text("utf-8") == "keep me"


def test_exit_zero_reports_but_does_not_fail(run, fixture_folder):
    result = run("check", "every-severity.md", "--exit-zero")
    assert result.exit_code == 0
    assert "RL102" in result.stdout
    (fixture_folder / "broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    assert run("check", ".", "--exit-zero").exit_code == 2  # unreadable files still count


def test_the_format_table_says_what_each_format_module_can_write():
    """Formats are imported on use, so their names and abilities are listed without importing
    them; the list must match what each module defines."""
    from readlint.formats import FORMATS, for_check, for_report

    assert for_check() == sorted(n for n, f in FORMATS.items() if f.check is not None)
    assert for_report() == sorted(n for n, f in FORMATS.items() if f.report is not None)
    assert all(FORMATS[name].name == name for name in FORMATS)
