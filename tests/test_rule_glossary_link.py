"""glossary-link: drafts of the glossary's site, finished pages, other pages, wrong entries,
scopes, and the seed."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from helpers import SEED, lint, positions

from readlint import document, nearby
from readlint.config import Config
from readlint.glossary_files import BUNDLED
from readlint.glossary_sets import matcher_for
from readlint.linkpractice import a_section_article, model

FIXTURES = Path(__file__).parent / "fixtures"

DICTIONARY_LINK = re.compile(r"\[([^\]]+)\]\((/publications/dictionaries/cancer-terms/def/\d+|"
                             r"/about-cancer/treatment/drugs/\w+|/drugdictionary\?CdrID=\d+)\)")
SEED_TERMS = {  # the 13 terms the seed links to the NCI dictionaries, where they start
    "metastatic": (27, 70), "HER2": (27, 81), "targeted therapy": (27, 162),
    "trastuzumab": (27, 179), "investigational drug": (29, 24),
    "trastuzumab emtansine": (29, 45), "capecitabine": (29, 186), "antibody": (35, 13),
    "monoclonal antibody": (35, 53), "progression-free survival": (37, 12),
    "overall survival": (37, 268), "platelet": (39, 70), "hand-foot syndrome": (39, 157),
}
CANCER_GOV = "---\nurl: https://www.cancer.gov/types/breast/treatment\n---\n"
ALWAYS = Config(raw_rules={"glossary-link": {"practice": "always"}})  # drafts of the site


def subjects(text: str, config: Config | None = None) -> list[str | None]:
    return [p.subject for p in lint(text, select="glossary-link", config=config)]


def test_seed_with_links_removed_reports_the_editors_links_as_a_draft():
    """The seed is a cancer.gov news article (its url says so: /types/breast/research/), not
    a summary. With its 13 dictionary links taken out, it is a draft of an article of a
    section whose articles its editors link (25 of 27 on the tuning pages): the editors'
    practice decides what to link, at a chance of 0.6; taken as a draft of any page
    (`practice: always`), at the model's own threshold, 0.5."""
    raw = SEED.read_text(encoding="utf-8")
    assert len(DICTIONARY_LINK.findall(raw)) == 13
    stripped = DICTIONARY_LINK.sub(r"\1", raw)
    lines = stripped.splitlines()
    for term, (line, column) in SEED_TERMS.items():
        assert lines[line - 1][column - 1:].startswith(term), term
    # by default: few, each a link its editors made
    problems = lint(stripped, select="glossary-link")
    assert len(problems) >= 3
    assert set(positions(problems)) <= set(SEED_TERMS.values())
    problems = lint(stripped, select="glossary-link", config=ALWAYS)
    found = set(positions(problems))
    missed = {term for term, where in SEED_TERMS.items() if where not in found}
    assert len(missed) <= 8  # at least 5 of the 13, by the practice learned on other pages
    # "targeted therapy": its editors link it on about a fifth of the pages that use it;
    # "overall survival": a phrase of common words, which readers know; "platelet": a word of
    # the body (data/everyday-health-words.txt), linked in drafts of summaries only.
    assert {"targeted therapy", "overall survival", "platelet"} <= missed
    extra = [p.subject for p in problems if (p.line, p.column) not in SEED_TERMS.values()]
    assert len(extra) <= 4  # flags the page's editors did not make: few
    # Each flag an editor of that page made, but a few they link on most pages like it.
    assert set(extra) <= {"lapatinib", "thrombocytopenia", "statistically significant"}
    # at another address of the site, in a section its editors leave plain: nothing
    plain = stripped.replace("/types/breast/research/t-dm1", "/news-events/t-dm1")
    assert lint(plain, select="glossary-link") == []


def test_seed_with_links_intact_reports_none_of_them():
    problems = lint(SEED.read_text(encoding="utf-8"), select="glossary-link")
    reported = {p.subject.lower() for p in problems}
    assert not reported & {t.lower() for t in SEED_TERMS}
    assert not reported & {"her2-positive", "antibody-drug conjugate"}


def test_message_and_link_style_follow_the_document():
    text = ("Some [HER2](/Common/PopUps/popDefinition.aspx?id=44945&version=Patient) words.\n\n"
            "Women with neutropenia.\n")
    (problem,) = [p for p in lint(text, select="glossary-link")
                  if p.subject == "neutropenia"]
    assert (problem.line, problem.column, problem.end_column) == (3, 12, 23)
    assert "NCI Dictionary of Cancer Terms" in problem.message
    assert problem.fix.replacement == \
        "[neutropenia](/Common/PopUps/popDefinition.aspx?id=45361&version=Patient)"


def test_absolute_url_when_the_document_has_no_dictionary_links():
    (problem,) = [p for p in lint("Women with neutropenia.\n", select="glossary-link")
                  if p.subject == "neutropenia"]
    # (the address ends the message: no full stop to copy with it)
    assert problem.message == ('"neutropenia" is in the NCI Dictionary of Cancer Terms: '
                               "link it to https://www.cancer.gov/publications/dictionaries/"
                               "cancer-terms/def/45361")


def test_a_term_inside_an_html_link_is_linked_already_no_link_is_nested_in_it():
    assert lint('Women with <a href="/about/neutropenia">neutropenia</a>.\n',
                select="glossary-link") == []


def test_link_to_a_different_entry_is_reported():
    text = "The [metastatic](/publications/dictionaries/cancer-terms/def/45840) kind.\n"
    (problem,) = lint(text, select="glossary-link")
    assert problem.message.startswith('This link on "metastatic" goes to a different glossary')
    assert problem.fix is None


def test_related_entry_and_unknown_entry_links_are_accepted():
    text = ("Take [supplements](/publications/dictionaries/cancer-terms/def/463726) and "
            "[neutropenia](/publications/dictionaries/cancer-terms/def/99999999).\n")
    assert [p for p in lint(text, select="glossary-link")
            if p.subject in ("supplements", "neutropenia")] == []


def test_a_link_to_the_entry_under_another_name_or_short_form_is_right():
    # Real links from cancer.gov pages: an entry named by its short form, or by another name
    # that shares a letter written as a word.
    pop = "/Common/PopUps/popDefinition.aspx?id={}&version=patient&language=English"
    text = (f"The [National Cancer Institute]({pop.format(44267)}) funds it. Blood "
            f"[interleukin-6]({pop.format(44421)}) was high. Some cells become "
            f"[T lymphocytes]({pop.format(44928)}).\n")
    assert lint(text, select="glossary-link") == []


