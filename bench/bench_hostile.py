"""bench_hostile.py [--small N] [--factor K] [--repeat R]: extraction time on hostile texts.

For every hostile shape in tests/extraction/hostile.py (and the boilerplate text for
`clean_text`), times the work on a text of N characters and on one K times longer, best of R
runs each, and prints both times and their ratio. Linear work gives a ratio near K; quadratic
work gives about K squared. Exits 1 if any ratio reaches --limit (default 2.5 K), so it can
be run by hand after a change to a regex or a loop. Nothing is written.

This is the timing half of the hostile-input tests: the tests check that every hostile text
gives valid offsets and never raises; they never time anything (docs/testing.md).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.extraction import clean_text, extract_claims  # noqa: E402 (needs sys.path)
from tests.extraction.hostile import HOSTILE, cleanup_text  # noqa: E402


def best_time(fn, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=50_000, help="characters (default 50000)")
    parser.add_argument("--factor", type=int, default=4, help="size ratio (default 4)")
    parser.add_argument("--repeat", type=int, default=3, help="best of (default 3)")
    parser.add_argument("--limit", type=float, help="failing ratio (default 2.5 x factor)")
    parser.add_argument("names", nargs="*", help="only these shapes (default: all)")
    args = parser.parse_args(argv)
    limit = args.limit or 2.5 * args.factor

    cases = [(name, extract_claims, build) for name, build in sorted(HOSTILE.items())]
    cases.append(("clean_text:boilerplate", clean_text, cleanup_text))
    if args.names:
        cases = [c for c in cases if c[0] in args.names]
    large = args.small * args.factor
    print(f"hostile texts: {args.small} vs {large} characters, best of {args.repeat}")
    print(f"{'shape':28} {'small ms':>10} {'large ms':>10} {'ratio':>7}")
    worst = []
    for name, fn, build in cases:
        t_small = best_time(fn, build(args.small), args.repeat)
        t_large = best_time(fn, build(large), args.repeat)
        # Below a millisecond the ratio is noise: compare against 1 ms at least.
        ratio = t_large / max(t_small, 1e-3)
        flag = "  <-- over the limit" if ratio >= limit else ""
        print(f"{name:28} {t_small * 1000:10.1f} {t_large * 1000:10.1f} {ratio:6.1f}x{flag}")
        if flag:
            worst.append(name)
    if worst:
        print(f"ratio >= {limit:.1f}x: {', '.join(worst)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
