"""bench_extraction.py [--data JSONL] [--processes]: claim extraction speed against a bare regex pass.

Runs `extract_claims` over every article text of a PolNeAR-style JSON Lines file (--data, or
$CLAIMDESK_DATA_DIR/polnear/train.jsonl: see bench/polnear.py; the figures use PolNeAR train,
840 articles) in one process, then a "bare regex pass" over the same texts: one finditer of a double-quote regex and one of a said/says/told regex, keeping the
match spans. Prints articles/s for both and the ratio. Best of --repeat runs; nothing is
written. The texts are read at run time and never copied into the repository.

The ratio is also given in CPU time of this process, which moves much less than wall time
when other work shares the machine.

With --processes it compares whole processes instead, as a user runs them: the texts are
written to a temporary folder as files, then `python -m claims.extraction --jsonl FILE...`
(interpreter start, imports, reading, extracting, writing JSON Lines) is timed against
`python bench/bare_regex.py FILE...` (interpreter start, reading, the bare regex pass, writing
its match spans as JSON Lines; it imports only json, re and sys), both with stdout to
/dev/null; wall time and the child's CPU time (user + system), best of --repeat. Until
2026-12-02 the bare process was this script with --bare-files, which imported the extractor
package too (`--bare-files` still runs that form, to compare with the older figures).

Start-up depends on whether Python finds compiled bytecode: with PYTHONDONTWRITEBYTECODE set
and no __pycache__, every process compiles the package's source first. The report says which.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bare_regex import bare_files, bare_pass  # noqa: E402 (needs sys.path)
from bench.polnear import add_data_argument, missing  # noqa: E402
from claims.extraction import EXTRACTOR_VERSION, extract_claims  # noqa: E402


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


def _best_process(cmd: list[str], repeat: int) -> tuple[float, float]:
    """Best wall time and best CPU time (user + system of the child) of `repeat` runs."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(
            cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        best = min(best, time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_cpu = min(best_cpu, cpu)
    return best, best_cpu


def processes(texts: list[str], repeat: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = Path(tmp) / f"{i:04d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        python = sys.executable
        bare, bare_cpu = _best_process([python, str(ROOT / "bench/bare_regex.py"), *paths], repeat)
        old, old_cpu = _best_process([python, __file__, "--bare-files", *paths], repeat)
        ext, ext_cpu = _best_process([python, "-m", "claims.extraction", "--jsonl", *paths], repeat)
    compiled = "no" if sys.dont_write_bytecode else "yes"
    print(f"extractor {EXTRACTOR_VERSION}; {len(texts)} files, whole processes, best of {repeat}")
    print(f"(bytecode written to __pycache__: {compiled})")
    print(f"bare regex process         : {bare * 1000:7.0f} ms wall, {bare_cpu * 1000:7.0f} ms CPU")
    print(
        f"  old form (--bare-files, imports the extractor too): {old * 1000:.0f} ms wall,"
        f" {old_cpu * 1000:.0f} ms CPU; ratio against it {ext / old:.2f}x wall,"
        f" {ext_cpu / old_cpu:.2f}x CPU"
    )
    print(f"python -m claims.extraction: {ext * 1000:7.0f} ms wall, {ext_cpu * 1000:7.0f} ms CPU")
    print(
        f"ratio extraction/bare (whole processes): {ext / bare:.2f}x wall,"
        f" {ext_cpu / bare_cpu:.2f}x CPU"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:2] == ["--bare-files"]:
        return bare_files(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_argument(parser)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--processes", action="store_true", help="time whole processes")
    args = parser.parse_args(argv)
    if reason := missing(args.data):
        print(f"bench_extraction: skipped, {reason}", file=sys.stderr)
        return 0
    with args.data.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    if args.processes:
        return processes(texts, args.repeat)
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
