from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from .. import nearby
from ..blocks import Block
from ..document import Document
from ..glossary import Entry, Glossary
from ..glossary_sets import block_matches, matcher_for, page_find
from ..hardness import hard_term, name_it_begins
from ..linkpractice import (
    DRUG_PAGE_MARK,
    DRUG_USE_SHARE,
    LINK_SKIP_SECTIONS,
    Candidate,
    LinkModel,
    Page,
    Use,
    a_section_article,
    abbreviates,
    about_cancer,
    entry_key,
    features,
    glossary_at,
    glossary_links,
    glossary_uses,
    is_title,
    left_alone,
    model,
    names_a_cancer,
    page_of,
    pdq_summary,
    section_candidates,
    to_an_entry,
    with_its_abbreviation,
)
from ..problem import Fix, Problem, Severity
from ..rule import MISSING_LINK, Example, Rule
from ..termmatch import Match
from ..vocabulary import everyday_health, is_acronym, rarity
from ..wordforms import fold, fold_phrase, topic_words

PRACTISED_LINKS = 3  # a page with this many glossary links has been linked by its editors
# The three kinds of page (see GlossaryLink).
HOUSE_DRAFT, FINISHED, ELSEWHERE = "draft of the site", "finished", "elsewhere"
LEFT_PLAIN = "a page of the site its editors leave plain"
# On a draft of an article of the site (not a summary, not a drug's page), the chance of an
# editor's link at which a term is reported: the model learned most from summaries, and on the
# tuning pages' articles its flags at 0.5 were editors' links 3 times in 4, at 0.6 about 4
# times in 5 (benchmarks/vocabulary.py, part a).
ARTICLE_MIN_CHANCE = 0.6


