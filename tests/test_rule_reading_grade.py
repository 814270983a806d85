"""reading-grade: document and section grades against the audience's limit."""

from __future__ import annotations

from helpers import lint, positions

from readlint.config import Config

EASY = "We eat food. We go home. The sun is hot. I like my dog. " * 10
HARD = ("Comprehensive immunohistochemical characterization facilitates individualized "
        "therapeutic recommendations. ") * 16


def test_easy_document_passes():
    assert lint("# Title\n\n" + EASY, select="reading-grade") == []


def test_hard_document_is_reported_at_its_first_line():
    problems = lint("# Title\n\n" + HARD, select="reading-grade")
    assert positions(problems) == [(1, 3)]
    assert "the limit for these readers is 8" in problems[0].message
    assert "Flesch-Kincaid" in problems[0].message


def test_worst_sections_are_reported_at_their_headings():
    text = f"# Guide\n\n## Easy part\n\n{EASY}\n\n## Hard part\n\n{HARD}\n"
    problems = lint(text, select="reading-grade")
    assert positions(problems) == [(1, 3), (7, 4)]
    assert 'section "Hard part"' in problems[1].message


def test_professional_limit_is_higher():
    text = "# Title\n\n" + ("Patients with breast cancer often receive chemotherapy after "
                           "their surgery to lower the risk of recurrence. ") * 8  # grade 12
    assert positions(lint(text, select="reading-grade", audience="patient")) == [(1, 3)]
    assert lint(text, select="reading-grade", audience="professional") == []


def test_short_documents_are_not_graded():
    assert lint("# Title\n\n" + HARD[:300], select="reading-grade") == []


def test_formulas_option_averages_and_names_them():
    config = Config(raw_rules={"reading-grade": {
        "formulas": ["flesch_kincaid_grade", "smog_index"]}})
    (problem,) = lint("# Title\n\n" + HARD, select="reading-grade", config=config)
    assert "mean of Flesch-Kincaid and SMOG" in problem.message


def test_sections_about_the_summary_are_not_graded_unless_asked():
    text = (f"# Guide\n\n## What to expect\n\n{EASY}\n\n## Side effects\n\n{EASY}\n\n"
            f"## About This PDQ Summary\n\n{HARD}\n\n"
            f"## Latest Updates to This Summary (08/22/2018)\n\n{HARD}\n")
    assert positions(lint(text, select="reading-grade")) == [(1, 3)]  # the document only
    config = Config(raw_rules={"reading-grade": {"skip_sections": []}})
    asked = lint(text, select="reading-grade", config=config)
    assert positions(asked) == [(1, 3), (11, 4), (15, 4)]
    assert 'section "About This PDQ Summary"' in asked[1].message
