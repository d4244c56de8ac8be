"""Correcting the machine: every correction is recorded as ExtractionFeedback, through one
service, whatever screen it came from."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims.enums import ClaimStatus, Verdict
from claims.models import Claim, ExtractionFeedback
from claims.services import review
from tests.claims.test_locking import change_data
from tests.factories import make_alias, make_claim, make_speaker, make_user

pytestmark = pytest.mark.django_db
S = ClaimStatus
CLAIMS = "/admin/claims/claim/"


def machine_claim(**fields):
    return make_claim(extraction_rule="said_that", extractor_version="rules-1.0", **fields)


# --- Not a claim -----------------------------------------------------------------------------


def test_reviewer_dismisses_a_question_as_not_a_claim_and_moves_to_the_next(client):
    reviewer = make_user(role="Reviewer")
    claim = machine_claim(speaker=make_speaker(name="Ann Example"), assignee=reviewer)
    following = make_claim(assignee=reviewer)
    client.force_login(reviewer)

    response = client.post(
        f"{CLAIMS}{claim.pk}/not-a-claim/", {"not_a_claim_reason": "  It is a  question. "}
    )

    assert response.status_code == 302 and response.url == f"{CLAIMS}{following.pk}/change/"
    claim.refresh_from_db()
    assert (claim.status, claim.notes) == (S.DISMISSED, "Not a claim: It is a question.")
    feedback = ExtractionFeedback.objects.get()
    assert (feedback.claim, feedback.kind, feedback.extraction_rule, feedback.created_by) == (
        claim,
        "not_a_claim",
        "said_that",
        reviewer,
    )
    assert feedback.before["status"] == "new" and feedback.before["speaker"] == "Ann Example"
    assert feedback.after == {"status": "dismissed", "reason": "It is a question."}


def test_not_a_claim_without_a_reason_dismisses_nothing(client):
    claim = machine_claim()
    client.force_login(make_user(role="Reviewer"))

    response = client.post(
        f"{CLAIMS}{claim.pk}/not-a-claim/", {"not_a_claim_reason": "   "}, follow=True
    )

    assert "Not dismissed: say why it is not a claim." in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).status == S.NEW
    assert not ExtractionFeedback.objects.exists()


def test_reviewer_cannot_mark_a_published_claim_not_a_claim(client):
    claim = machine_claim(status=S.PUBLISHED, verdict=Verdict.FALSE)
    client.force_login(make_user(role="Reviewer"))

    response = client.post(f"{CLAIMS}{claim.pk}/not-a-claim/", {"not_a_claim_reason": "No."})

    assert response.status_code == 403
    assert Claim.objects.get(pk=claim.pk).status == S.PUBLISHED
    assert not ExtractionFeedback.objects.exists()


def test_staff_without_a_role_cannot_mark_not_a_claim(client):
    claim = machine_claim()
    client.force_login(make_user())

    response = client.post(f"{CLAIMS}{claim.pk}/not-a-claim/", {"not_a_claim_reason": "No."})

    assert response.status_code == 403
    assert Claim.objects.get(pk=claim.pk).status == S.NEW


def test_mark_not_a_claim_service_needs_a_reason_and_refuses_twice():
    claim = machine_claim()
    reviewer = make_user(role="Reviewer")

    with pytest.raises(ValidationError):
        review.mark_not_a_claim(claim, reviewer, "")
    review.mark_not_a_claim(claim, reviewer, "A headline fragment.")
    with pytest.raises(PermissionDenied):  # dismissed is settled: editors only
        review.mark_not_a_claim(claim, reviewer, "Again.")
    with pytest.raises(review.TransitionError):
        review.mark_not_a_claim(claim, make_user(role="Editor"), "Again.")

    assert ExtractionFeedback.objects.count() == 1


def test_other_dismissals_stay_with_editors():
    claim = machine_claim()

    with pytest.raises(PermissionDenied):
        review.dismiss_claim(claim=claim, user=make_user(role="Reviewer"))


def test_claim_page_offers_not_a_claim_to_reviewers_only_while_open(client):
    open_claim, dismissed = machine_claim(), machine_claim(status=S.DISMISSED)
    client.force_login(make_user(role="Reviewer"))

    page = client.get(f"{CLAIMS}{open_claim.pk}/change/").content.decode()
    settled = client.get(f"{CLAIMS}{dismissed.pk}/change/").content.decode()

    assert f'formaction="{CLAIMS}{open_claim.pk}/not-a-claim/"' in page
    assert 'id="not-a-claim"' not in settled


# --- Correcting the speaker and the kind -----------------------------------------------------


def test_reviewer_corrects_the_speaker_and_the_wrong_alias_is_forgotten(client):
    wrong, right = make_speaker(name="Dmytro Kuleba"), make_speaker(name="Dmytro Lubinets")
    make_alias(wrong, "Dmytro Kuleba")
    make_alias(wrong, "Mr. Dmytro")  # learned from this claim's mention: wrong
    claim = machine_claim(speaker=wrong, mention="Mr. Dmytro")
    reviewer = make_user(role="Reviewer")
    client.force_login(reviewer)

    response = client.post(f"{CLAIMS}{claim.pk}/change/", change_data(claim, speaker=right.pk))

    assert response.status_code == 302
    assert Claim.objects.get(pk=claim.pk).speaker == right
    assert list(wrong.aliases.values_list("alias", flat=True)) == ["Dmytro Kuleba"]
    feedback = ExtractionFeedback.objects.get()
    assert (feedback.kind, feedback.extraction_rule, feedback.created_by) == (
        "wrong_speaker",
        "said_that",
        reviewer,
    )
    assert (feedback.before["speaker"], feedback.after["speaker"]) == (
        "Dmytro Kuleba",
        "Dmytro Lubinets",
    )
    assert feedback.after["alias_removed"] == "Mr. Dmytro"


def test_alias_still_used_by_another_claim_of_the_speaker_is_kept(client):
    wrong, right = make_speaker(name="Dmytro Kuleba"), make_speaker(name="Dmytro Lubinets")
    make_alias(wrong, "Mr. Dmytro")
    claim = machine_claim(speaker=wrong, mention="Mr. Dmytro")
    machine_claim(speaker=wrong, mention="Mr. Dmytro")
    client.force_login(make_user(role="Reviewer"))

    client.post(f"{CLAIMS}{claim.pk}/change/", change_data(claim, speaker=right.pk))

    assert list(wrong.aliases.values_list("alias", flat=True)) == ["Mr. Dmytro"]
    assert ExtractionFeedback.objects.get().after["alias_removed"] is None


def test_correcting_the_kind_is_recorded(client):
    claim = machine_claim(kind="indirect")
    client.force_login(make_user(role="Reviewer"))

    client.post(f"{CLAIMS}{claim.pk}/change/", change_data(claim, kind="direct"))

    feedback = ExtractionFeedback.objects.get()
    assert (feedback.kind, feedback.before, feedback.after) == (
        "wrong_kind",
        {"kind": "indirect"},
        {"kind": "direct"},
    )


def test_editing_a_hand_entered_claim_records_no_feedback(client):
    claim = make_claim(speaker=make_speaker(), extractor_version="")
    client.force_login(make_user(role="Reviewer"))

    client.post(
        f"{CLAIMS}{claim.pk}/change/", change_data(claim, speaker=make_speaker().pk, kind="mixed")
    )

    assert not ExtractionFeedback.objects.exists()


def test_claim_page_lets_a_reviewer_create_a_speaker_on_the_spot(client):
    claim = machine_claim()
    client.force_login(make_user(role="Reviewer"))

    page = client.get(f"{CLAIMS}{claim.pk}/change/").content.decode()

    assert 'id="add_id_speaker"' in page  # the admin's "+" opens the speaker form in a popup
    assert 'data-ajax--url="/admin/autocomplete/"' in page
