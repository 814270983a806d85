"""What the HTML report shows of one document: its prose, sentence by sentence, with the
sentences and terms to work on marked, and its problems. Built once per document while it
is checked, from the document's shared views."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..document import Document
from ..problem import Problem
from ..readability import TextStats

TERM_RULES = ("undefined-jargon", "glossary-link", "plain-words")


def document_view(doc: Document, problems: Sequence[Problem], target: float,
                  formulas: Sequence[str], long_words: int) -> dict[str, Any]:
    """Compact data for the page: each block as [kind, heading level, line, text, sentences,
    marks]; a sentence as [start, end, words, grade, 1 if long, 1 if hard]; a mark (a term to
    work on) as [start, end, index of its problem]; a problem as [line, column, code, rule,
    severity, message]."""
    by_block: dict[int, list[list[Any]]] = {}
    for sentence in doc.sentences:
        stats = TextStats.from_sentences([sentence])
        grade = stats.grade(formulas) if stats.words >= 3 else 0.0
        by_block.setdefault(sentence.block_index, []).append([
            sentence.start, sentence.end, len(sentence.words), round(grade, 1),
            int(len(sentence.words) > long_words), int(grade > target + 4)])
    marks: dict[int, list[list[int]]] = {}
    for number, problem in enumerate(problems):
        if problem.rule not in TERM_RULES:
            continue
        found = doc.block_at(problem.start)
        if found is not None:
            index, start = found
            end = doc.blocks[index].text_offset(problem.end - 1)
            marks.setdefault(index, []).append(
                [start, (end + 1) if end is not None else start + 1, number])
    return {
        "blocks": [[block.kind, block.level, doc.position(block.source_start)[0], block.text,
                    by_block.get(index, []), sorted(marks.get(index, []))]
                   for index, block in enumerate(doc.blocks)],
        "problems": [[p.line, p.column, p.code, p.rule, str(p.severity), p.message]
                     for p in problems],
    }
