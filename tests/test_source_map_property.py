"""Property: for any Markdown built from tricky pieces, parsing never fails and every prose
character maps back to the same character in the file."""

from __future__ import annotations

import html
import re

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from readlint import document  # noqa: E402
from readlint.config import Config  # noqa: E402
from readlint.errors import InputError  # noqa: E402
from readlint.linter import Linter  # noqa: E402
from readlint.registry import Registry  # noqa: E402

PIECES = [
    "word", "Word", " ", " ", "\n", "\n\n", "\r\n", "\t", ".", ",", "(", ")", "[", "]",
    "*", "**", "_", "`", "```\n", "#", "## ", "- ", "1. ", "> ", "|", " | ", "\\*", "\\|",
    "&amp;", "&lt;", "&#35;", "<br>", "<!-- c -->", "<b>", "</b>", "[link](http://x.y/z)",
    "![alt](i.png)", "<http://a.b>", "http://bare.example/x", "www.example.org", "Dr.",
    "U.S.", "9.6", "T-DM1", "metastatic", "“", "”", "’", "é", "—", "---\n",
    "| a | b |\n|---|---|\n",
    "[ref]", "[ref]: http://r.example\n", "    code\n", "===\n",
]


def _entity_at(source: str, offset: int) -> str | None:
    m = re.compile(r"&#?\w+;").match(source, offset)
    return html.unescape(m.group()) if m else None


@settings(deadline=None)  # how many examples: conftest.py
@given(st.lists(st.sampled_from(PIECES), max_size=60))
@example(pieces=["&amp;", "*", "&lt;", "*"])  # an entity's "&" first: "<" came after "amp;"
@example(pieces=["\\*", "\\*", "*", ".", "*"])  # escaped stars, then emphasis: "." was mapped
# to the mark after it
@example(pieces=["[ref]: http://r.example\n", "[ref]", "[", "[ref]"])  # a reference link, then
# "[": the prose "ref[ref" mapped its "[" to the "]" before it
def test_prose_maps_back_to_the_file(pieces):
    text = "".join(pieces)
    try:
        doc = document.parse(text, "p.md")
    except InputError:
        return  # broken front matter is a reported error, not a crash
    for block in doc.blocks:
        for i, ch in enumerate(block.text):
            if ch.isspace():
                continue
            offset = block.source_offset(i)
            assert 0 <= offset < len(doc.source)
            # A character written as an entity ("&lt;" for "<") maps to the entity's "&";
            # every other character, punctuation included, to itself.
            assert doc.source[offset] == ch or _entity_at(doc.source, offset) == ch, \
                (repr(text), repr(block.text), i)
    for sentence in doc.sentences:
        line, column = doc.position(sentence.source_start)
        assert 1 <= line <= doc.line_count and column >= 1


def _every_rule_linter() -> Linter:
    """A linter that runs every rule, those the patient rule set turns off too."""
    return Linter(Config(raw_rules={rule.name: {"enabled": True}
                                    for rule in Registry.default()}))


def _runs_cleanly(linter: Linter, text: str) -> None:
    """No rule fails on the text, and every problem has a place in it."""
    result = linter.lint_text(text, "p.md")
    assert result.failures == [], [str(f) for f in result.failures]
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1
        assert (problem.end_line, problem.end_column) >= (problem.line, problem.column)


@settings(deadline=None)  # how many examples: conftest.py
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_every_rule_runs_without_error(pieces):
    _runs_cleanly(_every_rule_linter(), "".join(pieces))


def test_a_rule_that_raises_fails_the_property(monkeypatch):
    """The property above would catch a rule that crashes: the linter keeps going and notes
    the failure, so the test must read the failures, not only the problems."""
    rule = Registry.default().get("long-sentence")
    assert rule is not None

    def crash(doc, options):
        raise ValueError("a bug")
    monkeypatch.setattr(type(rule), "check", lambda self, doc, options: crash(doc, options))
    with pytest.raises(AssertionError, match="long-sentence failed"):
        _runs_cleanly(_every_rule_linter(), "# A page\n\nOne sentence here.\n")
