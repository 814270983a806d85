"""Stock sentences: the sentences a site repeats on page after page ("The Human Phenotype
Ontology provides the following list of signs and symptoms for ..."), which a writer of one
page cannot rewrite. readlint knows them by a short key of their words
(data/stock-sentences.txt, found by tools/find_stock_text.py); reading-grade leaves them out
of a page's grade, and the report leaves them out of the sentences to rewrite first."""

from __future__ import annotations

import hashlib
from collections.abc import Set as AbstractSet
from functools import cache
from pathlib import Path

from .prose import Sentence
from .wordforms import fold

STOCK_PATH = Path(__file__).resolve().parent / "data" / "stock-sentences.txt"


def stock_key(sentence: Sentence, topic: AbstractSet[str]) -> str:
    """A short digest of a sentence's words, case left out and the page's topic (the words
    of its title) as one mark: the same stock sentence ("The Human Phenotype Ontology
    provides the following list of signs and symptoms for Hard skin syndrome Parana type.")
    gives the same key on every page of a site."""
    texts = [word.text for word in sentence.words]
    folded = list(map(fold, texts)) if topic else []
    if topic.isdisjoint(folded):
        joined = " ".join(texts).lower()  # (most sentences: none of the topic's words)
    else:
        words: list[str] = []
        for text, form in zip(texts, folded, strict=True):
            if form in topic:
                if not words or words[-1] != "*":
                    words.append("*")
            else:
                words.append(text.lower())
        joined = " ".join(words)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]


@cache
def stock_sentences() -> frozenset[str]:
    """The keys of the stock sentences readlint knows (data/stock-sentences.txt)."""
    try:
        text = STOCK_PATH.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(line.split("\t")[0] for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))
