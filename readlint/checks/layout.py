from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..problem import Problem, Severity
from ..rule import ACCESSIBILITY, Example, Rule

_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_EMPHASIS = re.compile(r"(?<![*\w])([*_])(?=[^\s*_])([^*_]+?)(?<=[^\s*_])\1(?![*\w])", re.S)
_HTML_BOLD = re.compile(r"<(b|strong|i|em)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>]+>")  # what a reader does not see
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_BULLET_LINE = re.compile(r"[ \t]*(?:[•·▪◦●○■□➢►✓✔]|o[ \t])[ \t]*\S")


class EmphasisAndLayout(Rule):
    """Capitals, emphasis or layout that make the page harder to read or to follow.

    Why: whole sentences in capitals are slower to read and some screen readers spell them
    out; a long run of bold or italics loses its point and tires the eye; a table whose
    header row is empty gives screen reader users no names for its columns; a list made of
    lines that start with "•" is not a list to assistive technology, which announces lists
    and their length.

    What it finds:
    - a sentence of `min_caps_words` words or more written all in capitals;
    - bold or italic text of more than `max_emphasis_words` words;
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
        for sentence in doc.sentences:
            text = sentence.text
            if text != text.upper():
                continue  # a small letter somewhere: not all in capitals
            letters = [w.text for w in sentence.words if any(c.isalpha() for c in w.text)]
            if len(letters) >= options["min_caps_words"] and \
                    all(w.isupper() for w in letters) and \
                    sum(len(w) > 3 for w in letters) >= 2:
                yield self.problem(doc, sentence.source_start, sentence.source_end,
                                   "This sentence is all in capitals, which is slower to read; "
                                   "write it in sentence case (use bold for a few key words).")
        limit = options["max_emphasis_words"]
        for block in doc.blocks:
            if block.kind == "heading" or not block.text:
                continue
            # The block's whole lines: its prose starts after any opening "**".
            start = doc.source.rfind("\n", 0, block.source_start) + 1
            end = doc.source.find("\n", block.source_offset(len(block.text) - 1))
            end = len(doc.source) if end < 0 else end
            written = doc.source[start:end]
            for pattern in (_STRONG, _EMPHASIS, _HTML_BOLD):
                for m in pattern.finditer(written):
                    count = len(_WORD.findall(_LINK_TARGET.sub("", m.group(2))))
                    if count > limit:
                        yield self.problem(doc, start + m.start(), start + m.end(),
                                           f"{count} words in bold or italics: keep emphasis "
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
