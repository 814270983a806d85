"""Learn how cancer.gov editors link dictionary terms, for glossary-link.

    python tools/learn_link_practice.py ../shared      (needs numpy: pip install numpy)
    python tools/learn_link_practice.py ../shared --tables   (the tables only, see below)

From the tuning pages of ../shared/corpus-nci (benchmarks/held-out.txt left out; pages for
health professionals left out), this writes:

- readlint/data/glossaries/nci-link-practice.tsv: for each entry of the bundled glossaries, on
  how many pages that link dictionary terms (at least 3 links) the term is used in the prose,
  and on how many of those it is linked;
- readlint/data/link-model.json: the link model (readlint/linkpractice.py): a logistic model of
  the chance that editors link an entry in a section where it is used, fitted on every first
  use of an entry in a section of those pages (a term's own share of linked pages counted
  without the page itself), with the paragraphs the site repeats word for word on 3 pages or
  more (stock paragraphs), and two thresholds chosen from a five-fold cross-validation by page:
  for drafts (links to be added), where the share of flags that editors linked equals the share
  of editors' links flagged; for finished pages (omissions), the lowest chance at which 9 of 10
  flags are editors' links; for each section of the site (an address path: "/types/liver"),
  how many of its pages for the public (`linkpractice.an_article`) there are and how many of
  them the editors link (3 links or more); and, for each entry used in the "Use in Cancer"
  section of the drug pages whose editors linked terms there, in how many of those sections
  it is used and in how many linked (`drug_uses`).

It prints the cross-validated recall and precision at each threshold. With --tables, the
model's weights and thresholds are kept as they are and only `sections` and `drug_uses` are
worked out again (a refit moves every page's flags, and is read again by hand).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from split_corpus import for_professionals, training_pages

from readlint import document
from readlint.document import Document
from readlint.glossary import Glossary
from readlint.glossary_files import BUNDLED
from readlint.glossary_sets import matcher_for
from readlint.linkpractice import (
    FEATURES,
    LINK_SKIP_SECTIONS,
    MODEL_PATH,
    Candidate,
    Page,
    address_sections,
    an_article,
    entry_key,
    features,
    glossary_links,
    glossary_uses,
    left_alone,
    page_of,
    paragraph_key,
    section_candidates,
    to_an_entry,
)
from readlint.logistic import chance
from readlint.termmatch import Matcher
from readlint.wordforms import topic_words

HERE = Path(__file__).resolve().parent.parent / "readlint" / "data" / "glossaries"
MIN_LINKS = 3  # a page with fewer dictionary links does not practise linking
STOCK_PAGES = 3  # a paragraph on this many pages, word for word, is a stock paragraph
STOCK_WORDS = 8
SITE = "www.cancer.gov"
L2 = 1.0  # ridge penalty on the weights (not the intercept)
ABOUT = (
    "The chance that cancer.gov editors link a glossary term's first use in a section: a "
    "logistic model over `features`, fitted by tools/learn_link_practice.py on the pages of "
    "../shared/corpus-nci (cancer.gov, U.S. government work, National Cancer Institute) that "
    f"link at least {MIN_LINKS} dictionary terms ({{pages}} pages; benchmarks/held-out.txt and "
    "pages for health professionals left out). `sections`: for each section of the site (an "
    "address path), how many of its pages for the public (linkpractice.an_article: 150 words "
    "or more; not a landing page, a list of posts, questions and answers; summaries and drug "
    "pages too) the tuning pages hold and how many of them link at least 3 dictionary terms. "
    "`drug_uses`: for each entry, in how many \"Use in Cancer\" sections of the tuning "
    "pages' drug pages (those whose editors linked terms there) it is used, and in how many "
    "of those linked.")


def fit(x: list[list[float]], y: list[float], l2: float = L2) -> tuple[list[float], float]:
    """Logistic regression by Newton's method, with a ridge penalty (on the standardized
    weights)."""
    import numpy as np

    data = np.asarray(x, dtype=float)
    target = np.asarray(y, dtype=float)
    mean, scale = data.mean(axis=0), data.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(data), 1)), (data - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (p - target) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[1:] / scale
    intercept = w[0] - float((w[1:] * mean / scale).sum())
    return [float(v) for v in weights], float(intercept)


def site_sections(corpus: Path, glossaries: Sequence[Glossary]) -> dict[str, list[int]]:
    """The site's sections: how many of their pages for the public (articles, summaries, drug
    pages) the tuning pages hold, and how many of those the editors link."""
    sections: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for path in training_pages(corpus):
        doc = document.load(path)
        url = doc.metadata.get("url")
        if isinstance(url, str) and urlsplit(url).hostname == SITE and an_article(doc):
            for section in address_sections(url):
                sections[section][0] += 1
                sections[section][1] += glossary_links(doc, glossaries) >= MIN_LINKS
    return {k: v for k, v in sorted(sections.items())}


def drug_uses(docs: Sequence[tuple[str, Document]], matcher: Matcher) -> dict[str, list[int]]:
    """For each entry, in how many "Use in Cancer" sections of drug pages whose editors linked
    terms there it is used, and in how many of those linked (its first use in the section
    counted, as glossary-link asks); the sections found as glossary-link finds them
    (`Page.use_in_cancer`)."""
    counts: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, doc in docs:
        used = page_of(doc, matcher.glossaries).use_in_cancer
        links = [link for i in used for link in doc.blocks[i].links]
        if not any(to_an_entry(link, matcher.glossaries) for link in links):
            continue  # not a drug's page, or one left plain
        skipped = doc.blocks_under(LINK_SKIP_SECTIONS["default"]) | doc.captions
        in_section = {id(doc.blocks[i]) for i in used}
        uses = [u for u in glossary_uses(doc, matcher.find, 2, skipped)
                if id(u.block) in in_section]
        for c in section_candidates(doc, uses, matcher.glossaries, frozenset()):
            counts[entry_key(c.use.match)][0] += 1
            counts[entry_key(c.use.match)][1] += c.linked
    return {k: v for k, v in sorted(counts.items())}


class Practice(NamedTuple):
    """Every first use of an entry in a section of the pages that link terms, with what the
    pages do with each entry."""

    found: list[tuple[str, Candidate, Page]]  # (page, first use, page's features)
    seen: Counter[str]  # pages using each entry
    linked: Counter[str]  # pages linking it
    names: dict[str, str]  # entry: "glossary<TAB>id<TAB>term"
    linked_on: dict[str, set[str]]  # page: entries linked on it
    pages: int  # pages that link terms


def stock_paragraphs(docs: Sequence[tuple[str, Document]]) -> set[str]:
    """The paragraphs on STOCK_PAGES pages or more, word for word (their keys)."""
    on_pages: defaultdict[str, set[str]] = defaultdict(set)
    for rel, doc in docs:
        for block in doc.blocks:
            if block.kind in ("paragraph", "list_item") and \
                    len(block.text.split()) >= STOCK_WORDS:
                on_pages[paragraph_key(block.text)].add(rel)
    return {key for key, where in on_pages.items() if len(where) >= STOCK_PAGES}


def practice(docs: Sequence[tuple[str, Document]], matcher: Matcher,
             stock: set[str]) -> Practice:
    """Every first use of an entry in a section of the pages that link terms."""
    options = {"in_tables": False}
    glossaries = matcher.glossaries
    done = Practice([], Counter(), Counter(), {}, {}, 0)
    pages = 0
    for rel, doc in docs:
        if glossary_links(doc, glossaries) < MIN_LINKS:
            continue
        pages += 1
        skipped = doc.blocks_under(LINK_SKIP_SECTIONS["default"]) | doc.captions
        uses = list(glossary_uses(doc, matcher.find, 2, skipped))
        topic = topic_words(doc)
        candidates = section_candidates(doc, uses, glossaries, stock,
                                        lambda use, topic=topic: left_alone(use, topic, options))
        here_linked = {entry_key(c.use.match) for c in candidates if c.linked}
        for c in candidates:
            entry = c.use.match.entries[0]
            done.names.setdefault(entry_key(c.use.match),
                                  f"{entry.glossary}\t{entry.id}\t{entry.term}")
            if not c.introduced:
                done.found.append((rel, c, page_of(doc, glossaries)))
        done.seen.update({entry_key(c.use.match) for c in candidates})
        done.linked.update(here_linked)
        done.linked_on[rel] = here_linked
    return done._replace(pages=pages)


def cross_validated(rows: list[list[float]], labels: list[float], groups: list[str]
                    ) -> tuple[float, float]:
    """Five-fold cross-validation by page: the draft and finished thresholds, with the
    recall and precision at each chance printed."""
    fold_of = {rel: n % 5 for n, rel in enumerate(sorted(set(groups)))}
    held_chance = [0.0] * len(rows)
    for k in range(5):
        train = [i for i, g in enumerate(groups) if fold_of[g] != k]
        weights, intercept = fit([rows[i] for i in train], [labels[i] for i in train])
        for i, g in enumerate(groups):
            if fold_of[g] == k:
                held_chance[i] = chance(intercept, weights, rows[i])
    total = sum(labels)
    curve = []
    for step in range(10, 96, 5):
        t = step / 100
        flagged = [labels[i] for i, p in enumerate(held_chance) if p >= t]
        hits = sum(flagged)
        recall, precision = hits / total, hits / max(1, len(flagged))
        curve.append((t, recall, precision))
        print(f"  chance >= {t:.2f}: recall {recall:.3f}, precision {precision:.3f}")
    draft = min(curve, key=lambda c: abs(c[1] - c[2]))[0]
    finished = next((t for t, _, precision in curve if precision >= 0.9), 0.95)
    return draft, finished


def write_practice(done: Practice) -> None:
    """nci-link-practice.tsv: each entry's pages and linked pages."""
    names = done.names
    lines = [
        "# How cancer.gov editors link the terms of readlint's bundled glossaries: for each",
        "# entry, on how many pages the term is used in the prose (pages) and on how many of",
        f"# those it is linked (linked). Learned from the {done.pages} cancer.gov pages (U.S.",
        "# government work, National Cancer Institute) of ../shared/corpus-nci that link at",
        f"# least {MIN_LINKS} dictionary terms (pages for health professionals and",
        "# benchmarks/held-out.txt left out), by tools/learn_link_practice.py.",
        "glossary\tid\tterm\tpages\tlinked",
    ]
    for key in sorted(done.seen, key=lambda k: (names[k].split("\t")[0],
                                                names[k].split("\t")[2].lower(), k)):
        lines.append(f"{names[key]}\t{done.seen[key]}\t{done.linked[key]}")
    (HERE / "nci-link-practice.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(done.seen)} entries used on {done.pages} pages")


