"""bench_quality.py [--only polnear,speakers,seed]: claim detection quality by the shared scorers.

Three scorings, each with the shared definitions unchanged:

- PolNeAR (--split dev, or train to tune): every article of DATA/polnear/<split>.jsonl through
  `extract_claims` in this process, written as the evaluation JSON Lines that
  `python -m claims.extraction --jsonl` prints, then scored by EVAL/score_attribution.py
  --pred (the same figures as its --cmd mode, without one process per batch).
- speakers-dev: DATA/speakers-dev/articles imported into a fresh SQLite database with
  `import_articles`, exported with `export_claims --format jsonl` and scored by
  EVAL/score_speakers.py.
- seed: tests/extraction/seed_scorer.py's score, the seed test's (the shared one-to-one
  Jaccard >= 0.5 definition, speaker by last-name token), printed with its misses.

DATA is --data-dir or $CLAIMDESK_DATA_DIR; EVAL is --eval-dir or $CLAIMDESK_EVAL_DIR, else
DATA/../eval. The texts belong to their publishers: read at run time, never copied.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.polnear import data_dir  # noqa: E402 (needs sys.path)
from claims.extraction import EXTRACTOR_VERSION, extract_claims  # noqa: E402
from claims.extraction.output import eval_records  # noqa: E402


def polnear(data: Path, scorer: Path, split: str) -> None:
    gold = data / "polnear" / f"{split}.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        with gold.open(encoding="utf-8") as fh, pred.open("w", encoding="utf-8") as out:
            for line in fh:
                if not line.strip():
                    continue
                record = json.loads(line)
                claims = extract_claims(record["text"])
                for row in eval_records(claims, f"{record['id']}.txt", record["text"]):
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
        cmd = [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred)]
        subprocess.run(cmd, check=True)


def speakers_dev(data: Path, scorer: Path, verbose: bool) -> None:
    folder = data / "speakers-dev"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp}/sd.sqlite3"}

        def manage(*args: str, stdout=subprocess.DEVNULL) -> None:
            cmd = [sys.executable, "manage.py", *args]
            subprocess.run(cmd, check=True, cwd=ROOT, env=env, stdout=stdout)

        manage("migrate", "-v0")
        manage("import_articles", str(folder / "articles"))
        export = Path(tmp) / "export.jsonl"
        with export.open("w", encoding="utf-8") as out:
            manage("export_claims", "--format", "jsonl", stdout=out)
        cmd = [
            sys.executable,
            str(scorer),
            "--gold",
            str(folder / "gold.json"),
            "--articles",
            str(folder / "articles"),
            "--export",
            str(export),
        ]
        subprocess.run(cmd + (["--verbose"] if verbose else []), check=True)


def seed() -> None:
    # The seed test's scorer, exactly: the one tests/extraction/test_seed_gold.py holds floors on.
    from tests.extraction.seed_scorer import score_seed

    print(score_seed().report())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=data_dir())
    parser.add_argument("--eval-dir", type=Path, default=None)
    parser.add_argument("--split", default="dev", help="PolNeAR split: dev (default) or train")
    parser.add_argument("--only", default="polnear,speakers,seed")
    parser.add_argument("--verbose", action="store_true", help="speakers-dev: list every miss")
    args = parser.parse_args(argv)
    wanted = set(args.only.split(","))
    eval_dir = args.eval_dir or (
        Path(os.environ["CLAIMDESK_EVAL_DIR"]) if os.environ.get("CLAIMDESK_EVAL_DIR") else None
    )
    if eval_dir is None and args.data_dir is not None:
        eval_dir = args.data_dir.parent / "eval"
    print(f"extractor {EXTRACTOR_VERSION}")
    if wanted & {"polnear", "speakers"} and (args.data_dir is None or eval_dir is None):
        print("bench_quality: skipped PolNeAR and speakers-dev, no --data-dir", file=sys.stderr)
        wanted -= {"polnear", "speakers"}
    if "polnear" in wanted:
        print(f"\n== PolNeAR {args.split}")
        polnear(args.data_dir, eval_dir / "score_attribution.py", args.split)
    if "speakers" in wanted:
        print("\n== speakers-dev")
        speakers_dev(args.data_dir, eval_dir / "score_speakers.py", args.verbose)
    if "seed" in wanted:
        print("\n== seed")
        seed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
