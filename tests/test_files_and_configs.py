"""Which files are checked, and with which config: as a writer, pre-commit and CI expect."""

from __future__ import annotations

LONG = "Word " + " ".join(["word"] * 24) + " end."
PAGE = f"---\naudienceLevel: patient\n---\n\n{LONG}\n"


def checked(result) -> set[str]:
    return {line.split(":")[0] for line in result.stdout.splitlines() if ": RL" in line}


def test_a_repositorys_own_files_are_not_patient_pages(run, write):
    for name in ("README.md", "CHANGELOG.md", "CONTRIBUTING.md", "LICENSE.txt",
                 "requirements.txt", "docs/page.md"):
        write(name, PAGE)
    assert checked(run("check", ".")) == {"docs/page.md"}
    # as pre-commit passes them: one by one, by name
    assert checked(run("check", "README.md", "requirements.txt", "docs/page.md")) == \
        {"docs/page.md"}
    write(".readlint.yaml", "project_files: true\n")
    assert "README.md" in checked(run("check", "."))


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
