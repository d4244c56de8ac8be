"""Benchmark: the review desk's "similar claims" lookup at 1,000,000 claims on PostgreSQL.

    .venv/bin/python bench/bench_similarity.py [--data JSONL] [--rows 1000000] [--lookups 200]
        [--postgres postgres://root@127.0.0.1:5432]

Creates the scratch database claimdesk_bench_similarity_<pid>, migrates it, fills it with SQL
(generate_series; nothing row by row from Python) and drops it at the end. Claim texts are
real newswire sentences read at run time from a PolNeAR-style JSON Lines file (--data, or
$CLAIMDESK_DATA_DIR/polnear/train.jsonl: see bench/polnear.py; nothing is copied into the
repository), recombined: most claims splice the first half of one sentence onto the second
half of another; every 20th is a whole sentence (so the same remark recurs, as
when two outlets report it) and every 20th + 1 a whole sentence with ", he said" appended (a
near duplicate). Falls back to synthetic words without a file.

Reports p50/p95/max of claims.services.similarity.similar_claims() (hash lookup, rarest
lexemes, GIN-prefiltered candidates ranked by trigram similarity, row fetch) over random
claims, and for comparison the whole-table query it replaces (ORDER BY similarity() over every
row) on a few claims. Compare ratios within one run: the machine is shared and noisy.
"""

import argparse
import io
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.polnear import add_data_argument, missing  # noqa: E402 (needs sys.path)

SENTENCE = re.compile(r"(?<=[.!?”\"])\s+")
CLAIM_INDEXES = {
    # name -> CREATE statement, rebuilt after the load (building once beats updating 1M times)
    "claims_claim_search_gin": "CREATE INDEX claims_claim_search_gin ON claims_claim USING gin (search)",
    "claims_claim_content_trgm": (
        "CREATE INDEX claims_claim_content_trgm ON claims_claim USING gin (content gin_trgm_ops)"
    ),
    "claims_claim_content_hash_idx": (
        "CREATE INDEX claims_claim_content_hash_idx ON claims_claim (content_hash)"
    ),
}


def sentences(data: Path | None) -> list[str]:
    if missing(data):
        rng = random.Random(7)
        words = [f"w{rng.getrandbits(24):06x}" for _ in range(20_000)]
        return [
            " ".join(words[int(20_000 ** rng.random()) - 1] for _ in range(14)) + "."
            for _ in range(30_000)
        ]
    out = []
    with data.open() as src:
        for line in src:
            for sentence in SENTENCE.split(json.loads(line)["text"]):
                sentence = " ".join(sentence.split())
                if 40 <= len(sentence) <= 300:
                    out.append(sentence)
    return out


