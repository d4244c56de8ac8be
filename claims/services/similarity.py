"""Similar claims and similar speaker names, fast at a million rows.

A whole-table trigram query (ORDER BY similarity(content, %s)) reads every row: 1 to 23 s per
claim at 1,000,000 claims. Instead, on PostgreSQL:

1. exact duplicates by the normalised-text hash (Claim.content_hash, b-tree index);
2. candidates that share two of the claim's three rarest lexemes (all three when even the
   rarest is common), found through the GIN index on the `search` tsvector (rarity from
   pg_stats' most_common_elems: a lexeme that ANALYZE did not list as common is rare), capped
   at CANDIDATE_LIMIT rows;
3. those candidates ranked by pg_trgm similarity(), best first, above MIN_SCORE.

SQLite (development) has no tsvector or pg_trgm: candidates are rows containing the claim's
longest words (a proxy for rare), capped the same way, ranked with difflib.

bench/bench_similarity.py measures it at 1,000,000 claims (docs/benchmarks-review.md).
"""

from __future__ import annotations

import difflib
import time
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import Case, Count, Max, Q, Subquery, When

from claims.models import Claim, Speaker, Stance
from claims.normalise import normalise_name, normalise_text

CANDIDATE_LIMIT = 100  # rows ranked by trigram similarity per lookup (~30 us each)
COMMON_FREQ = 0.001  # a lexeme in more than 0.1% of claims is "common"
MIN_SCORE = 0.35
STATS_TTL = 300  # seconds; pg_stats change only when ANALYZE runs
_common_cache: dict[tuple[str, str], tuple[float, dict[str, float]]] = {}
_STOPWORD_TEXT = (
    "a about after also an and are as at be been but by for from had has have he her his "
    "i in is it its not of on or our she that the their there they this to was we were "
    "which who will with would you said says told"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True)
class SimilarClaim:
    """What the panel shows of a similar claim (plain values: no model rows to build)."""

    pk: int
    content: str
    speaker_name: str | None
    headline: str
    outlet_name: str | None
    score: float  # 1.0 for an exact (normalised) duplicate
    exact: bool


# The columns SimilarClaim needs, joined onto a list of (id, score, exact) rows (the
# PostgreSQL statement below ends the same way).
_DISPLAY_SQL = """
    SELECT r.id, c.content, s.name, a.headline, o.name, r.score, r.exact
    FROM ranked r
    JOIN claims_claim c ON c.id = r.id
    JOIN claims_article a ON a.id = c.article_id
    LEFT JOIN claims_outlet o ON o.id = a.outlet_id
    LEFT JOIN claims_speaker s ON s.id = c.speaker_id
    ORDER BY r.exact DESC, r.score DESC, r.id DESC
"""


def similar_claims(claim: Claim, *, limit: int = 8) -> list[SimilarClaim]:
    """Claims elsewhere with the same or nearly the same content, exact duplicates first.

    PostgreSQL: 2 queries (the claim's lexemes; then hash matches, ranked candidates and their
    display columns in one statement), plus one pg_stats read per STATS_TTL.
    SQLite: 2 or 3 (hash matches, candidates, the rows to show).
    """
    if connection.vendor == "postgresql":
        return _similar_postgresql(claim, limit=limit)
    ranked = _ranked_fallback(claim, limit=limit)
    if not ranked:
        return []
    values = ",".join(["(%s, %s, %s)"] * len(ranked))
    params = [v for row in ranked for v in row]
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH ranked (id, score, exact) AS (VALUES {values}) {_DISPLAY_SQL}", params
        )
        return [_similar(row) for row in cursor.fetchall()]


def _similar(row) -> SimilarClaim:
    pk, content, speaker, headline, outlet, score, exact = row
    return SimilarClaim(pk, content, speaker, headline, outlet, float(score), bool(exact))


