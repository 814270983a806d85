"""How hard each sentence is to read: a score from 0 (plain) to 100 (hard) with its reasons in
plain words ("9 of its 31 words are long ("hepatotoxicity", ...); 31 words; two
abbreviations ("QT", "PK")"), and, from the sentences, a score for each section and for the
page.

A sentence is scored on what readlint already reads in it, all counted offline:
- its words, and its long words (three syllables or more), but not names inside it
  ("National Institute of ..."), nor the name of the page's subject (its title's words, two
  or more in a row); abbreviations count as long words by the letters read out, and are
  named as abbreviations, never as long words;
- words not on the Dale-Chall list of familiar words, and rare words (wordfreq's Zipf scale);
- terms a reader may not know (hardness.hard_term: the answer undefined-jargon and
  glossary-link give, before undefined-jargon's `min_confidence` hides a few) that are
  neither linked there nor explained at their first use nor linked or explained earlier on
  the page; terms explained or linked in the sentence count
  apart, and the page's own subject (its title's words) does not count;
- abbreviations not in everyday use, not where they are spelled out ("confidence interval
  (CI)"), nor once the page has spelled them out, linked them or put them in its title
  ("UI" on "Urinary Incontinence in Children"), nor where they name a gene ("the KRAS and
  BRAF genes");
- numbers, and statistics (confidence intervals, odds and hazard ratios, p values, ...).
  Names and labels written with digits or numerals are words and nothing more: gene names
  and drug codes ("WNT5A", "T-DM1"), subtype labels and karyotypes ("IIIa", "46,XX"),
  telephone numbers, and numbers that name a chromosome, a type or a stage ("chromosome 21",
  "HPV types 16 and 18");
- passive verbs ("was given"), and nouns made from verbs ("administration", "assessment");
- clauses: "which", "who" and "whose" clauses, "although", "whereas" and the like,
  semicolons and colons, commas;
- asides in brackets.
Marks of references ("[3,4]") are not read: neither their numbers nor their brackets.

The counts are weighed by a logistic model (readlint/data/sentence-difficulty.json, fitted by
tools/fit_sentence_difficulty.py on sentences of technical texts and of their plain versions)
and the score is 100 times its chance, so 50 is a sentence as likely to come from a text for
professionals as from one for the public. Counts the fit found no use for weigh nothing: they
are counted for fitting, and a check leaves them at 0. docs/readability.md gives the weights
and how well the score tells plain from technical texts. Everything is deterministic: the
same sentence on the same page always gets the same score.

A section's and the page's score is the mean of their sentences' scores, each sentence
weighed by its words, over prose (paragraphs, list items, quotes; not headings or table
cells) outside the sections about the page (references, disclaimers, "About this summary").
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from . import nearby
from .blocks import Block, Link, Spans
from .document import Document
from .explanations import explained
from .glossary_sets import block_matches
from .hardness import DEFAULT_LIMITS, Limits, hard_term
from .patterns import lazy_re
from .prose import CITATION, WORD, Sentence, Word
from .readability import familiar_words, is_familiar
from .stock import stock_key, stock_sentences
from .syllables import default_counter
from .termmatch import Match
from .vocabulary import (
    EVERYDAY_ABBREVIATIONS,
    SKIP_SECTIONS,
    WORDS_REMEMBERED,
    is_acronym,
    other_language,
    word_zipf,
    zipf,
)
from .wordforms import fold, page_title, topic_words

# What the model weighs, in the order of its weights: the counts of a sentence (Counts), but
# for long words their share of its words.
FEATURES = ("words", "long_word_share", "unfamiliar", "rare", "terms", "explained_terms",
            "abbreviations", "numbers", "statistics", "passive", "nominalisations",
            "which_clauses", "other_clauses", "semicolons", "commas", "brackets")

MODEL_PATH = Path(__file__).resolve().parent / "data" / "sentence-difficulty.json"

# Blocks whose sentences are prose; headings and table cells are labels.
PROSE_KINDS = frozenset({"paragraph", "list_item", "blockquote"})
# Sections about the page rather than its subject, left out of section and page scores.
ADMINISTRATIVE: tuple[str, ...] = (*SKIP_SECTIONS["default"], "latest updates to this summary*",
                                   "changes to this summary*")
# The long words of a sentence shorter than this are counted as a share of this many words.
SHORT = 10
# A word is rare below this Zipf frequency (under one use in a million words).
RARE_ZIPF = 3.0


class Counts(NamedTuple):
    """What makes a sentence hard, counted (see FEATURES)."""

    words: int = 0
    long_words: int = 0  # three syllables or more
    unfamiliar: int = 0  # not on the Dale-Chall list (names and numbers are familiar)
    rare: int = 0  # words of letters under Zipf 3, names and abbreviations left out
    terms: int = 0  # terms a reader may not know, neither explained nor linked
    explained_terms: int = 0  # such terms, explained or linked in this sentence
    abbreviations: int = 0  # not in everyday use, not where they are spelled out
    numbers: int = 0
    statistics: int = 0  # confidence intervals, ratios, p values, ...
    passive: int = 0  # passive verbs: "was given", "are based"
    nominalisations: int = 0  # nouns made from verbs: "administration"
    which_clauses: int = 0  # "which", "who", "whom", "whose"
    other_clauses: int = 0  # "although", "whereas", "whether", "unless", ...
    semicolons: int = 0  # semicolons and colons inside the sentence
    commas: int = 0
    brackets: int = 0  # asides in brackets (not marks of references: "[3,4]")


class Difficulty(NamedTuple):
    """The score of one sentence of a document, with what was found in it."""

    place: int  # the sentence's place in Document.sentences
    score: float  # 0 (plain) to 100 (hard)
    counts: Counts  # those the model gives no weight are 0
    terms: tuple[str, ...]  # the terms a reader may not know, as written
    abbreviations: tuple[str, ...]
    long_words: tuple[str, ...]  # three syllables or more (not figures nor abbreviations)
    long_spoken: int = 0  # figures and abbreviations of three syllables or more, as said

    @property
    def contributions(self) -> tuple[tuple[str, float], ...]:
        """(feature, points of the linear score), the most first, only those that make the
        sentence harder: worked out again when asked (for the few sentences whose reasons are
        said) rather than kept for every sentence of the page."""
        return contributions(self.counts)

    def reasons(self, most: int = 4) -> list[str]:
        """What makes the sentence hard, in plain words, the heaviest first."""
        return reasons(self, most)


class Model(NamedTuple):
    weights: tuple[float, ...]  # in the order of FEATURES
    intercept: float
    about: str  # where the weights come from
    figures: Mapping[str, Any]  # how well they did on the pairs held out of fitting


@cache
def model() -> Model:
    """The shipped weights (readlint/data/sentence-difficulty.json)."""
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{MODEL_PATH.name} was made for other features; rebuild it with "
                         "tools/fit_sentence_difficulty.py")
    return Model(tuple(float(w) for w in data["weights"]), float(data["intercept"]),
                 str(data.get("about", "")), dict(data.get("figures", {})))


# -- counting -------------------------------------------------------------------------------

# Statistics written with their figures: "OR 4.60", "95% CI 1.5 to 2", "[HR], 0.6", "P < .05";
# a sentence without a number has none of these.
_STATISTIC_FIGURES = lazy_re(
    r"(?<=%\s)CI\b|\b(?:CIs?|ORs?|RRs?|HRs?|SDs?|SMDs?|MDs?|WMD|IQR|NNTB?|NNH|AUC|ARR|RRR|SE)"
    r"(?=[\s\]),=:]*[-−]?\d)|"
    r"\b(?:[Pp]\s*[<=>≤≥]\s*0?\.\d|[Ii]\s*(?:²|2)\s*=)|±|\b95\s*%")
# What a statistic with its figure has besides an abbreviation.
_SIGNS = lazy_re(r"[%±<>=≤≥]")
# Statistics in words.
_STATISTIC_WORDS = lazy_re(
    r"\b(?:confidence intervals?|odds ratios?|hazard ratios?|risk ratios?|rate ratios?|"
    r"relative risks?|absolute risks?|standard (?:deviations?|errors?)|mean differences?|"
    r"interquartile|statistically|heterogeneity|meta-analys[ie]s|"
    r"sensitivity and specificity|p values?)", re.I)
_PASSIVE = lazy_re(
    r"\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten)\s+(?:(?:not|also|then|often|"
    r"usually|only|still|now|always|never|rarely|[a-z]+ly)\s+){0,2}"
    r"(?:[a-z]{2,}ed|given|taken|shown|seen|done|made|found|known|thought|brought|caught|"
    r"taught|told|held|kept|left|lost|meant|met|paid|put|said|sent|set|spent|understood|"
    r"written|chosen|driven|eaten|fallen|forgotten|grown|hidden|spoken|thrown|worn|begun|"
    r"drawn|withdrawn|undergone|built|felt|dealt|heard|laid|led|sold|sought|struck|born|"
    r"borne|cut|hit|hurt|shut|spread|bound|fed|bred|read|run|broken|frozen|stolen|beaten)\b",
    re.I)
# Adjectives in -ed that follow "is" as often as any verb: not counted as passive.
_NOT_PASSIVE = frozenset("""
concerned interested tired worried scared pleased married excited bored surprised
supposed used advanced limited related tailored prepared
""".split())
_NOMINAL_ENDINGS = ("tion", "tions", "sion", "sions", "ment", "ments", "ance", "ances",
                    "ence", "ences", "ity", "ities", "ization", "izations", "isation",
                    "isations", "ness")
_WHICH = frozenset({"which", "who", "whom", "whose"})
_OTHER_CLAUSE = frozenset({"although", "though", "whereas", "whether", "unless", "whilst",
                           "whereby", "wherein", "thereby", "albeit", "notwithstanding"})
_INTRODUCED = lazy_re(r"\(\s*$")  # an abbreviation right inside an opening bracket


class _Word(NamedTuple):
    """What one word is, wherever it stands."""

    long: bool  # three syllables or more
    zipf: float  # of it or its plain form
    number: bool  # a figure (_FIGURE)
    acronym: bool
    kind: int  # 1: "which", "who", ...; 2: "although", "whereas", ...; 3: a form of "be"
    # or "get" (a passive verb may follow); 0: none of these
    titled: bool  # a capital first, not all capitals: a name, unless it starts the sentence
    lower: bool  # no capital
    label: bool  # a name or a label written with digits or numerals (_is_label): a word
    # and nothing more


_DIGIT = lazy_re(r"\d")
_BE = frozenset("am is are was were be been being get gets got gotten".split())
# A figure: digits with their separators, or a range or a telephone number ("57-60",
# "1-800-232-4636"), with a unit, an ordinal or a plural written on to them ("2,459",
# "30.9", "10mg", "2hours", "21st", "mid-1990s"), or a count joined to a word
# ("7-year-olds"). One small letter but a unit's makes a label: the arm of a chromosome
# ("11p", "7q").
_FIGURE = lazy_re(r"(?:[a-z]+-)?[\d.,]*\d(?:[-–][\d.,]*\d)*(?:[a-z]{2,}|[smhgxl]|mL)?"
                  r"(?:[-–][a-z][a-z-]*)?")
# Roman numerals of a type, a stage or a factor, with a subtype's letter ("II", "IIIa",
# "IIB", "XII"), and sex chromosomes as a karyotype writes them ("XX", "XXY").
_NUMERAL = lazy_re(r"(?=[IVX]{2}|[IVX][a-d]|I[A-C])X{0,3}(?:IX|IV|V?I{0,3})"
                   r"(?:[a-d]|(?<=I)[A-C])?|[XY]{2,4}")


# A telephone number: a label, however many figures it has ("1-800-422-6237").
_TELEPHONE = lazy_re(r"(?:1-\d{3}-|\d{3}-)?\d{3}-\d{4}")
# What follows the count of chromosomes in a karyotype ("46,XX"): the two are one label.
_KARYOTYPE = lazy_re(r",[XY]")
# What comes before a number that is a label, not a quantity: "chromosome 21", "type 2
# diabetes", "stage 3", "HPV types 6, 11, 16, and 18".
_NUMBERED = lazy_re(r"\b(?:chromosomes?|types?|stages?|grades?|phases?|class(?:es)?|"
                    r"trisomy|factors?|groups?|arms?|versions?)\s+\(?(?:\d+[A-Za-z]?\s*(?:,\s*"
                    r"(?:and\s+|or\s+)?|(?:and|or|to|through)\s+))*$", re.I)


def _numbered(text: str, start: int) -> bool:
    """Is the number at text[start] a label ("chromosome 21", "types 16 and 18")?"""
    return _NUMBERED.search(text, max(0, start - 60), start) is not None


def _is_label(text: str) -> bool:
    """Is the word a name or a label rather than a figure or an abbreviation: letters and
    digits mixed ("WNT5A", "T-DM1", "HER2", "11p11.2", "C9orf72"), a telephone number
    ("1-800-422-6237"), or roman numerals and karyotypes ("IIIa", "XXX")? A reader takes it
    in as a name; it has no plainer words."""
    if _DIGIT.search(text) is not None:
        return _FIGURE.fullmatch(text) is None or _TELEPHONE.fullmatch(text) is not None
    return _NUMERAL.fullmatch(text) is not None


@lru_cache(maxsize=WORDS_REMEMBERED)
def _word(text: str) -> _Word:
    low = text.lower()
    zipf = word_zipf(text)
    label = _is_label(text)
    number = not label and _DIGIT.search(text) is not None
    acronym = not label and low != text and is_acronym(text)
    long = not label and default_counter().count(text) >= 3
    return _Word(long, zipf, number, acronym,
                 1 if low in _WHICH else 2 if low in _OTHER_CLAUSE else 3 if low in _BE else 0,
                 text[:1].isupper() and not text.isupper(), text.islower(), label)


@lru_cache(maxsize=WORDS_REMEMBERED)
def _familiar(text: str) -> bool:
    """Is the word on the Dale-Chall list of familiar words (or a number)?"""
    return is_familiar(text, familiar_words())


def _nominal(text: str) -> bool:
    """Is the word a noun made from a verb ("administration")?"""
    return len(text) >= 7 and text.lower().endswith(_NOMINAL_ENDINGS)


@lru_cache(maxsize=WORDS_REMEMBERED)
def _hard_lower(word: str, in_glossary: bool, limits: Limits) -> bool:
    """hard_term for a word with no capital, which does not depend on where it stands."""
    return hard_term(word, False, in_glossary, "", 0, limits)


# Words with no capital that are not hard, in a glossary term or not, for each set of limits.
_EASY: dict[Limits, set[str]] = {}


# The abbreviations taken as everyday when the weights were fitted
# (data/sentence-difficulty.json). The vocabulary rules' list has grown since; the score keeps
# this one until tools/fit_sentence_difficulty.py is run again. (Its count of terms a reader
# may not know follows the rules' hardness, which has changed since the fit:
# docs/readability.md gives the figures as the score stands.)
FITTED_EVERYDAY_ABBREVIATIONS = frozenset("COVID COVID-19 TV DNA FAQ PDF ID OK USA TTY FDA"
                                          .split())


def _hard_abbreviation(word: str, text: str, start: int, limits: Limits) -> bool:
    """Is the abbreviation one the score counts as hard (as it was fitted)?"""
    upper = word.upper()
    if upper in FITTED_EVERYDAY_ABBREVIATIONS:
        return False
    if upper in EVERYDAY_ABBREVIATIONS:  # everyday to the rules since the fit: "MRI"
        return zipf(word) < limits.acronym_max_zipf
    return hard_term(word, True, False, text, start, limits)


def _statistics(body: str, figures: bool) -> int:
    """How many statistics a sentence gives (`figures`: it may have a statistic written with
    its figure: it has a number other than a reference mark and an abbreviation or a sign,
    or a "±"). Each expression is tried only where it can match."""
    low = body.lower()
    found = len(_STATISTIC_WORDS.findall(body)) if (
        "ratio" in low or "risk" in low or "interval" in low or "standard" in low or
        "differen" in low or "interquartile" in low or "statistic" in low or
        "heterogen" in low or "analys" in low or "specificity" in low or "p value" in low
    ) else 0
    if figures:
        found += len(_STATISTIC_FIGURES.findall(body))
    return found


class Found(NamedTuple):
    """A sentence's counts, with the words behind some of them."""

    counts: Counts
    terms: tuple[str, ...]  # terms a reader may not know, as written
    abbreviations: tuple[str, ...]
    long_words: tuple[str, ...]  # words of three syllables or more (not numbers nor
    # abbreviations), each once
    long_spoken: int = 0  # figures and abbreviations of three syllables or more, as said


