"""Rule sets and project config: discovery, validation errors, audiences, overrides."""

from __future__ import annotations

import pytest

from readlint.config import find_config, load_config
from readlint.errors import ConfigError
from readlint.globs import matches
from readlint.registry import Registry
from readlint.rulesets import RuleSets, bundled_rules_dir

LONG = "Word " + " ".join(["word"] * 22) + " end."  # 24 words: over 20, under 25


def doc(audience: str | None = None) -> str:
    front = f"---\naudienceLevel: {audience}\ntitle: T\nlanguage: en\n---\n\n" if audience else ""
    return f"{front}{LONG}\n"


def test_bundled_rule_sets_validate_and_resolve():
    sets = RuleSets(Registry.default())
    assert {"base", "patient", "caregiver", "professional"} <= set(sets.sets)
    patient = sets.resolve("patient")
    assert patient["long-sentence"].options["max_words"] == 20
    assert patient["reading-grade"].options["max_grade"] == 8
    caregiver = sets.resolve("caregiver")  # extends patient, which extends base
    assert caregiver["reading-grade"].options == {"max_grade": 9,
                                                  "formulas": ["flesch_kincaid_grade"]}
    assert sets.for_audience("Patient") == "patient"
    assert sets.for_audience("health professional") == "professional"
    assert sets.for_audience("martian") is None
    assert (bundled_rules_dir() / "patient.yaml").is_file()


def test_audience_level_picks_the_rule_set(run, write):
    write("p.md", doc("patient"))
    write("pro.md", doc("professional"))
    result = run("check", "p.md", "pro.md", "--select", "long-sentence")
    assert result.exit_code == 1
    assert "p.md:7:1: RL102" in result.stdout
    assert "pro.md" not in result.stdout


def test_unknown_and_missing_audience_fall_back_and_say_so_once(run, write):
    write("a.md", doc("martian"))
    write("b.md", doc("martian"))
    write("c.md", doc())
    result = run("check", ".", "--select", "long-sentence")
    assert result.exit_code == 1
    assert result.stderr.count("audienceLevel 'martian'") == 1
    assert ("a.md: audienceLevel 'martian' matches no rule set, so it was checked with the "
            "'patient' rule set (the default audience); so was 1 more document like it"
            ) in result.stderr.replace("\n", " ")
    assert result.stderr.count("has no audienceLevel") == 1
    assert "c.md has no audienceLevel in its front matter, so it was checked with the " \
        "'patient' rule set" in result.stderr.replace("\n", " ")
    assert result.stdout.count("RL102") == 3


def test_default_audience_from_config(run, write):
    write(".readlint.yaml", "default_audience: professional\n")
    write("c.md", doc())
    assert run("check", "c.md", "--select", "long-sentence").exit_code == 0


def test_config_is_found_by_walking_up(run, write, tmp_path):
    write(".readlint.yaml", "ignore: [long-sentence]\n")
    write("docs/deep/c.md", doc("patient"))
    assert find_config(tmp_path / "docs" / "deep") == tmp_path / ".readlint.yaml"
    assert run("check", "docs/deep/c.md").exit_code == 0


def test_pyproject_tool_section(run, write, tmp_path):
    write("pyproject.toml", "[project]\nname = 'x'\n\n[tool.readlint]\nfail_on = 'error'\n")
    write("c.md", doc("patient"))
    assert load_config(find_config(tmp_path)).fail_on.name == "ERROR"
    result = run("check", "c.md")
    assert result.exit_code == 0  # warnings only
    assert "RL102" in result.stdout


def test_per_path_overrides(run, write):
    write(".readlint.yaml", """
        per_path:
          - paths: ["drafts/**"]
            ignore: [long-sentence]
          - paths: ["pro/*.md"]
            audience: professional
          - paths: ["strict/"]
            rules:
              long-sentence: {max_words: 5, severity: error}
        """)
    for folder in ("drafts", "pro", "strict", "plain"):
        write(f"{folder}/c.md", doc("patient"))
    result = run("check", ".", "--select", "long-sentence", "--format", "json")
    import json
    problems = json.loads(result.stdout)["problems"]
    assert sorted((p["path"], p["severity"]) for p in problems) == [
        ("plain/c.md", "warning"), ("strict/c.md", "error")]


