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