def counts_of(doc: Document, limits: Limits = DEFAULT_LIMITS, every: bool = True,
              skip: Sequence[str] | None = ADMINISTRATIVE) -> dict[int, Found]:
    """The counts of the sentences `skip` leaves (see `chosen`), by their place in
    Document.sentences, with the terms a reader may not know and the abbreviations in them;
    worked out once. Without `every`, the counts the model gives no weight are left at 0 (a
    check needs only the score; fitting needs them all)."""
    weighed = None if every else _weighed_features()
    key = None if skip is None else tuple(skip)
    found: dict[int, Found] = doc.memo(
        ("difficulty: counts", limits, weighed, key),
        lambda: _counts_of(doc, limits, weighed, chosen(doc, skip)))
    return found


def _weighed_features() -> frozenset[str]:
    """The features the model gives a weight."""
    return frozenset(name for name, weight in zip(FEATURES, model().weights, strict=True)
                     if weight)


def chosen(doc: Document, skip: Sequence[str] | None = ADMINISTRATIVE) -> set[int]:
    """Places (in Document.sentences) of the sentences scored: those of prose (paragraphs,
    list items, quotes) outside the sections whose headings match `skip` (glob patterns; by
    default the sections about the page: references, disclaimers, "About this summary"),
    and not in a block mostly in another language (the model and its word lists are
    English: "riñones" is no term a Spanish reader may not know). With `skip` None, every
    sentence, headings and table cells too."""
    if skip is None:
        return set(range(len(doc.sentences)))
    key = tuple(skip)

    def compute() -> set[int]:
        skipped = doc.blocks_under(key) if key else set()
        blocks = doc.blocks
        foreign: dict[int, bool] = {}
        return {i for i, s in enumerate(doc.sentences)
                if blocks[s.block_index].kind in PROSE_KINDS and s.block_index not in skipped
                and not _foreign(blocks, s.block_index, foreign)}
    found: set[int] = doc.memo(("difficulty: sentences", key), compute)
    return found


