"""The named person a title or description stands for: "the defence secretary", "a
somber-looking Russian president", "the Wagner boss", "the Florida senator", "the founder of
the militia group" -> the person the article introduced with those words (registry.py asks;
the words each person was introduced with are `People.described`, descriptors.py).

Cost: a walk back over at most 40 named mentions and the last 8 speakers per description.
"""

from __future__ import annotations

import bisect
import re

from . import descriptors
from . import lexicon as lx
from .mentions import _INSTITUTION_WORDS, _country_of, _strip_possessive
from .people import _DETERMINERS, _PERSON_HEADS, Entity, _norm, role_gender

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up cost)
if TYPE_CHECKING:  # pragma: no cover
    from .registry import Registry

_INDEFINITE = frozenset(("a", "an", "one"))
# Titles of a country's head of state or government ("the Israeli prime minister").
_HEAD_OF_STATE = frozenset(
    ("president", "premier", "chancellor", "minister", "king", "queen", "emir")
)
_PLURAL_HEADS = lx.PLURAL_GROUP_HINT | frozenset(("officials", "senators", "governors"))
_PLURAL_DETERMINERS = frozenset(
    ("several", "many", "some", "these", "those", "both", "all", "two", "three", "four", "few")
)
_AROUND = 100
_LINKS = frozenset(("of", "for", "and", "at", "in"))
_PLAIN_WORD_RE = re.compile(r"[a-z][a-z-]+")
# Lower-case words of a description that tell nothing of whom it means ("the embattled
# senator", "the then-chief"): never required, only preferred (`holder`).
_SOFT_STOP = lx.DETERMINERS | lx.NP_STOP | _LINKS | frozenset(("former", "new", "then", "top"))


def holder(
    reg: Registry,
    words: list[str],
    head_words: list[str],
    tail: list[str],
    head: str,
    pos: int,
    unique: bool = False,
) -> Entity | None:
    """The named person a title or description stands for. Every telling word of the
    description (a name, a demonym, a title word) must be among the person's descriptors;
    an indefinite description resolves only to a single-holder office or when it says
    more than its head ("a spokesperson for Qatar's foreign ministry"). Among the people who
    fit, the nearest whose descriptors also hold the description's lower-case modifiers
    wins ("the militia chief" is "militia chief Ana Lund", not the army chief named after
    her), else the nearest. Abbreviated titles and party names count spelled out ("Sen.
    Ana Lund (R-Ky.)" is a Republican senator) only for a description that says more than its
    head: a bare "the senator" is too often the article's main figure, named without the
    title, to go to the nearest "Sen. X". With `unique`, only the one person who fits among
    the people named within `_AROUND` mentions of it (in practice the whole article)."""
    mods: set[str] = set()
    soft: set[str] = set()
    for w in [*head_words[:-1], *tail]:
        low = _norm(w)
        if low in _DETERMINERS or low in _LINKS:
            continue
        if (
            w[:1].isupper()
            or low in lx.TITLE_WORDS
            or low in _INSTITUTION_WORDS
            or _country_of(w.capitalize())
        ):
            mods.add(low)
        elif _PLAIN_WORD_RE.fullmatch(low) and low not in _SOFT_STOP:
            soft.add(low)
    indefinite = _norm(words[0]) in _INDEFINITE
    if head in _PLURAL_HEADS or _norm(words[0]) in _PLURAL_DETERMINERS:
        return None  # "several GOP leaders" are no one person
    if indefinite and not mods:
        return None
    if indefinite and head not in lx.SINGLE_HOLDER_TITLES and len(mods) < 2:
        return None
    people = reg.people

    def fits(ent: Entity, wide: bool = True) -> bool:
        if ent.kind != "person" or not ent.proper:
            return False
        ws = people.described(ent)
        if wide and (mods or soft):
            ws = ws | descriptors.spelled_out_all(ws)
        if head in ws or (head in lx.LEADER_HEADS and ws & lx.LEADER_HEADS):
            head_ok = True
        else:
            head_ok = head in lx.PERSON_DESCRIPTION_HEADS and bool(mods)
        return head_ok and all(mod in ws or _country_key(mod) in ws for mod in mods)

    definite = _norm(words[0]) == "the"
    i = bisect.bisect_right(people.mention_pos, pos)
    if unique:
        # The people named around it (a bounded window keeps hostile texts linear).
        near = {id(e): e for e in people.mention_ent[max(0, i - _AROUND) : i + _AROUND]}
        every = [e for e in near.values() if fits(e)]
        if len(every) == 1:
            return every[0]
        return epithet(reg, head, mods, pos) if not every else None
    before = [people.mention_ent[k] for k in range(i - 1, max(-1, i - 40), -1)]
    found = [e for e in [*before, *(e for _, e in reversed(reg.speakers[-8:]))] if fits(e)]
    if found:
        return next((e for e in found if soft <= people.described(e)), found[0])
    if head in lx.PERSON_DESCRIPTION_HEADS and not mods:
        return epithet(reg, head, mods, pos) if definite else None
    lone = lone_untitled_speaker(reg, head, mods, indefinite)
    if lone is not None:
        return lone
    # Named after the description: its words as written ("The GOP candidate ..." is not
    # the "Republican candidate" named further down).
    later = {id(e): e for e in people.mention_ent[i : i + 40] if fits(e, wide=False)}
    if len(later) == 1 and not indefinite:
        return next(iter(later.values()))
    return epithet(reg, head, mods, pos) if definite and not later else None


