"""Measure readlint's vocabulary rules on the development data.

    python benchmarks/vocabulary.py ../shared

a. links: on cancer.gov patient PDQ pages (url contains /patient/; pages the bundled glossary
   names were not harvested from), remove the links to the NCI dictionaries (cancer terms and
   drugs), keep the link text, run glossary-link, and report
   - recall: terms the editors linked on a page that readlint flags on that page;
   - precision: readlint's flags that name a term the editors linked on that page;
   and, on the intact pages, flags that call a linked term unlinked (must be 0).
b. explanations: in MedQuAD's cancer.gov summaries, each "term (plain explanation)" at the
   term's first use: with the explanation removed the term should be flagged by
   undefined-jargon (recall), and with it in place it should not be (respect). Medical terms
   only: in the NCI dictionary or built the medical way, and rarer than everyday words
   (Zipf under 4.5), so "cancer" and "blood" do not count. glossary-link is off here, so
   undefined-jargon checks glossary terms too.
c. noise: undefined-jargon flags per 1,000 words over the NIH corpus, and the 30 terms flagged
   most often.
d. wrong-target alarms: links on the editors' own pages reported as going to another entry.
e. glossary-link flags per 1,000 words on MedlinePlus pages.
h. hand checks: the verdicts kept in benchmarks/hand-check/*.tsv (drawn by
   benchmarks/sample_flags.py and read one by one), counted per file.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import split_corpus  # noqa: E402

from readlint import document
from readlint.checks.glossary_link import GlossaryLink
from readlint.checks.jargon import UndefinedJargon
from readlint.glossary import fold_phrase, matcher_for
from readlint.registry import Registry
from readlint.rulesets import RuleSets
from readlint.vocabulary import is_medical_form, word_zipf

DICTIONARY_LINK = re.compile(
    r"\[([^\[\]]+)\]\(((?:https?://www\.cancer\.gov)?(?:/publications/dictionaries/"
    r"cancer-(?:terms|drug)/def/[^)\s]+|/Common/PopUps/popDefinition\.aspx\?[^)\s]+|"
    r"(?:\.\./)*Common/PopUps/popDefinition\.aspx\?[^)\s]+|/about-cancer/treatment/drugs/"
    r"[^)\s]+|/drugdictionary\?CdrID=\d+))\)")


def key_of(text: str) -> str:
    return fold_phrase(text)


def same_term(a: str, b: str) -> bool:
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def practice_pages(corpus: Path, held: bool) -> list[Path]:
    """Pages for patients and the public whose editors link dictionary terms (at least 3
    links), held out from tuning or not (benchmarks/held-out.txt)."""
    held_out = split_corpus.held_out()
    out = []
    for path in split_corpus.pages(corpus):
        if (path.relative_to(corpus).as_posix() in held_out) != held:
            continue
        raw = path.read_text(encoding="utf-8")
        if split_corpus.for_professionals(raw):
            continue
        if len(DICTIONARY_LINK.findall(raw)) >= 3:
            out.append(path)
    return out


def evaluate_links(corpus: Path, held: bool = True) -> None:
    pages = practice_pages(corpus, held)
    rule = GlossaryLink()
    options = patient_options(rule)
    matcher = matcher_for(tuple(options["glossaries"]))

    def entries_of_href(href: str) -> set[str]:
        found = set()
        for glossary in matcher.glossaries:
            inside, entry = glossary.resolve(href)
            if entry is not None:
                found.add(f"{entry.glossary}:{entry.id}")
        return found

    def entries_of_text(text: str) -> set[str]:
        return {f"{e.glossary}:{e.id}" for m in matcher.find(text) for e in m.entries
                if (m.start, m.end) == (0, len(text))}

    def same(text_a: str, entries_a: set[str], text_b: str, entries_b: set[str]) -> bool:
        return bool(entries_a & entries_b) or same_term(text_a, text_b)

    def pdq(raw: str) -> bool:
        return re.search(r"^url:.*/patient/", raw[:3000], re.M) is not None

    groups = {"patient PDQ summaries": pdq, "other pages": lambda raw: not pdq(raw)}
    totals = {name: Counter() for name in groups}
    missed: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        group = next(name for name, test in groups.items() if test(raw))
        # The terms editors linked: their text, and the entries the links go to.
        linked: dict[str, set[str]] = {}
        for m in DICTIONARY_LINK.finditer(raw):
            key = key_of(m.group(1))
            if key and not m.group(1).lower().startswith("definition from"):
                linked.setdefault(key, set()).update(entries_of_href(m.group(2)))
        stripped = DICTIONARY_LINK.sub(lambda m: m.group(1), raw)
        flags = {key_of(p.subject or ""): entries_of_text(p.subject or "")
                 for p in rule.check(document.parse(stripped, str(path)), options)}
        hit = {k for k, e in linked.items() if any(same(k, e, f, fe) for f, fe in flags.items())}
        right = {f for f, fe in flags.items() if any(same(f, fe, k, e) for k, e in linked.items())}
        doc = document.parse(stripped, str(path))
        t = totals[group]
        t["pages"] += 1
        t["words"] += doc.stats.words
        t["linked"] += len(linked)
        t["found"] += len(hit)
        t["flags"] += len(flags)
        t["right"] += len(right)
        missed.update(set(linked) - hit)
        wrong.update(set(flags) - right)
    which = "held-out" if held else "tuning"
    print(f"\na. glossary-link against the editors' links ({which} pages for patients that link "
          f"dictionary terms; links removed, then checked with the patient rule set)")
    every = sum(totals.values(), Counter())
    for name, t in [*totals.items(), ("all", every)]:
        if not t["pages"]:
            continue
        print(f"   {name}: {t['pages']} pages; editors linked {t['linked']} terms, readlint "
              f"flags {t['found']} of them (recall {t['found'] / t['linked']:.3f}); "
              f"{t['flags']} flags, {t['right']} name a term the editors linked (precision "
              f"{t['right'] / max(t['flags'], 1):.3f}); "
              f"{t['flags'] / t['words'] * 1000:.1f} flags per 1,000 words")
    print(f"   most missed: {', '.join(f'{t} ({n})' for t, n in missed.most_common(15))}")
    print(f"   most flagged but not linked: "
          f"{', '.join(f'{t} ({n})' for t, n in wrong.most_common(15))}")


def evaluate_wrong_targets(corpus: Path) -> None:
    """On the editors' own pages, links reported as going to the wrong entry (aim: none)."""
    rule = GlossaryLink()
    options = patient_options(rule)
    alarms = []
    pages = split_corpus.pages(corpus)
    for path in pages:
        doc = document.load(path)
        for problem in rule.check(doc, options):
            if "different glossary entry" in problem.message:
                alarms.append(f"{path.relative_to(corpus)}:{problem.line}: {problem.subject}")
    print(f"\nd. wrong-target alarms on the editors' own pages ({len(pages)} pages, links "
          f"intact): {len(alarms)}")
    for alarm in alarms[:20]:
        print(f"   {alarm}")


