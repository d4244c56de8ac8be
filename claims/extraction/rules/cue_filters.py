"""Filters on reporting cues: cues that are no report (quoted, in an editor's note, an
adjective, negated, passive, a belief verb without a clause). A filter answers `NO_CLAIM` (stop)
or `None` (try the next rule); it never makes a claim.
"""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..mentions import tokenize
from .article import NO_CLAIM, Article, NoClaim
from .checks import after_common_noun, after_determiner, complement_ok
from .cue import Cue
from .patterns import QUOTE_CHARS

# -- filters: cues that are no report ----------------------------------------------------------


def cue_inside_quote_or_claim(art: Article, cue: Cue) -> NoClaim | None:
    """`“We never said that,” she said.`: the first "said" is quoted speech, not a cue; so is
    a cue inside a claim already found, or glued to markup (`<said`, `-said`, `@said`)."""
    cs = cue.start
    if art.in_quote(cs) or art.is_taken(cs) or art.text[cs - 1 : cs] in ("<", "-", "/", "@"):
        return NO_CLAIM
    return None


def cue_in_editors_note(art: Article, cue: Cue) -> NoClaim | None:
    """`Editor’s note: The senator has repeatedly pledged to cut taxes.`: the outlet's note
    on its coverage, not a report of what someone said."""
    notes = art.editors_notes
    if not notes:
        return None  # the usual case: one scan of the text found no note
    return NO_CLAIM if art.paragraph_of(cue.start)[0] in notes else None


def cue_as_adjective(art: Article, cue: Cue) -> NoClaim | None:
    """`the alleged plot`, `his stated goal`: a cue form after a determiner is an adjective."""
    if cue.kind != "acc" and after_determiner(art, cue.start):
        return NO_CLAIM
    return None


def called_as_naming(art: Article, cue: Cue) -> NoClaim | None:
    """`a short film called “Arrival”`, `courses known as “goat farms”`: naming, not
    attribution; but `the campaign called the report a “rush to judgment”` calls an object
    something (a pronoun, or a determiner and a lower-case word, after "called")."""
    if cue.word == "called" and after_common_noun(art, cue.start) and not _object_after(art, cue):
        return NO_CLAIM
    if cue.low == "known" and art.text.startswith(" as ", cue.end):
        return NO_CLAIM
    return None


_OBJECT_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "its", "this", "that"])


def _object_after(art: Article, cue: Cue) -> bool:
    """Does an object follow the cue: `called it ...`, `called the report ...`?"""
    toks = tokenize(art.text, cue.end, min(cue.sentence[1], cue.end + 40))
    if not toks:
        return False
    if toks[0].low in lx.OBJECT_WORDS:
        return True
    if toks[0].low.endswith(("’s", "'s")) and len(toks) > 1 and toks[1].text.islower():
        return True  # "called the paper’s report ..."
    return (
        toks[0].low in _OBJECT_DETERMINERS
        and len(toks) > 1
        and toks[1].text.replace("’", "").replace("'", "").isalpha()
        and toks[1].text.islower()
    )


def cue_past_sentence_window(art: Article, cue: Cue) -> NoClaim | None:
    """A cue longer than the sentence window around it: `According` and 2,000 spaces before
    `to` (only in hostile input)."""
    return NO_CLAIM if cue.end > cue.sentence[1] else None


def belief_without_clause(art: Article, cue: Cue) -> NoClaim | None:
    """`She believes him.`, `He wants a deal.`: belief and stance verbs report only with a
    clause after them ("believes that ...", "wants to ...")."""
    if cue.belief and not complement_ok(art, cue.end, cue.sentence[1], cue.low):
        return NO_CLAIM
    return None


_PASSIVE_BE_RE = re.compile(
    r"(?<!\w)(?:is|are|was|were|be|been|being|’s|'s)(?:[ \t\xa0]+[a-z]+ly)?[ \t\xa0]+\Z"
)


def passive_stance(art: Article, cue: Cue) -> NoClaim | None:
    """`Turnout is expected to rise.`, `She was seen as the favourite.`: a belief or stance
    verb in the passive names no holder of the view; its subject is what the view is about."""
    low = cue.low
    if cue.kind != "verb" or low in lx.SPEECH_FORMS or not low.endswith(("ed", "en", "wn", "ght")):
        return None
    # A verb cue outside SPEECH_FORMS is a belief, intent or object form (CUE_RE's verbs).
    if _PASSIVE_BE_RE.search(art.text, max(0, cue.start - 24), cue.start) is None:
        return None
    return NO_CLAIM


def negated_cue(art: Article, cue: Cue) -> NoClaim | None:
    """`He did not say whether ...`, `She declined to say ...`: no report."""
    return NO_CLAIM if art.negated(cue.sentence[0], cue.start) else None


_PASSIVE_BEFORE_RE = re.compile(
    r"\b(?:was|were|been|being|is|are|be)\s+(?:[a-z]+ly\s+|also\s+|not\s+)?\Z", re.IGNORECASE
)


def passive_cue(art: Article, cue: Cue) -> NoClaim | None:
    """`Brockman, whose exit was also announced Friday, ...`: a reporting verb in the passive
    with no clause after it reports nothing of its subject's (its agent, if any, comes after
    "by"); belief and stance verbs in the passive are `passive_stance`'s."""
    if not cue.low.endswith("ed") or not _PASSIVE_BEFORE_RE.search(
        art.text, max(0, cue.start - 30), cue.start
    ):
        return None
    after = art.text[cue.end : cue.end + 12].lstrip()
    if after.startswith(("that", "by", ":", *QUOTE_CHARS)) or after[:1] in QUOTE_CHARS:
        return None
    return NO_CLAIM


_FIND_FORMS = frozenset(lx.verb_forms("find"))
_MODAL_BEFORE_RE = re.compile(
    r"(?<!\w)(?:would|will|could|can|may|might|must|should)(?:[ \t\xa0]+[a-z]+ly)?[ \t\xa0]+\Z"
)


def find_as_discovery(art: Article, cue: Cue) -> NoClaim | None:
    """`The board would find the money.`: after a modal, "find" is finding something, not a
    finding reported ("the poll found Lund ahead"); it reports only with "that" after it
    ("voters will find that ...")."""
    if cue.kind != "verb" or cue.low not in _FIND_FORMS:
        return None
    text = art.text
    if _MODAL_BEFORE_RE.search(text, max(0, cue.start - 24), cue.start) is None:
        return None
    return None if text[cue.end : cue.end + 6].lstrip().startswith("that ") else NO_CLAIM
