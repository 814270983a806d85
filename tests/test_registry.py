"""Every rule in the registry has what users and writers rely on: a fixture with the exact
places it reports (tests/fixtures/rules/<rule>.md, the expected spans in its front matter),
an `explain` example that it really reports and a better version it does not, tags saying
what its problems feed, and a row in the README's rules table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT

from readlint import document
from readlint.linter import example_problems
from readlint.registry import Registry
from readlint.rule import Rule

FIXTURES = ROOT / "tests" / "fixtures" / "rules"
REGISTRY = Registry.default(plugins=False)
RULES = list(REGISTRY)


def spans(rule: Rule, text: str, options: dict) -> list[str]:
    """Each problem as "line:col-end_line:end_col", with the flagged text when it is short
    and on one line."""
    out = []
    for p in example_problems(REGISTRY, rule.name, text, options):
        flagged = text[p.start:p.end]
        short = p.line == p.end_line and len(flagged) <= 40
        out.append(f"{p.line}:{p.column}-{p.end_line}:{p.end_column}"
                   + (f" {flagged}" if short else ""))
    return out


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_fixture_gives_the_expected_places(rule: Rule):
    path = FIXTURES / f"{rule.name}.md"
    assert path.is_file(), f"{rule.name} has no fixture {path.relative_to(ROOT)}"
    text = path.read_text(encoding="utf-8")
    meta = document.parse(text).metadata
    assert meta.get("expect"), "a fixture lists the problems it expects"
    assert spans(rule, text, meta.get("options", {})) == meta["expect"]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_explain_example_is_what_the_rule_really_does(rule: Rule):
    example = rule.example
    assert example is not None, f"{rule.name} has no example for `readlint explain`"
    assert example_problems(REGISTRY, rule.name, example.text, example.options)
    assert example.fixed
    assert example_problems(REGISTRY, rule.name, example.fixed, example.options) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_declares_what_it_feeds(rule: Rule):
    assert rule.tags, f"{rule.name} declares no tags"


def readme_rows() -> dict[str, tuple[str, str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Rules", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and re.fullmatch(r"[A-Z]+\d+", cells[0]):
            rows[cells[0]] = (cells[1], cells[2], cells[3])
    return rows


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_readme_has_a_row_for_the_rule(rule: Rule):
    rows = readme_rows()
    assert rule.code in rows, f"README's rules table has no row for {rule.code}"
    name, severity, summary = rows[rule.code]
    assert (name, severity) == (rule.name, str(rule.default_severity))
    assert summary.rstrip(".").lower() == rule.summary.rstrip(".").lower()


def test_every_fixture_belongs_to_a_rule():
    names = {r.name for r in RULES}
    assert {p.stem for p in Path(FIXTURES).glob("*.md")} <= names
