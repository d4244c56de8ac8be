"""A reporting cue ("said", "according to", "fired back", ...) and what the cue rules share.

The cue rules (cue_filters.py, speaker_after.py, participles.py, speaker_before.py) each take
the article and a `Cue` and answer with a `Draft` (a claim: stop), `NO_CLAIM` (this
construction, but nothing to report here: stop) or `None` (not this construction: try the next
rule of the table in `rules/__init__.py`). A rule may rely on the rules before it having
declined, as the table's order says; its docstring gives an example of what it takes.
"""

from __future__ import annotations

import re
from functools import cached_property

from .. import lexicon as lx
from ..adjuncts import lone_adverb
from ..mentions import Mention
from ..speakers import subject_before
from .article import Article, Draft, NoClaim
from .checks import fits_cue, plausible_speaker, subject_adjacent
from .patterns import count_words

Outcome = Draft | NoClaim | None


class Cue:
    """A cue match and what the rules ask about it, each computed once on first use
    (`cached_property`: after the first read an attribute lookup, no call)."""

    def __init__(self, art: Article, match: re.Match[str]):
        self.art = art
        self.match = match
        self.start, self.end = match.span()
        self.word = match.group()
        self.low = self.word.lower()
        # Which alternative of CUE_RE matched: "acc" (according to), "point" (points out),
        # "phrasal" (fired back), "head" (a "Says" headline) or "verb".
        self.kind = match.lastgroup
        self.belief = self.kind == "verb" and (
            self.low in lx.BELIEF_FORMS or self.low in lx.ATTITUDE_FORMS
        )

    @cached_property
    def sentence(self) -> tuple[int, int]:
        return self.art.sentence(self.start)

    @cached_property
    def c0(self) -> int:
        """Where the cue's clause begins (after a colon or dash of the sentence, if any)."""
        return self.art.clause_start(self.sentence[0], self.start)

    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @cached_property
    def subject(self) -> Mention | None:
        """The noun phrase before the cue, if it can speak; for "Mr. X, who said" the mention
        stays "who" and its antecedent is found."""
        text, s0 = self.art.text, self.sentence[0]
        mention = subject_before(text, self.c0, self.start)
        if mention is not None and mention.relative:
            k = max(text.rfind(sep, s0, mention.start) for sep in (",", "—", " - ", "("))
            mention.antecedent = subject_before(text, s0, k) if k > s0 else None
        if mention is not None and (
            not plausible_speaker(mention, self.low) or lone_adverb(self.art.text, mention.text)
        ):
            mention = None
        return mention

    @cached_property
    def adjacent_subject(self) -> Mention | None:
        """The subject when it fits the cue and ends next to it ("Smith said", "Smith, 54,
        said", "Smith has repeatedly said")."""
        mention = self.subject
        if mention is None or not fits_cue(mention, self.low):
            return None
        return mention if subject_adjacent(self.art, mention, self.start) else None


def make_draft(art: Article, content: tuple[int, int], cue: Cue, mention: Mention | None) -> Draft:
    return Draft(*content, art.kind_of(*content), cue.span(), mention, cue.sentence)


def phrase_start(mention: Mention) -> int:
    """Where the subject phrase begins, appositives and titles included ("Senator Ada Moss").
    (`phrase_start or start` would take a phrase at offset 0 for an unset one.)"""
    return min(mention.phrase_start, mention.start)


def too_short(text: str, content: tuple[int, int]) -> bool:
    return content[1] - content[0] < 3 or count_words(text, *content, 2) < 2
