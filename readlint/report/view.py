"""What the HTML report shows of one document: its prose, sentence by sentence, with the
sentences and terms to work on marked, and its problems. Built once per document while it
is checked, from the document's shared views."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import orjson

from ..document import Document
from ..readability import TextStats
from ..results import FileResult, RuleInfo
from ..rule import GRADE, LONG_SENTENCE, MISSING_LINK, PLAIN_WORD, UNDEFINED_TERM

# The kinds of term marks, as the page names them, by what their rules feed.
MARK_KINDS = ((UNDEFINED_TERM, "term"), (MISSING_LINK, "link"), (PLAIN_WORD, "plain"))
# A sentence is "hard" when its grade is this far above the document's target.
HARD_ABOVE_TARGET = 4.0
# Blocks whose sentences are prose; headings and table cells are labels, not sentences.
PROSE_KINDS = frozenset({"paragraph", "list_item", "blockquote"})
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'”’)\]]*\s*$")


def document_view(doc: Document, result: FileResult,
                  rules: Mapping[str, RuleInfo]) -> str:
    """Compact data for the page, as JSON text (orjson's, so it reads back to the same
    bytes): {"blocks", "problems"}, each block as [kind, heading level, line, text,
    sentences, marks]; a sentence as [start, end, words, grade, index of its long-sentence
    problem or -1, 1 if hard]; a mark as [start, end, index of its problem, kind]; a problem
    as [line, column, code, rule, severity, message]. Only sentences the page marks (long or
    hard) are listed: the others are plain text. Which problems are long sentences or terms
    comes from the tags of their rules. Only sentences of prose get a grade: headings, table
    cells, figure captions and short list labels are not sentences to score."""
    problems = result.problems
    grading = result.measures.get(GRADE, {})
    formulas = grading.get("formulas", ["flesch_kincaid_grade"])
    target = float(grading.get("target", 8.0))

    def kind_of(rule: str) -> str | None:
        info = rules.get(rule)
        if info is None:
            return None
        if LONG_SENTENCE in info.tags:
            return "long"
        return next((kind for tag, kind in MARK_KINDS if tag in info.tags), None)

    kinds = [kind_of(p.rule) for p in problems]
    long_at = {p.start: n for n, (p, kind) in enumerate(zip(problems, kinds, strict=True))
               if kind == "long"}
    captions = doc.captions
    by_block: dict[int, list[list[Any]]] = {}
    for sentence in doc.sentences:
        block = doc.blocks[sentence.block_index]
        words = len(sentence.words)
        text = block.text[sentence.start:sentence.end]
        scored = block.kind in PROSE_KINDS and sentence.block_index not in captions and \
            words >= 5 and (words >= 10 or bool(_ENDS_SENTENCE.search(text)))
        grade = TextStats.from_sentences([sentence]).grade(formulas) if scored else 0.0
        long = long_at.get(sentence.source_start, -1)
        hard = int(scored and grade > target + HARD_ABOVE_TARGET)
        if long >= 0 or hard:
            by_block.setdefault(sentence.block_index, []).append([
                sentence.start, sentence.end, words, round(grade, 1), long, hard])
    marks: dict[int, list[list[Any]]] = {}
    for number, (problem, kind) in enumerate(zip(problems, kinds, strict=True)):
        if kind is None or kind == "long":
            continue
        found = doc.block_at(problem.start)
        if found is not None:
            index, start = found
            end = doc.blocks[index].text_offset(problem.end - 1)
            marks.setdefault(index, []).append(
                [start, (end + 1) if end is not None else start + 1, number, kind])
    return orjson.dumps({
        "blocks": [[block.kind, block.level, doc.position(block.source_start)[0], block.text,
                    by_block.get(index, []), sorted(marks.get(index, []))]
                   for index, block in enumerate(doc.blocks)],
        "problems": [[p.line, p.column, p.code, p.rule, str(p.severity), p.message]
                     for p in problems],
    }).decode("utf-8")
