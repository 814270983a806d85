"""What makes a word hard for a lay reader, and whether the text explains it.

Evidence that a word is hard:
- rarity in general English: its Zipf frequency in wordfreq (a word used once per million
  words has Zipf 3; "cancer" is 4.9, "metastatic" 3.0, "capecitabine" 1.4);
- medical word-building: endings and beginnings such as -itis, -ectomy, -oma, -emia, -penia,
  -ology, hyper-, hypo- (a rare word built this way is almost surely medical);
- abbreviations and acronyms (HER2, T-DM1, PSA) that are not expanded.

Evidence that the text explains it, at that use:
- a parenthesis right after it: "prognosis (chance of recovery)";
- a definition: "Refractory: the cancer has not gotten better with treatment";
- the word in parentheses after a lay phrase: "a drop in platelet levels (thrombocytopenia)";
- "called X", "known as X"; "X is a ...", "X means ...", "X refers to ..."; "X, which is ...",
  "X, a ...", "X, or ...";
- for drug names, the word "drug" or "medicine" just before: "the targeted drug lapatinib";
- a link on that use.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Administrative sections where terms are neither linked nor explained.
SKIP_SECTIONS = {
    "type": "array", "items": {"type": "string"},
    "default": ["about this *", "about pdq", "disclaimer", "contact us", "permission to use*",
                "references", "reviewers and updates", "copyright*", "sources", "citations",
                "acknowledg*", "purpose of this summary", "get more information from nci"],
}

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
MEDICAL_PREFIXES = (
    "hyper", "hypo", "neuro", "cardio", "hepat", "nephr", "gastro", "osteo", "myelo", "myo",
    "hemat", "haemat", "leuk", "thromb", "onco", "immuno", "lymph", "angio", "derm", "endo",
    "cyto", "histo", "patho", "pneumo", "pulmon", "arthr", "encephal", "cerebr", "adeno",
    "carcin", "metasta", "chemo", "radio", "brachy", "laparo", "endoscop", "colono",
)
_MEDICAL = re.compile(
    r"(?:" + "|".join(sorted(MEDICAL_SUFFIXES, key=len, reverse=True)) + r")$|^(?:"
    + "|".join(sorted(MEDICAL_PREFIXES, key=len, reverse=True)) + r")")
_ACRONYM = re.compile(r"(?=[A-Z0-9-]*[A-Z][A-Z0-9-]*[A-Z0-9])[A-Z][A-Z0-9-]*[A-Z0-9]s?")
_MIXED_CODE = re.compile(r"[A-Za-z]+\d[A-Za-z\d-]*|[A-Z][a-z]*[A-Z][A-Za-z]*\d*")


@lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    """How common a word is in English: the Zipf scale (log10 of uses per billion words)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower().replace("’", "'"), "en", wordlist="large"))


def rarity(phrase: str) -> float:
    """The Zipf frequency of a phrase's rarest content word."""
    words = [w for w in re.findall(r"[^\W_]+", phrase) if w.lower() not in STOPWORDS]
    return min((zipf(w) for w in words), default=8.0)


def is_medical_form(word: str) -> bool:
    w = word.lower()
    return len(w) >= 6 and _MEDICAL.search(w) is not None


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


_ENDINGS = (("iness", "y"), ("ness", ""), ("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"),
            ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ly", ""), ("er", ""), ("est", ""))


def word_zipf(word: str) -> float:
    """How common a word or its plain form is: a reader who knows "short" and "numb" knows
    "shortness" and "numbness"."""
    low = word.lower()
    best = zipf(low)
    for ending, replacement in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            best = max(best, zipf(low[: -len(ending)] + replacement))
    return best


def in_proper_name(text: str, start: int, end: int) -> bool:
    """Is the capitalised word or phrase text[start:end] part of a longer name ("Clinical
    Oncology" in "American Society of Clinical Oncology")?"""
    if not text[start:start + 1].isupper():
        return False
    window = text[max(0, start - 60):start]
    before = re.search(r"[A-Z][\w’'-]*\s+(?:(?:of|and|for|the)\s+)?$", window)
    after = re.match(r"\s+(?:(?:of|and|for|the)\s+)?[A-Z][\w’'-]*", text[end:end + 60])
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
    r"(?:\bcalled|\bknown as|\btermed|\bnamed|,\s*or|\bcalled an?|\bcalled the)\s+[\"“']?$", re.I)
_DRUG_BEFORE = re.compile(r"\b(?:drugs?|medicines?|medications?|therapy|vaccines?)\s+$", re.I)
_DEFINED_AFTER = re.compile(
    r"[\"”']?\s*(?:,\s*)?(?:(?:is|are|was|were)\s+(?:an?|the|when|what|how|used|one|called|"
    r"also|another|defined)\b|(?:means|refers to|describes|stands for)\b)", re.I)
_APPOSITIVE_AFTER = re.compile(r"[\"”']?\s*,\s*(?:which|that|an?|the|or|also called|"
                               r"meaning)\b", re.I)
_PAREN_AFTER = re.compile(r"[®™]*\s*\(([^()]{2,200})\)")


def explained(text: str, start: int, end: int, term_is_acronym: bool = False) -> bool:
    """Does the text explain the word at text[start:end] right where it is used?"""
    before = text[max(0, start - 40):start]
    after = text[end:end + 200]
    if not text[:start].strip(" *_-") and re.match(r"[*_]*\s*:\s*\S", after):
        return True  # a definition: "Refractory: These tumors have not gotten better ..."
    m = _PAREN_AFTER.match(after)
    if m and _is_explanation(m.group(1), text[start:end], term_is_acronym):
        return True
    if before.rstrip().endswith("(") and re.match(r"[®™]*\s*[),;]", after):
        # The word in parentheses after the phrase it names: "platelet levels (thrombocytopenia)",
        # or an acronym after its long form: "Clinical Oncology (ASCO)".
        return len(before.rstrip()[:-1].split()) >= 1
    if _CALLED_BEFORE.search(before):
        return True
    if _DEFINED_AFTER.match(after) or _APPOSITIVE_AFTER.match(after):
        return True
    return bool(_DRUG_BEFORE.search(before))


def _is_explanation(inside: str, term: str, term_is_acronym: bool) -> bool:
    """Is the text in parentheses after a term an explanation of it (not a brand name, an
    abbreviation or a reference)?"""
    inside = inside.strip()
    if re.fullmatch(r"(?:see |e\.g\.|for example).*|[\d\s,.;%–-]+|[A-Z][\w-]*[®™]?", inside):
        return False
    if is_acronym(inside.rstrip("®™")):
        return False
    if term_is_acronym:
        return len(inside.split()) >= 2  # "ALL (acute lymphoblastic leukemia)"
    return len(inside.split()) >= 2 or zipf(inside) >= 4.0  # "detect (find)"
