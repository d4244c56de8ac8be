"""The roles migration 0002 creates agree with claims.permissions, for every action."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied

from claims.permissions import ACTION_PERMISSIONS, can, require
from tests.factories import make_user

pytestmark = pytest.mark.django_db

# Reviewers also keep the speaker records (migration 0002 gives them add and change_speaker)
# with their aliases (add and change only) and create tags (0010).
REVIEWER_ACTIONS = {
    "review",
    "add_speakers",
    "edit_speakers",
    "add_aliases",
    "edit_aliases",
    "create_tags",
}
EDITOR_ACTIONS = set(ACTION_PERMISSIONS)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", set()),
        ("staff", set()),
        ("Reviewer", REVIEWER_ACTIONS),
        ("Editor", EDITOR_ACTIONS),
        ("superuser", EDITOR_ACTIONS),
    ],
)
def test_can_matrix_for_every_role_and_action(role, allowed):
    user = {
        "anonymous": AnonymousUser,
        "staff": make_user,
        "superuser": lambda: make_user(is_superuser=True),
    }.get(role, lambda: make_user(role=role))()

    assert {action for action in ACTION_PERMISSIONS if can(user, action)} == allowed


def test_reviewer_group_may_edit_claims_but_delete_nothing():
    # Publishing, dismissing and merging are the matrix above; this is the rest of the group.
    codenames = set(
        Group.objects.get(name="Reviewer").permissions.values_list("codename", flat=True)
    )

    assert not {c for c in codenames if c.startswith("delete_")}
    assert {"change_claim", "add_claimevidence", "change_stance", "add_claimlink"} <= codenames


def test_inactive_editor_may_do_nothing():
    editor = make_user(role="Editor", is_active=False)

    assert not any(can(editor, action) for action in ACTION_PERMISSIONS)


def test_require_names_the_refused_action():
    with pytest.raises(PermissionDenied, match=r"You do not have permission to merge speakers\."):
        require(make_user(role="Reviewer"), "merge_speakers")


def test_unknown_action_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown action 'publsh'"):
        can(make_user(), "publsh")
