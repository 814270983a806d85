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
from readlint.errors import InputError  # noqa: E402
from readlint.linter import Linter  # noqa: E402

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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
@example(pieces=["&amp;", "*", "&lt;", "*"])  # an entity's "&" first: "<" came after "amp;"
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


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_every_rule_runs_without_error(pieces):
    result = Linter().lint_text("".join(pieces), "p.md")
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1
        assert (problem.end_line, problem.end_column) >= (problem.line, problem.column)
