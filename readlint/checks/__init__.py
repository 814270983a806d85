"""Built-in rules, one module each. A plugin's rules register the same way (registry.py)."""

from __future__ import annotations

from ..rule import Rule
from .directives import UnknownDirective
from .glossary_link import GlossaryLink
from .jargon import UndefinedJargon
from .long_sentence import LongSentence
from .plain_words import PlainWords
from .reading_grade import ReadingGrade

BUILTIN_RULES: tuple[type[Rule], ...] = (UnknownDirective, ReadingGrade, LongSentence,
                                         UndefinedJargon, GlossaryLink, PlainWords)
