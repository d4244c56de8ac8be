"""bench_checkworthiness.py [--data-dir DIR] [--eval-dir DIR]: does the review queue's order put
first what a fact-checker would pick first?

Imports the seed article and DATA/speakers-dev/articles into a scratch SQLite database with
`import_articles`, ranks every imported claim exactly as the review queue does
(`claims.queries.rank_by_checkworthiness`, input newest first), and compares the top quarter of
the queue with the other three quarters:

- the share of claims with each feature of `claims.checkworthiness` (numbers, comparison,
  cause or prediction, named official, question, very short) and the mean score;
- the share that are real gold claims rather than extraction noise. A claim is "gold" when it
  matches a hand-annotated claim by the shared definitions, unchanged: for speakers-dev,
  EVAL/score_speakers.py's one-to-one token-Jaccard >= 0.5 matching (its own `score`; the
  unmatched predictions it reports are the noise), for the seed, tests/extraction/
  seed_scorer.py's `match` against tests/fixtures/seed-gold.json.

DATA is --data-dir or $CLAIMDESK_DATA_DIR; EVAL is --eval-dir or $CLAIMDESK_EVAL_DIR, else
DATA/../eval. The texts belong to their publishers: read at run time, never copied.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.polnear import data_dir  # noqa: E402 (needs sys.path)

FEATURES = (
    "numbers",
    "comparison",
    "cause or prediction",
    "named official",
    "a question",
    "very short",
)


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_speakers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def speakers_dev_gold(claims, folder: Path, scorer) -> set[int]:
    """Ids of `claims` (speakers-dev articles) that the shared scorer matches to a gold claim."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "export.jsonl"
        with export.open("w", encoding="utf-8") as out:
            for c in claims:
                row = {
                    "article": {"source_path": c.article.source_path},
                    "content": {"text": c.content},
                    "speaker": {"id": c.speaker_id, "name": c.speaker.name if c.speaker else None},
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        _, details = scorer.score(gold, str(folder / "articles"), str(export))
    # The scorer names its unmatched predictions by (file, text); two claims with the same text
    # in one article are interchangeable here (the same words, so the same features).
    noise = Counter((fname, text) for fname, text, _ in details["unmatched_preds"])
    matched = set()
    for c in claims:
        key = (os.path.basename(c.article.source_path), c.content)
        if noise[key]:
            noise[key] -= 1
        else:
            matched.add(c.pk)
    return matched


def seed_gold(claims) -> set[int]:
    from tests.extraction.seed_scorer import GOLD, SEED, match

    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["claims"]
    spans = []
    for c in claims:
        base = text.find(c.article.body) if c.article.body else -1
        if base < 0 or text[base + c.start : base + c.end] != c.content:
            raise SystemExit(f"bench_checkworthiness: cannot place claim {c.pk} in the seed text")
        spans.append((base + c.start, base + c.end))
    pairs = match(text, [(g["content"]["start"], g["content"]["end"]) for g in gold], spans)
    return {claims[p].pk for p in pairs.values()}


def describe(name: str, rows, gold: set[int]) -> str:
    n = len(rows)
    if not n:
        return f"{name:<14} n=0"
    share = {f: sum(f in a.reasons for _, a in rows) / n for f in FEATURES}
    in_gold = sum(c.pk in gold for c, _ in rows)
    mean = sum(a.score for _, a in rows) / n
    cells = "  ".join(f"{f} {share[f]:.2f}" for f in FEATURES)
    return (
        f"{name:<14} n={n:<4} gold {in_gold}/{n} = {in_gold / n:.2f}  "
        f"mean score {mean:+.2f}  {cells}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=data_dir())
    parser.add_argument("--eval-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.data_dir is None or not (args.data_dir / "speakers-dev" / "gold.json").is_file():
        parser.error("needs --data-dir or CLAIMDESK_DATA_DIR holding speakers-dev/")
    eval_dir = args.eval_dir or (
        Path(os.environ["CLAIMDESK_EVAL_DIR"])
        if os.environ.get("CLAIMDESK_EVAL_DIR")
        else args.data_dir.parent / "eval"
    )
    scorer = load_scorer(eval_dir / "score_speakers.py")
    folder = args.data_dir / "speakers-dev"

    scratch = tempfile.TemporaryDirectory()
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    os.environ["DEBUG"] = "1"
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch.name}/cw.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    from claims.extraction import EXTRACTOR_VERSION
    from claims.models import Claim
    from claims.queries import rank_by_checkworthiness

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("import_articles", str(ROOT / "seeds"), stdout=quiet)
        call_command("import_articles", str(folder / "articles"), stdout=quiet)
    claims = list(Claim.objects.select_related("speaker", "article").order_by("-sort_date", "-id"))
    seed = [c for c in claims if "speakers-dev" not in c.article.source_path]
    dev = [c for c in claims if "speakers-dev" in c.article.source_path]
    gold = seed_gold(seed) | speakers_dev_gold(dev, folder, scorer)

    ranked = rank_by_checkworthiness(claims)
    quarter = len(ranked) // 4
    top, rest = ranked[:quarter], ranked[quarter:]
    print(f"extractor {EXTRACTOR_VERSION}; {len(seed)} seed + {len(dev)} speakers-dev claims")
    print(f"gold claims among them: {len(gold)} of {len(claims)}")
    print(f"score at the cut: {top[-1][1].score:+d} (ties broken newest first, as the queue does)")
    print(describe("top quarter", top, gold))
    print(describe("other 3/4", rest, gold))
    print(describe("all", ranked, gold))
    by_score = Counter(a.score for _, a in ranked)
    print("claims by score: " + ", ".join(f"{s:+d}: {by_score[s]}" for s in sorted(by_score)))
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
