"""How editors link glossary terms, as a model readlint can apply to a page it has not seen.

A glossary may record how its site's editors link each entry (a practice TSV: on how many
pages the term is used, on how many it is linked). That share says much, but not all: the
same editors link a term more often in a list item, at its first use on the page, on a
summary laid out with "Key Points" (whose editors link each term again in every major
section), less often in a stock paragraph, in a term's own section, or on a long page. The
link model (readlint/data/link-model.json, fitted by tools/learn_link_practice.py on the
tuning pages of ../shared/corpus-nci) weighs these together into the chance that an editor
links a use of a term: one logistic model, whose weights and provenance are in that file.

This module owns the uses of glossary terms in a page's prose (`glossary_uses`), the
features the model reads from a use, and the model itself.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from . import logistic
from .blocks import Block, Link, Spans
from .document import Document
from .explanations import ends_also_called, explained, places
from .glossary import Glossary
from .nearby import ends_a_sentence, key_points_lists
from .patterns import lazy_re
from .prose import ends_lost_link
from .termmatch import Match
from .vocabulary import SKIP_SECTIONS, in_proper_name, is_acronym, rarity
from .wordforms import can_be_verb, fold, only_a_verb

SUMMARY_MARK = ("key points",)  # a summary laid out as cancer.gov's PDQ summaries are
# A drug's page laid out as cancer.gov's are: a "Use in Cancer" section names what the drug
# treats. Its editors link terms in that section on every such page (389 of 389 pages of
# ../shared/corpus-nci, drugs and combinations of drugs alike), so one without a link there
# is a draft, whatever links to other drugs' pages it has.
DRUG_PAGE_MARK = ("use in cancer",)
# Editors' practice measured on cancer.gov pages (tools/learn_link_practice.py): they never
# link in "Key Points" lists (0 of 155 first uses) and rarely in "To Learn More" sections.
LINK_SKIP_SECTIONS = {**SKIP_SECTIONS,
                      "default": [*SKIP_SECTIONS["default"], "key points", "to learn more*"]}
_WORD = lazy_re(r"[^\W_]+")


class Use(NamedTuple):
    """One use of a glossary term in the prose."""

    block: Block
    match: Match
    section: int
    link: Link | None
    matches: tuple[Match, ...] = ()  # every match in the block, for context

    def match_index(self) -> MatchIndex:
        return match_index(self.matches)


def glossary_uses(doc: Document, find: Callable[[str], list[Match]], section_level: int = 2,
                  skipped: set[int] | frozenset[int] | None = None,
                  found: list[list[Match]] | None = None) -> Iterator[Use]:
    """Every use of a glossary term in the prose (headings, the lines that stand as an empty
    heading's text, and skipped blocks left out), with
    the link on it. `found` gives each block's matches when they are already known."""
    section = 0
    for index, block in enumerate(doc.blocks):
        if block.kind == "heading":
            if block.level <= section_level:
                section += 1
            continue
        if skipped and index in skipped or index in doc.heading_lines:
            continue  # a skipped block, or a heading's text under an empty heading
        matches = tuple(found[index] if found is not None else find(block.text))
        uses = []
        read: set[int] = set()  # links whose own text gave the uses
        links = Spans(block.links)
        for match in matches:
            link = links.first_over(match.start, match.end)
            if link is not None and (link.start, link.end) != (match.start, match.end):
                # The link covers a shorter or longer term than the match: the linked text is
                # the term the writer chose ("[HER2](...)-positive").
                if id(link) in read:
                    continue  # another match under the same link: its uses are in
                subs = _linked_uses(block, link, find, section, matches)
                if subs:
                    read.add(id(link))
                    uses.extend(subs)
                    continue
            uses.append(Use(block, match, section, link, matches))
        terms = Spans(matches)
        for link in block.links:
            if terms.first_over(link.start, link.end) is None:
                # a linked term the block's words hide: "[T-DM1](...)1" reads "T-DM11"
                uses.extend(_linked_uses(block, link, find, section, matches))
        uses.sort(key=lambda use: use.match.start)
        yield from uses


def _linked_uses(block: Block, link: Link, find: Callable[[str], list[Match]], section: int,
                 matches: tuple[Match, ...]) -> list[Use]:
    """The terms in a link's own text, each a use with that link on it."""
    return [Use(block, Match(link.start + sub.start, link.start + sub.end, sub.text,
                             sub.entries), section, link, matches)
            for sub in find(block.text[link.start:link.end])]


def left_alone(use: Use, topic: AbstractSet[str], options: Mapping[str, Any],
               names: bool = True) -> bool:
    """Uses editors do not link: in table cells (2% of first uses are linked), words of the
    page's own topic (10%), words inside a proper name ("American Society of Clinical
    Oncology", "Physician Data Query"; with `names`), and a paragraph that is only the term (a
    brand name or a title on its own; a list item that is only the term is checked, as
    editors link those)."""
    if use.block.kind == "table_cell" and not options["in_tables"]:
        return True
    if use.block.kind == "paragraph":
        label, title_line = _paragraph_shape(use.block.text)
        if label == use.match.text:
            return True  # a paragraph that only names it: a brand name or a title on its own
        if title_line:
            return True  # a title line: "Targeted therapy approved for breast cancer"
    words = {fold(w) for w in _WORD.findall(_POSSESSIVE.sub("", use.match.text))} - _STAGE_WORDS
    if words and words <= topic:
        return True  # "Barrett's esophagus" on "Barrett esophagus", "stage II anal cancer"
    if in_quotation(use.block.text, use.match.start):
        return True  # someone's words, quoted (10% of first uses there are linked)
    if used_as_verb(use.block.text, use.match):
        return True  # "is based on", "may mean": not the entries "base" and "mean"
    return names and in_proper_name(use.block.text, use.match.start, use.match.end)


_POSSESSIVE = lazy_re(r"['’]s\b")
_STAGE_WORDS = frozenset("stage i ii iii iv v a b c 0 1 2 3 4".split())
# Editors link the word, verb or not, when they link it on this many pages ("relapse": 14;
# "mean": 4, "scan": 6, "base": 0). A count of links, not a share of uses: which uses count
# depends on this very test, and a share would move each time the counts were learned again.
VERB_LINKED_PAGES = 10
_BEFORE_A_VERB = frozenset(
    "can could may might must will would shall should do does did not it they we you i he "
    "she also often usually only this that these those what which".split())
_AFTER_A_VERB = frozenset(("on", "upon", "that"))
_NEXT_WORD = lazy_re(r"\W*([^\W_]+)")


def used_as_verb(text: str, match: Match) -> bool:
    """Is a one-word term named by a noun that is spelled like a verb ("mean", "base") used
    as the verb here: in a form only the verb has ("meant"), after a helping verb or a
    pronoun ("may mean"), or before "on" or "that" ("based on")? Entries editors link verbs
    to ("diagnosed" for "diagnosis"), entries editors often link in any form ("relapse"),
    and entries named by a verb ("metastasize") are not concerned."""
    entry = match.entries[0]
    if entry.linked >= VERB_LINKED_PAGES:
        return False  # editors link the word, verb or not: "relapsed"
    word, term = match.text, entry.term
    if " " in word or "-" in word or fold(word) != fold(term) or not can_be_verb(word) or \
            only_a_verb(term):
        return False
    if only_a_verb(word):
        return True  # "meant", "based": forms of the verb only
    after = _NEXT_WORD.match(text, match.end)
    if after and after.group(1).lower() in _AFTER_A_VERB and \
            text[match.end:after.start(1)].strip() == "":
        return True
    words = _WORD.findall(text[max(0, match.start - 40):match.start].lower())
    while words and words[-1].endswith("ly") and words[-1] not in _BEFORE_A_VERB:
        words.pop()  # "does not necessarily mean"
    return bool(words) and words[-1] in _BEFORE_A_VERB


@lru_cache(maxsize=64)
def _paragraph_shape(text: str) -> tuple[str, bool]:
    """A paragraph's label (see _label) and whether it is a title line (14 words or fewer,
    no full stop at its end), worked out once for all the terms in it."""
    if len(text) > 400:
        return "", False
    return _label(text), len(text.split()) <= 14 and not ends_a_sentence(text)


@lru_cache(maxsize=64)
def _quote_marks(text: str) -> tuple[list[int], list[int]]:
    return ([i for i, c in enumerate(text) if c == "\u201c"],
            [i for i, c in enumerate(text) if c == "\u201d"])


def in_quotation(text: str, start: int) -> bool:
    """Is text[start] inside curly quotation marks ("“... letrozole for 5 years ...”")?
    (The marks are found once for a text, then counted by binary search.)"""
    if "\u201c" not in text:
        return False
    opens, shuts = _quote_marks(text)
    return bisect.bisect_left(opens, start) > bisect.bisect_left(shuts, start)


def is_title(text: str) -> bool:
    """Is the text a title, not a sentence: a few words, each long word capitalised, no full
    stop ("Langerhans Cell Histiocytosis", "Thymoma and Thymic Carcinoma, Childhood")?"""
    words = _WORD.findall(text)
    long_words = [w for w in words if len(w) >= 4]
    return 0 < len(words) <= 8 and bool(long_words) and \
        all(w[0].isupper() for w in long_words) and not ends_a_sentence(text) \
        and sum(w[0].isupper() for w in words) >= 2


def _label(text: str) -> str:
    """A paragraph's text without a parenthesis at its end and stray marks: "Gerson Therapy
    (PDQ®)" is "Gerson Therapy". Linear, unlike a regular expression anchored at the end."""
    text = text.rstrip()
    if text.endswith(")"):
        opening = text.rfind("(")
        if opening >= 0 and "(" not in text[opening + 1:] and ")" not in text[opening:-1]:
            text = text[:opening].rstrip()
    return text.strip(" *_:.")


_CAPITALS = lazy_re(r"[A-Z][A-Za-z0-9-]*[A-Z0-9]s?")
_OR = lazy_re(r",?\s+or\s+")


def other_name(use: Use) -> bool:
    """Uses that need no link: another name given for something just named ("also called
    computed tomography"); a plain explanation in parentheses ("prognosis (chance of
    recovery)": "recovery" needs no link); and, in parentheses, the other name of the term
    before them ("MRI (magnetic resonance imaging)"). A list of terms in parentheses ("(fats,
    proteins and sugars)") is checked, and so are terms explained in place, as editors link
    them."""
    text, start, matches = use.block.text, use.match.start, use.match_index()
    if ends_also_called(text[max(0, start - 200):start]):
        return True
    previous = matches.ending_by(start)
    if _CAPITALS.fullmatch(use.match.text) and previous is not None and \
            _OR.fullmatch(text, previous.end, start):
        return True  # an abbreviation given as the other name: "anti-inflammatory drugs or NSAIDs"
    opening = _opening_parenthesis(text, start)
    if opening < 0:
        return False
    spaces = _SPACES.match(text, opening + 1)
    content = spaces.end() if spaces else opening + 1
    last = matches.ending_by(opening)
    before = [last] if last is not None and not text[last.end:opening].strip() else []
    if before and (set(before[-1].entries) & set(use.match.entries)
                   or re.search(r"\b[A-Z]{2,}\b", before[-1].text)
                   or (use.match.text[:1].isupper()
                       and re.match(r"[®™]*\)", text[use.match.end:use.match.end + 3]))):
        # the other name of the term: "MRI (magnetic resonance imaging)", "trastuzumab
        # emtansine (T-DM1)", "lapatinib (Tykerb®)"
        return True
    if use.match.text[:1].isupper() and content == start and \
            re.match(r"[®™]*\)", text[use.match.end:use.match.end + 3]) and \
            re.search(r"\b[a-z][a-z-]{3,}\s*$", text[max(0, opening - 40):opening]):
        return True  # a brand after the medicine's name: "ribociclib (Kisqali)"
    short = use.match.text
    named = [text[m.start:m.end] for m in before] + [
        text[lk.start:lk.end] for lk in use.block.links
        if lk.end <= opening and not text[lk.end:opening].strip()]  # "[a phrase] (short)"
    if named and content == start and " " not in short and \
            (len(short) <= 6 or (re.search(r"[A-Z]", short) and len(short) < len(named[-1])))\
            and _SHORT_FORM_CLOSE.match(text[use.match.end:use.match.end + 3]):
        # a short form after the phrase: "[linear accelerator] (linac)", "[beta human
        # chorionic gonadotropin] (beta-hCG)", "HER2 negative (HER2-)"
        return True
    return content not in matches.starts  # an explanation, not a list of terms


def short_form_linked(use: Use) -> bool:
    """Is the term followed by its short form in brackets, linked: "magnetic resonance
    imaging ([MRI](...))"? The link on the short form serves both."""
    text, end = use.block.text, use.match.end
    bracket = _BRACKET_AFTER.match(text, end)
    if bracket is None:
        return False
    return any(link.start == bracket.end() and _BRACKET_CLOSE.match(text, link.end)
               for link in use.block.links)


_BRACKET_AFTER = lazy_re(r"\s*\(\s*")
_BRACKET_CLOSE = lazy_re(r"\s*\)")
_SHORT_FORM_CLOSE = lazy_re(r"[+\-−]?\s*\)")  # (a sign may end it: "HER2-", "HR+")


_SPACES = lazy_re(r"\s*")


@lru_cache(maxsize=64)
def _brackets(text: str) -> tuple[list[int], list[int]]:
    return list(places(text, "(")), list(places(text, ")"))


def _opening_parenthesis(text: str, start: int) -> int:
    """Index of the '(' that text[start] is inside (the nearest one still open), or -1.
    (The brackets are found once for a text, then looked up by binary search.)"""
    opens, shuts = _brackets(text)  # (found once for a text: a long one without any is
    # not read again for each term)
    i = bisect.bisect_left(opens, start) - 1
    if i < 0:
        return -1
    j = bisect.bisect_left(shuts, start) - 1
    return opens[i] if j < 0 or opens[i] > shuts[j] else -1


class MatchIndex:
    """A block's glossary matches, indexed for the questions asked of each use: which match
    ends last by a place, and does a match start at a place."""

    def __init__(self, matches: Sequence[Match]) -> None:
        ordered = sorted(matches, key=lambda m: m.end)
        self._ends = [m.end for m in ordered]
        self._ordered = ordered
        self.starts = frozenset(m.start for m in matches)

    def ending_by(self, place: int) -> Match | None:
        """The match that ends last at or before `place`."""
        i = bisect.bisect_right(self._ends, place) - 1
        return self._ordered[i] if i >= 0 else None


_indexes: dict[int, tuple[tuple[Match, ...], MatchIndex]] = {}


def match_index(matches: tuple[Match, ...]) -> MatchIndex:
    """The index of a block's matches, made once for the tuple every use of the block
    shares."""
    known = _indexes.get(id(matches))
    if known is not None and known[0] is matches:
        return known[1]
    if len(_indexes) > 64:
        _indexes.clear()
    index = MatchIndex(matches)
    _indexes[id(matches)] = (matches, index)
    return index


def links_to_its_entry(use: Use, glossaries: Sequence[Glossary]) -> bool:
    """Is the link on a use the editors' link for that term: a link into a glossary that goes
    to the term's entry, or that covers exactly the term? A word inside a longer linked phrase
    ("drugs" in "Drugs Approved for Breast Cancer") is not linked for that word."""
    if use.link is None:
        return False
    for glossary in glossaries:
        inside, entry = glossary.resolve(use.link.href)
        if inside:
            return entry in use.match.entries or \
                (use.link.start, use.link.end) == (use.match.start, use.match.end)
    return False


def glossary_links(doc: Document, glossaries: Sequence[Glossary]) -> int:
    """How many links on the page go to an entry of one of the glossaries (not to a page of
    the glossary's site that is no entry, such as a list of drugs)."""
    return sum(1 for block in doc.blocks for link in block.links
               if to_an_entry(link, glossaries))


def to_an_entry(link: Link, glossaries: Sequence[Glossary]) -> bool:
    """Does the link go to an entry of one of the glossaries?"""
    return any(glossary.resolve(link.href)[1] for glossary in glossaries)


@lru_cache(maxsize=256)  # asked for each term of a paragraph
def paragraph_key(text: str) -> str:
    """A short digest of a paragraph's words (case and punctuation left out): the same stock
    paragraph gives the same key on every page."""
    words = " ".join(_WORD.findall(text.lower()))
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:16]


