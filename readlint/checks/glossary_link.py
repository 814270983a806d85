from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import Any, NamedTuple

from ..blocks import Block, Link
from ..document import Document
from ..glossary import (
    Entry,
    Glossary,
    Match,
    block_matches,
    can_be_verb,
    fold,
    fold_phrase,
    matcher_for,
    only_a_verb,
    topic_words,
)
from ..problem import Fix, Problem, Severity
from ..rule import MISSING_LINK, Example, Rule
from ..vocabulary import ALSO_CALLED, SKIP_SECTIONS, in_proper_name, is_acronym, rarity

# Editors' practice measured on cancer.gov pages (tools/learn_link_practice.py): they never
# link in "Key Points" lists (0 of 155 first uses) and rarely in "To Learn More" sections.
LINK_SKIP_SECTIONS = {**SKIP_SECTIONS,
                      "default": [*SKIP_SECTIONS["default"], "key points", "to learn more*"]}
# A summary laid out with "Key Points" lists (the PDQ style): its editors link nearly every
# dictionary term at its first use; every term rarer than SUMMARY_ZIPF is checked there.
# Only on a draft: once a page has PRACTISED_LINKS glossary links, its editors have chosen
# which terms to link, and a rare term they left plain was left on purpose.
SUMMARY_MARK = ("key points",)
SUMMARY_ZIPF = 4.0  # rarer than 10 uses in a million words
PRACTISED_LINKS = 3
# Link-worthiness: the share of pages on which editors link a term, smoothed toward a prior
# as if the term had been seen on PRIOR_PAGES more pages, linked on RARE_PRIOR of them when
# it is rare in English (Zipf under RARE_ZIPF) and on COMMON_PRIOR when it is not.
PRIOR_PAGES = 2.0
RARE_ZIPF = 3.5
RARE_PRIOR = 0.6
COMMON_PRIOR = 0.15
# Editors link a term's first use in a list item about twice as often as in a paragraph (50%
# against 17% of first uses), so a use in a list item counts twice.
CONTEXT_WEIGHT = {"list_item": 2.0}


class Use(NamedTuple):
    """One use of a glossary term in the prose."""

    block: Block
    match: Match
    section: int
    link: Link | None
    matches: tuple[Match, ...] = ()  # every match in the block, for context