class GlossaryLink(Rule):
    """A term the glossary explains, and editors would link, is used without a link.

    Why: a reader who meets "thrombocytopenia" or "HER2" and does not know it can follow the
    link to a plain explanation. Cancer.gov editors link such terms where they first appear.

    How a term is chosen: the terms of the rule set's glossaries (the NCI Dictionary of Cancer
    Terms and NCI drug names by default; your own with the `glossaries` option), at their
    first use, where an editor would link them. What an editor would do depends on the page:

    - A draft of a summary of the site whose editors' practice the glossary records (the
      bundled glossaries: a page laid out with "Key Points" lists, the PDQ style (their
      heading kept, or lost to a line that says only "Key Points"), whose front
      matter's `url` is on www.cancer.gov, with fewer than 3 links to the glossary; its
      editors link every summary): the terms those editors link. Their practice was learned from
      333 of their pages (tools/learn_link_practice.py): how often they link each term, and
      how that changes where it stands (more in a list item and at a term's first use on the
      page, less in a stock paragraph or in the term's own section). On a summary laid out
      with "Key Points" lists (the PDQ style), whose editors link a term again in each major
      section, each section's first use is checked. A term is reported when the chance that
      they link it there is at least `min_link_chance` (by default the model's own, where 4
      flags in 5 are links they made).
    - A draft of a drug's page of that site (laid out with a "Use in Cancer" section that
      names what the drug treats, with no link to the glossary in that section; its editors
      link terms there on every drug's page): in "Use in Cancer", a term those editors link
      in at least half of the drug pages' "Use in Cancer" sections that use it
      ("metastasized", "relapsed", "confirmatory trial"; not "cancer" or "surgery", which
      they mostly leave plain there), as the glossary's practice records, with the chance of
      a link there counted as two sections more (so a term met once does not decide alone);
      elsewhere, and for a term no drug page of theirs uses, the terms those editors link, as
      on a summary; and always a named kind of cancer ("breast cancer", "B-cell lymphoma";
      "melanoma" as a list item) at its first use in each section, which they link nearly
      every time (582 times of 602), even in brackets explaining the term before it ("Renal
      cell carcinoma (a type of kidney cancer)": 46 of 51), and a name given with its
      abbreviation ("Food and Drug Administration (FDA)"). The drugs of a combination, one
      to a row of its table, are linked in the table, to their drug pages; the page's
      opening, above "Use in Cancer", is left plain.
    - A list of drugs of that site (a page that stands among the drug summaries, its `url`
      one of their addresses, such as "Drugs Approved for Bladder Cancer", with list items
      that are each a drug's name, or its name and another in brackets: "Bavencio
      (Avelumab)"): in each list with fewer than half of its drugs linked, each unlinked
      item, whole, linked to the drug's summary, as its editors link every item of every such
      list (1,488 links on 44 pages); on any page, finished or not. An item that says more
      than the names ("Your doctor may give you mitomycin") is not one.
    - A finished page (3 links to the glossary or more; a drug's page of the site: a link in
      its "Use in Cancer" section, however many elsewhere): its editors have chosen what to
      link, so only a likely omission is reported: a term never linked on the page (nor
      inside a longer linked term: "autologous" after "autologous stem cell transplant"), at
      its first use, that they link almost everywhere else (`finished_min_chance`), that the page
      does not explain, and that a lay reader would want to look up.
    - A draft of an article of that site, in a section whose articles its editors link. An
      article has 150 words or more and is for the public: not a landing page of links, a
      list of dated posts, questions and answers, or a page among a glossary's own (a list
      of drugs). Its section is found from its address ("/types/liver"): at least 3 in 4 of
      the section's pages for the public are linked, of 4 or more, as the glossary's practice
      records.
      Such a draft gets the terms those editors link, at each section's first use, when the
      chance that they link it is at least `min_link_chance` (by default 0.6: about 4 flags
      in 5 were their links on the pages the practice was learned from). Words of the body
      and of daily life, and terms the text explains, are left alone.
    - Any other page of that site with fewer than 3 links to the glossary (a list of
      posts, a landing page of links, a video's page, questions and answers, a page of a
      section its editors leave plain): its editors left it plain, so nothing
      (undefined-jargon still reports a hard term left unexplained).
    - A page of another site about cancer (its title or its `cancerTypes`): a term a lay
      reader would want to look up (rare in English, or built
      the medical way: "thrombocytopenia", "lymph nodes"; not words of the body and of daily
      life such as "spleen" or "red blood cells"), at its first use on the page, that editors
      would link, and that the page does not explain right there. A page of another site
      on another subject: nothing (its hard terms are undefined-jargon's).

    Left alone, as editors leave them: headings, image captions, "Key Points" lists, "To
    Learn More" and administrative sections (references, disclaimers, "About this ..."),
    table cells and tables written out as text, words of the page's own topic (its title),
    quotations, words inside a proper name ("American Society of Clinical Oncology"), a
    paragraph that is only the term (a brand name or a title), a term whose short form beside
    it is linked ("magnetic resonance imaging ([MRI](...))"), and another name given beside a
    term ("MRI (magnetic resonance imaging)", "lapatinib (Tykerb®)", "also called ..."), which
    then counts as introduced for the rest of the page. A noun spelled like a verb is not
    reported for the verb ("based on", "meant to"), nor an adjective that begins a name the
    glossaries do not have ("biliary atresia": a link on "biliary" would leave "atresia"
    unexplained; undefined-jargon reports the name). A term that the glossary has but editors
    would not link, and that readers may not know, is left to undefined-jargon; when a word
    also has a plainer substitute, plain-words speaks instead.

    Links: a link to the term's entry in any URL form (relative, absolute or pop-up) counts,
    and so does a link anywhere else on that use. A link to another entry of the glossary is
    reported only when that entry is unrelated to the linked words in every way: not an
    abbreviation, no word or phrase in common, not named beside the link, not the page's
    topic. A word inside a longer linked phrase is covered by that link.

    How to fix: link the term to the address in the message. `readlint check --fix` adds the
    link for you, in the style of the document's other links. A term in two glossaries is
    linked to the first's entry, except on a page that stands among the other's own pages
    (its `url` is one of that glossary's addresses): on NCI's lists of drugs, a drug's name
    links to its drug summary (not on a drug's own page, whose editors link other drugs to
    the dictionary); and on cancer.gov's other pages that are not PDQ summaries, where its
    editors link a drug's name to its drug summary too.

    Options:
      glossaries: glossaries to use: bundled names (nci-cancer-terms, nci-drugs) or files.
      practice: site (as above), always (every page with fewer than 3 links as a draft of
        the site: use it to get link suggestions on a draft that is not a summary), or never
        (every such page as a page of another site about cancer).
      min_link_chance: on drafts, the chance of an editor's link at which a term is reported
        (0 to 1; default: the model's own threshold, 0.6 on an article of the site, and in
        a drug page's "Use in Cancer" the editors' record on their drug pages; when set, it
        decides there too).
      article_drafts: take an article of the site in a linked section as a draft (default
        true; the professional rule set turns it off: its editors link no terms there).
      finished_min_chance: the same on finished pages (default: the model's own, where 9
        flags in 10 are links editors made elsewhere).
      scope: practice (as above), document (first use on the page only) or section (first
        use in each section, on every kind of page).
      section_level: the heading level that starts a section (default 2).
      in_tables: check table cells too (default false).
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
        "Ask if you will need a lumpectomy for your breast cancer.\n",
        "Ask if you will need a [lumpectomy](https://www.cancer.gov/publications/dictionaries/"
        "cancer-terms/def/45758) for your breast cancer.\n")
    options = {
        "glossaries": {"type": "array", "items": {"type": "string", "minLength": 1},
                       "default": ["nci-cancer-terms", "nci-drugs"], "x-readlint-paths": True},
        "scope": {"enum": ["practice", "document", "section"], "default": "practice"},
        "section_level": {"type": "integer", "minimum": 1, "maximum": 6, "default": 2},
        "max_zipf": {"type": "number", "default": 6.0},
        "practice": {"enum": ["site", "always", "never"], "default": "site"},
        "article_drafts": {"type": "boolean", "default": True},
        "min_link_chance": {"type": ["number", "null"], "minimum": 0, "maximum": 1,
                            "default": None},
        "finished_min_chance": {"type": ["number", "null"], "minimum": 0, "maximum": 1,
                                "default": None},
        "in_tables": {"type": "boolean", "default": False},
        "skip_sections": LINK_SKIP_SECTIONS,
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        refs = tuple(options["glossaries"])
        matcher = matcher_for(refs)
        glossaries = matcher.glossaries
        by_name = {g.name: g for g in glossaries}
        # editors link no term in an image's caption (0 of 494 first uses)
        skipped = doc.blocks_under(options["skip_sections"]) | doc.captions | \
            nearby.key_points_lists(doc)
        uses = list(glossary_uses(doc, page_find(doc, refs), options["section_level"], skipped,
                                  block_matches(doc, refs)))
        topic = topic_words(doc)
        learned = model()
        stock = learned.stock if learned is not None else frozenset()
        page = page_of(doc, glossaries)
        # a page of the site whose practice the glossary records, by its address
        site_page = learned is not None and on_site(doc, learned.site)
        site_ways = _site_ways(site_page, options)
        on_the_site = site_page and options["practice"] != "never"  # taken as the site's
        drug_page = page.drug_page and site_ways
        mode = _mode(doc, glossaries, learned, options, drug_page, site_page)
        tabled = _tabled_drugs(doc, uses, glossaries) if drug_page else {}
        drafted = _drafted_lists(doc, uses, glossaries) \
            if site_ways and not page.drug_page else []
        yield from (self._report(doc, use, glossaries, on_the_site) for use in drafted)
        uses = _left_to_decide(doc, uses, drafted, drug_page)
        candidates = section_candidates(doc, uses, glossaries, stock,
                                        _passed_over(drug_page, tabled, topic, options),
                                        _cancer_explaining if drug_page else None)
        if mode == HOUSE_DRAFT:
            yield from (self._report(doc, use, glossaries, on_the_site) for use in tabled.values()
                        if use.link is None)
        on_page = {entry_key(c.use.match) for c in candidates if c.linked}
        linked_terms = _linked_terms(candidates, glossaries, topic)
        # the terms inside a linked term ("autologous" in "autologous stem cell transplant")
        inside_linked = {part for t in linked_terms for part in _parts(t)} \
            if mode != HOUSE_DRAFT else set()
        for c in candidates:
            states = [links_right(u, glossaries, topic) for u in c.uses if u.link is not None]
            wrong = [u for u in c.uses if u.link is not None
                     and links_right(u, glossaries, topic) is False]
            if wrong and True not in states:
                if rarity(wrong[0].match.text) < options["max_zipf"]:
                    yield self._report(doc, wrong[0], glossaries, on_the_site)
                continue
            first = c.use
            if c.linked or first.link is not None or c.introduced or mode == LEFT_PLAIN:
                continue
            if _linked_elsewhere(first, mode, on_page, linked_terms, inside_linked):
                continue
            if not c.place.first_on_page and (options["scope"] == "document" or
                                               options["scope"] == "practice" and
                                               mode != HOUSE_DRAFT):
                continue
            if rarity(first.match.text) >= options["max_zipf"]:
                continue
            glossary = by_name[first.match.entries[0].glossary]
            if self._needs_link(doc, c, page, glossary, learned, mode, topic, options):
                yield self._report(doc, first, glossaries, on_the_site)

    @staticmethod
    def _needs_link(doc: Document, c: Candidate, page: Page, glossary: Glossary,
                    learned: LinkModel | None, mode: str, topic: AbstractSet[str],
                    options: Mapping[str, Any]) -> bool:
        """Would an editor link this first use? See the class's docstring for the three
        kinds of page."""
        use, place = c.use, c.place
        if options["scope"] == "section":  # each section's first use, as if the page's
            place = place._replace(first_on_page=True)
        if not glossary.has_practice or learned is None:
            return place.first_on_page  # a glossary of your own: each term, once a page
        text, start, end, term = use.block.text, use.match.start, use.match.end, use.match.text
        drug_draft = mode == HOUSE_DRAFT and page.drug_page
        # a draft of an article of a section of the site whose articles its editors link
        article_draft = mode == HOUSE_DRAFT and options["practice"] == "site" and \
            not (page.summary or page.drug_page)
        abbreviated = drug_draft and with_its_abbreviation(use)
        # everyday words: left plain, but on the site's summaries and drug pages its editors
        # link nearly every term, "surgery" and "cancer" too
        if (mode != HOUSE_DRAFT or not (page.summary or page.drug_page)) and everyday(term) or \
                table_like(text) or _a_name(use) and not abbreviated or \
                _another_sense(use) or nearby.resource_title(use.block) or \
                nearby.in_gene_name(text, end):
            return False  # on any page: a reader needs no link there
        if abbreviated or drug_draft and names_a_cancer(use):
            return True  # on a drug's page, what the drug treats and a name given with its
            # abbreviation ("Food and Drug Administration (FDA)"): its editors link them
        if (mode != HOUSE_DRAFT or article_draft) and (place.explained or nearby.explained_nearby(
                doc, place.block_index, text, start, end, term, kinds=False)):
            return False  # explained: on the drafts of the site's summaries and drug pages,
            # its editors link it all the same
        drug = use.match.entries[0].glossary == DRUG_SUMMARIES
        if mode != HOUSE_DRAFT and (  # what a reader would look up, and the text does not explain
                place.stock or not place.first_on_page or is_title(text) or _on_topic(term, topic)
                or not hard_for_readers(use) or nearby.drug_named(text, start, end, term, drug)):
            return False
        entry = use.match.entries[0]
        chance = learned.chance(features(page, use, place, entry.pages, entry.linked))
        if mode == FINISHED:
            wanted = options["finished_min_chance"]
            return chance >= (learned.finished_threshold if wanted is None else wanted)
        asked = options["min_link_chance"]
        if asked is None and drug_draft and place.block_index in page.use_in_cancer:
            # what its editors do with the term there on their drug pages
            return learned.drug_page_share(entry_key(use.match), chance) >= DRUG_USE_SHARE
        floor = float(asked) if asked is not None else \
            ARTICLE_MIN_CHANCE if article_draft else learned.draft_threshold
        return chance >= floor

    def _report(self, doc: Document, use: Use, glossaries: tuple[Glossary, ...],
                on_the_site: bool) -> Problem:
        entry = _entry_to_link(doc, use, glossaries, on_the_site)
        glossary = next(g for g in glossaries if g.name == entry.glossary)
        url = link_for(doc, glossary, entry)
        start = use.block.source_offset(use.match.start)
        end = use.block.source_offset(use.match.end - 1) + 1
        term = use.match.text
        if use.link is None:
            end, term = _before_marks(doc.source, start, end, term)
        label = glossary.title or f"the {glossary.name} glossary"
        # the address ends the message, with no full stop a writer might copy with it; a
        # glossary with no addresses gets its entry named instead
        where = url if url else f"its entry in {label}."
        if use.link is not None:
            return self.problem(
                doc, start, end,
                f"This link on \"{term}\" goes to a different glossary entry; link it to "
                f"{where}", subject=term)
        fix = None
        if url and end - start == len(term) and doc.source[start:end] == term and \
                doc.source[start - 1:start] not in ("!", "\\", "[", "]"):
            # After "!" a link would become an image, after "\\" or beside a bracket it
            # would not be a link: no fix there. A target with spaces or brackets is quoted.
            target = f"<{url}>" if re.search(r"[\s()<>]", url) else url
            fix = Fix(start, end, f"[{term}]({target})", f"link \"{term}\" to the glossary")
        named = f" as \"{entry.term}\"" if _named_otherwise(term, entry) else ""
        return self.problem(
            doc, start, end,
            f"\"{term}\" is in {label}{named}: link it to "
            f"{url if url else 'its entry there.'}",
            fix=fix, subject=term)


def _named_otherwise(term: str, entry: Entry) -> bool:
    """Does the glossary name the entry with another last word than the page's term
    ("prevent" is under "prevention", "physical exam" under "physical examination"; not
    "Crohn's disease", "PET scan" written out)? Then the message names the entry. Not for a
    drug's summary, whose address names the drug (its entry may be named by a brand)."""
    if entry.glossary == DRUG_SUMMARIES:
        return False
    last = _WORD.findall(term)
    named = _WORD.findall(entry.term)
    return bool(last and named) and fold(last[-1]) != fold(named[-1])

