"""Every kind of line markdownlint's tests mark for MD001 (heading levels), MD045 (alt text)
and MD059 (link text) is reported by the readlint rule that answers for it: the pages of
tests/fixtures/markdownlint-cases, written in readlint's own words, each naming in its front
matter the rule and the lines it must report."""

from __future__ import annotations

import pytest
import yaml
from helpers import ROOT

from readlint.config import Config
from readlint.linter import Choices, Linter

CASES = ROOT / "tests" / "fixtures" / "markdownlint-cases"
PAGES = sorted(p for p in CASES.glob("*.md") if p.name != "README.md")


def _front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))


def test_each_of_the_three_rules_has_its_cases():
    rules = {_front_matter(p.read_text(encoding="utf-8"))["checks"] for p in PAGES}
    assert rules == {"heading-structure", "image-alt", "link-text"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_marked_line_is_reported_and_nothing_else(page):
    text = page.read_text(encoding="utf-8")
    expected = _front_matter(text)
    linter = Linter(Config(), choices=Choices(select=(expected["checks"],), cache=False))
    result = linter.lint_text(text, page.name)
    assert result.error is None, result.error
    assert [p.line for p in result.problems] == expected["found"]
