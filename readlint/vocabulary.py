"""What makes a word hard for a lay reader, and whether the text explains it.

Evidence that a word is hard:
- rarity in general English: its Zipf frequency in wordfreq (a word used once per million
  words has Zipf 3; "cancer" is 4.9, "metastatic" 3.0, "capecitabine" 1.4);
- medical word-building: endings and beginnings such as -itis, -ectomy, -oma, -emia, -penia,
  -ology, hyper-, hypo- (a rare word built this way is almost surely medical);
- abbreviations and acronyms (HER2, T-DM1, PSA) that are not expanded.

Evidence that the text explains it, at that use:
- a dash after it: "cholangitis - an infection of the bile ducts";
- the next sentence: "... cholangitis. It is an infection of the bile ducts.";
- a parenthesis right after it: "prognosis (chance of recovery)";
- a definition: "Refractory: the cancer has not gotten better with treatment";
- the word in parentheses after a lay phrase: "a drop in platelet levels (thrombocytopenia)";
- "called X", "known as X"; "X is a ...", "X means ...", "X refers to ..."; "X, which is ...",
  "X, a ...", "X, or ...";
- for drug names, the word "drug" or "medicine" just before: "the targeted drug lapatinib";
- a link on that use.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path

from .tables import WordTable, cached_table, package_folder

# Administrative sections where terms are neither linked nor explained.
SKIP_SECTIONS = {
    "type": "array", "items": {"type": "string"},
    "default": ["about this *", "about pdq", "disclaimer", "contact us", "permission to use*",
                "references", "reviewers and updates", "copyright*", "sources", "citations",
                "acknowledg*", "purpose of this summary", "get more information from nci"],
}

# Abbreviations every adult reader meets in daily life, newer than the word counts
# (wordfreq's data ends in 2021) or used more than they are written.
EVERYDAY_ABBREVIATIONS = frozenset("COVID COVID-19 TV DNA FAQ PDF ID OK USA TTY FDA MRI CT PET "
                                   "HIV AIDS ADHD ICU IV ECG EKG NIH CDC NCI".split())

STOPWORDS = frozenset("""
a an the of in on at to for from by with and or but not no as is are was were be been this that
these those it its than then into onto over under about after before during between
""".split())

# Medical word-building (Greek and Latin roots used in health words).
MEDICAL_SUFFIXES = (
    "itis", "ectomy", "ectomies", "otomy", "ostomy", "oma", "omas", "emia", "aemia", "penia",
    "ology", "ologist", "opathy", "pathy", "plasia", "plasty", "scopy", "algia", "osis", "oses",
    "rrhea", "rrhoea", "cytosis", "megaly", "genesis", "lysis", "trophy", "uria", "cele",
    "stasis", "static", "plegia", "phagia", "ptosis", "sclerosis", "gram", "graphy", "cyte",
    "cytes", "blast", "blastic", "mab", "nib", "platin", "taxel", "rubicin", "azole",
)
# Endings of drug names (international nonproprietary names): "trastuzumab", "imatinib".
DRUG_ENDINGS = ("mab", "nib", "platin", "taxel", "rubicin", "ciclib", "parib", "lisib", "zomib")
MEDICAL_PREFIXES = (
    "hyper", "hypo", "neuro", "cardio", "hepat", "nephr", "gastro", "osteo", "myelo", "myo",
    "hemat", "haemat", "leuk", "thromb", "onco", "immuno", "lymph", "angio", "derm", "endo",
    "cyto", "histo", "patho", "pneumo", "pulmon", "arthr", "encephal", "cerebr", "adeno",
    "carcin", "metasta", "chemo", "radio", "brachy", "laparo", "endoscop", "colono",
)
_ACRONYM = re.compile(r"(?=[A-Z0-9-]*[A-Z][A-Z0-9-]*[A-Z0-9])[A-Z][A-Z0-9-]*[A-Z0-9]s?")
_MIXED_CODE = re.compile(r"[A-Za-z]+\d[A-Za-z\d-]*|[A-Z][a-z]*[A-Z][A-Za-z]*\d*")


def zipf(word: str, language: str = "en") -> float:
    """How common a word is in a language (English by default): the Zipf scale, log10 of its
    uses per billion words, from wordfreq's large list, rounded as wordfreq rounds it.

    A word of several pieces ("beta-thalassemia", "e.g", "IL-2") is as common as its pieces
    together: 1/f = 1/f1 + 1/f2 + ..., as wordfreq combines them; a piece it does not know
    makes the word unknown (0). In a run of two or more digits every digit counts as 0, as in
    wordfreq's list ("2012" is looked up as "0000"); wordfreq then adjusts for the digits
    themselves, which readlint leaves out."""
    low = word.casefold().replace("’", "'")
    if not low.isascii():
        low = unicodedata.normalize("NFC", low.translate(_MARKS))
    return _zipf(low, language)


# How many words each word test remembers: a corpus run meets about 100,000 different
# words; remembering the most recent 32,768 (which cover nearly every word a page uses) keeps
# each process under about 250 MB at little cost in time.
WORDS_REMEMBERED = 1 << 15

_MARKS = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉")  # footnote marks: "¹This" is "this"


@lru_cache(maxsize=WORDS_REMEMBERED)
def _zipf(low: str, language: str) -> float:
    table = _zipf_table(language)
    key = _smashed(low)
    whole = table.get(key)
    found: list[str | None]
    if whole is not None:
        found = [whole]
    else:
        pieces = [_smashed(p) for p in _PIECE.findall(low)]
        if pieces == [key] or not pieces:
            return 0.0
        found = [table.get(piece) for piece in pieces]
    inverse = 0.0
    for centibels in found:
        if centibels is None:
            return 0.0
        inverse += 10 ** (int(centibels) / 100)  # 1/f: the table holds -100 log10 f
    frequency = 1 / inverse
    rounded = round(frequency, math.floor(-math.log10(frequency)) + 3)
    return round(math.log10(rounded) + 9, 2)


def _smashed(text: str) -> str:
    if not any(c.isdigit() for c in text):
        return text
    return _DIGIT_RUN.sub(lambda m: _DIGIT.sub("0", m.group()), text)


_DIGIT_RUN = re.compile(r"\d[\d.,]+")
_DIGIT = re.compile(r"\d")
_PIECE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@cache
def _zipf_table(language: str) -> WordTable:
    return cached_table(f"zipf-{language}", zipf_sources(language),
                        lambda: _zipf_rows(language))


def zipf_sources(language: str = "en") -> list[Path]:
    """The files Zipf values come from (what a table built from them depends on)."""
    return [package_folder("wordfreq") / "data" / f"large_{language}.msgpack.gz",
            Path(__file__)]


def _zipf_rows(language: str) -> Iterator[tuple[str, str]]:
    """Each word of wordfreq's large list with its frequency in centibels below 1 (wordfreq
    stores frequencies in these steps)."""
    from wordfreq import get_frequency_list

    for centibels, words in enumerate(get_frequency_list(language, "large")):
        for word in words:
            if "\t" not in word and "\n" not in word:
                yield word, str(centibels)


_WORD = re.compile(r"[^\W_]+")


def rarity(phrase: str) -> float:
    """The Zipf frequency of a phrase's rarest content word."""
    words = [w for w in _WORD.findall(phrase) if w.lower() not in STOPWORDS]
    return min((zipf(w) for w in words), default=8.0)


