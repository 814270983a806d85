"""Sentences and words on real patient text."""

from __future__ import annotations

import pytest
from helpers import SEED, dedent

from readlint import document
from readlint.prose import sentence_spans, words


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text, expected", [
    # Titles and degrees never end a sentence before a name or a comma.
    ("The thrombocytopenia was managed, Dr. Blackwell noted. More women had side effects.",
     ["The thrombocytopenia was managed, Dr. Blackwell noted.", "More women had side effects."]),
    ("“T-DM1 really works,” said Louis Weiner, M.D., of Georgetown. Research is needed.",
     ["“T-DM1 really works,” said Louis Weiner, M.D., of Georgetown.", "Research is needed."]),
    # Decimals and drug codes.
    ("Survival with T-DM1 was 9.6 months, compared with 6.4 months. It was 30.9 months later.",
     ["Survival with T-DM1 was 9.6 months, compared with 6.4 months.",
      "It was 30.9 months later."]),
    # U.S. inside a sentence, and at its end before a usual opener.
    ("Cancer is common in the U.S. Department of Health data show it. It is common in the U.S. "
     "The rate is falling.",
     ["Cancer is common in the U.S. Department of Health data show it.",
      "It is common in the U.S.", "The rate is falling."]),
    ("Eat fruit, e.g. apples, and vegetables, i.e. greens. Rest vs. exercise is a choice.",
     ["Eat fruit, e.g. apples, and vegetables, i.e. greens.", "Rest vs. exercise is a choice."]),
    ("Published online Oct. 1, 2012, in the journal. Results held.",
     ["Published online Oct. 1, 2012, in the journal.", "Results held."]),
    ("John F. Kennedy spoke. The cancer is stage I. The tumor is small.",
     ["John F. Kennedy spoke.", "The cancer is stage I.", "The tumor is small."]),
    # Parentheses and quotes stay with their sentence.
    ("It was reported at ASCO. (The results were published Oct. 1, 2012.) Doctors agreed.",
     ["It was reported at ASCO.", "(The results were published Oct. 1, 2012.)",
      "Doctors agreed."]),
    ("She said, “Ask your doctor.” Then she left.",
     ["She said, “Ask your doctor.”", "Then she left."]),
    ("Is it cancer? Not always! Ask... Then wait.",
     ["Is it cancer?", "Not always!", "Ask...", "Then wait."]),
    ("Wait... and see.", ["Wait... and see."]),
    ("No. 5 is next.", ["No. 5 is next."]),
])
def test_sentence_splitting(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("HER2-positive T-DM1 9.6 3,000 U.S. don't 50%",
     ["HER2-positive", "T-DM1", "9.6", "3,000", "U.S", "don't", "50"]),
    ("capecitabine-lapatinib (Tykerb®) — trastuzumab",
     ["capecitabine-lapatinib", "Tykerb", "trastuzumab"]),
    ("the patient’s care -- and rest", ["the", "patient’s", "care", "and", "rest"]),
])
def test_words(text, expected):
    assert [w.text for w in words(text)] == expected


def test_headings_and_list_items_are_their_own_sentences():
    doc = document.parse(dedent("""
        # Treatment options
        Surgery is one option

        - Chemotherapy
        - Radiation therapy
        - Watchful waiting. Your doctor checks you often

        | Drug | Use |
        |---|---|
        | Xeloda | breast cancer |
        """))
    assert [s.text for s in doc.sentences] == [
        "Treatment options", "Surgery is one option", "Chemotherapy", "Radiation therapy",
        "Watchful waiting.", "Your doctor checks you often", "Drug", "Use", "Xeloda",
        "breast cancer",
    ]


def test_seed_sentences_start_where_the_file_says():
    doc = document.load(SEED)
    starts = [doc.position(s.source_start) for s in doc.sentences]
    assert (37, 432) in starts  # "However, with additional follow up time ..."
    assert (39, 335) in starts  # "The thrombocytopenia was effectively managed ..."
    assert len(doc.sentences) == 18  # 2 headings, then 1+1+3+1+1+1+4+2+2 by paragraph
    longest = max(doc.sentences, key=lambda s: len(s.words))
    assert longest.text.startswith("However, with additional follow up time")
    assert len(longest.words) == 43


