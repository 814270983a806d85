from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from ..document import Document
from ..errors import ConfigError
from ..glossary import Entry, Glossary, Match, Matcher, block_matches
from ..problem import Fix, Problem, Severity
from ..readability import familiar_words, is_familiar
from ..rule import PLAIN_WORD, Example, Rule
from ..schema import parse_yaml
from ..source import read_data_text
from ..vocabulary import STOPWORDS, in_proper_name, word_zipf

_WORD_AFTER = re.compile(r"[\s*_]*([^\W\d_][\w'’-]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[\s*_]*$")


class PlainWords(Rule):
    """A complex word or phrase has a plainer substitute.

    Why: "utilize", "prior to" and "in order to" slow readers down and say nothing "use",
    "before" and "to" do not. Plain-language guidance (plainlanguage.gov, CDC "Everyday
    Words", NIH "Clear & Simple") lists such pairs; readlint ships them in
    readlint/data/plain-words.yaml, with their sources.

    A swap is offered only where it reads right in that sentence:
      - names are left alone: a word inside a longer glossary term ("oral cavity", "renal
        pelvis", "intracranial hypertension") or a proper name ("Physician Data Query"), and
        headings, which name things;
      - a medical word after a rarer word it belongs to ("vulvar lesions") is left alone;
      - a word already familiar to most readers (on the Dale-Chall list, like "however") is
        never swapped;
      - "a" or "an" before the word changes with it ("an abdominal scan": "a belly scan");
      - pairs say where their substitute does not fit: "in addition" not before "to", "oral"
        ("by mouth") not before a noun.

    When a word has both a plainer substitute and a glossary entry, this rule speaks and
    glossary-link does not: an everyday word needs no definition.

    How to fix: use the plain word. Each problem offers the substitute as a fix;
    `readlint check --fix` applies it only when this rule's `fix` option is on.

    Options:
      words: more pairs for your project, as a mapping: {complex: plain}.
      word_lists: more YAML files in the same form as the bundled list.
      names: glossaries whose terms of several words are names to leave alone.
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
        "words": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1},
                  "default": {}},
        "word_lists": {"type": "array", "items": {"type": "string"}, "default": [],
                       "x-readlint-paths": True},
        "names": {"type": "array", "items": {"type": "string", "minLength": 1},
                  "default": ["nci-cancer-terms", "nci-drugs"], "x-readlint-paths": True},
        "fix": {"type": "boolean", "default": False},
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        matcher, pairs = _matcher(tuple(sorted(options["words"].items())),
                                  tuple(options["word_lists"]))
        names = block_matches(doc, tuple(options["names"])) if options["names"] else None
        for index, block in enumerate(doc.blocks):
            if block.kind == "heading":
                continue
            text = block.text
            inside_name = _inside_name(names[index]) if names is not None else None
            for match in matcher.find(text):
                pair = pairs[match.entries[0].id]
                if not pair.verb and not _same_word(match.text, pair.complex):
                    continue  # another part of speech: "fatigued" is not "fatigue"
                if inside_name is not None and inside_name(match):
                    continue
                if in_proper_name(text, match.start, match.end):
                    continue
                after = _WORD_AFTER.match(text, match.end)
                following = after.group(1).lower() if after else ""
                if following in pair.not_before or (following and not pair.before_noun):
                    continue
                before = _word_before(text, match.start)
                previous = before.group(1) if before else ""
                if " " not in pair.complex and previous and previous.lower() not in STOPWORDS \
                        and word_zipf(previous) < 3.5:
                    continue  # the head of a medical phrase: "vulvar lesions"
                plain = _inflect(pair, match.entries[0], match.text)
                start, found = match.start, match.text
                if previous.lower() in ("a", "an") and before is not None and \
                        before.end(1) + 1 == match.start:
                    article = _article(plain, previous)
                    if article != previous:  # "an abdominal" becomes "a belly"
                        start, found = before.start(1), text[before.start(1):match.end]
                        plain = f"{article} {plain}"
                yield self._report(doc, block.source_offset(start),
                                   block.source_offset(match.end - 1) + 1, found, plain,
                                   options["fix"])

    def _report(self, doc: Document, start: int, end: int, found: str, plain: str,
                fixable: bool) -> Problem:
        if found[:1].isupper():
            plain = plain[:1].upper() + plain[1:]
        fix = None
        if fixable and doc.source[start:end] == found:
            fix = Fix(start, end, plain, f"use \"{plain}\"")
        return self.problem(doc, start, end, f"Use \"{plain}\" instead of \"{found}\".",
                            fix=fix, subject=found)


class Pair(NamedTuple):
    """A complex word or phrase, its plain substitute, and where the substitute fits."""

    complex: str
    plain: str
    verb: bool = False
    not_before: frozenset[str] = frozenset()  # words the substitute cannot stand before
    before_noun: bool = True  # False: the substitute cannot stand before a noun ("by mouth")


def _same_word(found: str, complex_: str) -> bool:
    """Is the word found the pair's word or its plural, not another form of it?"""
    low, base = found.lower().replace("’", "'"), complex_.lower()
    return low in (base, base + "s", base + "es", base + "'s") or \
        (base.endswith("y") and low == base[:-1] + "ies")


