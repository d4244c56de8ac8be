"""Benchmark: import_articles of PolNeAR train's 840 articles into a scratch PostgreSQL database,
against extract_claims over the same files.

    .venv/bin/python bench/bench_import.py --data JSONL [--jobs 1,2] [--rounds N]
        [--no-breakdown] [--postgres postgres://root@127.0.0.1:5432]

Reads the articles of a PolNeAR-style JSON Lines file (--data, or
$CLAIMDESK_DATA_DIR/polnear/train.jsonl: see bench/polnear.py; the figures use PolNeAR train) at
run time (they are copyrighted: nothing is copied into the repository) and writes them into a
temp directory as one NAME.txt per article (headline line, then the body) with a NAME.json
sidecar (outlet, date, authors): the files both commands read.
Creates the database claimdesk_bench_import_<pid>, migrates it, and drops it at the end.

Each round times, as whole processes one after the other, `manage.py extract_claims` over the
.txt files (one process, no database: the extraction-only reference) and then, per --jobs
value, `manage.py import_articles` of the same files into emptied tables (every claims_* table,
ids restarted), timing startup, reading, cleaning, extraction, speaker resolution and writes,
and prints the import's time as a multiple of the extraction's (issue 14's goal: at most 2x
for --jobs 2), wall and CPU, then the rate of re-importing the same files (every article
"unchanged"). With --before the two trees are timed in turn, the one timed first alternating
from round to round, so that a paired comparison is not biased by position. Compare ratios
within one run: the machine is shared.
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


def write_input(data: Path, directory: Path) -> list[Path]:
    """One NAME.txt (headline line, blank line, body) and NAME.json sidecar per article."""
    texts = []
    with data.open() as src:
        for i, line in enumerate(src):
            doc = json.loads(line)
            meta = {
                "outlet": doc["publisher"],
                "published": doc.get("publication_date") or None,
                "authors": doc.get("author") or "",
            }
            text = directory / f"{i:04d}.txt"
            headline = " ".join(doc["title"].split()) or f"Article {i}"
            text.write_text(f"{headline}\n\n{doc['text']}", encoding="utf-8")
            (directory / f"{i:04d}.json").write_text(json.dumps(meta), encoding="utf-8")
            texts.append(text)
    return texts


def psql(base_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{base_url}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def manage(env, *args, check=True, stdout=subprocess.PIPE, root=ROOT):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=root,
        env=env,
        check=check,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )


def timed_extract(env, texts: list[Path]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of `manage.py extract_claims` over the files, one process,
    its JSON Lines output thrown away (written to /dev/null, not collected)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    manage(env, "extract_claims", *map(str, texts), stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def timed_import(env, path: Path, jobs: int, root=ROOT) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the command and its workers, the command's summary).

    The CPU time is steadier than the wall time on a shared machine; the database server's
    own CPU time is not in it.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = manage(env, "import_articles", str(path), "--jobs", str(jobs), root=root)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, proc.stdout.strip()


def extraction_only(texts: list[Path]) -> tuple[float, int]:
    sys.path.insert(0, str(ROOT))
    from claims.extraction import clean_text, extract_claims

    bodies = [path.read_text(encoding="utf-8") for path in texts]
    start = time.perf_counter()
    claims = sum(len(extract_claims(clean_text(b))) for b in bodies)
    return time.perf_counter() - start, claims


def breakdown(env, path: list[Path]) -> None:
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

    records = [record for text in path for record in read_file(text, max_bytes=10**9)]
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


def truncate(base_url: str, name: str) -> None:
    """Empty every claims_* table (the scratch database holds nothing else of ours), ids
    restarted. Read from the catalogue, not listed here: a hand-kept list missed
    claims_historicaloutlet (no foreign key, so CASCADE did not reach it), whose rows then
    grew from import to import."""
    import psycopg

    with psycopg.connect(f"{base_url}/{name}", autocommit=True) as conn:
        tables = [
            t
            for (t,) in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                "AND table_name LIKE 'claims\\_%' AND table_type = 'BASE TABLE' ORDER BY 1"
            )
        ]
        conn.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", default="1,2", help="Comma-separated --jobs values to time.")
    parser.add_argument("--rounds", type=int, default=1, help="Times to repeat the comparison.")
    parser.add_argument(
        "--no-breakdown", action="store_true", help="Skip the in-process serial breakdown."
    )
    parser.add_argument(
        "--before",
        type=Path,
        help="Another checkout (e.g. `git archive main | tar -x -C DIR`) whose import_articles "
        "is timed in each round too, into the same database (its schema must match).",
    )
    parser.add_argument("--postgres", default="postgres://root@127.0.0.1:5432")
    add_data_argument(parser)
    args = parser.parse_args()
    if reason := missing(args.data):
        print(f"bench_import: skipped, {reason}", file=sys.stderr)
        return 0
    trees = [("this tree", ROOT)] + ([("--before tree", args.before)] if args.before else [])
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
            texts = write_input(args.data, tmp)
            n = len(texts)
            print(f"{n} PolNeAR train articles (.txt + .json sidecar), PostgreSQL database {name}")
            load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
            print(
                f"machine: {os.cpu_count()} CPUs, load average {load}; "
                f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
            )
            for round_ in range(1, args.rounds + 1):
                ex_wall, ex_cpu = timed_extract(env, texts)
                print(
                    f"\nround {round_}: extract_claims (one process, no database): "
                    f"{ex_wall:.2f} s, {n / ex_wall:.0f} articles/s (CPU {ex_cpu:.2f} s)"
                )
                # The tree timed first alternates from round to round: in an A/A control the
                # first-timed tree was slower in 7 of 10 paired rounds (2026-12-03).
                order = trees if round_ % 2 else trees[::-1]
                for jobs in [int(j) for j in args.jobs.split(",")]:
                    for label, root in order:
                        truncate(args.postgres, name)
                        elapsed, cpu, summary = timed_import(env, tmp, jobs, root=root)
                        print(
                            f"import --jobs {jobs} ({label}): {elapsed:.2f} s, "
                            f"{n / elapsed:.0f} articles/s (CPU {cpu:.2f} s, "
                            f"{1000 * cpu / n:.1f} ms per article); "
                            f"**{elapsed / ex_wall:.2f}x** extract_claims' wall time "
                            f"({cpu / ex_cpu:.2f}x its CPU)"
                        )
                        print("  " + summary.replace("\n", "\n  "))
                        if round_ == 1 and root == ROOT:
                            again, cpu, summary = timed_import(env, tmp, jobs)
                            print(
                                f"re-import (unchanged) --jobs {jobs}: {again:.2f} s, "
                                f"{n / again:.0f} articles/s (CPU {cpu:.2f} s)"
                            )
            if not args.no_breakdown:
                truncate(args.postgres, name)
                breakdown(env, texts)
                seconds, claims = extraction_only(texts)
                print(
                    f"\nextraction only (in this process, no database): {seconds:.2f} s, "
                    f"{n / seconds:.0f} articles/s, {claims} claims"
                )
    finally:
        psql(args.postgres, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
