"""The prose of a page as the reader meets it, the writer's own words: sentences with the
words a reader is given counted as short words (names, abbreviations, drugs, terms the page
explains, pronunciation keys), without the blocks that are not the writer's sentences (the
titles and blurbs of link cards, lists of names), tables of signs run into the text, or the
sentences many pages of a site repeat. reading-grade grades them and audience-mismatch
measures them (`own_words`)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .blocks import Block
from .document import Document
from .explanations import explainer
from .glossary_files import BUNDLED
from .glossary_sets import block_matches
from .nearby import resource_title
from .patterns import lazy_re
from .prose import (
    PRONUNCIATION_KEY,
    Sentence,
    ends_lost_link,
    is_pronunciation_key,
    spaced_pronunciation_keys,
)
from .readability import COUNTED, SHORT_WORD, UNREAD, TextStats
from .stock import stock_key, stock_sentences
from .syllables import default_counter
from .vocabulary import DRUG_ENDINGS, is_acronym, is_medical_form, word_zipf
from .wordforms import fold, topic_words

_JOINERS = frozenset("and or of with for the in on to a an &".split())


def _pronunciation_keys(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PRONUNCIATION_KEY.finditer(text)
            if is_pronunciation_key(m)] + list(spaced_pronunciation_keys(text))


def _link_card(block: Block) -> bool:
    """Is the block all link text, the title of another page ("[Targeted Therapy to Treat
    Cancer](...)"), or a link card that lost its markup, rather than the writer's sentence?"""
    linked = sum(link.end - link.start for link in block.links)
    text = block.text.strip()
    return bool(block.links) and linked >= len(text) - 2 or text == "[" or ends_lost_link(text)


def _names_only(block: Block, words: list[str]) -> bool:
    """A list item or table cell that is only names: "Mekinist (Trametinib Dimethyl
    Sulfoxide)", "Genetic Testing Registry: Familial hypokalemia"."""
    if block.kind not in ("list_item", "table_cell") or not words:
        return False
    if resource_title(block):
        return True
    return all(w[:1].isupper() or w.lower() in _JOINERS for w in words)


def _name(sentence: Sentence, i: int) -> bool:
    """Is the capitalised word inside a sentence a name ("Kawasaki", "Orphanet")? Not the
    first word, not a word built the medical way ("Hypertonia"), not a word after a number
    (rows of a table run into one sentence: "Microcephaly 50% Arrhythmia 50%")."""
    text = sentence.words[i].text
    if i == 0 or not text[:1].isupper() or is_medical_form(text):
        return False
    return not sentence.words[i - 1].text[:1].isdigit()


def _weights(sentence: Sentence, keys: list[tuple[int, int]], drugs: set[int], heading: bool,
             known: set[str], plain: dict[str, bool]) -> list[int]:
    """How TextStats counts each word of the sentence: UNREAD in a pronunciation key
    (`keys`), a SHORT_WORD when it is a name or a term the reader is given (an abbreviation,
    a drug's name or a word of one (`drugs`: where such words start), a term the page
    explains (`known`), a name inside a sentence not in a heading), else COUNTED. `plain`
    remembers, for the page, whether a word is a short word wherever it stands."""
    weights = []
    for i, word in enumerate(sentence.words):
        text, start, _ = word
        if keys and any(a <= start < b for a, b in keys):
            weights.append(UNREAD)
            continue
        short = plain.get(text)
        if short is None:
            short = plain[text] = is_acronym(text) or \
                text.lower().endswith(DRUG_ENDINGS) or fold(text) in known
        weights.append(SHORT_WORD if short or start in drugs or
                       not heading and _name(sentence, i) else COUNTED)
    return weights


def _known_terms(doc: Document, by_block: list[list[Sentence]], left_out: list[bool],
                 topic: frozenset[str], graded: set[str]) -> set[str]:
    """Terms the page explains or links anywhere (folded), and its title's words: known to
    the reader wherever they recur. Only the words of `graded` (folded: those of the
    sentences graded) are asked about; whether another word is explained changes nothing.
    A word as common as `COMMON_WORD_ZIPF` is no term a page explains: what follows it may
    read like an explanation ("However, the ...", "including a ..."), but it is counted as
    it stands."""
    count = default_counter().count
    known = set(topic)
    for index, block in enumerate(doc.blocks):
        if left_out[index]:
            continue
        for link in block.links:
            known.update(fold(w) for w in _WORD.findall(block.text[link.start:link.end]))
        ask = None  # `explained` for the block's text, when first needed
        for sentence in by_block[index]:
            for text, start, end in sentence.words:
                if count(text) >= 3 and (folded := fold(text)) not in known and \
                        folded in graded and word_zipf(text) < COMMON_WORD_ZIPF:
                    if ask is None:
                        ask = explainer(block.text)
                    if ask(start, end):
                        known.add(folded)
    return known


