"""--fix and --diff: only safe fixes, atomic writes, every other byte kept."""

from __future__ import annotations

import os

import pytest

from readlint.fixes import apply
from readlint.problem import Fix

TEXT = ("---\r\naudienceLevel: patient\r\n---\r\n\r\nWomen with thrombocytopenia lymphedema.\r\n"
        "Some [HER2](/publications/dictionaries/cancer-terms/def/44945) words.\r\n")

# A glossary of the test's own, with TEXT's terms and cancer.gov's addresses: it has no record
# of how editors link its terms, so glossary-link asks for a link at each term's first use,
# whatever the bundled glossaries' learned practice says.
OWN_GLOSSARY = (
    "name: terms\n"
    "url_template: https://www.cancer.gov/publications/dictionaries/cancer-terms/def/{id}\n"
    "link_patterns: ['/publications/dictionaries/cancer-terms/def/(?P<key>\\d+)']\n"
    "terms:\n"
    "  - {term: thrombocytopenia, id: '45365'}\n"
    "  - {term: lymphedema, id: '45359'}\n"
    "  - {term: HER2, id: '44945'}\n")


@pytest.fixture
def own_glossary(write):
    """glossary-link with the test's own glossary, for every file under the test's folder."""
    write("terms.yaml", OWN_GLOSSARY)
    write(".readlint.yaml", "rules:\n  glossary-link:\n    glossaries: [terms.yaml]\n")


def test_fix_adds_glossary_links_in_the_document_style_and_keeps_bytes(run, write, tmp_path,
                                                                       own_glossary):
    path = write("a.md", TEXT.encode("utf-8"))
    result = run("check", "a.md", "--select", "glossary-link", "--fix")
    assert result.exit_code == 0, result.output
    assert "fixed 2 problems in 1 file" in result.stderr
    new = path.read_bytes().decode("utf-8")
    assert new == TEXT.replace(
        "thrombocytopenia lymphedema",
        "[thrombocytopenia](/publications/dictionaries/cancer-terms/def/45365) "
        "[lymphedema](/publications/dictionaries/cancer-terms/def/45359)")
    assert [p.name for p in tmp_path.iterdir() if "readlint-tmp" in p.name] == []


def test_byte_order_mark_is_kept():
    raw = "\ufeffA\r\nB metastatic\r\n"
    new, applied = apply(raw, [Fix(4, 14, "[metastatic](x)")])
    assert (new, applied) == ("\ufeffA\r\nB [metastatic](x)\r\n", 1)


def test_diff_prints_and_writes_nothing(run, write, own_glossary):
    path = write("a.md", TEXT.encode("utf-8"))
    before = path.read_bytes()
    result = run("check", "a.md", "--select", "glossary-link", "--diff")
    assert result.exit_code == 1  # fixes are pending
    assert "-Women with thrombocytopenia lymphedema." in result.stdout
    assert "+Women with [thrombocytopenia](" in result.stdout
    assert path.read_bytes() == before


def test_files_without_fixes_are_not_touched(run, write, own_glossary):
    path = write("plain.md", "We eat food.\n")
    stamp = os.stat(path).st_mtime_ns
    other = write("b.md", "Women with thrombocytopenia.\n")
    run("check", ".", "--fix")
    assert os.stat(path).st_mtime_ns == stamp
    assert "[thrombocytopenia](" in other.read_text()


def test_plain_words_are_fixed_only_where_enabled(run, write):
    path = write("a.md", "Wait prior to eating.\n")
    run("check", "a.md", "--select", "plain-words", "--fix")
    assert path.read_text() == "Wait prior to eating.\n"
    write(".readlint.yaml", "rules:\n  plain-words: {fix: true}\n")
    run("check", "a.md", "--select", "plain-words", "--fix")
    assert path.read_text() == "Wait before eating.\n"


def test_no_link_fix_where_markdown_would_not_keep_a_link(run, write, own_glossary):
    path = write("a.md", "Wow!thrombocytopenia and \\\\lymphedema here.\n")
    before = path.read_bytes()
    reported = run("check", "a.md", "--select", "glossary-link").stdout
    assert '"thrombocytopenia"' in reported and '"lymphedema"' in reported  # both want links
    run("check", "a.md", "--select", "glossary-link", "--fix")
    assert path.read_bytes() == before  # an image after "!", a broken link after "\"


