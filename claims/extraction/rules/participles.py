"""Cue rules whose speaker is the clause's subject, not a phrase next to the cue: "..., adding
that ...", "issued a statement saying ...", "thanked the crew and said ...", "went on to say".
"""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..mentions import Mention
from ..speakers import clause_subject, subject_before
from .article import NO_CLAIM, Article, Draft, NoClaim
from .checks import after_and, complement_ok, plausible_speaker, strong_complement
from .content import content_after
from .cue import Cue, Outcome, make_draft, phrase_start, too_short
from .patterns import CLOSING_QUOTE_ENDINGS
from .speaker_before import SUBORDINATE_OPEN_RE, end_of_subordinate_clause

_GO_ON_TO_RE = re.compile(r"(?<!\w)(?:went|goes|go|going|gone)\s+on\s+to\s+\Z")


def went_on_to(art: Article, cue: Cue) -> Outcome:
    """`The mayor went on to say that the budget was balanced.` / `…, but went on to say,
    “…”`: the speaker is the subject before "went on to", or the clause's subject."""
    if cue.kind != "verb" or cue.belief:
        return None
    text = art.text
    if text[cue.start - 3 : cue.start - 1] != "to":
        return None  # fast path: most cues follow no "to"
    m = _GO_ON_TO_RE.search(text, max(cue.c0, cue.start - 24), cue.start)
    if m is None:
        return None
    s0, s1 = cue.sentence
    mention = subject_before(text, cue.c0, m.start())
    if mention is None or not plausible_speaker(mention):
        mention = clause_subject(text, s0, m.start())
    if mention is None or not plausible_speaker(mention):
        return NO_CLAIM
    if not complement_ok(art, cue.end, s1, cue.low):
        return NO_CLAIM
    content = content_after(art, cue.start, cue.end, s1, cue.word)
    if too_short(text, content):
        return NO_CLAIM
    return make_draft(art, content, cue, mention)


# -- participles: the speaker is the clause subject ------------------------------------------


def _participle(art: Article, cue: Cue) -> Draft | NoClaim:
    """`…, adding that …` / `and arguing that …`: the speaker is the clause's subject, or
    the speaker of a claim already found in the sentence."""
    text = art.text
    cs, ce = cue.start, cue.end
    s0, s1 = cue.sentence
    pre = text[max(s0, cs - 6) : cs].rstrip()
    if not pre.endswith(
        (",", "and", "but", " by", "before", "after", "while", "also", *CLOSING_QUOTE_ENDINGS)
    ):
        return NO_CLAIM
    if (
        cue.low in lx.WEAK_CUES
        and not strong_complement(art, ce, s1, cue.word)
        # "and threatens to quit": a conjoined intent verb with its infinitive (not the
        # participle "..., threatening to quit", whose subject may be a document)
        and not (
            cue.low in lx.INTENT_FORMS
            and not cue.low.endswith("ing")
            and complement_ok(art, ce, s1, cue.low)
        )
    ):
        return NO_CLAIM
    prior = None
    for d in reversed(art.drafts[-3:]):
        if d.sentence == (s0, s1) and d.mention is not None:
            prior = d
            break
    mention = prior.mention if prior is not None else None
    if mention is None:
        # "Hours later, Trump returned the compliment, telling Reuters ...": the subject is
        # the first noun phrase in the sentence that a verb follows.
        mention = clause_subject(text, s0, cs)
        if mention is None or not plausible_speaker(mention):
            return NO_CLAIM
    content = content_after(art, cs, ce, s1, cue.word)
    if too_short(text, content):
        return NO_CLAIM
    first = _first_conjoined_participle(text, s0, cs, ce)
    if first is not None and not art.overlaps_taken(first, content[1]):
        content = (first, content[1])
    d = make_draft(art, content, cue, mention)
    d.speaker_of = prior
    return d


_CONJOINED_PARTICIPLE_RE = re.compile(r",\s+([a-z]+ing)\b[^,;:.!?“”\"]*\sand\s*$")


def _first_conjoined_participle(text: str, s0: int, cs: int, ce: int) -> int | None:
    """`…, pointing to the costs and arguing that the plan fails`: the cue is the second of
    two participles joined by "and" and takes a that-clause; the claim opens at the first
    participle. (`…, holding signs and chanting slogans` reports no claim of the first.)"""
    if not text[ce : ce + 6].lstrip().startswith("that "):
        return None
    m = _CONJOINED_PARTICIPLE_RE.search(text, s0, cs)
    return m.start(1) if m else None


def participle_clause(art: Article, cue: Cue) -> Outcome:
    """`The minister defended the plan, adding that no jobs would be lost.`"""
    if not cue.low.endswith("ing") or cue.belief:
        return None
    if not art.text[max(cue.c0, cue.start - 3) : cue.start].rstrip().endswith(","):
        return None
    return _participle(art, cue)


