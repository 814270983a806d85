"""Learn which words health writers explain where they first use them, for undefined-jargon.

    python tools/learn_explained_terms.py ../shared

On the tuning pages of ../shared/corpus-nci (cancer.gov pages for patients) and of
../shared/corpus (NIH pages), the held-out pages left out (tools/split_corpus.py), each
lower-case word's first use in the prose a rule checks (not headings, "Key Points" lists or
administrative sections) is counted, and whether the writer explained it there: a plain
explanation of two words or more in brackets right after it ("recur (come back)"), or the
word in brackets after plain words ("muscle weakness (myopathy)"). Words explained on at least
3 pages and at least a fifth of the pages that use them are written to
readlint/data/explained-terms.tsv: what writers feel their readers need explained.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from split_corpus import tuning_texts

from readlint import document, nearby
from readlint.blocks import Block
from readlint.vocabulary import SKIP_SECTIONS, readable_parts
from readlint.wordforms import fold

OUT = Path(__file__).resolve().parent.parent / "readlint" / "data" / "explained-terms.tsv"
MIN_PAGES = 3
MIN_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_EXPLANATION_AFTER = re.compile(r"\s*\(\s*(?:a|an|the|not|to|of|in|on)?\s*[a-z][a-z'’-]+"
                                r"(?:,?\s+[a-z'’-]+){1,8}\)")
_PLAIN_BEFORE = re.compile(r"[a-z]{3,}(?:\s+[a-z]+){1,6}\s*\(\s*$")


def first_uses(doc: document.Document, lower_only: bool = True
               ) -> Iterator[tuple[Block, re.Match[str], str]]:
    """Each word's first use on the page in the prose a rule checks (not headings, "Key
    Points" lists or administrative sections), with its folded form: (block, match, key).
    Words of 4 letters or more; with `lower_only`, words written in lower case only."""
    skipped = doc.blocks_under([*SKIP_SECTIONS["default"], "key points"]) | \
        nearby.key_points_lists(doc)
    seen: set[str] = set()
    for index, block in enumerate(doc.blocks):
        if block.kind == "heading" or index in skipped:
            continue
        for m in _WORD.finditer(block.text):
            word = m.group()
            key = fold(word)
            if lower_only and not word.islower() or len(word) < 4 or key in seen:
                continue
            seen.add(key)
            yield block, m, key


def explained_in_place(text: str, m: re.Match[str]) -> bool:
    """Is the word `m` of text explained right there: a plain explanation of two words or more
    in brackets after it (no figures), or the word in brackets after plain words?"""
    after = _EXPLANATION_AFTER.match(text, m.end())
    inside = text[m.end():m.end() + 1] == ")" and \
        _PLAIN_BEFORE.search(text, max(0, m.start() - 60), m.start()) is not None
    return bool(after and not re.search(r"\d", after.group())) or inside


def main(shared: Path) -> None:
    used: Counter[str] = Counter()
    explained: Counter[str] = Counter()
    count = 0
    for rel, raw in tuning_texts(shared):
        count += 1
        for block, m, key in first_uses(document.parse(raw, rel)):
            used[key] += 1
            if explained_in_place(block.text, m):
                explained[key] += 1
    # not a word read from its parts, a prefix and an everyday word ("osteoarthritis",
    # "noncancer"): a writer who explains it does so for other reasons than its hardness
    kept = sorted(k for k in used
                  if explained[k] >= MIN_PAGES and explained[k] >= MIN_SHARE * used[k]
                  and not readable_parts(k))
    lines = [
        "# Words health writers explain where they first use them: on how many pages the",
        "# word's first use is in the prose (pages), and on how many of those the writer",
        "# explained it right there (explained). Learned by tools/learn_explained_terms.py",
        f"# from {count} tuning pages of ../shared/corpus-nci (cancer.gov, U.S. government",
        "# work, National Cancer Institute) and ../shared/corpus (NIH pages from MedQuAD,",
        "# CC BY 4.0; U.S. government text), the held-out pages left out. Kept: words",
        f"# explained on at least {MIN_PAGES} pages and {MIN_SHARE:.0%} of the pages using them,",
        "# not words read from their parts (a prefix and an everyday word: \"osteoarthritis\").",
        "word\tpages\texplained",
        *(f"{k}\t{used[k]}\t{explained[k]}" for k in kept),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} words written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
