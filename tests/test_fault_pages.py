"""The rules that no page of the development corpora gives work to (sensory-instructions,
language-mismatch, front-matter-fields, unknown-directive) on patient pages that have their
faults: tests/fixtures/fault-pages/. Each fault is found where it is, and nothing else."""

from __future__ import annotations

from helpers import ROOT

from readlint.config import Config
from readlint.linter import Choices
from readlint.run import Run

PAGES = ROOT / "tests" / "fixtures" / "fault-pages"
RULES = ("sensory-instructions", "language-mismatch", "front-matter-fields", "unknown-directive")

FOUND = {
    ("arm-exercises.md", 17, 60, "sensory-instructions"),  # "in the picture on the right"
    ("arm-exercises.md", 25, 1, "sensory-instructions"),  # "As shown below, roll ..."
    ("cancer-de-mama.md", 4, 1, "language-mismatch"),  # Spanish marked "en"
    ("chemotherapy-diet.md", 1, 1, "front-matter-fields"),  # no audienceLevel
    ("chemotherapy-diet.md", 11, 1, "unknown-directive"),  # long-sentances
    ("chemotherapy-diet.md", 17, 1, "unknown-directive"),
    ("chemotherapy-diet.md", 22, 1, "unknown-directive"),  # readlint-disable-nextline
    ("chemotherapy-diet.md", 24, 1, "unknown-directive"),  # RL399
    ("patient-portal.md", 16, 34, "sensory-instructions"),  # "click the blue button"
    ("patient-portal.md", 17, 15, "sensory-instructions"),  # "the link at the bottom"
    ("patient-portal.md", 19, 46, "sensory-instructions"),  # "in the box on the right"
    ("patient-portal.md", 19, 78, "sensory-instructions"),  # "marked in red must be ..."
    ("patient-portal.md", 25, 4, "sensory-instructions"),  # "Tap the round icon"
    ("patient-portal.md", 26, 51, "sensory-instructions"),  # "shown in green."
    ("patient-portal.md", 32, 1, "sensory-instructions"),  # "highlighted in yellow"
    ("quitting-smoking.md", 4, 1, "language-mismatch"),  # English marked "es"
    ("radiation-therapy.md", 2, 1, "front-matter-fields"),  # a title that is a list
    ("radiation-therapy.md", 5, 1, "front-matter-fields"),  # audienceLevel: ""
    ("radiation-therapy.md", 6, 1, "front-matter-fields"),  # language: English
    ("radiation-therapy.md", 7, 1, "front-matter-fields"),  # lastReviewed: Dec 2025
}


def test_each_fault_is_found_where_it_is():
    run = Run.with_config(Config(), Choices(select=RULES))
    found = set()
    for page in sorted(PAGES.glob("*.md")):
        result = run.lint_file(page, page.name)
        assert result.error is None, result.error
        found |= {(page.name, p.line, p.column, p.rule) for p in result.problems}
    assert found == FOUND


def test_the_messages_say_what_to_write():
    run = Run.with_config(Config(), Choices(select=("front-matter-fields",)))
    page = PAGES / "chemotherapy-diet.md"
    (problem,) = run.lint_file(page, page.name).problems
    assert problem.message == ("The front matter has no 'audienceLevel' field, which every "
                               "page needs: add it, for example 'audienceLevel: patient'.")
