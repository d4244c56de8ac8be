"""Similar claims and similar speaker names, fast at a million rows.

A whole-table trigram query (ORDER BY similarity(content, %s)) reads every row: 1 to 23 s per
claim at 1,000,000 claims. Instead, on PostgreSQL:

1. exact duplicates by the normalised-text hash (Claim.content_hash, b-tree index);
2. candidates that share two of the claim's three rarest lexemes, found through the GIN index
   on the `search` tsvector (rarity from pg_stats' most_common_elems: a lexeme that ANALYZE did
   not list as common is rare), capped at CANDIDATE_LIMIT rows;
3. those candidates ranked by pg_trgm similarity(), best first, above MIN_SCORE.

SQLite (development) has no tsvector or pg_trgm: candidates are rows containing the claim's
longest words (a proxy for rare), capped the same way, ranked with difflib.

bench/bench_similarity.py measures it at 1,000,000 claims (docs/benchmarks-review.md).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import Q

from claims.models import Claim, Speaker
from claims.normalise import normalise_name, normalise_text

CANDIDATE_LIMIT = 200
MIN_SCORE = 0.35
_STOPWORD_TEXT = (
    "a about after also an and are as at be been but by for from had has have he her his "
    "i in is it its not of on or our she that the their there they this to was we were "
    "which who will with would you said says told"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True)
class SimilarClaim:
    claim: Claim
    score: float  # 1.0 for an exact (normalised) duplicate
    exact: bool


def similar_claims(claim: Claim, *, limit: int = 8) -> list[SimilarClaim]:
    """Claims elsewhere with the same or nearly the same content, best first (2 to 4 queries)."""
    base = Claim.objects.exclude(pk=claim.pk).select_related("article__outlet", "speaker")
    exact = list(base.filter(content_hash=claim.content_hash).order_by("-id")[:limit])
    found = [SimilarClaim(c, 1.0, True) for c in exact]
    seen = {c.pk for c in exact} | {claim.pk}
    if len(found) < limit:
        if connection.vendor == "postgresql":
            ranked = _near_postgresql(claim, exclude=seen, limit=limit - len(found))
        else:
            ranked = _near_fallback(claim, exclude=seen, limit=limit - len(found))
        by_id = base.in_bulk([pk for pk, _ in ranked])
        found += [SimilarClaim(by_id[pk], score, False) for pk, score in ranked if pk in by_id]
    return found


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


def _near_postgresql(claim: Claim, *, exclude: set[int], limit: int) -> list[tuple[int, float]]:
    lexemes = rarest_lexemes(claim, k=3)
    if not lexemes:
        return []
    quoted = ["'" + lx.replace("\\", "\\\\").replace("'", "''") + "'" for lx in lexemes]
    if len(quoted) >= 3:
        a, b, c = quoted[:3]
        tsquery = f"({a} & {b}) | ({a} & {c}) | ({b} & {c})"
    else:
        tsquery = " & ".join(quoted)
    # The CTE is fenced (MATERIALIZED) so the planner takes the GIN path and stops at the cap,
    # rather than scanning by similarity.
    sql = """
        WITH candidates AS MATERIALIZED (
            SELECT id, content FROM claims_claim
            WHERE search @@ %s::tsquery AND NOT (id = ANY(%s))
            LIMIT %s
        )
        SELECT id, similarity(content, %s) AS score FROM candidates
        WHERE similarity(content, %s) >= %s
        ORDER BY score DESC, id DESC
        LIMIT %s
    """
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                tsquery,
                list(exclude),
                CANDIDATE_LIMIT,
                claim.content,
                claim.content,
                MIN_SCORE,
                limit,
            ],
        )
        return [(pk, float(score)) for pk, score in cursor.fetchall()]


def rarest_lexemes(claim: Claim, *, k: int) -> list[str]:
    """The claim's k rarest search lexemes (PostgreSQL), rarest first, longest first on ties.

    One query: the claim's lexemes joined to pg_stats' most_common_elems for the `search`
    column (what ANALYZE found common, with the fraction of rows holding each); a lexeme ANALYZE
    did not list counts as rare (0). Costs a read of one pg_statistic row.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH common AS (
                SELECT elem, freq
                FROM pg_stats s,
                     unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)
                         AS f(elem, freq)
                WHERE s.tablename = 'claims_claim' AND s.attname = 'search'
                  AND s.schemaname = current_schema()
            )
            SELECT v.lexeme
            FROM unnest(to_tsvector('english', %s)) AS v(lexeme, positions, weights)
            LEFT JOIN common ON common.elem = v.lexeme
            ORDER BY coalesce(common.freq, 0), length(v.lexeme) DESC, v.lexeme
            LIMIT %s
            """,
            [claim.content, k],
        )
        return [row[0] for row in cursor.fetchall()]


def _near_fallback(claim: Claim, *, exclude: set[int], limit: int) -> list[tuple[int, float]]:
    mine = normalise_text(claim.content)
    words = sorted(
        {w for w in mine.split() if len(w) > 3 and w not in _STOPWORDS},
        key=lambda w: (-len(w), w),
    )[:3]
    if not words:
        return []
    query = Q()
    for word in words:
        query |= Q(content__icontains=word)
    candidates = (
        Claim.objects.filter(query)
        .exclude(pk__in=exclude)
        .values_list("pk", "content")[:CANDIDATE_LIMIT]
    )
    scored = []
    for pk, content in candidates:
        score = difflib.SequenceMatcher(None, mine, normalise_text(content)).ratio()
        if score >= MIN_SCORE:
            scored.append((pk, round(score, 3)))
    return sorted(scored, key=lambda pair: (-pair[1], -pair[0]))[:limit]
