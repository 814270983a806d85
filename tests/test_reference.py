"""Reading-grade counts against hand-counted reference passages (tests/fixtures).

The reference counter below is deliberately simple and independent of readlint: it takes the
hand segmentation, splits each sentence on white space, and looks words up in the raw CMU
dictionary file or in the passage's hand syllable table. It checks the fixture's totals; then
readlint's own counts must match those totals.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml
from helpers import dedent

from readlint import document
from readlint.readability import familiar_words
from readlint.syllables import cmu_path

FIXTURES = Path(__file__).parent / "fixtures"
PASSAGES = yaml.safe_load((FIXTURES / "reference_passages.yaml").read_text(encoding="utf-8"))
OUTER = " \"'“”‘’()[]{},.;:!?®™—–…*"


def _raw_cmu() -> dict[str, int]:
    table: dict[str, int] = {}
    with open(cmu_path(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split("#")[0].split()
            if parts and "(" not in parts[0]:
                table.setdefault(parts[0], sum(p[-1].isdigit() for p in parts[1:]))
    return table


CMU = _raw_cmu()


def reference_words(sentence: str) -> list[str]:
    out = []
    for token in sentence.split():
        token = token.strip(OUTER)
        if any(c.isalnum() for c in token):
            out.append(token)
    return out


def reference_syllables(word: str, hand: dict[str, int]) -> int:
    for form in (word, word.lower()):
        if form in hand:
            return hand[form]
    key = word.lower().replace("’", "'")
    if key in CMU:
        return CMU[key]
    if "-" in word:
        return sum(reference_syllables(part, hand) for part in word.split("-"))
    raise KeyError(f"no hand count for {word!r}")


def reference(passage: dict) -> tuple[int, int, int]:
    hand = {str(k): v for k, v in passage["hand_syllables"].items()}
    words = [w for s in passage["sentences"] for w in reference_words(s)]
    return len(passage["sentences"]), len(words), sum(reference_syllables(w, hand) for w in words)


def fk(sentences: int, words: int, syllables: int) -> float:
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p["id"])
def test_fixture_totals_follow_from_the_hand_segmentation(passage):
    sentences, words, syllables = reference(passage)
    assert (words, syllables) == (passage["words"], passage["syllables"])
    assert round(fk(sentences, words, syllables), 2) == passage["flesch_kincaid_grade"]


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p["id"])
def test_readlint_counts_match_the_hand_counts(passage):
    doc = document.parse(dedent(passage["text"]))
    got = [" ".join(s.text.split()) for s in doc.sentences]
    want = [s.replace("*", "") for s in passage["sentences"]]
    assert got == want
    stats = doc.stats
    assert (stats.sentences, stats.words, stats.syllables) == \
        (len(want), passage["words"], passage["syllables"])
    assert abs(stats.flesch_kincaid_grade - passage["flesch_kincaid_grade"]) <= 0.3


def test_smog_passage_has_30_sentences_and_matching_polysyllables():
    (passage,) = [p for p in PASSAGES if p["id"] == "niddk-smog-30-sentences"]
    hand = {str(k): v for k, v in passage["hand_syllables"].items()}
    words = [w for s in passage["sentences"] for w in reference_words(s)]
    polysyllables = sum(1 for w in words if reference_syllables(w, hand) >= 3)
    reference_smog = 1.043 * math.sqrt(polysyllables * 30 / 30) + 3.1291
    stats = document.parse(dedent(passage["text"])).stats
    assert stats.sentences == 30
    assert stats.polysyllables == polysyllables
    assert abs(stats.smog_index - reference_smog) <= 0.3


def test_dale_chall_passage_difficult_words():
    (passage,) = [p for p in PASSAGES if "difficult_words" in p]
    familiar = familiar_words()
    # The hand list is made of words that are really missing from the list.
    for word in passage["difficult_words"]:
        assert word.lower() not in familiar
    stats = document.parse(dedent(passage["text"])).stats
    assert stats.difficult_words == len(passage["difficult_words"])
    percent = len(passage["difficult_words"]) / passage["words"] * 100
    sentences = len(passage["sentences"])
    reference = 0.1579 * percent + 0.0496 * passage["words"] / sentences + \
        (3.6365 if percent > 5 else 0)
    assert round(reference, 1) == passage["dale_chall_score"]
    assert abs(stats.dale_chall_score - reference) <= 0.1
    assert stats.dale_chall_grade == 11.5  # a score of 8.0 to 8.9 reads at grades 11 to 12
