"""heading-structure: a page's name counts as one word of a heading, and every kind of skipped
level that markdownlint's own tests mark for its MD001 rule is found (the cases written here
in readlint's words)."""

from __future__ import annotations

from helpers import lint, positions


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


def test_every_kind_of_skipped_level_markdownlint_marks_is_found():
    # One case for each kind of heading MD001's tests mark, in readlint's own words.
    first = """\
    ## Your visit

    #### What to bring

    Bring your list of medicines.
    """
    assert positions(lint(first, select="heading-structure")) == [(3, 1)]
    back_and_forth = """\
    # Your treatment

    ### Before surgery

    ## After surgery

    #### At home

    <p>
    ###### Inside HTML, not a heading
    </p>
    """
    assert positions(lint(back_and_forth, select="heading-structure")) == [(3, 1), (7, 1)]
    underlined = """\
    Your treatment
    ==============

    ### Before surgery

    Do not eat after midnight.
    """
    assert positions(lint(underlined, select="heading-structure")) == [(4, 1)]
    titled = """\
    ---
    title: Your treatment
    ---

    ### Before surgery

    Do not eat after midnight.
    """
    (problem,) = lint(titled, select="heading-structure")
    assert (problem.line, problem.column) == (5, 1)
    assert "skips from level 1 (the page's title) to level 3" in problem.message
