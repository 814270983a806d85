"""How sure undefined-jargon can be that a term it found is one an editor would want explained.

The rule's tests (rarity, word form, explanations nearby) find terms; many they find are words
readers know or terms the page explains in a way no pattern names. Readers who judged the
rule's flags in context, blind, as a health editor would, left verdicts on about two thousand of
them (benchmarks/hand-check/); a logistic model over the features below and the words around
the term, fitted on the verdicts in running prose by tools/learn_jargon_model.py, gives each
new flag there the chance that an editor would keep it.
The rule's `min_confidence` option hides terms in running prose below a chance. The rule sets
use 0.2: cross-validated, that hides about one prose flag in twelve, four in five of them wrong
(read blind, 6 of 60 it hid were right), and none of the terms cancer.gov's editors explain in
place that the rules find; higher floors hide more wrong flags but also clear terms. In lists,
tables and lists of signs, where readers judged nine in ten flags right, and for misspellings,
every flag is shown. The model, its cross-validated figures and where it came from are in
data/jargon-model.json; without it (a readlint whose data was not rebuilt) every flag is shown.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from . import logistic
from .blocks import Block
from .document import Document
from .hardness import family_zipf
from .own_words import flattened_signs
from .patterns import lazy_re
from .vocabulary import explained_counts, health_word, is_medical_form, word_zipf
from .wordforms import fold

FEATURES = (
    "zipf",  # Zipf frequency in English of the term's rarest word
    "zipf_under_2",  # ... and how far below 2 it is
    "family_zipf",  # the Zipf frequency of its most common written form
    "letters",  # the length of its longest word, in tens of letters
    "abbreviation",
    "several_words",
    "capital",  # a word with a capital inside a sentence (not an abbreviation)
    "medical_form",  # a word built the medical way (-itis, hyper-, ...)
    "health_word",  # health pages use it far more often than English does
    "in_glossary",  # inside a term of the glossaries
    "writers_explain",  # the share of pages whose writers explain it at first use
    "pages_using",  # on how many pages writers used it first in prose (log)
    "in_series",  # one of a run of three or more things named in a sentence ("X, Y, and Z")
    "in_title",  # a word of the page's title
    "bracket_after",  # "(" just after it
    "verb_after",  # "is", "are", "means", ... or a comma just after it
    "said_again",  # used again a little further on, with a bracket or "is" after it
)
# (Nothing that grows with the page: counts of its words, terms or uses weighed a term on a
# page of a sentence or two far from the pages the model was fitted on.)

_WORD = lazy_re(r"[^\W_]+")
_VERB_AFTER = lazy_re(r"[*_\]\)]*\s*(?:,|:|\u2014|\u2013| -| is\b| are\b| was\b| were\b|"
                      r" means\b| refers\b| describes\b| occurs\b| happens\b)")
_BRACKET_AFTER = lazy_re(r"[*_\]]*\s*\(")
_SAID_AGAIN_AFTER = lazy_re(r"\s*(?:\(|,? (?:is|are|means|refers to|occurs|happens)\b)", re.I)
_AGAIN_WITHIN = 1500  # characters after the term's first use


def in_prose(block: Block) -> bool:
    """Is the block running prose: a paragraph, not a list item, a table cell, nor a list of
    signs with their frequencies flattened into a paragraph ("Seizures 90% Hypotonia 50% ...",
    GARD's tables as MedQuAD keeps them)? The model weighs terms in prose only: elsewhere the
    rule's flags are nearly all right."""
    return block.kind == "paragraph" and not flattened_signs(block)


def context(text: str, start: int, end: int) -> list[str]:
    """The words around a use, as the model's context tokens: the last four words in the 60
    characters before it ("before:gene"), the first three in the 40 after ("after:is"), the
    word just before and just after, and the term's last three and four letters ("ends:ine")."""
    before = _LOWER_WORD.findall(text[max(0, start - 60):start].lower())[-4:]
    after = _LOWER_WORD.findall(text[end:end + 40].lower())[:3]
    term = text[start:end].lower()
    return [*(f"before:{w}" for w in before), *(f"after:{w}" for w in after),
            f"just before:{before[-1] if before else ''}",
            f"just after:{after[0] if after else ''}",
            f"ends:{term[-3:]}", f"ends:{term[-4:]}"]


_LOWER_WORD = lazy_re(r"[a-z]+")


class Use(NamedTuple):
    """One term found by undefined-jargon, as the features see it."""

    text: str  # the term as written
    start: int  # where it stands in the block's text
    end: int
    abbreviation: bool
    in_glossary: bool


class Seen(NamedTuple):
    """What the model reads of one use: the values of FEATURES and the context tokens."""

    values: list[float]
    tokens: list[str]


def seen(doc: Document, block: Block, use: Use) -> Seen:
    """What the model reads of one use in running prose."""
    return Seen(features(doc, block, use),
                context(block.text, use.start, use.end))


def features(doc: Document, block: Block, use: Use) -> list[float]:
    """The values of FEATURES for one use."""
    words = _WORD.findall(use.text) or [use.text]
    rarest = min(words, key=word_zipf)
    zipf = word_zipf(rarest)
    plain = fold(rarest)
    pages, explained = explained_counts(plain)
    text = block.text
    first = words[0]
    capital = not use.abbreviation and first[:1].isupper() and \
        _mark_before(text, use.start) not in (".", ":", "!", "?", "")
    topic = _title_words(doc)
    return [
        zipf,
        max(0.0, 2.0 - zipf),
        family_zipf(rarest),
        max(len(w) for w in words) / 10,
        float(use.abbreviation),
        float(len(words) > 1),
        float(capital),
        float(any(is_medical_form(w) for w in words)),
        float(health_word(plain)),
        float(use.in_glossary),
        (explained + 0.5) / (pages + 2),
        math.log1p(pages),
        float(_in_series(text, use.start, use.end)),
        float(fold(rarest) in topic),
        float(_BRACKET_AFTER.match(text, use.end) is not None),
        float(_VERB_AFTER.match(text, use.end) is not None),
        float(_said_again(doc, block, use)),
    ]


_SERIES_BEFORE = lazy_re(r"[^.;:()]*,[^,.;:()]*,\s*(?:and\s+|or\s+)?$")
# (its runs of spaces written so that one space can be read one way only: "\s*,?\s+" cost the
# square of a long run's length)
_SERIES_AFTER = lazy_re(r"\s*,(?!\s*(?:a|an|the|which|who|that)\b)[^,.;:()]*,|"
                        r"(?:\s*,)?\s+(?:and|or)\s[^,.;:()]+,")
_SERIES_AROUND = lazy_re(r",\s*(?:and\s+|or\s+)?$")


_SERIES_REACH = 1000  # characters after the term in which the series' next comma is looked for


def _mark_before(text: str, start: int) -> str:
    """The last character before `start` that is not a space ("" at the text's start), found
    without copying the text before it (a paragraph of many terms would be copied for each)."""
    at = start - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return text[at] if at >= 0 else ""


def _in_series(text: str, start: int, end: int) -> bool:
    """Does the term stand in a run of three or more things named in one sentence, with
    commas ("hypertension, psoriasis, and infertility")?"""
    before = text[max(0, start - 200):start]
    if "," not in before and "," not in text[end:end + 2]:
        return False  # (every way of standing in a series has a comma there)
    return before.count(",") >= 2 and _SERIES_BEFORE.search(before) is not None or \
        _SERIES_AROUND.search(before) is not None and text[end:end + 1] == "," or \
        "," in text[end:end + 2] and _SERIES_AFTER.match(text, end, end + _SERIES_REACH) is not None


def _title_words(doc: Document) -> frozenset[str]:
    title = str(doc.metadata.get("title") or "")
    words: frozenset[str] = doc.memo(("jargon-model title", title),
                                     lambda: frozenset(fold(w) for w in _WORD.findall(title)))
    return words


def _said_again(doc: Document, block: Block, use: Use) -> bool:
    """Is the term used again a little further on with a bracket or "is" after it (an
    explanation at its second use)?"""
    return _said_again_after(doc.source, block.source_offset(use.end - 1) + 1, use.text)


def _said_again_after(source: str, after: int, term: str) -> bool:
    """Is the term used again as a whole word, in any case, within `_AGAIN_WITHIN` characters
    of `after`, with a bracket or "is" after it?"""
    window = source[after:after + _AGAIN_WITHIN]
    if term.isascii() and window.isascii() and term.lower() not in window.lower():
        return False  # (in plain letters, a use ignoring case is the same as one in lower case)
    for found in _whole_word(term).finditer(source, after, after + _AGAIN_WITHIN):
        if _SAID_AGAIN_AFTER.match(source, found.end()):
            return True
    return False


@lru_cache(maxsize=4096)
def _whole_word(term: str) -> re.Pattern[str]:
    """The term as a whole word, in any case (each kept: pages of a site share their terms)."""
    return re.compile(r"\b" + re.escape(term) + r"\b", re.I)


class JargonModel(NamedTuple):
    """A logistic model over FEATURES and context tokens: the chance an editor would keep a
    flag in running prose."""

    weights: tuple[float, ...]
    intercept: float
    tokens: Mapping[str, float]  # context token -> its weight (tokens not here weigh 0)

    def chance(self, use: Seen) -> float:
        found = self.tokens
        return logistic.chance(self.intercept + sum(found.get(t, 0.0) for t in use.tokens),
                               self.weights, use.values)


MODEL_PATH = Path(__file__).resolve().parent / "data" / "jargon-model.json"


@cache
def model() -> JargonModel | None:
    """The bundled model, or None when it is missing or not for these features."""
    try:
        data: Mapping[str, Any] = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    try:
        weights = tuple(float(w) for w in data["weights"])
        found = JargonModel(weights, float(data["intercept"]),
                            {str(t): float(w) for t, w in data.get("tokens", {}).items()})
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # a file not written by tools/learn_jargon_model.py
    if tuple(data.get("features", ())) != FEATURES or len(weights) != len(FEATURES):
        return None
    return found
