"""`make bench`: run every benchmark in bench/ in turn and print their reports.

Each bench_*.py is standalone (one command each, see its docstring) and writes nothing into
the repository; copy the figures you want to keep into docs/benchmarks.md with the date.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Cheapest first, so a broken environment fails fast.
ORDER = [
    "bench_extraction.py",
    "bench_import.py",
    "bench_similarity.py",
    "bench_search.py",
    "bench_pages.py",
    "bench_load.py",
]


def main() -> int:
    scripts = [HERE / name for name in ORDER if (HERE / name).exists()]
    scripts += sorted(p for p in HERE.glob("bench_*.py") if p.name not in ORDER)
    failed = []
    for script in scripts:
        print(f"\n=== {script.name}", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(script.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
