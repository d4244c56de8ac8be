"""Speaker resolution across articles: aliases and merge suggestions, at import time.

What people do to speakers afterwards (merge, edit, reject a suggestion, drop a wrong alias)
is claims/services/speaker_edits.py.

Resolution order for a speaker name the extractor found (``resolve_many``):

1. Metonyms ("Moscow", "Kyiv" -> the government), for every kind but people. Seats of
   government ("the Kremlin", "the White House", "Downing Street") are speakers of their own,
   contained in (``affiliated_with``) their government: "the Kremlin" and "Peskov" are two
   speakers, and the Kremlin and Russia are two, linked by containment.
2. An exact alias: every surface form ever resolved is a ``SpeakerAlias`` (normalised by
   ``normalise_name``: anyascii transliteration, so "Łukasz" = "Lukasz"), so "Mr. Zelensky"
   seen once resolves the same way next time.
3. People (``claims.names``): the name without the title, nationality or owner in front
   ("Ukrainian President Volodymyr Zelenskiy", "Microsoft's Satya Nadella", "Dr ..."), then a
   transliteration key for the surname without its particles ("al-Ansari" = "Al Ansari" =
   "Ansari") and a compatible given name ("Dmitry" = "Dimitry" = "Dmitri", "Vladimir" =
   "Volodymyr", an initial). A bare surname takes the given name this article gives that
   surname; when the article gives it two different given names, or the archive holds two
   people of that name, nothing is merged silently.
4. Descriptions of an office ("Qatar's foreign ministry spokesperson", "the Russian
   president"): the one person known to hold that office in that country, from this run or
   the archive (``Speaker.role``/``affiliation``); two holders, or none, and the description
   stays a speaker of its own.
5. Organisations: the name without a nationality in front ("the Russian National
   Anti-Terrorism Committee" = "the National Anti-Terrorism Committee"), and groups whatever
   their count ("more than 500 of Acme's 700 employees" = "Acme employees"), when one known
   organisation of a compatible country has it. A body named by its head noun alone ("the
   employees") is the one its article names in full; two such, and it belongs to that
   article only. A person whose role names a seat of government ("Kremlin spokesman") is
   contained in it.
6. Otherwise a new speaker. When more than one existing speaker fits (two Bidens for a bare
   "Biden"), nothing is merged silently: the new speaker is created and a
   ``SpeakerMergeSuggestion`` per candidate goes to the review desk.

The metonym table: ``DEFAULT_METONYMS`` here, extended or overridden by the
``CLAIMDESK_METONYMS`` setting (a dict of surface form -> government name; a value of None
removes a default). Once resolved, a metonym is stored as an alias of the government speaker,
and stored aliases win over the table: the review desk edits aliases to correct or extend it
(add the alias "Downing Street" to the United Kingdom speaker and the next import follows it).

Pronouns and descriptions ("he", "the spokesman") are never stored as aliases, nor is a mention
whose given name conflicts with the speaker's ("Peter Jones" for Anna Jones).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.utils import timezone

from claims.enums import SpeakerKind
from claims.models import (
    Speaker,
    SpeakerAlias,
    SpeakerMergeSuggestion,
    first_free_slug,
    slug_base,
)
from claims.names import (
    ROLE_MODIFIERS,
    clean_person_name,
    given_compatible,
    given_key,
    org_parts,
    person_parts,
    role_fits,
    role_head,
    role_index_heads,
    role_parts,
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


@dataclass(slots=True)
class _Known:
    id: int
    name: str
    kind: str
    given: str  # given_key of the first name, or "" (may be an initial)
    surname: str  # translit_key of the surname, or "" for non-people
    role: str = ""
    affiliation: str = ""
    affiliated_with: int | None = None
    scoped: bool = False  # an anonymous source or a bare "the statement": this article only


_NOBODY = _Known(0, "", "", "", "")


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


def _article_bodies(items) -> dict[str, set[str]]:
    """Head noun -> the longer names one article gives bodies with that head ("employees" ->
    {"acme employees"}): "the employees" further down is those employees."""
    local: dict[str, set[str]] = {}
    for name, kind, _role, _affiliation, _mention in items:
        if kind in _ORG_KINDS and name:
            words = [w for w in normalise_name(name).split() if w not in _DETERMINERS]
            if len(words) > 1:
                local.setdefault(words[-1], set()).add(" ".join(words))
    return local


def _article_given_names(items) -> dict[str, set[str]]:
    """Surname key -> the given-name keys one article's names and mentions give it."""
    local: dict[str, set[str]] = {}
    for name, _kind, _role, _affiliation, mention in items:
        for surface in (name, mention):
            if surface and (split := split_person_name(surface)) and split[1]:
                local.setdefault(surname_key(split[2]), set()).add(given_key(split[1]))
    return local