def test_a_summary_with_key_points_links_each_term_again_in_each_section():
    """Editors of cancer.gov summaries laid out with "Key Points" link a term at its first
    use in each major section; on other pages, at its first use on the page."""
    # "lumpectomy": its editors link it on each page that uses it (5 of 5)
    summary = ("# Treatment\n\n## One\n\n### Key Points\n\n- Some points.\n\n### After "
               "surgery\n\nLumpectomy is surgery to remove the tumor.\n\n## Two\n\nLumpectomy "
               "can be followed by other treatment.\n")
    assert [(p.line, p.column) for p in lint(summary, select="glossary-link", config=ALWAYS)
            if p.subject == "Lumpectomy"] == [(11, 1), (15, 1)]
    plain = summary.replace("### Key Points\n\n- Some points.\n\n### After surgery\n\n", "")
    assert [(p.line, p.column) for p in lint(plain, select="glossary-link", config=ALWAYS)
            if p.subject == "Lumpectomy"] == [(5, 1)]
    # The same summary whose "Key Points" heading was lost (MedQuAD's copies of them: "Key
    # Points" alone on a line, then the list) is still laid out as one, when its address or
    # title names a PDQ summary; a writer's "Key points" box on another page makes none
    lost = summary.replace("### Key Points", "Key Points")
    pdq = "---\ntitle: Breast Cancer Treatment (PDQ®)\n---\n" + lost
    assert [(p.line, p.column) for p in lint(pdq, select="glossary-link", config=ALWAYS)
            if p.subject == "Lumpectomy"] == [(14, 1), (18, 1)]
    box = "---\ntitle: Breast Cancer Treatment\n---\n" + lost
    assert [(p.line, p.column) for p in lint(box, select="glossary-link", config=ALWAYS)
            if p.subject == "Lumpectomy"] == [(14, 1)]
    # Asked for, each section's first use on any page.
    by_section = Config(raw_rules={"glossary-link": {"scope": "section",
                                                     "practice": "always"}})
    assert [(p.line, p.column) for p in lint(plain, select="glossary-link", config=by_section)
            if p.subject == "Lumpectomy"] == [(5, 1), (9, 1)]


def test_a_page_of_another_site_gets_links_only_for_what_readers_would_look_up():
    """Off the glossary's own site, a term is asked for only where a lay reader would want
    to look it up: not words of the body and of daily life, not a term explained right
    there, not a table written out as text, not a title in a list."""
    text = ("Women with neutropenia may bruise easily. The spleen may be large.\n\n"
            "A cholecystectomy (surgery to remove the gallbladder) may be done.\n\n"
            "Signs: Hydrocephalus 7.5% Hypothyroidism 7.5% Scoliosis 5% Ptosis 5%\n\n"
            "- Langerhans Cell Histiocytosis\n")
    assert subjects(text) == ["neutropenia"]
    # The same words on a draft of cancer.gov: its editors' practice, for titles in a list
    # too; but not for words of the body and of daily life.
    assert {"neutropenia", "Langerhans Cell Histiocytosis"} <= set(subjects(text, ALWAYS))
    assert not {"spleen", "gallbladder"} & set(subjects(text, ALWAYS))
    never = Config(raw_rules={"glossary-link": {"practice": "never"}})
    assert subjects(text, never) == ["neutropenia"]


def test_a_draft_of_the_site_is_a_summary_and_other_sites_need_pages_about_cancer():
    """A cancer.gov page (by its url) with fewer than 3 dictionary links is a draft when it is
    a summary, whose editors link every one, or an article of a section whose articles they
    link; an article elsewhere was left plain (so nothing). Another site's page gets links
    only for hard terms, and only when it is about cancer."""
    seed = DICTIONARY_LINK.sub(r"\1", SEED.read_text(encoding="utf-8"))
    front = seed.split("\n---\n", 1)[0] + "\n---\n"
    summary = front + (
        "# Breast Cancer Treatment\n\n## General Information About Breast Cancer\n\n"
        "### Key Points\n\n- Breast cancer is a disease.\n- Signs include a lump.\n\n"
        "### Breast cancer is a disease.\n\nA woman may have a lumpectomy or a mastectomy, "
        "and neutropenia may follow chemotherapy.\n")
    assert {"lumpectomy", "mastectomy", "neutropenia"} <= set(subjects(summary))
    # an article of a section its editors leave plain: nothing; of one they link: a draft
    assert subjects(seed.replace("/types/breast/research/", "/news-events/")) == []
    assert "trastuzumab" in subjects(seed)
    elsewhere = summary.replace("url: https://www.cancer.gov/", "url: https://example.org/")
    # hard terms only (a procedure beside chemotherapy is no drug named as one)
    assert set(subjects(elsewhere)) == {"lumpectomy", "mastectomy", "neutropenia"}
    other_subject = re.sub(r"(?m)^title: .*$", "title: Hip replacement",
                           re.sub(r"(?m)^cancerTypes:\n(?:- .*\n)+", "", elsewhere))
    other_subject = other_subject.replace("# Breast Cancer Treatment", "# Hip replacement")
    assert subjects(other_subject) == []
    items = "".join(f"- [Study {n} of new treatments](/news-events/cancer-currents-blog/"
                    f"2025/study-{n})\n\nPosted: May {n}, 2025\n\nA trial of chemotherapy "
                    f"with radiation therapy helped people with leukemia live longer.\n\n"
                    for n in range(1, 9))
    listing = front + "# Leukemia research\n\n" + items
    assert subjects(listing) == []


def test_a_finished_page_gets_only_likely_omissions():
    """Once its editors have linked terms (3 links or more), a term they left plain was
    left on purpose, unless they link it nearly everywhere else; a term linked in one
    section needs no link in the next."""
    finished = ("# Treatment\n\n## One\n\nA [biopsy](/publications/dictionaries/"
                "cancer-terms/def/45164) and a [mastectomy](/publications/dictionaries/"
                "cancer-terms/def/45777) were done with [chemotherapy](/publications/"
                "dictionaries/cancer-terms/def/45214).\n\n## Two\n\nAfter the mastectomy, ask "
                "about a lumpectomy and about nausea.\n")
    omissions = Config(raw_rules={"glossary-link": {"finished_min_chance": 0.7}})
    assert subjects(finished, omissions) == ["lumpectomy"]
    assert subjects(finished) == []  # by default only terms linked nearly everywhere


