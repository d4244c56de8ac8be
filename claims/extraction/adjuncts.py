"""Adjuncts around a speaker phrase: a time or place phrase between a subject and its cue
("The company late Friday announced", "The mayor on the council floor said"), a sentence
adverb read as a name ("Hopefully, said ..."), and a document named with its author after it
("a study conducted by Acme found"). `speakers.subject_before` asks these; each answers from
the tokens of one bounded window.
"""

from __future__ import annotations

import functools
import re

from . import lexicon as lx
from .mentions import _TIME_WORDS, Mention, Token, _np_end, _strip_possessive

# A time adjunct between a subject and its cue ("Tom Berg late Friday said", "The ministry
# earlier this month said"): its words, its head (a day, date or time noun), the words that may
# open one (a weekday may stand alone: "The company Friday said"; a month may not, it is as
# often a name: "Theresa May said").
_ADJUNCT_TIME_WORDS = _TIME_WORDS | frozenset(("early", "late", "."))
_ADJUNCT_TIME_HEADS = lx.CALENDAR_WORDS | lx.TIME_NOUNS | {"yesterday", "today", "tonight"}
_ADJUNCT_TIME_OPENERS = frozenset(
    ("on", "in", "at", "last", "this", "next", "early", "late", "earlier", "later")
)


def time_adjunct(toks: list[Token]) -> bool:
    """`on Monday`, `late Friday`, `yesterday`, `on Nov. 20`, `in 2008`, `earlier this
    month`: at most five time words, one of them a day, date or time noun. A lone word must be
    a day ("what's today called" is no subject and cue), a number is a date only after a month
    or as a year ("Six in 10 say": no time), and words in capitals are a name ("USA TODAY
    reported")."""
    if len(toks) > 5 or any(t.text.isupper() and len(t.text) > 1 for t in toks):
        return False
    if len(toks) == 1 and toks[0].low not in lx.CALENDAR_WORDS and toks[0].low != "yesterday":
        return False
    dates = [_is_date_number(toks, n) for n in range(len(toks))]
    return any(t.low in _ADJUNCT_TIME_HEADS or d for t, d in zip(toks, dates, strict=True)) and all(
        t.low in _ADJUNCT_TIME_WORDS or d for t, d in zip(toks, dates, strict=True)
    )


