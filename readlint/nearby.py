"""What the text around a term says of it, beyond an explanation right beside it.

`explanations.explained` reads the words right around a term ("prognosis (chance of
recovery)", "called ...", "X is a ..."). Editors also explain a term a little further away, or
let the sentence say what kind of thing it is; a reader is not lost there either:

- later in its sentence, in brackets: "Sometimes hemophagocytic syndrome occurs (a serious
  condition in which ...)";
- by a name given to what was just described: "Some survivors call this feeling
  'scanxiety'", "The tube is called a shunt";
- in the next sentence, which starts with a word pointing back at it: "bispecific T-cell
  engagers (BiTEs). These drugs attach to immune cells ..." (a bare "It" or "They" points at
  what the sentence is about: not at "microtubules" in "Vinca alkaloids interfere with
  microtubules. They block ...");
- in brackets where it is used again, in the next sentence: "... during mitosis). It blocks
  cell growth by stopping mitosis (cell division).";
- as the subject of its own sentence, with a few words between: "Childhood undifferentiated
  embryonal sarcoma of the liver is a rare cancer that ...";
- under its own heading, or in the paragraph after a list item or label that names it:
  "- Medulloepitheliomas" then "Medulloepithelioma is a fast-growing tumor ...";
- in a paragraph a little further down that opens with it and says what it is or does:
  "... cold knife conization or LEEP." then "Cold knife conization uses a scalpel to ...";
- by its kind: "Two diuretics used to treat edema are hydrochlorothiazide and furosemide",
  "the synuclein gene SCNA", "this form of selenium", "substances, vanillylmandelic acid
  (VMA) and homovanillic acid (HVA), that are made when ...";
- as one of the kinds a sentence announces: "It is classified in CMT4A, CMT4B1, ...".

Each test works on one block's text (and, for the blocks after it, the document), in time
linear in the text.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from .blocks import Block
from .document import Document
from .explanations import (
    ROLES,
    WHAT_IS_DONE,
    is_explanation,
    pointing_at_a_plural,
    word_before,
)
from .patterns import lazy_re
from .vocabulary import (
    DRUG_ENDINGS,
    STOPWORDS,
    everyday_health,
    is_acronym,
    is_medical_form,
    word_zipf,
)
from .wordforms import (
    a_noun_not_adjective,
    an_english_word,
    can_be_verb,
    case_folded,
    fold,
    only_a_verb,
)

_SENTENCE_END = lazy_re(r"[.!?](?=[\"”')\]]*(?:\s|$))")
_WORD = lazy_re(r"[^\W_]+")


@lru_cache(maxsize=64)
def _sentence_ends(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence around text[start:end] begins and ends. (The full stops of a text
    are found once, then looked up by binary search.)"""
    ends = _sentence_ends(text)
    i = bisect.bisect_right(ends, start) - 1
    begin = ends[i] if i >= 0 else 0
    j = bisect.bisect_right(ends, end)
    while j < len(ends) and ends[j] - 1 < end:
        j += 1
    return begin, (ends[j] if j < len(ends) else len(text))


# A bracket later in the sentence that says what something is: "(a serious condition in which
# ...)", "(an infection of the ...)", "(the part of the ...)".
_EXPLAINING_BRACKET = lazy_re(r"\(\s*(?:an?|the|which|when|where|also called|called|"
                              r"sometimes called|known as)\s+[^()]{6,}\)", re.I)


def bracket_later(text: str, start: int, end: int) -> bool:
    """Is there an explaining bracket later in the term's sentence, with no other bracket
    between ("hemophagocytic syndrome occurs (a serious condition in which ...)")?"""
    _, stop = sentence_span(text, start, end)
    m = _EXPLAINING_BRACKET.search(text, end, min(stop, end + 300))
    return m is not None and "(" not in text[end:m.start()]


# The second of two terms in brackets after the plain words that name both: "the space behind
# the nose (nasal cavity and paranasal sinuses)", "heart muscle disease (myopathy or
# cardiomyopathy)"; not "(with or without ...", "(one guanine and two adenines)".
_SECOND_IN_BRACKETS = lazy_re(r"([^\W\d_][\w'’-]*)\s*\(\s*"
                              r"(?:(?!(?:with|without|and|or|the|an?|one|two|three|of|in|to|for|"
                              r"see|such|like|either|both|including|especially|usually|mainly|"
                              r"mostly|except)\s)[a-z][\w-]{2,}\s+){1,2}(?:and|or)\s+$")
_BRACKET_ENDS = lazy_re(r"\s*\)")
PLAIN_NAMING_ZIPF = 3.5  # the word before the bracket, as common as "nose" or "vessels"


def second_in_brackets(text: str, start: int, end: int, kinds: bool = True) -> bool:
    """Is the term the second of two in brackets right after the plain words that name them
    ("the space behind the nose (nasal cavity and paranasal sinuses)")? The first is
    explained so (`explanations.explained`), and the second as well. Plain words: the one
    before the bracket is a common one ("nose", not "taxane" of "A taxane (docetaxel or
    paclitaxel)", which names only their kind). Only with `kinds`: for a link, the words
    before the bracket often give only the kind ("Two tests (colonoscopy or
    sigmoidoscopy)", "the type of cervical cancer (adenocarcinoma or squamous cell
    carcinoma)"), which a link explains better."""
    if not kinds or _BRACKET_ENDS.match(text, end) is None:
        return False
    m = _SECOND_IN_BRACKETS.search(text, max(0, start - 80), start)
    return m is not None and word_zipf(m.group(1)) >= PLAIN_NAMING_ZIPF


# "Some cancer survivors call this feeling 'scanxiety'", "The tube is called a shunt",
# "This is known as X".
_NAMED_AS = lazy_re(r"\b(?:calls?|called|name[sd]?|known\s+as|referred\s+to\s+as|termed)"
                    r"\s+(?:(?:this|these|that|it|them|the\s+\w+)\s+(?:\w+\s+)?)?"
                    r"(?:an?\s+|the\s+)?[\"“‘']?(?:[\w-]+\s+){0,3}?(?:(?:or|and)\s+)?"
                    r"(?:an?\s+|the\s+)?[\"“‘']?$", re.I)


# "If they make too much PTH, you have hyperparathyroidism": the sentence says what it is.
_IF_YOU_HAVE = lazy_re(r"\b[Ii]f\s+[^.;:]{5,150},\s+(?:you|they|he|she|the\s+person|a\s+person|"
                       r"people|your\s+child)\s+(?:have|has|may\s+have|might\s+have)\s+"
                       r"(?:an?\s+)?$")


def named_as(text: str, start: int) -> bool:
    """Is the term the name given to what the sentence described ("call this feeling
    'scanxiety'", "is called a shunt", "If they make extra PTH, you have
    hyperparathyroidism")?"""
    return _NAMED_AS.search(text, max(0, start - 40), start) is not None or \
        _IF_YOU_HAVE.search(text, max(0, start - 200), start) is not None


# "NIH: National Institute of Arthritis and ...": an abbreviation keyed to its long name
_KEYED_NAME = lazy_re(r":\s+(?:[A-Z][\w'’.-]*,?\s+(?:(?:of|and|on|for|the|in|&)\s+)*){2,}")


def keyed_to_its_name(text: str, start: int, end: int) -> bool:
    """Is the abbreviation followed by a colon and its long name ("NIH: National Institute of
    Arthritis and Musculoskeletal and Skin Diseases"), as source lines write it?"""
    term = text[start:end]
    return term.isupper() and len(term) >= 2 and _KEYED_NAME.match(text, end) is not None


_GENE_AFTER = lazy_re(r"\s*(?:\(\s*([\w*-]+)\s*\)\s*)?genes?\b")


def in_gene_name(text: str, end: int) -> bool:
    """Does "gene" follow the term, so that it names the gene, not the illness ("the
    retinoblastoma (*RB1*) gene")? In the brackets, a gene's symbol of 1 to 12 letters,
    digits or dashes, with marks of emphasis around it (read apart from the pattern: marks
    and letters side by side in it cost the square of a long run of "_")."""
    m = _GENE_AFTER.match(text, end)
    return m is not None and (m.group(1) is None or _a_symbol(m.group(1)))


def _a_symbol(inside: str) -> bool:
    """Is the text of the brackets (letters, digits, "_", "*", "-") a symbol of 1 to 12
    letters, digits, dashes or "_", with only "*" and "_" around it ("*RB1*", "__x__")?"""
    symbol = inside.strip("*_")
    if not symbol:
        return "_" in inside  # a symbol of "_" alone, with "*" and "_" around it
    return len(symbol) <= 12 and "*" not in symbol


_RESOURCE = lazy_re(r"(?:[A-Z][\w'’.-]*|of|and|for|the|on|in|&)"
                    r"(?:\s+(?:[A-Z][\w'’.-]*|of|and|for|the|on|in|&))+:\s+\S[^.!?]*")


def resource_title(block: Block) -> bool:
    """A list item that names an outside resource by its source and its title ("Genetic
    Testing Registry: Familial hypokalemia", "MedlinePlus Encyclopedia: Hallervorden-Spatz
    Disease"): the title is the other publisher's, not the writer's to explain or link."""
    return block.kind == "list_item" and _RESOURCE.fullmatch(block.text.strip(" *_")) is not None


def titles_links(doc: Document, block_index: int) -> bool:
    """Is the block the title of the links that follow it, as on a list of pages: "Grief,
    Bereavement, and Coping With Loss (PDQ®)" then "patient | health professional", in the
    same paragraph or in the next list item? A title is another page's name, not the
    writer's sentence to explain."""
    block = doc.blocks[block_index]
    if block.links:
        first = block.links[0].start
        title = block.text[:first]
        return len(block.links) >= 2 and bool(title.strip()) and \
            len(title.split()) <= _TITLE_WORDS and not _ENDS_SENTENCE.search(title) and \
            _only_links(block, first)
    if block.kind != "list_item" or block_index + 1 >= len(doc.blocks):
        return False
    below = doc.blocks[block_index + 1]
    return below.kind == "list_item" and len(below.links) >= 2 and _only_links(below, 0) and \
        len(block.text.split()) <= _TITLE_WORDS and not _ENDS_SENTENCE.search(block.text)


