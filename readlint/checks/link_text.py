from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from ..blocks import Block, Link
from ..document import Document
from ..patterns import lazy_re
from ..problem import Problem, Severity
from ..rule import ACCESSIBILITY, Example, Rule

# Link text that says nothing about where the link goes, read out of context. Compared after
# _key: small letters, one space between words, "click-here!!" as "click here".
GENERIC = frozenset("""click here|here|click|read more|more|this link|link|learn more|this|
this page|page|go|go here|more info|more information|info|details|continue|continue reading|
see more|find out more|click this link|this website|website|click here to learn more|
click here for more information|read this|see here|link here|here is the link|this site|
visit|visit this page|view|view more|see|source|url|web site|this web site|
click here to read more|read more here|learn more here|more here|
get more information""".replace("\n", "").split("|"))
FILE_TYPES = {"pdf": "PDF", "doc": "Word", "docx": "Word", "xls": "Excel", "xlsx": "Excel",
              "ppt": "PowerPoint", "pptx": "PowerPoint", "zip": "ZIP", "mp3": "audio",
              "mp4": "video", "csv": "CSV", "rtf": "RTF", "epub": "EPUB"}
IMAGE_TYPES = frozenset("png jpg jpeg gif svg webp bmp tif tiff avif".split())
_SAYS_FILE = lazy_re(r"\b(?:pdf|word|excel|powerpoint|zip|audio|video|csv|rtf|epub|"
                     r"download|\d+(?:\.\d+)?\s*[kKmM][bB])\b", re.I)
# What comes just before an address that is part of a reference: "Available at:",
# "Retrieved August 2, 2024, from", "URL:", "doi:". Only the last few words before the
# address are read, so a paragraph of many addresses is read once.
_CITATION = lazy_re(r"(?:available(?: online)? (?:at|from)(?: url)?|accessed(?: on)?|"
                    r"retrieved(?: [\w ,]{1,40})? from|url|doi|\[internet\]|"
                    r"cited [^\]]{1,40}\]|as described at|"
                    r"(?:reprinted|adapted|reproduced|obtained|used)(?: with permission)? "
                    r"from\b[^.;]{0,90})\s*:?\s*$", re.I)
# Addresses that are a reference whatever the words around them: a DOI, a licence.
_CITED_ADDRESS = lazy_re(r"doi\.org/|creativecommons\.org/", re.I)
_CITATION_AFTER = lazy_re(r"[\s.,;)]*(?:\(?(?:last )?accessed|\[cited|\(cited)", re.I)
# A contact block: the address comes with a label ("Website:", "Internet:") or right after a
# telephone number or an e-mail address ("1-800-272-3900 or www.alz.org").
_CONTACT_LABEL = lazy_re(r"(?:web ?site|web|internet|online|home ?page|on the web|e-?mail)"
                         r"\s*(?:address)?\s*:\s*$", re.I)
_CONTACT_BEFORE = lazy_re(r"(?:\b1-8\d\d-[\dA-Z-]{7,}|\(?\b\d{3}\)?[-.\s]\d{3}[-.\s]?\d{4}\b|"
                          r"\b\d{10}\b|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)[^.!?]{0,60}$", re.I)
_URL = lazy_re(r"(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]", re.I)
# Links to a dictionary entry: the term is the link's text, so it names where it goes.
_DICTIONARY = lazy_re(r"popDefinition|/dictionar(?:y|ies)/|/glossary|/def/|/definitions?/",
                      re.I)
_SEPARATOR = lazy_re(r"(?<=[^\W_])[-_.](?=[^\W_])")
_WORDS = lazy_re(r"[^\W_]+")