class GlossaryLink(Rule):
    """A term the glossary explains, and editors would link, is used without a link.

    Why: a reader who meets "thrombocytopenia" or "HER2" and does not know it can follow the
    link to a plain explanation. Cancer.gov editors link such terms at their first use.

    How a term is chosen: each term of the rule set's glossaries (the NCI Dictionary of
    Cancer Terms and NCI drug names by default; your own with the `glossaries` option) at its
    first use on the page (or in each section, with `scope: section`), when it is worth a
    link. The bundled glossaries record how often cancer.gov editors link each term on the
    pages that use it (learned from 562 of their patient pages): a term is worth a link
    when they link it on at least `min_link_share` of those pages (40%; a use in a list item
    counts double, as editors link list items more), smoothed toward a guess from the term's
    rarity when few pages use it. So "lumpectomy" (linked on 10 of 11 pages) is reported,
    "drug" (31 of 461) and "cancer" are not. On a summary laid out with "Key Points" lists
    (the PDQ style), whose editors link nearly every dictionary term at its first use, every
    term rarer than everyday words (Zipf 4: "nausea", "biopsy", not "surgery") is checked
    while the page is a draft, with fewer than 3 glossary links; after that its editors have
    chosen (turn this off with `rare_terms_in_summaries: false`). A glossary of your own,
    without such a record, has every term checked. A noun spelled like a verb is not
    reported for the verb ("based on", "meant to", "may mean" are not the entries "base" and
    "mean").

    Left alone, as editors leave them: headings, image captions, "Key Points" lists, "To
    Learn More" and administrative sections (references, disclaimers, "About this ..."),
    table cells, words of the page's own topic (its title), quotations, words inside a
    proper name ("American Society of Clinical Oncology"), a paragraph that is only the term
    (a brand name or a title), a term whose short form beside it is linked ("magnetic
    resonance imaging ([MRI](...))"), and another name given beside a term ("MRI (magnetic
    resonance imaging)", "trastuzumab emtansine (T-DM1)", "lapatinib (Tykerb®)", "... drugs
    or NSAIDs", "also called ..."); such a name counts as introduced for the rest of the page
    (not before: in "chemotherapy (chemo)" the first word is still checked). When a word
    also has a plainer substitute, plain-words speaks instead.

    Links: a link to the term's entry in any URL form (relative, absolute or pop-up) counts,
    and so does a link anywhere else on that use. A link to another entry of the glossary is
    reported only when that entry is unrelated to the linked words in every way: not an
    abbreviation, no word or phrase in common, not named beside the link, not the page's
    topic. A word inside a longer linked phrase is covered by that link.

    How to fix: link the term at its first use to the address in the message.
    `readlint check --fix` adds the link for you, in the style of the document's other links.

    Options:
      glossaries: glossaries to use: bundled names (nci-cancer-terms, nci-drugs) or files.
      scope: document (first use on the page) or section (first use in each section).
      section_level: the heading level that starts a section (default 2).
      min_link_share: how often editors must link a term for it to need a link (0 to 1,
        default 0.4); 0 checks every term of the glossaries.
      in_tables: check table cells too (default false).
      rare_terms_in_summaries: on a page with a "Key Points" section and fewer than 3
        glossary links, check every term rarer than Zipf 4 whatever `min_link_share` says
        (default true).
      skip_sections: headings (glob patterns) of sections not checked.
      max_zipf: terms whose rarest word is at least this common in English (Zipf scale) are
        not checked (default 6.0; the professional rule set uses 3.0).
    """

    name = "glossary-link"
    code = "RL202"
    default_severity = Severity.WARNING
    summary = "A term the glossary explains is used without a link to it."
    tags = frozenset({MISSING_LINK})
    example = Example(
        "Ask if you will need a lumpectomy.\n",
        "Ask if you will need a [lumpectomy](https://www.cancer.gov/publications/dictionaries/"
        "cancer-terms/def/45758).\n")
    options = {
        "glossaries": {"type": "array", "items": {"type": "string", "minLength": 1},
                       "default": ["nci-cancer-terms", "nci-drugs"], "x-readlint-paths": True},
        "scope": {"enum": ["document", "section"], "default": "document"},
        "section_level": {"type": "integer", "minimum": 1, "maximum": 6, "default": 2},
        "max_zipf": {"type": "number", "default": 6.0},
        "min_link_share": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.4},
        "in_tables": {"type": "boolean", "default": False},
        "rare_terms_in_summaries": {"type": "boolean", "default": True},
        "skip_sections": LINK_SKIP_SECTIONS,
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        refs = tuple(options["glossaries"])
        matcher = matcher_for(refs)
        by_name = {g.name: g for g in matcher.glossaries}
        groups: dict[tuple[int, str], list[Use]] = {}
        introduced: dict[tuple[int, str], int] = {}  # term: where another name introduced it
        first_use: dict[tuple[int, str], int] = {}
        # editors link no term in an image's caption (0 of 494 first uses)
        skipped = doc.blocks_under(options["skip_sections"]) | doc.captions
        matches = block_matches(doc, refs)
        topic = topic_words(doc)
        summary = options["rare_terms_in_summaries"] and bool(doc.blocks_under(SUMMARY_MARK)) \
            and _glossary_links(doc, matcher.glossaries) < PRACTISED_LINKS
        for place, use in enumerate(glossary_uses(doc, matcher.find, options["section_level"],
                                                  skipped, matches)):
            scope = use.section if options["scope"] == "section" else 0
            key = (scope, entry_key(use.match))
            if use.link is None:
                if other_name(use) or _short_form_linked(use):
                    # named beside its other name: "MRI (magnetic resonance imaging)"; a use
                    # before it ("chemotherapy (chemo)") is still the term's first use
                    introduced.setdefault(key, place)
                    continue
                if _left_alone(use, topic, options) or not _worth_linking(
                        use, by_name[use.match.entries[0].glossary], options, summary):
                    continue
            elif rarity(use.match.text) >= options["max_zipf"]:
                continue
            groups.setdefault(key, []).append(use)
            first_use.setdefault(key, place)
        # A link to the entry anywhere in the scope satisfies the term; a link to another page
        # (or an entry the glossary does not know) satisfies the use it is on.
        states = {key: [links_right(u, matcher.glossaries, topic) if u.link else False
                        for u in group]
                  for key, group in groups.items()}
        satisfied = {key for key, group in groups.items()
                     if True in states[key] or (group[0].link is not None
                                                and states[key][0] is None)}
        linked_terms = {(key[0], term_key(u.match)) for key in satisfied for u in groups[key]
                        if u.link is not None}
        for key, group in groups.items():
            if key in satisfied or (key in introduced and introduced[key] < first_use[key]
                                    and group[0].link is None):
                continue
            first = group[0]
            if any(scope == key[0] and _contains(term_key(first.match), term)
                   for scope, term in linked_terms):
                continue  # "HER2-positive" after a linked "HER2"
            wrong = [u for u, state in zip(group, states[key], strict=True)
                     if u.link is not None and state is False]
            if wrong:
                yield self._report(doc, wrong[0], matcher.glossaries)
            elif first.link is None:
                yield self._report(doc, first, matcher.glossaries)

    def _report(self, doc: Document, use: Use, glossaries: tuple[Glossary, ...]) -> Problem:
        entry = use.match.entries[0]
        glossary = next(g for g in glossaries if g.name == entry.glossary)
        url = link_for(doc, glossary, entry)
        start = use.block.source_offset(use.match.start)
        end = use.block.source_offset(use.match.end - 1) + 1
        term = use.match.text
        label = glossary.title or f"the {glossary.name} glossary"
        if use.link is not None:
            return self.problem(
                doc, start, end,
                f"This link on \"{term}\" goes to a different glossary entry; link it to "
                f"{url}.", subject=term)
        fix = None
        if url and end - start == len(term) and doc.source[start:end] == term and \
                doc.source[start - 1:start] not in ("!", "\\", "[", "]"):
            # After "!" a link would become an image, after "\\" or beside a bracket it
            # would not be a link: no fix there. A target with spaces or brackets is quoted.
            target = f"<{url}>" if re.search(r"[\s()<>]", url) else url
            fix = Fix(start, end, f"[{term}]({target})", f"link \"{term}\" to the glossary")
        return self.problem(
            doc, start, end,
            f"\"{term}\" is in {label}: link its first use to {url}.", fix=fix,
            subject=term)


