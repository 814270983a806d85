"""Whether the text explains a term right where it is used.

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

How common a word is (to tell a plain explanation from a brand or a name) comes from
`vocabulary`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property

from .patterns import lazy_re
from .vocabulary import STOPWORDS, everyday_compound, is_acronym, word_zipf, zipf
from .wordforms import case_folded, fold, forms_of_one_word, only_a_verb

_CALLED_BEFORE = lazy_re(
    r"(?:\bcalled|\bknown as|\breferred to as|\bdescribed as|\btermed|\bnamed|,\s*or|\bplural is|"
    r"\bsingular is|\bwritten as|\babbreviated(?: as)?)\s+(?:(?:an?|the)\s+)?[\"“']?"
    r"(?:[\w-]+\s+){0,2}(?:[^\W_]+-)?$", re.I)
# Another name given for what was just named: "CT scan (also called computerized tomography".
ALSO_CALLED = lazy_re(r"\b(?:also|sometimes) (?:called|known as)\b[^.;:()]*$", re.I)
_DRUG_BEFORE = lazy_re(r"\b(?:drugs?|medicines?|medications?|therapy|vaccines?|inhibitors?|"
                       r"treatment|blockers?|compound|agent)\s*,?\s+$|\bsuch as\s+$", re.I)
# The names listed before the word, after the words that give their kind: "..., doxorubicin
# hydrochloride (Adriamycin), and " (brand names in brackets among them).
_LIST_RUN = r"(?:(?:[^.;:()]|\([^.;:()]{1,30}\)){1,100}?(?:,|\band\b|\bor\b)\s+"
# What kind of thing the next names are, said just before them: "the enzyme mevalonate kinase",
# "two enzymes, neuraminidase 1 and beta-galactosidase", "three genes, ETFA, ETFB, and ETFDH",
# "the parasite Babesia microti".
_KIND_BEFORE = lazy_re(
    r"\b(?:the|an?|two|three|four|five|several|these|this|other|of|encoding)\s+(?:[a-z]+\s+){0,2}"
    r"(?:enzymes?|proteins?|molecules?|genes?|hormones?|bacteri(?:um|a)|virus(?:es)?|parasites?|"
    r"fung(?:us|i)|"
    r"(?:round|tape|hook|flat)?worms?|mites?|ticks?)\s*[:,]?\s+" + _LIST_RUN + r")?$")
# Drugs named after their kind: "the chemotherapy drugs cyclophosphamide, doxorubicin
# hydrochloride (Adriamycin), and methotrexate" (only for rare words: names, not "the drugs
# used for", "combinations of drugs administered ...").
_DRUGS_BEFORE = lazy_re(
    r"\b(?:the|two|three|four|five|several|these|other)\s+(?:[a-z]+\s+)?"
    r"(?:drugs|medicines|medications)\s*[:,]?\s+" + _LIST_RUN + r")?$")
# Named among examples of a kind: "disorders such as myasthenia gravis", "organs include the
# uterus, fallopian tubes, ...", "therapy with methotrexate, docetaxel, or cetuximab",
# "specialists in oncology, hematology, ...", "experts in the fields of ... acupuncture, and
# homeopathy", and in brackets: "reproductive organs (such as your cervix, ..., and vulva)",
# "fibrinolytic agents (e.g. danazol, ...)". Not signs or symptoms: a reader who is told that
# hypotonia is a sign still does not know what it is.
_LIST_KIND_WORDS = (r"\b(?:organs?|drugs?|medicines?|medications?|agents?|therap(?:y|ies)|"
                    r"treatments?|conditions?|disorders?|diseases?|syndromes?|infections?|"
                    r"viruses|bacteria|vaccines?|procedures?|operations?|surger(?:y|ies))\b")
_LIST_AFTER_KIND = r"(?:(?:the|an?|your|their)\s+)?" + _LIST_RUN + \
    r"(?:(?:the|an?|your|their)\s+)?)?$"
_KIND_LISTED = lazy_re(
    r"(?:" + _LIST_KIND_WORDS + r"(?:\s+[a-z-]+){0,5}?\s+"
    r"(?:include|includes|including|such as|like)\s*:?|"
    r"\b(?:therap(?:y|ies)|treatments?)\s+with|\b(?:specialists?|experts?)\s+in|"
    r"\bfields?\s+of)\s+" + _LIST_AFTER_KIND, re.I)
# The same after a comma or a bracket right after the kind: "reproductive organs (such as
# your cervix, ...)", "Medicines, such as bronchodilators, ..."; the kind must be what its
# phrase is about, not the disease of its signs ("signs of kidney disease, such as fever":
# `_OF_BEFORE`).
_KIND_BRACKETED = lazy_re(_LIST_KIND_WORDS + r"\s*[,(]\s*(?:including|such as|like|e\.g\.,?)\s+" +
                          _LIST_AFTER_KIND, re.I)
# Named among the examples a sentence gives of what it has just named: "Examples of
# vasodilators are isosorbide dinitrate and hydralazine", "a lung disease or other serious
# disease. Examples include cystic fibrosis, asthma, ...", "Two examples are ...".
_EXAMPLES_LISTED = lazy_re(r"\bexamples?\s+(?:of\s+(?P<kind>(?:[\w'’-]+\s+){1,5}?))?(?:are|"
                           r"include|includes)\s*:?\s+" + _LIST_AFTER_KIND, re.I)
# Words for what a thing is to an illness, not what kind of thing it is: "symptoms such as
# lethargy" says where a reader meets it, not what it is (nor do "Examples of side effects
# are ...", nor "Examples are ..." after "some signs of this").
ROLES = (r"(?:symptoms|signs|features|abnormalities|factors|findings|complications|effects|"
         r"manifestations|characteristics|causes)")
_A_ROLE = lazy_re(r"\b" + ROLES + r"\b", re.I)
_OF_BEFORE = lazy_re(r"\b(?:signs?|symptoms?|features?|complications?|effects?|causes?|"
                     r"manifestations?|findings?)\s+of\s+(?:[\w-]+\s+){0,3}$", re.I)
# What follows "involves" when it says what a procedure is ("Thoracoscopy involves making
# three small cuts", "Lobectomy involves (the surgical) removal of ...", "... involves the
# insertion of a needle"), not where a disease is or what it does ("Sarcoidosis involves the
# lungs", "... involves scarring in the lungs").
WHAT_IS_DONE = (
    r"(?!(?:no|some|any|every)thing\b)"
    r"(?!(?:scarring|swelling|bleeding|lining|thickening|narrowing|blistering|clotting|"
    r"wasting|hardening|tingling|itching|burning|aching)\b)"
    r"(?:(?:surgically\s+)?[a-z]{2,}ing|(?:the\s+)?(?:[a-z]+\s+)?"
    r"(?:removal|use|insertion|placement|delivery)|surgery)\b")
_DEFINED = (
    r"[\"”']?\s*(?:,\s*)?(?:(?:is|are|was|were)\s+(?:an?|the|when|what|how|used|one|called|"
    r"also|another|defined|a group|examples? of)\b|(?:means|refers to|describes|stands for|"
    r"uses|works by|acts by)\b|involves\s+" + WHAT_IS_DONE + r"|"
    r"(?:is|are)\s+(?:[\w-]+\s+){1,2}(?:that|which|in which|where|used\s+(?:to|for))\b|"
    # what a test tells ("Pulse oximetry shows the level of oxygen in the blood", "An
    # angiogram can detect the degree of narrowing"; not a finding: "The biopsy shows cancer")
    r"(?:can\s+)?(?:shows?|detects?|measures?|checks?)\s+(?:how\s+(?:much|many|well|fast)|"
    r"the\s+(?:level|amount|degree|number|size|rate|kind)s?\s+of|whether)\b)")
_APPOSITIVE = (
    r"[\"”']?\s*(?:(?:,|\s(?:--|[-–—])|--|[–—])\s*(?:which|that|an?|the|or|"
    # another name for it: ", also known as coronary angioplasty, is ...", ", commonly called"
    # (not a bare ", known as", which may name a whole list: "cholesterol and triglycerides,
    # known as hyperlipidemia")
    r"(?:also|commonly|often|sometimes|more\s+commonly)\s+(?:called|known\s+as)|"
    r"meaning|"
    r"when|what|in which)\b|"
    # a comma or a dash, a plain noun and what it is: ", surgery to remove ...", " -- signs
    # that may indicate ...", ", toxins made by a mold" (two hyphens for a dash, as plain
    # text writes one; not " - " in a list run into a line, "Edema - Failure to thrive")
    r",\s*(?![a-z]+ing\b)[a-z]{4,}\s+(?:to|that|which|in which|made by|caused by|"
    r"produced by|found in)\s|"
    r"(?:\s?--|[–—])\s*(?-i:(?![a-z]+ing\b)[a-z]{4,})\s+(?:that|which|in which)\s|"
    # a dash and what it is, said with a verb in -ing: "overdiagnosis—finding tumors that ..."
    # (not an en dash joining a name, "YY–producing tumor", nor "—including ...")
    r"(?:\s[–—]\s*|—)(?!including\b)[a-z]{3,}ing\s+[a-z]+)")
# ", another" and a thing of the kind, no verb among its words, then a stop or what goes on
# to say which ("PD-1, another protein on T cells", "hemophilia, another bleeding disorder.";
# not a clause: "After a nephrectomy, another scan is done", "another had cystectomy").
_NO_VERB = (r"(?!(?:is|are|was|were|has|had|have|may|can|will|could|should|would|be|do|does|"
            r"did|one)\b)")
_ANOTHER = (r",\s*another\s+(?:" + _NO_VERB + r"[a-z-]+\s+){0,3}?" + _NO_VERB + r"[a-z-]+"
            r"(?:\s+(?:in|on|of|that|which|found|used|made)\b|\s*[,.;:)])")
# What it is, said as what happens in it, after a comma: "a balanced translocation, where a
# piece of a chromosome has broken off and attached to another".
_WHERE = r",\s*where\s+(?:an?|one|part|some)\s+(?:[a-z-]+\s+){0,4}?(?:is|are|has|have|was|were)\s"
# What two or more things just named are, said of them all: "converts dopamine to
# norepinephrine, both of which are chemical messengers (...)" (a thing, not a quality: not
# "both of which are common", "both of which are low in this disease").
_OF_WHICH = (r",\s*(?:both|all|each)\s+of\s+which\s+(?:is|are|was|were)\s+(?:an?\s|the\s|"
             r"(?:[a-z-]+\s+)?[a-z-]+(?<!ou)s\s+(?:that|which|in|of|made|found|used|\())")

# What is said right after the term: a definition ("... is a ...", "... means ...") or an
# appositive (", which ...", " - a ...", ", another ..."); one pattern, matched once.
_DEFINED_AFTER = lazy_re(f"{_DEFINED}|{_APPOSITIVE}|{_ANOTHER}|{_OF_WHICH}|{_WHERE}",
                         re.I)
# The next sentence says what the term is: "... cholangitis. It is an infection ...", as it
# starts right after the first full stop (or "!", "?") after the term.
# (the spaces after "(" or an article read apart from those before: one run of spaces read
# by two parts side by side cost time growing with its square)
_NEXT_SENTENCE = lazy_re(r"[\"”')]*\s+(?:\(?(?:It|This|That|These|They)|"
                         r"(?:\(?(?:An?|The)\b\s*|\(\s*)?(?P<term>[^\s.]+(?:\s[^\s.]+){0,3}))\s+"
                         r"(?:is|are|was|were)\s+(?:an?|the|when|what|how)\s|"
                         r"[\"”')]*\s+\(?(?:It|This|That|These|They|"
                         r"(?P<other>[^\s.]+(?:\s[^\s.]+){0,3}))\s+(?:means|refers to|describes)\s|"
                         # what happens in it: "... and anencephaly. In anencephaly, most of
                         # the brain and skull do not develop."
                         r"[\"”')]*\s+In\s+(?P<inside>[^\s.,]+(?:\s[^\s.,]+){0,3}),\s+"
                         r"(?:the\s+|an?\s+)?[a-z]|"
                         # what it is, set beside it: "Bilirubin, a reddish-yellow substance,
                         # forms when ..."
                         r"[\"”')]*\s+(?:\(?(?:An?|The)\s+)?(?P<apposed>[^\s.,]+(?:\s[^\s.,]+)"
                         r"{0,3}),\s+an?\s+[^.,;:()]{3,80},\s+[a-z]")
_FIRST_WORD_NEXT = lazy_re(r"[\"”')]*\s+\(?(\w+)")
_SENTENCE_STOP = lazy_re(r"[.!?]")
# (a comma may stand before the bracket: "aphasia, (difficulty in expressing oneself ...)")
_PAREN_AFTER = lazy_re(r"[®™]*,?\s*\(([^()]{2,200})\)")
# A term that starts its paragraph or list item, then a colon or a dash and what it is:
# "Refractory: ...", "Peyronie's disease - bending of the penis ...".
_LABEL_AFTER = lazy_re(r"[*_]*\s*(?::|\s[-–—]|[–—])\s*[*_]*[^\W\d_]")


def explained(text: str, start: int, end: int, term_is_acronym: bool = False,
              kinds: bool = True) -> bool:
    """Does the text explain the word at text[start:end] right where it is used? The word
    may be followed by an everyday head noun ("sphenoid bone (a butterfly-shaped bone)",
    "a sitz bath—a warm, shallow bath") or by its abbreviation ("gonadotropin (beta-hCG), a
    hormone ...")."""
    return _text_marks(text).explained(start, end, term_is_acronym, kinds)


def explainer(text: str) -> Callable[[int, int], bool]:
    """`explained` for many words of one text, the text given once: `explainer(text)(start,
    end)` is `explained(text, start, end)`."""
    return _text_marks(text).explained


def _explained(text: str, start: int, end: int, term_is_acronym: bool, kinds: bool,
               marks: _Marks) -> bool:
    lo = max(0, start - 60)
    before = text[lo:start]
    if marks.also_called(start) or (marks.holds(_CALLED_WORDS, lo, start) or
                                    marks.comma_or(lo, start)) and \
            _CALLED_BEFORE.search(before):
        return True  # another name, or "called the common iliac arteries"
    if start <= marks.prose_start and _LABEL_AFTER.match(text, end):
        return True  # a definition: "Refractory: These tumors have not gotten better ..."
    if kinds and _named_as_kind(text, start, end, marks):
        return True  # named as what it is: "the enzyme mevalonate kinase", "drugs such as X"
    if _named_later(text, start, end, marks):
        return True  # its plain words come later in the sentence: "absent sweating (anhidrosis)"
    opened = _OPENED_BEFORE.search(before) if "(" in before else None
    if opened and _OPENED_SHUT.match(text[end:end + 40]):
        # The word in parentheses after the phrase it names: "platelet levels (thrombocytopenia)",
        # "under the tongue (sublingual route)", or an acronym after its long form: "Clinical
        # Oncology (ASCO)".
        return len(before[:opened.start()].split()) >= 1
    if kinds and marks.holds(_DRUG_WORDS, lo, start) and _DRUG_BEFORE.search(before):
        return True
    for after_start in _after_starts(text, end, marks):
        after = text[after_start:after_start + 200]
        if start <= marks.prose_start and _LABEL_AFTER.match(after):
            return True  # "Immunomodulator therapy: ...", "Peyronie's disease - bending ..."
        if marks.equals and _KEY_AFTER.match(after):
            return True  # a key to abbreviations: "DB = double blinded"
        m = _PAREN_AFTER.match(after) if marks.opens else None
        if m and is_explanation(m.group(1), text[start:end], term_is_acronym):
            return True
        if _DEFINED_AFTER.match(after):
            return True
        # (in the whole text up to where `after` ends: the same as in `after`)
        after_end = after_start + 200
        stop = marks.sentence_stop(after_start, after_end)
        nxt = marks.next_sentence(stop + 1, after_end) if stop >= 0 else None
        named = nxt and (nxt.group("term") or nxt.group("other") or nxt.group("inside") or
                         nxt.group("apposed"))
        pointer = _FIRST_WORD_NEXT.match(text, stop + 1, after_end) if nxt else None
        same = not named or _same_term(named, text[start:end], word_before(text, start)) or \
            named == bracketed_after(text, end)
        if nxt and same and \
                not (pointer and pointing_at_a_plural(pointer.group(1), text[start:end])):
            return True  # explained in the next sentence: "... cholangitis. It is an ..."
    numbered = _TYPE_NUMBER.match(text, end, end + 40)
    # what it is, said after the number of its type: "neurofibromatosis type 1, a genetic
    # disorder ...", "neoplasia type 1 (MEN1), in which ..." (not what the brackets after the
    # number say: "neurofibromatosis type 1 (found in 8.5% of patients)")
    return numbered is not None and \
        _SAID_AFTER_NUMBER.match(text, numbered.end(), numbered.end() + 200) is not None


def pointing_at_a_plural(pointer: str, term: str) -> bool:
    """Does a next sentence starting with `pointer` point back at the term in a way its number
    forbids? "It", "This" or "That" cannot mean a plural: in "Taxanes interfere with
    microtubules. It blocks cell growth", "It" is the drug the page is about."""
    return pointer in _SINGULAR_POINTERS and _plural_noun(term.split()[-1])


_SINGULAR_POINTERS = frozenset({"This", "That", "It"})


def _plural_noun(word: str) -> bool:
    """Is the noun a plural ("microtubules", "vertebrae"; not "diabetes", "means", nor
    "ascites", whose "ascite" English does not know)?"""
    low = word.lower()
    if not low.isalpha():
        return False
    singular = fold(low)
    return singular != low and word_zipf(singular) > 0


def named_among_kind(text: str, start: int) -> bool:
    """Is the word, whatever its frequency, named among examples of a kind ("disorders of
    the blood such as neutropenia, leukopenia, anemia, and thrombocytopenia", "the drugs
    ...")? For a term found hard: `explained` asks this of rare words only, so that the
    reading grade still counts common long words there, and asks the rest of `_named_as_kind`
    of every word."""
    return _named_among_examples(text, start, _text_marks(text))


def named_as_example(text: str, start: int) -> bool:
    """Is the word one of the examples a sentence gives of what it has just named, in the
    160 characters before it ("Examples of vasodilators are isosorbide dinitrate and ...")?
    For a term found hard: the reader is told what kind of thing it is. Not part of
    `explained`: the reading grade counts the word as it is (it is named, not explained in
    plain words)."""
    marks = _text_marks(text)
    lo = max(0, start - 160)
    if not marks.holds(_EXAMPLES_WORDS, lo, start):
        return False
    found = _EXAMPLES_LISTED.search(text, lo, start)
    if found is None:
        return False
    kind = found.group("kind")
    if kind is not None:  # "Examples of side effects are": a role, not a kind
        return _A_ROLE.search(kind) is None
    # "Examples are ...": of what the text named before, which must not be a role
    return _A_ROLE.search(text, max(0, found.start() - 200), found.start()) is None


def _named_as_kind(text: str, start: int, end: int, marks: _Marks) -> bool:
    """Is the word named as what it is, in the 160 characters before it: "the enzyme
    mevalonate kinase", or, for a rare word, "disorders such as myasthenia gravis", "the
    chemotherapy drugs cyclophosphamide, ..."?"""
    lo = max(0, start - 160)
    if marks.holds(_KIND_WORDS, lo, start) and _KIND_BEFORE.search(text, lo, start):
        return True
    if word_zipf(text[start:end]) >= 3.0:
        return False  # names and terms, not "radiation"
    return _named_among_examples(text, start, marks)


def _named_among_examples(text: str, start: int, marks: _Marks) -> bool:
    """Is the word one of the examples a kind announces in the 160 characters before it
    ("disorders such as", "organs (such as your ...", "the chemotherapy drugs ...")?"""
    lo = max(0, start - 160)
    if marks.holds(_LISTED_LINKS, lo, start) and marks.holds(_LISTED_WORDS, lo, start):
        if _KIND_LISTED.search(text, lo, start):
            return True
        found = _KIND_BRACKETED.search(text, lo, start)
        if found and not _OF_BEFORE.search(text, max(0, found.start() - 40), found.start()):
            return True
    return marks.holds(_DRUGS_WORDS, lo, start) and \
        _DRUGS_BEFORE.search(text, lo, start) is not None


class _Needed:
    """Words one of the patterns below needs, looked for first (`_Marks.holds`): a plain
    search for them costs far less than the pattern's. `folded`: the pattern ignores case,
    so they are looked for in the text in lower case (`case_folded`). Each list is one
    object, compared and hashed as itself (`holds` asks by it many times a word)."""

    __slots__ = ("name", "words", "folded")

    def __init__(self, name: str, words: tuple[str, ...], folded: bool) -> None:
        self.name, self.words, self.folded = name, words, folded


# (_CALLED_BEFORE needs one of these, or a comma and "or": `_Marks.comma_or`)
_CALLED_WORDS = _Needed("called", ("called", "known as", "referred to as", "described as",
                                   "termed", "named", "plural is", "singular is", "written as",
                                   "abbreviated"), True)
_DRUG_WORDS = _Needed("drug", ("drug", "medicine", "medication", "therapy", "vaccine",
                               "inhibitor", "treatment", "blocker", "compound", "agent",
                               "such as"), True)
_KIND_WORDS = _Needed("kind", ("enzyme", "protein", "molecule", "gene", "hormone", "bacteri",
                               "virus", "parasite", "fung", "worm", "mite", "tick"), False)
_LISTED_WORDS = _Needed("listed", ("organ", "drug", "medicine", "medication", "agent",
                                   "therap", "treatment", "condition", "disorder", "disease",
                                   "syndrome", "infection", "viruses", "bacteria", "vaccine",
                                   "procedure", "operation", "surger", "specialist", "expert",
                                   "field"), True)
# (_KIND_LISTED needs one of these too, after one of _LISTED_WORDS)
_LISTED_LINKS = _Needed("listed links", ("includ", "such as", "like", "e.g.", "with",
                                         "specialist", "expert", "field"), True)
_DRUGS_WORDS = _Needed("drugs", ("drugs", "medicines", "medications"), False)
_EXAMPLES_WORDS = _Needed("examples", ("example",), True)


def ends_also_called(text: str) -> bool:
    """ALSO_CALLED.search(text): does the text end in "also called" or the like, with
    nothing after it that ends a phrase? Searched only when the words are there."""
    folded = case_folded(text)
    return ("called" in folded or "known as" in folded) and ALSO_CALLED.search(text) is not None


# A bracket opened before the word, with at most two plain words between: "platelet levels
# (thrombocytopenia", "self-destructing (undergoing apoptosis", and what may follow the word
# before the bracket shuts (another term the same words name: "airways (trachea and
# bronchi)", "blockage of the anus (anal stenosis or anal atresia)").
_OPENED_BEFORE = lazy_re(
    # (after an article, two words of one form that say which may stand with "or" between
    # them, their last three letters the same: "(a unilateral or bilateral mastectomy)"; not
    # alternatives: "(an ulceration or macroscopic nodules)", "(a rash or thick ...)")
    r"\(\s*(?:or\s+|(?:an?|the)\s+(?:[a-z]*([a-z]{3})\s+or\s+(?=[a-z]*\1\s))?|"
    r"(?:undergoing|having|called)\s+)?"
    r"(?:[A-Z][\w-]*\s*(?:[/:]|\bor\b)\s*)*"
    r"(?:(?!(?:and|or|the|an?|of|in|to|with|for|after|before|see|like|unlike|except|than|"
    r"including|especially|mainly|mostly)\s)[a-z]{3,}(?<!ing)\s+){0,2}[\"“‘']?$")
# (the word in quotation marks too: "lung tumors (“overdiagnosis”)")
_OPENED_SHUT = lazy_re(r"[®™+]*[\"”’']?(?:\s+\w+)?\s*(?:(?:/|\bor\b)\s*[A-Z][\w-]*\s*)*"
                      r"(?:(?:and|or)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s*)?[),;]")
# What follows a word in a key to abbreviations: "DB = double blinded".
KEY_SIGN = r"\s*=\s*[^\W\d_]"
_KEY_AFTER = lazy_re(KEY_SIGN)
_PLAIN_BEFORE_BRACKET = lazy_re(r"[a-z]{3,}\s+[a-z]{3,}\s*\(\s*$")
_BRACKET_SHUT = lazy_re(r"\s*\)")


def _named_later(text: str, start: int, end: int, marks: _Marks) -> bool:
    """Is the word given again later in its sentence, in brackets after plain words ("... and
    decreased or absent sweating (anhidrosis)")?"""
    if not marks.shuts:
        return False  # no bracket shuts after it
    term = text[start:end]
    stop = marks.next_full_stop(end)
    if "(" in term or ")" in term or term != term.strip():  # not a word: look everywhere
        written: Iterable[int] = places(text, term, end, stop)
    else:  # a word stands in brackets only where a bracket opens before it
        written = marks.bracketed(term, end, stop - len(term))
    for at in written:
        if _BRACKET_SHUT.match(text, at + len(term)) and \
                _PLAIN_BEFORE_BRACKET.search(text, max(end, at - 60), at):
            return True
    return False


def places(text: str, term: str, start: int = 0, stop: int | None = None) -> Iterator[int]:
    """Where `term` is written in text[start:stop], in order (overlapping places too)."""
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
        # "also called" and the like, each as (end, start), and those with no letter or
        # digit right after them (the end of a word).
        folded = self.folded  # (the pattern ignores case: its words are there in lower case)
        also = [(m.end(), m.start()) for m in _ALSO_CALLED_WORDS.finditer(text)] \
            if "also" in folded or "sometimes" in folded else []
        self.also_ends = {end: begin for end, begin in also}
        self.also_whole = [(end, begin) for end, begin in also
                           if not _WORD_CHAR.match(text, end)]
        self._bracketed: dict[str, list[int]] | None = None
        self.equals = "=" in text
        self.opens = "(" in text
        self.shuts = ")" in text
        self.commas = "," in text
        # Where each list of needed words stands (see `holds`), found when first asked for.
        self._needed: dict[_Needed, tuple[list[int], list[int]]] = {}
        self._comma_or: list[tuple[int, int]] | None = None
        self._sentence_stops: list[int] | None = None
        # Places a next sentence may start at where _NEXT_SENTENCE does not match, even
        # with the whole text after it.
        self._no_next_sentence: dict[int, bool] = {}
        # What `explained` said of each word asked about: (start, end, acronym, kinds).
        self.answers: dict[tuple[int, int, bool, bool], bool] = {}

    @cached_property
    def full_stops(self) -> list[int]:
        return [m.start() for m in re.finditer(r"\. ", self.text)]

    @cached_property
    def stops(self) -> list[int]:
        return [m.start() for m in re.finditer(r"[.;:()]", self.text)]

    @cached_property
    def folded(self) -> str:
        """The text in lower case (`case_folded`)."""
        return case_folded(self.text)

    def explained(self, start: int, end: int, term_is_acronym: bool = False,
                  kinds: bool = True) -> bool:
        """`explained(text, start, end, ...)` for this text: several rules ask about the same
        words, and each answer is worked out once for a text."""
        key = (start, end, term_is_acronym, kinds)
        answer = self.answers.get(key)
        if answer is None:
            answer = self.answers[key] = _explained(self.text, start, end, term_is_acronym,
                                                    kinds, self)
        return answer

    def holds(self, needed: _Needed, lo: int, hi: int) -> bool:
        """Does text[lo:hi] hold one of the needed words (in lower case when they are
        `folded`)? Each word is looked for once in the whole text; a folded text is as long
        as the text, and the plain letters the words are made of fold the same in it as in
        any part of it."""
        found = self._needed.get(needed)
        if found is None:
            text = self.folded if needed.folded else self.text
            spans = sorted((at, at + len(word)) for word in needed.words if word in text
                           for at in places(text, word))
            # the least end of the places from each one on
            least = [end for _, end in spans]
            for k in range(len(least) - 2, -1, -1):
                least[k] = min(least[k], least[k + 1])
            found = self._needed[needed] = ([at for at, _ in spans], least)
        starts, least = found
        i = bisect.bisect_left(starts, lo)
        return i < len(starts) and least[i] <= hi

    def comma_or(self, lo: int, hi: int) -> bool:
        """Does text[lo:hi] hold a comma and then "or" (in any case), as _CALLED_BEFORE's
        ",\\s*or" needs?"""
        if self._comma_or is None:
            self._comma_or = [m.span() for m in _COMMA_OR.finditer(self.text)] \
                if "," in self.text else []
        # (they cannot overlap: the first that starts at lo or after ends first)
        i = bisect.bisect_left(self._comma_or, (lo, lo))
        return i < len(self._comma_or) and self._comma_or[i][1] <= hi

    def sentence_stop(self, start: int, end: int) -> int:
        """Where the first ".", "!" or "?" of text[start:end] is, or -1."""
        if self._sentence_stops is None:
            self._sentence_stops = [m.start() for m in _SENTENCE_STOP.finditer(self.text)]
        i = bisect.bisect_left(self._sentence_stops, start)
        if i < len(self._sentence_stops) and self._sentence_stops[i] < end:
            return self._sentence_stops[i]
        return -1

    def next_sentence(self, at: int, end: int) -> re.Match[str] | None:
        """_NEXT_SENTENCE.match(text[:end], at). A text cut short cannot match where the
        whole text does not (the pattern asks nothing of where the text ends), so where the
        whole text does not match is found once for all the words before it."""
        none = self._no_next_sentence.get(at)
        if none is None:
            none = self._no_next_sentence[at] = _NEXT_SENTENCE.match(self.text, at) is None
        return None if none else _NEXT_SENTENCE.match(self.text, at, end)

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
        if not self.also_ends:
            return False  # none in the text
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
        found = self._bracketed.get(term, [])
        return found[bisect.bisect_left(found, start):bisect.bisect_right(found, stop)]


def _text_marks(text: str) -> _Marks:
    """The marks of a text, kept for the texts asked about last (the blocks of a long page,
    asked about by several rules in turn): up to MARKS_KEPT texts, and MARKS_KEPT_CHARS
    characters of text in all, whatever the size of a page's blocks."""
    kept = _kept
    newest = kept.newest
    if newest is not None and newest.text is text:
        return newest  # asked about again (most asks): already the newest
    marks = kept.by_text.pop(text, None)
    if marks is None:
        marks = _Marks(text)
        kept.chars += len(text)
    kept.by_text[text] = kept.newest = marks  # (now the newest)
    while len(kept.by_text) > 1 and (len(kept.by_text) > MARKS_KEPT or
                                     kept.chars > MARKS_KEPT_CHARS):
        oldest = next(iter(kept.by_text))
        del kept.by_text[oldest]
        kept.chars -= len(oldest)
    return marks


class _KeptMarks:
    """The marks of the texts asked about last, oldest first, with their characters in all,
    and the newest."""

    def __init__(self) -> None:
        self.by_text: dict[str, _Marks] = {}
        self.chars = 0
        self.newest: _Marks | None = None


MARKS_KEPT = 256
MARKS_KEPT_CHARS = 4_000_000
_kept = _KeptMarks()


_ALSO_CALLED_WORDS = lazy_re(r"\b(?:also|sometimes) (?:called|known as)", re.I)
_COMMA_OR = lazy_re(r",\s*or", re.I)
_WORD_CHAR = lazy_re(r"\w")


_PAIRED = lazy_re(r"(?:\s+(?:and|or)\s+|/)(?!(?:the|an?)\s)[\w-]+(?:\s+[\w-]+)?"
                  r"(?=\s+(?:is|are)\b|\s+\((?:\S+\s+){2,}\S+\))")
# "undifferentiated or poorly differentiated, meaning ...": the second a form of the first,
# what it means is said of both (not "hematuria and dysuria, meaning pain ...").
_OR_FORM_MEANING = lazy_re(r"\s+or\s+(?:[\w-]+\s+)?([\w-]{4,})(?=,\s*meaning\b)")
_LAST_WORD = lazy_re(r"[\w-]+$")
_HEAD_AFTER = lazy_re(r"[\"”']?[ -]([a-z]+)")  # after a closing quote too
_ABBREVIATION_AFTER = lazy_re(r"\s*\([^()\s]{1,15}\)")
# The number of a type after a name: "neurofibromatosis 1", "... type 2A", "... type II".
# (with its abbreviation after it, which is no explanation: "type 1 (MEN 1)")
_TYPE_NUMBER = lazy_re(r"\s(?:(?i:type)\s)?(?:\d{1,2}[A-Za-z]?|[IV]{1,3})\b"
                       r"(?:\s*\([A-Z][A-Z\d -]{0,12}\))?")
# What is said after that number: a definition, or a noun or a clause after a comma (not a
# comma closing a phrase: "In people with neurofibromatosis 2, the nerves ...").
_SAID_AFTER_NUMBER = lazy_re(_DEFINED + r"|,\s*(?:an?\s+[a-z]|which\b|in\s+which\b)", re.I)


def _after_starts(text: str, end: int, marks: _Marks) -> list[int]:
    """Where an explanation of the word ending at `end` may start: right after it, after an
    everyday head noun, after a second term it is paired with ("Perometry and water
    displacement are ...", "myelocytes and monocytes (immature white blood cells)",
    "undifferentiated or poorly differentiated, meaning the cells look ..."), and
    after an abbreviation in parentheses."""
    starts = [end]
    # not "benign or malignant (cancer)", "the epidermis and the dermis (lower layer)"
    paired = _PAIRED.match(text[end:end + 50])
    if paired and "(" in text[end + paired.end():end + paired.end() + 3] and " or " in \
            paired.group():
        paired = None
    if paired:
        starts.append(end + paired.end())
    form = _OR_FORM_MEANING.match(text, end, end + 50)
    if form:  # (the word's last part, looked for only then: a search back is not cheap)
        word = _LAST_WORD.search(text, max(0, end - 40), end)
        if word and word.group().lower().endswith(form.group(1).lower()):
            starts.append(form.end())
    head = _HEAD_AFTER.match(text[end:end + 30])
    if head and word_zipf(head.group(1)) >= 4.0 and head.group(1) not in STOPWORDS:
        starts.append(end + head.end())
    # (a name runs up to a comma or a bracket; an abbreviation stands in brackets)
    name_end = _name_end(text, end) if marks.commas or marks.opens else None
    if name_end is not None and name_end not in starts:
        starts.append(name_end)
    for at in list(starts) if marks.opens else ():
        abbreviation = _ABBREVIATION_AFTER.match(text[at:at + 20])
        if abbreviation:
            starts.append(at + abbreviation.end())
    return starts


# The rest of a name the word begins, up to a comma or a bracket: "myelin| sheath,
# the material that ...", "endogenous| Cushing syndrome, which describes ...".
_NAME_REST = lazy_re(r"(?: [^\W\d_][\w'’-]*){1,3}(?=,|\s\()")


def _name_end(text: str, end: int) -> int | None:
    """Where the name the word ending at `end` begins ends, when one to three more words
    (none a small word such as "and", "is", "the", none only a verb) run from it to a comma or a
    bracket; an explanation there explains the whole name, the word with it."""
    m = _NAME_REST.match(text, end, end + 80)
    if m is None:
        return None
    words = m.group().split()
    if any(w.lower() in STOPWORDS or only_a_verb(w) for w in words):
        return None
    return m.end()


# A word common enough that a next sentence explaining the words before it explains the term:
# "inheritance" in "autosomal recessive inheritance. Autosomal recessive means ...".
COMMON_LAST_ZIPF = 3.5


def _same_term(named: str, term: str, before: str = "") -> bool:
    """Is what the next sentence explains the term, the term with the words after it
    ("... an endotracheal tube. (An endotracheal tube is a breathing tube ...)"), the term
    without a common last word ("... autosomal recessive inheritance. Autosomal recessive
    means ..."), or the term
    with the word that stands before it in the text, `before` ("... a central venous
    catheter. A central venous catheter is a tube ...", where the term found was "venous
    catheter"; not "Severe thrombocytopenia is a reason to ..." after "thrombocytopenia"), its
    initials ("orthostatic intolerance (OI) ... OI describes a condition in which ..."), or
    another form of its last word, not its last word alone ("an autosomal codominant
    pattern. Codominance means ...", `forms_of_one_word`)?
    (An abbreviation in brackets right after the term is the caller's to compare.)"""
    named_words, term_words = fold_words(named).split(), fold_words(term).split()
    return named_words[:len(term_words)] == term_words or \
        len(named_words) == 1 and named_words[0] != term_words[-1] and \
        _forms_of_last_word(named, term) or \
        len(term_words) >= 2 and named_words == term_words[:-1] and \
        word_zipf(term_words[-1]) >= COMMON_LAST_ZIPF or \
        bool(before) and named_words == fold_words(before).split() + term_words or \
        len(term_words) >= 2 and named.isupper() and named.isalpha() and \
        named.lower() == "".join(word[0] for word in term_words)  # "OI describes ..."


def bracketed_after(text: str, end: int) -> str:
    """The abbreviation in brackets right after a term ("cardiopulmonary resuscitation
    (CPR)"), or ""."""
    m = _BRACKETED_ABBREVIATION.match(text, end, end + 20)
    return m.group(1) if m else ""


_BRACKETED_ABBREVIATION = lazy_re(r"\s*\(([A-Z][A-Za-z0-9-]*[A-Z0-9])\)")
_WORD_BEFORE = lazy_re(r"([^\W\d_]+)\s+$")


def _forms_of_last_word(named: str, term: str) -> bool:
    """Are the word named and the term's last word forms of one word (`forms_of_one_word`,
    compared whole: "endometriosis" is not "endometrium")?"""
    named_words, term_words = _WORDS.findall(named.lower()), _WORDS.findall(term.lower())
    return bool(named_words and term_words) and \
        forms_of_one_word(named_words[-1], term_words[-1])


_WORDS = lazy_re(r"[^\W_]+")


def word_before(text: str, start: int) -> str:
    """The word (of letters) right before text[start:], after a space, or ""."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1) if m else ""


def fold_words(text: str) -> str:
    """Words in lower case without a final plural "s", for comparing a term with itself."""
    return " ".join(w.lower().rstrip("s") for w in _WORDS.findall(text))


def is_explanation(inside: str, term: str, term_is_acronym: bool) -> bool:
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
