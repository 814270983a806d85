"""Tests read from a text's end, in time that grows in step with its length, answer as the
plain patterns they stand for (searched from each place, which costs the square of a long
run's length): checked on many short texts made of the characters that matter."""

from __future__ import annotations

import re

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from markdown_pieces import texts  # noqa: E402

from readlint import difficulty, explanations, nearby, prose  # noqa: E402
from readlint.checks import plain_words  # noqa: E402


@given(texts("]", "(", ")", "/", "http://", "https://", "a", " ", "\n", "\u00a0", "](/"))
def test_a_lost_link_at_the_end(text):
    assert prose.ends_lost_link(text) == \
        (re.search(r"\](?:\()(?:/|https?://)[^)\s]*\)?\s*$", text) is not None)


@given(texts("a", "B", ".", "!", "?", ":", ";", "-", "_", " ", "\u201d", ")", "\n"))
def test_a_sentence_end_at_the_end(text):
    assert nearby.ends_a_sentence(text) == \
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



@given(texts(" ", ",", "and", "or", "KRAS", "B", "*", "_", "gene", "genes", "\u00a0", "x", "-"))
def test_the_genes_a_list_of_names_ends_with(text):
    plain = re.match(r"(?:\s*(?:,|,?\s*and|,?\s*or)\s+[*_]*[A-Z0-9][\w-]*[*_]*){0,12}"
                     r"[*_]*\s+genes?\b", text)
    found = difficulty._GENES_AFTER.match(text)
    assert (found and found.end()) == (plain and plain.end())


@given(texts(" ", "and", "or", "a", "B", ",", ";", "\u00a0", "\n", "band", "(X)"),
       st.integers(min_value=0, max_value=12))
def test_two_names_joined_by_and_or_or(text, start):
    start = min(start, len(text))
    plain = re.fullmatch(r"([^,;]+?)\s+(?:and|or)\s+([^,;]+)", text[start:])
    assert difficulty._two_names(text, start) == (plain.groups() if plain else None)


@given(texts(" ", "(", "The", "A", "An", "It", "x", "is", "are", "an", "the", "means", ".",
             "\"", ")", "Theo", "\u00a0", "In", ","))
def test_a_next_sentence_that_says_what_a_term_is(text):
    plain = re.match(r"[\"”')]*\s+\(?(?:(?:It|This|That|These|They)|(?:An?|The)?\s*"
                     r"(?P<term>[^\s.]+(?:\s[^\s.]+){0,3}))\s+(?:is|are|was|were)\s+"
                     r"(?:an?|the|when|what|how)\s|[\"”')]*\s+\(?(?:It|This|That|These|They|"
                     r"(?P<other>[^\s.]+(?:\s[^\s.]+){0,3}))\s+(?:means|refers to|describes)\s|"
                     r"[\"”')]*\s+In\s+(?P<inside>[^\s.,]+(?:\s[^\s.,]+){0,3}),\s+"
                     r"(?:the\s+|an?\s+)?[a-z]",
                     text)
    found = explanations._NEXT_SENTENCE.match(text)
    assert (found and found.groupdict() | {"end": found.end()}) == \
        (plain and plain.groupdict() | {"end": plain.end()})
