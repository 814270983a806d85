from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from .. import jargon_model, nearby
from ..blocks import Block, Spans
from ..document import Document
from ..explanations import (
    bracketed_after,
    explained,
    named_among_kind,
    named_as_example,
    places,
)
from ..glossary_files import BUNDLED
from ..glossary_sets import block_matches, matcher_for
from ..hardness import (
    CIRCUMSTANCE,
    MEDICAL_ADJECTIVE,
    Limits,
    hard_term,
    hard_word,
    name_it_begins,
)
from ..linkpractice import is_title
from ..own_words import TABLE_OF_SIGNS
from ..patterns import lazy_re
from ..problem import Problem, Severity
from ..prose import (
    PRONUNCIATION_KEY,
    address_spans,
    is_pronunciation_key,
    spaced_pronunciation_keys,
    spelled_out,
    within,
)
from ..rule import UNDEFINED_TERM, Example, Rule
from ..vocabulary import (
    EVERYDAY_ABBREVIATIONS,
    EVERYDAY_PREFIXES,
    LONGEST_WORD,
    SKIP_SECTIONS,
    STOPWORDS,
    SUFFIX_WORDS,
    WORDS_REMEMBERED,
    everyday_health,
    in_proper_name,
    is_acronym,
    is_medical_form,
    misspelling_of,
    other_language,
    prefixed,
    run_together,
    sentence_start,
    starts_table_item,
    where_run_together,
    word_zipf,
    zipf,
)
from ..wordforms import (
    a_noun_not_adjective,
    an_english_word,
    fold,
    fold_phrase,
    forms_of_one_word,
    only_a_verb,
    page_title,
    topic_words,
)


class UndefinedJargon(Rule):
    """A word or phrase the reader may not know is used without being explained.

    Why: a patient who meets "metastatic", "prognosis" or "T-DM1" and does not know it stops
    understanding the sentence. Explain such a term the first time you use it.

    What counts as hard: a word rare in everyday English (wordfreq's Zipf scale, set per
    audience; a word counts as common when its plain form is, so "numbness" is as easy as
    "numb"), a less rare word that is medical (built the medical way, with -itis, -ectomy, -oma,
    -emia, -penia, -ology, hyper-, hypo-, ..., in a medical glossary, or a term of one with a
    word-building ending: "catheterization", "estrogenic"), a less rare word that health pages
    use far more often than English does ("autosomal", "glycogen"), and an abbreviation or code
    (HER2, PSA, T-DM1) that is never spelled out (its plural as known as it: "MRIs", "DVDs").
    Drug and brand names count. A hard word starts a term of several words when the words after
    it are rare or medical too, and the whole term is reported once ("amyotrophic lateral
    sclerosis"; with a capital inside a list, "Acanthosis nigricans"); a word of the glossaries
    is reported with the medical adjectives before it that name it with it ("Hepatic
    encephalopathy", "axonal neuropathy"; not "recurrent" or "curative"). A hard part of a word
    joined by hyphens is reported as the whole word ("salpingo-oophorectomy", "tonic-clonic";
    not "warfarin-induced", whose other part is a common word). Inflected forms are one term
    ("metastasized", "metastasize"; "TKIs", "TKI"; a Greek noun and its adjective, "metastasis"
    and "metastatic"), and a noun counts as common when its plural is ("neuron", as "neurons" is
    common). A word English does not know, one letter left out, added or swapped from a common
    word, is reported as a likely misspelling instead ("symtpoms" for "symptoms"), and so is a
    word of six letters or more that English seldom uses, a letter short of a very common one or
    two of its letters swapped ("symtoms") or its ending spelled the other way ("detectible"),
    or one a slip or two from a word of the page (not another form of it: "metaphyses" beside
    "metaphyseal"; not a medical word with another prefix: "nephroblastoma" beside
    "neuroblastoma"; at two slips, not two changed letters nor one in its ending:
    "stratifies" beside "strategies", "purulence" beside "purulent"). A word and a small
    word run together are named as such ("esophagusis":
    "esophagus is", "ofsleep": "of sleep", "foratherosclerosis"), and so are a word and a very
    common one ("creatininewaste", "cortisolmay"), words with a number between them
    ("than5days"), two words of a glossary's name ("lymphnodes"), an abbreviation and a small
    word ("CMVis": "CMV is"), and such words inside a longer term ("witharachnoiditis
    iscomplicated": "with arachnoiditis is complicated").

    In a table of signs run into the text ("Signs and Symptoms Approximate number of patients
    ... Micrognathia 90% Subcutaneous hemorrhage 50% ..."), a capital starts each sign, as it
    starts a sentence, and a sign of two to five words with no small word is reported whole;
    so is a sign of up to eight words that holds two hard terms ("Opacification of the corneal
    stroma"): one problem, not one for each term.

    Not hard: names of people, places and organisations (a capital letter inside a sentence, a
    word inside a longer capitalised name, initials and degrees such as "Goodman PJ" or "MSc",
    states such as "Salt Lake City, UT"); trials, study groups and meetings ("the ADAURA
    clinical trial", "the NCI–COG Pediatric MATCH trial", "the RESONATE investigators", "dubbed
    CAPP2") and the bodies that back them ("an NCI/NIEHS-sponsored symposium"); stage and group
    labels (IIA, IVC, T2N0M0, N1mi, IIIb, "type C1"); a chromosome's band ("16p13.3", "q11.2");
    numbers with units ("1.1 GBq"); two words typed without the space or dash between them
    ("endoscopea small tube", a typing fault, not a term); email addresses; everyday words with
    an everyday prefix or run together ("unwashed", "regrow", "noncancerous", "underarm",
    "hipbone"); genes and proteins named as such ("*MN1*", "the BCMA protein", "KRAS inhibitor",
    "RET kinase", "HER2-targeted"); a virus named as one ("cytomegalovirus"), and a cancer,
    syndrome, vaccine or acid named as one ("acute lymphocytic leukemia"); codes joined by a
    dash are one term ("PD-L1" in "PD-L1-expressing"); a numbered type of an abbreviation
    already met ("HPV-11" after "HPV"); pronunciation keys ("(oh-LA-puh-rib)", "Psoriasis (sow
    RYE uh sis)"); web addresses;
    everyday abbreviations (COVID-19); everyday words made from everyday ones ("editorialists",
    "biotechnology"); a medicine named with its brand ("ribociclib (Kisqali)"), and the drug a
    page is about, on that page; "anti" or "non" before the page's own subject; words of illness
    that general English uses too ("recur", "operable", "postmenopausal":
    data/everyday-health-words.txt). Only the first use on the page is checked; headings, short
    title lines, paragraphs in another language, blocks of characters that could not be read (an
    ebook's data), list items that name an outside resource ("Genetic Testing Registry: Familial
    hypokalemia"), the titles of a list of pages (a title, then "patient | health professional"
    links) and administrative sections are not. Terms in the rule set's glossaries are left to
    the glossary-link rule when `skip_glossary_terms` is on.

    What counts as explained, at that first use (and then for the rest of the page; a
    first use written with a capital, as the items of a list run into a line are,
    "... Syndactyly (fused fingers and toes) Polydactyly (...)", counts too):
      - a plain explanation in parentheses right after it: "prognosis (chance of recovery)",
        "aphasia, (difficulty in speaking ...)";
      - the term in parentheses after a plain phrase: "a drop in platelet levels
        (thrombocytopenia)", "breasts surgically removed (a unilateral or bilateral
        mastectomy)", or second there: "the smaller vessels (arterioles and capillaries)";
      - "called X", "known as X", "referred to as X", "written as X", "abbreviated as X", "X is
        a ...", "X means ...", "X refers to ...", "X, which is ...", "X, a ...", "X, another
        ...", "X - a ..." or "X — a ...", "X—finding tumors that ...", "X is surgery to ...", "X
        are small hollow spaces around ...", "X, Y and Z are drugs that ..." (a subject said to
        be things of a kind), "X involves flushing ...", what a phrase it begins means: "an
        autosomal dominant pattern of inheritance, which means ...", and what it is said after
        the number of its type: "neurofibromatosis 1 (NF1), a genetic disorder ...";
      - its plain words later in the sentence: "... decreased or absent sweating
        (anhidrosis)";
      - the next sentence: "... cholangitis. It is an infection of the bile ducts.", or by the
        term's initials: "... orthostatic intolerance (OI). OI describes a condition in which
        ...", "infective endocarditis (IE). IE is an infection ..."
        (a next sentence saying what the thing does, "It blocks ...", points back with "It", "This"
        or "That" only at a term in the singular, and with "It" or "They" alone only at the subject
        of the sentence before ("At this stage, microaneurysms occur. They are ..."), or at a term
        after a person: "Your doctor may suggest a cholecystectomy. It removes ...", not "Vinca
        alkaloids interfere with microtubules. They block ...");
      - for a pattern of inheritance, the reason that says what it means: "an autosomal
        dominant pattern because one copy of the altered gene in each cell is sufficient ...",
        "incomplete penetrance because not everyone who inherits ...";
      - a paragraph or list item a little further down (up to 8 blocks, not past a heading of
        level 1 or 2) that opens with the term and says what it is or does: "... with cold
        knife conization or radical trachelectomy.", then "Cold knife conization uses a
        scalpel to remove ...", "The subserosa is a thin layer ...", "Aminosalicylates are
        medications that ..." (not what it causes, how it is or what is done with it:
        "Proteinuria may cause ...", "... is done under general anesthesia"), or that names
        it after saying what it is: "a rare type of heart failure during pregnancy called
        peripartum cardiomyopathy";
      - its explanation in brackets where it is used again, on its own, in the next sentence:
        "... during mitosis). It blocks cell growth by stopping mitosis (cell division)." (not
        examples, how it is given, or what explains a longer name: "an ictal EEG (recorded
        during a seizure)");
      - a label at the start of a paragraph or list item: "Term: ...", "Term - ...",
        "**Term.** ...", "- Term. The ... " (a list item), and "ABC = ..." keys;
      - the term paired with another that is explained: "Perometry and water displacement
        are ways to ...", "myelocytes and monocytes (two types of white blood cells)";
      - a plain appositive: "a cholecystectomy, surgery to remove the gallbladder",
        "biomarkers -- signs that may show ...";
      - the term run together with what explains it, a dash lost between them ("a
        gastroenterologista doctor who ...", not "hyperkalemiaand"): its first use,
        explained there;
      - for a name (a drug, a gene), what it is for or what kind it is: "loperamide
        (Imodium) ... to treat diarrhea", "SNRIs include venlafaxine and levomilnacipran",
        "bisacodyl and senna are examples of laxatives", "beta-blockers (propranolol or
        timolol)"; for a kind of thing, an everyday one it takes in: "blood or other
        biospecimens";
      - "the drug X", "the medicine X", "the steroid X" for drug names, and what kind of
        thing it is said just before it: "the enzyme mevalonate kinase", "three genes, ETFA,
        ETFB, and ETFDH", "the parasite Babesia microti", "a different checkpoint molecule, CTLA-4",
        "another gene, HFE";
      - one of the types the sentence before announces: "four main types of thyroid
        cancer. These are papillary, follicular, medullary, and anaplastic", or an item of
        a list a line announces ("Cancers linked to VHL include:"; "Specific types include",
        its colon lost; "There are two types, neither of which ...:");
      - an abbreviation after its long form: "American Society of Clinical Oncology (ASCO)",
        or with the long form's words a little before it ("sexually transmitted diseases ...
        STDs", "Central Nervous System - ... CNS Embryonal Tumors"),
        or of three letters or more whose words are the page's whole title ("TOS" on
        "Thoracic outlet syndrome"), or explained before with a number or type after it
        ("CMT" after "Charcot-Marie-Tooth disease type 1A (CMT1A)");
      - one plain word in parentheses, plainer than the term: "the gingiva (gums)";
      - any of these right after its pronunciation key: "hemoglobin (HEE-muh-glow-bin), an
        iron-rich protein ...";
      - the short form readers know it by, in parentheses: "computed tomography (CT)",
        "electrocardiogram (ECG)";
      - the term in parentheses after the plain words for it, with another term: "airways
        (trachea and bronchi)";
      - a section of its own further up: a heading that is the term alone, with its
        abbreviation or not ("#### Transurethral resection (TUR)"), and a paragraph under it;
      - the heading of its section asking about it in a plain word: "## What is the outlook
        for ...?", then "The prognosis ...";
      - a kind named before a list the term is in ("Specific leukodystrophies include ...",
        "... are common. They include hemorrhoids, ...", "disorders affecting the nervous
        system, such as ..."; after "These include" or a few words, not a role: "symptoms",
        "signs", "features", "causes", ...), an example a kind gives ("calcium channel
        blockers (i.e. nifedipine)", "chemicals - for example, benzene", "(amino acids),
        namely lysine"; not a role's: "abnormalities (e.g., ...)"), the names a kind is ("the
        most commonly affected genes are NPM1, FLT3, ..."), or a treatment named as one
        ("Treatment is usually with corticosteroids", "Treatment may involve high-dose
        diazepam", "Pain is relieved by nitroglycerin"; not the subject of a clause after it:
        "treated with surgery, and lymphedema may follow");
      - its kind in plain words after "and other" or "or other" ("hemophilia and other
        bleeding disorders"; not a harder word, "and other bisphosphonates", nor a role:
        "and other side effects", "or other finding"), or a first example a reader knows
        after "such as", "like" or "including" ("mucous membranes, such as the lining of
        the mouth", "analgesics such as aspirin");
      - what kind of thing it is, in its next word: "an apheresis machine", "HER2 protein",
        or, for the name a table cell opens with, in its column's heading: "Molecular
        Target", then "PD-1" (under "Treatment" or "Therapy" only a name English does not
        know: "Carvykti");
      - the next sentence going on about it by its last word: "... an ultrasound transducer.
        The transducer bounces sound waves ...";
      - a link on that use, or a link anywhere on the page on its hardest word, in any form
        ("adjuvant treatment" where "adjuvant" is linked, "leukemic" where "leukemia" is), or
        with an everyday prefix ("nonadenoma" where "adenomas" is linked); not on a word a
        medical ending makes another thing of ("lymphocytosis" where "lymphocytes" is
        linked).
    People named by their work with an everyday ending ("internists", "epidemiologists") are
    not reported.

    How to fix: explain the term in plain words where it first appears, or use an everyday
    word instead.

    Options:
      max_zipf: words rarer than this in English are hard (Zipf scale; default 2.0: about
        one use in 10 million words); medical words have their own limit.
      medical_max_zipf: words built the medical way are hard when rarer than this
        (default 4.0).
      acronym_max_zipf: abbreviations are hard when rarer than this (default 4.0).
      health_max_zipf: words that health pages use far more often than English does
        ("autosomal", "glycogen") are hard when rarer than this in English (default 2.9;
        0 turns it off).
      skip_glossary_terms: leave terms of the glossaries to glossary-link (default true).
      glossaries: glossaries whose terms are left to glossary-link.
      ignore: words never reported (for words your readers know).
      skip_sections: headings (glob patterns) of sections not checked, such as references
        and disclaimers.
      min_confidence: in running prose, show a term only when an editor would keep the flag
        with at least this chance (0 to 1), as a model learned from blind verdicts on the
        rule's flags judges it from the term and the words around it (data/jargon-model.json;
        what each setting keeps is in docs/vocabulary.md). The rule's own default, 0, shows
        every term; the rule sets use 0.2, which hides about one prose flag in twelve, four in
        five of them wrong; 0.6 keeps about half of them, three in four right, but also hides
        clear terms. Terms in lists and tables, misspellings and words run together are always
        shown.
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
        "health_max_zipf": {"type": "number", "default": 2.9},
        "skip_glossary_terms": {"type": "boolean", "default": True},
        "glossaries": {"type": "array", "items": {"type": "string", "minLength": 1},
                       "default": ["nci-cancer-terms", "nci-drugs"], "x-readlint-paths": True},
        "ignore": {"type": "array", "items": {"type": "string"}, "default": []},
        "skip_sections": SKIP_SECTIONS,
        "min_confidence": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.0},
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        floor = options["min_confidence"]
        model = jargon_model.model() if floor > 0 else None
        if model is None:  # every flag shown (min_confidence 0, or no model)
            for _, problem, _ in self._found(doc, options):
                yield problem
            return
        for problem, use in self.weighed(doc, options):
            if use is None or model.chance(use) >= floor:
                yield problem

    def weighed(self, doc: Document, options: Mapping[str, Any]
                ) -> Iterator[tuple[Problem, jargon_model.Seen | None]]:
        """Each problem found, with what jargon_model reads of a term left unexplained in
        running prose (None elsewhere, and for a misspelling or words run together: those
        are always shown)."""
        for block, problem, use in self._found(doc, options, weigh=True):
            yield problem, None if use is None else jargon_model.seen(doc, block, use)

    def _found(self, doc: Document, options: Mapping[str, Any], weigh: bool = False
               ) -> Iterator[tuple[Block, Problem, jargon_model.Use | None]]:
        """Each problem found, with its block and (with `weigh`) the use of a term left
        unexplained in running prose (else None)."""
        page = _Page(doc, options)
        for index, block in enumerate(doc.blocks):
            if page.passes_over(index, block):
                continue
            terms = _BlockTerms(page, index, block)
            prose = weigh and jargon_model.in_prose(block)
            found: list[_Found] = []
            for shown, shown_end, term in self._reported(terms):
                problem, unexplained = self._problem_for(doc, block, term, shown, shown_end)
                found.append(_Found(problem, shown, shown_end, term if unexplained else None))
            for item in self._signs_whole(doc, block, terms, found):
                left = item.unexplained
                use = jargon_model.Use(block.text[item.start:item.end], item.start, item.end,
                                       left.acronym, left.in_glossary) \
                    if prose and left is not None else None
                yield block, item.problem, use

    def _signs_whole(self, doc: Document, block: Block, terms: _BlockTerms,
                     found: list[_Found]) -> list[_Found]:
        """The problems of a block, those of a sign of a table of signs that holds two hard
        terms or more made one for the whole sign ("Opacification of the corneal stroma", not
        "Opacification", then "corneal stroma"): when every problem in the sign is a term
        left unexplained (not an abbreviation, a misspelling, words run together), and the
        sign is not one the page's options ignore."""
        if len(found) < 2 or not terms.has_signs():
            return found
        out: list[_Found] = []
        i = 0
        while i < len(found):
            sign = terms.sign_around(found[i].start, found[i].end)
            j = i + 1
            while sign is not None and j < len(found) and found[j].start < sign[1]:
                j += 1  # the problems inside the same sign
            group = found[i:j]
            if sign is None or len(group) < 2 or \
                    any(f.unexplained is None or f.unexplained.acronym or f.end > sign[1]
                        for f in group):
                out.extend(group)  # (each as it is)
                i = j
                continue
            name = block.text[sign[0]:sign[1]]
            if fold_phrase(name) not in terms.page.ignored:
                first = group[0]
                out.append(_Found(self.problem(doc, block.source_offset(sign[0]),
                                               block.source_offset(sign[1] - 1) + 1,
                                               _message(name, False), subject=name),
                                  first.start, first.end, first.unexplained))
            i = j
        return out

    def _reported(self, terms: _BlockTerms) -> list[tuple[int, int, _Term]]:
        """The first use of each hard term of one block that nothing on the page explains,
        each words once: a term taken whole over terms reported before it ("Laryngeal", then
        "stenosis" taken as "Laryngeal stenosis") is reported instead of them; each with
        where its name starts and ends."""
        # (where its name starts, where it ends, the term), in order
        reported: list[tuple[int, int, _Term]] = []
        for shown, shown_end, term in self._block_terms(terms):
            while reported and reported[-1][1] > shown:
                earlier_shown, earlier_end, earlier = reported.pop()
                shown = min(shown, earlier_shown)
                if earlier_end > shown_end:
                    shown_end, term = earlier_end, earlier  # (the words reported are all
                    # of both)
            reported.append((shown, shown_end, term))
        return reported

    def _block_terms(self, terms: _BlockTerms) -> Iterator[tuple[int, int, _Term]]:
        """Each hard term of the block to report, with where its name starts and ends."""
        for start, end, text in terms.candidates():
            term = terms.term_at(start, end, text)
            if term is None:
                continue
            # (the name a word is reported with, found once: nothing below moves it)
            span = None if term.acronym else terms.name_of(term)
            if span is not None and terms.everyday_name(*span) or not terms.remember(term) or \
                    terms.accounted_for(term):
                continue
            if terms.in_other_language():
                break  # a paragraph in another language: none of its words is reported
            if term.acronym and terms.gene_or_variant(term):
                continue
            shown, shown_end = span or terms.name_of(term)
            if not term.acronym:  # a sign of a table of signs is named whole, and a pair
                # of terms joined by a slash ("Aplasia/Hypoplasia of the eyebrow") together
                shown, shown_end = _slash_pair(terms.text, *terms.sign_named(shown, shown_end))
            long_form = False
            if not term.acronym:
                long_start, long_end = terms.long_form(shown, shown_end)
                if (long_start, long_end) != (shown, shown_end):
                    long_form = True
                    if terms.explained_whole(long_start, long_end):
                        continue  # "Percutaneous coronary intervention (PCI), also known
                        # as coronary angioplasty, is ..."
                    shown, shown_end = long_start, long_end
            if (shown, shown_end) != (term.start, term.end):
                name = fold_phrase(terms.text[shown:shown_end])
                if name in terms.page.ignored:
                    continue  # the whole name is one never reported
                if name != term.key and name in terms.page.seen:
                    continue  # the name was met before: "rickets" of "hypophosphatemic
                    # rickets", a glossary word, after the whole name was reported
                if long_form:
                    terms.page.seen.add(name)  # met whole: the long form repeated is not
                    # reported again by another of its words
            if shown_end != term.end:  # the noun is met with its name ("syndactyly" in
                # "cutaneous syndactyly"), as a term taken whole marks its last word
                terms.page.seen.add(fold_phrase(terms.text[term.end:shown_end]))
            yield shown, shown_end, term
            terms.reported_end = shown_end
            terms.covered = max(terms.covered, shown_end)  # (the name's noun is not weighed
            # again: "stenosis" in "Laryngeal stenosis")

    def _problem_for(self, doc: Document, block: Block, term: _Term, shown: int,
                     shown_end: int) -> tuple[Problem, bool]:
        """The problem for a hard term left unexplained (reported from `shown` to
        `shown_end`, its whole name), with True, or for words run together or a likely
        misspelling, with False."""
        source_end = block.source_offset(term.end - 1) + 1
        if term.acronym:
            found = _abbreviation_glued(doc, term.text, block.text[term.end:term.end + 20])
            glued = None if found is None else (0, len(term.text), found)
        else:  # (not a glossary's own word: "Cantron" is no "Can tron")
            glued = None if term.in_glossary else _words_run_together(doc, term.text)
        if glued is not None:  # a space lost: "esophagusis", "Tenesmusan", "CMVis"
            # (only the words run together, of a term of several: "havecoronary" of
            # "havecoronary microvascular")
            first, last, parted = glued
            words = term.text[first:last]
            how_many = "two words" if parted.count(" ") == words.count(" ") + 1 else "words"
            return self.problem(doc, block.source_offset(term.start + first),
                                block.source_offset(term.start + last - 1) + 1,
                                f"\"{words}\" looks like {how_many} run together: "
                                f"\"{parted}\". Separate them with a space or a dash.",
                                subject=words), False
        meant = (misspelling_of(term.text) or
                 (None if term.in_glossary else _page_misspelling(doc, term.text) or
                  misspelling_of(term.text, seldom=True))) \
            if not term.acronym else None
        if meant is not None:  # a slip of the keyboard, not a term: "symtpoms"
            return self.problem(doc, block.source_offset(term.start), source_end,
                                f"\"{term.text}\" looks like a misspelling of \"{meant}\": "
                                "check the spelling.", subject=term.text), False
        name = block.text[shown:shown_end]
        return self.problem(doc, block.source_offset(shown),
                            block.source_offset(shown_end - 1) + 1,
                            _message(name, term.acronym), subject=name), True


