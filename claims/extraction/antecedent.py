"""The person a "he" or "she" continues when the article has moved on from its last speaker.

News prose keeps its subject: a pronoun that opens a sentence (or the cue after a quote)
refers to the subject of the sentence before it, and a pronoun later in a sentence whose
subject is a person refers to that person. `Tom Lund said X. Peter Berg took office on
Monday. He said Y.` is Berg's, and so is `Peter Berg, who took office on Monday, visited the
port, where he said ...`. A person the sentence before names in another place (`Officials
named Peter Berg as the new chief.`) takes no pronoun by it: on the 949 texts of the
benchmarks such a person was as often a name-shaped phrase ("Christian Monitor Breakfast")
or a man talked about as the one who speaks next.

A subject is a person named at the sentence's start, after connectives ("But", "However,")
and the titles in front of the name ("Former Gov.", "FBI director"), and followed by what
can only be its verb or an appositive: not a possessive ("Berg's office said"), not a second
name joined by "and" (a plural subject), not a noun ("Clinton campaign officials said").
A bare surname counts when the article names a person of it. Cost: two sentence lookups and
one bisection into the article's person mentions per pronoun.
"""

from __future__ import annotations

import bisect
import re

from . import lexicon as lx
from .mentions import _is_possessive
from .people import _DESCRIPTOR_WORDS, Entity, People, _norm, honorific_gender

# Words that may open a sentence before its subject ("But Berg said", "However, Berg ...").
_CONNECTIVES = frozenset(
    (
        "but",
        "and",
        "so",
        "yet",
        "still",
        "however",
        "meanwhile",
        "instead",
        "then",
        "now",
        "later",
        "also",
        "separately",
        "earlier",
        "afterward",
        "afterwards",
    )
)
_OPENING_MARKS = "“\"‘'([—–-"
_WORD_RE = re.compile(r"\S+")
# What may follow a bare surname that is a sentence's subject: a comma (an appositive or an
# adjunct), an auxiliary or adverb (lexicon AUX_ADVERBS), or a verb's -s / -ed form.
_VERB_SHAPE_RE = re.compile(r"[a-z]+(?:ed|s)\b")


def subject_antecedent(reg, pos: int) -> Entity | None:
    """The person who is the subject that a pronoun at `pos` continues (see the module
    docstring), or None: the pronoun then falls to the previous speaker and the people named
    before it (`Registry._resolve_pronoun`). `reg` is the article's Registry: its text,
    people, `sentence`, `in_quote` and `in_claim`."""
    text = reg.text
    s0, _ = reg.sentence(pos)
    q = _skip_connectives(text, s0, pos)
    if q >= pos or _closed_quote_before(text, q, pos, reg.in_quote):
        return _previous_subject(reg, s0)
    ent, end = _subject_at(reg.people, text, q, reg.in_quote)
    return ent if end <= pos else None


def _previous_subject(reg, s0: int) -> Entity | None:
    """The subject of the sentence before the one at `s0`; none when that subject stands in
    the words of a claim (`Cruz is right, Lund argues. "...," he says`: the claim's speaker
    is what the next pronoun continues, and the previous-speaker rule finds that)."""
    text = reg.text
    t = s0 - 1
    while t >= 0 and text[t].isspace():
        t -= 1
    if t < 0 or text[t] == "?":
        return None  # a question puts its verb first: "Don't Republicans risk ...?"
    p0, _ = reg.sentence(t)
    q = _skip_connectives(text, p0, t + 1)
    if reg.in_claim(q):
        return _speaker_of_claim_at(reg, q)
    ent, _ = _subject_at(reg.people, text, q, reg.in_quote)
    return ent


def _speaker_of_claim_at(reg, q: int) -> Entity | None:
    """The person who said the claim whose words hold `q` (the latest claim resolved so
    far that starts at or before it), or None."""
    best = None
    for spos, ent in reg.speakers[-12:]:
        if spos <= q and (best is None or spos >= best[0]):
            best = (spos, ent)
    if best is None or best[1].kind != "person":
        return None
    return best[1]


def _skip_connectives(text: str, start: int, limit: int) -> int:
    """The offset of the first word at or after `start` that is no connective."""
    for m in _WORD_RE.finditer(text, start, limit):
        if m.group().rstrip(",").lower() not in _CONNECTIVES:
            return m.start()
    return limit


def _closed_quote_before(text: str, q: int, pos: int, in_quote) -> bool:
    """Is text[q:pos] a quotation and the punctuation after it ("“A,” he said")?"""
    if q >= pos or text[q] not in "“\"‘'" or not in_quote(q + 1):
        return False
    k = pos - 1
    while k > q and (text[k].isspace() or text[k] in ",—–-"):
        k -= 1
    return k > q and text[k] in "”\"’'" and not in_quote(pos)


def _subject_at(people: People, text: str, q: int, in_quote) -> tuple[Entity | None, int]:
    """The person named as the subject of a sentence whose first word (connectives skipped)
    stands at `q`, and where the name ends; (None, q) when the subject is no person. The
    name is the last word of a run of titles and capitalised words ("Former New York Gov.
    George Pataki", "FBI director James Comey", "Mr. Berg")."""
    if q >= len(text) or text[q] in _OPENING_MARKS or in_quote(q):
        return None, q
    run_end, last = q, ""
    for n, m in enumerate(_WORD_RE.finditer(text, q)):
        w = m.group()
        bare = w.rstrip(",;:")
        if n >= 8 or "\n" in text[run_end : m.start()]:
            break
        low = _norm(bare)
        if n == 0 and (low in lx.NP_STOP or low in lx.PREPOSITIONS or low in lx.DETERMINERS):
            return None, q  # "After Berg spoke, ...", "The Berg plan ..."
        if not (bare[:1].isupper() or (low in _DESCRIPTOR_WORDS and low != "and")):
            break
        run_end, last = m.start() + len(bare), bare
        if bare != w or _is_possessive(bare):
            break
    if not last[:1].isupper() or not _subject_follows(text, run_end, last, full=True):
        return None, q
    k = bisect.bisect_left(people.mention_pos, run_end) - 1
    if k >= 0 and people.mention_pos[k] >= q:
        ent = people.mention_ent[k]
        if last in (ent.last, ent.name.split()[-1]):
            return ent, run_end
    if last in people.by_last and _subject_follows(text, run_end, last, full=False):
        lead = text[q : run_end - len(last)].split()
        ent, _ = people.person([last], q, set(), honorific_gender(lead))
        return ent, run_end
    return None, q


def _subject_follows(text: str, end: int, name: str, full: bool) -> bool:
    """Does what follows a name at a sentence's start make it the subject? After a full
    name any lower-case word but "and" ("Peter Berg took office"); after a bare surname only
    what can be a verb ("Berg said", "Berg has", not "Berg campaign officials")."""
    if _is_possessive(name):
        return False  # "Berg's office said"
    rest = text[end : end + 40]
    if rest.startswith(",") or rest.startswith((" —", " –", " -- ")):
        return True
    nxt = (rest.split() or [""])[0]
    if nxt == "and" or not nxt[:1].islower():
        return False  # "Peter Berg and Ana Lind took office" (two), "Berg\n\nHe said"
    return full or nxt in lx.AUX_ADVERBS or bool(_VERB_SHAPE_RE.fullmatch(nxt))