def _foreign(blocks: Sequence[Block], index: int, known: dict[int, bool]) -> bool:
    """Is the block at `index` mostly in another language? (`known`: the answers so far.)"""
    found = known.get(index)
    if found is None:
        found = known[index] = other_language(blocks[index].text)
    return found


def _counts_of(doc: Document, limits: Limits, weighed: frozenset[str] | None,
               places: set[int]) -> dict[int, Found]:
    """The counts of the sentences at `places`; with `weighed`, only those named there (and
    the words, long words, terms and abbreviations, which the reasons name)."""
    wanted = _Wanted.of(weighed)
    page = _PageTerms(doc, limits)
    sentences = doc.sentences
    return {place: _count_sentence(sentences[place], page, wanted) for place in sorted(places)}


class _Wanted(NamedTuple):
    """Which of the counts the model may give no weight are counted (see counts_of)."""

    unfamiliar: bool
    rare: bool
    nominalisations: bool
    which_clauses: bool
    other_clauses: bool
    passive: bool
    statistics: bool
    semicolons: bool
    commas: bool
    brackets: bool

    @classmethod
    def of(cls, weighed: frozenset[str] | None) -> _Wanted:
        """All of them without `weighed`, else those it names."""
        return cls(*(weighed is None or name in weighed for name in cls._fields))

    @property
    def kinds(self) -> bool:
        """Are words of a kind (_Word.kind) counted?"""
        return self.which_clauses or self.other_clauses or self.passive


class _Tally:
    """What the words of one sentence come to, as they are read."""

    __slots__ = ("long", "unfamiliar", "rare", "numbers", "nominal", "which", "other", "be",
                 "figures", "capitals", "terms", "explained_terms", "abbreviations",
                 "long_words", "long_spoken")

    def __init__(self) -> None:
        self.long = self.unfamiliar = self.rare = self.numbers = self.nominal = 0
        self.which = self.other = 0
        self.be = False  # a form of "be" or "get": there may be a passive verb
        self.figures = False  # a number
        self.capitals = False  # an abbreviation
        self.terms: list[str] = []
        self.explained_terms: list[str] = []
        self.abbreviations: list[str] = []
        self.long_words: list[str] = []
        self.long_spoken = 0  # figures and abbreviations among the long words


# What a word that is not common is to a reader (_PageTerms.sort).
_EASY_WORD, _ABBREVIATION, _NEW_TERM, _EXPLAINED_TERM = range(4)


class _PageTerms:
    """The terms of a page, read sentence by sentence in page order: those explained or
    linked so far, those used so far unexplained, and the glossary matches and links of the
    block being read (found when first needed)."""

    def __init__(self, doc: Document, limits: Limits) -> None:
        self.doc = doc
        self.limits = limits
        self.matches = block_matches(doc, limits.glossaries)
        self.topic = topic_words(doc)
        self.titled: dict[str, bool] = {}  # words made only of the title's words, or not
        self.spelled = spelled_out_on(doc)
        self.known: set[str] = set()  # terms explained or linked so far on the page
        self.unexplained: set[str] = set()  # terms used so far, unexplained
        self.easy = _EASY.setdefault(limits, set())
        self.block_index = -1
        self.text = ""
        self._glossary: Spans[Match] | None = None
        self._links: Spans[Link] | None = None

    def enter(self, block_index: int) -> None:
        """Read the block at `block_index` next."""
        if block_index != self.block_index:
            self.block_index = block_index
            self.text = self.doc.blocks[block_index].text
            self._glossary = self._links = None

    def in_glossary(self, word: Word) -> bool:
        """Is the word inside a glossary term of the block?"""
        if self._glossary is None:
            self._glossary = Spans(self.matches[self.block_index])
        return self._glossary.holds(word.start, word.end)

    def linked(self, word: Word) -> bool:
        """Does a link of the block touch the word?"""
        if self._links is None:
            self._links = Spans(self.doc.blocks[self.block_index].links)
        return self._links.touches(word.start, word.end)

    def sort(self, word: Word, name: bool, acronym: bool, lower: bool) -> int:
        """What a word that is not common is: easy, a hard abbreviation, a term a reader may
        not know used for the first time unexplained, or one explained or linked here."""
        if lower:
            hard = self._hard_lower(word)
        elif acronym:  # where it stands does not matter for an abbreviation
            return _ABBREVIATION if self._hard_abbreviation(word) else _EASY_WORD
        else:
            hard = self._hard_other(word, name)
        return self._first_use(word) if hard else _EASY_WORD

    def _hard_lower(self, word: Word) -> bool:
        w = word[0]
        if w in self.easy:
            return False
        # Hard or not, in a glossary term or not? Where both answers agree, it does not
        # matter whether it is in one.
        outside = _hard_lower(w, False, self.limits)
        inside = _hard_lower(w, True, self.limits)
        if inside == outside:
            if not outside and len(self.easy) < WORDS_REMEMBERED:
                self.easy.add(w)
            return outside
        return inside if self.in_glossary(word) else outside

    def _hard_abbreviation(self, word: Word) -> bool:
        if not _hard_abbreviation(word[0], self.text, word.start, self.limits):
            return False
        # Not where it is spelled out: "confidence interval (CI)", nor where it names a gene
        # ("the KRAS, NRAS and BRAF genes").
        if _INTRODUCED.search(self.text, max(0, word.start - 3), word.start) or \
                _GENES_AFTER.match(self.text, word.end):
            return False
        # Nor once the page has spelled it out or linked it, or where it stands for the
        # page's title ("UI" on "Urinary Incontinence in Children").
        first = self.spelled.get(abbreviation_key(word[0]))
        return first is None or first > (self.block_index, word.start)

    def _hard_other(self, word: Word, name: bool) -> bool:
        if name and not self.matches[self.block_index]:
            return False  # a name: "Genentech", "Clinical Oncology"
        in_glossary = self.in_glossary(word)
        if name and not in_glossary:
            return False
        return hard_term(word[0], False, in_glossary, self.text, word.start, self.limits)

    def _first_use(self, word: Word) -> int:
        key = fold(word[0])
        if key in self.known or key in self.topic:
            return _EASY_WORD
        # Explained where it is linked, or where it is first used (writers explain a term at
        # its first use: later uses are not read for an explanation again).
        if self.linked(word) or key not in self.unexplained and \
                explained(self.text, word.start, word.end):
            self.known.add(key)
            return _EXPLAINED_TERM
        self.unexplained.add(key)
        return _NEW_TERM