class Page(NamedTuple):
    """What the model reads from the page as a whole, worked out once per page."""

    summary: bool  # laid out with "Key Points" lists
    log_words: float
    headings: tuple[str, ...]  # the nearest heading above each block (folded words)
    use_in_cancer: frozenset[int] = frozenset()  # the blocks of a drug page's "Use in Cancer"

    @property
    def drug_page(self) -> bool:
        """A drug's page, with a "Use in Cancer" section (not read by the model)."""
        return bool(self.use_in_cancer)


_CANCERS = (r"cancers?|carcinomas?|tumou?rs?|leuka?emias?|lymphomas?|melanomas?|sarcomas?|"
            r"myelomas?|neoplasms?|\w+blastomas?")
_CANCER = lazy_re(rf"\b(?:{_CANCERS}|oncolog\w*|chemotherapy)\b", re.I)


# A kind of cancer named: "breast cancer", "B-cell lymphomas", "melanoma": the words before the
# noun say which kind, not only its stage, its course or its nature ("advanced cancer",
# "recurrent cancer", "benign tumor").
_CANCER_NAME = lazy_re(rf"((?:[\w'’-]+\s+)*)(?:{_CANCERS})", re.I)
_BARE_CANCER = frozenset("cancer cancers tumor tumors tumour tumours neoplasm neoplasms".split())
_NOT_A_KIND = frozenset("advanced benign recurrent relapsed refractory metastatic childhood "
                        "other rare common early late early-stage late-stage malignant "
                        "solid primary secondary new".split())