_MARKS_INSIDE = re.compile(r"[*_]+(?=\s)")


def _before_marks(source: str, start: int, end: int, term: str) -> tuple[int, str]:
    """Where a term to link ends, and its words, when emphasis ends inside it ("*IDH1* gene"):
    at the marks, the emphasised name alone, as editors link it (a link across the marks
    would break them)."""
    marks = _MARKS_INSIDE.search(source, start, end)
    if marks is None or marks.start() == start or \
            source[start:marks.start()] != term[:marks.start() - start]:
        return end, term
    return marks.start(), term[:marks.start() - start]


def _linked_elsewhere(first: Use, mode: str, on_page: AbstractSet[str],
                      linked_terms: Mapping[str, set[int]], inside_linked: AbstractSet[str]
                      ) -> bool:
    """Is the term linked elsewhere, as its editors would take for this use: on a finished
    page, anywhere on it; a term inside it in the same section on a draft ("HER2-positive"
    after a linked "HER2"); on a finished page, a term it is inside ("autologous" where
    "autologous stem cell transplant" is linked)?"""
    if mode != HOUSE_DRAFT and entry_key(first.match) in on_page:
        return True  # linked elsewhere on the page: its editors have linked it once
    scope = first.section if mode == HOUSE_DRAFT else None
    term = term_key(first.match)
    return term in inside_linked or any(
        part in linked_terms and (scope is None or scope in linked_terms[part])
        for part in _parts(term))


