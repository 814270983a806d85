"""Find the stock sentences of the corpus sites: sentences that many pages repeat word for word,
the page's own topic aside, such as GARD's "The Human Phenotype Ontology provides the following
list of signs and symptoms for ..." or the paragraph at the foot of every cancer.gov drug page.
reading-grade grades the writer's own words and leaves them out.

    python tools/find_stock_text.py ../shared [--pages 10]

Reads the tuning pages of ../shared/corpus-nci (cancer.gov) and ../shared/corpus (NIH pages,
MedQuAD), never the held-out ones (benchmarks/held-out.txt, benchmarks/held-out-nih.txt), with
readlint's own sentences, and writes readlint/data/stock-sentences.txt: the key of each
sentence of three words or more found on at least --pages pages of one site, then (for the
reader) the number of pages and the sentence as first seen.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
import split_corpus  # noqa: E402

from readlint.document import load  # noqa: E402
from readlint.stock import STOCK_PATH, stock_key  # noqa: E402
from readlint.wordforms import topic_words  # noqa: E402


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("--pages", type=int, default=10)
    args = parser.parse_args(argv)
    found: dict[str, list[str]] = {}
    counts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for folder, nih in (("corpus-nci", False), ("corpus", True)):
        corpus = args.shared / folder
        held = split_corpus.held_out(nih)
        for path in split_corpus.pages(corpus):
            rel = path.relative_to(corpus).as_posix()
            if rel in held:
                continue
            site = folder if not nih else f"{folder}/{rel.split('/')[0]}"
            doc = load(path)
            topic = topic_words(doc)
            for sentence in doc.sentences:
                if len(sentence.words) < 3:
                    continue
                key = stock_key(sentence, topic)
                counts[(site, key)].add(rel)
                found.setdefault(key, [" ".join(sentence.text.split())])
    best: dict[str, int] = {}
    for (_, key), pages in counts.items():
        if len(pages) >= args.pages:
            best[key] = max(best.get(key, 0), len(pages))
    lines = ["# Stock sentences: the key of each sentence (its words, case left out, the page's "
             "topic as one mark) that",
             f"# at least {args.pages} tuning pages of one site repeat, the number of pages, "
             "and the sentence as first seen.",
             "# Sources: cancer.gov pages (National Cancer Institute) and NIH pages (MedQuAD), "
             "U.S. government works.",
             "# Written by tools/find_stock_text.py; held-out pages left out."]
    for key, pages in sorted(best.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"{key}\t{pages}\t{found[key][0][:200]}")
    STOCK_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(best)} stock sentences written to {STOCK_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