def _glossary_links(doc: Document, glossaries: tuple[Glossary, ...]) -> int:
    """How many links on the page go to an entry of one of the glossaries (not to a page of
    the glossary's site that is no entry, such as a list of drugs)."""
    return sum(1 for block in doc.blocks for link in block.links
               if any(glossary.resolve(link.href)[1] for glossary in glossaries))


def _worth_linking(use: Use, glossary: Glossary, options: Mapping[str, Any],
                   summary: bool = False) -> bool:
    """Would an editor link this term here? With a glossary that records how its editors
    link each entry, yes when they link it on at least `min_link_share` of the pages that use
    it (twice the share in a list item); the share is smoothed toward a prior set by the
    term's rarity in English, so a term seen on few pages leans on that prior ("lumpectomy":
    linked on 10 of 11 pages; "drug": 31 of 461). Without such a record, every term of the
    glossary is worth a link unless common beyond `max_zipf`."""
    text_rarity = rarity(use.match.text)
    if text_rarity >= options["max_zipf"]:
        return False
    if not glossary.has_practice or (summary and text_rarity < SUMMARY_ZIPF):
        return True
    entry = use.match.entries[0]
    prior = RARE_PRIOR if text_rarity < RARE_ZIPF else COMMON_PRIOR
    share = (entry.linked + PRIOR_PAGES * prior) / (entry.pages + PRIOR_PAGES)
    return bool(share * CONTEXT_WEIGHT.get(use.block.kind, 1.0) >= options["min_link_share"])


def _left_alone(use: Use, topic: set[str], options: Mapping[str, Any]) -> bool:
    """Uses editors do not link: in table cells (2% of first uses are linked), words of the
    page's own topic (10%), words inside a proper name ("American Society of Clinical
    Oncology", "Physician Data Query"), and a paragraph that is only the term (a brand name or
    a title on its own; a list item that is only the term is checked, as editors link those)."""
    if use.block.kind == "table_cell" and not options["in_tables"]:
        return True
    if use.block.kind == "paragraph" and _label(use.block.text) == use.match.text:
        return True  # a paragraph that only names it: a brand name or a title on its own
    if use.block.kind == "paragraph" and len(use.block.text.split()) <= 14 and \
            not _SENTENCE_END.search(use.block.text.strip()):
        return True  # a title line: "Targeted therapy approved for breast cancer"
    words = {fold(w) for w in _WORD.findall(use.match.text)}
    if words and words <= topic:
        return True
    if in_quotation(use.block.text, use.match.start):
        return True  # someone's words, quoted (10% of first uses there are linked)
    if used_as_verb(use.block.text, use.match):
        return True  # "is based on", "may mean": not the entries "base" and "mean"
    return in_proper_name(use.block.text, use.match.start, use.match.end)


