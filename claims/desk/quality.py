"""The extraction-quality report: the engine measured on the newsroom's own reviews."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse

from claims.models import ExtractionFeedback
from claims.permissions import can
from claims.queries import extraction_quality

GROUP_FILTERS = {"rule": "extraction_rule", "outlet": "article__outlet__name", "month": None}


def extraction_quality_view(request):
    """Editors only: precision, speaker and span accuracy by rule, outlet and month (3 queries
    for the tables, 1 for the missed-claim count), each figure linking to its claims."""
    if not can(request.user, "publish"):
        raise PermissionDenied
    changelist = reverse("admin:claims_claim_changelist")
    tables = []
    for by, title in [
        ("rule", "By extraction rule"),
        ("outlet", "By outlet"),
        ("month", "By month"),
    ]:
        rows = extraction_quality(by)
        for row in rows:
            row["links"] = _links(changelist, by, row["group"])
        tables.append((title, by, rows))
    return TemplateResponse(
        request,
        "admin/claims/extraction_quality.html",
        {
            **admin.site.each_context(request),
            "title": "Extraction quality",
            "tables": tables,
            "missed": ExtractionFeedback.objects.filter(kind="missed_claim").count(),
        },
    )


def _links(changelist: str, by: str, group) -> dict[str, str]:
    base = {"reviewed": "1"}
    if by == "month" and group is not None:
        base["sort_date__year"], base["sort_date__month"] = group.year, group.month
    elif GROUP_FILTERS.get(by) and group is not None:
        base[GROUP_FILTERS[by]] = group
    return {
        kind: f"{changelist}?{urlencode({**base, **({'correction': kind} if kind != 'reviewed' else {})})}"
        for kind in ("reviewed", "not_a_claim", "wrong_speaker", "wrong_span")
    }
