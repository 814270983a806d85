"""What makes a word hard for a lay reader.

Evidence that a word is hard:
- rarity in general English: its Zipf frequency in wordfreq (a word used once per million
  words has Zipf 3; "cancer" is 4.9, "metastatic" 3.0, "capecitabine" 1.4);
- medical word-building: endings and beginnings such as -itis, -ectomy, -oma, -emia, -penia,
  -ology, hyper-, hypo- (a rare word built this way is almost surely medical);
- abbreviations and acronyms (HER2, T-DM1, PSA) that are not expanded.

Whether the text explains a word where it is used is `explanations.explained`.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from .patterns import lazy_re
from .prose import WORD
from .tables import WordTable, cached_table, package_folder

# Administrative sections where terms are neither linked nor explained.
SKIP_SECTIONS = {
    "type": "array", "items": {"type": "string"},
    "default": ["about this *", "about pdq", "disclaimer", "contact us", "permission to use*",
                "references", "reviewers and updates", "copyright*", "sources", "citations",
                "acknowledg*", "purpose of this summary", "get more information from nci"],
}

# Sections that list references: the titles of the articles cited are not the writer's to
# change, and a citation is not a sentence.
REFERENCE_SECTIONS = {
    "type": "array", "items": {"type": "string"},
    "default": ["references", "selected references", "sources", "citations", "bibliography",
                "further reading"],
    "description": "Headings (glob patterns) of sections not checked: lists of references.",
}

# Abbreviations every adult reader meets in daily life, newer than the word counts
# (wordfreq's data ends in 2021) or used more than they are written ("DEET", on every
# insect repellent's label: read as everyday four times in benchmarks/hand-check/; "UVB", on
# sunscreen's and sunglasses' labels: twice, never judged right).
EVERYDAY_ABBREVIATIONS = frozenset("COVID COVID-19 TV DNA FAQ PDF ID OK USA TTY FDA MRI CT PET "
                                   "HIV AIDS ADHD ICU IV ECG EKG NIH CDC NCI RNA mRNA "
                                   "DEET UVB".split())

STOPWORDS = frozenset("""
a an the of in on at to for from by with and or but not no as is are was were be been this that
these those it its than then into onto over under about after before during between
""".split())

# Medical word-building (Greek and Latin roots used in health words). ("-ogram" for the
# pictures of tests, "mammogram", "angiogram": not "diagram", "milligram", "telegram".)
MEDICAL_SUFFIXES = (
    "itis", "ectomy", "ectomies", "otomy", "ostomy", "oma", "omas", "emia", "aemia", "penia",
    "ology", "ologist", "opathy", "pathy", "plasia", "plasty", "scopy", "algia", "osis", "oses",
    "rrhea", "rrhoea", "cytosis", "megaly", "genesis", "lysis", "trophy", "uria", "cele",
    "stasis", "static", "plegia", "phagia", "ptosis", "sclerosis", "ogram", "graphy", "cyte",
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
_ACRONYM = lazy_re(r"(?=[A-Z0-9-]*[A-Z][A-Z0-9-]*[A-Z0-9])[A-Z][A-Z0-9-]*[A-Z0-9]s?")
_MIXED_CODE = lazy_re(r"[A-Za-z]+\d[A-Za-z\d-]*|[A-Z][a-z]*[A-Z][A-Za-z]*\d*")


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
    if text.isalpha() or not any(c.isdigit() for c in text):  # (no letter is a digit)
        return text
    return _DIGIT_RUN.sub(lambda m: _DIGIT.sub("0", m.group()), text)


_DIGIT_RUN = lazy_re(r"\d[\d.,]+")
_DIGIT = lazy_re(r"\d")
_PIECE = lazy_re(r"[^\W_]+(?:'[^\W_]+)*")


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


_WORD = lazy_re(r"[^\W_]+")


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
    return low in known or low.endswith("s") and (
        low[:-1] in known or low.endswith("es") and low[:-2] in known or
        low.endswith("ies") and low[:-3] + "y" in known or
        low.endswith("'s") and low[:-2] in known)


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
def _explained_counts() -> dict[str, tuple[int, int]]:
    """data/explained-terms.tsv: word -> (pages whose prose uses it first, pages explaining it
    there)."""
    path = Path(__file__).resolve().parent / "data" / "explained-terms.tsv"
    counts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "word\t")):
            word, pages, explained = line.split("\t")[:3]
            counts[word] = (int(pages), int(explained))
    return counts


@cache
def _explained_terms() -> frozenset[str]:
    return frozenset(word for word, (pages, explained) in _explained_counts().items()
                     if word_zipf(word) < COMMON_EXPLAINED_ZIPF or
                     explained >= COMMON_EXPLAINED_SHARE * pages)


def explained_counts(plain_form: str) -> tuple[int, int]:
    """On how many of the pages that learned data/explained-terms.tsv the word (in its plain
    form) is first used in prose, and on how many of those its writer explained it there."""
    return _explained_counts().get(plain_form, (0, 0))


@cache
def _health_words() -> frozenset[str]:
    path = Path(__file__).resolve().parent / "data" / "health-words.tsv"
    return frozenset(line.split("\t", 1)[0]
                     for line in path.read_text(encoding="utf-8").splitlines()
                     if line and not line.startswith(("#", "word\t")))


def health_word(plain_form: str) -> bool:
    """Is the word (given in its plain form, as wordforms.fold makes it: "polyp" for
    "polyps") one that health pages lean on and everyday English seldom uses
    (data/health-words.tsv: "autosomal", "glycogen", "ulna")?"""
    return plain_form in _health_words()


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
    return len(w) >= 6 and (w.endswith(MEDICAL_SUFFIXES) and not w.endswith(_NOT_TESTS) or
                            beginnings and w.startswith(MEDICAL_PREFIXES))


# Words ending in "-ogram" that are no pictures of tests: units, charts, "program".
_NOT_TESTS = ("program", "programs", "kilogram", "microgram", "nanogram", "picogram",
              "histogram", "hologram", "monogram", "pictogram")


@lru_cache(maxsize=WORDS_REMEMBERED)  # asked of nearly every word, by several rules
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
_ENDING_TEXTS = tuple(ending for ending, _ in _ENDINGS)


# Endings before which a short word doubles its last letter: "clot", "clotting".
_DOUBLING = ("ing", "ed", "er", "est")


@lru_cache(maxsize=WORDS_REMEMBERED)
def word_zipf(word: str) -> float:
    """How common a word or its plain form is: a reader who knows "short", "numb" and "clot"
    knows "shortness", "numbness" and "clotting"."""
    low = word.lower()
    best = zipf(low)
    if not low.endswith(_ENDING_TEXTS):
        return best
    for ending, replacement in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = low[: -len(ending)]
            best = max(best, zipf(stem + replacement))
            if not replacement and ending in _DOUBLING and len(stem) >= 4 and \
                    stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                best = max(best, zipf(stem[:-1]))  # "clotting" is "clot", "stopped" "stop"
    return best


# Longer than any word of the frequency lists (wordfreq's longest English word has 34
# letters; a test holds the lists to less than half of this): no split of a longer run of
# letters makes two known words, so the tests that try every split stop at once on one (a
# word of thousands of letters would take time that grows with the square of its length).
LONGEST_WORD = 80

# Prefixes an everyday word may take and stay everyday: "unwashed", "regrow", "noncancerous".
EVERYDAY_PREFIXES = ("non", "un", "re", "multi", "over", "under", "out", "self", "semi", "pre",
                     "post", "anti")


def prefixed(low: str, prefixes: tuple[str, ...], shortest: int) -> Iterator[tuple[str, str]]:
    """Each of the prefixes the (lower-case) word starts with, and the rest of the word after
    it and any dash, when that rest has `shortest` letters or more: "non-cancerous" gives
    ("non", "cancerous")."""
    for prefix in prefixes:
        rest = low[len(prefix):].lstrip("-")
        if low.startswith(prefix) and len(rest) >= shortest:
            yield prefix, rest


@lru_cache(maxsize=WORDS_REMEMBERED)
def everyday_compound(word: str) -> bool:
    """Is the word an everyday word with an everyday prefix ("unwashed", "anticancer"), or
    two everyday words run together ("underarm", "hipbone", "topmost")?"""
    if len(word) > LONGEST_WORD:
        return False
    low = word.lower()
    for prefix, rest in prefixed(low, EVERYDAY_PREFIXES, 4):
        if word_zipf(rest) >= 3.0 and not (prefix == "anti" and rest.startswith(("bod", "gen"))):
            return True
    for i in range(3, len(low) - 2):  # a plain loop: asked of many words
        if word_zipf(low[:i]) >= 3.5 and word_zipf(low[i:]) >= 3.5:
            return True
    return False


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
    return any(rest not in _FALSE_FRIENDS and word_zipf(rest) >= 3.5
               for _, rest in prefixed(word.lower(), _READABLE_PREFIXES, 5))


# Short words a dash or a space often stood before when two words were run together.
_GLUE_WORDS = frozenset(("a", "an", "the", "to", "or", "and", "when", "which", "that"))
# Endings that are words too: "genomically" is not "genomic" + "ally".
SUFFIX_WORDS = frozenset("ally able ible less ness ment like ship ward wise hood some".split())
# Beginnings that are words too: "intraabdominal" is not "intra" + "abdominal".
_COMBINING = frozenset("intra extra infra supra ultra contra micro macro multi poly mono semi "
                       "anti auto para peri meta trans inter super hyper hypo over under post "
                       "pre".split())


def run_together(word: str) -> bool:
    """Is the word two words typed without the space or dash between them ("endoscopea small
    tube", "drinkor stop", "electrolytesminerals")? English does not know it whole, and it
    is a known word followed by a short word ("a", "or", "when") or by a common word.
    A typing fault, not a term to explain."""
    return where_run_together(word) is not None


@lru_cache(maxsize=WORDS_REMEMBERED)
def where_run_together(word: str) -> int | None:
    """Where the second word starts in a word that is two run together (`run_together`):
    "endoscopea" -> 9; None for any other word."""
    low = word.lower()
    if len(low) < 5 or len(low) > LONGEST_WORD or not low.isalpha() or zipf(low) > 0:
        return None
    medical = is_medical_form(low)
    half = len(low) // 2
    if len(low) % 2 == 0 and low[:half] == low[half:] and word_zipf(low[:half]) >= 3.0:
        return half  # a word typed twice: "saltsalt"
    for i in range(4, len(low)):
        left, right = word_zipf(low[:i]), low[i:]
        if len(right) >= 4 and word_zipf(right) >= 5.0 and left >= 2.5 or \
                len(right) >= 6 and word_zipf(right) >= 3.5 and left >= 1.0 and \
                _MEDICAL_END.search(low[:i]):
            return i  # "iodinesuch", "thyroiditisinflammation": a lost dash or space
        if left >= 1.5 and right in _GLUE_WORDS or left >= 3.5 and right in ("in", "of", "is"):
            return i
        if right in _GLUE_AFTER_TERM and _WHOLE_TERM_END.search(low[:i]):
            return i  # "anoscopea hollow tube", "hyperprolactinemiatoo much": a lost dash
        if medical or right in SUFFIX_WORDS or low[:i] in _COMBINING or low[i - 1] in "oi":
            continue  # "neurogenetic"; "genomically"; "intraabdominal", "centronuclear": a
            # combining form (most end in o or i)
        if len(right) >= 4 and i >= 7 and left >= 3.0 and word_zipf(right) >= 4.0 or \
                len(right) >= 6 and i >= 5 and left >= 2.5 and word_zipf(right) >= 3.5:
            return i  # "electrolytesminerals", "edemaswelling"
    return None


_MEDICAL_END = lazy_re(r"(?:itis|osis|oma|emia|ectomy|otomy|ism|pathy)$")
# A medical word's ending that closes a whole word, and the short words a lost dash or space
# often left glued after one.
_WHOLE_TERM_END = lazy_re(r"(?:itis|osis|oma|emia|ectomy|otomy|pathy|scope|scopy)$")
_GLUE_AFTER_TERM = _GLUE_WORDS | {"too"}
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=WORDS_REMEMBERED)
def misspelling_of(word: str, seldom: bool = False) -> str | None:
    """The common word (Zipf 3.5 or more) that a word English does not know is one slip away
    from: a letter left out, a letter added, or two letters swapped ("tranport": "transport",
    "muscule": "muscle", "symtpoms": "symptoms"), or None. Only for lower-case words of 5
    letters or more. A changed letter is not counted: medical words English does not know are
    often one letter from a common word ("lobation", "location"; "cholestenol"). With
    `seldom`, for a word of 6 letters or more that English knows but seldom uses (Zipf
    SELDOM_ZIPF or less, as a frequent misspelling is: "symtoms"), the very common word (Zipf 4
    or more) it is a letter left out of, or two letters swapped ("atony" is no "tony" with a
    letter added), or the common word (Zipf 3 or more) it is with an ending that sounds the
    same spelled the other way ("detectible": "detectable")."""
    frequency = zipf(word)
    if len(word) < (6 if seldom else 5) or len(word) > LONGEST_WORD or not word.isascii() or \
            not word.isalpha() or not word.islower() or \
            frequency > (SELDOM_ZIPF if seldom else 0):
        return None
    if seldom and not frequency:
        return None  # (a word English does not know: asked without `seldom`)
    # Looked up directly (the candidates would crowd `_zipf`'s cache); after some words, in
    # a dictionary of the common words alone, which answers in a fraction of the time.
    global _misspellings_looked_up
    _misspellings_looked_up += 1
    table: WordTable | dict[str, str] = _common_words() \
        if _misspellings_looked_up > _COMMON_WORDS_AFTER else _zipf_table("en")
    # Zipf 3.5 (4 with `seldom`; 3 for a word of 10 letters or more, which one slip away from
    # a word in use is seldom another word: "gastroentrologist", "hemmorrhage"): the table
    # holds (9 - Zipf) * 100
    best, best_centibels = None, 500 if seldom else 600 if len(word) >= _LONG_SLIP else 550
    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        candidates = [left + c + right for c in _LETTERS]  # a letter left out
        if right and not seldom:  # (a word in use is a letter longer than many words)
            candidates.append(left + right[1:])  # a letter added
        if len(right) > 1:
            candidates.append(left + right[1] + right[0] + right[2:])  # two swapped
        for candidate in candidates:
            found = table.get(candidate)
            if found is not None and (centibels := int(found)) <= best_centibels:
                best, best_centibels = candidate, centibels
    if best is None and seldom:
        best = _other_ending(word)
    return best


# Endings spelled alike by ear, one often written for the other: "detectible" for
# "detectable", "existance" for "existence".
_ENDINGS_ALIKE = (("ible", "able"), ("able", "ible"), ("ance", "ence"), ("ence", "ance"),
                  ("ancy", "ency"), ("ency", "ancy"), ("ant", "ent"), ("ent", "ant"))


def _other_ending(word: str) -> str | None:
    """The common word (Zipf 3 or more) a seldom word is with its ending spelled the other
    way ("detectible": "detectable"), or None."""
    for ending, other in _ENDINGS_ALIKE:
        if word.endswith(ending) and zipf(candidate := word[:-len(ending)] + other) >= 3.0:
            return candidate
    return None


SELDOM_ZIPF = 1.5


# A page of thousands of words English does not know would spend seconds looking up their
# neighbours (some 30 for each letter) in the word table; past this many words looked at,
# the common words (Zipf 3.5 or more, the only ones `misspelling_of` can answer with) are
# read into a dictionary once (about 0.1 s), and the rest are looked up there.
_COMMON_WORDS_AFTER = 200
_LONG_SLIP = 10  # letters of a word whose slips may be from a less common word
_misspellings_looked_up = 0


@cache
def _common_words() -> dict[str, str]:
    """The words of the English table of 4 or more small letters with Zipf 3.5 or more
    (centibels up to 550), and of 9 or more with Zipf 3 or more (up to 600: what a slip in a
    word of `_LONG_SLIP` letters may be), with their centibels."""
    lines = _zipf_table("en").lines()
    words = {m.group(1).decode(): m.group(2).decode() for m in re.finditer(
        rb"^([a-z]{4,})\t(\d\d?|[1-4]\d\d|5[0-4]\d|550)$", lines, re.M)}
    words.update((m.group(1).decode(), m.group(2).decode()) for m in re.finditer(
        rb"^([a-z]{9,})\t(5[5-9]\d|600)$", lines, re.M))
    return words


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
        if not low.endswith(ending):
            continue
        stem = low[: -len(ending)]
        if len(stem) >= 4 and max(word_zipf(stem), zipf(stem + "e")) >= 4.0:
            return True
    return False


_NAME_BEFORE = lazy_re(r"[A-Z][\w’'-]*\s+(?:(?:of|and|for|the|in|on)\s+)?$")
_NAME_AFTER = lazy_re(r"\s+(?:(?:of|and|for|the|in|on)\s+|(?:d['’]|de\s+|van\s+|von\s+))?"
                      r"[A-Z][\w’'-]*")  # "Vall d'Hebron Institute", "Ludwig van Beethoven"


NAME_PARTICLE = lazy_re(r"[dl]['’][A-Z]")  # "d'Hebron": a name after its particle


def in_proper_name(text: str, start: int, end: int) -> bool:
    """Is the capitalised word or phrase text[start:end] part of a longer name ("Clinical
    Oncology" in "American Society of Clinical Oncology")?"""
    if not text[start:start + 1].isupper() and not NAME_PARTICLE.match(text, start, end):
        return False
    window = text[max(0, start - 60):start]
    before = _NAME_BEFORE.search(window)
    after = _NAME_AFTER.match(text, end, end + 60)
    if before and not sentence_start(text, start - len(window) + before.start()):
        return True
    return bool(after)


# Where an item of a table of signs run into one line starts: after the figure of the item
# before ("Microcephaly 90% Optic atrophy 50%", "Mesomelia 3/3 Rhizomelia 3/3"), its dash or
# the table's opening ("(when available) Cerebral ischemia").
_AFTER_FIGURE = lazy_re(r"(?:\d\s?%|\d/\d+|\s-|available\))\s+$")


def starts_table_item(text: str, at: int) -> bool:
    """Does the word at `at` start an item of a table of signs run into one line? A capital
    there starts the item, as one starts a sentence: it marks no name."""
    return _AFTER_FIGURE.search(text, max(0, at - 20), at) is not None


def sentence_start(text: str, start: int) -> bool:
    """Does a sentence (or the text) start at text[start]?"""
    before = text[max(0, start - 20):start].rstrip(" \"'“‘(")
    return (not before and start < 20) or (bool(before) and before[-1] in ".!?:") or \
        (not before and not text[:start].strip(" \"'“‘("))


def other_language(text: str) -> bool:
    """Is the paragraph mostly in another language (a Spanish link line on an English page,
    a page in Spanish)? Its first 40 words are more common in Spanish than in English. The
    word lists, the familiar words and the model of hard sentences are English."""
    found = [m.group().lower() for m in itertools.islice(WORD.finditer(text), 40)]
    if len(found) < 4:
        return False
    needed = len(found) // 2 + 1  # more than half of them
    other = 0
    for i, word in enumerate(found):
        if _more_spanish(word):
            other += 1
            if other == needed:
                return True
        elif other + len(found) - i - 1 < needed:
            return False  # too few words left to make more than half
    return False


@lru_cache(maxsize=WORDS_REMEMBERED)
def _more_spanish(word: str) -> bool:
    """Is the word (in lower case) clearly more common in Spanish than in English?"""
    return zipf(word, "es") > zipf(word) + 0.5