VERB_LINK_SHARE = 0.2  # "mean": 4 of 37 pages; "base": 0 of 116; "relapse": 23 of 38
_BEFORE_A_VERB = frozenset(
    "can could may might must will would shall should do does did not it they we you i he "
    "she also often usually only".split())
_AFTER_A_VERB = frozenset(("on", "upon", "that"))
_NEXT_WORD = re.compile(r"\W*([^\W_]+)")


def used_as_verb(text: str, match: Match) -> bool:
    """Is a one-word term named by a noun that is spelled like a verb ("mean", "base") used
    as the verb here: in a form only the verb has ("meant"), after a helping verb or a
    pronoun ("may mean"), or before "on" or "that" ("based on")? Entries editors link verbs
    to ("diagnosed" for "diagnosis"), entries editors often link in any form ("relapse"),
    and entries named by a verb ("metastasize") are not concerned."""
    entry = match.entries[0]
    if entry.pages and entry.linked >= VERB_LINK_SHARE * entry.pages:
        return False  # editors link the word, verb or not: "relapsed" (23 of 38 pages)
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


def in_quotation(text: str, start: int) -> bool:
    """Is text[start] inside curly quotation marks ("“... letrozole for 5 years ...”")?"""
    return text.count("\u201c", 0, start) > text.count("\u201d", 0, start)


def _label(text: str) -> str:
    """A paragraph's text without a parenthesis at its end and stray marks: "Gerson Therapy
    (PDQ®)" is "Gerson Therapy". Linear, unlike a regular expression anchored at the end."""
    text = text.rstrip()
    if text.endswith(")"):
        opening = text.rfind("(")
        if opening >= 0 and "(" not in text[opening + 1:] and ")" not in text[opening:-1]:
            text = text[:opening].rstrip()
    return text.strip(" *_:.")


def glossary_uses(doc: Document, find: Callable[[str], list[Match]], section_level: int = 2,
                  skipped: set[int] | None = None,
                  found: list[list[Match]] | None = None) -> Iterator[Use]:
    """Every use of a glossary term in the prose (headings and skipped blocks left out), with
    the link on it. `found` gives each block's matches when they are already known."""
    section = 0
    for index, block in enumerate(doc.blocks):
        if block.kind == "heading":
            if block.level <= section_level:
                section += 1
            continue
        if skipped and index in skipped:
            continue
        matches = tuple(found[index] if found is not None else find(block.text))
        uses = []
        read: set[int] = set()  # links whose own text gave the uses
        for match in matches:
            link = next((lk for lk in block.links
                         if lk.start < match.end and match.start < lk.end), None)
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
        for link in block.links:
            if not any(link.start < m.end and m.start < link.end for m in matches):
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


def _contains(longer: str, shorter: str) -> bool:
    """Is the term `shorter` a run of whole words inside the term `longer`?"""
    return longer != shorter and f" {shorter} " in f" {longer} "




_CAPITALS = re.compile(r"[A-Z][A-Za-z0-9-]*[A-Z0-9]s?")
_OR = re.compile(r",?\s+or\s+")
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")


def other_name(use: Use) -> bool:
    """Uses that need no link: another name given for something just named ("also called
    computed tomography"); a plain explanation in parentheses ("prognosis (chance of
    recovery)": "recovery" needs no link); and, in parentheses, the other name of the term
    before them ("MRI (magnetic resonance imaging)"). A list of terms in parentheses ("(fats,
    proteins and sugars)") is checked, and so are terms explained in place, as editors link
    them."""
    text, start, matches = use.block.text, use.match.start, use.matches
    if ALSO_CALLED.search(text[max(0, start - 200):start]):
        return True
    if _CAPITALS.fullmatch(use.match.text) and \
            any(_OR.fullmatch(text[m.end:start]) for m in matches):
        return True  # an abbreviation given as the other name: "anti-inflammatory drugs or NSAIDs"
    opening = _opening_parenthesis(text, start)
    if opening < 0:
        return False
    content = opening + 1 + len(text[opening + 1:]) - len(text[opening + 1:].lstrip())
    before = [m for m in matches if m.end <= opening and not text[m.end:opening].strip()]
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
            and _BRACKET_CLOSE.match(text[use.match.end:use.match.end + 3]):
        # a short form after the phrase: "[linear accelerator] (linac)", "[beta human
        # chorionic gonadotropin] (beta-hCG)"
        return True
    return not any(m.start == content for m in matches)  # an explanation, not a list of terms


