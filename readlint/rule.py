"""The rule protocol: what every rule, built in or from a plugin, provides."""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, ClassVar, NamedTuple

from .document import Document
from .errors import one_line
from .problem import Fix, Problem, Severity

# What a rule's problems feed, declared in Rule.tags: reports build their columns and the HTML
# marks from these, never from rule names.
GRADE = "grade"  # the reading grade of a document or section
LONG_SENTENCE = "long-sentence"  # a sentence too long for its readers
HARD_SENTENCE = "hard-sentence"  # a sentence's difficulty score (readlint/difficulty.py)
UNDEFINED_TERM = "undefined-term"  # a term used without being explained
MISSING_LINK = "missing-link"  # a term used without its glossary link
PLAIN_WORD = "plain-word"  # a word with a plainer substitute
DIRECTIVE = "directive"  # a problem in a readlint comment (the linter reports it)
ACCESSIBILITY = "accessibility"  # a fault for screen readers, low vision or navigation
DOCUMENT_HEALTH = "document-health"  # the page's metadata: fields, review dates, audience
FIELD_VALUE = "field-value"  # a front-matter field missing, or with the wrong kind of value
REVIEW_DATE = "review-date"  # when the page is due for review

# The subject of a problem about one section's grade (reading-grade's section grades; the
# page's own grade has none): `--changed-since` keeps it only when the change touched that
# section.
SECTION_GRADE = "section"


NO_OPTIONS: Mapping[str, Any] = MappingProxyType({})  # a default no one can change


class Example(NamedTuple):
    """What `readlint explain` shows: a document the rule reports (`text`), one it accepts
    (`fixed`), and the options both are checked with. Tests check both against the rule."""

    text: str
    fixed: str = ""
    options: Mapping[str, Any] = NO_OPTIONS


class RunContext(NamedTuple):
    """What the run itself decides, beyond the documents and the rules' settings, handed to
    the rules that ask for it (Rule.options_from_run)."""

    today: str | None = None  # the date to count from, year-month-day (`--today`); None:
    # the day the rule runs
    offer_fixes: bool = False  # every fix a rule can make is wanted (an editor's quick fixes)
    # the audienceLevel values the run's rule sets serve, in lower case, each rule set's name
    # first: (name, its other values) for each; empty when the run did not say
    audiences: tuple[tuple[str, tuple[str, ...]], ...] = ()


class Rule:
    """Base class for rules. A rule is small: it declares who it is and yields problems.

    Subclasses set `name` (stable, kebab-case), `code` (stable, e.g. "RL102"),
    `default_severity`, `summary` (one line), `options` (JSON Schema of each option, with a
    "default"), `tags` (what its problems feed: GRADE, LONG_SENTENCE, ...), an `example`, and
    (a plug-in's rule, when its documentation is on the web) `docs_url`. The class docstring
    is the long help shown by `readlint explain`: what the rule finds, why it matters and
    how to fix it.
    """

    name: ClassVar[str] = ""
    code: ClassVar[str] = ""
    default_severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = ""
    options: ClassVar[dict[str, dict[str, Any]]] = {}
    tags: ClassVar[frozenset[str]] = frozenset()
    example: ClassVar[Example | None] = None
    docs_url: ClassVar[str | None] = None

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        raise NotImplementedError

    def measure(self, doc: Document, options: Mapping[str, Any]) -> Mapping[str, Any] | None:
        """Figures about the whole document that reports show, keyed by what they feed
        (for example {GRADE: {...}}); plain values only. None: the rule measures nothing."""
        return None

    def options_from_run(self, run: RunContext) -> Mapping[str, Any]:
        """Options the run sets, laid over those of the rule's settings: a rule that needs to
        know something of the run (the date to count from) declares it here, under the names
        of its own options. By default, none."""
        return NO_OPTIONS

    @classmethod
    def option_faults(cls, options: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
        """What is wrong with option values that fit the options' schema but cannot be used
        (a date no calendar has): (the option's name, why), each reported as a mistake of the
        settings that give it, when they are read. By default, nothing."""
        return iter(())

    @classmethod
    def measures(cls) -> bool:
        return cls.measure is not Rule.measure

    # -- helpers for subclasses ----------------------------------------------------------

    def problem(self, doc: Document, start: int, end: int, message: str,
                fix: Fix | None = None, subject: str | None = None) -> Problem:
        """A problem spanning source[start:end] (character offsets into the file). Its
        severity is the rule's declared default until the linter gives it the one the
        selection decided for the document (selection.severity_of)."""
        end = max(end, start + 1) if start < len(doc.source) else max(end, start)
        line, column = doc.position(start)
        end_line, end_column = doc.position(end)
        return Problem(doc.path, line, column, end_line, end_column, self.name, self.code,
                       self.default_severity, one_line(message), start, end, fix, subject)

    # -- metadata ------------------------------------------------------------------------

    @classmethod
    def help(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.summary)

    @classmethod
    def options_schema(cls) -> dict[str, Any]:
        return {"type": "object", "properties": cls.options, "additionalProperties": False}

    @classmethod
    def default_options(cls) -> dict[str, Any]:
        return {k: v["default"] for k, v in cls.options.items() if "default" in v}