def speaker_topic_claims(claim: Claim, *, limit: int = 8):
    """The same speaker's other claims on the topics this claim takes a stance on (1 query)."""
    if claim.speaker_id is None:
        return Claim.objects.none()
    topic_ids = claim.stances.values("topic_id")
    return (
        Claim.objects.filter(speaker_id=claim.speaker_id, stances__topic__in=topic_ids)
        .exclude(pk=claim.pk)
        .select_related("article")
        .distinct()
        .order_by("-sort_date", "-id")[:limit]
    )


def suggested_topic_id(claim: Claim) -> int | None:
    """The topic a new stance on this stored claim most likely concerns (1 query): the one most
    often taken on the other claims of its article, else of its speaker; never one it already
    has. Read from the stored row, so the page and its POST (which may change the speaker)
    agree."""
    stored_speaker = Claim.objects.filter(pk=claim.pk).values("speaker_id")[:1]
    row = (
        Stance.objects.filter(
            Q(claim__article_id=claim.article_id) | Q(claim__speaker_id=Subquery(stored_speaker))
        )
        .exclude(claim_id=claim.pk)
        .exclude(topic_id__in=Stance.objects.filter(claim_id=claim.pk).values("topic_id"))
        .values("topic_id")
        .annotate(
            same_article=Max(Case(When(claim__article_id=claim.article_id, then=1), default=0)),
            n=Count("id"),
        )
        .order_by("-same_article", "-n", "topic_id")
        .first()
    )
    return row["topic_id"] if row else None


def similar_speakers(speaker: Speaker, *, limit: int = 8) -> list[tuple[Speaker, float]]:
    """Other speakers whose names look like this one's (trigram on PostgreSQL), best first."""
    others = Speaker.objects.exclude(pk=speaker.pk)
    if connection.vendor == "postgresql":
        rows = (
            others.filter(name__trigram_similar=speaker.name)
            .annotate(score=TrigramSimilarity("name", speaker.name))
            .order_by("-score", "name")[:limit]
        )
        return [(s, float(s.score)) for s in rows]
    words = [w for w in normalise_name(speaker.name).split() if len(w) > 2]
    if not words:
        return []
    query = Q()
    for word in words:
        query |= Q(name__icontains=word)
    mine = normalise_name(speaker.name)
    scored = [
        (s, difflib.SequenceMatcher(None, mine, normalise_name(s.name)).ratio())
        for s in others.filter(query)[:CANDIDATE_LIMIT]
    ]
    scored = [(s, round(score, 3)) for s, score in scored if score >= 0.5]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0].name))[:limit]