def _short_form_linked(use: Use) -> bool:
    """Is the term followed by its short form in brackets, linked: "magnetic resonance
    imaging ([MRI](...))"? The link on the short form serves both."""
    text, end = use.block.text, use.match.end
    bracket = _BRACKET_AFTER.match(text, end)
    if bracket is None:
        return False
    return any(link.start == bracket.end() and _BRACKET_CLOSE.match(text, link.end)
               for link in use.block.links)


_BRACKET_AFTER = re.compile(r"\s*\(\s*")
_BRACKET_CLOSE = re.compile(r"\s*\)")


def _opening_parenthesis(text: str, start: int) -> int:
    """Index of the '(' that text[start] is inside (the nearest one still open), or -1."""
    opening = text.rfind("(", 0, start)
    return opening if opening > text.rfind(")", 0, start) else -1


def term_key(match: Match) -> str:
    return fold_phrase(match.text)


def entry_key(match: Match) -> str:
    """Uses of one entry are one term, whatever form they take."""
    entry = match.entries[0]
    return f"{entry.glossary}:{entry.id}"


def links_right(use: Use, glossaries: tuple[Glossary, ...],
                topic: AbstractSet[str] = frozenset()) -> bool | None:
    """True: the link goes to this term's entry; False: to another entry of a glossary;
    None: somewhere else, or to an entry the glossaries do not know (given the benefit of the
    doubt)."""
    assert use.link is not None
    for glossary in glossaries:
        inside, entry = glossary.resolve(use.link.href)
        if not inside or entry is None:
            continue
        if entry in use.match.entries:
            return True
        if (use.link.start, use.link.end) != (use.match.start, use.match.end):
            return None  # a word inside a longer linked phrase: the link is for the phrase
        # Editors may pick a related entry ("supplements" to "dietary supplement"): only a
        # target unrelated in every way is surely wrong.
        return _related(entry, use, topic)
    return None


def _related(entry: Entry, use: Use, topic: AbstractSet[str]) -> bool:
    """Could the editor have meant this entry for the linked text? Editors often link a
    related entry, so only a target unrelated in every way below is called wrong:
    - the linked text is an abbreviation (it may stand for the entry's name: "mM");
    - one is a phrase inside the other ("CA 19-9" and "CA 19-9 assay");
    - they share a word, allowing other forms ("alcoholic" and "alcohol", "interferon" and
      "peginterferon", "recurred" and "recurrent", "penis" and "penile");
    - the entry's name stands right beside the link ("NTRK [gene fusion]");
    - the entry's name shares a word with the page's topic (on a stomach cancer page,
      "carcinoma in situ" linked to "stage 0 stomach cancer")."""
    assert use.link is not None
    text = use.block.text[use.link.start:use.link.end].strip()
    if is_acronym(text) or (len(text) <= 4 and any(c.isupper() for c in text)):
        return True
    linked = fold_phrase(text)
    words = {fold(w) for w in re.findall(r"[^\W_]+", text) if len(w) >= 4}
    near = fold_phrase(use.block.text[max(0, use.link.start - 60):use.link.end + 60])
    for name in entry.names:
        folded = fold_phrase(name)
        if f" {linked} " in f" {folded} " or f" {folded} " in f" {linked} " or \
                f" {folded} " in f" {near} ":
            return True
        others = {fold(w) for w in re.findall(r"[^\W_]+", name) if len(w) >= 4}
        if others & topic:
            return True
        if any(a in b or b in a or a[:4] == b[:4] for a in words for b in others):
            return True
    return False


def link_for(doc: Document, glossary: Glossary, entry: Entry) -> str | None:
    """A link to an entry in the style of the document's existing links to that glossary
    (relative, absolute or pop-up), else the glossary's own URL for it."""
    style: tuple[str, int, int] | None = doc.memo(("glossary link style", glossary.name),
                                                  lambda: _link_style(doc, glossary))
    if style is not None and re.fullmatch(r"\d+", entry.id):
        href, start, end = style
        key = href[start:end]
        new = entry.id if not key.upper().startswith("CDR") else \
            "CDR" + entry.id.zfill(len(key) - 3)
        return href[:start] + new + href[end:]
    return glossary.url_for(entry)


def _link_style(doc: Document, glossary: Glossary) -> tuple[str, int, int] | None:
    """The document's first link to a numbered entry of the glossary, with where its key is."""
    for block in doc.blocks:
        for link in block.links:
            for pattern in glossary.link_patterns:
                m = pattern.search(link.href)
                if m and re.fullmatch(r"(?:CDR0*)?\d+", m.group("key")):
                    key = pattern.groupindex["key"]
                    return link.href, m.start(key), m.end(key)
    return None
