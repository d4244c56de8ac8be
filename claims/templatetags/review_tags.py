"""Rendering untrusted article text for the review desk, and the admin dashboard's data.

Article bodies, headlines and speaker names come from the web. Everything here escapes each
piece with conditional_escape and builds markup with format_html; nothing is marked safe
whole. Invisible characters (zero-width, bidi overrides) are shown as visible markers, so a
reversed or padded string cannot pass for another in review.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_INVISIBLE = re.compile("([\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff])")
CONTEXT_RADIUS = 600  # characters either side when a paragraph is very long


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    css: str  # "claim" or "mention"
    title: str = ""


@register.filter
def visible(text) -> SafeString:
    """Escape `text`, replacing each invisible character with a visible [U+XXXX] marker."""
    parts = _INVISIBLE.split(str(text or ""))
    out = []
    for i, part in enumerate(parts):
        if i % 2:  # a captured invisible character
            out.append(
                format_html(
                    '<code class="invisible-char" title="invisible character">[U+{}]</code>',
                    f"{ord(part):04X}",
                )
            )
        else:
            out.append(conditional_escape(part))
    # Every piece above is escaped or built by format_html.
    return mark_safe("".join(out))  # noqa: S308


def highlight(text: str, spans: list[Span], *, offset: int = 0) -> SafeString:
    """`text` escaped, with each span (offsets into the full body, `offset` = text's start) marked.

    Spans may overlap or nest (a mention inside a mixed quote): the text is cut at every span
    boundary and each piece is wrapped in the marks that cover it.
    """
    length = len(text)
    cuts = {0, length}
    for s in spans:
        cuts.update(min(max(p - offset, 0), length) for p in (s.start, s.end))
    points = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(points):
        piece = visible(text[a:b])
        for s in spans:
            if s.start - offset <= a and b <= s.end - offset:
                tag = "mark" if s.css == "claim" else "strong"
                piece = format_html(
                    '<{} class="{}"{}>{}</{}>',
                    tag,
                    s.css,
                    format_html(' title="{}"', s.title) if s.title else "",
                    piece,
                    tag,
                )
        out.append(piece)
    return mark_safe("".join(out))  # noqa: S308  (pieces built above)


def paragraph_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """The blank-line-delimited paragraph around [start, end), clipped to CONTEXT_RADIUS."""
    para_start = body.rfind("\n\n", 0, start)
    para_start = 0 if para_start == -1 else para_start + 2
    para_end = body.find("\n\n", end)
    para_end = len(body) if para_end == -1 else para_end
    return max(para_start, start - CONTEXT_RADIUS), min(para_end, end + CONTEXT_RADIUS)


def claim_in_context(claim, body: str) -> SafeString:
    """The claim's paragraph with its content marked and its speaker mention in bold."""
    if not body or claim.end > len(body):
        return format_html("<em>The article text no longer contains this span.</em>")
    a, b = paragraph_bounds(body, claim.start, claim.end)
    spans = [Span(claim.start, claim.end, "claim", "the claim")]
    if claim.mention_start is not None and claim.mention_end is not None:
        a, b = min(a, claim.mention_start), max(b, claim.mention_end)
        spans.append(Span(claim.mention_start, claim.mention_end, "mention", "speaker mention"))
    prefix = "… " if a > 0 and body[a - 1] != "\n" else ""
    suffix = " …" if b < len(body) and body[b] != "\n" else ""
    return format_html(
        '<blockquote class="claim-context">{}{}{}</blockquote>',
        prefix,
        highlight(body[a:b], spans, offset=a),
        suffix,
    )


DASHBOARD_ROWS = 10


@register.simple_tag(takes_context=True)
def review_dashboard(context) -> dict:
    """The admin index panels for the signed-in user: 6 queries however much data there is."""
    from claims.enums import ClaimStatus
    from claims.models import Claim

    user = context["request"].user
    if not user.has_perm("claims.view_claim"):
        return {}
    rows = Claim.objects.select_related("speaker", "article").only(
        "id", "content", "status", "verdict", "sort_date", "speaker__name", "article__headline"
    )
    open_statuses = [ClaimStatus.NEW, ClaimStatus.IN_REVIEW]
    mine = rows.filter(assignee=user, status__in=open_statuses)
    waiting = rows.filter(status=ClaimStatus.NEW, assignee__isnull=True)
    ready = rows.filter(status=ClaimStatus.READY)
    return {
        "my_queue": list(mine[:DASHBOARD_ROWS]),
        "my_queue_count": mine.count(),
        "waiting": list(waiting[:DASHBOARD_ROWS]),
        "waiting_count": waiting.count(),
        "ready": list(ready[:DASHBOARD_ROWS]),
        "recent": list(
            Claim.history.select_related("history_user")
            .only(
                "id",
                "history_id",
                "content",
                "status",
                "history_date",
                "history_type",
                "history_user__username",
            )
            .order_by("-history_date")[:DASHBOARD_ROWS]
        ),
    }
