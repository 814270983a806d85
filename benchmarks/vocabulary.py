"""Measure readlint's vocabulary rules on the development data.

    python benchmarks/vocabulary.py ../shared           # every part, on the held-out pages
    python benchmarks/vocabulary.py ../shared ab tuning # parts a and b on the tuning pages

Every page is checked as a user's page is: every rule of the patient rule set runs, so where
several rules could speak about the same words, the one readlint keeps speaks (plain-words,
then glossary-link, then undefined-jargon). The pages are split by tools/split_corpus.py
(benchmarks/held-out.txt, benchmarks/held-out-nih.txt); figures for the README come from the
held-out pages.

a. drafts: cancer.gov pages for patients whose editors link dictionary terms (3 links or
   more; a drug page with any), with those links removed: each term the editors linked in a
   section (a level-2 heading starts one) is an editors' link; glossary-link's flags are
   counted by section too.
   Recall: the editors' links it flags; precision: its flags that are editors' links. Patient
   PDQ summaries (laid out with "Key Points"), drug pages (with a "Use in Cancer" section)
   and other pages apart.
b. explanations: every "term (plain explanation)" at a medical term's first use (in the NCI
   dictionary or built the medical way, rarer than everyday words), on the cancer.gov pages
   and MedQuAD's cancer.gov summaries, the term not linked there nor anywhere on the page.
   With the explanation removed, the term should be reported by exactly one rule
   (plain-words, with a plainer word to use; glossary-link; or undefined-jargon); with it in
   place, by none. The site's pages as published and MedQuAD's copies are also counted
   apart: the copies are summaries with their links stripped, drafts, on which
   glossary-link asks for a link where the editors of the finished summary put one,
   explained or not.
c. flags per 1,000 words: undefined-jargon and glossary-link on finished cancer.gov pages (as
   published, links in place) and on NIH pages, with the terms flagged most.
d. wrong-target alarms: links on the editors' own pages reported as going to another entry.
e. the editors' own consistency: how much of the drafts' goal (part a) a choice made term by
   term reaches. For each kind of page (and a drug page's "Use in Cancer" apart), each
   entry's first use in each section is linked or not by the editors; asking for an entry
   wherever the share of its uses linked is at least some level, the most editors' links found
   at precision 0.85 or more on the tuning pages with their own shares (the best cut, on the
   pages the shares come from: more than such a rule can expect elsewhere), and on the
   held-out pages at the level that cut chose on the tuning pages. With the spread of the
   share of first uses each page links.
h. hand checks: the verdicts kept in benchmarks/hand-check/*.tsv, counted per file, with a 95%
   Wilson interval.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import split_corpus  # noqa: E402
from learn_explained_terms import explained_in_place, first_uses  # noqa: E402

from readlint import document, nearby  # noqa: E402
from readlint.glossary import Entry  # noqa: E402
from readlint.glossary_files import BUNDLED  # noqa: E402
from readlint.glossary_sets import matcher_for  # noqa: E402
from readlint.linkpractice import (  # noqa: E402
    DRUG_PAGE_MARK,
    LINK_SKIP_SECTIONS,
    SUMMARY_MARK,
    entry_key,
    glossary_links,
    glossary_uses,
    section_candidates,
    to_an_entry,
)
from readlint.linter import Choices, Linter  # noqa: E402
from readlint.problem import Problem  # noqa: E402
from readlint.vocabulary import SKIP_SECTIONS, is_medical_form, word_zipf  # noqa: E402
from readlint.wordforms import fold, fold_phrase  # noqa: E402

EXPLAINED = re.compile(r"\b([A-Za-z][\w-]*[a-z][\w-]*) \(([a-z][^()]{2,80})\)")
MATCHER = matcher_for(BUNDLED)
LINTER = Linter(choices=Choices(audience="patient", cache=False))


def nci_pages(shared: Path, held: bool) -> Iterator[tuple[str, str]]:
    """(path under ../shared, text) of the cancer.gov pages for patients, held out or not."""
    corpus = shared / "corpus-nci"
    held_out = split_corpus.held_out()
    for path in split_corpus.pages(corpus):
        rel = path.relative_to(corpus).as_posix()
        raw = path.read_text(encoding="utf-8")
        if (rel in held_out) == held and not split_corpus.for_professionals(raw):
            yield f"corpus-nci/{rel}", raw


def nih_pages(shared: Path, held: bool) -> Iterator[tuple[str, str]]:
    corpus = shared / "corpus"
    held_out = split_corpus.held_out(nih=True)
    for path in split_corpus.pages(corpus):
        rel = path.relative_to(corpus).as_posix()
        if (rel in held_out) == held:
            yield f"corpus/{rel}", path.read_text(encoding="utf-8")


def problems(raw: str, name: str, rule: str) -> list[Problem]:
    return [p for p in LINTER.lint_text(raw, name).problems if p.rule == rule]


def section_of(doc: document.Document, offset: int) -> int | None:
    found = doc.block_at(offset)
    if found is None:
        return None
    return sum(1 for b in doc.blocks[:found[0] + 1] if b.kind == "heading" and b.level <= 2)


def linked_entry(url: str) -> Entry | None:
    """The entry of the bundled glossaries an address goes to, if any."""
    return next((entry for glossary in MATCHER.glossaries
                 for known, entry in [glossary.resolve(url)] if known and entry), None)


# A page among NCI's drug summaries that is not a drug's own page (no "Use in Cancer"):
# "Drugs Approved for Bladder Cancer", a list of drugs each linked to its summary.
DRUG_LIST = re.compile(r"cancer\.gov/about-cancer/treatment/drugs/[\w-]+$")


def evaluate_drafts(shared: Path, held: bool) -> None:
    totals: dict[str, Counter[str]] = {"PDQ summaries": Counter(), "drug pages": Counter(),
                                       "lists of drugs": Counter(), "other pages": Counter()}
    missed: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    for name, raw in nci_pages(shared, held):
        doc = document.parse(raw, name)
        links = glossary_links(doc, MATCHER.glossaries)
        if links < 3 and not (links and doc.blocks_under(DRUG_PAGE_MARK)):
            continue  # (a drug page's editors link what few terms it has)
        skipped = doc.blocks_under(LINK_SKIP_SECTIONS["default"]) | doc.captions
        candidates = section_candidates(doc, list(glossary_uses(doc, MATCHER.find, 2, skipped)),
                                        MATCHER.glossaries, frozenset())
        editors = {(c.use.section, entry_key(c.use.match)): c.use.match.text
                   for c in candidates if c.linked}
        stripped = split_corpus.as_draft(raw)
        draft = document.parse(stripped, name)
        flags: dict[tuple[int | None, str], str] = {}
        for p in problems(stripped, name, "glossary-link"):
            # every term the flagged words hold: a list's "Bavencio (Avelumab)", asked for
            # whole, is the editors' one link on both names
            inside = MATCHER.find(stripped[p.start:p.end])
            for found in inside:
                flags[(section_of(draft, p.start), entry_key(found))] = found.text
            if not inside:  # a name linked alone ("*ALK* gene"), its entry named by the
                # address asked for
                entry = linked_entry(p.message.rsplit(" ", 1)[-1])
                if entry is not None:
                    flags[(section_of(draft, p.start), f"{entry.glossary}:{entry.id}")] = \
                        stripped[p.start:p.end]
        t = totals["PDQ summaries" if doc.blocks_under(SUMMARY_MARK) else
                   "drug pages" if doc.blocks_under(DRUG_PAGE_MARK) else
                   "lists of drugs" if DRUG_LIST.search(str(doc.metadata.get("url", "")))
                   else "other pages"]
        t["pages"] += 1
        t["words"] += draft.stats.words
        t["editors"] += len(editors)
        t["flags"] += len(flags)
        t["hits"] += len(editors.keys() & flags.keys())
        missed.update(fold_phrase(v) for k, v in editors.items() if k not in flags)
        extra.update(fold_phrase(v) for k, v in flags.items() if k not in editors)
    print(f"\na. drafts: glossary-link against the editors' links, by section "
          f"({'held-out' if held else 'tuning'} cancer.gov pages that link terms, links removed)")
    every = sum(totals.values(), Counter())
    for label, t in [*totals.items(), ("all", every)]:
        if t["pages"]:
            print(f"   {label}: {t['pages']} pages; editors' links {t['editors']}, flags "
                  f"{t['flags']}: recall {t['hits'] / max(1, t['editors']):.3f}, precision "
                  f"{t['hits'] / max(1, t['flags']):.3f}; "
                  f"{1000 * t['flags'] / max(1, t['words']):.1f} flags per 1,000 words")
    print(f"   most missed: {', '.join(f'{t} ({n})' for t, n in missed.most_common(15))}")
    print(f"   most flagged, not linked: "
          f"{', '.join(f'{t} ({n})' for t, n in extra.most_common(15))}")


def is_medical_term(term: str) -> bool:
    """In the NCI dictionary or built the medical way, and rarer than everyday words (Zipf
    under 4.5: "prognosis", "catheter"; not "cancer", "blood", "cell")."""
    return (bool(MATCHER.find(term)) or is_medical_form(term)) and word_zipf(term) < 4.5


VOCABULARY_RULES = ("plain-words", "glossary-link", "undefined-jargon")


def reporters(raw: str, name: str, start: int, end: int) -> set[str]:
    """The vocabulary rules that report words overlapping raw[start:end] (plain-words too:
    a plainer word to use instead fixes the term as well as an explanation)."""
    found = LINTER.lint_text(raw, name).problems
    return {p.rule for p in found if p.rule in VOCABULARY_RULES
            and p.start < end and start < p.end}


def explained_first_uses(name: str, raw: str) -> Iterator[tuple[str, int, int, int, bool]]:
    """(term, where it starts, where it ends, where its explanation ends, whether its
    paragraph explains it again further on) in the file, for each medical term whose first
    use in the prose the rules check is "term (plain explanation)", not linked."""
    doc = document.parse(raw, name)
    skipped = doc.blocks_under([*SKIP_SECTIONS["default"], "key points"]) | \
        nearby.key_points_lists(doc)
    # a term the page links anywhere, in any form ("[recurred](...)" in a Key Points list),
    # is not one left unexplained and unlinked
    linked = {fold_phrase(b.text[lk.start:lk.end]) for b in doc.blocks for lk in b.links}
    seen: set[str] = set()
    for index, block in enumerate(doc.blocks):
        if block.kind == "heading" or index in skipped:
            continue
        explained = {m.start(1): m for m in EXPLAINED.finditer(block.text)}
        for word in re.finditer(r"[^\W_]+(?:[-'’][^\W_]+)*", block.text):
            key = fold_phrase(word.group())
            if key in seen:
                continue
            seen.add(key)
            m = explained.get(word.start())
            if m is None or m.group(1) != word.group() or key in linked or \
                    len(m.group(2).split()) < 2 or not is_medical_term(m.group(1)) or \
                    any(lk.start < m.end(1) and m.start(1) < lk.end for lk in block.links):
                continue
            # "Certain factors affect the prognosis (chance of recovery) and treatment
            # options. The prognosis (chance of recovery) depends on ...": with the first
            # explanation taken out, the term is still explained right after
            again = any(fold_phrase(later.group(1)) == key
                        for later in EXPLAINED.finditer(block.text, m.end()))
            yield (m.group(1), block.source_offset(m.start(1)),
                   block.source_offset(m.end(1) - 1) + 1, block.source_offset(m.end() - 1) + 1,
                   again)


_OTHER_NAME = re.compile(r"\(\s*(?:or|also|aka|see)\b", re.I)


def plainer(term: str, explanation: str) -> bool:
    """Is the explanation in brackets plainer than the term: its hardest word more common in
    English than the term's hardest word, and no other name for it ("(or TIL)", "(also
    called ...)") nor an abbreviation? "leucovorin calcium (folinic acid)" names the same
    drug in words as hard; "prognosis (chance of recovery)" explains it."""
    words = re.findall(r"[^\W\d_]+", explanation)
    if _OTHER_NAME.match(explanation.strip()) or not words or \
            any(len(w) > 1 and w.isupper() for w in words):
        return False
    hardest = min(word_zipf(w) for w in words)
    return hardest > min(word_zipf(w) for w in re.findall(r"[^\W\d_]+", term))


# Editors help readers with a term when, at its first use on at least this share of the pages
# that use it, they explain it in place or link it (and it is used on this many pages or more).
HELPED_SHARE = 0.5
HELPED_PAGES = 5


def editors_practice(shared: Path) -> dict[str, tuple[int, int]]:
    """For each word (folded), on the tuning cancer.gov pages for patients: (pages whose
    prose uses it, pages where its first use is explained in place or linked to the NCI
    dictionaries). What the editors do where readers meet the word first: a word they explain
    on one page and leave plain on most others is one they judge most readers know."""
    used: Counter[str] = Counter()
    helped: Counter[str] = Counter()
    for name, raw in nci_pages(shared, held=False):
        for block, m, key in first_uses(document.parse(raw, name), lower_only=False):
            used[key] += 1
            linked = any(lk.start <= m.start() and m.end() <= lk.end and
                         to_an_entry(lk, MATCHER.glossaries) for lk in block.links)
            if explained_in_place(block.text, m) or linked:
                helped[key] += 1
    return {key: (n, helped[key]) for key, n in used.items()}


def helped_by_editors(practice: dict[str, tuple[int, int]], term: str) -> bool:
    used, helped = practice.get(fold(term), (0, 0))
    return used >= HELPED_PAGES and helped >= HELPED_SHARE * used


# The terms part b finds, labelled blind (round 25): whether the words in brackets explain
# the term, and whether lay readers need help with it.
LABELLED = Path(__file__).resolve().parent / "hand-check" / "round25" / \
    "explained-terms-labelled.tsv"


def labelled_terms() -> dict[tuple[str, int, str], tuple[str, str]]:
    """(page, line, term) -> (explains, needs_help), from LABELLED."""
    found = {}
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "page\t")):
            page, number, term, _, explains, needs_help = line.split("\t")[:6]
            found[page, int(number), term] = (explains, needs_help)
    return found


def evaluate_explanations(shared: Path, held: bool) -> None:
    pages = [*nci_pages(shared, held),
             *((n, r) for n, r in nih_pages(shared, held) if n.startswith("corpus/cancergov/"))]
    practice = editors_practice(shared)
    labelled = labelled_terms()
    counts: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    not_respected: Counter[str] = Counter()
    for name, raw in pages:
        # MedQuAD's copies of the summaries are drafts (their links stripped), where editors
        # link a term explained or not: counted apart too
        group = "copies" if name.startswith("corpus/cancergov/") else "site"
        for term, start, end, explanation_end, again in explained_first_uses(name, raw):
            key = fold_phrase(term)
            counts["terms"] += 1
            counts[f"{group} terms"] += 1
            if reporters(raw, name, start, end):
                not_respected[key] += 1
            else:
                counts["respected"] += 1
                counts[f"{group} respected"] += 1
            if again:
                counts["explained again"] += 1
                continue  # still explained with the explanation out: not a term to report
            counts["removed"] += 1
            counts[f"{group} removed"] += 1
            who = reporters(raw[:end] + raw[explanation_end:], name, start, end)
            counts[" and ".join(sorted(who)) or "neither"] += 1
            counts[f"{group} once"] += len(who) == 1
            if not who:
                missed[key] += 1
            if helped_by_editors(practice, term):
                counts["helped"] += 1
                counts["helped, reported"] += len(who) == 1
            if plainer(term, raw[end:explanation_end]):
                counts["plainer"] += 1
                counts["plainer, reported"] += len(who) == 1
            label = labelled.get((name, raw.count("\n", 0, start) + 1, term))
            counts[f"{group} labelled"] += label is not None
            if label == ("yes", "yes"):
                counts[f"{group} judged"] += 1
                counts[f"{group} judged, reported"] += len(who) == 1
    n = max(1, counts["terms"])
    removed = max(1, counts["removed"])
    once = counts["plain-words"] + counts["glossary-link"] + counts["undefined-jargon"]
    print(f"\nb. explanations removed ({'held-out' if held else 'tuning'} cancer.gov pages and "
          f"MedQuAD's cancer.gov summaries; {counts['terms']} medical terms explained at "
          f"their first use, {counts['explained again']} of them explained again further on "
          f"in their paragraph and left out of the first figure)")
    several = counts["removed"] - once - counts["neither"]
    print(f"   reported by exactly one rule: {once} of {counts['removed']} ({once / removed:.3f}); "
          "plain-words "
          f"{counts['plain-words']}, glossary-link {counts['glossary-link']}, "
          f"undefined-jargon {counts['undefined-jargon']}, more than one {several}, "
          f"neither {counts['neither']}")
    print(f"   explanation in place, reported by none: {counts['respected']} "
          f"({counts['respected'] / n:.3f})")
    for group, label in (("site", "the site's pages as published"),
                         ("copies", "MedQuAD's copies of summaries, drafts whose editors link "
                                    "a term explained or not")):
        print(f"   {label}: reported by exactly one rule {counts[f'{group} once']} of "
              f"{counts[f'{group} removed']}; explanation in place, reported by none "
              f"{counts[f'{group} respected']} of {counts[f'{group} terms']}")
    print(f"   missed: {', '.join(f'{t} ({c})' for t, c in missed.most_common(15))}")
    print("   what the editors do at the first use of each missed term on the tuning pages "
          "(explained in place or linked, of the pages using it): " +
          ", ".join(f"{t} {helped} of {used}" for t, (used, helped) in
                    ((t, practice.get(fold(t), (0, 0))) for t, _ in missed.most_common(15))))
    helped = counts["helped"]
    print(f"   of the terms the editors explain or link at their first use on at least "
          f"{HELPED_SHARE:.0%} of the tuning pages that use them ({HELPED_PAGES} or more), "
          f"reported by exactly one rule: {counts['helped, reported']} of {helped} "
          f"({counts['helped, reported'] / max(1, helped):.3f})")
    print(f"   of the terms whose explanation is plainer than they are (its hardest word "
          f"more common than the term's, no other name nor abbreviation), reported by exactly "
          f"one rule: {counts['plainer, reported']} of {counts['plainer']} "
          f"({counts['plainer, reported'] / max(1, counts['plainer']):.3f})")
    for group, label in (("site", "the site's pages"), ("copies", "MedQuAD's copies")):
        judged, found = counts[f"{group} judged"], counts[f"{group} judged, reported"]
        low, high = wilson(found, judged) if judged else (0.0, 0.0)
        print(f"   {label}, the terms a blind reader found explained by the words in brackets "
              f"and in need of help ({LABELLED.parent.name}/{LABELLED.name}; "
              f"{counts[f'{group} labelled']} of {counts[f'{group} removed']} labelled): "
              f"reported by exactly one rule {found} of {judged} ({found / max(1, judged):.3f}; "
              f"95% interval {low:.2f} to {high:.2f})")
    print(f"   reported though explained: "
          f"{', '.join(f'{t} ({c})' for t, c in not_respected.most_common(15))}")


def evaluate_rates(shared: Path, held: bool) -> None:
    print(f"\nc. flags per 1,000 words ({'held-out' if held else 'tuning'} pages, links as "
          "published)")
    for label, pages in (("finished cancer.gov pages", nci_pages(shared, held)),
                         ("NIH pages", nih_pages(shared, held))):
        words = 0
        flags: Counter[str] = Counter()
        terms: dict[str, Counter[str]] = {"glossary-link": Counter(),
                                          "undefined-jargon": Counter()}
        for name, raw in pages:
            result = LINTER.lint_text(raw, name)
            words += document.parse(raw, name).stats.words
            for p in result.problems:
                if p.rule in terms:
                    flags[p.rule] += 1
                    terms[p.rule][(p.subject or "").lower()] += 1
        for rule, found in terms.items():
            print(f"   {label}, {rule}: {flags[rule]} flags in {words:,} words, "
                  f"{1000 * flags[rule] / max(1, words):.2f} per 1,000; most: "
                  f"{', '.join(f'{t} ({n})' for t, n in found.most_common(12))}")


def evaluate_wrong_targets(shared: Path) -> None:
    alarms = []
    pages = split_corpus.pages(shared / "corpus-nci")
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        for p in problems(raw, str(path), "glossary-link"):
            if "different glossary entry" in p.message:
                alarms.append(f"{path.relative_to(shared)}:{p.line}: {p.subject}")
    print(f"\nd. wrong-target alarms on the editors' own pages ({len(pages)} pages): "
          f"{len(alarms)}")
    for alarm in alarms[:20]:
        print(f"   {alarm}")


def section_first_uses(shared: Path, held: bool) -> list[tuple[str, str, str, bool]]:
    """(page, kind of page, entry, linked) for each entry's first use in each section of the
    cancer.gov pages part a reads (links in place), the kind as part a counts it, a drug
    page's "Use in Cancer" apart."""
    rows = []
    for name, raw in nci_pages(shared, held):
        doc = document.parse(raw, name)
        links = glossary_links(doc, MATCHER.glossaries)
        uses_in_cancer = doc.blocks_under(DRUG_PAGE_MARK)
        if links < 3 and not (links and uses_in_cancer):
            continue
        kind = "PDQ summaries" if doc.blocks_under(SUMMARY_MARK) else \
            "drug pages" if uses_in_cancer else \
            "lists of drugs" if DRUG_LIST.search(str(doc.metadata.get("url", ""))) else \
            "other pages"
        in_section = {id(doc.blocks[i]) for i in uses_in_cancer}
        skipped = doc.blocks_under(LINK_SKIP_SECTIONS["default"]) | doc.captions
        uses = list(glossary_uses(doc, MATCHER.find, 2, skipped))
        for c in section_candidates(doc, uses, MATCHER.glossaries, frozenset()):
            where = kind + (", Use in Cancer" if id(c.use.block) in in_section else "")
            rows.append((name, where, entry_key(c.use.match), c.linked))
    return rows


