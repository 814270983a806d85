"""A document: its front matter, its Markdown, and its prose with exact source positions.

Prose is what a reader reads: paragraphs, list items, headings, block quotes, table cells and
link text. Code spans and blocks, HTML (comments included), URLs (in links or written out),
image alt text and front matter are not prose. Each prose block keeps a table of runs that
maps every character of its text back to a character offset in the original file, so any
rule can report an exact line and column.
"""

from __future__ import annotations

import bisect
import fnmatch
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from frontmatter.default_handlers import YAMLHandler
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .errors import InputError

if TYPE_CHECKING:
    from .prose import Sentence
    from .readability import TextStats

DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024

_FM_BOUNDARY = YAMLHandler.FM_BOUNDARY
_PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")
_BLOCK_KINDS = {"blockquote_open": "blockquote", "list_item_open": "list_item",
                "th_open": "table_cell", "td_open": "table_cell"}


@dataclass(frozen=True)
class Link:
    """A link inside a prose block: its text span (block text offsets) and target."""

    start: int
    end: int
    href: str
    source_start: int
    source_end: int


@dataclass(frozen=True)
class Image:
    """An image: its alt text and source, with its span in the file."""

    alt: str
    src: str
    source_start: int
    source_end: int


@dataclass(frozen=True)
class Comment:
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


@dataclass(frozen=True)
class Section:
    """A heading and the blocks under it, up to the next heading of its level or above."""

    heading: Block | None
    level: int
    blocks: tuple[int, ...]


class Document:
    """A parsed document. Expensive views (sentences, stats) are computed once, on first use."""

    def __init__(self, path: str, source: str, metadata: dict[str, Any], body_start: int,
                 front_matter_lines: dict[str, int] | None = None) -> None:
        self.path = path
        self.source = source
        self.metadata = metadata
        self.body_start = body_start
        self.front_matter_lines = front_matter_lines or {}
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.blocks: list[Block] = []
        self.images: list[Image] = []
        self.comments: list[Comment] = []
        self.headings: list[Block] = []
        self._memo: dict[Any, Any] = {}
        _build(self)

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
        from .prose import split_blocks

        return split_blocks(self.blocks)

    @cached_property
    def block_stats(self) -> list[TextStats]:
        """Readability counts of each block (sections and the whole add these up)."""
        from .readability import TextStats

        grouped: list[list[Sentence]] = [[] for _ in self.blocks]
        for sentence in self.sentences:
            grouped[sentence.block_index].append(sentence)
        return [TextStats.from_sentences(group) for group in grouped]

    @cached_property
    def stats(self) -> TextStats:
        return self.stats_of(range(len(self.blocks)))

    def stats_of(self, block_indices: Iterable[int]) -> TextStats:
        from .readability import TextStats

        return sum((self.block_stats[i] for i in block_indices), TextStats())

    @cached_property
    def sections(self) -> list[Section]:
        return _sections(self, 2)

    def sections_at(self, level: int) -> list[Section]:
        return self.sections if level == 2 else _sections(self, level)

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
        compiled = [re.compile(fnmatch.translate(p.lower())) for p in patterns]
        out: set[int] = set()
        level = 0  # level of the matching heading we are under, 0 when none
        for i, block in enumerate(self.blocks):
            if block.kind == "heading":
                if level and block.level <= level:
                    level = 0
                if not level and any(c.match(block.text.strip().lower()) for c in compiled):
                    level = block.level
            if level:
                out.add(i)
        return out

    @property
    def prose_text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


# -- reading files --------------------------------------------------------------------------