_MONTH_WORDS = lx.MONTHS | frozenset(
    ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
)
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d(?:s|’s|'s)?\Z")


def _is_date_number(toks: list[Token], n: int) -> bool:
    """toks[n] is a year ("in 2008", "the 1990s") or a day after its month ("Nov. 20")."""
    t = toks[n]
    if not t.text[:1].isdigit():
        return False
    return bool(_YEAR_RE.match(t.text)) or (n > 0 and toks[n - 1].low in _MONTH_WORDS)


def time_adjunct_start(tokens: list[Token], j: int) -> int:
    """Where a time adjunct ending just before tokens[j] opens, or j when none does: at
    "late" in "The company late Friday", at "last" in "Tom Berg last week", at "Friday" in
    "Tom Berg Friday" (not at "May" in "Theresa May on Friday": a month opens no adjunct)."""
    k = best = j
    if j == 0 or tokens[j - 1].low in _ADJUNCT_FUNCTION_WORDS:
        return j  # "the notion Sunday of admitting": an adjunct ends in its time word
    while k > 0 and j - k < 5:
        t = tokens[k - 1]
        if not (t.low in _ADJUNCT_TIME_WORDS or t.text[:1].isdigit()):
            break
        k -= 1
        opens = t.low in lx.WEEKDAYS if t.cap else t.low in _ADJUNCT_TIME_OPENERS
        if opens and time_adjunct(tokens[k:j]):
            best = k
    if best < j and best > 0 and tokens[best - 1].low in lx.NAMED_DAY_MODIFIERS:
        return j  # "on Super Tuesday", "Black Friday": the day's name, not a time adjunct
    return best


_ADJUNCT_FUNCTION_WORDS = frozenset(("of", "the", "a", "on", "in", "at", "this", "last", "next"))
# What may end a subject before a time adjunct: a word that is no preposition, determiner or
# object pronoun ("the groups who wrote to her on Thursday say": "her" ends no subject).
NO_SUBJECT_END = lx.NP_STOP | lx.DETERMINERS | frozenset(("him", "her", "them", "us", "me"))


# Participles that date a document before its cue: "A poll released Monday showed", "a court
# filing made public Thursday said".
RELEASE_PARTICIPLES = frozenset(
    ("released", "published", "issued", "filed", "posted", "conducted", "taken", "out", "public")
)


# Prepositions of an adjunct between a subject and its cue ("Lund in her speech said");
# "after" and "before" open clauses as often ("... after leaked emails showed").
PLACE_TIME_PREPOSITIONS = frozenset(
    ["in", "at", "during", "on", "over", "with", "amid", "throughout"]
)
_FINITE_CUE_RE = re.compile(r"(?:[a-z]+(?:ed|s)|said|told|wrote)\b")


def finite_cue(text: str, cue_start: int) -> bool:
    """Is the cue a finite verb form ("said", "described", "says"), not a bare form that
    doubles as a noun ("support", "state")?"""
    m = _FINITE_CUE_RE.match(text, cue_start)
    return m is not None and m.group() not in lx.NOUNISH


def name_like(m: Mention) -> bool:
    """A pronoun, or a name whose words are all capitalised ("Tom Berg", "Mayor Lund")."""
    if m.pronoun or m.relative:
        return True
    return m.proper and all(w[:1].isupper() or w in ("of", "the", "and") for w in m.text.split())


def description_speaks_for(outer: Mention, inner: Mention) -> bool:
    """A description whose head names people or a body ("The mayor", "Officials", "the
    ministry", "Democrats") speaks, not the place or occasion after its preposition ("The
    mayor on the council floor said", "Officials in Kyiv said"). Not a document ("An earlier
    report in the Herald said": the paper), not before a titled person ("The Council on
    Foreign Affairs Director Ana Ruiz says": she speaks), and not a bare "the government"
    before its seat ("the government in Oslo said": Oslo names it)."""
    words = outer.text.split()  # never a relative pronoun: name_like takes those
    if len(words) > 1 and words[-1].lower() in _POSTNOMINAL:
        words = words[:-1]  # "A source familiar (with the matter)": the head is before
    head = _strip_possessive(words[-1]).lower()
    if head in lx.DOCUMENT_NOUNS or head in lx.STUDY_NOUNS or head in _REPORT_NOUNS:
        return False
    if inner.proper and inner.kind == "person" and inner.role:
        return False
    if inner.text[:1].isupper() and head in lx.GOVERNMENT_WORDS and len(words) <= 2:
        return False
    # a plural ("Some delegates", "Republicans"): people; "The Council on ...": a body
    return head in _SPEAKING_HEADS or (head.endswith("s") and not head.endswith("ss"))


_POSTNOMINAL = frozenset(("familiar", "close", "knowledgeable", "present"))
_REPORT_NOUNS = frozenset(("report", "reports", "article", "story", "column", "editorial"))


_SPEAKING_HEADS = (
    lx.ANONYMOUS_HEADS
    | lx.TITLE_WORDS
    | lx.GOVERNMENT_WORDS
    | lx.ORG_WORDS
    | lx.MEDIA_WORDS
    | lx.PLURAL_GROUP_HINT
    | lx.STAFF_PLURALS
    | lx.MEMBER_HEADS
    | lx.PERSON_DESCRIPTION_HEADS
)


def object_of_preposition(tokens: list[Token], m: Mention) -> bool:
    """The mention follows "of", "to", "for", ... ("control of the Senate"): an object."""
    k = next((n for n, t in enumerate(tokens) if t.start == min(m.phrase_start, m.start)), 0)
    return k > 0 and tokens[k - 1].low in _OBJECT_PREPOSITIONS


_OBJECT_PREPOSITIONS = frozenset(
    ("of", "to", "for", "from", "than", "about", "against", "into", "over", "toward", "towards")
)


def phrase_start_of(m: Mention) -> int:
    return min(m.phrase_start, m.start)


def mute_thing(m: Mention) -> bool:
    """A lone event noun that names no one who could speak: "uprising", "the invasion" (a
    nominalisation; "polling", "planning" and documents may stand for their authors)."""
    words = m.text.split()
    if len(words) > 2 or (len(words) == 2 and words[0].lower() not in lx.DETERMINERS):
        return False
    head = words[-1].lower()
    return (
        not m.proper
        and words[-1].islower()
        and head.endswith(_EVENT_SUFFIXES)
        and head not in lx.DOCUMENT_NOUNS
        and head not in lx.STUDY_NOUNS
        and head not in _SPEAKING_HEADS
    )


# Nominalisations of events ("uprising", "invasion", "agreement", "resistance").
_EVENT_SUFFIXES = ("rising", "tion", "sion", "ment", "ance", "ence")


def lone_adverb(text: str, word: str) -> bool:
    """`Hopefully, said Tom Berg, ...`, `Shortly after the vote, Lund warned`: a lone
    capitalised word in -ly is a sentence adverb, no speaker, unless the text names someone
    with it after a capitalised word ("Megyn Kelly", "Rex Early")."""
    if not word.endswith("ly") or not word[:1].isupper() or " " in word:
        return False
    return word not in _ly_names(text)


# A capitalised word in -ly right after another: a name ("Megyn Kelly"). The lookahead keeps
# the matches overlapping ("Ann Kelly Early").
_LY_NAME_RE = re.compile(r"[A-Z][\w’'.-]*[ \t\xa0]+(?=([A-Z][\w’'-]*ly)\b)")


@functools.lru_cache(maxsize=1)
def _ly_names(text: str) -> frozenset[str]:
    """The -ly names of `text`: one scan per text, however many adverbs it holds (the cache
    holds the text being extracted only)."""
    return frozenset(_LY_NAME_RE.findall(text))


def document_author_at(tokens: list[Token], end: int, j: int) -> int:
    """Where the author of the document that tokens[:end] ends in is named, up to tokens[j]
    ("a statement from the Union", "a study conducted by Acme", "an analysis released by the
    agency"), or 0 when no author is named there."""
    if not 0 < end < j - 1:
        return 0
    head, k = tokens[end - 1].low, end
    if tokens[k].low in _AUTHORING_PARTICIPLES and head in _AUTHORED_NOUNS:
        k += 1  # a study conducted by, a letter signed by
    elif head not in lx.DOCUMENT_NOUNS:
        return 0
    if k + 1 < j and tokens[k].low in ("from", "by") and _np_end(tokens, k + 1, j) == j:
        return k + 1
    return 0


# "a study conducted by Acme", "a letter signed by the staff": the author after the document
# (only after a document or study noun: "emails released by WikiLeaks" are not its words).
_AUTHORING_PARTICIPLES = frozenset(
    (
        "conducted",
        "commissioned",
        "prepared",
        "compiled",
        "written",
        "authored",
        "signed",
        "released",
        "published",
        "issued",
    )
)
_AUTHORED_NOUNS = lx.DOCUMENT_NOUNS | lx.STUDY_NOUNS
