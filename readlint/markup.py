"""Markdown to prose blocks, with a source map from every prose character back to the file.

markdown-it gives block tokens line ranges but inline tokens no positions at all, so each
inline token's content is found in its source lines, and its children (text, links, code
spans, HTML, images) are walked along that content.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .blocks import Block, Comment, HeadingMark, Html, Image, Link, Table
from .patterns import lazy_re

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@cache
def _parser() -> MarkdownIt:
    """markdown-it, imported when the first document is parsed: a run whose files all come
    from the cache, or that only prints help, does not pay for it (30 ms)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    # A site's pages link the same addresses again and again (its dictionary's entries):
    # each is made a normal address once (a function of the address alone). Long ones (an
    # image written into the page as data) are not kept.
    normal = md.normalizeLink
    remembered = lru_cache(maxsize=LINKS_REMEMBERED)(normal)

    def normalize(url: str) -> str:
        return remembered(url) if len(url) <= LINK_REMEMBERED_CHARS else normal(url)

    md.normalizeLink = normalize  # type: ignore[method-assign]
    return md


LINKS_REMEMBERED = 4096
LINK_REMEMBERED_CHARS = 512


MAX_NESTING = 20  # markdown-it's limit of nested blocks in its "commonmark" preset (tested)
_BLOCK_KINDS = {"blockquote_open": "blockquote", "list_item_open": "list_item",
                "th_open": "table_cell", "td_open": "table_cell"}


@dataclass
class Markup:
    """What the Markdown of a document holds: its prose blocks (headings among them), images
    and HTML comments, all with offsets into `source`."""

    source: str
    line_starts: list[int]
    blocks: list[Block] = field(default_factory=list)
    headings: list[Block] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    html: list[Html] = field(default_factory=list)
    heading_marks: list[HeadingMark] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # The line of text the parser stopped at, because lists or quotes were nested deeper
    # than it follows (MAX_NESTING); the text inside them is not checked. 0 when none.
    too_deep: int = 0

    def line_start(self, line: int) -> int:
        """Character offset of the start of a 1-based line."""
        return self.line_starts[max(0, min(line - 1, len(self.line_starts) - 1))]

    @property
    def line_count(self) -> int:
        return len(self.line_starts)


def parse_markdown(source: str, body_start: int, line_starts: list[int]) -> Markup:
    """The prose of the Markdown body that starts at `body_start` in `source`."""
    doc = Markup(source, line_starts)
    walk = _BlockWalk(doc, source.count("\n", 0, body_start))
    for tok in _parser().parse(source[body_start:]):
        walk.token(tok)
    return doc