class LinkText(Rule):
    """A link's text does not say where it goes.

    Why: people who use screen readers often jump from link to link, hearing only each
    link's text; "click here" or "read more" then says nothing. A web address read aloud is
    a long string of letters. Two links with the same text that lead to different pages
    cannot be told apart in a list of links, and a link that opens a PDF or another file
    should say so before it is followed.

    What it finds:
    - link text that is only "click here", "here", "read more", "more", "this link", "learn
      more" and the like (a longer text that contains such words, such as "Find a clinical
      trial near you here", is fine);
    - a link with no text at all ("[](https://...)"): screen readers read its address, or
      nothing (a linked image is named by its alt text, which image-alt checks);
    - a web address as the visible text of a link, or written out in the prose. Addresses in
      references ("Available at: ...", a list of references) and in contact details
      ("Website: ...", after a telephone number or an e-mail address) are left alone: there
      the address itself is what the reader needs;
    - the same link text leading to different pages (said once per text, with the link to
      rename). Links whose text names what they lead to are left out: a term linked to its
      dictionary entry, a heading linked to its section of the page, an "Enlarge" link to a
      picture, and lists of references, where each "PubMed abstract" link has its own target
      and the reference around it tells them apart (`skip_sections`);
    - a link to a PDF, Word, Excel or other file whose text (or the words just after it)
      does not say what kind of file it is.

    How to fix: make the link text say where it goes ("Find a clinical trial"); name the
    file type and size ("Treatment guide (PDF, 2 MB)").

    Options:
      skip_sections: headings (glob patterns) of sections where one text may lead to many
        places, and where addresses are part of references.
    """

    name = "link-text"
    code = "RL302"
    default_severity = Severity.WARNING
    summary = "A link's text does not say where it goes."
    tags = frozenset({ACCESSIBILITY})
    example = Example("To learn about clinical trials, [click here](https://www.cancer.gov/"
                      "research/participate/clinical-trials).\n",
                      "Learn [how clinical trials work](https://www.cancer.gov/research/"
                      "participate/clinical-trials).\n")

    options = {
        "skip_sections": {
            "type": "array", "items": {"type": "string"},
            "default": ["references", "* references", "references *", "* references *", "sources",
                        "citations", "bibliography", "related links"],
            "description": "Sections where one link text may lead to many places (a list of "
                           "references, each with its own \"PubMed abstract\" link)."},
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        page = _Page(doc, options["skip_sections"])
        for index, block in enumerate(doc.blocks):
            for link in block.links:
                yield from self._link(doc, page, index, block, link)
            if block.text.strip() and index not in page.references:
                yield from self._addresses_written(doc, block, page.tags)

    def _link(self, doc: Document, page: _Page, index: int, block: Block,
              link: Link) -> Iterator[Problem]:
        """What is wrong with one link's text, if anything."""
        text = block.text
        shown = _shown(doc, text, link)
        key = _key(shown)
        start, end = link.source_start, link.source_end
        if not shown.strip():
            if not any(start <= image.source_start < end for image in doc.images):
                yield self.problem(doc, start, end, "This link has no text: screen readers "
                                   "read its address, or nothing. Give it words that say where "
                                   "it goes, such as the page's name.", subject="(no text)")
            return  # a linked image is named by its alt text (image-alt)
        if key in GENERIC:
            yield self.problem(doc, start, end, f"The link text \"{shown}\" does not say where "
                               "the link goes: use words that do, such as the page's name.",
                               subject=shown)
            return
        if _URL.fullmatch(shown.strip("<>")):
            if index not in page.references and not _cites(text, link.start, link.end, shown) \
                    and not _aside(text, link.start, link.end, shown):
                yield self.problem(doc, start, end, "A web address is the link's text: screen "
                                   "readers read it letter by letter. Use the page's name as "
                                   "the text.", subject=shown)
            return
        kind = _file_type(link.href)
        if kind and not _SAYS_FILE.search(shown + " " + text[link.end:link.end + 40]):
            yield self.problem(doc, start, end, f"This link opens {_a(kind)} {kind} file: say so "
                               f"in its text, for example \"{shown} ({kind})\".", subject=shown)
        if not key or block.kind == "heading" or index in page.lists or \
                _names_its_target(link.href, page.url) or key.strip("[]()").isdigit():
            return  # footnote marks ("[12]"), links within the page, terms
        yield from self._other_place(doc, page, link, shown)

    def _other_place(self, doc: Document, page: _Page, link: Link,
                     shown: str) -> Iterator[Problem]:
        """The link's text is the text of an earlier link to another place."""
        exact = " ".join(shown.split())  # as written: "Side Effects" (the page) is not "side
        # effects" (the dictionary entry) to a reader
        target = _normal(link.href)
        first = page.seen.get(exact)
        if first is not None and first.target != target and exact not in page.told:
            page.told.add(exact)  # once per text: the writer fixes them all at once
            yield self.problem(doc, link.source_start, link.source_end,
                               _twice(exact, first, target), subject=shown)
        page.seen.setdefault(exact, _Seen(target, doc.position(link.source_start)[0]))

    def _addresses_written(self, doc: Document, block: Block,
                           tags: list[tuple[int, int]]) -> Iterator[Problem]:
        """Web addresses written out in a block, not as links. They are left out of the
        prose: look for them in the file."""
        start = block.source_start
        end = block.source_offset(len(block.text) - 1) + 1
        links = [(lk.source_start, lk.source_end) for lk in block.links]
        # (an address inside an HTML tag is markup: <a href="...">, <img src="...">)
        links.extend(tags[bisect.bisect_left(tags, (start,)):bisect.bisect_left(tags, (end,))])
        for m in _URL.finditer(doc.source, start, end):
            if any(s <= m.start() < e for s, e in links) or \
                    doc.source[max(0, m.start() - 2):m.start()] == "](" or \
                    _cites(doc.source, m.start(), m.end(), m.group()) or \
                    _aside(doc.source, m.start(), m.end(), m.group()) or \
                    _contact(doc.source, m.start(), max(start, m.start() - 120)):
                continue
            yield self.problem(doc, m.start(), m.end(),
                               "A web address written out is read letter by letter: make it "
                               "a link with words that say where it goes.", subject=m.group())


class _Page:
    """What the rule knows of a page as it reads its links in order."""

    def __init__(self, doc: Document, skip_sections: list[str]) -> None:
        self.tags = sorted((tag.source_start, tag.source_start + len(tag.text))
                           for tag in doc.html)  # where the page's HTML tags stand
        self.seen: dict[str, _Seen] = {}  # link text as written -> the first link with it
        self.told: set[str] = set()  # texts already reported as leading to two places
        self.lists = doc.blocks_under(skip_sections)
        self.references = doc.blocks_under([p for p in skip_sections
                                            if "link" not in p.lower()])
        url = doc.metadata.get("url")
        self.url = _normal(str(url)) if url else None


def _shown(doc: Document, text: str, link: Link) -> str:
    """A link's text as a reader sees it; a web address as the text (left out of the prose)
    read from the file."""
    shown = " ".join(text[link.start:link.end].split())
    if not shown:
        written = doc.source[link.source_start:link.source_end]
        if written.startswith("["):
            shown = written[1:written.find("](")] if "](" in written else ""
        elif written.startswith("<"):  # an HTML link: <a href="...">text</a>
            from ..markup import A_TAG  # (the parser's, loaded only when a page is parsed)

            opening = A_TAG.match(written)
            shown = " ".join(written[opening.end():written.rfind("<")].split()) \
                if opening else ""
    return shown


class _Seen(NamedTuple):
    target: str
    line: int


def _key(shown: str) -> str:
    """Link text as compared with GENERIC: small letters, "click-here" and "click_here" as
    "click here", one space between words, without the marks around it."""
    key = _SEPARATOR.sub(" ", shown.lower())
    return " ".join(key.split()).strip(" .,:;!?»›→>*_~\"'")


def _cites(text: str, start: int, end: int, address: str) -> bool:
    """Is the address at text[start:end] part of a reference ("Available at: ...",
    "... Accessed May 2, 2024", a DOI)?"""
    if _CITED_ADDRESS.search(address):
        return True
    before = text[max(0, start - 100):start].rstrip("(<[ ")
    return _CITATION.search(before) is not None or \
        _CITATION_AFTER.match(text, end, end + 30) is not None


def _aside(text: str, start: int, end: int, address: str) -> bool:
    """Is the address a site's name in brackets after the name of its owner ("the National
    Association for Holistic Aromatherapy (www.naha.org)")? Then the text says whose site it
    is, and the short address is given for readers to note down."""
    if urlsplit(address if "://" in address else "//" + address).path.strip("/"):
        return False  # a page of the site, not the site
    return text[max(0, start - 3):start].rstrip("[< ").endswith("(") and \
        text[end:end + 3].lstrip("]> ").startswith(")")


def _contact(source: str, start: int, limit: int) -> bool:
    """Is the address at `start` a line of contact details: after a label such as "Website:",
    or after a telephone number or an e-mail address in the same sentence?"""
    before = source[limit:start].rstrip("(<[ -–")
    return _CONTACT_LABEL.search(before[-30:]) is not None or \
        _CONTACT_BEFORE.search(before) is not None


def _names_its_target(href: str, page: str | None) -> bool:
    """Does a link's text name where it goes, whatever the text: a heading linked to its
    section of the page (a table of contents), a term to its dictionary entry, or "Enlarge"
    to the picture beside it?"""
    if href.startswith("#") or _DICTIONARY.search(href):
        return True
    parts = urlsplit(href.strip())
    if parts.fragment and page is not None and _normal(href) == page:
        return True  # the page's own address with a place in it
    path = parts.path.lower()
    return "." in path.rsplit("/", 1)[-1] and path.rsplit(".", 1)[-1] in IMAGE_TYPES


def _twice(text: str, first: _Seen, target: str) -> str:
    """What to say about a text that leads to two places: which link to rename. When the
    text names one target and not the other ("Doxorubicin Hydrochloride" leading to
    doxorubicinhydrochloride and to dexrazoxanehydrochloride), the other link is the one to
    fix; otherwise the later one."""
    this, other = _names(text, target), _names(text, first.target)
    here, there = _short(target), _short(first.target)
    if other and not this:
        return (f"The link text \"{text}\" leads to {there} on line {first.line}, but here to "
                f"{here}, which it does not name: fix this link's text or its address.")
    if this and not other:
        return (f"The link text \"{text}\" leads here to {here}, but on line {first.line} to "
                f"{there}, which it does not name: fix the link on line {first.line}.")
    return (f"The link text \"{text}\" leads here to {here} and on line {first.line} to "
            f"{there}: rename this link so its text says how its page differs.")


def _short(target: str, width: int = 60) -> str:
    return target if len(target) <= width else target[: width - 1] + "…"


def _names(text: str, target: str) -> bool:
    """Are all the words of a link's text in its target's address?"""
    address = "".join(_WORDS.findall(target.lower()))
    words = _WORDS.findall(text.lower())
    return bool(words) and all(w in address for w in words)


def _file_type(href: str) -> str | None:
    path = urlsplit(href).path.lower()
    ending = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return FILE_TYPES.get(ending)


def _normal(href: str) -> str:
    """A link target as compared: its path and query, without the scheme, the host (a link
    to "https://www.cancer.gov/x" and one to "/x" on a cancer.gov page are the same), the
    trailing slash or the place in the page."""
    parts = urlsplit(href.strip())
    path = parts.path.rstrip("/") or "/"
    return path + (f"?{parts.query}" if parts.query else "")


def _a(kind: str) -> str:
    """"a" or "an" before the name of a kind of file, as it is said: "an audio file", "an RTF
    file", "a PDF file"."""
    return "an" if kind in _SAID_WITH_AN else "a"


_SAID_WITH_AN = frozenset(("Excel", "audio", "RTF", "EPUB"))
