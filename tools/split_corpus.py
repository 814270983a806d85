"""The split of ../shared/corpus-nci into pages readlint's vocabulary data is learned from and
pages it is measured on (held out). The held-out list is kept in benchmarks/held-out.txt.

    python tools/split_corpus.py ../shared    # write benchmarks/held-out.txt again

Held out: of the pages that were held out before (every patient PDQ summary, with url
/patient/; the seed page; every page whose path's SHA-1, read as a number, is divisible by 5),
those whose path, after the word "held-out-3:", has an even SHA-1. That is half of them: the
other half was read while the vocabulary rules were last changed, and is now for tuning. Of
those, the pages whose flags a hand check has read (the pages named in READ_CHECKS, of the
vocabulary rules and of hard-sentence) are for tuning too: what was learned from reading them
must not count in the next figure. The rule uses only the paths, so it gives the same split on
every machine.

When those pages ran short (undefined-jargon said nothing on 70 of them), a fourth slice was
taken out of tuning and the vocabulary data learned again without it: pages whose path after
"held-out-4:" has a SHA-1 divisible by 3 (cancer.gov) or by 10 (NIH) and whose flags no hand
check in benchmarks/hand-check/ has read, tuning checks included.
When the cancer.gov pages of that slice ran short in turn (undefined-jargon flagged none of
the 253 left), a fifth slice was taken the same way: cancer.gov pages whose path after
"held-out-5:" has an even SHA-1 and whose flags no hand check has read. And when those in
turn carried no flag left, a sixth: the same with "held-out-6:". And when the held-out pages
carried almost no undefined-jargon flag left (4 on 524 cancer.gov pages for patients, none on
201 NIH pages), a seventh: the same with "held-out-7:" for cancer.gov pages, and NIH pages
whose path after "held-out-7:" has a SHA-1 divisible by 10, whose flags no hand check has read.
And when the held-out NIH pages carried 24 undefined-jargon flags left (on 301 pages), an
eighth: NIH pages whose path after "held-out-8:" has a SHA-1 divisible by 6, whose flags no
hand check has read. And when the held-out NIH pages carried 26 undefined-jargon flags left in
running prose (on 630 pages), a ninth: NIH pages whose path after "held-out-9:" has a SHA-1
divisible by 5, whose flags no hand check has read. A tenth, an eleventh and a twelfth (rounds
32, 33 and 35) took the same way a tenth of the NIH pages still unread, with "held-out-10:",
"held-out-11:" and "held-out-12:".

The NIH pages of ../shared/corpus (MedQuAD) are split the same way, by path alone: a page whose
path's SHA-1 is divisible by 10, and whose path after "held-out-3:" has an even SHA-1, is held
out (benchmarks/held-out-nih.txt) unless a hand check in READ_CHECKS has read its flags, for
hand checks of flags on pages of other sites than cancer.gov.
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = ROOT / "benchmarks" / "held-out.txt"
HELD_OUT_NIH = ROOT / "benchmarks" / "held-out-nih.txt"
SEED_PAGE = "cancer-types/types-breast-research-t-dm1.md"


# A link to the NCI dictionaries on a cancer.gov page, in every form the pages use (with a
# title after the address, "(/about-cancer/treatment/drugs/nivolumab "Nivolumab")", and
# brackets in its words, "[Asparaginase Erwinia Chrysanthemi [Recombinant]-rywn](...)").
DICTIONARY_LINK = re.compile(
    r"\[((?:[^\[\]]|\[[^\[\]]*\])+)\]\(((?:https?://www\.cancer\.gov)?(?:/publications/"
    r"dictionaries/cancer-(?:terms|drug)/def/[^)\s]+|/Common/PopUps/popDefinition\.aspx\?"
    r"[^)\s]+|(?:\.\./)*Common/PopUps/popDefinition\.aspx\?[^)\s]+|/about-cancer/treatment/"
    r"drugs/[^)\s]+|/drugdictionary\?CdrID=\d+))(?:\s+\"[^\"]*\")?\)")


def as_draft(raw: str) -> str:
    """The page as a draft: its links to the NCI dictionaries removed, their words left."""
    return DICTIONARY_LINK.sub(lambda m: m.group(1), raw)


def pages(corpus: Path) -> list[Path]:
    return [p for p in sorted(corpus.rglob("*.md")) if p.name != "README.md"]


def _sha1(text: str) -> int:
    return int(hashlib.sha1(text.encode()).hexdigest(), 16)


# Hand checks of flags on held-out pages, whose pages have been read since (paths under
# ../shared in their first column).
READ_CHECKS = ("round3/undefined-jargon.tsv", "round3/glossary-link.tsv",
               "round3/plain-words.tsv", "round3/earlier/undefined-jargon-8111.tsv",
               "round3/earlier/glossary-link-8112.tsv", "round3/undefined-jargon-8131.tsv",
               "round3/undefined-jargon-8141.tsv", "round3/undefined-jargon-8151.tsv",
               "hard-sentence-9311.tsv", "round4/undefined-jargon-9411.tsv",
               "round4/glossary-link-9412.tsv", "round4/plain-words-9413.tsv",
               "round4/undefined-jargon-9421.tsv", "hard-sentence-9431.tsv",
               "round4/undefined-jargon-9511.tsv", "round5/undefined-jargon-9521.tsv",
               "round6/undefined-jargon-9611.tsv", "round6/glossary-link-9612.tsv",
               "round6/plain-words-9613.tsv", "round6/undefined-jargon-9711.tsv",
               "round7/undefined-jargon-9811.tsv", "round8/undefined-jargon-9911.tsv",
               "round8/glossary-link-9912.tsv", "round8/plain-words-9913.tsv",
               "round9/undefined-jargon-change-10011.tsv", "round9/undefined-jargon-10111.tsv",
               "round9/glossary-link-10112.tsv", "round9/plain-words-10113.tsv",
               "round9/undefined-jargon-change-10021.tsv",
               "round9/undefined-jargon-change-10031.tsv",
               "round9/plain-words-change-10041.tsv", "round9/plain-words-change-10051.tsv",
               "round9/undefined-jargon-change-10061.tsv",
               "round9/undefined-jargon-change-10071.tsv",
               "round9/undefined-jargon-change-10081.tsv",
               "round9/undefined-jargon-change-10091.tsv",
               "round9/undefined-jargon-change-10101.tsv",
               "round10/undefined-jargon-20002.tsv", "round10/plain-words-20003.tsv",
               "round10/glossary-link-20004.tsv", "round10/undefined-jargon-change-20011.tsv",
               "round10/undefined-jargon-change-20012.tsv",
               "round10/undefined-jargon-change-20013.tsv",
               "round10/plain-words-change-20014.tsv",
               "round10/plain-words-change-20015.tsv",
               "round11/plain-words-21002.tsv", "round11/plain-words-change-21001.tsv",
               "round11/plain-words-change-21004.tsv", "round11/plain-words-change-21005.tsv",
               "round11/plain-words-change-21006.tsv",
               "round11/undefined-jargon-change-21003.tsv",
               "round11/vocabulary-change-21007.tsv",
               "round12/undefined-jargon-change-22001.tsv",
               "round12/undefined-jargon-health-words-22002.tsv",
               "round12/undefined-jargon-health-words-change-22003.tsv",
               "round12/undefined-jargon-22004.tsv",
               "round12/vocabulary-change-22006.tsv",
               "round12/undefined-jargon-22005.tsv",
               "round12/undefined-jargon-change-22007.tsv",
               "round12/undefined-jargon-change-22008.tsv",
               "round12/vocabulary-change-22009.tsv",
               "round13/undefined-jargon-change-22010.tsv",
               "round13/undefined-jargon-change-22011.tsv",
               "round13/undefined-jargon-change-22012.tsv",
               "round13/undefined-jargon-22013.tsv",
               "round13/undefined-jargon-22014.tsv",
               "round13/undefined-jargon-change-22015.tsv",
               "round13/vocabulary-change-22016.tsv",
               "round13/undefined-jargon-22017.tsv",
               "round13/undefined-jargon-change-22018.tsv",
               "round13/undefined-jargon-change-22019.tsv",
               "round13/undefined-jargon-22020.tsv",
               "round13/undefined-jargon-change-22021.tsv",
               "round13/undefined-jargon-change-22022.tsv",
               "round13/undefined-jargon-22023.tsv",
               "round14/undefined-jargon-22024.tsv",
               "round14/undefined-jargon-confidence-22025.tsv",
               "round14/undefined-jargon-change-22026.tsv",
               "round14/undefined-jargon-change-22027.tsv",
               "round14/undefined-jargon-22028.tsv",
               "round14/undefined-jargon-confidence-22030.tsv",
               "round14/undefined-jargon-22031.tsv",
               "round14/undefined-jargon-22033.tsv",
               "round14/undefined-jargon-change-22035.tsv",
               "round14/undefined-jargon-change-22036.tsv",
               "round14/hard-sentence-change-22037.tsv",
               "round15/glossary-link-drafts-22040.tsv",
               "round15/glossary-link-drafts-22041.tsv",
               "round15/glossary-link-drafts-22042.tsv",
               "round15/glossary-link-drafts-22043.tsv",
               "round15/glossary-link-drafts-22044.tsv",
               "round16/undefined-jargon-added-22045.tsv",
               "round16/glossary-link-drafts-22046.tsv",
               "round16/glossary-link-drafts-22047.tsv",
               "round16/glossary-link-drafts-added-22048.tsv",
               "round17/audience-mismatch-change-22049.tsv",
               "round17/audience-mismatch-22050.tsv",
               "round17/audience-mismatch-22051-22052.tsv",
               "round17/reading-grade-change-22053.tsv",
               "round17/audience-mismatch-22054.tsv",
               "round18/sentences-run-together-22055.tsv",
               "round18/editor-review-changes-22056-22057.tsv",
               "round18/plain-words-explained-22058-22059.tsv",
               "round18/plain-words-22060.tsv", "round18/undefined-jargon-22061.tsv",
               "round18/plain-words-resource-titles-22063.tsv",
               "round19/plain-words-tuning-review-31001.tsv",
               "round19/plain-words-changes-22064.tsv",
               "round19/plain-words-8610796-22065.tsv",
               "round19/plain-words-changes-22066.tsv", "round19/plain-words-22067.tsv",
               "round20/plain-words-changes-22068.tsv",
               "round20/plain-words-professionals-changes-22070.tsv",
               "round20/plain-words-22071.tsv", "round20/plain-words-changes-22072.tsv",
               "round20/undefined-jargon-22073.tsv",
               "round21/undefined-jargon-changes-22074.tsv",
               "round21/undefined-jargon-changes-22076.tsv",
               "round21/glossary-link-changes-22075.tsv",
               "round21/glossary-link-changes-22077.tsv",
               "round21/glossary-link-22078.tsv",
               "round21/plain-words-changes-22079.tsv",
               "round21/plain-words-changes-22080.tsv",
               "round21/plain-words-22081.tsv",
               "round21/plain-words-changes-22082.tsv",
               "round22/glossary-link-changes-22083.tsv",
               "round22/glossary-link-22084.tsv")
READ_CHECKS_DIR = ROOT / "benchmarks" / "hand-check"


@cache
def _read_pages() -> frozenset[str]:
    """The pages, as paths under ../shared, whose flags a hand check in READ_CHECKS has read."""
    read = set()
    for name in READ_CHECKS:
        for line in (READ_CHECKS_DIR / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(("#", "page\t")):
                read.add(checked_page(line.split("\t", 1)[0]))
    return frozenset(read)


def checked_page(page: str) -> str:
    """A page as a hand check names it, as a path under ../shared: the oldest checks name a
    page without its corpus ("gard/gard-0000070.md", "cancer-types/..."), which is the NIH
    corpus's when it has a page of that path (their folders are not cancer.gov's)."""
    if page.startswith(("corpus/", "corpus-nci/")):
        return page
    return f"corpus/{page}" if page.split("/", 1)[0] in NIH_FOLDERS else f"corpus-nci/{page}"


def judged_rows(rule: str) -> Iterator[tuple[tuple[str, int, str], str, str]]:
    """Each flag of the rule a hand check in benchmarks/hand-check/ gives a verdict (the files
    whose names hold the rule's), oldest check first (rounds in order, the top-level files
    before them): ((page under ../shared, line, column), verdict as written, file name); the
    oldest checks kept no column, and give the flagged words in small letters instead."""
    for tsv in sorted(READ_CHECKS_DIR.rglob(f"*{rule}*.tsv"), key=_reading_order):
        lines = [line for line in tsv.read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            page, line = row.get("page") or "", row.get("line") or ""
            verdict = (row.get("verdict") or "").strip().lower()
            if not page or not line.isdigit() or not verdict:
                continue
            where = row.get("column") or folded_words(row.get("flagged") or "")
            yield (checked_page(page), int(line), where), verdict, tsv.name


def _reading_order(path: Path) -> tuple[int, str]:
    """Rounds in order (round3 ... round13), the oldest, top-level files first."""
    parent = path.parent.name
    number = int(parent.removeprefix("round")) if parent.startswith("round") and \
        parent[5:].isdigit() else 0
    return number, path.name


def folded_words(text: str) -> str:
    """Words as the oldest hand checks name a flag: in small letters, one space apart."""
    return " ".join(text.lower().split())


# The folders of ../shared/corpus (MedQuAD's sources: gard, ghr, cdc ...), none of them
# cancer.gov's; named here, so that a hand check's page is read the same wherever the corpus is.
NIH_FOLDERS = frozenset(
    "cancergov cdc gard ghr medlineplus nhlbi niddk ninds seniorhealth".split())


def _fresh(rel: str) -> bool:
    """Half of the pages held out before: the half no one has read since."""
    return _sha1(f"held-out-3:{rel}") % 2 == 0


def held_out_of_fitting(corpus: Path, path: Path) -> bool:
    """Held out by the rule alone, before any hand check read the page: the pages no fitted
    model readlint ships (the sentence difficulty weights) has seen. A page read since is
    tuning for the vocabulary rules, but still unseen by those models."""
    rel = path.relative_to(corpus).as_posix()
    head = path.read_text(encoding="utf-8")[:3000]
    before = (rel == SEED_PAGE or re.search(r"^url:.*/patient/", head, re.M) is not None
              or _sha1(rel) % 5 == 0)
    return before and _fresh(rel)


def is_held_out(corpus: Path, path: Path) -> bool:
    rel = path.relative_to(corpus).as_posix()
    return (held_out_of_fitting(corpus, path) and f"corpus-nci/{rel}" not in _read_pages()
            or _in_a_slice(f"corpus-nci/{rel}"))


# Slices taken out of tuning after the first split, each when the held-out pages ran short of
# flags to read: (its number, one page in how many of the cancer.gov pages, one in how many of
# the NIH pages; 0: none of that site). A page is in slice n when its path after "held-out-n:"
# has a SHA-1 divisible by that number and no hand check in benchmarks/hand-check/ (any of
# them, tuning ones too) has read its flags.
#   4: when the vocabulary data was last learned again, so the rules could be measured on
#      pages no one had read.
#   5: half the cancer.gov pages still unread, when the fourth slice's ran short.
#   6: the same, when the fifth slice's cancer.gov pages for patients carried no
#      undefined-jargon flag left (none of its 432 pages; benchmarks/hand-check/round7/).
#   7: half the cancer.gov and a tenth of the NIH pages still unread, when the held-out pages
#      carried almost no undefined-jargon flag left (4 on 524 cancer.gov pages for patients,
#      none on 201 NIH pages; round 8).
#   8: a sixth of the NIH pages still unread, when the held-out NIH pages carried 24
#      undefined-jargon flags left (on 301 pages; round 13).
#   9: a fifth of the NIH pages still unread, when the held-out NIH pages carried 26
#      undefined-jargon flags left in running prose (on 630 pages; round 14).
#  10: a tenth of the NIH pages still unread, when the held-out NIH pages carried 3
#      undefined-jargon flags no check had read (on 517 pages; round 32).
#  11: a tenth of the NIH pages still unread, when the held-out NIH pages carried no
#      undefined-jargon flag in running prose that no check had read (round 33).
#  12: a tenth of the NIH pages still unread, when the held-out NIH pages carried 10
#      undefined-jargon flags in running prose and 6 hard-sentence flags that no check had
#      read (round 35).
#  13: a third of the NIH pages still unread, when the held-out NIH pages carried no
#      undefined-jargon flag in running prose at all after its confidence model was fitted
#      again (round 42; its 70 flags left stood in lists and tables), for a held-out figure
#      of the rule as it stands (round 43). No cancer.gov page for patients that no check has
#      read carries an undefined-jargon flag: that half could not be drawn.
#  14: half the NIH pages still unread, when the held-out NIH pages carried 39
#      undefined-jargon flags in running prose that no check had read (on 774 pages; round
#      44), for a held-out figure of the rule after round 44's explanations.
_SLICES = ((4, 3, 10), (5, 2, 0), (6, 2, 0), (7, 2, 10), (8, 0, 6), (9, 0, 5), (10, 0, 10),
           (11, 0, 10), (12, 0, 10), (13, 0, 3), (14, 0, 2))


def _in_a_slice(page: str) -> bool:
    """Is the page (a path under ../shared) in one of the later slices (`_SLICES`)?"""
    rel = page.split("/", 1)[1]
    nih = page.startswith("corpus/")
    for number, nci_every, nih_every in _SLICES:
        every = nih_every if nih else nci_every
        if every and _sha1(f"held-out-{number}:{rel}") % every == 0:
            return page not in _pages_any_check_read()
    return False


@cache
def _pages_any_check_read() -> frozenset[str]:
    """Every page, as a path under ../shared, named in any hand check in
    benchmarks/hand-check/ (old checks name pages without their corpus: `checked_page`)."""
    read = set()
    for tsv in READ_CHECKS_DIR.rglob("*.tsv"):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(("#", "page\t")):
                read.add(checked_page(line.split("\t", 1)[0]))
    return frozenset(read)


_PROFESSIONAL_URL = re.compile(r"^url:.*(?:/hp[-/]|-hp-|/hp$)", re.M)
_PROFESSIONAL_TITLE = re.compile(r"^# .*Health Professional Version", re.M)


def for_professionals(text: str) -> bool:
    """Is the page written for health professionals (PDQ "Health Professional Version" pages,
    urls with /hp/, /hp-..., -hp-...)? All pages say `audienceLevel: patient`, so this is read
    from the url and the title."""
    head = text[:6000]
    return bool(_PROFESSIONAL_URL.search(head) or _PROFESSIONAL_TITLE.search(head))


def held_out(nih: bool = False) -> set[str]:
    """The held-out pages, as paths relative to corpus-nci, from benchmarks/held-out.txt (with
    `nih`, relative to corpus, from benchmarks/held-out-nih.txt)."""
    listed = HELD_OUT_NIH if nih else HELD_OUT
    return {line.strip() for line in listed.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def is_held_out_nih(corpus: Path, path: Path) -> bool:
    rel = path.relative_to(corpus).as_posix()
    return (_sha1(rel) % 10 == 0 and _fresh(rel) and f"corpus/{rel}" not in _read_pages()
            or _in_a_slice(f"corpus/{rel}"))


def tuning_texts(shared: Path) -> Iterator[tuple[str, str]]:
    """(path under its corpus, text) of every page the vocabulary data may be learned from:
    the cancer.gov pages for patients and the NIH pages, the held-out pages left out."""
    for corpus, nih in ((shared / "corpus-nci", False), (shared / "corpus", True)):
        held = held_out(nih)
        for path in pages(corpus):
            rel = path.relative_to(corpus).as_posix()
            raw = path.read_text(encoding="utf-8")
            if rel not in held and (nih or not for_professionals(raw)):
                yield rel, raw


def training_pages(corpus: Path) -> list[Path]:
    """The pages readlint's shipped vocabulary data may be learned from."""
    held = held_out()
    return [p for p in pages(corpus) if p.relative_to(corpus).as_posix() not in held]


