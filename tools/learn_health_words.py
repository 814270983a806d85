"""Learn which words belong to health writing rather than to everyday English, for
undefined-jargon.

    python tools/learn_health_words.py ../shared

On the tuning pages of ../shared/corpus-nci (cancer.gov pages for patients) and of
../shared/corpus (NIH pages), the held-out pages left out (tools/split_corpus.py), every word
written in lower case in the prose is counted, in its plain form ("polyp" for "polyps"). A
word is a health word when these pages use it at least KEYNESS times (log10) as often as
English does (wordfreq's Zipf frequency), on at least MIN_PAGES pages, and English uses it less
than MAX_ZIPF: "autosomal", "glycogen", "urethra" — words a health page leans on that few lay
readers meet anywhere else; not a word made with a common ending from an everyday one
("insufficiency", "infantile").
Written to readlint/data/health-words.tsv with how often the pages use each.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from pathlib import Path

from split_corpus import tuning_texts

from readlint.hardness import family_zipf
from readlint.source import front_matter
from readlint.vocabulary import word_zipf
from readlint.wordforms import fold

OUT = Path(__file__).resolve().parent.parent / "readlint" / "data" / "health-words.tsv"
KEYNESS = 2.0  # a hundred times as common on health pages as in English
MIN_PAGES = 5
MIN_ZIPF = 2.0  # rarer words are hard already (undefined-jargon's max_zipf)
MAX_ZIPF = 3.3
# A word in lower case standing alone (not part of a name with a capital, a link's address,
# or a word joined by a hyphen).
_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")


# Endings that make a word from another, and what the other word ends with: a reader who
# knows "insufficient", "retarded", "infant" or "lax" can read "insufficiency",
# "retardation", "infantile" and "laxity".
_DERIVED = (("ency", ("ent",)), ("ancy", ("ant",)), ("ation", ("e", "ed", "")),
            ("ity", ("", "e")), ("ile", ("",)))
EVERYDAY_ZIPF = 3.5


def from_everyday(word: str) -> bool:
    """Is the word made with a common ending from an everyday word (Zipf EVERYDAY_ZIPF or
    more)?"""
    for ending, bases in _DERIVED:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[:-len(ending)]
            if any(word_zipf(stem + base) >= EVERYDAY_ZIPF for base in bases):
                return True
    return False


def main(shared: Path) -> None:
    uses: Counter[str] = Counter()
    on_pages: Counter[str] = Counter()
    forms: dict[str, set[str]] = {}  # the forms written of each plain form
    words = count = 0
    for rel, raw in tuning_texts(shared):
        count += 1
        body = _LINK_TARGET.sub("]", raw[front_matter(raw, rel)[1]:])
        written = _WORD.findall(body)
        found = [fold(word) for word in written]  # "polyps" counts as "polyp"
        for word, key in zip(written, found, strict=True):
            forms.setdefault(key, set()).add(word)
        words += len(found)
        uses.update(found)
        on_pages.update(set(found))
    kept = []
    for word, n in uses.items():
        if on_pages[word] < MIN_PAGES or len(word) < 4:
            continue
        # as common as its most common form: "impaired" (Zipf 3.7) makes "impair" no rare
        # word, nor "always" the plain form "alway" folding gives it
        zipf = max(family_zipf(form) for form in forms[word] | {word})
        if not MIN_ZIPF <= zipf < MAX_ZIPF:
            continue
        if math.log10(n / words * 1e9) - zipf >= KEYNESS and not from_everyday(word):
            kept.append(word)
    kept.sort()
    lines = [
        "# Words of health writing: words in lower case that the tuning pages of",
        "# ../shared/corpus-nci (cancer.gov, U.S. government work, National Cancer",
        "# Institute) and ../shared/corpus (NIH pages from MedQuAD, CC BY 4.0; U.S. government",
        f"# text) use at least {10 ** KEYNESS:.0f} times as often as English does (wordfreq's",
        f"# Zipf frequency), on {MIN_PAGES} pages or more, and that English uses rarely (Zipf",
        f"# {MIN_ZIPF:g} to {MAX_ZIPF:g}); not words made with a common ending from an everyday",
        "# word (\"insufficiency\"). Words are counted in their plain form (\"polyp\" for",
        "# \"polyps\"); undefined-jargon uses those rarer than its health_max_zipf (2.9).",
        "# Learned by tools/learn_health_words.py from",
        f"# {count} pages ({words:,} words), the held-out pages left out.",
        "word\tuses\tpages",
        *(f"{w}\t{uses[w]}\t{on_pages[w]}" for w in kept),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} words written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
