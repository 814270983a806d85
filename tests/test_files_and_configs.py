"""Which files are checked, and with which config: as a writer, pre-commit and CI expect."""

from __future__ import annotations

import pytest

LONG = "Word " + " ".join(["word"] * 24) + " end."
PAGE = f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{LONG}\n"


def checked(result) -> set[str]:
    return {line.split(":")[0] for line in result.stdout.splitlines() if ": RL" in line}


def test_a_repositorys_own_files_are_not_patient_pages(run, write):
    for name in ("README.md", "CHANGELOG.md", "CONTRIBUTING.md", "LICENSE.txt",
                 "requirements.txt", "site/robots.txt", "docs/page.md"):
        write(name, PAGE)
    assert checked(run("check", ".")) == {"docs/page.md"}
    # as pre-commit passes them: one by one, by name
    assert checked(run("check", "README.md", "requirements.txt", "docs/page.md")) == \
        {"docs/page.md"}
    write(".readlint.yaml", "project_files: true\n")
    assert "README.md" in checked(run("check", "."))


def test_pages_named_like_a_repositorys_files_are_checked(run, write):
    # a site's pages on support groups, a family's history or the news are pages; the
    # repository's own SUPPORT.md, History.md and NEWS are not
    for name in ("support.md", "support-groups.md", "history.md", "history-of-cancer.md",
                 "news.md", "changes-in-your-body.md", "licensed-home-care.md",
                 "contributing-factors-for-stroke.md", "SUPPORT.md", "NEWS.txt", "License.md",
                 "CONTRIBUTING.md", "readme-for-patients.md", "Changelog-of-care.md",
                 "README.de.md", "README_zh-CN.md"):
        write(f"site/{name}", PAGE)
    assert checked(run("check", "site")) == {
        "site/support.md", "site/support-groups.md", "site/history.md",
        "site/history-of-cancer.md", "site/news.md", "site/changes-in-your-body.md",
        "site/licensed-home-care.md", "site/contributing-factors-for-stroke.md",
        "site/readme-for-patients.md", "site/Changelog-of-care.md"}


def test_a_path_that_gives_no_page_is_noted(run, write):
    write("site/page.md", PAGE)
    write("scripts/build.py", "print('hello')\n")
    write("SUPPORT.md", PAGE)
    result = run("check", "site", "scripts", "SUPPORT.md")
    assert result.exit_code == 1  # (the page's problem)
    assert result.stderr.splitlines() == [
        "readlint: note: scripts holds no page to check (no file ending in .md, .markdown or "
        ".txt that the config lets in)",
        "readlint: note: SUPPORT.md is left out: it is the repository's own file, not a page "
        "(project_files: true in the config checks it)"]
    assert run("check", "site", "scripts", "-q").stderr == ""


def test_exclude_applies_to_files_named_on_the_command_line(run, write):
    write(".readlint.yaml", "exclude: [drafts]\n")
    write("drafts/a.md", PAGE)
    write("b.md", PAGE)
    assert checked(run("check", "drafts/a.md", "b.md")) == {"b.md"}


def test_public_is_walked_and_skip_folders_can_be_set(run, write):
    write("public/page.md", PAGE)
    write("node_modules/pkg/page.md", PAGE)
    assert checked(run("check", ".")) == {"public/page.md"}
    write(".readlint.yaml", "skip_folders: [public]\n")
    assert checked(run("check", ".")) == {"node_modules/pkg/page.md"}


def test_each_file_uses_its_nearest_config(run, write):
    write("a/.readlint.yaml", "rules:\n  long-sentence: off\n")
    write("a/page.md", PAGE)
    write("b/page.md", PAGE)
    together = checked(run("check", "a/page.md", "b/page.md"))
    assert together == {"b/page.md"}
    # the same results whatever the order or the batching of the paths
    assert checked(run("check", "b/page.md", "a/page.md")) == together
    assert checked(run("check", "a/page.md")) | checked(run("check", "b/page.md")) == together
    assert checked(run("check", ".")) == together


def test_an_explicit_config_applies_to_every_file(run, write):
    write("a/.readlint.yaml", "rules:\n  long-sentence: off\n")
    write("strict.yaml", "rules:\n  long-sentence: error\n")
    write("a/page.md", PAGE)
    assert checked(run("check", "--config", "strict.yaml", "a/page.md")) == {"a/page.md"}


def test_shards_split_the_files_once_each(run, write):
    for i in range(12):
        write(f"docs/p{i}.md", PAGE)
    everything = checked(run("check", "."))
    parts = [checked(run("check", ".", "--shard", f"{i}/3")) for i in (1, 2, 3)]
    assert set().union(*parts) == everything and sum(map(len, parts)) == len(everything)
    assert all(parts)  # 12 files: each shard gets some
    assert parts[1] == checked(run("check", "docs", "--shard", "2/3"))  # stable
    bad = run("check", ".", "--shard", "4/3")
    assert bad.exit_code == 2 and "I/N" in bad.stderr


