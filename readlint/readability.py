"""Readability counts and formulas, computed from readlint's own sentences, words and syllables.

textstat's functions take raw text and do their own (weaker) counting, so readlint applies the
published formula constants to its own counts instead, and takes from textstat the Dale-Chall
list of familiar words. docs/readability.md explains each choice.

Published constants:
- Flesch-Kincaid grade (Kincaid et al., 1975): 0.39 * words/sentences + 11.8 * syllables/words
  - 15.59.
- Flesch reading ease (Flesch, 1948): 206.835 - 1.015 * words/sentences - 84.6 * syllables/words.
- SMOG (McLaughlin, 1969): 1.043 * sqrt(polysyllables * 30 / sentences) + 3.1291.
- Coleman-Liau (1975): 0.0588 * L - 0.296 * S - 15.8, L = letters per 100 words, S = sentences
  per 100 words.
- Automated Readability Index (Smith & Senter, 1967): 4.71 * characters/words + 0.5 *
  words/sentences - 21.43.
- New Dale-Chall (Chall & Dale, 1995): 0.1579 * difficult-word percentage + 0.0496 *
  words/sentences, + 3.6365 when more than 5% of words are difficult; turned into a grade with
  the published table (4.9 or less: grade 4; 5.0-5.9: 5.5; 6.0-6.9: 7.5; 7.0-7.9: 9.5; 8.0-8.9:
  11.5; 9.0-9.9: 14; 10 and above: 16).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cache, lru_cache

from .prose import Sentence
from .syllables import Syllables, default_counter
from .tables import package_folder

GRADE_FORMULAS = ("flesch_kincaid_grade", "smog_index", "coleman_liau_index",
                  "automated_readability_index", "dale_chall_grade")
FORMULA_LABELS = {
    "flesch_kincaid_grade": "Flesch-Kincaid",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "dale_chall_grade": "Dale-Chall",
}
# Past this grade, with sentences longer than this many words on average, a figure means
# nothing to a reader ("grade 155996.2"): it comes from prose whose full stops are missing.
GRADE_SHOWN_UP_TO = 30
RUN_ON_WORDS = 60


def past_grading(grade: float, words_per_sentence: float) -> bool:
    """Is a grade beyond what a figure can tell, from sentences hundreds of words long?"""
    return grade > GRADE_SHOWN_UP_TO and words_per_sentence > RUN_ON_WORDS


@cache
def familiar_words() -> frozenset[str]:
    """The Dale-Chall list of about 3,000 familiar words, from textstat's data."""
    # Read the file without importing textstat, which imports NLTK (slow, and NLTK may try
    # to download data).
    path = package_folder("textstat") / "resources" / "en" / "easy_words.txt"
    text = path.read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.split() if w.strip())


