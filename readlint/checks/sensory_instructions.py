from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..patterns import lazy_re
from ..problem import Problem, Severity
from ..rule import ACCESSIBILITY, Example, Rule
from ..wordforms import case_folded

_COLOURS = r"(?:red|green|blue|yellow|orange|purple|pink|grey|gray|black|white|brown)"
_SHAPES = r"(?:round|square|circular|triangular|star-shaped|big|large|small)"
_THINGS = r"(?:button|link|icon|box|tab|arrow|circle|square|text|words?|banner|bar|sign)"
_PLACES = r"(?:right|left|top|bottom|right-hand side|left-hand side)"
_VERBS = r"(?:are|is|must|can|will|should|may|mean|means|need|needs|have|has|were|was|and|or)"
_PATTERN = lazy_re(
    rf"\b(?:click|press|tap|select|choose|see|use|look for|find)\s+(?:on\s+)?the\s+"
    rf"(?:{_COLOURS}|{_SHAPES})\s+{_THINGS}\b"
    rf"|\b(?:in|see|on|at)\s+the\s+(?:box|panel|column|sidebar|menu|picture|image|chart|"
    rf"table|list|section|text)\s+(?:on|to|at)\s+the\s+{_PLACES}\b"
    rf"|\bthe\s+{_THINGS}\s+(?:on|to|at)\s+the\s+{_PLACES}\b"
    r"|\bas\s+shown\s+(?:below|above|on\s+the\s+(?:right|left))\b"
    # "marked in red." or "marked in red must be filled in", but not "in red blood cells",
    # "in Black women" or "(shown in blue)", which describes a picture
    rf"|(?<!\()\b(?:marked|highlighted|printed|written|shown|colou?red)\s+in\s+{_COLOURS}\b"
    rf"(?!\s+(?!{_VERBS}\b)[a-z])")


# A word every instruction _PATTERN finds holds: a colour, a shape, a place or "shown".
# (Both are searched in the text in lower case, `case_folded`, where they find what they
# would find in the text ignoring case, at the same places.)
_NEEDED = lazy_re(rf"\b(?:{_COLOURS}|{_SHAPES}|{_PLACES}|shown)\b")
# "as shown below:" followed by what it shows, read next by every reader; a colour named in
# brackets, which describes a picture.
_INTRODUCES = lazy_re(r"\s*[:)]")


class SensoryInstructions(Rule):
    """An instruction relies on colour, shape or position alone.

    Why: readers who are blind or colour-blind, or who read the page on a phone where the
    layout changes, cannot find "the green button" or "the box on the right". Instructions
    must name what to look for.

    What it finds: "click the green button", "see the box on the right", "the link on the
    left", "as shown below", "marked in red", and the like. A picture's caption, which says
    what the picture shows, and "as shown below:" that introduces the text after it are
    left alone.

    How to fix: name the thing itself ("select Find a Trial"), and if colour or place helps,
    add it to the name rather than replacing it ("the green Find a Trial button").
    """

    name = "sensory-instructions"
    code = "RL305"
    default_severity = Severity.WARNING
    summary = "An instruction relies on colour, shape or position alone."
    tags = frozenset({ACCESSIBILITY})
    example = Example("To make an appointment, click the green button.\n",
                      "To make an appointment, select Make an appointment.\n")

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        captions = doc.captions
        for index, block in enumerate(doc.blocks):
            if index in captions:
                continue  # a caption says what its picture shows: colours and places in it
            folded = case_folded(block.text)
            if not _NEEDED.search(folded):
                continue
            for m in _PATTERN.finditer(folded):
                if _INTRODUCES.match(block.text, m.end()):
                    continue  # "as shown below:" introduces the text that follows, and
                    # "(the fluid, shown in blue)" says what a picture shows
                written = block.text[m.start():m.end()]
                yield self.problem(doc, block.source_offset(m.start()),
                                   block.source_offset(m.end() - 1) + 1,
                                   f"\"{written}\" relies on colour, shape or position, which "
                                   "not every reader can see: name what to look for.",
                                   subject=written)
