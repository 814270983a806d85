"""long-sentence: input, options, expected problems at exact line:column."""

from __future__ import annotations

import pytest
from helpers import lint, positions

from readlint.config import Config

TWENTY = "Word " + " ".join(["word"] * 18) + " end."
TWENTY_ONE = "Word " + " ".join(["word"] * 19) + " end."


@pytest.mark.parametrize("text, audience, expected", [
    (TWENTY, "patient", []),
    (TWENTY_ONE, "patient", [(1, 1)]),
    (TWENTY_ONE, "professional", []),  # limit 35
    (f"Short one. {TWENTY_ONE}", "patient", [(1, 12)]),
    (f"# Title\n\n- Item one\n- {TWENTY_ONE}\n", "patient", [(4, 3)]),
    (f"---\naudienceLevel: patient\n---\n\n> {TWENTY_ONE}\n", "patient", [(5, 3)]),
    # A sentence over two lines is reported where it starts, and ends where it ends.
    ("Intro.\n\n" + " ".join(["word"] * 12) + "\n" + " ".join(["word"] * 12) + ".\n",
     "patient", [(3, 1)]),
])
def test_long_sentence_positions(text, audience, expected):
    assert positions(lint(text, select="long-sentence", audience=audience)) == expected


def test_message_gives_count_and_limit_and_span_covers_sentence():
    (problem,) = lint("Intro.\n\n" + " ".join(["word"] * 12) + "\n" + " ".join(["word"] * 12)
                      + ".\n", select="long-sentence")
    assert problem.message.startswith("This sentence has 24 words; the limit is 20.")
    assert (problem.end_line, problem.end_column) == (4, 61)
    assert problem.code == "RL102"


def test_max_words_option_from_config():
    config = Config(raw_rules={"long-sentence": {"max_words": 5}})
    assert positions(lint("One two three four five. One two three four five six.",
                          select="long-sentence", config=config)) == [(1, 26)]


def test_links_code_and_comments_do_not_add_words():
    text = ("Ask [your doctor](https://example.org/a/very/long/path/with/many/parts) about "
            "`some code that has many many many words in it` and <!-- a long hidden comment "
            "with many words in it --> rest " + " ".join(["w"] * 12) + ".")
    assert lint(text, select="long-sentence") == []


def test_the_numbers_of_references_are_not_words():
    # cancer.gov's summaries link each reference's number: 21 words and two references
    sentence = ("Approximately 5% of children undergoing myeloablative HSCT will develop "
                "osteochondroma, which most commonly presents in the metaphyseal regions of long "
                "bones.[[68](#cit/section_8.68),[72](#cit/section_8.72)]")
    (problem,) = lint(sentence + "\n", select="long-sentence")
    assert problem.message.startswith("This sentence has 21 words;")
    # 20 words and a range of references: not long
    assert lint("One two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen twenty.[3-5] Next.\n",
                select="long-sentence") == []


def test_a_table_of_signs_run_into_the_text_is_not_a_long_sentence():
    # GARD's pages as MedQuAD keeps them: the table's heading and first row run into the text
    text = ("Signs and Symptoms Approximate number of patients (when available) Ventricular "
            "fibrillation - The Human Phenotype Ontology (HPO) has collected information on how "
            "often a sign or symptom occurs in a condition.\n")
    assert lint(text, select="long-sentence") == []
    # the same words as a sentence of their own are one
    assert len(lint("The Human Phenotype Ontology (HPO) has collected information on how often "
                    "a sign or symptom occurs in a condition in many people of all ages and "
                    "places.\n", select="long-sentence")) == 1


def test_a_sentence_full_of_percentages_is_still_a_sentence():
    # a table of signs starts as GARD's do; a sentence of figures is still one to split
    text = ("In the first year, side effects were nausea (60%), tiredness (40%), hair loss "
            "(30%), diarrhea (20%), rash (10%), and mouth sores (5%) in most people.\n")
    (problem,) = lint(text, select="long-sentence")
    assert problem.message.startswith("This sentence has 25 words;")  # each figure a word
