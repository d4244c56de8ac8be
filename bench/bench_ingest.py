"""Continuous ingest throughput: worker processes fetching from a local site vs import_articles.

    .venv/bin/python bench/bench_ingest.py [--articles 400] [--workers 2]

Serves N invented article pages (tests/ingest_site.py) on 127.0.0.1 and lists them in a feed.
Run A imports the same pages saved as .html files with `import_articles` (one process, no
network). Run B polls the feed once (`poll_sources --now`: one fetch job per page) and times
`--workers` `ingest_worker --burst --concurrency 2` processes started together until the queue
is empty: fetch, robots.txt, per-host slot (delay 0 here: one host), trafilatura, import. Both
into scratch PostgreSQL databases created and dropped here. Prints articles/s and B/A.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.ingest_site import Site, article_page, invented_article  # noqa: E402

PG = "postgres://root@127.0.0.1:5432"


def env(db: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "1",
        "SECRET_KEY": "bench-only",
        "DATABASE_URL": f"{PG}/{db}",
        "CLAIMDESK_INGEST_HOST_DELAY_MS": "0",
        "CLAIMDESK_INGEST_ALLOW_PRIVATE": "1",
    }


def manage(db: str, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env(db),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def scratch(db: str) -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}"')
        conn.execute(f'CREATE DATABASE "{db}"')
    manage(db, "migrate", "-v", "0")


def drop(db: str) -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def count(db: str, sql: str) -> int:
    with psycopg.connect(f"{PG}/{db}") as conn:
        return conn.execute(sql).fetchone()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    site = Site().start()
    urls = [site.add_article(f"story-{n}", n) for n in range(args.articles)]
    feed = site.set_feed(urls)
    a, b = "claimdesk_bench_ingest_a", "claimdesk_bench_ingest_b"
    try:
        # A: import_articles over the same pages as files.
        scratch(a)
        with tempfile.TemporaryDirectory() as tmp:
            for n in range(args.articles):
                headline, paragraphs = invented_article(n)
                Path(tmp, f"story-{n}.html").write_text(article_page(headline, paragraphs))
            start = time.perf_counter()
            manage(a, "import_articles", tmp, "-v", "0")
            files_s = time.perf_counter() - start
        assert count(a, "SELECT count(*) FROM claims_article") == args.articles

        # B: the workers, from the feed.
        scratch(b)
        with psycopg.connect(f"{PG}/{b}", autocommit=True) as conn:
            conn.execute(
                "INSERT INTO claims_source (name, kind, url, active, poll_interval, etag, "
                "last_modified, last_error, created) VALUES ('bench', 'feed', %s, true, 60, "
                "'', '', '', now())",
                [feed],
            )
        manage(b, "poll_sources", "--now")
        start = time.perf_counter()
        workers = [
            subprocess.Popen(
                [sys.executable, "manage.py", "ingest_worker", "--burst", "--concurrency", "2"],
                cwd=ROOT,
                env=env(b),
                stdout=subprocess.DEVNULL,
            )
            for _ in range(args.workers)
        ]
        for worker in workers:
            worker.wait()
        workers_s = time.perf_counter() - start
        imported = count(b, "SELECT count(*) FROM claims_ingestitem WHERE status = 'imported'")
        assert imported == args.articles, imported
        assert count(b, "SELECT count(*) FROM claims_article") == args.articles
    finally:
        site.stop()
        drop(a)
        drop(b)

    rate_a, rate_b = args.articles / files_s, args.articles / workers_s
    print(f"import_articles, {args.articles} .html files, one process: {rate_a:.1f} articles/s")
    print(
        f"{args.workers} ingest_worker --burst --concurrency 2, fetched from 127.0.0.1: "
        f"{rate_b:.1f} articles/s"
    )
    print(f"workers / import_articles: {rate_b / rate_a:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