def _only_links(block: Block, start: int) -> bool:
    """Is block.text from `start` on only links, with "|" between them ("patient | health
    professional")?"""
    at = start
    between = []
    for link in block.links:
        if link.start < start:
            continue
        between.append(block.text[at:link.start])
        at = link.end
    between.append(block.text[at:])
    return all(not part.strip(_BETWEEN_LINKS) for part in between) and \
        all("|" in part for part in between[1:-1])


_TITLE_WORDS = 15
_BETWEEN_LINKS = " \t\n\xa0|"
_ENDS_SENTENCE = lazy_re(r"[.!?:]\s*$")


_POINTING_BACK = lazy_re(r"\s*(?:(?:Normally|Usually|Typically|Often|Sometimes|Also),\s+"
                         r"(?=[a-z])|(?=[A-Z]))(This|These|That|Those|It|They|Such|this|these|"
                         r"that|those|it|they)\b"
                         r"(?:\s+(?:form|type|kind|sort)s?\s+of(?P<kind>(?:\s+[a-z]+){1,2}))?"
                         r"(?(kind)|(?!\s+(?:form|type|kind|sort)s?\s+of\b)(?:\s+[a-z]+){0,2})"
                         r"\s+(?:is|are|was|were|can|may|will|work|works|attach|attaches|"
                         r"help|helps|block|blocks|cause|causes|make|makes|mean|means|"
                         r"happen|happens|occur|occurs|include|includes|affect|affects|"
                         r"involve|involves|use|uses|target|targets|kill|kills|stop|stops|"
                         r"keep|keeps|carry|carries|fight|protect|grow|[a-z]+s)\b")


def next_sentence_points_back(text: str, start: int, end: int) -> bool:
    """Does the next sentence start by pointing back at what the term names ("... engagers
    (BiTEs). These drugs attach to immune cells ...")? The term must end its sentence, or be
    the last thing named in it, so the pointing word means it."""
    _, stop = sentence_span(text, start, end)
    if stop - end > 80 or len(_WORD.findall(text, end, stop)) > 4:
        return False  # other things are named after it in its sentence
    m = _POINTING_BACK.match(text, stop)
    if m is None:
        return False
    if m.group("kind") and not _of_its_kind(text[start:end], m.group("kind")):
        return False  # "This type of lymphoma ..." after a term that is no lymphoma
    pointer = m.group(1).capitalize()  # (small after an opening word: "Normally, this")
    if pointer in _BARE_POINTERS and \
            not _subject_is_term_or_person(text, start, end, pointer):
        return False  # "It" and "They" mean what the sentence was about, not its last word
    return not pointing_at_a_plural(pointer, text[start:end])


def _of_its_kind(term: str, kind: str) -> bool:
    """Can "this form of KIND" mean the term: the kind is what the term's last word names
    ("acral lentiginous melanomas ... These types of melanoma"), or a kind of thing the
    term may be ("eosinophils. These types of cells")?"""
    words = {fold(w) for w in kind.split()}
    return fold(term.split()[-1]) in words or bool(words & _THING_KINDS)


_THING_KINDS = frozenset("cell drug medicine medication test protein gene enzyme hormone "
                         "bacterium bacteria virus".split())


# "It" and "They" alone (not "These drugs") stand for the subject of the sentence before.
# "It" cannot be a person, so after one it may mean the term: in "Your doctor may suggest a
# cholecystectomy. It removes the gallbladder", the operation ("They" after "Doctors ..." is
# the doctors; "It" after "People with this condition ..." is the condition).
_BARE_POINTERS = frozenset({"It", "They"})
_PERSON_SUBJECT = lazy_re(
    r"[\s*_\"“]*(?:(?:If|When|After|Before|During|Then|Sometimes|Often|Usually|First|Next)"
    r"\b[^,]{0,80},\s*)?"
    r"(?:you|we|I|he|she|(?:your|the|a|an)\s+"
    r"(?:doctor|surgeon|physician|nurse|oncologist|radiologist|pathologist|specialist|"
    r"health care (?:provider|team|professional)|care team|provider|team))\b", re.I)


def explained_at_next_use(text: str, start: int, end: int) -> bool:
    """Is the term explained in brackets where it is used again, in its own sentence or the
    next ("chromosomes during mitosis). It blocks cell growth by stopping mitosis (cell
    division).")? A reader meets the explanation a moment later."""
    term = text[start:end]
    _, stop = sentence_span(text, start, end)
    _, next_stop = sentence_span(text, stop, stop)
    next_stop = min(next_stop, end + _NEXT_USE_REACH)  # (a "sentence" of a whole page, with
    # no full stop, is not searched again for each term in it)
    at = text.find(term, end, next_stop)
    while at >= 0:
        after = at + len(term)
        if not _inside_a_word(text, at, after) and _stands_alone(text, at, start):
            m = _PLAIN_BRACKET.match(text, after)
            if m and term not in m.group(1) and is_explanation(m.group(1), term, False):
                return True
        at = text.find(term, at + 1, next_stop)
    return False


_NEXT_USE_REACH = 3_000  # characters: the next use of the term a moment later


def _stands_alone(text: str, start: int, first: int) -> bool:
    """Is the word before text[start:] one that is no part of a term's name: a small word, a
    verb ("stopping mitosis (cell division)"; not "an ictal EEG (recorded during a seizure)",
    whose explanation is of "ictal EEG"), or the word before its first use at `first` ("the
    urethral sphincter ... the urethral sphincter (group of muscles ...)")?"""
    word = word_before(text, start).lower()
    if not word:
        return True
    if word in STOPWORDS or word.endswith(("ing", "ed")) or only_a_verb(word):
        return True
    return word_before(text, first).lower() == word


# Plain words in brackets: not what goes with the term ("with pheochromocytoma", "together
# known as PET-CT", "usually by vein", "which caused ..."), a reference or figures
# ("objective response rate [ORR], 68% ..."), examples ("dopamine, serotonin") or a
# pronunciation ("vin-BLAS-teen").
_PLAIN_BRACKET = lazy_re(r"\s*\(\s*(?!(?:with|without|see|for|in|on|at|and|or|but|from|as|"
                         r"by|including|especially|together|which|that|who|whose|where|when|"
                         r"[a-z]+ly|e\.g\.|i\.e\.)\b)"
                         r"([a-z][^()\[\]\d,A-Z]{2,200})\)")


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """Is text[start:end] part of a longer word (a letter or digit right before or after)?"""
    return start > 0 and text[start - 1].isalnum() or end < len(text) and text[end].isalnum()


def _subject_is_term_or_person(text: str, start: int, end: int, pointer: str) -> bool:
    """May a bare "It" or "They" after the term's sentence mean the term? Yes when the term is
    the subject: it opens the sentence (after an article, or a phrase and a comma: "At this
    stage, microaneurysms occur"), or only a verb follows it ("... microaneurysms occur.");
    or, for "It", when the subject is one person. Not after "X is a term": "Vitamin E is an
    antioxidant. It plays a role in ..." goes on about vitamin E."""
    begin, stop = sentence_span(text, start, end)
    if _ONLY_AN_ARTICLE.fullmatch(text, begin, start) or \
            _OPENING_PHRASE.fullmatch(text, begin, start) or \
            pointer == "It" and _PERSON_SUBJECT.match(text, begin, start):
        return True
    last = _LAST_WORD.fullmatch(text, end, stop)
    return last is not None and only_a_verb(last.group(1))


_OPENING_PHRASE = lazy_re(r"[\s*_\"“]*(?:At|In|On|During|After|Before|When|If|As|For|By|From|"
                          r"Over|Since|Once|Later|Then|However|Sometimes|Often|Usually|"
                          r"Rarely|Eventually|First|Also)\b[^,.;:()]{0,60},\s+"
                          r"(?:(?:an?|the)\s+)?")
_LAST_WORD = lazy_re(r"\s+(?:[a-z]+ly\s+)?([a-z]{3,})[\"”')\]]*[.!?][\"”')\]]*\s*")


_COUNTS = frozenset("two three four five six seven eight nine ten both all".split())
_COMMON_HEAD = 4.0  # a word this common in English (Zipf) says nothing of the term it ends
# A verb that says what a thing is or does ("bounces", "are located"), not what is done with
# it or how long it takes ("is done", "takes", "leaves").
_DESCRIBING = lazy_re(r"is|are|can|may|helps?|works?|"
                      r"(?!was|has|does|takes|lasts|leaves|happens|goes)[a-z]{3,}[^s\W]s")
# (asked of the text between a term and its sentence's end with the spaces at both ends left
# out, and the closing marks around its stop read as one run when there is no stop: two runs
# that can share the same characters, side by side, cost the square of a long run's length,
# "    " or "))))")
_SENTENCE_TAIL = lazy_re(r"(?:\([^()]{0,80}\))?[\"”')\]]*(?:[.!?][\"”')\]]*)?")
_DONE_TO = lazy_re(r"(?:is|are)\s+(?:[a-z]+ly\s+)?(?:done|performed|given|used|scheduled|"
                   r"needed|repeated|removed|taken|put|placed|inserted|planned|advised)\b")
_BEING = frozenset("is are can may was were".split())
_ONLY_AN_ARTICLE = lazy_re(r"[\s*_\"“]*(?:(?:An?|The)\s+)?")
_NEXT_ABOUT_HEAD = lazy_re(r"\s*(?:The|This|That|These|Those|Each|An?)\s+([\w-]+)\s+[a-z]")


def _stripped(text: str, start: int, end: int) -> tuple[str, int, int]:
    """text, and where text[start:end] starts and ends without the spaces at its ends."""
    part = text[start:end]
    lo = start + len(part) - len(part.lstrip())
    return text, lo, max(lo, end - len(part) + len(part.rstrip()))


