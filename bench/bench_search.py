"""Claim search at 1,000,000 claims on PostgreSQL: p50/p95 of what the claim list runs for `q`.

    .venv/bin/python bench/bench_search.py [--claims 1000000] [--runs 60] [--keep]

Creates a scratch database (claimdesk_bench_search_d_PID; with --keep claimdesk_bench_search_d,
for --reuse), generates the claims in one INSERT ...
SELECT over generate_series (words drawn from a skewed pool, so a few words are in most claims),
builds the GIN index afterwards, then times, in this process, the list view's own code path for
a search (claims.public.pagination.search_page): the filter set (speaker-name lookup), the keys of the newest
1,000 matches (count and candidates), and one page of rows, for newest-first and relevance order. Multi-word queries and a single very common word are timed
separately. The template is not part of it (bench_pages.py measures whole pages).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

import psycopg  # noqa: E402
from public_common import COMMON_WORDS, WORDS, create_scratch, drop_scratch, log, machine  # noqa: E402

DATABASE = "claimdesk_bench_search_d"
MULTI_WORD = [
    "bridge budget",
    "peace talks ceasefire",
    '"grain exports" port',
    "inflation wages -rent",
    "nuclear energy",
    "election fraud court",
    "hospital nurses strike",
    "drone missile army",
    "housing rent pension",
    "climate coal emissions",
]
COMMON = COMMON_WORDS[:1]  # "government": in most generated claims


def generate(url: str, n_claims: int) -> None:
    words = "ARRAY[" + ",".join(f"'{w}'" for w in WORDS) + "]"
    picks = " || ' ' || ".join(
        f"w[1 + floor(power(random(), 2.5) * {len(WORDS)})::int + 0 * g]" for _ in range(12)
    )
    articles = max(1, n_claims // 100)
    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        # Faster to build the GIN index once than to maintain it row by row; the trigram index
        # serves the review desk's similarity panel, not search, and is left out here.
        conn.execute("DROP INDEX IF EXISTS claims_claim_search_gin")
        conn.execute("DROP INDEX IF EXISTS claims_claim_content_trgm")
        conn.execute(
            """
            INSERT INTO claims_speaker (id, name, slug, kind, role, affiliation, description,
                                        wikidata_id, created)
              OVERRIDING SYSTEM VALUE
              SELECT i, 'Speaker ' || i || ' ' || (ARRAY['Smith','Jones','Okafor','Lovelace',
                     'Garcia','Novak'])[1 + i % 6], 'speaker-' || i, 'person', '', '', '', '',
                     now()
              FROM generate_series(1, 500) i
            """
        )
        conn.execute(
            f"""
            INSERT INTO claims_article (id, headline, slug, body, language, source_key,
                                        source_path, body_hash, imported_at, extractor_version,
                                        authors, published)
              OVERRIDING SYSTEM VALUE
              SELECT i, 'Headline ' || i, 'article-' || i, 'body', 'en', 'bench:' || i, '', '',
                     now(), '', '', date '2010-01-01' + (i % 5000)
              FROM generate_series(1, {articles}) i
            """
        )
        conn.execute(
            f"""
            INSERT INTO claims_claim (mention, content, start, "end", cue, kind, sort_date, status, verdict, rationale, notes,
                                      attribution_checked, published_at, orphaned, content_hash,
                                      extractor_version, version, created, updated, article_id,
                                      speaker_id)
              SELECT '', {picks}, (g % 100) * 10, (g % 100) * 10 + 5, 'said', 'indirect',
                     date '2010-01-01' + (g % 5000),
                     CASE WHEN g % 10 < 4 THEN 'published' WHEN g % 10 < 9 THEN 'new'
                          ELSE 'dismissed' END,
                     CASE WHEN g % 10 < 4 THEN 'false' END, '', '', false, NULL, false, '', '',
                     1, now(), now(), 1 + (g / 100) % {articles}, 1 + g % 500
              FROM generate_series(0, {n_claims - 1}) g, (SELECT {words} AS w) pool
            """
        )
        log(f"inserted {n_claims:,} claims in {time.perf_counter() - started:.0f}s")
        conn.execute("CREATE INDEX claims_claim_search_gin ON claims_claim USING gin (search)")
        conn.execute("VACUUM ANALYZE")
    log(f"generated and indexed in {time.perf_counter() - started:.0f}s")


def timed_search(query: str, sort: str) -> float:
    """Seconds for the claim list's database work for ?q=query&sort=sort (page 1)."""
    from django.http import QueryDict

    from claims.models import Claim
    from claims.public.filters import ClaimFilter
    from claims.public.pagination import search_page

    params = QueryDict(mutable=True)
    params.update({"q": query, "sort": sort})
    started = time.perf_counter()
    filterset = ClaimFilter(params, queryset=Claim.objects.public().for_list())
    assert filterset.is_valid(), filterset.errors
    page, _count = search_page(
        filterset.qs, params, sort=filterset.sort_value, parsed=filterset.parsed_query
    )
    assert page.rows, query
    return time.perf_counter() - started


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=60, help="timed searches per group")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--reuse", action="store_true", help="use an existing scratch database")
    args = parser.parse_args()

    url = f"postgres://root@127.0.0.1:5432/{DATABASE}"
    if not args.reuse:
        url = create_scratch(DATABASE, exact=args.keep)
        generate(url, args.claims)
    os.environ.update(DATABASE_URL=url, DEBUG="0")
    os.environ["SECRET_KEY"] = "bench-only"  # noqa: S105 -- a throwaway scratch database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.db import connection

    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FILTER (WHERE search @@ websearch_to_tsquery('english', %s)), "
                "count(*) FROM claims_claim",
                [COMMON[0]],
            )
            common_matches, total = cursor.fetchone()
        rng = random.Random(7)
        results = []
        for label, pool in (("multi-word", MULTI_WORD), ("one very common word", COMMON)):
            for sort in ("newest", "relevance"):
                for query in pool:  # warm up: plans and caches, as on a running server
                    timed_search(query, sort)
                samples = [timed_search(rng.choice(pool), sort) for _ in range(args.runs)]
                p50, p95 = percentiles(samples)
                results.append((label, sort, p50, p95))
                log(f"{label} / {sort}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    finally:
        connection.close()
        if not args.keep:
            drop_scratch(url)

    print(f"Machine: {machine()}")
    print(
        f"{total:,} claims; '{COMMON[0]}' matches {common_matches:,} "
        f"({common_matches / total:.0%}); {args.runs} timed searches per row"
    )
    print()
    print("| queries | sort | p50 ms | p95 ms | target p95 |")
    print("|---|---|---:|---:|---|")
    for label, sort, p50, p95 in results:
        target = "< 50 ms" if label == "multi-word" else "< 150 ms"
        print(f"| {label} | {sort} | {p50:.1f} | {p95:.1f} | {target} |")


if __name__ == "__main__":
    main()