def is_familiar(word: str, familiar: frozenset[str]) -> bool:
    low = word.lower().replace("’", "'")
    if low in familiar or not re.search(r"[a-z]", low):
        return True
    for suffix, repl in (("'s", ""), ("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("er", ""), ("est", ""), ("ly", "")):
        if low.endswith(suffix) and low[: -len(suffix)] + repl in familiar:
            return True
    return False


_Facts = Callable[[str], tuple[int, int, bool, bool]]


@cache
def _word_facts(counter: Syllables) -> _Facts:
    """(syllables, letters and digits, familiar?, capitalised but not in capitals?) of a
    word, remembered per word."""
    familiar = familiar_words()

    @lru_cache(maxsize=1 << 16)
    def facts(text: str) -> tuple[int, int, bool, bool]:
        return (counter.count(text), sum(1 for c in text if c.isalnum()),
                is_familiar(text, familiar), text[:1].isupper() and not text.isupper())

    return facts


# How TextStats.weighed counts a word.
COUNTED, SHORT_WORD, UNREAD = 0, 1, 2


@dataclass(frozen=True, slots=True)  # one for each sentence of a page: no __dict__ each
class TextStats:
    """Counts over some prose, and every formula computed from them."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllables: int = 0  # words of 3 or more syllables
    letters: int = 0  # letters and digits inside words
    difficult_words: int = 0  # not on the Dale-Chall list of familiar words

    @classmethod
    def from_sentences(cls, sentences: Iterable[Sentence],
                       counter: Syllables | None = None) -> TextStats:
        """The counts of these sentences, every word counted as it is."""
        return cls._counted(sentences, _word_facts(counter or default_counter()))

    @classmethod
    def weighed(cls, sentence: Sentence, weights: Sequence[int],
                counter: Syllables | None = None) -> TextStats:
        """The counts of the sentence, each word as its weight (in `weights`, by the word's
        place) says: COUNTED as it is, counted as a SHORT_WORD (a name or a term the page
        explains: one syllable, at most four letters, familiar), or UNREAD (not a word at
        all, such as a pronunciation key); a sentence with no word left counts for nothing."""
        return cls._weighed([(sentence, weights)], _word_facts(counter or default_counter()))

    @classmethod
    def _counted(cls, sentences: Iterable[Sentence], facts: _Facts) -> TextStats:
        """The counts of these sentences, every word counted as it is."""
        n_sent = n_words = n_syl = n_poly = n_letters = n_difficult = 0
        for sentence in sentences:
            n_sent += 1
            n_words += len(sentence.words)
            inside = False  # past the sentence's first word
            for word in sentence.words:
                syl, letters, familiar, capitalised = facts(word[0])
                n_syl += syl
                if syl >= 3:
                    n_poly += 1
                n_letters += letters
                # Names are familiar (Dale-Chall's own instructions): a capital not opening
                # the sentence marks a name.
                if not familiar and not (inside and capitalised):
                    n_difficult += 1
                inside = True
        return cls(n_sent, n_words, n_syl, n_poly, n_letters, n_difficult)

    @classmethod
    def _weighed(cls, weighed: Iterable[tuple[Sentence, Sequence[int]]],
                 facts: _Facts) -> TextStats:
        """The counts of these sentences, each word as its weight says (see `weighed`)."""
        n_sent = n_words = n_syl = n_poly = n_letters = n_difficult = 0
        for sentence, weights in weighed:
            if weights.count(UNREAD) == len(weights):
                continue
            n_sent += 1
            for i, word in enumerate(sentence.words):
                weight = weights[i]
                if weight == UNREAD:
                    continue
                if weight != COUNTED:
                    n_words += 1
                    n_syl += 1
                    n_letters += min(facts(word[0])[1], 4)
                    continue  # a short word: familiar
                syl, letters, familiar, capitalised = facts(word[0])
                n_words += 1
                n_syl += syl
                if syl >= 3:
                    n_poly += 1
                n_letters += letters
                if not familiar and not (i > 0 and capitalised):  # (as in _counted)
                    n_difficult += 1
        return cls(n_sent, n_words, n_syl, n_poly, n_letters, n_difficult)

    @classmethod
    def total(cls, parts: Iterable[TextStats]) -> TextStats:
        """The counts of these parts together (as `sum(parts, TextStats())`, in one pass)."""
        n_sent = n_words = n_syl = n_poly = n_letters = n_difficult = 0
        for part in parts:
            n_sent += part.sentences
            n_words += part.words
            n_syl += part.syllables
            n_poly += part.polysyllables
            n_letters += part.letters
            n_difficult += part.difficult_words
        return cls(n_sent, n_words, n_syl, n_poly, n_letters, n_difficult)

    def __add__(self, other: TextStats) -> TextStats:
        return TextStats(self.sentences + other.sentences, self.words + other.words,
                         self.syllables + other.syllables,
                         self.polysyllables + other.polysyllables, self.letters + other.letters,
                         self.difficult_words + other.difficult_words)

    # -- formulas ----------------------------------------------------------------------

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def flesch_kincaid_grade(self) -> float:
        if not self.words:
            return 0.0
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables_per_word - 15.59

    @property
    def flesch_reading_ease(self) -> float:
        if not self.words:
            return 0.0
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * self.syllables_per_word

    @property
    def smog_index(self) -> float:
        if not self.sentences:
            return 0.0
        return 1.043 * math.sqrt(self.polysyllables * 30 / self.sentences) + 3.1291

    @property
    def coleman_liau_index(self) -> float:
        if not self.words:
            return 0.0
        letters_100 = self.letters / self.words * 100
        sentences_100 = self.sentences / self.words * 100
        return 0.0588 * letters_100 - 0.296 * sentences_100 - 15.8

    @property
    def automated_readability_index(self) -> float:
        if not self.words:
            return 0.0
        return 4.71 * self.letters / self.words + 0.5 * self.words_per_sentence - 21.43

    @property
    def dale_chall_score(self) -> float:
        if not self.words:
            return 0.0
        percent = self.difficult_words / self.words * 100
        raw = 0.1579 * percent + 0.0496 * self.words_per_sentence
        return raw + 3.6365 if percent > 5 else raw

    @property
    def dale_chall_grade(self) -> float:
        score = self.dale_chall_score
        for limit, grade in ((5.0, 4.0), (6.0, 5.5), (7.0, 7.5), (8.0, 9.5), (9.0, 11.5),
                             (10.0, 14.0)):
            if score < limit:
                return grade
        return 16.0

    def grade(self, formulas: Sequence[str]) -> float:
        """The mean grade of the named formulas."""
        values = [float(getattr(self, name)) for name in formulas]
        return sum(values) / len(values) if values else 0.0

    def metrics(self) -> dict[str, float | int]:
        """Counts and every formula, under stable names (for JSON output)."""
        out: dict[str, float | int] = dict(asdict(self))
        for name in (*GRADE_FORMULAS, "flesch_reading_ease", "dale_chall_score"):
            out[name] = round(float(getattr(self, name)), 2)
        return out