def at_level(rows: list[tuple[str, str, str, bool]], shares: dict[str, float],
             level: float) -> tuple[float, float]:
    """(recall, precision) against the editors' links: asking for an entry wherever its share
    of uses linked (`shares`) is at least `level`."""
    asked = [row for row in rows if shares.get(row[2], -1.0) >= level]
    hits = sum(row[3] for row in asked)
    return hits / max(1, sum(row[3] for row in rows)), hits / max(1, len(asked))


def best_at_precision(rows: list[tuple[str, str, str, bool]], shares: dict[str, float],
                      least: float = 0.85) -> tuple[float, float, float] | None:
    """(level, recall, precision): the lowest level, in steps of 0.05, at which asking for an
    entry wherever its share of uses linked (`shares`) is at least it has precision `least`
    or more on `rows`."""
    for step in range(1, 20):
        recall, precision = at_level(rows, shares, step / 20)
        if recall and precision >= least:
            return step / 20, recall, precision
    return None


def evaluate_consistency(shared: Path) -> None:
    print("\ne. the editors' own consistency: the most of their links a choice made term by "
          "term finds at precision 0.85 or more (entries' shares of first uses linked)")
    tuning, held = section_first_uses(shared, False), section_first_uses(shared, True)
    for kind in sorted({row[1] for row in tuning}):
        mine = [row for row in tuning if row[1] == kind]
        counts: dict[str, list[int]] = {}
        pages: dict[str, list[int]] = {}
        for page, _, key, linked in mine:
            for table, name in ((counts, key), (pages, page)):
                count = table.setdefault(name, [0, 0])
                count[0] += linked
                count[1] += 1
        shares = {key: a / b for key, (a, b) in counts.items()}
        trusted = {key: a / b for key, (a, b) in counts.items() if b >= 2}
        spread = sorted(a / b for a, b in pages.values())
        deciles = [spread[int(q * (len(spread) - 1))] for q in (0.1, 0.5, 0.9)]
        said = []
        best = best_at_precision(mine, shares)
        said.append("tuning, their own shares (the best cut, on the pages the shares come "
                    "from): " + (f"{best[1]:.3f} at {best[2]:.3f} (share {best[0]:.2f} or "
                                 "more)" if best else "none") +
                    f" of {sum(row[3] for row in mine)} links")
        # held out: the level chosen on the tuning pages, then asked of the held-out ones
        chosen = best_at_precision(mine, trusted)
        theirs = [row for row in held if row[1] == kind]
        if chosen:
            recall, precision = at_level(theirs, trusted, chosen[0])
            said.append(f"held-out, the tuning shares (2 uses or more) at the level chosen on "
                        f"the tuning pages ({chosen[0]:.2f}): {recall:.3f} at {precision:.3f} of "
                        f"{sum(row[3] for row in theirs)} links")
        print(f"   {kind}: {len(pages)} tuning pages; pages link {deciles[0]:.2f}, "
              f"{deciles[1]:.2f}, {deciles[2]:.2f} of their first uses (10th, 50th, 90th "
              f"percentile)\n      " + "\n      ".join(said))