def read_text(path: Path, display: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """Read a file as UTF-8 text, or raise InputError with a plain one-line reason."""
    try:
        if path.is_dir():
            raise InputError("is a folder, not a file", display)
        size = path.stat().st_size
        if size > max_size:
            raise InputError(
                f"file is {size / 1048576:.1f} MB, over the {max_size / 1048576:.0f} MB limit; "
                "raise max_file_size_mb in the config to check it", display)
        data = path.read_bytes()
    except InputError:
        raise
    except PermissionError:
        raise InputError("cannot be read: permission denied", display) from None
    except FileNotFoundError:
        raise InputError("no such file", display) from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", display) from None
    return decode(data, display)


def decode(data: bytes, display: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file, not text", display)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read); "
            "save it as UTF-8", display, line) from None
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """Turn CRLF and CR into LF. Lines and columns stay the same."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def load(path: Path, display: str | None = None,
         max_size: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    display = display if display is not None else str(path)
    return parse(read_text(path, display, max_size), display)


def parse(text: str, path: str = "<text>") -> Document:
    """Parse text (already decoded) into a Document. Raises InputError on broken front matter."""
    text = normalize_newlines(text)
    metadata, body_start, key_lines = _front_matter(text, path)
    return Document(path, text, metadata, body_start, key_lines)


def _front_matter(text: str, path: str) -> tuple[dict[str, Any], int, dict[str, int]]:
    first = _FM_BOUNDARY.match(text)
    if first is None or not text.startswith("---"):
        return {}, 0, {}
    closing = _FM_BOUNDARY.search(text, first.end())
    if closing is None:
        raise InputError("front matter starts with '---' but has no closing '---' line", path, 1)
    fm_text = text[first.end():closing.start()]
    fm_first_line = text.count("\n", 0, first.end()) + 1  # 1-based line of fm_text's start
    if fm_text.startswith("\n"):
        fm_first_line += 1
        fm_text = fm_text[1:]
    try:
        data = YAMLHandler().load(fm_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = fm_first_line + mark.line if mark is not None else 1
        reason = getattr(exc, "problem", None) or "it is not valid YAML"
        raise InputError(f"broken front matter: {reason}", path, line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a list of 'key: value' lines", path, fm_first_line)
    key_lines: dict[str, int] = {}
    for m in re.finditer(r"^([A-Za-z_][\w-]*)\s*:", fm_text, re.M):
        key_lines.setdefault(m.group(1), fm_first_line + fm_text.count("\n", 0, m.start()))
    body_start = closing.end()
    if body_start < len(text) and text[body_start - 1] != "\n" and text[body_start] == "\n":
        body_start += 1
    return {str(k): v for k, v in data.items()}, body_start, key_lines


# -- building prose blocks --------------------------------------------------------------------


def _build(doc: Document) -> None:
    body = doc.source[doc.body_start:]
    body_line0 = doc.source.count("\n", 0, doc.body_start)
    tokens = _PARSER.parse(body)
    containers: list[str] = []
    cell_cursor = [-1, 0]  # file line of the last table cell found, and where it ended
    heading_level = 0
    section = -1
    for tok in tokens:
        if tok.type in _BLOCK_KINDS:
            containers.append(_BLOCK_KINDS[tok.type])
        elif tok.type in ("blockquote_close", "list_item_close", "th_close", "td_close"):
            if containers:
                containers.pop()
        elif tok.type == "heading_open":
            heading_level = int(tok.tag[1])
        elif tok.type == "heading_close":
            heading_level = 0
        elif tok.type == "html_block" and tok.map:
            _collect_comments(doc, tok.content, doc.line_start(body_line0 + tok.map[0] + 1))
        elif tok.type == "inline" and tok.map is not None:
            kind = "heading" if heading_level else (containers[-1] if containers else "paragraph")
            block = _inline_block(doc, tok, kind, body_line0, cell_cursor)
            if block is None:
                continue
            if heading_level:
                block.level = heading_level
                doc.headings.append(block)
                section = len(doc.blocks)
            block.section = section
            doc.blocks.append(block)


def _collect_comments(doc: Document, content: str, base: int) -> None:
    for m in re.finditer(r"<!--(.*?)-->", content, re.S):
        doc.comments.append(Comment(m.group(1), base + m.start(), base + m.end()))


def _line_origins(doc: Document, content: str, first_line: int,
                  cell_cursor: list[int] | None) -> list[int]:
    """Source offset of the start of each line of an inline token's content."""
    origins = []
    for k, piece in enumerate(content.split("\n")):
        line_no = first_line + k  # 0-based line in the file
        start = doc.line_start(line_no + 1)
        end = doc.line_start(line_no + 2) if line_no + 1 < doc.line_count else len(doc.source)
        line = doc.source[start:end].rstrip("\n")
        if cell_cursor is not None:
            # Table cells share a row: look after the previous cell found on this line.
            at = line.find(piece, cell_cursor[1] - start if cell_cursor[0] == line_no else 0)
            cell_cursor[:] = [line_no, start + max(at, 0) + len(piece)]
        else:
            stripped = line.rstrip()
            at = len(stripped) - len(piece) if stripped.endswith(piece) else line.find(piece)
        origins.append(start + at if at >= 0 else start + len(line) - len(line.lstrip()))
    return origins


def _inline_block(doc: Document, tok: Token, kind: str, body_line0: int,
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
        return origins[k] + (pos - line_starts[k])

    builder = _ProseBuilder(to_source)
    _align(doc, content, tok.children or [], builder, to_source)
    text = builder.text()
    if not text.strip():
        return None
    return Block(kind, text, builder.runs, links=builder.links)


class _ProseBuilder:
    """Collects prose characters with their content positions, as runs in source offsets."""

    def __init__(self, to_source: Any) -> None:
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
            if piece:
                self._run(piece, self.to_source(content_pos + offset))
            offset += len(piece) + 1
            if offset <= len(text):
                self._space(self.to_source(content_pos + offset - 1))

    def add_mapped(self, text: str, positions: list[int]) -> None:
        """Add text whose characters stand at the given content positions."""
        i = 0
        while i < len(text):
            j = i + 1
            while j < len(text) and positions[j] == positions[j - 1] + 1:
                j += 1
            self._run(text[i:j], self.to_source(positions[i]))
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
        return "".join(self.parts)


_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MARKUP_GAP = re.compile(r"[\s*_~\[\]!<>`\\]*")


def _locate(content: str, text: str, cur: int) -> list[int] | int:
    """Find where `text` stands in `content` from `cur`: an index, or per-character positions
    when escapes or entities make it differ from the source."""
    j = content.find(text, cur)
    if j >= 0 and _MARKUP_GAP.fullmatch(content, cur, j):
        return j
    positions = []
    for ch in text:
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
    return positions


def _skip_destination(content: str, cur: int) -> int:
    """From a ']' that closes link text, skip '](dest "title")' or '][ref]'; return new cursor."""
    j = content.find("]", cur)
    if j < 0:
        return cur
    j += 1
    if j < len(content) and content[j] == "(":
        close = _closing(content, j, "(", ")")
        return close + 1 if close >= 0 else len(content)
    if j < len(content) and content[j] == "[":
        k = content.find("]", j)
        return k + 1 if k >= 0 else j
    return j


def _closing(content: str, open_at: int, opening: str, closing: str) -> int:
    """Index of the bracket that closes the one at open_at (backslash escapes skipped), or -1."""
    depth = 0
    k = open_at
    while k < len(content):
        c = content[k]
        if c == "\\":
            k += 2
            continue
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return k
        k += 1
    return -1


def _align(doc: Document, content: str, children: list[Token], out: _ProseBuilder,
           to_source: Any) -> None:
    cur = 0
    link_start: list[tuple[int, str, int]] = []  # (text length at open, href, source start)
    in_autolink = False
    for child in children:
        kind = child.type
        if kind == "text":
            if not child.content:
                continue
            found = _locate(content, child.content, cur)
            if isinstance(found, int):
                if not in_autolink:
                    out.add(child.content, found)
                cur = found + len(child.content)
            else:
                if not in_autolink:
                    out.add_mapped(child.content, found)
                cur = found[-1] + 1
        elif kind in ("softbreak", "hardbreak"):
            j = content.find("\n", cur)
            if j >= 0:
                out.space(j)
                cur = j + 1
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            if child.markup == "autolink" or child.info == "auto":
                in_autolink = True
                j = content.find("<", cur)
                cur = j + 1 if j >= 0 else cur
                continue
            j = content.find("[", cur)
            open_at = j if j >= 0 else cur
            cur = open_at + 1
            link_start.append((out.length, href, to_source(open_at)))
        elif kind == "link_close":
            if in_autolink:
                in_autolink = False
                j = content.find(">", cur)
                cur = j + 1 if j >= 0 else cur
                continue
            if link_start:
                start, href, src_start = link_start.pop()
                cur = _skip_destination(content, cur)
                out.links.append(Link(start, out.length, href, src_start,
                                      to_source(max(cur - 1, 0)) + 1))
        elif kind == "image":
            j = content.find("![", cur)
            if j < 0:
                continue
            bracket = _closing(content, j + 1, "[", "]")
            end = _skip_destination(content, bracket if bracket >= 0 else len(content) - 1)
            doc.images.append(Image(child.content, str(child.attrs.get("src", "")),
                                    to_source(j), to_source(end - 1) + 1))
            cur = end
        elif kind == "code_inline":
            j = content.find(child.markup, cur)
            if j >= 0:
                k = content.find(child.markup, j + len(child.markup) + len(child.content) - 1)
                cur = k + len(child.markup) if k >= 0 else j + len(child.markup)
        elif kind == "html_inline":
            j = content.find(child.content, cur)
            if j >= 0:
                if child.content.startswith("<!--"):
                    _collect_comments(doc, child.content, to_source(j))
                elif re.match(r"<br\s*/?>", child.content, re.I):
                    out.space(j)
                cur = j + len(child.content)
        elif child.markup and kind.endswith(("_open", "_close")):
            j = content.find(child.markup, cur, cur + len(child.markup) + 2)
            if j >= 0:
                cur = j + len(child.markup)


def _sections(doc: Document, level: int) -> list[Section]:
    sections: list[Section] = []
    heading: Block | None = None
    members: list[int] = []
    for i, block in enumerate(doc.blocks):
        if block.kind == "heading" and block.level <= level:
            if heading is not None or members:
                sections.append(Section(heading, heading.level if heading else 0, tuple(members)))
            heading, members = block, [i]
        else:
            members.append(i)
    if heading is not None or members:
        sections.append(Section(heading, heading.level if heading else 0, tuple(members)))
    return sections