def next_sentence_on_its_head(text: str, start: int, end: int) -> bool:
    """Does the next sentence go on about what the term names, by its last word ("... an
    ultrasound transducer. The transducer bounces sound waves ...", "... the parathyroid
    glands. The four parathyroid glands are ...")? The term must end its sentence, or start
    it ("An ultrasound transducer connected to a computer is pressed against the skin. The
    transducer bounces sound waves ...")."""
    begin, stop = sentence_span(text, start, end)
    # a term that starts its sentence has something said of it there: the next sentence
    # must say what it does ("The transducer bounces"), not how it is ("The prognosis is
    # better ...") or what became of it ("The MRI results are ...")
    opens = not _SENTENCE_TAIL.fullmatch(*_stripped(text, end, stop))
    if opens and not _ONLY_AN_ARTICLE.fullmatch(text, begin, start):
        return False  # something else is said of it after it in its sentence
    last = text[start:end].split()[-1]
    if word_zipf(last) >= _COMMON_HEAD:
        return False  # "... metastatic cancer. The cancer ..." says nothing of "metastatic"
    m = _NEXT_ABOUT_HEAD.match(text, stop)
    if m is None:
        return False
    head = fold(last)
    words = text[m.start(1):m.start(1) + 80].split()[:4]
    if words and words[0].lower() in _COUNTS:
        words = words[1:]  # "The four parathyroid glands are ..."
    # its head, then a verb that says what it is or does ("bounces", "are located"), not
    # what happened to it ("The nephrectomy went well", "A second lumpectomy is ...")
    term_words = {fold(w) for w in text[start:end].split()}
    for i in (0, 1):  # "The transducer bounces", "The parathyroid glands are"
        if len(words) > i + 1 and fold(words[i]) == head and \
                all(fold(w) in term_words for w in words[:i]) and \
                _DESCRIBING.fullmatch(words[i + 1]) is not None and \
                not (opens and (words[i + 1] in _BEING or
                                len(words) > i + 2 and words[i + 2] in _BEING)):
            verb = text.find(words[i + 1], m.start(1))
            # "The nephrectomy is done in a hospital": what is done with it, not what it is
            return not _DONE_TO.match(text, verb)
    return False


# Another name or a short form in brackets after a term, before what is said of it: "Radical
# trachelectomy (also called radical cervicectomy) removes ...", "TKIs (tyrosine kinase
# inhibitors) are ...", "Warfarin (Coumadin), ...".
_BRACKETED = r"(?:\s*\([^()]{1,40}\))?"
_DEFINING_VERB = lazy_re(_BRACKETED + r"(?:\s+[\w-]+){0,4}?\s+(?:is|are|means|"
                         r"mean|refers|refer|describes|describe|happens|happen|occurs|"
                         r"occur|causes|cause|affects|affect|develops|develop|starts|"
                         r"start|begins|begin|forms|form|involves?\s+" + WHAT_IS_DONE + r")\b")
# What the term does, said right after it, or after "can", "may" or "will": "Biologic therapy
# boosts your body's own ability to fight cancer", "Antimuscarinics can help relax ..."; not
# "... may not work for everyone", "Cholangiogram results help doctors ...".
_DOES_NEXT = lazy_re(_BRACKETED + r"\s+(?:(?:can|may|will)\s+)?(?:boosts?|helps?|"
                     r"uses?|treats?|kills?|blocks?|stops?|works?|targets?)\b")
_IS_A_WORDS = r"\s+(?:is|are)\s+(?:an?|the|one)\s"
_IS_A = lazy_re(_IS_A_WORDS)
# What it is, not what is done with it, how it is or what causes it: "Radical
# trachelectomy (also called radical cervicectomy) is a ...", "... means", "... refers to";
# not "... is done under general anesthesia", "... is not painful", "... is caused by".
# (things said to be things of a kind that ...: "Lobules are tiny glands that make milk")
# (the words before the plural are words that say which things, not "not", a preposition or
# what is done with them: "are caused by changes that", "are given in clinics where")
_SAYS_WHAT = lazy_re(_BRACKETED + r"(?:" + _IS_A_WORDS + r"|\s+(?:means|mean|refers|refer|"
                     r"describes|describe)\b|\s+are\s+(?:(?!(?:not|never|by|in|with|at|on|for|"
                     r"to|from|of|given|taken|done|made|seen|found|sold|used|[a-z]+ed)\b)"
                     r"[a-z-]+\s+){0,2}[a-z]{3,}s\s+(?:that|which|in\s+which|where)\b)")
_LATER_SENTENCES = 3


def next_sentence_defines(text: str, start: int, end: int) -> bool:
    """Does one of the next few sentences of the paragraph start with the term (in any form)
    and say what it is or does ("... autosomal recessive pattern. Autosomal recessive
    inheritance means both copies ...", "... is osteoarthritis. Osteoarthritis causes pain,
    swelling ...", "hemoglobin and hematocrit levels. Hemoglobin is ... Hematocrit is a
    measure of ...", "... uses a sigmoidoscope. ... A sigmoidoscope is a thin, tube-like
    instrument ...")?"""
    words = [fold(w) for w in _WORD.findall(text, start, end)]
    if not words:
        return False
    ends = _sentence_ends(text)
    i = bisect.bisect_left(ends, end)
    for stop in ends[i:i + _LATER_SENTENCES]:
        if stop >= len(text):
            return False
        if _opens_defining(text, stop, words):
            return True
    return False


def _opens_defining(text: str, at: int, words: list[str], strict: bool = False) -> bool:
    """Does the sentence at text[at:] start with the term (its folded `words`, maybe after
    an article) and say what it is or does? `strict`: only what it is ("is a ...", "means",
    "refers to") or does ("uses", "treats"), not what it causes, how it is or what is done
    with it. After an article, only "is a ..." counts, strict or not."""
    found = list(_WORD.finditer(text, at, min(len(text), at + 200)))[:len(words) + 1]
    verb = _SAYS_WHAT if strict else _DEFINING_VERB
    if found and found[0].group().lower() in ("a", "an", "the") and words[0] not in (
            "a", "an", "the"):
        # "A sigmoidoscope is a thin, tube-like instrument ...", not "The nephrectomy is
        # done in a hospital": after an article, only "is a ..." defines
        found, verb = found[1:], _IS_A
    found = found[:len(words)]
    # what it does ("uses", "treats") says what it is too, but not after an article
    does_too = verb is not _IS_A
    return bool(found) and [fold(m.group()) for m in found] == words and \
        not re.sub(r"\b(?:an?|the)\b", "", text[at:found[0].start()],
                   flags=re.I).strip(" \"“*_") and \
        (verb.match(text, found[-1].end()) is not None or
         does_too and _DOES_NEXT.match(text, found[-1].end()) is not None)


def defined_further_on(doc: Document, block_index: int, term: str) -> bool:
    """Does a paragraph or list item a little further down (among the next 8 blocks,
    headings of lower levels counted, not past a heading of level 1 or 2 nor a line standing
    for an empty heading's text), not an image's caption, open with the term and say what it
    is or does ("... a cone biopsy, with a cold knife conization or LEEP.", then a paragraph
    on "Cold knife conization uses a scalpel to remove a cone-shaped piece of tissue ...";
    "The subserosa is a thin layer ...", "Lobules are tiny glands that make milk"), or name
    it after saying what it is ("... a rare type of heart failure during pregnancy called
    peripartum cardiomyopathy")? A reader meets the explanation a moment later.
    Further away than the next sentence, only "is a ...", "means" or what it does counts,
    not what it causes ("Proteinuria may cause ..."), how it is or what is done with it
    ("... is done under general anesthesia")."""
    words = [fold(w) for w in _WORD.findall(term)]
    if not words:
        return False
    last = min(len(doc.blocks), block_index + 1 + _BLOCKS_FURTHER_ON)
    for index in range(block_index + 1, last):
        block = doc.blocks[index]
        if block.kind == "heading" and block.level <= _MAJOR_SECTION or \
                index in doc.heading_lines:
            return False  # another part of the page (or a heading's text written as a line)
        if block.kind in ("paragraph", "list_item") and index not in doc.captions and \
                (_opens_defining(block.text, 0, words, strict=True) or
                 _called_there(block.text, term)):
            return True
    return False


def characterized(text: str, start: int, end: int) -> bool:
    """Does the text say what the term is like, right after it: as the subject its sentence
    opens with ("Hyperkalemic periodic paralysis is characterized by a rise in potassium",
    "Erythema multiforme is characterized by ..." for "Erythema" too), or in a clause of its
    own ("a "marfanoid habitus" which is characterized by long, slender fingers"); not after
    a word inside the subject ("The pain of pancreatitis is characterized by ...")?"""
    found = _CHARACTERIZED_AFTER.match(text, end)
    if found is None:
        return False
    if found.group("which"):
        return True
    begin, _ = sentence_span(text, start, end)
    return not _ARTICLE_ONLY.sub("", text[begin:start]).strip(" \"“*_")


# What the term is like, said right after it (after up to three more words of its name as the
# subject), or in a clause of its own.
_CHARACTERIZED_AFTER = lazy_re(r"(?:[\"”']?,?\s+(?P<which>which)|(?:\s+[\w'’-]+){0,3}?)"
                               r"\s+(?:is|are)\s+characteri[sz]ed\s+by\b")
_ARTICLE_ONLY = lazy_re(r"\b(?:an?|the)\b", re.I)


def called_later(text: str, end: int, term: str) -> bool:
    """Does the rest of the paragraph name the term after saying what it is ("... draws your
    blood into a tube. The tube takes the blood to a filter, called a dialyzer.", after "flows
    to the dialyzer")? A reader meets the explanation a moment later."""
    return _called_there(text, term, end)


def _called_there(text: str, term: str, begin: int = 0) -> bool:
    """Does the text from `begin` on name the term after saying what it is, with "called",
    "known as" or "referred to as" and three words or more before them in the sentence ("... a
    rare type of heart failure during pregnancy called peripartum cardiomyopathy")? Only the
    places right after those words are asked about (`_after_called`), so that a long
    paragraph asked about each of its terms is not read again for each."""
    where = case_folded(term)
    places = _after_called(text)
    for at in places[bisect.bisect_left(places, begin):]:
        if case_folded(text[at:at + len(where)]) == where and \
                not text[at + len(where):at + len(where) + 1].isalnum() and \
                _CALLED_JUST_BEFORE.search(text, max(begin, at - 120), at):
            return True
    return False


@lru_cache(maxsize=64)
def _after_called(text: str) -> list[int]:
    """Where a name may start after "called", "known as" or "referred to as" in the text: after
    the spaces that follow them, and after an article there ("called the urethra"), in order
    (the places `_CALLED_JUST_BEFORE` can end at, before a word)."""
    places = []
    for m in _CALLED_WORDS.finditer(text):
        places.append(m.end())
        article = _ARTICLE_AFTER.match(text, m.end())
        if article:
            places.append(article.end())
    return places


_CALLED_WORDS = lazy_re(r"(?:called|known\s+as|referred\s+to\s+as)\s+", re.I)
_ARTICLE_AFTER = lazy_re(r"(?:an?|the)\s+", re.I)