def _passed_over(drug_page: bool, tabled: Mapping[tuple[int, str], Use],
                 topic: AbstractSet[str], options: Mapping[str, Any]) -> Callable[[Use], bool]:
    """Which uses editors leave alone (`left_alone`, and an adjective that begins a name); on
    a drug's page, also a drug of the combination's table outside it (`tabled` reports it),
    and a name given with its abbreviation is no proper name to leave alone there."""
    def leave(use: Use) -> bool:
        if (use.section, entry_key(use.match)) in tabled:
            return True
        if drug_page and with_its_abbreviation(use):
            return left_alone(use, topic, options, names=False)  # "Food and Drug
            # Administration (FDA)": its editors link it
        return left_alone(use, topic, options) or _begins_a_name(use)
    return leave


def _left_to_decide(doc: Document, uses: list[Use], drafted: Sequence[Use], drug_page: bool
                    ) -> list[Use]:
    """The uses whose links the page's own rules decide: not the items of a drafted list of
    drugs (asked for as the list's, once), nor on a drug's page its opening, which its editors
    leave plain and which introduces nothing (but a name given with its abbreviation)."""
    if drafted:
        asked = {id(use.block) for use in drafted}
        uses = [u for u in uses if id(u.block) not in asked]
    if drug_page:
        opening = _drug_page_opening(doc)
        uses = [u for u in uses if id(u.block) not in opening or u.link is not None or
                with_its_abbreviation(u)]
    return uses


