"""Benchmark: marking k claim spans in an article body (the public article page), k = 500..4,000.

    .venv/bin/python bench/bench_mark_claims.py [--claims 500,1000,2000,4000] [--page]

Issue 15, item 5: the article page compared every piece of the body with every claim
(0.27 / 0.57 / 1.39 / 5.73 s for 500 / 1,000 / 2,000 / 4,000 claims). Times
`claims.html.mark_claims` (one pass with a heap) against that quadratic algorithm (the
definition tests/claims/test_html_mark_claims.py checks it against, imported from there), on
the same invented body and spans (a third of them nested in another), in one run: compare the
ratios. No database: claims are plain objects with the attributes read.

--page also renders the whole public article page (page cache off) for each k, with the
claims published, in a scratch SQLite database: what a reader waits for on a first visit.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("SECRET_KEY", "bench")
os.environ["DEBUG"] = "1"  # a scratch app: the test client's host and no SSL redirect
SCRATCH = Path(tempfile.mkdtemp(prefix="bench-mark-claims-"))
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH / 'db.sqlite3'}"
os.environ["CLAIMDESK_PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from claims.html import mark_claims  # noqa: E402

# The article page's algorithm before the fix (claims/views.py at 0823453): cut at every
# boundary, mark each piece with its innermost cover. The test holds mark_claims to it.
from tests.claims.test_html_mark_claims import (  # noqa: E402
    reference_marks as quadratic_mark_claims,
)


class Claim:
    def __init__(self, start, end, pk):
        self.start, self.end, self.pk = start, end, pk

    def get_absolute_url(self):
        return f"/claims/{self.pk}/"


def article(k: int):
    sentence = "“The bridge will open in spring,” Ms. Okafor said. "
    body = sentence * k
    claims = []
    for i in range(k):
        start = i * len(sentence) + 1
        claims.append(Claim(start, start + 30, 2 * i + 1))
        if i % 3 == 0:  # a nested claim inside it
            claims.append(Claim(start + 4, start + 20, 2 * i + 2))
    return body, claims[:k]


def best_of(fn, body, claims, runs):
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        fn(body, claims)
        best = min(best, time.perf_counter() - started)
    return best


def page_seconds(k: int) -> float:
    """Best of 3 renders of the article page with k published claims (scratch database)."""
    from django.test import Client
    from django.utils import timezone

    from claims.models import Article
    from claims.models import Claim as ClaimRow

    body, claims = article(k)
    row = Article.objects.create(headline=f"Bridges {k}", body=body)
    now = timezone.now()
    ClaimRow.objects.bulk_create(
        ClaimRow(
            article=row,
            content=body[c.start : c.end],
            start=c.start,
            end=c.end,
            status="published",
            verdict="false",
            published_at=now,
            sort_date=now.date(),
        )
        for c in claims
    )
    client = Client(HTTP_HOST="localhost")
    url = row.get_absolute_url()
    assert client.get(url).status_code == 200
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        client.get(url)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", default="500,1000,2000,4000")
    parser.add_argument("--page", action="store_true", help="also time the whole article page")
    args = parser.parse_args()
    if args.page:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    print(
        f"{'claims':>6} {'one pass':>10} {'quadratic':>10} {'ratio':>7}"
        + (f" {'article page':>13}" if args.page else "")
    )
    for k in (int(x) for x in args.claims.split(",")):
        body, claims = article(k)
        assert mark_claims(body, claims) == quadratic_mark_claims(body, claims)
        linear = best_of(mark_claims, body, claims, 5)
        quadratic = best_of(quadratic_mark_claims, body, claims, 1 if k > 1000 else 3)
        page = f" {page_seconds(k) * 1000:>11.0f}ms" if args.page else ""
        print(
            f"{k:>6} {linear * 1000:>8.1f}ms {quadratic * 1000:>8.0f}ms "
            f"{quadratic / linear:>6.0f}x{page}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