_EASY: dict[tuple[Any, ...], set[str]] = {}  # options -> lower-case words found easy


class _Term(NamedTuple):
    """A hard term found in a block's text: text[start:end], folded as `key`."""

    start: int
    end: int
    text: str
    key: str
    acronym: bool
    in_glossary: bool  # inside a term of the glossaries


class _Found(NamedTuple):
    """A problem of a block, with where its term's name starts and ends, and the term when
    the problem is that it is left unexplained (else None)."""

    problem: Problem
    start: int
    end: int
    unexplained: _Term | None


_SMALL_TITLE_WORDS = frozenset("a an and for in of on or the to with".split())


def _initials_before(text: str, start: int, term: str) -> bool:
    """Do words in the 200 characters before the abbreviation, one after another, begin with
    its letters ("Central Nervous System - Medulloblastoma and Other CNS Embryonal Tumors";
    small words such as "of" may stand between)? Three letters or more."""
    return _initials_within(text, max(0, start - 200), start, term)


def _initials_after(text: str, start: int, end: int, term: str) -> bool:
    """Do words after the abbreviation, in its own sentence and the 200 characters after it,
    begin with its letters ("people with advanced CKD ..., see Nutrition for Advanced Chronic
    Kidney Disease in Adults")?"""
    return _initials_within(text, end, min(end + 200, nearby.sentence_span(text, start, end)[1]),
                            term)


def _initials_within(text: str, lo: int, hi: int, term: str) -> bool:
    """Do words of text[lo:hi], one after another, begin with the abbreviation's letters
    (see `_initials_before`)?"""
    letters = term.rstrip("s").upper()
    if len(letters) < 3 or not letters.isalpha():
        return False
    words = _INITIAL_WORD.findall(text, lo, hi)
    for i in range(len(words)):
        found = ""
        for word in words[i:]:
            if word.lower() in _SMALL_TITLE_WORDS and found:
                continue
            if len(word) < 3 or not word.isalpha() or word.lower() in STOPWORDS:
                break  # not a word of a name: "either the EPM2A gene" is no "EEG"
            found += word[0].upper()
            if not letters.startswith(found):
                break
            if found == letters:
                return True
    return False


_INITIAL_WORD = lazy_re(r"[^\W\d_][\w'’]*")


def _title_initials(doc: Document) -> set[str]:
    """The initials of the page's whole title, three letters or more, with and without its
    small words ("tos" for "Thoracic outlet syndrome"), and of each whole run of two or more
    capitalised words in it ("ckd" for "Anemia in Chronic Kidney Disease", "ui" for "Urinary
    Incontinence in Children"): not of any part of a run, which may be any abbreviation by
    chance."""
    title = page_title(doc).split("(")[0]  # not "(PDQ®)"
    words = re.findall(r"[^\W\d_]+", title)
    found = {"".join(w[0] for w in words),
             "".join(w[0] for w in words if w.lower() not in _SMALL_TITLE_WORDS)}
    initials = {letters.lower() for letters in found if len(letters) > 2}
    run: list[str] = []  # capitalised words in a row
    for token in [*title.split(), ""]:  # (the empty token ends the last run)
        word = token.rstrip(",:;.?!")
        if word.isalpha() and word.istitle() and len(word) > 1:
            run.append(word)
            if word == token:
                continue
            word = ""  # a stop after the word ends the run there
        if len(run) > 1 and (word.isalpha() or not word):
            initials.add("".join(w[0] for w in run).lower())  # a whole run, ended by a word
            # or a stop: not "Chronic Kidney" of "Chronic Kidney Disease-Related Anemia"
        run = []
    return initials


class _Page:
    """What the check knows of the whole page: its options, the glossary terms of each block,
    the terms met so far (`seen`) and the words found easy."""

    def __init__(self, doc: Document, options: Mapping[str, Any]) -> None:
        self.doc = doc
        self.skip_glossary_terms: bool = options["skip_glossary_terms"]
        self.ignored = {fold_phrase(w) for w in options["ignore"]}
        self.limits = _limits(options)
        self.glossary_terms = block_matches(doc, tuple(options["glossaries"]))
        # Abbreviations spelled out in a heading ("Post-Traumatic Stress (PTS)") are explained,
        # and so are the initials of the page's whole title ("TOS" on "Thoracic outlet
        # syndrome").
        self.seen = _Seen({fold_phrase(abbreviation) for h in doc.headings
                           for abbreviation in spelled_out(h.text)} | _title_initials(doc))
        # Words linked anywhere on the page: the link explains them, in any form ("ejaculation"
        # after a linked "ejaculates"), and in the terms they stand in ("adjuvant treatment"
        # where "adjuvant" is linked, "TRAM" where "TRAM flap" is).
        self.linked_stems = _linked_stems(doc)
        # "Key Points" lists: each point is a heading of the section that explains it below
        self.skipped = doc.blocks_under(options["skip_sections"]) | \
            nearby.key_points_lists(doc) | doc.blocks_under(("key points",))
        # Words found easy, on any page checked with these options: a lower-case word's
        # hardness does not depend on where it stands (see `note_easy`).
        self.easy = _EASY.setdefault((options["max_zipf"], options["medical_max_zipf"],
                                      options["health_max_zipf"], tuple(options["glossaries"]),
                                      options["skip_glossary_terms"]), set())
        self.topic = topic_words(doc)  # the page's subject: its drug is named, not jargon, on it
        self.names: set[str] = set()  # words of mixed case taken as names inside a sentence
        self.explained_abbreviations: set[str] = set()  # (folded) spelled out or explained
        # the site or body a title names ("Pexidartinib - NCI"): its own name, known there
        # and the site the front matter names as the page's source ("source: GARD")
        self.own_names = set(re.findall(r"\b[A-Z]{2,}\b", " ".join(
            str(doc.metadata.get(field) or "") for field in ("title", "source"))))

    def passes_over(self, index: int, block: Block) -> bool:
        """Is the block one whose terms are not checked: a heading, a title line, a block of
        a skipped section, a list item naming an outside resource, the title of a line of
        links?"""
        return block.kind == "heading" or index in self.doc.heading_lines or \
            index in self.skipped or nearby.title_line(block) or \
            block.text.count("\ufffd") >= _UNREADABLE_MARKS or \
            nearby.resource_title(block) or \
            block.kind == "list_item" and is_title(block.text) or \
            nearby.titles_links(self.doc, index)

    def known(self, key: str) -> bool:
        """Was the term (folded) met before on the page, itself, the word it is formed from
        ("urethral" after "the urethra, a tube ..."), its Latin singular or plural
        ("sclerae" after "the sclera"), its Greek noun or adjective ("metastatic" after
        "metastasis", "necrosis" after "necrotic"), its "-ic" or "-ical" form, the noun
        of an adjective or the adjective of a noun ending otherwise ("cytology" after
        "cytological", "karyotypic" after "karyotype"), or is it one never reported?"""
        return key in self.seen or key in self.ignored or " " not in key and (
            any(form in self.seen for form in _earlier_forms(key))
            or key.endswith("ase") and fold(key + "s") in self.seen  # an enzyme and its
            or key.endswith("as") and key + "e" in self.seen)  # plural, folded "helicas"

    def abbreviation_explained_numbered(self, key: str) -> bool:
        """Was the abbreviation (folded) explained before with a number or type after it
        ("CMT" after "Charcot-Marie-Tooth disease type 1A (CMT1A)", or "(CMT-1A)")?"""
        size = len(key)
        return key[-1:].isalpha() and any(
            met.startswith(key) and _numbered(met[size:]) for met in self.explained_abbreviations)

    def own_name(self, term: str) -> bool:
        """Is the term the name of the site or body the page's title or source names?"""
        return bool(self.own_names) and _POSSESSIVE_END.sub("", term) in self.own_names

    def note_easy(self, term: str, in_glossary: bool) -> None:
        """Remember a word found easy, for every page checked with these options."""
        if term.islower() and not in_glossary and len(self.easy) < WORDS_REMEMBERED:
            # A lower-case word outside glossary terms is easy wherever it stands (inside one
            # it is weighed as part of the term, or, where glossary terms are left to
            # glossary-link, the term is that rule's).
            self.easy.add(term)


