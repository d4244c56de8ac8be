"""What a public request costs with the page cache, this tree against another, paired.

    .venv/bin/python bench/bench_cached_pages.py [--before DIR [--before DIR2]] [--rounds 3]

DIR: another tree with its own .venv (`git archive <commit> | tar -x -C DIR`, then
`make venv` there). Each tree gets its own scratch database (claimdesk_bench_cached_0_PID, _1_PID ...,
migrated by that tree, filled with bench_load.py's data: 100,000 claims) and is served in turn
by gunicorn (3 sync workers, page cache in each worker's memory), the tree served first
moving on by one from round to round. Each serving is two phases of a fixed number of requests over
bench_load.py's 288 URLs (wrk -t2 -c8, each thread stopping after its share):

- cold: the first requests of a fresh server (every worker renders each page it is asked for
  the first time, then serves it from its cache), the "alone" run of `bench_load.py
  --during-import` without its clock: that run's 10 s warm-up fills more or less of the cache
  depending on the machine's load, so its figure moved 2x between two runs of one tree;
- warm: as many more again, twice: nearly every request a cache hit.

For each: wall req/s and latency (the machine is shared: the load average is printed), and the
CPU the gunicorn workers and the database backends spent per request (from /proc, which other
work on the machine does not change), and database transactions per request (each autocommit
statement is one: the connection's health check, the fingerprint).
"""

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import url_mix
from public_common import (
    ROOT,
    _ms,
    admin_connection,
    create_scratch,
    drop_scratch,
    ensure_wrk,
    fill_public_data,
    gunicorn,
    log,
    machine,
    rotating_script,
)

DATABASE = "claimdesk_bench_cached_{}"


def _cpu(pid: int) -> float:
    """User + system seconds of process `pid` (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _workers(master: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout
    return [int(pid) for pid in out.split()]


def _backends(database: str) -> list[int]:
    with admin_connection() as conn:
        rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [database])
        return [pid for (pid,) in rows]


def _commits(database: str) -> int:
    with admin_connection() as conn:
        sql = "SELECT xact_commit FROM pg_stat_database WHERE datname = %s"
        return conn.execute(sql, [database]).fetchone()[0]


def phase(base: str, master: int, database: str, script: str, marker: Path) -> dict:
    workers, backends = _workers(master), _backends(database)
    web0 = sum(_cpu(pid) for pid in workers)
    db0 = {pid: _cpu(pid) for pid in backends}
    commits0, started = _commits(database), time.monotonic()
    marker.write_text("")
    wrk = subprocess.Popen(
        [ensure_wrk(), "-t2", "-c8", "-d600s", "--latency", "--timeout", "10s", "-s", script,
         base + "/"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    while len(marker.read_text()) < 2 and wrk.poll() is None:  # both threads done
        time.sleep(0.05)
    wrk.send_signal(signal.SIGINT)  # wrk prints its figures and exits
    output = wrk.communicate(timeout=60)[0]
    wall = time.monotonic() - started
    time.sleep(0.5)  # the statistics collector
    requests = int(re.search(r"(\d+) requests in", output)[1])
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": requests,
        "rps": requests / wall,
        "p50": _ms(re.search(r"\s50%\s+(\S+)", output)[1]),
        "p99": _ms(re.search(r"\s99%\s+(\S+)", output)[1]),
        "web_ms": 1000 * (sum(_cpu(pid) for pid in workers) - web0) / requests,
        "db_ms": 1000 * sum(_cpu(pid) - db0.get(pid, 0) for pid in _backends(database)) / requests,
        "xacts": (_commits(database) - commits0) / requests,
        "bad": int(non2xx[1]) if non2xx else 0,
        "errors": "Socket errors" in output,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--before",
        type=Path,
        action="append",
        default=[],
        help="another tree, served in turn (repeatable; none: this tree alone, as make bench runs)",
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cold", type=int, default=3000, help="requests of the cold phase")
    parser.add_argument("--keep", action="store_true", help="keep the scratch databases")
    args = parser.parse_args()
    trees = [("this tree", ROOT)] + [(str(path), path.resolve()) for path in args.before]
    urls, rows = {}, []
    try:
        for n, (name, root) in enumerate(trees):
            urls[name] = create_scratch(DATABASE.format(n), root=root)
            ids = fill_public_data(urls[name])
        paths = url_mix(ids, 10_000, random.Random(11))  # the same ids in both databases
        marker = Path(tempfile.mkstemp(prefix="bench-cached-done-")[1])
        cold = rotating_script(paths, stop_after=args.cold // 2, marker=marker)
        warm = rotating_script(paths, stop_after=args.cold, marker=marker)
        for round_ in range(args.rounds):
            first = round_ % len(trees)
            for name, root in trees[first:] + trees[:first]:
                database = urls[name].rsplit("/", 1)[1]
                master = []
                with gunicorn(urls[name], page_cache=300, root=root, pid=master) as base:
                    load = os.getloadavg()[0]
                    log(f"round {round_ + 1}, {name}: cold, then warm")
                    results = [phase(base, master[0], database, s, marker) for s in (cold, warm)]
                now = time.strftime("%H:%M:%S", time.gmtime())
                rows.append((round_ + 1, name, now, load, os.getloadavg()[0], results))
                log(f"{rows[-1]}")
        for path in (cold, warm, marker):
            Path(path).unlink()
    finally:
        if not args.keep:
            for url in urls.values():
                drop_scratch(url)

    print(f"Machine: {machine()}; 100,000 claims; {len(paths)} URLs rotating; wrk -t2 -c8;")
    print("gunicorn 3 sync workers, page cache in each worker's memory")
    print()
    print(
        "| round | tree | UTC | load | phase | requests | req/s | p50 ms | p99 ms | "
        "CPU ms/request (workers + database) | transactions/request |"
    )
    print("|---|---|---|---|---|---:|---:|---:|---:|---:|---:|")
    for round_, name, now, load0, load1, results in rows:
        for label, r in zip(("cold", "warm"), results, strict=True):
            print(
                f"| {round_} | {name} | {now} | {load0:.1f}-{load1:.1f} | {label} | "
                f"{r['requests']:,} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | "
                f"{r['web_ms'] + r['db_ms']:.2f} ({r['web_ms']:.2f} + {r['db_ms']:.2f}) | "
                f"{r['xacts']:.2f} |"
            )
    if any(r["bad"] or r["errors"] for *_, results in rows for r in results):
        sys.exit("errors under load")


if __name__ == "__main__":
    main()
