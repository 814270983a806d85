"""Readings whose time grew with the square, the cube or the power of a long run's length (a
"sentence" of thousands of words, as a run of "a.a.a." makes; a run of ")" or "_"; names
joined by dashes): each now reads the run once. Checked here against the reading it
replaces, on many short texts made of the pieces that matter, and on a long one
(benchmarks/hostile_pages.py times them on whole pages)."""

from __future__ import annotations

import re

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import example, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from markdown_pieces import texts  # noqa: E402

from readlint import (  # noqa: E402
    difficulty,
    glossary_sets,
    jargon_model,
    linkpractice,
    nearby,
    prose,
    syllables,
    wordforms,
)
from readlint.blocks import Block, Link, Spans  # noqa: E402
from readlint.checks import glossary_link, undefined_jargon  # noqa: E402
from readlint.document import parse  # noqa: E402
from readlint.linter import Linter  # noqa: E402
from readlint.prose import Sentence, Word  # noqa: E402
from readlint.settings import Choices  # noqa: E402

WORDS = ("Ab", "ab", "AB", "Of", "of", "the", "The", "Cd", "cd", "is")


def sentence_of(words: list[str]) -> Sentence:
    found, at = [], 0
    for word in words:
        found.append(Word(word, at, at + len(word)))
        at += len(word) + 1
    text = " ".join(words)
    return Sentence(Block("paragraph", text, [(0, 0, len(text))]), 0, 0, len(text), tuple(found))


def heading_run_in_every_length(sentence: Sentence) -> bool:
    """`difficulty._heading_run_in` as it read before: every length of the heading tried."""
    words = sentence.words
    run = 0
    while run < len(words) and (words[run].text[:1].isupper() or
                                words[run].text in difficulty._SMALL_WORDS and
                                run + 1 < len(words) and words[run + 1].text[:1].isupper()):
        run += 1
    if run < 3 or sum(w.text[:1].isupper() for w in words[:run]) < 3:
        return False
    starts = (" ".join(w.text for w in words[run:]), " ".join(w.text for w in words[run + 1:]))
    if any(start.startswith(" ".join(w.text for w in words[:length]).lower())
           for length in range(run, 2, -1) for start in starts):
        return True
    low = [w.text.lower() for w in words]
    return any(low[length:2 * length] == low[:length] and
               not words[2 * length - 1].text[:1].isupper()
               for length in range(2, run))


@given(st.lists(st.sampled_from(WORDS), max_size=14))
@example("Ab Ab Ab is ab ab ab".split())  # said again after one word
@example("Ab Cd Ab cd is".split())  # said again as the sentence starts
def test_a_heading_run_into_its_sentence(words):
    sentence = sentence_of(words)
    assert difficulty._heading_run_in(sentence) == heading_run_in_every_length(sentence)


def test_a_heading_run_into_its_sentence_reads_a_long_one_quickly():
    said = "Monoclonal Gammopathy of Undetermined Significance".split()
    sentence = sentence_of(said + [w.lower() for w in said] + ["is", "rare"])
    assert difficulty._heading_run_in(sentence)
    assert not difficulty._heading_run_in(sentence_of(["Ab"] * 20_000 + ["is"]))  # (some
    # seconds when every length was tried; benchmarks/hostile_pages.py times it)
    # a long heading said again as a sentence starts ("Pyogenic Granuloma Pyogenic
    # granuloma is ..."), and a long one that is not
    def said_again(size: int) -> list[str]:
        return ["Pyogenic"] + ["Granuloma"] * size + ["Pyogenic"] + \
            ["Granuloma"] * (size - 1) + ["granuloma", "is"]

    def not_again(size: int) -> list[str]:
        return ["HER2"] + ["Ab"] * size + ["cd"] * size + ["is"]

    for make, answer in ((said_again, True), (not_again, False)):
        assert heading_run_in_every_length(sentence_of(make(30))) is answer
        assert difficulty._heading_run_in(sentence_of(make(30))) is answer
        assert difficulty._heading_run_in(sentence_of(make(20_000))) is answer


def part_seen_every_run(key: str, seen: set[str]) -> bool:
    """`undefined_jargon._part_seen` as it read before: every run of the term's words built."""
    words = key.split()
    return words[-1] in seen or any(
        " ".join(words[i:j]) in seen for i in range(len(words))
        for j in range(i + 2, len(words) + 1) if (i, j) != (0, len(words)))


