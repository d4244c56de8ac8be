"""The extraction core is plain Python: importing it must not load Django or the app."""

from __future__ import annotations

from tests.fresh import run_fresh


def test_extraction_import_loads_no_django_module():
    code = (
        "import sys, claims.extraction, claims.extraction.output, claims.extraction.__main__\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(bad))"
    )

    stdout = run_fresh(code, env={"PATH": "/usr/bin:/bin"}).decode()

    assert stdout.strip() == ""


def test_cli_start_up_leaves_out_what_extraction_does_not_use():
    """`python -m claims.extraction` pays for every import at each start: the scraped-text
    cleanup (its patterns) and `logging` load only when used (`clean_text`, a failing rule)."""
    code = (
        "import sys, claims.extraction, claims.extraction.__main__\n"
        "before = [m for m in ('claims.extraction.cleanup', 'logging') if m in sys.modules]\n"
        "from claims.extraction import clean_text\n"
        "print(before, clean_text('a  b'), 'claims.extraction.cleanup' in sys.modules)"
    )

    stdout = run_fresh(code, env={"PATH": "/usr/bin:/bin"}).decode()

    assert stdout.strip() == "[] a b True"