def test_other_names_and_headings_need_no_link():
    # A page about cancer (its front matter names a cancer type), so that another site's
    # page is checked at all; the brand names are entries of their own, which its editors link
    # on nearly every page that uses them (Herceptin 6 of 7, Keytruda 22 of 23).
    text = ("---\ncancerTypes: [breast]\n---\n# Thrombocytopenia\n\nThey gave trastuzumab, "
            "also called Herceptin. Then they gave pembrolizumab (Keytruda).\n")
    # A term explained right there needs no link on other sites' pages; on a draft of the
    # site whose practice the glossary records, its editors link it all the same (of the terms
    # they link on their pages, many are explained there too), but never the heading or the
    # other name given beside it.
    unexplained = text.replace(", also called Herceptin", "").replace(" (Keytruda)", "")
    assert {"trastuzumab", "pembrolizumab"} <= set(subjects(unexplained))
    assert not {"Thrombocytopenia", "Herceptin", "Keytruda", "trastuzumab",
                "pembrolizumab"} & set(subjects(text))
    assert {"trastuzumab", "pembrolizumab"} <= set(subjects(text, ALWAYS))
    assert not {"Thrombocytopenia", "Herceptin", "Keytruda"} & set(subjects(text, ALWAYS))
    # A short form with capitals in brackets right after its linked long form.
    text = ("- A very high level of [beta human chorionic gonadotropin](/publications/"
            "dictionaries/cancer-terms/def/46109) (beta-hCG), a hormone made in pregnancy.\n")
    assert "beta-hCG" not in subjects(text)


def test_a_term_named_before_its_other_name_still_needs_its_link():
    # "dostarlimab (Jemperli)": the brand is the other name; the medicine itself is the
    # term's first use. A later "(pomalidomide)" beside a brand does not excuse an earlier use.
    assert positions(lint("The drug dostarlimab (Jemperli) shrank tumors.\n",
                          select="glossary-link", config=ALWAYS)) == [(1, 10)]
    text = "You may take pomalidomide by mouth.\n\nPomalyst (pomalidomide) comes as capsules.\n"
    assert (1, 14) in positions(lint(text, select="glossary-link", config=ALWAYS))


def test_captions_quotations_and_a_linked_short_form_need_no_link():
    # Real sentences from cancer.gov pages: editors link no term in an image's caption, and
    # rarely in a quotation; the link on "MRI" serves the full name before it.
    caption = ("![Skin layers](skin.png)\n\nAnatomy of the skin, showing the epidermis, "
               "dermis, and subcutaneous tissue.\n\nThe subcutaneous tissue holds fat.\n")
    assert positions(lint(caption, select="glossary-link", config=ALWAYS)) == [(5, 5)]
    video = ("How do monoclonal antibodies work to treat cancer? This video shows how monoclonal "
             "antibodies, such as trastuzumab and rituximab, block molecules cancer cells need.\n\n"
             "You may be given rituximab.\n")
    assert positions(lint(video, select="glossary-link", config=ALWAYS)) == [(3, 18)]
    quoted = ("“No data suggest that a lumpectomy for early cancer is better,” she said.\n\n"
              "Ask whether a lumpectomy is right for you.\n")
    assert positions(lint(quoted, select="glossary-link", config=ALWAYS)) == [(3, 15)]
    mri = ("- A **magnetic resonance imaging** **(**[**MRI**](/publications/dictionaries/"
           "cancer-terms/def/45788)**) procedure** uses a magnet.\n")
    assert lint(mri, select="glossary-link") == []
    assert subjects("A magnetic resonance imaging (MRI) procedure uses a magnet.\n",
                    ALWAYS) == ["magnetic resonance imaging"]


def test_a_verb_spelled_like_an_entry_is_not_that_entry():
    # "mean" (the average) and "base" (the chemical) are entries; "does not necessarily
    # mean", "what does this mean", "meant to help" and "based on" are the verbs.
    text = ("Having risk factors does not necessarily mean that you will get "
            "cancer. What does this mean? A trial is a research study meant to help. Many "
            "treatments are based on earlier trials.\n")
    assert not {"mean", "meant", "based"} & {(s or "").lower() for s in subjects(text, ALWAYS)}
    every = Config(raw_rules={"glossary-link": {"min_link_chance": 0, "practice": "always"}})
    found = set(subjects("She was diagnosed with leukemia that relapsed. The mean age was "
                         "60.\n", every))
    assert {"diagnosed", "relapsed"} <= found
    assert "mean" not in found  # a common word, whatever it means here


def test_a_term_never_runs_out_of_brackets():
    # "(LHRH) agonists" is not the term "LHRH agonists" starting inside the brackets (a link
    # there would garble the text); a name with its brackets whole is one term.
    assert lint("Drugs called luteinizing hormone-releasing hormone (LHRH) agonists stop "
                "this.\n", select="glossary-link") == []
    (problem,) = lint("She had a prostate-specific antigen (PSA) test last year.\n",
                      select="glossary-link", config=ALWAYS)
    assert problem.subject == "prostate-specific antigen (PSA) test"
    assert subjects("Ask about LHRH agonists.\n") == ["LHRH agonists"]


def test_project_glossary_from_config(tmp_path):
    """A glossary of your own, without a record of how editors link its terms: each of its
    terms at its first use on the page."""
    glossary = tmp_path / "terms.yaml"
    glossary.write_text("name: clinic\nurl_template: https://clinic.example/g/{id}\n"
                        "terms:\n  - {term: wound vac, id: wv}\n", encoding="utf-8")
    config_file = tmp_path / ".readlint.yaml"
    config_file.write_text("rules:\n  glossary-link:\n    glossaries: [terms.yaml]\n",
                           encoding="utf-8")
    from readlint.config import load_config
    (problem,) = lint("Your wound vac needs care. The wound vac hums.\n",
                      select="glossary-link", config=load_config(config_file))
    assert problem.message == ('"wound vac" is in the clinic glossary: link it to '
                               'https://clinic.example/g/wv')
    # a glossary with no addresses: its entry is named, and no link is offered as a fix
    glossary.write_text("name: clinic\nterms:\n  - {term: wound vac, id: wv}\n",
                        encoding="utf-8")
    (problem,) = lint("Your wound vac needs care.\n", select="glossary-link",
                      config=load_config(config_file))
    assert problem.message == '"wound vac" is in the clinic glossary: link it to its entry there.'
    assert problem.fix is None


