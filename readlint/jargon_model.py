"""How sure undefined-jargon can be that a term it found is one an editor would want explained.

The rule's tests (rarity, word form, explanations nearby) find terms; many they find are words
readers know or terms the page explains in a way no pattern names. Editors who read the rule's
flags in context, blind, left verdicts on about two thousand of them
(benchmarks/hand-check/); a logistic model over the features below, fitted on those verdicts
by tools/learn_jargon_model.py, gives each new flag the chance that an editor would agree.
The rule's `min_confidence` option hides flags below a chance (off by default: the model
separates right from wrong flags well in lists and tables, less well in running prose, where
the cross-validated figures in data/jargon-model.json show what each setting keeps). The model
and where it came from are in that file; without it (a readlint whose data was not rebuilt)
every flag is kept.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from . import logistic
from .blocks import Block
from .document import Document
from .hardness import family_zipf
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
    "list_item",
    "in_series",  # one of a run of three or more things named in a sentence ("X, Y, and Z")
    "table_cell",
    "sign_list",  # a list of signs with their frequency, flattened into a paragraph
    "block_words",  # words in its paragraph or list item (log)
    "page_uses",  # how often the page uses it (log)
    "in_title",  # a word of the page's title
    "bracket_after",  # "(" just after it
    "verb_after",  # "is", "are", "means", ... or a comma just after it
    "said_again",  # used again a little further on, with a bracket or "is" after it
    "block_terms",  # other terms found in the same paragraph (log)
    "page_terms",  # terms found on the page (log)
)

_WORD = lazy_re(r"[^\W_]+")
_SIGNS = lazy_re(r"\d%")
_VERB_AFTER = lazy_re(r"[*_\]\)]*\s*(?:,|:|\u2014|\u2013| -| is\b| are\b| was\b| were\b|"
                      r" means\b| refers\b| describes\b| occurs\b| happens\b)")
_BRACKET_AFTER = lazy_re(r"[*_\]]*\s*\(")
_SAID_AGAIN_AFTER = lazy_re(r"\s*(?:\(|,? (?:is|are|means|refers to|occurs|happens)\b)")
_AGAIN_WITHIN = 1500  # characters after the term's first use


class Use(NamedTuple):
    """One term found by undefined-jargon, as the features see it."""

    text: str  # the term as written
    start: int  # where it stands in the block's text
    end: int
    abbreviation: bool
    in_glossary: bool


def features(doc: Document, block: Block, use: Use, block_terms: int, page_terms: int
             ) -> list[float]:
    """The values of FEATURES for one use."""
    words = _WORD.findall(use.text) or [use.text]
    rarest = min(words, key=word_zipf)
    zipf = word_zipf(rarest)
    plain = fold(rarest)
    pages, explained = explained_counts(plain)
    text = block.text
    first = words[0]
    capital = not use.abbreviation and first[:1].isupper() and use.start > 0 and \
        text[:use.start].rstrip()[-1:] not in (".", ":", "!", "?", "")
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
        float(block.kind == "list_item"),
        float(_in_series(text, use.start, use.end)),
        float(block.kind in ("table_cell", "table")),
        float(len(_SIGNS.findall(text)) >= 3),
        math.log1p(len(_WORD.findall(text))),
        math.log1p(_page_uses(doc, rarest)),
        float(fold(rarest) in topic),
        float(_BRACKET_AFTER.match(text, use.end) is not None),
        float(_VERB_AFTER.match(text, use.end) is not None),
        float(_said_again(doc, block, use)),
        math.log1p(block_terms),
        math.log1p(page_terms),
    ]


_SERIES_BEFORE = lazy_re(r"[^.;:()]*,[^,.;:()]*,\s*(?:and\s+|or\s+)?$")
_SERIES_AFTER = lazy_re(r"\s*,(?!\s*(?:a|an|the|which|who|that)\b)[^,.;:()]*,|"
                        r"\s*,?\s+(?:and|or)\s+[^,.;:()]+,")
_SERIES_AROUND = lazy_re(r",\s*(?:and\s+|or\s+)?$")


def _in_series(text: str, start: int, end: int) -> bool:
    """Does the term stand in a run of three or more things named in one sentence, with
    commas ("hypertension, psoriasis, and infertility")?"""
    before = text[max(0, start - 200):start]
    return _SERIES_BEFORE.search(before) is not None or \
        _SERIES_AROUND.search(before) is not None and text[end:end + 1] == "," or \
        _SERIES_AFTER.match(text, end) is not None and "," in text[end:end + 2]


def _title_words(doc: Document) -> frozenset[str]:
    title = str(doc.metadata.get("title") or "")
    words: frozenset[str] = doc.memo(("jargon-model title", title),
                                     lambda: frozenset(fold(w) for w in _WORD.findall(title)))
    return words


def _lower_source(doc: Document) -> str:
    lower: str = doc.memo("jargon-model lower source", doc.source.lower)
    return lower


def _page_uses(doc: Document, word: str) -> int:
    low = word.lower()
    return len(re.findall(r"\b" + re.escape(low), _lower_source(doc))) if low else 0


def _said_again(doc: Document, block: Block, use: Use) -> bool:
    """Is the term used again a little further on with a bracket or "is" after it (an
    explanation at its second use)?"""
    source = _lower_source(doc)
    after = block.source_offset(use.end - 1) + 1
    pattern = re.compile(r"\b" + re.escape(use.text.lower()) + r"\b")
    for found in pattern.finditer(source, after, after + _AGAIN_WITHIN):
        if _SAID_AGAIN_AFTER.match(source, found.end()):
            return True
    return False


class JargonModel(NamedTuple):
    """A logistic model over FEATURES: the chance an editor would keep a flag."""

    weights: tuple[float, ...]
    intercept: float

    def chance(self, values: Sequence[float]) -> float:
        return logistic.chance(self.intercept, self.weights, values)


MODEL_PATH = Path(__file__).resolve().parent / "data" / "jargon-model.json"


@cache
def model() -> JargonModel | None:
    """The bundled model, or None when it is missing or not for these features."""
    try:
        data: Mapping[str, Any] = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if tuple(data.get("features", ())) != FEATURES:
        return None
    return JargonModel(tuple(float(w) for w in data["weights"]), float(data["intercept"]))
