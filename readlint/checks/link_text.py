from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from ..document import Document
from ..problem import Problem, Severity
from ..rule import ACCESSIBILITY, Example, Rule

# Link text that says nothing about where the link goes, read out of context.
GENERIC = frozenset("""click here|here|click|read more|more|this link|link|learn more|this|
this page|page|go|go here|more info|more information|info|details|continue|continue reading|
see more|find out more|click this link|this website|website|click here to learn more|
click here for more information|read this|see here""".replace("\n", "").split("|"))
FILE_TYPES = {"pdf": "PDF", "doc": "Word", "docx": "Word", "xls": "Excel", "xlsx": "Excel",
              "ppt": "PowerPoint", "pptx": "PowerPoint", "zip": "ZIP", "mp3": "audio",
              "mp4": "video", "csv": "CSV", "rtf": "RTF", "epub": "EPUB"}
_SAYS_FILE = re.compile(r"\b(?:pdf|word|excel|powerpoint|zip|audio|video|csv|rtf|epub|"
                        r"download|\d+(?:\.\d+)?\s*[kKmM][bB])\b", re.I)
# "Available at: https://..." in a citation: the address is part of the reference.
_CITATION = re.compile(r"(?:available (?:at|from)|accessed|retrieved from|url)\s*:?\s*$", re.I)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]", re.I)


class LinkText(Rule):
    """A link's text does not say where it goes.

    Why: people who use screen readers often jump from link to link, hearing only each
    link's text; "click here" or "read more" then says nothing. A web address read aloud is
    a long string of letters. The same text leading to two different pages is confusing, and
    a link that opens a PDF or another file should say so before it is followed.

    What it finds:
    - link text that is only "click here", "here", "read more", "more", "this link", "learn
      more" and the like (a longer text that contains such words, such as "Find a clinical
      trial near you here", is fine);
    - a web address as the visible text of a link, or written out in the prose;
    - the same link text pointing to different places in one document (said once per text;
      lists of references, where each "PubMed abstract" link has its own target and the
      reference around it tells them apart, are left out: `skip_sections`);
    - a link to a PDF, Word, Excel or other file whose text (or the words just after it)
      does not say what kind of file it is.

    How to fix: make the link text say where it goes ("Find a clinical trial"); name the
    file type and size ("Treatment guide (PDF, 2 MB)").
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
            "default": ["references", "sources", "citations", "bibliography", "related links"],
            "description": "Sections where one link text may lead to many places (a list of "
                           "references, each with its own \"PubMed abstract\" link)."},
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        seen: dict[str, tuple[str, int]] = {}  # link text -> (target, line)
        told: set[str] = set()  # texts already reported as leading to two places
        lists = doc.blocks_under(options["skip_sections"])
        for index, block in enumerate(doc.blocks):
            text = block.text
            for link in block.links:
                shown = " ".join(text[link.start:link.end].split())
                if not shown:  # a web address as the text: left out of the prose
                    written = doc.source[link.source_start:link.source_end]
                    shown = written[1:written.find("](")] if written.startswith("[") and \
                        "](" in written else ""
                key = shown.lower().strip(" .:!?»›→>*_\"'")
                start, end = link.source_start, link.source_end
                if key in GENERIC:
                    yield self.problem(doc, start, end, f"The link text \"{shown}\" does not "
                                       "say where the link goes: use words that do, such as "
                                       "the page's name.", subject=shown)
                    continue
                if _URL.fullmatch(shown) and not _CITATION.search(text[:link.start]):
                    yield self.problem(doc, start, end, "A web address is the link's text: "
                                       "screen readers read it letter by letter. Use the "
                                       "page's name as the text.", subject=shown)
                    continue
                kind = _file_type(link.href)
                if kind and not _SAYS_FILE.search(shown + " " + text[link.end:link.end + 40]):
                    yield self.problem(doc, start, end, f"This link opens a {kind} file: say so "
                                       f"in its text, for example \"{shown} ({kind})\".",
                                       subject=shown)
                exact = " ".join(shown.split())  # as written: "Side Effects" (the page) is
                # not "side effects" (the dictionary entry) to a reader
                if not key or block.kind == "heading" or index in lists or \
                        link.href.startswith("#") or key.strip("[]()").isdigit():
                    continue  # footnote marks ("[12]") and links within the page
                target = _normal(link.href)
                line = doc.position(start)[0]
                if exact in seen and seen[exact][0] != target and exact not in told:
                    told.add(exact)  # once per text: the writer fixes them all at once
                    yield self.problem(doc, start, end, f"The link text \"{shown}\" also "
                                       f"leads somewhere else (line {seen[exact][1]}): give "
                                       "each link a text that says where it goes.",
                                       subject=shown)
                seen.setdefault(exact, (target, line))
            if not text.strip():
                continue
            # Web addresses written out are left out of the prose: look for them in the file.
            start = block.source_start
            end = block.source_offset(len(text) - 1) + 1
            links = [(lk.source_start, lk.source_end) for lk in block.links]
            for m in _URL.finditer(doc.source, start, end):
                if any(s <= m.start() < e for s, e in links) or \
                        doc.source[max(0, m.start() - 2):m.start()] == "](":
                    continue
                yield self.problem(doc, m.start(), m.end(),
                                   "A web address written out is read letter by letter: "
                                   "make it a link with words that say where it goes.",
                                   subject=m.group())


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