# Three words of a sentence, then "called" (each word starting after a space or the sentence's
# start, so a long run of letters is read once).
_CALLED_JUST_BEFORE = lazy_re(r"(?<![^\s.!?])(?:[^\s.!?]+\s+){3}(?:called|known\s+as|"
                              r"referred\s+to\s+as)\s+(?:an?\s+|the\s+)?$", re.I)


_BLOCKS_FURTHER_ON = 8
_MAJOR_SECTION = 2  # the level of a heading that starts another part of the page


_SUBJECT_DEFINED = lazy_re(r"(?:\s+(?:of|in|on|at|from|with)\s+(?:the\s+)?[\w-]+){0,2}"
                           + _BRACKETED + r"\s+(?:(?:has|have)\s+(?:an?|only|"
                           r"too|no|low|high|little|a\s+small|a\s+large)\b|"
                           r"(?:is|are)\s+(?:an?|the|one|"
                           r"a\s+(?:rare|common|type|kind|form)|types?\s+of|kinds?\s+of|"
                           r"forms?\s+of|when|how|what)\b)")


# "are" and the things of a kind the subject is, without an article, then words that go on
# to say which ("Your paranasal sinuses are small hollow spaces around the nose", "Tyrosine
# kinase inhibitors (TKIs) are targeted therapy drugs that block ...", "Prednisone and
# budesonide are generic names of two medications"); not "data are sufficient for", nor
# "receptors are colocalized.", nor what is done to them ("are made by stem cells in",
# "are found in patients with", "are measured in units of": no small word before the
# plural). The subject may be a list: "Thalidomide, lenalidomide, and pomalidomide are drugs
# that ...".
_THINGS_OF_A_KIND = lazy_re(_BRACKETED +
                            r"((?:\s*,\s*[\w-]+(?:\s+[\w-]+)?){0,4}(?:\s*,)?\s+(?:and|or)\s+"
                            r"[\w-]+(?:\s+[\w-]+)?)?"
                            r"\s+(?:are|were)\s+"
                            r"(?:(?!(?:by|in|on|at|to|of|for|with|from|into|not|no|than|as|also|"
                            r"often|usually|always|mostly|mainly|rarely|still|now)\s)"
                            r"[a-z][\w-]*\s+){0,3}?([a-z][\w-]*[^isu\W]s)"
                            r"\s+(?:(of|called)|that|which|who|around|in|inside|near|on|made|"
                            r"found|used|where|with|for|from|between|behind|under)\b")
_NOT_THINGS = frozenset({"sometimes", "always", "perhaps", "afterwards", "besides", "towards",
                         "backwards", "nowadays"})
# The names before the term in a list of subjects ("Warfarin (Coumadin), dabigatran, "):
# names, each maybe with its brand, a comma after each, then maybe "and" or "or".
_NAMES_BEFORE = lazy_re(r"(?:[\w-]+" + _BRACKETED + r"\s*,\s*)+(?:(?:and|or)\s*)?")


def subject_defined(text: str, start: int, end: int, kinds: bool = True) -> bool:
    """Is the term the subject of a sentence that says what it is, with a few words between
    ("Childhood undifferentiated embryonal sarcoma of the liver is a rare cancer that ...",
    "Your paranasal sinuses are small hollow spaces around the nose"), or (with `kinds`) a
    name in a list of subjects said to be of a kind ("Warfarin (Coumadin), dabigatran,
    heparin, and aspirin are examples of blood-thinning medicines")? Without `kinds`, a plural
    that only names its kind after the term ("Pembrolizumab and nivolumab are types of PD-1
    inhibitors", "... are drugs called ...") does not say it, nor one said of a list of three
    names or more ("Thalidomide, lenalidomide and pomalidomide are drugs that ...": names,
    whose own links editors give)."""
    begin, _ = sentence_span(text, start, end)
    if start - begin > 120:
        return False  # many words before it: the sentence is about something else
    before = text[begin:start].strip(" *_\"“")
    listed = bool(before) and _NAMES_BEFORE.fullmatch(before) is not None
    if len(_WORD.findall(before)) > 2 and not (kinds and listed):
        return False  # the term is not what the sentence is about
    if _SUBJECT_DEFINED.match(text, end) is not None:
        return True
    kind = _THINGS_OF_A_KIND.match(text, end)
    return kind is not None and kind.group(2).lower() not in _NOT_THINGS and \
        (kinds or not listed and kind.group(3) is None and "," not in (kind.group(1) or ""))


def defined_in_next_block(doc: Document, block_index: int, term: str) -> bool:
    """Is the term the label of a list item or a short line, explained by the next block,
    which starts with it (in any form) and says what it is ("- Medulloepitheliomas", then
    "Medulloepithelioma is a fast-growing tumor ...")? Or the heading of its section?"""
    block = doc.blocks[block_index]
    if len(block.text) > 120 or len(_WORD.findall(block.text)) > 8:
        return False  # (the length first: a long block is no label, whatever its words)
    words = [fold(w) for w in _WORD.findall(term)]
    for nxt in doc.blocks[block_index + 1:block_index + 3]:
        if nxt.kind == "heading":
            return False
        found = [fold(w) for w in _WORD.findall(nxt.text)[:len(words) + 3]]
        if words and found[:len(words)] == words or \
                words and words[-1] in found and _DEFINES.search(nxt.text[:200]):
            return True
    return False


_DEFINES = lazy_re(r"\b(?:is|are)\s+(?:an?|the|one|types?\s+of|kinds?\s+of)\b")


def under_own_heading(doc: Document, block_index: int, term: str) -> bool:
    """Is the term named by the heading of its section ("### CT scan", then "CT scan (CAT
    scan) uses ...", or a title line standing as one over the paragraphs right after it, for a
    term that is not an abbreviation: "Diagnosing HPS" does not say what HPS is) or by the
    plain word for it ("## What is the outlook for Rett Syndrome?", then "... the prognosis
    ...")? The section is about it, and explains it. A heading that asks a question is about
    the term only when it asks what the term is ("## What is prognosis?"), not when it asks
    about something else ("## What affects bile duct cancer prognosis?"). (Both word rules
    ask: undefined-jargon, and glossary-link through `explained_nearby`.)"""
    words = frozenset(fold(w) for w in _WORD.findall(term))
    above: list[_Above] = doc.memo("nearby headings", lambda: _headings_above(doc))
    heading, title = above[block_index]
    return bool(words) and (_names(heading, words) or
                            len(words) == 1 and _HEADING_WORD.get(min(words)) in heading.words
                            or _names(title, words) and not is_acronym(term))


def _names(heading: _Named, words: frozenset[str]) -> bool:
    """Is a heading about the term of these words: it holds them all, and when it asks a
    question it asks what the term is?"""
    # (`asked`, the words a question heading asks about, is no larger than the term's words
    # when it is about the term: compared by size first, so a long heading costs no more)
    asked = heading.asked
    return words <= heading.words and (asked is None or len(asked) <= len(words) and
                                       asked <= words)


def section_before(doc: Document, block_index: int, term: str) -> bool:
    """Is the term the name of a section above, of level 2 or lower, whose heading is the
    term alone, with its abbreviation in brackets or not ("#### Transurethral resection
    (TUR)", then a paragraph: "During TUR, the doctor removes ..."), and that opens with a
    paragraph? The page explained it there, under its own name."""
    words = frozenset(fold(w) for w in _WORD.findall(term))
    named: dict[frozenset[str], int] = doc.memo("nearby named sections",
                                                lambda: _named_sections(doc))
    return bool(words) and named.get(words, block_index) < block_index


def _named_sections(doc: Document) -> dict[frozenset[str], int]:
    """The folded words of each heading of level 2 or lower that a paragraph follows
    (without what it has in brackets), with the first such heading's index."""
    found: dict[frozenset[str], int] = {}
    blocks = doc.blocks
    for index, block in enumerate(blocks[:-1]):
        if block.kind == "heading" and block.level >= 2 and \
                blocks[index + 1].kind == "paragraph":
            words = frozenset(fold(w) for w in _WORD.findall(_BRACKETS.sub(" ", block.text)))
            found.setdefault(words, index)
    return found


_BRACKETS = lazy_re(r"\([A-Z][A-Za-z0-9-]{1,12}\)")  # an abbreviation


# The plain word a section heading asks with, for a term its section then uses: NIH's pages
# ask "What is the outlook for ...?" and answer "The prognosis for ...".
_HEADING_WORD = {"prognosis": "outlook"}
# The words a heading asks about a thing with ("What is a CT scan?", "How is it done?").
_ASKING = STOPWORDS | {"what", "how", "why", "who", "when", "which", "do", "does", "can",
                       "should", "i", "you", "your", "my", "we", "our", "know", "need",
                       "questions", "answers", "facts", "understanding", "overview", "more",
                       "information", "also", "known", "called", "ask"}


def _headings_above(doc: Document) -> list[_Above]:
    """What the heading above each block names (for a heading, the one before it), and what
    a title line (`title_line`) names for the paragraphs right after it, up to the next block
    that is not such a paragraph ("Arteriogram", then "An arteriogram provides a ...": a
    heading that lost its marks)."""
    found: list[_Above] = []
    none = _Named(frozenset(), None)
    heading = title = none
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        found.append(_Above(heading, title))
        if block.kind == "heading":
            heading, title = _named_by(block.text), none
        elif block.kind != "paragraph":
            title = none
        elif title_line(block):
            followed = index + 1 < len(blocks) and blocks[index + 1].kind == "paragraph"
            title = _named_by(block.text) if followed else none
    return found


def _named_by(heading: str) -> _Named:
    """The folded words of a heading, and for one that asks a question the words it asks
    about."""
    words = frozenset(fold(w) for w in _WORD.findall(heading))
    asks = heading.rstrip().endswith("?") or _asks(heading)
    return _Named(words, words - _ASKING if asks else None)


class _Named(NamedTuple):
    words: frozenset[str]  # the folded words of a heading
    asked: frozenset[str] | None  # what it asks about, when it asks


class _Above(NamedTuple):
    heading: _Named  # the heading above
    title: _Named  # a title line standing as a heading of the paragraphs after it, or none


def title_line(block: Block) -> bool:
    """A short paragraph with no full stop that stands as a title ("Lessons learned from
    anamorelin", a drug's brand name on its own): terms are explained in the prose, not in
    titles."""
    text = block.text.strip()
    if block.kind != "paragraph":
        return False
    words = len(text.split())
    return words == 1 or words <= 6 and not ends_a_sentence(text)