_A_KIND_OF = re.compile(r"\(\s*(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:type|kind|form)s?\s+of\s+$",
                        re.I)


def _cancer_explaining(use: Use) -> bool:
    """Is the use a named kind of cancer that explains the term before it ("Renal cell
    carcinoma (a type of kidney cancer)")? On a drug's page its editors link it there (46 of
    51 such uses on the tuning pages of ../shared/corpus-nci), the term it explains too."""
    text, start = use.block.text, use.match.start
    return _A_KIND_OF.search(text, max(0, start - 60), start) is not None and \
        names_a_cancer(use)


def _site_ways(site_page: bool, options: Mapping[str, Any]) -> bool:
    """Do the ways of the site's editors apply to the page's layouts: a page of the site
    (`site_page`, with `practice: site`), or any page with `practice: always`?"""
    return options["practice"] == "always" or options["practice"] == "site" and site_page


def _drug_page_opening(doc: Document) -> frozenset[int]:
    """The blocks of a drug's page above its "Use in Cancer" section (what the drug is and
    how it works; ids of the blocks), which its editors leave plain: on the tuning pages of
    ../shared/corpus-nci, 43 of 1,229 first uses there are linked, all of them a drug of a
    combination's table or the "Food and Drug Administration (FDA)" that approved them."""
    first = min(doc.blocks_under(DRUG_PAGE_MARK), default=0)
    return frozenset(id(block) for block in doc.blocks[:first])


def _tabled_drugs(doc: Document, uses: Sequence[Use], glossaries: Sequence[Glossary]
                  ) -> dict[tuple[int, str], Use]:
    """The drugs a drug's page names at the start of a cell of a table (a combination's
    drugs, one a row: "**O** | = Vincristine Sulfate (Oncovin)"): terms of the glossary whose
    own pages these are (the drug pages), by section and entry, each with its use there (the
    linked one, if any). Its editors link each there, brand name beside it or not, to the
    drug's page (176 rows of 176 on the 55 combination pages of ../shared/corpus-nci), and
    nothing in the sentence above that names them all."""
    home = _home_glossary(doc, glossaries)
    found: dict[tuple[int, str], Use] = {}
    for u in uses:
        if u.block.kind == "table_cell" and not u.block.text[:u.match.start].strip(" =*_") \
                and any(e.glossary == home for e in u.match.entries):
            key = (u.section, entry_key(u.match))
            if key not in found or u.link is not None:
                found[key] = u
    return found


# A page of lists of drugs names at least this many, one to an item.
_LISTED_DRUGS = 3
# An item that names a drug and, in brackets, its other name: "Bavencio (Avelumab)". (The
# first name ends on a character that is neither a bracket nor a space, or is one space
# alone: a first name that grew one character at a time, with the spaces after it read
# again each time, cost the square of a long run of spaces.)
_TWO_NAMES = re.compile(r"(?P<one>[^()]*[^()\s]|\s)\s*\((?P<other>[^()]+)\)")