def test_footnote_number_after_a_full_stop_ends_the_sentence_and_is_not_a_word():
    text = "MEN1 is rare, occurring in about one in 30,000 people.1 The disorder affects both."
    assert sentences(text) == ["MEN1 is rare, occurring in about one in 30,000 people.",
                               "The disorder affects both."]
    assert [w.text for w in words("people.1 v2.0 U.S. 9.6")] == ["people", "1", "v2.0", "U.S",
                                                                "9.6"]


@pytest.mark.parametrize("text, expected", [
    # NINDS and GARD pages lost the space between sentences (147 places in the corpora).
    ("Children may have trouble with balance.CP affects muscle tone. It is not progressive.",
     ["Children may have trouble with balance.", "CP affects muscle tone.",
      "It is not progressive."]),
    ("How is it treated?More is known now.", ["How is it treated?", "More is known now."]),
    # Not a lost space: abbreviations, addresses and a site's name stay whole.
    ("See e.g.The Lancet for it.", ["See e.g.The Lancet for it."]),
    ("Call the U.S.Government office.", ["Call the U.S.Government office."]),
    ("Visit www.Smokefree.gov for help.", ["Visit www.Smokefree.gov for help."]),
    ("Read more on cancer.Net today.", ["Read more on cancer.Net today."]),
    ("Go to /cgi-bin/idx?SID=4 for the list.", ["Go to /cgi-bin/idx?SID=4 for the list."]),
    ("See Smith et al.Lancet for details.", ["See Smith et al.Lancet for details."]),
])
def test_sentences_run_together_without_a_space_are_two(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_word_stops_where_a_run_together_sentence_ends() -> None:
    doc = document.parse("---\ntitle: CP\n---\nTrouble with balance.CP affects tone.\n", "p.md")
    assert [[w.text for w in s.words] for s in doc.sentences if s.block.kind != "heading"] == \
        [["Trouble", "with", "balance"], ["CP", "affects", "tone"]]


def test_text_with_no_space_is_split_in_linear_time():
    import time

    began = time.monotonic()
    sentence_spans("(ab.C" * 40_000)  # quadratic, this took about 7 s
    assert time.monotonic() - began < 2


def test_a_sentence_ends_after_its_marks_of_references():
    # cancer.gov's summaries for professionals: "survive into adulthood.[1] The therapies"
    text = ("Most children are expected to survive into adulthood.[1] The therapies can also "
            "harm.[2,3] Others do not.[4-6]")
    assert sentences(text) == ["Most children are expected to survive into adulthood.[1]",
                               "The therapies can also harm.[2,3]", "Others do not.[4-6]"]
    doc = document.parse(text + "\n", "doc.md")
    assert [[w.text for w in s.words] for s in doc.sentences][1] == [
        "The", "therapies", "can", "also", "harm"]


def test_a_reference_between_two_sentences_of_a_nih_page_splits_them():
    # GARD's pages put the number of their source after the full stop
    text = ("Graded exercise therapy can help because a lack of exercise may worsen the symptoms "
            "and should be discouraged.[9440] Gradual introduction of regular exercise may "
            "reduce fatigue.")
    first, second = sentences(text)
    assert first.endswith("discouraged.[9440]") and second.startswith("Gradual")


def test_a_web_address_written_out_is_no_word_of_its_sentence():
    doc = document.parse(
        "Visit https://www.cancer.gov/about-cancer or www.nih.gov for more.\n\n"
        "Our Editorial Boards are independent of NCI.](/publications/pdq/editorial-boards)\n",
        "doc.md")
    assert [[w.text for w in s.words] for s in doc.sentences] == [
        ["Visit", "or", "for", "more"], ["Our", "Editorial", "Boards", "are", "independent",
                                         "of", "NCI"]]
