"""plain-words: complex words with plain substitutes, where the swap reads right."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from ..blocks import Block
from ..document import Document
from ..errors import ConfigError
from ..explanations import KEY_SIGN
from ..glossary import Entry, Glossary
from ..glossary_sets import block_matches, load_all
from ..nearby import resource_title
from ..patterns import lazy_re
from ..problem import Fix, Problem, Severity
from ..prose import ends_lost_link, run_start, within, written_links
from ..readability import familiar_words, is_familiar
from ..rule import NO_OPTIONS, PLAIN_WORD, Example, Rule, RunContext
from ..schema import load_yaml
from ..stock import stock_key, stock_sentences
from ..tables import WordTable, cached_table, package_folder
from ..termmatch import Match, Matcher
from ..vocabulary import (
    REFERENCE_SECTIONS,
    STOPWORDS,
    in_proper_name,
    sentence_start,
    word_zipf,
)
from ..wordforms import can_be_verb, fold, fold_phrase, topic_words


class PlainWords(Rule):
    """A complex word or phrase has a plainer substitute.

    Why: "utilize", "prior to" and "in order to" slow readers down and say nothing "use",
    "before" and "to" do not. Plain-language guidance (plainlanguage.gov, CDC "Everyday
    Words", NIH "Clear & Simple") lists such pairs, and cancer.gov's editors give a few
    more where they explain a word in place ("recur (come back)"); readlint ships them in
    readlint/data/plain-words.yaml, with their sources.

    It speaks only where the swap reads right in that sentence. The plain word takes the
    form of the word it replaces: "is administered" becomes "is given", "they administered"
    becomes "they gave", and "an individual's" becomes "a person's". "a" or "an" before the
    word changes with it ("an abdominal scan": "a belly scan").

    It says nothing about:
      - names and fixed terms: a word inside a longer glossary term ("oral cavity") or a
        proper name ("Physician Data Query"); a word before a rarer word it names something
        with ("abdominal hysterectomy", "renal sinus") or after one ("vulvar lesions"); a
        term with its abbreviation ("end-stage renal disease (ESRD)"); part of a word joined
        by a hyphen ("oral-facial-digital"); headings (also a line standing under an empty
        "##" as its text), short table cells, lists of signs with how often they occur
        ("Sudden cardiac death 90%"), an outside resource named by its title ("Genetic
        Testing Registry: Surfactant metabolism dysfunction, pulmonary, 1") and lists of
        references;
      - words of an address ("](/research/participate/...)" where a link was broken), and
        the text of a link whose markup was lost (a card's blurb ending in "](/types/...)");
      - words the editors chose: a word in a link, a word the page links anywhere (or whose
        glossary entry it links), a word of the page's title ("fatigue" on a page about
        fatigue), and words in quotation marks;
      - a word used as another kind of word: the verb "monitor" becomes "check", but not the
        noun in "a computer monitor"; the noun "individual" becomes "person", but not the
        adjective in "individual women";
      - a sentence the swap would break: "In addition" when "also" follows; "inform" when no
        person follows ("tell" needs one); "additional" before a number or after "the"; a
        substitute with "your" in a paragraph that does not speak to the reader (a stock
        sentence such as "You can use the MedlinePlus Medical Dictionary ..." does not count)
        or that speaks of someone in the reader's care ("if your child has:"); "feeling sick to
        your stomach", which is no noun, after "have", "feel" or an adjective, also across a
        list ("You may also have fever, chills, nausea") or from the line opening a list
        ("Others may have:"); a participle before its noun ("a few participating hospitals");
        "a"/"an" before a plural whose apostrophe was lost ("an individuals symptoms"); a
        substitute that is already there ("Kidney (renal)"); "benign" where a noun or
        another adjective follows ("benign tumors", "benign or malignant"); "recurring" as
        an adjective ("recurring infections"), not after what recurs ("the cancer
        recurring");
      - a word the writer explains right there: given in brackets for the plainer words
        before it ("if the condition returns (recurs)"), or with its plain words in
        brackets after it, between ", or" and a comma, after "which means" or a dash ("benign
        (non-cancerous)", "benign, or non-cancerous, growths", "physicians -- doctors who"),
        and that word again further down the page, even where the first use takes no swap: a
        term the writer teaches on purpose;
      - a word most readers know already (on the Dale-Chall list, like "however").

    When a word has both a plainer substitute and a glossary entry, this rule speaks and
    glossary-link does not: an everyday word needs no definition.

    How to fix: use the plain word. Each problem offers the substitute as a fix;
    `readlint check --fix` applies it only when this rule's `fix` option is on.

    Options:
      words: more pairs for your project, as a mapping: {complex: plain}.
      word_lists: more YAML files in the same form as the bundled list.
      names: glossaries whose terms of several words are names to leave alone, and whose
        entries, linked on a page, leave their words alone there.
      fix: let --fix make the substitutions (default false).
      skip_sections: headings (glob patterns) of sections not checked: lists of references,
        whose articles' titles are not the writer's to change.
      medical_terms: offer everyday words for medical terms too ("heart attack" for
        "myocardial infarction"; default true, off for health professionals, whose terms
        these are).
    """

    name = "plain-words"
    code = "RL203"
    default_severity = Severity.INFO
    summary = "A complex word has a plainer substitute."
    tags = frozenset({PLAIN_WORD})
    example = Example("Take the medicine prior to meals.\n",
                      "Take the medicine before meals.\n")
    options = {
        "words": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1},
                  "default": {}},
        "word_lists": {"type": "array", "items": {"type": "string"}, "default": [],
                       "x-readlint-paths": True},
        "names": {"type": "array", "items": {"type": "string", "minLength": 1},
                  "default": ["nci-cancer-terms", "nci-drugs"], "x-readlint-paths": True},
        "fix": {"type": "boolean", "default": False},
        "skip_sections": REFERENCE_SECTIONS,
        "medical_terms": {"type": "boolean", "default": True,
                          "description": "Offer everyday words for medical terms too "
                                         "(\"heart attack\" for \"myocardial infarction\")."},
    }

    def options_from_run(self, run: RunContext) -> Mapping[str, Any]:
        # An editor offers every fix as a quick fix to choose from.
        return {"fix": True} if run.offer_fixes else NO_OPTIONS

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        matcher, pairs = _matcher(tuple(sorted(options["words"].items())),
                                  tuple(options["word_lists"]))
        refs = tuple(options["names"])
        names = block_matches(doc, refs) if refs else None
        page = _Page(doc, refs)
        skipped = doc.blocks_under(options["skip_sections"])
        for index, block in enumerate(doc.blocks):
            if block.kind == "heading" or index in doc.heading_lines or _label(block) or \
                    ends_lost_link(block.text) or index in skipped or _outside_title(block):
                continue  # a heading, also one written as the line under an empty "##"; a
                # link's text whose markup was lost ("Learn about ...](/types/...)"); a list
                # of references, or an outside resource named by its title ("Genetic Testing
                # Registry: Surfactant metabolism dysfunction, pulmonary, 1"): their titles
                # are their publishers'
            found = matcher.find(block.text)
            if not found:
                continue
            inside_name = _inside_name(names[index]) if names is not None else None
            place = _Place(doc, index, block)
            for match in found:
                if inside_name is not None and inside_name(match):
                    continue
                pair = pairs[match.entries[0].id]
                if pair.medical and not options["medical_terms"]:
                    continue  # a medical term, for readers whose term it is
                swap = _swap(pair, match, place, page)
                if swap is not None:
                    start, found_text, plain = swap
                    yield self._report(doc, block.source_offset(start),
                                       block.source_offset(start + len(found_text) - 1) + 1,
                                       found_text, plain, options["fix"],
                                       sentence_start(block.text, start))

    def _report(self, doc: Document, start: int, end: int, found: str, plain: str,
                fixable: bool, opens_sentence: bool) -> Problem:
        if found[:1].isupper() and (not found.isupper() or len(found) == 1 or opens_sentence):
            plain = plain[:1].upper() + plain[1:]  # (not "Take it Twice a day" for "BID")
        fix = None
        if fixable and doc.source[start:end] == found:
            fix = Fix(start, end, plain, f"use \"{plain}\"")
        return self.problem(doc, start, end, f"Use \"{plain}\" instead of \"{found}\".",
                            fix=fix, subject=found)


class Pair(NamedTuple):
    """A complex word or phrase, its plain substitute, and where the substitute fits."""

    complex: str
    plain: str
    verb: bool = False
    not_before: frozenset[str] = frozenset()  # words the substitute cannot stand before
    before_noun: bool = True  # False: the substitute cannot stand before a noun ("by mouth")
    kind: str = ""  # "noun", "adjective" or "adverb": the swap holds only for that use
    needs_object: bool = False  # the substitute needs an object after it ("tell")
    passive: bool = True  # False: not in the passive ("surgery may be indicated")
    clause_start: bool = False  # only where a clause starts ("therefore" -> "so")
    needs_noun: bool = False  # the substitute must stand before a noun ("many")
    not_after: frozenset[str] = frozenset()  # words the substitute cannot follow
    only_after: frozenset[str] = frozenset()  # words the substitute must follow, when given
    only_before: frozenset[str] = frozenset()  # words it must come before, when given
    not_with: frozenset[str] = frozenset()  # words in the sentence that make the swap wrong
    not_before_gerund: bool = False  # not before a verb in -ing with an object ("stopping it")
    intransitive: bool = False  # no object: never passive, in -ing a verb only after its doer
    predicative: bool = False  # only where the word ends what is said ("is not cancer.")
    medical: bool = False  # a medical term ("hypertension"): swapped only with medical_terms
    shorthand: bool = False  # the shorthand of prescriptions ("BID"): see _shorthand_fits


# -- one match ---------------------------------------------------------------------------------


def _swap(pair: Pair, match: Match, place: _Place, page: _Page) -> tuple[int, str, str] | None:
    """Where the problem starts, the words it names and their plain substitute in the form
    that fits the sentence; None where the swap would not read right there."""
    text, found, end = place.text, match.text, match.end
    if " " not in pair.complex and place.plural_possessive(match.start, end):
        found, end = found + text[end], end + 1  # "Individuals' rights": "People's rights"
    low = found.lower().replace("’", "'")
    single = " " not in pair.complex
    if not pair.verb and not _same_word(low, pair.complex, pair.kind):
        return None  # another part of speech: "fatigued" is not "fatigue"
    if pair.shorthand and not _shorthand_fits(text, match.start, match.end, page):
        return None
    if (in_proper_name(text, match.start, match.end) and
            not (pair.shorthand and _next_to_shorthand(text, match.start, match.end))) or \
            _joined(text, match.start, match.end) \
            or _in_label(text, match.start, match.end) or place.in_link(match.start, match.end) \
            or place.in_address(match.start) or place.quoted(match.start):
        return None
    folded = fold_phrase(match.text)
    if folded in page.linked or (single and folded in page.topic) or folded in page.explained:
        return None
    if _taught(text, match.start, end, pair.plain):
        page.explained.add(folded)  # wherever it stands: "can be benign (not cancerous) or
        return None  # malignant", then "Most are benign." (the page teaches the word)
    before, after = place.around(match.start, match.end)
    previous, following = _word_at(before), _word_at(after)
    if not _fits_between(pair, before, after, "" if before else place.lead_word()):
        return None
    if single and pair.kind != "adverb" and previous and previous not in STOPWORDS and \
            word_zipf(previous) < 3.5:
        return None  # the head of a medical phrase: "vulvar lesions" (an adverb heads none:
        # "Take one pill PO BID")
    if low == pair.complex.lower() and pair.kind in ("noun", "adjective") and \
            _names_with(following) and \
            word_zipf(following) < word_zipf(pair.complex):
        return None  # a fixed term: "abdominal hysterectomy", "renal sinus"
    if pair.kind == "adjective" and after and after[0][:1].isdigit():
        return None  # "an additional 2 hours" is not "a more 2 hours"
    if single and _abbreviated(text, match.start, match.end):
        return None  # a term with its abbreviation: "end-stage renal disease (ESRD)"
    if _glossed(text, match.start, match.end):
        page.explained.add(folded)
        return None  # the term a plain word before it is glossed with: "returns (recurs)"
    if pair.clause_start and not _clause_starts(before):
        return None
    if pair.not_with and pair.not_with.intersection(before + after):
        return None
    form = _form(pair, low, before, after)
    if form is None:
        return None
    plain = _inflect(pair, found, form)
    if "your" in plain.split() and not place.speaks_to_reader():
        return None
    if _given_after(text, end, plain) or _explained_as(text, end, plain):
        page.explained.add(folded)
        return None  # "benign (non-cancerous)", "hypertension, which is high blood pressure"
    if _already_there(plain, before, after):
        return None  # "Kidney (renal) abnormalities"
    return _with_article(pair, low, text, match.start, end, before, plain)


def _shorthand_fits(text: str, start: int, end: int, page: _Page) -> bool:
    """May a pair of prescription shorthand be swapped here: not in a key to abbreviations
    ("PO = oral") nor on a page that has one for it, and not joined by a slash to another
    ("PO/IV", "mg/PO")?"""
    if _KEY.match(text, end) or fold_phrase(text[start:end]) in page.keyed:
        return False
    return text[start - 1:start] != "/" and text[end:end + 1] != "/"


def _next_to_shorthand(text: str, start: int, end: int) -> bool:
    """Does the shorthand text[start:end] stand next to other shorthand of prescriptions, as in
    a run of it ("10 mg PO BID"), which is no name though its words are in capitals?"""
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    after = _WORD_AFTER.match(text, end, end + 20)
    return any(m is not None and m.group(1).lower() in _SHORTHAND for m in (before, after))


_WORD_BEFORE = lazy_re(r"(\w+)\s+$")
_WORD_AFTER = lazy_re(r"\s+(\w+)")
# Prescription shorthand a run of it is made of: how often, when and how a dose is taken.
_SHORTHAND = frozenset("po bid tid qid qd qod qhs prn iv im sc sq sl pr hs ac pc npo".split())
# A key to abbreviations: "PO = oral; qd = every day".
_KEY = lazy_re(KEY_SIGN)
_KEYED = lazy_re(r"([^\W_][\w.]*)" + KEY_SIGN)


def _with_article(pair: Pair, low: str, text: str, start: int, end: int, before: list[str],
                  plain: str) -> tuple[int, str, str] | None:
    """The swap with the "a" or "an" before the word changed to fit the substitute ("an
    abdominal" becomes "a belly"); None where "a" stands before a plural."""
    article = before[0] if before and before[0] in ("a", "an") else ""
    if article and pair.kind == "noun" and low != pair.complex.lower() and low.endswith("s") \
            and not low.endswith("'s"):
        return None  # a possessive that lost its apostrophe: "an individuals symptoms"
    if article and text[start - len(article) - 1:start].lower() == article + " ":
        written = text[start - len(article) - 1:start - 1]
        new = _article(plain, written)
        if new != written:
            start -= len(article) + 1
            plain = f"{new} {plain}"
    return start, text[start:end], plain


def _fits_between(pair: Pair, before: list[str], after: list[str], lead: str = "") -> bool:
    """Can the substitute stand between the words before and after it, as the pair's fields
    say (not_before, not_after, only_after, only_before, before_noun, needs_noun,
    predicative, not_before_gerund)? `lead`: at the start of a list item, the word that ends
    the line opening its list ("have" of "Others may have:"), the word before it."""
    previous, following = _word_at(before) or lead, _word_at(after)
    ahead = [following] if pair.kind != "adjective" else \
        [w for w in after[:4] if w[:1].isalnum()][:3]  # "pulmonary and aortic valves"
    # past a word saying how often: "are usually benign" is "are usually not cancer"
    linked_by = _word_at(before[1:]) if pair.predicative and previous in _HOW_OFTEN else \
        previous
    if pair.not_before.intersection(ahead) or (following and not pair.before_noun) or \
            previous in pair.not_after or (pair.only_after and linked_by not in pair.only_after) \
            or (pair.only_before and following not in pair.only_before):
        return False
    if pair.needs_noun and not _noun_or_adjective(following):
        return False
    if before[:1] in ([","], ["and"], ["or"]) and _listed_after(before, pair.not_after):
        return False  # "You may also have cramps, bloating, nausea and ..."
    if pair.predicative and not _ends_what_is_said(after):
        return False  # "benign brain tumors", "benign or malignant" are no "not cancer ..."
    # "attempts require stopping it" is not "need stopping it"
    return not (pair.not_before_gerund and _gerund_with_object(after))


def _listed_after(before: list[str], words: frozenset[str]) -> bool:
    """Is the word an item of a list that follows one of the verbs among `words` ("have" in
    "You may also have fever, chills, nausea")? The list is read back to a mark that ends a
    clause, for up to _LIST_REACH words and marks."""
    for token in before[:_LIST_REACH]:
        if token in _CLAUSE_MARKS or token in _LIST_HEADS:
            return False  # the list follows another word: "they may include fever, nausea"
        if token in _LIST_VERBS and token in words:
            return True
    return False


_LIST_REACH = 15
_CLAUSE_MARKS = frozenset(".;:()?!")
# Words a list may follow that are not the verbs a pair cannot follow (a nearer one of these
# is what the list hangs on)
_LIST_HEADS = frozenset("include includes included including are is was were be cause causes "
                        "caused as like with such may can might could will".split())
_LIST_VERBS = frozenset("have has had having feel feels felt".split())


def _ends_what_is_said(after: Sequence[str]) -> bool:
    """Does the word end what is said of the subject ("are benign.", "is benign; however",
    "is benign in most cases", "are benign and rarely spread", "are benign, but there is a
    chance ..."), not go on to a noun or another adjective ("benign tumors", "benign or
    malignant", "benign, well circumscribed, and encapsulated nodules")?"""
    rest = list(after)
    if not rest:
        return True  # the sentence ends
    if rest[0] in ("(", "/"):
        return False  # "benign (harmless) tumors", "benign/malignant"
    if not rest[0][:1].isalnum() and rest[0] != ",":
        return True  # a mark ends the clause: "benign; however"
    if rest[0] in _PREPOSITIONS or rest[0] in _CLAUSE_OPENERS:
        return True  # "benign in most cases", "benign when found early"
    if rest[0] == ",":
        rest = rest[1:]
    if rest and rest[0] in ("and", "but"):
        rest = rest[1:]
    elif after[0] != ",":
        return False  # "benign tumors", "benign or malignant"
    going_on = rest[0] if rest else ""
    if going_on == "or":
        return False  # "benign, or malignant,"
    if going_on in _FUNCTION or going_on in STOPWORDS or going_on in _CLAUSE_OPENERS or \
            going_on in _SUBJECTS or going_on[:1].isdigit():
        return True  # a new clause: "benign, they can ...", "benign, and 5% were ..."
    kinds = _kinds(going_on)
    # a verb or an adverb ("rarely spread"), not a word that may describe ("localized",
    # "slow-growing", "noncancerous": an -ed word, a joined word, one the tables do not know)
    return bool(kinds) and "ADJ" not in kinds and "NOUN" not in kinds and \
        not going_on.endswith("ed") and "-" not in going_on


# Words that open a clause after "benign" ("benign, but there is", "benign when found").
_CLAUSE_OPENERS = frozenset("there although though while whereas however so yet when if "
                            "because unless".split())


def _gerund_with_object(after: Sequence[str]) -> bool:
    """Do the words after start with a verb in -ing that goes on to an object ("stopping it",
    "taking 2 pills", "wearing gloves"), not one that ends its clause or meets a preposition
    ("needs cleaning every day", "needs cleaning.")?"""
    if not after or not after[0].endswith("ing") or len(after[0]) <= 4 or \
            not can_be_verb(after[0]):
        return False
    return len(after) >= 2 and after[1] not in _AFTER_GERUND_ALONE


# What may follow a verb in -ing used without an object: a mark that ends the clause, a
# preposition, a word of time ("needs cleaning every day").
_AFTER_GERUND_ALONE = frozenset({".", ",", ";", ":", "!", "?", ")", "and", "or", "but", "every",
                                 "daily", "often", "regularly", "again", "now", "soon", "later",
                                 "after", "before", "for", "to", "at", "in", "on", "with", "by",
                                 "from", "until", "during", "when", "if", "because", "as"})


# A single quote that opens a quotation: at the start, or after a space, a bracket or a double
# quote (a lookbehind, so it holds at a sentence's first character too).
_QUOTE_OPENED = lazy_re(r"(?<![^\s(\[\"“])['‘]\w")


def _same_word(low: str, complex_: str, kind: str) -> bool:
    """Is the word found the pair's word or (a noun's) its plural or possessive, not another
    form of it?"""
    base = complex_.lower()
    if low == base:
        return True
    if kind in ("adjective", "adverb"):
        return False  # "initials" is not "initial"
    return low in (base + "s", base + "es", base + "'s", base + "s'") or \
        (base.endswith("y") and low == base[:-1] + "ies")


def _other_form(pair: Pair, low: str, previous: str, after: list[str]) -> str | None:
    """"NN" for a word of a pair that is not a verb, used as the pair's kind of word; None
    where it is not."""
    kinds = _kinds(pair.complex)
    if after[:1] == ["("] and ")" in after:
        after = after[after.index(")") + 1:]  # past an aside: "Individual (one-to-one) and"
    following = _word_at(after)
    if pair.kind == "noun" and low == pair.complex.lower() and "ADJ" in kinds and \
            (_noun_or_adjective(following) or _joined_modifier(following, after) or
             following in ("one", "ones")):
        return None  # an adjective here: "individual women", "individual or group
        # counseling", "the decision should be an individual one"
    if pair.kind == "noun" and "VERB" in kinds and \
            (previous in _TO_AND_MODALS or previous in _SUBJECTS):
        return None  # a verb here: "to fatigue"
    return "NN"


def _form(pair: Pair, low: str, before: list[str], after: list[str]) -> str | None:
    """How the word found is used, as the form its substitute takes: "VB", "VBZ", "VBG",
    "VBD" or "VBN" for a verb, "NN" for another word; None when it is not used as the
    pair's kind of word there, or when the sentence leaves its form unclear and the
    substitute's forms differ ("performed": "did" or "done")."""
    previous = _skip_adverbs(before)
    following = _word_at(after)
    if not pair.verb:
        if " " in pair.complex:
            return "NN"
        return _other_form(pair, low, previous, after)
    noun_too = "NOUN" in _kinds(pair.complex)
    forms = _verb_forms(pair.complex)
    object_follows = _starts_object(after)
    # a word that can be a noun is read as a verb only before a sure start of an object
    sure_object = following in _DETERMINERS or following in _PRONOUNS
    if low == pair.complex.lower():
        if noun_too and not (previous in _TO_AND_MODALS or previous in _SUBJECTS or
                             previous.endswith("n't") or (not before and sure_object)):
            return None  # a noun here: "a computer monitor", "upon request"
        form = "VB"
    elif low == forms.vbz or low.endswith("s") and not low.endswith(("ed", "ing")):
        if noun_too and not (sure_object or previous in _SUBJECTS or
                             previous in ("which", "that")):
            return None  # a plural noun here: "event monitors start"
        form = "VBZ"
    elif low == forms.vbg or low.endswith("ing"):
        if noun_too and not (previous in _BE or sure_object):
            return None  # a noun here: "safety monitoring committee"
        if (previous in _DETERMINERS or _counted(previous, before)) and \
                _noun_or_adjective(following) and not sure_object:
            return None  # an adjective before its noun: "a few participating hospitals",
            # "the 15 participating sites"
        if pair.intransitive and (not _gerund_subject(before) or
                                  _noun_or_adjective(following)):
            return None  # an adjective unless what does it stands before it ("the cancer
            # recurring"): "recurring infections", "your recurring, painful headaches",
            # "the symptoms are recurring" (they come and go) are no "coming back ..."
        form = "VBG"
    elif pair.intransitive:  # never passive: "it recurred in the liver", "has recurred"
        if _noun_or_adjective(following):
            return None  # an adjective: "recurred cancer" is no "came back cancer"
        form = "VBN" if _after_have(before) else "VBD"
    else:
        past = _past(previous, before, after)
        if past is None:
            return None
        form = past
    if form in ("passive", "either") and not pair.passive:
        return None  # "surgery may be indicated" is not "surgery may be shown"
    if pair.needs_object and form != "passive" and not object_follows:
        return None  # "meant to inform and help" is not "meant to tell and help"
    if form == "either":
        plain = _verb_forms(pair.plain.partition(" ")[0])
        return "VBD" if plain.vbd == plain.vbn else None
    return "VBN" if form == "passive" else form


def _after_have(before: list[str]) -> bool:
    """Does "has" or "have" stand before the verb in its clause ("has recurred", "has since
    recurred", "Has the cancer recurred?", "has spread to the bones or recurred"), not in
    a clause before it ("patients who have cancer that recurred")?"""
    for word in before[:_CLAUSE_REACH]:
        if word in _HAVE:
            return True
        if not word[:1].isalnum() or word in ("that", "which", "who", "whose", "when"):
            return False
    return False


_CLAUSE_REACH = 12  # words read back for the "has" of a verb


def _past(previous: str, before: list[str], after: list[str]) -> str | None:
    """An -ed form: "passive" ("is performed", "a medicine administered by"), "VBN" after
    "has" or "have", "VBD" (the past: "they performed the tests"), "either" when only the
    substitute's two forms being alike would make it right, None when it is an adjective
    before a noun ("assisted living", "these modified cells")."""
    following = _word_at(after)
    if previous in _BE or previous in _GET:
        return "passive"
    if previous in _HAVE:
        return "VBN"
    if following == "by":
        return "passive"
    raw = before[0] if before else ""
    subject = raw[:1].isalnum() and raw not in _DETERMINERS and raw not in _PREPOSITIONS
    if not subject and _names_with(following):
        return None  # an adjective: "these modified cells", "- modified food starch"
    if subject and (following in _DETERMINERS or following in _PRONOUNS or
                    following == "that" or _starts_object(after) and _a_subject(raw)):
        return "VBD"  # "doctors administered the drug", "patients discontinued treatment"
    if _names_with(following):
        return None  # an adjective, or unclear: "assisted living", "informed decisions"
    if previous in _SUBJECTS or previous in ("which", "that"):
        return "VBD"  # "women who participated in the trial"
    if raw in (",", "(") or (following in _PREPOSITIONS and previous not in _SUBJECTS and
                             previous not in ("that", "which", "who")):
        return "passive"  # "Radiation therapy, performed by", "drinks consumed per day"
    return "either"


_ABBREVIATION_AFTER = lazy_re(r"(?:[\s-]+[^\W\d_][\w'’-]*){0,3}\s*\(([A-Z][A-Z0-9]{1,7})s?\)")


def _abbreviated(text: str, start: int, end: int) -> bool:
    """Is a term that the word starts or is in followed by its abbreviation in brackets
    ("end-stage renal disease (ESRD)", "pulmonary rehabilitation (PR)")?"""
    short = _ABBREVIATION_AFTER.match(text, end, end + 80)
    return short is not None and text[start:start + 1].upper() in short.group(1)


# What stands in brackets right after the word: "benign (non-cancerous)"; what an "or" or a
# "which means" gives as its other words: "benign, or non-cancerous, growths", "benign, which
# means they are non-cancerous".
_BRACKET_AFTER = lazy_re(r"\s*\(([^()]{1,60})\)")
_GLOSS_AFTER = lazy_re(r",\s+or\s+([^,.;:()]{1,30}),|"
                       r",?\s+(?:which means|meaning|that is,?)\s+([^,.;:()]{1,40})")
_OPEN_BEFORE = lazy_re(r"([^\W\d_]{3,})\s*\(\s*$")
_SHUT_AFTER = lazy_re(r"\s*\)")
_PLAINER = 1.0  # how much more common (Zipf) a plain word is than the term it is glossed with


def _given_after(text: str, end: int, plain: str) -> bool:
    """Do the brackets right after the word, or an ", or ...," or a "which means ..." right
    after it, hold the substitute's own word in another form ("benign (non-cancerous)",
    "benign, or non-cancerous, growths", "benign, which means they are non-cancerous" for
    "not cancer")? The writer has explained it there."""
    gloss = _BRACKET_AFTER.match(text, end) or _GLOSS_AFTER.match(text, end)
    if gloss is None:
        return False
    inside = (gloss.group(1) or gloss.group(2)).lower()
    return any(word in inside for word in plain.lower().split()
               if len(word) > 4 and word not in STOPWORDS)


def _explained_as(text: str, end: int, plain: str) -> bool:
    """Does the word's explanation right after it give the substitute ("hypertension, which
    is high blood pressure", "edema (swelling)", "renal, or kidney, ...")?"""
    m = _EXPLAINED_AS.match(text, end)
    return m is not None and text[m.end():m.end() + len(plain)].lower() == plain.lower()


# (or a dash: "Primary care physicians -- doctors who treat ...")
_EXPLAINED_AS = lazy_re(r"\s*(?:\(|,\s*(?:(?:which|that)\s+(?:is|are|means?)|meaning|or)\s|"
                        r"\s(?:--|[–—])\s)\s*(?:(?:an?|the)\s+)?", re.I)


def _glossed(text: str, start: int, end: int) -> bool:
    """Is the word all that stands in brackets right after a plainer word: the term the
    writer gives for the plain words before it ("if the condition returns (recurs)", "fluid
    (edema)"), not a label ("Mineral oil (oral)", "6 h (oral)") nor a little word's aside
    ("and (frequently) death")?"""
    word = _word_glossed(text, start, end)
    if word is None or word.lower() in STOPWORDS:
        return False
    return word_zipf(word) >= word_zipf(text[start:end]) + _PLAINER


def _word_glossed(text: str, start: int, end: int) -> str | None:
    """The word right before the brackets that text[start:end] stands alone in ("fluid" of
    "fluid (edema)"), if it so stands."""
    if _SHUT_AFTER.match(text, end) is None:
        return None
    before = _OPEN_BEFORE.search(text, max(0, start - 40), start)
    return before.group(1) if before is not None else None


def _taught(text: str, start: int, end: int, plain: str) -> bool:
    """Does the writer explain the word right there with its substitute's words: after it
    ("benign (not cancerous)", "hypertension, which is high blood pressure") or before it
    ("noncancerous (benign) tumors")?"""
    return _given_after(text, end, plain) or _explained_as(text, end, plain) or \
        _glossing(text, start, end, plain)


def _glossing(text: str, start: int, end: int, plain: str) -> bool:
    """Is the word all that stands in brackets right after a word holding its substitute's
    own word in another form ("noncancerous (benign) tumors" for "not cancer")? The writer
    has explained it there."""
    word = _word_glossed(text, start, end)
    if word is None:
        return False
    glossed = word.lower()
    if plain.lower().startswith(("not ", "no ")) and not glossed.startswith(("non", "un")):
        return False  # "cancerous (benign)" says the opposite of "not cancer"
    return any(word in glossed for word in plain.lower().split()
               if len(word) > 4 and word not in STOPWORDS)


def _clause_starts(before: list[str]) -> bool:
    """Does a clause start here: the sentence's start, or after ";", ":", a dash or "and"?"""
    return not before or before[0] in (";", ":", "—", "–", "and", "but")


def _already_there(plain: str, before: list[str], after: list[str]) -> bool:
    """Are the words of the substitute that carry meaning already within a few words
    ("kidney" in "Kidney (renal)")? Little words ("to", "about") do not count."""
    meaning = [fold(w) for w in plain.split() if w not in STOPWORDS and w not in _FUNCTION]
    near = {fold(part) for w in before[:8] + after[:8] if w[:1].isalnum()
            for part in (w, *w.split("-"))}  # "first" in "first-line"
    return bool(meaning) and all(w in near or any(  # "tired" for "tiredness"
        len(n) >= 4 and w.startswith(n) for n in near) for w in meaning)


# -- reading the sentence around a match ---------------------------------------------------------

_TOKEN = lazy_re(r"[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s*_]")
_REACH = 200  # characters read on each side of a match, within its sentence

_DETERMINERS = frozenset("""
a an the this these those my your his her its our their each every any some no another such
both all several many few much more most either neither one two three four five six seven
eight nine ten
""".split())
_PRONOUNS = frozenset("""
me you him her it us them myself yourself himself herself itself ourselves themselves
yourselves someone everyone anyone your their his its our my
""".split())
_SUBJECTS = frozenset("i you we they he she it who".split())
_TO_AND_MODALS = frozenset("""
to can could may might must shall should will would do does did cannot please not never
""".split())
_BE = frozenset("am is are was were be been being isn't aren't wasn't weren't 're 's".split())
_HAVE = frozenset("has have had having hasn't haven't hadn't 've".split())
_GET = frozenset("get gets got gotten getting".split())
_PREPOSITIONS = frozenset("""
by in at on for with from to of per during after before under over into onto through
throughout without within among between about against via upon until as like near across
along around beyond following
""".split())
_FUNCTION = _DETERMINERS | _PRONOUNS | _PREPOSITIONS | _BE | _HAVE | _TO_AND_MODALS | \
    frozenset("and or but nor so yet if than that which who whom whose when while where".split())
# Words saying how often, that may stand between a linking verb and what it says ("are usually
# benign")
_HOW_OFTEN = frozenset("usually often mostly generally typically commonly".split())
_ADVERBS = frozenset("""
not never also often usually always sometimes still already just even only then now first
better well fully soon again almost
""".split())


def _word_at(tokens: list[str]) -> str:
    """The first of the tokens when it is a word (not a mark), else ""."""
    return tokens[0] if tokens and tokens[0][:1].isalnum() else ""


def _counted(previous: str, before: list[str]) -> bool:
    """Is the word before a number that counts what follows ("the 15 participating sites",
    "all 1,500 participating women", "15 participating sites ..."), not one that ends a
    phrase ("women aged 65 utilizing insulin", "over 50")? `before`: the words before,
    nearest first."""
    if not previous.replace(",", "").isdigit() or not before or before[0] != previous:
        return False
    ahead = before[1] if len(before) > 1 else ""
    return not ahead[:1].isalnum() or ahead in _DETERMINERS


def _skip_adverbs(before: list[str]) -> str:
    """The word before, past any adverbs ("is usually performed": "is"); "" at a mark."""
    for token in before:
        if not token[:1].isalnum():
            return ""
        if token not in _ADVERBS and not (token.endswith("ly") and len(token) > 4):
            return token
    return ""


def _starts_object(after: list[str]) -> bool:
    """Does a noun phrase start here: a determiner, a pronoun, a noun that is not also an
    adjective, or a name?"""
    word = _word_at(after)
    if not word or word == "that":
        return False
    if word in _DETERMINERS or word in _PRONOUNS:
        return True
    kinds = _kinds(word)
    return "NOUN" in kinds and "ADJ" not in kinds and word not in _FUNCTION


def _a_subject(word: str) -> bool:
    """Can the word before a verb be its subject: a pronoun, or a noun that is not also a
    verb ("patients", not "make" in "make informed decisions")?"""
    kinds = _kinds(word)
    return word in _SUBJECTS or word in ("that", "which") or \
        (not kinds or "NOUN" in kinds) and "VERB" not in kinds


def _gerund_subject(before: list[str]) -> bool:
    """Does what does the verb in -ing stand right before it ("the cancer recurring", "it
    recurring"), or before a "from" right before it ("keep tumors from recurring")?"""
    word = before[0] if before else ""
    if word == "from":
        word = before[1] if len(before) > 1 else ""  # (not "suffer from recurring pain")
    return _doer(word)


# Pronouns that can do what a verb in -ing says ("it recurring"), not "your", "her", "its".
_DOERS = frozenset("i you he she it we they me him us them".split())


def _doer(word: str) -> bool:
    """Can the word be what does something: a pronoun that can, or a word that is only a
    noun (not an adjective too, "other", "specific", nor a verb, "causes", "suffer")?"""
    if word in _DOERS:
        return True
    if word in STOPWORDS or word in _FUNCTION or word in _MODIFIERS:
        return False
    return _kinds(word) == _ONLY_A_NOUN


_ONLY_A_NOUN = frozenset({"NOUN"})
_MODIFIERS = frozenset({"other", "same", "own"})  # nouns to the word tables, not here


def _names_with(word: str) -> bool:
    """Could the word be the rest of a name ("hysterectomy" in "abdominal hysterectomy"): a
    noun or an adjective, or a word too rare to be known?"""
    if not word or word in _FUNCTION or word in STOPWORDS:
        return False
    kinds = _kinds(word)
    return not kinds or "NOUN" in kinds or "ADJ" in kinds


def _joined_modifier(following: str, after: list[str]) -> bool:
    """Is the word joined by "and" or "or" to another word that stands before a noun with it
    ("individual or group counseling", "individual and small-group settings")?"""
    return following in ("and", "or") and len(after) >= 3 and \
        _noun_or_adjective(_word_at(after[1:]).split("-")[-1]) and \
        _noun_or_adjective(_word_at(after[2:]).split("-")[-1])


def _noun_or_adjective(word: str) -> bool:
    """Can the word be a noun or an adjective (and is it not a little word like "with")?"""
    if not word or word in _FUNCTION:
        return False
    kinds = _kinds(word)
    return "NOUN" in kinds or "ADJ" in kinds


class _Place:
    """One block of prose, read around a match: its sentences, links and quotations, each
    worked out once and only when a match needs it."""

    def __init__(self, doc: Document, index: int, block: Block) -> None:
        self.doc, self.index, self.block, self.text = doc, index, block, block.text
        self._sentences: list[tuple[int, int]] | None = None
        self._quotes: list[tuple[int, int]] | None = None
        self._links: list[tuple[int, int]] | None = None
        self._addresses: list[tuple[int, int]] | None = None
        self._speaks: bool | None = None

    def around(self, start: int, end: int) -> tuple[list[str], list[str]]:
        """The lower-case tokens (words and marks) before the match, nearest first, and after
        it, within its sentence and a few words."""
        first, last = self._sentence(start)
        lo, hi = max(first, start - _REACH), min(last, end + _REACH)
        before = _TOKEN.findall(self.text, lo, start)
        if lo > first and before:
            before = before[1:]  # (a word cut in two)
        after = _TOKEN.findall(self.text, end, hi)
        if hi < last and after:
            after = after[:-1]
        return [t.lower().replace("’", "'") for t in reversed(before)], \
            [t.lower().replace("’", "'") for t in after]

    def _sentence(self, offset: int) -> tuple[int, int]:
        if self._sentences is None:
            self._sentences = [(sentence.start, sentence.end)
                               for sentence in self.doc.block_sentences(self.index)]
        i = bisect.bisect_right(self._sentences, (offset, len(self.text) + 1)) - 1
        if 0 <= i < len(self._sentences) and self._sentences[i][1] >= offset:
            return self._sentences[i]
        return 0, len(self.text)

    def plural_possessive(self, start: int, end: int) -> bool:
        """Is the apostrophe right after the plural text[start:end] its possessive
        ("individuals' rights"), not a closing quote ('talk with other individuals' and
        ...): no single quote opened before it in its sentence?"""
        text = self.text
        if text[end:end + 1] not in ("'", "’") or text[end - 1:end] not in ("s", "S") or \
                text[end + 1:end + 2].isalnum():
            return False
        return _QUOTE_OPENED.search(text, self._sentence(start)[0], start) is None

    def speaks_to_reader(self) -> bool:
        """Does this block speak to the reader about the reader ("you", "your"), or, for a
        list item, the line that opens its list ("You may have:")? Not in a stock sentence
        many pages add to a paragraph ("You can use the MedlinePlus Medical Dictionary ..."),
        and not where it speaks of someone in the reader's care ("if your child has:"): "your
        stomach" would be the wrong person's."""
        if self._speaks is None:
            i = self.index
            speaks = _own_words_to_reader(self.doc, i, stock=False)
            while speaks is None and self.doc.blocks[i].kind == "list_item" and i > 0 and \
                    self.index - i < 100:
                i -= 1
                speaks = _own_words_to_reader(self.doc, i, stock=True)
            self._speaks = bool(speaks)
        return self._speaks  # (worked out once for the block: a long one has many words)

    def lead_word(self) -> str:
        """For a list item, the last word of the line that opens its list when that line
        ends in a colon ("have" of "Others may have:"), in lower case; else ""."""
        i = self.index
        while self.doc.blocks[i].kind == "list_item" and i > 0 and self.index - i < 100:
            i -= 1
        if i == self.index or self.doc.blocks[i].kind == "list_item":
            return ""
        return _lead_word(self.doc.blocks[i].text).lower()

    def in_link(self, start: int, end: int) -> bool:
        """Is the match (partly) inside a link's text? Links do not overlap, so only the
        last one that starts before the match ends needs asking."""
        if self._links is None:
            self._links = sorted((link.start, link.end) for link in self.block.links)
        i = bisect.bisect_left(self._links, (end, -1)) - 1
        return i >= 0 and self._links[i][1] > start

    def in_address(self, offset: int) -> bool:
        """Is the offset inside a link address written out in the text, such as the end of a
        link the parser could not read ("... a loved one.](/research/participate/...)")?"""
        if self._addresses is None:
            self._addresses = written_links(self.text)
        return within(self._addresses, offset)

    def quoted(self, offset: int) -> bool:
        """Is the offset inside quotation marks ("…" or “…”)?"""
        if self._quotes is None:
            self._quotes = _quotations(self.text)
        i = bisect.bisect_right(self._quotes, (offset, len(self.text) + 1)) - 1
        return 0 <= i < len(self._quotes) and self._quotes[i][1] > offset


def _quotations(text: str) -> list[tuple[int, int]]:
    """The spans inside quotation marks, in order. A mark opens a quotation where it starts
    a word ("“" always, a straight quote after a space or at the start) and closes one where
    it ends a word ("”" always, a straight quote after a letter or a mark): writers mix them
    ("...benefit,” said Dr. Madan. "Although ..."). A quotation still open at the block's end
    runs to it."""
    spans = []
    opened = -1
    for m in re.finditer(r"[“”\"]", text):
        mark, at = m.group(), m.start()
        starts_word = mark == "“" or mark == '"' and (at == 0 or text[at - 1].isspace()
                                                      or text[at - 1] in "([")
        if starts_word and opened < 0:
            opened = m.end()
        elif not starts_word and opened >= 0:
            spans.append((opened, at))
            opened = -1
    if opened >= 0:
        spans.append((opened, len(text)))  # a quotation that runs on to the block's end
    return spans


class _Page:
    """What the whole page says about its words, worked out once and only when needed: the
    words it links and its title's words; and, as the blocks are read in order, the words it
    has explained so far."""

    def __init__(self, doc: Document, refs: tuple[str, ...]) -> None:
        self.doc, self.refs = doc, refs
        # words the writer explained where they used them ("hypertension, which is high
        # blood pressure"): a term taught on purpose, left alone where it comes again
        self.explained: set[str] = set()

    @property
    def keyed(self) -> frozenset[str]:
        """The words a key to abbreviations on the page explains ("PO = by mouth"), folded."""
        return self.doc.memo("plain-words keyed", lambda: frozenset(  # type: ignore
            fold_phrase(m.group(1)) for block in self.doc.blocks if "=" in block.text
            for m in _KEYED.finditer(block.text)))

    @property
    def linked(self) -> frozenset[str]:
        return self.doc.memo(("plain-words linked", self.refs), self._linked)  # type: ignore

    def _linked(self) -> frozenset[str]:
        """The text of every link on the page, each of the things a link names with "and",
        "or" or commas ("[nausea and/or vomiting](...)" links nausea; not the words of another
        page's title: "[Benign and Precancerous Breast Lumps](...)" does not link "benign"),
        and the names of the glossary entries the links point to, folded."""
        found = set()
        glossaries: Sequence[Glossary] | None = None
        for block in self.doc.blocks:
            for link in block.links:
                linked = block.text[link.start:link.end]
                found.add(fold_phrase(linked))
                parts = _LINKED_PARTS.split(linked)
                if len(parts) > 1 and not _a_title(linked):
                    found.update(fold_phrase(part) for part in parts)
                if glossaries is None:
                    glossaries = load_all(self.refs) if self.refs else ()
                for glossary in glossaries:
                    inside, entry = glossary.resolve(link.href)
                    if entry is not None:
                        found.update(fold_phrase(name) for name in entry.names)
                    if inside:
                        break
        return frozenset(found)

    @property
    def topic(self) -> set[str]:
        return self.doc.memo("title words", lambda: topic_words(self.doc))  # type: ignore


# What stands between the things a link names: "and", "or", "and/or", a comma (the spaces
# around them are dropped when the parts are folded).
_LINKED_PARTS = lazy_re(r",|\band/or\b|\band\b|\bor\b", re.I)
# A word of four letters or more (those a title gives a capital).
_LONG_WORD = lazy_re(r"[^\W\d_]{4,}")


def _a_title(text: str) -> bool:
    """Is the text a title, every word of four letters or more with a capital ("Benign and
    Precancerous Breast Lumps and Conditions"; not names in capitals, "BRCA1 and BRCA2")?
    It names a page, not the things it lists."""
    words = _LONG_WORD.findall(text)
    return len(words) >= 2 and all(word[0].isupper() for word in words) and \
        any(not word.isupper() for word in words)


_YOU = lazy_re(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
# someone in the reader's care, whom "your" in a substitute would not mean
_YOUR_CHARGE = lazy_re(r"\byour (?:child|children|baby|babies|son|sons|daughter|daughters|teen|"
                       r"teens|teenager|teenagers|loved one|loved ones|partner|parent|parents)\b",
                       re.IGNORECASE)
_LETTER = lazy_re(r"[^\W\d_]")


def _lead_word(text: str) -> str:
    """The word right before the colon that ends the text ("have" of "Others may have:"), or
    ""."""
    end = len(text.rstrip())
    if not end or text[end - 1] != ":":
        return ""
    end = len(text[:end - 1].rstrip())
    return text[run_start(text, end, _LETTER):end]


def _own_words_to_reader(doc: Document, index: int, stock: bool) -> bool | None:
    """Does the block at `index` speak to the reader (True), of someone in the reader's care
    (False), or neither (None)? Its stock sentences count only with `stock` (a line that opens
    a list: "Check with your doctor if you have any of the following:")."""
    block = doc.blocks[index]
    if _YOU.search(block.text) is None:
        return None
    if _YOUR_CHARGE.search(block.text):
        return False
    if stock:
        return True
    known, topic = stock_sentences(), topic_words(doc)
    own = [s.text for s in doc.block_sentences(index)
           if len(s.words) < 3 or stock_key(s, topic) not in known]
    return True if any(_YOU.search(text) for text in own) else None


def _joined(text: str, start: int, end: int) -> bool:
    """Is the match part of a longer word joined with a hyphen ("oral-facial-digital")?"""
    return (end < len(text) - 1 and text[end] == "-" and text[end + 1].isalnum()) or \
        (start > 1 and text[start - 1] == "-" and text[start - 2].isalnum())


_LABEL_START = lazy_re(r"(?:^\s*|(?:\d%|\)|\s-)\s+)")
_LABEL_END = lazy_re(r"\s+(?:\d+(?:\.\d+)?%(?=\s+[A-Z]|\s*$)|-(?=\s))")


def _in_label(text: str, start: int, end: int) -> bool:
    """Is the match in the name of a sign in a list of named signs, each with how often it
    occurs ("Sudden cardiac death 90% Syncope 50%") or set off by dashes ("- Renal
    agenesis - Renal hypoplasia -")?"""
    lo = max(0, start - 80)
    starts = list(_LABEL_START.finditer(text, lo, start))
    left = starts[-1] if starts else None  # the last place a label could start
    right = _LABEL_END.search(text, end, end + 80)
    if left is None or right is None or (left.start() == lo and lo > 0 and
                                         not left.group().strip()):
        return False  # (no place a label starts within reach)
    label = text[left.end():right.start()]
    if not label[:1].isupper() or len(label.split()) > 7 or re.search(r"[.,;:?!()]", label):
        return False
    dash_before = left.group().strip() == "-"
    return "%" in right.group() or "%" in left.group() or ")" in left.group() or \
        (dash_before and right.group().strip() == "-")


def _outside_title(block: Block) -> bool:
    """Is the list item an outside resource named by its title ("Genetic Testing Registry:
    Surfactant metabolism dysfunction, pulmonary, 1"), not a resource the writer describes
    ("The Samfund: Offers financial assistance, education, and online support ...")?"""
    return resource_title(block) and \
        len(block.text.split(": ", 1)[-1].split()) <= _TITLE_WORDS


_TITLE_WORDS = 10  # a title is short; a writer's description of the resource is longer


def _label(block: Block) -> bool:
    """Is the block a name rather than prose: a table cell of a few words, or a paragraph
    of one or two that stands as a heading ("Medications")? Neither is a sentence."""
    words = block.text.split()
    most = 5 if block.kind == "table_cell" else 2 if block.kind == "paragraph" else 0
    return 0 < len(words) <= most and not re.search(r"[.,;:?!]", block.text) and \
        block.text[:1].isupper()


# -- the pairs ----------------------------------------------------------------------------------


def _inside_name(names: list[Match]) -> Callable[[Match], bool]:
    """Is a match a part of a longer term of several words among `names` ("oral" in "oral
    cavity")? Each answer is two binary searches: asking every name about every match
    would take time that grows with the square of a long paragraph's terms."""
    spans = sorted((n.start, n.end) for n in names if " " in n.text)
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))  # furthest end yet

    def inside(match: Match) -> bool:
        i = bisect.bisect_right(starts, match.start)  # names that start where it does or before
        j = bisect.bisect_left(starts, match.start)  # names that start before it
        return i > 0 and reach[i - 1] > match.end or j > 0 and reach[j - 1] >= match.end

    return inside


# What a pair in a word list may say, and what kind of value each field takes.
_FIELDS = {"complex": str, "plain": str, "verb": bool, "before_noun": bool, "kind": str,
           "needs_object": bool, "passive": bool, "clause_start": bool, "needs_noun": bool,
           "not_before": list, "not_after": list, "only_after": list, "only_before": list,
           "not_with": list, "not_before_gerund": bool, "intransitive": bool,
           "predicative": bool, "medical": bool, "shorthand": bool}
_KINDS = ("noun", "adjective", "adverb")


def _load_pairs(path: Path) -> list[dict[str, Any]]:
    """The pairs of a word list, each checked: a complex word and a plain one, both text,
    and the other fields of the kinds they take."""
    data = load_yaml(path)[0] or {}
    pairs = data.get("words", []) if isinstance(data, dict) else None
    if not isinstance(pairs, list):
        raise ConfigError("a word list needs 'words:', a list of {complex: ..., plain: ...}",
                          str(path))
    for i, pair in enumerate(pairs):
        if not (isinstance(pair, dict) and all(isinstance(pair.get(k), str) and pair[k].strip()
                                               for k in ("complex", "plain"))):
            raise ConfigError(f"words.{i}: each pair needs a 'complex' and a 'plain' word",
                              str(path))
        for key, value in pair.items():
            _check_field(f"words.{i}", key, value, str(path))
    return list(pairs)


def _check_field(where: str, key: Any, value: Any, path: str) -> None:
    wanted = _FIELDS.get(key) if isinstance(key, str) else None
    if wanted is None:
        raise ConfigError(f"{where}: '{str(key)[:40]}' is not a field of a pair; the fields "
                          f"are {', '.join(_FIELDS)}", path)
    if wanted is list:
        if not (isinstance(value, list) and all(isinstance(w, str) for w in value)):
            raise ConfigError(f"{where}.{key} needs a list of words", path)
    elif not isinstance(value, wanted):
        raise ConfigError(f"{where}.{key} needs {'true or false' if wanted is bool else 'text'}",
                          path)
    if key == "kind" and value not in _KINDS:
        raise ConfigError(f"{where}.kind is one of {', '.join(_KINDS)}", path)


@lru_cache(maxsize=8)
def _matcher(extra: tuple[tuple[str, str], ...],
             files: tuple[str, ...]) -> tuple[Matcher, dict[str, Pair]]:
    bundled = Path(__file__).resolve().parent.parent / "data" / "plain-words.yaml"
    raw = _load_pairs(bundled)
    for name in files:
        raw.extend(_load_pairs(Path(name)))
    raw.extend({"complex": c, "plain": p} for c, p in extra)
    familiar = familiar_words()
    glossary = Glossary("plain-words")
    pairs: dict[str, Pair] = {}
    for item in raw:
        complex_ = item["complex"]
        if " " not in complex_ and not complex_.isupper() and is_familiar(complex_, familiar):
            continue  # readers know it already: "however" (not "BID", whose "bid" they know)
        verb = bool(item.get("verb"))
        words = {key: frozenset(w.lower() for w in item.get(key, ()))
                 for key in ("not_before", "not_after", "only_after", "only_before", "not_with")}
        pair = Pair(complex_, item["plain"], verb, words["not_before"],
                    bool(item.get("before_noun", True)),
                    item.get("kind") or ("" if verb else _kind_of(complex_)),
                    bool(item.get("needs_object")), bool(item.get("passive", True)),
                    bool(item.get("clause_start")), bool(item.get("needs_noun")),
                    words["not_after"], words["only_after"], words["only_before"],
                    words["not_with"], bool(item.get("not_before_gerund")),
                    bool(item.get("intransitive")), bool(item.get("predicative")),
                    bool(item.get("medical")), bool(item.get("shorthand")))
        pairs[complex_] = pair
        forms = _regular(complex_) if pair.verb else ()
        glossary.add(Entry("plain-words", complex_, complex_, tuple(forms)))
    return Matcher([glossary], short_names=True), pairs


def _kind_of(complex_: str) -> str:
    """A word's kind when it has only one of noun, adjective and adverb ("oncologist": a
    noun); "" for a phrase or a word of several kinds."""
    if " " in complex_:
        return ""
    kinds = [k for k, name in (("NOUN", "noun"), ("ADJ", "adjective"), ("ADV", "adverb"))
             if k in _kinds(complex_)]
    return {"NOUN": "noun", "ADJ": "adjective", "ADV": "adverb"}[kinds[0]] \
        if len(kinds) == 1 else ""


def _inflect(pair: Pair, found: str, form: str) -> str:
    """The plain substitute in the form of the word found (not yet in its case)."""
    plain = pair.plain
    head, _, rest = plain.partition(" ")
    if pair.verb:
        if form != "VB":
            forms = _verb_forms(head)
            head = {"VBZ": forms.vbz, "VBD": forms.vbd, "VBN": forms.vbn,
                    "VBG": forms.vbg}.get(form, head)
        return f"{head} {rest}".strip()
    low = found.lower().replace("’", "'")
    apostrophe = "’" if "’" in found else "'"
    possessive = low.endswith(("'s", "s'"))
    low = low[:-2] if low.endswith("'s") else low[:-1] if low.endswith("s'") else low
    if low != pair.complex.lower() and low.endswith("s") and not plain.endswith("s"):
        if " " in plain:
            plain += "s"  # "side effect" -> "side effects"
        else:
            plain = _PLURALS.get(plain, plain + "s")  # "physicians" -> "doctors"
    if possessive:  # "an individual's" -> "a person's", "physicians'" -> "doctors'"
        plain += apostrophe if plain.endswith("s") and found.endswith(("s'", "s’")) \
            else apostrophe + "s"
    return plain


def _article(word: str, written: str) -> str:
    """"a" or "an" for the word, in the case of the article as written."""
    low = word.lower()
    vowel_sound = (low[:1] in "aeiou" or low.startswith(("hour", "honest", "honor"))) and \
        not low.startswith(("one", "eu", "uni", "use", "usu", "ura", "uri", "uro", "ute"))
    article = "an" if vowel_sound else "a"
    return article.capitalize() if written[:1].isupper() else article


_PLURALS = {"person": "people", "child": "children"}


# -- word forms and kinds, from lemminflect -----------------------------------------------------


class Forms(NamedTuple):
    """A verb's forms: "gives", "gave", "given", "giving"."""

    vbz: str
    vbd: str
    vbn: str
    vbg: str


@lru_cache(maxsize=1024)
def _verb_forms(verb: str) -> Forms:
    """A verb's forms, as lemminflect gives them, else made by rule."""
    low = verb.lower()
    found = _forms_table().get(low) if low.isascii() and low.isalpha() else None
    forms = found.split("|")[1] if found else ""
    if forms:
        vbz, vbd, vbn, vbg = forms.split(",")
        return Forms(vbz, vbd, vbn, vbg)
    vbz, vbd, vbg = _regular(low)
    return Forms(vbz, vbd, vbd, vbg)


@lru_cache(maxsize=1 << 14)
def _kinds(word: str) -> frozenset[str]:
    """The kinds of word it can be, of NOUN, VERB, ADJ and ADV (none when unknown)."""
    low = word.lower().replace("’", "'")
    low = low[:-2] if low.endswith("'s") else low
    found = _forms_table().get(low) if low.isascii() and low.isalpha() else None
    return frozenset(found.split("|")[0].split(",")) if found else frozenset()


@cache
def _forms_table() -> WordTable:
    folder = package_folder("lemminflect") / "resources"
    return cached_table("word-forms", [folder / "infl_lu.csv.gz",
                                      folder / "infl_overrides.csv", Path(__file__)],
                        _forms_rows)


_UPOS = {"NN": "NOUN", "NNS": "NOUN", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV",
         "RBR": "ADV", "RBS": "ADV"}


def _forms_rows() -> Iterator[tuple[str, str]]:
    """Every plain lower-case word lemminflect can inflect or gives as a form, as
    "kinds|forms": the kinds of word it can be ("NOUN,VERB") and, for a verb, its forms
    ("gives,gave,given,giving")."""
    from lemminflect import Inflections, getAllInflections

    inflections = Inflections()
    lemmas = {*inflections._getInflDict(), *inflections._getOverridesDict()}
    kinds: dict[str, set[str]] = {}
    verbs: dict[str, str] = {}
    for lemma in lemmas:
        if not (lemma.isascii() and lemma.isalpha() and lemma.islower()):
            continue
        found = getAllInflections(lemma)
        for tag, words in found.items():
            for word in words:
                if word.isascii() and word.isalpha() and word.islower():
                    kinds.setdefault(word, set()).add(_UPOS.get(tag, "VERB"))
        if "VBD" in found and "VBG" in found and "VBZ" in found:
            vbd = found["VBD"][0]
            verbs[lemma] = ",".join((found["VBZ"][0], vbd, found.get("VBN", (vbd,))[0],
                                     found["VBG"][0]))
    for word, its in kinds.items():
        yield word, f"{','.join(sorted(its))}|{verbs.get(word, '')}"


def _regular(verb: str) -> tuple[str, str, str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    return verb + "s", stem + "ed", stem + "ing"
