"""The accessibility and document-health rules on the cases their fixtures do not show: what
must not be reported, dates counted from --today, statuses left out, a long page with no
headings, and the seed page's own faults."""

from __future__ import annotations

import datetime

from helpers import SEED, lint, positions

from readlint.checks.review_overdue import add, period

LONG = "Your doctor will talk with you about the treatment choices that fit you. "


def test_a_long_page_without_headings_is_reported_once_at_its_start():
    text = f"---\naudienceLevel: patient\n---\n\n{LONG * 30}\n\n{LONG * 10}\n"
    problems = lint(text, select="heading-structure")
    assert positions(problems) == [(5, 1)]
    assert "no headings" in problems[0].message
    assert lint(f"# Title\n\n{LONG * 40}\n", select="heading-structure") == []
    assert lint(f"{LONG * 5}\n", select="heading-structure") == []  # a short note


def test_links_that_are_fine_are_not_reported():
    text = """\
    # Links

    [Find out here how clinical trials work](https://www.cancer.gov/trials).

    [Treatment guide](https://example.org/guide.pdf) (PDF, 2 MB)

    [Breast cancer](https://www.cancer.gov/types/breast) and
    [breast cancer](https://www.cancer.gov/types/breast/) are the same page.

    `https://example.org` in code is not prose.
    """
    assert lint(text, select="link-text") == []


def test_review_frequencies_and_due_dates():
    assert period("quarterly") == (3, 0) and period("Yearly") == (12, 0)
    assert period(90) == (0, 90) and period("6 months") == (6, 0)
    assert period("every 2 weeks") == (0, 14) and period("sometimes") is None
    assert period("weekly") == (0, 7) and period("Daily") == (0, 1)
    page = "---\nlastReviewed: 2026-01-01\nreviewFrequency: 6 month\n---\n\nText.\n"
    assert "and is reviewed every 6 months: its review was due on 2026-07-01" in \
        lint(page, select="review-overdue")[0].message
    assert "and is reviewed weekly: its review was due on 2026-01-08" in lint(
        page.replace("6 month", "Weekly"), select="review-overdue")[0].message
    assert add(datetime.date(2025, 11, 30), 3, 0) == datetime.date(2026, 2, 28)
    page = "---\nlastReviewed: 2026-01-01\nreviewFrequency: 30\n---\n\nText.\n"
    assert lint(page, select="review-overdue") != []  # today is later than 2026-01-31


def test_today_option_makes_the_run_repeatable(run, write):
    write("page.md", "---\naudienceLevel: patient\ntitle: T\nlanguage: en\n"
                     "lastReviewed: 2025-12-30\nreviewFrequency: quarterly\n---\n\n# T\n\nHi.\n")
    before = run("check", "page.md", "--today", "2026-03-01")
    assert "RL402" not in before.stdout
    after = run("check", "page.md", "--today", "2026-04-01")
    assert "page.md:5:1: RL402 review-overdue" in after.stdout
    assert "was due on 2026-03-30, 2 days ago" in after.stdout
    bad = run("check", "page.md", "--today", "1 April")
    assert bad.exit_code == 2 and "year-month-day" in bad.stderr


def test_the_seed_is_overdue_and_has_two_titles():
    problems = lint(SEED.read_text(encoding="utf-8"), select="RL3,RL4")
    found = {(p.rule, p.line) for p in problems}
    assert ("review-overdue", 7) in found  # lastReviewed 2025-12-30, quarterly
    assert ("heading-structure", 23) in found  # a second level-1 heading
    assert not any(p.rule == "front-matter-fields" for p in problems)  # its fields are fine


def test_statuses_can_leave_pages_out(run, write):
    long = "This sentence " + "goes on " * 12 + "too long."
    write(".readlint.yaml", "skip_statuses: [Retired]\n")
    write("old.md", f"---\naudienceLevel: patient\nstatus: retired\n---\n\n{long}\n")
    write("new.md", f"---\naudienceLevel: patient\nstatus: active\n---\n\n{long}\n")
    result = run("check", ".")
    assert "new.md:6:1: RL102" in result.stdout and "old.md" not in result.stdout
    assert "status 'retired' are not checked" in result.stderr


