"""Writing what one article resolved: new speakers (in containment tiers), their slugs and
aliases, and handing over to a concurrent run that stored the same speakers first."""

from __future__ import annotations

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
from claims.normalise import normalise_name
from claims.queries import shown_publicly_among

from .. import fastwrite

# The change reasons of the history rows of existing speakers an import filled in
# (`_Writes._write_filled`): the public page cache leaves out the second (issue 14).
FILLED_IN = "blanks filled in by import"
FILLED_IN_UNSEEN = "blanks filled in by import (on no public page)"
# The change reason of the deletion row of a speaker an import created and dropped in the same
# transaction, a concurrent run having stored it first (`_Writes._hand_over`): never committed,
# so on no page, and the page cache leaves the row out (issue 14).
HANDED_OVER = "dropped by import: stored first by a concurrent run"
# The page cache's shared counters (migration 0030), and the transaction's setting holding
# the value `_note_shared_generation` read (migration 0032).
GENERATION_TABLE = "claims_pagegeneration"
SEEN_SETTING = "claimdesk.claims_pagegeneration_seen"


class _Writes:
    """SpeakerResolver's writes: the article's pending speakers and aliases into the database."""

    def _write_pending(self, new_aliases) -> dict[int, int]:
        """Insert the article's new speakers and aliases; returns temporary id -> real id."""
        real: dict[int, int] = {}
        defer = self._defer
        if self._pending and defer is not None:
            # The caller writes the rows with the article's (fastwrite.ArticleRows): every id
            # now, from the sequence, so one statement can hold every tier.
            slugs = _free_slugs([k.name for k in self._pending], self._slugs)
            ids = self._ids.take(Speaker, len(self._pending))
            real = {k.id: pk for k, pk in zip(self._pending, ids, strict=True)}
            rows = [
                Speaker(
                    id=real[k.id],
                    name=k.name,
                    slug=slug,
                    kind=k.kind,
                    role=k.role,
                    affiliation=k.affiliation,
                    affiliated_with_id=real.get(k.affiliated_with, k.affiliated_with),
                )
                for k, slug in zip(self._pending, slugs, strict=True)
            ]
            defer.speakers += fastwrite.row_tuples(rows)
        elif self._pending:
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
                if fastwrite.enabled():
                    fastwrite.copy_create(rows, self._ids)
                else:
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
        if defer is not None:
            # Written with the article; a new speaker's name another run stored first fails
            # its statement (fastwrite.ArticleRows) and import_article retries with a
            # reloaded cache.
            defer.aliases += rows
            defer.must_store |= set(name_keys)
        stored = set() if defer is not None else _insert_aliases(rows) if rows else set()
        for speaker_id, alias, key in rows:
            self._add_alias_cache(key, speaker_id)
            if self._known.get(speaker_id) and self._known[speaker_id].kind == SpeakerKind.PERSON:
                self._index_person_key(speaker_id, alias)
        if defer is not None:
            self._pending = []
            return real
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

    def _write_filled(self, updates: dict[int, dict], real: dict[int, int], defer=None) -> None:
        """Give existing speakers the role, affiliation or container this article filled in
        (`updates`: speaker id -> {attname: value}, temporary ids among the values), and write
        the history rows bulk_update does not: the public page cache reads them (issue 14).

        A speaker a page other than its own, its claims' and articles' pages and the lists may
        show (`shown_publicly_among`: one with a published claim, or
        the container of one: its name shows on theirs, and positions roll up to it) gets
        reason FILLED_IN, which the cache's shared fingerprint counts; the others
        FILLED_IN_UNSEEN, which it leaves out (claims/public/pagecache.py), so filling in a
        speaker of unreviewed claims clears no cached page; with CLAIMDESK_SHOW_UNREVIEWED on
        (its claims public) the few pages showing it read its generation, which the database
        raises at the commit of a FILLED_IN_UNSEEN row (migration 0032).

        A field is filled in only while it is still blank in the database: the run's cache
        says what was blank when the run began, and an editor may have filled it since (an
        editor's value is never overwritten). Queries: one to lock the speakers and read what
        is blank now, one update per combination of fields, on PostgreSQL one to note the
        shared counter (`_note_shared_generation`: a publication committed while this import
        is open is caught at its commit), one to tell the speakers apart, one or two history
        inserts; only for an article that fills something in. With `defer` (a
        fastwrite.ArticleRows, PostgreSQL), all of it is done by the article's one statement
        instead (ArticleRows.fills)."""
        wanted = {
            real.get(pk, pk): {
                attr: real.get(value, value) if attr.endswith("_id") else value
                for attr, value in fields.items()
            }
            for pk, fields in updates.items()
        }
        # (Speaker's history records no many-to-many field, whose snapshots the statement
        # would not write: history_changed does.)
        if defer is not None and not fastwrite.history_m2m_fields(Speaker):
            defer.fills.update(wanted)
            defer.fill_reasons = (FILLED_IN, FILLED_IN_UNSEEN)
            defer.fill_note = (GENERATION_TABLE, SEEN_SETTING)
            return
        # Locked until the commit: an editor's save waits instead of being overwritten. In id
        # order, so two imports filling in the same speakers lock them in the same order.
        current = (
            Speaker.objects.select_for_update(no_key=True)
            .filter(pk__in=wanted)
            .order_by("pk")
            .values_list("pk", "role", "affiliation", "affiliated_with_id")
        )
        rows = []
        for pk, *now in current:
            blank = dict(zip(("role", "affiliation", "affiliated_with_id"), now, strict=True))
            fields = {a: v for a, v in wanted[pk].items() if blank[a] in ("", None)}
            if fields:
                rows.append((Speaker(pk=pk, **fields), tuple(sorted(fields))))
        for names in {f for _, f in rows}:
            Speaker.objects.bulk_update(
                [s for s, f in rows if f == names], [n.removesuffix("_id") for n in names]
            )
        pks = sorted(speaker.pk for speaker, _ in rows)
        if pks:
            _note_shared_generation()
        seen = shown_publicly_among(pks)
        fastwrite.history_changed(Speaker, [pk for pk in pks if pk in seen], reason=FILLED_IN)
        fastwrite.history_changed(
            Speaker, [pk for pk in pks if pk not in seen], reason=FILLED_IN_UNSEEN
        )

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
        """A concurrent import created the same speakers first: use theirs, drop ours.

        Ours were created in this transaction (bulk_create: no '+' row), so no page ever
        showed them; their '-' rows carry HANDED_OVER, which the page cache leaves out, so a
        hand-over renews no key (their deletion used to renew every one)."""
        for temp, pk in list(real.items()):
            if pk in lost:
                real[temp] = lost[pk]
        Speaker.objects.filter(affiliated_with__in=lost).update(affiliated_with=None)
        SpeakerMergeSuggestion.objects.filter(speaker__in=lost).delete()
        # One by one, each with its reason: a handful at most, and rare. The aliases first:
        # the speaker's deletion would cascade to them, and their history rows carry no
        # reason then (every other path that removes an alias gives one).
        for alias in SpeakerAlias.objects.filter(speaker__in=lost).order_by("pk"):
            alias._change_reason = HANDED_OVER
            alias.delete()
        for speaker in Speaker.objects.filter(pk__in=lost).order_by("pk"):
            speaker._change_reason = HANDED_OVER
            speaker.delete()
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


def _note_shared_generation() -> None:
    """Record, for this transaction's commit, the page cache's shared counter as it stands
    before the import tells filled-in speakers apart (PostgreSQL; a no-op on SQLite, which has
    one writer at a time).

    The import reads what is committed when it asks `shown_publicly_among`. A claim of one of
    those speakers published after that (or a member's, for a container) puts the speaker on
    a page rendered at once without the fill-in, which is not committed yet, and the
    fill-in's row (FILLED_IN_UNSEEN) changes no key the cache reads. Such a publication raises
    the counter at its commit; so at this transaction's commit, under the counter's lock, the
    database compares it with the value recorded here and raises it again if it moved
    (migration 0032). Read before the question, so a publication the question missed has
    moved it. Nothing runs after the commit, so nothing is lost with a process killed then.
    One query, only for an article that fills something in."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        # The first value recorded in the transaction stands (the earliest question).
        cursor.execute(
            f"SELECT set_config(%s, coalesce(nullif(current_setting(%s, true), ''), "  # noqa: S608
            f"public::text), true) FROM {GENERATION_TABLE} WHERE id = 1",
            [SEEN_SETTING, SEEN_SETTING],
        )


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