def _drafted_lists(doc: Document, uses: Sequence[Use], glossaries: Sequence[Glossary]
                   ) -> list[Use]:
    """The drugs to link on a draft of a page of lists of drugs, one that stands among one
    glossary's own pages (its `url` is one of the glossary's addresses: NCI's "Drugs Approved
    for Bladder Cancer" among its drug summaries) and names at least `_LISTED_DRUGS` of its
    drugs, each the whole of a list item: in each list (a run of list items) with fewer than
    half of its drugs linked to the glossaries, each unlinked item's drug, the item whole.
    Its editors link every item of every such list to the drug's summary (the 44 such pages
    of ../shared/corpus-nci, 1,488 links), brand and generic names alike, the item whole
    ("Bavencio (Avelumab)"): a list with most of its drugs linked is finished."""
    home = _home_glossary(doc, glossaries)
    if home is None:
        return []
    by_block: dict[int, list[Use]] = {}
    for u in uses:
        if u.block.kind == "list_item" and any(e.glossary == home for e in u.match.entries):
            by_block.setdefault(id(u.block), []).append(u)
    named = {key: found for key, item_uses in by_block.items()
             if (found := _item_drug(doc, item_uses)) is not None}
    if len(named) < _LISTED_DRUGS:
        return []
    drafted: list[Use] = []
    for run in _list_runs(doc):
        items = [id(block) for block in run if id(block) in named]
        linked = {id(block) for block in run if id(block) in named and
                  any(to_an_entry(link, glossaries) for link in block.links)}
        if 2 * len(linked) < len(items):  # (a link or two left in a draft's list)
            drafted.extend(named[item] for item in items if item not in linked)
    return drafted


def _item_drug(doc: Document, item_uses: Sequence[Use]) -> Use | None:
    """The use that names the drug a list item is (its uses of the home glossary's terms):
    the item is the drug's name ("Cisplatin"), or that name and another in brackets, either
    way round ("Bavencio (Avelumab)", "Afinitor Disperz (Everolimus)"), given whole. Not an
    item that says more ("Your doctor may give you mitomycin ...") or names two drugs."""
    block = item_uses[0].block
    name = block.text.strip().rstrip(".")
    start = block.text.index(name) if name else 0
    end = start + len(name)
    spans = {(start, end)}
    two = _TWO_NAMES.fullmatch(name)
    if two:
        spans |= {(start + two.start(part), start + two.end(part)) for part in two.groupdict()}
    use = next((u for u in item_uses if (u.match.start, u.match.end) in spans), None)
    if use is None:
        return None
    source_start, source_end = block.source_offset(start), block.source_offset(end - 1) + 1
    if doc.source[source_start:source_end] != name:
        return use  # marks inside the item ("**Bavencio** (Avelumab)"): its name alone
    return use._replace(match=use.match._replace(start=start, end=end, text=name))


def _list_runs(doc: Document) -> Iterator[list[Block]]:
    """The page's lists: each run of list items, in order."""
    run: list[Block] = []
    for block in doc.blocks:
        if block.kind == "list_item":
            run.append(block)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _linked_terms(candidates: Sequence[Candidate], glossaries: tuple[Glossary, ...],
                  topic: AbstractSet[str]) -> dict[str, set[int]]:
    """Each term linked on the page, with the sections it is linked in. A link to another
    page, or to an entry the glossaries do not know, on a use satisfies that use (given the
    benefit of the doubt)."""
    linked: dict[str, set[int]] = {}
    for c in candidates:
        for u in c.uses:
            if u.link is not None and links_right(u, glossaries, topic) is not False:
                linked.setdefault(term_key(u.match), set()).add(c.use.section)
    return linked


