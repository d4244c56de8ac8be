"""One body, three ways of naming it: an acronym ("the FSB", "Russia's FSB", "the FSB security
service"), its expansion ("the Central Intelligence Agency", "the Federal Security Service
(FSB)"), or a description of what it does in a country ("Russian state security", "Moscow's
security services", "Russia's state security apparatus").

`body_keys` gives each form the keys it shares with the others: "acronym:FSB" for the acronym
and for a capitalised name whose initials spell it (or that lexicon.BODY_ACRONYMS gives it),
"function:russia:security" for a description of a state body by its country and what it does
(and for a known acronym's English name in its country). Two mentions that share a key name
one body: the article's registry and the speaker resolver across articles both read them.
Pure; cost: one pass over the mention's words.
"""

from __future__ import annotations

import re

from . import lexicon as lx

__all__ = ["body_keys", "is_description"]

_ACRONYM_RE = re.compile(r"[A-Z]{2,6}")
# "the Federal Security Service (FSB)": the acronym in brackets right after the name.
_BRACKETED_RE = re.compile(r"\s*\(([A-Z]{2,6})\)")
_LINKS = frozenset(("of", "for", "and", "on", "in", "the"))
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
# Fewer letters than this spell too many names: "FM" is the foreign and the finance ministry.
_MIN_INITIALS = 3
# Heads of a description of people ("the GOP presidential candidate", "GOP primary voters",
# "the SPD chancellor candidate"): the acronym in front names their party or body, not them.
_PEOPLE_HEADS = (
    lx.TITLE_WORDS
    | lx.PERSON_DESCRIPTION_HEADS
    | lx.LEADER_HEADS
    | lx.ANONYMOUS_HEADS
    | lx.PLURAL_GROUP_HINT
    | lx.MEMBER_HEADS
) - (lx.ORG_WORDS | lx.FUNCTION_HEADS | lx.GOVERNMENT_WORDS | {"countries", "nations", "states"})


def _is_people_head(word: str) -> bool:
    """A head noun of people, singular or a regular plural ("candidate", "candidates",
    "front-runners")."""
    return word in _PEOPLE_HEADS or (word.endswith("s") and word[:-1] in _PEOPLE_HEADS)


def _bare(word: str) -> str:
    word = word.strip('.,;:()"“”')
    for end in ("'s", "’s"):
        if word.endswith(end):
            return word[: -len(end)]
    return word.rstrip("'’")


def _country(word: str) -> str:
    if word in lx.COUNTRIES:
        return word
    return lx.COUNTRY_ALIASES.get(word) or lx.DEMONYMS.get(word, "")


def _split_country(words: list[str]) -> tuple[list[str], str]:
    """The words without determiners and the country they name (a demonym, a country, its
    capital or its possessive in front; "of <country>" at the end), and that country."""
    out: list[str] = []
    country = ""
    k = 0
    while k < len(words):
        bare = _bare(words[k])
        pair = f"{bare} {_bare(words[k + 1])}" if k + 1 < len(words) else ""
        if not bare or bare.lower() in lx.DETERMINERS:
            k += 1
            continue
        if not country and pair and (found := _country(pair)):
            country, k = found, k + 2
            continue
        if not country and (found := _country(bare)):
            country, k = found, k + 1
            continue
        out.append(bare)
        k += 1
    if country and out and out[-1].lower() == "of":
        out.pop()  # "Security Service of Ukraine"
    return out, country


def _function_key(words: list[str], country: str) -> str:
    """'function:<country>:<what it does>' of a state body described by its function, or ''.

    The description must say it is a state body: a state word ("state security", "Federal
    Security Service") or a body head ("security services", "security apparatus"); "Russian
    security forces" says neither and is no key (troops, police or the FSB)."""
    if not country:
        return ""
    lows = [w.lower() for w in words if w.lower() not in _LINKS]
    state = any(w in lx.STATE_QUALIFIERS for w in lows)
    headed = False
    while lows and (lows[-1] in lx.FUNCTION_HEADS or (state and lows[-1] == "forces")):
        lows.pop()
        headed = True
    core = [w for w in lows if w not in lx.STATE_QUALIFIERS]
    if not core or len(core) > 2 or not (state or headed):
        return ""
    return f"function:{country.lower()}:{' '.join(core)}"


def body_keys(words: list[str], after: str = "") -> frozenset[str]:
    """The keys a body's mention shares with the other names of that body (see the module).

    `words` are the mention's words as written; `after` is the text right after it (for an
    acronym in brackets). Empty for a mention that names no body this way ("the ministry",
    "Acme").
    """
    rest, country = _split_country(words)
    if not rest:
        return frozenset()
    keys: set[str] = set()
    acronyms = [w for w in rest if _ACRONYM_RE.fullmatch(w)]
    if acronyms:
        if len(acronyms) > 1 or any(w != acronyms[0] and not w.islower() for w in rest):
            return frozenset()
        if rest[-1] != acronyms[0] and _is_people_head(rest[-1].lower()):
            return frozenset()  # "the GOP presidential candidate" is the candidate
        acronym = acronyms[0]  # "the FSB", "Russia's FSB", "the FSB security service"
        keys.add(f"acronym:{acronym}")
        if acronym in lx.BODY_ACRONYMS:
            name, home = lx.BODY_ACRONYMS[acronym]
            if not country or country == home:
                english, _ = _split_country(name.split())
                keys.add(_function_key(english, home))
        keys.discard("")
        return frozenset(keys)
    if bracketed := _BRACKETED_RE.match(after):
        keys.add(f"acronym:{bracketed.group(1)}")
    caps = [w for w in rest if w.lower() not in _LINKS]
    if caps and all(w[:1].isupper() for w in caps):
        # A name: its initials, or the acronym the lexicon gives it in its country.
        if len(caps) >= _MIN_INITIALS:
            keys.add(f"acronym:{''.join(w[0] for w in caps)}")
        english = " ".join(rest).lower()
        for acronym, (name, home) in lx.BODY_ACRONYMS.items():
            own, _ = _split_country(name.split())
            if " ".join(own).lower() == english and (not country or country == home):
                keys.add(f"acronym:{acronym}")
                keys.add(_function_key(own, home))
    elif all(w.islower() for w in rest):
        # A description ("Russian state security"); a name's capitalised words ("the State
        # Department") are no description of what the body does.
        keys.add(_function_key(rest, country))
    keys.discard("")
    return frozenset(keys)


def is_description(words: list[str]) -> bool:
    """The mention describes a body in lower-case words ("Russian state security"), so a name
    found for the same body ("FSB") is a better name to show."""
    rest, _ = _split_country(words)
    return bool(rest) and all(w.islower() for w in rest)