def test_what_a_page_already_says_of_a_term_needs_no_link():
    # Real sentences from NIH pages: the page's own topic with a possessive, a resource's
    # title, a disease's name inside a gene's, a condition the sentence defines.
    text = ("---\ncancerTypes: [esophageal]\n---\n# Barrett esophagus\n\n"
            "A diagnosis of Barrett's esophagus is made with a biopsy.\n\n"
            "- MedlinePlus Encyclopedia: Ectodermal dysplasia\n\n"
            "Children with changes in the retinoblastoma (*RB1*) gene have a higher risk.\n\n"
            "If the glands make extra parathyroid hormone, you have hyperparathyroidism.\n")
    found = set(subjects(text))
    assert not {"Barrett's esophagus", "dysplasia", "Ectodermal dysplasia", "retinoblastoma",
                "hyperparathyroidism"} & found
    assert "parathyroid hormone" in found  # the others still need their links


def test_a_landing_page_of_link_cards_gets_no_links():
    # cancer.gov's liver cancer page (tests/fixtures/pages, a U.S. government work): headings
    # that are links, each over a few lines telling what is behind it. Its editors link no
    # term there; taken as a draft (`practice: always`), it gets the links they might add.
    page = (FIXTURES / "pages" / "cancer-gov-landing-page.md").read_text(encoding="utf-8")
    assert subjects(page) == []
    assert "hepatocellular carcinoma" in subjects(page, ALWAYS)


def test_a_link_to_the_page_named_by_its_words_is_not_a_wrong_entry():
    """A drug list links "Aldesleukin" to the drug's own page, whose address names it: not
    "a different glossary entry", though the dictionary has an entry of that name too."""
    text = ("Drugs approved for melanoma:\n\n"
            "- [Aldesleukin](https://www.cancer.gov/about-cancer/treatment/drugs/aldesleukin)\n"
            "- [Nivolumab](https://www.cancer.gov/about-cancer/treatment/drugs/nivolumab)\n")
    assert lint(text, select="glossary-link") == []


def test_a_footnote_mark_after_a_word_does_not_cut_a_term_short():
    """"transplant¹" is the word "transplant": the term is the whole "autologous stem cell
    transplant", linked a line above, not "autologous" alone."""
    text = ("It treats lymphoma that came back after either:\n\n"
            "- an [autologous stem cell transplant](https://www.cancer.gov/publications/"
            "dictionaries/cancer-terms/def/270733) and other treatment; or\n"
            "- at least three other types of treatment including an autologous stem cell "
            "transplant¹\n")
    assert lint(text, select="glossary-link,undefined-jargon") == []


def test_a_later_sentence_of_the_paragraph_that_defines_the_term_explains_it():
    text = ("Sigmoidoscopy uses a sigmoidoscope to look inside the rectum for abnormal "
            "areas. It is inserted through the rectum. A sigmoidoscope is a thin, tube-like "
            "instrument with a light.\n")
    assert lint(text, select="glossary-link,undefined-jargon") == []
    # a later sentence about something else explains nothing
    other = ("Sigmoidoscopy uses a sigmoidoscope to look inside the rectum for abnormal "
             "areas. A doctor is a thin, tall man.\n")
    assert [p.subject for p in lint(other, select="glossary-link")] == ["sigmoidoscope"]


def test_a_subject_said_to_be_things_of_a_kind_is_explained_unless_only_its_kind_is_named():
    # A page of another site about cancer (MedlinePlus), where a term the text explains
    # needs no link, and a kind alone explains nothing a link would not.
    page = "---\ncancerTypes: [head and neck]\n---\n# Sinus cancer\n\n"
    defined = page + "Your paranasal sinuses are small hollow spaces around the nose.\n"
    assert "paranasal sinuses" not in subjects(defined)
    assert "paranasal sinuses" in subjects(page + "Your paranasal sinuses are sometimes "
                                                  "blocked.\n")
    assert "paranasal sinuses" in subjects(page + "Your paranasal sinuses are studied by "
                                                  "doctors in clinics.\n")
    # for a link, the kind alone says nothing ("the drug capecitabine" still gets its link);
    # for undefined-jargon it says enough
    kind_only = "Pembrolizumab and nivolumab are types of PD-1 inhibitors."
    assert not nearby.subject_defined(kind_only, 0, len("Pembrolizumab"), kinds=False)
    assert nearby.subject_defined(kind_only, 0, len("Pembrolizumab"), kinds=True)
    # nor the second of two terms in brackets after words that may give only their kind
    types = "the type of cervical cancer (adenocarcinoma or squamous cell carcinoma)"
    at = types.index("squamous")
    assert not nearby.second_in_brackets(types, at, len(types) - 1, kinds=False)
    assert nearby.second_in_brackets(types, at, len(types) - 1, kinds=True)
    # nor a list of three names or more said to be of a kind: names whose links editors give
    for names in ("Thalidomide, lenalidomide, and pomalidomide are drugs that prevent clots.",
                  "Thalidomide, lenalidomide and pomalidomide are drugs that prevent clots."):
        for name in ("Thalidomide", "lenalidomide"):
            at = names.index(name)
            assert not nearby.subject_defined(names, at, at + len(name), kinds=False)
            assert nearby.subject_defined(names, at, at + len(name), kinds=True)


def test_a_next_sentence_on_the_term_that_says_what_it_does_explains_it():
    page = "---\ncancerTypes: [bladder]\n---\n# Bladder cancer\n\n"
    said = page + ("Treatments include surgery and biologic therapy. Biologic therapy boosts "
                   "your body's own ability to fight cancer.\n")
    assert "biologic therapy" not in subjects(said)
    unsaid = page + ("Treatments include surgery and biologic therapy. Your doctor will tell "
                     "you more.\n")
    assert "biologic therapy" in subjects(unsaid)
    # what it may not do, or what something else does, says nothing of what it is
    for later in ("Biologic therapy may not work for everyone.",
                  "Biologic therapy and other treatments can help you feel better."):
        assert "biologic therapy" in subjects(page + "Treatments include surgery and "
                                              "biologic therapy. " + later + "\n"), later


def test_a_term_inside_a_longer_linked_term_is_covered_on_a_finished_page():
    every = Config(raw_rules={"glossary-link": {"finished_min_chance": 0}})
    dictionary = "https://www.cancer.gov/publications/dictionaries/cancer-terms/def"
    text = (CANCER_GOV + f"You may have an [autologous stem cell transplant]({dictionary}/270733)"
            f" after [chemotherapy]({dictionary}/45214) and [radiation therapy]"
            f"({dictionary}/44971).\n\nAn autologous graft uses your own cells. Some have "
            "mucositis.\n")
    assert subjects(text, every) == ["mucositis"]


