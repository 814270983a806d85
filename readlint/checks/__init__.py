"""Built-in rules, one module each. A plugin's rules register the same way (registry.py)."""

from __future__ import annotations

from ..rule import Rule
from .ambiguous_numbers import AmbiguousNumbers
from .audience_mismatch import AudienceMismatch
from .emphasis_and_layout import EmphasisAndLayout
from .front_matter_fields import FrontMatterFields
from .glossary_link import GlossaryLink
from .hard_sentence import HardSentence
from .heading_structure import HeadingStructure
from .image_alt import ImageAlt
from .language_mismatch import LanguageMismatch
from .link_text import LinkText
from .long_sentence import LongSentence
from .plain_words import PlainWords
from .reading_grade import ReadingGrade
from .review_overdue import ReviewOverdue
from .sensory_instructions import SensoryInstructions
from .undefined_jargon import UndefinedJargon
from .unknown_directive import UnknownDirective

BUILTIN_RULES: tuple[type[Rule], ...] = (
    UnknownDirective, ReadingGrade, LongSentence, UndefinedJargon, GlossaryLink, PlainWords,
    ImageAlt, LinkText, HeadingStructure, EmphasisAndLayout, SensoryInstructions,
    AmbiguousNumbers, FrontMatterFields, ReviewOverdue, LanguageMismatch, AudienceMismatch,
    HardSentence)
