"""Load test of the public pages and search: gunicorn, PostgreSQL, 100,000 claims, 30 seconds.

    .venv/bin/python bench/bench_load.py [--articles 10000] [--seconds 30] [--keep]

Creates a scratch database (claimdesk_bench_load_d) with the same generated data as
bench_pages.py, starts gunicorn (sync workers) on 127.0.0.1 and drives it with wrk over a
rotating mix of a few hundred public URLs: home, claim list (plain, filtered, deep cursor),
searches (newest and relevance), claim, speaker, article and topic pages, feeds. Runs with the
page cache in each worker's memory (the default), in Redis when a server answers on
127.0.0.1:6379 (CACHE_URL, database 14), and without it. Prints requests/s, p50/p99 latency and the
number of errors and non-2xx answers, which must be zero.
"""

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from public_common import (
    WORDS,
    create_scratch,
    drop_scratch,
    fill_public_data,
    gunicorn,
    log,
    machine,
    redis_url,
    rotating_script,
    wrk,
)

DATABASE = "claimdesk_bench_load_d"


def url_mix(ids: dict, articles: int, rng: random.Random) -> list[str]:
    n_claims = articles * 10
    # Claim n is dismissed when n % 10 == 9 (public_common): those answer 404 by design.
    claim_ids = [i for i in rng.sample(range(1, n_claims + 1), 150) if i % 10 != 9][:100]
    paths = [f"/claims/{i}/" for i in claim_ids]
    paths += [f"/speakers/speaker-{rng.randint(21, 500)}/" for _ in range(40)]
    paths += [f"/articles/article-{rng.randint(1, articles)}/" for _ in range(40)]
    paths += [f"/topics/topic-{i}/" for i in range(1, 21)]
    tail = WORDS[5:]
    for _ in range(30):
        words = "+".join(rng.sample(tail, rng.choice([1, 2, 3])))
        paths.append(f"/claims/?q={words}")
        paths.append(f"/claims/?q={words}&sort=relevance")
    paths += [f"/claims/?q={w}" for w in WORDS[:5]]  # the very common words
    paths += [f"/claims/?speaker=speaker-{rng.randint(21, 500)}" for _ in range(10)]
    paths += [f"/claims/?topic=topic-{rng.randint(1, 20)}&sort=oldest" for _ in range(5)]
    paths += [f"/claims/?after={ids['deep_cursor']}", "/claims/", "/", "/topics/", "/speakers/"]
    paths += ["/feeds/claims/", "/feeds/topics/topic-1/", "/feeds/speakers/speaker-21/"]
    rng.shuffle(paths)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="10 claims per article")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()

    url = create_scratch(DATABASE)
    results = {}
    try:
        ids = fill_public_data(url, articles=args.articles)
        paths = url_mix(ids, args.articles, random.Random(11))
        script = rotating_script(paths)
        shared = redis_url()
        runs = [("page cache on, in each worker's memory (default)", 300, "")]
        if shared:
            runs.append((f"page cache on, shared in Redis (CACHE_URL={shared})", 300, shared))
        runs.append(("page cache off", 0, ""))
        for label, page_cache, cache_url in runs:
            with gunicorn(url, page_cache=page_cache, cache_url=cache_url) as base:
                log(f"{label}: {len(paths)} URLs for {args.seconds}s")
                results[label] = wrk(
                    base + "/",
                    seconds=args.seconds,
                    connections=args.connections,
                    threads=2,
                    script=script,
                )
        Path(script).unlink()
    finally:
        if not args.keep:
            drop_scratch(DATABASE)

    print(f"Machine: {machine()}; {args.articles * 10:,} claims; {len(paths)} URLs rotating;")
    print(f"wrk -t2 -c{args.connections} -d{args.seconds}s; gunicorn 3 sync workers")
    print()
    print("| run | requests | req/s | p50 ms | p99 ms | socket errors | non-2xx |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, r in results.items():
        print(
            f"| {label} | {r['requests']:,} | {r['rps']:.0f} | {r['p50_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | {r['errors']} | {r['non2xx']} |"
        )
    if any(r["errors"] or r["non2xx"] for r in results.values()):
        sys.exit("errors under load")


if __name__ == "__main__":
    main()