@pytest.mark.parametrize("pages, linked, verb", [
    (12, 4, True),  # "mean": linked on 4 of the 12 pages that use the noun
    (120, 4, True),
    (30, 14, False),  # "relapse": editors link it on 14 pages, verb or not
])
def test_a_verb_is_told_by_how_many_pages_link_the_entry_not_by_a_share(pages, linked, verb):
    """Which uses count as the noun depends on this test, so it must not rest on the share of
    uses linked: learning the counts again would turn it on and off each time."""
    from readlint.glossary import Entry
    from readlint.linkpractice import used_as_verb
    from readlint.termmatch import Match

    text = "A high score may mean a problem."
    entry = Entry("nci-cancer-terms", "1", "mean", pages=pages, linked=linked)
    match = Match(text.index("mean"), text.index("mean") + 4, "mean", (entry,))
    assert used_as_verb(text, match) is verb


def test_an_adjective_that_begins_a_name_the_glossary_lacks_is_not_linked_alone():
    """"biliary atresia": a link on "biliary" (the entry: "having to do with the liver, bile
    ducts ...") would leave "atresia" unexplained and read as if it explained the name."""
    assert subjects("Risk factors include hepatitis B and biliary atresia.") == []
    # the adjective before a word the glossary has, or before a longer name, is linked
    assert subjects("The doctor may place a biliary stent.") == ["biliary"]
    assert "biliary" in subjects("Some babies have biliary atresia cells.")
    assert subjects("Biliary drainage may help.") == ["Biliary"]  # (a common noun)
    # the name is undefined-jargon's, whole
    assert [(p.rule, p.subject) for p in lint("Biliary atresia is rare.")] == \
        [("undefined-jargon", "Biliary atresia")]


def test_on_a_page_among_the_drug_summaries_a_drug_is_linked_to_its_summary():
    """"Panitumumab" is in both NCI glossaries. On a page of NCI's drug summaries (a list of
    the drugs approved for a cancer, whose names link to those summaries) its link goes to
    its summary; on another site's pages, to the Dictionary of Cancer Terms, the first
    glossary."""
    every = Config(raw_rules={"glossary-link": {"min_link_chance": 0, "practice": "always"}})
    text = "Drugs approved for colon cancer include Panitumumab.\n"
    among = "---\nurl: https://www.cancer.gov/about-cancer/treatment/drugs/colorectal\n---\n"
    elsewhere = "---\nurl: https://example.org/colorectal/treatment\n---\n"
    (drug_page,) = [p for p in lint(among + text, select="glossary-link", config=every)
                    if p.subject == "Panitumumab"]
    (other_page,) = [p for p in lint(elsewhere + text, select="glossary-link", config=every)
                     if p.subject == "Panitumumab"]
    assert drug_page.message.endswith(
        "link it to https://www.cancer.gov/about-cancer/treatment/drugs/panitumumab")
    assert "/publications/dictionaries/cancer-terms/def/" in other_page.message
    assert drug_page.fix is not None and \
        "(https://www.cancer.gov/about-cancer/treatment/drugs/panitumumab)" in \
        drug_page.fix.replacement


POP_UP_LINK = re.compile(r"\[([^\]]+)\]\(/Common/PopUps/popDefinition\.aspx\?id=\d+[^)]*\)")


def test_a_drug_page_without_links_in_its_use_in_cancer_section_is_a_draft():
    """cancer.gov's drug pages (tests/fixtures/pages, U.S. government works) name what the
    drug treats in a "Use in Cancer" section, whose terms their editors link on every such
    page. As published, the page is finished: nothing. With the dictionary's links taken out,
    it is a draft, and the named kinds of cancer there need their links again."""
    page = (FIXTURES / "pages" / "cancer-gov-drug-page.md").read_text(encoding="utf-8")
    linked = POP_UP_LINK.findall(page)
    assert len(linked) == 5
    assert subjects(page) == []
    draft = POP_UP_LINK.sub(r"\1", page)
    found = subjects(draft)
    assert {"Diffuse large B-cell lymphoma", "Follicular lymphoma"} <= set(found)
    editors = {term.replace("(s)", "") for term in linked}  # "confirmatory trial(s)"
    # what its editors linked ("high-grade" too, linked on a third of the pages using it,
    # but in most "Use in Cancer" sections using it); "B-cell lymphoma" too, though the
    # page's opening names it in brackets: the opening, left plain, introduces nothing
    assert set(found) & editors == editors
    assert set(found) - editors <= {"systemic therapy"}  # and little else
    # a table of other things than the combination's drugs is left alone, as anywhere
    table = draft.replace("## Use in Cancer", "| Side effect | How often |\n| --- | --- |\n"
                          "| Nausea | often |\n| Thrombocytopenia | sometimes |\n\n"
                          "## Use in Cancer")
    assert subjects(table) == found
    # not a drug's page of that site: the practice of cancer.gov's drug pages does not apply
    elsewhere = draft.replace("url: https://www.cancer.gov/", "url: https://example.org/")
    assert "Follicular lymphoma" not in subjects(elsewhere)


def test_in_use_in_cancer_a_draft_gets_what_the_editors_link_there_on_drug_pages():
    """In the "Use in Cancer" section of a drug page's draft, a term is asked for when the
    site's editors link it in most such sections that use it (`drug_uses` in the link model:
    "metastasized" 31 of 34, "relapsed" 21 of 23, "radiation therapy" 26 of 30), and not when
    they mostly leave it plain there ("disease" 0 of 46, "surgery" 20 of 87), whatever the
    term's chance on other pages."""
    page = (FIXTURES / "pages" / "cancer-gov-drug-page.md").read_text(encoding="utf-8")
    draft = POP_UP_LINK.sub(r"\1", page).replace(
        "Epcoritamab-bysp is used in patients with cancer that has come back",
        "Epcoritamab-bysp is used in patients whose cancer has metastasized, or whose disease "
        "has relapsed after radiation therapy and surgery, or in patients with cancer that has "
        "come back")
    found = subjects(draft)
    assert {"metastasized", "relapsed", "radiation therapy"} <= set(found)
    assert not {"disease", "surgery"} & set(found)
    # the same words above "Use in Cancer": the page's opening, left plain
    opening = POP_UP_LINK.sub(r"\1", page).replace(
        "Placeholder slot", "It is used when cancer has metastasized or relapsed.")
    assert not {"metastasized", "relapsed"} & set(subjects(opening))


