"""heading-structure: a page's name counts as one word of a heading, and a heading is judged by
what it does on the page (two titles one after the other, an empty heading over its own text).
The kinds of skipped level that markdownlint's own tests mark for its MD001 rule are in
tests/fixtures/markdownlint-cases."""

from __future__ import annotations

from helpers import lint


def test_a_question_about_a_long_name_is_a_short_heading():
    ends = "ovarian, fallopian tube, and peritoneal cancer ends and you go home?"
    text = f"""\
    ---
    title: Ovarian Epithelial, Fallopian Tube, and Primary Peritoneal Cancer Treatment (PDQ®) - NCI
    ---
    # Ovarian Epithelial, Fallopian Tube, and Primary Peritoneal Cancer Treatment

    ## Who is at risk for Ovarian Epithelial, Fallopian Tube, and Primary Peritoneal Cancer?

    Women with a family history of ovarian cancer are at higher risk.

    ## What happens after treatment for {ends}

    Your doctor will see you for regular checkups.
    """
    (problem,) = lint(text, select="heading-structure")
    assert problem.line == 10
    assert "has 15 words (counting \"fallopian tube\" as one)" in problem.message


def test_a_question_about_the_title_of_an_nih_page_is_a_short_heading():
    name = "Congenital myasthenic syndrome associated with acetylcholine receptor deficiency"
    text = f"""\
    ---
    title: "{name}"
    ---
    # {name}

    ## What are the symptoms of {name}?

    Muscle weakness that gets worse with use is the main sign.
    """
    assert lint(text, select="heading-structure") == []


def test_two_titles_one_after_the_other_are_said_as_such():
    # The page's title as the browser shows it, then the title on the page (cancer.gov).
    text = """\
    # Retinoblastoma—Patient Version - NCI

    # Retinoblastoma—Patient Version

    Retinoblastoma is a very rare childhood cancer that forms in the tissues of the retina.

    # Treatment

    Treatment depends on whether the cancer is in one eye or both.
    """
    first, second = lint(text, select="heading-structure")
    assert (first.line, second.line) == (3, 7)
    assert first.message == ("This level-1 heading comes right after the one on line 1, "
                             "\"Retinoblastoma—Patient Version - NCI\": the page has two "
                             "titles, one after the other. Remove the one on line 1, the "
                             "title with \"- NCI\" added at its end, and keep this one.")
    assert second.message.startswith("A second level-1 heading: keep one (the page's title)")


def test_of_two_different_titles_one_after_the_other_either_may_be_kept():
    text = """\
    # 2003 Early Reproductive Events Workshop - NCI

    # Abortion, Miscarriage, and Breast Cancer Risk: 2003 Workshop

    In February 2003, the National Cancer Institute convened a workshop of experts.
    """
    (problem,) = lint(text, select="heading-structure")
    assert problem.message.endswith("the page has two titles, one after the other. Keep one "
                                    "of them.")


def test_a_second_title_with_the_site_name_added_is_the_one_to_remove():
    text = """\
    # Anal Cancer Treatment

    # Anal Cancer Treatment | National Cancer Institute

    Anal cancer is a disease in which malignant cells form in the tissues of the anus.
    """
    (problem,) = lint(text, select="heading-structure")
    assert problem.message.endswith("Remove this one, the title with \"| National Cancer "
                                    "Institute\" added at its end, and keep the one on line 1.")


def test_a_title_with_the_site_name_added_over_a_longer_version_of_it_is_removed():
    text = """\
    # Skin Cancer Prevention - NCI

    # Skin Cancer Prevention (PDQ®)–Patient Version

    Skin cancer is a disease in which malignant cells form in the tissues of the skin.
    """
    (problem,) = lint(text, select="heading-structure")
    assert problem.message.endswith("Remove the one on line 1, the title with \"- NCI\" "
                                    "added at its end, and keep this one.")


def test_an_empty_heading_over_its_own_text_says_to_move_the_text_up():
    text = """\
    # Biomarker Testing for Cancer Treatment

    ##

    Are there different types of biomarker tests?

    Yes, there are many types of biomarker tests that can help select cancer treatment.

    ##

    Side effects of photodynamic therapy

    Photodynamic therapy makes the skin and eyes sensitive to light for some time.

    ##

    Biomarker tests look for changes in genes or proteins. The results help choose a drug.
    """
    problems = lint(text, select="heading-structure")
    assert [p.line for p in problems] == [3, 9, 15]
    assert problems[0].message == ("This heading has no text, and the line below it, \"Are "
                                   "there different types of biomarker tests?\", reads as its "
                                   "heading: move that text onto the heading line.")
    assert "\"Side effects of photodynamic therapy\", reads as its heading" in \
        problems[1].message
    assert problems[2].message == "This heading has no text: give it one, or remove it."


def test_a_long_heading_is_marked_from_its_first_word_past_the_limit():
    # The section's reading grade is reported at the heading's start: the two problems do
    # not mark the same words.
    text = """\
    ---
    title: Cervical Cancer Treatment during Pregnancy
    ---
    ## Treatment of stage II, III, or IV cervical cancer in the second or third trimester

    Your care team may suggest you continue the pregnancy.
    """
    (problem,) = lint(text, select="heading-structure")
    heading = ("## Treatment of stage II, III, or IV cervical cancer in the second or third "
               "trimester")
    assert (problem.line, problem.column) == (4, heading.index("third") + 1)
    assert problem.end_column == len(heading) + 1
    assert "has 14 words (counting \"cervical cancer\" as one)" in problem.message


def test_the_page_name_counts_as_one_word_where_the_mark_starts():
    heading = ("## Why the Ovarian Epithelial, Fallopian Tube, and Primary Peritoneal Cancer is "
               "found late in some women who have no signs at all")
    text = f"""\
    ---
    title: Ovarian Epithelial, Fallopian Tube, and Primary Peritoneal Cancer
    ---
    {heading}

    Text.
    """
    (problem,) = lint(text, select="heading-structure")
    # Why, the, (the name), is, found, late, in, some, women, who, have, no: 12 words
    assert problem.column == heading.index("signs") + 1