@cache
def _everyday_health() -> frozenset[str]:
    path = Path(__file__).resolve().parent / "data" / "everyday-health-words.txt"
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8")
                     .splitlines() if line.strip() and not line.startswith("#"))


def everyday_health(word: str) -> bool:
    """Is the word (or name: "multiple sclerosis") one of the body and of everyday health
    care that adult readers know ("spleen", "testicles", "urine"; data/everyday-health-
    words.txt), in any plain form?"""
    low = word.lower().replace("’", "'")
    known = _everyday_health()
    return low in known or any(low.endswith(ending) and low[: -len(ending)] in known
                               for ending in ("s", "es", "'s"))


# A word writers explain is one they feel readers need explained, whatever its frequency
# in English; above this Zipf frequency the evidence is mostly writers glossing an everyday
# word for children or for a second language ("express", "bind").
EXPLAINED_MAX_ZIPF = 3.6


# A word as common as this (Zipf) is taken as one writers explain only when they explain it on
# at least half the pages that use it ("neuron", "nucleotide"): readers know most such words
# that writers explain now and then ("epilepsy", "benign", "paralysis").
COMMON_EXPLAINED_ZIPF = 3.0
COMMON_EXPLAINED_SHARE = 0.5


@cache
def _explained_terms() -> frozenset[str]:
    path = Path(__file__).resolve().parent / "data" / "explained-terms.tsv"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "word\t")):
            word, pages, explained = line.split("\t")[:3]
            if word_zipf(word) < COMMON_EXPLAINED_ZIPF or \
                    int(explained) >= COMMON_EXPLAINED_SHARE * int(pages):
                words.add(word)
    return frozenset(words)


