"""Who may do what: the one place permission rules live.

Services call `require(user, action)` before they write; the admin, views and commands only
ever reach data through services, so a rule here holds on every path (admin URL, action, form,
bulk action, command).
"""

from django.core.exceptions import PermissionDenied

# action -> the Django permission that grants it (the groups in migration 0002 hold them).
ACTION_PERMISSIONS = {
    "review": "claims.change_claim",
    # Published and dismissed claims are settled: only editors change them (or reopen them).
    "edit_settled": "claims.publish_claim",
    "publish": "claims.publish_claim",
    "unpublish": "claims.publish_claim",
    # Correcting a published verdict or rationale (with a public note): editors.
    "correct": "claims.publish_claim",
    # The /methodology/ prose speaks for the desk: editors.
    "edit_methodology": "claims.publish_claim",
    "dismiss": "claims.dismiss_claim",
    "delete": "claims.delete_claim",
    "merge_speakers": "claims.merge_speaker",
    "add_topics": "claims.add_topic",
    "manage_topics": "claims.change_topic",
    "add_outlets": "claims.add_outlet",
    "manage_outlets": "claims.change_outlet",
    "manage_tags": "claims.change_tag",
    "create_tags": "claims.add_tag",
    "add_articles": "claims.add_article",
    "edit_articles": "claims.change_article",
    "add_speakers": "claims.add_speaker",
    "edit_speakers": "claims.change_speaker",
    "add_aliases": "claims.add_speakeralias",
    "edit_aliases": "claims.change_speakeralias",
    "remove_aliases": "claims.delete_speakeralias",
}


def can(user, action: str) -> bool:
    """True when `user` may perform `action` (a key of ACTION_PERMISSIONS).

    `user` None means a trusted system actor (management commands run by an operator).
    """
    if user is None:
        return True
    try:
        perm = ACTION_PERMISSIONS[action]
    except KeyError:
        raise ValueError(f"unknown action {action!r}") from None
    return bool(user.is_active and user.has_perm(perm))


def require(user, action: str) -> None:
    """Raise PermissionDenied unless `user` may perform `action`."""
    if not can(user, action):
        raise PermissionDenied(f"You do not have permission to {action.replace('_', ' ')}.")
