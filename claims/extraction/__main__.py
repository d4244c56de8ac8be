"""`python -m claims.extraction [--jsonl] FILE...`: run the extractor on plain-text files.

Offsets refer to each file's text as read (UTF-8, no cleanup). With --jsonl stdout carries only
claim records, one JSON object per line; everything else (timings, errors) goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from . import EXTRACTOR_VERSION, extract_claims
from .output import eval_records


def _describe(claim) -> str:
    who = claim.speaker or claim.mention or "(unattributed)"
    cue = f" [{claim.cue}]" if claim.cue else ""
    content = claim.content if len(claim.content) <= 160 else claim.content[:157] + "..."
    return (
        f"  {claim.start}-{claim.end} {claim.kind:8} {who} ({claim.speaker_kind}){cue}: {content}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claims.extraction", description=__doc__)
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--jsonl", action="store_true", help="print evaluation JSON Lines only")
    args = parser.parse_args(argv)
    failed = 0
    out = sys.stdout
    for path in args.files:
        try:
            with open(path, encoding="utf-8", newline="") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{path}: cannot read: {exc}", file=sys.stderr)
            failed += 1
            continue
        t0 = time.perf_counter()
        claims = extract_claims(text)
        elapsed = time.perf_counter() - t0
        if args.jsonl:
            for record in eval_records(claims, path, text):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write(f"{path}: {len(claims)} claims\n")
            for claim in claims:
                out.write(_describe(claim) + "\n")
        print(
            f"{path}: {len(claims)} claims in {elapsed * 1000:.1f} ms ({EXTRACTOR_VERSION})",
            file=sys.stderr,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
