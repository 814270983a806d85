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


def stock_keys(sentence: Sentence, topic: AbstractSet[str]) -> tuple[str, ...]:
    """The keys a sentence is known by in the list of stock sentences: its `stock_key`, and,
    when the page's topic is among its words, its key as written too. A sentence a site
    repeats word for word is stock on every page, its topic's or not: the NINDS mission
    sentence ("... the National Institute of Neurological Disorders and Stroke ...") on a
    page about stroke."""
    texts = [word.text for word in sentence.words]
    folded = list(map(fold, texts)) if topic else []
    plain = _digest(" ".join(texts).lower())
    if topic.isdisjoint(folded):
        return (plain,)  # (most sentences: none of the topic's words)
    return _masked(texts, folded, topic), plain


def is_stock(sentence: Sentence, topic: AbstractSet[str]) -> bool:
    """Is the sentence one of the stock sentences readlint knows (three words or more)?"""
    if len(sentence.words) < 3:
        return False
    known = stock_sentences()
    return bool(known) and any(key in known for key in stock_keys(sentence, topic))


def stock_key(sentence: Sentence, topic: AbstractSet[str]) -> str:
    """A short digest of a sentence's words, case left out and the page's topic (the words
    of its title) as one mark: the same stock sentence ("The Human Phenotype Ontology
    provides the following list of signs and symptoms for Hard skin syndrome Parana type.")
    gives the same key on every page of a site."""
    return stock_keys(sentence, topic)[0]


def _masked(texts: list[str], folded: list[str], topic: AbstractSet[str]) -> str:
    """The key of the words with each run of the topic's words as one mark."""
    words: list[str] = []
    for text, form in zip(texts, folded, strict=True):
        if form in topic:
            if not words or words[-1] != "*":
                words.append("*")
        else:
            words.append(text.lower())
    return _digest(" ".join(words))


def _digest(joined: str) -> str:
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
