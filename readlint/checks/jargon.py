from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..glossary import block_matches, fold_phrase, related_to
from ..problem import Problem, Severity
from ..prose import words
from ..rule import UNDEFINED_TERM, Example, Rule
from ..vocabulary import (
    SKIP_SECTIONS,
    STOPWORDS,
    everyday_compound,
    explained,
    in_proper_name,
    is_acronym,
    is_medical_form,
    rarity,
    sentence_start,
    word_zipf,
    zipf,
)


class UndefinedJargon(Rule):
    """A word or phrase the reader may not know is used without being explained.

    Why: a patient who meets "metastatic", "prognosis" or "T-DM1" and does not know it stops
    understanding the sentence. Explain such a term the first time you use it.

    What counts as hard: a word rare in everyday English (wordfreq's Zipf scale, set per
    audience; a word counts as common when its plain form is, so "numbness" is as easy as
    "numb"), a less rare word that is medical (built the medical way, with -itis, -ectomy,
    -oma, -emia, -penia, -ology, hyper-, hypo-, ..., in a medical glossary, or a term of one
    with a word-building ending: "catheterization", "estrogenic"), and an
    abbreviation or code (HER2, PSA, T-DM1) that is never spelled out. Drug and brand names
    count. A hard word starts a term of several words when the words after it are rare or
    medical too, and the whole term is reported once ("amyotrophic lateral sclerosis").
    Inflected forms are one term ("metastasized", "metastasize"; "TKIs", "TKI").

    Not hard: names of people, places and organisations (a capital letter inside a sentence,
    or a word inside a longer capitalised name); stage and group labels (IIA, IVC, T2N0M0);
    everyday words with an everyday prefix or run together ("unwashed", "regrow",
    "noncancerous", "underarm", "hipbone"); genes written in italics ("*MN1*"); a numbered
    type of an abbreviation already met ("HPV-11" after "HPV"); pronunciation keys
    ("(oh-LA-puh-rib)"). Only the first use on the page is checked; headings and
    administrative sections are not. Terms in the rule set's glossaries are left to the
    glossary-link rule when `skip_glossary_terms` is on.

    What counts as explained, at that first use (and then for the rest of the page):
      - a plain explanation in parentheses right after it: "prognosis (chance of recovery)";
      - the term in parentheses after a plain phrase: "a drop in platelet levels
        (thrombocytopenia)";
      - "called X", "known as X", "X is a ...", "X means ...", "X refers to ...",
        "X, which is ...", "X, a ...", "X - a ..." or "X — a ...";
      - the next sentence: "... cholangitis. It is an infection of the bile ducts.";
      - "Term: ..." at the start of a paragraph or list item, and "ABC = ..." keys;
      - "the drug X", "the medicine X" for drug names;
      - an abbreviation after its long form: "American Society of Clinical Oncology (ASCO)";
      - a link on that use.

    How to fix: explain the term in plain words where it first appears, or use an everyday
    word instead.

    Options:
      max_zipf: words rarer than this in English are hard (Zipf scale; default 2.0: about
        one use in 10 million words); medical words have their own limit.
      medical_max_zipf: words built the medical way are hard when rarer than this
        (default 4.0).
      acronym_max_zipf: abbreviations are hard when rarer than this (default 4.0).
      skip_glossary_terms: leave terms of the glossaries to glossary-link (default true).
      glossaries: glossaries whose terms are left to glossary-link.
      ignore: words never reported (for words your readers know).
      skip_sections: headings (glob patterns) of sections not checked, such as references
        and disclaimers.
    """

    name = "undefined-jargon"
    code = "RL201"
    default_severity = Severity.WARNING
    summary = "A term the reader may not know is used without being explained."
    tags = frozenset({UNDEFINED_TERM})
    example = Example("Your doctor may suggest a cholecystectomy.\n",
                      "Your doctor may suggest a cholecystectomy (surgery to remove the "
                      "gallbladder).\n")
    options = {
        "max_zipf": {"type": "number", "default": 2.0},
        "medical_max_zipf": {"type": "number", "default": 4.0},
        "acronym_max_zipf": {"type": "number", "default": 4.0},
        "skip_glossary_terms": {"type": "boolean", "default": True},
        "glossaries": {"type": "array", "items": {"type": "string", "minLength": 1},
                       "default": ["nci-cancer-terms", "nci-drugs"], "x-readlint-paths": True},
        "ignore": {"type": "array", "items": {"type": "string"}, "default": []},
        "skip_sections": SKIP_SECTIONS,
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        ignored = {fold_phrase(w) for w in options["ignore"]}
        found = block_matches(doc, tuple(options["glossaries"]))
        # Abbreviations spelled out in a heading ("Post-Traumatic Stress (PTS)") are explained.
        seen: set[str] = {fold_phrase(m.group(1)) for h in doc.headings
                          for m in _SPELLED_OUT.finditer(h.text)}
        skipped = doc.blocks_under(options["skip_sections"])
        for index, block in enumerate(doc.blocks):
            if block.kind == "heading" or index in skipped:
                continue
            text = block.text
            glossary_spans = [(m.start, m.end, m.text) for m in found[index]]  # in order
            span_starts = [start for start, _, _ in glossary_spans]
            candidates: list[tuple[int, int, str]] = []
            if not options["skip_glossary_terms"]:
                candidates.extend(s for s in glossary_spans if " " in s[2])
            taken = {i for s, e, _ in candidates for i in range(s, e)}
            for word in words(text):
                if word.start in taken:
                    continue
                for start, end, part in _hard_parts(text, word.text, word.start):
                    candidates.append((start, end, part))
            candidates.sort()
            covered = 0  # the end of the last term reported whole
            for start, end, term in candidates:
                if start < covered:
                    continue  # part of a term of several words already taken
                key = fold_phrase(term)
                if key in seen or key in ignored:
                    continue
                acronym = is_acronym(term)
                i = bisect.bisect_right(span_starts, start) - 1
                in_glossary = i >= 0 and end <= glossary_spans[i][1]
                if not self._hard(term, acronym, in_glossary, text, start, options):
                    continue
                if not in_glossary and not acronym:
                    # the whole term: "amyotrophic lateral sclerosis"
                    start, end = _whole_term(text, max(start, covered), end)
                    term = text[start:end]
                    key = fold_phrase(term)
                    covered = end
                    if key in seen or key in ignored:
                        continue
                seen.add(key)
                seen.add(fold_phrase(text[start:start + len(term.split()[0])]))
                if in_glossary and options["skip_glossary_terms"]:
                    continue
                if any(lk.start < end and start < lk.end for lk in block.links):
                    continue
                if explained(text, start, end, acronym) or _pronunciation(text, start):
                    continue
                if acronym and (_gene_or_variant(doc, block.source_offset(start),
                                                 block.source_offset(end - 1) + 1, term, seen)
                                or _GENE_AFTER.match(text, end)):
                    continue
                source_start = block.source_offset(start)
                source_end = block.source_offset(end - 1) + 1
                what = "abbreviation" if acronym else "term"
                advice = ("spell it out the first time, for example \"Long Name (ABC)\""
                          if acronym else
                          "explain it in plain words the first time, for example "
                          f"\"{term} (a short plain explanation)\", or use an everyday word")
                yield self.problem(doc, source_start, source_end,
                                   f"Readers may not know the {what} \"{term}\": {advice}.",
                                   subject=term)

    @staticmethod
    def _hard(term: str, acronym: bool, in_glossary: bool, text: str, start: int,
              options: Mapping[str, Any]) -> bool:
        """Rare in English; or rarer than the medical limit and medical (built the medical
        way, or in a medical glossary)."""
        end = start + len(term)
        if acronym:
            if _STUDY_AFTER.match(text, end) or re.fullmatch(r"NCT\d{8}", term) or \
                    (not in_glossary and in_proper_name(text, start, end)):
                return False  # a trial or group: "the KEYNOTE-355 trial", "ECOG-ACRIN Cancer"
            return zipf(term) < float(options["acronym_max_zipf"])
        if " " in term:
            return rarity(term) < float(options["medical_max_zipf"])
        if re.fullmatch(r"[a-z][A-Z][a-z]+", term):
            return False  # a brand: "iStock"
        name = in_proper_name(text, start, end)
        if term[:1].isupper() and not in_glossary and (
                _TITLE_BEFORE.search(text, max(0, start - 8), start)
                or _PERSON_AFTER.match(text, end)):
            return False  # a person: "Dr. Sznol", "Hortobagyi said", "Ambinder, M.D."
        if term[:1].isupper() and (name or not in_glossary and (
                not sentence_start(text, start) or re.search(r"[a-z][A-Z]", term))):
            return False  # a name: "Genentech", "MedlinePlus", "Clinical Oncology"
        if not in_glossary and not is_medical_form(term) and everyday_compound(term):
            return False  # "underarm", "regrow", "noncancerous"
        frequency = word_zipf(term)
        if frequency < options["max_zipf"]:
            return True
        medical = in_glossary or is_medical_form(term) or \
            (frequency < 3.5 and related_to(term, tuple(options["glossaries"])))
        return medical and frequency < options["medical_max_zipf"]


def _hard_parts(text: str, word: str, start: int) -> Iterator[tuple[int, int, str]]:
    """A word, or for a hyphenated word such as "HER2-positive" its parts that may be hard."""
    if not re.search(r"[^\W\d_]", word) or re.fullmatch(r"[\d.,]+", word):
        return
    if STAGE_LABEL.fullmatch(word):
        return  # a stage or group label: "IIA", "IVC", "T2N0M0"
    if re.fullmatch(r"\d[\d-]*-[A-Z]+-[\d-]+", word):
        return  # a phone number: "1-888-NCI-1937"
    joined = re.fullmatch(r"([^\W\d_]{4,})\.([^\W\d_]{2,})", word)
    if joined:  # two sentences with no space after the full stop: "helps.The"
        yield from _hard_parts(text, joined.group(1), start)
        yield from _hard_parts(text, joined.group(2), start + joined.start(2))
        return
    if re.search(r"\.(?:gov|com|org|net|edu|info|io|us|uk)$", word, re.I):
        return  # a web address: MedlinePlus.gov
    suffixed = re.fullmatch(r"([^\W\d_]{3,})-(?:[a-z]{4}|cel)", word)
    if suffixed:  # a drug's suffix: "tafasitamab-cxix", "liso-cel"
        word = suffixed.group(1)
        if len(word) < 6:
            return
    if "-" in word and not is_acronym(word):
        offset = start
        for part in word.split("-"):
            if part and re.search(r"[^\W\d_]", part) and len(part) > 1:
                yield offset, offset + len(part), part
            offset += len(part) + 1
    else:
        yield start, start + len(word), word


STAGE_LABEL = re.compile(r"(?:[IVX]+[A-E]?[12]?|[TNM][0-4Xx][a-d]?(?:[TNM][0-4Xx][a-d]?)*|"
                         r"L[12]|MS)")
_SPELLED_OUT = re.compile(r"\w[\w-]*(?:\s+\w[\w-]*)+\s+\(([A-Z][A-Za-z0-9-]{1,10})\)")
# A gene named in a list or on its own: "KRAS, BRAF, and NRAS genes", "BRAF mutations".
_GENE_AFTER = re.compile(r"(?:[\s,/-]+(?:and\s+|or\s+)?[A-Z][A-Z0-9-]+)*[\s*-]*(?:genes?|"
                         r"mutations?|mutated|-positive|fusions?)\b")
_STUDY_AFTER = re.compile(r"\s+(?:trials?|study|studies|group|network)\b", re.I)
_TITLE_BEFORE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof)\.\s+$")
_PERSON_AFTER = re.compile(r"(?:,\s+(?:M\.D\.|Ph\.D\.|D\.O\.|R\.N\.|M\.P\.H\.|M\.Sc?\.?|Jr\.)|"
                           r"\s+(?:said|says|"
                           r"noted|added|explained|continued|cautioned|stated|wrote|told|"
                           r"commented|agreed|concluded|reported)\b)")
