"""Inline readlint-disable / enable / disable-next-line comments."""

from __future__ import annotations

from helpers import lint, positions

LONG = "Word " + " ".join(["word"] * 24) + " end."


def test_disable_and_enable_a_rule_for_a_range():
    text = f"{LONG}\n\n<!-- readlint-disable long-sentence -->\n\n{LONG}\n\n" \
           f"<!-- readlint-enable long-sentence -->\n\n{LONG}\n"
    assert positions(lint(text, select="long-sentence")) == [(1, 1), (9, 1)]


def test_disable_all_rules_until_enable_without_names():
    text = f"<!-- readlint-disable -->\n{LONG}\n\n<!-- readlint-enable -->\n\n{LONG}\n"
    assert positions(lint(text, select="long-sentence")) == [(6, 1)]


def test_disable_next_line_by_code():
    text = f"<!-- readlint-disable-next-line RL102 -->\n{LONG}\n\n{LONG}\n"
    assert positions(lint(text, select="long-sentence")) == [(4, 1)]


def test_disable_next_line_passes_over_an_empty_line():
    # writers and Markdown formatters leave an empty line after a comment on its own line
    text = f"<!-- readlint-disable-next-line RL102 -->\n\n{LONG}\n\n{LONG}\n"
    assert positions(lint(text, select="long-sentence")) == [(5, 1)]


def test_disable_inline_within_a_paragraph_line():
    text = f"{LONG} <!-- readlint-disable long-sentence -->\n\n{LONG}\n"
    assert positions(lint(text, select="long-sentence")) == []


def test_unknown_rule_names_are_reported_where_the_comment_is():
    text = f"Intro.\n\n<!-- readlint-disable long-sentance, RL102 -->\n{LONG}\n"
    problems = lint(text, select="long-sentence,unknown-directive")
    assert [(p.rule, p.line, p.column) for p in problems] == [("unknown-directive", 3, 1)]
    assert "'long-sentance'" in problems[0].message


def test_comment_in_code_block_is_not_a_directive():
    text = f"```\n<!-- readlint-disable -->\n```\n\n{LONG}\n"
    assert positions(lint(text, select="long-sentence")) == [(5, 1)]


def test_disable_line_turns_off_only_its_own_line():
    text = f"{LONG} <!-- readlint-disable-line long-sentence -->\n\n{LONG}\n"
    assert positions(lint(text, select="long-sentence")) == [(3, 1)]


def test_disable_line_is_not_read_as_disable_of_a_rule_called_line():
    text = f"{LONG} <!-- readlint-disable-line -->\n\n{LONG}\n"
    problems = lint(text, select="long-sentence,unknown-directive")
    assert [(p.rule, p.line) for p in problems] == [("long-sentence", 3)]


def test_disable_next_line_with_a_colon_and_a_reason():
    text = f"<!-- readlint-disable-next-line: RL102 -- a quoted passage -->\n{LONG}\n\n{LONG}\n"
    problems = lint(text, select="long-sentence,unknown-directive")
    assert [(p.rule, p.line) for p in problems] == [("long-sentence", 4)]


def test_disable_file_from_anywhere():
    text = f"{LONG}\n\n{LONG}\n\n<!-- readlint-disable-file long-sentence -->\n"
    assert positions(lint(text, select="long-sentence")) == []


def test_an_unknown_keyword_is_reported_not_ignored():
    text = f"<!-- readlint-disable-paragraph RL102 -->\n{LONG}\n"
    problems = lint(text, select="long-sentence,unknown-directive")
    assert [(p.rule, p.line) for p in problems] == [("unknown-directive", 1),
                                                    ("long-sentence", 2)]
    assert "'readlint-disable-paragraph' is not a readlint comment" in problems[0].message


def test_unused_disables_are_reported_on_request(run, write):
    write("a.md", f"---\naudienceLevel: patient"
                  f"\ntitle: T\nlanguage: en\n---\n\n<!-- readlint-disable-next-line RL102 -->"
                  f"\nA short line.\n\n{LONG} <!-- readlint-disable-line RL102 -->\n")
    quiet = run("check", "a.md")
    assert quiet.exit_code == 0, quiet.output
    loud = run("check", "a.md", "--report-unused-disables")
    assert loud.exit_code == 1
    assert "a.md:7:1: RL001 unknown-directive This comment turns off long-sentence, but " \
           "nothing here needed it; remove it." in loud.stdout
    assert ":8:" not in loud.stdout  # that one silenced a long sentence


def test_a_comment_meant_for_readlint_but_written_another_way_is_reported():
    # a space for the hyphen, or capitals: the writer meant it, and it would do nothing
    for written in ("readlint disable-next-line long-sentence",
                    "READLINT-DISABLE-NEXT-LINE long-sentence",
                    "readlint disable next line long-sentence",
                    "readlint_disable_next_line long-sentence"):
        text = f"<!-- {written} -->\n{LONG}\n"
        problems = lint(text, select="long-sentence,unknown-directive")
        assert [(p.rule, p.line) for p in problems] == [("unknown-directive", 1),
                                                       ("long-sentence", 2)], written
        assert "write 'readlint-disable-next-line'" in problems[0].message
    # a comment that only names readlint is no directive
    assert lint(f"<!-- readlint is great -->\n{LONG}\n", select="unknown-directive") == []