def setup_database(base_url: str, name: str, rows: int, data: Path | None) -> None:
    import psycopg

    with psycopg.connect(f"{base_url}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    env = {**os.environ, "DATABASE_URL": f"{base_url}/{name}", "SECRET_KEY": "bench-only"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    texts = sentences(data)
    articles = max(1, rows // 100)
    with psycopg.connect(f"{base_url}/{name}", autocommit=True) as conn:
        conn.execute("SET maintenance_work_mem = '512MB'")
        for index in CLAIM_INDEXES:
            conn.execute(f"DROP INDEX IF EXISTS {index}")
        conn.execute("CREATE UNLOGGED TABLE bench_sentence (id int PRIMARY KEY, text text)")
        buffer = io.StringIO()
        for i, text in enumerate(texts):
            buffer.write(f"{i}\t{text.replace(chr(92), '').replace(chr(9), ' ')}\n")
        with conn.cursor().copy("COPY bench_sentence (id, text) FROM STDIN") as copy:
            copy.write(buffer.getvalue())
        conn.execute(
            """
            INSERT INTO claims_article (headline, slug, body, language, source_key, source_path,
                body_hash, imported_at, extractor_version, authors, published)
            SELECT 'Article ' || g, 'article-' || g, 'body', 'en', 'bench:' || g, '', '', now(),
                   '', '', date '2020-01-01' + (g %% 1500)
            FROM generate_series(1, %s) g
            """,
            [articles],
        )
        first_article = conn.execute("SELECT min(id) FROM claims_article").fetchone()[0]
        conn.execute(
            """
            INSERT INTO claims_claim (article_id, mention, content, start, "end", cue, kind,
                status, rationale, notes, attribution_checked, orphaned, content_hash,
                extractor_version, version, created, updated, sort_date)
            SELECT %(first)s + (g %% %(articles)s), '', c.content, g, g + length(c.content), '',
                   'indirect', 'new', '', '', false, false, md5(lower(c.content)), 'bench',
                   1, now(), now(), date '2020-01-01' + (g %% 1500)::int
            FROM generate_series(1::bigint, %(rows)s) g
            CROSS JOIN LATERAL (
                SELECT CASE
                    WHEN g %% 20 = 0 THEN a.text
                    WHEN g %% 20 = 1 THEN a.text || ', he said'
                    ELSE left(a.text, length(a.text) / 2) || right(b.text, length(b.text) / 2)
                END AS content
                FROM bench_sentence a, bench_sentence b
                WHERE a.id = abs(hashint8(g)) %% %(n)s AND b.id = abs(hashint8(-g)) %% %(n)s
            ) c
            """,
            {"first": first_article, "articles": articles, "rows": rows, "n": len(texts)},
        )
        for create in CLAIM_INDEXES.values():
            conn.execute(create)
        conn.execute("DROP TABLE bench_sentence")
        conn.execute("VACUUM ANALYZE claims_claim")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(base_url: str, name: str, lookups: int, whole_table: int) -> dict:
    os.environ.update(
        {
            "DATABASE_URL": f"{base_url}/{name}",
            "SECRET_KEY": "bench-only",
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    from claims.models import Claim
    from claims.services.similarity import similar_claims

    with connection.cursor() as cursor:
        cursor.execute("SELECT min(id), max(id), count(*) FROM claims_claim")
        low, high, count = cursor.fetchone()
    rng = random.Random(42)
    ids = [rng.randint(low, high) for _ in range(lookups + 20)]
    claims = Claim.objects.in_bulk(ids)
    sample = [claims[i] for i in ids if i in claims]
    for claim in sample[:20]:  # warm the cache and the connection
        similar_claims(claim)
    timings, found, exact = [], [], 0
    for claim in sample[20:]:
        start = time.perf_counter()
        result = similar_claims(claim)
        timings.append((time.perf_counter() - start) * 1000)
        found.append(len(result))
        exact += any(r.exact for r in result)
    whole = []
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = '120s'")
        for claim in sample[20 : 20 + whole_table]:
            start = time.perf_counter()
            cursor.execute(
                "SELECT id, similarity(content, %s) AS s FROM claims_claim WHERE id <> %s "
                "ORDER BY s DESC LIMIT 8",
                [claim.content, claim.pk],
            )
            cursor.fetchall()
            whole.append((time.perf_counter() - start) * 1000)
    return {
        "claims": count,
        "lookups": len(timings),
        "p50_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 95),
        "max_ms": max(timings),
        "mean_results": statistics.mean(found),
        "with_exact_duplicate": exact,
        "whole_table_ms": whole,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=200)
    parser.add_argument("--whole-table", type=int, default=3, help="whole-table queries to time")
    parser.add_argument("--postgres", default="postgres://root@127.0.0.1:5432")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    add_data_argument(parser)
    args = parser.parse_args()
    name = f"claimdesk_bench_similarity_{os.getpid()}"
    started = time.perf_counter()
    try:
        setup_database(args.postgres, name, args.rows, args.data)
        load_s = time.perf_counter() - started
        result = measure(args.postgres, name, args.lookups, args.whole_table)
    finally:
        if "django.db" in sys.modules and os.environ.get("DJANGO_SETTINGS_MODULE"):
            from django.db import connections

            connections.close_all()
        import psycopg

        if args.keep:
            print(f"kept database {name}")
        else:
            with psycopg.connect(f"{args.postgres}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    whole = result["whole_table_ms"]
    print(f"claims: {result['claims']:,} (generated and indexed in {load_s:.0f} s)")
    print(
        f"similar_claims(): {result['lookups']} lookups, p50 {result['p50_ms']:.2f} ms, "
        f"p95 {result['p95_ms']:.2f} ms, max {result['max_ms']:.2f} ms; "
        f"{result['mean_results']:.1f} results on average, "
        f"{result['with_exact_duplicate']} with an exact duplicate"
    )
    if whole:
        median_whole = statistics.median(whole)
        print(
            f"whole-table ORDER BY similarity(): {len(whole)} claims, "
            + ", ".join(f"{w / 1000:.1f} s" for w in whole)
            + f"; median {median_whole / result['p50_ms']:,.0f}x the p50 above"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
