"""Public page throughput against reference views, on PostgreSQL with 100,000 claims.

    .venv/bin/python bench/bench_pages.py [--articles 10000] [--seconds 6] [--keep]

Creates a scratch database (claimdesk_bench_pages_d_PID, this process's id), fills it in SQL, serves it with gunicorn
(sync workers) and loads each page with wrk from 127.0.0.1. Prints a Markdown table: requests/s,
p50/p99 latency and the ratio to the reference view measured in the same run:
- claim, speaker and article pages against a minimal view (one pk lookup, tiny template);
- the claim list at page 1 and at page 1,000 (keyset cursor) against a bare list view (same
  50 rows and joins, minimal template, no COUNT);
- the claim page with CONN_MAX_AGE=0 against 600 (page cache off, so every request queries).
Everything runs twice: with the page cache (the production default) and without it
(CLAIMDESK_PAGE_CACHE_SECONDS=0: the ORM, keyset pagination and templates on every request).
The single-URL targets above are the worst case for the uncached path and the best for the
cache, so the claim, speaker and article pages are also measured spread over 500 / 200 / 500
different pages (wrk requests them in turn), against the minimal view over the same 500 claims:
with the cache in Redis when a server answers on 127.0.0.1:6379 (database 14), every page
rendered once first, and without the cache.
Each target runs in two rounds, interleaved, and keeps its better round (the machine is shared).
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from public_common import (
    DEEP_PAGE,
    create_scratch,
    drop_scratch,
    fill_public_data,
    gunicorn,
    log,
    machine,
    redis_url,
    rotating_script,
    spread_paths,
    warm,
    wrk,
)

DATABASE = "claimdesk_bench_pages_d"


def measure(base: str, targets: dict, *, seconds: int, rounds: int = 2) -> dict:
    import urllib.request

    for name, path in targets.items():  # warm up, and fail early on anything but 200
        with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310 -- local
            assert response.status == 200, (name, response.status)
    best: dict = {}
    for round_ in range(rounds):
        for name, path in targets.items():
            result = wrk(base + path, seconds=seconds)
            log(
                f"round {round_ + 1} {name}: {result['rps']:.0f} req/s p50 {result['p50_ms']:.1f} ms"
            )
            if name not in best or result["rps"] > best[name]["rps"]:
                best[name] = result
    return best


def measure_spread(base: str, targets: dict, *, seconds: int, rounds: int = 2) -> dict:
    """Like measure(), each target a list of paths that wrk requests in turn."""
    scripts = {name: rotating_script(paths) for name, paths in targets.items()}
    best: dict = {}
    try:
        for round_ in range(rounds):
            for name, paths in targets.items():
                result = wrk(base + paths[0], seconds=seconds, script=scripts[name])
                log(
                    f"round {round_ + 1} {name}: {result['rps']:.0f} req/s "
                    f"p50 {result['p50_ms']:.1f} ms"
                )
                if name not in best or result["rps"] > best[name]["rps"]:
                    best[name] = result
    finally:
        for script in scripts.values():
            Path(script).unlink(missing_ok=True)
    return best


def spread_reference(results: dict) -> dict:
    reference = next(name for name in results if name.endswith("(reference)"))
    return {name: reference for name in results if name != reference}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="10 claims per article")
    parser.add_argument("--seconds", type=int, default=6, help="per target and round")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()

    url = create_scratch(DATABASE)
    try:
        ids = fill_public_data(url, articles=args.articles)
        after = f"?after={ids['deep_cursor']}" if ids["deep_cursor"] else ""
        targets = {
            "minimal view (reference)": f"/bench/minimal/{ids['claim_id']}/",
            "claim page": f"/claims/{ids['claim_id']}/",
            "speaker page": f"/speakers/{ids['speaker_slug']}/",
            "article page": f"/articles/{ids['article_slug']}/",
            "topic page": f"/topics/{ids['topic_slug']}/",
            "home": "/",
            "bare list, page 1 (reference)": "/bench/bare-list/",
            "claim list, page 1": "/claims/",
            "bare list, page 1,000 (reference)": f"/bench/bare-list/{after}",
            "claim list, page 1,000 (cursor)": f"/claims/{after}",
        }
        spread = spread_paths(url)
        spread_targets = {
            f"minimal view, {len(spread['minimal'])} different claims (reference)": spread[
                "minimal"
            ],
            f"claim pages, {len(spread['claim'])} different": spread["claim"],
            f"speaker pages, {len(spread['speaker'])} different": spread["speaker"],
            f"article pages, {len(spread['article'])} different": spread["article"],
        }
        cache_url = redis_url()
        with gunicorn(url, conn_max_age=600, page_cache=300) as base:
            cached = measure(base, targets, seconds=args.seconds)
        with gunicorn(url, conn_max_age=600, page_cache=300, cache_url=cache_url) as base:
            # Every page rendered once first (the cache shared by all workers when Redis is
            # there); then wrk requests them in turn: the steady state of a site whose readers
            # come back to pages already rendered. A first visit costs the uncached figure.
            warm(base, [p for paths in spread_targets.values() for p in paths])
            cached_spread = measure_spread(base, spread_targets, seconds=args.seconds)
        with gunicorn(url, conn_max_age=600, page_cache=0) as base:
            uncached = measure(base, targets, seconds=args.seconds)
            uncached_spread = measure_spread(base, spread_targets, seconds=args.seconds)
        with gunicorn(url, conn_max_age=0, page_cache=0) as base:
            fresh = measure(
                base, {"claim page, CONN_MAX_AGE=0": targets["claim page"]}, seconds=args.seconds
            )
    finally:
        if not args.keep:
            drop_scratch(url)

    print(f"Machine: {machine()}; {args.articles * 10:,} claims; wrk -t1 -c6 -d{args.seconds}s")
    if ids["deep_page"] != DEEP_PAGE:  # a smaller database: its last full page instead
        print(f"'Page 1,000' is page {ids['deep_page']:,}: the public list has no more.")
    report("Page cache on (CLAIMDESK_PAGE_CACHE_SECONDS=300, the default)", cached)
    uncached_claim = uncached["claim page"]
    shared = f"shared in Redis ({cache_url})" if cache_url else "in each worker's memory"
    report(
        f"Page cache on, pages spread over the data, every page rendered once first; cache {shared}",
        cached_spread,
        reference=spread_reference(cached_spread),
    )
    report("Page cache off (CLAIMDESK_PAGE_CACHE_SECONDS=0)", uncached)
    report(
        "Page cache off, pages spread over the data",
        uncached_spread,
        reference=spread_reference(uncached_spread),
    )
    report(
        "Connections: claim page, page cache off",
        {"CONN_MAX_AGE=600": uncached_claim, "CONN_MAX_AGE=0": fresh["claim page, CONN_MAX_AGE=0"]},
        reference={"CONN_MAX_AGE=0": "CONN_MAX_AGE=600"},
    )


REFERENCE = {
    "claim page": "minimal view (reference)",
    "speaker page": "minimal view (reference)",
    "article page": "minimal view (reference)",
    "topic page": "minimal view (reference)",
    "home": "minimal view (reference)",
    "claim list, page 1": "bare list, page 1 (reference)",
    "claim list, page 1,000 (cursor)": "bare list, page 1,000 (reference)",
}
TARGETS = {"claim page": 0.5, "speaker page": 0.5, "article page": 0.5}
TARGETS.update({"claim list, page 1": 0.7, "claim list, page 1,000 (cursor)": 0.7})


def report(title: str, results: dict, reference: dict | None = None) -> None:
    reference = reference or REFERENCE
    print()
    print(f"**{title}**")
    print()
    print("| page | req/s | p50 ms | p99 ms | ratio to reference | target |")
    print("|---|---:|---:|---:|---:|---|")
    for name, result in results.items():
        ratio = ""
        if name in reference:
            ratio = f"{result['rps'] / results[reference[name]]['rps']:.2f}x"
        goal = TARGETS.get(name) or next(
            (0.5 for kind in ("claim", "speaker", "article") if name.startswith(f"{kind} pages")),
            None,
        )
        target = f"≥ {goal:.1f}x" if goal else ""
        errors = result["errors"] + result["non2xx"]
        flag = f" ({errors} errors)" if errors else ""
        print(
            f"| {name}{flag} | {result['rps']:.0f} | {result['p50_ms']:.1f} | "
            f"{result['p99_ms']:.1f} | {ratio} | {target} |"
        )


if __name__ == "__main__":
    main()