def test_a_malformed_count_of_the_drug_pages_is_left_out(tmp_path, monkeypatch):
    import json

    from readlint import linkpractice

    data = json.loads(linkpractice.MODEL_PATH.read_text(encoding="utf-8"))
    data["drug_uses"] = {"nci-cancer-terms:46283": [34, 31], "bad": "many", "worse": [1]}
    path = tmp_path / "link-model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(linkpractice, "MODEL_PATH", path)
    linkpractice.model.cache_clear()
    try:
        learned = linkpractice.model()
        assert learned is not None
        assert learned.drug_uses == {"nci-cancer-terms:46283": (34, 31)}
        # 31 of 34 sections, and a chance of 0.1 counted as two sections more: 31.2 / 36
        assert learned.drug_page_share("nci-cancer-terms:46283", 0.1) == pytest.approx(31.2 / 36)
        assert learned.drug_page_share("bad", 0.3) == pytest.approx(0.3)  # the chance alone
    finally:
        linkpractice.model.cache_clear()


def test_a_drug_pages_opening_is_left_plain_on_the_site_only():
    """Above "Use in Cancer", cancer.gov's editors link nothing on a drug's page; another
    site's page laid out the same way is checked as any page of its kind."""
    page = (FIXTURES / "pages" / "cancer-gov-drug-page.md").read_text(encoding="utf-8")
    omissions = Config(raw_rules={"glossary-link": {"finished_min_chance": 0.2}})
    on_site = page.replace("Placeholder slot", "Some people get mucositis.")
    assert "mucositis" not in subjects(on_site, omissions)
    other_site = on_site.replace("url: https://www.cancer.gov/", "url: https://example.org/")
    assert "mucositis" in subjects(other_site, omissions)
    assert subjects(other_site.replace("## Use in Cancer", "## Uses"), omissions) == \
        subjects(other_site, omissions)


def test_a_combination_page_with_links_to_its_drugs_is_still_a_draft():
    """A page for a combination of drugs links each drug to its own page (four links to
    the drug glossary's pages), which does not make it finished: only a link in its "Use in
    Cancer" section does."""
    page = (FIXTURES / "pages" / "cancer-gov-drug-combination-page.md").read_text(
        encoding="utf-8")
    assert subjects(page) == []
    draft = POP_UP_LINK.sub(r"\1", page)
    assert draft.count("](/about-cancer/treatment/drugs/") == 4
    assert "Hodgkin lymphoma" in subjects(draft)
    # Each drug is linked in the table below the sentence that names them all, to its own
    # page, and nothing in that sentence: its editors leave a drug page's opening plain, but
    # for the "Food and Drug Administration (FDA)" that approved the drugs. Without the
    # table's links, each drug is asked for there.
    assert "doxorubicin hydrochloride" not in {str(s).lower() for s in subjects(draft)}
    bare = re.sub(r"\[([^\]]+)\]\(/about-cancer/treatment/drugs/\w+\)", r"\1", draft)
    found = [p for p in lint(bare, select="glossary-link") if p.subject != "Hodgkin lymphoma"]
    assert [p.subject for p in found] == ["Doxorubicin Hydrochloride", "Bleomycin",
                                          "Vinblastine Sulfate", "Dacarbazine",
                                          "Food and Drug Administration"]
    assert all(p.line >= 33 and "/about-cancer/treatment/drugs/" in p.message
               for p in found[:4])
    sentence = bare.index("This chemotherapy combination contains")
    assert bare[:sentence].count("\n") + 1 < 33  # (the sentence stands above the table)


def test_a_drug_page_links_other_drugs_in_its_prose_to_the_dictionary():
    """A drug's page stands among NCI's drug pages (its url), but its editors link another
    drug named in its prose to the dictionary, as they link its other terms; a list of drugs
    among those pages links them to the drugs' own pages."""
    page = (FIXTURES / "pages" / "cancer-gov-drug-page.md").read_text(encoding="utf-8")
    draft = POP_UP_LINK.sub(r"\1", page).replace(
        "- **Follicular lymphoma.**",
        "- **Follicular lymphoma.** It is used with lenalidomide and rituximab.")
    found = {p.subject: p.message for p in lint(draft, select="glossary-link")}
    assert "/publications/dictionaries/cancer-terms/def/" in found["lenalidomide"]


def test_a_short_form_with_a_sign_after_its_name_needs_no_link_of_its_own():
    """"HER2 negative (HER2-)": the short form in brackets names the term just named; the
    term needs the link, its short form does not."""
    page = (FIXTURES / "pages" / "cancer-gov-drug-page.md").read_text(encoding="utf-8")
    draft = POP_UP_LINK.sub(r"\1", page).replace(
        "- **Follicular lymphoma.**",
        "- **Breast cancer** that is hormone receptor positive (HR+) and HER2 negative "
        "(HER2-).")
    found = subjects(draft)
    assert "HER2 negative" in found
    assert "HER2" not in found



DRUG_SUMMARY_LINK = re.compile(r"\[([^\]]+)\]\((/about-cancer/treatment/drugs/[\w-]+)\)")


def test_a_draft_of_a_list_of_drugs_links_each_item_to_its_drugs_summary():
    """cancer.gov's "Drugs Approved for Vulvar Cancer" (tests/fixtures/pages, a U.S.
    government work) stands among NCI's drug summaries (its url) and links every item of its
    lists, a drug's name, to that drug's summary. As published: nothing. With those links
    taken out, each item is asked for again, to the address its editors chose."""
    page = (FIXTURES / "pages" / "cancer-gov-drug-list-page.md").read_text(encoding="utf-8")
    assert subjects(page) == []
    editors = [(line.count("\n"), href) for line, href in
               ((page[:m.start()], m.group(2)) for m in DRUG_SUMMARY_LINK.finditer(page))]
    assert len(editors) == 5
    draft = DRUG_SUMMARY_LINK.sub(r"\1", page)
    found = lint(draft, select="glossary-link")
    assert [(p.line - 1, p.message.rsplit(" ", 1)[-1].removeprefix("https://www.cancer.gov"))
            for p in found] == editors
    # an item naming the drug twice ("Brand (Generic)") is linked whole, as its editors do;
    # the fix writes the link
    name = "Gardasil (Recombinant HPV Quadrivalent Vaccine)"
    assert found[0].subject == name and found[0].fix is not None
    assert found[0].fix.replacement == f"[{name}](https://www.cancer.gov/about-cancer/" \
        "treatment/drugs/recombinant-hpv-quadrivalent-vaccine)"
    assert [p.subject for p in found[2:]] == [
        "Recombinant Human Papillomavirus (HPV) Nonavalent Vaccine",
        "Recombinant Human Papillomavirus (HPV) Quadrivalent Vaccine", "Bleomycin Sulfate"]
    # a link left in a list makes that list finished, not the others
    one_left = draft.replace("- Bleomycin Sulfate",
                             "- [Bleomycin Sulfate](/about-cancer/treatment/drugs/bleomycin)")
    assert subjects(one_left) == [p.subject for p in found[:4]]
    # another site's list is not the site's way
    elsewhere = draft.replace("url: https://www.cancer.gov/about-cancer/treatment/drugs/",
                              "url: https://example.org/drugs/")
    assert subjects(elsewhere) == []


