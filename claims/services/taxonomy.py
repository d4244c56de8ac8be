"""The taxonomy a desk files claims under: creating and changing tags, topics and outlets.

Tagging a claim is review work (claims/services/review.py, `add_tag`); here are the rows
themselves, each write behind its permission (claims/permissions.py).
"""

from __future__ import annotations

from claims.models import Outlet, Tag, Topic
from claims.permissions import require


def _save_named(obj, *, user, action: str):
    """Validate and save a tag, topic or outlet after `require(user, action)`. The slug is
    derived on save when empty (each model's save, from its name or title; kept on a rename
    for public URLs), so only a given one is validated."""
    require(user, action)
    obj.full_clean(exclude=None if obj.slug else ["slug"])
    obj.save()
    return obj


def save_tag(*, tag: Tag, user, adding: bool) -> Tag:
    """Create a tag (reviewers and editors) or change one (editors: "manage_tags")."""
    return _save_named(tag, user=user, action="create_tags" if adding else "manage_tags")


def save_topic(*, topic: Topic, user, adding: bool) -> Topic:
    """Create or change a topic (editors: "add_topics", "manage_topics"); reviewers do not."""
    return _save_named(topic, user=user, action="add_topics" if adding else "manage_topics")


def save_outlet(*, outlet: Outlet, user, adding: bool) -> Outlet:
    """Create or change an outlet (editors: "add_outlets", "manage_outlets")."""
    return _save_named(outlet, user=user, action="add_outlets" if adding else "manage_outlets")