def _mode(doc: Document, glossaries: Sequence[Glossary], learned: LinkModel | None,
          options: Mapping[str, Any], drug_page: bool, site_page: bool) -> str:
    """Which kind of page this is, for the link decision (`drug_page`: a drug's page of the
    site, or any laid out so with `practice: always`; `site_page`: a page of the site)."""
    if options["practice"] == "site" and drug_page:
        # a drug's page: its editors link terms in its "Use in Cancer" section on every one
        # of them, so a link there makes a finished page and none a draft
        used = doc.blocks_under(DRUG_PAGE_MARK)
        return FINISHED if any(to_an_entry(link, glossaries) for i in used
                               for link in doc.blocks[i].links) else HOUSE_DRAFT
    if glossary_links(doc, glossaries) >= PRACTISED_LINKS:
        return FINISHED
    if options["practice"] != "site":
        return HOUSE_DRAFT if options["practice"] == "always" else ELSEWHERE
    if learned is None:
        return ELSEWHERE
    if not site_page:
        # another site's page: the dictionaries suit pages about cancer; on others, a hard
        # term is undefined-jargon's to report, with advice to explain it
        return ELSEWHERE if about_cancer(doc) else LEFT_PLAIN
    page = page_of(doc, glossaries)
    if page.summary:
        return HOUSE_DRAFT  # a summary: its editors link every one of them
    url = doc.metadata.get("url")
    if options["article_drafts"] and isinstance(url, str) and \
            a_section_article(doc, glossaries) and learned.links_its_section(url):
        return HOUSE_DRAFT  # an article of a section whose articles its editors link (not
        # a page among a glossary's own, such as a list of drugs among the drug summaries)
    # Any other page of the site with fewer than 3 links was left plain by its editors (a
    # list of articles, a landing page, a video's page, a question-and-answer page, a
    # section they leave plain): on cancer.gov, pages as published, a hand check found no
    # link an editor would add there.
    return LEFT_PLAIN


def _on_topic(term: str, topic: AbstractSet[str]) -> bool:
    """Are the term's rarer words those of the page's title ("trigeminal nerve" on a page about
    trigeminal neuralgia, "carcinoid syndrome" on one about carcinoid tumors)? The page is
    about it: its reader has met the word already."""
    rare = {fold(w) for w in _WORD.findall(term) if rarity(w) < COMMON_ZIPF}
    return bool(rare) and rare <= topic


def _a_name(use: Use) -> bool:
    """Is the term written as a name, each long word in capitals, inside a sentence
    ("Ashkenazi Jewish", "Integrative Health")?"""
    long_words = [w for w in use.match.text.split() if len(w) >= 4]
    if len(long_words) < 2 or not all(w[:1].isupper() for w in long_words):
        return False
    before = use.block.text[max(0, use.match.start - 3):use.match.start].strip(" *_\"“(")
    return bool(before) and before[-1:] not in ".!?:"


_GENE_WORDS = re.compile(r"[\s-]+(?:family|genes?|oncogenes?|proteins?|mutations?|fusions?|"
                         r"receptors?|pathways?|variants?)\b", re.I)


def _another_sense(use: Use) -> bool:
    """Is an abbreviation used as a gene or protein's name ("the ETS family of oncogenes"),
    not the glossary's abbreviation of the same letters (ETS, environmental tobacco smoke)?"""
    text = use.match.text
    return is_acronym(text) and _GENE_WORDS.match(use.block.text, use.match.end) is not None


def on_site(doc: Document, site: str) -> bool:
    """Is the page one of that site's (its front matter's `url`)?"""
    url = doc.metadata.get("url")
    if not isinstance(url, str) or not site:
        return False
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return False
    return host is not None and host.lower() == site.lower()


_PERCENT = re.compile(r"\d%")


def table_like(text: str) -> bool:
    """Is the block a table or a list written out as a paragraph ("Hydrocephalus 7.5%
    Hypothyroidism 7.5% ...", "Bradycardia - Constipation - Dysphagia - ...")? Editors link
    no term in tables."""
    return len(_PERCENT.findall(text)) + text.count(" - ") >= 4


def everyday(term: str) -> bool:
    """Is the term made of words of the body and of daily life, and common words ("spleen",
    "red blood cells", "stomach ulcer", "social worker", "birth control")?"""
    words = _WORD.findall(term)
    return len(words) <= 3 and all(everyday_health(w) or rarity(w) >= COMMON_ZIPF
                                   for w in words)


def hard_for_readers(use: Use) -> bool:
    """Is the term one a lay reader may not know (readlint/hardness.py), as undefined-jargon
    judges it? Words of the body and of daily life ("spleen", "red blood cells", "surgery")
    are not."""
    term = use.match.text
    return not everyday(term) and hard_term(term, is_acronym(term), True, use.block.text,
                                            use.match.start)


COMMON_ZIPF = 4.3  # "white blood cells", "social worker", "birth control": everyday words
_WORD = re.compile(r"[^\W_]+")


def _begins_a_name(use: Use) -> bool:
    """Is the glossary's word an adjective that begins a name the glossaries do not have
    ("biliary atresia")? A link on the adjective would leave the noun unexplained and read as
    if it explained the whole name. undefined-jargon reports the whole name where the
    adjective is hard and left unexplained."""
    match = use.match
    return " " not in match.text and name_it_begins(
        use.block.text, match.start, match.end, use.match_index().starts) is not None


def _parts(term: str) -> set[str]:
    """The terms inside a term (folded, one space apart): each run of its whole words
    but the whole."""
    words = term.split(" ")
    return {" ".join(words[i:j]) for i in range(len(words))
            for j in range(i + 1, len(words) + 1)} - {term}