def writers_explain(word: str, plain_form: str) -> bool:
    """Do health writers explain the word (given with its plain form, as wordforms.fold
    makes it) where they first use it (data/explained-terms.tsv: "recur", "benign",
    "vertebra", "scoliosis"), and is it not common in English?"""
    return plain_form in _explained_terms() and word_zipf(word) < EXPLAINED_MAX_ZIPF


def is_medical_form(word: str, beginnings: bool = True) -> bool:
    """Is the word built the medical way: a medical ending, or (with `beginnings`) a medical
    beginning? Beginnings are weaker evidence: "neurological" and "radioactivity" are
    everyday words."""
    w = word.lower()
    return len(w) >= 6 and (w.endswith(MEDICAL_SUFFIXES) or
                            beginnings and w.startswith(MEDICAL_PREFIXES))


def is_acronym(word: str) -> bool:
    """Capitals or a code with digits: HER2, PSA, T-DM1, IgG, p53 (not a name written in
    CamelCase, such as MedlinePlus)."""
    if _ACRONYM.fullmatch(word):
        return True
    if not (_MIXED_CODE.fullmatch(word) and any(c.isupper() for c in word)):
        return False
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return any(c.isdigit() for c in word) or capitals * 2 >= len(letters) or len(word) <= 5


_ENDINGS = (("iness", "y"), ("iest", "y"), ("ier", "y"), ("ness", ""), ("ies", "y"), ("ied", "y"),
            ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ly", ""),
            ("er", ""), ("est", ""))


@lru_cache(maxsize=WORDS_REMEMBERED)
def word_zipf(word: str) -> float:
    """How common a word or its plain form is: a reader who knows "short" and "numb" knows
    "shortness" and "numbness"."""
    low = word.lower()
    best = zipf(low)
    for ending, replacement in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            best = max(best, zipf(low[: -len(ending)] + replacement))
    return best


# Longer than any word of the frequency lists (wordfreq's longest English word has 34
# letters; a test holds the lists to less than half of this): no split of a longer run of
# letters makes two known words, so the tests that try every split stop at once on one (a
# word of thousands of letters would take time that grows with the square of its length).
LONGEST_WORD = 80

# Prefixes an everyday word may take and stay everyday: "unwashed", "regrow", "noncancerous".
EVERYDAY_PREFIXES = ("non", "un", "re", "multi", "over", "under", "out", "self", "semi", "pre",
                     "post", "anti")


@lru_cache(maxsize=WORDS_REMEMBERED)
def everyday_compound(word: str) -> bool:
    """Is the word an everyday word with an everyday prefix ("unwashed", "anticancer"), or
    two everyday words run together ("underarm", "hipbone", "topmost")?"""
    if len(word) > LONGEST_WORD:
        return False
    low = word.lower()
    for prefix in EVERYDAY_PREFIXES:
        rest = low[len(prefix):].lstrip("-")
        if low.startswith(prefix) and len(rest) >= 4 and word_zipf(rest) >= 3.0 and \
                not (prefix == "anti" and rest.startswith(("bod", "gen"))):
            return True
    return any(word_zipf(low[:i]) >= 3.5 and word_zipf(low[i:]) >= 3.5
               for i in range(3, len(low) - 2))


# Prefixes a reader can take off a word to read it, medical ones too: "hypermobility" is too
# much mobility, "osteoarthritis" arthritis of the bones, "nonfatal" not fatal. Only for words
# no glossary has and writers do not usually explain (hardness.hard_word).
_READABLE_PREFIXES = ("hyper", "hypo", "immuno", "osteo", "non", "post", "pre", "anti",
                      "over", "under", "self", "multi", "semi")
# Endings that are common words only by chance: "hypertrophy" is not about a trophy, nor
# "hypertension" about tension.
_FALSE_FRIENDS = frozenset(("trophy", "tonic", "plastic", "static", "tension", "mission",
                            "section", "agent", "sense", "thesis", "logic", "vascular"))


