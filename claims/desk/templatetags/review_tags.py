"""The review desk's template helpers: the `visible` filter and the admin dashboard's data.

Untrusted text is rendered by claims.html (one implementation of escaping, invisible
characters and span marking); this module only registers it for templates.
"""

from __future__ import annotations

from django import template

from claims import html

register = template.Library()
register.filter("visible", html.visible)

DASHBOARD_ROWS = 10
QUEUE_WINDOW = 200  # waiting claims ranked for the dashboard (one query, sorted in Python)


@register.simple_tag(takes_context=True)
def review_dashboard(context) -> dict:
    """The admin index panels for the signed-in user: 7 queries however much data there is."""
    from claims.enums import ClaimStatus
    from claims.models import Claim
    from claims.queries import rank_by_checkworthiness

    user = context["request"].user
    if not user.has_perm("claims.view_claim"):
        return {}
    rows = Claim.objects.select_related("speaker", "article").only(
        "id",
        "content",
        "content_hash",
        "status",
        "verdict",
        "sort_date",
        "speaker__name",
        "speaker__kind",
        "speaker__role",
        "article__headline",
    )
    open_statuses = [ClaimStatus.NEW, ClaimStatus.IN_REVIEW]
    mine = rows.filter(assignee=user, status__in=open_statuses)
    waiting = rows.filter(status=ClaimStatus.NEW, assignee__isnull=True)
    ready = rows.filter(status=ClaimStatus.READY)
    return {
        "my_queue": list(mine[:DASHBOARD_ROWS]),
        "my_queue_count": mine.count(),
        # The newest QUEUE_WINDOW waiting claims, most check-worthy first (with reasons).
        "waiting": rank_by_checkworthiness(list(waiting[:QUEUE_WINDOW]))[:DASHBOARD_ROWS],
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