class _BlockTerms:
    """The terms of one block of the page, weighed one at a time in the order they stand."""

    def __init__(self, page: _Page, index: int, block: Block) -> None:
        self.page = page
        self.index = index
        self.block = block
        self.text = block.text
        self.label_end = _label_end(page.doc, block)
        self.addresses = address_spans(self.text)
        self._foreign: bool | None = None  # worked out when first needed
        self.spans = [(m.start, m.end, m.text) for m in page.glossary_terms[index]]  # in order
        self.span_starts = [start for start, _, _ in self.spans]
        self._span_start_set: frozenset[int] | None = None
        self.links = Spans(block.links)  # asked for each term: is it linked?
        self.covered = 0  # the end of the last term taken whole
        self.reported_end = 0  # the end of the last term reported
        self._sign_breaks: list[tuple[int, int]] | None = None  # see `sign_named`

    def in_glossary_term(self, start: int, end: int) -> bool:
        return _within(self.spans, self.span_starts, start, end)

    def sign_named(self, start: int, end: int) -> tuple[int, int]:
        """The whole name of the sign that text[start:end] is part of, in a table of signs
        run into the text ("Subcutaneous hemorrhage 90%", "- Bifid epiglottis -"), when it is
        a name of two to five words, none a small word ("Pigmentary retinal deposits"; not
        "Clinodactyly of the 5th finger"); else start and end."""
        found = self._sign_at(start, end)
        if found is None:
            return start, end
        item_start, item = found
        words = item.split()
        if not 2 <= len(words) <= SIGN_NAME_WORDS or \
                any(w.lower() in STOPWORDS or not _SIGN_WORD.fullmatch(w) for w in words):
            return start, end
        return item_start + len(item) - len(item.lstrip()), item_start + len(item.rstrip())

    def sign_around(self, start: int, end: int) -> tuple[int, int] | None:
        """The sign of a table of signs run into the text that text[start:end] is inside,
        when it has at most SIGN_ITEM_WORDS words ("Expanded metacarpals with widened
        medullary cavities 5%"): where its words start and end; else None."""
        found = self._sign_at(start, end)
        if found is None:
            return None
        item_start, item = found
        if len(item.split()) > SIGN_ITEM_WORDS:
            return None
        # (not the stop or comma after the sign's last word)
        return item_start + len(item) - len(item.lstrip()), \
            item_start + len(item.rstrip().rstrip(".,;:").rstrip())

    def _sign_at(self, start: int, end: int) -> tuple[int, str] | None:
        """Where the sign that text[start:end] lies in starts, and its text between the
        breaks around it (spaces included), in a table of signs run into the text; None when
        the words are not inside one sign."""
        breaks = self._breaks()
        i = bisect.bisect_right(breaks, (start, start))  # the first break after `start`
        if i == 0 or i == len(breaks) or breaks[i - 1][1] > start or breaks[i][0] < end:
            return None
        return breaks[i - 1][1], self.text[breaks[i - 1][1]:breaks[i][0]]

    def has_signs(self) -> bool:
        """Does the block hold a table of signs run into the text?"""
        return bool(self._breaks())

    def _breaks(self) -> list[tuple[int, int]]:
        """Where the signs of the block's table of signs are parted (none without one)."""
        if self._sign_breaks is None:
            table = self.text.find(TABLE_OF_SIGNS)
            self._sign_breaks = [] if table < 0 else \
                [m.span() for m in _SIGN_BREAK.finditer(self.text, table)]
        return self._sign_breaks

    def candidates(self) -> list[tuple[int, int, str]]:
        """The words and parts of words that may be hard (and, when glossary-link does not
        take them, the glossary's terms of several words), in order."""
        page = self.page
        candidates: list[tuple[int, int, str]] = []
        if not page.skip_glossary_terms:
            candidates.extend(s for s in self.spans if " " in s[2])
        taken = {i for s, e, _ in candidates for i in range(s, e)}
        for word in page.doc.block_words(self.index):
            text, start, end = word
            if text in page.easy and (page.skip_glossary_terms or not
                                      self.in_glossary_term(start, end)) or \
                    start in taken or \
                    bool(self.addresses) and within(self.addresses, start) or \
                    _after_bracketed_initial(self.text, start):
                continue
            if _plain_word(text):  # (what _hard_parts gives for one, without a generator)
                candidates.append((start, end, text))
            else:
                candidates.extend(_hard_parts(self.text, text, start))
        candidates.sort()
        return candidates

    def term_at(self, start: int, end: int, term: str) -> _Term | None:
        """The hard term text[start:end] is, or starts (widened to all its words), or None
        when it is part of a term already taken, met before, never reported, easy, or a
        name. Names are remembered as met, easy words as easy."""
        if start < self.covered:
            return None  # part of a term of several words already taken
        page = self.page
        key = fold_phrase(term)
        if page.known(key) or term in page.names:
            return None
        acronym = is_acronym(term)
        if acronym and self._used_before_in_lower_case(start, term):
            page.seen.add(key)
            return None
        in_glossary = self.in_glossary_term(start, end)
        if term in page.easy and (page.skip_glossary_terms or not in_glossary):
            return None
        if _named(term, acronym, in_glossary, self.text, start) or page.own_name(term):
            page.seen.add(key)  # a person or a group, named again later: "Dr. Cusimano" ...
            return None  # ... "Cusimano said"
        if not hard_term(term, acronym, in_glossary, self.text, start, page.limits):
            glued = where_run_together(term) if not acronym else None
            if glued is not None and _explanation_starts(term[glued:]):
                # "a gastroenterologista doctor who ...": a dash lost between a term and what
                # explains it: the term is met, explained, here (not "hyperkalemiaand")
                page.seen.add(fold_phrase(term[:glued]))
                return None
            page.note_easy(term, in_glossary)
            if self._name_explained_as_term(term, acronym, in_glossary, start, end):
                page.seen.add(key)  # "... Syndactyly (fused fingers and toes) Polydactyly
                # (...)": a list run into a line, its items in capitals, each explained
            if _MIXED_CASE.match(term) and not sentence_start(self.text, start):
                page.names.add(term)  # taken as a name here ("proteins called GTPases"): the
                # same word opening a later sentence is not a new term ("GTPases play ...")
            return None
        if self._easier_form_before(key, start):
            return None  # (asked of hard terms only: it looks through the page before)
        if in_glossary or acronym:
            return _Term(start, end, term, key, acronym, in_glossary)
        return self._whole_term(start, end)

    def _easier_form_before(self, key: str, start: int) -> bool:
        """Has the page used, before the word, a form of it readers know better: its "-ical"
        form ("neurologic" after "neurological"), or the noun it is formed from ("retinal"
        after "the retina", "colonic" after "colon")? Or, for a noun in "-ion", its verb, and
        for a verb, its noun in "-ion" or "-ment", met as a term?"""
        if " " in key:
            return False
        source, at = self.page.doc.source, self.block.source_offset(start)
        vocabulary = _page_vocabulary(self.page.doc)

        def used_before(word: str) -> bool:
            """Does the page use the word before, in small letters or with a capital?"""
            return word in vocabulary and any(_whole_word_before(source, form, at)
                                              for form in (word, word.capitalize()))

        if any(word_zipf(other) >= EASIER_FORM_ZIPF and used_before(other)
               for other in _forms_before(key)):
            return True
        # a noun in "-ion" after its verb, met as a term before: reported or explained there
        # ("ablation" after "destroyed (ablated)", "Excretion" after a reported "excrete"; the
        # verb in small letters only)
        verbs = [f"{stem}{end}" for stem in (key[:-3], key[:-3] + "e") if len(key) >= 8 and
                 key.endswith("ion") for end in ("", "s", "d", "ed", "ing")]
        if any(verb in vocabulary and fold(verb) in self.page.seen and
               _whole_word_before(source, verb, at) for verb in verbs):
            return True
        # and a verb after its noun, met as a term before ("fully effaced" after "This is
        # called effacement", "excreted" after a reported "excretion")
        return any(fold(noun) in self.page.seen and used_before(noun)
                   for noun in _nouns_of_verb(key))

    def _name_explained_as_term(self, term: str, acronym: bool, in_glossary: bool,
                                start: int, end: int) -> bool:
        """Is the word, taken as a name for its capital inside a sentence, a hard term in
        small letters that the text explains right here? Then its later uses are met."""
        return not acronym and term[:1].isupper() and term[1:].islower() and \
            hard_term(term.lower(), False, in_glossary, self.text, start,
                      self.page.limits) and explained(self.text, start, end)

    def _used_before_in_lower_case(self, start: int, term: str) -> bool:
        """Is the abbreviation one that starts with a small letter, capitalised here ("MtDNA"
        opening a sentence), and used on the page before as it is written ("mtDNA")? Then
        this is not its first use."""
        if not (term[:1].isupper() and term[1:2].islower()):
            return False
        return _whole_word_before(self.page.doc.source, term[0].lower() + term[1:],
                                  self.block.source_offset(start))

    def name_start(self, term: _Term) -> int:
        """Where the name of a term to report starts: a glossary's word is reported with the
        medical adjectives before it ("Hepatic encephalopathy"), not across a term reported
        or taken before, nor across a link ("[biliary](...) stent" is half explained)."""
        start = term.start
        if not term.in_glossary or term.acronym or " " in term.text or \
                MEDICAL_ADJECTIVE.fullmatch(term.text):
            return start  # (a glossary word that is itself an adjective ends no name:
            # "subcutaneous nodules")
        return _adjectives_before(
            self.text, max(self.covered, self.reported_end, self._linked_end_before(start)),
            start)

    def _linked_end_before(self, start: int) -> int:
        """Where the last link of the block before `start` ends (0: none)."""
        return max((lk.end for lk in self.block.links if lk.end <= start), default=0)

    def long_form(self, start: int, end: int) -> tuple[int, int]:
        """The long form of an abbreviation the words text[start:end] are part of (see
        `_long_form`), not over a term reported before nor a link; or the words."""
        long_start, long_end = _long_form(
            self.text, max(self.reported_end, self._linked_end_before(start)), start, end)
        if long_end > end and self.links.touches(end, long_end):
            return start, end  # "runt-homology [domain](...)": half linked
        return long_start, long_end

    def explained_whole(self, start: int, end: int) -> bool:
        """Does the text explain the long form text[start:end] that a term was widened to?
        Then it is met, and none of its words is weighed again."""
        whole = self.text[start:end]
        key = fold_phrase(whole)
        if not self._explained(_Term(start, end, whole, key, False, False)):
            return False
        self.page.seen.add(key)
        self.covered = max(self.covered, end)
        return True

    def name_end(self, term: _Term) -> int:
        """Where the name of a term to report ends: a glossary's adjective is reported with
        the rare noun after it that makes a name the glossaries do not have ("Biliary
        atresia", "Cutaneous photosensitivity"; `hardness.name_it_begins`), not across a
        link."""
        if not term.in_glossary or term.acronym or " " in term.text:
            return term.end
        if self._span_start_set is None:  # (made once a block: asked of each term)
            self._span_start_set = frozenset(self.span_starts)
        end = name_it_begins(self.text, term.start, term.end, self._span_start_set)
        if end is None or self.links.touches(term.end, end):
            return term.end
        return end

    def _whole_term(self, start: int, end: int) -> _Term | None:
        """The whole term a hard word starts ("amyotrophic lateral sclerosis"), taken so that
        its other words are not weighed again, or None when it was met before."""
        start, end = _whole_term(self.text, max(start, self.covered), end)
        self.covered = end
        term = self.text[start:end]
        key = fold_phrase(term)
        if self.page.known(key):
            return None
        return _Term(start, end, term, key, False, False)

    def name_of(self, term: _Term) -> tuple[int, int]:
        """Where the name the term is reported with starts and ends (`name_start`,
        `name_end`, widened to a whole compound)."""
        return _whole_compound(self.text, self.name_start(term), self.name_end(term))

    def everyday_name(self, start: int, end: int) -> bool:
        """Is the name text[start:end] a hard word is reported with one readers know
        ("muscular dystrophy", its "dystrophy" hard)? Asked before the term is remembered, so
        that its hard word is not taken as met ("a corneal dystrophy" later is reported)."""
        return " " in self.text[start:end] and everyday_health(self.text[start:end])

    def remember(self, term: _Term) -> bool:
        """Remember the term as met on the page. Is it still to be checked: not a longer form
        of a term met before, nor said by its last word to be a kind of thing?"""
        seen, key = self.page.seen, term.key
        if " " in key and (_part_seen(key, seen) or _graded(term.text, seen) or
                           self._hard_words_seen(key)):
            seen.add(key)
            return False  # "Autosomal dominant inheritance" after "autosomal dominant"
        if " " in key and _KIND_LAST.search(term.text) or _VIRUS_NAME.search(term.text):
            seen.add(key)
            return False  # its kind is its last word: "the BRAF gene", "KRAS mutation",
            # "cytomegalovirus"
        seen.add(key)
        seen.add(fold_phrase(self.text[term.start:term.start + len(term.text.split()[0])]))
        if " " in key and _ILLNESS_LAST.search(term.text):
            seen.update(key.split()[:-1])  # its words are met with it: "lymphocytic" later
            return False  # a cancer or a syndrome named as one: "chronic lymphocytic leukemia"
        if " " in key and hard_word(key.split()[-1], term.in_glossary, self.page.limits):
            seen.add(key.split()[-1])  # "Iris coloboma" after "Chorioretinal coloboma"
        return True

    def _hard_words_seen(self, key: str) -> bool:
        """Was every hard word of the term met before on the page, in any of its forms
        (`_Page.known`: "allogeneic stem cell transplants" after "allogeneic, which means the
        stem cells come from someone else", "distant metastasis" after "metastatic")?"""
        hard = [w for w in key.split() if hard_word(w, True, self.page.limits)]
        return bool(hard) and all(self.page.known(w) for w in hard)

    def accounted_for(self, term: _Term) -> bool:
        """Is the term left to glossary-link, linked, a kind of doctor, or explained? (An
        abbreviation that is, remembered as explained.)"""
        found = self._accounted_for(term)
        if found and term.acronym:
            self.page.explained_abbreviations.add(term.key)
        return found

    def _accounted_for(self, term: _Term) -> bool:
        if term.in_glossary and self.page.skip_glossary_terms:
            return True
        if self.links.touches(term.start, term.end):
            return True
        if _linked_on_page(term.text, self.page.linked_stems):
            return True  # its hardest word is linked on the page, in some form
        if _named_by_work(term.text):
            return True  # "internists" among other doctors
        if term.acronym and (_initials_before(self.text, term.start, term.text) or
                             _initials_after(self.text, term.start, term.end, term.text)):
            return True  # its long form stands just before ("Central Nervous System - ...
            # CNS") or later in its sentence
        if term.acronym and self.page.abbreviation_explained_numbered(term.key) and \
                not self.text[term.end:term.end + 1].isalnum():
            return True  # explained with its number: "CMT" after "... type 1A (CMT1A)"
        return self._explained(term)

    def _explained(self, term: _Term) -> bool:
        """Does the text explain the term, or show that it is not a term to explain (a
        field of work, the page's subject, a pronunciation, a drug named as such)?"""
        text, start, end, topic = self.text, term.start, term.end, self.page.topic
        suffix = _DRUG_SUFFIX.match(text, end)  # "Mosunetuzumab-axgb works by ..."
        whole = _hyphenated(text, start, end)  # a part of "tonic-clonic", "apoA-I"
        return end <= self.label_end or \
            explained(text, start, suffix.end() if suffix else end, term.acronym) or \
            self._name_explained(term) or \
            whole != (start, end) and explained(text, *whole, term.acronym) or \
            _explained_with_next(text, start, end, topic) or \
            _noun_definition(text, end) or _phrase_means(text, start, end) or \
            _field_or_program(text, start, end, term.text) or \
            _in_title(term.text, topic) or _against_topic(term.text, topic) or \
            _pronunciation(text, start) or _not_a_term(text, start, end, term.acronym) or \
            _everyday_short_form(text, start, end) or _explained_after_key(text, start, end) or \
            nearby.explained_nearby(self.page.doc, self.index, text, start, end, term.text) or \
            nearby.drug_named(text, start, end, term.text) or \
            named_as_example(text, start) or \
            word_zipf(term.text) >= 3.0 and named_among_kind(text, start) or \
            self._form_explained(term.key)  # (`explained` asked named_among_kind of rarer
        # words)

    def _form_explained(self, key: str) -> bool:
        """Is the word (a term of one word, folded), in this form or another
        (`forms_of_one_word`, and not by an ending that makes another thing of it:
        "neutropenia" is no form of "neutrophil"), explained before it, or further on in its
        block: "Prodromal" after "known as a prodrome", "metabolize" before "the breakdown
        (metabolism) of fructose" in its paragraph?"""
        if " " in key:
            return False
        block_end = self.block.source_offset(len(self.text) - 1) + 1
        return any(where < block_end and forms_of_one_word(key, other) and
                   _one_meaning(_meaning_family(key), _meaning_family(other))
                   for where, other in _explained_words(self.page.doc).get(key[:7], ()))

    def _name_explained(self, term: _Term) -> bool:
        """Is the name a glossary word ends, the adjectives before it with it, or the name
        it starts, abbreviated, explained ("infective endocarditis (IE). IE is an infection
        ...", where the glossary's word is "endocarditis")? The name starts where
        `name_start` says, as reported (so it stops at a term reported or taken before it)."""
        name_start = self.name_start(term)
        if name_start < term.start and explained(self.text, name_start, term.end, term.acronym):
            return True
        # the glossary's word starts a longer name that its abbreviation explains:
        # "Radionuclide cystogram (RNC). RNC is a type of nuclear scan ..."
        if not term.in_glossary:
            return False
        whole = _whole_term(self.text, term.start, term.end)
        return whole[1] > term.end and bool(bracketed_after(self.text, whole[1])) and \
            explained(self.text, *whole)

    def in_other_language(self) -> bool:
        """Is the block mostly in another language? (Worked out once, when first asked.)"""
        if self._foreign is None:
            self._foreign = other_language(self.text)
        return self._foreign

    def gene_or_variant(self, term: _Term) -> bool:
        """Is the abbreviation a gene or a variant, named as such?"""
        block = self.block
        return _gene_or_variant(self.page.doc, block.source_offset(term.start),
                                block.source_offset(term.end - 1) + 1, term.text,
                                self.page.seen) or \
            _GENE_AFTER.match(self.text, term.end) is not None


