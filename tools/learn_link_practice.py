"""Learn how cancer.gov editors link dictionary terms, for glossary-link's sense of which terms
are worth a link.

    python tools/learn_link_practice.py ../shared

For each entry of the bundled glossaries, on the training pages of ../shared/corpus-nci that
link dictionary terms at all (benchmarks/held-out.txt is left out): on how many pages the term
is used in the prose, and on how many of those the editors linked it. Written to
readlint/data/glossaries/nci-link-practice.tsv, which the glossaries name in `practice_tsv`.

Also printed: how often editors link a term's uses by where the use stands (a paragraph, a
list item, a table cell, a "Key Points" list, a "To Learn More" section, a caption, the page's
own topic), which decides what glossary-link leaves alone.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from split_corpus import for_professionals, training_pages

from readlint import document
from readlint.checks.glossary_link import Use, glossary_uses, in_quotation
from readlint.glossary import BUNDLED, Glossary, matcher_for
from readlint.vocabulary import SKIP_SECTIONS

HERE = Path(__file__).resolve().parent.parent / "readlint" / "data" / "glossaries"
MIN_LINKS = 3  # a page with fewer dictionary links does not practise linking


def context(doc: document.Document, index: int, title_words: set[str],
            term: str) -> str:
    """Where a use stands, in the words of the printed table."""
    heading = ""
    for i in range(index, -1, -1):
        if doc.blocks[i].kind == "heading":
            heading = doc.blocks[i].text.strip().lower()
            break
    if heading.startswith("key points"):
        return "key points list"
    if heading.startswith("to learn more"):
        return "to learn more section"
    if index in doc.captions:
        return "caption"
    if {w.lower() for w in re.findall(r"[^\W_]+", term)} <= title_words:
        return "the page's own topic"
    return doc.blocks[index].kind


def on_term(use: Use, glossaries: Sequence[Glossary]) -> bool:
    """Is the link on a use the editors' link for that term: a dictionary link that goes to
    the term's entry, or that covers exactly the term? A word inside a longer linked phrase
    ("drugs" in "Drugs Approved for Breast Cancer") is not a link for that word."""
    assert use.link is not None
    for glossary in glossaries:
        inside, entry = glossary.resolve(use.link.href)
        if inside:
            return entry in use.match.entries or \
                (use.link.start, use.link.end) == (use.match.start, use.match.end)
    return False


def main(shared: Path) -> None:
    corpus = shared / "corpus-nci"
    matcher = matcher_for(BUNDLED)
    seen: Counter[str] = Counter()
    linked: Counter[str] = Counter()
    names: dict[str, str] = {}
    by_context: dict[str, Counter[str]] = {}
    pages = 0
    for path in training_pages(corpus):
        if for_professionals(path.read_text(encoding="utf-8")):
            continue  # pages for health professionals link far fewer terms
        doc = document.load(path)
        links = [lk for b in doc.blocks for lk in b.links
                 if any(g.resolve(lk.href)[0] for g in matcher.glossaries)]
        if len(links) < MIN_LINKS:
            continue
        pages += 1
        targets = set()
        for link in links:
            for glossary in matcher.glossaries:
                inside, entry = glossary.resolve(link.href)
                if entry is not None:
                    targets.add(f"{entry.glossary}\t{entry.id}")
        title = str(doc.metadata.get("title", "")).split(" - ")[0]
        title_words = {w.lower() for w in re.findall(r"[^\W_]+", title)}
        skipped = doc.blocks_under(SKIP_SECTIONS["default"])
        here_seen: set[str] = set()
        here_linked: set[str] = set()
        first: set[str] = set()
        for use in glossary_uses(doc, matcher.find, 2, skipped):
            entry = use.match.entries[0]
            key = f"{entry.glossary}\t{entry.id}"
            names.setdefault(key, entry.term)
            here_seen.add(key)
            is_linked = use.link is not None and on_term(use, matcher.glossaries)
            if is_linked or key in targets:
                here_linked.add(key)
            if key not in first:
                first.add(key)
                index = doc.blocks.index(use.block)
                where = context(doc, index, title_words, use.match.text)
                if where == "paragraph" and in_quotation(use.block.text, use.match.start):
                    where = "quotation"
                by_context.setdefault(where, Counter())["linked" if is_linked else "plain"] += 1
        seen.update(here_seen)
        linked.update(here_linked)
    lines = [
        "# How cancer.gov editors link the terms of readlint's bundled glossaries: for each",
        "# entry, on how many pages the term is used in the prose (pages) and on how many of",
        f"# those it is linked (linked). Learned from the {pages} cancer.gov pages (U.S.",
        "# government work, National Cancer Institute) of ../shared/corpus-nci that link at",
        f"# least {MIN_LINKS} dictionary terms (pages for health professionals and",
        "# benchmarks/held-out.txt left out), by",
        "# tools/learn_link_practice.py.",
        "glossary\tid\tterm\tpages\tlinked",
    ]
    for key in sorted(seen, key=lambda k: (k.split("\t")[0], names[k].lower(), k)):
        lines.append(f"{key}\t{names[key]}\t{seen[key]}\t{linked[key]}")
    (HERE / "nci-link-practice.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(seen)} entries used on {pages} pages")
    print("\nfirst use of a term on a page, by where it stands: linked / all")
    for where, counts in sorted(by_context.items(), key=lambda kv: -sum(kv[1].values())):
        total = sum(counts.values())
        print(f"  {where:24} {counts['linked']:6d} / {total:6d}  ({counts['linked'] / total:.2f})")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