@lru_cache(maxsize=WORDS_REMEMBERED)
def readable_parts(word: str) -> bool:
    """Is the word a prefix a reader can take off and a common word (Zipf 3.5 or more, five
    letters or more): "hypermobility", "osteoarthritis"?"""
    low = word.lower()
    for prefix in _READABLE_PREFIXES:
        rest = low[len(prefix):].lstrip("-")
        if low.startswith(prefix) and len(rest) >= 5 and rest not in _FALSE_FRIENDS and \
                word_zipf(rest) >= 3.5:
            return True
    return False


# Short words a dash or a space often stood before when two words were run together.
_GLUE_WORDS = frozenset(("a", "an", "the", "to", "or", "and", "when", "which", "that"))
# Endings that are words too: "genomically" is not "genomic" + "ally".
_SUFFIX_WORDS = frozenset("ally able ible less ness ment like ship ward wise hood some".split())
# Beginnings that are words too: "intraabdominal" is not "intra" + "abdominal".
_COMBINING = frozenset("intra extra infra supra ultra contra micro macro multi poly mono semi "
                       "anti auto para peri meta trans inter super hyper hypo over under post "
                       "pre".split())


@lru_cache(maxsize=WORDS_REMEMBERED)
def run_together(word: str) -> bool:
    """Is the word two words typed without the space or dash between them ("endoscopea small
    tube", "drinkor stop", "electrolytesminerals")? English does not know it whole, and it
    is a known word followed by a short word ("a", "or", "when") or by a common word.
    A typing fault, not a term to explain."""
    low = word.lower()
    if len(low) < 5 or len(low) > LONGEST_WORD or not low.isalpha() or zipf(low) > 0:
        return False
    medical = is_medical_form(low)
    half = len(low) // 2
    if len(low) % 2 == 0 and low[:half] == low[half:] and word_zipf(low[:half]) >= 3.0:
        return True  # a word typed twice: "saltsalt"
    for i in range(4, len(low)):
        left, right = word_zipf(low[:i]), low[i:]
        if len(right) >= 4 and word_zipf(right) >= 5.0 and left >= 2.5 or \
                len(right) >= 6 and word_zipf(right) >= 3.5 and left >= 1.0 and \
                _MEDICAL_END.search(low[:i]):
            return True  # "iodinesuch", "thyroiditisinflammation": a lost dash or space
        if left >= 1.5 and right in _GLUE_WORDS or left >= 3.5 and right in ("in", "of", "is"):
            return True
        if medical or right in _SUFFIX_WORDS or low[:i] in _COMBINING or low[i - 1] in "oi":
            continue  # "neurogenetic"; "genomically"; "intraabdominal", "centronuclear": a
            # combining form (most end in o or i)
        if len(right) >= 4 and i >= 7 and left >= 3.0 and word_zipf(right) >= 4.0 or \
                len(right) >= 6 and i >= 5 and left >= 2.5 and word_zipf(right) >= 3.5:
            return True  # "electrolytesminerals", "edemaswelling"
    return False


_MEDICAL_END = re.compile(r"(?:itis|osis|oma|emia|ectomy|otomy|ism|pathy)$")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=WORDS_REMEMBERED)
def misspelling_of(word: str) -> str | None:
    """The common word (Zipf 3.5 or more) that a word English does not know is one slip away
    from: a letter left out, a letter added, or two letters swapped ("tranport": "transport",
    "muscule": "muscle", "symtpoms": "symptoms"), or None. Only for lower-case words of 5
    letters or more. A changed letter is not counted: medical words English does not know are
    often one letter from a common word ("lobation", "location"; "cholestenol")."""
    if len(word) < 5 or len(word) > LONGEST_WORD or not word.isascii() or \
            not word.isalpha() or not word.islower() or zipf(word) > 0:
        return None
    # Looked up directly (the candidates would crowd `_zipf`'s cache); after some words, in
    # a dictionary of the common words alone, which answers in a fraction of the time.
    global _misspellings_looked_up
    _misspellings_looked_up += 1
    table: WordTable | dict[str, str] = _common_words() \
        if _misspellings_looked_up > _COMMON_WORDS_AFTER else _zipf_table("en")
    best, best_centibels = None, 550  # Zipf 3.5: the table holds (9 - Zipf) * 100
    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        candidates = [left + c + right for c in _LETTERS]  # a letter left out
        if right:
            candidates.append(left + right[1:])  # a letter added
        if len(right) > 1:
            candidates.append(left + right[1] + right[0] + right[2:])  # two swapped
        for candidate in candidates:
            found = table.get(candidate)
            if found is not None and (centibels := int(found)) <= best_centibels:
                best, best_centibels = candidate, centibels
    return best


