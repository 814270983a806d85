"""Build the bundled glossaries in readlint/data/glossaries/ from the development data.

    python tools/build_glossaries.py ../shared

- nci-cancer-terms.yaml: the NCI Dictionary of Cancer Terms (the TSV beside it: ids, terms),
  plus the other names cancer.gov editors link to each entry ("overall survival" for "overall
  survival rate", "HER2" for "HER2/neu"), and entries newer than the TSV.
- nci-drugs.yaml: drug names cancer.gov pages link to their drug pages, with brand names and
  NCI Drug Dictionary ids.

Names are harvested from ../shared/corpus-nci, leaving out the pages readlint is measured on
(benchmarks/held-out.txt, chosen by tools/split_corpus.py), so benchmarks/vocabulary.py
measures names readlint has not seen there.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml
from split_corpus import training_pages

from readlint import document
from readlint.harvest import collect, entries, folded

HERE = Path(__file__).resolve().parent.parent / "readlint" / "data" / "glossaries"
TERMS_PATTERNS = [
    r"/publications/dictionaries/cancer-terms/def/(?P<key>[\w-]+)",
    r"popDefinition\.aspx\?(?:[^#]*&)?id=(?P<key>(?:CDR)?\d+)",
]
DRUG_PATTERNS = [
    r"/about-cancer/treatment/drugs/(?P<key>[\w-]+)",
    r"/drugdictionary\?CdrID=(?P<key>\d+)",
    r"/publications/dictionaries/cancer-drug/def/(?P<key>[\w-]+)",
]


def partial(name: str, term: str) -> bool:
    """Is a linked name only part of a longer term ("overall" of "overall survival rate")?
    Such links name a part of the term; as a variant the part would match far too much."""
    words, term_words = name.lower().split(), term.lower().split()
    if len(words) >= len(term_words):
        return False
    stems = [w[:6] for w in term_words]
    return all(w[:6] in stems for w in words)


def header(lines: list[str]) -> str:
    return "".join(f"# {line}\n" for line in lines)


def genetics_only(pages: list[Path]) -> set[str]:
    """Ids linked only as entries of NCI's genetics dictionary (pop-ups with
    "dictionary=genetic"): entries for health professionals, whose pages live elsewhere."""
    genetic: set[str] = set()
    other: set[str] = set()
    for path in pages:
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"popDefinition\.aspx\?([^)\s\"]*)", text):
            found = re.search(r"(?:^|&)id=(?:CDR)?0*(\d+)", m.group(1))
            if found:
                (genetic if "dictionary=genetic" in m.group(1) else other).add(found.group(1))
        other.update(re.findall(r"cancer-terms/def/(\d+)", text))
    return genetic - other


def build_terms(pages: list[Path]) -> None:
    tsv = {}
    for line in (HERE / "nci-cancer-terms-2016.tsv").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#") and not line.startswith("id\t"):
            cols = line.split("\t")
            tsv[cols[0]] = cols[1]
    harvested = entries(collect(pages, [re.compile(p) for p in TERMS_PATTERNS]))
    genetics = genetics_only(pages)
    terms = []
    for item in harvested:
        key = item["id"]
        if key in genetics:
            continue
        names = [item["term"], *item.get("variants", ())]
        if key in tsv:
            base = folded(tsv[key])
            variants = [n for n in names if folded(n) != base
                        and not partial(n, tsv[key])]
            if variants:
                terms.append({"id": key, "term": tsv[key], "variants": variants})
        elif re.fullmatch(r"\d+", key):
            entry = {"id": key, "term": names[0]}
            if names[1:]:
                entry["variants"] = names[1:]
            terms.append(entry)
    data = {
        "name": "nci-cancer-terms",
        "title": "the NCI Dictionary of Cancer Terms",
        "source": "NCI Dictionary of Cancer Terms (National Cancer Institute, U.S. government "
                  "work): the TSV beside this file, and names cancer.gov editors link to its "
                  "entries.",
        "url_template": "https://www.cancer.gov/publications/dictionaries/cancer-terms/def/{id}",
        "link_patterns": TERMS_PATTERNS,
        "terms_tsv": "nci-cancer-terms-2016.tsv",
        "tsv_audience": "Patient",  # the TSV's entries for health professionals left out
        "practice_tsv": "nci-link-practice.tsv",
        "terms": terms,
    }
    text = header([
        "NCI Dictionary of Cancer Terms, for readlint's glossary-link and undefined-jargon rules.",
        "Entries (ids, terms): nci-cancer-terms-2016.tsv beside this file (its header names the",
        "source). Below: other names cancer.gov editors link to an entry, and entries newer than",
        f"the TSV, harvested from the links of {len(pages)} cancer.gov pages (U.S. government",
        "work) by tools/build_glossaries.py; the pages in benchmarks/held-out.txt left out.",
        "Entries for health professionals (the TSV's, and NCI's genetics dictionary's, linked",
        "as pop-ups with dictionary=genetic) are left out: their pages live at other addresses.",
    ]) + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    (HERE / "nci-cancer-terms.yaml").write_text(text, encoding="utf-8")
    print(f"nci-cancer-terms: {len(terms)} entries with harvested names")


def drug_page_ids(pages: list[Path]) -> dict[str, str]:
    """Drug page slug -> NCI Drug Dictionary id, from each drug page's own dictionary link."""
    ids = {}
    for path in pages:
        doc = document.load(path)
        m = re.search(r"/about-cancer/treatment/drugs/([\w-]+)", str(doc.metadata.get("url", "")))
        if not m:
            continue
        for block in doc.blocks:
            for link in block.links:
                d = re.search(r"/cancer-drug/def/(\d+)", link.href)
                if d:
                    ids[m.group(1)] = d.group(1)
    return ids