@lru_cache(maxsize=1 << 15)
def _earlier_forms(key: str) -> tuple[str, ...]:
    """The forms of a one-word term (folded) that make it known when met before it on the
    page (see `_Page.known`), worked out once for each word."""
    return (*_forms_before(key), *_latin_number(key), *_noun_or_adjective_forms(key))


def _latin_number(word: str) -> list[str]:
    """The word's Latin plural or singular, as medical words form them ("sclera",
    "sclerae"; "diaphysis", "diaphyses"; "thrombus", "thrombi"; "cortex", "cortices"),
    for a word of four letters or more ("nevi")."""
    if len(word) < 4:
        return []
    return [word[:-len(ending)] + other for ending, other in _LATIN_NUMBERS
            if word.endswith(ending)]


def _noun_or_adjective_forms(word: str) -> list[str]:
    """The word's noun or adjective with another ending: a Greek noun's and its adjective's
    ("metastasis", "metastatic"; "stenotic", "stenos" as "stenoses" is folded) and the other
    endings nouns and their adjectives take ("cytology" and "cytological", "karyotype" and
    "karyotypic", "anemia" and "anemic", "peritoneum" and "peritoneal"), for a word whose
    part before the ending has four letters or more."""
    return [word[:-len(ending)] + other for ending, other in _NOUN_ADJECTIVE_ENDINGS
            if word.endswith(ending) and len(word) - len(ending) >= 4]


# A Latin ending of one number, and the ending of the other.
# ("diaphyses" is folded to "diaphys", "anastomoses" to "anastomos", as the word lists have
# them.)
_LATIN_NUMBERS = (("ae", "a"), ("a", "ae"), ("ses", "sis"), ("sis", "ses"), ("ys", "ysis"),
                  ("ysis", "ys"), ("os", "osis"), ("osis", "os"), ("i", "us"), ("us", "i"),
                  ("ices", "ex"), ("ices", "ix"), ("ex", "ices"), ("ix", "ices"))


# A noun's ending and its adjective's, each way: Greek ones ("metastasis" and "metastatic",
# "necrosis" and "necrotic"; "stenotic" and "stenoses", folded to "stenos") and others
# ("cytology" and "cytological", "peritoneum" and "peritoneal").
_NOUN_ADJECTIVE_ENDINGS = tuple(
    pair for noun, adjective in (("sis", "tic"), ("s", "tic"), ("y", "ical"), ("y", "ic"),
                                 ("e", "ic"), ("ia", "ic"), ("um", "al"), ("a", "ic"),
                                 ("sis", "size"), ("tic", "size"))  # (and the verb:
    # "metastasize")
    for pair in ((noun, adjective), (adjective, noun)))

# Endings that make an adjective of a term: "urethra" and "urethral", "aorta" and "aortic".
_FORMED_ENDINGS = ("l", "al", "ic", "ar", "ous")


def _nouns_of_verb(key: str) -> list[str]:
    """The nouns a verb (folded) may have in "-ion" or "-ment" ("excrete", "excretion";
    "degrade", "degradation"; "efface", "effacement"), for a verb of six letters or more."""
    if len(key) < 6 or key.endswith(("ion", "ment")):
        return []
    stem = key[:-1] if key.endswith("e") else key
    return [key + "ment", stem + "ion", stem + "ation"]


def _forms_before(key: str) -> list[str]:
    """The forms a one-word term (folded) may be met in before it: the word it is formed
    from ("urethra" for "urethral", "retina" for "retinal") and an "-ic" word's "-ical" form
    ("ophthalmological" for "ophthalmologic"; the other way, "-al" is a formed ending)."""
    forms = [key + "al"] if key.endswith("ic") else []
    return forms + [key[:-len(ending)] for ending in _FORMED_ENDINGS
                    if key.endswith(ending) and len(key) - len(ending) >= 5]


# How common (Zipf) the better-known form of a word must be ("neurological" for "neurologic",
# "retina" for "retinal") for the word to be known after it on a page.
EASIER_FORM_ZIPF = 3.0

# The expressions the word tests below ask of many words, compiled once.
_POSSESSIVE_END = lazy_re(r"['’]s$")
_MIXED_CASE = lazy_re(r"[A-Z]{2,}[a-z]")  # "GTPases", "NFkB"
_CAPITALISED_BEFORE = lazy_re(r"\b[A-Z][a-z]+[*_]*\s+[*_]*$")
_TRIAL_NUMBER = lazy_re(r"NCT\d{8}")
_LETTER = lazy_re(r"[^\W\d_]")
_FIGURES = lazy_re(r"[\d.,]+")
_LATIN_LETTER = lazy_re(r"[A-Za-zÀ-ɏ]")
_NOT_A_WORD = lazy_re(r"\d+[xX×]\d+|\d[\dA-Za-z]*|[α-ωΑ-Ω]\w*|(?:to|up|of|in|and|or|than)\d+")
_POSSESSIVE_WORD = lazy_re(r"([a-z][a-z-]{2,})['’]s")
_FOOTNOTE_MARK = lazy_re(r"[.¹²³⁴⁵⁶⁷⁸⁹⁰]+$")
_CODED = lazy_re(r"([A-Z][A-Z0-9]+)(?:-[a-z]{4,}|genes?|mutations?|proteins?)")
_JOINED = lazy_re(r"([^\W\d_]{4,})\.([^\W\d_]{2,})")
_WEB_ADDRESS_END = lazy_re(r"\.(?:gov|com|org|net|edu|info|io|us|uk)$", re.I)
_DRUG_NAME_SUFFIX = lazy_re(r"([^\W\d_]{3,})-(?:[a-z]{4}|cel)")
_PHONE_NUMBER = lazy_re(r"\d[\d-]*-[A-Z]+-[\d-]+")
_NUMBER_DASH_END = lazy_re(r"\d-$")


def _within(spans: list[tuple[int, int, str]], starts: list[int], start: int, end: int) -> bool:
    """Is text[start:end] inside one of these spans (in order, their starts in `starts`)?"""
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and end <= spans[i][1]


def _limits(options: Mapping[str, Any]) -> Limits:
    return Limits(float(options["max_zipf"]), float(options["medical_max_zipf"]),
                  float(options["acronym_max_zipf"]), tuple(options["glossaries"]),
                  float(options["health_max_zipf"]))


# What kind of thing a term is, said by its last word: "the BRAF gene", "the pituitary gland".
_KIND_LAST = lazy_re(rf"\s{nearby.KIND_NOUNS}$", re.I)
# A cancer, a syndrome or a substance named as one: "acute lymphocytic leukemia", "intraocular
# melanoma", "folic acid".
_ILLNESS_LAST = lazy_re(r"\s(?:leukemias?|lymphomas?|melanomas?|"
                        r"cancers?|tumou?rs?|syndromes?|vaccines?|acids?)$", re.I)
# A virus named as one: "cytomegalovirus", "human papillomavirus".
_VIRUS_NAME = lazy_re(r"[a-z]{3}viruse?s?$", re.I)
# Characters that could not be read (U+FFFD): a block with this many is not text (an ebook's
# data shown as a page), and its "words" are not terms.
_UNREADABLE_MARKS = 3
# People named by their work, with an everyday ending: "internists", "epidemiologists".
_PEOPLE = lazy_re(r"(?![a-z]*(?:agonists?|synergists?)$)[a-z]{3,}(?:ists?|icians?)", re.I)


def _linked_stems(doc: Document) -> dict[str, set[str]]:
    """The words of every link's text on the page: the first 7 letters of their plain form
    (or an abbreviation whole), each with the medical endings of the words linked
    (`_meaning_family`)."""
    stems: dict[str, set[str]] = {}
    for block in doc.blocks:
        for link in block.links:
            for w in re.findall(r"[^\W\d_][\w-]*", block.text[link.start:link.end]):
                if is_acronym(w):
                    stems.setdefault(w, set()).add("")
                elif len(w) >= 4:
                    # (a word joined by dashes also by the family of its first word,
                    # "blastic" of "blastic-phase", and each of its words on its own,
                    # "oophorectomy" of "salpingo-oophorectomy")
                    folded = fold(w)
                    families = stems.setdefault(folded[:7], set())
                    families.add(_meaning_family(folded))
                    parts = [fold(part) for part in w.split("-") if len(part) >= 4]
                    if "-" in w and parts:
                        families.add(_meaning_family(parts[0]))
                        for part in parts:
                            stems.setdefault(part[:7], set()).add(_meaning_family(part))
    return stems


def _linked_on_page(term: str, stems: dict[str, set[str]]) -> bool:
    """Is the term's hardest word (its rarest in English) linked somewhere on the page, in
    some form? Not when the term adds an ending that makes another thing of the word
    linked: "lymphocytosis" (too many lymphocytes) where "lymphocytes" is linked,
    "prosthetist" where "prosthesis" is."""
    if is_acronym(term):
        return term in stems or term.rstrip("s") in stems
    pieces = [w for w in re.findall(r"[^\W\d_]+", term) if len(w) >= 4]
    if not pieces:
        return False
    rarest = min(pieces, key=word_zipf)
    if _linked_form(fold(rarest), stems):
        return True
    # the linked word with an everyday prefix: "nonadenoma" where "adenomas" is linked,
    # "postmenopausal" where "menopause" is
    return any(_linked_form(fold(rest), stems)
               for _, rest in prefixed(rarest.lower(), EVERYDAY_PREFIXES, 5))


def _linked_form(word: str, stems: dict[str, set[str]]) -> bool:
    """Is a form of the word (folded) linked: a word of its first 7 letters, and not one that
    a medical ending makes another thing of, nor the word another thing is made of? Linked
    "leukemia" explains "leukemic", "metastatic" explains "metastasis", "ultrasound"
    explains "ultrasonography"; "lymphocytes" does not explain "lymphocytosis", nor
    "endometriosis" "endometrium" (`_meaning_family`, `_OTHER_THINGS`)."""
    families = stems.get(word[:7])
    if families is None:
        return False
    family = _meaning_family(word)
    return any(_one_meaning(family, linked) for linked in families)


def _one_meaning(family: str, other: str) -> bool:
    """May words of two medical-ending families (`_meaning_family`) be forms of one word: the
    same family, or neither one that makes another thing of the root (`_OTHER_THINGS`)?"""
    return family == other or family not in _OTHER_THINGS and other not in _OTHER_THINGS


@lru_cache(maxsize=WORDS_REMEMBERED)
def _meaning_family(word: str) -> str:
    """The family of a medical ending of a word (folded): "-osis" with its "-otic",
    "-ology" with its "-ologic" and "-ologist", "-cyte" with its "-cytic", a person's "-ist";
    "" for none. An adjective in "-ic" of a word English knows is of that word's family
    ("prostatic" of "prostate", "estrogenic" of "estrogen"; not "nephritic" of "nephrite":
    `IC_BASE_ZIPF`)."""
    if word.endswith("ic") and len(word) > 5:
        for base in (word[:-2], word[:-2] + "e"):
            if word_zipf(base) >= IC_BASE_ZIPF:
                return _meaning_family(base)
    for ending, family in _FAMILY_ENDINGS:
        if word.endswith(ending):
            return family
    return ""


IC_BASE_ZIPF = 2.5  # ("carcinogen" 2.58, "nephrite" 1.81)
# Medical endings, each with its family (a word and its adjective, its person or its plural
# share one; "prognosis" is a word of its own, not one in "-osis").
_FAMILIES = {
    "gnosis": ("gnosis", "gnostic", "gnose", "gnosed"),
    "cytosis": ("cytosis", "cytotic"), "sclerosis": ("sclerosis", "sclerotic"),
    "ptosis": ("ptosis", "ptotic"), "osis": ("osis", "oses", "otic"),
    "ology": ("ology", "ologic", "ological", "ologically", "ologist"), "ist": ("ist",),
    "stasis": ("stasis", "stases", "static"), "emia": ("emia", "aemia", "emic"),
    "penia": ("penia", "penic"), "plasia": ("plasia", "plastic"),
    "trophy": ("trophy", "trophic"), "pathy": ("pathy", "pathic"),
    "genesis": ("genesis", "genic", "geneic"), "lysis": ("lysis", "lytic"),
    "oma": ("oma", "omas", "omatous"), "itis": ("itis", "itic"),
    "cyte": ("cyte", "cytic"), "blast": ("blast", "blastic"),
    "ectomy": ("ectomy", "ectomies"), "otomy": ("otomy",), "ostomy": ("ostomy",),
    "plasty": ("plasty",), "scopy": ("scopy", "scopic", "scopically", "scope"),
    "graphy": ("graphy", "graphic"), "algia": ("algia", "algic"),
    "rrhea": ("rrhea", "rrhoea"), "megaly": ("megaly",), "uria": ("uria", "uric"),
    "cele": ("cele",), "plegia": ("plegia", "plegic"), "phagia": ("phagia",),
}
# The families whose ending makes another thing of a word: a condition ("lymphocytosis",
# "carcinomatosis", "nephritis", "pathogenesis"), a cell ("hepatocytes"), a surgery or a test
# ("prostatectomy", "nasopharyngoscopy"), a field or a person ("endocrinologist"). A link on
# the word it is made of explains none of them, and a link on one of them does not explain
# that word ("endometrium" where "endometriosis" is linked).
_OTHER_THINGS = frozenset((
    "cytosis", "sclerosis", "ptosis", "osis", "itis", "emia", "penia", "oma", "megaly",
    "algia", "uria", "rrhea", "pathy", "plegia", "phagia", "trophy", "plasia", "genesis",
    "cyte", "ectomy", "otomy", "ostomy", "plasty", "scopy", "ology", "ist"))
_FAMILY_ENDINGS = sorted(((ending, family) for family, endings in _FAMILIES.items()
                          for ending in endings), key=lambda pair: -len(pair[0]))


def _named_by_work(term: str) -> bool:
    """A kind of doctor or scientist, whose everyday ending says what they are
    ("internists", "epidemiologists", "cardiologists", "a medical oncologist")."""
    term = term.split()[-1]  # "medical oncologist": an oncologist
    if _PEOPLE.fullmatch(term) is None:
        return False
    low = term.lower()
    ologist = re.fullmatch(r"([a-z]+olog)ists?", low)
    # a specialist readers can place by the field's name ("cardiologists", "oncologist"), not
    # one of a field few know ("nephrologist")
    return ologist is None or word_zipf(ologist.group(1) + "y") >= 3.0


def _graded(term: str, seen: set[str]) -> bool:
    """Is the term a grade or type of an abbreviation already met ("CIN 2" after "CIN")?"""
    m = re.fullmatch(r"([A-Z][A-Za-z]*[A-Z])\s+\d+[A-Za-z]?", term)
    return m is not None and fold_phrase(m.group(1)) in seen