_NEXT_WORD = re.compile(r" ([^\W\d_][\w'’-]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*) $")


def _whole_term(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the term of several words around the hard word text[start:end]: the
    words next to it that are rare or medical too ("amyotrophic lateral sclerosis"), never
    before `start`'s sentence or a word already reported."""
    while (m := _NEXT_WORD.match(text, end)) is not None and _term_word(m.group(1)):
        end = m.end()
    while (m := _WORD_BEFORE.search(text, max(0, start - 40), start)) is not None and \
            _term_word(m.group(1)) and (not m.group(1)[:1].isupper()
                                        or sentence_start(text, m.start(1))):
        start = m.start(1)
    return start, end


def _term_word(word: str) -> bool:
    return word.lower() not in STOPWORDS and (word_zipf(word) < 4.0 or is_medical_form(word))


_PRONUNCIATION = re.compile(r"\([\sA-Za-z….'-]*\)?")


def _pronunciation(text: str, start: int) -> bool:
    """Is the word inside a pronunciation key such as "(oh-LA-puh-rib)" or "(ree-KOM-bih-nunt
    in-ter-FEER-on …"?"""
    opening = text.rfind("(", 0, start)
    if opening < 0 or text.rfind(")", opening, start) >= 0:
        return False
    m = _PRONUNCIATION.match(text, opening)
    return m is not None and m.end() > start and \
        re.search(r"\b[A-Z]{2,}-|-[A-Z]{2,}\b", m.group()) is not None


def _gene_or_variant(doc: Document, start: int, end: int, term: str, seen: set[str]) -> bool:
    """Abbreviations that are not to be spelled out: a gene written in italics ("*MN1*"),
    and a numbered type of an abbreviation already met ("HPV-11" after "HPV")."""
    source = doc.source
    if source[start - 1:start] in ("*", "_") and source[end:end + 1] == source[start - 1]:
        return True
    base = re.fullmatch(r"([A-Z]{2,})-?\d+[A-Za-z]?", term)
    return base is not None and fold_phrase(base.group(1)) in seen
