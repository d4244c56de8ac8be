"""mark_claims: one pass over the body, the same marks as comparing every piece with every claim.

Work is counted, not timed: each claim's offsets, id and URL are read through a counter.
"""

from __future__ import annotations

import itertools
import random

import pytest
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from claims.html import mark_claims
from claims.templatetags.claims_tags import inert


class Span:
    """A claim as mark_claims sees it, counting every read of its offsets, id and URL."""

    reads = 0

    def __init__(self, start, end, pk):
        self._start, self._end, self._pk = start, end, pk

    @property
    def start(self):
        Span.reads += 1
        return self._start

    @property
    def end(self):
        Span.reads += 1
        return self._end

    @property
    def pk(self):
        Span.reads += 1
        return self._pk

    def get_absolute_url(self):
        Span.reads += 1
        return f"/claims/{self._pk}/"


def reference_marks(body, claims):
    """The definition: cut at every boundary, mark each piece with its innermost cover.

    The article page's quadratic algorithm before the fix; bench/bench_mark_claims.py times it."""
    spans = [c for c in claims if 0 <= c.start < c.end <= len(body)]
    cuts = sorted({0, len(body), *(c.start for c in spans), *(c.end for c in spans)})
    parts = []
    for left, right in itertools.pairwise(cuts):
        text = inert(body[left:right])
        covering = [c for c in spans if c.start <= left and right <= c.end]
        if not covering:
            parts.append(conditional_escape(text))
            continue
        inner = min(covering, key=lambda c: (c.end - c.start, c.pk))
        css = "claim-mark overlap" if len(covering) > 1 else "claim-mark"
        parts.append(
            format_html(
                '<a class="{}" href="{}"><mark>{}</mark></a>', css, inner.get_absolute_url(), text
            )
        )
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308


@pytest.mark.parametrize("seed", range(30))
def test_mark_claims_matches_the_definition_on_nested_and_overlapping_spans(seed):
    rng = random.Random(seed)
    body = "".join(rng.choice("ab <&\u202e\n") for _ in range(rng.randint(0, 60)))
    claims = []
    for pk in range(1, rng.randint(0, 12) + 1):
        start = rng.randint(-2, len(body) + 1)
        claims.append(Span(start, start + rng.randint(-1, 20), pk))

    assert mark_claims(body, claims) == reference_marks(body, claims)


def test_mark_claims_marks_nested_spans_without_interleaving_tags():
    body = "The minister said <b> the bridge cost 40 million."
    outer, inner = Span(0, len(body), 1), Span(body.index("the bridge"), len(body) - 1, 2)

    html = mark_claims(body, [outer, inner])

    assert html == (
        '<a class="claim-mark" href="/claims/1/"><mark>The minister said &lt;b&gt; </mark></a>'
        '<a class="claim-mark overlap" href="/claims/2/"><mark>the bridge cost 40 million'
        '</mark></a><a class="claim-mark" href="/claims/1/"><mark>.</mark></a>'
    )


def dense(k: int) -> tuple[str, list[Span]]:
    body = "word " * (10 * k)
    return body, [Span(i * 50, i * 50 + 30 + (i % 3) * 15, i + 1) for i in range(k)]


@pytest.mark.parametrize("k", [500, 1000])
def test_mark_claims_reads_each_claim_a_bounded_number_of_times(k):
    body, claims = dense(k)
    Span.reads = 0

    mark_claims(body, claims)

    # start, end, id and URL once each. Comparing every piece with every claim read
    # start and end 2k times per claim (a million reads at k = 500).
    assert Span.reads == 4 * k
