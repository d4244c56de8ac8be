"""Publishing rules of issue 12: the optional two-person rule, and a republished claim never
changes its verdict silently."""

import pytest
from django.contrib.messages import get_messages

from claims.enums import ClaimStatus
from claims.models import Claim, Correction
from claims.services import review
from tests.claims.test_locking import change_data
from tests.factories import make_claim, make_evidence, make_published_claim, make_user

pytestmark = pytest.mark.django_db
S = ClaimStatus


def ready_claim(reviewed_by):
    claim = make_claim(
        status=S.READY,
        verdict="false",
        rationale="The ministry's own figures say otherwise.",
        attribution_checked=True,
        reviewed_by=reviewed_by,
    )
    make_evidence(claim)
    return claim


# --- Two-person rule -------------------------------------------------------------------------


def test_publish_by_the_verdict_setter_is_refused_with_the_two_person_rule(settings):
    settings.CLAIMDESK_PUBLISH_REQUIRES_SECOND_EDITOR = True
    editor = make_user(role="Editor")
    claim = ready_claim(reviewed_by=editor)

    with pytest.raises(review.TransitionError, match="another editor") as exc:
        review.publish_claim(claim=claim, user=editor)

    assert exc.value.code == "second_editor"
    claim.refresh_from_db()
    assert (claim.status, claim.published_at, claim.version) == (S.READY, None, 1)


def test_publish_by_a_second_editor_passes_the_two_person_rule(settings):
    settings.CLAIMDESK_PUBLISH_REQUIRES_SECOND_EDITOR = True
    claim = ready_claim(reviewed_by=make_user(role="Editor"))

    review.publish_claim(claim=claim, user=make_user(role="Editor"))

    claim.refresh_from_db()
    assert claim.status == S.PUBLISHED


def test_publish_by_the_verdict_setter_is_allowed_without_the_rule(settings):
    settings.CLAIMDESK_PUBLISH_REQUIRES_SECOND_EDITOR = False
    editor = make_user(role="Editor")
    claim = ready_claim(reviewed_by=editor)

    review.publish_claim(claim=claim, user=editor)

    claim.refresh_from_db()
    assert claim.status == S.PUBLISHED


def test_two_person_rule_counts_a_verdict_set_by_record_verdict(settings):
    settings.CLAIMDESK_PUBLISH_REQUIRES_SECOND_EDITOR = True
    first, second = make_user(role="Editor"), make_user(role="Editor")
    claim = ready_claim(reviewed_by=first)
    review.record_verdict(claim=claim, verdict="misleading", rationale="Half of it.", user=second)

    with pytest.raises(review.TransitionError, match="another editor"):
        review.publish_claim(claim=claim, user=second)
    review.publish_claim(claim=claim, user=first)

    claim.refresh_from_db()
    assert claim.status == S.PUBLISHED and claim.reviewed_by == second


def test_desk_bulk_publish_by_the_verdict_setter_is_a_message_not_an_error(client, settings):
    settings.CLAIMDESK_PUBLISH_REQUIRES_SECOND_EDITOR = True
    editor = make_user(role="Editor")
    claim = ready_claim(reviewed_by=editor)
    client.force_login(editor)

    response = client.post(
        "/admin/claims/claim/",
        {"action": "publish", "_selected_action": [claim.pk]},
        follow=True,
    )

    assert response.status_code == 200
    texts = [str(m) for m in get_messages(response.wsgi_request)] or [
        str(m) for m in response.context["messages"]
    ]
    assert any("another editor" in t for t in texts), texts
    claim.refresh_from_db()
    assert claim.status == S.READY


def test_desk_change_form_publish_by_the_verdict_setter_shows_the_refusal(client, settings):
    settings.CLAIMDESK_PUBLISH_REQUIRES_SECOND_EDITOR = True
    editor = make_user(role="Editor")
    claim = ready_claim(reviewed_by=make_user(role="Editor"))
    client.force_login(editor)

    # A new verdict typed in the same save makes this editor its setter.
    response = client.post(
        f"/admin/claims/claim/{claim.pk}/change/",
        change_data(claim, verdict="misleading", _transition=S.PUBLISHED),
    )

    assert response.status_code == 200
    assert "another editor must publish it" in response.content.decode()
    claim.refresh_from_db()
    assert (claim.status, claim.verdict) == (S.READY, "false")


# --- Republishing ----------------------------------------------------------------------------


def unpublished_with_new_verdict():
    editor = make_user(role="Editor")
    claim = make_published_claim(
        verdict="mostly_true", rationale="The budget says 38 million.", attribution_checked=True
    )
    make_evidence(claim)
    review.unpublish_claim(claim=claim, user=editor)
    review.record_verdict(claim=claim, verdict="false", rationale="It was 12 million.", user=editor)
    return claim, editor


def test_republish_with_a_changed_verdict_is_refused_without_a_note():
    claim, editor = unpublished_with_new_verdict()

    with pytest.raises(review.TransitionError, match="correction note") as exc:
        review.publish_claim(claim=claim, user=editor)

    assert exc.value.code == "correction_required"
    claim.refresh_from_db()
    assert claim.status == S.READY and not Correction.objects.exists()


def test_republish_with_a_changed_verdict_and_a_note_records_a_correction():
    claim, editor = unpublished_with_new_verdict()

    review.publish_claim(claim=claim, user=editor, correction_note=" The figure was  wrong. ")

    claim.refresh_from_db()
    assert (claim.status, claim.verdict) == (S.PUBLISHED, "false")
    correction = Correction.objects.get()
    assert (
        correction.claim_id,
        correction.previous_verdict,
        correction.new_verdict,
        correction.previous_rationale,
        correction.note,
        correction.created_by,
    ) == (
        claim.pk,
        "mostly_true",
        "false",
        "The budget says 38 million.",
        "The figure was wrong.",
        editor,
    )


def test_republish_with_the_published_verdict_restored_needs_no_note():
    claim, editor = unpublished_with_new_verdict()
    review.record_verdict(
        claim=claim, verdict="mostly_true", rationale="The budget says 38 million.", user=editor
    )

    review.publish_claim(claim=claim, user=editor)

    claim.refresh_from_db()
    assert claim.status == S.PUBLISHED and not Correction.objects.exists()


def test_republish_compares_with_the_verdict_after_its_last_correction():
    editor = make_user(role="Editor")
    claim = make_published_claim(
        verdict="mostly_true", rationale="The budget says 38 million.", attribution_checked=True
    )
    make_evidence(claim)
    review.correct_claim(claim, editor, verdict="false", note="Misread the budget.")
    review.unpublish_claim(claim=claim, user=editor)

    review.publish_claim(claim=claim, user=editor)

    assert Claim.objects.get(pk=claim.pk).status == S.PUBLISHED


def test_desk_change_form_republish_with_a_changed_verdict_shows_the_refusal(client):
    claim, editor = unpublished_with_new_verdict()
    client.force_login(editor)

    claim.refresh_from_db()
    response = client.post(
        f"/admin/claims/claim/{claim.pk}/change/", change_data(claim, _transition=S.PUBLISHED)
    )

    assert response.status_code == 200
    assert "correction note" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == S.READY
