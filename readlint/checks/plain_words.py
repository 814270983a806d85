from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..document import Document
from ..glossary import Entry, Glossary, Matcher
from ..problem import Fix, Problem, Severity
from ..rule import PLAIN_WORD, Example, Rule


class PlainWords(Rule):
    """A complex word or phrase has a plainer substitute.

    Why: "utilize", "prior to" and "in order to" slow readers down and say nothing "use",
    "before" and "to" do not. Plain-language guidance (plainlanguage.gov, CDC "Everyday
    Words", NIH "Clear & Simple") lists such pairs; readlint ships them in
    readlint/data/plain-words.yaml, with their sources.

    How to fix: use the plain word. Each problem offers the substitute as a fix;
    `readlint check --fix` applies it only when this rule's `fix` option is on, because a
    substitute does not fit every sentence ("oral exam" is not "by mouth exam").

    Options:
      words: more pairs for your project, as a mapping: {complex: plain}.
      word_lists: more YAML files in the same form as the bundled list.
      fix: let --fix make the substitutions (default false).
    """

    name = "plain-words"
    code = "RL203"
    default_severity = Severity.INFO
    summary = "A complex word has a plainer substitute."
    tags = frozenset({PLAIN_WORD})
    example = Example("Take the medicine prior to meals.\n",
                      "Take the medicine before meals.\n")
    options = {
        "words": {"type": "object", "additionalProperties": {"type": "string"}, "default": {}},
        "word_lists": {"type": "array", "items": {"type": "string"}, "default": [],
                       "x-readlint-paths": True},
        "fix": {"type": "boolean", "default": False},
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        matcher = _matcher(tuple(sorted(options["words"].items())), tuple(options["word_lists"]))
        for block in doc.blocks:
            for match in matcher.find(block.text):
                entry = match.entries[0]
                plain = _inflect(entry, match.text)
                start = block.source_offset(match.start)
                end = block.source_offset(match.end - 1) + 1
                fix = None
                if options["fix"] and doc.source[start:end] == match.text:
                    fix = Fix(start, end, plain, f"use \"{plain}\"")
                yield self.problem(doc, start, end,
                                   f"Use \"{plain}\" instead of \"{match.text}\".", fix=fix,
                                   subject=match.text)


def _load_pairs(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return list(data.get("words", []))


@lru_cache(maxsize=8)
def _matcher(extra: tuple[tuple[str, str], ...], files: tuple[str, ...]) -> Matcher:
    bundled = Path(str(resources.files("readlint") / "data" / "plain-words.yaml"))
    pairs = _load_pairs(bundled)
    for name in files:
        pairs.extend(_load_pairs(Path(name)))
    pairs.extend({"complex": c, "plain": p} for c, p in extra)
    glossary = Glossary("plain-words")
    for pair in pairs:
        forms = _verb_forms(pair["complex"]) if pair.get("verb") else ()
        glossary.add(Entry("plain-words", pair["complex"], pair["complex"], tuple(forms),
                           definition=pair["plain"], source="verb" if pair.get("verb") else None))
    return Matcher([glossary])


def _verb_forms(verb: str) -> list[str]:
    return list(_regular(verb))


def _inflect(entry: Entry, found: str) -> str:
    """The plain substitute in the form and case of the word found."""
    plain = entry.definition or ""
    low = found.lower()
    head, _, rest = plain.partition(" ")
    if entry.source == "verb" and low != entry.term:
        forms = _IRREGULAR.get(head) or _regular(head)
        if low.endswith("ing"):
            head = forms[2]
        elif low.endswith("ed"):
            head = forms[1]
        elif low.endswith("s"):
            head = forms[0]
    elif low != entry.term.lower() and low.endswith("s") and not plain.endswith("s"):
        if " " in plain:
            plain += "s"  # "side effect" -> "side effects"
            head, _, rest = plain.partition(" ")
        else:
            head += "s"  # "physicians" -> "doctors"
    plain = f"{head} {rest}".strip()
    if found[:1].isupper():
        plain = plain[:1].upper() + plain[1:]
    return plain


_IRREGULAR = {
    "do": ("does", "did", "doing"), "get": ("gets", "got", "getting"),
    "tell": ("tells", "told", "telling"), "show": ("shows", "showed", "showing"),
    "find": ("finds", "found", "finding"), "eat": ("eats", "ate", "eating"),
    "give": ("gives", "gave", "giving"), "buy": ("buys", "bought", "buying"),
    "stop": ("stops", "stopped", "stopping"), "take": ("takes", "took", "taking"),
}


def _regular(verb: str) -> tuple[str, str, str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    return verb + "s", stem + "ed", stem + "ing"
