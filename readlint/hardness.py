"""Is a term one a lay reader may not know? One answer for undefined-jargon and glossary-link,
so that a term both rules see is hard or easy for both.

Hard: a word rarer than `max_zipf` in English; a word that health writers usually explain
where they use it (data/explained-terms.tsv); a glossary word rarer than Zipf 3 (fewer than one
use in a million words); a word built the medical way (-itis, -ectomy, hyper-, ...) rarer than
`medical_max_zipf`; an abbreviation rarer than `acronym_max_zipf`; a term of several words
with a hard word in it. Easy whatever their frequency: words of the body and of daily life
and the conditions everyone has heard of (data/everyday-health-words.txt: "spleen",
"multiple sclerosis"), everyday words made from everyday ones ("editorialists", "regrow"),
words a reader can take apart into a prefix and a common word ("hypermobility",
"osteoarthritis"), two words run together by a typing slip, brands written in CamelCase, names,
and glossary terms the editors use on many pages and leave plain ("epidemiology", "oncology").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import NamedTuple

from .glossary_sets import left_plain, related_to
from .patterns import lazy_re
from .vocabulary import (
    EVERYDAY_ABBREVIATIONS,
    EXPLAINED_MAX_ZIPF,
    NAME_PARTICLE,
    STOPWORDS,
    WORDS_REMEMBERED,
    everyday_compound,
    everyday_derivation,
    everyday_head,
    everyday_health,
    health_word,
    in_proper_name,
    is_medical_form,
    readable_parts,
    run_together,
    sentence_start,
    starts_table_item,
    word_zipf,
    writers_explain,
    zipf,
)
from .wordforms import an_english_word, fold, is_plural_of

# A word the glossaries have is hard only when it is rare in English too (under Zipf 3,
# fewer than one use in a million words: "pharynx", "stent", "mediastinum") or built the
# medical way: they also hold words every reader knows ("spleen", "diagnose", "recur").
GLOSSARY_ZIPF = 3.0
_BRAND = lazy_re(r"[a-z][A-Z][a-z]+")
_WORD = lazy_re(r"[^\W_]+")


class Limits(NamedTuple):
    """How rare a word must be to be hard (Zipf scale), and the glossaries in use."""

    max_zipf: float = 2.0  # any word
    medical_max_zipf: float = 4.0  # a word built the medical way
    acronym_max_zipf: float = 4.0  # an abbreviation
    glossaries: tuple[str, ...] = ("nci-cancer-terms", "nci-drugs")
    # a word health pages use far more than English does (data/health-words.tsv:
    # "autosomal", "glycogen", "ulna"); 0: not asked
    health_max_zipf: float = 0.0


# undefined-jargon's defaults, but for the words of health writing: the rule asks for them
# (its option health_max_zipf); glossary-link and sentence difficulty, which use these
# limits, do not (the difficulty score's weights were fitted without them)
DEFAULT_LIMITS = Limits()


def hard_term(term: str, acronym: bool, in_glossary: bool, text: str, start: int,
              limits: Limits = DEFAULT_LIMITS) -> bool:
    """Is text[start:start + len(term)] a term a lay reader may not know (see the module's
    docstring)? `in_glossary`: the term is (part of) a glossary term there."""
    end = start + len(term)
    if acronym:
        if term.upper() in EVERYDAY_ABBREVIATIONS or left_plain(term, limits.glossaries):
            return False  # "NIH": editors leave it plain
        one = term[:-1]
        if term.endswith("s") and one.isupper() and (one in EVERYDAY_ABBREVIATIONS or
                                                     len(one) >= 3):
            # a plural is as known as its singular: "TVs", "DVDs" (of three letters or more:
            # "ORs", odds ratios, are not "or")
            return one not in EVERYDAY_ABBREVIATIONS and \
                max(zipf(term), zipf(one)) < limits.acronym_max_zipf
        return zipf(term) < limits.acronym_max_zipf
    if " " in term:  # a term of several words ("lymph nodes")
        if everyday_health(term):
            return False  # "multiple sclerosis", "red blood cells"
        words = _WORD.findall(term)
        # (inside a sentence, an English word given a capital too: a link's title kept in
        # the text, "It causes Peptic ulcers"; not where a sentence or a sign starts, whose
        # capital says nothing)
        inside = text[start:start + 1].isupper() and not (
            sentence_start(text, start) or starts_table_item(text, start))
        return any(not everyday_health(w) and hard_word(w, False, limits) for w in words) or \
            any(not everyday_health(w) and (w.islower() or inside and _capitalised_word(w)) and
                in_glossary and word_zipf(w) < GLOSSARY_ZIPF for w in words)
    # One word: hard only if the word itself is (the checks below only find it easy).
    if not hard_word(term, in_glossary, limits) or everyday_health(term):
        return False
    if _BRAND.fullmatch(term):
        return False  # a brand: "iStock"
    # not a name: "Genentech", "MedlinePlus", "Clinical Oncology"
    capital = term[:1].isupper() or NAME_PARTICLE.match(term) is not None
    return not (capital and (in_proper_name(text, start, end) or not in_glossary and (
        not (sentence_start(text, start) or starts_table_item(text, start)) or
        re.search(r"[a-z][A-Z]", term) is not None)))


def _capitalised_word(word: str) -> bool:
    """Is the word an English word given a capital ("Peptic" in "It causes Peptic ulcers"),
    not a name ("Hodgkin")?"""
    return word[1:].islower() and an_english_word(word.lower())


@lru_cache(maxsize=WORDS_REMEMBERED)
def hard_word(term: str, in_glossary: bool, limits: Limits = DEFAULT_LIMITS) -> bool:
    """The word's own hardness, wherever it stands (see `hard_term`)."""
    if not in_glossary and (everyday_derivation(term) or run_together(term)):
        return False  # "editorialists", "spidery", "generalizable"; "endoscopea" (a typing fault)
    # built the medical way, in its plain form too: "exposes" is "expose", not "-oses";
    # and not an everyday word in front of one ("biotechnology": bio + technology)
    medical_form = is_medical_form(term) and is_medical_form(fold(term)) and \
        (is_medical_form(term, beginnings=False) or word_zipf(term) < 2.5) and \
        not everyday_head(term)
    if (not in_glossary or term.lower().startswith("non")) and not medical_form and \
            everyday_compound(term):
        return False  # "underarm", "regrow", "noncancerous"; "nontoxic" in a glossary too
    if everyday_health(term) or everyday_health(fold(term)):
        return False  # "spleen", "testicles", "urinating": words of the body readers know
    if writers_explain(term, fold(term)) and family_zipf(term) < EXPLAINED_MAX_ZIPF:
        return True  # health writers explain it where they use it: "recur", "scoliosis"
    if not in_glossary and readable_parts(term):
        return False  # a prefix and a common word: "hypermobility", "osteoarthritis"
    if left_plain(term, limits.glossaries):
        return False  # editors use it and leave it plain: "epidemiology", "oncology"
    frequency = family_zipf(term)
    if frequency < limits.max_zipf:
        return True
    if frequency < limits.health_max_zipf and health_word(fold(term)):
        return True  # a word of health pages that everyday English seldom uses: "glycogen"
    if in_glossary and frequency < GLOSSARY_ZIPF:
        return True
    medical = medical_form or (frequency < 3.5 and related_to(term, limits.glossaries))
    return medical and frequency < limits.medical_max_zipf


