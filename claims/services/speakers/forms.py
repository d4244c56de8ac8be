"""What a speaker's surface form is: a metonym or a seat of government, a pronoun, a generic
document or source, a name worth storing as an alias, a description of an office, a body named
by its head noun alone. Pure functions and tables; no database."""

from __future__ import annotations

from django.conf import settings

from claims.enums import SpeakerKind
from claims.names import (
    PORTFOLIO_BODIES,
    given_key,
    org_parts,
    role_head,
    split_person_name,
    surname_key,
)
from claims.normalise import normalise_name

DEFAULT_METONYMS = {
    "Moscow": "Russia",
    "Beijing": "China",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Washington": "United States",
    "U.S.": "United States",
    "US": "United States",
    "America": "United States",
    "London": "United Kingdom",
    "Paris": "France",
    "Berlin": "Germany",
    "Tehran": "Iran",
    "Pyongyang": "North Korea",
    "Minsk": "Belarus",
}

# Seats of government: speakers of their own, contained in their government (affiliated_with).
SEATS = {
    "kremlin": "Russia",
    "white house": "United States",
    "downing street": "United Kingdom",
    "pentagon": "United States",
    "elysee": "France",
    "elysee palace": "France",
}

PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "his",
        "hers",
        "them",
        "their",
        "theirs",
        "its",
        "who",
        "whom",
        "which",
        "that",
        "this",
        "these",
        "those",
        "one",
        "himself",
        "herself",
        "themselves",
    ]
)
_KINDS = frozenset(SpeakerKind.values)  # SpeakerKind.values builds a new list on every access
_ORG_KINDS = frozenset((SpeakerKind.ORGANIZATION, SpeakerKind.GOVERNMENT, SpeakerKind.GROUP))
HONORIFICS = frozenset(("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam"))
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those"))


def metonym_table() -> dict[str, str]:
    """Normalised surface form -> government name: the defaults plus settings.CLAIMDESK_METONYMS."""
    table = dict(DEFAULT_METONYMS)
    for surface, target in getattr(settings, "CLAIMDESK_METONYMS", {}).items():
        if target is None:
            table.pop(surface, None)
        else:
            table[surface] = target
    return {normalise_name(k): v for k, v in table.items()}


def is_pronoun(text: str) -> bool:
    return normalise_name(text) in PRONOUNS


def is_name_like(mention: str, name: str) -> bool:
    """Worth storing as an alias: shares a word with the name, or is a proper noun phrase.

    "Mr. Zelensky" (for Volodymyr Zelensky) and "the Kremlin" are; "he", "the spokesman" and
    "the report" are not: stored, they would attach every future "the spokesman" to one person.
    """
    words = normalise_name(mention).split()
    if not words or " ".join(words) in PRONOUNS:
        return False
    if set(words) & set(normalise_name(name).split()) - HONORIFICS - _DETERMINERS:
        return True
    raw = [w for w in mention.split() if w.lower() not in _DETERMINERS]
    return bool(raw) and all(w[:1].isupper() for w in raw)


# A name made only of these words is a document or a vague source, not an identity.
_GENERIC_WORDS = frozenset(
    [
        "statement",
        "statements",
        "letter",
        "letters",
        "report",
        "reports",
        "memo",
        "document",
        "documents",
        "filing",
        "post",
        "readout",
        "communique",
        "release",
        "announcement",
        "source",
        "sources",
        "same",
        "put",
        "out",
        "issued",
        "released",
        "joint",
        "new",
        "latest",
        "earlier",
        "separate",
        "official",
        "press",
    ]
) | frozenset(w.rstrip(".") for w in _DETERMINERS)


def is_generic(key: str) -> bool:
    """True for "the statement", "a statement put out", "the same source" (normalised)."""
    words = key.split()
    return bool(words) and all(w in _GENERIC_WORDS for w in words)


def _seat_in(role: str) -> str | None:
    """The seat of government a role names ("Kremlin spokesman" -> "kremlin"), or None."""
    if not role:
        return None
    words = f" {normalise_name(role)} "
    return next((seat for seat in SEATS if f" {seat} " in words), None)


def _is_description(name, kind) -> bool:
    """A description of a person's office rather than a name ("the Ruritanian leader")."""
    if not name or kind in (SpeakerKind.ANONYMOUS, SpeakerKind.MEDIA):
        return False
    return split_person_name(name) is None and bool(role_head(name))


def _bare_head(name, kind) -> str:
    """The one word of a body named by its head noun alone ("the employees"), or ''."""
    if kind not in _ORG_KINDS or not name:
        return ""
    words = [w for w in normalise_name(name).split() if w not in _DETERMINERS]
    return words[0] if len(words) == 1 else ""


def _national_body(name, kind) -> tuple[str, str]:
    """(country, head) of a body named by a nationality and a portfolio body's head alone
    ("the Qatari Ministry" -> ("qatar", "ministry")), else ("", "")."""
    if kind not in _ORG_KINDS or not name:
        return "", ""
    country, key = org_parts(name)
    words = normalise_name(name).split()
    if key or not country or not words or words[-1] not in PORTFOLIO_BODIES:
        return "", ""
    return country, words[-1]


def _article_bodies(items) -> dict[str, set[str]]:
    """Head noun -> the longer names one article gives bodies with that head ("employees" ->
    {"acme employees"}): "the employees" further down is those employees. A portfolio body
    is also filed under its body word ("ministry of foreign affairs" under "ministry")."""
    local: dict[str, set[str]] = {}
    for name, kind, _role, _affiliation, _mention in items:
        if kind in _ORG_KINDS and name:
            words = [w for w in normalise_name(name).split() if w not in _DETERMINERS]
            if len(words) > 1:
                full = " ".join(words)
                local.setdefault(words[-1], set()).add(full)
                for w in PORTFOLIO_BODIES.intersection(words[:-1]):
                    local.setdefault(w, set()).add(full)
    return local


def _national_body_in(bodies: dict[str, set[str]], country: str, head: str) -> str | None:
    """The one body of the article with that head and country that names its portfolio
    ("qatar foreign ministry" for "the Qatari Ministry"), or None (none, or two)."""
    fits = {
        full
        for full in bodies.get(head, ())
        if (parts := org_parts(full)) and parts[0] == country and parts[1]
    }
    return next(iter(fits)) if len(fits) == 1 else None


def _article_given_names(items) -> dict[str, set[str]]:
    """Surname key -> the given-name keys one article's names and mentions give it."""
    local: dict[str, set[str]] = {}
    for name, _kind, _role, _affiliation, mention in items:
        for surface in (name, mention):
            if surface and (split := split_person_name(surface)) and split[1]:
                local.setdefault(surname_key(split[2]), set()).add(given_key(split[1]))
    return local