def statement_saying(art: Article, cue: Cue) -> Outcome:
    """`The league issued a statement saying the match would be replayed.`: the author of the
    statement (the clause subject) speaks."""
    mention = cue.subject
    if (
        mention is None
        or not cue.low.endswith("ing")
        or mention.pronoun
        or mention.relative
        or not (
            _carries_words(mention)
            or not (
                mention.proper or mention.kind in ("person", "government", "group", "anonymous")
            )
        )
    ):
        return None
    s0, s1 = cue.sentence
    subject = _author_before(art.text, cue.c0, mention) if _carries_words(mention) else None
    if subject is None:
        subject = clause_subject(art.text, s0, mention.start)
    if subject is None or not plausible_speaker(subject):
        return None
    if cue.low in lx.WEAK_CUES and not strong_complement(art, cue.end, s1, cue.word):
        return NO_CLAIM
    content = content_after(art, cue.start, cue.end, s1, cue.word)
    if SUBORDINATE_OPEN_RE.match(art.text, s0, mention.start):
        # "Since Lund's op-ed urging a vote, she has ...": the claim ends with the clause
        content = end_of_subordinate_clause(art, content)
    if too_short(art.text, content):
        return NO_CLAIM
    return make_draft(art, content, cue, subject)


def _carries_words(mention: Mention) -> bool:
    """A phrase that names a message, a remark or a time rather than a speaker: "an email",
    "a new radio ad", "explosive comments", "a statement Wednesday" ("X sent an email saying
    ...", "X made comments calling for ...": X speaks)."""
    words = mention.text.split()
    last = words[-1].lower().strip(".,’'") if words else ""
    return (
        last in lx.DOCUMENT_NOUNS
        or last in lx.MESSAGE_NOUNS
        or last in lx.REMARK_NOUNS
        or last in lx.CALENDAR_WORDS
    )


# A verb that makes or sends a message, right before it: its subject is the author ("he made
# explosive comments calling for ...", "Gowdy released a statement highlighting ...").
_AUTHOR_VERB_RE = re.compile(
    r"(?<![\w’'-])(?:made|makes|make|issued|issues|released|releases|sent|sends|posted|posts|"
    r"put[ \t\xa0]+out|puts[ \t\xa0]+out|wrote|writes|delivered|delivers|gave|gives|"
    r"published|publishes|tweeted|tweets|drafted|penned)[ \t\xa0]+\Z"
)


def _author_before(text: str, c0: int, mention: Mention) -> Mention | None:
    """Who made the remarks or sent the message `mention` names: a name that owns it
    ("Lund's remarks"), or the name or pronoun right before the verb that made or sent it
    ("shortly after he made explosive comments calling for ..." -> he, not the sentence's
    first subject); None when neither stands there (the clause's subject is tried next)."""
    start = phrase_start(mention)
    owned = _POSSESSOR_RE.match(text, start, mention.end)
    if owned is not None:
        owner = subject_before(text, c0, owned.end(1))
        return owner if owner is not None and owner.proper else None
    verb = _AUTHOR_VERB_RE.search(text, max(c0, start - 30), start)
    if verb is None:
        return None
    owner = subject_before(text, c0, verb.start())
    if owner is None or not (owner.pronoun or _all_capitalised(owner.text)):
        return None  # "Mr. Manafort helped draft a report": read as the clause's subject
    return owner if not text[max(owner.end, owner.phrase_end) : verb.start()].strip() else None


def _all_capitalised(phrase: str) -> bool:
    return all(w[:1].isupper() for w in phrase.split())


# A name that owns a message phrase: "Lund's", "Mr. Lund’s" (not "his": a pronoun may point
# anywhere, and the clause's subject is the better guess).
_POSSESSOR_RE = re.compile(r"((?:[A-Z][\w.-]*[ \t\xa0]+){0,3}[A-Z][\w.-]*)[’']s[ \t\xa0]")


def conjoined_or_participle(art: Article, cue: Cue) -> Outcome:
    """`She thanked the crew and said the ship was safe.` / `…, insisting that …`: no
    subject next to the cue, so the clause's subject speaks. The rules after this one
    need a subject next to the cue; without one this rule stops the search."""
    if cue.adjacent_subject is not None:
        return None
    conjoined = after_and(art, cue.sentence[0], cue.start)
    if (cue.low.endswith("ing") or conjoined) and not cue.belief:
        return _participle(art, cue)
    if (
        conjoined
        and cue.low in lx.INTENT_FORMS
        and complement_ok(art, cue.end, cue.sentence[1], cue.low)
    ):
        # `X says he regrets it and threatens to quit`: an intent verb with its infinitive.
        return _participle(art, cue)
    return NO_CLAIM
