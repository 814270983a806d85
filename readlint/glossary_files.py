"""Reading glossaries: the bundled ones by name, and a user's files by path.

A glossary file is YAML or JSON (schema: readlint/data/schemas/glossary.schema.json):

    name: my-terms
    title: the clinic glossary                           # how messages name it
    source: Where the terms come from.
    url_template: https://example.org/glossary/{id}      # link target for an entry
    link_patterns:                                       # links that point at an entry
      - 'example\\.org/glossary/(?P<key>[\\w-]+)'
    terms_tsv: terms.tsv              # optional: more entries from a TSV (id and term columns)
    terms:
      - term: metastatic
        id: "44058"
        variants: [metastasized]      # other spellings, inflections and names
        keys: [metastatic-cancer]     # other ids or slugs that identify it in URLs
        definition: Spread from where it started to other parts of the body.
        url: /custom/link             # overrides url_template for this entry
        source: NCI
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from .errors import ConfigError
from .glossary import Entry, Glossary, norm_key
from .patterns import user_pattern
from .schema import parse_yaml, validate
from .source import read_data_text

BUNDLED = ("nci-cancer-terms", "nci-drugs")


def bundled_path(name: str) -> Path:
    return Path(__file__).resolve().parent / "data" / "glossaries" / f"{name}.yaml"


def load(ref: str) -> Glossary:
    """A glossary by bundled name or by file path (.yaml, .yml, .json or .tsv)."""
    path = path_of(ref)
    if not path.is_file():
        if path.exists():  # a folder, a pipe, a device: waiting on a pipe would never end
            raise ConfigError(f"glossary {ref!r} is not a file (a folder, a pipe or a "
                              "device): name a .yaml, .yml, .json or .tsv file")
        raise ConfigError(f"glossary {ref!r} not found (bundled glossaries: "
                          f"{', '.join(BUNDLED)})")
    if path.suffix.lower() == ".tsv":
        glossary = Glossary(path.stem, files=[str(path)])
        _read_tsv(glossary, path, None)
        return glossary
    return _read_file(path)


def path_of(ref: str) -> Path:
    return bundled_path(ref) if ref in BUNDLED else Path(ref)


def _read_file(path: Path) -> Glossary:
    text = read_data_text(path)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise ConfigError(f"not valid JSON: {exc}", str(path)) from None
    else:
        data = parse_yaml(text, str(path))
    validate(data, "glossary.schema.json", str(path), text)
    glossary = Glossary(
        data["name"], data.get("source", ""), data.get("title", ""), data.get("url_template"),
        tuple(user_pattern(p, f"{path}: link_patterns") for p in data.get("link_patterns", ())),
        files=[str(path)])
    other_audience: set[str] = set()
    if "terms_tsv" in data:
        glossary.files.append(str(path.parent / data["terms_tsv"]))
        other_audience = _read_tsv(glossary, path.parent / data["terms_tsv"],
                                   data.get("tsv_audience"))
    for item in data.get("terms", ()):
        if str(item.get("id", "")) in other_audience:
            continue  # an entry of the TSV's other audience, met again under another name
        entry = glossary.entry_for_key(str(item.get("id", item["term"])))
        if entry is not None and entry.glossary == glossary.name:
            # More about an entry the TSV already gave: merge.
            entry.variants = tuple(dict.fromkeys((*entry.variants, *item.get("variants", ()))))
            entry.keys = tuple(dict.fromkeys((*entry.keys, *map(str, item.get("keys", ())))))
            entry.definition = item.get("definition", entry.definition)
            entry.pronunciation = item.get("pronunciation", entry.pronunciation)
            entry.url = item.get("url", entry.url)
            position = glossary._by_key[norm_key(str(item.get("id", item["term"])))]
            glossary.add_keys(entry, position)
            continue
        glossary.add(Entry(glossary.name, str(item.get("id", item["term"])), item["term"],
                           tuple(item.get("variants", ())), tuple(map(str, item.get("keys", ()))),
                           item.get("url"), item.get("definition"), item.get("source"),
                           pronunciation=item.get("pronunciation")))
    if "practice_tsv" in data:
        glossary.files.append(str(path.parent / data["practice_tsv"]))
        _read_practice(glossary, path.parent / data["practice_tsv"])
    return glossary


def _read_tsv(glossary: Glossary, path: Path, audience: str | None) -> set[str]:
    """Entries from a TSV with at least `id` and `term` columns; '#' lines are comments.
    With `audience`, rows for another audience are left out; their ids are returned."""
    left_out: set[str] = set()
    for row in _tsv_rows(path, ("id", "term"), "a glossary TSV"):
        if audience and row.get("audience") and row["audience"] != audience:
            left_out.add((row.get("id") or "").strip())
            continue
        term = (row.get("term") or "").strip()
        if term and row.get("id"):
            glossary.add(Entry(glossary.name, row["id"].strip(), term,
                               tuple(_derived_variants(term)),
                               pronunciation=(row.get("pronunciation") or "").strip() or None))
    return left_out


def _read_practice(glossary: Glossary, path: Path) -> None:
    """How editors link the entries: the rows of a practice TSV for this glossary."""
    for row in _tsv_rows(path, ("glossary", "id", "pages", "linked"), "a practice TSV"):
        if row["glossary"] != glossary.name:
            continue
        entry = glossary.entry_for_key(row["id"])
        if entry is None:
            continue
        try:
            entry.pages, entry.linked = int(row["pages"]), int(row["linked"])
        except (TypeError, ValueError):
            raise ConfigError(f"'pages' and 'linked' must be whole numbers (entry {row['id']})",
                              str(path)) from None
    glossary.has_practice = True


def _tsv_rows(path: Path, columns: Sequence[str], what: str) -> Iterator[dict[str, str]]:
    """The rows of a tab-separated file ('#' lines are comments) that has the columns."""
    import csv  # (only when a glossary is read from its files, not from the cache)

    lines = [line for line in read_data_text(path).splitlines(keepends=True)
             if not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t")
    if rows.fieldnames is None or not set(columns) <= set(rows.fieldnames):
        names = ", ".join(f"'{c}'" for c in columns)
        raise ConfigError(f"{what} needs the columns {names}", str(path))
    yield from rows


def _derived_variants(term: str) -> Iterator[str]:
    """Names a dictionary term is also written as: "HER2/neu" is also "HER2", "magnetic
    resonance imaging (MRI)" is also each part, "overall survival rate" is also "overall
    survival"."""
    if "/" in term and " " not in term:
        first = term.split("/")[0]
        if len(first) > 1:
            yield first
    m = re.fullmatch(r"(.+?) \(([^)]+)\)", term)
    if m:  # "magnetic resonance imaging (MRI)"
        yield m.group(1)
        yield m.group(2)
    m = re.fullmatch(r"(\S+ \S+.*) rate", term)
    if m:  # "overall survival rate" is written "overall survival"
        yield m.group(1)