class _BlockWalk:
    """markdown-it's tokens read in order into a Markup: where each block stands (in a list
    item, a quote, a table cell, under a heading), with headings, tables and HTML."""

    def __init__(self, doc: Markup, body_line0: int) -> None:
        self.doc = doc
        self.body_line0 = body_line0  # the file's line (0-based) where the body starts
        self.containers: list[str] = []
        self.cell_cursor = [-1, 0]  # file line of the last table cell found, where it ended
        self.heading_level = 0
        self.heading_map: list[int] | None = None
        self.table_map: list[int] | None = None
        self.header_text = ""
        self.in_header = False
        self.column = -1  # the column of the table cell being read, counted from 0
        self.column_headings: dict[int, str] = {}
        self.header_cells = 0
        self.short_row = False  # a row with fewer cells than the header: columns unknown
        self.section = -1

    def line_start(self, body_line: int) -> int:
        """The offset in the file of a 0-based line of the body."""
        return self.doc.line_start(self.body_line0 + body_line + 1)

    def token(self, tok: Token) -> None:
        doc = self.doc
        if tok.level >= MAX_NESTING - 1 and not doc.too_deep:
            doc.too_deep = self.body_line0 + (tok.map[0] if tok.map else 0) + 1
        kind = tok.type
        if kind in _BLOCK_KINDS:
            self.containers.append(_BLOCK_KINDS[kind])
            if kind in ("th_open", "td_open"):
                self.column += 1
                if self.in_header:
                    self.header_cells = self.column + 1
        elif kind in ("blockquote_close", "list_item_close", "th_close", "td_close"):
            if self.containers:
                self.containers.pop()
        elif kind == "heading_open":
            self.heading_level = int(tok.tag[1])
            self.heading_map = tok.map
        elif kind == "heading_close":
            self.heading_level = 0
        elif kind == "html_block" and tok.map:
            start = self.line_start(tok.map[0])
            _collect_comments(doc, tok.content, start)
            doc.html.append(Html(tok.content, start + len(tok.content) - len(
                tok.content.lstrip())))
            _collect_images(doc, tok.content, start)
        else:
            self._table(tok)
        if kind == "inline":
            self._inline(tok)

    def _table(self, tok: Token) -> None:
        """A table, with whether its header row is empty; a row starts its count of columns."""
        kind = tok.type
        if kind == "table_open" and tok.map:
            self.table_map, self.header_text, self.in_header = tok.map, "", False
            self.column_headings, self.header_cells = {}, 0
        elif kind == "tr_open":
            self.column = -1
            # A row written with fewer cells than the header (a cell spanning rows, left out
            # when the table was made from HTML): markdown-it fills it with empty cells at
            # its end, so its cells may not stand under their headings.
            self.short_row = not self.in_header and tok.map is not None and \
                _cells_written(self.doc.source, self.line_start(tok.map[0])) < self.header_cells
        elif kind == "thead_open":
            self.in_header = True
        elif kind == "thead_close" and self.table_map:
            self.in_header = False
            self.doc.tables.append(Table(self.line_start(self.table_map[0]),
                                         self.line_start(self.table_map[1]) - 1,
                                         not self.header_text.strip()))
        elif kind == "inline" and self.in_header:
            self.header_text += tok.content

    def _inline(self, tok: Token) -> None:
        """A block's text: a prose block, and for a heading its mark too."""
        doc = self.doc
        level = self.heading_level
        if level and self.heading_map:
            doc.heading_marks.append(HeadingMark(
                level, self.line_start(self.heading_map[0]),
                self.line_start(self.heading_map[1]) - 1, not tok.content.strip(" #")))
        if tok.map is None:
            return
        kind = "heading" if level else (self.containers[-1] if self.containers else
                                        "paragraph")
        block = _inline_block(doc, tok, kind, self.body_line0, self.cell_cursor)
        if block is None:
            return
        if level:
            block.level = level
            doc.headings.append(block)
            self.section = len(doc.blocks)
        elif kind == "table_cell":
            if self.in_header:
                self.column_headings[self.column] = block.text.strip()
            elif not self.short_row:
                block.column_heading = self.column_headings.get(self.column, "")
        block.section = self.section
        doc.blocks.append(block)


def _cells_written(source: str, start: int) -> int:
    """How many cells the table row written at `start` has: its bars that are not escaped,
    less those at its two ends (after any quote marks)."""
    end = source.find("\n", start)
    line = _QUOTE_MARKS.sub("", source[start:end if end >= 0 else len(source)]).strip()
    bars = len(_BAR.findall(line))
    return bars + 1 - line.startswith("|") - (line.endswith("|") and not line.endswith("\\|"))