# A page of thousands of words English does not know would spend seconds looking up their
# neighbours (some 30 for each letter) in the word table; past this many words looked at,
# the common words (Zipf 3.5 or more, the only ones `misspelling_of` can answer with) are
# read into a dictionary once (about 0.1 s), and the rest are looked up there.
_COMMON_WORDS_AFTER = 200
_misspellings_looked_up = 0


@cache
def _common_words() -> dict[str, str]:
    """The words of the English table of 4 or more small letters with Zipf 3.5 or more
    (centibels up to 550), with their centibels."""
    lines = _zipf_table("en").lines()
    return {m.group(1).decode(): m.group(2).decode() for m in re.finditer(
        rb"^([a-z]{4,})\t(\d\d?|[1-4]\d\d|5[0-4]\d|550)$", lines, re.M)}


def everyday_head(word: str) -> bool:
    """Is the word a very common word with a short piece in front ("biotechnology",
    "nanotechnology")? Its medical-looking ending belongs to the everyday word."""
    if len(word) > LONGEST_WORD:
        return False
    low = word.lower()
    return any(word_zipf(low[:i]) >= 3.5 and word_zipf(low[i:]) >= 4.5
               for i in range(3, len(low) - 4))


# Endings that make a new word from an everyday one: "editorialists", "spidery",
# "generalizable", "saltine".
_DERIVATIONS = ("ists", "ist", "izable", "isable", "ability", "able", "ably", "ish", "ine",
                "ines", "y", "ful", "less", "ism")


@lru_cache(maxsize=WORDS_REMEMBERED)
def everyday_derivation(word: str) -> bool:
    """Is the word an everyday word (Zipf 4 or more) with an ending that makes new words
    ("editorialists" from "editorial", "spidery" from "spider")? Medical endings are not
    among them."""
    low = word.lower()
    for ending in _DERIVATIONS:
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= 4 and \
                max(word_zipf(stem), zipf(stem + "e")) >= 4.0:
            return True
    return False


_NAME_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+(?:(?:of|and|for|the|in|on)\s+)?$")
_NAME_AFTER = re.compile(r"\s+(?:(?:of|and|for|the|in|on)\s+)?[A-Z][\w’'-]*")


def in_proper_name(text: str, start: int, end: int) -> bool:
    """Is the capitalised word or phrase text[start:end] part of a longer name ("Clinical
    Oncology" in "American Society of Clinical Oncology")?"""
    if not text[start:start + 1].isupper():
        return False
    window = text[max(0, start - 60):start]
    before = _NAME_BEFORE.search(window)
    after = _NAME_AFTER.match(text, end, end + 60)
    if before and not sentence_start(text, start - len(window) + before.start()):
        return True
    return bool(after)


def sentence_start(text: str, start: int) -> bool:
    """Does a sentence (or the text) start at text[start]?"""
    before = text[max(0, start - 20):start].rstrip(" \"'“‘(")
    return (not before and start < 20) or (bool(before) and before[-1] in ".!?:") or \
        (not before and not text[:start].strip(" \"'“‘("))


# -- explanations ---------------------------------------------------------------------------

_CALLED_BEFORE = re.compile(
    r"(?:\bcalled|\bknown as|\breferred to as|\btermed|\bnamed|,\s*or|\bplural is|"
    r"\bsingular is)\s+(?:(?:an?|the)\s+)?[\"“']?"
    r"(?:[\w-]+\s+){0,2}(?:[^\W_]+-)?$", re.I)
# Another name given for what was just named: "CT scan (also called computerized tomography".
ALSO_CALLED = re.compile(r"\b(?:also|sometimes) (?:called|known as)\b[^.;:()]*$", re.I)
_DRUG_BEFORE = re.compile(r"\b(?:drugs?|medicines?|medications?|therapy|vaccines?|inhibitors?|"
                          r"treatment|blockers?|compound|agent)\s*,?\s+$|\bsuch as\s+$", re.I)