def evaluate_link_noise(corpus: Path) -> None:
    """glossary-link flags per 1,000 words on pages that do not link to NCI at all."""
    rule = GlossaryLink()
    words, flags, terms = count_flags(corpus, rule, patient_options(rule))
    print(f"\ne. glossary-link on {corpus} (patient rule set): {flags} flags in {words} words, "
          f"{flags / words * 1000:.1f} per 1,000 words")
    print(f"   most flagged: {', '.join(f'{t} ({n})' for t, n in terms.most_common(20))}")


def count_flags(corpus: Path, rule: Any, options: dict[str, Any],
                ) -> tuple[int, int, Counter[str]]:
    """Words, a rule's flags, and its flags by term, over the pages under `corpus`."""
    words = flags = 0
    terms: Counter[str] = Counter()
    for path in sorted(corpus.rglob("*.md")):
        if path.name == "README.md":
            continue
        doc = document.load(path)
        words += doc.stats.words
        for problem in rule.check(doc, options):
            flags += 1
            terms[(problem.subject or "").lower()] += 1
    return words, flags, terms


def patient_options(rule: Any) -> dict[str, Any]:
    """The rule's options as the bundled patient rule set sets them (READLINT_OPTIONS, a
    JSON mapping, lays more on top while tuning on the tuning pages)."""
    sets = RuleSets(Registry.default(plugins=False))
    setting = sets.resolve("patient").get(rule.name)
    extra = json.loads(os.environ.get("READLINT_OPTIONS", "{}")).get(rule.name, {})
    return {**rule.default_options(), **(setting.options if setting else {}), **extra}


EXPLAINED = re.compile(r"\b([A-Za-z][\w-]*[a-z][\w-]*) \(([a-z][^()]{2,80})\)")