# What follows an abbreviation that names a gene: "gene", or more names and then "genes"
# ("KRAS, NRAS and BRAF genes").
# (one run of spaces before each comma, "and" or "or", one after the comma: a long run of
# spaces costs time in step with it)
_GENES_AFTER = lazy_re(r"(?:\s*(?:,|(?:,\s*)?(?:and|or))\s+[*_]*[A-Z0-9][\w-]*[*_]*){0,12}"
                       r"[*_]*\s+genes?\b")
# Where a page spells an abbreviation out or says what it stands for: in brackets after the
# words ("obstructive sleep apnea (OSA)", "(called OSA)"), before words in brackets ("HPV
# (human papillomavirus)"), or after "called" or "known as".
_SPELLING = lazy_re(r"\(\s*(?:(?:also\s+)?(?:called|known\s+as)\s+)?([A-Z][\w.’'-]*)|"
                    r"\b([A-Z][\w.’'-]*)\s+\(\s*[a-z][a-z-]+\s+[a-z]|"
                    r"\b(?:called|known\s+as)\s+([A-Z][\w.’'-]*)")
_POSSESSIVE = lazy_re(r"[’']s$")
_SMALL_WORDS = frozenset("a an and the of in on for with to by or".split())


def abbreviation_key(word: str) -> str:
    """The abbreviation a word is, as it is spelled out: "GISTs" and "GIST’s" are "GIST",
    "P.A.D" is "PAD"."""
    key = _POSSESSIVE.sub("", word).replace(".", "")
    if len(key) > 2 and key.endswith("s") and key[:-1].isupper():
        key = key[:-1]
    return key


def spelled_out_on(doc: Document) -> dict[str, tuple[int, int]]:
    """The abbreviations a page spells out, links or names in its title (by
    abbreviation_key), each with where it first does so: (block index, offset in the
    block's text); (-1, -1) for the title. Headings, table cells and links count: a reader
    who has met the long form knows the short one from there on."""
    def compute() -> dict[str, tuple[int, int]]:
        found: dict[str, tuple[int, int]] = {}
        for key in _title_abbreviations(doc):
            found[key] = (-1, -1)
        for index, block in enumerate(doc.blocks):
            text = block.text
            places = [(m.start(), m.group(1) or m.group(2) or m.group(3))
                      for m in _SPELLING.finditer(text)] if "(" in text or "called" in text or \
                "known" in text else []
            for link in block.links:
                places.extend((link.start, w.group()) for w in WORD.finditer(text, link.start,
                                                                                link.end))
            for start, written in places:
                key = abbreviation_key(written)
                if key not in found and key != key.lower() and is_acronym(key):
                    found[key] = (index, start)
        return found
    spelled: dict[str, tuple[int, int]] = doc.memo("difficulty: abbreviations spelled out",
                                                  compute)
    return spelled


def _title_abbreviations(doc: Document) -> set[str]:
    """The abbreviations of the page's title (front matter, else its first heading), and the
    initials of each run of its words ("UI", "UIC" for "Urinary Incontinence in Children";
    the small words may be left out)."""
    words = re.findall(r"[^\W_]+", page_title(doc))
    found = {abbreviation_key(w) for w in words if w != w.lower() and is_acronym(w)}
    for start in range(len(words)):
        if words[start].lower() in _SMALL_WORDS:
            continue
        with_small = without_small = ""
        for word in words[start:start + 8]:
            initial = word[0].upper()
            with_small += initial
            if word.lower() not in _SMALL_WORDS:
                without_small += initial
            found.update(key for key in (with_small, without_small) if len(key) >= 2)
    return found


def _count_sentence(sentence: Sentence, page: _PageTerms, wanted: _Wanted) -> Found:
    """The counts of one sentence, the page read up to it."""
    page.enter(sentence.block_index)
    body = sentence.text
    # (a reference's numbers are not words of the sentence: prose.split_block)
    cited = len(CITATION.findall(body)) if "[" in body else 0
    tally = _Tally()
    subject = _subject_name(sentence.words, page.topic, page.titled)
    for i, word in enumerate(sentence.words):
        _count_word(word, i > 0, tally, page, wanted, i in subject)
    return Found(_counts(sentence, tally, cited, wanted), tuple(tally.terms),
                 tuple(dict.fromkeys(tally.abbreviations)), tuple(dict.fromkeys(tally.long_words)),
                 tally.long_spoken)


_PARTS = lazy_re(r"[^\W_]+")


@lru_cache(maxsize=WORDS_REMEMBERED)
def _folded_parts(text: str) -> tuple[str, ...]:
    """The word's parts (those a dash or an apostrophe joins), folded."""
    return tuple(fold(part) for part in _PARTS.findall(text))


def _subject_name(words: Sequence[Word], topic: AbstractSet[str],
                  known: dict[str, bool]) -> set[int]:
    """The places of the words that name the page's subject: two or more of its title's
    words in a row ("Primary ciliary dyskinesia occurs ..."), a word of them joined by
    hyphens ("chorea-acanthocytosis"), or the title's only word ("Schizencephaly").
    `known` remembers, for the page, whether each word is all title words."""
    if not topic:
        return set()
    titled = [known.get(word[0]) for word in words]
    if None in titled:  # words not met before on the page
        for i, yes in enumerate(titled):
            if yes is None:
                text = words[i][0]
                titled[i] = known[text] = all(part in topic for part in _folded_parts(text))
    if True not in titled:
        return set()  # (most sentences)
    return {i for i, yes in enumerate(titled)
            if yes and (len(topic) == 1 or i and titled[i - 1] or
                        i + 1 < len(titled) and titled[i + 1] or "-" in words[i].text)}


def _count_word(word: Word, inside: bool, tally: _Tally, page: _PageTerms, wanted: _Wanted,
                subject: bool = False) -> None:
    """Count one word of a sentence (`inside`: not its first word; `subject`: it names the
    page's subject, which is not a long word to change)."""
    w = word[0]
    long, zipf, number, acronym, kind, titled, lower, label = _word(w)
    if label or number and (_KARYOTYPE.match(page.text, word.end) or _numbered(page.text,
                                                                                word.start)):
        return
    name = inside and titled
    if long and not (name or subject):  # nor is a name ("National Institute of ...")
        tally.long += 1
        if not (number or acronym):  # an abbreviation is named as one when it is hard
            tally.long_words.append(w)
        else:
            tally.long_spoken += 1
    if wanted.unfamiliar and not name and not _familiar(w):
        tally.unfamiliar += 1
    if number:
        tally.numbers += 1
        tally.figures = True
        return
    if wanted.nominalisations and _nominal(w):
        tally.nominal += 1
    if kind and wanted.kinds:
        if kind == 1:
            tally.which += 1
        elif kind == 2:
            tally.other += 1
        else:
            tally.be = True
    if zipf >= 4.5 and not acronym:
        return  # common words are neither rare nor hard: spare the tests below
    tally.capitals = tally.capitals or acronym
    if wanted.rare and zipf < RARE_ZIPF and not name and not acronym:
        tally.rare += 1
    sort = page.sort(word, name, acronym, lower)
    if sort == _ABBREVIATION:
        tally.abbreviations.append(w)
    elif sort == _EXPLAINED_TERM:
        tally.explained_terms.append(w)
    elif sort == _NEW_TERM and w not in tally.terms:
        tally.terms.append(w)