# What kind of thing the next names are, said just before them: "the enzyme mevalonate kinase",
# "two enzymes, neuraminidase 1 and beta-galactosidase", "three genes, ETFA, ETFB, and ETFDH",
# "the parasite Babesia microti".
_KIND_BEFORE = re.compile(
    r"\b(?:the|an?|two|three|four|five|several|these|this|other|of|encoding)\s+(?:[a-z]+\s+)?"
    r"(?:enzymes?|proteins?|genes?|hormones?|bacteri(?:um|a)|virus(?:es)?|parasites?|fung(?:us|i)|"
    r"(?:round|tape|hook|flat)?worms?|mites?|ticks?)\s*[:,]?\s+"
    r"(?:[^.;:()]{1,80}?(?:,|\band\b|\bor\b)\s+)?$")
_DEFINED_AFTER = re.compile(
    r"[\"”']?\s*(?:,\s*)?(?:(?:is|are|was|were)\s+(?:an?|the|when|what|how|used|one|called|"
    r"also|another|defined|a group|examples? of)\b|(?:means|refers to|describes|stands for|"
    r"uses|involves|works by|acts by)\b|"
    r"(?:is|are)\s+(?:[\w-]+\s+){1,2}(?:that|which|in which|where|used\s+(?:to|for))\b)", re.I)
_APPOSITIVE_AFTER = re.compile(
    r"[\"”']?\s*(?:(?:,|\s[-–—]|[–—])\s*(?:which|that|an?|the|or|also called|meaning|when|"
    r"what|in which)\b|,\s*(?![a-z]+ing\b)[a-z]{4,}\s+(?:to|that|which|in which)\s)", re.I)
_NEXT_SENTENCE = re.compile(r"[^.!?]*[.!?][\"”')]*\s+(?:(?:It|This|That|These|They)|"
                            r"(?:An?|The)?\s*(?P<term>[^\s.]+(?:\s[^\s.]+){0,3}))\s+"
                            r"(?:is|are|was|were)\s+(?:an?|the|when|what|how)\s|"
                            r"[^.!?]*[.!?][\"”')]*\s+(?:It|This|That|These|They|"
                            r"(?P<other>[^\s.]+(?:\s[^\s.]+){0,3}))\s+(?:means|refers to)\s")
_PAREN_AFTER = re.compile(r"[®™]*\s*\(([^()]{2,200})\)")
# A term that starts its paragraph or list item, then a colon or a dash and what it is:
# "Refractory: ...", "Peyronie's disease - bending of the penis ...".
_LABEL_AFTER = re.compile(r"[*_]*\s*(?::|\s[-–—]|[–—])\s*[*_]*[^\W\d_]")


def explained(text: str, start: int, end: int, term_is_acronym: bool = False,
              kinds: bool = True) -> bool:
    """Does the text explain the word at text[start:end] right where it is used? The word
    may be followed by an everyday head noun ("sphenoid bone (a butterfly-shaped bone)",
    "a sitz bath—a warm, shallow bath") or by its abbreviation ("gonadotropin (beta-hCG), a
    hormone ...")."""
    before = text[max(0, start - 60):start]
    marks = _text_marks(text)
    if marks.also_called(start) or _CALLED_BEFORE.search(before):
        return True  # another name, or "called the common iliac arteries"
    if start <= marks.prose_start and _LABEL_AFTER.match(text, end):
        return True  # a definition: "Refractory: These tumors have not gotten better ..."
    if kinds and _KIND_BEFORE.search(text, max(0, start - 160), start):
        return True  # named as what it is: "the enzyme mevalonate kinase"
    if _named_later(text, start, end):
        return True  # its plain words come later in the sentence: "absent sweating (anhidrosis)"
    opened = _OPENED_BEFORE.search(before) if "(" in before else None
    if opened and _OPENED_SHUT.match(text[end:end + 40]):
        # The word in parentheses after the phrase it names: "platelet levels (thrombocytopenia)",
        # "under the tongue (sublingual route)", or an acronym after its long form: "Clinical
        # Oncology (ASCO)".
        return len(before[:opened.start()].split()) >= 1
    if kinds and _DRUG_BEFORE.search(before):
        return True
    for after_start in _after_starts(text, end):
        after = text[after_start:after_start + 200]
        if start <= marks.prose_start and _LABEL_AFTER.match(after):
            return True  # "Immunomodulator therapy: ...", "Peyronie's disease - bending ..."
        if _KEY_AFTER.match(after):
            return True  # a key to abbreviations: "DB = double blinded"
        m = _PAREN_AFTER.match(after)
        if m and _is_explanation(m.group(1), text[start:end], term_is_acronym):
            return True
        if _DEFINED_AFTER.match(after) or _APPOSITIVE_AFTER.match(after):
            return True
        nxt = _NEXT_SENTENCE.match(after)
        named = nxt and (nxt.group("term") or nxt.group("other"))
        if nxt and (not named or fold_words(named) == fold_words(text[start:end])):
            return True  # explained in the next sentence: "... cholangitis. It is an ..."
    return False


