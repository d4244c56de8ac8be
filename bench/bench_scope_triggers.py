"""What migration 0032's triggers cost an import's commit, on PostgreSQL: articles of unreviewed
claims written and committed one by one, with the triggers on and off, in paired rounds.

    .venv/bin/python bench/bench_scope_triggers.py [--articles 300] [--rounds 10] [--keep]

Creates a scratch database (claimdesk_bench_scope_d_PID), migrates it, and runs inside the
server (a procedure that commits after each article, so no client round trip is timed) what an
import's transaction writes that the triggers see: an article and its claims (10, of 5
speakers) in one statement. With the triggers on, that statement lists its page generations
(lists, article, speakers' claims) and the commit raises them (0031's last trigger); off, both
of migration 0032's claims_claim triggers are disabled. A round times --articles articles each
way, the order alternating. Prints each round's ms an article and the paired differences'
median. Compare within one run: the machine is shared.

With --aliases N each article's statement is followed by one inserting N aliases of its
speakers (as an import stores the surface forms it learns; the speakers have no published
claim, so the commit also checks the shared counter), and what is turned on and off is
migration 0034's claims_speakeralias triggers instead (0032's stay on both ways).
"""

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg
from public_common import create_scratch, drop_scratch, log, machine

DATABASE = "claimdesk_bench_scope_d"
TRIGGERS = ("claims_pagegeneration_pending_claims", "claims_pagegeneration_pending")
ALIAS_TRIGGERS = tuple(
    f"claims_pagegeneration_pending_aliases_{event}"
    for event in ("insert", "update", "delete", "commit")
)

PROCEDURE = """
CREATE PROCEDURE bench_articles(n int, aliases int, INOUT ms float DEFAULT 0)
LANGUAGE plpgsql AS $$
DECLARE
    started timestamptz := clock_timestamp();
    article bigint;
    speakers bigint[];
BEGIN
    SELECT array_agg(id ORDER BY id) INTO speakers FROM claims_speaker;
    FOR i IN 1..n LOOP
        INSERT INTO claims_article (headline, slug, url, published, authors, body, language,
            source_key, source_path, body_hash, imported_at, extractor_version, extraction_note)
        VALUES ('Headline', 'bench-' || clock_timestamp()::text || '-' || i, NULL, NULL, '',
            'Body', 'en', 'bench:' || clock_timestamp()::text || '-' || i, '', '', now(), '', '')
        RETURNING id INTO article;
        INSERT INTO claims_claim (mention, content, start, "end", cue, kind, status, rationale,
            notes, attribution_checked, orphaned, content_hash, extractor_version, version,
            created, updated, article_id, speaker_id, extraction_rule, speaker_resolution, via,
            summary, in_headline, sort_date)
        SELECT 'Speaker', 'Words said', k * 10, k * 10 + 5, 'said', 'direct', 'new', '', '',
            false, false, md5(k::text), '', 1, now(), now(), article,
            speakers[1 + (i * 5 + k % 5) % array_length(speakers, 1)], '', '', '', '', false,
            now()
        FROM generate_series(0, 9) k;
        IF aliases > 0 THEN
            INSERT INTO claims_speakeralias (speaker_id, alias, normalised, created)
            SELECT speakers[1 + (i * 5 + k % 5) % array_length(speakers, 1)],
                'Alias ' || article || ' ' || k, 'alias ' || article || ' ' || k, now()
            FROM generate_series(1, aliases) k;
        END IF;
        COMMIT;
    END LOOP;
    ms := extract(epoch FROM clock_timestamp() - started) * 1000 / n;
END
$$
"""


def _switch(conn, *, on: bool, aliases: int) -> None:
    verb = "ENABLE" if on else "DISABLE"
    table, triggers = (
        ("claims_speakeralias", ALIAS_TRIGGERS) if aliases else ("claims_claim", TRIGGERS)
    )
    for trigger in triggers:
        conn.execute(f"ALTER TABLE {table} {verb} TRIGGER {trigger}")


def timed(conn, *, on: bool, articles: int, aliases: int) -> float:
    _switch(conn, on=on, aliases=aliases)
    return conn.execute("CALL bench_articles(%s, %s)", [articles, aliases]).fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="per round and way")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument(
        "--aliases", type=int, default=0, help="aliases an article; time 0034's triggers"
    )
    args = parser.parse_args()

    url = create_scratch(DATABASE)
    rows = []
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                "INSERT INTO claims_speaker (name, slug, kind, role, affiliation, description, "
                "wikidata_id, created) SELECT 'Speaker ' || i, 'speaker-' || i, 'person', '', "
                "'', '', '', now() FROM generate_series(1, 50) i"
            )
            conn.execute(PROCEDURE)
            for n in range(args.rounds):
                ways = [True, False] if n % 2 == 0 else [False, True]
                got = {
                    on: timed(conn, on=on, articles=args.articles, aliases=args.aliases)
                    for on in ways
                }
                rows.append((got[True], got[False]))
                log(f"round {n + 1}: on {got[True]:.3f} ms, off {got[False]:.3f} ms an article")
            _switch(conn, on=True, aliases=args.aliases)
    finally:
        if not args.keep:
            drop_scratch(url)

    aliases = f" and {args.aliases} aliases (0034's triggers)" if args.aliases else ""
    print(f"Machine: {machine()}; {args.articles} articles of 10 claims{aliases} a round and way")
    print()
    print("| round | triggers on, ms an article | off | difference |")
    print("|---:|---:|---:|---:|")
    for n, (on, off) in enumerate(rows, start=1):
        print(f"| {n} | {on:.3f} | {off:.3f} | {on - off:+.3f} |")
    differences = sorted(on - off for on, off in rows)
    print()
    print(
        f"median: on {statistics.median(r[0] for r in rows):.3f}, off "
        f"{statistics.median(r[1] for r in rows):.3f} ms an article; paired difference median "
        f"{statistics.median(differences):+.3f} ms (from {differences[0]:+.3f} to "
        f"{differences[-1]:+.3f})"
    )


if __name__ == "__main__":
    main()