def _counts(sentence: Sentence, tally: _Tally, cited: int, wanted: _Wanted) -> Counts:
    """A sentence's Counts from the tally of its words and its text (`cited`: its marks of
    references, brackets that are not asides)."""
    body = sentence.text
    return Counts(  # in the order of its fields
        len(sentence.words), tally.long, tally.unfamiliar, tally.rare, len(tally.terms),
        len(tally.explained_terms), len(tally.abbreviations), tally.numbers,
        _statistics(body, tally.figures and (tally.capitals or _SIGNS.search(body) is not None)
                    or "±" in body) if wanted.statistics else 0,
        sum(m.group().split()[-1].lower() not in _NOT_PASSIVE
            for m in _PASSIVE.finditer(body)) if tally.be and wanted.passive else 0,
        tally.nominal, tally.which if wanted.which_clauses else 0,
        tally.other if wanted.other_clauses else 0,
        body.count(";") + body.rstrip(" :").count(":") if wanted.semicolons else 0,
        body.count(",") if wanted.commas else 0,
        body.count("(") + body.count("[") - cited if wanted.brackets else 0)


# -- scoring --------------------------------------------------------------------------------


def inputs(counts: Counts) -> tuple[float, ...]:
    """What the model weighs (FEATURES) for a sentence's counts. The long words' share is of
    at least SHORT words, so that one long word does not make a short sentence hard."""
    share = counts.long_words / max(counts.words, SHORT)
    return (counts[0], share, *counts[2:])


def linear(counts: Counts, weights: Sequence[float], intercept: float) -> float:
    """The model's score before it is turned into 0 to 100."""
    return intercept + sum(w * v for w, v in zip(weights, inputs(counts), strict=True))


def to_score(value: float) -> float:
    """A linear score as 0 to 100."""
    return 100.0 / (1.0 + math.exp(-max(-30.0, min(30.0, value))))


def sentence_difficulties(doc: Document, limits: Limits = DEFAULT_LIMITS,
                          skip: Sequence[str] | None = ADMINISTRATIVE) -> list[Difficulty]:
    """The difficulty of each sentence of prose outside the sections `skip` names (with
    `skip` None, of every sentence: see `chosen`), in page order; worked out once per
    document (and per limits and sections skipped)."""
    key = None if skip is None else tuple(skip)
    found: list[Difficulty] = doc.memo(("sentence difficulty", limits, key),
                                       lambda: _score_all(doc, limits, skip))
    return found


def _score_all(doc: Document, limits: Limits, skip: Sequence[str] | None) -> list[Difficulty]:
    intercept = model().intercept
    out = []
    # the counts as counts_of(every=False) gives them, not kept on the page as well: the
    # scores hold all that is asked of them
    found = _counts_of(doc, limits, _weighed_features(), chosen(doc, skip))
    for place, (counts, terms, abbreviations, long_words, spoken) in sorted(found.items()):
        value = intercept + sum(part for _, part in contributions(counts))
        out.append(Difficulty(place, round(to_score(value), 1), counts, terms, abbreviations,
                              long_words, spoken))
    return out


def contributions(counts: Counts) -> tuple[tuple[str, float], ...]:
    """What each count of a sentence adds to its linear score (feature, points), the most
    first, only those that make it harder."""
    weights = model().weights
    share = FEATURES.index("long_word_share")
    parts = [(FEATURES[i], w * counts[i]) for i, w in enumerate(weights)
             if w and i != share and counts[i]]
    if counts.long_words and weights[share]:
        parts.append(("long_word_share",
                      weights[share] * counts.long_words / max(counts.words, SHORT)))
    parts.sort(key=lambda part: -part[1])
    return tuple(parts)


def mean_score(found: Iterable[Difficulty]) -> float | None:
    """The mean score of sentences, each weighed by its words (None: no words)."""
    total = weight = 0.0
    for item in found:
        total += item.score * item.counts.words
        weight += item.counts.words
    return round(total / weight, 1) if weight else None


def page_difficulty(doc: Document, limits: Limits = DEFAULT_LIMITS) -> float | None:
    """The page's score: the scores of its sentences of prose outside the sections about
    the page, weighed by their words (None: no such sentence)."""
    return mean_score(sentence_difficulties(doc, limits))


class SectionDifficulty(NamedTuple):
    heading: str  # "" for the text before the first heading
    block_index: int  # of the heading, or of the section's first block
    score: float | None  # None: no sentence scored (a section about the page, or no prose)
    sentences: int  # sentences scored
    hardest: int  # place of the hardest of them in Document.sentences, -1 when none


def section_difficulties(doc: Document, level: int = 2,
                         limits: Limits = DEFAULT_LIMITS) -> list[SectionDifficulty]:
    """Each section's score (sections start at headings of `level` or above), with its
    hardest sentence."""
    by_block: dict[int, list[Difficulty]] = {}
    for item in sentence_difficulties(doc, limits):
        by_block.setdefault(doc.sentences[item.place].block_index, []).append(item)
    out = []
    for section in doc.sections_at(level):
        found = [d for i in section.blocks for d in by_block.get(i, ())]
        hardest = max(found, key=lambda d: d.score).place if found else -1
        out.append(SectionDifficulty(section.heading.text if section.heading else "",
                                     section.blocks[0] if section.blocks else 0,
                                     mean_score(found), len(found), hardest))
    return out


def hardest(doc: Document, most: int = 5, limits: Limits = DEFAULT_LIMITS
            ) -> list[Difficulty]:
    """The page's hardest sentences of prose, the hardest first (ties in page order)."""
    found = sorted(sentence_difficulties(doc, limits), key=lambda d: (-d.score, d.place))
    return found[:most]


# What reports show of a page: its hardest sentences, at most REWRITE_SHOWN of them, and only
# those scoring REWRITE_FROM or more (more likely from a text for professionals than from one
# for the public): a plain page has none to show.
REWRITE_SHOWN = 5
REWRITE_FROM = 50.0


def to_rewrite(doc: Document, most: int = REWRITE_SHOWN, least: float = REWRITE_FROM,
               skip: Sequence[str] | None = ADMINISTRATIVE, limits: Limits = DEFAULT_LIMITS
               ) -> list[Difficulty]:
    """The sentences an editor would rewrite first: the page's hardest sentences of prose
    (outside the sections `skip` names) scoring `least` or more, the hardest first (ties in
    page order), leaving out those an editor would not rewrite (`set_aside`: what only
    looks like a sentence, the site's stock sentences, names of a kind the sentence gives).
    The scores are those `sentence_difficulties` worked out for the page."""
    found: list[Difficulty] = []
    for item in sorted(sentence_difficulties(doc, limits, skip),
                       key=lambda d: (-d.score, d.place)):
        if len(found) >= most or item.score < least:
            break
        if not set_aside(doc, item):
            found.append(item)
    return found


def set_aside(doc: Document, item: Difficulty) -> bool:
    """Is the scored sentence one an editor would not rewrite, however hard it scores: what
    only looks like a sentence (`not_a_sentence`: its fix is its layout), a stock sentence
    of the site, which a writer of one page cannot rewrite (`stock`), or a sentence that
    names things of a kind it gives (`names_of_a_kind`: names have no plainer words)?"""
    if not_a_sentence(doc, item.place) or names_of_a_kind(doc, item):
        return True
    known = stock_sentences()
    return bool(known) and stock_key(sentence_of(doc, item), topic_words(doc)) in known


# Where a sentence's list of names starts: after the word that introduces it ("include",
# "are", "such as", "contains the drugs").
_LIST_LEAD = lazy_re(r"\b(?:include[sd]?|including|are|were|such\s+as|contains?|namely)\s+|"
                     r":\s*")
