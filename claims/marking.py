"""Marking claim spans in an article body for the public article page.

Spans may nest or overlap: the text is cut at every span boundary and each piece is marked
once, linking to the innermost claim covering it (shortest, then lowest id), so the HTML never
interleaves tags. One pass over the cut points with a heap of the claims covering the current
piece: O(n + k log k) for a body of n characters and k claims. (Comparing every piece with
every claim made a 4,000-claim article take 5.7 s: issue 15, item 5.)
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .templatetags.claims_tags import inert


def mark_claims(body: str, claims) -> SafeString:
    """The body escaped, each claim span wrapped in a <mark> linking to the claim's page.

    A claim whose span lies outside the body (an orphaned claim) is not highlighted. Each
    claim's offsets, id and URL are read once.
    """
    spans = []
    for claim in claims:
        start, end = claim.start, claim.end
        if 0 <= start < end <= len(body):
            spans.append((start, end, claim.pk, claim.get_absolute_url()))
    spans.sort()
    cuts = sorted({0, len(body), *(s[0] for s in spans), *(s[1] for s in spans)})
    ending = Counter(s[1] for s in spans)
    covering: list[tuple[int, int, int, str]] = []  # heap: (length, id, end, url)
    active = 0  # claims covering the current piece (the heap may hold ended ones too)
    next_span = 0
    parts = []
    for left, right in itertools.pairwise(cuts):
        active -= ending.get(left, 0)
        while next_span < len(spans) and spans[next_span][0] == left:
            start, end, pk, url = spans[next_span]
            heapq.heappush(covering, (end - start, pk, end, url))
            active += 1
            next_span += 1
        while covering and covering[0][2] <= left:  # ended before this piece: drop lazily
            heapq.heappop(covering)
        text = inert(body[left:right])
        if not active:
            parts.append(conditional_escape(text))
            continue
        url = covering[0][3]
        css = "claim-mark overlap" if active > 1 else "claim-mark"
        parts.append(format_html('<a class="{}" href="{}"><mark>{}</mark></a>', css, url, text))
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 -- every part is escaped above
