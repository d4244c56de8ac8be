"""Who held an office when: one ``RoleHolding`` row per office and person, dated by the first
and last articles that tied them, and the holder a later article's bare office stands for.

An article ties an office to a person when it names them with it ("Sergei Lavrov, Russia's
foreign minister", "Russian Foreign Minister Sergei Lavrov"); only offices of a country or
body count ("the foreign minister" alone ties nothing). A later claim whose speaker is only
the office ("Russia's foreign minister said") goes to the holder seen around the article's
date: within ``TENURE_WINDOW`` of the days that holder was seen, and with no other holder of
that office seen between that holder's days and the article's date (nor on that date). Two
such holders, or none near the date, and the office stays the speaker. Undated articles
neither tie nor resolve by date. A disputed row (an editor's correction) does neither.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claims.enums import SpeakerKind
from claims.models import RoleHolding
from claims.names import role_fits, role_index_heads, role_parts, split_person_name

from .cache import _NOBODY

# How far from the days a holder was seen an article may be and still mean them.
TENURE_WINDOW = dt.timedelta(days=365)


_HEAD_MAX = RoleHolding._meta.get_field("head").max_length
_WORDS_MAX = RoleHolding._meta.get_field("words").max_length
_COUNTRY_MAX = RoleHolding._meta.get_field("country").max_length


def _words_len(words: frozenset) -> int:
    return sum(len(w) + 1 for w in words) - 1 if words else 0


@dataclass(slots=True)
class _Tie:
    id: int  # the RoleHolding row; 0 until written
    first: dt.date
    last: dt.date
    role: str
    article_id: int | None = None
    disputed: bool = False
    dirty: bool = False  # to write at the end of the article


class _Tenure:
    """SpeakerResolver's tenure: noting ties, writing them, resolving a bare office by date.

    The index is loaded on first use (one query per run); an article that ties an office
    costs one insert for new ties and one update for ties seen on a new date."""

    def _tenure_index(self) -> dict[tuple[str, str], dict[tuple[frozenset, int], _Tie]]:
        if self._tenure is None:
            self._tenure = {}
            rows = RoleHolding.objects.values_list(
                "id",
                "head",
                "words",
                "country",
                "speaker_id",
                "first_seen",
                "last_seen",
                "disputed",
            )
            for pk, head, words, country, speaker, first, last, disputed in rows.iterator(
                chunk_size=5000
            ):
                bucket = self._tenure.setdefault((head, country), {})
                bucket[(frozenset(words.split()), speaker)] = _Tie(
                    pk, first, last, "", disputed=disputed
                )
        return self._tenure

    def _note_tenure(self, pk: int, role: str, affiliation: str) -> None:
        """This article ties the office `role` describes to the person pk."""
        on = self._on
        if on is None or not role or not (parts := role_parts(role, affiliation)):
            return
        head, words, country = parts
        if not country or not split_person_name(self._known.get(pk, _NOBODY).name):
            return  # no office of a country, or a description kept as the speaker
        if len(head) > _HEAD_MAX or len(country) > _COUNTRY_MAX or _words_len(words) > _WORDS_MAX:
            return  # longer than RoleHolding stores: a run-on role, not an office
        bucket = self._tenure_index().setdefault((head, country), {})
        key = (words, pk)
        tie = bucket.get(key)
        if tie is None:
            bucket[key] = _Tie(0, on, on, role[:300], self._article_id, dirty=True)
            self._staged.ties.append(((head, country), key, None))
        elif not tie.disputed and not tie.first <= on <= tie.last:
            self._staged.ties.append(((head, country), key, (tie.first, tie.last, tie.dirty)))
            tie.first, tie.last, tie.dirty = min(tie.first, on), max(tie.last, on), True

    def _match_tenure(self, description: str, role: str, affiliation: str):
        """(decided, holder pk or None, the tie): decided when the office has known holders;
        then the one holder seen around the article's date, or None when there is none or
        more than one."""
        on = self._on
        if on is None:
            return False, None, None
        parts = role_parts(description, affiliation) or role_parts(role, affiliation)
        if not parts or not parts[2]:
            return False, None, None
        head, _, country = parts
        index = self._tenure_index()
        spans: dict[int, tuple[dt.date, dt.date, _Tie]] = {}
        known = False  # a tie of this office, disputed or not
        for index_head in role_index_heads(head):
            for (words, pk), tie in index.get((index_head, country), {}).items():
                if not role_fits((index_head, words, country), parts):
                    continue
                known = True
                if tie.disputed:
                    continue
                if self._known.get(pk, _NOBODY).kind != SpeakerKind.PERSON:
                    continue
                first, last, best = spans.get(pk, (tie.first, tie.last, tie))
                if tie.last >= best.last:
                    best = tie
                spans[pk] = (min(first, tie.first), max(last, tie.last), best)
        if not spans:
            return known, None, None
        free = []
        for pk, (first, last, tie) in spans.items():
            if not first - TENURE_WINDOW <= on <= last + TENURE_WINDOW:
                continue
            lo, hi = min(on, last), max(on, first)  # from their days to the article's
            if not any(o != pk and f <= hi and e >= lo for o, (f, e, _) in spans.items()):
                free.append((pk, tie))
        if len(free) != 1:
            return True, None, None
        return True, free[0][0], free[0][1]

    def _write_tenure(self, real: dict[int, int]) -> None:
        """Insert this article's new ties and move the dates of the ones seen again."""
        if not self._tenure:
            return
        new, changed = [], []
        staged = self._staged.ties
        for i, ((head, country), key, old) in enumerate(staged):
            bucket = self._tenure.get((head, country), {})
            tie = bucket.get(key)
            if tie is None or not tie.dirty:
                continue
            words, pk = key
            if pk < 0:  # a speaker new in this article: its real id now
                if pk not in real:
                    continue
                del bucket[key]
                key = (words, real[pk])
                bucket[key] = tie
                staged[i] = ((head, country), key, old)
            tie.dirty = False
            row = RoleHolding(
                id=tie.id or None,
                head=head,
                words=" ".join(sorted(words)),
                country=country,
                role=tie.role,
                speaker_id=key[1],
                first_seen=tie.first,
                last_seen=tie.last,
                source_article_id=tie.article_id,
            )
            (changed if tie.id else new).append((row, tie))
        if new:
            RoleHolding.objects.bulk_create([row for row, _ in new])
            for row, tie in new:
                tie.id = row.pk
        if changed:
            RoleHolding.objects.bulk_update(
                [row for row, _ in changed], ["first_seen", "last_seen"]
            )
