"""link-text: links whose text names where they go are left alone; links whose text says
nothing, and texts shared by links to different pages, are reported with what to rename.
The pages below are cut from cancer.gov and NIH pages; the kinds of link that markdownlint's
own tests mark for its MD059 rule are in tests/fixtures/markdownlint-cases."""

from __future__ import annotations

from helpers import lint, positions

DICTIONARY = "/Common/PopUps/popDefinition.aspx?id={}&version=patient&language=English"


def test_a_term_linked_to_two_dictionary_senses_is_not_reported():
    text = f"""\
    # Tumor markers

    Doctors check the blood for [markers]({DICTIONARY.format(46636)}) of cancer.

    Some [markers]({DICTIONARY.format(561720)}) are made by the tumor itself.

    The doctor may suggest [embolization]({DICTIONARY.format(45679)}) first.

    Later, [embolization](/publications/dictionaries/cancer-terms/def/arterial-embolization) may
    be used again.
    """
    assert lint(text, select="link-text") == []


def test_a_resource_link_and_a_dictionary_link_may_share_their_text():
    text = f"""\
    # Lung cancer

    [Tobacco]({DICTIONARY.format(439432)}) smoking is the most important risk factor.

    ## Related resources

    - [Tobacco](https://www.cancer.gov/about-cancer/causes-prevention/risk/tobacco) (includes
      help with quitting)
    """
    assert lint(text, select="link-text") == []


def test_a_table_of_contents_link_to_the_page_itself_is_not_reported():
    text = f"""\
    ---
    url: https://www.cancer.gov/about-cancer/treatment/cam/hp/prostate-supplements-pdq
    ---
    # Prostate supplements

    - [Lycopene](/about-cancer/treatment/cam/hp/prostate-supplements-pdq#_16).

    ## Lycopene

    - [Lycopene]({DICTIONARY.format(44909)}) is a carotenoid made by plants.
    - [Lycopene](/about-cancer/treatment/cam/patient/lycopene-pdq) has its own summary.
    """
    assert lint(text, select="link-text") == []


def test_enlarge_links_to_each_picture_are_not_reported():
    text = """\
    # Stomach cancer

    [Enlarge](https://nci-media.cancer.gov/pdq/media/images/415500.jpg)

    Upper endoscopy; drawing shows an endoscope inserted through the mouth.

    [Enlarge](https://nci-media.cancer.gov/pdq/media/images/415501.jpg)

    Barium swallow; drawing shows a patient standing in front of an x-ray machine.
    """
    assert lint(text, select="link-text") == []


def test_a_name_leading_to_the_wrong_page_names_the_link_to_fix():
    text = """\
    # Drugs approved for lung cancer

    - [Doxorubicin Hydrochloride](/about-cancer/treatment/drugs/dexrazoxanehydrochloride)
    - [Docetaxel](/about-cancer/treatment/drugs/docetaxel)
    - [Doxorubicin Hydrochloride](/about-cancer/treatment/drugs/doxorubicinhydrochloride)
    """
    (problem,) = lint(text, select="link-text")
    assert (problem.line, problem.column) == (5, 3)
    assert "on line 3 to /about-cancer/treatment/drugs/dexrazoxanehydrochloride" in \
        problem.message
    assert "fix the link on line 3" in problem.message


def test_a_vague_text_leading_to_two_pages_asks_to_rename_the_later_link():
    text = """\
    # Childhood cancer

    Information about ongoing clinical trials is available from the
    [NCI website](https://www.cancer.gov/research/participate/clinical-trials).

    ## Treatment

    Trials can be found on the
    [NCI website](https://www.cancer.gov/research/participate/clinical-trials-search).
    """
    (problem,) = lint(text, select="link-text")
    assert problem.line == 9
    assert "rename this link" in problem.message
    assert "on line 4 to /research/participate/clinical-trials:" in problem.message