TERM_WORDS = st.sampled_from(("ab", "cd", "ef", "gh"))


@given(st.lists(st.lists(TERM_WORDS, min_size=1, max_size=4).map(" ".join), max_size=6),
       st.lists(TERM_WORDS, min_size=2, max_size=9).map(" ".join))
def test_part_of_a_term_met_before(met, key):
    seen = undefined_jargon._Seen()
    for term in met:
        seen.add(term)
    assert seen == set(met)
    assert undefined_jargon._part_seen(key, seen) == part_seen_every_run(key, set(met))


def test_the_terms_met_know_their_lengths():
    seen = undefined_jargon._Seen({"her2"})
    seen.update(["autosomal dominant", "lymphocytic", "autosomal recessive trait"])
    assert seen.lengths == {"autosomal": {2, 3}}
    assert undefined_jargon._part_seen("autosomal dominant inheritance", seen)
    assert undefined_jargon._part_seen("an autosomal recessive trait", seen)
    assert not undefined_jargon._part_seen("autosomal recessive", seen)
    # two long terms of one letter again and again: each run of the second built once at most
    seen.add(" ".join("a" * 4_000))
    assert not undefined_jargon._part_seen(" ".join("b" * 4_000), seen)
    assert undefined_jargon._part_seen(" ".join("b" + "a" * 4_000), seen)


@given(texts(" ", "(", ")", "*", "_", "a", "RB1", "-", "gene", "genes", "x", "abcdefghijk"))
@example("(_) gene")
@example("(abcdefghijkl) gene")
@example("(abcdefghijklm) gene")
@example("(*a*b) gene")
def test_gene_after_a_term(text):
    plain = re.match(r"\s*(?:\(\s*[*_]*[\w-]{1,12}[*_]*\s*\)\s*)?genes?\b", text)
    assert nearby.in_gene_name(text, 0) == (plain is not None)


@given(texts("-", "--", "A", "A-", "AB", "B1", "2", " ", ",", "/", "*", "and ", "or ", "x",
             "gene", "genes", "-positive", "positive", "targeted"))
@example(" A- gene")
@example(" A-2 gene")
@example(" A--B genes")
@example("/A--positive")
def test_a_gene_named_in_a_list(text):
    plain = re.match(r"(?:[\s,/-]+(?:and\s+|or\s+)?[A-Z][A-Z0-9-]+)*[\s*-]*(?:genes?|"
                     r"-positive|-?targeted)\b", text)
    found = undefined_jargon._GENE_AFTER.match(text)
    assert (found is not None) == (plain is not None)


@given(texts(" ", "\u00a0", ",", "and", "or", "x", "the", "a", ".", "(", "\n"))
@example("  and x,")
@example(" ,  or the x,")
def test_a_series_after_a_term(text):
    plain = re.match(r"\s*,(?!\s*(?:a|an|the|which|who|that)\b)[^,.;:()]*,|"
                     r"\s*,?\s+(?:and|or)\s+[^,.;:()]+,", text)
    assert (jargon_model._SERIES_AFTER.match(text) is None) == (plain is None)


@given(texts(" ", "\u00a0", "a", "B c", "(", ")", "x", "\n"))
@example(" (x)")
@example("a  (x)")
def test_a_drug_and_its_other_name(text):
    plain = re.fullmatch(r"(?P<one>[^()]+?)\s*\((?P<other>[^()]+)\)", text)
    found = glossary_link._TWO_NAMES.fullmatch(text)
    assert (found and (found.span("one"), found.span("other"))) == \
        (plain and (plain.span("one"), plain.span("other")))


@given(texts(" ", "\u00a0", "\t", "-", "–", "|", "a", "NCI", "\n"))
def test_the_site_name_after_a_title(text):
    assert wordforms._SITE_AFTER.search(text) is None or \
        text[:wordforms._SITE_AFTER.search(text).start()] == \
        re.split(r"\s+[-–—|]\s+", text)[0]
    assert (wordforms._SITE_AFTER.search(text) is None) == \
        (re.search(r"\s+[-–—|]\s+", text) is None)


def boundaries_from_each_stop(text):
    """`prose._boundaries` as it read before: the pattern tried from each stop."""
    found, pos = [], 0
    while (mark := prose._BOUNDARY_MARK.search(text, pos)) is not None:
        m = prose._BOUNDARY.match(text, mark.start())
        if m is None:
            pos = mark.start() + 1
            continue
        found.append((m.span(), m.groups()))
        pos = m.end()
    return found


