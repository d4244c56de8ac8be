"""What an article says a named person is, beyond the title words right before the name
(people._words_before) and a description after it (people._appositive_after): the words a
later description ("the Florida senator", "the founder of the group", "the militia chief")
is matched against (`People.described`, `Registry._holder`).

- a description in apposition before the name: "the founder of the militia group, Ana Lund",
  "the militia's founder, Ana Lund";
- a party-and-state tag after it: "Ana Lund (R-Ky.)", "Sen. Ana Lund, D-Vt.,", "(I-VT)";
- lower-case modifiers of a title before it: "rogue militia chief Ana Lund";
- abbreviated titles and party names spelled out: "Sen." is a senator, a "Democrat" is
  "Democratic", a "GOP" senator a Republican.

These words only ever add to what a person may be called; the gender a role noun tells is
read from the narrower windows alone (people.role_gender). Cost: a few short windows around
each of the person's names, read once per person and only when a description is matched.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .mentions import _strip_possessive

# "(R-Ky.)", "(D-N.Y.)", ", R-W.Va.,", "(I-VT)": a party letter and a state, right after a name.
_TAG_RE = re.compile(
    r"[ \t]*[(,][ \t]*([RDI])[ \t]*[-–][ \t]*([A-Z][A-Za-z]{0,4}\.?(?:[ \t]?[A-Z][a-z]{0,2}\.)?)"
    r"[ \t]*[),]"
)
_PARTIES = {"R": "republican", "D": "democratic", "I": "independent"}
# Words that name one party ("Democrat", "GOP"): each stands for every other.
_PARTY_FORMS = (
    frozenset(("democrat", "democratic")),
    frozenset(("republican", "gop")),
)
_TITLE_ABBREVIATIONS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "adm": "admiral",
    "col": "colonel",
    "capt": "captain",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "prof": "professor",
}
# Person heads: a description holds one ("founder", "senator", "chief").
_HEADS = lx.TITLE_WORDS | lx.PERSON_DESCRIPTION_HEADS | lx.LEADER_HEADS
# Words that end a run of lower-case modifiers read back from a title.
_MODIFIER_STOP = (
    lx.DETERMINERS | lx.NP_STOP | lx.PREPOSITIONS | frozenset(lx.PRONOUNS) | lx.VERB_STOP
) | frozenset(("of", "for", "by", "not", "also", "who", "has", "had", "have", "was", "is"))
_VERBISH = frozenset(("is", "was", "are", "were", "has", "had", "have", "be", "been", "said"))
_APPOSITION_START = frozenset(("the", "a", "an"))


def spelled_out(low: str) -> tuple[str, ...]:
    """The other forms a descriptor word stands for: "sen" -> ("senator",), "democrat" ->
    ("democratic",), "gop" -> ("republican",); () for most words."""
    full = _TITLE_ABBREVIATIONS.get(low)
    if full:
        return (full,)
    for forms in _PARTY_FORMS:
        if low in forms:
            return tuple(forms - {low})
    return ()


def spelled_out_all(words: set[str]) -> set[str]:
    """Every other form of the descriptor words in `words` (`spelled_out`)."""
    return {full for w in words for full in spelled_out(w)}


def party_tag(text: str, end: int) -> list[str]:
    """ "Ana Lund (R-Ky.)" -> ["republican", "kentucky"]: the party and the state of a tag
    right after the name that ends at `end`; [] when there is none or the state is unknown."""
    m = _TAG_RE.match(text, end)
    if m is None:
        return []
    state = lx.US_STATE_ABBREVIATIONS.get(m.group(2).replace(" ", "").replace("\t", ""))
    return [_PARTIES[m.group(1)], state] if state else []


def apposition_before(text: str, start: int) -> list[str]:
    """ "the founder of the militia group, Ana Lund": the description that ends in a comma
    right before the name at `start`, from the determiner that opens it ("the militia's
    founder, Ana Lund" from "the"), when it holds a person head and no verb or "and" (in
    "the mayor and the first lady, Ana Lund" only "the first lady" is hers). [] otherwise."""
    if not text.startswith(", ", start - 2):
        return []
    window = text[max(0, start - 90) : start - 2]
    cut = max(window.rfind(ch) for ch in ',.;:\n“"()”')
    words = window[cut + 1 :].split()[-12:]
    for k in range(len(words) - 1, -1, -1):
        low = _strip_possessive(words[k]).lower().strip(".")
        if low in _VERBISH or low in lx.RELATIVE_PRONOUNS or low in ("and", "or"):
            return []
        if low in _APPOSITION_START or k == 0:
            rest = [_strip_possessive(x).lower().strip(".") for x in words[k:]]
            if any(x in _HEADS for x in rest[1:]) or (k == 0 and rest[0] in _HEADS):
                return words[k:]
    return []


def modifiers_before(text: str, start: int, taken: int) -> list[str]:
    """ "rogue militia chief Ana Lund": up to three lower-case words before the `taken`
    title words in front of the name at `start`, when the first of those is a person head
    ("chief"); they stop at a determiner, a preposition, a pronoun, a verb or punctuation."""
    words = text[max(0, start - 80) : start].split()
    if taken == 0 or len(words) <= taken:
        return []
    first = _strip_possessive(words[-taken]).lower().strip(".,")
    if first not in _HEADS:
        return []
    out: list[str] = []
    for w in reversed(words[: len(words) - taken]):
        if len(out) == 3 or not re.fullmatch(r"[a-z][a-z-]+", w) or w in _MODIFIER_STOP:
            break
        out.append(w)
    return out[::-1]


def around(text: str, start: int, end: int, taken: int) -> list[str]:
    """Every descriptor word this module reads around a name at text[start:end] whose
    `taken` title words before it people._words_before has read."""
    return [
        *apposition_before(text, start),
        *modifiers_before(text, start, taken),
        *party_tag(text, end),
    ]
