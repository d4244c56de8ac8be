"""SpeakerResolver: a speaker name the extractor found -> a Speaker row (see the package's
docstring for the resolution order)."""

from __future__ import annotations

from claims.enums import SpeakerKind
from claims.models import SpeakerMergeSuggestion
from claims.names import (
    ROLE_MODIFIERS,
    clean_person_name,
    given_compatible,
    given_key,
    org_body_keys,
    org_parts,
    role_fits,
    role_head,
    role_index_heads,
    role_parts,
    split_person_name,
    surname_key,
)
from claims.normalise import normalise_name

from .. import fastwrite
from .cache import _NOBODY, ResolveStats, _Cache, _Known, _Staged
from .forms import (
    _DETERMINERS,
    _KINDS,
    _ORG_KINDS,
    SEATS,
    _article_bodies,
    _article_given_names,
    _bare_head,
    _is_description,
    _national_body,
    _national_body_in,
    _seat_in,
    is_generic,
    is_name_like,
    is_pronoun,
    metonym_table,
)
from .tenure import _Tenure
from .writes import _Writes


class SpeakerResolver(_Cache, _Tenure, _Writes):
    """Resolves extracted speaker names to Speaker rows, for one import run.

    Holds an in-memory index of speakers, slugs and aliases, and of the offices people hold
    and the organisations' names without a nationality (loaded once: two queries, a few MB for
    10^5 speakers). An article costs no query unless something is new: then one speaker
    insert per containment tier (one, or two when a new government is created for a new
    member; three for a new spokesman of a new seat of a new government) and one alias insert,
    which also says which names went in (a concurrent run may have stored the same speaker
    first: the unique alias index decides, and only then one more query finds the owner), one
    suggestion insert, and for speakers it fills in (an empty role, affiliation or container) an
    update and their history rows (`_write_filled`). Matching by name, office or
    organisation runs in memory. The cache lives for one run: aliases
    an editor adds meanwhile count from the next run on. Speakers are written with
    bulk_create (COPY on PostgreSQL), so they get no simple-history "created" row; the alias rows record where each
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
        self._ids = fastwrite.IdBlocks()  # new speakers' ids when they are COPYed
        # Offices tied to people, dated (tenure.py): loaded on first use.
        self._tenure = None
        self._on = None  # the article's date
        self._article_id = None
        self._tie = None  # the tie that resolved the name being resolved
        self._by_office = False  # the name being resolved went to an office's one holder
        self.holdings: list[int | None] = []  # per item of the last resolve_many: its tie
        # Per item of the last resolve_many: True when an office alone went to the one person
        # known to hold it, undated (SpeakerResolution.OFFICE); a tie is in `holdings`.
        self.by_office: list[bool] = []
        self._defer = None  # a fastwrite.ArticleRows that writes the new speakers and aliases

    def reset(self):
        """Forget the cache; the next article reloads it (after a concurrent run won a race)."""
        self.__init__()

    # --- resolution -------------------------------------------------------------------------
    def resolve_many(
        self, items, *, stats: ResolveStats | None = None, on=None, article_id=None, defer=None
    ) -> list[int | None]:
        """Resolve (name, kind, role, affiliation, mention) tuples; returns speaker ids.

        Must run inside a transaction (and ``article()``). New speakers get temporary negative
        ids while the article is resolved, then are written in bulk and renumbered. `on` is
        the article's date and `article_id` the article: an office it ties to a person is
        recorded (RoleHolding), and an office alone resolves to its holder at that date; then
        ``self.holdings`` gives, per item, the RoleHolding that resolved it (else None).
        With `defer` (a fastwrite.ArticleRows, PostgreSQL), the new speakers and aliases are
        added to it for the caller to write with the article instead of being written here;
        every foreign key to them is deferred to the commit.
        """
        self._load()
        self._defer = defer
        self._on, self._article_id = on, article_id
        stats = stats if stats is not None else ResolveStats()
        self._pending, self._suggestions, updates = [], [], {}
        items = list(items)
        ties = [None] * len(items)
        by_office = [False] * len(items)
        self._context = _article_given_names(items)
        self._bodies = _article_bodies(items)
        self._described, self._local = set(), {}
        ids: list[int | None] = [None] * len(items)
        new_aliases: dict[str, tuple[str, int]] = {}
        # Names first, then descriptions of an office: "the Ruritanian leader" in a headline
        # can take the holder the body names further down.
        order = sorted(
            range(len(items)),
            key=lambda i: (
                _is_description(*items[i][:2])
                or _bare_head(*items[i][:2]) != ""
                or _national_body(*items[i][:2])[0] != ""
            ),
        )
        for i in order:
            name, kind, role, affiliation, mention = items[i]
            if not name or not name.strip():
                continue
            kind = kind if kind in _KINDS else SpeakerKind.PERSON
            self._tie, self._by_office = None, False
            pk = self._resolve_one(
                name.strip(), kind, role or "", affiliation or "", updates, mention or ""
            )
            ids[i], ties[i], by_office[i] = pk, self._tie, self._by_office
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
        try:
            real = self._write_pending(new_aliases)
        finally:
            self._defer = None
        self._write_tenure(real)
        ids = [real.get(pk, pk) if pk is not None else None for pk in ids]
        self.holdings = [tie.id if tie is not None and tie.id > 0 else None for tie in ties]
        self.by_office = by_office
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
            self._write_filled(updates, real, defer=defer)
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
        tenure = None
        if _is_description(name, kind):
            # An office alone ("Russia's foreign minister"): its holder at the article's date,
            # before any alias (an older article may have stored the office as a speaker).
            tenure = self._match_tenure(name, role, affiliation)
            if tenure[1] is not None:
                self._described.add(key)
                self._tie = tenure[2]
                return tenure[1]
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
        country, head = _national_body(name, kind)
        if country and (full := _national_body_in(self._bodies, country, head)):
            # "the Qatari Ministry" in an article that names "Qatar's Foreign Ministry": that
            # ministry (the name alone matches on nothing: see org_parts).
            pk = self._aliases.get(full)
            if pk is not None:
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
            # Ties known for this office decide (none near the date, or two: no one);
            # otherwise the one person known to hold it, undated.
            decided = tenure is not None and tenure[0]
            match = None if decided else self._match_role(name, role, affiliation)
            if match is not None:
                self._described.add(key)
                self._by_office = True
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
        self._note_tenure(pk, role, affiliation)
        for surface in (name, mention):
            if surface and (split := split_person_name(surface)) and split[0]:
                self._learn_role(pk, split[0], affiliation)
                self._note_tenure(pk, split[0], affiliation)

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
        fits = self._orgs_under(key, country) if key else []
        if not fits:
            # Another name of a body: its acronym, or what a state body does in its country
            # ("Russian state security" is the one body known as "FSB"); one body or none.
            fits = list({pk for k in org_body_keys(name) for pk in self._orgs_under(k, country)})
        if len(fits) != 1:
            return None
        self._learn_org(fits[0], name, affiliation)
        return fits[0]

    def _orgs_under(self, key, country) -> list[int]:
        """The organisations indexed under `key` whose country fits `country`."""
        countries: dict[int, set[str]] = {}
        for pk, other in self._by_org.get(key, ()):
            if self._known.get(pk, _NOBODY).kind in _ORG_KINDS:
                countries.setdefault(pk, set()).add(other)
        return [
            pk
            for pk, known in countries.items()
            if not country or country in known or known == {""}
        ]

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
        """A speaker to create at the end of resolve_many; returns its temporary (negative) id.

        A name another speaker already owns as an alias is that speaker's: an alias has one
        owner, so the new speaker could not keep its own name ("a 69% majority of Republicans"
        cleaned to "Republicans", the group an earlier article stored).
        """
        if not scoped and (owner := self._aliases.get(normalise_name(name[:300]))) is not None:
            return owner
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
