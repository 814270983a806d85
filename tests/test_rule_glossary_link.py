"""glossary-link: unlinked first uses, wrong entries, scopes, and the seed."""

from __future__ import annotations

import re

from helpers import SEED, lint, positions

from readlint.config import Config
from readlint.glossary import load

DICTIONARY_LINK = re.compile(r"\[([^\]]+)\]\((/publications/dictionaries/cancer-terms/def/\d+|"
                             r"/about-cancer/treatment/drugs/\w+|/drugdictionary\?CdrID=\d+)\)")
SEED_TERMS = {  # the 13 terms the seed links to the NCI dictionaries, where they start
    "metastatic": (27, 70), "HER2": (27, 81), "targeted therapy": (27, 162),
    "trastuzumab": (27, 179), "investigational drug": (29, 24),
    "trastuzumab emtansine": (29, 45), "capecitabine": (29, 186), "antibody": (35, 13),
    "monoclonal antibody": (35, 53), "progression-free survival": (37, 12),
    "overall survival": (37, 268), "platelet": (39, 70), "hand-foot syndrome": (39, 157),
}


def test_seed_with_links_removed_reports_each_link_worthy_term_where_it_is():
    raw = SEED.read_text(encoding="utf-8")
    assert len(DICTIONARY_LINK.findall(raw)) == 13
    stripped = DICTIONARY_LINK.sub(r"\1", raw)
    lines = stripped.splitlines()
    for term, (line, column) in SEED_TERMS.items():
        assert lines[line - 1][column - 1:].startswith(term), term
    found = positions(lint(stripped, select="glossary-link"))
    missed = {term for term, where in SEED_TERMS.items() if where not in found}
    # Left out: terms cancer.gov editors link on fewer than 40% of the pages that use them
    # (targeted therapy on 33 of 160 pages, monoclonal antibody on 15 of 71).
    assert missed == {"targeted therapy", "monoclonal antibody"}
    terms = load("nci-cancer-terms")
    for term in missed:
        (entry,) = [e for e in terms.entries if e.term == term]
        assert entry.linked / entry.pages < 0.4


def test_seed_with_links_intact_reports_none_of_them():
    problems = lint(SEED.read_text(encoding="utf-8"), select="glossary-link")
    reported = {p.subject.lower() for p in problems}
    assert not reported & {t.lower() for t in SEED_TERMS}
    assert not reported & {"her2-positive", "antibody-drug conjugate"}


def test_message_and_link_style_follow_the_document():
    text = ("Some [HER2](/Common/PopUps/popDefinition.aspx?id=44945&version=Patient) words.\n\n"
            "Women with thrombocytopenia.\n")
    (problem,) = [p for p in lint(text, select="glossary-link")
                  if p.subject == "thrombocytopenia"]
    assert (problem.line, problem.column, problem.end_column) == (3, 12, 28)
    assert "NCI Dictionary of Cancer Terms" in problem.message
    assert problem.fix.replacement == \
        "[thrombocytopenia](/Common/PopUps/popDefinition.aspx?id=45365&version=Patient)"


def test_absolute_url_when_the_document_has_no_dictionary_links():
    (problem,) = [p for p in lint("Women with thrombocytopenia.\n", select="glossary-link")
                  if p.subject == "thrombocytopenia"]
    assert problem.message.endswith(
        "https://www.cancer.gov/publications/dictionaries/cancer-terms/def/45365.")


def test_link_to_a_different_entry_is_reported():
    text = "The [metastatic](/publications/dictionaries/cancer-terms/def/45840) kind.\n"
    (problem,) = lint(text, select="glossary-link")
    assert problem.message.startswith('This link on "metastatic" goes to a different glossary')
    assert problem.fix is None


def test_related_entry_and_unknown_entry_links_are_accepted():
    text = ("Take [supplements](/publications/dictionaries/cancer-terms/def/463726) and "
            "[thrombocytopenia](/publications/dictionaries/cancer-terms/def/99999999).\n")
    assert [p for p in lint(text, select="glossary-link")
            if p.subject in ("supplements", "thrombocytopenia")] == []


