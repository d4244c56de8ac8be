"""What reviewers attach to a claim: evidence, stances on topics, links to other claims.

The change page's inlines save through here (the admin binds the forms, this writes), so the
rules hold whatever screen the write came from:

- the claim's own edit rule (review.require_edit): reviewers change claims in progress,
  settled (published, dismissed) claims need an editor;
- the row is validated again (`full_clean`: evidence links are http(s) only, one stance per
  topic, no link from a claim to itself, no duplicate link);
- who added evidence or a link is recorded once, on creation;
- every write and delete carries its user into the history (the claim's history page lists
  these rows beside its own).
"""

from __future__ import annotations

from django.db import models

from claims.models import ClaimEvidence, ClaimLink, Stance
from claims.services.review import require_edit

PARTS = (ClaimEvidence, Stance, ClaimLink)


def _owner(part: models.Model):
    return part.from_claim if isinstance(part, ClaimLink) else part.claim


def _require_part_edit(part: models.Model, user) -> None:
    if not isinstance(part, PARTS):
        raise TypeError(f"not a part of a claim: {type(part).__name__}")
    require_edit(user, _owner(part))


def save_part(part: models.Model, *, user) -> models.Model:
    """Create or change one evidence row, stance or link of a claim the user may edit."""
    _require_part_edit(part, user)
    if part.pk is None:
        if isinstance(part, ClaimEvidence) and part.added_by_id is None:
            part.added_by = user
        if isinstance(part, ClaimLink) and part.created_by_id is None:
            part.created_by = user
    part.full_clean()
    part._history_user = user
    part.save()
    return part


def delete_part(part: models.Model, *, user) -> None:
    """Remove one evidence row, stance or link (its history keeps the deleted row)."""
    _require_part_edit(part, user)
    part._history_user = user
    part.delete()
