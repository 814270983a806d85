"""--fix and --diff: only safe fixes, atomic writes, every other byte kept."""

from __future__ import annotations

import os

from readlint.fixes import apply
from readlint.problem import Fix

TEXT = ("---\r\naudienceLevel: patient\r\n---\r\n\r\nWomen with thrombocytopenia lymphedema.\r\n"
        "Some [HER2](/publications/dictionaries/cancer-terms/def/44945) words.\r\n")


def test_fix_adds_glossary_links_in_the_document_style_and_keeps_bytes(run, write, tmp_path):
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


def test_diff_prints_and_writes_nothing(run, write):
    path = write("a.md", TEXT.encode("utf-8"))
    before = path.read_bytes()
    result = run("check", "a.md", "--select", "glossary-link", "--diff")
    assert result.exit_code == 0
    assert "-Women with thrombocytopenia lymphedema." in result.stdout
    assert "+Women with [thrombocytopenia](" in result.stdout
    assert path.read_bytes() == before


def test_files_without_fixes_are_not_touched(run, write):
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


def test_no_link_fix_where_markdown_would_not_keep_a_link(run, write):
    path = write("a.md", "Wow!thrombocytopenia and \\\\lymphedema here.\n")
    before = path.read_bytes()
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