class _Seen(set[str]):
    """The terms met on a page (folded), and for each first word of those of several words,
    how many words they have: `_part_seen` builds only the runs of a term's words that
    could be one of them (building every run cost the cube of a long term's length, and an
    odd page can hold "terms" of thousands of words)."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        super().__init__()
        self.lengths: dict[str, set[int]] = {}  # first word -> word counts
        self.update(terms)

    def add(self, term: str) -> None:
        super().add(term)
        if " " in term:
            self.lengths.setdefault(term[:term.index(" ")], set()).add(term.count(" ") + 1)

    def update(self, *more: Iterable[str]) -> None:
        for terms in more:
            for term in terms:
                self.add(term)


def _part_seen(key: str, seen: _Seen) -> bool:
    """Is a run of two or more of the term's words, or its last word, a term already met on
    the page ("autosomal dominant" before "autosomal dominant inheritance", "hypoplasia"
    before "pulmonary hypoplasia")?"""
    words = key.split()
    if words[-1] in seen:
        return True
    return any(" ".join(words[i:i + size]) in seen for i, word in enumerate(words)
               for size in seen.lengths.get(word, ())
               if size >= 2 and i + size <= len(words) and (i, size) != (0, len(words)))


def _named(term: str, acronym: bool, in_glossary: bool, text: str, start: int) -> bool:
    """Does the word name a person, a study or a group (not a term to explain)?"""
    if term.islower():
        return False  # names and abbreviations have capitals
    end = start + len(term)
    if not acronym and term[:1].isupper() and term[1:2].islower() and \
            _CAPITALISED_BEFORE.search(text[max(0, start - 30):start]):
        return True  # after another word in capitals: "Lancet Oncology"
    long_words = [w for w in term.split() if len(w) >= 4]
    if len(long_words) >= 2 and all(w[:1].isupper() for w in long_words) and \
            (len(long_words) >= 3 or not sentence_start(text, start)):
        return True  # a name of several words in capitals: "National Center for ..."
    if acronym:
        return bool(_STUDY_AFTER.match(text, end) or _BODY_AFTER.match(text, end) or
                    _TRIAL_NUMBER.fullmatch(term)
                    or _STUDY_BEFORE.search(text, max(0, start - 100), start)
                    or (not in_glossary and in_proper_name(text, start, end))
                    or _person_or_place(text, start, end, term))
    # a person: "Dr. Sznol", "Hortobagyi said", "Ambinder, M.D.", an author in a list of
    # them ("Volume 27, Kristian W. Pajtler, Hendrik Witt, ...")
    return term[:1].isupper() and not in_glossary and " " not in term and bool(
        _TITLE_BEFORE.search(text, max(0, start - 40), start) or _PERSON_AFTER.match(text, end)
        or _INITIALS_BEFORE.search(text, max(0, start - 40), start) and (
            _AUTHOR_AFTER.match(text, end) or
            _AUTHOR_BEFORE.search(text, max(0, start - 80), start)))


# A field of work named as such: "the department of oncology", "experts in the fields of
# oncology, pharmacology ...", "specialties include medical oncology".
_FIELD_BEFORE = lazy_re(r"\b(?:[Dd]epartments?\s+of|[Ff]ields?\s+of|[Pp]rofessor\s+of|"
                        r"[Ss]pecialt(?:y|ies)(?:\s+include)?|[Ee]xperts?\s+in)\s+"
                        r"(?:[a-z]+(?:\s+[a-z]+)?,\s+)*(?:(?:medical|clinical|radiation)\s+)?$")
# A word of a capitalised name that its abbreviation follows: "Surveillance, Epidemiology, and
# End Results (SEER)".
_NAME_THEN_ABBREVIATION = lazy_re(r"(?:,?\s+(?:and\s+|&\s+|of\s+|for\s+|the\s+)?[A-Z][\w'’-]*)+"
                                  r"\s*\([A-Z][A-Za-z0-9]*[A-Z]\)")
# A list that ends by saying what kind of things it names, the term one of its items: "a
# pacemaker, man-made joint, stent, or other metal devices".
_AND_OTHER = lazy_re(r"(?:,\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}){1,6},?\s+(?:or|and)\s+other\s+"
                     r"(?:[a-z]+\s+){0,2}[a-z]+s\b")


_TOPIC_WORD_AFTER = lazy_re(r"\s+([^\W\d_][\w'’-]*)")


def _explained_with_next(text: str, start: int, end: int, topic: set[str]) -> bool:
    """Is the term, with the page's subject after it, explained as one ("idiopathic
    gastroparesis, which means a health care provider cannot identify the cause" on a page
    about gastroparesis)?"""
    after = _TOPIC_WORD_AFTER.match(text, end)
    return after is not None and fold(after.group(1)) in topic and \
        explained(text, start, after.end(1))


def _field_or_program(text: str, start: int, end: int, term: str) -> bool:
    """Is the term a field of work, a word of a program's name, or one item of a list whose
    kind the list says?"""
    if _FIELD_BEFORE.search(text, max(0, start - 80), start):
        return True
    if text[start - 1:start] == "[" and text[end:end + 1] == "]":
        return True  # a source cited in square brackets: "... in the HADHA gene.[OMIM]"
    if term[:1].isupper() and not sentence_start(text, start) and \
            _NAME_THEN_ABBREVIATION.match(text, end):
        return True
    lo = max(0, start - 250)
    if text.find("The", lo, start) >= 0 and _TYPES_NAMED.search(text, lo, start):
        return True  # "four main types of thyroid cancer. These are papillary, ..., and
        # anaplastic" (a plain search for "These" or "They" first: the pattern costs more)
    return _AND_OTHER.match(text, end) is not None


# One of the types the sentence before announces, named in a list: "There are four main
# types of thyroid cancer. These are papillary, follicular, medullary, and anaplastic".
_TYPES_NAMED = lazy_re(r"\b(?:types|kinds|forms|subtypes)\s+of\b[^.:]{0,80}[.:]\s+"
                       r"(?:These|They)\s+(?:are|include)\s+(?:[^.;:()]{0,30}"
                       r"(?:,|\band\b|\bor\b)\s+){0,6}$")


def _hard_parts(text: str, word: str, start: int) -> Iterator[tuple[int, int, str]]:
    """A word, or for a hyphenated word such as "HER2-positive" its parts that may be hard."""
    if _plain_word(word):
        yield start, start + len(word), word  # most words: none of the cases below
        return
    if not _LETTER.search(word) or _FIGURES.fullmatch(word):
        return
    if not _LATIN_LETTER.search(word):
        return  # not written in the Latin alphabet: a fraction "⅛", a stray character
    if "*" in word:  # emphasis written without spaces: "the*EGFR*gene"
        yield from _emphasised_parts(text, word, start)
        return
    if _NOT_A_WORD.fullmatch(word):
        return  # a size "2400x3840", an allele "02P", "21percent", a Greek-letter name "β2",
        # a missing space "6 to7"
    possessive = _POSSESSIVE_WORD.fullmatch(word)
    if possessive:  # "fumarase's role" is "fumarase"
        yield from _hard_parts(text, possessive.group(1), start)
        return
    mark = _FOOTNOTE_MARK.search(word)
    if mark and mark.start() > 0:  # a footnote mark: "lymphoma¹"
        word = word[:mark.start()]
    yield from _unmarked_parts(text, word, start)


def _after_bracketed_initial(text: str, start: int) -> bool:
    """Is the word the rest of one whose first letter stands in brackets, as a name's letters
    are spelled out ("LEOPARD: (L)entigines, ... (A)bnormalities of the genitalia")? The
    reader reads the whole word; its rest is no term, nor a misspelling."""
    return start >= 3 and text[start - 1] == ")" and text[start - 3] == "(" and \
        text[start - 2].isupper()


def _plain_word(word: str) -> bool:
    """Is the word letters alone, in small letters or with one capital (not a TNM label such
    as "TX")? Such a word is a term, or part of one, as it stands."""
    return word.isascii() and word.isalpha() and (
        word.islower() or (len(word) > 2 and sum(c.isupper() for c in word) == 1
                           and not (word[0] in "TNM" and word[1] in "Xx")))


def _emphasised_parts(text: str, word: str, start: int) -> Iterator[tuple[int, int, str]]:
    """The hard parts of each piece of a word between emphasis marks ("the*EGFR*gene")."""
    offset = start
    for part in word.split("*"):
        if part:
            yield from _hard_parts(text, part, offset)
        offset += len(part) + 1


def _unmarked_parts(text: str, word: str, start: int) -> Iterator[tuple[int, int, str]]:
    """_hard_parts of a word with no emphasis, possessive or footnote mark."""
    coded = _CODED.fullmatch(word)
    if coded and is_acronym(coded.group(1)):  # "HER2-targeted": only the code may be hard
        yield start, start + len(coded.group(1)), coded.group(1)
        return
    if _label_or_phone_number(text, word, start):
        return
    joined = _JOINED.fullmatch(word)
    if joined:  # two sentences with no space after the full stop: "helps.The"
        yield from _hard_parts(text, joined.group(1), start)
        yield from _hard_parts(text, joined.group(2), start + joined.start(2))
        return
    if _WEB_ADDRESS_END.search(word):
        return  # a web address: MedlinePlus.gov
    suffixed = _DRUG_NAME_SUFFIX.fullmatch(word)
    if suffixed:  # a drug's suffix: "tafasitamab-cxix", "liso-cel"
        word = suffixed.group(1)
        if len(word) < 6:
            return
    if "-" in word and not is_acronym(word):
        yield from _hyphenated_parts(text, word, start)
    else:
        yield start, start + len(word), word


def _label_or_phone_number(text: str, word: str, start: int) -> bool:
    """Is the word a stage or group label ("IIA", "IVC", "T2N0M0", "IIIb"), a chromosome's band
    ("16p13.3", "q11.2"), a type named by a letter ("type C1", "types A, B and C2") or a phone
    number ("1-888-NCI-1937")?"""
    if STAGE_LABEL.fullmatch(word) or _BAND.fullmatch(word):
        return True
    if _TYPE_LABEL.fullmatch(word) and _LABEL_BEFORE.search(text, max(0, start - 60), start):
        return True
    return _PHONE_NUMBER.fullmatch(word) is not None


def _hyphenated_parts(text: str, word: str, start: int) -> Iterator[tuple[int, int, str]]:
    """The parts of a hyphenated word that may be hard: those with a letter, of two
    characters or more, not starting with a digit nor after a number ("9-valent"). Codes
    joined by a dash stay one part: "PD-L1" in "PD-L1-expressing", not "PD" and "L1"."""
    offset = start
    for part in _CODE_RUN.findall(word):
        if part and _LETTER.search(part) and len(part) > 1 and \
                not part[0].isdigit() and \
                not _NUMBER_DASH_END.search(text[max(0, offset - 2):offset]):  # "9-valent"
            yield offset, offset + len(part), part
        offset += len(part) + 1


# A run of codes joined by dashes ("PD-L1"), or any other piece between two dashes.
_CODE_RUN = lazy_re(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?=-|$)|[^-]+|(?<=-)(?=-|$)|^(?=-)")


STAGE_LABEL = lazy_re(r"(?:[IVX]+[A-Ea-e]?[12]?|[TNM][0-4Xx](?:[a-d]|mi|is)?"
                      r"(?:[TNM][0-4Xx](?:[a-d]|mi|is)?)*|"
                      r"L[12]|MS)")
# A place on a chromosome: its number and arm ("16p13.3", "Xq28"), or an arm's band with its
# sub-band ("q11.2"). (An arm's band alone, "p13", is not hard already, as "p53" is not.)
_BAND = lazy_re(r"(?:\d{1,2}|X|Y)[pq]\d{1,2}(?:\.\d{1,3})?|[pq]\d{1,2}\.\d{1,3}")
# A letter that names a type or group, with a digit or a small letter ("type C1", "group 2B"),
# after the word that says so, perhaps in a list of such labels.
_TYPE_LABEL = lazy_re(r"[A-Z]\d{0,2}[a-z]?|\d{1,2}[A-Za-z]")
_LABEL_BEFORE = lazy_re(r"\b(?:(?:sub)?types?|groups?|class(?:es)?|grades?|stages?|forms?)\s+"
                        r"(?:[A-Z0-9][A-Za-z0-9]{0,3},?\s+(?:(?:and|or)\s+)?)*$", re.I)
# A gene named in a list or on its own: "KRAS, BRAF, and NRAS genes", "BRAF mutations".
# Each name is taken whole, never given back (the lookahead and "\1": an atomic group). A
# name keeps its dashes only when a letter or digit follows them ("HLA-B"), or when it is
# one capital and a dash ("A-"); other dashes after it are read by what follows (a
# separator, the dashes before "gene", "-positive"). Names that could give their dashes
# away ("-AB-AB-AB ...") made the pattern try every way of splitting them, twice as long
# for each name more.
_GENE_AFTER = lazy_re(r"(?:[\s,/-]+(?:and\s+|or\s+)?"
                      r"(?=([A-Z](?:[A-Z0-9]|-+(?=[A-Z0-9]))+|[A-Z]-))\1)*[\s*-]*(?:genes?|"
                      r"mutations?|mutated|-positive|fusions?|proteins?|oncogenes?|receptors?|enzymes?|"
                      r"kinases?|inhibitors?|-?targeted|-?targeting|pathways?|expression|status|"
                      r"variants?|alterations?|rearrangements?|amplifications?|"
                      r"deletions?)\b")
# A drug's suffix after its name: "mosunetuzumab-axgb", "liso-cel".
_DRUG_SUFFIX = lazy_re(r"-(?:[a-z]{4}|cel)\b")
# A study, a trial group or a meeting: "the ADAURA clinical trial", "the RESONATE
# investigators", "the 2018 ASCO annual meeting".
# (each code with a digit after its first character, that digit its first one: which of
# several digits it was, left open, made the pattern try every choice for every code, twice
# as long for each code more: " HER21and" 22 times, 4.8 s)
_STUDY_AFTER = lazy_re(r"(?-i:(?:\s+[A-Z][a-z]*[A-Z]*){1,2})\s+(?:clinical\s+)?trials?\b|"
                       # (words in capitals before a trial: "NCI-COG Pediatric MATCH trial")
                       r"(?:\s+[A-Z\d][A-Z-]*\d[A-Z\d-]*)*"  # "ACCORD 07-FFCD 9703 trial"
                       r"\s+(?:(?:clinical|phase\s+[\dI]+|randomized|annual)\s+)?"
                       r"(?:trials?|study|studies|group|network|investigators|researchers|"
                       r"meeting|conference|symposium|cohort|program|center|institute|"
                       r"foundation|consortium|hospital)\b", re.I)
# A body that backs a study or a meeting, named by what it does: "an NCI/NIEHS-sponsored
# symposium", "NIH-funded research" (not "-supported", "-led": "ECMO-supported care").
_BODY_AFTER = lazy_re(r"[-‐](?:sponsored|funded)\b")
_STUDY_BEFORE = lazy_re(r"\b(?:dubbed|trials?|studies|study number|identifier|"
                        r"(?:conducted|led|funded|sponsored|run|coordinated) by)[\s:,]+$|"
                        r"\bpublished\b[^.]{0,80}\bin\s+[*_]?$|\d\s*$", re.I)
# Letters after a person's name: "Allan Hackshaw, MSc", "Goodman PJ, Thompson IM".
_DEGREES = frozenset("MD MPH PhD MSc MS RN DO MBA FACS BSN DrPH ScD NP PA MSW LCSW DDS FRCP "
                     "MA BA BS PharmD OCN MB BCh MBBS MSPH MHS MPhil FRCS ANP FNP CRNP APRN "
                     "CNS CNM DNP MSN".split())
_AFTER_NAME = lazy_re(r"[A-Z][a-z’'-]+,?\s+$")
# Two-letter codes of US states and Canadian provinces, after a town: "Salt Lake City, UT".
_REGIONS = frozenset("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS "
                     "MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV "
                     "WI WY PR AB BC MB NB NL NS ON PE QC PQ SK".split())
# A title, then perhaps first names and initials: "Dr. Cusimano", "Dr. Robert J. Cusimano".
_TITLE_BEFORE = lazy_re(r"\b(?:Dr|Mr|Mrs|Ms|Prof)\.\s+(?:[A-Z][\w'’-]*\.?\s+){0,3}$")
# A first name and initials before a surname, and another author after it or before it, as
# in a list of authors ("Kristian W. Pajtler, Hendrik Witt"; not "hepatitis B. Cirrhosis,
# a scarring ...").
_INITIALS_BEFORE = lazy_re(r"\b[A-Z][a-z]+\s+(?:[A-Z]\.\s*){1,2}$")
_AUTHOR = r"[A-Z][a-z'’-]+\s+(?:[A-Z]\.\s*){0,2}[A-Z][\w'’-]+"
_AUTHOR_AFTER = lazy_re(r",\s+" + _AUTHOR)
_AUTHOR_BEFORE = lazy_re(_AUTHOR + r",\s+[A-Z][a-z]+\s+(?:[A-Z]\.\s*){1,2}$")
_PERSON_AFTER = lazy_re(r"(?:,?\s+(?:Inc|LLC|Ltd|Corp)\b|,\s+(?:from|of)\s+the\s+[A-Z]|"
                        r",\s+(?:M\.D\.|Ph\.D\.|D\.O\.|R\.N\.|M\.P\.H\.|M\.Sc?\.?|Jr\.)|"
                        r"\s+(?:said|says|"
                        r"noted|added|explained|continued|cautioned|stated|wrote|told|"
                        r"commented|agreed|concluded|reported)\b)")
_NEXT_WORD = lazy_re(r" ([^\W\d_][\w'’-]*)")
_WORD_BEFORE = lazy_re(r"([^\W\d_][\w'’-]*) $")


def _whole_term(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the term of several words around the hard word text[start:end]: the
    words next to it that are rare or medical too ("amyotrophic lateral sclerosis"), never
    before `start`'s sentence or a word already reported, nor more than _TERM_WORDS_BEFORE
    words before it (a page of nothing but rare words is not one term). A verb takes none of
    the words before it: they are what it is said of ("EP300 mutations inactivate ...")."""
    while (m := _NEXT_WORD.match(text, end)) is not None and _term_word(m.group(1)) and \
            not _next_item(text, end, m.group(1)):
        end = m.end()
    if only_a_verb(text[start:end]) or _VERB_AND_OBJECT.fullmatch(text, start, end) and \
            _OBJECT_AFTER.match(text, end):
        return start, end
    for _ in range(_TERM_WORDS_BEFORE):
        reach = max(0, start - 40)
        m = _WORD_BEFORE.search(text, reach, start)
        if m is None or not _term_word(m.group(1)) or _CLASS_NOUN.fullmatch(m.group(1)) or \
                m.start(1) == reach and text[reach - 1:reach].isalpha():
            break  # (nor the end of a word longer than the 40 characters looked at)
        if not m.group(1)[:1].isupper() or sentence_start(text, m.start(1)):
            start = m.start(1)
        elif _first_word_of_term(text, m.start(1), m.end(1)) or \
                starts_table_item(text, m.start(1)):
            return m.start(1), end  # a capital starts the term: "parasite Babesia microti",
            # an item of a table of signs run into one line ("90% Optic atrophy 50%")
        else:
            break
    return start, end


