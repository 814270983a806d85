from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..errors import InputError
from ..patterns import lazy_re
from ..problem import Fix, Problem, Severity
from ..rule import DOCUMENT_HEALTH, FIELD_VALUE, NO_OPTIONS, Example, Rule, RunContext
from ..source import front_matter
from ..yamltext import shown, shown_text

KINDS = {"text", "date", "number", "list", "boolean", "text or number"}
# What a missing or empty field could say, shown in its message.
EXAMPLES = {"title": "Breast Cancer Screening", "audienceLevel": "patient", "language": "en",
            "lastReviewed": "2026-03-30", "reviewFrequency": "yearly"}
_COUNT = {2: "two", 3: "three", 4: "four"}  # and figures from 5 on
_LANGUAGE = lazy_re(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def field_place(doc: Document, key: str) -> tuple[int, int]:
    """Offsets of a front-matter key's line (the first line of the file when it is missing)."""
    line = doc.front_matter_lines.get(key)
    if line is None:
        return 0, min(len(doc.source), 3)
    start = doc.line_start(line)
    end = doc.source.find("\n", start)
    return start, end if end >= 0 else len(doc.source)


# A date's form, year-month-day ("2023-02-30" has it, though no such day is).
_DATE_SHAPE = lazy_re(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "date"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        try:  # a date written in quotes ('2025-12-30') is still a date
            datetime.date.fromisoformat(value.strip())
            return "date"
        except ValueError:
            return "text"
    if isinstance(value, (bytes, bytearray)):
        return "binary data"  # (!!binary)
    if isinstance(value, (set, frozenset)):
        return "a set"  # (!!set)
    return "a mapping" if isinstance(value, dict) else "empty"


class FrontMatterFields(Rule):
    """The front matter lacks a field the site needs, or a field has the wrong kind of value.

    Why: the front matter decides how a page is checked (`audienceLevel`), how it is listed
    and read aloud (`title`, `language`) and when it is reviewed. A missing or mistyped
    field silently changes all of that.

    What it finds, in pages that have front matter: each field in `required` that is missing
    or empty; each field in `kinds` whose value is not of its kind (text, date, number,
    list, boolean, or "text or number"); a `language` that is not a language tag such as
    "en" or "es-US"; an `audienceLevel` no rule set serves ("profesional"), which gets the
    default audience's rules; a field written twice, whose first value is silently dropped (only the
    last one counts); front matter that does not start on the first line (empty lines above
    it), which is read as text and whose fields count for nothing. A file with no front
    matter at all is otherwise left alone (the run notes that it is checked with the default
    rule set).

    How to fix: add the field with a value of the right kind, for example
    `lastReviewed: 2026-03-30` (a date written year-month-day); keep one line of a field
    written twice.

    Options:
      required: fields every page must have (default title, audienceLevel, language).
      kinds: the kind of value of each field.
      audiences: each rule set's name and the other audienceLevel values it serves (the run
        fills it in from its rule sets).
    """

    name = "front-matter-fields"
    code = "RL401"
    default_severity = Severity.WARNING
    summary = "A front-matter field is missing or has the wrong kind of value."
    tags = frozenset({DOCUMENT_HEALTH, FIELD_VALUE})
    example = Example("---\ntitle: Breast cancer\naudienceLevel: patient\n---\n\nText.\n",
                      "---\ntitle: Breast cancer\naudienceLevel: patient\nlanguage: en\n---\n"
                      "\nText.\n")
    options = {
        "required": {"type": "array", "items": {"type": "string", "minLength": 1},
                     "default": ["title", "audienceLevel", "language"],
                     "description": "Fields every page must have."},
        "audiences": {"type": "object",
                      "additionalProperties": {"type": "array", "items": {"type": "string"}},
                      "default": {},
                      "description": "Each rule set's name and the other audienceLevel values "
                                     "it serves: the run fills it in from its rule sets, over "
                                     "any value a config gives."},
        "kinds": {"type": "object", "additionalProperties": {"enum": sorted(KINDS)},
                  "default": {"title": "text", "audienceLevel": "text", "language": "text",
                              "lastReviewed": "date", "reviewFrequency": "text or number",
                              "status": "text"},
                  "description": "The kind of value of each field."},
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        meta = doc.metadata
        if not meta and not doc.body_start:
            late = _late_front_matter(doc)
            if late is not None:  # written below empty lines: read as text, not as fields
                yield self.problem(doc, late.start(1), late.end(1) - 1,
                                   "This front matter is not read: it must start on the first "
                                   "line, and empty lines stand above it. Remove them, or its "
                                   "fields (audienceLevel, title) count for nothing and it "
                                   "shows on the page as text.", subject="front matter",
                                   fix=Fix(0, late.start(1), "",
                                           "remove the empty lines above the front matter"))
            return  # no front matter at all: not a page of the site (the run says so once)
        yield from self._repeated(doc)
        for key in options["required"]:
            value = meta.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                example = EXAMPLES.get(key, "")
                if key in meta:
                    message = f"The front matter field '{key}' is empty: give it a value"
                else:
                    message = f"The front matter has no '{key}' field, which every page needs: " \
                        "add it"
                message += f", for example '{key}: {example}'." if example else "."
                yield self.problem(doc, *field_place(doc, key if key in meta else "\0"),
                                   message, subject=key)
        for key, wanted in options["kinds"].items():
            if meta.get(key) is None:
                continue
            found, kinds = kind_of(meta[key]), wanted.split(" or ")
            if isinstance(meta[key], str) and "text" in kinds:
                continue
            if found not in kinds and "date" in kinds and isinstance(meta[key], str) and \
                    _DATE_SHAPE.fullmatch(meta[key].strip()):
                yield self.problem(doc, *field_place(doc, key),
                                   f"'{key}: {meta[key].strip()}' is no day of the calendar: "
                                   "check the month and the day.", subject=key)
                continue
            if found not in kinds:
                value = shown(meta[key])
                yield self.problem(doc, *field_place(doc, key),
                                   f"'{key}' should be {_a(wanted)}, but it is {_a(found)}"
                                   + ("." if value == _a(found) else f" ({value})."),
                                   subject=key)
        yield from self._audience(doc, options["audiences"])
        language = meta.get("language")
        if isinstance(language, str) and language.strip() and \
                not _LANGUAGE.fullmatch(language.strip()):
            yield self.problem(doc, *field_place(doc, "language"),
                               f"'language: {shown_text(language)}' is not a "
                               "language tag: write one such "
                               "as en, es or en-US.", subject="language")

    def options_from_run(self, run: RunContext) -> Mapping[str, Any]:
        return {"audiences": {name: list(others) for name, others in run.audiences}} \
            if run.audiences else NO_OPTIONS

    def _audience(self, doc: Document, audiences: Mapping[str, list[str]]
                  ) -> Iterator[Problem]:
        """An audienceLevel no rule set serves ("profesional"): the page was checked with the
        default audience's rules, not those its writer meant."""
        value = doc.metadata.get("audienceLevel")
        if not audiences or not isinstance(value, str) or not value.strip():
            return
        known = {v.lower() for name, others in audiences.items() for v in (name, *others)}
        if value.strip().lower() in known:
            return
        served = [name for name, others in audiences.items() if others] or list(audiences)
        near = difflib.get_close_matches(value.strip().lower(), sorted(known), n=1)
        hint = f" (did you mean '{near[0]}'?)" if near else ""
        yield self.problem(doc, *field_place(doc, "audienceLevel"),
                           f"'audienceLevel: {shown_text(value)}' is no audience the rule sets "
                           f"serve, so it cannot choose the rules this page is checked with. "
                           f"Write one of {', '.join(served)}{hint}.", subject="audienceLevel")

    def _repeated(self, doc: Document) -> Iterator[Problem]:
        """Each earlier line of a field written more than once: its value is dropped."""
        for key, lines in doc.front_matter_repeats.items():
            for line in lines[:-1]:
                start = doc.line_start(line)
                end = doc.source.find("\n", start)
                yield self.problem(doc, start, end if end >= 0 else len(doc.source),
                                   f"'{key}' is written again on line {lines[-1]}, and only "
                                   f"that value counts: keep one of the "
                                   f"{_COUNT.get(len(lines), f'{len(lines):,}')} "
                                   "lines.", subject=key)


# Front matter below empty lines: a "---" line after them, fields, and a "---" line again.
_LATE_FRONT_MATTER = lazy_re(r"(?:[ \t]*\n)+(---[ \t]*\n)(?:[^\n]*\n){0,200}?---[ \t]*(?:\n|$)")


def _late_front_matter(doc: Document) -> re.Match[str] | None:
    """Front matter below empty lines: a "---" line, fields and a "---" line again, that
    readlint reads as front matter once the empty lines are gone (not two rules between
    paragraphs); None when there is none."""
    late = _LATE_FRONT_MATTER.match(doc.source)
    if late is None:
        return None
    try:
        fields = front_matter(doc.source[late.start(1):], doc.path).metadata
    except InputError:
        return None
    return late if isinstance(fields, dict) and fields else None


def _a(kind: str) -> str:
    return {"text": "text", "date": "a date (year-month-day)", "number": "a number",
            "list": "a list", "boolean": "true or false", "text or number": "text or a number",
            "empty": "empty", "a mapping": "a mapping"}.get(kind, kind)
