"""Inline directives in HTML comments, resolved up front into lines where rules are off.

    <!-- readlint-disable long-sentence, reading-grade -->   off from this line on
    <!-- readlint-enable long-sentence -->                   on again from this line
    <!-- readlint-disable -->                                all rules off
    <!-- readlint-enable -->                                 all rules on again
    <!-- readlint-disable-next-line RL102 -->                off on the next line only

Rules can be named by name or code. Unknown names are reported as unknown-directive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .blocks import Comment
from .document import Document
from .problem import Problem
from .registry import Registry

_DIRECTIVE = re.compile(r"\s*readlint-(disable-next-line|disable|enable)\b(.*)", re.S)
ALL = "*"


@dataclass
class Suppressions:
    """Line ranges [start, end) per rule name where problems are not reported."""

    ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def add(self, rule: str, start: int, end: int) -> None:
        self.ranges.setdefault(rule, []).append((start, end))

    def allows(self, problem: Problem) -> bool:
        for key in (problem.rule, ALL):
            for start, end in self.ranges.get(key, ()):
                if start <= problem.line < end:
                    return False
        return True


def read_directives(doc: Document, registry: Registry, reporter: str | None = None,
                    comments: Iterable[Comment] | None = None,
                    ) -> tuple[Suppressions, list[Problem]]:
    """Suppressions from a document's comments, and problems for unknown rule names, reported
    as the rule named `reporter` (the one tagged DIRECTIVE)."""
    unknown_rule = registry.get(reporter) if reporter else None
    found = Suppressions()
    problems: list[Problem] = []
    open_from: dict[str, int] = {}
    end_of_file = doc.line_count + 1
    for comment in sorted(comments if comments is not None else doc.comments,
                          key=lambda c: c.source_start):
        m = _DIRECTIVE.match(comment.text)
        if not m:
            continue
        kind = m.group(1)
        names: list[str] = []
        for raw in re.split(r"[\s,]+", m.group(2).strip()):
            if not raw:
                continue
            rule = registry.get(raw)
            if rule is None:
                if unknown_rule is not None:
                    problems.append(unknown_rule.problem(
                        doc, comment.source_start, comment.source_end,
                        f"This comment names {raw!r}, which is not a readlint rule; "
                        "see `readlint rules` for the names."))
            else:
                names.append(rule.name)
        if m.group(2).strip() and not names:
            continue  # only unknown names: do nothing rather than everything
        keys = names or [ALL]
        line = doc.position(comment.source_start)[0]
        end_line = doc.position(comment.source_end - 1)[0]
        if kind == "disable-next-line":
            for key in keys:
                found.add(key, end_line + 1, end_line + 2)
        elif kind == "disable":
            for key in keys:
                open_from.setdefault(key, line)
        else:  # enable
            closing = list(open_from) if keys == [ALL] else keys
            for key in closing:
                if key in open_from:
                    found.add(key, open_from.pop(key), line)
    for key, start in open_from.items():
        found.add(key, start, end_of_file)
    return found, problems
