"""Sentences and words, with offsets, for patient health text.

Each prose block (heading, paragraph, list item, quote, table cell) is split on its own, so a
heading never joins the paragraph after it and a list item is always its own unit.

A sentence ends at ".", "!", "?" or an ellipsis, with any closing quotes or brackets and marks
of references after it ("adulthood.[1] The therapies"), when white space and a likely
sentence start follow. A period does not end a sentence:
- inside a token ("9.6", "U.S", "e.g"): there is no space after it;
- after a title that always comes before a name ("Dr.", "Mr.", "Prof.", "vs.", "e.g.", "i.e.");
- after a month or "No."/"Fig." before a number ("Oct. 1", "No. 5");
- after a single capital letter, which is an initial ("John F. Kennedy"), unless the next
  word is a common sentence opener ("stage I. The cancer");
- after an abbreviation that can end a sentence ("M.D.", "U.S.", "etc.", "Inc.") unless the
  next word is a common sentence opener such as "The", "This" or "In";
- when the next word starts with a small letter.
A footnote number stuck to a full stop ("in 30,000 people.1 The disorder") ends the sentence
and is not read. Two sentences run together by a lost space ("loss of balance.CP affects",
"treated?More") are two: a word of small letters, a stop, and a capital; not in an address
("www.Smokefree.gov", "drugdictionary?CdrID=..."), not a site's name ("cancer.Net").

Words: a run of letters and digits, joined across hyphens and apostrophes, periods between
letters or between digits, and thousands commas, so "T-DM1", "HER2-positive", "9.6", "3,000",
"U.S" and "don't" are each one word. Punctuation on its own is not a word, nor are the
numbers of a mark of references ("[12]", "[3,4]") or a web address written out in the text
("https://www.cancer.gov/...", "](/publications/pdq)" left by a link whose markup was lost):
a reader does not read them as words of the sentence.

Hand-written on purpose: general sentence splitters (pysbd, NLTK's punkt) either need trained
data downloaded at run time or are far slower, and none treats medical drug codes and the
abbreviations of patient material as well as these rules do on the development corpus.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from .blocks import Block
from .patterns import lazy_re

# Periods join letters to letters ("U.S", "e.g") and digits to digits ("9.6") but not a word
# to a footnote number ("people.1"). (Two sentences run together, "balance.CP", are two
# sentences, and a word never reaches past its sentence's end.)
WORD = lazy_re(r"[^\W_]+(?:[-'’][^\W_]+|(?<=\d)\.\d+|(?<=[^\W\d_])\.[^\W\d_]+|,\d{3})*")
# Marks of references: "[3]", "[6,7]", "[12-15]" (cancer.gov's summaries link each number to
# its reference: "bones.[[68](#cit/section_8.68),[72](#cit/section_8.72)]"). Their numbers are
# not words of the sentence: "This sentence has 23 words" of 21 words and two references
# would send a writer counting.
_CITATION = r"\[\d+(?:\s*[,–-]\s*\d+)*\]"
CITATION = lazy_re(_CITATION)

# A terminator, then closing quotes/brackets and marks of references ("adulthood.[1] The
# therapies"), then white space. Group 1 is the terminator run; group 3 is a footnote number
# stuck to a full stop ("30,000 people.1 The disorder"); group 4 a stop between two sentences
# run together ("balance.CP affects"; see `_run_together`).
_BOUNDARY = lazy_re(rf"(\.{{3}}|…|[.!?]+)((?:[\"'”’)\]]|{_CITATION})*)(?=\s)|"
                    r"(?<=[^\W\d_])\.(\d{1,3})(?=\s)|(?<=[a-z]{2})([.!?])(?=[A-Z])")
# The run of characters a run-together stop stands in, and a site's name after it.
_TOKEN_AROUND = lazy_re(r"\S{0,200}")  # (no further: a run of text with no space is read once)
_SITE_END = lazy_re(r"(?:Net|Com|Org|Gov|Edu)\b")
# Where a match of _BOUNDARY can start: each of them starts with one of these.
_BOUNDARY_MARK = lazy_re(r"[.!?…]")

# Abbreviations after which a period never ends a sentence (lower case, without the final dot).
_ALWAYS_JOIN = frozenset("""
dr drs mr mrs ms mx prof rev hon gen sen rep gov capt lt col sgt cmdr st mt ft
vs v cf e.g i.e viz approx est fig figs eq ref refs vol vols ch chap sec pp p ed eds
dept univ assn ave blvd
""".split())
# Month names and the like: no boundary before a number.
_BEFORE_NUMBER = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec no nos".split())
# Abbreviations that may end a sentence: a boundary only before a usual sentence opener.
_MAY_END = frozenset("""
etc inc ltd co corp jr sr al u.s u.k u.n m.d ph.d d.o r.n d.d.s m.p.h b.s m.s a.m p.m
""".split())
_OPENERS = frozenset("""
a an the this that these those there their they it its he she his her we our you your i
in on at for from with by as after before when while if but and or so yet because although
however also many most some one two three all each every no not what how why who which
talk ask call see read learn treatment patients people doctors women men children
""".split())


class Word(NamedTuple):
    text: str
    start: int  # offset in the block text
    end: int


class Sentence(NamedTuple):
    """A sentence inside one prose block, with its words. Offsets are into the block text."""

    block: Block
    block_index: int
    start: int
    end: int
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]

    @property
    def source_start(self) -> int:
        return self.block.source_offset(self.start)

    @property
    def source_end(self) -> int:
        return self.block.source_offset(self.end - 1) + 1


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Word tokens of text[start:end], with offsets into text."""
    end = len(text) if end is None else end
    make = Word._make  # a third faster than Word(...), for pages of a million words
    return [make((m.group(), m.start(), m.end())) for m in WORD.finditer(text, start, end)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split one block of prose into (start, end) sentence spans, trimmed of white space."""
    spans = []
    start = 0
    for m in _boundaries(text):
        if m.group(4):
            if _run_together(text, m.start()):
                spans.append((start, m.end()))
                start = m.end()
        elif m.group(3):  # a footnote number: the sentence ends at the full stop before it
            if _next_word(text, m.end())[:1].isupper():
                spans.append((start, m.start() + 1))
                start = m.end()
        elif _is_boundary(text, m):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(text)))
    result = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            result.append((s, e))
    return result


def _boundaries(text: str) -> Iterator[re.Match[str]]:
    """_BOUNDARY.finditer(text), the pattern tried only where a mark it starts with stands
    (the pattern alone is tried at every character, a few times slower). Where it fails at
    a run of stops ("....1"), it fails at each later stop of the run too (its first part
    can end wherever theirs can, and its other parts need a letter before the stop), so
    the run is passed over: tried from each stop, a long run cost the square of its length."""
    pos = 0
    while True:
        mark = _BOUNDARY_MARK.search(text, pos)
        if mark is None:
            return
        m = _BOUNDARY.match(text, mark.start())
        if m is None:
            run = _STOPS.match(text, mark.start())
            pos = run.end() if run else mark.start() + 1
            continue
        yield m
        pos = m.end()


_STOPS = lazy_re(r"[.!?]+")


def _run_together(text: str, at: int) -> bool:
    """Does the stop at text[at], between a small letter and a capital, end a sentence whose
    space after it was lost ("balance.CP affects")? Only after a word of small letters
    ("balance", not "e.g" nor "U.S"), outside addresses ("www.Smokefree.gov",
    "?CdrID=") and site names ("cancer.Net")."""
    start = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:at]
    if not word.islower() or start > 0 and not (text[start - 1].isspace() or
                                                text[start - 1] in "([\"'“‘*_"):
        return False  # part of a longer token: "e.g.", "www.", "/page.Html"
    if word in _ALWAYS_JOIN or word == "www" or _SITE_END.match(text, at + 1):
        return False
    if word in _MAY_END and not _opener(_next_word(text, at + 1)):
        return False  # "et al.Lancet": an abbreviation, not the end of a sentence
    token = _TOKEN_AROUND.match(text, at)
    return token is None or not any(c in token.group() for c in "/@=")


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    term = m.group(1)
    nxt = _next_word(text, m.end())
    if not nxt:
        return False  # only white space (or nothing) follows
    first = nxt[0]
    if first.islower():
        return False
    if term != ".":
        return True
    before = _token_before(text, m.start())
    low = before.lower()
    if low in _ALWAYS_JOIN:
        return False
    if low in _BEFORE_NUMBER and first.isdigit():
        return False
    if len(before) == 1 and before.isupper():
        # An initial ("John F. Kennedy"), unless a usual opener follows ("stage I. The").
        return _opener(nxt)
    if low in _MAY_END or re.fullmatch(r"(?:[a-z]\.)+[a-z]", low):
        return _opener(nxt)
    return True


def _opener(word: str) -> bool:
    """Is the word (with its marks) one that usually starts a sentence ("The", "This", "In")?"""
    return re.sub(r"\W", "", word).lower() in _OPENERS


def _token_before(text: str, end: int) -> str:
    """The run of non-space characters before `end`, without leading brackets or quotes."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip("([{\"'“‘")


def _next_word(text: str, pos: int) -> str:
    m = re.compile(r"\s*(\S+)").match(text, pos)
    return m.group(1).lstrip("([{\"'“‘*") if m else ""


def split_blocks(blocks: Sequence[Block]) -> list[Sentence]:
    """All sentences of a document, block by block. Words of the same text share one string,
    and offsets of the same value one number: a page of a million words says "the" and
    reaches offset 300 of a block thousands of times, and keeps each word to the end."""
    out: list[Sentence] = []
    texts: dict[str, str] = {}
    offsets: dict[int, int] = {}
    for index, block in enumerate(blocks):
        out.extend(split_block(block, index, texts, offsets))
    return out


def split_block(block: Block, index: int = 0, texts: dict[str, str] | None = None,
                offsets: dict[int, int] | None = None) -> Iterable[Sentence]:
    """The sentences of one block; `texts` and `offsets` give each word the string and the
    numbers an earlier word with the same has (see `split_blocks`)."""
    text = block.text
    text_of = (texts if texts is not None else {}).setdefault
    offset_of = (offsets if offsets is not None else {}).setdefault
    make = Word._make  # as in `words`
    left_out = _not_words(text)
    for s, e in sentence_spans(text):
        found = []
        for m in WORD.finditer(text, s, e):
            start, end = m.span()
            if left_out and within(left_out, start):
                continue  # a reference's number, or part of an address
            word = m.group()
            found.append(make((text_of(word, word), offset_of(start, start),
                               offset_of(end, end))))
        if found:
            yield Sentence(block, index, s, e, tuple(found))


def _not_words(text: str) -> list[tuple[int, int]]:
    """Where the text holds what is not words of its sentences, in order: marks of references
    ("[12]") and web addresses, written out or left by a link whose markup was lost
    ("https://www.cancer.gov/about", "](/publications/pdq)": `written_links`), which a reader
    does not read as words of the sentence ("Our Editorial Boards ... independent of
    NCI.](/publications/pdq/editorial-boards)" has 18 words, not 21)."""
    spans = [m.span() for m in CITATION.finditer(text)] if "[" in text else []
    spans.extend(written_links(text))
    if not spans:
        return spans
    spans.sort()
    merged = [spans[0]]
    for start, end in spans[1:]:
        if start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# -- addresses and spelled-out abbreviations, found in linear time --------------------------

_LINK_END = r"\]\([^)\s]*\)?"  # the end of a Markdown link, written out: "](/a/b)"
_MAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# A link, a web or an email address: ADDRESS.finditer(text) is what `address_spans` finds.
ADDRESS = lazy_re(_LINK_END + r"|(?:https?://|www\.|\bdoi:)\S+|\S*/[\w.-]+/\S*|" + _MAIL)
# The same without its third part (a path: "a/b/c").
_ADDRESS_NO_PATH = lazy_re(_LINK_END + r"|(?:https?://|www\.|\bdoi:)\S+|" + _MAIL)
_ADDRESS_START = lazy_re(r"(?=\]\(|(?:https?://|www\.|\bdoi:)\S)")  # the first two parts
_PATH_SLASH = lazy_re(r"/(?=[\w.-]+/)")
_MAIL_AT = lazy_re(r"(?<=[\w.+-])@(?=[\w-]+(?:\.[\w-]+)+)")
_MAIL_NAME = lazy_re(r"[\w.+-]+")
# Longer runs of non-space characters than this are read with `_long_token_addresses`.
_LONG_TOKEN = lazy_re(r"\S{65,}")


_WRITTEN_LINK = lazy_re(_LINK_END + r"|(?:https?://|www\.)\S+")


def written_links(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each link address written out in text, in order: the end of a
    Markdown link the parser could not read ("](/research/participate)") or a web address; not
    words joined by slashes ("participate/volunteer")."""
    if "](" not in text and "://" not in text and "www." not in text:
        return []
    return [m.span() for m in _WRITTEN_LINK.finditer(text)]


def run_start(text: str, end: int, one: re.Pattern[str]) -> int:
    """Where the run of characters that each match `one` (a pattern of one character) and
    end at text[end] starts. Read from the end: the tests that ask what a text ends with
    ("... word:", "... .\")", "...](/path)") so cost time in step with the run, where a
    pattern anchored at the end and searched from each place costs its square."""
    start = end
    while start > 0 and one.match(text, start - 1):
        start -= 1
    return start


# Where the address of a link card whose markup the page lost starts: "Learn about
# ...](/types/breast/...)".
_CARD_ADDRESS = lazy_re(r"\]\((?:/|https?://)")
_IN_AN_ADDRESS = lazy_re(r"[^)\s]")


def ends_lost_link(text: str) -> bool:
    """Does the text end a link whose markup the page lost, so that all of it is a link's text
    (a card's blurb: "Learn about lumpectomy, ... risks.](/types/breast/...)"): "](" and an
    address, with no space nor ")" in it up to the end (a ")" and spaces may close it)?"""
    end = len(text.rstrip())
    if end and text[end - 1] == ")":
        end -= 1
    return _CARD_ADDRESS.search(text, run_start(text, end, _IN_AN_ADDRESS), end) is not None


def address_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each address in text, in order: what ADDRESS.finditer finds.

    The expression alone, at each place of a long run of letters, reads to the end of the
    run looking for a "/" or an "@" that is not there: time that grows with the square of
    the run's length. Every address lies inside one run of non-space characters, so runs of
    up to 64 characters are left to the expression and longer ones are read in one pass."""
    spans: list[tuple[int, int]] = []
    if "/" not in text and "@" not in text and "](" not in text and "www." not in text and \
            "doi:" not in text:
        return spans  # every address has one of these
    last = 0
    for token in _LONG_TOKEN.finditer(text):
        spans.extend(m.span() for m in ADDRESS.finditer(text, last, token.start()))
        spans.extend(_long_token_addresses(text, *token.span()))
        last = token.end()
    spans.extend(m.span() for m in ADDRESS.finditer(text, last))
    return spans


def _long_token_addresses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """ADDRESS.finditer(text, start, end) for one run of non-space characters, with the
    expression tried only where one of its parts matches: a link or web address starts
    there; a path ("/name/") follows it in the run; or it is in a run of name characters
    that ends with "@" and a domain."""
    starts = [m.start() for m in _ADDRESS_START.finditer(text, start, end)]
    last_path = max((m.start() for m in _PATH_SLASH.finditer(text, start, end)), default=-1)
    ats = [m.start() for m in _MAIL_AT.finditer(text, start, end)]
    name_start = {m.end(): m.start() for m in _MAIL_NAME.finditer(text, start, end)} \
        if ats else {}
    at = start
    while at < end:
        i = bisect.bisect_left(starts, at)
        found = starts[i] if i < len(starts) else end
        if at <= last_path:
            found = at
        j = bisect.bisect_right(ats, at)
        if j < len(ats):
            found = min(found, max(at, name_start[ats[j]]))
        if found >= end:
            return
        m = (ADDRESS if found <= last_path else _ADDRESS_NO_PATH).match(text, found, end)
        if m is None:  # cannot happen; kept so the loop always moves on
            at = found + 1
            continue
        yield m.span()
        at = m.end()


def within(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Is offset inside one of these spans (in order, not overlapping)?"""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and offset < spans[i][1]


# An abbreviation in brackets after the words it stands for: "Post-Traumatic Stress (PTS)".
# SPELLED_OUT.finditer(text) finds what `spelled_out` finds.
SPELLED_OUT = lazy_re(r"\w[\w-]*(?:\s+\w[\w-]*)+\s+\(([A-Z][A-Za-z0-9-]{1,10})\)")
_BRACKETED = lazy_re(r"\(([A-Z][A-Za-z0-9-]{1,10})\)")
# Read backwards from the "(": white space, a word that starts with a letter or digit, white
# space, and a word with a letter or digit in it.
_WORDS_BEFORE_REVERSED = lazy_re(r"\s+[\w-]*\w\s+-*\w")


def spelled_out(text: str) -> list[str]:
    """Each abbreviation that SPELLED_OUT finds in text (its group 1), in order.

    The expression alone reads every following word again from each word of a long run
    with no "(ABC)" at its end; here each bracketed abbreviation is found once, and the two
    words it needs before it are read backwards, in time linear in the text's length."""
    found = []
    backwards = ""
    for m in _BRACKETED.finditer(text):
        if not backwards:
            backwards = text[::-1]
        if _WORDS_BEFORE_REVERSED.match(backwards, len(text) - m.start()):
            found.append(m.group(1))
    return found


# A pronunciation key: "(OH-sih-MER-tih-nib MEH-zih-layt)", "(ATH-er-o-skler-O-sis)": three
# or more short syllables joined by hyphens, some in capitals (the stressed ones), some not.
PRONUNCIATION_KEY = lazy_re(r"\(\s*([A-Za-z]{1,6}(?:-[A-Za-z]{1,6}){2,}"
                            r"(?:\s+[A-Za-z]{1,6}(?:-[A-Za-z]{1,6})*)*)\s*\)")


def is_pronunciation_key(m: re.Match[str]) -> bool:
    """Is a match of PRONUNCIATION_KEY a key, some syllables in capitals and some not (not a
    code such as "(T-DM1-X)")?"""
    parts = re.split(r"[-\s]+", m.group(1))
    return any(len(p) >= 2 and p.isupper() for p in parts) and any(p.islower() for p in parts)


# A key written with spaces between its syllables, not hyphens: "Psoriasis (sow RYE uh sis)",
# with the word it says before it.
_SPACED_KEY = lazy_re(r"\(\s*((?:[A-Za-z]{1,5}\s){2,7}[A-Za-z]{1,5})\s*\)")
_KEYED_WORD = lazy_re(r"([A-Za-z]{4,})\s?$")  # (looked for in the 40 characters before)
# Small words a bracket of names or abbreviations holds ("(CT or MRI)", "(the VHL gene)",
# "(also known as CML)"), which a key's syllables are not.
_NOT_SYLLABLES = frozenset("a an and as also by for in is known not of on or the to with".split())
# How alike the word and the key's letters must be (difflib's ratio): "psoriasis" and
# "sowryeuhsis" 0.6; "imaging" and "ctormri" 0.14.
KEY_LIKENESS = 0.4


@lru_cache(maxsize=64)  # (asked for each bracket and each term of a block)
def spaced_pronunciation_keys(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text has pronunciation keys written with spaces (the brackets' start and
    end): some syllables in capitals and the rest in small letters (of four letters at most),
    none a small word, about as many as the word before has syllables (one more or fewer),
    and their letters like its letters."""
    if "(" not in text:
        return ()
    found = []
    for m in _SPACED_KEY.finditer(text):
        keyed = _KEYED_WORD.search(text, max(0, m.start() - 40), m.start())
        if keyed is None or text[keyed.start(1) - 1:keyed.start(1)].isalpha():
            continue  # (no word, or one longer than is looked at)
        word, parts = keyed.group(1), m.group(1).split()
        if not (any(len(p) >= 2 and p.isupper() for p in parts) and
                all(p.isupper() or p.islower() for p in parts) and
                any(p.islower() for p in parts)) or \
                any(p.lower() in _NOT_SYLLABLES or p.islower() and len(p) > 4 for p in parts):
            continue
        from difflib import SequenceMatcher  # (only for a bracket of that shape)

        from .syllables import default_counter
        if abs(default_counter().count(word) - len(parts)) <= 1 and SequenceMatcher(
                None, word.lower(), "".join(parts).lower()).ratio() >= KEY_LIKENESS:
            found.append(m.span())
    return tuple(found)