@given(texts(".", "!", "?", "\u2026", "...", " ", "a", "ab", "A", "1", ")", "\"", "[1]", "\n"))
@example("a....1 b")
@example("ab.!? Cd")
@example("\u2026... a")
def test_sentence_stops(text):
    assert [(m.span(), m.groups()) for m in prose._boundaries(text)] == \
        boundaries_from_each_stop(text)


@given(texts(" ", "A", "a", "1", "2", "-", "07", "FFCD", " trial", " study", "x", "phase",
             " I", "\n"))
@example(" ACCORD 07-FFCD 9703 trial")
@example(" 7-FFCD trial")
@example(" A1-2b2 study")
@example(" I trial")
@example(" Pediatric MATCH trial")
def test_a_study_named_by_its_codes(text):
    plain = re.match(r"(?-i:(?:\s+[A-Z][a-z]*[A-Z]*){1,2})\s+(?:clinical\s+)?trials?\b|"
                     r"(?:\s+[A-Z\d][A-Z\d-]*\d[A-Z\d-]*)*\s+(?:(?:clinical|phase\s+[\dI]+|"
                     r"randomized|annual)\s+)?(?:trials?|study|studies|group|network|"
                     r"investigators|researchers|meeting|conference|symposium|cohort|program|"
                     r"center|institute|foundation|consortium|hospital)\b", text, re.I)
    found = undefined_jargon._STUDY_AFTER.match(text)
    assert (found and found.span()) == (plain and plain.span())


def test_long_runs_after_a_term_are_read_once():
    assert not nearby.in_gene_name("(" + "_" * 50_000 + " gene", 0)
    assert nearby.in_gene_name(" (*RB1*) gene", 0)
    assert undefined_jargon._GENE_AFTER.match("-AB" * 50_000 + ",*!") is None
    assert undefined_jargon._GENE_AFTER.match(", BRAF, and NRAS genes") is not None
    assert nearby._SENTENCE_TAIL.fullmatch(")" * 50_000 + "x") is None
    assert jargon_model._SERIES_AFTER.match(" \u00a0" * 50_000 + "!") is None
    assert jargon_model._SERIES_AFTER.match(" and heparin, aspirin") is not None
    assert glossary_link._TWO_NAMES.fullmatch("a" + " " * 50_000 + "(x") is None
    assert wordforms._SITE_AFTER.search("HER2" + " " * 50_000 + "!") is None
    assert list(prose._boundaries("The tumor" + "." * 50_000 + "1" * 50_000)) == []
    assert undefined_jargon._STUDY_AFTER.match(" HER21and" * 10_000 + " x") is None
    # names opening a sentence, then a run of spaces of two kinds: not read as names
    mixed = "The tumor" + "Ab 12," * 600 + "\u00a0 " * 1_200 + " (x"
    assert difficulty._names_opening(mixed) is None
    assert difficulty._names_opening("Bortezomib, carfilzomib, and elotuzumab are drugs.")


def test_a_number_of_thousands_of_digits_is_said_digit_by_digit():
    assert syllables.number_words("7" * 10_000) == ["seven"] * 10_000
    assert syllables.number_words("1" * 19 + ".5")[-3:] == ["one", "point", "five"]
    # the longest number said as one, as before
    assert syllables.number_words("123456789012345678")[:4] == ["one", "hundred", "twenty",
                                                                "three"]
    page = "---\naudienceLevel: patient\n---\n\n| The tumor" + "1" * 100_000 + "\n"
    result = Linter(choices=Choices(cache=False)).lint_text(page, "number.md")
    assert result.error is None and not result.notices  # no rule failed on it


