"""English word forms: the form words are compared in (`fold`: lower case, the dictionary
form, no plural or possessive ending), the words of a page's title, and what kinds of word a
word can be (a noun, a verb, an adjective), from lemminflect's English tables."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from .document import Document
from .patterns import lazy_re
from .tables import WordTable, cached_table, package_folder

_ABBREVIATION_PLURAL = lazy_re(r"[A-Z][A-Z0-9-]*[A-Z0-9]s")


FORMS_ROOT = 7  # letters two forms of one word share, at least (by default)
FORMS_ENDING = 4  # letters each form has after what they share, at most


def forms_of_one_word(one: str, other: str, root: int = FORMS_ROOT,
                      same_kind: bool = True) -> bool:
    """Are two words (in one case) forms of one word: the same but for endings of
    FORMS_ENDING letters or fewer, after `root` letters or more ("metabolism" and
    "metabolize", "prodrome" and "prodromal", "translocated" and "translocation")? Not when
    an ending makes another disease or procedure of the root (`_OWN_ENDINGS`): "hepatoma" is
    not "hepatitis"; and, with `same_kind`, not when only one of them has such an ending:
    "lymphocytes" explain no "lymphocytosis", nor "endometrium" "endometriosis"."""
    shared = len(os.path.commonprefix((one, other)))
    if shared < root or max(len(one), len(other)) - shared > FORMS_ENDING:
        return False
    kinds = [next((kind for end, kind in _OWN_ENDINGS if w.endswith((end, end + "s"))), "")
             for w in (one, other)]
    return kinds[0] == kinds[1] if same_kind else \
        not (kinds[0] and kinds[1] and kinds[0] != kinds[1])


# Endings that make a word of their own on a root, with their adjectives ("arthritic" is
# "arthritis"'s): (ending, the word it makes).
_OWN_ENDINGS = tuple((end, kind) for kind, ends in (
    ("itis", "itis itic"), ("osis", "osis otic"), ("oma", "omatous oma"),
    ("pathy", "pathy pathic"), ("ectomy", "ectomy"), ("ostomy", "ostomy"), ("otomy", "otomy"),
    ("plasty", "plasty"), ("scopy", "scopy scopic"), ("algia", "algia algic"),
    ("trophy", "trophy trophic"), ("plasia", "plasia plastic"), ("megaly", "megaly"))
    for end in ends.split())


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """The form words are compared in: lower case, the dictionary form of an inflected word
    ("vertebrae" is "vertebra", "metastasized" is "metastasize", "ovaries" is "ovary"), a
    noun's form before a verb's ("means" stays "means", not the statistician's "mean"),
    without a possessive ending. Inflections come from lemminflect's English tables, which
    ship with it; words it does not know lose plural endings by rule."""
    if _ABBREVIATION_PLURAL.fullmatch(word):
        return word[:-1].lower()  # an abbreviation's plural: "TKIs"
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    noun, verb, _ = _lemmas(w)
    if noun or verb:
        return noun or verb
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ses", "xes", "zes", "ches", "shes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        return w[:-1]
    return w


# Besides the letters in either case, re.IGNORECASE matches "i" with "İ" and "ı", "s" with
# "ſ" and "k" with the Kelvin sign: folded to them, the lower-case text holds every word such
# a pattern could match.
_IGNORECASE_LETTERS = str.maketrans("İıſ\u212a", "iisk")


def case_folded(text: str) -> str:
    """The text in lower case, so that a plain `in`, or a pattern that does not ignore case,
    finds every word of plain letters a pattern that ignores case could match, where it
    could match it (each character stays one character, and a letter stays a letter)."""
    return text.lower() if text.isascii() else text.translate(_IGNORECASE_LETTERS).lower()


# The site's name after a title's dash: " - NCI". (Read from the start of a run of spaces
# only: tried from each space of a long run, the pattern cost the square of its length.)
_SITE_AFTER = lazy_re(r"(?<!\s)\s+[-–—|]\s+")
# What a site's name has: a short form in capitals ("NCI", "NIAMS"; not a number such as
# "IV"), or a word organisations call themselves by ("National Institute of Neurological
# Disorders and Stroke"). A title's other dashes join the parts of its subject: "Parasites -
# Babesiosis", "Ataxia - hypogonadism - choroidal dystrophy".
_SITE_NAME = lazy_re(r"(?:(?![IVXL]+\b)[A-Z]{2,}|(?:[^\W_]+\W+){0,9}?(?:Institutes?|Clinic|"
                     r"MedlinePlus|Foundation|Society|Association|Cent(?:er|re)s?|Services?|"
                     r"Organi[sz]ation|Network|Library|Hospital|University|Administration)"
                     r"(?:\W+[^\W_]+){0,9}?)\W*")


def page_title(doc: Document) -> str:
    """The page's title (front matter, else its first heading), without the site's name
    after a dash ("Anal Cancer Treatment - NCI", "Stroke | National Institute of Neurological
    Disorders and Stroke")."""
    title = str(doc.metadata.get("title") or (doc.headings[0].text if doc.headings else ""))
    # (a site's name is short: only the dashes of the title's last 200 characters are tried)
    for dash in _SITE_AFTER.finditer(title, max(0, len(title) - 200)):
        if _SITE_NAME.fullmatch(title, dash.end()):
            return title[:dash.start()]
    return title


def topic_words(doc: Document) -> set[str]:
    """The words of the page's title, folded."""
    return {fold(w) for w in re.findall(r"[^\W_]+", page_title(doc))}


def only_a_verb(word: str) -> bool:
    """Is the word known only as a verb ("diagnose", "prescribe"), never a noun or an
    adjective? A verb does not belong to a term's name."""
    return _lemmas(word.lower())[2] == "VERB"


def a_noun_not_adjective(word: str) -> bool:
    """Can the word be a noun ("surgery", "parasites") and never an adjective ("likely",
    "common", "able")?"""
    kinds = _lemmas(word.lower())[2].split(",")
    return "NOUN" in kinds and "ADJ" not in kinds


def an_english_word(word: str) -> bool:
    """Is the word (any case) one of English's own words, with a part of speech in
    lemminflect's tables ("strenuous", "hearing"), not a name ("Hodgkin", "Ewing")?"""
    return bool(_lemmas(word.lower())[2])


def can_be_verb(word: str) -> bool:
    """Can the word be a verb ("mean", "based", "prevent")?"""
    return "VERB" in _lemmas(word.lower())[2]  # the kinds: "ADJ,NOUN,VERB"


def is_plural_of(plural: str, word: str) -> bool:
    """Is the lower-case `plural` the plural of the noun `word` in lemminflect's tables
    ("neurons" of "neuron"; not "sellars" of "sellar", a name the tables do not know)?"""
    return plural != word and _lemmas(plural)[0] == word


@lru_cache(maxsize=1 << 16)  # asked again of the same words by several tests
def _lemmas(word: str) -> tuple[str, str, str]:
    """A lower-case word's dictionary form as a noun and as a verb ("" when it is not one),
    and the kinds of word it can be ("NOUN,VERB"), from lemminflect's lookup tables."""
    if not word.isalpha() or not word.isascii():
        return "", "", ""
    found = _lemma_table().get(word)
    if found is None:
        return "", "", ""
    noun, verb, kinds = found.split("|")
    return noun, verb, kinds


@cache
def _lemma_table() -> WordTable:
    return cached_table("lemmas", lemma_sources(), _lemma_rows)


def lemma_sources() -> list[Path]:
    """The files the table of dictionary forms is built from: a change to any builds it again."""
    folder = package_folder("lemminflect") / "resources"
    return [folder / "lemma_lu.csv.gz", folder / "lemma_overrides.csv", Path(__file__)]


def _lemma_rows() -> Iterator[tuple[str, str]]:
    """Every plain lower-case word lemminflect knows, as "noun|verb|kinds" (what its
    getAllLemmas gives, overrides included)."""
    from lemminflect import Lemmatizer

    lemmatizer = Lemmatizer()
    table = lemmatizer._getLemmaDict()
    overrides = lemmatizer._getOverridesDict()
    for word in {*table, *overrides}:
        if not (word.isascii() and word.isalpha() and word.islower()):
            continue
        lemmas = {**table.get(word, {}), **overrides.get(word, {})}
        if not lemmas:
            continue
        noun = lemmas["NOUN"][0] if "NOUN" in lemmas else ""
        verb = lemmas["VERB"][0] if "VERB" in lemmas else ""
        yield word, f"{noun}|{verb}|{','.join(sorted(lemmas))}"


@lru_cache(maxsize=1 << 16)
def fold_phrase(text: str) -> str:
    """A phrase in the form terms are compared in: its words folded, one space apart
    ("HER2-positive tumors" is "her2 positive tumor")."""
    return " ".join(fold(w) for w in _WORD.findall(text))


_WORD = lazy_re(r"[^\W_]+")
