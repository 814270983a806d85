from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..problem import Problem, Severity
from ..rule import DIRECTIVE, Example, Rule


class UnknownDirective(Rule):
    """A readlint comment names a rule that does not exist.

    Comments such as `<!-- readlint-disable long-sentence -->` turn rules off for part of a
    document. When a name in such a comment is misspelled, the comment silently does nothing,
    so readlint reports it. The linter finds these while it reads the comments.

    How to fix: use a name or code from `readlint rules`.
    """

    name = "unknown-directive"
    code = "RL001"
    default_severity = Severity.WARNING
    summary = "A readlint comment names a rule that does not exist."
    tags = frozenset({DIRECTIVE})
    example = Example("<!-- readlint-disable long-sentances -->\n\nA short note.\n",
                      "<!-- readlint-disable long-sentence -->\n\nA short note.\n")

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        return iter(())  # reported by the linter (suppress.py) while reading comments