def ends_a_sentence(text: str) -> bool:
    """Does the text end with . ! ? : or ;, before any closing marks? (Read from the end, so
    a long run of marks costs its length once, not its square.)"""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        if text[end - 1] in ".!?:;":
            return True
        end -= 1
    return False


def _asks(heading: str) -> bool:
    """Does the heading open with a word that asks ("What", "how"; not "WHO grade 4")?"""
    m = _QUESTION_WORD.match(heading)
    return m is not None and not m.group(1).isupper()


_QUESTION_WORD = lazy_re(r"\W*(what|how|why|who|when|which|where|can|does|do|is|are|should)\b",
                         re.I)


# "Two diuretics used to treat edema are hydrochlorothiazide and furosemide": names after a
# plural kind that the sentence starts with.
_KIND_THEN_NAMES = lazy_re(r"^(?:[\"“*_]*)(?:The\s+|These\s+|Two\s+|Three\s+|Four\s+|Some\s+|"
                           r"Other\s+|Several\s+|Common\s+|Many\s+)?(?:[a-z-]+\s+){0,2}"
                           r"[a-z-]{4,}s\b[^.;:]{0,80}?\b(?:are|include)\s+"
                           r"(?:[^.;:]{0,120}?(?:,|\band\b|\bor\b)\s+)?$")
_ROLES = ROLES  # (what a thing is to an illness: not a kind)
# "Specific leukodystrophies include ...", "... are common. They include hemorrhoids, ...":
# a sentence that starts with a plural kind, or a word for the kind the sentence before named,
# then "include" and a list of its kinds, a long one too (up to about 320 characters).
_KINDS_LISTED = lazy_re(r"\s*[\"“*_]*(?:(?:(?!of\b)[A-Za-z][a-z-]*\s+){0,3}(?!" + _ROLES + r"\b)"
                        r"[a-z-]{4,}s|(?P<pronoun>They|These|Those|Others|Examples))\s+"
                        r"(?:(?:may|can|often)\s+)?include\s+"
                        r"(?:[^.;:]{0,320}?(?:,|\band\b|\bor\b)\s+)?$")
_A_ROLE = lazy_re(r"\b" + _ROLES + r"\b", re.I)
# A plural noun that may name a kind: not a role, nor an adjective ("dangerous", "serious").
_KIND_PLURAL = r"(?!" + _ROLES + r"\b)[a-z]{4,}(?<!ou)s"


def _kinds_listed(text: str, begin: int, start: int) -> bool:
    """Is the term one of a list of kinds its sentence starts by naming (`_KINDS_LISTED`)?
    After a pronoun, the sentence before names the kind, and must not name a role ("The
    symptoms ... are the same as for any anemia. These may include fatigue, palpitations")."""
    m = _KINDS_LISTED.match(text, begin, start) if start - begin <= 500 else None
    return m is not None and (m.group("pronoun") is None or
                              _A_ROLE.search(text, max(0, begin - 200), begin) is None)
# What kind of thing a name is, right before or after it.
_KIND_WORD = (r"(?:genes?|proteins?|enzymes?|hormones?|receptors?|molecules?|substances?|"
              r"compounds?|chemicals?|acids?|vitamins?|minerals?|drugs?|medicines?|vaccines?|"
              r"bacteri(?:um|a)|virus(?:es)?|parasites?|fung(?:us|i)|forms?\s+of\s+[a-z]+|"
              r"types?\s+of\s+[a-z]+|family|families)")
# What kind of thing a term is, said by the word right after it: "HER2/neu protein", "an
# apheresis machine that removes ...", "corticosteroid medications".
KIND_NOUNS = (r"(?:genes?|proteins?|mutations?|variants?|enzymes?|receptors?|glands?|hormones?|"
              r"machines?|devices?|instruments?|viruse?s?|bacteri(?:um|a)|molecules?|vitamins?|"
              r"muscles?|bones?|nerves?|medications?|medicines?|drugs?)")
_KIND_NEXT = lazy_re(rf"(?:/[\w-]+)?[®™]?\s+{KIND_NOUNS}\b", re.I)
# A name in quotes, then its kind: 'the "ERCC6" gene', "two ‘E230X’ mutations" (the opening
# mark right before the name).
_QUOTED_KIND_NEXT = lazy_re(rf"[\"”'’]\s+{KIND_NOUNS}\b", re.I)
_OPENING_QUOTES = "\"“'‘"
# Before a name, a kind of illness or of test says what it is too ("the rare blood cancer
# blastic plasmacytoid dendritic cell neoplasm"); after a word, it is part of the name ("celiac
# disease").
_KIND_OF_ILLNESS = r"(?:cancers?|tumou?rs?|diseases?|disorders?|conditions?|infections?|tests?)"
# (each run of spaces and dashes read by one part, so a long run costs time in step with it;
# the word between starts with a letter or digit: "-and" in " and -and gene" is no word)
_KIND_AFTER = lazy_re(r"(?:\s*\([^()]{1,20}\))?(?:[-\s]+(?:(?:and|or)\s+)?\w+(?:-\w+)*)?[\s-]+"
                      + _KIND_WORD + r"\b", re.I)
# Kinds of medicine that say what the name after them is ("the steroid prednisone", "the
# dietary supplement carnitine"); after a word they are what it is used as or for
# ("prophylactic antibiotics"), not what it is.
_MEDICINE_KIND = (r"(?:steroids?|antibiotics?|antidepressants?|antivirals?|antihistamines?|"
                  r"opioids?|painkillers?|statins?|diuretics?|"
                  r"(?:(?:dietary|nutritional|herbal)\s+)?supplements?)")
# (right before the name: in "a synthetic steroid with estrogenic, progestogenic, and
# androgenic properties" the words after it are not steroids)
_MEDICINE_BEFORE = lazy_re(r"\b(?:the|this|that|an?)\s+" + _MEDICINE_KIND + r"\s+$", re.I)


def _medicine_named(text: str, start: int, end: int) -> bool:
    """Is the term a medicine's name after its kind ("the steroid prednisone")? A name: one
    word, rare, neither an abbreviation nor a word built the medical way nor one with the
    ending of a common noun or adjective ("an opioid analgesic", "an antibiotic prophylaxis"
    say what the medicine is or is for)."""
    term = text[start:end]
    return term.isalpha() and term.islower() and word_zipf(term) < 3.0 and \
        not is_medical_form(term) and not term.endswith(_NOT_A_NAME_ENDINGS) and \
        _MEDICINE_BEFORE.search(text, max(0, start - 60), start) is not None


# Endings of words that say what a thing is or does, not of a medicine's name ("analgesic",
# "prophylaxis"; a name ends as "prednisone", "venlafaxine", "ibuprofen" do).
_NOT_A_NAME_ENDINGS = ("ic", "ics", "is", "ia", "al", "ar", "ous", "ive", "ary", "tion", "ment",
                       "ity", "ism", "ogy", "phy", "ist", "er", "ers")


_KIND_BEFORE = lazy_re(r"\b(?:the|this|that|these|a|an|of|certain|two|three|several|another|"
                       r"other)\s+"
                       r"(?:[a-z-]+\s+)?" + _KIND_WORD + r"\s*[,:]?\s+"
                       r"(?:[^.;:()]{0,60}?(?:,|\band\b|\bor\b)\s+)?(?:l-|d-)?$", re.I)
# A name set between commas after "one" and its kind: "Mutations in one gene, TTN, account
# for ...", "Only one gene, OFD1, has been associated with ...".
_ONE_OF_A_KIND = lazy_re(r"\bone\s+(?:genes?|proteins?|enzymes?|drugs?|medicines?),\s+$", re.I)
_ILLNESS_BEFORE = lazy_re(r"\b(?:the|this|that|these|a|an|of|certain|two|three|several)\s+"
                          r"(?:[a-z-]+\s+){0,2}" + _KIND_OF_ILLNESS + r"\s*[,:]?\s+$", re.I)
# A name of an illness: several words, or a word with an illness's ending ("osteosarcoma"),
# not a verb or an adjective after "the cancer" ("the cancer metastasizes").
_ILLNESS_NAME = lazy_re(r"\S+\s+\S+.*|.*(?:omas?|emias?|itis|osis|oses|pathy|plasias?|"
                        r"virus|viruses)", re.S | re.I)


# "Examples of these disorders include lupus, rheumatoid arthritis", "conditions such as ..."
_KINDS_INCLUDE = lazy_re(r"\b(?:[a-z]{4,}s,?\s+(?:(?:may|can|often)\s+)?(?:include|includes|"
                         r"including|such\s+as|like)|" + _KIND_PLURAL +
                         r"(?:\s+[a-z]+){1,5},\s+(?:including|such\s+as))\s+"
                         r"(?:[^.;:]{0,150}?(?:,|\band\b|\bor\b)\s+)?$")


# "calcium channel blockers (i.e. nifedipine)", "chemicals - for example, chlorine, ammonia,
# and benzene", "building blocks (amino acids), namely lysine": examples of a plural kind (not
# of a role, "abnormalities (e.g., ...)", nor an adjective, "dangerous, for example, ..."),
# the list inside the brackets when they open it.
_EXAMPLES_OF_KIND = lazy_re(r"\b" + _KIND_PLURAL + r"\)?(?:,?\s*[-–—]\s*|,\s*|\s*\(\s*|\s+)"
                            r"(?:for\s+example,?|e\.g\.,?|i\.e\.,?|namely,?)\s+"
                            r"(?:[^.;:()]{0,150}?(?:,|\band\b|\bor\b)\s+)?$")
# A clause going on after the term: it is its subject, not an item of the list before it
# ("treated with surgery, and lymphedema may follow").
_CLAUSE_AFTER = lazy_re(r"\s+(?:may|can|could|will|would|might|should|is|are|was|were|has|have|"
                        r"had|does|do|did|often|usually|occurs?|develops?|follows?)\b")
