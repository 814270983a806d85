"""The command line: exit codes, text and JSON output, rules and explain."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from helpers import SEED

from readlint import __version__

LONG = "Word " + " ".join(["word"] * 24) + " end."


def test_check_exit_codes(run, write):
    write("good.md", "# Fine\n\nShort and clear.\n")
    write("bad.md", f"# Title\n\n{LONG}\n")
    assert run("check", "good.md").exit_code == 0
    assert run("check", "bad.md").exit_code == 1
    assert run("check", "bad.md", "--fail-on", "error").exit_code == 0
    assert run("check", "bad.md", "--ignore", "long-sentence").exit_code == 0
    assert run("check", "missing.md").exit_code == 2
    assert run("check", "bad.md", "--select", "nonsense").exit_code == 2
    assert run("check", "bad.md", "--format", "yaml").exit_code == 2  # usage error
    assert run("check", "bad.md", "--audience", "martian").exit_code == 2


def test_text_output_line_format_and_summary(run, write):
    write("bad.md", f"# Title\n\n{LONG}\n")
    result = run("check", "bad.md")
    lines = result.stdout.splitlines()
    assert lines[0] == ("bad.md:3:1: RL102 long-sentence This sentence has 26 words; the limit "
                        "is 20. Split it into shorter sentences.")
    assert lines[-1] == "Found 1 problem (1 warning) in 1 of 1 file checked."
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_quiet_and_statistics(run, write):
    write("bad.md", f"# Title\n\n{LONG}\n\n{LONG}\n")
    quiet = run("check", "bad.md", "--quiet")
    assert quiet.stdout.splitlines()[-1].startswith("bad.md:5:1: RL102")
    stats = run("check", "bad.md", "--statistics")
    assert "     2  RL102  long-sentence" in stats.stdout


def test_select_and_ignore_by_code_and_comma_lists(run, write):
    write("bad.md", f"# Title\n\n{LONG}\n")
    assert "RL102" in run("check", "bad.md", "--select", "RL101,RL102").stdout
    assert "RL102" not in run("check", "bad.md", "--select", "reading-grade").stdout
    assert "RL102" not in run("check", "bad.md", "--ignore", "rl102").stdout


@pytest.mark.parametrize("args, said", [
    (("--select", ""), "Invalid value for '--select': give at least one rule's name or code"),
    (("--ignore", " , "), "Invalid value for '--ignore': give at least one rule's name or code"),
    (("-j", "0"), "Invalid value for '--jobs' / '-j': 0 is not a number of processes that can "
                  "check anything: give 1 or more"),
    (("--stdin-filename", "x.md"), "--stdin-filename names the file standard input stands "
                                   "for: give - as the path"),
])
def test_options_that_ask_for_nothing_are_refused(run, write, args, said):
    write("a.md", "# A\n\nText.\n")
    result = run("check", "a.md", *args)
    assert result.exit_code == 2 and said in result.stderr, result.stderr


def test_json_shape(run, write):
    write("bad.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n{LONG}\n")
    write("broken.md", "---\ntitle: [\n---\n")
    result = run("check", ".", "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert set(data) == {"version", "problems", "errors"}
    assert data["version"] == __version__
    # written a problem at a time, it is still exactly what json.dump(indent=2) writes
    assert result.stdout == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    (problem,) = data["problems"]
    assert problem == {
        "path": "bad.md", "line": 6, "column": 1, "end_line": 6, "end_column": 130,
        "rule": "long-sentence", "code": "RL102", "severity": "warning",
        "message": "This sentence has 26 words; the limit is 20. Split it into shorter "
                   "sentences.",
        "docs": "readlint explain long-sentence",
    }
    assert data["errors"][0]["path"] == "broken.md"
    assert data["errors"][0]["line"] == 3


def test_audience_option_overrides_front_matter(run, write):
    write("bad.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n{LONG}\n")
    assert run("check", "bad.md", "--audience", "professional").exit_code == 0


def test_rules_table_lists_codes_and_defaults(run):
    result = run("rules")
    assert result.exit_code == 0
    assert "RL101   reading-grade" in result.stdout
    assert "RL102   long-sentence" in result.stdout
    assert "patient" in result.stdout and "professional" in result.stdout


@pytest.mark.parametrize("name", ["long-sentence", "RL102", "rl102", "Long-Sentence"])
def test_explain_by_name_or_code(run, name):
    result = run("explain", name)
    assert result.exit_code == 0
    assert result.stdout.startswith("RL102 long-sentence (default severity: warning)")
    assert "How to fix" in result.stdout and "Example" in result.stdout
    assert "patient       warning; max_words=20" in result.stdout


def test_explain_reading_grade_says_how_grades_are_computed(run):
    out = run("explain", "reading-grade").stdout
    for phrase in ("Flesch-Kincaid", "CMU Pronouncing Dictionary", "Only prose counts",
                   "textstat"):
        assert phrase in out


def test_explain_unknown_rule(run):
    result = run("explain", "nope")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("readlint: error: no rule is called 'nope'; run "
                                     "`readlint rules` to see them all")


def test_a_rule_named_in_capitals_on_the_command_line_is_told_its_spelling(run, tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nShort.\n", encoding="utf-8")
    result = run("check", "--select", "LONG-SENTENCE", "a.md")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("readlint: error: unknown rule 'LONG-SENTENCE' given on "
                                     "the command line: rule names are written in small "
                                     "letters, 'long-sentence'")


def test_python_dash_m_and_version():
    out = subprocess.run([sys.executable, "-m", "readlint", "--version"], capture_output=True,
                         text=True)
    assert out.returncode == 0
    assert __version__ in out.stdout


def test_seed_end_to_end():
    """The seed: exit 1, its long sentences at their real lines and columns."""
    out = subprocess.run([sys.executable, "-m", "readlint", "check", str(SEED), "--format",
                          "json"], capture_output=True, text=True)
    assert out.returncode == 1
    problems = json.loads(out.stdout)["problems"]
    long = [(p["line"], p["column"]) for p in problems if p["rule"] == "long-sentence"]
    hard = [(p["line"], p["column"]) for p in problems if p["rule"] == "hard-sentence"]
    # the one at 37:432 is hard too: hard-sentence reports it, naming its length
    assert long == [(27, 1), (29, 1), (29, 384), (31, 1), (33, 1), (35, 1), (37, 1),
                    (39, 1), (39, 335), (41, 1), (41, 150)]
    assert hard == [(37, 432)]
    grade = [p for p in problems if p["rule"] == "reading-grade"]
    assert [(p["line"], p["column"]) for p in grade] == [(21, 3)]
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert lines[36][431:].startswith("However, with additional follow up time")
    assert lines[38][334:].startswith("The thrombocytopenia was effectively managed")


def test_folders_are_walked_in_order_skipping_hidden_and_build_folders(run, write):
    for name in ("b.md", "a.txt", "sub/c.markdown", ".git/x.md", ".hidden/y.md",
                 "node_modules/z.md", "build/w.md", "notes.rst", "sub/.draft.md"):
        write(name, f"{LONG}\n")
    result = run("check", ".", "--quiet")
    paths = [line.split(":")[0] for line in result.stdout.splitlines()]
    assert paths == ["a.txt", "b.md", "sub/c.markdown"]


def test_a_closed_pipe_ends_quietly(tmp_path):
    """`readlint check docs | head -1`: no traceback, no internal error, when the reader
    stops reading."""
    for i in range(400):
        (tmp_path / f"doc{i:03d}.md").write_text(
            f"---\naudienceLevel: patient"
            f"\ntitle: T\nlanguage: en\n---\n{LONG}\n\n{LONG}\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "readlint", "check", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert stderr == ""