# A bracket opened before the word, with at most two plain words between: "platelet levels
# (thrombocytopenia", and what may follow the word before the bracket shuts.
_OPENED_BEFORE = re.compile(
    r"\(\s*(?:or\s+|(?:an?|the)\s+)?(?:[A-Z][\w-]*\s*(?:[/:]|\bor\b)\s*)*"
    r"(?:(?!(?:and|or|the|an?|of|in|to|with|for|after|before|see|like|unlike|except|than|"
    r"including|especially|mainly|mostly)\s)[a-z]{3,}(?<!ing)\s+){0,2}$")
_OPENED_SHUT = re.compile(r"[®™+]*(?:\s+\w+)?\s*(?:(?:/|\bor\b)\s*[A-Z][\w-]*\s*)*[),;]")
_KEY_AFTER = re.compile(r"\s*=\s*[^\W\d_]")  # a key to abbreviations: "DB = double blinded"
_PLAIN_BEFORE_BRACKET = re.compile(r"[a-z]{3,}\s+[a-z]{3,}\s*\(\s*$")
_BRACKET_SHUT = re.compile(r"\s*\)")


def _named_later(text: str, start: int, end: int) -> bool:
    """Is the word given again later in its sentence, in brackets after plain words ("... and
    decreased or absent sweating (anhidrosis)")?"""
    term = text[start:end]
    marks = _text_marks(text)
    stop = marks.next_full_stop(end)
    if "(" in term or ")" in term or term != term.strip():  # not a word: look everywhere
        places: Iterable[int] = _places(text, term, end, stop)
    else:  # a word stands in brackets only where a bracket opens before it
        places = marks.bracketed(term, end, stop - len(term))
    for at in places:
        if _BRACKET_SHUT.match(text, at + len(term)) and \
                _PLAIN_BEFORE_BRACKET.search(text, max(end, at - 60), at):
            return True
    return False


def _places(text: str, term: str, start: int, stop: int) -> Iterator[int]:
    at = text.find(term, start, stop)
    while at >= 0:
        yield at
        at = text.find(term, at + 1, stop)


class _Marks:
    """Where a text's full stops, stops of any kind and brackets are, found once, so that
    `explained` can ask about each of many terms in a long text without reading the text
    again each time (time that would grow with the square of the text's length)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # The first character that is not a list or emphasis mark (" *_-").
        self.prose_start = len(text) - len(text.lstrip(" *_-"))
        self.full_stops = [m.start() for m in re.finditer(r"\. ", text)]
        self.stops = [m.start() for m in re.finditer(r"[.;:()]", text)]
        # "also called" and the like, each as (end, start), and those with no letter or
        # digit right after them (the end of a word).
        also = [(m.end(), m.start()) for m in _ALSO_CALLED_WORDS.finditer(text)]
        self.also_ends = {end: begin for end, begin in also}
        self.also_whole = [(end, begin) for end, begin in also
                           if not _WORD_CHAR.match(text, end)]
        self._bracketed: dict[str, list[int]] | None = None

    def sentence_start(self, at: int) -> int:
        """Where the sentence holding `at` starts, as text.rfind(". ", 0, at) + 1 says."""
        i = bisect.bisect_right(self.full_stops, at - 2) - 1
        return self.full_stops[i] + 1 if i >= 0 else 0

    def next_full_stop(self, at: int) -> int:
        """text.find(". ", at), or the text's length when there is none."""
        i = bisect.bisect_left(self.full_stops, at)
        return self.full_stops[i] if i < len(self.full_stops) else len(self.text)

    def also_called(self, at: int) -> bool:
        """ALSO_CALLED.search(the sentence up to `at`): "also called" or the like, with
        nothing after it up to `at` that ends a phrase (".;:()")."""
        sentence = self.sentence_start(at)
        begin = self.also_ends.get(at)
        if begin is not None and begin >= sentence:
            return True  # right before `at`: the end of the sentence is the end of the word
        i = bisect.bisect_right(self.also_whole, (at, at)) - 1
        if i < 0:
            return False
        end, begin = self.also_whole[i]  # the last one before `at`
        j = bisect.bisect_left(self.stops, at) - 1
        return begin >= sentence and (j < 0 or end > self.stops[j])

    def bracketed(self, term: str, start: int, stop: int) -> list[int]:
        """Where `term` (with no bracket in it) stands right inside brackets, "( term )",
        from `start` to `stop` (inclusive)."""
        if self._bracketed is None:
            self._bracketed = {}
            text = self.text
            opens = [m.end() for m in re.finditer(r"\(\s*", text)]
            shuts = [m.start() for m in re.finditer(r"\)", text)]
            for k, inside in enumerate(opens):
                i = bisect.bisect_left(shuts, inside)
                if i == len(shuts) or k + 1 < len(opens) and opens[k + 1] <= shuts[i]:
                    continue  # not shut, or another bracket opens inside it
                self._bracketed.setdefault(text[inside:shuts[i]].rstrip(), []).append(inside)
        places = self._bracketed.get(term, [])
        return places[bisect.bisect_left(places, start):bisect.bisect_right(places, stop)]


