"""readlint glossary harvest: a glossary from the links pages already have."""

from __future__ import annotations

import os

import yaml


def test_harvest_groups_links_by_target_with_counts_and_variants(run, write):
    write("a.md", "Take [Xeloda (Capecitabine)](/drugs/capecitabine) and "
                  "[trastuzumab](/drugs/trastuzumab).\n")
    write("b.md", "More [capecitabine](/drugs/capecitabine). [Click here](/drugs/other).\n")
    result = run("glossary", "harvest", ".", "-o", "out.yaml", "--name", "drugs",
                 "--pattern", r"/drugs/(?P<key>[\w-]+)", "--url-template", "/drugs/{id}")
    assert result.exit_code == 0, result.output
    assert "Wrote 2 entries from 2 documents" in result.stdout
    with open("out.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    umask = os.umask(0)
    os.umask(umask)
    assert os.stat("out.yaml").st_mode & 0o777 == 0o666 & ~umask  # a new file, written whole
    assert data["name"] == "drugs" and data["url_template"] == "/drugs/{id}"
    first = data["terms"][0]
    assert (first["term"], first["id"], first["count"], first["documents"]) == \
        ("capecitabine", "capecitabine", 3, 2)
    assert first["variants"] == ["xeloda"]


def test_harvested_glossary_drives_glossary_link(run, write):
    write("a.md", "Take [capecitabine](/drugs/capecitabine).\n")
    run("glossary", "harvest", "a.md", "-o", "g.yaml", "--pattern",
        r"/drugs/(?P<key>[\w-]+)", "--url-template", "/drugs/{id}")
    write(".readlint.yaml", "rules:\n  glossary-link: {glossaries: [g.yaml]}\n")
    write("new.md", "We give capecitabine here.\n")
    result = run("check", "new.md", "--select", "glossary-link")
    assert 'new.md:1:9: RL202 glossary-link "capecitabine" is in the harvested glossary' \
        in result.stdout
    assert "/drugs/capecitabine" in result.stdout


def test_bad_pattern(run, write):
    write("a.md", "x\n")
    result = run("glossary", "harvest", "a.md", "-o", "g.yaml", "--pattern", "(")
    assert result.exit_code == 2
    assert "needs a named group" in result.stderr


def test_names_in_link_texts():
    from readlint.harvest import names_in

    assert names_in("Xeloda (Capecitabine)") == ["Xeloda", "Capecitabine"]
    assert names_in("Hepzato (Melphalan Hydrochloride") == ["Hepzato", "Melphalan Hydrochloride"]
    assert names_in("click here") == []
    assert names_in("Trastuzumab®") == ["Trastuzumab"]
    assert names_in("gastrointestinal (GI) tract") == ["gastrointestinal (GI) tract"]
    # A link to a list of drugs names the list, not a drug.
    assert names_in("Drugs Approved for Breast Cancer") == []
    # A link on a bracket or a figure names nothing.
    assert names_in("(") == [] and names_in("2") == []


def test_harvest_of_one_document_says_so_in_the_singular(run, write):
    write("a.md", "Take [capecitabine](/drugs/capecitabine).\n")
    result = run("glossary", "harvest", "a.md", "-o", "out.yaml")
    assert result.exit_code == 0, result.output
    assert "Wrote 1 entry from 1 document to out.yaml." in result.stdout
