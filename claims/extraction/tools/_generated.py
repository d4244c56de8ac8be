"""The command line both table generators share: rewrite a generated lexicon table, or with
--check exit 1 when the checked-in file differs from a fresh run (the slow tests run that).

Imported by the generators as a sibling module (they run as files, so this folder is first on
sys.path), not through the claims.extraction package, whose import needs the tables."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def write_or_check(
    table: Path, render: Callable[[], str], *, doc: str, script: str, argv: list[str] | None
) -> int:
    """Write `render()` to `table`, or with --check compare them; the process's exit code."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if table.read_text(encoding="utf-8") != text:
            print(f"{table} is stale: rerun {script}", file=sys.stderr)
            return 1
        return 0
    table.write_text(text, encoding="utf-8")
    print(f"wrote {table}", file=sys.stderr)
    return 0
