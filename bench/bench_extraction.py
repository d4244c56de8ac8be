"""bench_extraction.py [--data JSONL]: claim extraction speed against a bare regex pass.

Runs `extract_claims` over every article text of a PolNeAR-style JSON Lines file (--data, or
$CLAIMDESK_DATA_DIR/polnear/train.jsonl: see bench/polnear.py; the figures use PolNeAR train,
840 articles) in one process, then a "bare regex pass" over the same texts: one finditer of a double-quote regex and one of a said/says/told regex, keeping the
match spans. Prints articles/s for both and the ratio. Best of --repeat runs; nothing is
written. The texts are read at run time and never copied into the repository.

The ratio is also given in CPU time of this process, which moves much less than wall time
when other work shares the machine.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.polnear import add_data_argument, missing  # noqa: E402 (needs sys.path)
from claims.extraction import EXTRACTOR_VERSION, extract_claims  # noqa: E402

_BARE_QUOTE_RE = re.compile(r"[\"“][^\"“”\n]*[\"”]")
_BARE_SAID_RE = re.compile(r"\b(?:said|says|told)\b")


def bare_pass(texts: list[str]) -> int:
    found = 0
    for text in texts:
        quotes = [m.span() for m in _BARE_QUOTE_RE.finditer(text)]
        cues = [m.span() for m in _BARE_SAID_RE.finditer(text)]
        found += len(quotes) + len(cues)
    return found


def extraction_pass(texts: list[str]) -> int:
    return sum(len(extract_claims(text)) for text in texts)


def best_of(fn, texts: list[str], repeat: int) -> tuple[float, float, int]:
    """Best wall time, best CPU time (of this process) and the result of `repeat` runs."""
    best, best_cpu, result = float("inf"), float("inf"), 0
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn(texts)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best, best_cpu, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_argument(parser)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if reason := missing(args.data):
        print(f"bench_extraction: skipped, {reason}", file=sys.stderr)
        return 0
    with args.data.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    words = sum(len(t.split()) for t in texts)
    extraction_pass(texts[:20])  # warm caches and lazy imports

    t_bare, cpu_bare, n_bare = best_of(bare_pass, texts, args.repeat)
    t_ext, cpu_ext, n_claims = best_of(extraction_pass, texts, args.repeat)

    n = len(texts)
    print(f"extractor {EXTRACTOR_VERSION}; {n} articles, {words} words; best of {args.repeat}")
    print(
        f"bare regex pass : {n / t_bare:10.1f} articles/s  {words / t_bare:12.0f} words/s"
        f"  ({n_bare} matches, {t_bare * 1000:.1f} ms)"
    )
    print(
        f"extract_claims  : {n / t_ext:10.1f} articles/s  {words / t_ext:12.0f} words/s"
        f"  ({n_claims} claims, {t_ext * 1000:.1f} ms, {t_ext / n * 1000:.2f} ms/article)"
    )
    print(f"ratio extraction/bare time: {t_ext / t_bare:.1f}x")
    print(
        f"CPU time: bare {cpu_bare * 1000:.1f} ms, extraction {cpu_ext * 1000:.1f} ms"
        f" ({n / cpu_ext:.1f} articles/s), ratio {cpu_ext / cpu_bare:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