class OwnWords:
    """The prose of a page as reading-grade grades it: the counts of the writer's own words in
    each sentence, by block (see ReadingGrade's help)."""

    def __init__(self, doc: Document) -> None:
        drug_words: list[set[int]] = [set() for _ in doc.blocks]  # word starts in drug names
        for index, matches in enumerate(block_matches(doc, BUNDLED)):
            for match in matches:
                if any(e.glossary == "nci-drugs" for e in match.entries):
                    drug_words[index].update(range(match.start, match.end))
        by_block: list[list[Sentence]] = [doc.block_sentences(i) for i in range(len(doc.blocks))]
        topic = frozenset(w for w in topic_words(doc) if w)
        stock = stock_sentences()
        cards = [_link_card(block) for block in doc.blocks]
        prose = sum(1 for b in doc.blocks if b.kind in ("paragraph", "list_item"))
        # A landing page of link cards: its prose is the titles and blurbs of other pages.
        self.landing_page = sum(cards) >= 3 and sum(cards) >= LINK_CARDS_SHARE * max(1, prose)
        left_out = [cards[i] or block.kind != "heading" and
                    _names_only(block, [w.text for s in by_block[i] for w in s.words])
                    for i, block in enumerate(doc.blocks)]
        # the writer's sentences, stock ones too (not the blocks left out, nor tables): by
        # their place in doc.sentences
        firsts = [doc.block_sentences_start(i) for i in range(len(doc.blocks))]
        prose_at = [firsts[i] + k for i, block in enumerate(by_block) if not left_out[i]
                    for k, s in enumerate(block) if not table_of_signs(s)]
        self.prose = [doc.sentences[at] for at in prose_at]
        # (the counts of each sentence, every word counted as it is)
        self.prose_stats = TextStats.total(doc.sentence_stats[at] for at in prose_at)
        prose_places = set(prose_at)
        # The sentences graded, by block: not a table of signs, nor a stock sentence.
        graded = [[(at, sentence) for at, sentence in enumerate(by_block[index], firsts[index])
                   if at in prose_places and
                   not (len(sentence.words) >= 3 and stock_key(sentence, topic) in stock)]
                  for index in range(len(doc.blocks))]
        known = _known_terms(doc, by_block, left_out, topic,
                             {fold(w.text) for block in graded for _, s in block
                              for w in s.words})
        # Whether a word counts as a short word wherever it stands, by its text.
        plain: dict[str, bool] = {}
        self.sentences: list[list[TextStats]] = []
        for index, block in enumerate(doc.blocks):
            if not graded[index]:
                self.sentences.append([])
                continue
            keys = _pronunciation_keys(block.text)
            counted = []
            for at, sentence in graded[index]:
                weights = _weights(sentence, keys, drug_words[index],
                                   block.kind == "heading", known, plain)
                # every word counted as it is: the sentence's own counts
                stats = doc.sentence_stats[at] if weights.count(COUNTED) == len(weights) \
                    else TextStats.weighed(sentence, weights)
                if stats.sentences:
                    counted.append(stats)
            self.sentences.append(counted)

    def grade(self, blocks: Iterable[int], formulas: Sequence[str]) -> Graded:
        """The grade of these blocks' own words, and its standard error: how far the grade
        of other sentences like these would stray from it (jackknife over the sentences)."""
        each = [stats for i in blocks for stats in self.sentences[i]]
        total = sum(each, TextStats())
        grade = total.grade(formulas)
        n = len(each)
        if n < 2:
            return Graded(grade, 0.0, total.words)  # one sentence: nothing to compare
        others = [_minus(total, one).grade(formulas) for one in each]
        mean = sum(others) / n
        error = math.sqrt((n - 1) / n * sum((g - mean) ** 2 for g in others))
        return Graded(grade, error, total.words)


class Graded(NamedTuple):
    grade: float
    error: float  # standard error
    words: int


def _minus(total: TextStats, part: TextStats) -> TextStats:
    return TextStats(total.sentences - part.sentences, total.words - part.words,
                     total.syllables - part.syllables, total.polysyllables - part.polysyllables,
                     total.letters - part.letters, total.difficult_words - part.difficult_words)


LINK_CARDS_SHARE = 0.3
# Words at least this common in English (Zipf: ten uses in every 100,000 words, "however",
# "information", "individuals") are not terms a page explains (see `_known_terms`).
COMMON_WORD_ZIPF = 5.0
_WORD = lazy_re(r"[^\W_]+")


def own_words(doc: Document) -> OwnWords:
    found: OwnWords = doc.memo("reading-grade own words", lambda: OwnWords(doc))
    return found


_SIGNS = lazy_re(r"\d%")
SIGN_WORDS = 4  # words for each figure at most, in a table of signs (prose has more)
# How GARD's tables of signs begin, as MedQuAD keeps them: run into the text after its note
# on the table ("The Human Phenotype Ontology provides the following list ...").
TABLE_OF_SIGNS = "Signs and Symptoms Approximate number of patients"


def table_of_signs(sentence: Sentence) -> bool:
    """Is the "sentence" a table of signs run into the text, not a sentence: signs with how
    often they are seen ("Anonychia 90% Microcephaly 50% ..."), or GARD's table of them?"""
    text = sentence.text
    if text.startswith(TABLE_OF_SIGNS):
        return True
    signs = len(_SIGNS.findall(text))  # a sign takes a few words: "Hypoplastic toenails 90%"
    return signs >= 3 and len(sentence.words) <= SIGN_WORDS * signs


def flattened_signs(block: Block) -> bool:
    """Is the paragraph a table of signs with their frequencies flattened into one run of
    text ("Seizures 90% Hypotonia 50% ...", GARD's tables as MedQuAD keeps them, after "The
    Human Phenotype Ontology provides the following list of signs and symptoms")? It is a
    list of names, not sentences."""
    return block.kind == "paragraph" and (len(_SIGNS.findall(block.text)) >= 3 or
                                          "Human Phenotype Ontology provides" in block.text)
