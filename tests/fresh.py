"""Code run in a fresh interpreter at the repository's root: what a spawned pool worker or
`python -m claims.extraction` imports and computes, with nothing this test process loaded."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_fresh(code: str, *, env: dict | None = None) -> bytes:
    """The standard output of `python -c code` at the root (raises if it fails or hangs)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        check=True,
        timeout=60,
        env=env,
    ).stdout
