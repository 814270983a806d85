"""What the HTML report shows of one document: its prose, sentence by sentence, with the
sentences and terms to work on marked, and its problems. Built once per document while it
is checked, from the document's shared views."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..document import Document
from ..readability import TextStats
from ..results import FileResult, RuleInfo
from ..rule import GRADE, LONG_SENTENCE, MISSING_LINK, PLAIN_WORD, UNDEFINED_TERM

TERM_TAGS = frozenset({UNDEFINED_TERM, MISSING_LINK, PLAIN_WORD})


def document_view(doc: Document, result: FileResult,
                  rules: Mapping[str, RuleInfo]) -> dict[str, Any]:
    """Compact data for the page: each block as [kind, heading level, line, text, sentences,
    marks]; a sentence as [start, end, words, grade, 1 if long, 1 if hard]; a mark (a term to
    work on) as [start, end, index of its problem]; a problem as [line, column, code, rule,
    severity, message]. Which problems are long sentences or terms comes from the tags of
    their rules."""
    problems = result.problems
    grading = result.measures.get(GRADE, {})
    formulas = grading.get("formulas", ["flesch_kincaid_grade"])
    target = float(grading.get("target", 8.0))

    def tagged(rule: str, tags: frozenset[str]) -> bool:
        info = rules.get(rule)
        return info is not None and bool(info.tags & tags)

    long_starts = {p.start for p in problems if tagged(p.rule, frozenset({LONG_SENTENCE}))}
    by_block: dict[int, list[list[Any]]] = {}
    for sentence in doc.sentences:
        stats = TextStats.from_sentences([sentence])
        grade = stats.grade(formulas) if stats.words >= 3 else 0.0
        by_block.setdefault(sentence.block_index, []).append([
            sentence.start, sentence.end, len(sentence.words), round(grade, 1),
            int(sentence.source_start in long_starts), int(grade > target + 4)])
    marks: dict[int, list[list[int]]] = {}
    for number, problem in enumerate(problems):
        if not tagged(problem.rule, TERM_TAGS):
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
