from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..patterns import lazy_re
from ..problem import Problem, Severity
from ..rule import DOCUMENT_HEALTH, NO_OPTIONS, REVIEW_DATE, Example, Rule, RunContext
from ..yamltext import shown_text
from .front_matter_fields import field_place

# How often, in months, for the words teams write.
MONTHS = {"monthly": 1, "bimonthly": 2, "quarterly": 3, "semiannually": 6, "semiannual": 6,
          "biannually": 6, "biannual": 6, "half-yearly": 6, "twice a year": 6, "yearly": 12,
          "annually": 12, "annual": 12, "every year": 12, "biennially": 24, "biennial": 24}
# ... and in days, for the shorter ones.
DAYS = {"daily": 1, "weekly": 7, "fortnightly": 14, "biweekly": 14}
_EVERY = lazy_re(r"(?:every\s+)?(\d{1,9})\s*(day|week|month|year)s?", re.I)
_FREQUENCIES = ("use weekly, monthly, quarterly, semiannually, yearly, a number of days, or a "
                "phrase such as \"6 months\"")


def period(value: Any) -> tuple[int, int] | None:
    """(months, days) of a review frequency: "quarterly", 90 (days), "6 months"; None when
    it cannot be read."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return (0, value) if value > 0 else None
    text = str(value).strip().lower()
    if text in MONTHS:
        return MONTHS[text], 0
    if text in DAYS:
        return 0, DAYS[text]
    m = _EVERY.fullmatch(text)
    if m and int(m.group(1)) > 0:
        n, unit = int(m.group(1)), m.group(2).lower()
        return {"day": (0, n), "week": (0, 7 * n), "month": (n, 0), "year": (12 * n, 0)}[unit]
    return None


def add(start: datetime.date, months: int, days: int) -> datetime.date | None:
    """The date `months` and `days` after `start`; None when that is past the last date
    there is (9999-12-31), so never due."""
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    if year > datetime.MAXYEAR:
        return None
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    try:
        return datetime.date(year, month + 1, day) + datetime.timedelta(days=days)
    except OverflowError:
        return None


class ReviewOverdue(Rule):
    """The page is past its review date.

    Why: health information goes out of date (new treatments, new screening advice). A page
    that says it is reviewed every quarter and was last reviewed a year ago may be wrong.

    What it finds: a `lastReviewed` date older than its `reviewFrequency` allows (weekly,
    monthly, quarterly, semiannually, yearly, a number of days, or "6 months"), counted from today,
    or from the date given with `--today` so results can be repeated; the message gives the
    date the review was due. A frequency that cannot be read, and a date after today (a
    typing slip: "2062" for "2026"), are reported too.

    How to fix: review the page and update `lastReviewed`.

    Options:
      last_reviewed: the field with the date of the last review (default lastReviewed).
      frequency: the field with how often to review (default reviewFrequency).
      default_frequency: the frequency for pages that give none (default none: such pages
        are not checked).
      today: the date to count from, year-month-day (default: today; `--today` sets it).
    """

    name = "review-overdue"
    code = "RL402"
    default_severity = Severity.WARNING
    summary = "The page is past its review date."
    tags = frozenset({DOCUMENT_HEALTH, REVIEW_DATE})
    example = Example("---\nlastReviewed: 2020-01-15\nreviewFrequency: yearly\n---\n\nText.\n",
                      "---\nlastReviewed: 2026-01-15\nreviewFrequency: yearly\n---\n\nText.\n",
                      {"today": "2026-03-01"})
    options = {
        "last_reviewed": {"type": "string", "default": "lastReviewed"},
        "frequency": {"type": "string", "default": "reviewFrequency"},
        "default_frequency": {"type": ["string", "integer", "null"], "default": None},
        "today": {"type": ["string", "null"], "default": None,
                  "pattern": r"^\d{4}-\d{2}-\d{2}$",
                  "description": "The date to count from (year-month-day)."},
    }

    @classmethod
    def option_faults(cls, options: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
        today = options.get("today")
        if isinstance(today, str):
            try:
                datetime.date.fromisoformat(today)
            except ValueError:
                yield "today", f"{today} is no day of the calendar"
        frequency = options.get("default_frequency")
        if frequency is not None and period(frequency) is None:
            yield "default_frequency", f"{shown_text(frequency)!r} cannot be read: {_FREQUENCIES}"

    def options_from_run(self, run: RunContext) -> Mapping[str, Any]:
        return {"today": run.today} if run.today else NO_OPTIONS

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        key, frequency_key = options["last_reviewed"], options["frequency"]
        reviewed = doc.metadata.get(key)
        frequency = doc.metadata.get(frequency_key, options["default_frequency"])
        if reviewed is None:
            return
        if isinstance(reviewed, datetime.datetime):
            reviewed = reviewed.date()
        if isinstance(reviewed, str):
            try:
                reviewed = datetime.date.fromisoformat(reviewed.strip())
            except ValueError:
                yield self.problem(doc, *field_place(doc, key),
                                   f"'{key}: {shown_text(reviewed)}' is not a date: write it "
                                   "year-month-day, such as 2026-03-30.")
                return
        if not isinstance(reviewed, datetime.date):
            return  # another kind of value: front-matter-fields reports it
        today = datetime.date.fromisoformat(options["today"]) if options["today"] \
            else datetime.date.today()
        if reviewed > today + datetime.timedelta(days=1):  # (a day apart: time zones differ)
            yield self.problem(doc, *field_place(doc, key),
                               f"'{key}: {reviewed.isoformat()}' is a date after today "
                               f"({today.isoformat()}): write the day the page was last "
                               "reviewed.")
            return
        if frequency is None:
            return
        every = period(frequency)
        if every is None:
            yield self.problem(doc, *field_place(doc, frequency_key),
                               f"'{frequency_key}: {shown_text(frequency)}' cannot be read: "
                               f"{_FREQUENCIES}.")
            return
        due = add(reviewed, *every)
        if due is not None and due < today:
            late = (today - due).days
            yield self.problem(doc, *field_place(doc, key),
                               f"This page was last reviewed on {reviewed.isoformat()} and is "
                               f"reviewed {_how_often(frequency)}: its review was due on "
                               f"{due.isoformat()}, {late} day{'s' if late != 1 else ''} ago.")


def _how_often(frequency: Any) -> str:
    if isinstance(frequency, int):
        return f"every {frequency} days" if frequency != 1 else "every day"
    text = str(frequency).strip()
    if text.lower() in MONTHS or text.lower() in DAYS:
        return text.lower()  # "is reviewed quarterly", not "Quarterly"
    m = _EVERY.fullmatch(text.lower())
    if m:  # "6 month" is said "every 6 months", "1 week" "every week"
        n, unit = int(m.group(1)), m.group(2)
        return f"every {unit}" if n == 1 else f"every {n} {unit}s"
    return f"every {text.lower().removeprefix('every ')}"

