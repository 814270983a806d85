"""What the run decides reaches only the rules that ask for it (Rule.options_from_run), and a
problem's severity is decided in one place (selection.severity_of, Selection.severities)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from readlint.config import Config
from readlint.document import Document
from readlint.problem import Problem, Severity
from readlint.registry import Registry
from readlint.rule import Rule, RunContext
from readlint.selection import Choices, Selection


class _Dated(Rule):
    """Has options named like what the run knows, without asking for the run."""

    name = "dated"
    code = "XL901"
    options = {"today": {"type": ["string", "null"], "default": None},
               "fix": {"type": "boolean", "default": False}}

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        return iter(())


class _AsksTheDate(_Dated):
    """Asks the run for the date to count from."""

    name = "asks-the-date"
    code = "XL902"

    def options_from_run(self, run: RunContext) -> Mapping[str, Any]:
        return {"today": run.today}


def _options(choices: Choices) -> dict[str, Mapping[str, Any]]:
    registry = Registry.default(plugins=False)
    registry.add(_Dated())
    registry.add(_AsksTheDate())
    selection = Selection(Config(), registry, choices)
    rule_set, _ = selection.rule_set_for("patient", (), "page.md")
    return {item.rule.name: item.options for item in selection.active(rule_set, ())}


def test_the_run_reaches_only_the_rules_that_ask_for_it() -> None:
    options = _options(Choices(today="2020-02-02", offer_fixes=True))
    assert options["asks-the-date"]["today"] == "2020-02-02"
    assert options["dated"]["today"] is None and options["dated"]["fix"] is False
    assert options["review-overdue"]["today"] == "2020-02-02"
    assert options["plain-words"]["fix"] is True


def test_without_a_date_or_quick_fixes_the_rules_keep_their_settings() -> None:
    options = _options(Choices())
    assert options["review-overdue"]["today"] is None
    assert options["plain-words"]["fix"] is False


def test_severities_are_the_settings_over_the_rules_defaults() -> None:
    config = Config(raw_rules={"long-sentence": "error", "unknown-directive": "off"})
    selection = Selection(config, Registry.default(plugins=False), Choices(ignore=("RL203",)))
    rule_set, _ = selection.rule_set_for("patient", (), "page.md")
    severities = selection.severities(rule_set, ())
    active = {item.rule.name: item.severity for item in selection.active(rule_set, ())}
    assert severities["long-sentence"] == active["long-sentence"] == Severity.ERROR
    # Rules that do not run keep their declared default: the directive rule still reports
    # readlint comments left unused with it.
    assert "unknown-directive" not in active and "plain-words" not in active
    assert severities["unknown-directive"] == Severity.WARNING
    assert severities["plain-words"] == Severity.INFO