def test_fix_quotes_a_target_with_spaces_and_a_second_run_changes_nothing(run, write, tmp_path):
    write("terms.yaml", "name: clinic\nterms:\n  - {term: wound vac, id: wv, url: "
                        "'https://clinic.example/a page (new)'}\n")
    write(".readlint.yaml", "rules:\n  glossary-link:\n    glossaries: [terms.yaml]\n")
    path = write("a.md", "Your wound vac needs care.\n")
    run("check", "a.md", "--select", "glossary-link", "--fix")
    fixed = path.read_text()
    assert fixed == "Your [wound vac](<https://clinic.example/a page (new)>) needs care.\n"
    run("check", "a.md", "--select", "glossary-link", "--fix")
    assert path.read_text() == fixed


def test_a_file_edited_after_the_check_is_not_fixed(write):
    import pytest

    from readlint.config import Config
    from readlint.errors import OutputError
    from readlint.fixes import fix_file
    from readlint.linter import Choices
    from readlint.run import Run

    path = write("a.md", TEXT.encode("utf-8"))
    terms = write("terms.yaml", OWN_GLOSSARY)
    config = Config(raw_rules={"glossary-link": {"glossaries": [str(terms)]}})
    result = Run.with_config(config, Choices(select=("glossary-link",))).lint_paths([str(path)])
    assert [p.subject for p in result.files[0].problems] == ["thrombocytopenia", "lymphedema"]
    file = result.files[0]
    path.write_text("A writer changed this.\n" + TEXT, encoding="utf-8")
    with pytest.raises(OutputError, match="changed since readlint checked it"):
        fix_file(path, [p.fix for p in file.problems if p.fix], file.fingerprint)


def test_a_file_changed_while_it_is_being_fixed_is_left_alone(write):
    import pytest

    from readlint.errors import OutputError
    from readlint.fixes import fix_file, write_fixed

    path = write("a.md", TEXT.encode("utf-8"))
    fixed = fix_file(path, [Fix(TEXT.index("Women") - 8, TEXT.index("Women") - 3, "Men")])
    assert fixed is not None
    path.write_bytes((TEXT + "More text.\n").encode("utf-8"))  # another program wrote it
    with pytest.raises(OutputError, match="changed while readlint was fixing it"):
        write_fixed(fixed)
    assert path.read_bytes() == (TEXT + "More text.\n").encode("utf-8")


def test_a_read_only_file_is_not_fixed(run, write, own_glossary):
    path = write("a.md", TEXT.encode("utf-8"))
    path.chmod(0o444)
    try:
        result = run("check", "a.md", "--select", "glossary-link", "--fix")
        assert result.exit_code == 2
        assert "readlint: a.md: is read-only; not fixed" in result.stderr
        assert "Traceback" not in result.output
        assert path.read_bytes() == TEXT.encode("utf-8")
    finally:
        path.chmod(0o644)


@pytest.mark.corpus  # six processes, two at a time: seconds
def test_two_fix_runs_at_once_never_garble_a_file(tmp_path):
    """Both runs work out the same fixes; the lock makes the second find the file already
    fixed, so every file ends exactly as one run leaves it."""
    import subprocess
    import sys

    expected = None
    for trial in range(3):
        folder = tmp_path / str(trial)
        folder.mkdir()
        for i in range(6):
            (folder / f"{i}.md").write_bytes(TEXT.encode("utf-8"))
        command = [sys.executable, "-m", "readlint", "check", "--select", "glossary-link",
                   "--fix", str(folder)]
        runs = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                for _ in range(2)]
        for process in runs:
            _, err = process.communicate(timeout=120)
            assert b"Traceback" not in err and b"internal error" not in err
        for i in range(6):
            text = (folder / f"{i}.md").read_text(encoding="utf-8")
            expected = expected or text
            assert text == expected and text != TEXT
        assert not [p for p in folder.iterdir() if "readlint-tmp" in p.name]


