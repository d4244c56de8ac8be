"""extraction_oracle.py OUT.jsonl: dump what extract_claims finds, to diff two versions.

A refactor of the extractor must not change what it extracts. Run this before and after on
the same texts and compare the files (`cmp before.jsonl after.jsonl`): one line per claim,
every field of ExtractedClaim except `rule` (which a renaming may change), in text order.
Texts: PolNeAR-style JSON Lines files (--jsonl, default the train and dev splits under
$CLAIMDESK_DATA_DIR/polnear, see bench/polnear.py), plain-text files (--txt, default
seeds/*.txt) and speakers-dev articles (--articles, default $CLAIMDESK_DATA_DIR/speakers-dev/
articles, cleaned as the importer cleans them). Texts are read at run time; nothing is copied.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.polnear import data_dir  # noqa: E402 (needs sys.path)
from claims.extraction import clean_text, extract_claims  # noqa: E402

SHARED = data_dir()  # None without CLAIMDESK_DATA_DIR: then only --jsonl/--articles given


def texts(args) -> list[tuple[str, str]]:
    out = []
    for path in args.jsonl:
        with path.open(encoding="utf-8") as fh:
            out += [(r["id"], r["text"]) for r in map(json.loads, fh) if r]
    for path in args.txt:
        out.append((path.name, path.read_text(encoding="utf-8")))
    if args.articles is not None:
        for path in sorted(args.articles.glob("*.txt")):
            out.append((path.name, clean_text(path.read_text(encoding="utf-8"))))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--jsonl",
        type=Path,
        nargs="*",
        default=[SHARED / "polnear/train.jsonl", SHARED / "polnear/dev.jsonl"] if SHARED else [],
    )
    parser.add_argument("--txt", type=Path, nargs="*", default=sorted(ROOT.glob("seeds/*.txt")))
    parser.add_argument(
        "--articles", type=Path, default=SHARED / "speakers-dev/articles" if SHARED else None
    )
    args = parser.parse_args(argv)
    args.jsonl = [p for p in args.jsonl if p.exists()]
    if args.articles is not None and not args.articles.is_dir():
        args.articles = None
    rules: Counter[str] = Counter()
    items = texts(args)
    with args.out.open("w", encoding="utf-8") as out:
        for key, text in items:
            for claim in extract_claims(text):
                record = dataclasses.asdict(claim)
                rules[record.pop("rule")] += 1
                out.write(json.dumps([key, record], ensure_ascii=False) + "\n")
    print(f"{len(items)} texts, {sum(rules.values())} claims", file=sys.stderr)
    for name, n in rules.most_common():
        print(f"  {n:6d}  {name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
