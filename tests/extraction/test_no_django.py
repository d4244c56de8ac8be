"""The extraction core is plain Python: importing it must not load Django or the app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_extraction_import_loads_no_django_module():
    code = (
        "import sys, claims.extraction, claims.extraction.output, claims.extraction.__main__\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(bad))"
    )

    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    )

    assert proc.stdout.strip() == ""


def test_cli_start_up_leaves_out_what_extraction_does_not_use():
    """`python -m claims.extraction` pays for every import at each start: the scraped-text
    cleanup (its patterns) and `logging` load only when used (`clean_text`, a failing rule)."""
    code = (
        "import sys, claims.extraction, claims.extraction.__main__\n"
        "before = [m for m in ('claims.extraction.cleanup', 'logging') if m in sys.modules]\n"
        "from claims.extraction import clean_text\n"
        "print(before, clean_text('a  b'), 'claims.extraction.cleanup' in sys.modules)"
    )

    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    )

    assert proc.stdout.strip() == "[] a b True"