def main(shared: Path, tables_only: bool = False) -> None:
    corpus = shared / "corpus-nci"
    matcher = matcher_for(BUNDLED)
    pages = [p for p in training_pages(corpus)
             if not for_professionals(p.read_text(encoding="utf-8"))]
    docs = [(p.relative_to(corpus).as_posix(), document.load(p)) for p in pages]
    sections = site_sections(corpus, matcher.glossaries)
    drugs = drug_uses(docs, matcher)
    if tables_only:
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        data.update(about=ABOUT.format(pages=data.get("pages", "?")), sections=sections,
                    drug_uses=drugs)
        MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"{len(sections)} sections, {len(drugs)} entries of drug pages; written to "
              f"{MODEL_PATH}")
        return
    stock = stock_paragraphs(docs)
    done = practice(docs, matcher, stock)
    rows, labels, groups = [], [], []
    for rel, c, page in done.found:
        key = entry_key(c.use.match)
        own = key in done.linked_on[rel]  # the page's own practice is left out of its features
        rows.append(features(page, c.use, c.place, done.seen[key] - 1, done.linked[key] - own))
        labels.append(1.0 if c.linked else 0.0)
        groups.append(rel)
    print(f"{len(rows)} first uses in sections of {done.pages} pages that link terms; "
          f"{int(sum(labels))} linked. Cross-validated by page:")
    draft, finished = cross_validated(rows, labels, groups)
    weights, intercept = fit(rows, labels)
    MODEL_PATH.write_text(json.dumps({
        "about": ABOUT.format(pages=done.pages),
        "pages": done.pages,
        "site": SITE,
        "features": list(FEATURES),
        "weights": [round(w, 6) for w in weights],
        "intercept": round(intercept, 6),
        "draft_threshold": draft,
        "finished_threshold": finished,
        "stock": sorted(stock),
        "sections": sections,
        "drug_uses": drugs,
    }, indent=1) + "\n", encoding="utf-8")
    print(f"draft threshold {draft:.2f}, finished threshold {finished:.2f}; "
          f"{len(stock)} stock paragraphs; written to {MODEL_PATH}")
    write_practice(done)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--tables"]
    if len(args) > 1 or args and args[0].startswith("-"):
        sys.exit("usage: python tools/learn_link_practice.py [SHARED] [--tables]")
    main(Path(args[0] if args else "../shared"), "--tables" in sys.argv[1:])