# A sentence ends at [.!?] (and a closing mark) before a space, or at a line break.
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’']?[ \t]+|\n+")
_SURNAME_RE = re.compile(r"[A-Z][\w’'-]+")
_PARTY_WORDS = frozenset(("republican", "democratic", "independent"))
# Heads of an epithet: what a person is, not a post ("the mercenary", "the Kentucky
# Republican", "the New York businessman"). A post is as often someone else's ("Trump ...,
# the former CEO of Hewlett-Packard added"; "the governor" of a text about Trump), and "the
# man", "the woman" anyone's.
_EPITHET_HEADS = (
    (lx.PERSON_DESCRIPTION_HEADS - lx.LEADER_HEADS - {"man", "woman", "executive", "veteran"})
    | _PARTY_WORDS
    | {"democrat"}
)
_PLACES = frozenset(lx.US_STATE_ABBREVIATIONS.values()) | frozenset(c.lower() for c in lx.COUNTRIES)


def epithet(reg: Registry, head: str, mods: set[str], pos: int) -> Entity | None:
    """A definite description no one was introduced with, used as another name for a person
    just named: "Prigozhin's calculus had changed, and the mercenary said ..." (the one person
    named earlier in its sentence) or, for a description that says more than its head,
    "Senate leader Mitch McConnell is criticizing President Obama ... ¶ In a statement, the
    Kentucky Republican dismissed ..." (the person whose name opens the sentence before).
    The head must say what a person is, not name a post (`_EPITHET_HEADS`).
    Never a person the description contradicts (another state, party or post, the other
    gender)."""
    if head not in _EPITHET_HEADS:
        return None
    text = reg.text
    start = _sentence_start(text, pos)
    named = _persons_in(reg, start, pos)
    if not named and mods and start > 0:
        k = start
        while k > 0 and text[k - 1] in " \t\n\xa0":
            k -= 1
        before = _sentence_start(text, max(0, k - 1))
        named = _persons_in(reg, before, start)[:1]
        if named and not _opens(text, before, named[0][0]):
            named = []
    people = {id(e): e for _, e in named}
    if len(people) != 1:
        return None
    (ent,) = people.values()
    return ent if _agrees(reg, ent, head, mods) else None


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - 400)
    start = lo
    for m in _SENTENCE_END_RE.finditer(text, lo, pos):
        start = m.end()
    return start