@lru_cache(maxsize=16)
def _text_marks(text: str) -> _Marks:
    return _Marks(text)


_ALSO_CALLED_WORDS = re.compile(r"\b(?:also|sometimes) (?:called|known as)", re.I)
_WORD_CHAR = re.compile(r"\w")


_PAIRED = re.compile(r"(?:\s+(?:and|or)\s+|/)(?!(?:the|an?)\s)[\w-]+(?:\s+[\w-]+)?"
                     r"(?=\s+(?:is|are)\b|\s+\((?:\S+\s+){2,}\S+\))")
_HEAD_AFTER = re.compile(r"[\"”']?[ -]([a-z]+)")  # after a closing quote too
_ABBREVIATION_AFTER = re.compile(r"\s*\([^()\s]{1,15}\)")


def _after_starts(text: str, end: int) -> list[int]:
    """Where an explanation of the word ending at `end` may start: right after it, after an
    everyday head noun, after a second term it is paired with ("Perometry and water
    displacement are ...", "myelocytes and monocytes (immature white blood cells)"), and
    after an abbreviation in parentheses."""
    starts = [end]
    # not "benign or malignant (cancer)", "the epidermis and the dermis (lower layer)"
    paired = _PAIRED.match(text[end:end + 50])
    if paired and "(" in text[end + paired.end():end + paired.end() + 3] and " or " in \
            paired.group():
        paired = None
    if paired:
        starts.append(end + paired.end())
    head = _HEAD_AFTER.match(text[end:end + 30])
    if head and word_zipf(head.group(1)) >= 4.0 and head.group(1) not in STOPWORDS:
        starts.append(end + head.end())
    for at in list(starts):
        abbreviation = _ABBREVIATION_AFTER.match(text[at:at + 20])
        if abbreviation:
            starts.append(at + abbreviation.end())
    return starts


def fold_words(text: str) -> str:
    """Words in lower case without a final plural "s", for comparing a term with itself."""
    return " ".join(w.lower().rstrip("s") for w in re.findall(r"[^\W_]+", text))


def _is_explanation(inside: str, term: str, term_is_acronym: bool) -> bool:
    """Is the text in parentheses after a term an explanation of it (not a brand name, an
    abbreviation or a reference)?"""
    inside = inside.strip()
    if re.fullmatch(r"(?:see |e\.g\.|for example).*|[\d\s,.;%–-]+", inside) or \
            re.fullmatch(r"[A-Z][\w-]*[®™]?", inside) and zipf(inside) < 4.0:
        return False  # a reference, a number, a brand or a name ("(Imodium)"); not "(X-ray)"
    if is_acronym(inside.rstrip("®™")):
        return False
    if term_is_acronym:
        return len(inside.split()) >= 2  # "ALL (acute lymphoblastic leukemia)"
    if len(inside.split()) >= 2 or zipf(inside) >= 3.5:
        return True  # "detect (find)", "(fertile)"
    # one plain word, plainer than the term: "gingiva (gums)", "benign (noncancerous)"
    return inside.islower() and (zipf(inside) >= zipf(term) + 0.5 or everyday_compound(inside))
