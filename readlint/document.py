"""A document: its front matter, its Markdown, and its prose with exact source positions.

Prose is what a reader reads: paragraphs, list items, headings, block quotes, table cells and
link text. Code spans and blocks, HTML (comments included), URLs (in links or written out),
image alt text and front matter are not prose. Each prose block keeps a table of runs that
maps every character of its text back to a character offset in the original file, so any
rule can report an exact line and column.

Reading the file is source.py's job, parsing the Markdown markup.py's; a Document holds the
result and the views rules share (sentences, counts, sections), each computed once.
"""

from __future__ import annotations

import bisect
import fnmatch
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from .blocks import Block, Comment, HeadingMark, Html, Image, Link, Section, Table, sections
from .patterns import lazy_re
from .prose import Sentence, Word, split_blocks
from .readability import TextStats
from .source import DEFAULT_MAX_FILE_SIZE, front_matter, normalize_newlines, read_text

__all__ = ["Block", "Comment", "Document", "Image", "Link", "Section", "load", "parse"]


_VIDEO_CAPTION = lazy_re(r"\b(?:[Tt]his|[Ii]n this|[Tt]he following|[Ww]atch (?:this|the)) "
                         r"video\b")


# A line under an empty heading is read as its text up to this many words.
_HEADING_LINE_WORDS = 15