def test_scope_section_links_again_in_each_section():
    text = ("## One\n\nThe [lymphedema](/publications/dictionaries/cancer-terms/def/45359) "
            "kind.\n\n## Two\n\nThe lymphedema kind.\n")
    # A page links a term once (the bundled rule sets)...
    assert [p for p in lint(text, select="glossary-link") if p.subject == "lymphedema"] == []
    # ...or once in each section, when asked.
    by_section = Config(raw_rules={"glossary-link": {"scope": "section"}})
    section = [p for p in lint(text, select="glossary-link", config=by_section)
               if p.subject == "lymphedema"]
    assert positions(section) == [(7, 5)]


def test_other_names_and_headings_need_no_link():
    text = ("# Thrombocytopenia\n\nA CT scan (also called computerized tomography) and an MRI "
            "(magnetic resonance imaging) were done.\n")
    subjects = {p.subject for p in lint(text, select="glossary-link")}
    assert "Thrombocytopenia" not in subjects
    assert "computerized tomography" not in subjects
    assert "magnetic resonance imaging" not in subjects
    assert {"CT scan", "MRI"} <= subjects
    # A short form with capitals in brackets right after its linked long form.
    text = ("- A very high level of [beta human chorionic gonadotropin](/publications/"
            "dictionaries/cancer-terms/def/46109) (beta-hCG), a hormone made in pregnancy.\n")
    assert "beta-hCG" not in {p.subject for p in lint(text, select="glossary-link")}


def test_a_term_named_before_its_other_name_still_needs_its_link():
    # "dostarlimab (Jemperli)": the brand is the other name; the medicine itself is the
    # term's first use. A later "(pomalidomide)" beside a brand does not excuse an earlier use.
    assert positions(lint("The drug dostarlimab (Jemperli) shrank tumors.\n",
                          select="glossary-link")) == [(1, 10)]
    text = "You may take pomalidomide by mouth.\n\nPomalyst (pomalidomide) comes as capsules.\n"
    assert (1, 14) in positions(lint(text, select="glossary-link"))


def test_captions_quotations_and_a_linked_short_form_need_no_link():
    # Real sentences from cancer.gov pages: editors link no term in an image's caption, and
    # rarely in a quotation; the link on "MRI" serves the full name before it.
    caption = ("![Skin layers](skin.png)\n\nAnatomy of the skin, showing the epidermis, "
               "dermis, and subcutaneous tissue.\n\nThe subcutaneous tissue holds fat.\n")
    assert positions(lint(caption, select="glossary-link")) == [(5, 5)]
    quoted = ("“No data suggest that letrozole for 5 years is better,” she said.\n\n"
              "Ask whether letrozole is right for you.\n")
    assert positions(lint(quoted, select="glossary-link")) == [(3, 13)]
    mri = ("- A **magnetic resonance imaging** **(**[**MRI**](/publications/dictionaries/"
           "cancer-terms/def/45788)**) procedure** uses a magnet.\n")
    assert lint(mri, select="glossary-link") == []
    assert [p.subject for p in lint("A magnetic resonance imaging (MRI) procedure uses a "
                                    "magnet.\n", select="glossary-link")] == [
        "magnetic resonance imaging"]


SUMMARY = ("# Anal Cancer Treatment\n\n## Treatment Option Overview\n\n### Key Points\n\n"
           "- There are different types of treatment for patients with anal cancer.\n\n"
           "### Surgery\n\nSurgery to remove the tumor may be done if the cancer has not "
           "spread. Nausea and diarrhea are common after treatment.\n\nHaving risk factors "
           "does not necessarily mean that you will get cancer. A treatment clinical trial is a "
           "research study meant to help improve current treatments. Many of today's standard "
           "treatments are based on earlier clinical trials.\n")