def write_split(corpus: Path, chosen: Callable[[Path, Path], bool], listed: Path,
                header: list[str]) -> None:
    """Write the held-out pages of a corpus (those `chosen` picks) to `listed`, under a
    header that says how they were chosen."""
    every = pages(corpus)
    held = [p.relative_to(corpus).as_posix() for p in every if chosen(corpus, p)]
    lines = [*header, f"{len(held)} of {len(every)} pages."]
    listed.write_text("".join(f"# {line}\n" for line in lines)
                      + "".join(f"{p}\n" for p in held), encoding="utf-8")
    print(f"{len(held)} of {len(every)} pages of {corpus} held out; written to {listed}")


def main(shared: Path) -> None:
    write_split(shared / "corpus-nci", is_held_out, HELD_OUT, [
        "Pages of ../shared/corpus-nci held out from tuning readlint's vocabulary rules.",
        "Nothing readlint ships (harvested glossary names, learned link practice) comes from",
        "them, and benchmarks/vocabulary.py measures the rules on them. Chosen by",
        "tools/split_corpus.py: of every patient PDQ summary (url with /patient/), the seed",
        "page, and every page whose path's SHA-1, read as a number, is divisible by 5, the half",
        "whose path after 'held-out-3:' has an even SHA-1, less the pages whose flags a hand",
        "check has read (READ_CHECKS in tools/split_corpus.py); and a fourth slice of the other",
        "pages: those whose path after 'held-out-4:' has a SHA-1 divisible by 3 and whose flags",
        "no hand check in benchmarks/hand-check/ has read; and a fifth, a sixth and a seventh",
        "slice: those whose path after 'held-out-5:', 'held-out-6:' or 'held-out-7:' has an even",
        "SHA-1 and whose flags no hand check has read.",
    ])
    write_split(shared / "corpus", is_held_out_nih, HELD_OUT_NIH, [
        "Pages of ../shared/corpus (NIH pages, MedQuAD) held out for hand checks of readlint's",
        "flags on sites other than cancer.gov. Chosen by tools/split_corpus.py: every page whose",
        "path's SHA-1, read as a number, is divisible by 10, and whose path after 'held-out-3:'",
        "has an even SHA-1, less the pages whose flags a hand check has read (READ_CHECKS);",
        "and a fourth slice of the other pages: those whose path after 'held-out-4:' has a",
        "SHA-1 divisible by 10 and whose flags no hand check in benchmarks/hand-check/ has read;",
        "and a seventh: the same with 'held-out-7:'; and an eighth: the pages whose path after",
        "'held-out-8:' has a SHA-1 divisible by 6 and whose flags no hand check has read; and a",
        "ninth: those whose path after 'held-out-9:' has a SHA-1 divisible by 5, unread; and a",
        "tenth, an eleventh and a twelfth: the same with 'held-out-10:', 'held-out-11:' and",
        "'held-out-12:', divisible by 10.",
    ])


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