_BAR = lazy_re(r"(?<!\\)\|")
_QUOTE_MARKS = lazy_re(r"^(?:[ \t]*>)+")  # a table in a block quote: "> | Drug |"
_IMG = lazy_re(r"<img\b([^>]*)>", re.I)
_ATTRIBUTE = lazy_re(r"""([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _collect_images(doc: Markup, content: str, base: int) -> None:
    """<img> tags written as HTML, with their alt text (None when there is no alt at all)."""
    for m in _IMG.finditer(content):
        attributes = {a.group(1).lower(): html.unescape(a.group(2) or a.group(3) or a.group(4)
                                                        or "")
                      for a in _ATTRIBUTE.finditer(m.group(1))}
        decorative = attributes.get("role", "").lower() in ("presentation", "none") or \
            attributes.get("aria-hidden", "").lower() == "true"
        doc.images.append(Image(attributes.get("alt"), attributes.get("src", ""),
                                base + m.start(), base + m.end(), attributes.get("title", ""),
                                decorative))


def _href(attributes: str) -> str | None:
    """The address an HTML tag's attributes give with href=, as written; None when none does."""
    for a in _ATTRIBUTE.finditer(attributes):
        if a.group(1).lower() == "href" and a.group(2, 3, 4) != (None, None, None):
            return a.group(2) or a.group(3) or a.group(4) or ""
    return None


def _collect_comments(doc: Markup, content: str, base: int) -> None:
    """Each "<!-- ... -->" in content, up to the first "-->" after it. Found with plain
    string search: a regular expression would look for the end again after each of many
    unclosed "<!--", in time that grows with the square of their number."""
    start = content.find("<!--")
    while start >= 0:
        end = content.find("-->", start + 4)
        if end < 0:
            return  # no comment after this one can be closed either
        doc.comments.append(Comment(content[start + 4:end], base + start, base + end + 3))
        start = content.find("<!--", end + 3)


def _line_origins(doc: Markup, content: str, first_line: int,
                  cell_cursor: list[int] | None) -> list[tuple[int, list[int]]]:
    """Source offset of the start of each line of an inline token's content, and where in
    the line the source has a character the content lost (a table cell's "\\|" is "|")."""
    origins: list[tuple[int, list[int]]] = []
    source = doc.source
    for k, piece in enumerate(content.split("\n")):
        line_no = first_line + k  # 0-based line in the file
        start = doc.line_start(line_no + 1)
        end = doc.line_start(line_no + 2) if line_no + 1 < doc.line_count else len(source)
        lost: list[int] = []
        if cell_cursor is not None:
            # Table cells share a row: look after the previous cell found on this line, in
            # the file itself (a copy of the row for each of its cells would take time that
            # grows with the square of the row's length).
            line_end = end - 1 if end > start and source[end - 1] == "\n" else end
            after = start + (cell_cursor[1] - start if cell_cursor[0] == line_no else 0)
            found = source.find(piece, after, line_end)
            written = piece
            if found < 0 and "|" in piece:
                written = piece.replace("|", "\\|")
                found = source.find(written, after, line_end)
                if found >= 0:
                    lost = [i for i, c in enumerate(piece) if c == "|"]
            at = found - start if found >= 0 else -1
            cell_cursor[:] = [line_no, start + max(at, 0) + len(written)]
            if at < 0:
                indent = _INDENT.match(source, start, line_end)
                at = indent.end() - start if indent else 0
            origins.append((start + at, lost))
            continue
        line = source[start:end].rstrip("\n")
        stripped = line.rstrip()
        at = len(stripped) - len(piece) if stripped.endswith(piece) else line.find(piece)
        core = piece.lstrip()
        found = line.find(core) if at < 0 and core and core != piece else -1
        if found >= 0:
            # A tab partly taken as indentation comes out as spaces ("\tword" in a list
            # item is "  word"): line the text up, the spaces standing before it.
            origins.append((start + found - (len(piece) - len(core)), lost))
            continue
        origins.append((start + at if at >= 0 else start + len(line) - len(line.lstrip()),
                        lost))
    return origins


def _inline_block(doc: Markup, tok: Token, kind: str, body_line0: int,
                  cell_cursor: list[int]) -> Block | None:
    content = tok.content
    if not content.strip():
        return None
    assert tok.map is not None
    origins = _line_origins(doc, content, body_line0 + tok.map[0],
                            cell_cursor if kind == "table_cell" else None)
    line_starts = [0] + [m.end() for m in re.finditer("\n", content)]

    def to_source(pos: int) -> int:
        k = bisect.bisect_right(line_starts, pos) - 1
        origin, lost = origins[k]
        column = pos - line_starts[k]
        return origin + column + (bisect.bisect_right(lost, column) if lost else 0)

    builder = _ProseBuilder(to_source, linear=not any(lost for _, lost in origins))
    _align(doc, content, tok.children or [], builder, to_source)
    text = builder.text()
    if not text.strip():
        return None
    return Block(kind, text, builder.runs, links=builder.links)


class _ProseBuilder:
    """Collects prose characters with their content positions, as runs in source offsets."""

    def __init__(self, to_source: Callable[[int], int], linear: bool = True) -> None:
        self.linear = linear  # False when the source has characters the content lost
        self.parts: list[str] = []
        self.length = 0
        self.runs: list[tuple[int, int, int]] = []
        self.links: list[Link] = []
        self.to_source = to_source

    def add(self, text: str, content_pos: int) -> None:
        """Add text that stands verbatim in the content at content_pos, leaving out bare web
        addresses (they are not prose)."""
        if "://" in text or "www." in text:
            last = 0
            for m in _BARE_URL.finditer(text):
                self._add_plain(text[last:m.start()], content_pos + last)
                last = m.end()
            self._add_plain(text[last:], content_pos + last)
        else:
            self._add_plain(text, content_pos)

    def _add_plain(self, text: str, content_pos: int) -> None:
        # A run may not cross a content line break: split at newlines in the content.
        offset = 0
        for piece in text.split("\n"):
            if piece and self.linear:
                self._run(piece, self.to_source(content_pos + offset))
            elif piece:
                at = content_pos + offset
                self.add_mapped(piece, list(range(at, at + len(piece))))
            offset += len(piece) + 1
            if offset <= len(text):
                self._space(self.to_source(content_pos + offset - 1))

    def add_mapped(self, text: str, positions: list[int]) -> None:
        """Add text whose characters stand at the given content positions."""
        sources = [self.to_source(p) for p in positions]
        i = 0
        while i < len(text):
            j = i + 1
            while j < len(text) and sources[j] == sources[j - 1] + 1:
                j += 1
            self._run(text[i:j], sources[i])
            i = j

    def space(self, content_pos: int) -> None:
        self._space(self.to_source(content_pos))

    def _run(self, text: str, source: int) -> None:
        if self.runs:
            t, s, n = self.runs[-1]
            if t + n == self.length and s + n == source:
                self.runs[-1] = (t, s, n + len(text))
                self.parts.append(text)
                self.length += len(text)
                return
        self.runs.append((self.length, source, len(text)))
        self.parts.append(text)
        self.length += len(text)

    def _space(self, source: int) -> None:
        self._run(" ", source)

    def text(self) -> str:
        return "".join(self.parts).replace("\xa0", " ")


_INDENT = lazy_re(r"\s*")
_BARE_URL = lazy_re(r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_ENTITY = lazy_re(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MARKUP_GAP = lazy_re(r"[\s*_~\[\]!<>`\\]*")


def _locate(content: str, text: str, cur: int) -> tuple[list[int] | int, int]:
    """Find where `text` stands in `content` from `cur`: an index, or per-character positions
    when escapes or entities make it differ from the source; and where it ends there."""
    j = content.find(text, cur)
    # (not across a backslash: in "\*\**.*" the text "**" is the two escaped stars, not the
    # second one and the mark of emphasis after it)
    if j >= 0 and _MARKUP_GAP.fullmatch(content, cur, j) and \
            "\\" not in content[cur:j] and not _entity_inside(content, text, j):
        return j, j + len(text)
    positions = []
    for ch in text:
        while not ch.isspace() and content[cur:cur + 1] in (" ", "\t"):
            cur += 1  # spaces the parser dropped: " &lt;" at the start of a line
        entity = _ENTITY.match(content, cur)
        if entity and html.unescape(entity.group()) == ch:  # "&amp;" stands for "&"
            positions.append(cur)
            cur = entity.end()
            continue
        if content.startswith("\\" + ch, cur):  # "\*" stands for "*"
            positions.append(cur + 1)
            cur += 2
            continue
        k = content.find(ch, cur, cur + 12)
        if k < 0:
            positions.append(min(cur, len(content) - 1))
        else:
            positions.append(k)
            cur = k + 1
    return positions, cur


def _entity_inside(content: str, text: str, at: int) -> bool:
    """Is an "&" of text, standing at `at` in content, the start of an entity there ("&amp;"
    is one "&" of prose, not "&" followed by "amp;")?"""
    return "&" in text and any(_ENTITY.match(content, at + i) is not None
                               for i, ch in enumerate(text) if ch == "&")


def _skip_destination(content: str, cur: int) -> int:
    """From a ']' that closes link text, skip '](dest "title")' or '][ref]'; return new cursor."""
    j = content.find("]", cur)
    if j < 0:
        return cur
    j += 1
    if j < len(content) and content[j] == "(":
        close = _closing(content, j, "(", ")")
        # Without its ")" it is no destination: "[ref](word" is a reference link and text.
        return close + 1 if close >= 0 else j
    if j < len(content) and content[j] == "[":
        # A label has no bracket of its own inside: in "[ref][[ref]" the link is "[ref]"
        # alone, and "[" is the prose after it.
        k = _closing(content, j, "[", "]")
        if k >= 0 and all(m.group() != "["
                          for m in _BRACKETS["["].finditer(content, j + 1, k)):
            return k + 1
    return j


def _closing(content: str, open_at: int, opening: str, closing: str) -> int:
    """Index of the bracket that closes the one at open_at (backslash escapes skipped), or -1."""
    depth = 0
    for m in _BRACKETS[opening].finditer(content, open_at):
        c = m.group()
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return m.start()
    return -1


# An HTML link's opening tag and its attributes (a ">" inside a quoted value does not end it),
# and its closing tag.
A_TAG = lazy_re(r"""<a\s((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.I)
_A_CLOSE = lazy_re(r"</a\s*>", re.I)
# What `_closing` reads: an escaped character (skipped), and the brackets of each kind.
_BRACKETS = {"(": lazy_re(r"\\[\s\S]|[()]"), "[": lazy_re(r"\\[\s\S]|[\[\]]")}


def _align(doc: Markup, content: str, children: list[Token], out: _ProseBuilder,
           to_source: Callable[[int], int]) -> None:
    """Walk an inline token's children along its content: their prose goes to `out`, with
    each character's place; links, images, comments and HTML are kept with their places."""
    aligner = _Aligner(doc, content, out, to_source)
    for child in children:
        step = _STEPS.get(child.type)
        if step is not None:
            step(aligner, child)
        elif child.markup and child.type.endswith(("_open", "_close")):
            aligner.markup(child)


class _Aligner:
    """The walk of one inline token's children along its content: `cur` is how far the
    content is read."""

    def __init__(self, doc: Markup, content: str, out: _ProseBuilder,
                 to_source: Callable[[int], int]) -> None:
        self.doc = doc
        self.content = content
        self.out = out
        self.to_source = to_source
        self.cur = 0
        # The links open: the prose's length at the start of each, its href, and its place
        # in the file.
        self.link_start: list[tuple[int, str, int]] = []
        # The same for <a href=...>, with the number of links found before it.
        self.html_link_start: list[tuple[int, str, int, int]] = []
        self.in_autolink = False

    def text(self, child: Token) -> None:
        if not child.content:
            return
        found, self.cur = _locate(self.content, child.content, self.cur)
        if self.in_autolink:
            return  # the address of an autolink is not prose
        if isinstance(found, int):
            self.out.add(child.content, found)
        else:
            self.out.add_mapped(child.content, found)

    def line_break(self, child: Token) -> None:
        j = self.content.find("\n", self.cur)
        if j >= 0:
            self.out.space(j)
            self.cur = j + 1

    def link_open(self, child: Token) -> None:
        content = self.content
        if child.markup == "autolink" or child.info == "auto":
            self.in_autolink = True
            j = content.find("<", self.cur)
            self.cur = j + 1 if j >= 0 else self.cur
            return
        j = content.find("[", self.cur)
        open_at = j if j >= 0 else self.cur
        self.cur = open_at + 1
        self.link_start.append((self.out.length, str(child.attrs.get("href", "")),
                                self.to_source(open_at)))

    def link_close(self, child: Token) -> None:
        if self.in_autolink:
            self.in_autolink = False
            j = self.content.find(">", self.cur)
            self.cur = j + 1 if j >= 0 else self.cur
            return
        if self.link_start:
            start, href, src_start = self.link_start.pop()
            self.cur = _skip_destination(self.content, self.cur)
            self.out.links.append(Link(start, self.out.length, href, src_start,
                                       self.to_source(max(self.cur - 1, 0)) + 1))

    def image(self, child: Token) -> None:
        content = self.content
        j = content.find("![", self.cur)
        if j < 0:
            return
        bracket = _closing(content, j + 1, "[", "]")
        end = _skip_destination(content, bracket if bracket >= 0 else len(content) - 1)
        title = str(child.attrs.get("title") or "")
        self.doc.images.append(Image(child.content, str(child.attrs.get("src", "")),
                                     self.to_source(j), self.to_source(end - 1) + 1, title,
                                     title.strip().lower() == "decorative"))
        self.cur = end

    def code(self, child: Token) -> None:
        content, mark = self.content, child.markup
        j = content.find(mark, self.cur)
        if j >= 0:
            k = content.find(mark, j + len(mark) + len(child.content) - 1)
            self.cur = k + len(mark) if k >= 0 else j + len(mark)

    def html(self, child: Token) -> None:
        j = self.content.find(child.content, self.cur)
        if j < 0:
            return
        if child.content.startswith("<!--"):
            _collect_comments(self.doc, child.content, self.to_source(j))
        elif re.match(r"<br\s*/?>", child.content, re.I):
            self.out.space(j)
        else:
            self.doc.html.append(Html(child.content, self.to_source(j)))
            _collect_images(self.doc, child.content, self.to_source(j))
            self._html_link(child.content, j)
        self.cur = j + len(child.content)

    def _html_link(self, tag: str, at: int) -> None:
        """An HTML link written in the Markdown (<a href="...">text</a>) is a link like
        [text](...): its text is the link's, its address is not prose."""
        opening = A_TAG.match(tag)
        href = _href(opening.group(1)) if opening else None
        if href is not None:  # (an <a> with no address, <a name="top">, is no link)
            self.html_link_start.append((self.out.length, html.unescape(href),
                                         self.to_source(at), len(self.out.links)))
        elif _A_CLOSE.match(tag) and self.html_link_start:
            start, href, source_start, links_before = self.html_link_start.pop()
            if len(self.out.links) == links_before:  # (a link inside it is the one read)
                self.out.links.append(Link(start, self.out.length, href, source_start,
                                           self.to_source(at + len(tag) - 1) + 1))

    def markup(self, child: Token) -> None:
        """The marks of emphasis and the like: skipped."""
        j = self.content.find(child.markup, self.cur, self.cur + len(child.markup) + 2)
        if j >= 0:
            self.cur = j + len(child.markup)


# What the walk does with each kind of inline token (others with marks: _Aligner.markup).
_STEPS: dict[str, Callable[[_Aligner, Token], None]] = {
    "text": _Aligner.text, "softbreak": _Aligner.line_break, "hardbreak": _Aligner.line_break,
    "link_open": _Aligner.link_open, "link_close": _Aligner.link_close,
    "image": _Aligner.image, "code_inline": _Aligner.code, "html_inline": _Aligner.html,
}