def _next_item(text: str, end: int, word: str) -> bool:
    """Does the word after text[:end] start the next item of a list run into one line, as
    MedQuAD keeps GARD's ("... radiologic dye Strenuous exercise ...")? An English word with a
    capital after a word in small letters does; a name does not ("classic Hodgkin lymphoma")."""
    return word[:1].isupper() and word[1:].islower() and text[end - 1:end].islower() and \
        an_english_word(word) and _EPONYM_AFTER.match(text, end + 1 + len(word)) is None


# A name that is an English word too, named by what comes after it: "Gaucher disease",
# "Usher syndrome", "Bloom syndrome".
_EPONYM_AFTER = lazy_re(r"['’]?s?\s+(?:disease|syndrome|sarcoma|lymphoma|tumou?rs?|anemia|"
                        r"disorder|palsy|esophagus|ulcers?|sign|type)\b", re.I)


_TERM_WORDS_BEFORE = 12  # (over both corpora, no term takes as many)
# A verb lemminflect may not know, by its ending, and the start of its object after it:
# "inactivate one copy", "phosphorylates the protein" (not a word that says how much or how
# often, which may follow a salt's name: "deferoxamine mesylate each night").
_VERB_AND_OBJECT = lazy_re(r"[a-z]+(?:ates?|izes?|ises?|ify|ifies)")
_OBJECT_AFTER = lazy_re(r"\s+(?:the|an?|one|its|their|this|these|those|his|her|your|our)\s")


def _adjectives_before(text: str, limit: int, start: int) -> int:
    """Where the name that a glossary's word ends starts: the medical adjectives right before
    it belong to it ("Hepatic encephalopathy", "axonal neuropathy", "Vesicoureteral reflux"),
    not everyday ones ("recurrent", "donor") nor those that say when or why ("asymptomatic",
    "curative"), and none before `limit` or the sentence."""
    while (m := _WORD_BEFORE.search(text, max(limit, start - 40), start)) is not None and \
            MEDICAL_ADJECTIVE.fullmatch(m.group(1)) and word_zipf(m.group(1)) < 3.5 and \
            m.group(1).lower() not in CIRCUMSTANCE and \
            not a_noun_not_adjective(m.group(1)) and \
            not (m.start(1) and (text[m.start(1) - 1].isalnum() or
                                 text[m.start(1) - 1] in "-‐")) and \
            (not m.group(1)[:1].isupper() or sentence_start(text, m.start(1)) or
             _first_word_of_term(text, m.start(1), m.end(1)) or
             starts_table_item(text, m.start(1))):
        start = m.start(1)
    return start


