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
    by_block: dict[int, list[dict[str, Any]]] = {}
    for sentence in doc.sentences:
        stats = TextStats.from_sentences([sentence])
        grade = stats.grade(formulas) if stats.words >= 3 else 0.0
        by_block.setdefault(sentence.block_index, []).append({
            "s": sentence.start, "e": sentence.end, "w": len(sentence.words),
            "g": round(grade, 1), "long": len(sentence.words) > long_words,
            "hard": grade > target + 4,
        })
    marks: dict[int, list[dict[str, Any]]] = {}
    for problem in problems:
        if problem.rule not in TERM_RULES:
            continue
        for index, block in enumerate(doc.blocks):
            start = block.text_offset(problem.start)
            if start is not None:
                end = block.text_offset(problem.end - 1)
                marks.setdefault(index, []).append({
                    "s": start, "e": (end + 1) if end is not None else start + 1,
                    "r": problem.rule, "m": problem.message})
                break
    blocks = []
    for index, block in enumerate(doc.blocks):
        blocks.append({
            "k": block.kind, "l": block.level, "line": doc.position(block.source_start)[0],
            "t": block.text, "sentences": by_block.get(index, []),
            "marks": sorted(marks.get(index, []), key=lambda m: m["s"]),
        })
    return {
        "blocks": blocks,
        "problems": [{"line": p.line, "column": p.column, "code": p.code, "rule": p.rule,
                      "severity": str(p.severity), "message": p.message} for p in problems],
    }