def build_drugs(pages: list[Path]) -> None:
    harvested = entries(collect(pages, [re.compile(p) for p in DRUG_PATTERNS]))
    page_ids = drug_page_ids(pages)
    by_id = {page_ids[slug]: slug for slug in page_ids}
    merged: dict[str, dict] = {}
    for item in harvested:
        key = item["id"]
        slug = by_id.get(key, key)
        entry = merged.setdefault(slug, {"term": item["term"], "id": slug, "variants": [],
                                         "keys": []})
        names = [item["term"], *item.get("variants", ())]
        for name in names:
            if name != entry["term"] and name not in entry["variants"]:
                entry["variants"].append(name)
            # FDA's distinguishing prefixes are often dropped in writing.
            short = re.sub(r"(?i)^(ado|fam)-", "", name)
            if short != name and short not in entry["variants"]:
                entry["variants"].append(short)
        if key != slug:
            entry["keys"].append(key)
        if slug in page_ids and page_ids[slug] not in entry["keys"]:
            entry["keys"].append(page_ids[slug])
        if re.fullmatch(r"\d+", slug):
            entry["url"] = f"https://www.cancer.gov/publications/dictionaries/cancer-drug/def/{slug}"
    terms = []
    for entry in merged.values():
        entry = {k: v for k, v in entry.items() if v}
        terms.append(entry)
    data = {
        "name": "nci-drugs",
        "title": "NCI's list of cancer drugs",
        "source": "Drug names linked to cancer.gov drug pages (National Cancer Institute, U.S. "
                  "government work).",
        "url_template": "https://www.cancer.gov/about-cancer/treatment/drugs/{id}",
        "link_patterns": DRUG_PATTERNS,
        "practice_tsv": "nci-link-practice.tsv",
        "terms": terms,
    }
    text = header([
        "Cancer drug names for readlint's glossary-link and undefined-jargon rules: generic and",
        "brand names that cancer.gov pages link to the site's drug pages, with NCI Drug",
        f"Dictionary ids. Harvested from the links of {len(pages)} cancer.gov pages (U.S.",
        "government work, National Cancer Institute) by tools/build_glossaries.py; the pages in",
        "benchmarks/held-out.txt left out.",
    ]) + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    (HERE / "nci-drugs.yaml").write_text(text, encoding="utf-8")
    print(f"nci-drugs: {len(terms)} drugs")


def main(shared: Path) -> None:
    pages = training_pages(shared / "corpus-nci")
    print(f"{len(pages)} pages to harvest")
    build_terms(pages)
    build_drugs(pages)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