def _inside_name(names: list[Match]) -> Callable[[Match], bool]:
    """Is a match a part of a longer term of several words among `names` ("oral" in "oral
    cavity")? Each answer is two binary searches: asking every name about every match
    would take time that grows with the square of a long paragraph's terms."""
    spans = sorted((n.start, n.end) for n in names if " " in n.text)
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))  # furthest end yet

    def inside(match: Match) -> bool:
        i = bisect.bisect_right(starts, match.start)  # names that start where it does or before
        j = bisect.bisect_left(starts, match.start)  # names that start before it
        return i > 0 and reach[i - 1] > match.end or j > 0 and reach[j - 1] >= match.end

    return inside


def _word_before(text: str, end: int) -> re.Match[str] | None:
    """_WORD_BEFORE.search(text, 0, end): the word before `end`, found by reading back from
    `end` (a search from the start of the text for each match would take time that grows
    with the square of a long paragraph's length). It starts at the first letter of the run
    of word characters before the last marks and spaces."""
    backwards = _reversed(text)
    run = _MARKS_RUN.match(backwards, len(text) - end)
    assert run is not None  # (a run of none matches too)
    marks = run.end()
    run = _WORD_RUN.match(backwards, marks)
    assert run is not None
    word = run.end()
    letter = _LETTER.search(text, len(text) - word, len(text) - marks)
    return _WORD_BEFORE.match(text, letter.start(), end) if letter else None


@lru_cache(maxsize=4)
def _reversed(text: str) -> str:
    return text[::-1]


_MARKS_RUN = re.compile(r"[\s*_]*")
_WORD_RUN = re.compile(r"[\w'’-]*")
_LETTER = re.compile(r"[^\W\d_]")


def _load_pairs(path: Path) -> list[dict[str, Any]]:
    """The pairs of a word list, each checked: a complex word and a plain one, both text."""
    data = parse_yaml(read_data_text(path), str(path)) or {}
    pairs = data.get("words", []) if isinstance(data, dict) else None
    if not isinstance(pairs, list):
        raise ConfigError("a word list needs 'words:', a list of {complex: ..., plain: ...}",
                          str(path))
    for i, pair in enumerate(pairs):
        if not (isinstance(pair, dict) and all(isinstance(pair.get(k), str) and pair[k].strip()
                                               for k in ("complex", "plain"))):
            raise ConfigError(f"words.{i}: each pair needs a 'complex' and a 'plain' word",
                              str(path))
    return list(pairs)


@lru_cache(maxsize=8)
def _matcher(extra: tuple[tuple[str, str], ...],
             files: tuple[str, ...]) -> tuple[Matcher, dict[str, Pair]]:
    bundled = Path(__file__).resolve().parent.parent / "data" / "plain-words.yaml"
    raw = _load_pairs(bundled)
    for name in files:
        raw.extend(_load_pairs(Path(name)))
    raw.extend({"complex": c, "plain": p} for c, p in extra)
    familiar = familiar_words()
    glossary = Glossary("plain-words")
    pairs: dict[str, Pair] = {}
    for item in raw:
        complex_ = item["complex"]
        if " " not in complex_ and is_familiar(complex_, familiar):
            continue  # readers know it already: "however"
        pair = Pair(complex_, item["plain"], bool(item.get("verb")),
                    frozenset(w.lower() for w in item.get("not_before", ())),
                    bool(item.get("before_noun", True)))
        pairs[complex_] = pair
        forms = _regular(complex_) if pair.verb else ()
        glossary.add(Entry("plain-words", complex_, complex_, tuple(forms)))
    return Matcher([glossary]), pairs


def _inflect(pair: Pair, entry: Entry, found: str) -> str:
    """The plain substitute in the form of the word found (not yet in its case)."""
    plain = pair.plain
    low = found.lower()
    head, _, rest = plain.partition(" ")
    if pair.verb and low != entry.term:
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
            head = _PLURALS.get(head, head + "s")  # "physicians" -> "doctors"
    return f"{head} {rest}".strip()


def _article(word: str, written: str) -> str:
    """"a" or "an" for the word, in the case of the article as written."""
    low = word.lower()
    vowel_sound = (low[:1] in "aeiou" or low.startswith(("hour", "honest", "honor"))) and \
        not low.startswith(("one", "eu", "uni", "use", "usu", "ura", "uri", "uro", "ute"))
    article = "an" if vowel_sound else "a"
    return article.capitalize() if written[:1].isupper() else article


_IRREGULAR = {
    "do": ("does", "did", "doing"), "get": ("gets", "got", "getting"),
    "tell": ("tells", "told", "telling"), "show": ("shows", "showed", "showing"),
    "find": ("finds", "found", "finding"), "eat": ("eats", "ate", "eating"),
    "give": ("gives", "gave", "giving"), "buy": ("buys", "bought", "buying"),
    "stop": ("stops", "stopped", "stopping"), "take": ("takes", "took", "taking"),
}
_PLURALS = {"person": "people", "child": "children"}


def _regular(verb: str) -> tuple[str, str, str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    return verb + "s", stem + "ed", stem + "ing"
