"""Glossaries: the file format, TSV, matching and link resolution."""

from __future__ import annotations

import pytest

from readlint import glossary_sets, glossary_store, store
from readlint.errors import ConfigError
from readlint.glossary_files import load
from readlint.glossary_sets import matcher_for
from readlint.termmatch import Matcher
from readlint.wordforms import fold


@pytest.fixture(scope="module")
def nci():
    return matcher_for(("nci-cancer-terms", "nci-drugs"))


def found(matcher, text):
    return [(m.text, m.entries[0].id) for m in matcher.find(text)]


def test_bundled_glossaries_load_with_sources():
    terms = load("nci-cancer-terms")
    assert len(terms.entries) >= 8000
    assert "National Cancer Institute" in terms.source
    assert terms.entry_for_key("44058").term == "metastatic"
    assert terms.entry_for_key("CDR0000044058").term == "metastatic"  # pop-up id form
    drugs = load("nci-drugs")
    entry = drugs.entry_for_key("ado-trastuzumab-emtansine")
    assert "Trastuzumab Emtansine" in entry.variants  # FDA's prefix dropped, as writers do
    # a brand name, and the NCI Drug Dictionary id of /drugdictionary?CdrID=539733 links
    entry = drugs.entry_for_key("nivolumab")
    assert "opdivo" in entry.variants and "539733" in entry.keys
    assert drugs.entry_for_key("539733") is entry
    # the lists "Drugs Approved for ..." that drug pages sit in are not drugs
    assert drugs.entry_for_key("breast") is None
    assert not [e for e in drugs.entries if "approved" in " ".join(e.names).lower()]


@pytest.mark.parametrize("text, expected", [
    ("Metastatic disease", [("Metastatic", "44058")]),  # case-insensitive
    ("two platelets", [("platelets", "45840")]),  # plurals
    ("the overall survival was", [("overall survival", "44070")]),  # from "... rate"
    ("HER2 testing", [("HER2", "44945")]),  # from "HER2/neu"
    ("progression-free survival", [("progression-free survival", "44782")]),  # longest wins
    ("acute lymphoblastic leukemia (ALL)", [("acute lymphoblastic leukemia", "45586"),
                                            ("ALL", "44362")]),
])
def test_matching(nci, text, expected):
    assert found(nci, text)[:len(expected)] == expected


def test_capitals_only_match_capitals(nci):
    assert all(m.text != "all" for m in nci.find("We all went home."))


def test_a_term_of_several_words_ends_with_its_sentence(nci):
    assert [m.text for m in nci.find("It spread to the bones. Metastasis is common.")] == \
        ["Metastasis"]  # not "bone metastasis"
    assert [m.text for m in nci.find("It spread to the “bones.” Metastasis is common.")] == \
        ["Metastasis"]
    # the full stop of a short form is no sentence's end
    assert "H. pylori" in [m.text for m in nci.find("It is caused by H. pylori bacteria.")]
    assert "St. John's wort" in [m.text for m in nci.find("Some take St. John's wort.")]


def test_no_match_inside_a_hyphenated_word(nci):
    assert [m.text for m in nci.find("anti-tumor drugs")] != ["tumor"]


def test_a_glossary_set_from_the_cache_is_the_one_read_from_files(tmp_path, monkeypatch):
    """The cache keeps each entry packed and makes it when first asked for: the entries,
    keys and matches are those of the glossaries read from their files, and an entry is the
    same object however it is reached (entries compare by identity)."""
    monkeypatch.setattr(store, "_root", tmp_path)
    refs = ("nci-cancer-terms", "nci-drugs")
    built = glossary_sets._read_set(refs)  # read from the files, then stored
    cached = glossary_sets._read_set(refs)  # from the cache
    assert isinstance(cached[0][0].entries, glossary_store.StoredEntries)
    fields = glossary_store._ENTRY_FIELDS
    for fresh, stored in zip(built[0], cached[0], strict=True):
        assert len(fresh.entries) == len(stored.entries)
        for a, b in zip(fresh.entries, stored.entries, strict=True):
            assert [getattr(a, f) for f in fields] == [getattr(b, f) for f in fields]
        assert fresh._by_key == stored._by_key
    text = ("Trastuzumab emtansine (T-DM1) treats metastatic HER2-positive breast cancer; "
            "ask about a PET scan and progression-free survival.")
    assert [(m.text, [e.id for e in m.entries]) for m in built[1].find(text)] == \
        [(m.text, [e.id for e in m.entries]) for m in cached[1].find(text)]
    terms = cached[0][0]
    match = next(m for m in cached[1].find("metastatic") if m.entries[0].id == "44058")
    assert terms.entry_for_key("44058") is match.entries[0] is terms.entries[
        terms._by_key["44058"]]