_LIST_ITEM_END = lazy_re(r",\s*(?:(?:and|or)\s+)?")
# Kinds of things a list of names is of ("the drugs ...", "other types of ... are ...").
_KINDS = frozenset("""
type types form forms kind kinds disorder disorders disease diseases condition conditions
syndrome syndromes cancer cancers tumor tumors tumour tumours drug drugs medication
medications medicine medicines gene genes infection infections hormone hormones enzyme
enzymes protein proteins test tests vaccine vaccines bacteria virus viruses germs therapy
therapies treatment treatments example examples procedure procedures
""".split())
# Words that say the list describes (signs, features, problems): a list to make, with its
# terms explained.
_DESCRIBED = frozenset("""
sign signs symptom symptoms feature features finding findings problem problems complication
complications abnormality abnormalities effect effects characterized characterised
""".split())


def names_of_a_kind(doc: Document, item: Difficulty) -> bool:
    """Does the sentence name things of a kind it gives, as a plain list ("This chemotherapy
    combination contains the drugs docetaxel (Taxotere), doxorubicin hydrochloride
    (Adriamycin), and cyclophosphamide.", "The other less common types of childhood liver
    cancer are hepatocellular carcinoma, ..., and fibrolamellar carcinoma.", "Bortezomib,
    carfilzomib, ixazomib, daratumumab, and elotuzumab are proteasome inhibitors ...")? Three
    names or more, each of a few words, with commas between, end it after "include", "are",
    "such as", "contains" or a colon, or open it before "are" (or two names end a frame of a
    few words: "Two examples are A and B"); its terms a reader may not know and its
    abbreviations are all among them, two or more of them or of rare words, and its other
    words say what kind of thing they are. What makes such a sentence hard is the names,
    which have no plainer words. A list held together by semicolons, or whose items say more
    than a name, is a sentence to rewrite (a list to make), and so is one whose list says what
    something is like (signs, features, problems)."""
    text = sentence_of(doc, item).text.rstrip(" .")
    named = item.terms + item.abbreviations
    if ";" in text:
        return False
    found = _names_ending(text) or _names_opening(text)
    if found is None:
        return False
    start, end, kind = found
    # two names or more that are terms or abbreviations, or rare words (names the sentence
    # has already said the kind of: "the drugs cyclophosphamide, ...")
    rare = {w for w in re.findall(r"[A-Za-z][\w-]*", text[start:end]) if word_zipf(w) < 3.0}
    if len(named) + len(rare - set(named)) < 2:
        return False
    rest = text[:start] + " " + text[end:]
    said = {w.lower() for w in re.findall(r"[A-Za-z]+", kind)}
    if said & _DESCRIBED or not said & _KINDS and \
            len(re.findall(r"[A-Za-z]+", rest)) > _PLAIN_FRAME:
        return False
    # the names are what makes it hard: its terms and abbreviations are all among them
    return all(re.search(rf"\b{re.escape(word)}\b", rest) is None for word in named)


# The words around names that need not say their kind, the sentence being a short frame for
# them ("Two examples are thrombotic thrombocytopenic purpura (TTP) and disseminated
# intravascular coagulation (DIC).", "Other ASDs include: classic autism, Rett syndrome,
# ...").
_PLAIN_FRAME = 5


def _short_names(text: str, places: Sequence[int], end: int) -> bool:
    """Are the names starting at `places`, the last ending at `end`, three or more, each of a
    few words (and at most one aside in brackets)?"""
    if len(places) < 3:
        return False
    for at, stop in zip(places, [*places[1:], end], strict=True):
        name = _LIST_ITEM_END.sub(" ", text[at:stop])
        if len(re.sub(r"\([^()]*\)", "", name).split()) > 6 or name.count("(") > 1:
            return False
    return True


def _names_ending(text: str) -> tuple[int, int, str] | None:
    """Where the names that end the sentence start and end, and the words up to the first of
    them ("Associated genetic disorders include abetalipoproteinemia, ..."); None when it
    does not end in names."""
    # the lead-in: the last before the first comma, or right after it ("other types of
    # antidepressants, such as duloxetine (Cymbalta), ...")
    first = text.find(",")
    first = len(text) if first < 0 else first
    leads = [m for m in _LIST_LEAD.finditer(text) if m.start() <= first + 2]
    if not leads:
        return None
    start = leads[-1].end()
    comma = text.find(",", start)
    if comma < 0:  # two names: "... include A and B", "... are A (X) or B (Y)"
        two = _two_names(text, start)
        return (start, len(text), text[:start]) if two is not None and all(
            len(re.sub(r"\([^()]*\)", "", name).split()) <= 6 for name in two) \
            else None
    places = [start, *(m.end() for m in _LIST_ITEM_END.finditer(text, comma))]
    return (start, len(text), text[:comma]) if _short_names(text, places, len(text)) else None


# A run of spaces (of any kind: " \u00a0 \u00a0 ..." too) that a pattern reading names could
# share out in too many ways.
LONG_SPACE = lazy_re(r"\s{100}")
_JOINING_WORD = lazy_re(r"(?<=\s)(?:and|or)(?=\s)")


def _two_names(text: str, start: int) -> tuple[str, str] | None:
    """The two names text[start:] is, joined by the first "and" or "or" with spaces around it
    that leaves a name on each side ("A and B", "A (X) or B (Y)"), with no comma or semicolon;
    else None. (As `([^,;]+?)\\s+(?:and|or)\\s+([^,;]+)` would fullmatch, read in one pass:
    that pattern tried every way of sharing a long run of spaces.)"""
    if "," in text[start:] or ";" in text[start:]:
        return None
    for joining in _JOINING_WORD.finditer(text, start):
        at, after = joining.start(), joining.end()
        before = len(text[:at].rstrip())  # where the spaces before the word start
        first_end = max(before, start + 1)
        if first_end < at and len(text) - after >= 2:
            rest = text[after:]
            spaces = len(rest) - len(rest.lstrip())
            return text[start:first_end], rest[min(spaces, len(rest) - 1):]
    return None


# Names that open a sentence, before "are" or "is" ("Bortezomib, carfilzomib, ..., and
# elotuzumab are proteasome inhibitors ..."). Each name runs up to its comma, spaces and all,
# so the pattern reads a sentence of many commas in one pass (spaces that either a name or
# the comma could take made it try every way of sharing them: hours for 40 commas).
_NAMES_OPENING = lazy_re(r"(?:[^,;()]+(?:\([^()]*\)[^,;()]*)?,){2,}\s*(?:(?:and|or)\s+)?"
                         r"[^,;()]+?(?:\s*\([^()]*\))?(?=\s+(?:are|is|were)\s)")


def _names_opening(text: str) -> tuple[int, int, str] | None:
    """Where the names that open the sentence end, and the words after them; None when it
    does not open with names (nor when it holds a run of 100 spaces of any kind, which the
    pattern's last name could start after any of: its time grows as the cube of the run)."""
    if LONG_SPACE.search(text):
        return None
    m = _NAMES_OPENING.match(text)
    if m is None:
        return None
    places = [0, *(c.end() for c in _LIST_ITEM_END.finditer(text, 0, m.end()))]
    return (0, m.end(), text[m.end():]) if _short_names(text, places, m.end()) else None


# -- reasons --------------------------------------------------------------------------------

_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _number(n: int) -> str:
    return _SMALL[n] if n < len(_SMALL) else str(n)


def _quoted(items: Sequence[str], most: int = 3) -> str:
    shown = ", ".join(f"\"{t}\"" for t in items[:most])
    return shown + (", ..." if len(items) > most else "")


def _plural(n: int, one: str, many: str) -> str:
    return f"{_number(n)} {one if n == 1 else many}"


# Below these counts a feature is not worth naming as a reason, whatever its weight.
_MENTION_FROM = {"words": 21, "long_word_share": 4, "unfamiliar": 4, "rare": 2, "numbers": 3,
                 "commas": 3, "nominalisations": 2}


def reasons(item: Difficulty, most: int = 4) -> list[str]:
    """What makes the sentence hard, in plain words, the heaviest first: what weighs most
    always, the rest when there is enough of it to name."""
    c = item.counts
    out = []
    for rank, (name, _) in enumerate(item.contributions):
        count = getattr(c, "long_words" if name == "long_word_share" else name)
        if rank and count < _MENTION_FROM.get(name, 1):
            continue
        said = _reason(name, item)
        if said:
            out.append(said)
        if len(out) >= most:
            break
    return out


