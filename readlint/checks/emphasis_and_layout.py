from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..blocks import Block
from ..document import Document
from ..patterns import lazy_re
from ..problem import Problem, Severity
from ..rule import ACCESSIBILITY, Example, Rule
from ..vocabulary import zipf

_STRONG = lazy_re(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_EMPHASIS = lazy_re(r"(?<![*\w])([*_])(?=[^\s*_])([^*_]+?)(?<=[^\s*_])\1(?![*\w])", re.S)
_HTML_BOLD = lazy_re(r"<(b|strong|i|em)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)
_LINK_TARGET = lazy_re(r"\]\([^)]*\)|<[^>]+>")  # what a reader does not see
# Where those can start; the ends are looked for with plain string search (see _strong,
# _html_bold and _without_link_targets, which find what the three expressions above find).
_STRONG_OPENING = lazy_re(r"(?=(?:\*\*|__)\S)")
_HTML_OPENING = lazy_re(r"<(b|strong|i|em)\b", re.I)
_HTML_CLOSING = lazy_re(r"</(b|strong|i|em)\s*>", re.I)
_LINK_TARGET_START = lazy_re(r"\]\(|<")
_WORD = lazy_re(r"[^\W_]+(?:['’][^\W_]+)*")
_BULLET_LINE = lazy_re(r"[ \t]*(?:[•·▪◦●○■□➢►✓✔]|o[ \t])[ \t]*\S")
# What a reader does not see as text, blanked before emphasis is looked for: "__" or "*" in
# a link's address is no emphasis.
_BARE_ADDRESS = lazy_re(r"(?:https?://|www\.)[^\s<>()\[\]]*", re.I)
# The start of a line that opens with bold, perhaps numbered: "8. **", "- **", "**".
_BOLD_START = lazy_re(r"[ \t>]*(?:(?:[-+*]|\d{1,3}[.)]|Q\d{0,3}[.:)]?)[ \t]+)?"
                      r"(?:\d{1,3}[.)][ \t]*)?(\*\*|__)(?=\S)")
# Sections of references: citations keep the capitals of the titles they cite.
_REFERENCES = ("references", "* references", "references *", "* references *", "sources",
               "citations", "bibliography")
# A sentence ends inside a run of emphasis: a full stop, "?" or "!" followed by a capital.
_SENTENCE_BREAK = lazy_re(r"[.!?][\"'”’)\]]*\s+[\"“‘(\[]?[A-Z]")
# A table cell all in bold.
_BOLD_CELL = lazy_re(r"(\*\*|__)(?=\S)(?:(?!\1).)+(?<=\S)\1")
# The words of unmarked text a paragraph needs around one sentence in bold for that sentence
# to stand out as its key point.
_KEY_SENTENCE_CONTEXT = 8
# The number before a question in bold ("1. **What is ...?**", "**Q3: Who ...?**").
_NUMBER = lazy_re(r"^(?:Q\d{0,3}[.:)]?|\d{1,3}[.)])\s+")
COMMON = 3.0  # a word at least this common (Zipf scale) is an everyday word, not a symbol


class EmphasisAndLayout(Rule):
    """Capitals, emphasis or layout that make the page harder to read or to follow.

    Why: whole sentences in capitals are slower to read and some screen readers spell them
    out; a long run of bold or italics loses its point and tires the eye; a table whose
    header row is empty gives screen reader users no names for its columns; a list made of
    lines that start with "•" is not a list to assistive technology, which announces lists
    and their length.

    What it finds:
    - a sentence of `min_caps_words` words or more written all in capitals, three of them
      everyday words (gene names such as BRCA1, drug codes and stage labels are not
      sentences in capitals; neither are the titles a list of references cites);
    - a question in bold that heads its answer, as a heading would ("8. **Is it safe?**"
      followed by the answer): said once for the page, which should make each such question
      a heading, so screen reader users can list them and move from one to the next;
    - bold or italic text of more than `max_emphasis_words` words (link addresses and
      codes such as "t(3;21)" are not words). One sentence in bold among unmarked sentences
      of its paragraph, the key point of the paragraph, is left alone up to twice that
      many words; a whole paragraph in bold, or several sentences, is not. An image's
      caption is left alone (a note or a credit in italics is how captions are set), and so
      are rows of a table in bold when several of its rows are bold the same way (the main
      stages of a staging table over its substages): the bold marks the table's levels;
    - a table whose header row is empty, and an HTML table with no header cells (<th>);
    - two or more lines of a paragraph starting with "•", "·", "▪" or "o " (a list made by
      hand).

    How to fix: write in sentence case; keep bold for a few key words; give every table a
    header row; write lists as Markdown lists ("- " at the start of each item).

    Options:
      min_caps_words: sentences of at least this many words are checked for capitals
        (default 4).
      max_emphasis_words: the most words in one bold or italic run (default 20).
    """

    name = "emphasis-and-layout"
    code = "RL304"
    default_severity = Severity.WARNING
    summary = "Capitals, emphasis or layout make the page harder to read."
    tags = frozenset({ACCESSIBILITY})
    example = Example("CALL YOUR DOCTOR RIGHT AWAY IF YOU HAVE A FEVER.\n",
                      "Call your doctor right away if you have a fever.\n")
    options = {
        "min_caps_words": {"type": "integer", "minimum": 2, "default": 4,
                           "description": "Sentences this long are checked for capitals."},
        "max_emphasis_words": {"type": "integer", "minimum": 1, "default": 20,
                               "description": "The most words in one bold or italic run."},
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        references = doc.blocks_under(_REFERENCES)
        for sentence in doc.sentences:
            text = sentence.text
            if text != text.upper() or sentence.block_index in references:
                continue  # a small letter somewhere: not all in capitals
            letters = [w.text for w in sentence.words if any(c.isalpha() for c in w.text)]
            if len(letters) >= options["min_caps_words"] and \
                    all(w.isupper() for w in letters) and \
                    sum(w.isalpha() and len(w) > 2 and zipf(w) >= COMMON for w in letters) >= 3:
                yield self.problem(doc, sentence.source_start, sentence.source_end,
                                   "This sentence is all in capitals, which is slower to read; "
                                   "write it in sentence case (use bold for a few key words).")
        questions = _bold_questions(doc)
        if questions:
            yield self._questions_problem(doc, questions)
        asked = {bold for _, bold, _, _ in questions}
        limit = options["max_emphasis_words"]
        lines_read: set[tuple[int, int]] = set()
        captions = doc.captions
        levels = _level_rows(doc)
        for index, block in enumerate(doc.blocks):
            if block.kind == "heading" or not block.text:
                continue
            # The block's whole lines: its prose starts after any opening "**".
            start = doc.source.rfind("\n", 0, block.source_start) + 1
            end = doc.source.find("\n", block.source_offset(len(block.text) - 1))
            end = len(doc.source) if end < 0 else end
            # An image's caption keeps its own conventions (a note or a credit in italics), and
            # a table's rows in bold mark its levels: neither is emphasis to take out.
            if (start, end) not in lines_read and index not in captions and \
                    start not in levels:  # the cells of a table row share their line
                lines_read.add((start, end))
                written = _masked(doc.source[start:end])
                spans = list(_emphasis(written))
                unmarked = _unmarked(written, spans) if block.kind != "table_cell" else ""
                for span_start, span_end, inside in spans:
                    if start + span_start in asked:
                        continue  # a question standing as a heading: said once above
                    count = _count_words(inside)
                    if count > limit and not _key_sentence(unmarked, inside, count, limit):
                        yield self.problem(doc, start + span_start, start + span_end,
                                           f"{count:,} words in bold or italics: keep emphasis "
                                           f"for a few key words (at most {limit}).")
            if block.kind == "paragraph":
                yield from self._hand_made_list(doc, start, end)
        for table in doc.tables:
            if table.header_empty:
                yield self.problem(doc, table.source_start, table.source_start + 1,
                                   "This table's header row is empty: name each column, so "
                                   "screen readers can say what each cell is.")
        for piece in doc.html:
            opening = re.search(r"<table\b", piece.text, re.I)
            if opening is not None and not re.search(r"<th\b", piece.text, re.I):
                at = piece.source_start + opening.start()
                yield self.problem(doc, at, at + 6, "This HTML table has no header cells "
                                   "(<th>): name each column or row, so screen readers can say "
                                   "what each cell is.")

    def _questions_problem(self, doc: Document,
                           questions: list[tuple[int, int, int, int]]) -> Problem:
        start, bold, close, level = questions[0]
        line_end = doc.source.find("\n", close)
        line_end = len(doc.source) if line_end < 0 else line_end
        question = _NUMBER.sub("", " ".join(doc.source[bold + 2:close].split()), count=1)
        heading = f"{'#' * level} {question}"
        if len(questions) == 1:
            what = ("This question in bold stands as a heading over its answer: make it a "
                    "heading")
        else:
            what = (f"{len(questions)} questions in bold stand as headings over their answers "
                    "on this page (this is the first): make each one a heading")
        return self.problem(doc, start, line_end,
                            f"{what}, such as \"{heading}\", so screen reader users can list "
                            "the questions and move from one to the next.")

    def _hand_made_list(self, doc: Document, start: int, end: int) -> Iterator[Problem]:
        offset = start
        found = []
        for line in doc.source[start:end].split("\n"):
            if _BULLET_LINE.match(line):
                found.append(offset)
            offset += len(line) + 1
        if len(found) >= 2:
            yield self.problem(doc, found[0], found[0] + 1,
                               f"{len(found)} lines start with a bullet typed by hand: write "
                               "them as a Markdown list (\"- \" at the start of each item), "
                               "so screen readers announce a list.")


def _level_rows(doc: Document) -> set[int]:
    """Where the rows of tables that mark the table's levels start: when two rows of a table
    or more, but not all of its rows, have the same cells all in bold (the main stages "**I**"
    and "**II**" of a staging table, over substages in plain text), the bold says which rows
    are above the others."""
    found: set[int] = set()
    for table in doc.tables:
        rows: dict[tuple[int, ...], list[int]] = {}
        filled = 0
        offset = table.source_start
        lines = doc.source[table.source_start:table.source_end].split("\n")
        for number, line in enumerate(lines):
            at, offset = offset, offset + len(line) + 1
            cells = [c.strip() for c in _masked(line).strip().lstrip(">").strip()
                     .strip("|").split("|")]
            if number < 2 or not any(cells):
                continue  # the header row, the line under it, and empty rows
            filled += 1
            bold = tuple(i for i, cell in enumerate(cells) if _BOLD_CELL.fullmatch(cell))
            if bold:
                rows.setdefault(bold, []).append(at)
        for starts in rows.values():
            if 2 <= len(starts) < filled:
                found.update(starts)
    return found


def _bold_questions(doc: Document) -> list[tuple[int, int, int, int]]:
    """Where each question in bold that heads its answer starts (its line, and its "**"),
    where its bold ends, and the level of heading it should be: one below the heading above
    it. A question
    heads its answer when its bold fills whole lines of a paragraph or list item ("7.
    **Why?**" right under a paragraph is part of it; a long question may take two lines)
    and prose follows it, on the next lines of the block or in the next block."""
    found: list[tuple[int, int, int, int]] = []
    level = 1
    lines_seen: set[int] = set()
    source = doc.source
    for index, block in enumerate(doc.blocks):
        if block.kind == "heading":
            level = block.level
            continue
        if block.kind not in ("paragraph", "list_item") or not block.text:
            continue
        start = source.rfind("\n", 0, block.source_start) + 1
        last = block.source_offset(len(block.text) - 1)
        while start <= last:
            line_end = source.find("\n", start)
            line_end = len(source) if line_end < 0 else line_end
            opening = _BOLD_START.match(source, start, line_end) \
                if start not in lines_seen else None
            lines_seen.add(start)
            if opening is not None:
                mark = opening.group(1)
                # where the bold ends: a question is never longer than a few lines
                close = source.find(mark, opening.end(), min(last + 3, opening.end() + 1000))
                if close < 0:
                    start = line_end + 1
                    continue
                asks = source[opening.end():close].rstrip().rstrip("\"'”’)").endswith("?")
                question_end = source.find("\n", close)
                question_end = len(source) if question_end < 0 else question_end
                if asks and not source[close + 2:question_end].strip() and \
                        (last > question_end or _prose_after(doc.blocks, index)):
                    found.append((start, opening.start(1), close, min(level + 1, 6)))
            start = line_end + 1
    return found


def _key_sentence(unmarked: str, inside: str, count: int, limit: int) -> bool:
    """Is a run of emphasis one sentence (or part of one) that stands out from the unmarked
    sentences of its paragraph (`unmarked`: its text outside every run of emphasis): a key
    point, as health pages bold it ("**If you want to try supplements, always check with
    your doctor first.** Some supplements ...")? Not when it is the whole paragraph, nor
    when it is more than twice the limit."""
    if count > 2 * limit or _SENTENCE_BREAK.search(_without_link_targets(inside).strip()):
        return False
    return _count_words(_without_link_targets(unmarked)) >= _KEY_SENTENCE_CONTEXT


def _unmarked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The text outside the runs of emphasis found in it."""
    kept, last = [], 0
    for span_start, span_end, _ in sorted(spans):
        if span_start >= last:
            kept.append(text[last:span_start])
            last = span_end
    kept.append(text[last:])
    return " ".join(kept)


def _prose_after(blocks: list[Block], index: int) -> bool:
    """Is the block after blocks[index] prose (not a heading)?"""
    return index + 1 < len(blocks) and blocks[index + 1].kind in ("paragraph", "list_item",
                                                                  "blockquote")


def _count_words(inside: str) -> int:
    """The words of a run of emphasis that a reader reads: not link addresses, and not
    pieces of codes such as "U.S." or "t(3;21)(q26.2;q22)" (a word has two letters, or is
    "a" or "I")."""
    return sum(1 for w in _WORD.findall(_without_link_targets(inside))
               if sum(c.isalpha() for c in w) >= 2 or w in ("a", "A", "I"))


def _masked(text: str) -> str:
    """The text with link addresses ("](...)") and bare web addresses blanked, each
    character kept in its place: marks inside them are not emphasis. Each address's end is
    looked for once, as in _without_link_targets."""
    if "](" not in text and "://" not in text and "www." not in text:
        return text
    chars = list(text)
    closed = True
    at = text.find("](")
    while at >= 0 and closed:
        end = text.find(")", at + 2)
        if end < 0:
            closed = False  # no "](" after this one is closed either
            break
        chars[at + 2:end] = " " * (end - at - 2)
        at = text.find("](", end + 1)
    for m in _BARE_ADDRESS.finditer(text):
        chars[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def _emphasis(text: str) -> Iterator[tuple[int, int, str]]:
    """Each run of bold or italics in text: where it starts and ends, and what it holds.
    Each kind of mark is looked for on its own, in time linear in the text's length."""
    yield from _strong(text)
    for m in _EMPHASIS.finditer(text):  # the text runs only to the next * or _
        yield m.start(), m.end(), m.group(2)
    yield from _html_bold(text)


def _strong(text: str) -> Iterator[tuple[int, int, str]]:
    """What _STRONG finds (from each "**" or "__" followed by a non-space, to the first same
    mark after it with a non-space before it), with the marks that can close a run listed
    once: the expression alone would read to the end of the text again after each mark that
    is never closed."""
    if "**" not in text and "__" not in text:
        return
    closings = {mark: [m.start() for m in re.finditer(f"(?<=\\S)(?={re.escape(mark)})", text)]
                for mark in ("**", "__")}
    cursor = 0
    for opening in _STRONG_OPENING.finditer(text):
        at = opening.start()
        if at < cursor:
            continue  # inside the run found last
        mark = text[at:at + 2]
        marks = closings[mark]
        i = bisect.bisect_left(marks, at + 3)
        if i == len(marks):
            closings[mark] = []  # no mark of this kind after here closes
            if not closings["**"] and not closings["__"]:
                return
            continue
        yield at, marks[i] + 2, text[at + 2:marks[i]]
        cursor = marks[i] + 2


def _html_bold(text: str) -> Iterator[tuple[int, int, str]]:
    """What _HTML_BOLD finds (<b>, <strong>, <i> or <em> to its closing tag), with each
    closing tag found once, in time linear in the text's length."""
    if "<" not in text:
        return
    closings: dict[str, list[tuple[int, int]]] = {}
    for m in _HTML_CLOSING.finditer(text):
        closings.setdefault(m.group(1).lower(), []).append(m.span())
    if not closings:
        return
    cursor = 0
    tag_end = -1  # the first ">" after the last opening tag looked at
    for opening in _HTML_OPENING.finditer(text):
        at = opening.start()
        if at < cursor:
            continue
        if tag_end < opening.end():
            tag_end = text.find(">", opening.end())
            if tag_end < 0:
                return  # no tag after this one is closed either
        spans = closings.get(opening.group(1).lower(), [])
        i = bisect.bisect_left(spans, (tag_end + 1, 0))
        if i == len(spans):
            continue
        close_start, close_end = spans[i]
        yield at, close_end, text[tag_end + 1:close_start]
        cursor = close_end


def _without_link_targets(text: str) -> str:
    """The text without what _LINK_TARGET finds (link targets and HTML tags: what a reader
    does not see), each target's end looked for once: after a "](" or "<" that is never
    closed, none after it can be."""
    if "](" not in text and "<" not in text:
        return text
    kept: list[str] = []
    last = 0
    closed = {")": True, ">": True}
    for m in _LINK_TARGET_START.finditer(text):
        at = m.start()
        if at < last:
            continue
        closing, start = (")", at + 2) if m.group() == "](" else (">", at + 2)
        if not closed[closing]:
            continue
        if closing == ">" and text.startswith(">", at + 1):
            continue  # "<>" holds nothing, so it is no tag
        end = text.find(closing, start if closing == ")" else at + 1)
        if end < 0:
            closed[closing] = False
            if not closed[")"] and not closed[">"]:
                break
            continue
        kept.append(text[last:at])
        last = end + 1
    kept.append(text[last:])
    return "".join(kept)