def test_links_in_a_list_of_key_references_may_share_their_text():
    text = """\
    # Leukemia

    ## Key References for Chronic Lymphocytic Leukemia Treatment

    - Seymour JF: Venetoclax. N Engl J Med 378: 1107, 2018. [[PUBMED Abstract]](https://pubmed.ncbi.nlm.nih.gov/29562156)
    - Kater AP: Fixed duration. J Clin Oncol 37: 269, 2019. [[PUBMED Abstract]](https://pubmed.ncbi.nlm.nih.gov/31365801)
    """
    assert lint(text, select="link-text") == []


def test_contact_details_and_references_may_give_the_address_but_prose_may_not():
    text = """\
    # Where to get help

    National Center for Complementary and Integrative Health

    - Toll-free: 1-888-644-6226
    - Website: https://nccih.nih.gov

    The Alzheimer's Association, 1-800-272-3900 or www.alz.org, helps families.

    National Eye Institute, 301-496-5248, E-mail: 2020@nei.nih.gov www.nei.nih.gov

    The National Association for Holistic Aromatherapy (www.naha.org) sets standards.

    Cancer statistics [Internet]. Bethesda: NCI; 2023. Available from: https://seer.cancer.gov/statfacts.

    Aniridia. GeneReviews. 2008; http://www.ncbi.nlm.nih.gov/books/NBK1360/. Accessed 3/30/2011.

    Retrieved Aug 2, 2024, from [https://doi.org/10.1530/ETJ-22-0146](https://doi.org/10.1530/ETJ-22-0146).

    If you do not have health insurance, visit www.healthcare.gov/coverage to learn more.

    Read more about the study at [https://www.niddk.nih.gov/dpp](https://www.niddk.nih.gov/dpp).
    """
    assert positions(lint(text, select="link-text")) == [(20, 44), (22, 30)]



def test_a_link_to_a_file_names_its_kind_with_a_or_an_as_it_is_said():
    text = """\
    # Listen

    Hear [the talk](https://example.org/talk.mp3) and read [the guide](https://example.org/g.pdf)
    or [the table](https://example.org/t.xlsx).
    """
    messages = [p.message.split(":")[0] for p in lint(text, select="link-text")]
    assert messages == ["This link opens an audio file", "This link opens a PDF file",
                        "This link opens an Excel file"]


def test_a_link_with_no_text_is_reported_but_a_linked_image_is_left_to_image_alt():
    text = ("Learn more on the [](https://www.nhlbi.nih.gov/health/high-blood-pressure) page.\n\n"
            "See [ ](https://example.org/a) too. And [![Chart of blood pressure](chart.png)]"
            "(https://example.org/b).\n")
    found = lint(text, select="link-text")
    assert positions(found) == [(1, 19), (3, 5)]
    assert found[0].message.startswith("This link has no text: screen readers read its address")


def test_an_html_link_is_read_as_a_link_its_address_is_not_prose():
    text = """\
    # Where to read more

    See <a href="https://www.cancer.gov/types/lung">our page on lung cancer</a> first.
    Or <A HREF=https://example.org/form.pdf>the form</A>, and
    <a class="more" href='https://example.org/more'>click here</a>.
    An <a name="top">anchor</a> is no link.
    """
    found = lint(text, select="link-text")
    assert positions(found) == [(4, 4), (5, 1)]
    assert found[0].message.startswith("This link opens a PDF file")
    assert found[1].message.startswith('The link text "click here" does not say')


def test_an_html_link_is_read_whatever_its_text_and_attributes():
    text = """\
    # Where to read more

    Visit <a href="https://www.cancer.gov">www.cancer.gov</a> today.
    Install <a href="https://e.org/tool">`readlint`</a> now.
    Get <a title="a > b" href="https://example.org/x.pdf">the form</a> here.
    And <a href="https://e.org/a">[click here](https://e.org/b)</a> too.
    """
    found = lint(text, select="link-text")
    assert positions(found) == [(3, 7), (5, 5), (6, 31)]
    assert found[0].message.startswith("A web address is the link's text")
    assert found[1].message.startswith("This link opens a PDF file")
    assert found[2].message.startswith('The link text "click here"')  # once, not twice
