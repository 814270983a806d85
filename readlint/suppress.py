"""Inline directives in HTML comments, resolved up front into lines where rules are off.

    <!-- readlint-disable long-sentence, reading-grade -->   off from this line on
    <!-- readlint-enable long-sentence -->                   on again from this line
    <!-- readlint-disable -->                                all rules off
    <!-- readlint-enable -->                                 all rules on again
    <!-- readlint-disable-next-line RL102 -->                off on the next line with text
    <!-- readlint-disable-line RL102 -->                     off on this comment's line(s)
    <!-- readlint-disable-file reading-grade -->             off in the whole file

Rules can be named by name or code; a reason may follow "--". Unknown keywords and rule names
are reported as unknown-directive, never ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .blocks import Comment
from .document import Document
from .patterns import lazy_re
from .problem import Problem
from .registry import Registry

_DIRECTIVE = lazy_re(r"\s*readlint-([A-Za-z-]*[A-Za-z])(?=[\s:]|$)\s*:?(.*)", re.S)
KEYWORDS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")
# A comment meant as one, written another way: a space for the hyphen, capitals
_NEAR_DIRECTIVE = lazy_re(r"\s*((?i:readlint)[\s_:-]+((?i:disable[\s_-]+next[\s_-]+line|"
                          r"disable[\s_-]+line|disable[\s_-]+file|disable|enable)))\b")
ALL = "*"


@dataclass
class Directive:
    """One comment's lines where some rules are off, and whether it silenced anything."""

    keys: list[str]
    start: int
    end: int
    source_start: int
    source_end: int
    used: bool = False


@dataclass
class Suppressions:
    """Line ranges [start, end) where rules (by name, or ALL) are not reported."""

    directives: list[Directive] = field(default_factory=list)

    def add(self, keys: list[str], start: int, end: int, comment: Comment) -> None:
        self.directives.append(Directive(keys, start, end, comment.source_start,
                                         comment.source_end))

    def allows(self, problem: Problem) -> bool:
        allowed = True
        for d in self.directives:
            if d.start <= problem.line < d.end and (problem.rule in d.keys or ALL in d.keys):
                d.used = True
                allowed = False
        return allowed

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if not d.used]


def read_directives(doc: Document, registry: Registry, reporter: str | None = None,
                    comments: Iterable[Comment] | None = None,
                    ) -> tuple[Suppressions, list[Problem]]:
    """Suppressions from a document's comments, and problems for comments readlint cannot
    follow (an unknown keyword, an unknown rule name), reported as the rule named `reporter`
    (the one tagged DIRECTIVE).

    A reason may follow the rules after "--": `<!-- readlint-disable-line RL102 -- a quote -->`.
    """
    reporter_rule = registry.get(reporter) if reporter else None
    problems: list[Problem] = []

    def report(comment: Comment, message: str) -> None:
        if reporter_rule is not None:
            problems.append(reporter_rule.problem(doc, comment.source_start,
                                                  comment.source_end, message))

    ranges = _Ranges(doc.line_count + 1)
    for comment in sorted(comments if comments is not None else doc.comments,
                          key=lambda c: c.source_start):
        directive = _directive(comment, registry, report)
        if directive is not None:
            line = doc.position(comment.source_start)[0]
            end_line = doc.position(max(comment.source_start, comment.source_end - 1))[0]
            ranges.add(*directive, line, end_line, comment, _next_text_line(doc, end_line))
    return ranges.close(), problems


def _next_text_line(doc: Document, end_line: int) -> int:
    """The first line after `end_line` with text on it: a blank line between a comment and
    the line it speaks of, as writers and Markdown formatters leave one, is passed over."""
    line = end_line + 1
    while line <= doc.line_count:
        start = doc.line_start(line)
        end = doc.line_start(line + 1) if line < doc.line_count else len(doc.source)
        if doc.source[start:end].strip():
            return line
        line += 1
    return end_line + 1


def _directive(comment: Comment, registry: Registry,
               report: Callable[[Comment, str], None]) -> tuple[str, list[str]] | None:
    """A readlint comment's keyword and the rules it names ([ALL] when it names none); None
    for any other comment, and for one readlint cannot follow (reported)."""
    m = _DIRECTIVE.match(comment.text)
    if not m:
        near = _NEAR_DIRECTIVE.match(comment.text)
        if near:  # "readlint disable-next-line", "READLINT-DISABLE": meant, and ignored
            keyword = re.sub(r"[\s_-]+", "-", near.group(2).lower())
            report(comment, f"'{near.group(1)}' is not how a readlint comment is written: "
                            f"write 'readlint-{keyword}' (small letters, joined by hyphens), "
                            "or it is ignored.")
        return None
    kind = m.group(1)
    if kind not in KEYWORDS:
        report(comment, f"'readlint-{kind}' is not a readlint comment; use one of "
                        f"{', '.join('readlint-' + k for k in KEYWORDS)}.")
        return None
    rules_text = m.group(2).split("--", 1)[0]  # a reason may follow "--"
    names: list[str] = []
    for raw in re.split(r"[\s,]+", rules_text.strip()):
        if not raw:
            continue
        rule = registry.get(raw)
        if rule is None:
            report(comment, f"This comment names {raw!r}, which is not a readlint rule; "
                            "see `readlint rules` for the names.")
        else:
            names.append(rule.name)
    if rules_text.strip() and not names:
        return None  # only unknown names: do nothing rather than everything
    return kind, names or [ALL]


class _Ranges:
    """The lines where rules are off, from the directives in file order: a `disable` stays
    open until an `enable` closes it or the file ends."""

    def __init__(self, end_of_file: int) -> None:
        self.found = Suppressions()
        self.open_from: dict[str, tuple[int, Comment]] = {}
        self.end_of_file = end_of_file

    def add(self, kind: str, keys: list[str], line: int, end_line: int,
            comment: Comment, next_line: int) -> None:
        """One directive, on lines `line` to `end_line` of the file (`next_line`: the first
        line after it with text)."""
        if kind == "disable-next-line":
            self.found.add(keys, next_line, next_line + 1, comment)
        elif kind == "disable-line":
            self.found.add(keys, line, end_line + 1, comment)
        elif kind == "disable-file":
            self.found.add(keys, 1, self.end_of_file, comment)
        elif kind == "disable":
            for key in keys:
                self.open_from.setdefault(key, (line, comment))
        else:  # enable
            closing = list(self.open_from) if keys == [ALL] else keys
            for key in closing:
                if key in self.open_from:
                    start, opened = self.open_from.pop(key)
                    self.found.add([key], start, line, opened)

    def close(self) -> Suppressions:
        """The ranges, those still open at the end closed there."""
        for key, (start, opened) in self.open_from.items():
            self.found.add([key], start, self.end_of_file, opened)
        return self.found