def test_only_items_that_are_a_drugs_names_are_asked_for_once_each():
    """A list of drugs (a page among NCI's drug summaries) asks for an item that is a drug's
    name, or its name and another in brackets, once, whole; not an item that says more, nor
    one naming two drugs; and in a list mostly linked, nothing (finished)."""
    head = ("---\ntitle: Drugs Approved for Bladder Cancer\naudienceLevel: patient\n"
            "url: https://www.cancer.gov/about-cancer/treatment/drugs/bladder\n---\n\n"
            "## Drugs Approved for Bladder Cancer\n\n")
    items = ["Cisplatin", "Keytruda (Pembrolizumab)", "Valrubicin",
             "Your doctor may give you mitomycin with radiation therapy",
             "Opdivo (Nivolumab) and Yervoy (Ipilimumab)"]
    page = head + "".join(f"- {item}\n" for item in items)
    found = lint(page, select="glossary-link")
    assert [p.subject for p in found] == items[:3]  # each once, whatever the page's mode
    fixed = [p.fix.replacement for p in found if p.fix is not None]
    assert fixed[1] == "[Keytruda (Pembrolizumab)](https://www.cancer.gov/about-cancer/" \
        "treatment/drugs/pembrolizumab)"
    # most of the list's drugs linked: finished; a link or two left in a draft: a draft
    linked = [f"[{item}](/about-cancer/treatment/drugs/{drug})" for item, drug in
              zip(items[:2], ("cisplatin", "pembrolizumab"), strict=True)]
    assert subjects(head + "".join(f"- {item}\n" for item in linked[:2] + items[2:3])) == []
    assert subjects(head + "".join(f"- {item}\n" for item in linked[:1] + items[1:3])) == \
        items[1:3]


def test_a_gene_in_italics_is_linked_alone_not_across_the_marks():
    """"*IDH1* gene": the dictionary names the entry "IDH1 gene", but its editors link the
    gene's name in its italics, and a link across the closing mark would break them."""
    page = (FIXTURES / "pages" / "cancer-gov-drug-page.md").read_text(encoding="utf-8")
    draft = POP_UP_LINK.sub(r"\1", page).replace(
        "- **Follicular lymphoma.**",
        "- **Acute myeloid leukemia** that has a mutation in the *IDH1* gene.")
    (gene,) = [p for p in lint(draft, select="glossary-link") if "IDH1" in str(p.subject)]
    assert gene.subject == "IDH1" and gene.fix is not None
    fixed = draft[:gene.fix.start] + gene.fix.replacement + draft[gene.fix.end:]
    assert re.search(r"the \*\[IDH1\]\([^)]+\)\* gene\.", fixed)


