"""Built-in rules, one module each. A plugin's rules register the same way (registry.py)."""

from __future__ import annotations

from ..rule import Rule
from .audience_fit import AudienceMismatch
from .directives import UnknownDirective
from .front_matter import FrontMatterFields
from .glossary_link import GlossaryLink
from .hard_sentence import HardSentence
from .headings import HeadingStructure
from .image_alt import ImageAlt
from .jargon import UndefinedJargon
from .language import LanguageMismatch
from .layout import EmphasisAndLayout
from .link_text import LinkText
from .long_sentence import LongSentence
from .numbers import AmbiguousNumbers
from .plain_words import PlainWords
from .reading_grade import ReadingGrade
from .review_date import ReviewOverdue
from .sensory import SensoryInstructions

BUILTIN_RULES: tuple[type[Rule], ...] = (
    UnknownDirective, ReadingGrade, LongSentence, UndefinedJargon, GlossaryLink, PlainWords,
    ImageAlt, LinkText, HeadingStructure, EmphasisAndLayout, SensoryInstructions,
    AmbiguousNumbers, FrontMatterFields, ReviewOverdue, LanguageMismatch, AudienceMismatch,
    HardSentence)
