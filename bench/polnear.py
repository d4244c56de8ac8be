"""Where the benchmarks read article texts: an argument, else the data folder named by the
environment. The texts belong to their publishers: they are read at run time and never copied
into the repository.

    --data PATH              a PolNeAR-style JSON Lines file, a "text" field per article
    CLAIMDESK_DATA_DIR=DIR   the folder holding polnear/ and speakers-dev/ (for `make bench`);
                             --data then defaults to DIR/polnear/train.jsonl
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ENV = "CLAIMDESK_DATA_DIR"


def data_dir() -> Path | None:
    return Path(os.environ[ENV]) if os.environ.get(ENV) else None


def add_data_argument(parser: argparse.ArgumentParser) -> None:
    folder = data_dir()
    parser.add_argument(
        "--data",
        type=Path,
        default=folder / "polnear" / "train.jsonl" if folder else None,
        help=f"PolNeAR-style JSON Lines of articles (default: ${ENV}/polnear/train.jsonl)",
    )


def missing(path: Path | None) -> str | None:
    """Why `path` cannot be read, or None when it can."""
    if path is None:
        return f"no data: pass --data PATH or set {ENV}"
    if not path.is_file():
        return f"{path} not found"
    return None