def test_a_draft_for_the_benchmarks_loses_every_form_of_dictionary_link():
    """tools/split_corpus.as_draft makes the drafts the benchmarks and hand checks measure:
    a link left in place would make a list or a page look finished."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    import split_corpus

    page = ("- [Opdivo (Nivolumab)](https://www.cancer.gov/about-cancer/treatment/drugs/"
            "Nivolumab \"Opdivo (Nivolumab)\")\n"
            "- Rylaze ([Asparaginase Erwinia Chrysanthemi [Recombinant]-rywn]"
            "(/about-cancer/treatment/drugs/asparaginase-erwinia-chrysanthemi-recombinant))\n"
            "A [tumor](/Common/PopUps/popDefinition.aspx?id=46634&version=patient) and a "
            "[site](https://example.org/x).\n")
    assert split_corpus.as_draft(page) == (
        "- Opdivo (Nivolumab)\n- Rylaze (Asparaginase Erwinia Chrysanthemi [Recombinant]-rywn)\n"
        "A tumor and a [site](https://example.org/x).\n")


def test_on_a_drug_page_a_kind_of_cancer_that_explains_a_term_is_asked_for_too():
    """"Renal cell carcinoma (a type of kidney cancer)": on a drug's page its editors link the
    named kind of cancer in the brackets as well as the term it explains; elsewhere a plain
    explanation in brackets is left alone."""
    page = (FIXTURES / "pages" / "cancer-gov-drug-page.md").read_text(encoding="utf-8")
    draft = POP_UP_LINK.sub(r"\1", page).replace(
        "- **Follicular lymphoma.**", "- **Renal cell carcinoma** (a type of kidney cancer).")
    assert {"Renal cell carcinoma", "kidney cancer"} <= set(subjects(draft))
    plain = draft.replace("(a type of kidney cancer)", "(a cancer that forms in a kidney)")
    assert "kidney" not in " ".join(str(s) for s in subjects(plain))
    # a draft of another kind of page, links asked for as on any draft: not there
    always = Config(raw_rules={"glossary-link": {"practice": "always"}})
    elsewhere = subjects(draft.replace("## Use in Cancer", "## Uses"), always)
    assert "Renal cell carcinoma" in elsewhere and "kidney cancer" not in elsewhere


def test_an_article_is_a_draft_only_where_its_section_is_linked_and_it_is_for_the_public():
    seed = DICTIONARY_LINK.sub(r"\1", SEED.read_text(encoding="utf-8"))
    assert subjects(seed)  # /types/breast/research: its editors link 25 of 27 articles
    # a nearer section its editors leave plain wins over the linked one above it
    learned = model()
    assert learned is not None
    assert learned.links_its_section("https://www.cancer.gov/types/breast/research/x")
    assert learned.links_its_section("https://www.cancer.gov/about-cancer/treatment/x")
    assert not learned.links_its_section("https://www.cancer.gov/about-cancer/treatment/cam/x")
    assert not learned.links_its_section("https://www.cancer.gov/about-cancer/coping/x")
    assert subjects(seed.replace("/types/breast/research/", "/about-cancer/treatment/"))
    assert not subjects(seed.replace("/types/breast/research/t-dm1",
                                     "/about-cancer/treatment/cam/t-dm1"))
    # pages of kinds its editors leave plain: questions and answers, a list of dated posts
    questions = re.sub(r"(?m)^title: .*$", 'title: "T-DM1: Questions and Answers"', seed)
    assert subjects(questions) == []
    posts = seed.replace("\n\n", "\n\nPosted: April 23, 2025\n\n", 3)
    assert subjects(posts) == []
    # a page for professionals, by its audience: the professional rule set asks for none
    assert lint(seed, select="glossary-link", audience="professional") == []
    # a list of drugs among the drug summaries is no article (its own rule links its items)
    drugs = (FIXTURES / "pages" / "cancer-gov-drug-list-page.md").read_text(encoding="utf-8")
    assert not a_section_article(document.parse(drugs, "x.md"), matcher_for(BUNDLED).glossaries)
    # a video's page: too short to be an article (its 80 words alone, at the same address)
    head, body = seed.split("\n---\n", 1)
    paragraph = next(line for line in body.splitlines() if "capecitabine" in line)
    assert len(paragraph.split()) < 150
    assert subjects(head + "\n---\n" + paragraph + "\n") == []
    assert "capecitabine" in subjects(seed)
    # a page for health professionals, whose editors link no terms
    title = next(line for line in body.splitlines() if line.startswith("# "))
    professional = seed.replace(title, title + "\n\n# Breast Cancer–Health Professional Version")
    assert subjects(professional) == []
    # a term the article explains needs no link there (on any draft, `practice: always`, it
    # does, as on a summary's)
    explained = seed.replace("capecitabine", "capecitabine (a chemotherapy pill)", 1)
    assert "capecitabine" not in subjects(explained)
    assert "capecitabine" in subjects(explained, ALWAYS)


def test_a_drug_is_linked_to_its_summary_on_the_sites_articles_and_to_the_dictionary_in_summaries():
    """On cancer.gov's pages other than its PDQ summaries and drug pages, editors link a
    drug's name to the drug's summary (1,627 of 1,681 such links on the tuning pages); in the
    summaries, mostly to the dictionary; another site's page gets the glossary's first entry
    (the dictionary's)."""
    body = ("## Treatment\n\nChemotherapy with carboplatin and paclitaxel may be given after "
            "surgery to remove the tumor.\n")

    def addresses(url: str, extra: str = "", title: str = "Cervical cancer"
                  ) -> dict[str | None, str]:
        text = (f"---\ntitle: {title}\nurl: {url}\naudienceLevel: patient\nlanguage: en"
                f"\n---\n# Cervical cancer\n\n{extra}{body}")
        return {p.subject: p.message.rsplit(" ", 1)[-1]
                for p in lint(text, select="glossary-link", config=ALWAYS)}

    article = addresses("https://www.cancer.gov/types/cervical/childhood")
    assert article["carboplatin"] == "https://www.cancer.gov/about-cancer/treatment/drugs/carboplatin"
    summary = addresses("https://www.cancer.gov/types/cervical/patient/treatment-pdq",
                        "## Key Points\n\n- Treatment may include chemotherapy.\n\n")
    # a summary at its "-pdq" address without its "Key Points" (one for professionals, or a
    # copy that lost its layout)
    bare = addresses("https://www.cancer.gov/types/cervical/hp/cervical-treatment-pdq")
    titled = addresses("https://www.cancer.gov/types/cervical/hp/cervical-treatment",
                       title="Cervical Cancer Treatment (PDQ®) - NCI")
    elsewhere = addresses("https://example.org/cervical")
    for found in (summary, bare, titled, elsewhere):
        assert found["carboplatin"].endswith("/publications/dictionaries/cancer-terms/def/45182")


def test_the_message_names_the_entry_where_the_page_writes_the_term_another_way():
    """"physical exam" is the dictionary's "physical examination": the message says so, so a
    writer knows which entry the address is; not for the same name written another way
    ("Crohn's disease", "Crohn disease") nor for a drug's summary, whose address names it."""
    every = Config(raw_rules={"glossary-link": {"practice": "always", "min_link_chance": 0}})
    text = ("---\nurl: https://www.cancer.gov/types/colorectal/treatment\n---\n## Care\n\n"
            "A physical exam and tests help. People with Crohn's disease have a colonoscopy "
            "and take sorafenib.\n")
    messages = {p.subject: p.message for p in lint(text, select="glossary-link", config=every)}
    assert messages["physical exam"].startswith(
        "\"physical exam\" is in the NCI Dictionary of Cancer Terms as \"physical examination\": "
        "link it to ")
    assert messages["Crohn's disease"].startswith(
        "\"Crohn's disease\" is in the NCI Dictionary of Cancer Terms: link it to ")
    assert messages["sorafenib"].startswith("\"sorafenib\" is in NCI's list of cancer drugs: ")


def test_a_stage_label_names_one_cancers_stage_only_on_that_cancers_page():
    """Editors link "stage IIB" to "stage II melanoma" on melanoma pages: on a page about
    another cancer the label names that cancer's stage, not the melanoma entry; its word
    "stage" is still the glossary's "stage" there, as in "stage IIA"."""
    from readlint.glossary_sets import block_matches

    def matches_at_stage_iib(title: str) -> list[tuple[str, list[str]]]:
        text = "Stage II is divided into stage IIA and stage IIB.\n"
        doc = document.parse(f"---\ntitle: {title}\n---\n\n{text}", "doc.md")
        return [(m.text, [e.term for e in m.entries])
                for matches in block_matches(doc, BUNDLED) for m in matches
                if m.start == text.index("stage IIB")]

    assert matches_at_stage_iib("Melanoma Treatment") == [("stage IIB", ["stage II melanoma"])]
    assert matches_at_stage_iib("Mycosis Fungoides Treatment") == [("stage",
                                                                     ["stage", "staging"])]


def test_an_everyday_word_in_the_form_a_page_writes_it_needs_no_link():
    """"bloating" is an everyday word, and so is "bloated" (the list knows plurals as forms
    of its words, not other forms): glossary-link leaves both plain on finished pages."""
    from readlint.vocabulary import everyday_health

    assert everyday_health("bloating") and everyday_health("bloated")