def test_a_summary_with_key_points_has_every_rare_term_checked():
    # Editors of summaries laid out with "Key Points" lists (the PDQ style) link nearly every
    # dictionary term at its first use; other pages link "nausea" on 12 of 50 pages. Words
    # as common as "surgery" still need the editors' usual practice.
    subjects = {p.subject for p in lint(SUMMARY, select="glossary-link")}
    assert {"Nausea", "diarrhea"} <= subjects
    assert "Surgery" not in subjects
    plain = SUMMARY.replace("### Key Points\n\n- There are different types of treatment for "
                            "patients with anal cancer.\n\n", "")
    assert not {"Nausea", "diarrhea"} & {p.subject for p in lint(plain, select="glossary-link")}
    # Once editors have linked terms (3 links or more), a rare term they left plain was left
    # on purpose; a link to a list of drugs is no entry and does not count.
    linked = SUMMARY.replace("anal cancer.", "[anal cancer](/publications/dictionaries/"
                             "cancer-terms/def/44387).").replace(
        "the tumor", "the [tumor](/publications/dictionaries/cancer-terms/def/46634)").replace(
        "clinical trial is", "[clinical trial](/publications/dictionaries/cancer-terms/def/"
        "45961) is")
    assert not {"Nausea", "diarrhea"} & {p.subject for p in lint(linked, select="glossary-link")}
    lists = SUMMARY.replace("anal cancer.", "anal cancer. See [drugs for anal cancer]"
                            "(/about-cancer/treatment/drugs/anal), [more](/about-cancer/"
                            "treatment/drugs/anal), [more](/about-cancer/treatment/drugs/anal).")
    assert {"Nausea", "diarrhea"} <= {p.subject for p in lint(lists, select="glossary-link")}
    off = Config(raw_rules={"glossary-link": {"rare_terms_in_summaries": False}})
    assert not {"Nausea", "diarrhea"} & {p.subject for p in lint(SUMMARY, select="glossary-link",
                                                                 config=off)}


def test_a_verb_spelled_like_an_entry_is_not_that_entry():
    # "mean" (the average) and "base" (the chemical) are entries; "does not necessarily
    # mean", "meant to help" and "based on" are the verbs. "diagnosed" (linked to
    # "diagnosis" by editors) and "relapsed" are still terms.
    subjects = {(p.subject or "").lower() for p in lint(SUMMARY, select="glossary-link")}
    assert not subjects & {"mean", "meant", "based"}
    every = Config(raw_rules={"glossary-link": {"min_link_share": 0}})
    found = {p.subject for p in lint("She was diagnosed with leukemia that relapsed. The "
                                     "mean age was 60.\n", select="glossary-link",
                                     config=every)}
    assert {"diagnosed", "relapsed", "mean"} <= found


def test_a_term_never_runs_out_of_brackets():
    # "(LHRH) agonists" is not the term "LHRH agonists" starting inside the brackets (a link
    # there would garble the text); a name with its brackets whole is one term.
    assert lint("Drugs called luteinizing hormone-releasing hormone (LHRH) agonists stop "
                "this.\n", select="glossary-link") == []
    (problem,) = lint("A positron emission tomography (PET) scan was done.\n",
                      select="glossary-link")
    assert problem.subject == "positron emission tomography (PET) scan"
    assert [p.subject for p in lint("LHRH agonists stop this.\n",
                                    select="glossary-link")] == ["LHRH agonists"]


def test_project_glossary_from_config(tmp_path):
    glossary = tmp_path / "terms.yaml"
    glossary.write_text("name: clinic\nurl_template: https://clinic.example/g/{id}\n"
                        "terms:\n  - {term: wound vac, id: wv}\n", encoding="utf-8")
    config_file = tmp_path / ".readlint.yaml"
    config_file.write_text("rules:\n  glossary-link:\n    glossaries: [terms.yaml]\n",
                           encoding="utf-8")
    from readlint.config import load_config
    (problem,) = lint("Your wound vac needs care.\n", select="glossary-link",
                      config=load_config(config_file))
    assert problem.message == ('"wound vac" is in the clinic glossary: link its first use to '
                               'https://clinic.example/g/wv.')