def term_key(match: Match) -> str:
    return fold_phrase(match.text)


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
        if entry in use.match.entries or _named_by_address(entry, use):
            return True
        if (use.link.start, use.link.end) != (use.match.start, use.match.end):
            return None  # a word inside a longer linked phrase: the link is for the phrase
        # Editors may pick a related entry ("supplements" to "dietary supplement"): only a
        # target unrelated in every way is surely wrong.
        return _related(entry, use, topic)
    return None


def _named_by_address(entry: Entry, use: Use) -> bool:
    """Does the entry the link goes to carry the linked words as its id, the name in its
    address ("[Aldesleukin](/about-cancer/treatment/drugs/aldesleukin)")? Then the link goes
    to the page about those very words, whatever other name the glossary gives it."""
    assert use.link is not None
    return fold_phrase(entry.id) == fold_phrase(use.block.text[use.link.start:use.link.end])


def _related(entry: Entry, use: Use, topic: AbstractSet[str]) -> bool:
    """Could the editor have meant this entry for the linked text? Editors often link a
    related entry, so only a target unrelated in every way below is called wrong:
    - the linked text is an abbreviation (it may stand for the entry's name: "mM");
    - one is a phrase inside the other ("CA 19-9" and "CA 19-9 assay");
    - they share a word, allowing other forms ("alcoholic" and "alcohol", "interferon" and
      "peginterferon", "recurred" and "recurrent", "penis" and "penile");
    - the entry's name stands right beside the link ("NTRK [gene fusion]");
    - the entry's name shares a word with the page's topic (on a stomach cancer page,
      "carcinoma in situ" linked to "stage 0 stomach cancer");
    - the entry's name is an abbreviation of the linked text ("National Cancer Institute" to
      "NCI", "interleukin-6" to "IL-6");
    - they share a letter written as a word ("T lymphocytes" and "T cell")."""
    assert use.link is not None
    text = use.block.text[use.link.start:use.link.end].strip()
    if is_acronym(text) or (len(text) <= 4 and any(c.isupper() for c in text)):
        return True
    letters = set(re.findall(r"\b[A-Z]\b", text))
    linked = fold_phrase(text)
    words = {fold(w) for w in re.findall(r"[^\W_]+", text) if len(w) >= 4}
    near = fold_phrase(use.block.text[max(0, use.link.start - 60):use.link.end + 60])
    for name in entry.names:
        folded = fold_phrase(name)
        if f" {linked} " in f" {folded} " or f" {folded} " in f" {linked} " or \
                f" {folded} " in f" {near} ":
            return True
        if abbreviates(name, text) or letters & set(re.findall(r"\b[A-Z]\b", name)):
            return True
        others = {fold(w) for w in re.findall(r"[^\W_]+", name) if len(w) >= 4}
        if others & topic:
            return True
        if any(a in b or b in a or a[:4] == b[:4] for a in words for b in others):
            return True
    return False


def _entry_to_link(doc: Document, use: Use, glossaries: Sequence[Glossary],
                   on_the_site: bool) -> Entry:
    """The entry a link on the term should go to: its first, or, on a page that stands among
    one glossary's own pages (its `url` is an address of that glossary: a list of drugs among
    NCI's drug summaries, whose names link to those summaries), that glossary's. Not in the
    prose of a drug's own page (one drug, with its "Use in Cancer" section): its editors
    link other drugs there to the dictionary (on the drug pages of ../shared/corpus-nci,
    2,896 links of their prose go to the dictionary, 48 to drug summaries), and only the
    drugs of a combination's table to their drug pages. On the site's other pages, not its
    PDQ summaries (laid out with "Key Points", or named so by their address or title, as a
    summary for health professionals or a copy that lost its layout is), a drug's name goes
    to the drug's summary, as its editors link it there (on the tuning pages of
    ../shared/corpus-nci, 1,627 such links of 1,681; in the summaries for patients, 197 of
    283 go to the dictionary, in those for professionals none to a drug's summary)."""
    entries = use.match.entries
    if len(entries) == 1:
        return entries[0]
    page = page_of(doc, glossaries)
    if use.block.kind == "table_cell" or not page.drug_page:
        home = _home_glossary(doc, glossaries)
        if home is None and on_the_site and not page.summary and not page.drug_page and \
                not pdq_summary(doc):
            home = DRUG_SUMMARIES
        for entry in entries:
            if entry.glossary == home:
                return entry
    return entries[0]


DRUG_SUMMARIES = "nci-drugs"  # the glossary of the site's drug summaries


def _home_glossary(doc: Document, glossaries: Sequence[Glossary]) -> str | None:
    """The name of the glossary whose addresses include the page's own `url`, if any (worked
    out once a page)."""
    found: str | None = doc.memo(("glossary the page stands among",
                                  tuple(g.name for g in glossaries)),
                                 lambda: glossary_at(doc, glossaries))
    return found


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