class Document:
    """A parsed document. Expensive views (sentences, stats) are computed once, on first use."""

    def __init__(self, path: str, source: str, metadata: dict[str, Any], body_start: int,
                 front_matter_lines: dict[str, int] | None = None,
                 front_matter_repeats: dict[str, tuple[int, ...]] | None = None) -> None:
        self.path = path
        self.source = source
        self.metadata = metadata
        self.body_start = body_start
        # the line of each front-matter key (of the last, when a key is written twice: its
        # value is the one that counts), and the lines of each key written more than once
        self.front_matter_lines = front_matter_lines or {}
        self.front_matter_repeats = front_matter_repeats or {}
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        # (imported here: a run whose results all come from the cache never loads the parser)
        from .markup import parse_markdown

        markup = parse_markdown(source, body_start, self._line_starts)
        self.blocks: list[Block] = markup.blocks
        self.images: list[Image] = markup.images
        self.comments: list[Comment] = markup.comments
        self.headings: list[Block] = markup.headings
        self.html: list[Html] = markup.html
        self.heading_marks: list[HeadingMark] = markup.heading_marks
        self.tables: list[Table] = markup.tables
        self.too_deep = markup.too_deep
        self._memo: dict[Any, Any] = {}

    # -- positions -------------------------------------------------------------------------

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original file for a character offset."""
        offset = max(0, min(offset, len(self.source)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_start(self, line: int) -> int:
        """Character offset of the start of a 1-based line."""
        return self._line_starts[max(0, min(line - 1, len(self._line_starts) - 1))]

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """Work on this document that several rules need, done once: `compute()` the first
        time `key` is asked for, the same value after."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    # -- metadata --------------------------------------------------------------------------

    @property
    def audience(self) -> str | None:
        value = self.metadata.get("audienceLevel")
        return value.strip() if isinstance(value, str) and value.strip() else None

    # -- shared views, computed once -------------------------------------------------------

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_blocks(self.blocks)

    @cached_property
    def _first_sentences(self) -> list[int]:
        """The place in `sentences` of each block's first sentence, then their number."""
        firsts = [0] * (len(self.blocks) + 1)
        for sentence in self.sentences:
            firsts[sentence.block_index + 1] += 1
        for i in range(len(self.blocks)):
            firsts[i + 1] += firsts[i]
        return firsts

    def block_sentences(self, index: int) -> list[Sentence]:
        """The sentences of the block at `index`."""
        firsts = self._first_sentences
        return self.sentences[firsts[index]:firsts[index + 1]]

    def block_sentences_start(self, index: int) -> int:
        """The place in `sentences` of the first sentence of the block at `index` (or where
        it would stand, when the block has none)."""
        return self._first_sentences[index]

    def block_words(self, index: int) -> Iterator[Word]:
        """The words of the block at `index` (offsets into its text), from its sentences."""
        for sentence in self.block_sentences(index):
            yield from sentence.words

    @cached_property
    def word_counts(self) -> dict[str, int]:
        """How often the page uses each word, as it is written, in the order of first use:
        what is worked out for each different word of the page is worked out once."""
        counts: dict[str, int] = {}
        get = counts.get
        for sentence in self.sentences:
            for word in sentence.words:
                text = word[0]
                counts[text] = get(text, 0) + 1
        return counts

    @cached_property
    def sentence_stats(self) -> list[TextStats]:
        """Readability counts of each sentence, in the order of `sentences`: each word is
        counted once, for every sum of sentences a rule asks for."""
        count = TextStats.from_sentences
        return [count((sentence,)) for sentence in self.sentences]

    @cached_property
    def block_stats(self) -> list[TextStats]:
        """Readability counts of each block (sections and the whole add these up)."""
        firsts, each = self._first_sentences, self.sentence_stats
        return [TextStats.total(each[firsts[i]:firsts[i + 1]]) for i in range(len(self.blocks))]

    @cached_property
    def stats(self) -> TextStats:
        return self.stats_of(range(len(self.blocks)))

    def stats_of(self, block_indices: Iterable[int]) -> TextStats:
        return TextStats.total(self.block_stats[i] for i in block_indices)

    def text_under_empty_heading(self, mark: HeadingMark) -> int | None:
        """The block right under an empty heading ("##" alone on its line) when it reads as
        the heading's text: a paragraph of one short line that does not end as a sentence
        does, or a question ("Are there different types of biomarker tests?")."""
        index = bisect.bisect_left(self.memo("block starts",
                                             lambda: [b.source_start for b in self.blocks]),
                                   mark.source_end)
        if index >= len(self.blocks):
            return None
        block = self.blocks[index]
        if block.kind != "paragraph" or self.source[mark.source_end:block.source_start].strip():
            return None
        text = " ".join(block.text.split())
        if "\n" in self.source[block.source_start:block.source_offset(len(block.text) - 1)] or \
                len(text.split()) > _HEADING_LINE_WORDS:
            return None  # more than one line: a paragraph, not a heading's text
        if text.endswith("?") or not text.endswith((".", "!", ":", ";", ",")):
            return index
        return None

    @cached_property
    def heading_lines(self) -> frozenset[int]:
        """The blocks that stand as the text of an empty heading above them: headings
        written the wrong way, not prose."""
        found = (self.text_under_empty_heading(mark) for mark in self.heading_marks
                 if mark.empty)
        return frozenset(index for index in found if index is not None)

    @cached_property
    def sections(self) -> list[Section]:
        return sections(self.blocks, 2)

    @cached_property
    def captions(self) -> frozenset[int]:
        """Indexes of paragraphs that caption an image (the first paragraph after it, with
        nothing else in between) or a video, whose player the page's text does not hold
        ("How do monoclonal antibodies work to treat cancer? This video shows how ...")."""
        found = {index for index, block in enumerate(self.blocks)
                 if block.kind == "paragraph" and _VIDEO_CAPTION.search(block.text[:300])}
        if not self.images:
            return frozenset(found)
        ends = sorted(image.source_end for image in self.images)
        previous_end = -1  # where the prose of the block before ends
        for index, block in enumerate(self.blocks):
            first = bisect.bisect_right(ends, previous_end)
            if block.kind == "paragraph" and first < len(ends) and \
                    ends[first] <= block.source_start:
                found.add(index)
            previous_end = block.source_offset(max(0, len(block.text) - 1)) + 1
        return frozenset(found)

    def sections_at(self, level: int) -> list[Section]:
        return self.sections if level == 2 else sections(self.blocks, level)

    def block_at(self, offset: int) -> tuple[int, int] | None:
        """(block index, offset in its text) of a file offset that is prose, else None."""
        if "block starts" not in self._memo:
            self._memo["block starts"] = [b.source_start for b in self.blocks]
        index = bisect.bisect_right(self._memo["block starts"], offset) - 1
        # Blocks follow the file's order; a table row's cells, or a list inside a quote, may
        # start before the end of the one before, so look one block back as well.
        for i in (index, index - 1):
            if 0 <= i < len(self.blocks):
                text_offset = self.blocks[i].text_offset(offset)
                if text_offset is not None:
                    return i, text_offset
        return None

    def blocks_under(self, patterns: Iterable[str]) -> set[int]:
        """Indexes of blocks in sections whose heading matches one of the glob patterns (not
        case-sensitive), headings included, up to the next heading of the same level or
        above."""
        heading_matches = _globs(tuple(p.lower() for p in patterns)).match
        out: set[int] = set()
        level = 0  # level of the matching heading we are under, 0 when none
        for i, block in enumerate(self.blocks):
            if block.kind == "heading":
                if level and block.level <= level:
                    level = 0
                if not level and heading_matches(block.text.strip().lower()):
                    level = block.level
            if level:
                out.add(i)
        return out

    @property
    def prose_text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@lru_cache(maxsize=64)
def _globs(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One expression for a list of glob patterns (one compile instead of one a pattern)."""
    return re.compile("|".join(fnmatch.translate(p) for p in patterns) or "(?!)")


def load(path: Path, display: str | None = None,
         max_size: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    display = display if display is not None else str(path)
    return parse(read_text(path, display, max_size), display)


def parse(text: str, path: str = "<text>") -> Document:
    """Parse text (already decoded) into a Document. Raises InputError on broken front matter."""
    # Byte-order marks at the start are dropped, however many (a file read from disk has
    # lost one already), so a page reads the same from a file, standard input or an editor.
    text = normalize_newlines(text.lstrip("\ufeff"))
    metadata, body_start, key_lines, repeated = front_matter(text, path)
    return Document(path, text, metadata, body_start, key_lines, repeated)
