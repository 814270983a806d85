"""--changed-since and report --base read git right whatever the files are called and whatever
the user's git config says: real repositories made in a temporary folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from readlint.source import printable

LONG = "Word " + " ".join(["word"] * 24) + " end."
EASY = "We check your blood. It is quick. You can go home the same day. " * 12
HARD = " ".join(["Notwithstanding considerable interdisciplinary multifactorial heterogeneity, "
                 "comprehensive epidemiological characterization necessitates sophisticated "
                 "methodological considerations."] * 12)
HEAD = "---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n"

# Every kind of name git can hold and quote: spaces, a tab, a line break, quotes, a
# backslash, letters beyond ASCII, a leading dash, a pipe and a backtick, a byte that is not
# UTF-8.
NAMES = ["with space.md", "with\ttab.md", "new\nline.md", 'say "hi".md', "it's.md",
         "back\\slash.md", "naïve.md", "日本語 ページ.md", "-dash.md", "--output=x.md",
         "pipe|name.md", "back`tick.md", " spaces around .md", "caf\udce9.md"]


def page(*paragraphs: str) -> str:
    """A patient page; its paragraphs start on lines 7, 9, 11 and so on."""
    return HEAD + "\n\n".join(paragraphs) + "\n"


def git(cwd, *args, env=None):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("needs git")
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "writer@example.org")
    git(tmp_path, "config", "user.name", "A Writer")
    return tmp_path


def commit(repo, message="change"):
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def reported(result):
    """(path, line) of every problem of `check --format json`."""
    assert "Traceback" not in result.output
    return sorted((p["path"], p["line"]) for p in json.loads(result.stdout)["problems"])


def long_sentences_since(run, ref="HEAD", where="."):
    return run("check", where, "--changed-since", ref, "--select", "long-sentence",
               "--format", "json", "--no-cache")


def names_the_file_system_takes(folder):
    """NAMES less those this file system refuses (a byte that is not UTF-8, on some)."""
    names = []
    for name in NAMES:
        try:
            (folder / name).write_text("", encoding="utf-8")
        except (OSError, UnicodeEncodeError):
            continue
        (folder / name).unlink()
        names.append(name)
    return names


def test_changed_since_for_every_kind_of_file_name(run, repo):
    names = names_the_file_system_takes(repo)
    for name in names:
        (repo / name).write_text(page("Short.", LONG), encoding="utf-8")
    commit(repo, "first")
    for folder in ("new", "staged"):
        (repo / folder).mkdir()
    for name in names:
        (repo / name).write_text(page("Short.", LONG, "New. " + LONG), encoding="utf-8")
        (repo / "new" / name).write_text(page(LONG), encoding="utf-8")
        (repo / "staged" / name).write_text(page(LONG), encoding="utf-8")
    git(repo, "add", "staged")
    result = long_sentences_since(run)
    assert result.exit_code == 1, result.output
    expected = [(printable(name), 11) for name in names] + \
        [(printable(f"{folder}/{name}"), 7) for name in names for folder in ("new", "staged")]
    assert reported(result) == sorted(expected)


def test_changed_since_a_commit_for_every_kind_of_file_name(run, repo):
    """Changes already committed, so git names every file in its diff, none as untracked."""
    names = names_the_file_system_takes(repo)
    (repo / "first.md").write_text(page("Short."), encoding="utf-8")
    commit(repo, "first")
    git(repo, "tag", "start")
    for name in names:
        (repo / name).write_text(page("Short.", LONG), encoding="utf-8")
    commit(repo, "second")
    assert reported(long_sentences_since(run, "start")) == \
        sorted((printable(name), 9) for name in names)


def test_an_added_line_that_looks_like_a_patch_header_is_a_line(run, repo):
    (repo / "a.md").write_text(page("Short.", "Short.", "Short.", "Short."), encoding="utf-8")
    commit(repo, "first")
    # in the diff these lines read "+++ b/other.md" and "+--- a/a.md"
    (repo / "a.md").write_text(page("++ b/other.md", "--- a/a.md", "Short.", LONG),
                               encoding="utf-8")
    assert reported(long_sentences_since(run)) == [("a.md", 13)]


def test_changed_since_reads_past_text_that_is_not_utf8(run, repo):
    (repo / "a.md").write_text(page("Short."), encoding="utf-8")
    (repo / "notes.dat").write_bytes(b"caf\xe9\n")
    commit(repo, "first")
    (repo / "notes.dat").write_bytes(b"caf\xe9 cr\xe8me\n\xff\xfe\n")
    (repo / "a.md").write_text(page("Short.", LONG), encoding="utf-8")
    assert reported(long_sentences_since(run)) == [("a.md", 9)]


def long(word: str) -> str:
    """A long sentence of its own, so git does not take one page for a copy of another."""
    return f"{word.capitalize()} " + " ".join([word] * 24) + " end."


def scenario(repo):
    """Committed pages in docs/, then a pull request's worth of changes to them: edits whose
    hunks git could merge around unchanged long sentences, a rename with an edit and one
    without, a copy, a deletion, a new page staged and one not, a changed picture. Returns
    the problems on changed lines."""
    docs = repo / "docs"
    docs.mkdir()
    (docs / "naïve page.md").write_text(
        page("Short one.", long("alpha"), "Short two.", long("beta"), "Short three."),
        encoding="utf-8")
    (docs / "old name.md").write_text(page("Short.", long("gamma"), "Short."), encoding="utf-8")
    (docs / "gone.md").write_text(page(long("delta")), encoding="utf-8")
    (docs / "source.md").write_text(page(long("epsilon"), "Short."), encoding="utf-8")
    (docs / "moved.md").write_text(page(long("eta")), encoding="utf-8")
    (docs / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0" * 50)
    commit(repo, "first")
    (docs / "sub folder").mkdir()
    git(repo, "mv", "docs/moved.md", "docs/sub folder/moved é.md")  # moved, not changed
    (docs / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\1" * 60)
    (docs / "naïve page.md").write_text(
        page(long("one"), long("alpha"), long("two"), long("beta"), long("three")),
        encoding="utf-8")
    git(repo, "mv", "docs/old name.md", "docs/new name ü.md")
    (docs / "new name ü.md").write_text(page("Short.", long("gamma"), "Short.", long("now")),
                                        encoding="utf-8")
    (docs / "gone.md").unlink()
    (docs / "source.md").write_text(page(long("epsilon"), "Short, changed."),
                                    encoding="utf-8")
    shutil.copy(docs / "source.md", docs / "copy of source.md")
    git(repo, "add", "docs/copy of source.md")
    (docs / "nouveau é.md").write_text(page(long("zeta")), encoding="utf-8")
    return [("copy of source.md", 7), ("naïve page.md", 7), ("naïve page.md", 11),
            ("naïve page.md", 15), ("new name ü.md", 13), ("nouveau é.md", 7)]


FAKE_DIFF = "#!/bin/sh\nprintf '+++ b/docs/evil.md\\n@@ -1 +1,40 @@\\n'\n"

# (git config, .gitattributes, environment) a user may have
SETTINGS = {
    "none": ({}, None, {}),
    "mnemonic prefixes": ({"diff.mnemonicPrefix": "true"}, None, {}),
    "no prefixes": ({"diff.noprefix": "true"}, None, {}),
    "own prefixes": ({"diff.srcPrefix": "x/", "diff.dstPrefix": "y/"}, None, {}),
    "colour always": ({"color.ui": "always", "color.diff": "always"}, None, {}),
    "relative": ({"diff.relative": "true"}, None, {}),
    "quote paths": ({"core.quotePath": "true"}, None, {}),
    "do not quote paths": ({"core.quotePath": "false"}, None, {}),
    "renames off": ({"diff.renames": "false"}, None, {}),
    "copies": ({"diff.renames": "copies"}, None, {}),
    "merged hunks": ({"diff.interHunkContext": "10", "diff.context": "10"}, None, {}),
    "empty context lines": ({"diff.suppressBlankEmpty": "true", "diff.interHunkContext": "5"},
                            None, {}),
    "patience": ({"diff.algorithm": "patience"}, None, {}),
    "histogram": ({"diff.algorithm": "histogram", "diff.indentHeuristic": "false"}, None, {}),
    "submodule log": ({"diff.submodule": "log"}, None, {}),
    "external diff": ({"diff.external": "FAKE"}, None, {}),
    "diff driver": ({"diff.fake.command": "FAKE"}, "*.md diff=fake\n", {}),
    "text conversion": ({"diff.double.textconv": "sed G"}, "*.md diff=double\n", {}),
    "GIT_DIFF_OPTS": ({}, None, {"GIT_DIFF_OPTS": "--unified=10"}),
    "GIT_EXTERNAL_DIFF": ({}, None, {"GIT_EXTERNAL_DIFF": "FAKE"}),
}


def apply_settings(repo, monkeypatch, name):
    config, attributes, env = SETTINGS[name]
    fake = repo.parent / f"{repo.name}-fake-diff"
    fake.write_text(FAKE_DIFF, encoding="utf-8")
    fake.chmod(0o755)
    for key, value in config.items():
        git(repo, "config", key, value.replace("FAKE", str(fake)))
    if attributes is not None:
        (repo / ".git" / "info" / "attributes").write_text(attributes, encoding="utf-8")
    for key, value in env.items():
        monkeypatch.setenv(key, value.replace("FAKE", str(fake)))


@pytest.mark.skipif(sys.platform == "win32", reason="the fake diff programs are shell scripts")
@pytest.mark.parametrize("setting", list(SETTINGS))
def test_changed_since_whatever_the_git_settings(run, repo, monkeypatch, setting):
    expected = scenario(repo)
    apply_settings(repo, monkeypatch, setting)
    monkeypatch.chdir(repo / "docs")  # from a folder inside the repository
    result = long_sentences_since(run)
    assert reported(result) == expected
    assert result.exit_code == 1


def test_a_changed_page_git_takes_for_binary_counts_as_changed_throughout(run, repo):
    scenario(repo)
    (repo / ".git" / "info" / "attributes").write_text("*.md -diff\n", encoding="utf-8")
    assert reported(long_sentences_since(run, where="docs")) == [
        ("docs/copy of source.md", 7), *[("docs/naïve page.md", n) for n in (7, 9, 11, 13, 15)],
        ("docs/new name ü.md", 9), ("docs/new name ü.md", 13), ("docs/nouveau é.md", 7),
        ("docs/source.md", 7), ("docs/sub folder/moved é.md", 7)]


@pytest.mark.skipif(sys.platform == "win32", reason="the fake diff programs are shell scripts")
@pytest.mark.parametrize("setting", ["none", "quote paths", "renames off", "copies",
                                     "relative", "colour always", "external diff",
                                     "GIT_EXTERNAL_DIFF"])
def test_report_base_whatever_the_git_settings(run, repo, monkeypatch, setting):
    docs = repo / "docs"
    docs.mkdir()
    easy = {"naïve page.md": EASY, "old name.md": "Drink water. Rest well. Call us. " * 12,
            "same.md": "Take one pill. Eat first. Sleep well. " * 12,
            "gone.md": "Walk each day. Go slow. Stop if it hurts. " * 12}
    for name, text in easy.items():
        (docs / name).write_text(page(text), encoding="utf-8")
    commit(repo, "first")
    (docs / "naïve page.md").write_text(page(HARD), encoding="utf-8")
    git(repo, "mv", "docs/old name.md", "docs/new name ü.md")
    (docs / "new name ü.md").write_text(page(easy["old name.md"], "A short line more."),
                                        encoding="utf-8")
    (docs / "gone.md").unlink()
    shutil.copy(docs / "same.md", docs / "copy ü.md")
    git(repo, "add", "docs/copy ü.md")
    (docs / "nouveau é.md").write_text(page(EASY), encoding="utf-8")
    apply_settings(repo, monkeypatch, setting)
    monkeypatch.chdir(docs)
    result = run("report", ".", "--base", "HEAD", "--format", "markdown", "--no-cache")
    assert result.exit_code == 0, result.output
    rows = {row.split("`")[1]: [cell.strip() for cell in row.split("|")[2:-1]]
            for row in result.stdout.splitlines() if row.startswith("| `")}
    assert sorted(rows) == ["copy ü.md", "naïve page.md", "new name ü.md", "nouveau é.md"]
    assert rows["naïve page.md"][2].endswith("▲")  # compared with its text in HEAD
    assert rows["new name ü.md"][0] not in ("new", "")  # compared with its old name
    assert rows["copy ü.md"][0] == rows["nouveau é.md"][0] == "new"


def test_report_base_for_every_kind_of_file_name(run, repo):
    names = names_the_file_system_takes(repo)
    for name in names:
        (repo / name).write_text(page(EASY), encoding="utf-8")
    (repo / "same.md").write_text(page(EASY), encoding="utf-8")
    commit(repo, "first")
    (repo / "new").mkdir()
    for name in names:
        (repo / name).write_text(page(HARD), encoding="utf-8")
        (repo / "new" / name).write_text(page(EASY), encoding="utf-8")
    result = run("report", ".", "--base", "HEAD", "--no-cache")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for name in names:
        changed = [line for line in lines if line.startswith(printable(name) + ": grade ")]
        assert len(changed) == 1 and "-> " in changed[0] and "(+" in changed[0], name
        new = [line for line in lines if line.startswith(printable(f"new/{name}") + ": ")]
        assert len(new) == 1 and new[0].startswith(printable(f"new/{name}") + ": grade - ->")
    assert len(lines) == 2 * len(names)  # same.md did not change


def test_report_base_names_fit_a_markdown_table(run, repo):
    from markdown_it import MarkdownIt

    names = ["pipe|name.md", "back`tick.md", "`both|ends`.md", "a\\|b.md"]
    for name in names:
        (repo / name).write_text(page(EASY), encoding="utf-8")
    commit(repo, "first")
    for name in names:
        (repo / name).write_text(page(HARD), encoding="utf-8")
    result = run("report", ".", "--base", "HEAD", "--format", "markdown", "--no-cache")
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    cells = [t.children for t in tokens if t.type == "inline" and t.children
             and t.children[0].type == "code_inline"]
    assert sorted(c[0].content for c in cells) == sorted(names)
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 1 + len(names)
    assert all(len(c) == 1 for c in cells)  # the whole cell is the name


@pytest.mark.parametrize("ref", ["--output=out.txt", "-x", "--", "-"])
def test_a_revision_is_never_taken_as_an_option(run, repo, ref):
    (repo / "a.md").write_text(page(LONG), encoding="utf-8")
    commit(repo, "first")
    for args, option in ((("check", ".", f"--changed-since={ref}"), "--changed-since"),
                         (("report", ".", f"--base={ref}"), "--base")):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stderr.strip() == \
            f"readlint: error: {option}: {ref!r} is not a revision git knows"
    assert not (repo / "out.txt").exists()


def test_changed_lines_are_counted_as_readlint_counts_them_in_old_mac_files(run, repo):
    """Git ends a line at LF only; a file whose lines end with a carriage return alone is one
    long line to git (so all of it changes at once) and many to readlint."""
    def mac(text):
        return text.replace("\n", "\r").encode("utf-8")

    (repo / "mac.md").write_bytes(mac(page("Short.", long("alpha"), "Short.")))
    (repo / "mixed.md").write_bytes(mac(HEAD) + b"Short.\n\nShort.\n")
    commit(repo, "first")
    (repo / "mac.md").write_bytes(mac(page("Short.", long("alpha"), long("beta"))))
    (repo / "mixed.md").write_bytes(mac(HEAD) + f"Short.\n\n{long('gamma')}\n".encode())
    (repo / "new mac.md").write_bytes(mac(page(long("delta"), "Short.", long("epsilon"))))
    assert reported(long_sentences_since(run)) == [
        ("mac.md", 9), ("mac.md", 11), ("mixed.md", 9), ("new mac.md", 7), ("new mac.md", 11)]


def test_outside_a_repository_git_says_why_in_one_line(run, tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("needs git")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "a.md").write_text(page(LONG), encoding="utf-8")
    for args in (("check", ".", "--changed-since", "HEAD"), ("report", ".", "--base", "HEAD")):
        result = run(*args)
        assert result.exit_code == 2
        message = result.stderr.strip()
        assert message.startswith(f"readlint: error: {args[2]}: not a git repository")
        assert "\n" not in message and "fatal" not in message


def test_changed_since_a_branch_counts_from_where_the_branch_left_it(run, repo):
    # main fixed a line after the branch left it: the branch did not write that line
    (repo / "a.md").write_text(page("Short.", LONG), encoding="utf-8")
    commit(repo, "first")
    git(repo, "branch", "-M", "main")
    git(repo, "checkout", "-q", "-b", "work")
    (repo / "a.md").write_text(page("Short.", LONG, "New. " + LONG), encoding="utf-8")
    commit(repo, "the branch's change")
    git(repo, "checkout", "-q", "main")
    (repo / "a.md").write_text(page("Short.", "A plain line now."), encoding="utf-8")
    commit(repo, "main's fix")
    git(repo, "checkout", "-q", "work")
    assert reported(long_sentences_since(run, "main")) == [("a.md", 11)]  # not line 9


def test_report_base_counts_from_where_the_branch_left_it(run, repo):
    # main made a.md easier after the branch left it: the branch changed only b.md
    (repo / "a.md").write_text(page(HARD), encoding="utf-8")
    (repo / "b.md").write_text(page(EASY), encoding="utf-8")
    commit(repo, "first")
    git(repo, "branch", "-M", "main")
    git(repo, "checkout", "-q", "-b", "work")
    (repo / "b.md").write_text(page(EASY, "One more short line."), encoding="utf-8")
    commit(repo, "the branch's change")
    git(repo, "checkout", "-q", "main")
    (repo / "a.md").write_text(page(EASY), encoding="utf-8")
    commit(repo, "main's fix")
    git(repo, "checkout", "-q", "work")
    result = run("report", ".", "--base", "main", "--fail-on-worse", "--no-cache")
    assert result.exit_code == 0, result.output
    assert "b.md" in result.stdout and "a.md" not in result.stdout, result.stdout