def _persons_in(reg: Registry, start: int, end: int) -> list[tuple[int, Entity]]:
    """The named people of text[start:end], in order: full names the prescan found and
    surnames only one person of the article bears ("Prigozhin's")."""
    people = reg.people
    i = bisect.bisect_left(people.mention_pos, start)
    out = []
    while i < len(people.mention_pos) and people.mention_pos[i] < end:
        out.append((people.mention_pos[i], people.mention_ent[i]))
        i += 1
    for m in _SURNAME_RE.finditer(reg.text, start, end):
        bearers = people.by_last.get(_strip_possessive(m.group()), ())
        if len(bearers) == 1:
            out.append((m.start(), bearers[0]))
    return sorted(out, key=lambda p: p[0])


def _opens(text: str, start: int, at: int) -> bool:
    """Does the name at `at` open the sentence that starts at `start`: nothing before it but
    capitalised words and title words ("Senate Majority Leader Mitch McConnell is")?"""
    return all(w[:1].isupper() or _norm(w) in lx.TITLE_WORDS for w in text[start:at].split())


def _agrees(reg: Registry, ent: Entity, head: str, mods: set[str]) -> bool:
    """Nothing the article says of `ent` contradicts the description: no other state or
    country, no other party, not the other gender ("the businesswoman" is no "he")."""
    if ent.kind != "person" or not ent.proper:
        return False
    ws = reg.people.described(ent)
    ws = ws | descriptors.spelled_out_all(ws)
    said = mods | {head} | {_country_key(m) for m in mods if _country_key(m)}
    said |= descriptors.spelled_out_all(said)
    for kind in (_PLACES, _PARTY_WORDS):
        if said & kind and ws & kind and not said & ws & kind:
            return False
    gender = role_gender([head])
    return not (gender and ent.gender and gender != ent.gender)


def lone_untitled_speaker(
    reg: Registry, head: str, mods: set[str], indefinite: bool
) -> Entity | None:
    """`Lund says tax will fall` (headline), then `The Danish prime minister said ...`: a
    country's head of state or government, described before the article gives anyone
    that title, is the one person who has spoken so far when the article has given that
    person no title at all."""
    countries = {m for m in mods if _country_key(m)}
    if indefinite or head not in _HEAD_OF_STATE or not countries:
        return None
    if mods - countries - {"prime"}:
        return None  # "Israel's foreign minister" is not the head of government
    persons = {id(e): e for _, e in reg.speakers if e.kind == "person" and e.proper}
    if len(persons) != 1:
        return None
    (ent,) = persons.values()
    if reg.people.described(ent) & (lx.TITLE_WORDS | lx.LEADER_HEADS):
        return None
    return ent


def _country_key(word: str) -> str:
    return _country_of(word.capitalize()).lower()


_STATE_NAMES = frozenset(lx.US_STATE_ABBREVIATIONS.values())
_THE_BEFORE_RE = re.compile(r"(?:^|[^\w’'-])[Tt]he[ \t\xa0]+$")


def capitalised_description(reg: Registry, m, pos: int) -> Entity | None:
    """ "the Kentucky Republican", "The Vermont Democrat": a description in capitals after
    "the" (a state, a demonym or a title word, then a person head) reads like a name; it
    is the one person of the article introduced with those words ("Kentucky Republican
    Ana Lund", "Sen. Ana Lund (R-Ky.)"), else None and the mention is read as a name."""
    words = m.text.split()
    if not words or len(words) > 4 or _norm(words[-1]) not in _PERSON_HEADS:
        return None
    if _norm(words[0]) == "the":
        words = words[1:]
    elif not _THE_BEFORE_RE.search(reg.text, max(0, m.start - 5), m.start):
        return None
    if len(words) < 2 or not all(_telling(w) for w in words[:-1]):
        return None
    return holder(reg, ["the", *words], words, [], _norm(words[-1]), pos, unique=True)


def _telling(word: str) -> bool:
    """A capitalised modifier of a description that says whom it means: a US state or other
    region, a country or demonym, or a title or party word ("Kentucky", "Russian", "GOP")."""
    low = _norm(word)
    return (
        word in lx.REGIONS
        or word.capitalize() in lx.REGIONS
        or low in lx.TITLE_WORDS
        or bool(_country_of(word.capitalize()))
        or low in _STATE_NAMES
    )