def _hyphenated(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the whole hyphenated word that text[start:end] is part of ("clonic seizure"
    in "(tonic-clonic seizure)", "apoA" in "apoA-I"), or the span itself."""
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
        start -= 2
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    while end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum():
        end += 2
        while end < len(text) and text[end].isalnum():
            end += 1
    return start, end


def _explanation_starts(word: str) -> bool:
    """Could the word start what explains a term, after a lost dash: an article ("a doctor
    who ..."), or a noun ("swelling"), not a word that joins ("and", "or", "too", "such")?"""
    low = word.lower()
    return low in ("a", "an", "the") or len(low) >= 4 and low not in STOPWORDS and \
        low not in _NOT_EXPLAINING


_NOT_EXPLAINING = frozenset("such which where while with also then than only more most "
                            "much many very just even both each some what".split())


def _numbered(rest: str) -> bool:
    """Is what follows an abbreviation's letters a number or a type ("1A", "-1A", "2")?"""
    return rest[:1].isdigit() or rest[:1] == "-" and rest[1:2].isdigit()


_SLASH_AFTER = lazy_re(r"/([^\W\d_]+)\b(?![/-])")
_SLASH_BEFORE = lazy_re(r"(?<![/-])\b([^\W\d_]+)/$")


def _slash_pair(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the two terms the words text[start:end] are one of, when a slash joins
    them and the other is a rare word too ("Aplasia/Hypoplasia", "hemiplegia/hemiparesis"; not
    "and/or", nor "heart/lung" with its common word)."""
    after = _SLASH_AFTER.match(text, end)
    if after and word_zipf(after.group(1)) < SLASH_PAIR_ZIPF:
        return start, after.end()
    before = _SLASH_BEFORE.search(text, max(0, start - 40), start)
    if before and word_zipf(before.group(1)) < SLASH_PAIR_ZIPF:
        return before.start(1), end
    return start, end


SLASH_PAIR_ZIPF = 3.0


def _whole_compound(text: str, start: int, end: int) -> tuple[int, int]:
    """The words to report for a term that is part of a word joined by hyphens, all of
    letters ("clonic" of "tonic-clonic", "oophorectomy" of "salpingo-oophorectomy"): the whole
    word, which the reader meets as one ("anti-CD20" too). Not where another part has a
    figure in it ("T2-weighted"), a chain of more than three parts, nor a term and a common
    word after it ("warfarin-induced")."""
    whole_start, whole_end = _hyphenated(text, start, end)
    if (whole_start, whole_end) == (start, end):
        return start, end
    others = [part for part in (text[whole_start:start] + "-" + text[end:whole_end]).split("-")
              if part]
    if len(others) > 2 or not all(part.isalpha() and not part.isupper() for part in others):
        return start, end
    if all(word_zipf(part) < 3.5 or part.lower() in _JOINING_PARTS for part in others):
        return whole_start, whole_end  # rare parts or prefixes: "tonic-", "salpingo-",
        # "alpha-", "anti-"
    return start, end  # a term and a common word: "warfarin-induced", "statin-only"; a dash
    # lost before what explains it: "hyperkalemia-high potassium", "nephrologist-your doctor"


# The abbreviation a long form is given with, up to five words after the term: "(MHC)" of
# "major histocompatibility complex (MHC)".
_ABBREVIATION_LATER = lazy_re(r"((?:[\s/–—-]+[^\W\d_][\w'’]*){0,5}?)\s*"
                              r"\(([A-Z](?:[A-Z]|-(?=[A-Z])){1,9})s?\)")
_LONG_FORM_BEFORE = lazy_re(r"([^\W\d_][\w'’]*)[\s/–—-]+$")
_LONG_FORM_WORDS = 8  # words of a long form at most
_NAMES_JOINED = lazy_re(r"\s(?:and|or)\s|&")


def _long_form(text: str, limit: int, start: int, end: int) -> tuple[int, int]:
    """The words to report for a term inside the long form of an abbreviation the text gives
    with it ("histocompatibility" in "major histocompatibility complex (MHC)", "Percutaneous"
    in "Percutaneous coronary intervention (PCI)"): the whole long form, whose initials are
    the abbreviation's letters ("of", "and" ... counted or not), not before `limit`. The
    reader meets the name as one; a word of it alone is the wrong span."""
    found = _ABBREVIATION_LATER.match(text, end)
    if found is None:
        return start, end
    letters = found.group(2).replace("-", "")
    words = _INITIAL_WORD.findall(text, start, found.start(2))
    if _NAMES_JOINED.search(text, start, found.start(2)):
        return start, end  # names listed, then their short form: "vincristine and
        # irinotecan (VI)"
    long_start = start
    for _ in range(_LONG_FORM_WORDS):
        if len(words) > _LONG_FORM_WORDS:
            break
        if _initials(words, letters):
            return long_start, found.end(1) if found.group(1) else end
        before = _LONG_FORM_BEFORE.search(text, max(limit, long_start - 40), long_start)
        if before is None or before.group(1).lower() in ("and", "or"):
            break
        long_start = before.start(1)
        words.insert(0, before.group(1))
    return start, end


def _initials(words: list[str], letters: str) -> bool:
    """Are the letters the words' initials, or the initials of the words other than "of",
    "and", "the" ...?"""
    first = "".join(word[0] for word in words).upper()
    return first == letters or \
        "".join(word[0] for word in words if word.lower() not in STOPWORDS).upper() == letters


# Prefixes and letters written with a hyphen before a term's word: "anti-CD20", "non-syndromic",
# "alpha-fetoprotein".
_JOINING_PARTS = frozenset("anti non post pre pro semi pan ex re de co self multi sub inter intra "
                           "para peri pseudo proto alpha beta gamma delta kappa cis trans".split())


def _first_word_of_term(text: str, start: int, end: int) -> bool:
    """Is the capitalised word text[start:end], inside a sentence, the first word of a term
    rather than a name: itself medical or rare, and no part of a longer name ("Acanthosis
    nigricans", "Pectus excavatum" in a list run together; not "Johns Hopkins")?"""
    word = text[start:end]
    return word[1:].islower() and word.isalpha() and \
        (is_medical_form(word, beginnings=False) or word_zipf(word) < 3.5) and \
        not in_proper_name(text, start, end) and \
        not _TITLE_BEFORE.search(text, max(0, start - 40), start)


# Words that name what kind of thing the next word is ("the LAG-3 inhibitor relatlimab"):
# not part of its name.
_CLASS_NOUN = lazy_re(r"(?:inhibitor|blocker|drug|medicine|agent|antibody|vaccine|"
                      r"therapy|compound|protein|enzyme|gene)s?", re.I)


def _term_word(word: str) -> bool:
    return word.lower() not in STOPWORDS and not only_a_verb(word) and \
        (word_zipf(word) < 4.0 or is_medical_form(word)) and not run_together(word)


# What stands between the signs of a table of signs run into the text: how many have each
# ("90%", "7.5%", "3/3"), a dash between them, or the table's heading ("... (when available)").
_SIGN_BREAK = lazy_re(r"\(when available\)|\s\d+(?:\.\d+)?%|\s\d+/\d+(?=\s|$)|\s-(?=\s)")
_SIGN_WORD = lazy_re(r"[A-Za-z][A-Za-z'’/-]*")
SIGN_NAME_WORDS = 5
SIGN_ITEM_WORDS = 8  # a sign named with its small words: "Agenesis of corpus callosum"

_PRONUNCIATION = lazy_re(r"\([\sA-Za-z….'-]*\)?")
_SHORT_FORM = lazy_re(r"\s*\(\s*([A-Za-z]{2,5})\s*[),;]")


def _explained_after_key(text: str, start: int, end: int) -> bool:
    """Is the term explained right after its pronunciation key: "hemoglobin (HEE-muh-glow-bin),
    an iron-rich protein that carries oxygen"?"""
    at = end + 1 if text[end:end + 1] == " " else end
    key = PRONUNCIATION_KEY.match(text, at)
    if key is not None and is_pronunciation_key(key):
        return explained(text, start, key.end())
    spaced = next((key_end for key_start, key_end in spaced_pronunciation_keys(text)
                   if key_start == at), None)  # "Psoriasis (sow RYE uh sis) is a ..."
    return spaced is not None and explained(text, start, spaced)


def _everyday_short_form(text: str, start: int, end: int) -> bool:
    """Is the term followed by the short form readers know it by: "computed tomography (CT)",
    "positron emission tomography (PET)", "electrocardiogram (ECG)"? The reader who knows a
    CT scan knows what is meant. The short form stands for the term: its letters are the
    initials of the words that end with the term, or, for one word, begin with its first
    letter (not "vancomycin (IV)"). A glossary's term may hold it: "computed tomography
    (CT) scan"."""
    inside = text.find("(", start, end)
    m = _SHORT_FORM.match(text, end if inside < 0 else inside)
    if m is None or m.group(1) not in EVERYDAY_ABBREVIATIONS:
        return False
    short = m.group(1).upper()
    end = end if inside < 0 else inside
    words = re.findall(r"[^\W\d_]+", text[max(0, start - 60):end])[-len(short):]
    return "".join(w[0] for w in words).upper() == short or \
        inside < 0 and text[start:start + 1].upper() == short[0]


def _pronunciation(text: str, start: int) -> bool:
    """Is the word inside a pronunciation key such as "(oh-LA-puh-rib)" or "(ree-KOM-bih-nunt
    in-ter-FEER-on …"? (The bracket before it, whether the key reaches past it, and each
    key's capitals are found once for the text, as `_Brackets` says.)"""
    return _brackets(text).pronunciation(start)


class _Brackets:
    """Where a text's brackets are, and which pronunciation keys have capitals, found once:
    looking back for the bracket before each of many words in a long paragraph, and reading
    its key again each time, would take time that grows with the square of its length."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.opens = [m.start() for m in re.finditer(r"\(", text)]
        self.shuts = [m.start() for m in re.finditer(r"\)", text)]
        self.breaks = [m.start() for m in _OUTSIDE_KEY.finditer(text)]  # end a key
        self.keys: dict[int, bool] = {}

    def pronunciation(self, start: int) -> bool:
        """What `_PRONUNCIATION.match(text, opening)` says of the word at `start`, for the
        last "(" before it with no ")" after that: the key reaches past `start`, and has a
        syllable in capitals."""
        text = self.text
        i = bisect.bisect_left(self.opens, start) - 1
        if i < 0:
            return False
        opening = self.opens[i]
        j = bisect.bisect_left(self.shuts, opening)
        if j < len(self.shuts) and self.shuts[j] < start:
            return False
        k = bisect.bisect_right(self.breaks, opening)
        if k < len(self.breaks) and self.breaks[k] < start or start >= len(text) or \
                _OUTSIDE_KEY.match(text, start) and text[start] != ")":
            return False  # the key ends before the word
        if opening not in self.keys:
            m = _PRONUNCIATION.match(text, opening)
            self.keys[opening] = m is not None and (
                re.search(r"\b[A-Z]{2,}-|-[A-Z]{2,}\b", m.group()) is not None or
                any(at == opening for at, _ in spaced_pronunciation_keys(text)))
        return self.keys[opening]


@lru_cache(maxsize=16)
def _brackets(text: str) -> _Brackets:
    return _Brackets(text)


_OUTSIDE_KEY = lazy_re(r"[^\sA-Za-z….'-]")  # what _PRONUNCIATION's key cannot hold


def _gene_or_variant(doc: Document, start: int, end: int, term: str, seen: set[str]) -> bool:
    """Abbreviations that are not to be spelled out: a gene written in italics ("*MN1*"),
    and a numbered type of an abbreviation already met ("HPV-11" after "HPV")."""
    source = doc.source
    if source[start - 1:start] in ("*", "_") and source[end:end + 1] == source[start - 1]:
        return True
    base = re.fullmatch(r"([A-Z]{2,})-?\d+[A-Za-z]?", term)
    return base is not None and fold_phrase(base.group(1)) in seen


def _person_or_place(text: str, start: int, end: int, term: str) -> bool:
    """Is the abbreviation a person's initials or degree ("Goodman PJ,", "Jane Doe, MPH") or a
    state or province ("Salt Lake City, UT", "MN-Minnesota")?"""
    after = text[end:end + 2]
    if (term in _DEGREES or re.fullmatch(r"FA[A-Z]{2,5}", term)) and (
            re.fullmatch(r",\s", text[max(0, start - 2):start] or "") or \
            re.match(r",\s", text[end:end + 2])):
        return True  # a degree or a fellowship: "Jane Doe, MD, FACR"
    if len(term) <= 3 and term.isupper() and (after[:1] in (",", ".", ";", "") or after == " e") \
            and _AFTER_NAME.search(text, max(0, start - 30), start):
        return True  # initials after a surname: "Goodman PJ, Thompson IM, et al."
    if re.search(r"[A-Z][a-z]+,\s+$", text[max(0, start - 30):start]) and \
            re.match(r",\s+[A-Z][a-z]", text[end:end + 4]):
        return True  # a part of an address: "Hopital Huriez, CHRU, Lille, France"
    return term in _REGIONS and (bool(re.match(r"-[A-Z][a-z]", text[end:end + 3])) or
                                 re.search(r"[A-Z][a-z]+,\s+$", text[max(0, start - 30):start])
                                 is not None)


def _label_end(doc: Document, block: Block) -> int:
    """Where a label at the start of a paragraph or list item ends ("**Pericardiectomy.**
    Surgery to remove ...", "SIEA flap (also called SIEP flap): Tissue comes from ...",
    "- Bronchospasm. The muscles in the airways contract ..."), or 0.
    The text after a label explains or describes the words in it."""
    text = block.text
    start = block.source_start
    marker = doc.source[max(0, start - 2):start]
    if marker in ("**", "__"):
        close = doc.source.find(marker, start, start + 200)
        bold = doc.source[start:close] if close > 0 else ""
        rest = text[len(bold):].lstrip(" *_")
        if bold and text.startswith(bold) and (bold.rstrip().endswith((".", ":")) or
                                                rest.startswith((":", ".", "-", "–", "—"))) \
                and len(rest) > 3:
            return len(bold)
    colon = text.find(":", 0, 80)
    if colon > 0 and len(text[:colon].split()) <= 6 and not re.search(r"[.!?]\s", text[:colon]) \
            and len(text) > colon + 3:
        return colon
    titled = _TITLE_SENTENCE.match(text) or _item_label(block)
    if titled:  # "Craniotomy. An opening is made in the skull ..."
        return titled.end(1)
    return 0


# A name of one to four words standing as a sentence of its own at the start of a paragraph,
# then what it is: the way summaries describe tests and treatments ("Abdominal ultrasound. An
# ultrasound transducer ...").
_LABEL_NAME = (r"(?!(?:An?|The|This|That|These|Those|It|We|You|They|He|She|I)\b)"
               r"([A-Z][\w'’-]*(?: (?!(?:is|are|was|were|has|had|have|will|can|may)\b)"
               r"[\w'’()-]+){0,2})\.\s+")
_TITLE_SENTENCE = lazy_re(
    _LABEL_NAME + r"(?=(?:An?|The|This|It|In|During)\s+[a-z][^.]{0,80}?\b(?:is|are)\s+"
    r"(?:[a-z]+ly\s+)?(?:[a-z]+ed|made|done|put|taken|given|shown|seen|cut|kept)\b)")


def _item_label(block: Block) -> re.Match[str] | None:
    """A list item's label (`_ITEM_LABEL`) whose first word is no everyday word (not "- Take
    warfarin daily. It keeps clots from forming.")."""
    m = _ITEM_LABEL.match(block.text) if block.kind == "list_item" else None
    return m if m is not None and word_zipf(m.group(1).split()[0]) < 4.0 else None


# A list item's label: a name of one to three words standing as a sentence of its own, then
# a sentence about it ("- Bronchospasm. The muscles in the airways contract ...").
_ITEM_LABEL = lazy_re(_LABEL_NAME + r"(?=(?:An?|The|This|These|It|They)\s+[a-z])")


# A word explained by what follows it that is not a definition: "to ablate the lesions by
# burning them away", "loperamide (Imodium) to treat diarrhea".
_USE_AFTER = lazy_re(r"(?:[®™]*\s*\([^()\s]{2,20}\))?,?\s+"
                     r"(?:(?:is|are)\s+(?:used\s+|given\s+)?)?"
                     r"(?:to\s+(?:treat|prevent|relieve|control)|for\s+the\s+treatment\s+of)\b|"
                     r"\s[^.;]{0,40}?\bby\s+\w+ing\b|"
                     # what a treatment does: "... inhibitor therapy slows the growth"
                     r"\s+(?:therapy|treatment|drugs?|medicines?)\s+(?:slows|stops|blocks|"
                     r"kills|shrinks|lowers|helps|prevents|treats|relieves)\b")


# One of a list whose kind is named: "SNRIs include venlafaxine, duloxetine, and
# levomilnacipran", "genes, including TP53, MYOD1, and CDKN2A"; "Bisacodyl (Correctol), senna
# and castor oil are examples of stimulant laxatives".
_LIST_BEFORE = lazy_re(r"\b(?:(?:include|includes|including|such as)\s+|"
                       r"(?:types|kinds|forms) of [^.;:]{1,60}\b(?:are|include)\s+)"
                       r"(?:(?!\b(?:which|that|who|whose|where)\b)[^.;:]){0,150}$")
# (not across a clause of its own: "cells, such as those in the ovaries, which contain oocytes")
# A list of what an illness shows, not of names: "Symptoms include dizziness, loss of
# coordination, blurred vision, nystagmus" (a reader told that a word is a sign still does
# not know what it is).
_SIGN_WORDS = r"symptoms?|signs?|features?|findings?|manifestations?|complications?|problems?"
_SIGNS_BEFORE = lazy_re(r"\b(?:" + _SIGN_WORDS + r"|abnormalities)\b[^.;:]{0,60}?"
                        r"\b(?:include|includes|including|such as)\s+[^.;:]{0,150}$", re.I)
# ... or in brackets after the kind of sign: "Eye abnormalities (e.g., ptosis, coloboma)".
_SIGNS_IN_PARENTHESES = lazy_re(r"\b(?:" + _SIGN_WORDS + r"|abnormalit(?:y|ies)|malformations?|"
                                r"anomal(?:y|ies)|defects?)\s+(?:[a-z]+\s+)?\("
                                r"(?:[^()]{0,60}(?:,|\bor\b|\band\b)\s*)?$", re.I)
# What a list names when its word for signs is what a treatment or a test is for: "Drugs that
# ease symptoms include tizanidine", "Medicines that may help reduce symptoms include ...",
# "Tests for heart problems include ..." (not "treatment of another eye problem, such as").
_TREATS_OR_TESTS = lazy_re(r"\b(?:drugs?|medicines?|medications?|treatments?|therap(?:y|ies)|"
                           r"tests?|procedures?)\s+(?:(?:that|which|to|used\s+to)\s+"
                           r"(?:\w+\s+){1,3}|for\s+(?:\w+\s+){0,2})$", re.I)


def _signs_listed(signs: re.Pattern[str], text: str, start: int, reach: int) -> bool:
    """Is text[:start] a list of signs (`signs`: a word for signs, then "include" or a
    bracket) that no treatment or test is named before?"""
    m = signs.search(text, max(0, start - reach), start)
    return m is not None and \
        _TREATS_OR_TESTS.search(text, max(0, m.start() - 60), m.start()) is None


_LIST_AFTER = lazy_re(r"[^.;:]{0,120}?\b(?:is|are)\s+(?:all\s+)?(?:examples?|types?|kinds?)"
                      r"\s+of\b")


_BRAND_AFTER = lazy_re(r"(?:\s+[a-z]+)?\s*\(\s*[A-Z][a-z]+[A-Za-z]*[®™]?\s*\)")
# What a named drug is for, later in its sentence: "loperamide (Imodium) or a combination of
# diphenoxylate and atropine (Lomotil) to prevent or treat diarrhea", "Sacituzumab govitecan
# (Trodelvy) now has regular FDA approval for people with ... breast cancer".
_NAME_USE_AFTER = lazy_re(r"[^.;]{0,100}?\b(?:to\s+(?:prevent\s+or\s+)?(?:treat|prevent|relieve|"
                          r"control)|approv\w*\s+(?:for|to)|for\s+(?:the\s+)?treat\w*)\b")
# Names in parentheses after the kind they are: "beta-blocker therapy (propranolol or timolol)".
_NAMES_IN_PARENTHESES = lazy_re(r"[^\W\d_]{3,}\s+\((?:[^()]{0,60}(?:,|\bor\b|\band\b)\s*)?$")


# Up to two words may stand before the kind ("red blood cells"), but not a word that starts
# another part of the sentence ("common after surgery for", "diagnosed through tests that")
# nor an adverb ("particularly indolent variants that"; "early", "daily" are adjectives).
_IS_A_NOUN_FOR = lazy_re(r"(?:\s+[a-z]+)?\s+(?:is|are)\s+(?:an?\s+)?"
                         r"(?:(?!(?:not|also|still|often|usually|sometimes|now|very|more|most|"
                         r"less|no|the|near|in|on|at|from|by|with|within|among|between|"
                         r"into|over|under|about|like|to|of|for|and|or|as|because|that|"
                         r"which|when|if|so|but|than|it|its|they|their|there|after|before|"
                         r"during|through|throughout|without|across|upon|via|until|"
                         r"following|using|against|toward|towards|around|beyond|"
                         r"(?!(?:early|daily|deadly|costly|weekly|monthly|yearly|elderly)\s)"
                         r"[a-z]+ly)\s)[a-z]+\s+){0,2}?([a-z]+)\s+"
                         r"(?:to|for|that|which|found|caused|made|used|of|in)\s")


# What the phrase the term begins means, said right after it: "an autosomal dominant pattern
# of inheritance, which means one copy of the altered gene ...", "an autosomal recessive
# manner in families, which means ...". The phrase is a noun phrase: "a", "an" or "the" before
# the term, and after it a word that is neither a small word nor only a verb (not "took
# cisplatin for two weeks, which means ...", "the child has glycogen in the urine, which
# means ...").
_MEANS_AFTER_PHRASE = lazy_re(r"((?: [a-z]+){1,4}),\s*(?:which|that)\s+means\b")
_ARTICLE_BEFORE = lazy_re(r"\b(?:an?|the)\s+$", re.I)


def _phrase_means(text: str, start: int, end: int) -> bool:
    """Is the term the start of a noun phrase that ", which means ..." explains (above)?"""
    m = _MEANS_AFTER_PHRASE.match(text, end)
    if m is None or _ARTICLE_BEFORE.search(text, max(0, start - 6), start) is None:
        return False
    first = m.group(1).split()[0]
    return first not in STOPWORDS and not only_a_verb(first)


def _noun_definition(text: str, end: int) -> bool:
    """Is the term said to be a kind of thing, and what kind: "urethroplasty is surgery to
    repair ...", "Baylisascaris worms are intestinal parasites found in ...", "X is
    inflammation of the ...", "Hematuria is red blood cells in the urine" (not "X is likely
    to ...", "X is common in ...", "X is mutated in ...", "X is not a reason for ...")?"""
    m = _IS_A_NOUN_FOR.match(text, end)
    return m is not None and a_noun_not_adjective(m.group(1))


def _message(term: str, acronym: bool) -> str:
    """What to tell the writer: spell out an abbreviation; say what a code or a name is (a
    gene, a variant, a drug's code: "ErbB2", "G20210A"); explain any other term."""
    if acronym and (re.search(r"\d", term) or re.search(r"[a-z][A-Z]|[A-Z][a-z]+[A-Z]", term)):
        return (f"Readers may not know what \"{term}\" is: say what it is the first time, in "
                "a few plain words: what kind of thing it is (a gene, a protein, a test, a "
                "drug) and what it does.")
    if acronym:
        return (f"Readers may not know the abbreviation \"{term}\": spell it out the first "
                "time, for example \"Long Name (ABC)\", or, where the long name is no "
                "plainer, say what it is in a few plain words.")
    return (f"Readers may not know the term \"{term}\": explain it in plain words the first "
            f"time, for example \"{term} (a short plain explanation)\", or use an everyday "
            "word.")


def _in_title(term: str, topic: set[str]) -> bool:
    """Is the term the page's own subject, or a part of it ("atrophy" on the page "Optic
    atrophy 1 and deafness", "ascitic" on "Ascites and Cancer")? The page is about it."""
    found = [fold(w) for w in re.findall(r"[^\W_]+", term)]
    return bool(found) and all(w in topic or len(w) >= 6 and
                               any(len(t) >= 6 and _same_stem(t, w) for t in topic) or
                               _title_words_joined(w, topic)
                               for w in found)


def _title_words_joined(word: str, topic: set[str]) -> bool:
    """Is the word two of the title's words written as one ("immunodeficiency" on "Immune
    deficiency")?"""
    return any(len(last) >= 5 and word.endswith(last) and len(word) - len(last) >= 4 and
               any(first != last and first[:4] == word[:4] for first in topic)
               for last in topic)


def _same_stem(one: str, other: str) -> bool:
    """Are the two words forms of one word, differing only in a short ending ("ascites",
    "ascitic"; "leukemia", "leukemic")? Not two words that only begin alike: "hyperkalemia"
    is not "hypertension", nor "cardiomyopathy" "cardiovascular", nor "myelofibrosis"
    "myeloma"."""
    return forms_of_one_word(one, other, root=5, same_kind=False)


def _words_run_together(doc: Document, term: str) -> tuple[int, int, str] | None:
    """Where the words run together of a term start and end in it, and those words parted:
    `_two_words` of a word, or of the words of a term of several, from the first such word to
    the last ("witharachnoiditis iscomplicated": "with arachnoiditis is complicated";
    "havecoronary microvascular": "have coronary"), or None when no word is two."""
    found = [(m.start(), m.end(), _two_words(doc, m.group()))
             for m in re.finditer(r"[^ ]+", term)]
    glued = [i for i, (_, _, part) in enumerate(found) if part is not None]
    if not glued:
        return None
    first, last = glued[0], glued[-1]
    parted = " ".join(part or term[start:end] for start, end, part in found[first:last + 1])
    return found[first][0], found[last][1], parted


def _two_words(doc: Document, term: str) -> str | None:
    """The two words a word English does not know is, run together: a word English knows or
    the page uses, then a small word ("esophagusis": "esophagus is", "prediabetesat",
    "Tenesmusan"), or a rarer word, then a verb ("eyepieceis", "historycant": "history
    can't"), or a very common word ("creatininewaste"), or a small word, then a common word
    or one the page uses ("ofsleep": "of sleep", "foratherosclerosis", "haveanemia"), or
    words with a number between them ("than5days": "than 5 days"), or None."""
    glued = _DIGITS_BETWEEN.fullmatch(term)
    if glued and all(w.islower() and zipf(w) >= 3.0 for w in glued.group(1, 3)) and \
            not _GREEK.fullmatch(glued.group(1)):
        return " ".join(glued.groups())  # "than5days": "than 5 days" (not "alpha2delta")
    low = term.lower()
    if not low.isalpha() or zipf(low) > 0:
        return None
    if low.endswith(_LATIN_ADJECTIVES):
        return None  # "genitalis", "nodularis": not "genital is"
    words = _page_words(doc)
    for small in _GLUED_WORDS:
        head = low[:-len(small)]
        if low.endswith(small) and len(head) >= 5 and \
                (zipf(head) >= 3.0 or head in words.get(head[:2], ()) or
                 zipf(head) > 0 and head in _page_vocabulary(doc) or
                 small in _GLUED_VERBS and len(head) >= 6 and zipf(head) >= GLUED_VERB_HEAD_ZIPF):
            return f"{term[:len(head)]} {_APOSTROPHE_LOST.get(small, small)}"
    for small in _GLUED_BEFORE:  # "ofsleep", "orstroke", "itoften"
        rest = low[len(small):]
        if low.startswith(small) and len(rest) >= 4 and \
                (zipf(rest) >= 3.0 or rest in words.get(rest[:2], ())):
            return f"{term[:len(small)]} {term[len(small):]}"
    # two of English's commonest words, however short ("itcan", "homeit"): no term is made
    # of them (of two letters or more: a letter glued on is often a footnote's mark, "Yesa",
    # "aWHO classification"; and not longer than any word English knows: a run of thousands
    # of letters is not tried at every split)
    for i in range(2, len(low) - 1 if len(low) <= LONGEST_WORD else 0):
        if zipf(low[:i]) >= GLUED_COMMON_ZIPF and zipf(low[i:]) >= GLUED_COMMON_ZIPF:
            return f"{term[:i]} {term[i:]}"
    # (a tail longer than any word English knows is none: a word of thousands of letters
    # is not tried at every split)
    for i in range(len(low) - 4, max(4, len(low) - LONGEST_WORD - 1), -1):
        # "thoracentesissuch", "creatininewaste": a word and a very common one, a dash lost
        # between them
        head, tail = low[:i], low[i:]
        if tail not in SUFFIX_WORDS and tail not in _ENDING_WORDS and zipf(tail) >= 4.5 and \
                (zipf(head) >= 1.9 or head in words.get(head[:2], ())) and \
                head[-1] != "o":  # (not a combining form: "Centronuclear")
            return f"{term[:i]} {term[i:]}"
    # two words of a glossary's name, the space between them lost: "lymphnodes" (neither
    # longer than any word English knows)
    for i in range(max(4, len(low) - LONGEST_WORD), min(len(low) - 3, LONGEST_WORD + 1)):
        head, tail = low[:i], low[i:]
        if zipf(head) >= 3.0 and zipf(tail) >= 3.0 and _a_glossary_name(f"{head} {tail}"):
            return f"{term[:i]} {term[i:]}"
    return None


def _a_glossary_name(name: str) -> bool:
    """Is the whole of `name` a term of the bundled glossaries?"""
    return any(m.start == 0 and m.end == len(name) for m in matcher_for(BUNDLED).find(name))


def _abbreviation_glued(doc: Document, term: str, after: str) -> str | None:
    """The abbreviation and the small word after it, run together ("CMVis": "CMV is",
    "HHSthe", "CKDcan"), when the page uses the abbreviation, or English knows it and it has
    three letters or more (not "US", "IT"); not a verb before another ("JAKis can raise the
    risk": JAK inhibitors, written short); else None."""
    glued = _CAPITALS_GLUED.fullmatch(term)
    if glued is None:
        return None
    capitals, small = glued.groups()
    if capitals.lower() not in _page_vocabulary(doc) and (len(capitals) < 3 or
                                                          zipf(capitals) == 0):
        return None
    if small in _GLUED_VERBS and _VERB_NEXT.match(after):
        return None
    return f"{capitals} {small}"


# An abbreviation, then a small word a lost space glued to it; and a verb that would follow
# a glued "is", "can" or the like only if that were no verb.
_CAPITALS_GLUED = lazy_re(r"([A-Z][A-Z0-9]*[A-Z])(is|are|was|the|for|can|may|has|and|in|of|to|"
                          r"or)")
_VERB_NEXT = lazy_re(r"\s+(?:is|are|was|were|can|could|may|might|must|will|would|should|has|"
                     r"have|had|do|does|did)\b")


# Common words that end medical words as well: "kaposiform", "histotype", "resectability".
_ENDING_WORDS = frozenset(("form", "type", "ability", "trial"))
_GREEK = lazy_re(r"alpha|beta|gamma|delta|kappa|lambda|sigma|omega")
_DIGITS_BETWEEN = lazy_re(r"([A-Za-z]{2,})(\d+)([A-Za-z]{2,})")


# Small words a lost space glues to the word before them (the longest first; not "in",
# which ends names of medicines and proteins: "cubicin", "silybinin"): "cortisolmay".
_GLUED_WORDS = ("does", "dont", "cant", "will", "the", "and", "may", "can", "was", "are",
                "has", "for", "not", "but", "is", "at", "an", "it", "of", "to", "or", "if",
                "do", "go", "a")
# Verbs (and "if") glued to a word known less well than `_two_words` asks of other heads: a
# noun before a verb is seldom one word ("eyepieceis", "tubulesmay", "historycant", with its
# apostrophe lost too).
_GLUED_VERBS = frozenset(("does", "dont", "cant", "will", "may", "can", "was", "are", "has",
                          "is", "if", "do", "go"))
GLUED_VERB_HEAD_ZIPF = 2.2  # (not "blastocyst is" in "blastocystis", Zipf 2.01)
_APOSTROPHE_LOST = {"cant": "can't", "dont": "don't", "doesnt": "doesn't"}
# Small words a lost space glues to the word after them (not "a", "an", "in" or "on", which
# begin words: "amorph", "infolding").
_GLUED_BEFORE = ("the", "and", "for", "with", "from", "that", "have", "has", "had", "may",
                 "can", "are", "was", "is", "at", "it", "of", "to", "or", "as", "by")
_LATIN_ADJECTIVES = ("alis", "aris", "ilis")
# Words this common (Zipf 5.5: more than 300 uses in a million words, "it", "can", "home")
# glued together are words run together, however short (`_two_words`).
GLUED_COMMON_ZIPF = 5.5


def _page_misspelling(doc: Document, term: str) -> str | None:
    """A word of the page, one English knows or the page uses more than once, that the term
    (a word English does not know) is one or two slips away from ("Vermurafentib" near
    "vemurafenib", "rituxumab" near "rituximab", "carcionoma"), the fewest slips first, or
    None. Only words with the same first two letters are compared, the page's most used
    first, at most MOST_COMPARED. Not another form of the word ("colobomas", "mesorectal"
    beside "mesorectum", "cytoreduction" beside "cytoreductive"), nor a medical word two slips
    from another in its first letters ("nephroblastoma" and "neuroblastoma", "hypodiploid"
    and "hyperdiploid" are different things; "leukodystprohy" is a slip), nor a word two
    changed letters or another ending away (`_typing_slips`)."""
    low = term.lower()
    if len(low) < 6 or not low.isalpha() or zipf(low) > 0:
        return None
    words = _page_words(doc)
    medical = is_medical_form(low)
    best, fewest = None, 3
    for key in words.get(low[:2], ())[:MOST_COMPARED]:
        if key == low or abs(len(key) - len(low)) > 2 or _another_form(key, low):
            continue
        slips = _slips(key, low)
        if slips == 2 and (medical and _same_root(key, low) or not _typing_slips(key, low)):
            continue  # another prefix, another thing: "hypodiploid", "hyperdiploid"; two other
            # letters, or another ending, another word: "genomically", "purulence"
        if slips < fewest:
            best, fewest = key, slips
    return best


_MEDICAL_STEM = 6  # a medical word's first letters, where its prefix is


def _typing_slips(a: str, b: str) -> bool:
    """Are two words two slips apart the way typing makes them: letters left out, added or
    swapped ("defiency" for "deficiency", "diarreah" for "diarrhea"), or one of the two a
    changed letter inside the word, its last two letters the same ("diseorers" for
    "disorders")? Two changed letters, or a changed letter in the ending, make another word
    the page does not use: "genomically" and "genetically", "purulence" and "purulent",
    "neurofibromin" and "neurofibroma"."""
    cost = _slip_cost(a, b)
    return cost <= 2 * _SLIP or cost <= _SLIP + _CHANGED_LETTER and a[-2:] == b[-2:]


_SLIP = 2  # a letter left out, added, or two swapped (in halves)
_CHANGED_LETTER = 3  # a letter changed: a slip and a half
_FAR = 99  # more than any two slips cost


def _slip_cost(a: str, b: str, slip: int = _SLIP, changed: int = _CHANGED_LETTER) -> int:
    """The cost of the fewest slips from one word to the other, a letter left out, added or
    two swapped costing `slip` and a changed letter `changed` (by default a slip and a
    half, in halves), or `_FAR` for more than two changed letters' worth. Only the band of
    the table near its diagonal is worked out: each cell off it costs more already."""
    if abs(len(a) - len(b)) > 2:
        return _FAR
    limit = 2 * changed
    previous2: list[int] = []
    previous = [j * slip if j <= 2 else _FAR for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [i * slip if i <= 2 else _FAR] + [_FAR] * len(b)
        for j in range(max(1, i - 2), min(len(b), i + 2) + 1):
            change = 0 if a[i - 1] == b[j - 1] else changed
            current[j] = min(previous[j] + slip, current[j - 1] + slip,
                             previous[j - 1] + change)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + slip)
        if min(current) > limit:
            return _FAR
        previous2, previous = previous, current
    return min(previous[len(b)], _FAR)


def _same_root(a: str, b: str) -> bool:
    """Do the two words differ only in their first letters, where a medical word's prefix
    is ("nephro-" and "neuro-blastoma", "hypo-" and "hyper-diploid"), not inside their root
    ("neruoblsatoma")?"""
    same = 0
    while same < min(len(a), len(b)) and a[-1 - same] == b[-1 - same]:
        same += 1
    return same >= min(len(a), len(b)) - _MEDICAL_STEM


def _another_form(a: str, b: str) -> bool:
    """Are the two words forms of one stem, each with an ending medical English builds words
    with (or none): a plural ("colobomas"), another part of speech ("mesorectum" and
    "mesorectal", "cytoreduction" and "cytoreductive", "metaphyses" and "metaphyseal")? Not
    a word with a letter glued to its end ("levelb", after a footnote's mark lost)."""
    short, long = sorted((a, b), key=len)
    if long[:-1] == short and long[-1] not in "syla":
        return False  # a letter glued to its end: "esophaguse", "levelb" (not one that
        # makes a word: "diploidy", "subserosal", "parametria")
    stems_a = {a[:len(a) - len(e)] for e in _FORM_ENDINGS if a.endswith(e)}
    stems_b = {b[:len(b) - len(e)] for e in _FORM_ENDINGS if b.endswith(e)}
    return any(len(stem) >= 5 for stem in stems_a & stems_b)


# Endings that make other forms of a word (and "", the word itself).
_FORM_ENDINGS = ("", "s", "es", "a", "ae", "al", "ar", "ic", "ics", "is", "um", "us", "ia",
                 "ion", "ions", "ive", "ity", "ly", "ally", "ed", "ing", "ous", "y", "ies",
                 "ism", "oma", "omas", "ses", "sis", "e", "tic", "ectomy", "otomy",
                 "ostomy", "oscopy", "oscope")


def _whole_word_before(text: str, word: str, end: int) -> bool:
    """Does `word` stand as a whole word in text[:end] (what re.search(rf"\\b{word}\\b")
    finds there)? Each place the word is written is found with a plain search and its ends
    checked there, instead of the expression reading all the page before `end` (and a copy
    of it) for each term asked about."""
    whole = re.compile(rf"\b{re.escape(word)}\b")
    # (the ends as the text cut at `end` has them)
    return any(whole.match(text, at, end) for at in places(text, word, 0, end))


MOST_COMPARED = 200


def _page_words(doc: Document) -> dict[str, list[str]]:
    """`_words_by_start` of the page, worked out once for it."""
    words: dict[str, list[str]] = doc.memo("page words by beginning",
                                           lambda: _words_by_start(doc))
    return words


def _explained_words(doc: Document) -> dict[str, list[tuple[int, str]]]:
    """The words the page's prose explains (folded), where it does so (an offset in the
    source), by their first 7 letters: a word in brackets right after words ("the breakdown
    (metabolism) of"), or named by one word ("known as a prodrome.", "called metabolism,
    which"). Read in the text of the page's blocks, as readers see it: not in front matter
    nor comments, with emphasis marks gone ("called **metabolism**")."""
    def build() -> dict[str, list[tuple[int, str]]]:
        words: dict[str, list[tuple[int, str]]] = {}
        for block in doc.blocks:
            for m in _EXPLAINED_WORD.finditer(block.text):
                word = fold(m.group(1) or m.group(2))
                kept = words.setdefault(word[:7], [])
                if len(kept) < _EXPLAINED_PER_ROOT:  # (a page of thousands of them must not
                    kept.append((block.source_offset(m.start()), word))  # cost each term
                    # a look at every one)
        return words
    words: dict[str, list[tuple[int, str]]] = doc.memo("words explained", build)
    return words


_EXPLAINED_PER_ROOT = 20  # words explained kept for each first 7 letters, the first ones
_EXPLAINED_WORD = lazy_re(r"[^\W\d_],?\s+\(\s*([^\W\d_]{6,})\s*\)|\b(?:called|known\s+as)\s+"
                          r"(?:an?\s+|the\s+)?([^\W\d_]{6,})"
                          # the name one word ("called ischemic stroke" names no "ischemic")
                          r"(?=\s*[.,;:)]|\s+(?:and|or|is|are|was|were|which|that)\b)", re.I)


def _page_vocabulary(doc: Document) -> frozenset[str]:
    """Every word of the page (lower case), worked out once for it: "stoma" on a page that
    says "To create a stoma", where "stomafor" is "stoma for"."""
    words: frozenset[str] = doc.memo("page vocabulary", lambda: frozenset(
        text.lower() for text in doc.word_counts))
    return words


def _words_by_start(doc: Document) -> dict[str, list[str]]:
    """The page's words of 6 letters or more that English knows or the page uses more than
    once, by their first two letters, the most used first."""
    counts: dict[str, int] = {}
    for text, uses in doc.word_counts.items():
        low = text.lower()
        if len(low) >= 6 and low.isalpha():
            counts[low] = counts.get(low, 0) + uses
    by_start: dict[str, list[str]] = {}
    for low, count in sorted(counts.items(), key=lambda kv: -kv[1]):
        if count > 1 or zipf(low) > 0:
            by_start.setdefault(low[:2], []).append(low)
    return by_start


def _slips(a: str, b: str) -> int:
    """How many slips apart the words are (letters left out, added, changed or two
    swapped): 0, 1, 2, or 3 for more."""
    return min(_slip_cost(a, b, slip=1, changed=1), 3)


def _against_topic(term: str, topic: set[str]) -> bool:
    """Is the word "anti" or "non" in front of the page's own subject ("antimyeloma" on a
    myeloma page)? The reader has the subject explained on that page."""
    return any(fold(rest) in topic for _, rest in prefixed(term.lower(), ("anti", "non"), 4))


def _not_a_term(text: str, start: int, end: int, acronym: bool) -> bool:
    """Is the word told for what it is by the sentence around it, though not defined: its use
    ("loperamide (Imodium) to treat diarrhea"), or, for a name, a list whose kind is named?"""
    name = acronym or word_zipf(text[start:end]) < 2.5  # a drug's or a gene's name
    if name and not acronym and text[start:start + 1].islower() and \
            _BRAND_AFTER.match(text, end):
        return True  # a medicine named with its brand: "ribociclib (Kisqali)"
    if name and (_LIST_BEFORE.search(text, max(0, start - 200), start) and
                 not _signs_listed(_SIGNS_BEFORE, text, start, 260)
                 or _LIST_AFTER.match(text, end) or _NAME_USE_AFTER.match(text, end)
                 or (_NAMES_IN_PARENTHESES.search(text, max(0, start - 80), start)
                     and re.match(r"[^()]*\)", text[end:end + 80])
                     and not _signs_listed(_SIGNS_IN_PARENTHESES, text, start, 100))):
        return True
    return not acronym and _USE_AFTER.match(text, end) is not None