def test_links_resolve_in_every_url_form():
    terms = load("nci-cancer-terms")
    for href in ("/publications/dictionaries/cancer-terms/def/44058",
                 "https://www.cancer.gov/publications/dictionaries/cancer-terms/def/44058",
                 "/Common/PopUps/popDefinition.aspx?id=44058&version=Patient&language=English",
                 "/Common/PopUps/popDefinition.aspx?id=CDR0000044058&version=Patient"):
        inside, entry = terms.resolve(href)
        assert inside and entry is not None and entry.term == "metastatic", href
    assert terms.resolve("/types/breast") == (False, None)
    assert terms.resolve("/publications/dictionaries/cancer-terms/def/99999999") == (True, None)


def test_fold():
    assert [fold(w) for w in ("tumors", "therapies", "biopsies", "glasses", "virus",
                              "metastasis", "patient’s")] == \
        ["tumor", "therapy", "biopsy", "glass", "virus", "metastasis", "patient"]


def test_yaml_glossary_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "name: mine\nurl_template: https://example.org/g/{id}\n"
        "link_patterns: ['example\\.org/g/(?P<key>\\w+)']\n"
        "terms:\n  - {term: lymphedema, id: lymph, variants: [lymphoedema],"
        " definition: Swelling caused by fluid.}\n", encoding="utf-8")
    glossary = load(str(path))
    matcher = Matcher([glossary])
    assert [m.text for m in matcher.find("Lymphoedema can follow surgery.")] == ["Lymphoedema"]
    assert glossary.url_for(glossary.entries[0]) == "https://example.org/g/lymph"
    assert glossary.resolve("https://example.org/g/lymph")[1] is glossary.entries[0]


def test_tsv_glossary_file(tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text("# my terms\nid\tterm\n1\tnephrectomy\n2\tMRI/NMR\n", encoding="utf-8")
    matcher = Matcher([load(str(path))])
    assert [m.text for m in matcher.find("An MRI before the nephrectomy.")] == \
        ["MRI", "nephrectomy"]


@pytest.mark.parametrize("content, message", [
    ("terms: []\n", "'name' is missing"),
    ("name: x\nlink_patterns: ['no-key-group']\n", "link_patterns.0"),
    ("name: x\nterms:\n  - {id: 1}\n", "'term' is missing"),
])
def test_invalid_glossary_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load(str(path))


def test_url_template_fills_only_its_placeholders_and_encodes_them(tmp_path):
    from readlint.glossary_files import load

    good = tmp_path / "good.yaml"
    good.write_text("name: g\nurl_template: https://x.example/{id}?t={term}\n"
                    "terms:\n  - {term: wound vac, id: 'a b/c'}\n", encoding="utf-8")
    glossary = load(str(good))
    assert glossary.url_for(glossary.entries[0]) == \
        "https://x.example/a%20b%2Fc?t=wound%20vac"


@pytest.mark.parametrize("template", ["https://x.example/{id.__class__.__mro__}",
                                      "https://x.example/{0}", "https://x.example/{id}/{foo}"])
def test_url_template_with_other_braces_is_refused_by_name(tmp_path, template):
    from readlint.errors import ConfigError
    from readlint.glossary_files import load

    bad = tmp_path / "bad.yaml"
    bad.write_text(f"name: g\nurl_template: '{template}'\nterms:\n  - {{term: x, id: y}}\n",
                   encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load(str(bad))
    assert str(info.value).startswith(f"{bad}:2: url_template:")
    assert "does not fit: The address of an entry, with {id}" in str(info.value)


def test_the_patients_dictionary_leaves_out_entries_for_health_professionals():
    # The TSV also lists entries of NCI's genetics dictionary for health professionals, whose
    # pages live at other addresses: a link to cancer-terms/def/339338 would not find them.
    glossary = load("nci-cancer-terms")
    assert glossary.entry_for_key("339338") is None  # autosomal dominant (genetics)
    assert glossary.entry_for_key("339339") is None  # autosomal recessive, also harvested
    assert glossary.entry_for_key("793860") is None  # linked only as a genetics pop-up
    assert glossary.entry_for_key("256537") is not None  # fibromatosis (patients)