def _similar_postgresql(claim: Claim, *, limit: int) -> list[SimilarClaim]:
    rare = rarest_lexemes(claim, k=3)
    quoted = ["'" + lx.replace("\\", "\\\\").replace("'", "''") + "'" for lx, _ in rare]
    if len(quoted) < 3:
        tsquery = " & ".join(quoted) or None  # NULL matches nothing: hash matches only
    elif rare[0][1] > COMMON_FREQ:
        # Even the rarest word is common (a short claim in everyday words): any two of three
        # would match thousands of rows, so ask for all three.
        tsquery = " & ".join(quoted)
    else:
        a, b, c = quoted
        tsquery = f"({a} & {b}) | ({a} & {c}) | ({b} & {c})"
    # `candidates` is fenced (MATERIALIZED) so the planner takes the GIN path and stops at the
    # cap, rather than scanning rows in similarity order.
    sql = """
        WITH exact AS (
            SELECT id, 1.0::float8 AS score, true AS exact FROM claims_claim
            WHERE content_hash = %(hash)s AND id <> %(id)s
            ORDER BY id DESC LIMIT %(limit)s
        ), candidates AS MATERIALIZED (
            SELECT id, content FROM claims_claim
            WHERE search @@ %(tsquery)s::tsquery AND id <> %(id)s
              AND id NOT IN (SELECT id FROM exact)
            LIMIT %(cap)s
        ), scored AS MATERIALIZED (
            SELECT id, similarity(content, %(content)s)::float8 AS score FROM candidates
        ), near AS (
            SELECT id, score, false AS exact FROM scored
            WHERE score >= %(min)s
            ORDER BY score DESC, id DESC LIMIT %(limit)s
        ), ranked AS (
            SELECT id, score, exact FROM exact
            UNION ALL
            SELECT id, score, exact FROM near
        )
        SELECT r.id, c.content, s.name, a.headline, o.name, r.score, r.exact
        FROM ranked r
        JOIN claims_claim c ON c.id = r.id
        JOIN claims_article a ON a.id = c.article_id
        LEFT JOIN claims_outlet o ON o.id = a.outlet_id
        LEFT JOIN claims_speaker s ON s.id = c.speaker_id
        ORDER BY r.exact DESC, r.score DESC, r.id DESC
    """
    params = {
        "hash": claim.content_hash,
        "id": claim.pk,
        "limit": limit,
        "tsquery": tsquery,
        "cap": CANDIDATE_LIMIT,
        "content": claim.content,
        "min": MIN_SCORE,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [_similar(row) for row in cursor.fetchall()][:limit]


def rarest_lexemes(claim: Claim, *, k: int) -> list[tuple[str, float]]:
    """The claim's k rarest search lexemes with their frequency (PostgreSQL), rarest first,
    longest first on ties.

    Rarity comes from pg_stats' most_common_elems for the `search` column: what ANALYZE found
    common, with the fraction of rows holding each; a lexeme it did not list counts as rare (0).
    Migration 0003 raises the column's statistics target so that list runs to ~10,000 lexemes.
    Statistics change only on ANALYZE, so they are read once per STATS_TTL per process.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT lexeme FROM unnest(to_tsvector('english', %s)) AS v(lexeme, positions, weights)",
            [claim.content],
        )
        lexemes = [row[0] for row in cursor.fetchall()]
    common = common_lexemes()
    ranked = sorted(lexemes, key=lambda lx: (common.get(lx, 0.0), -len(lx), lx))[:k]
    return [(lx, common.get(lx, 0.0)) for lx in ranked]


def common_lexemes() -> dict[str, float]:
    """lexeme -> fraction of claims holding it, for the lexemes ANALYZE found common (cached)."""
    key = connection.alias, connection.settings_dict["NAME"]
    cached = _common_cache.get(key)
    if cached is not None and time.monotonic() - cached[0] < STATS_TTL:
        return cached[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = 'claims_claim' AND attname = 'search' "
            "AND schemaname = current_schema()"
        )
        row = cursor.fetchone()
    # The frequencies array ends with three summary numbers (min, max, null fraction): zip stops.
    common = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
    _common_cache[key] = (time.monotonic(), common)
    return common


def clear_stats_cache() -> None:
    """Forget cached pg_stats (after ANALYZE in tests and benchmarks)."""
    _common_cache.clear()


def _ranked_fallback(claim: Claim, *, limit: int) -> list[tuple[int, float, bool]]:
    exact = list(
        Claim.objects.filter(content_hash=claim.content_hash)
        .exclude(pk=claim.pk)
        .order_by("-id")
        .values_list("pk", flat=True)[:limit]
    )
    ranked = [(pk, 1.0, True) for pk in exact]
    mine = normalise_text(claim.content)
    words = sorted(
        {w for w in mine.split() if len(w) > 3 and w not in _STOPWORDS},
        key=lambda w: (-len(w), w),
    )[:3]
    if not words or len(ranked) >= limit:
        return ranked
    query = Q()
    for word in words:
        query |= Q(content__icontains=word)
    candidates = (
        Claim.objects.filter(query)
        .exclude(pk__in=[claim.pk, *exact])
        .values_list("pk", "content")[:CANDIDATE_LIMIT]
    )
    scored = []
    for pk, content in candidates:
        score = difflib.SequenceMatcher(None, mine, normalise_text(content)).ratio()
        if score >= MIN_SCORE:
            scored.append((pk, round(score, 3), False))
    scored.sort(key=lambda row: (-row[1], -row[0]))
    return (ranked + scored)[:limit]