# "is usually treated with corticosteroids", "Treatment is usually with corticosteroids",
# "therapy with interferon", "Treatment may involve high-dose diazepam", "Pain is relieved by
# nitroglycerin" (or "with"): what the name after it is, a treatment.
_TREATED_WITH = lazy_re(r"\b(?:(?:treat(?:ed|ing|ments?)?|therapy)\s+"
                        r"(?:(?:is|are|can\s+be|may\s+be)\s+)?(?:(?:usually|often|typically|"
                        r"mainly|mostly|generally|sometimes|successfully)\s+)?with|"
                        r"treatments?\s+(?:(?:may|can|often|usually)\s+)?(?:involves?|includes?)|"
                        r"relieved\s+(?:by|with))\s+"
                        r"(?:[^.;:()]{0,80}?(?:,|\band\b|\bor\b)\s+)?(?:[a-z]+-[a-z]+\s+)?$",
                        re.I)


# A code in capitals and figures, and after it the kind of treatment it is the name of ("CHOP
# chemotherapy", "an R2 regimen"); not a test, a therapy or an inhibitor, named for what it
# looks at or acts on ("Your HER2 test", "an EGFR inhibitor"), and after a word such a noun is
# part of a name ("combination chemotherapy").
_CODE = lazy_re(r"(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]*[A-Z0-9]")
_CODE_KIND_NEXT = lazy_re(r"\s+(?:chemotherapy|regimens?)\b", re.I)


def kind_given(text: str, start: int, end: int) -> bool:
    """Does the sentence say what kind of thing the term is ("the synuclein gene SCNA",
    "the steroid prednisone", "SCNA gene", "an apheresis machine", "certain substances,
    vanillylmandelic acid", "Two diuretics ... are hydrochlorothiazide and furosemide",
    "calcium channel blockers (i.e. nifedipine)", "Treatment is usually with prednisone", "the
    genes are NPM1, FLT3 ...", "blood or other biospecimens")?"""
    if _KIND_NEXT.match(text, end) or _KIND_AFTER.match(text, end) or \
            start and text[start - 1] in _OPENING_QUOTES and _QUOTED_KIND_NEXT.match(text, end) or \
            _CODE.fullmatch(text, start, end) and _CODE_KIND_NEXT.match(text, end) or \
            _medicine_named(text, start, end) or _kind_said_before(text, start) or \
            _kind_is(text, start, end) or _treatment_named(text, start, end) or \
            _example_before(text, start) or _others_of_its_kind(text, start, end) or \
            _everyday_example_after(text, end) or \
            _ONE_OF_A_KIND.search(text, max(0, start - 40), start) and text.startswith(",", end):
        return True
    if _ILLNESS_NAME.fullmatch(text, start, end) and \
            _ILLNESS_BEFORE.search(text, max(0, start - 60), start):
        return True  # "the rare blood cancer blastic plasmacytoid dendritic cell neoplasm"
    begin, _ = sentence_span(text, start, end)
    return start - begin <= 300 and _KIND_THEN_NAMES.search(text[begin:start]) is not None \
        or _kinds_listed(text, begin, start)


def _example_before(text: str, start: int) -> bool:
    """Is the term a kind that an everyday thing right before it is one of ("blood or other
    biospecimens", "surgery and other procedures")?"""
    m = _OR_OTHER.search(text, max(0, start - 60), start)
    if m is None or word_zipf(m.group(2)) < 4.0 or m.group(2).lower() in STOPWORDS:
        return False
    before = m.group(1)  # the word before it, which may make it part of a term: not
    # "corticosteroid therapy or other immunosuppressive therapies"
    return before is None or before.lower() in STOPWORDS or word_zipf(before) >= 3.5


_OR_OTHER = lazy_re(r"(?:\b([^\W\d_][\w-]*)[\s-])?\b([^\W\d_]{3,}),?\s(?:or|and)\sother\s$")


def _others_of_its_kind(text: str, start: int, end: int) -> bool:
    """Do "and other" or "or other" right after the term name its kind in words a reader
    knows ("hemophilia and other bleeding disorders", "Urinalysis and other urine tests",
    "Levodopa and other antiparkinson drugs"), not in a harder word ("Alendronate and other
    bisphosphonates") nor a word that says nothing of it ("and other features") or only what
    it does or how it was found ("and other side effects", "or other finding")? The term is
    a thing named by its hard word, not a describing word ("ophthalmological, and other
    specialists") nor one before a common noun ("craniofacial abnormalities and other
    skeletal problems"): the kind says nothing of what the describing word means."""
    m = _AND_OTHER.match(text, end)
    if m is None or not _a_noun_phrase(text[start:end]):
        return False
    words = _before_a_verb(m.group(1).split())  # "other bisphosphonates may help"
    small = next((i for i, w in enumerate(words) if w.lower() in STOPWORDS), len(words))
    words = words[:small]  # "other causes of acute pain"
    if not words:
        return False
    plurals = [w for w in words if len(w) > 3 and w.endswith("s") and
               (a_noun_not_adjective(w) or not an_english_word(w))]
    # (the first plural noun is the kind: "other bleeding disorders bruise easily"; not
    # "serious" or "suspicious")
    kind = plurals[0] if plurals else words[-1]
    head = kind.lower()
    if head in _SAYS_NOTHING or word_zipf(head) < 3.0:
        return False
    return head not in _SAYS_LITTLE or any(w.lower() not in _VAGUE
                                           for w in words[:words.index(kind)])
    # ("and other problems" and "and other serious problems" say nothing; "and other
    # skeletal problems" does)


def _everyday_example_after(text: str, end: int) -> bool:
    """Does an example a reader knows follow the term ("mucous membranes, such as the moist
    lining of the mouth", "Analgesics such as aspirin", "ionizing radiation, such as
    X-rays"), not one as hard as it ("anticonvulsants such as carbamazepine")?"""
    m = _EXAMPLE_AFTER.match(text, end, end + 200)
    if m is None:
        return False
    every = _WORD.findall(m.group(2))
    if not every or every[0].lower() in _NOT_AN_EXAMPLE or \
            m.group(1) == "like" and every[0].lower().endswith("ing"):
        return False  # "such as those getting chemotherapy", "such as older adults", "like
        # to rest", "like swimming", "e.g. from ..."
    # ("such as aspirin may relieve pain": the example is "aspirin")
    words = [w for w in _before_a_verb(every) if w.lower() not in STOPWORDS]
    if not words or len(words) > 3 or words[-1].lower() in ("syndrome", "syndromes") or \
            words[-1].lower() in _SAYS_NOTHING or words[-1].lower() in _NOT_A_THING:
        return False  # a clause, not a thing; a syndrome named after people: "Miller Fisher
        # syndrome"; what is said of it: "including the risks"
    return all(word_zipf(w) >= _KNOWN_EXAMPLE or everyday_health(w) for w in words)


# The first example after "such as", "like", "including" or "e.g.", up to the next one.
_EXAMPLE_AFTER = lazy_re(r"[*_]*,?\s+(such\s+as|like|including|e\.g\.,?)\s+"
                         r"((?:(?!\b(?:and|or)\b)[^,;:.()\[\]])+)")
# Words that open what is not an example of a thing: a clause, a group of people, a place.
_NOT_AN_EXAMPLE = frozenset("those these this that its it their his her your you we they how "
                            "what when where why which who whom if to from in at by with for "
                            "on during after before people patients adults children women "
                            "men individuals persons babies infants families older younger "
                            "everyone anyone someone".split())
# What is said of a thing, not an example of it: "including the risks", "such as cost".
_NOT_A_THING = frozenset("risk risks benefit benefits time cost costs recovery side "
                         "outcome outcomes".split())
_KNOWN_EXAMPLE = 3.2  # a word as common as "aspirin" or "Parkinson"


def _before_a_verb(words: list[str]) -> list[str]:
    """The words up to the first that says something of them: a verb, "may", "can", "which"
    ("aspirin may relieve pain", "bisphosphonates help")."""
    cut = next((i for i, w in enumerate(words)
                if w.lower() in _NOT_OF_A_KIND or only_a_verb(w)), len(words))
    return words[:cut]


_AND_OTHER = lazy_re(r"[*_]*,?\s+(?:and|or)\s+other\s+((?:[A-Za-z][\w-]*\s*){1,3})")
_NOT_OF_A_KIND = frozenset("may can could might will would should must have has had do does "
                           "did often also such which who".split())
# Words before a kind that say nothing of what it is: "and other serious problems".
_VAGUE = frozenset("serious rare similar possible related medical health long-term common "
                   "severe minor major certain various many more less new different chronic "
                   "acute potential known unknown".split())
# Kinds that say something only with a word before them: "and other bleeding disorders".
_SAYS_LITTLE = frozenset("problems problem conditions condition symptoms symptom signs sign "
                         "disorders disorder diseases disease illnesses illness".split())
_SAYS_NOTHING = frozenset("things thing ones factors factor features feature items aspects "
                          "reasons ways areas issues kinds types forms sorts effects "
                          "complications finding findings studies study toxicities "
                          "changes results".split())


def _a_noun_phrase(term: str) -> bool:
    """Is the term named by its hard word, a noun ("hemophilia", "spina bifida"), not a
    describing word alone ("ophthalmological") or before a common noun ("craniofacial
    abnormalities")?"""
    words = term.split()
    last = words[-1]
    if len(words) > 1 and word_zipf(last) >= _COMMON_NOUN:
        return False
    return len(words) > 1 or not last.lower().endswith(_ADJECTIVE_ENDINGS) and (
        a_noun_not_adjective(last) or not an_english_word(last))


_COMMON_NOUN = 3.3  # "abnormalities", "system", "analysis"
_ADJECTIVE_ENDINGS = ("ic", "al", "ous", "ive", "ary", "ed")


# "The most commonly affected genes are NPM1, FLT3, and ...", "One of these proteins is
# fibrillin.": a plural kind, "is" or "are", then names, one word each, the term among them and
# nothing but the list going on after it (not "receptors are colocalized on ...").
_KIND_IS = lazy_re(r"\b(?:genes|proteins|enzymes|hormones|receptors|molecules|drugs|medicines|"
                   r"vitamins|minerals|acids|chemicals)\s+(?:is|are|was|were)\s+"
                   r"(?:[\w*/-]+,\s+(?:(?:and|or)\s+)?|[\w*/-]+\s+(?:and|or)\s+)*$", re.I)
_LIST_GOES_ON = lazy_re(r"[*]*(?:\s*[,.;]|\s+(?:and|or)\s|\s*$)")