def test_a_diff_is_utf8_whatever_the_terminal_so_it_applies(write, tmp_path, own_glossary):
    import os
    import subprocess
    import sys

    write("a.md", TEXT.replace("Women", "Café women").encode("utf-8"))
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "READLINT_CACHE_DIR": str(tmp_path / "c")}
    out = subprocess.run([sys.executable, "-m", "readlint", "check", "a.md", "--select",
                          "glossary-link", "--diff"], capture_output=True, env=env,
                         cwd=tmp_path, timeout=120)
    assert out.returncode == 1, out.stderr
    assert "-Café women with thrombocytopenia lymphedema.".encode() in out.stdout


def test_diff_exits_0_when_nothing_is_left_to_fix(run, write):
    write("a.md", "---\naudienceLevel: patient\n---\n\nA short plain page.\n")
    result = run("check", "a.md", "--diff")
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize("args", [("--diff", "--fix"), ("--diff", "--format", "json"),
                                  ("--diff", "--output-file", "x.json")])
def test_diff_with_another_output_is_a_usage_error(run, write, args):
    path = write("a.md", TEXT.encode("utf-8"))
    result = run("check", "a.md", *args)
    assert result.exit_code == 2
    assert "Error:" in result.stderr
    assert path.read_bytes() == TEXT.encode("utf-8")


# -- links, owners, hard links and edits made while a fix is written ---------------------------


def test_a_folder_link_out_of_the_tree_is_not_walked_or_fixed(run, write, tmp_path,
                                                              own_glossary):
    outside = write("elsewhere/page.md", TEXT.encode("utf-8"))
    before = outside.read_bytes()
    write("site/docs/own.md", TEXT.encode("utf-8"))
    (tmp_path / "site" / "docs" / "shared").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "site" / "docs" / "inside").symlink_to(tmp_path / "site" / "docs")  # a loop
    result = run("check", "site", "--select", "glossary-link", "--fix")
    assert "fixed 2 problems in 1 file" in result.stderr
    assert outside.read_bytes() == before
    listed = run("check", "site", "--select", "glossary-link")
    assert "shared" not in listed.output and "elsewhere" not in listed.output


def test_a_link_to_proc_in_the_tree_is_not_followed(run, write, tmp_path, own_glossary):
    write("docs/page.md", TEXT.encode("utf-8"))
    (tmp_path / "docs" / "system").symlink_to("/proc")
    result = run("check", "docs", "--select", "glossary-link", "--jobs", "1")
    assert result.exit_code == 1 and "docs/page.md" in result.output
    assert "system" not in result.output


def test_a_fixed_file_keeps_its_mode_and_its_hard_links(run, write, tmp_path, own_glossary):
    path = write("a.md", TEXT.encode("utf-8"))
    os.chmod(path, 0o640)
    twin = tmp_path / "twin.md"
    os.link(path, twin)
    inode = path.stat().st_ino
    run("check", "a.md", "--select", "glossary-link", "--fix")
    assert "[thrombocytopenia](" in path.read_text(encoding="utf-8")
    assert path.stat().st_ino == twin.stat().st_ino == inode and path.stat().st_nlink == 2
    assert twin.read_bytes() == path.read_bytes()
    assert oct(path.stat().st_mode & 0o777) == oct(0o640)
    assert not [p for p in tmp_path.iterdir() if "readlint-tmp" in p.name]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="a file of another owner needs root to make")
def test_a_fixed_file_keeps_its_owner(run, write, own_glossary):
    path = write("a.md", TEXT.encode("utf-8"))
    os.chown(path, 65534, 65534)
    run("check", "a.md", "--select", "glossary-link", "--fix")
    assert "[thrombocytopenia](" in path.read_text(encoding="utf-8")
    assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)


def test_an_edit_saved_just_before_the_fix_is_written_is_kept(write):
    """An editor that saves the file after readlint read it and before the fixed text goes
    in wins: the fix is not written, and the message says why."""
    from readlint.errors import OutputError
    from readlint.fixes import write_atomically

    path = write("a.md", "Old text.\n")
    read_as = os.stat(path)
    path.write_text("The writer's new text, saved meanwhile.\n", encoding="utf-8")
    with pytest.raises(OutputError, match="changed while readlint was fixing it"):
        write_atomically(path, "Fixed old text.\n", unchanged_since=read_as)
    assert path.read_text(encoding="utf-8") == "The writer's new text, saved meanwhile.\n"
