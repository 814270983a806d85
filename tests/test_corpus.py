"""Run over the development corpora (../shared) when present: no crash, and positions that
point at the text they describe."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from helpers import SHARED

from readlint import document
from readlint.run import Run

pytestmark = pytest.mark.corpus

CORPORA = [SHARED / "corpus", SHARED / "corpus-nci"]


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_whole_corpus_is_checked_without_a_crash(corpus: Path):
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is not here")
    result = Run.with_config().lint_paths([str(corpus)])
    assert result.errors == []
    checked = [f for f in result.files if f.error is None]
    # every page; the corpus's own README.md is a repository file readlint leaves out
    expected = sum(1 for p in corpus.rglob("*.md") if not p.name.lower().startswith("readme"))
    assert len(checked) == expected
    counts = Counter(p.rule for p in result.problems)
    assert counts["long-sentence"] > 0 and counts["reading-grade"] > 0
    for problem in result.problems:
        assert 1 <= problem.line <= problem.end_line
        assert problem.column >= 1


def test_every_sentence_maps_back_to_its_own_text():
    corpus = SHARED / "corpus-nci"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is not here")
    mismatched = []
    total = 0
    for path in sorted(corpus.rglob("*.md")):
        doc = document.load(path)
        for sentence in doc.sentences:
            total += 1
            first, last = sentence.text[0], sentence.text[-1]
            if doc.source[sentence.source_start] != first or \
                    doc.source[sentence.source_end - 1] != last:
                mismatched.append((str(path), doc.position(sentence.source_start),
                                   sentence.text[:40]))
    assert total > 100_000
    assert mismatched[:5] == []