def test_english_pages_and_professional_pages_are_not_mismatched():
    english = f"---\nlanguage: en-US\n---\n\n{LONG * 10}\n"
    assert lint(english, select="language-mismatch") == []
    spanish = "---\nlanguage: es\n---\n\n" + "El médico habla con usted sobre el tratamiento. " * 12
    assert lint(spanish, select="language-mismatch") == []
    hard = ("Concomitant administration of CYP3A4 inhibitors necessitates pharmacokinetic "
            "monitoring and dose modification in susceptible individuals with hepatotoxicity. ")
    professional = f"---\naudienceLevel: professional\n---\n\n{hard * 30}\n"
    assert lint(professional, select="audience-mismatch", audience="professional") == []
    patient = f"---\naudienceLevel: patient\n---\n\n{hard * 30}\n"
    assert positions(lint(patient, select="audience-mismatch")) == [(2, 1)]


def test_numbers_that_are_clear_are_left_alone():
    text = """\
    Call 1-800-422-6237. The study ran from 2010-2015 in stage 2-3 cancer.
    Come on 13/04/2026, at 12:30 p.m., for 2 to 3 hours.
    """
    assert lint(text, select="ambiguous-numbers") == []


def test_ranges_in_the_titles_of_cited_works_are_left_alone():
    text = """\
    # Retinoblastoma

    Most children are 0-5 years old when it is found.

    1. Sirin S, de Jong MC, Galluzzi P, et al.: MRI-based assessment of the pineal gland in a
       large population of children aged 0-5 years and comparison with pineoblastoma: part
       II, the cystic gland. Neuroradiology 58 (7): 713-21, 2016.
    2. Slater O, Gains JE, Kelsey AM, et al.: Localised rhabdomyosarcoma in infants (<12
       months) and young children (12-36 months of age) treated on the EpSSG RMS 2005 study.
       Eur J Cancer 160: 206-214, 2022. [[PubMed](https://pubmed.ncbi.nlm.nih.gov/34865946)]

    Screening of children aged 0-5 years. J Pediatr. 2019;210:12-18. doi:10.1016/j.jpeds.

    ## References

    - Smith A. Sleep in children aged 3-6 years. Sleep Health Center; 2020.
    """
    problems = lint(text, select="ambiguous-numbers")
    assert [(p.line, p.subject) for p in problems] == [(3, "0-5 years")]


def test_a_range_after_between_is_written_with_and():
    text = """\
    BOOP typically develops in individuals between 40-60 years old. It lasts 3-7 days.
    It starts between the ages of 4-8 months.
    """
    problems = lint(text, select="ambiguous-numbers")
    assert [(p.subject, p.message) for p in problems] == [
        ("40-60 years", '"between 40-60 years" can be misread: write "between 40 and 60 years".'),
        ("3-7 days", '"3-7 days" can be misread: write "3 to 7 days".'),
        ("4-8 months", '"between the ages of 4-8 months" can be misread: write "between the '
                       'ages of 4 and 8 months".')]


def test_colours_a_caption_names_and_lists_shown_below_are_not_instructions():
    text = """\
    # Wilms tumor

    ![Diagram of the miRNA processing pathway](images/mirna.png)

    Lung cancer cells driven by the KRAS oncogene, which is highlighted in purple.

    Adding gemcitabine to the doublet was tested as shown below:

    - carboplatin and paclitaxel
    - carboplatin, paclitaxel, and gemcitabine

    A lumbar puncture removes cerebrospinal fluid (CSF, shown in blue). It is then checked.

    Fields marked in red must be filled in. Open days are shown in green.
    """
    problems = lint(text, select="sensory-instructions")
    assert [(p.line, p.subject) for p in problems] == [(14, "marked in red"),
                                                       (14, "shown in green")]
