"""Benchmark: import_articles of PolNeAR train's 840 articles into a scratch PostgreSQL database.

    .venv/bin/python bench/bench_import.py --data JSONL [--jobs 1,2]
        [--postgres postgres://root@127.0.0.1:5432]

Reads the articles of a PolNeAR-style JSON Lines file (--data, or
$CLAIMDESK_DATA_DIR/polnear/train.jsonl: see bench/polnear.py; the figures use PolNeAR train) at
run time (they are copyrighted: nothing is copied into the repository) and writes them as one .jsonl file in a temp directory.
Creates the database claimdesk_bench_import_<pid>, migrates it, and drops it at the end.

Reports, per --jobs value, the end-to-end rate of `manage.py import_articles` in a fresh
process (startup, reading, cleaning, extraction, speaker resolution, writes), then the rate of
re-importing the same files (every article "unchanged"), and the single-process
extraction-only rate for comparison. Compare ratios within one run: the machine is shared.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.polnear import add_data_argument, missing  # noqa: E402 (needs sys.path)

TABLES = (
    "claims_claim_tags, claims_stance, claims_claimevidence, claims_claimlink, claims_claim, "
    "claims_article, claims_speakermergesuggestion, claims_speakermerge, claims_speakeralias, "
    "claims_speaker, claims_outlet, claims_historicalarticle, claims_historicalspeaker, "
    "claims_historicalclaim"
)


def write_input(data: Path, directory: Path) -> int:
    count = 0
    with data.open() as src, (directory / "polnear-train.jsonl").open("w") as out:
        for line in src:
            doc = json.loads(line)
            record = {
                "headline": doc["title"],
                "body": doc["text"],
                "outlet": doc["publisher"],
                "published": doc.get("publication_date") or None,
                "authors": doc.get("author") or "",
            }
            out.write(json.dumps(record) + "\n")
            count += 1
    return count


def psql(base_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{base_url}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def manage(env, *args, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=check,
        capture_output=True,
        text=True,
    )


def timed_import(env, path: Path, jobs: int) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the command and its workers, the command's summary).

    The CPU time is steadier than the wall time on a shared machine; the database server's
    own CPU time is not in it.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = manage(env, "import_articles", str(path), "--jobs", str(jobs))
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, proc.stdout.strip()


def extraction_only(path: Path) -> tuple[float, int]:
    sys.path.insert(0, str(ROOT))
    from claims.extraction import clean_text, extract_claims

    bodies = [json.loads(line)["body"] for line in path.open()]
    start = time.perf_counter()
    claims = sum(len(extract_claims(clean_text(b))) for b in bodies)
    return time.perf_counter() - start, claims


def breakdown(env, path: Path) -> None:
    """Serial import in this process: where the time goes (extraction, database, the rest)."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    from claims.extraction import extract_claims
    from claims.importers import read_file
    from claims.management.commands.import_articles import WINDOW
    from claims.services.imports import ImportSession, import_article, prepare

    records = read_file(path, max_bytes=10**9)
    waited = 0.0

    def timer(execute, sql, params, many, context):
        nonlocal waited
        t = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            waited += time.perf_counter() - t

    extracted = 0.0
    queries = 0

    def counter(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    session = ImportSession()
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    start = time.perf_counter()
    with connection.execute_wrapper(timer), connection.execute_wrapper(counter):
        for i in range(0, len(records), WINDOW):
            window = [(record, prepare(record)) for record in records[i : i + WINDOW]]
            session.prefetch(window)
            for record, prepared in window:
                t = time.perf_counter()
                claims = extract_claims(prepared[0])
                extracted += time.perf_counter() - t
                import_article(record=record, extracted=claims, prepared=prepared, session=session)
    total = time.perf_counter() - start
    n = len(records)
    print(
        f"\nin-process serial import: {total:.2f} s, {n / total:.0f} articles/s; "
        f"extraction {extracted:.2f} s ({extracted / total:.0%}), "
        f"database round trips {waited:.2f} s ({waited / total:.0%}, {queries / n:.1f} "
        f"queries per article), the rest {total - extracted - waited:.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", default="1,2", help="Comma-separated --jobs values to time.")
    parser.add_argument("--postgres", default="postgres://root@127.0.0.1:5432")
    add_data_argument(parser)
    args = parser.parse_args()
    if reason := missing(args.data):
        print(f"bench_import: skipped, {reason}", file=sys.stderr)
        return 0
    name = f"claimdesk_bench_import_{os.getpid()}"
    env = {
        **os.environ,
        "DATABASE_URL": f"{args.postgres}/{name}",
        "SECRET_KEY": "bench-only-" + "x" * 40,
        "DEBUG": "0",
    }
    psql(args.postgres, f'CREATE DATABASE "{name}"')
    try:
        manage(env, "migrate", "--noinput", "-v", "0")
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            n = write_input(args.data, tmp)
            print(f"{n} PolNeAR train articles, PostgreSQL database {name}")
            load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
            print(
                f"machine: {os.cpu_count()} CPUs, load average {load}; "
                f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
            )
            for jobs in [int(j) for j in args.jobs.split(",")]:
                import psycopg

                with psycopg.connect(f"{args.postgres}/{name}", autocommit=True) as conn:
                    conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")
                elapsed, cpu, summary = timed_import(env, tmp, jobs)
                print(
                    f"\nimport --jobs {jobs}: {elapsed:.2f} s, {n / elapsed:.0f} articles/s "
                    f"(CPU {cpu:.2f} s, {1000 * cpu / n:.1f} ms per article)"
                )
                print("  " + summary.replace("\n", "\n  "))
                again, cpu, summary = timed_import(env, tmp, jobs)
                print(
                    f"re-import (unchanged) --jobs {jobs}: {again:.2f} s, {n / again:.0f} "
                    f"articles/s (CPU {cpu:.2f} s)"
                )
            with psycopg.connect(f"{args.postgres}/{name}", autocommit=True) as conn:
                conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")
            breakdown(env, tmp / "polnear-train.jsonl")
            seconds, claims = extraction_only(tmp / "polnear-train.jsonl")
            print(
                f"\nextraction only (one process, no database): {seconds:.2f} s, "
                f"{n / seconds:.0f} articles/s, {claims} claims"
            )
    finally:
        psql(args.postgres, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
