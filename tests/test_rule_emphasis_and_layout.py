"""emphasis-and-layout judges a bold line by what it does on the page: questions in bold over
their answers are headings written the wrong way (said once, with the fix), gene names are
not sentences in capitals, and marks inside link addresses are not emphasis. The pages are
cut from cancer.gov question-and-answer pages and PDQ summaries."""

from __future__ import annotations

from helpers import lint

FDA = "Is Cancell approved by the U.S. Food and Drug Administration (FDA) for use as a cancer"
QUESTIONS = f"""\
# Cancell/Cantron/Protocel (PDQ®)–Patient Version

## Questions and Answers About Cancell/Cantron/Protocel

1. **What is Cancell?**

   Cancell is a liquid that has been promoted as a treatment for a wide range of diseases.

2. **How is Cancell given or taken?**

   Cancell is usually taken by mouth. It has also been rubbed on the wrists and ankles.

8. **{FDA} treatment in the United States?**

   Cancell is not approved by the FDA as a treatment for cancer or any other medical condition.
"""


def test_questions_in_bold_over_their_answers_are_one_problem_with_the_fix():
    (problem,) = lint(QUESTIONS, select="emphasis-and-layout")
    assert (problem.line, problem.column) == (5, 1)
    assert problem.message.startswith("3 questions in bold stand as headings over their "
                                      "answers on this page")
    assert "such as \"### What is Cancell?\"" in problem.message


def test_one_question_in_bold_over_its_answer_is_reported_too():
    text = """\
    # HPV and Pap Test Results

    **What does it mean if you have a positive HPV test after years of negative tests?**

    Sometimes, after several negative HPV tests, a woman may have a positive result.
    """
    (problem,) = lint(text, select="emphasis-and-layout")
    assert problem.message.startswith("This question in bold stands as a heading over its "
                                      "answer: make it a heading, such as \"## What does it")


def test_gene_names_and_cited_titles_are_not_sentences_in_capitals():
    text = """\
    # Genetics of Skin Cancer

    | Syndrome | Genes |
    | --- | --- |
    | Fanconi anemia | FANCA, FANCB, FANCC, FANCD2, FANCE, FANCF, FANCG |
    | Lynch syndrome | *MLH1*, *MSH2*, *MSH6*, *PMS2*, *EPCAM* |

    CALL YOUR DOCTOR RIGHT AWAY IF YOU HAVE A FEVER.

    ###### References

    1. WOOLF CM: ALBINISM AMONG INDIANS IN ARIZONA AND NEW MEXICO. Am J Hum Genet 17: 23, 1965.
    """
    (problem,) = lint(text, select="emphasis-and-layout")
    assert problem.line == 8 and "all in capitals" in problem.message


def test_marks_in_addresses_and_codes_are_not_words_in_bold():
    code = "(inv(3)(q21.3;q26.2)/t(3;3)(q21.3;q26.2) or t(3;21)(26.2;q22))"
    text = f"""\
    # Ovarian Cancer Treatment

    See the label ([PDF](https://medinfo.example.com/label__v.pdf?id=REF--ALL-004447 "label")) and
    the guide ([guide](https://medinfo.example.com/5f95-245e__viewable_rendition__)).

    | Subtype | Outcome |
    | --- | --- |
    | **AML with *GATA2* or *MECOM* abnormalities {code}.** | Poor |
    """
    assert lint(text, select="emphasis-and-layout") == []


def test_a_numbered_question_run_into_the_paragraph_above_is_a_heading_too():
    text = """\
    # PLCO Screening Trial: Questions and Answers

    ## Results

    The men will continue to be followed by study staff for at least 13 years.
    7. **What did results from the European study of prostate cancer screening, released at
    the same time as the PLCO prostate results, show?**

    The European study followed 182,000 men ages 50 to 74.
    """
    (problem,) = lint(text, select="emphasis-and-layout")
    assert problem.line == 6
    assert "such as \"### What did results from the European study" in problem.message


def test_one_key_sentence_in_bold_stands_out_but_a_bold_paragraph_does_not():
    key = ("**If you want to try supplements or complementary and alternative medicines to "
           "ease nausea and vomiting, always check with your doctor first.**")
    note = ("**NOTE: There is either no new research on this topic or the recent published "
            "research is weak. Therefore, the information in this summary is no longer being "
            "updated and is provided for reference purposes only.**")
    whole = ("**If a patient with cancer is at very high risk of aspiration, enteral "
             "nutrition may be contraindicated, and parenteral nutrition can be considered.**")
    text = f"""\
    # Nausea and vomiting

    {key} Some supplements and alternative therapies may cause cancer treatments to work less
    well.

    {note} See the list of summaries for others.

    {whole}
    """
    problems = lint(text, select="emphasis-and-layout")
    assert [(p.line, p.message.split(" words")[0]) for p in problems] == [(6, "35"), (8, "23")]


def test_the_heading_a_numbered_question_should_be_has_no_number():
    text = """\
    # ALCHEMIST Trials: Questions and Answers

    **1. What is the purpose of the ALCHEMIST trials?**

    The trials look for genetic changes in early-stage lung cancer.
    """
    (problem,) = lint(text, select="emphasis-and-layout")
    assert "such as \"## What is the purpose of the ALCHEMIST trials?\"" in problem.message


def test_a_note_and_credit_in_italics_in_an_image_caption_are_left_alone():
    note = ("*Note: The inset shows an MRI image of the insides of both breasts. Credit for "
            "inset: The Cancer Imaging Archive (TCIA).*")
    text = f"""\
    # How Breast Cancer Is Diagnosed

    ![MRI of the breast; a person lies face down on a narrow table.](images/mri-breast.jpg)

    An MRI of the breast is a procedure that uses radio waves, a strong magnet, and a computer
    to create detailed pictures of the inside of the breast. {note}

    Credit: © Terese Winslow

    After the scan, the doctor reads the pictures. {note}
    """
    problems = lint(text, select="emphasis-and-layout")
    assert [(p.line, p.message.split(" words")[0]) for p in problems] == [(10, "21")]


def test_rows_in_bold_that_mark_the_main_stages_of_a_table_are_left_alone():
    three = ("**Tumor involves one or both ovaries or primary peritoneal cancer, with "
             "cytologically or histologically confirmed spread to the peritoneum outside the "
             "pelvis and/or metastasis to the retroperitoneal lymph nodes.**")
    text = f"""\
    # Ovarian Cancer Stages

    | Stage | | Description |
    | --- | --- | --- |
    | **I** | | **Tumor confined to the ovary.** |
    | IA | | Tumor limited to one ovary (capsule intact). |
    | **II** | | **Tumor involves one or both ovaries with pelvic extension.** |
    | IIA | | Extension and/or implants on uterus and/or fallopian tubes. |
    | **III** | | {three} |
    | IIIA1 | | Positive retroperitoneal lymph nodes only. |

    | Drug | Warning |
    | --- | --- |
    | tamoxifen | Tell your doctor about every other medicine, vitamin or herb you take. |
    | letrozole | {three} |
    """
    problems = lint(text, select="emphasis-and-layout")
    assert [(p.line, p.message.split(" words")[0]) for p in problems] == [(15, "30")]