def test_a_term_takes_at_most_twelve_words_before_its_hard_word():
    name = "amyotrophic lateral sclerosis"
    assert undefined_jargon._whole_term(name, name.index("sclerosis"), len(name)) == \
        (0, len(name))
    # a word longer than the 40 characters looked at is not cut into the term
    long_word = "x " + "a" * 60 + " cholecystectomy"
    start, end = undefined_jargon._whole_term(long_word, long_word.index("chole"),
                                              len(long_word))
    assert long_word[start:end] == "cholecystectomy"
    run = " ".join(["cholecystectomy"] * 40)
    start, end = undefined_jargon._whole_term(run, len(run) - len("cholecystectomy"), len(run))
    assert end == len(run) and len(run[start:end].split()) == 13
    # a page of rare words that each stand alone ("genesab-"), after small words: each term
    # is short, not the whole run before it (each a walk back over all: 16 KB took 6 s)
    page = "---\naudienceLevel: patient\n---\n\n1. Drugs called" + "the are" * 3_000 + \
        "ab- genes" * 3_000 + "\n"
    result = Linter(choices=Choices(cache=False)).lint_text(page, "rare-run.md")
    assert result.error is None and not result.notices
    jargon = [p for p in result.problems if p.rule == "undefined-jargon"]
    assert jargon and all(len(p.message) < 400 for p in jargon)


def test_a_long_question_heading_is_read_once_for_its_words():
    words = [f"word{n}" for n in range(20_000)]
    page = parse("## What is " + " ".join(words) + "?\n\nBody text.\n")
    # each term asked about is compared with the heading by size first (each a pass over the
    # whole heading before: 20,000 words 29 s)
    assert not any(nearby.under_own_heading(page, 1, w) for w in words)
    short = parse("## What is prognosis?\n\nThe prognosis is good.\n")
    assert nearby.under_own_heading(short, 1, "prognosis")


def first_over_every_span(spans, start, end):
    """`blocks.Spans.first_over` as glossary-link's uses read it before: every span tried in
    order."""
    return next((span for span in spans if span.start < end and start < span.end), None)


SPAN = st.tuples(st.integers(0, 40), st.integers(0, 6)).map(lambda s: Link(s[0], s[0] + s[1],
                                                                             "/x", 0, 0))


@given(st.lists(SPAN, max_size=8), st.integers(0, 45), st.integers(0, 8), st.booleans())
def test_the_spans_over_a_place(spans, start, length, in_order):
    if in_order:  # as a block's links stand: in order, none over another
        spans = sorted({s.start: s for s in spans}.values())
        spans = [s for i, s in enumerate(spans) if all(t.end <= s.start for t in spans[:i])]
    end = start + length
    found = Spans(spans)
    assert found.first_over(start, end) == first_over_every_span(spans, start, end)
    # what undefined-jargon and sentence difficulty ask: is the place linked, or in a term?
    assert found.touches(start, end) == any(s.start < end and start < s.end for s in spans)
    assert found.holds(start, end) == any(s.start <= start and end <= s.end for s in spans)


def test_a_paragraph_of_many_linked_terms_is_read_once_for_each():
    text = " and ".join(f"[chemotherapy](/p/{i}) biopsy" for i in range(4_000)) + ".\n"
    page = parse("---\naudienceLevel: patient\n---\n\n" + text)
    find = glossary_sets.matcher_for(("nci-cancer-terms",)).find
    uses = list(linkpractice.glossary_uses(page, find))
    # each linked term has its own link, each plain one none (each use looked for its link
    # through every link of the paragraph before: 8,000 links 8 s)
    assert sum(use.link is not None for use in uses) == 4_000
    assert all(use.link is None or use.block.text[use.link.start:use.link.end] ==
               "chemotherapy" for use in uses)


def test_a_page_of_one_sentence_is_not_searched_again_for_each_term():
    # one line with no full stop: each term looked for its next use, and for a bracket it
    # stands in, through the rest of the page (one line of 2.5 MB: 14 s, now 8 s)
    text = "the tumor " * 50_000 + "mitosis (cell division) is slow"
    start = text.index("mitosis")
    assert not nearby.explained_at_next_use(text, 0, len("the tumor"))
    # a use a moment later, explained in brackets, still counts
    near = ("Cells copy their chromosomes during mitosis. It blocks cell growth by stopping "
            "mitosis (cell division).")
    assert nearby.explained_at_next_use(near, near.index("mitosis"), near.index("mitosis") + 7)
    assert linkpractice._opening_parenthesis(text, start) == -1
    assert linkpractice._opening_parenthesis(text, text.index("cell")) == text.index("(")


def called_there_every_place(text: str, term: str, begin: int = 0) -> bool:
    """`nearby._called_there` as it read before: every place the term stands after `begin`,
    each asked whether "called" and three words stand right before it."""
    lowered, where = wordforms.case_folded(text), wordforms.case_folded(term)
    at = lowered.find(where, begin)
    while at >= 0:
        if not lowered[at + len(where):at + len(where) + 1].isalnum() and \
                nearby._CALLED_JUST_BEFORE.search(text, max(begin, at - 120), at):
            return True
        at = lowered.find(where, at + 1)
    return False