def names_a_cancer(use: Use) -> bool:
    """Does the use name a kind of cancer: a name of several words ("breast cancer", "B-cell
    lymphoma"), or of one ("melanoma", "lymphoma") as a list item gives it, not as a word of
    a sentence may use it ("lymphoma cells"); never "cancer" or "tumors" alone? On a drug's
    page, editors link such a name at its first use in each section: 582 times of 602 on the
    tuning pages of ../shared/corpus-nci."""
    term = use.match.text.strip()
    m = _CANCER_NAME.fullmatch(term)
    if m is None or term.lower() in _BARE_CANCER:
        return False
    before = m.group(1).lower().split()
    if before and all(w in _NOT_A_KIND for w in before):
        return False  # "advanced cancer", "benign tumor": no kind named
    return " " in term or use.block.kind == "list_item"


_ABBREVIATION_AFTER = lazy_re(r"\s*\(([A-Z][A-Za-z0-9-]{1,9})\)")
_SMALL_WORDS = frozenset("and of the for in to on".split())


def with_its_abbreviation(use: Use) -> bool:
    """Is the term, of several words, followed by its abbreviation in brackets: "Food and
    Drug Administration (FDA)", "acute myeloid leukemia (AML)"? On a drug's page, editors link
    such a term, with its abbreviation, 113 times of 119 on the tuning pages of
    ../shared/corpus-nci."""
    after = _ABBREVIATION_AFTER.match(use.block.text, use.match.end)
    return after is not None and " " in use.match.text.strip() and \
        abbreviates(after.group(1), use.match.text)


