"""Benchmark: one article whose paragraph holds N quotes: peak memory and stored bytes.

    .venv/bin/python bench/bench_dense_paragraph.py [--quotes 500,1500,2000,4000]
        [--postgres postgres://root@127.0.0.1:5432] [--root CHECKOUT]

--root runs another checkout's code (e.g. a `git worktree` of the commit before the fix) for
a before/after comparison in one run; there `context` is the stored paragraph text.

Issue 15, item 2: each claim stored a copy of its paragraph, so a paragraph of n quotes cost
n times its length in memory and on disk (2,000 quotes: 1.3 GB RSS, 289 MB stored; 4,000
failed). Goal: 1,500 quotes import in under 400 MB peak RSS and store under 5 MB of context.

For each N: creates the scratch database claimdesk_bench_dense_<pid>, migrates it, writes one
invented article (no publisher's text) to a temp directory, runs `manage.py import_articles`
in a fresh process, and reports that process's peak RSS (getrusage of the child), the claims
found, the bytes a claim's context takes now (two integer offsets) and the claims table's size
on disk (pg_total_relation_size: heap, TOAST and indexes). The database is dropped at the end.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# `manage.py import_articles PATH -v0`, then the process's peak RSS in KiB on the last line.
MEASURED_IMPORT = """
import os, resource, sys
sys.path.insert(0, sys.argv[1])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "import_articles", sys.argv[2], "-v0"])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def article(n: int) -> str:
    quotes = " ".join(
        f"“Bridge number {i} will open in spring,” Ms. Okafor said." for i in range(n)
    )
    return f"Bridges\nThe council met on Monday.\n\n{quotes}\n\nThe meeting ended at noon.\n"


def psql(base_url: str, sql: str, db: str = "postgres"):
    import psycopg

    with psycopg.connect(f"{base_url}/{db}", autocommit=True) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else None


def run_one(n: int, base_url: str, root: Path) -> dict:
    db = f"claimdesk_bench_dense_{os.getpid()}_{n}"
    psql(base_url, f"DROP DATABASE IF EXISTS {db}")
    psql(base_url, f"CREATE DATABASE {db}")
    env = {**os.environ, "DATABASE_URL": f"{base_url}/{db}", "SECRET_KEY": "bench", "DEBUG": "0"}
    env["ALLOWED_HOSTS"] = "localhost"
    manage = [sys.executable, str(root / "manage.py")]
    try:
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=root)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "dense.txt"
            path.write_text(article(n), encoding="utf-8")
            # The import in a fresh process that reports its own peak RSS (getrusage SELF).
            done = subprocess.run(
                [sys.executable, "-c", MEASURED_IMPORT, str(root), str(path)],
                env=env,
                check=True,
                cwd=root,
                capture_output=True,
                text=True,
            )
            peak_kb = int(done.stdout.strip().splitlines()[-1])
        as_text = psql(
            base_url,
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = 'claims_claim' AND column_name = 'context'",
            db,
        )
        context_sql = (
            "coalesce(sum(octet_length(context)), 0)" if as_text else "count(*) * 2 * 4"
        )  # two integer columns per claim
        ((claims, content_bytes, table_bytes, context_bytes),) = psql(
            base_url,
            f"""SELECT count(*), coalesce(sum(octet_length(content)), 0),
                       pg_total_relation_size('claims_claim'), {context_sql}
                FROM claims_claim""",
            db,
        )
        return {
            "n": n,
            "claims": claims,
            "peak_mb": peak_kb / 1024,
            "paragraph_chars": len(article(n).split("\n\n")[1]),
            "context_bytes": int(context_bytes),
            "content_bytes": content_bytes,
            "table_mb": table_bytes / 1e6,
        }
    finally:
        psql(base_url, f"DROP DATABASE IF EXISTS {db}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", default="500,1500,2000,4000")
    parser.add_argument("--postgres", default="postgres://root@127.0.0.1:5432")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose code runs")
    args = parser.parse_args()
    print(
        f"{'quotes':>6} {'claims':>6} {'paragraph':>10} {'peak RSS':>9} "
        f"{'context':>9} {'content':>9} {'claims table':>12}"
    )
    for n in (int(x) for x in args.quotes.split(",")):
        r = run_one(n, args.postgres, args.root.resolve())
        print(
            f"{r['n']:>6} {r['claims']:>6} {r['paragraph_chars']:>10,} "
            f"{r['peak_mb']:>7.0f}MB {r['context_bytes']:>9,} "
            f"{r['content_bytes']:>9,} {r['table_mb']:>10.1f}MB",
            flush=True,
        )
    print("context: stored bytes of the claims' paragraphs (two integer offsets a claim now)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