def family_zipf(word: str) -> float:
    """How common the word is, or its plural when that is more common: a reader who knows
    "neurons" knows "neuron"."""
    best = word_zipf(word)
    low = word.lower()
    if not low.isalpha() or low.endswith("s"):
        return best
    plurals = [low + "s", low + "es", low + "e"]
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        plurals.append(low[:-1] + "ies")
    for plural in plurals:
        if is_plural_of(plural, low):  # the same word's plural, not another word
            best = max(best, zipf(plural))
    return best


# A word formed as an adjective ("biliary", "laryngeal", "cutaneous", "hemolytic").
MEDICAL_ADJECTIVE = lazy_re(r"[A-Za-z]{3,}(?:ic|al|ar|ous|ary|ile|ive)", re.I)
_NOUN_AFTER = lazy_re(r" ([a-z]{4,})\b(?![-‐'’])")
# Adjectives that say when, why or how a thing is met or given, not which thing it is
# ("curative surgery", "intravenous zoledronate").
CIRCUMSTANCE = frozenset(
    "asymptomatic symptomatic curative prophylactic preventive postoperative preoperative "
    "perioperative intraoperative therapeutic palliative adjuvant neoadjuvant progressive "
    "refractory invasive noninvasive aggressive recurrent sporadic transient clonal "
    "prognostic diagnostic intravenous topical intrathecal subcutaneous oral intramuscular "
    "transdermal systemic".split())
# What may follow a name of two words: a stop, a bracket, or a small word ("and", "in").
_NAME_END = lazy_re(r"\s*(?:[^\w\s]|$)| (\w+)")


def name_it_begins(text: str, start: int, end: int, term_starts: Collection[int]) -> int | None:
    """Where the name ends that the glossary's word text[start:end] begins, when the word is
    an adjective and a rare noun the glossaries do not have comes right after it: "biliary
    atresia" is no "biliary" (the entry, "having to do with the liver, bile ducts ..."),
    and "atresia" is the word a reader does not know. `term_starts`: where the block's
    glossary terms start. None when the word ends no such name."""
    if not MEDICAL_ADJECTIVE.fullmatch(text, start, end) or \
            text[start:end].lower() in CIRCUMSTANCE:
        return None  # (not "asymptomatic", "subcutaneous": they say when or how)
    m = _NOUN_AFTER.match(text, end)
    if m is None or m.start(1) in term_starts:
        return None
    noun = m.group(1)
    if noun in STOPWORDS or word_zipf(noun) >= GLOSSARY_ZIPF or everyday_health(noun) or \
            MEDICAL_ADJECTIVE.fullmatch(noun) or noun.endswith(("ed", "ing")):
        return None  # not "allogeneic hematopoietic (stem cell ...)"
    after = _NAME_END.match(text, m.end(1))
    if after is None or after.group(1) is not None and after.group(1).lower() not in STOPWORDS:
        return None  # the name goes on: "mesenchymal progenitor cells"
    return m.end(1)
