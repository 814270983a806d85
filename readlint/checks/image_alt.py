from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..patterns import lazy_re
from ..problem import Problem, Severity
from ..rule import ACCESSIBILITY, Example, Rule

# Alt text that says nothing about the picture: what screen readers already announce.
PLACEHOLDERS = frozenset("""image picture photo photograph graphic img figure icon logo chart
diagram illustration screenshot pic placeholder alt untitled""".split())
_FILE_NAME = lazy_re(r"[\w.~/-]*\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|avif)", re.I)
_CAMERA_NAME = lazy_re(r"(?:img|dsc|dscn|pxl|image|photo)[_-]?\d+", re.I)


class ImageAlt(Rule):
    """An image has no useful alt text.

    Why: people who use screen readers hear the alt text instead of seeing the image; people
    on slow connections see it when the image does not load. An image with no alt text is
    silent or read out by its file name; alt text such as "image" or "photo" says nothing
    the reader does not already hear.

    What it finds, in Markdown images and HTML <img> tags: no alt text at all, or empty alt
    text, on an image not marked as decorative; alt text that is a file name ("IMG_2041.jpg")
    or only a word like "image", "photo" or "picture"; alt text that repeats the caption
    written under the image word for word; and alt text longer than `max_length` characters.

    A decorative image (a divider, a background pattern) needs empty alt text and a mark that
    it is decorative: in HTML, role="presentation", role="none" or aria-hidden="true"; in
    Markdown, the title "decorative": ![](divider.png "decorative").

    How to fix: say what the image shows that matters to the reader, in a short sentence
    ("A nurse checks a port placed under the skin of the chest"). Put long explanations in
    the text or the caption.

    Options:
      max_length: the longest alt text, in characters (default 300: two or three short
        sentences, enough for a labelled drawing; screen readers read alt text in one go,
        and longer descriptions belong in the text or the caption).
    """

    name = "image-alt"
    code = "RL301"
    default_severity = Severity.WARNING
    summary = "An image has no useful alt text."
    tags = frozenset({ACCESSIBILITY})
    example = Example("![](images/port.png)\n\nA port is placed under the skin.\n",
                      "![A nurse checks a port placed under the skin of the chest]"
                      "(images/port.png)\n\nA port is placed under the skin.\n")
    options = {
        "max_length": {"type": "integer", "minimum": 10, "default": 300,
                       "description": "The longest alt text, in characters."},
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        for image in doc.images:
            alt = image.alt
            start, end = image.source_start, image.source_end
            if alt is None:
                if not image.decorative:
                    yield self.problem(doc, start, end, "This image has no alt text: add an "
                                       "alt attribute that says what it shows (or alt=\"\" "
                                       "with role=\"presentation\" if it is only decoration).")
                continue
            text = " ".join(alt.split())
            if not text:
                if not image.decorative:
                    yield self.problem(doc, start, end, "This image has empty alt text: say "
                                       "what it shows, or mark it as decorative.")
                continue
            words = text.lower().strip(" .:").split()
            if _FILE_NAME.fullmatch(text) or _CAMERA_NAME.fullmatch(text):
                yield self.problem(doc, start, end, f"The alt text \"{text}\" is a file name: "
                                   "say what the image shows instead.")
            elif words and all(w in PLACEHOLDERS or w in ("a", "an", "the", "of") for w in words):
                yield self.problem(doc, start, end, f"The alt text \"{text}\" says nothing about "
                                   "the image: say what it shows.")
            elif _repeats_caption(doc, image.source_end, text):
                yield self.problem(doc, start, end, "The alt text repeats the caption: a screen "
                                   "reader reads it twice. Say what the image shows instead, or "
                                   "shorten the alt text.")
            elif len(text) > options["max_length"]:
                caption = _caption(doc, image.source_end)
                if caption is not None and _shared(text, caption) >= 0.5:
                    yield self.problem(doc, start, end, f"The alt text has {len(text)} "
                                       "characters, and the caption below says much of it "
                                       "again: keep the alt text to what the caption does not "
                                       f"say, under {options['max_length']} characters.")
                else:
                    yield self.problem(doc, start, end, f"The alt text has {len(text)} "
                                       f"characters; keep it under {options['max_length']} and "
                                       "put the rest in the text or the caption.")


def _caption(doc: Document, after: int) -> str | None:
    """The first prose after the image, on its line or the next lines: its caption."""
    for block in doc.blocks:
        start = block.source_start
        if start >= after:
            return " ".join(block.text.split()) if start - after < 200 else None
    return None


def _repeats_caption(doc: Document, after: int, alt: str) -> bool:
    """Is the first prose after the image (on its line or the next lines) the alt text?"""
    caption = _caption(doc, after)
    return caption is not None and caption.strip(" *_.").lower() == alt.strip(" .").lower()


def _shared(alt: str, caption: str) -> float:
    """The share of the alt text's words (of four letters or more) that the caption uses."""
    words = [w for w in re.findall(r"[^\W\d_]{4,}", alt.lower())]
    said = set(re.findall(r"[^\W\d_]{4,}", caption.lower()))
    return sum(w in said for w in words) / len(words) if words else 0.0
