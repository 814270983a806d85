"""Tests read from a text's end, in time that grows in step with its length, answer as the
plain patterns they stand for (searched from each place, which costs the square of a long
run's length): checked on many short texts made of the characters that matter."""

from __future__ import annotations

import re

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from readlint import linkpractice, nearby, prose  # noqa: E402
from readlint.checks import plain_words  # noqa: E402


def texts(*pieces: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


@given(texts("]", "(", ")", "/", "http://", "https://", "a", " ", "\n", "\u00a0", "](/"))
def test_a_lost_link_at_the_end(text):
    assert prose.ends_lost_link(text) == \
        (re.search(r"\](?:\()(?:/|https?://)[^)\s]*\)?\s*$", text) is not None)


@given(texts("a", "B", ".", "!", "?", ":", ";", "-", "_", " ", "\u201d", ")", "\n"))
def test_a_sentence_end_at_the_end(text):
    assert linkpractice._ends_a_sentence(text) == \
        (re.search(r"[.!?:;]\W*$", text.strip()) is not None)


@given(texts("a", "B", "1", "_", ":", " ", "\n", "é", "-", "have", "\u00a0"))
def test_the_word_before_a_closing_colon(text):
    found = re.search(r"([^\W\d_]+)\s*:\s*$", text)
    assert plain_words._lead_word(text) == (found.group(1) if found else "")


@given(texts(" ", "\u00a0", "(a)", "(", ")", "\"", "\u201d", "]", ".", "!", "?", "x", "\n"))
def test_the_rest_of_a_sentence_after_a_term(text):
    plain = re.fullmatch(r"\s*(?:\([^()]{0,80}\))?[\"”')\]]*[.!?]?[\"”')\]]*\s*", text)
    ends = nearby._SENTENCE_TAIL.fullmatch(*nearby._stripped(text, 0, len(text)))
    assert (ends is not None) == (plain is not None)