def evaluate_explanations(corpus: Path) -> None:
    rule = UndefinedJargon()
    options = {**rule.default_options(), "skip_glossary_terms": False}
    medical = matcher_for(tuple(options["glossaries"]))
    respected = respect_total = flagged = recall_total = 0
    missed: Counter[str] = Counter()
    not_respected: Counter[str] = Counter()
    for path in sorted(corpus.rglob("*.md")):
        raw = path.read_text(encoding="utf-8")
        doc = document.parse(raw, str(path))
        flagged_here = {key_of(p.subject or "") for p in rule.check(doc, options)}
        first_use = first_uses(doc)
        for m in EXPLAINED.finditer(raw):
            term, explanation = m.group(1), m.group(2)
            if len(explanation.split()) < 2 or re.fullmatch(r"[A-Z0-9]+", explanation):
                continue
            if not is_medical_term(term, medical):
                continue
            key = key_of(term)
            if first_use.get(key) != m.start(1):
                continue  # not the term's first use in the prose
            respect_total += 1
            if key in flagged_here:
                not_respected[key] += 1
            else:
                respected += 1
            removed = raw[:m.end(1)] + raw[m.end():]
            keys = {key_of(p.subject or "")
                    for p in rule.check(document.parse(removed, str(path)), options)}
            recall_total += 1
            if any(same_term(key, k) for k in keys):  # alone, or in a term of several words
                flagged += 1
            else:
                missed[key] += 1
    print("\nb. explanations (MedQuAD cancer.gov summaries, medical terms at first use)")
    print(f"   explanation removed, term flagged: {flagged} of {recall_total} "
          f"(recall {flagged / recall_total:.3f})")
    print(f"   explanation in place, term not flagged: {respected} of {respect_total} "
          f"(respect {respected / respect_total:.3f})")
    print(f"   missed: {', '.join(f'{t} ({n})' for t, n in missed.most_common(12))}")
    print(f"   flagged although explained: "
          f"{', '.join(f'{t} ({n})' for t, n in not_respected.most_common(12))}")


def is_medical_term(term: str, medical: Any) -> bool:
    """A medical term: in the NCI dictionary or built the medical way, and rarer than
    everyday words (Zipf under 4.5: "prognosis", "catheter"; not "cancer", "blood", "cell")."""
    return (bool(medical.find(term)) or is_medical_form(term)) and word_zipf(term) < 4.5


def first_uses(doc: document.Document) -> dict[str, int]:
    """Source offset of the first use of each word in the prose (headings left out), folded
    as readlint folds words ("capillaries" is "capillary")."""
    out: dict[str, int] = {}
    for block in doc.blocks:
        if block.kind == "heading":
            continue
        for word in re.finditer(r"[^\W_]+(?:[-'’][^\W_]+)*", block.text):
            out.setdefault(key_of(word.group()), block.source_offset(word.start()))
    return out


def evaluate_noise(corpus: Path) -> None:
    rule = UndefinedJargon()
    started = time.perf_counter()
    words, flags, terms = count_flags(corpus, rule, rule.default_options())
    print(f"\nc. noise (undefined-jargon with its defaults, {corpus}; "
          f"{time.perf_counter() - started:.0f} s)")
    print(f"   {flags} flags in {words} words: {flags / words * 1000:.1f} per 1,000 words")
    print(f"   most flagged: {', '.join(f'{t} ({n})' for t, n in terms.most_common(30))}")


def evaluate_hand_checks() -> None:
    """The share of "yes" verdicts in each hand-checked sample."""
    print("\nh. hand checks (benchmarks/hand-check/; yes: a flag an editor would keep)")
    for path in sorted((Path(__file__).resolve().parent / "hand-check").glob("*.tsv")):
        verdicts = Counter(line.split("\t")[4].strip() for line in
                           path.read_text(encoding="utf-8").splitlines()
                           if line and not line.startswith(("#", "page\t"))
                           and line.count("\t") >= 4)
        checked = verdicts["yes"] + verdicts["no"]
        if checked:
            print(f"   {path.name}: {verdicts['yes']} of {checked} yes "
                  f"({verdicts['yes'] / checked:.2f})")


def main(shared: Path, parts: str = "abcdeh") -> None:
    if "a" in parts:
        evaluate_links(shared / "corpus-nci", held=True)
    if "t" in parts:  # the tuning pages, for development
        evaluate_links(shared / "corpus-nci", held=False)
    if "b" in parts:
        evaluate_explanations(shared / "corpus" / "cancergov")
    if "c" in parts:
        evaluate_noise(shared / "corpus")
    if "d" in parts:
        evaluate_wrong_targets(shared / "corpus-nci")
    if "e" in parts:
        evaluate_link_noise(shared / "corpus" / "medlineplus")
    if "h" in parts:
        evaluate_hand_checks()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"),
         sys.argv[2] if len(sys.argv) > 2 else "abcdeh")
