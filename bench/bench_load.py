"""Load test of the public pages and search: gunicorn, PostgreSQL, 100,000 claims, 30 seconds.

    .venv/bin/python bench/bench_load.py [--articles 10000] [--seconds 30] [--keep]
    .venv/bin/python bench/bench_load.py --during-import $POLNEAR/train.jsonl
    .venv/bin/python bench/bench_load.py --during-import $POLNEAR/train.jsonl $POLNEAR/dev.jsonl \
        --invented 76                      # 1,000 articles


Creates a scratch database (claimdesk_bench_load_d_PID, this process's id) with the same generated data as
bench_pages.py, starts gunicorn (sync workers) on 127.0.0.1 and drives it with wrk over a
rotating mix of a few hundred public URLs: home, claim list (plain, filtered, deep cursor),
searches (newest and relevance), claim, speaker, article and topic pages, feeds. Runs with the
page cache in each worker's memory (the default), in Redis when a server answers on
127.0.0.1:6379 (CACHE_URL, database 14), and without it. Prints requests/s, p50/p99 latency and the
number of errors and non-2xx answers, which must be zero.

--during-import PATH [PATH ...] (issue 14, the page cache survives ingest): two runs with the
page cache in each worker's memory, first alone, then while `manage.py import_articles` writes
the articles of every PATH (PolNeAR .jsonl), and --invented N more made up here (sentences
with a quote and a speaker, never article texts), into the same database (CLAIMDESK_SHOW_UNREVIEWED off, the default: the imported claims are not public);
prints both rates, their ratio and how many articles the import committed meanwhile. Uses its
own scratch database (claimdesk_bench_load_import_PID).
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from public_common import (
    PYTHON,
    ROOT,
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
    # Claim n is published when n % 10 < 4, new below 9, else dismissed (public_common); with
    # CLAIMDESK_SHOW_UNREVIEWED off (the default) only published claims and the speakers of
    # some have public pages: the others answer 404 by design. Claim n's speaker is
    # 21 + (7919 n) % 480, so a speaker's claims all share one n % 10.
    claim_ids = [i for i in rng.sample(range(1, n_claims + 1), 400) if i % 10 < 4][:100]
    paths = [f"/claims/{i}/" for i in claim_ids]
    public = sorted({21 + (n * 7919) % 480 for n in range(1, 481) if n % 10 < 4})
    paths += [f"/speakers/speaker-{rng.choice(public)}/" for _ in range(40)]
    paths += [f"/articles/article-{rng.randint(1, articles)}/" for _ in range(40)]
    paths += [f"/topics/topic-{i}/" for i in range(1, 21)]
    tail = WORDS[5:]
    for _ in range(30):
        words = "+".join(rng.sample(tail, rng.choice([1, 2, 3])))
        paths.append(f"/claims/?q={words}")
        paths.append(f"/claims/?q={words}&sort=relevance")
    paths += [f"/claims/?q={w}" for w in WORDS[:5]]  # the very common words
    paths += [f"/claims/?speaker=speaker-{rng.choice(public)}" for _ in range(10)]
    paths += [f"/claims/?topic=topic-{rng.randint(1, 20)}&sort=oldest" for _ in range(5)]
    paths += [f"/claims/?after={ids['deep_cursor']}", "/claims/", "/", "/topics/", "/speakers/"]
    paths += ["/feeds/claims/", "/feeds/topics/topic-1/", f"/feeds/speakers/speaker-{public[0]}/"]
    rng.shuffle(paths)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="10 claims per article")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument(
        "--during-import", metavar="PATH", nargs="+", help="also load during an import of these"
    )
    parser.add_argument(
        "--invented", type=int, default=0, help="with --during-import: N invented articles more"
    )
    args = parser.parse_args()
    if args.during_import:
        during_import(args)
        return

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
            drop_scratch(url)

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


def during_import(args) -> None:
    database = "claimdesk_bench_load_import"
    url = create_scratch(database)
    results, imported = {}, 0
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench", "DEBUG": "0"}
    env["CLAIMDESK_IMPORT_MAX_BYTES"] = str(1 << 30)  # a PolNeAR .jsonl is over the 5 MB cap
    env.pop("CLAIMDESK_SHOW_UNREVIEWED", None)
    try:
        ids = fill_public_data(url, articles=args.articles)
        paths = url_mix(ids, args.articles, random.Random(11))
        script = rotating_script(paths)
        from bench_import import write_input  # PolNeAR .jsonl -> .txt + .json per article

        texts = Path(tempfile.mkdtemp(prefix="bench-load-import-"))
        articles = 0
        for n, data in enumerate(args.during_import):
            (texts / f"{n}").mkdir()  # write_input names files 0000.txt, ... per input
            articles += len(write_input(Path(data), texts / f"{n}"))
        articles += write_invented(texts / "invented", args.invented)
        with gunicorn(url, page_cache=300) as base:
            log("warming the page cache for 10s")
            wrk(base + "/", seconds=10, connections=args.connections, threads=2, script=script)
            for label in ("alone", "during import_articles"):
                importer = None
                if label != "alone":
                    importer = subprocess.Popen(
                        [PYTHON, "manage.py", "import_articles", str(texts)],
                        cwd=ROOT,
                        env=env,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                log(f"page cache in memory, {label}: {len(paths)} URLs for {args.seconds}s")
                results[label] = wrk(
                    base + "/",
                    seconds=args.seconds,
                    connections=args.connections,
                    threads=2,
                    script=script,
                )
                if importer is not None:
                    still_running = importer.poll() is None
                    importer.terminate()
                    importer.wait()
                    imported = _count_articles(url) - args.articles
                    log(
                        f"import {'stopped' if still_running else 'had finished'}: {imported} articles"
                    )
        Path(script).unlink()
        shutil.rmtree(texts)
    finally:
        if not args.keep:
            drop_scratch(url)

    print(f"Machine: {machine()}; {args.articles * 10:,} claims; {len(paths)} URLs rotating;")
    print(f"wrk -t2 -c{args.connections} -d{args.seconds}s; gunicorn 3 sync workers; page cache")
    sources = " ".join(args.during_import) + (
        f" + {args.invented} invented" if args.invented else ""
    )
    print(
        f"in each worker's memory; import_articles of {articles} articles ({sources}): {imported}"
    )
    print("committed during the second run")
    print()
    print("| run | requests | req/s | p50 ms | p99 ms | socket errors | non-2xx |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, r in results.items():
        print(
            f"| {label} | {r['requests']:,} | {r['rps']:.0f} | {r['p50_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | {r['errors']} | {r['non2xx']} |"
        )
    ratio = results["during import_articles"]["rps"] / results["alone"]["rps"]
    print(f"\nduring / alone: {ratio:.2f}x")
    if any(r["errors"] or r["non2xx"] for r in results.values()):
        sys.exit("errors under load")


def write_invented(directory: Path, n: int) -> int:
    """N made-up articles (headline line, blank line, body) in `directory`: a few paragraphs,
    each a quote or a reported statement of an invented speaker, so the import extracts and
    resolves as it does for news. Deterministic."""
    rng = random.Random(76)
    first = ["Ina", "Ola", "Mira", "Tomas", "Vera", "Karl", "Lena", "Piet", "Ada", "Joss"]
    last = ["Lund", "Berg", "Falk", "Moreau", "Nakata", "Okafor", "Silva", "Varga", "Holm"]
    roles = ["the mayor", "a council member", "the finance minister", "a union leader"]
    things = ["the bridge", "the new tax", "the budget", "the harbour plan", "bus fares"]
    verbs = ["will cost more than planned", "is the right choice", "must wait a year"]
    directory.mkdir()
    for i in range(n):
        paragraphs = []
        for _ in range(rng.randint(3, 7)):
            name = f"{rng.choice(first)} {rng.choice(last)}"
            what = f"{rng.choice(things).capitalize()} {rng.choice(verbs)}"
            if rng.random() < 0.5:
                paragraphs.append(f"“{what},” said {name}, {rng.choice(roles)}.")
            else:
                paragraphs.append(f"{name}, {rng.choice(roles)}, said {what.lower()}.")
        headline = f"Invented article {i + 1}: {rng.choice(things)}"
        body = "\n\n".join(paragraphs)
        (directory / f"{i:04d}.txt").write_text(f"{headline}\n\n{body}", encoding="utf-8")
    return n


def _count_articles(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM claims_article").fetchone()[0]


if __name__ == "__main__":
    main()