@dataclass(slots=True)
class ResolveStats:
    speakers_new: int = 0
    speakers_matched: int = 0
    suggestions: int = 0
    aliases: int = 0


@dataclass(slots=True)
class _Staged:
    """What one article added to the cache: undone if its transaction rolls back."""

    aliases: set[str] = field(default_factory=set)
    known: set[int] = field(default_factory=set)
    changed: dict[int, tuple] = field(default_factory=dict)  # pk -> old (role, aff, aff_with)
    roles: list[tuple] = field(default_factory=list)  # (index key, pk, words) added
    orgs: list[tuple] = field(default_factory=list)  # (name key, pk, country) added
    given: list[tuple] = field(default_factory=list)  # (pk, old given) of bare surnames named


class SpeakerResolver:
    """Resolves extracted speaker names to Speaker rows, for one import run.

    Holds an in-memory index of speakers, slugs and aliases, and of the offices people hold
    and the organisations' names without a nationality (loaded once: two queries, a few MB for
    10^5 speakers). An article costs no query unless something is new: then one speaker
    insert per containment tier (one, or two when a new government is created for a new
    member; three for a new spokesman of a new seat of a new government) and one alias insert,
    which also says which names went in (a concurrent run may have stored the same speaker
    first: the unique alias index decides, and only then one more query finds the owner), one
    suggestion insert and one update of filled-in roles. Matching by name, office or
    organisation runs in memory. The cache lives for one run: aliases
    an editor adds meanwhile count from the next run on. Speakers are written with
    bulk_create, so they get no simple-history "created" row; the alias rows record where each
    name came from. Use ``article()`` around each article's transaction so a rolled-back article
    leaves no stale cache entries. Not thread-safe; one per process.
    """

    def __init__(self):
        self._loaded = False
        self._aliases: dict[str, int] = {}
        self._known: dict[int, _Known] = {}
        self._by_surname: dict[str, set[int]] = {}
        self._by_fullkey: dict[str, set[int]] = {}
        # Offices people are known to hold: (head, country) -> {(pk, other words)}.
        self._by_role: dict[tuple[str, str], set[tuple[int, frozenset]]] = {}
        # Organisations by their name without a nationality: key -> {(pk, country)}.
        self._by_org: dict[str, set[tuple[int, str]]] = {}
        # This article's given names per surname key (a bare surname takes the article's).
        self._context: dict[str, set[str]] = {}
        self._bodies: dict[str, set[str]] = {}  # this article's bodies by head noun
        self._described: set[str] = set()  # names resolved as descriptions: never aliases
        self._local: dict[str, int] = {}  # this article's anonymous and generic speakers
        self._metonyms = metonym_table()
        self._staged = _Staged()
        self._pending: list[_Known] = []
        self._suggestions: list[tuple[int, int, str, float]] = []
        self._next_temp = 0
        self._slugs: set[str] = set()

    def reset(self):
        """Forget the cache; the next article reloads it (after a concurrent run won a race)."""
        self.__init__()

    # --- cache ------------------------------------------------------------------------------
    def _load(self):
        if self._loaded:
            return
        rows = Speaker.objects.values_list(
            "id", "name", "kind", "role", "affiliation", "affiliated_with_id", "slug"
        )
        for pk, name, kind, role, affiliation, affiliated_with, slug in rows.iterator(
            chunk_size=5000
        ):
            self._slugs.add(slug)
            known = self._remember(pk, name, kind, staged=False)
            known.role, known.affiliation, known.affiliated_with = (
                role,
                affiliation,
                affiliated_with,
            )
            if kind == SpeakerKind.PERSON:
                self._learn_role(pk, role, affiliation, staged=False)
            else:
                self._learn_org(pk, name, affiliation, staged=False)
        for normalised, speaker_id in SpeakerAlias.objects.values_list(
            "normalised", "speaker_id"
        ).iterator(chunk_size=5000):
            self._aliases[normalised] = speaker_id
            known = self._known.get(speaker_id)
            if known and known.kind == SpeakerKind.PERSON:
                self._index_person_key(known.id, normalised, loading=True)
            elif known and known.kind in _ORG_KINDS:
                self._learn_org(known.id, normalised, known.affiliation, staged=False)
        self._loaded = True

    def _remember(self, pk, name, kind, *, staged=True) -> _Known:
        given = surname = ""
        if kind == SpeakerKind.PERSON and (parts := person_parts(name)):
            given = given_key(parts[0]) if parts[0] else ""
            surname = surname_key(parts[1])
        known = _Known(pk, name, kind, given, surname)
        self._known[pk] = known
        if surname:
            self._by_surname.setdefault(surname, set()).add(pk)
            self._by_fullkey.setdefault(f"{given} {surname}", set()).add(pk)
        if staged:
            self._staged.known.add(pk)
        return known

    def _forget(self, pk):
        known = self._known.pop(pk, None)
        if known and known.surname:
            self._by_surname.get(known.surname, set()).discard(pk)
            self._by_fullkey.get(f"{known.given} {known.surname}", set()).discard(pk)

    def _index_person_key(self, pk, surface, *, loading=False):
        if parts := person_parts(surface.title()):
            given = given_key(parts[0]) if parts[0] else ""
            if given:
                skey = surname_key(parts[1])
                self._by_fullkey.setdefault(f"{given} {skey}", set()).add(pk)
                known = self._known.get(pk)
                if loading and known and not known.given and known.surname == skey:
                    known.given = given  # a bare "Kelly" once named "Mark Kelly" is Mark

    def _learn_role(self, pk, role, affiliation, *, staged=True):
        """Index the office `role` describes (with a country or a qualifier) as held by pk."""
        if not role or not (parts := role_parts(role, affiliation)):
            return
        head, words, country = parts
        if not (country or words):
            return  # "the president": too vague to resolve anyone by
        entry = (pk, words)
        bucket = self._by_role.setdefault((head, country), set())
        if entry not in bucket:
            bucket.add(entry)
            if staged:
                self._staged.roles.append(((head, country), pk, words))

    def _learn_org(self, pk, name, affiliation, *, staged=True):
        country, key = org_parts(name, affiliation)
        if not key:
            return
        bucket = self._by_org.setdefault(key, set())
        if (pk, country) not in bucket:
            bucket.add((pk, country))
            if staged:
                self._staged.orgs.append((key, pk, country))

    def _add_alias_cache(self, normalised, pk):
        self._aliases[normalised] = pk
        self._staged.aliases.add(normalised)

    @contextmanager
    def article(self):
        """Wrap one article's transaction: cache entries it adds are dropped if it fails."""
        self._load()
        self._staged = _Staged()
        try:
            yield self
        except BaseException:
            staged = self._staged
            for key in staged.aliases:
                self._aliases.pop(key, None)
            for key, pk, words in staged.roles:
                self._by_role.get(key, set()).discard((pk, words))
            for key, pk, country in staged.orgs:
                self._by_org.get(key, set()).discard((pk, country))
            for pk, given in reversed(staged.given):
                if known := self._known.get(pk):
                    self._by_fullkey.get(f"{known.given} {known.surname}", set()).discard(pk)
                    known.given = given
            for pk in staged.known:
                self._forget(pk)
            for pk, (role, affiliation, affiliated_with) in staged.changed.items():
                if known := self._known.get(pk):
                    known.role, known.affiliation = role, affiliation
                    known.affiliated_with = affiliated_with
            raise
        finally:
            self._staged = _Staged()

    # --- resolution -------------------------------------------------------------------------
    def resolve_many(self, items, *, stats: ResolveStats | None = None) -> list[int | None]:
        """Resolve (name, kind, role, affiliation, mention) tuples; returns speaker ids.

        Must run inside a transaction (and ``article()``). New speakers get temporary negative
        ids while the article is resolved, then are written in bulk and renumbered.
        """
        self._load()
        stats = stats if stats is not None else ResolveStats()
        self._pending, self._suggestions, updates = [], [], {}
        items = list(items)
        self._context = _article_given_names(items)
        self._bodies = _article_bodies(items)
        self._described, self._local = set(), {}
        ids: list[int | None] = [None] * len(items)
        new_aliases: dict[str, tuple[str, int]] = {}
        # Names first, then descriptions of an office: "the Ruritanian leader" in a headline
        # can take the holder the body names further down.
        order = sorted(
            range(len(items)),
            key=lambda i: _is_description(*items[i][:2]) or _bare_head(*items[i][:2]) != "",
        )
        for i in order:
            name, kind, role, affiliation, mention = items[i]
            if not name or not name.strip():
                continue
            kind = kind if kind in _KINDS else SpeakerKind.PERSON
            pk = self._resolve_one(
                name.strip(), kind, role or "", affiliation or "", updates, mention or ""
            )
            ids[i] = pk
            for surface in (name, mention):
                if not surface or is_pronoun(surface):
                    continue
                if surface != name and (
                    kind == SpeakerKind.ANONYMOUS or not is_name_like(surface, name)
                ):
                    continue
                if normalise_name(name) in self._described or self._conflicts(pk, surface):
                    continue
                if self._known.get(pk, _NOBODY).scoped:
                    continue
                key = normalise_name(surface)
                if key and key not in self._aliases and key not in new_aliases:
                    new_aliases[key] = (surface.strip()[:300], pk)
        real = self._write_pending(new_aliases)
        ids = [real.get(pk, pk) if pk is not None else None for pk in ids]
        if self._suggestions:
            rows = [
                SpeakerMergeSuggestion(
                    speaker_id=real.get(s, s),
                    candidate_id=real.get(c, c),
                    reason=reason[:300],
                    score=score,
                )
                for s, c, reason, score in self._suggestions
            ]
            SpeakerMergeSuggestion.objects.bulk_create(rows, ignore_conflicts=True)
            stats.suggestions += len(rows)
        if updates:
            rows = []
            for pk, fields in updates.items():
                speaker = Speaker(pk=real.get(pk, pk))
                for attr, value in fields.items():
                    setattr(
                        speaker, attr, real.get(value, value) if attr.endswith("_id") else value
                    )
                rows.append((speaker, tuple(fields)))
            for names in {f for _, f in rows}:
                Speaker.objects.bulk_update(
                    [s for s, f in rows if f == names], [n.removesuffix("_id") for n in names]
                )
        created = {pk for pk in real.values()}
        stats.speakers_new += len({pk for pk in ids if pk in created})
        stats.speakers_matched += len({pk for pk in ids if pk is not None and pk not in created})
        stats.aliases += len(new_aliases)
        return ids

    def _resolve_one(self, name, kind, role, affiliation, updates, mention="") -> int:
        key = normalise_name(name)
        if kind == SpeakerKind.ANONYMOUS or is_generic(key):
            # "a US official", "the statement", "the same source": one speaker per article,
            # never matched across articles nor stored as an alias.
            return self._article_speaker(name, kind, role, affiliation)
        if kind != SpeakerKind.PERSON:
            if key in self._metonyms and key not in self._aliases:
                name, kind = self._metonyms[key], SpeakerKind.GOVERNMENT
                key = normalise_name(name)
            elif (seat := key.removeprefix("the ")) in SEATS:
                # One speaker per seat, however the article words it ("the Kremlin").
                kind, affiliation = SpeakerKind.GOVERNMENT, affiliation or SEATS[seat]
                if key not in self._aliases:  # a stored alias still wins
                    name, key = seat.title(), seat
        if key in self._aliases:
            pk = self._aliases[key]
            self._fill_blanks(pk, role, affiliation, updates)
            self._learn_person_roles(pk, name, role, affiliation, mention)
            return pk
        if (head := _bare_head(name, kind)) and (full := self._bodies.get(head)):
            # "the employees" in an article that names "Acme employees": those (the article's
            # names come first: resolve_many defers bare heads). With two such bodies it is
            # either: a speaker of this article only.
            pk = self._aliases.get(next(iter(full))) if len(full) == 1 else None
            if pk is None:
                return self._article_speaker(name, kind, role, affiliation)
            self._described.add(key)
            return pk
        split = split_person_name(name) if kind != SpeakerKind.ANONYMOUS else None
        if kind in _ORG_KINDS:
            if split and split[0] and split[1]:
                kind = SpeakerKind.PERSON  # "President Vladimir Putin", "Microsoft's Satya Nadella"
            elif not split and role_head(name):
                kind = SpeakerKind.PERSON  # "a spokesperson for Qatar's Foreign Ministry"
        candidates: list[tuple[int, str, float]] = []
        if kind == SpeakerKind.PERSON and split:
            clean = clean_person_name(name)
            ckey = normalise_name(clean)
            match = self._aliases.get(ckey) if ckey != key else None
            if match is None or self._known.get(match, _NOBODY).kind != SpeakerKind.PERSON:
                match, candidates = self._match_person(split[1], split[2])
            if match is not None:
                self._fill_blanks(match, role, affiliation, updates)
                self._learn_person_roles(match, name, role, affiliation, mention)
                return match
            name = clean
        elif kind == SpeakerKind.PERSON:
            match = self._match_role(name, role, affiliation)
            if match is not None:
                self._described.add(key)
                return match
        elif kind in _ORG_KINDS:
            match = self._match_org(name, affiliation)
            if match is not None:
                self._fill_blanks(match, role, affiliation, updates)
                return match
        pk = self._new(name, kind, role, affiliation)
        if kind == SpeakerKind.PERSON:
            self._learn_person_roles(pk, name, role, affiliation, mention)
        elif kind in _ORG_KINDS:
            self._learn_org(pk, name, affiliation)
        for cid, reason, score in candidates:
            self._suggestions.append((pk, cid, reason, score))
        return pk

    def _article_speaker(self, name, kind, role, affiliation) -> int:
        """A speaker of this article only: one per wording, never an alias."""
        local = " ".join(w for w in normalise_name(name).split() if w not in _DETERMINERS)
        if local not in self._local:
            self._local[local] = self._new(name, kind, role, affiliation, scoped=True)
        return self._local[local]

    def _learn_person_roles(self, pk, name, role, affiliation, mention):
        """Remember the offices an article gives a person: the extracted role, and the title in
        front of the name or mention ("Russian President Vladimir Putin")."""
        if self._known.get(pk, _NOBODY).kind != SpeakerKind.PERSON:
            return
        self._learn_role(pk, role, affiliation)
        for surface in (name, mention):
            if surface and (split := split_person_name(surface)) and split[0]:
                self._learn_role(pk, split[0], affiliation)

    def _match_role(self, description, role, affiliation) -> int | None:
        """The one person known to hold the office a description names, or None."""
        parts = role_parts(description, affiliation) or role_parts(role, affiliation)
        # A country or a word naming the body ("Vermont", "State Department"); "the former
        # governor" names no one in particular.
        if not parts or not (parts[1] - ROLE_MODIFIERS or parts[2]):
            return None
        head, _, country = parts
        holders = {
            pk
            for index_head in role_index_heads(head)
            for pk, words in self._by_role.get((index_head, country), ())
            if self._known.get(pk, _NOBODY).kind == SpeakerKind.PERSON
            and role_fits((index_head, words, country), parts)
        }
        return next(iter(holders)) if len(holders) == 1 else None

    def _match_org(self, name, affiliation) -> int | None:
        """The one organisation with this name sans nationality whose country fits: the same,
        or none known on either side ("the National Water Board" is the Canadian one until a
        Polish one appears; then a bare name is ambiguous)."""
        country, key = org_parts(name, affiliation)
        if not key:
            return None
        countries: dict[int, set[str]] = {}
        for pk, other in self._by_org.get(key, ()):
            if self._known.get(pk, _NOBODY).kind in _ORG_KINDS:
                countries.setdefault(pk, set()).add(other)
        fits = [
            pk
            for pk, known in countries.items()
            if not country or country in known or known == {""}
        ]
        if len(fits) != 1:
            return None
        self._learn_org(fits[0], name, affiliation)
        return fits[0]

    def _give_name(self, known, gkey, skey):
        """A speaker known by a bare surname takes the given name of the first full name that
        matches it: "Mark Kelly" after "Kelly", so "Megyn Kelly" later is someone else."""
        self._staged.given.append((known.id, known.given))
        known.given = gkey
        self._by_fullkey.setdefault(f"{gkey} {skey}", set()).add(known.id)

    def _conflicts(self, pk, surface) -> bool:
        """A person's mention naming another given name ("Peter Jones" for Anna Jones)."""
        known = self._known.get(pk)
        if known is None or known.kind != SpeakerKind.PERSON or not known.given:
            return False
        split = split_person_name(surface)
        if not split or not split[1]:
            return False
        if surname_key(split[2]) != known.surname:
            return False
        return not given_compatible(given_key(split[1]), known.given)

    def _match_person(self, given: str, surname: str):
        """(match id or None, suggestion candidates) for a person's given name and surname.

        A bare surname takes the given name this article gives that surname; when the
        article gives it two conflicting given names, it matches no one.
        """
        skey = surname_key(surname)
        gkey = given_key(given) if given else ""
        pool = [self._known[pk] for pk in self._by_surname.get(skey, ()) if pk in self._known]
        if not gkey and (local := self._context.get(skey)):
            full = sorted((g for g in local if len(g) > 1), key=len, reverse=True)
            if any(not given_compatible(a, b) for a in full for b in full):
                label = surname
                return None, [
                    (c.id, f"Same surname as {c.name}; “{label}” is ambiguous here", 0.5)
                    for c in sorted(pool, key=lambda c: c.id)
                ]
            if full:
                gkey = full[0]
        exact = self._by_fullkey.get(f"{gkey} {skey}", set()) if gkey else set()
        exact = {pk for pk in exact if pk in self._known}
        if len(exact) == 1:
            return next(iter(exact)), []
        strong, weak = [], []
        for cand in pool:
            if gkey and cand.given and len(gkey) > 1 and len(cand.given) > 1:
                if given_compatible(cand.given, gkey):
                    strong.append(cand)
            elif not gkey or not cand.given or gkey[0] == cand.given[0]:
                weak.append(cand)
        fits = strong or weak
        if len(fits) == 1:
            if gkey and len(gkey) > 1 and not fits[0].given:
                self._give_name(fits[0], gkey, skey)
            return fits[0].id, []
        if len(fits) > 1:
            label = f"{given} {surname}".strip()
            return None, [
                (
                    cand.id,
                    f"Same surname as {cand.name}; “{label}” fits {len(fits)} speakers",
                    round(1 / len(fits), 2),
                )
                for cand in sorted(fits, key=lambda c: c.id)
            ]
        return None, []

    def _new(self, name, kind, role, affiliation, *, scoped=False) -> int:
        """A speaker to create at the end of resolve_many; returns its temporary (negative) id."""
        self._next_temp -= 1
        pk = self._next_temp
        known = self._remember(pk, name[:300], kind)
        known.role, known.affiliation = role[:300], affiliation[:300]
        known.scoped = scoped
        self._pending.append(known)
        if not scoped:
            self._add_alias_cache(normalise_name(name), pk)
        seat = _seat_in(role) if kind == SpeakerKind.PERSON else None
        if seat is not None:
            known.affiliated_with = self._seat_speaker(seat)  # a "Kremlin spokesman"
        else:
            known.affiliated_with = self._government_for(affiliation, exclude_name=name)
        return pk

    def _seat_speaker(self, seat: str) -> int:
        """The speaker of a seat of government ("kremlin"), created (in its government) when
        missing."""
        if seat in self._aliases:
            return self._aliases[seat]
        return self._new(seat.title(), SpeakerKind.GOVERNMENT, "", SEATS[seat])

    def _government_for(self, affiliation, *, exclude_name) -> int | None:
        """The government speaker an affiliation names ("Ukraine"), created when missing."""
        if not affiliation:
            return None
        target = self._metonyms.get(normalise_name(affiliation), affiliation)
        tkey = normalise_name(target)
        if not tkey or tkey == normalise_name(exclude_name):
            return None
        if tkey in self._aliases:
            return self._aliases[tkey]
        return self._new(target, SpeakerKind.GOVERNMENT, "", "")

    def _fill_blanks(self, pk, role, affiliation, updates):
        """Give a matched speaker the role/affiliation it lacks; never overwrite an editor's."""
        known = self._known.get(pk)
        if known is None or pk < 0 or not (role or affiliation):
            return
        fields = {}
        if role and not known.role:
            fields["role"] = role[:300]
        if affiliation and not known.affiliation:
            fields["affiliation"] = affiliation[:300]
        if affiliation and known.affiliated_with is None:
            gov = self._government_for(affiliation, exclude_name=known.name)
            if gov is not None and gov != pk:
                fields["affiliated_with_id"] = gov
        if not fields:
            return
        self._staged.changed.setdefault(pk, (known.role, known.affiliation, known.affiliated_with))
        known.role = fields.get("role", known.role)
        known.affiliation = fields.get("affiliation", known.affiliation)
        known.affiliated_with = fields.get("affiliated_with_id", known.affiliated_with)
        updates.setdefault(pk, {}).update(fields)

    def _write_pending(self, new_aliases) -> dict[int, int]:
        """Insert the article's new speakers and aliases; returns temporary id -> real id."""
        real: dict[int, int] = {}
        if self._pending:
            slugs = dict(
                zip(
                    [k.id for k in self._pending],
                    _free_slugs([k.name for k in self._pending], self._slugs),
                    strict=True,
                )
            )
            # In tiers: containers first (governments, anyone not contained in a new speaker),
            # so the others can point affiliated_with at them. Usually one or two tiers; a new
            # spokesman of a new Kremlin of a new Russia makes three.
            todo = list(self._pending)
            while todo:
                tier = [
                    k for k in todo if not (k.affiliated_with or 0) < 0 or k.affiliated_with in real
                ]
                if not tier:  # a loop of new speakers cannot happen; never spin on one
                    tier = todo
                todo = [k for k in todo if k not in tier]
                rows = [
                    Speaker(
                        name=k.name,
                        slug=slugs[k.id],
                        kind=k.kind,
                        role=k.role,
                        affiliation=k.affiliation,
                        affiliated_with_id=real.get(k.affiliated_with, k.affiliated_with),
                    )
                    for k in tier
                ]
                Speaker.objects.bulk_create(rows)
                for k, row in zip(tier, rows, strict=True):
                    real[k.id] = row.pk
        for temp, pk in real.items():
            self._renumber(temp, pk)
        # _renumber gave the pending entries their real ids.
        name_keys = {normalise_name(k.name): k.id for k in self._pending if not k.scoped}
        # (speaker id, alias, normalised) rows: plain tuples, no model instances to build.
        rows = [(real.get(pk, pk), alias, key) for key, (alias, pk) in new_aliases.items()]
        rows += [
            (pk, self._known[pk].name, key)
            for key, pk in name_keys.items()
            if key not in new_aliases
        ]
        stored = _insert_aliases(rows) if rows else set()
        for speaker_id, alias, key in rows:
            self._add_alias_cache(key, speaker_id)
            if self._known.get(speaker_id) and self._known[speaker_id].kind == SpeakerKind.PERSON:
                self._index_person_key(speaker_id, alias)
        # A new speaker's name that did not go in is owned by a speaker this run's cache
        # does not know (a concurrent run stored it first, or an editor meanwhile): use that.
        unstored = {key: pk for key, pk in name_keys.items() if key not in stored}
        if unstored:
            owners = dict(
                SpeakerAlias.objects.filter(normalised__in=unstored).values_list(
                    "normalised", "speaker_id"
                )
            )
            lost = {pk: owners[key] for key, pk in unstored.items() if owners.get(key, pk) != pk}
            if lost:
                self._hand_over(lost, real)
        self._pending = []
        return real

    def _renumber(self, temp: int, pk: int):
        known = self._known[temp]
        self._forget(temp)
        self._staged.known.discard(temp)
        known.id = pk
        self._known[pk] = known
        self._staged.known.add(pk)
        if known.surname:
            self._by_surname.setdefault(known.surname, set()).add(pk)
            self._by_fullkey.setdefault(f"{known.given} {known.surname}", set()).add(pk)
        for key in self._staged.aliases:
            if self._aliases.get(key) == temp:
                self._aliases[key] = pk
        for i, (key, owner, words) in enumerate(self._staged.roles):
            if owner == temp:
                self._by_role[key].discard((temp, words))
                self._by_role[key].add((pk, words))
                self._staged.roles[i] = (key, pk, words)
        for i, (key, owner, country) in enumerate(self._staged.orgs):
            if owner == temp:
                self._by_org[key].discard((temp, country))
                self._by_org[key].add((pk, country))
                self._staged.orgs[i] = (key, pk, country)
        # Only this article's new speakers and filled-in ones can point at a temporary id.
        for k in [*self._pending, *(self._known.get(c) for c in self._staged.changed)]:
            if k is not None and k.affiliated_with == temp:
                k.affiliated_with = pk

    def _hand_over(self, lost: dict[int, int], real: dict[int, int]):
        """A concurrent import created the same speakers first: use theirs, drop ours."""
        for temp, pk in list(real.items()):
            if pk in lost:
                real[temp] = lost[pk]
        Speaker.objects.filter(affiliated_with__in=lost).update(affiliated_with=None)
        SpeakerMergeSuggestion.objects.filter(speaker__in=lost).delete()
        Speaker.objects.filter(pk__in=lost).delete()
        for key in self._staged.aliases:
            if self._aliases.get(key) in lost:
                self._aliases[key] = lost[self._aliases[key]]
        for pk in lost:
            self._forget(pk)
        self._refresh_known(set(lost.values()))

    def _refresh_known(self, pks):
        for pk, name, kind in Speaker.objects.filter(pk__in=pks).values_list("id", "name", "kind"):
            if pk not in self._known:
                self._remember(pk, name, kind)


