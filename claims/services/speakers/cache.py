"""The resolver's in-memory index for one import run: speakers, aliases, the offices people
hold and organisations' names, with what one article staged (undone if it rolls back)."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

from claims.enums import SpeakerKind
from claims.models import Speaker, SpeakerAlias
from claims.names import (
    given_key,
    org_body_keys,
    org_parts,
    person_parts,
    role_parts,
    surname_key,
)

from .forms import _ORG_KINDS


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
    ties: list[tuple] = field(default_factory=list)  # (office, (words, pk), old dates) noted


class _Cache:
    """SpeakerResolver's index: loading it, adding to it, and undoing one article's additions."""

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
        """Index an organisation by its name without a nationality and by its body keys
        (acronym, state function: ``org_body_keys``), both in ``_by_org``."""
        country, key = org_parts(name, affiliation)
        for k in (key, *org_body_keys(name)) if key else org_body_keys(name):
            bucket = self._by_org.setdefault(k, set())
            if (pk, country) not in bucket:
                bucket.add((pk, country))
                if staged:
                    self._staged.orgs.append((k, pk, country))

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
            for office, key, old in reversed(staged.ties):
                bucket = (self._tenure or {}).get(office, {})
                if old is None:
                    bucket.pop(key, None)
                elif tie := bucket.get(key):
                    tie.first, tie.last, tie.dirty = old
            for pk in staged.known:
                self._forget(pk)
            for pk, (role, affiliation, affiliated_with) in staged.changed.items():
                if known := self._known.get(pk):
                    known.role, known.affiliation = role, affiliation
                    known.affiliated_with = affiliated_with
            raise
        finally:
            self._staged = _Staged()
