"""What the HTML report shows of one document: its prose, sentence by sentence, with the
sentences and terms to work on marked, and its problems. Built once per document while it
is checked, from the document's shared views."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from ..document import Document
from ..results import FileResult, RuleInfo
from ..rule import HARD_SENTENCE, LONG_SENTENCE, MISSING_LINK, PLAIN_WORD, UNDEFINED_TERM

# The kinds of term marks, as the page names them, by what their rules feed.
MARK_KINDS = ((UNDEFINED_TERM, "term"), (MISSING_LINK, "link"), (PLAIN_WORD, "plain"))


def document_view(doc: Document, result: FileResult,
                  rules: Mapping[str, RuleInfo]) -> str:
    """Compact data for the page, as JSON text (orjson's, so it reads back to the same
    bytes): {"blocks", "problems"}, each block as [kind, heading level, line, text,
    sentences, marks]; a sentence as [start, end, words, index of its long-sentence problem
    or -1, its place among the page's hardest sentences (1: the hardest; 0: not among
    them), its difficulty score as shown (a whole number), what makes it hard]; a mark as
    [start, end, index of its problem, kind]; a problem as [line, column, code, rule,
    severity, message]. Only sentences the page marks (long or among the hardest) are
    listed: the others are plain text. Which problems are long sentences or terms comes
    from the tags of their rules; the hardest sentences, with their scores and reasons, are
    those the page's measures hold (HARD_SENTENCE: scored once, while the page was
    checked)."""
    problems = result.problems

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
    hard_at = {h["start"]: (rank, h) for rank, h in enumerate(
        result.measures.get(HARD_SENTENCE, {}).get("hardest", ()), 1)}
    by_block: dict[int, list[list[Any]]] = {}
    if long_at or hard_at:
        for sentence in doc.sentences:
            long = long_at.get(sentence.source_start, -1)
            rank, hard = hard_at.get(sentence.source_start, (0, None))
            if long >= 0 or hard is not None:
                by_block.setdefault(sentence.block_index, []).append([
                    sentence.start, sentence.end, len(sentence.words), long, rank,
                    int(f"{hard['score']:.0f}") if hard is not None else 0,
                    hard["reasons"] if hard is not None else []])
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
