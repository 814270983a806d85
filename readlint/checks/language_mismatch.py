from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..problem import Problem, Severity
from ..rule import DOCUMENT_HEALTH, Example, Rule
from .front_matter_fields import field_place

# The commonest short words of each language (articles, prepositions, pronouns, "is"):
# a page's share of them tells its language.
FUNCTION_WORDS = {
    "en": "the and of to in is are for that with you your it this be or as on can have not by "
          "from at an will may if they their what how when which who more",
    "es": "el la los las del y en que es un una por para con su sus se no lo al como más pero "
          "usted este esta son puede le cuando qué cómo muy sobre también hay",
    "fr": "le la les des du et est un une que qui pour dans avec sur pas vous votre ce cette "
          "sont au aux par plus ou il elle être peut",
    "de": "der die das und ist nicht ein eine zu den dem mit von sie es auf für im sich auch wie "
          "oder bei wird sind ihr ihre",
    "pt": "os as do da dos das em um uma que é para com não por se mais no na ao você seu sua "
          "são pode também",
    "it": "il lo gli di del della è che un una per con non si al sono come più anche questo "
          "può nel alla",
}
NAMES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
         "it": "Italian"}
_WORDS = {code: frozenset(words.split()) for code, words in FUNCTION_WORDS.items()}


def likely_language(words: list[str]) -> tuple[str, dict[str, int]]:
    seen = Counter(words)  # counted once, then looked up per language's few function words
    counts = {code: sum(seen[w] for w in known if w in seen) for code, known in _WORDS.items()}
    return max(counts, key=lambda c: counts[c]), counts


class LanguageMismatch(Rule):
    """The page's `language` does not match the language it is written in.

    Why: screen readers choose their voice and pronunciation from the page's language; a
    Spanish page marked "en" is read with English sounds and cannot be understood. Search
    and translation tools use it too.

    What it finds: a page of at least `min_words` words whose words are mostly those of
    another language than its `language` field says (English, Spanish, French, German,
    Portuguese and Italian are told apart).

    How to fix: set `language` to the language the page is written in ("es" for Spanish).

    Options:
      min_words: shorter pages are not judged (default 50).
    """

    name = "language-mismatch"
    code = "RL403"
    default_severity = Severity.WARNING
    summary = "The page's language field does not match its text."
    tags = frozenset({DOCUMENT_HEALTH})
    example = Example("---\nlanguage: en\n---\n\n" + "El cáncer de mama es una enfermedad en la "
                      "que las células de la mama se multiplican sin control. " * 5 + "\n",
                      "---\nlanguage: es\n---\n\n" + "El cáncer de mama es una enfermedad en la "
                      "que las células de la mama se multiplican sin control. " * 5 + "\n")
    options = {
        "min_words": {"type": "integer", "minimum": 1, "default": 50,
                      "description": "Shorter pages are not judged."},
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Problem]:
        declared = doc.metadata.get("language")
        if not isinstance(declared, str) or not declared.strip():
            return
        code = declared.strip().lower().replace("_", "-").split("-")[0]
        if code not in _WORDS:
            return
        words = [text.lower() for s in doc.sentences[:400] for text, _, _ in s.words]
        if len(words) < options["min_words"]:
            return
        found, counts = likely_language(words)
        if found != code and counts[found] >= 2 * counts[code] and \
                counts[found] >= 0.1 * len(words):
            yield self.problem(doc, *field_place(doc, "language"),
                               f"This page is marked 'language: {declared}' ({NAMES[code]}), "
                               f"but it is written in {NAMES[found]}: set 'language: {found}'.",
                               subject="language")