def _kind_is(text: str, start: int, end: int) -> bool:
    """Is the term one of the names a plural kind "is" or "are" (`_KIND_IS`)? A name: with a
    capital or a digit ("NPM1"), or a rare word that does not describe ("fibrillin"; not
    "Vitamins are micronutrients", "Most drugs are metabolized")."""
    term = text[start:end]
    if not (term != term.lower() or any(c.isdigit() for c in term) or
            term.isalpha() and word_zipf(term) < 3.0 and not term.endswith(_DESCRIBING_ENDINGS)):
        return False
    return _KIND_IS.search(text, max(0, start - 120), start) is not None and \
        _LIST_GOES_ON.match(text, end) is not None


# Endings of words that describe or count a thing rather than name it.
_DESCRIBING_ENDINGS = ("ed", "ic", "al", "ous", "ive", "ble", "s")


def _kind_said_before(text: str, start: int) -> bool:
    """Is the term named after its kind, or in a list of examples a plural kind begins
    ("three genes, ETFA, ...", "conditions such as ...", "chemicals - for example, ...")?"""
    return _KIND_BEFORE.search(text, max(0, start - 120), start) is not None or \
        _KINDS_INCLUDE.search(text, max(0, start - 200), start) is not None or \
        _EXAMPLES_OF_KIND.search(text, max(0, start - 200), start) is not None


def _treatment_named(text: str, start: int, end: int) -> bool:
    """Is the term named as a treatment ("treated with ...", "Treatment may involve ..."),
    and not the subject of a clause after it ("... surgery, and lymphedema may follow")?"""
    return _TREATED_WITH.search(text, max(0, start - 140), start) is not None and \
        not _CLAUSE_AFTER.match(text, end)


# "It is classified in CMT4A, CMT4B1, CMT4B2 ...", "subtypes: A, B and C", "the following
# four subtypes:"
_ANNOUNCED = lazy_re(r"\b(?:classified\s+(?:in|into|as)|(?:sub)?types?|forms|groups|"
                     r"variants|kinds|subgroups|the\s+following)\b[^.;]{0,40}[:,]?\s+"
                     r"(?:[^.;]{0,200}?(?:,|\band\b|\bor\b|\s-)\s+)?$", re.I)


# (or a sentence saying how many kinds there are, the colon after what it adds: "There are
# two types, neither of which is related to calcium in your diet:")
_ANNOUNCES_LIST = lazy_re(r"\b(?:include|includes|including|such as|are|types?|kinds?|"
                          r"forms?|(?:types?|kinds?|forms?)\s+of\s+[^.:]{1,40}|"
                          r"vaccinated\b[^.:]{0,80}\bagainst|"
                          r"the following[^.:]*|there\s+are\s+(?:two|three|four|five|six|\d+)"
                          r"\s+(?:main\s+)?(?:types|kinds|forms)\b[^.:]{0,80})\s*:\s*$", re.I)
# The same with its colon lost, the kinds being what the sentence is about ("Specific types
# include", "Abused drugs include", "Degenerative nerve diseases include"; not "Side effects
# of these drugs include", whose items are side effects), a few words before the kind
# ("Biologic therapies include") or a participle's or a "that" clause's after it ("Medicines
# taken by mouth include", "Medications that reduce acid include"; not "Drugs cause rashes
# that include"): a sentence of a few words, read from its start.
_ANNOUNCES_LIST_NO_COLON = lazy_re(r"(?:^|[.!?;:]\s+)((?:(?!of\b)[A-Za-z-]+\s+){0,3}"
                                   r"(?:types|kinds|forms|drugs|medicines|medications|agents|"
                                   r"therapies|treatments|antibiotics|vaccines|"
                                   r"diseases|disorders|conditions|cancers|tumors|syndromes|"
                                   r"infections|illnesses)"
                                   r"(?:\s+(?:[a-z]+ed|taken|given|made|known|used|seen|"
                                   r"found|shown|written|that|which)(?:\s+(?!(?:of|include|"
                                   r"that|which|who)\b)[A-Za-z-]+){0,2})?"
                                   r"\s+(?:may\s+)?include)\s*$", re.I)


def column_names_kind(block: Block, text: str, start: int, end: int) -> bool:
    """Is the term the name a table cell opens with, under a column heading that names the
    kind of thing its cells are, and shaped as names of that kind are: a gene's or a
    target's symbol under "Gene" or "Molecular Target" ("PD-1", "BRAF"), a drug's name under
    "Drug" or "Agent" ("Pembrolizumab", "Tamoxifen": a drug's ending or a word seldom met in
    English), a name English does not know under "Treatment" or "Therapy" ("Carvykti"); not
    a word built the medical way ("Trachelectomy", "Hyperthermia") nor a describing word
    ("Intrathecal")? Words further on in a cell are not named by its column
    ("Pembrolizumab, which may cause pneumonitis")."""
    if start > _CELL_NAME_REACH:
        return False
    kind = _column_kind(block.column_heading)
    if kind is None:
        return False
    term = text[start:end]
    words = _WORD.findall(term)
    if not words or any(w.lower().endswith(_ADJECTIVE_ENDINGS) for w in words):
        return False
    if kind == "symbol":
        named = any(any(c.isdigit() for c in w) or sum(c.isupper() for c in w) >= 2
                    for w in words)  # "PD-1", "BRAF"; not "Angiogenesis Inhibitor"
    elif kind == "drug":
        named = any(w.lower().endswith(DRUG_ENDINGS) for w in words) or all(
            word_zipf(w) < _DRUG_NAME_ZIPF and not is_medical_form(w) for w in words)
    else:  # a treatment's name, or a regimen's short name ("XELOX" under "Regimen")
        named = all(word_zipf(w) < 1.0 and not is_medical_form(w) and
                    (kind == "regimen" or not w.isupper()) for w in words)
    # Only other names may stand before it in the cell: "Dabrafenib plus trametinib".
    return named and _CELL_OPENING.fullmatch(text, 0, start) is not None and \
        all(w.lower() in _JOINING or word_zipf(w) < 3.5 or not w.isalpha()
            for w in _WORD.findall(text, 0, start))


@lru_cache(maxsize=256)
def _column_kind(heading: str) -> str | None:
    """What kind of names a column's heading says its cells hold: "symbol" (genes, proteins,
    targets), "drug" (drugs, medicines, agents, vaccines), "regimen", "treatment", or
    None."""
    if not heading or len(heading) > _HEADING_REACH:
        return None
    m = _KIND_COLUMN.fullmatch(heading)
    if m is not None:  # its last kind word decides: "Target drugs" are drugs
        return "symbol" if _SYMBOL_KIND.search(m.group(1)) else "drug"
    m = _TREATMENT_COLUMN.fullmatch(heading)
    return None if m is None else "regimen" if m.group(1).lower().startswith("regimen") else \
        "treatment"


_HEADING_REACH = 80  # a column heading longer than this names no kind
_DRUG_NAME_ZIPF = 3.0  # a drug's name is rarer than this in English ("Tamoxifen" 2.4)
_CELL_NAME_REACH = 40  # how far into a cell its opening names may run
_CELL_OPENING = lazy_re(r"[\w\s,/+&()†‡*®™-]*")
_JOINING = frozenset(("and", "or", "plus"))
# A column heading that is a kind of thing, with a word or two before it ("Molecular
# Target", "Chemotherapy Agent", "Genes Involved", "Generic Drug (Trade Name)"), not a
# heading about something else of it ("Drug Class", "Frequency of Gene Fusion").
_KIND_COLUMN = lazy_re(r"(?:(?!of\b|with\b)[A-Za-z-]+\s+){0,2}(targets?|drugs?|medicines?|"
                       r"medications?|genes?(?:\(s\))?|proteins?|vaccines?|agents?)"
                       r"(?:\s+(?:names?|used|involved|affected|\(trade\s+name\)))?", re.I)
_SYMBOL_KIND = lazy_re(r"\b(?:targets?|genes?|proteins?)\b", re.I)
_TREATMENT_COLUMN = lazy_re(r"(?:(?!of\b|with\b)[A-Za-z-]+\s+){0,3}(treatments?|"
                            r"therap(?:y|ies)|regimens?)(?:\s+names?)?", re.I)


def list_announced(doc: Document, block_index: int) -> bool:
    """Is the block an item of a list that a line before it announces ("Cancers linked to
    VHL include:", "the following types:", "Specific types include")? Its items are kinds of
    what the line names."""
    if doc.blocks[block_index].kind != "list_item":
        return False
    for block in reversed(doc.blocks[max(0, block_index - 40):block_index]):
        if block.kind != "list_item":
            return block.kind == "paragraph" and (
                _ANNOUNCES_LIST.search(block.text[-120:]) is not None or
                _ANNOUNCES_LIST_NO_COLON.search(block.text, max(0, len(block.text) - 120))
                is not None)
    return False


def announced_kind(text: str, start: int) -> bool:
    """Is the term one of the kinds a sentence announces ("It is classified in CMT4A,
    CMT4B1, ...", "the following four subtypes: ...")?"""
    return _ANNOUNCED.search(text, max(0, start - 260), start) is not None


# (not after a fraction, how often a sign is seen in a table of signs: "Mesomelia 3/3 Rhizomelia")
_AFTER_NUMBER = lazy_re(r"(?<![/\d])\d[\d,.]*\s+"
                        r"(?:(?:(?:milli|micro|nano)?(?:grams?|liters?|litres?)|"
                        r"mg|mL|ml|g|units?)\s+)?(?:per\s+)?$")


def misread(text: str, start: int, end: int) -> bool:
    """Is the word a piece of a word the text breaks up: after a bracketed letter
    ("[C]linicians"), or a lower-case word glued to an abbreviation ("onlineBMI")? Or a
    unit after a number ("50,000 per microliter")?"""
    if start > 0 and text[start - 1] == "]":
        return True
    if _AFTER_NUMBER.search(text, max(0, start - 20), start):
        return True
    word = text[start:end]
    return re.fullmatch(r"[a-z]{3,}[A-Z]{2,}s?", word) is not None


def bold_label(doc: Document, block_index: int, start: int, end: int) -> bool:
    """Is the term the bold words that open its paragraph or list item, which the rest then
    describes ("**Invasive lobular carcinoma** begins in the cells ...")?"""
    block = doc.blocks[block_index]
    if block.text[:start].strip(" *_") or len(block.text) - end < 20:
        return False
    source = block.source_offset(start)
    return doc.source[source - 2:source] in ("**", "__")