def wilson(right: int, total: int, z: float = 1.96) -> tuple[float, float]:
    if not total:
        return 0.0, 0.0
    p = right / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return centre - half, centre + half


def evaluate_hand_checks() -> None:
    print("\nh. hand checks (benchmarks/hand-check/; a flag an editor would keep)")
    for path in sorted((Path(__file__).resolve().parent / "hand-check").glob("*.tsv")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#")]
        if not lines:
            continue
        header = lines[0].split("\t")
        column = header.index("verdict") if "verdict" in header else 4
        verdicts = Counter(line.split("\t")[column].strip().lower() for line in lines[1:]
                           if line.count("\t") >= column)
        right = verdicts["right"] + verdicts["yes"]
        total = right + verdicts["wrong"] + verdicts["no"]
        if total:
            low, high = wilson(right, total)
            print(f"   {path.name}: {right} of {total} right ({right / total:.2f}; 95% "
                  f"interval {low:.2f} to {high:.2f})")


def main(shared: Path, parts: str = "abcdeh", which: str = "held-out") -> None:
    held = which != "tuning"
    if "a" in parts:
        evaluate_drafts(shared, held)
    if "b" in parts:
        evaluate_explanations(shared, held)
    if "c" in parts:
        evaluate_rates(shared, held)
    if "d" in parts:
        evaluate_wrong_targets(shared)
    if "e" in parts:
        evaluate_consistency(shared)
    if "h" in parts:
        evaluate_hand_checks()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"), *sys.argv[2:4])