def test_extra_rule_dirs_add_audiences(run, write):
    write(".readlint.yaml", "rule_dirs: [myrules]\n")
    write("myrules/nurse.yaml", """
        extends: professional
        audience: [nurse]
        rules:
          long-sentence: {max_words: 10, severity: warning}
        """)
    write("n.md", doc("nurse"))
    result = run("check", "n.md", "--select", "long-sentence")
    assert result.exit_code == 1
    assert "the limit is 10" in result.stdout


@pytest.mark.parametrize("ruleset, expected", [
    ("rules:\n  long-sentence:\n    max_words: twenty\n",
     "bad.yaml:3: rules.long-sentence.max_words: expected a whole number, got \"twenty\""),
    ("audience: [x]\nruless: {}\n", "bad.yaml:2: top level: unknown key 'ruless'"),
    ("rules:\n  long-sentense: warning\n", "bad.yaml:2: rules.long-sentense: unknown rule"),
    ("rules:\n  long-sentence:\n    severity: loud\n",
     "bad.yaml:3: rules.long-sentence.severity: expected one of error, warning, info, off"),
    ("extends: nothing\naudience: [x]\n", "rule set 'nothing' does not exist"),
    ("rules: [\n", "bad.yaml:2: not valid YAML"),
])
def test_invalid_rule_set_is_one_line_with_exit_code_2(run, write, ruleset, expected):
    write(".readlint.yaml", "rule_dirs: [r]\ndefault_audience: x\n")
    write("r/bad.yaml", ruleset)
    write("c.md", doc())
    result = run("check", "c.md")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("readlint: error: ")
    assert expected in lines[0]
    assert "Traceback" not in result.output


def test_rule_sets_that_extend_each_other_in_a_loop(tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "a.yaml").write_text("extends: b\n")
    (folder / "b.yaml").write_text("extends: a\n")
    sets = RuleSets(Registry.default(), [folder])
    with pytest.raises(ConfigError, match="loop: a -> b -> a"):
        sets.resolve("a")


@pytest.mark.parametrize("config, expected", [
    ("fail_on: sometimes\n", ".readlint.yaml:1: fail_on: expected one of error, warning, info"),
    ("select: [long-sentense]\n", ".readlint.yaml:1: select: unknown rule 'long-sentense'"),
    ("per_path:\n  - ignore: [long-sentence]\n", "per_path.0: 'paths' is missing"),
    ("default_audience: martian\n", "no rule set serves the audience 'martian'"),
    ("rules:\n  reading-grade:\n    max_grade: -1\n",
     ".readlint.yaml:3: rules.reading-grade.max_grade: expected a number of at least 0"),
])
def test_invalid_config_is_one_line_with_exit_code_2(run, write, config, expected):
    write(".readlint.yaml", config)
    write("c.md", doc())
    result = run("check", "c.md")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert expected in result.stderr


def test_explicit_config_option_and_missing_config(run, write):
    write("other.yaml", "ignore: [long-sentence]\n")
    write("c.md", doc("patient"))
    assert run("check", "c.md", "--config", "other.yaml").exit_code == 0
    result = run("check", "c.md", "--config", "missing.yaml")
    assert result.exit_code == 2
    assert "missing.yaml: config file not found" in result.stderr


@pytest.mark.parametrize("path, patterns, expected", [
    ("drafts/a.md", ["drafts"], True),
    ("drafts/x/a.md", ["drafts/**"], True),
    ("docs/drafts/a.md", ["**/drafts/*"], True),
    ("docs/a.md", ["drafts"], False),
    ("a.md", ["*.md"], True),
    ("a.txt", ["*.md"], False),
])
def test_glob_matching(path, patterns, expected):
    assert matches(path, patterns) is expected


def test_include_and_exclude_globs(run, write):
    write(".readlint.yaml", "exclude: [archive]\ninclude: ['*.md', 'docs/**']\n")
    write("archive/old.md", doc("patient"))
    write("docs/a.txt", doc("patient"))
    write("top.md", doc("patient"))
    write("notes.txt", doc("patient"))
    result = run("check", ".", "--select", "long-sentence", "--format", "json")
    import json
    paths = sorted({p["path"] for p in json.loads(result.stdout)["problems"]})
    assert paths == ["docs/a.txt", "top.md"]