def abbreviates(short: str, long: str) -> bool:
    """Is `short` an abbreviation of `long`: its capitals the first letters of the long form's
    words ("NCI", "National Cancer Institute"), or found in order in it from its first letter
    ("IL-6", "interleukin-6"; "FDA", "Food and Drug Administration"), with the same numbers?"""
    capitals = re.sub(r"[^A-Z]", "", short)
    if len(capitals) < 2 or not is_acronym(short.split("-")[0]):
        return False
    if re.findall(r"\d+", short) != re.findall(r"\d+", long):
        return False
    words = re.findall(r"[^\W\d_]+", long)
    if capitals in ("".join(w[0] for w in words).upper(),
                    "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS).upper()):
        return True  # "NCI"; "FDA" for "Food and Drug Administration"
    plain = "".join(words).upper()
    if not plain.startswith(capitals[0]):
        return False
    at = 0
    for c in capitals:
        at = plain.find(c, at)
        if at < 0:
            return False
        at += 1
    return len(words) <= 2


def about_cancer(doc: Document) -> bool:
    """Could the page be about cancer: its front matter names cancer types, or its title (its
    first heading) speaks of cancer, or it has no title to tell (a piece of text)? The NCI
    dictionaries suit such pages; other sites' pages on other subjects do not link to them."""
    if doc.metadata.get("cancerTypes"):
        return True
    title = doc.metadata.get("title") or (doc.headings[0].text if doc.headings else None)
    return title is None or _CANCER.search(str(title)) is not None


LINK_CARDS_SHARE = 0.3


def mostly_link_cards(doc: Document) -> bool:
    """Is the page a landing page of link cards: a heading that is all link, or a card whose
    link markup the page lost ("[" alone, then "Learn about ...](/types/breast/...)"), for
    at least 3 in 10 of its paragraphs and list items? On cancer.gov, 13 of the 212 pages
    with no dictionary link are such pages, and 2 of the 645 that link terms."""
    cards = sum(1 for b in doc.blocks
                if b.kind == "heading" and b.links and
                b.links[0].end - b.links[0].start >= 0.8 * len(b.text.strip())
                or b.kind != "heading" and (b.text.strip() == "[" or ends_lost_link(b.text)))
    prose = sum(1 for b in doc.blocks if b.kind in ("paragraph", "list_item"))
    return cards >= 3 and cards >= LINK_CARDS_SHARE * max(1, prose)


_PDQ_ADDRESS = lazy_re(r"-pdq/?(?:[?#]|$)", re.I)
_PDQ_TITLE = lazy_re(r"\(PDQ\b")


def pdq_summary(doc: Document) -> bool:
    """Is the page a PDQ summary by its address ("...-treatment-pdq") or its title ("Mantle
    Cell Lymphoma Treatment (PDQ®)"), whatever its layout?"""
    return bool(_PDQ_ADDRESS.search(str(doc.metadata.get("url") or "")) or
                _PDQ_TITLE.search(str(doc.metadata.get("title") or "")))


def _lost_key_points(doc: Document) -> bool:
    """Does the page hold a summary's "Key Points" lists whose headings became lines that
    say only "Key Points" (as written there, not a writer's "Key points:" box), and is it a
    PDQ summary by its address or title (MedQuAD's copies of the summaries)?"""
    return pdq_summary(doc) and any(doc.blocks[i - 1].text.strip(" *_") == "Key Points"
                                    for i in key_points_lists(doc) if i > 0)


def page_of(doc: Document, glossaries: Sequence[Glossary]) -> Page:
    """The page's features, once per document."""
    def compute() -> Page:
        above: list[str] = []
        heading = ""
        for block in doc.blocks:
            if block.kind == "heading":
                heading = " ".join(w.lower() for w in _WORD.findall(block.text))
            above.append(heading)
        # laid out as the site's summaries are, its "Key Points" headings kept or lost
        summary = bool(doc.blocks_under(SUMMARY_MARK)) or _lost_key_points(doc)
        used = frozenset(doc.blocks_under(DRUG_PAGE_MARK)) if not summary else frozenset()
        return Page(summary, math.log1p(doc.stats.words), tuple(above), used)
    page: Page = doc.memo(("link practice page", tuple(g.name for g in glossaries)), compute)
    return page


class Place(NamedTuple):
    """Where a use stands, as the model reads it."""

    block_index: int
    first_on_page: bool
    explained: bool  # a plain explanation beside it (editors link many such terms anyway)
    near_previous: bool  # the term was used a block or two before
    stock: bool  # in a paragraph many pages of the site share word for word


# Smoothing of an entry's share of linked pages: as if seen on PRIOR_PAGES more pages, linked
# on RARE_PRIOR of them when the term is rare in English (Zipf under RARE_ZIPF), else on
# COMMON_PRIOR.
PRIOR_PAGES = 2.0
RARE_ZIPF = 3.5
RARE_PRIOR = 0.6
COMMON_PRIOR = 0.15

FEATURES = (
    "share", "log_pages", "zipf", "zipf_over_4", "zipf_under_3", "several_words",
    "abbreviation", "drug", "summary", "first_on_page", "later_section_of_summary",
    "list_item", "explained", "in_heading", "stock", "near_previous", "log_words",
    "first_section", "share_in_summary", "share_at_first_use", "share_in_list",
    "zipf_in_summary", "list_item_in_summary",
)


def features(page: Page, use: Use, place: Place, pages: int, linked: int) -> list[float]:
    """The model's inputs for a use, in the order of FEATURES. `pages` and `linked` are the
    entry's practice (pages that use it, pages that link it)."""
    text = use.match.text
    zipf = rarity(text)
    prior = RARE_PRIOR if zipf < RARE_ZIPF else COMMON_PRIOR
    share = (linked + PRIOR_PAGES * prior) / (pages + PRIOR_PAGES)
    share_logit = math.log((share + 0.01) / (1.01 - share))
    words = {w.lower() for w in _WORD.findall(text)}
    heading = set(page.headings[place.block_index].split()) if page.headings else set()
    summary = float(page.summary)
    first = float(place.first_on_page)
    in_list = float(use.block.kind == "list_item")
    return [
        share_logit, math.log1p(pages), zipf, max(0.0, zipf - 4.0), max(0.0, 3.0 - zipf),
        float(len(text.split()) > 1), float(is_acronym(text)),
        float(use.match.entries[0].glossary == "nci-drugs"),
        summary, first, summary * (1.0 - first), in_list, float(place.explained),
        float(bool(words) and words <= heading), float(place.stock), float(place.near_previous),
        page.log_words, float(use.section <= 1),
        share_logit * summary, share_logit * first, share_logit * in_list, zipf * summary,
        in_list * summary,
    ]


class LinkModel(NamedTuple):
    """A logistic model over FEATURES: the chance that editors link a use."""

    weights: tuple[float, ...]
    intercept: float
    stock: frozenset[str]  # paragraph keys of the site's stock paragraphs
    site: str  # the site whose editors' practice it learned ("www.cancer.gov")
    draft_threshold: float  # the chance above which a draft of that site's needs the link
    finished_threshold: float  # ... and a page its editors have linked, an omission
    # the site's sections (address paths): (pages for the public, pages its editors linked)
    sections: Mapping[str, tuple[int, int]] = {}
    # each entry (`entry_key`): in how many "Use in Cancer" sections of the site's drug pages
    # it is used, and in how many of those its editors linked it
    drug_uses: Mapping[str, tuple[int, int]] = {}

    def chance(self, values: Sequence[float]) -> float:
        return logistic.chance(self.intercept, self.weights, values)

    def links_its_section(self, url: str) -> bool:
        """Do the site's editors link the pages of the section the address stands in: at
        least SECTION_SHARE of them, in the nearest section with SECTION_PAGES pages or more,
        and in each nearer one with any ("/about-cancer/treatment/cam", 1 page of 3 linked,
        is not "/about-cancer/treatment")?"""
        for section in address_sections(url):
            pages, linked = self.sections.get(section, (0, 0))
            if linked < SECTION_SHARE * pages:
                return False
            if pages >= SECTION_PAGES:
                return True
        return False

    def drug_page_share(self, key: str, chance: float) -> float:
        """The share of the "Use in Cancer" sections of the site's drug pages using the entry
        that link it, the model's `chance` for the use counted as DRUG_USE_PRIOR sections
        more (so one section does not decide alone; a term no drug page uses gets the
        chance)."""
        used, linked = self.drug_uses.get(key, (0, 0))
        return (linked + DRUG_USE_PRIOR * chance) / (used + DRUG_USE_PRIOR)


# A section of the site whose editors link this share of its pages for the public (articles,
# summaries, drug pages), of this many or more, is one whose drafts are to be linked
# ("/types/liver": 13 of 13 linked).
SECTION_PAGES = 4
SECTION_SHARE = 0.75
# An entry the site's editors link in this share of the drug pages' "Use in Cancer" sections
# using it is asked for in a draft's (`drug_uses`, from the tuning pages), the model's chance
# for the use counted as DRUG_USE_PRIOR sections more: on 45 held-out drug pages' drafts,
# 0.67 of their editors' links found, at 0.94, against 0.53 at 0.95 with the model alone.
DRUG_USE_SHARE = 0.5
DRUG_USE_PRIOR = 2.0
# A page shorter than this is no article (a video's caption, an infographic's few lines).
ARTICLE_WORDS = 150


def address_sections(url: str) -> list[str]:
    """The sections of its site an address stands in, the nearest first, of two levels or more:
    "https://www.cancer.gov/types/liver/what-is-liver-cancer/diagnosis" gives
    "/types/liver/what-is-liver-cancer", then "/types/liver"."""
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return []
    parts = [p for p in path.lower().split("/") if p]
    return ["/" + "/".join(parts[:n]) for n in range(len(parts) - 1, 1, -1)]


def an_article(doc: Document) -> bool:
    """Is the page an article for the public: ARTICLE_WORDS words or more; not a landing page
    of link cards, nor a list of dated posts ("Posted: April 23, 2025" under each title);
    not questions and answers about a trial (its title says "Q&A": their editors left 5 of
    the 6 such articles of the tuning pages plain); not for health professionals
    (`audienceLevel: professional`, or a title that says so, as cancer.gov's do:
    "Cardiopulmonary Syndromes (PDQ®)–Health Professional Version"), whose editors link no
    terms?"""
    titles = [str(doc.metadata.get("title") or ""), *(h.text for h in doc.headings[:3])]
    return doc.stats.words >= ARTICLE_WORDS and not mostly_link_cards(doc) and \
        sum(1 for b in doc.blocks if _POSTED.match(b.text)) < POSTS and \
        not any(_QUESTIONS_AND_ANSWERS.search(t) for t in titles) and \
        (doc.audience or "").lower() != "professional" and \
        not any(_FOR_PROFESSIONALS.search(t) for t in titles)


def a_section_article(doc: Document, glossaries: Sequence[Glossary]) -> bool:
    """Is the page an article whose draft its section's practice decides: an article
    (`an_article`), not a summary nor a drug's page (rules of their own decide those), nor a
    page among a glossary's own (a list of drugs, at an address of the drug summaries)?"""
    page = page_of(doc, glossaries)
    return an_article(doc) and not page.summary and not page.drug_page and \
        glossary_at(doc, glossaries) is None


def glossary_at(doc: Document, glossaries: Sequence[Glossary]) -> str | None:
    """The name of the glossary whose addresses include the page's own `url`, if any."""
    url = doc.metadata.get("url")
    if not isinstance(url, str):
        return None
    return next((g.name for g in glossaries if any(p.search(url) for p in g.link_patterns)),
                None)


_FOR_PROFESSIONALS = lazy_re(r"\bHealth Professional Version\b", re.I)
_QUESTIONS_AND_ANSWERS = lazy_re(r"\bQ\s*(?:&|and)\s*A\b|\bQuestions and Answers\b", re.I)
_POSTED = lazy_re(r"\s*(?:Posted|Updated|Published)\s*:?\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}")
POSTS = 3  # dated posts that make a page a list of them


MODEL_PATH = Path(__file__).resolve().parent / "data" / "link-model.json"


@cache
def model() -> LinkModel | None:
    """The bundled link model, or None when it is missing or not for these features (a
    readlint whose data was not rebuilt): glossary-link then uses the share alone."""
    try:
        data: Mapping[str, Any] = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if tuple(data.get("features", ())) != FEATURES:
        return None
    return LinkModel(tuple(float(w) for w in data["weights"]), float(data["intercept"]),
                     frozenset(data.get("stock", ())), str(data.get("site", "")),
                     float(data["draft_threshold"]), float(data["finished_threshold"]),
                     _counts(data.get("sections")), _counts(data.get("drug_uses")))


def _counts(data: Any) -> dict[str, tuple[int, int]]:
    """A table of the model file (`sections`, `drug_uses`): each key's pair of counts (pages
    or sections, and how many of them linked); an entry not so is left out."""
    found: dict[str, tuple[int, int]] = {}
    for key, value in (data.items() if isinstance(data, dict) else ()):
        if isinstance(value, list) and len(value) == 2 and \
                all(isinstance(n, int) for n in value):
            found[str(key)] = (value[0], value[1])
    return found


class Candidate(NamedTuple):
    """The first use of an entry in a section, and what the page does with the entry there."""

    use: Use
    place: Place
    linked: bool  # the entry is linked to (its entry) somewhere in this section
    introduced: bool  # another name given beside it introduced it before this use
    uses: tuple[Use, ...]  # every use of the entry in the section, in order


def entry_key(match: Match) -> str:
    """Uses of one entry are one term, whatever form they take."""
    entry = match.entries[0]
    return f"{entry.glossary}:{entry.id}"


def section_candidates(doc: Document, uses: Sequence[Use], glossaries: Sequence[Glossary],
                       stock: frozenset[str] | set[str],
                       leave: Callable[[Use], bool] | None = None,
                       explaining: Callable[[Use], bool] | None = None) -> list[Candidate]:
    """Each entry's first use in each section (sections start at level-2 headings), in page
    order, with where it stands. A use named beside another name of the term ("MRI (magnetic
    resonance imaging)") introduces the term for the rest of the page, and so does a use in a
    plain explanation ("(chance of recovery)"), but for those `explaining` says editors link
    there. Unlinked uses that `leave` says editors leave alone (a quotation, a proper name)
    are passed over."""
    index_of = {id(block): i for i, block in enumerate(doc.blocks)}
    # each entry's uses in each section, with the place of the first: in the order of those
    # first uses, the order the groups are made in
    groups: dict[tuple[int, str], tuple[int, list[Use]]] = {}
    introduced_at: dict[str, int] = {}  # entry: the place of the use that introduced it
    for place, use in enumerate(uses):
        key = (use.section, entry_key(use.match))
        if use.link is None and (other_name(use) or short_form_linked(use)) and \
                not (explaining is not None and explaining(use)):
            introduced_at.setdefault(key[1], place)
            continue
        if use.link is None and leave is not None and leave(use):
            continue
        groups.setdefault(key, (place, []))[1].append(use)
    seen_page: dict[str, int] = {}  # entry: block index of its last use so far
    out = []
    for key, (first_place, group) in groups.items():
        first = group[0]
        block_index = index_of[id(first.block)]
        previous = seen_page.get(key[1])
        text, match = first.block.text, first.match
        out.append(Candidate(
            first,
            Place(block_index, previous is None,
                  explained(text, match.start, match.end, is_acronym(match.text), kinds=False),
                  previous is not None and block_index - previous <= 2,
                  paragraph_key(text) in stock),
            any(links_to_its_entry(u, glossaries) for u in group),
            introduced_at.get(key[1], len(uses)) < first_place,
            tuple(group)))
        seen_page[key[1]] = index_of[id(group[-1].block)]
    return out
