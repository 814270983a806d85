"""plain-words: complex words with plain substitutes."""

from __future__ import annotations

import pytest
from helpers import lint

from readlint.config import Config


def found(text, config=None):
    return [(p.subject, p.line, p.column, p.message)
            for p in lint(text, select="plain-words", config=config)]


def test_words_and_phrases_with_their_substitutes_in_form_and_case():
    assert found("Physicians utilize tests prior to surgery. We utilized it.") == [
        ("Physicians", 1, 1, 'Use "Doctors" instead of "Physicians".'),
        ("utilize", 1, 12, 'Use "use" instead of "utilize".'),
        ("prior to", 1, 26, 'Use "before" instead of "prior to".'),
        ("utilized", 1, 47, 'Use "used" instead of "utilized".'),
    ]


def test_fix_is_offered_only_when_enabled():
    (off,) = lint("Wait prior to eating.", select="plain-words")
    assert off.fix is None
    config = Config(raw_rules={"plain-words": {"fix": True}})
    (on,) = lint("Wait prior to eating.", select="plain-words", config=config)
    assert (on.fix.start, on.fix.end, on.fix.replacement) == (5, 13, "before")


def test_project_words():
    config = Config(raw_rules={"plain-words": {"words": {"oncologist": "cancer doctor"}}})
    assert found("See an oncologist.", config) == \
        [("an oncologist", 1, 5, 'Use "a cancer doctor" instead of "an oncologist".')]


def test_word_list_sources_are_named():
    from importlib import resources
    text = (resources.files("readlint") / "data" / "plain-words.yaml").read_text("utf-8")
    assert "plainlanguage.gov" in text and "CDC" in text


def test_one_voice_per_word_the_plain_word_wins_over_the_link():
    from helpers import lint

    text = "Ask about hepatic tumors.\n"
    alone = [(p.rule, p.subject) for p in lint(text, select="glossary-link")]
    assert alone == [("glossary-link", "hepatic")]
    both = [(p.rule, p.subject) for p in lint(text, select="glossary-link,plain-words")]
    assert both == [("plain-words", "hepatic")]


def test_swaps_that_would_not_read_right_are_not_offered():
    assert found("An abdominal scan is done.") == \
        [("An abdominal", 1, 1, 'Use "A belly" instead of "An abdominal".')]
    for text in ("The oral cavity is checked.", "In addition to asking, rest.",
                 "However, rest.", "She had vulvar lesions.", "Oral Cavity Cancer is rare.",
                 "Take oral medicine."):
        assert found(text) == [], text


def test_word_list_without_plain_words_is_named_not_a_crash(tmp_path):
    from readlint.errors import ConfigError

    words = tmp_path / "words.yaml"
    words.write_text("words:\n  - {complex: utilize}\n", encoding="utf-8")
    config = Config(raw_rules={"plain-words": {"word_lists": [str(words)]}})
    with pytest.raises(ConfigError) as info:
        found("Utilize it.", config)
    assert str(info.value) == \
        f"{words}: words.0: each pair needs a 'complex' and a 'plain' word"


def test_empty_substitute_is_refused():
    from readlint.errors import ConfigError
    from readlint.linter import Linter

    with pytest.raises(ConfigError) as info:
        Linter(Config(raw_rules={"plain-words": {"words": {"utilize": ""}}}))
    assert "rules.plain-words.words.utilize" in str(info.value)