def _insert_aliases(rows: list[tuple[int, str, str]]) -> set[str]:
    """Insert (speaker id, alias, normalised) rows, skipping names already taken; returns the
    normalised names stored.

    One statement (INSERT ... ON CONFLICT DO NOTHING RETURNING, PostgreSQL and SQLite >= 3.35)
    where bulk_create(ignore_conflicts=True) would need a second query to learn which rows went
    in. A concurrent import that stored a name first wins: PostgreSQL waits for its commit and
    skips our row, and the unique index on the normalised name decides who owns it.
    """
    meta = SpeakerAlias._meta
    fields = [meta.get_field(name) for name in ("speaker", "alias", "normalised", "created")]
    qn = connection.ops.quote_name
    now = fields[3].get_db_prep_save(timezone.now(), connection)
    params = []
    for row in rows:
        params += [*row, now]
    values = ", ".join(["(%s, %s, %s, %s)"] * len(rows))
    # Identifiers come from the model's meta and every value is a parameter.
    sql = (
        f"INSERT INTO {qn(meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "  # noqa: S608
        f"VALUES {values} ON CONFLICT ({qn(fields[2].column)}) DO NOTHING "
        f"RETURNING {qn(fields[2].column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {normalised for (normalised,) in cursor.fetchall()}


def _free_slugs(names: list[str], taken: set[str]) -> list[str]:
    """Free slugs for new speakers, from the run's set of taken ones (updated in place).

    No query: a slug taken meanwhile by a concurrent run fails the insert on the unique index,
    and import_article retries the article with a reloaded cache.
    """
    out = []
    for name in names:
        slug = first_free_slug(slug_base(name, fallback="speaker"), taken)
        taken.add(slug)
        out.append(slug)
    return out
