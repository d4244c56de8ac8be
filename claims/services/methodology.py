"""The /methodology/ prose: editors write it; the page reads the one row (or its default)."""

from __future__ import annotations

from django.db import transaction

from claims.models import MethodologyText
from claims.permissions import require


def save_methodology_text(*, text: MethodologyText, user) -> MethodologyText:
    """Save the methodology prose (editors: "edit_methodology"). There is one row: a second
    one replaces the first rather than sitting beside it."""
    require(user, "edit_methodology")
    text.body = text.body.strip()
    text.full_clean()
    text.updated_by = user if getattr(user, "pk", None) else None
    with transaction.atomic():
        if text.pk is None:
            MethodologyText.objects.all().delete()
        text.save()
    return text