# What a term does, said right after it: "Anticonvulsants may be prescribed to reduce ...",
# "A sedative helps the person stay relaxed", "Antihistamines block ...".
_DOES = lazy_re(r"[®™]*(?:\s*\([^()]{1,30}\))?\s+(?:(?:may|can|will|are|is)\s+(?:be\s+)?"
                r"(?:given|prescribed|used|taken|needed)\s+(?:to|for)|helps?|reduces?|"
                r"treats?|prevents?|relieves?|lowers?|raises?|blocks?|kills?|stops?|"
                r"controls?|shrinks?|slows?|eases?|calms?|"
                r"improved\s+(?:[\w-]+\s+)?survival|"  # "Tucatinib improved survival"
                # "an immunotherapy that helps the body's immune system attack the cancer"
                # (not what a disease does: "hemochromatosis that reduces her iron stores")
                r"(?:that|which)\s+(?:helps?|treats?|relieves?|eases?|calms?))\b", re.I)
# What a part of the body does, said right after "the" and its name: "damages the myelin that
# covers and protects nerves".
# (what it does, not only where it is: "the hematoma that surrounds the brain" says where)
_PART_DOES = lazy_re(r"\s+(?:that|which)\s+(?:(?:covers|surrounds|lines)\s+and\s+)?"
                     r"(?:protects|carries|pumps|cushions|connects|separates)\b")
_THE_BEFORE = lazy_re(r"\b[Tt]he\s+$")


# A thing used for a purpose the sentence gives: "uses a speculum to gently open your
# vagina", "using a shunt to drain excess water" (a verb after "to": not "to be", which says
# nothing of what it is for, nor "to no avail").
_USED_BEFORE = lazy_re(r"\bus(?:e|es|ed|ing)\s+(?:an?|the)\s+(?:[\w-]+\s+)?$", re.I)
_FOR_PURPOSE = lazy_re(r"\s+to\s+([a-z]{2,})\b(?:\s+([a-z]{2,})\b)?")


def says_what_it_does(text: str, start: int, end: int) -> bool:
    """Does the sentence say what the term does, right after it ("A sedative helps the
    person stay relaxed", "the myelin that covers and protects nerves")?"""
    return _DOES.match(text, end) is not None or \
        _PART_DOES.match(text, end) is not None and \
        _THE_BEFORE.search(text, max(0, start - 12), start) is not None


def used_for(text: str, start: int, end: int) -> bool:
    """Does the sentence say what the thing is used for ("uses a speculum to gently open
    your vagina")? Like its kind, enough for a reader to follow, not what a link would add."""
    purpose = _FOR_PURPOSE.match(text, end)
    if purpose is None:
        return False
    verb = purpose.group(1)  # the verb, or the word after an adverb ("to gently open")
    if verb.endswith("ly") and not can_be_verb(verb) and purpose.group(2):
        verb = purpose.group(2)
    return verb != "be" and can_be_verb(verb) and \
        _USED_BEFORE.search(text, max(0, start - 40), start) is not None


# "inherited in an autosomal dominant pattern because one copy of the altered gene in each cell
# is sufficient to cause the disorder", "incomplete penetrance because not everyone who
# inherits the altered gene ... develops ...": the reason given says what the term means.
_BECAUSE_COPIES = lazy_re(r"(?:\s+[\w-]+){0,3}\s+because\b[^.;]{0,120}\bcop(?:y|ies)\b")
_BECAUSE_NOT_ALL = lazy_re(r"\s+because\s+not\s+(?:everyone|all)\b")


# What makes a condition multifactorial, said after the word: "a multifactorial condition
# that is likely associated with the effects of multiple genes in combination with ...",
# "Cancer risk is multifactorial. It is influenced by genetic, environmental ... factors"
_CAUSE_WORDS = r"(?:different|other|genetic|environmental|lifestyle|risk|and|,)"
_MANY_CAUSES = lazy_re(rf"\b(?:multiple|many|several|combination\s+of|variety\s+of)\s+"
                       rf"(?:{_CAUSE_WORDS}\s*){{0,4}}(?:genes|genetic|factors|causes)\b|"
                       rf"\bgenetic(?:,|\s+and)\s+(?:{_CAUSE_WORDS}\s*|[\w-]+,\s+){{0,3}}"
                       r"(?:environmental|lifestyle)\b", re.I)
# What "sporadic" means, said in its sentence: "occur sporadically in people with no family
# history of the condition", "as a random event", "as a new (de novo) mutation", or set
# against inheriting it ("may be inherited or occur sporadically"); or a next sentence that
# says what "sporadic" means ("Sporadic means that ...").
_SPORADIC_SAID = lazy_re(r"\b(?:no\s+(?:known\s+)?family\s+history|random(?:ly)?\b|"
                         r"no\s+apparent\s+reason|unknown\s+reasons|de\s+novo|"
                         r"without\s+an?\s+affected|inherit|heredit|familial)", re.I)
_SPORADIC_MEANS = lazy_re(r"\s*sporadic\s+(?:means|refers)\b", re.I)


def inheritance_explained(text: str, start: int, end: int) -> bool:
    """Does the reason after a pattern of inheritance say what it means ("autosomal dominant
    ... because one copy ... is sufficient", "penetrance because not everyone who ...",
    "multifactorial condition ... associated with the effects of multiple genes", "occur
    sporadically in people with no family history")?"""
    term = text[start:end].lower()
    if term.startswith(("autosomal", "x-linked")):
        return _BECAUSE_COPIES.match(text, end, end + 200) is not None
    if term in ("multifactorial", "sporadic", "sporadically"):
        begin, stop = sentence_span(text, start, end)
        if term == "multifactorial":  # the causes, in its sentence or the next
            return _MANY_CAUSES.search(text, end, sentence_span(text, stop, stop)[1]) \
                is not None
        return _SPORADIC_SAID.search(text, begin, stop) is not None or \
            _SPORADIC_MEANS.match(text, stop) is not None
    return term.endswith("penetrance") and _BECAUSE_NOT_ALL.match(text, end) is not None


def explained_nearby(doc: Document, block_index: int, text: str, start: int, end: int,
                     term: str, kinds: bool = True) -> bool:
    """Does the text a little further away explain the term, or (with `kinds`) say what kind
    of thing it is (any of the tests above)? A link helps a reader who knows only the kind
    ("the drug capecitabine"), so glossary-link asks without `kinds`."""
    return bracket_later(text, start, end) or second_in_brackets(text, start, end, kinds) or \
        named_as(text, start) or \
        next_sentence_points_back(text, start, end) or subject_defined(text, start, end, kinds) or \
        next_sentence_defines(text, start, end) or next_sentence_on_its_head(text, start, end) or \
        explained_at_next_use(text, start, end) or bold_label(doc, block_index, start, end) or \
        says_what_it_does(text, start, end) or keyed_to_its_name(text, start, end) or \
        defined_in_next_block(doc, block_index, term) or \
        defined_further_on(doc, block_index, term) or called_later(text, end, term) or \
        characterized(text, start, end) or \
        under_own_heading(doc, block_index, term) or section_before(doc, block_index, term) or \
        misread(text, start, end) or \
        inheritance_explained(text, start, end) or \
        kinds and (kind_given(text, start, end) or announced_kind(text, start) or
                   used_for(text, start, end) or
                   list_announced(doc, block_index) or
                   column_names_kind(doc.blocks[block_index], text, start, end))


def key_points_lists(doc: Document) -> set[int]:
    """The list items after a paragraph that is only "Key Points" (a summary whose heading
    was lost): what the section below explains, one point at a time."""
    found: set[int] = set()
    inside = False
    for index, block in enumerate(doc.blocks):
        if block.kind == "paragraph" and block.text.strip(" *_:").lower() == "key points":
            inside = True
        elif inside and block.kind == "list_item":
            found.add(index)
        else:
            inside = False
    return found


_BRAND_BESIDE = lazy_re(r"[†‡*®™]*\s*\(\s*[A-Z][a-z]+[A-Za-z-]*[®™]?\s*\)")
_DRUG_CONTEXT = lazy_re(r"\b(?:drugs?|medicines?|medications?|treat\w*|therap\w*|doses?|"
                        r"approv\w*|chemo\w*|combination|regimens?|inhibitors?|taken|given|"
                        r"giving\s+(?:patients|people|children|women|men|them)|"  # "giving
                        # patients pembrolizumab"
                        r"infusion|injection|pills?|tablets?|"
                        # what a treatment does: "dabrafenib plus trametinib shrank tumors",
                        # "... shrank clear cell renal tumors", "tumors shrank with it" (not
                        # "shrunken tumors", which says what the tumors are like)
                        r"shr(?:ank|inks?|inking|unk)[\s-]+(?:[\w-]+\s+){0,3}?tumou?rs?|"
                        r"tumou?rs?\s+(?:[\w-]+\s+)?shr(?:ank|inks?|unk))\b", re.I)


# How the names of conditions and procedures end, which no drug's name does.
_CONDITION_OR_PROCEDURE = lazy_re(r"(?:itis|osis|oses|omas?|emias?|penias?|ectom(?:y|ies)|"
                                  r"otom(?:y|ies)|path(?:y|ies)|plasias?|troph(?:y|ies)|"
                                  r"algias?|urias?|rrh(?:o)?eas?|ism)$", re.I)


def drug_named(text: str, start: int, end: int, term: str, drug: bool = False) -> bool:
    """Is the term a drug's name (`drug`: a glossary of drugs says so; else "palbociclib",
    "sapanisertib": a drug's ending, or a word English does not know), named with its brand
    or in a sentence about treatment, which tells the reader what it is ("either drug
    alone", "was approved for")? Not a word built as a condition or a procedure is
    ("hypercalcemia", "mucositis", "lumpectomy"), however rare: a sentence about treatment
    names those too ("... treated with furosemide to correct hyperkalemia")."""
    words = term.split()
    if len(words) > 3 or not drug and (
            not any(w.lower().endswith(DRUG_ENDINGS) or word_zipf(w) < 2.0 for w in words)
            or any(_CONDITION_OR_PROCEDURE.search(w) for w in words)):
        return False
    if _BRAND_BESIDE.match(text, end):
        return True  # a medicine named with its brand: "Pembrolizumab† (Keytruda)"
    begin, stop = sentence_span(text, start, end)
    window = text[max(begin, start - 200):min(stop, end + 200)]
    return _DRUG_CONTEXT.search(window) is not None
