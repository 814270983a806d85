"""The pieces a document's prose is made of: blocks of prose with their source map, the links
in them, images, comments and sections, and a block's spans (links, terms) looked up by
binary search. Plain values; nothing here reads or parses."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Generic, NamedTuple, Protocol, TypeVar


class Link(NamedTuple):
    """A link inside a prose block: its text span (block text offsets) and target."""

    start: int
    end: int
    href: str
    source_start: int
    source_end: int


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Span)


class Spans(Generic[_S]):
    """Spans of a text (a block's links, its glossary terms: anything with a start and an
    end), asked in a binary search whether one holds or overlaps a place, and which comes
    first: time linear in the text however many there are."""

    def __init__(self, spans: Sequence[_S]) -> None:
        self.spans = spans
        # in order, none over another (as a block's links and terms stand)
        self.in_order = all(a.end <= b.start
                            for a, b in zip(spans[:-1], spans[1:], strict=True))
        ordered = spans if self.in_order else sorted(spans, key=lambda s: (s.start, s.end))
        self.starts = [span.start for span in ordered]
        self.ends = list(accumulate((span.end for span in ordered), max))

    def holds(self, start: int, end: int) -> bool:
        """Does a span hold all of start..end?"""
        at = bisect.bisect_right(self.starts, start) - 1
        return at >= 0 and end <= self.ends[at]

    def touches(self, start: int, end: int) -> bool:
        """Does a span overlap start..end?"""
        at = bisect.bisect_left(self.starts, end) - 1
        return at >= 0 and self.ends[at] > start

    def first_over(self, start: int, end: int) -> _S | None:
        """The first span (in the order given) that overlaps start..end, or None."""
        if not self.in_order:
            return next((span for span in self.spans if span.start < end and start < span.end),
                        None)
        at = bisect.bisect_right(self.ends, start)
        return self.spans[at] if at < len(self.spans) and self.spans[at].start < end else None


class Image(NamedTuple):
    """An image: its alt text and source, with its span in the file. `alt` is None for an
    HTML image with no alt attribute at all; `decorative` when the page marks it as such
    (an HTML role of presentation or none, aria-hidden, or a Markdown title "decorative")."""

    alt: str | None
    src: str
    source_start: int
    source_end: int
    title: str = ""
    decorative: bool = False


class Html(NamedTuple):
    """A piece of HTML written in the Markdown (a block, or a tag inside a paragraph)."""

    text: str
    source_start: int


class HeadingMark(NamedTuple):
    """Where a heading is, its level, and whether it has any text at all."""

    level: int
    source_start: int
    source_end: int
    empty: bool


class Table(NamedTuple):
    """A Markdown table: its span, and whether its header row has any text."""

    source_start: int
    source_end: int
    header_empty: bool


class Comment(NamedTuple):
    """An HTML comment with its span in the file (used for inline directives)."""

    text: str
    source_start: int
    source_end: int


@dataclass
class Block:
    """One unit of prose: a heading, a paragraph, a list item, a quote or a table cell.

    `runs` holds (text_offset, source_offset, length) triples in text order: the block's
    text[t:t+n] stands at source[s:s+n]. Characters between runs (spaces standing for line
    breaks) map to the source offset of the run before them plus their distance from it.
    """

    kind: str
    text: str
    runs: list[tuple[int, int, int]]
    level: int = 0
    section: int = -1
    links: list[Link] = field(default_factory=list)
    # For a cell in a table's body: the text of its column's heading ("" when none).
    column_heading: str = ""

    def source_offset(self, index: int) -> int:
        """Map an offset in this block's text to an offset in the file."""
        if not self.runs:
            return 0
        i = bisect.bisect_right(self.runs, (index, float("inf"), 0)) - 1
        if i < 0:
            i = 0
        text_start, source_start, length = self.runs[i]
        if index < text_start + length:
            return source_start + (index - text_start)
        # In a gap (a line break turned into a space): point just after the run.
        return source_start + length

    @property
    def source_start(self) -> int:
        return self.source_offset(0)

    def text_offset(self, source: int) -> int | None:
        """The offset in this block's text of a file offset, or None when it is not prose
        of this block."""
        for text_start, source_start, length in self.runs:
            if source_start <= source < source_start + length:
                return text_start + source - source_start
        return None


class Section(NamedTuple):
    """A heading and the blocks under it, up to the next heading of its level or above."""

    heading: Block | None
    level: int
    blocks: tuple[int, ...]


def sections(blocks: Sequence[Block], level: int) -> list[Section]:
    """The blocks grouped under their headings of `level` or above."""
    found: list[Section] = []
    heading: Block | None = None
    members: list[int] = []
    for i, block in enumerate(blocks):
        if block.kind == "heading" and block.level <= level:
            if heading is not None or members:
                found.append(Section(heading, heading.level if heading else 0, tuple(members)))
            heading, members = block, [i]
        else:
            members.append(i)
    if heading is not None or members:
        found.append(Section(heading, heading.level if heading else 0, tuple(members)))
    return found