def test_standard_input_is_checked_as_the_file_it_stands_for(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from readlint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / ".readlint.yaml").write_text("rules:\n  long-sentence: error\n", "utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["check", "-", "--stdin-filename", "a/page.md"], input=PAGE)
    assert result.exit_code == 1
    assert "a/page.md:7:1: RL102" in result.stdout
    data = runner.invoke(main, ["check", "-", "--stdin-filename", "a/page.md", "--format",
                                "json"], input=PAGE).stdout
    assert '"severity": "error"' in data  # a/.readlint.yaml applied
    readme = runner.invoke(main, ["check", "-", "--stdin-filename", "README.md"], input=PAGE)
    assert (readme.exit_code, "RL102" in readme.stdout) == (0, False)
    mixed = runner.invoke(main, ["check", "-", "b.md"], input=PAGE)
    assert mixed.exit_code == 2


def test_config_command_says_what_applies_to_a_file(run, write):
    write("pro/.readlint.yaml", "default_audience: professional\n"
                                "rules:\n  long-sentence: {max_words: 30}\n")
    write("pro/page.md", "No front matter here.\n")
    result = run("config", "pro/page.md")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "config:      pro/.readlint.yaml" in lines
    assert "audience:    professional (from default_audience (professional))" in lines
    assert any(line.startswith("  RL102 long-sentence (info): max_words=30, skip_sections=[")
               for line in lines)  # info for professionals
    assert "checked:     no" in run("config", "README.md").stdout


def test_each_file_fails_by_its_own_configs_fail_on_whatever_the_order(run, write):
    # pre-commit hands files over in batches of its own order: the verdict must not follow it
    write(".readlint.yaml", "fail_on: info\n")
    write("docs/sub/.readlint.yaml", "fail_on: error\n")
    top = "---\ntitle: T\naudienceLevel: patient\nlanguage: en\n---\n\n"
    write("docs/p.md", f"{top}We eat food.\n")
    write("docs/sub/q.md", f"{top}The people who are reading this very long sentence will need "
                           "to keep going on and on for a while before it ends at last.\n")
    assert run("check", "docs/p.md", "docs/sub/q.md").exit_code == 0  # a warning, fail_on: error
    assert run("check", "docs/sub/q.md", "docs/p.md").exit_code == 0
    assert run("check", "docs/sub/q.md", "docs/p.md", "--fail-on", "warning").exit_code == 1
    write("docs/r.md", f"{top}Utilize it.\n")  # an info problem
    assert run("check", "docs/sub/q.md", "docs/r.md").exit_code == 1  # info fails under the top
    # JUnit says the same: a file whose problems are all below its level passes
    junit = run("check", "docs/sub/q.md", "docs/r.md", "--format", "junit").stdout
    assert '<testcase classname="readlint" name="docs/sub/q.md">\n      <system-out>' in junit
    assert 'failures="1"' in junit and '<failure message="1 problem">' in junit


def test_a_config_named_from_another_folder_reads_its_patterns_from_the_run(run, write):
    write("ci/readlint.yaml", 'include: ["docs/**"]\nexclude: ["**/drafts"]\n')
    page = "---\ntitle: T\naudienceLevel: patient\nlanguage: en\n---\n\nUtilize it.\n"
    write("docs/a.md", page)
    write("docs/drafts/b.md", page)
    write("other/c.md", page)
    result = run("check", ".", "--config", "ci/readlint.yaml")
    assert "docs/a.md:7:1: RL203" in result.stdout
    assert "drafts/b.md" not in result.stdout and "other/c.md" not in result.stdout


@pytest.mark.parametrize("config, args, said", [
    ("select: []\n", (), "readlint: error: .readlint.yaml: select and ignore leave no rule"),
    ("", ("--select", "plain-words", "--ignore", "RL203"),
     "readlint: error: select and ignore leave no rule to check: name at least one rule to "
     "check (given on the command line)"),
    ("ignore: [ALL]\n", (), "readlint: error: .readlint.yaml: select and ignore leave no rule"),
])
def test_settings_that_leave_no_rule_to_check_are_refused(run, write, config, args, said):
    # such a run would check nothing and pass a CI job green
    write(".readlint.yaml", config or "fail_on: warning\n")
    write("a.md", "---\ntitle: T\naudienceLevel: patient\nlanguage: en\n---\n\nUtilize it.\n")
    result = run("check", "a.md", *args)
    assert result.exit_code == 2 and said in result.stderr, result.stderr


def test_config_command_says_where_the_audience_really_comes_from(run, write):
    write("sub/q.md", "---\ntitle: T\naudienceLevel: nurse\nlanguage: en\n---\n\nText.\n")
    assert "audience:    patient (from default_audience (patient): audienceLevel 'nurse' " \
           "matches no rule set)" in run("config", "sub/q.md").stdout
    write(".readlint.yaml", "per_path:\n  - paths: ['sub/**']\n    audience: professional\n")
    assert "audience:    professional (from per_path in .readlint.yaml)" in \
        run("config", "sub/q.md").stdout


@pytest.mark.parametrize("config, said", [
    ("fail_on: info\nignore: [RL404]\nfail_on: error\n",
     "readlint: error: .readlint.yaml:3: fail_on: written twice; only the last would count"),
    ("rules:\n  long-sentence: {max_words: 30}\n  long-sentence: {max_words: 10}\n",
     "readlint: error: .readlint.yaml:3: rules.long-sentence: written twice"),
])
def test_a_setting_written_twice_is_refused_on_its_line(run, write, config, said):
    write(".readlint.yaml", config)
    write("a.md", PAGE)
    result = run("check", "a.md")
    assert result.exit_code == 2 and said in result.stderr, result.stderr