CALLED_PIECES = st.sampled_from(("called", "Called", "known as", "referred to as", "recalled",
                                 "the", "a", "an", "tube", "filter", "dialyzer", "Dialyzer",
                                 "dialyzers", "İzmir", ".", ","))


@given(st.lists(CALLED_PIECES, max_size=16), st.sampled_from(" \n"),
       st.integers(min_value=0, max_value=80), st.sampled_from(("dialyzer", "the dialyzer")))
@example(["the", "tube", "filter", "dialyzer", "called", "a", "dialyzer"], " ", 0, "dialyzer")
@example(["İzmir", "the", "tube", "filter", "called", "the", "dialyzer"], " ", 0, "dialyzer")
def test_a_name_given_with_called_is_found_at_the_places_after_called(pieces, space, begin,
                                                                       term):
    text = space.join(pieces)
    assert nearby._called_there(text, term, begin) == \
        called_there_every_place(text, term, begin)


def test_a_long_paragraph_is_not_read_again_for_each_term_named_later():
    # each term of a paragraph asked whether the rest of it names the term with "called" (a
    # paragraph of 200 KB and 3,000 terms: 1.3 s when the rest was read for each)
    text = "The patient had xerostomia with ichthyosis. " * 3_000 + \
        "A dry mouth is also called xerostomia."
    ends = [m.end() for m in re.finditer("xerostomia", text)]
    assert all(nearby.called_later(text, end, "xerostomia") for end in ends[:-1])
    assert not nearby.called_later(text, ends[-1], "xerostomia")
    assert not nearby.called_later(text, 0, "ichthyosis")


@given(texts(" ", "\u00a0", ",", "and ", "or ", "x", "the", ".", "(", "\n", "Term"),
       st.integers(min_value=0, max_value=40))
@example("x, y, and Term, z", 10)
@example("Term, x, y", 0)
def test_a_series_found_without_reading_past_the_comma_it_needs(text, at):
    """`_in_series` asks its patterns only where a comma allows a series; its answer is the
    patterns' own, read over the whole text after the term (texts shorter than the 1,000
    characters it reads on for the series' next comma)."""
    start = min(at, len(text))
    end = min(len(text), start + 4)
    before = text[max(0, start - 200):start]
    plain = jargon_model._SERIES_BEFORE.search(before) is not None or \
        jargon_model._SERIES_AROUND.search(before) is not None and text[end:end + 1] == "," or \
        jargon_model._SERIES_AFTER.match(text, end) is not None and "," in text[end:end + 2]
    assert jargon_model._in_series(text, start, end) == plain


def test_a_series_needs_its_next_comma_within_reach():
    reach = jargon_model._SERIES_REACH
    for gap, series in ((reach - 20, True), (reach + 20, False)):
        text = "Term, and " + "x" * gap + ", y"
        assert jargon_model._in_series(text, 0, 4) is series
    assert jargon_model._in_series("x, y, and Term, z", 10, 14)


@given(texts(" ", "\t", "\u00a0", "\u2003", ".", ":", "x", "\n", "?"),
       st.integers(min_value=0, max_value=40))
def test_the_mark_before_a_term(text, at):
    start = min(at, len(text))
    assert jargon_model._mark_before(text, start) == text[:start].rstrip()[-1:]


@given(texts(" ", "x", "Xy", "xY", "\u017f", "s", "S", "(", " is ", "\u0130", "i"),
       st.sampled_from(["xy", "Xy", "s", "si", "xys"]), st.integers(min_value=0, max_value=30))
@example("Xy (a)", "xy", 0)
@example("\u017f is", "s", 0)
def test_a_term_said_again_is_found_as_the_whole_pattern_finds_it(text, term, after):
    """The quick look for the term in plain letters answers as the pattern does."""
    after = min(after, len(text))
    pattern = re.compile(r"\b" + re.escape(term) + r"\b", re.I)
    plain = any(jargon_model._SAID_AGAIN_AFTER.match(text, m.end())
                for m in pattern.finditer(text, after, after + jargon_model._AGAIN_WITHIN))
    assert jargon_model._said_again_after(text, after, term) == plain