def _reason(name: str, item: Difficulty) -> str:
    c = item.counts
    if name == "long_word_share":
        # numbers and abbreviations are long as they are said ("2,201", "CVA"): their number
        # is given, so that a count larger than the words named is not a puzzle ("7 of its 10
        # words are long ("survivors", "developed", "cerebrovascular"; four numbers or
        # abbreviations)"); the count is of uses, the words named each once
        shown = [_quoted(item.long_words)] if item.long_words else []
        if item.long_spoken:
            shown.append(_plural(item.long_spoken, "number or abbreviation",
                                 "numbers or abbreviations"))
        examples = f" ({'; '.join(shown)})" if shown else ""
        if c.words == 1:
            return "its one word is long" + examples
        verb = "is" if c.long_words == 1 else "are"
        return f"{c.long_words} of its {c.words} words {verb} long{examples}"
    n = getattr(c, name)
    if name == "words":
        return f"{_plural(n, 'word', 'words')}" if n < 10 else f"{n:,} words"
    if name == "terms":
        return _plural(n, "term", "terms") + f" a reader may not know ({_quoted(item.terms)})"
    if name == "explained_terms":
        return _plural(n, "new term", "new terms") + " to learn, though explained"
    if name == "abbreviations":
        return _plural(len(item.abbreviations), "abbreviation", "abbreviations") + \
            f" ({_quoted(item.abbreviations)})"
    if name == "unfamiliar":
        return f"{_plural(n, 'word', 'words')} not on the Dale-Chall list of familiar words"
    if name == "rare":
        return f"{_plural(n, 'rare word', 'rare words')}"
    if name == "numbers":
        return f"{_plural(n, 'number', 'numbers')}"
    if name == "statistics":
        return f"{_plural(n, 'statistical term', 'statistical terms')}"
    if name == "passive":
        return f"{_plural(n, 'passive verb', 'passive verbs')} (\"was given\": say who does it)"
    if name == "nominalisations":
        return (f"{_plural(n, 'noun', 'nouns')} made from verbs (\"administration\": say "
                "\"give\")")
    if name == "which_clauses":
        return f"{_plural(n, 'clause', 'clauses')} with \"which\" or \"who\""
    if name == "other_clauses":
        return f"{_plural(n, 'clause', 'clauses')} with \"although\", \"whereas\" or the like"
    if name == "semicolons":
        return f"{_plural(n, 'semicolon or colon', 'semicolons or colons')} joining parts"
    if name == "commas":
        return f"{_plural(n, 'comma', 'commas')}"
    if name == "brackets":
        return f"{_plural(n, 'aside', 'asides')} in brackets"
    return ""


def describe(item: Difficulty) -> str:
    """"difficulty 84 of 100: 3 terms a reader may not know (...); 31 words"."""
    said = reasons(item)
    return f"difficulty {item.score:.0f} of 100" + (": " + "; ".join(said) if said else "")


def text_difficulties(text: str, limits: Limits = DEFAULT_LIMITS,
                      skip: Sequence[str] | None = ADMINISTRATIVE) -> list[Difficulty]:
    """The difficulty of the sentences of a text (Markdown), for tools and benchmarks."""
    from .document import parse

    return sentence_difficulties(parse(text), limits, skip)


# Signs that a "sentence" is a table, a key or a list run into the text: items after " - "
# ("Bone pain - Fracture - ..."), a figure then a capital ("Hypertonia 90% Incoordination"),
# keys ("1 = Well established 2 = ..."), and a word then a capital with nothing between
# ("Dental abnormalities Fundic gland or adenomatous polyps of the stomach Adenomatous").
_DASHED = lazy_re(r"\s[-–—]\s")
_FIGURE_THEN_CAPITAL = lazy_re(r"\d%?\s+[A-Z][a-z]")
_KEY = lazy_re(r"\s=\s")
_WORD_THEN_CAPITAL = lazy_re(r"(?:\b([A-Za-z][a-z-]*[a-z])|[)\d])\s+"
                             r"(?=([A-Z][a-z][A-Za-z-]*)\b)")
# Figures one after another with nothing but spaces between: the rows of a table ("150 8 11
# 175 9 12").
_FIGURE_RUN = lazy_re(r"(?<![\w.,])\d(?:[\d.,]*\d)?%?(?:\s+\d(?:[\d.,]*\d)?%?){2,}(?![\w.,]*\w)")
# A list's lead-in then its first item ("include: Blood disorders"), and a sentence run into
# the next where prose.py cannot tell the end: a space before the full stop ("aggressive
# .Though"), a reference mark after it with no space before the next ("discouraged.[9440]Gradual";
# with a space, prose.py ends the sentence there). (With no space after the stop, "the
# elderly.Phosphate", they are two sentences already.)
_LEAD_IN = lazy_re(r":\s*\[?\s*[A-Z]")
_NO_SPACE = lazy_re(r"[a-z]{2}\s?\.(?:\[\d*\]?\s*)?[A-Z][a-z]|\b[A-Z]{2,}s?\.\s+[A-Z][a-z]")
# A file a link leads to: the sentence is the link's title ("... Rickettsial Diseases (PDF –
# 982kb; 3 pages)").
_FILE = lazy_re(r"\(PDF\b")
# Codes each with its name in brackets and no comma between: a table run together
# ("IFITM5 (type V) SERPINF1 (type VI) CRTAP (type VII) ...").
_CODE_BETWEEN = lazy_re(r"\)\s+[A-Z][A-Za-z0-9-]*\s+\(")
# A full stop then a small letter: list items run together ("or knee. hyperuricemia -- ...").
_STOP_THEN_SMALL = lazy_re(r"(?:\b[A-Za-z][a-z]{2,}|\))\.\s+[a-z]")
_NOT_AN_END = frozenset("etc approx vs al fig figs no nos ref refs".split())
# Words that start a sentence: after a word with no full stop, two sentences run together.
_OPENERS = frozenset("The This These Those There They It Its In For If When You Your We Our "
                     "Most Many Some Other Learn Read See Talk Ask Call Although However "
                     "Because While".split())
# Words a name often follows in a sentence ("with Down syndrome", "in Japan", "said Smith").
_BEFORE_NAMES = frozenset("""
a an the of and or for in on at to by from with without into as than like about after before
between among during under over near called named known dubbed said says told wrote including
include includes such versus vs via per dear professor doctor
""".split())


def not_a_sentence(doc: Document, place: int) -> bool:
    """Is the sentence at `place` (in Document.sentences) something else run into the
    text: a table, a key or a list whose items have lost their marks (after their lead-in,
    or the page's own list items again), two sentences with no full stop or no space
    between, a name or a title (an outside resource in a list of links), a heading written
    as a question, or a list item that is only names with links ("[Iclusig (Ponatinib
    Hydrochloride)]")? Its score is not that of a sentence to rewrite: the fix is its
    layout."""
    sentence = doc.sentences[place]
    block = doc.blocks[sentence.block_index]
    text = sentence.text
    words = len(sentence.words)
    if words < 6:
        return False
    items = len(_DASHED.findall(text)) + len(_FIGURE_THEN_CAPITAL.findall(text))
    if items >= 3 or len(_KEY.findall(text)) >= 3 or \
            len(_FIGURE_THEN_CAPITAL.findall(text)) >= 2:
        return True
    runs = [len(m.group().split()) for m in _FIGURE_RUN.finditer(text)]
    if len(runs) >= 2 or runs and runs[0] >= 4:
        return True  # a table of figures: "... in pounds** 150 8 11 175 9 12 200 10 14 ..."
    if 2 * sum(_DIGIT.search(word.text) is not None for word in sentence.words) >= words:
        return True  # figures more than words: a reference ("2007 Jun 28;356(26):2700-3.")
    if _NO_SPACE.search(text) or _FILE.search(text) or nearby.resource_title(block):
        return True  # "... the elderly.Phosphate ...", "... be discouraged.[9440] Gradual
        # ...", "... of EDS. Two classes ...", "... Report Form (PDF – 982kb)", "Genetic
        # Testing Registry: ..."
    if len(_CODE_BETWEEN.findall(text)) >= 3 or _heading_run_in(sentence) or \
            _label_run_in(text):
        return True  # "Monoclonal Gammopathy of Undetermined Significance Treatment of
        # monoclonal gammopathy of undetermined significance (MGUS) is ..."
    lead_in = _LEAD_IN.search(text)
    joins = after_lead_in = 0
    for m in _WORD_THEN_CAPITAL.finditer(text):
        before = m.group(1)
        if before is not None and before.lower() in _BEFORE_NAMES:
            continue
        if m.group(2) in _OPENERS:
            return True  # "... deficiency These resources from MedlinePlus offer ..."
        if before is None or before.islower():
            joins += 1
            after_lead_in += lead_in is not None and m.start() > lead_in.start()
    if joins >= 3 and joins * 12 >= words or after_lead_in:
        return True  # "... may include: Blood disorders ... to clot Spasms in the ..."
    if _repeats_list_items(doc, sentence):
        return True  # "... also has P.A.D. high blood pressure high blood cholesterol ..."
    if text.endswith("?") and _restates_title(doc, sentence):
        return True  # a heading written as a question: "How might X be treated?"
    if any(text[m.start():m.end()].split(".")[0].lower().strip("(") not in _NOT_AN_END
           for m in _STOP_THEN_SMALL.finditer(text)):
        return True  # "... ankle, or knee. hyperuricemia -- high levels ..."
    capitals = sum(1 for word in sentence.words if word.text[:1].isupper())
    if capitals * 5 >= words * 3:
        return True  # a name or a title: "NIH: National Institute of Diabetes and ..."
    linked = sum(min(link.end, sentence.end) - max(link.start, sentence.start)
                 for link in block.links
                 if link.start < sentence.end and sentence.start < link.end)
    return block.kind == "list_item" and 2 * linked >= len(text)


