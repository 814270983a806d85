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
from pathlib import Path

from split_corpus import for_professionals, held_out, pages

from readlint import document, nearby
from readlint.vocabulary import SKIP_SECTIONS
from readlint.wordforms import fold

OUT = Path(__file__).resolve().parent.parent / "readlint" / "data" / "explained-terms.tsv"
MIN_PAGES = 3
MIN_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_EXPLANATION_AFTER = re.compile(r"\s*\(\s*(?:a|an|the|not|to|of|in|on)?\s*[a-z][a-z'’-]+"
                                r"(?:,?\s+[a-z'’-]+){1,8}\)")
_PLAIN_BEFORE = re.compile(r"[a-z]{3,}(?:\s+[a-z]+){1,6}\s*\(\s*$")


def main(shared: Path) -> None:
    used: Counter[str] = Counter()
    explained: Counter[str] = Counter()
    count = 0
    for corpus, nih in ((shared / "corpus-nci", False), (shared / "corpus", True)):
        held = held_out(nih)
        for path in pages(corpus):
            rel = path.relative_to(corpus).as_posix()
            raw = path.read_text(encoding="utf-8")
            if rel in held or not nih and for_professionals(raw):
                continue
            count += 1
            doc = document.parse(raw, rel)
            skipped = doc.blocks_under([*SKIP_SECTIONS["default"], "key points"]) | \
                nearby.key_points_lists(doc)
            seen: set[str] = set()
            for index, block in enumerate(doc.blocks):
                if block.kind == "heading" or index in skipped:
                    continue
                text = block.text
                for m in _WORD.finditer(text):
                    word = m.group()
                    key = fold(word)
                    if not word.islower() or len(word) < 4 or key in seen:
                        continue
                    seen.add(key)
                    used[key] += 1
                    after = _EXPLANATION_AFTER.match(text, m.end())
                    inside = text[m.end():m.end() + 1] == ")" and \
                        _PLAIN_BEFORE.search(text, max(0, m.start() - 60), m.start())
                    if after and not re.search(r"\d", after.group()) or inside:
                        explained[key] += 1
    kept = sorted(k for k in used
                  if explained[k] >= MIN_PAGES and explained[k] >= MIN_SHARE * used[k])
    lines = [
        "# Words health writers explain where they first use them: on how many pages the",
        "# word's first use is in the prose (pages), and on how many of those the writer",
        "# explained it right there (explained). Learned by tools/learn_explained_terms.py",
        f"# from {count} tuning pages of ../shared/corpus-nci (cancer.gov, U.S. government",
        "# work, National Cancer Institute) and ../shared/corpus (NIH pages from MedQuAD,",
        "# CC BY 4.0; U.S. government text), the held-out pages left out. Kept: words",
        f"# explained on at least {MIN_PAGES} pages and {MIN_SHARE:.0%} of the pages using them.",
        "word\tpages\texplained",
        *(f"{k}\t{used[k]}\t{explained[k]}" for k in kept),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} words written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