def _heading_run_in(sentence: Sentence) -> bool:
    """Does the sentence start with a heading in capitals that its text then says again in
    small letters right after it ("Monoclonal Gammopathy of Undetermined Significance
    Treatment of monoclonal gammopathy of undetermined significance (MGUS) is usually
    watchful waiting.")?"""
    words = sentence.words
    run = 0
    while run < len(words) and (words[run].text[:1].isupper() or
                                words[run].text in _SMALL_WORDS and run + 1 < len(words) and
                                words[run + 1].text[:1].isupper()):
        run += 1
    if run < 3 or sum(w.text[:1].isupper() for w in words[:run]) < 3:
        return False
    # its first three words or more said again in small letters right after it, or after one
    # word ("Treatment of ..."); any longer part said again starts with the first three
    first_three = " ".join(w.text for w in words[:3]).lower()
    if any(" ".join(w.text for w in words[after:]).startswith(first_three)
           for after in (run, run + 1)):
        return True
    # or the sentence starts again with it, as sentences start ("Pyogenic Granuloma Pyogenic
    # granuloma is also called ...")
    same = _prefix_said_again([w.text.lower() for w in words])
    return any(2 * length <= len(words) and not words[2 * length - 1].text[:1].isupper() and
               same[length] >= length for length in range(2, run))


def _prefix_said_again(items: list[str]) -> list[int]:
    """For each place i, how many items from i on are the list's first items again
    (items[i:i + n] == items[:n]), all worked out in one pass (the "Z algorithm"); comparing
    the slices for each place cost the square of a long list's length."""
    size = len(items)
    same = [0] * (size + 1)
    same[0] = size
    left = right = 0  # the furthest run found so far: items[left:right] == items[:right - left]
    for i in range(1, size):
        n = min(right - i, same[i - left]) if i < right else 0
        while i + n < size and items[n] == items[i + n]:
            n += 1
        same[i] = n
        if i + n > right:
            left, right = i, i + n
    return same


_LABEL = lazy_re(r"([^:.;]{3,60}):\s+")


def _label_run_in(text: str) -> bool:
    """Does the sentence start with a label that its text then starts with again ("Laser
    therapy: Laser therapy is a type of ...")? The label is a heading, or a term of a list
    of terms and their meanings."""
    m = _LABEL.match(text)
    return m is not None and text[m.end():].lower().startswith(m.group(1).lower() + " ")


def _list_items(doc: Document) -> dict[str, list[tuple[str, int]]]:
    """The texts of the page's list items of two words or more, in small letters without
    their end marks, each with the block it is, by their first word."""
    def compute() -> dict[str, list[tuple[str, int]]]:
        found: dict[str, int] = {}
        for index, block in enumerate(doc.blocks):
            if block.kind == "list_item":
                item = " ".join(block.text.lower().strip(" .;:,").split())
                if " " in item:
                    found.setdefault(item, index)
        by_first: dict[str, list[tuple[str, int]]] = {}
        for item, index in found.items():
            by_first.setdefault(item.split(" ", 1)[0], []).append((item, index))
        return by_first
    items: dict[str, list[tuple[str, int]]] = doc.memo("difficulty: list items", compute)
    return items


def _repeats_list_items(doc: Document, sentence: Sentence) -> bool:
    """Does the sentence hold two of the page's other list items one after the other with
    nothing but a space or a full stop between ("... also has P.A.D. high blood pressure high
    blood cholesterol coronary heart disease (CHD) ...")? The list was run into the text.
    Each item counts where it first stands as a whole (no letter or digit touching it);
    the items looked for at a place are those whose first word is written there, so a page
    of many list items is not read again for each sentence."""
    items = _list_items(doc)
    if not items:
        return False
    text = " ".join(sentence.text.lower().split())
    found: dict[str, tuple[int, int]] = {}
    for at in range(len(text)):
        if at and text[at - 1].isalnum():
            continue
        space = text.find(" ", at)
        if space < 0:
            break  # every item has a space in it
        for item, index in items.get(text[at:space], ()):
            end = at + len(item)
            if item not in found and index != sentence.block_index and \
                    text.startswith(item, at) and (end == len(text) or not text[end].isalnum()):
                found[item] = (at, end)
    places = sorted(found.values())
    return any(_RUN_ON_GAP.fullmatch(text, a[1], b[0]) is not None
               for a, b in itertools.pairwise(places))


_RUN_ON_GAP = lazy_re(r"\.? ")
# Words a question asks with: with the page's title words, all a heading written as a
# question has ("How might hemochromatosis be treated?").
_QUESTION_WORDS = frozenset("""
what who how why when where which is are can could do does did may might should will would
be been the a an of to for in on with from and or causes cause caused treated treat treatment
diagnosed diagnosis inherited symptoms signs prevented outlook prognosis
""".split())


def _restates_title(doc: Document, sentence: Sentence) -> bool:
    """Is the question made of the page's title words and the words a question asks with
    ("Is non-classic congenital adrenal hyperplasia due to 21-hydroxylase deficiency
    inherited?" on the page of that name)?"""
    topic = topic_words(doc)
    other = [w.text for w in sentence.words
             if w.text.lower() not in _QUESTION_WORDS and fold(w.text) not in topic]
    return len(other) <= 2


def sentence_of(doc: Document, item: Difficulty) -> Sentence:
    """The sentence of the page a score is of."""
    return doc.sentences[item.place]


def difficulty_at(doc: Document, offset: int, limits: Limits = DEFAULT_LIMITS,
                  skip: Sequence[str] | None = ADMINISTRATIVE) -> Difficulty | None:
    """The difficulty of the sentence at a character offset of the file (for an editor's
    hover), any sentence, headings and table cells too; None where there is no prose, and in
    a block mostly in another language (the model is English). A sentence of prose outside
    the sections `skip` names (those hard-sentence skips) gets the score the rule and the
    report give it."""
    found = doc.block_at(offset)
    if found is None or other_language(doc.blocks[found[0]].text):
        return None
    block_index, at = found
    place = next((i for i, sentence in enumerate(doc.sentences)
                  if sentence.block_index == block_index and sentence.start <= at < sentence.end),
                 None)
    if place is None:
        return None
    for asked in (skip, None) if skip is not None else (None,):
        if asked is not None and place not in chosen(doc, asked):
            continue
        item = next((d for d in sentence_difficulties(doc, limits, asked) if d.place == place),
                    None)
        if item is not None:
            return item
    return None
