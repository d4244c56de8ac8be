"""Evidence, stances and links are written through claims.services.claim_parts, whatever screen
the write came from (the change page's inlines included)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims.enums import ClaimStatus
from claims.models import ClaimEvidence, ClaimLink, Stance
from claims.services import claim_parts
from tests.factories import (
    make_claim,
    make_evidence,
    make_published_claim,
    make_stance,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer():
    return make_user(role="Reviewer")


def test_new_evidence_records_who_added_it_and_the_history_user(reviewer):
    claim = make_claim()

    evidence = claim_parts.save_part(
        ClaimEvidence(claim=claim, url="https://stats.example/a", title="Office"), user=reviewer
    )

    assert (evidence.added_by, evidence.history.get().history_user) == (reviewer, reviewer)
    assert list(claim.evidence.values_list("url", "title")) == [
        ("https://stats.example/a", "Office")
    ]


def test_changing_evidence_keeps_who_added_it(reviewer):
    claim = make_claim()
    first = make_user(role="Reviewer")
    evidence = claim_parts.save_part(
        ClaimEvidence(claim=claim, url="https://a.example/"), user=first
    )

    evidence.title = "Renamed"
    claim_parts.save_part(evidence, user=reviewer)

    evidence.refresh_from_db()
    assert (evidence.title, evidence.added_by) == ("Renamed", first)
    assert [h.history_user for h in evidence.history.order_by("history_date")] == [first, reviewer]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://files.example/"])
def test_evidence_that_is_not_a_web_link_is_refused(reviewer, url):
    claim = make_claim()

    with pytest.raises(ValidationError):
        claim_parts.save_part(ClaimEvidence(claim=claim, url=url), user=reviewer)

    assert not ClaimEvidence.objects.filter(claim=claim).exists()


def test_new_link_records_its_creator_and_a_self_link_is_refused(reviewer):
    claim, other = make_claim(), make_claim()

    link = claim_parts.save_part(
        ClaimLink(from_claim=claim, to_claim=other, relation="repeats"), user=reviewer
    )
    with pytest.raises(ValidationError):
        claim_parts.save_part(
            ClaimLink(from_claim=claim, to_claim=claim, relation="repeats"), user=reviewer
        )

    assert list(ClaimLink.objects.values_list("pk", "created_by")) == [(link.pk, reviewer.pk)]


def test_second_stance_on_the_same_topic_is_refused(reviewer):
    claim, topic = make_claim(), make_topic()
    make_stance(claim, topic, "supports")

    with pytest.raises(ValidationError):
        claim_parts.save_part(Stance(claim=claim, topic=topic, stance="opposes"), user=reviewer)

    assert list(claim.stances.values_list("stance", flat=True)) == ["supports"]


def test_reviewer_cannot_change_the_parts_of_a_published_claim_and_an_editor_can(reviewer):
    claim = make_published_claim()
    topic = make_topic()
    evidence = make_evidence(claim)
    editor = make_user(role="Editor")

    with pytest.raises(PermissionDenied):
        claim_parts.save_part(Stance(claim=claim, topic=topic, stance="supports"), user=reviewer)
    with pytest.raises(PermissionDenied):
        claim_parts.delete_part(evidence, user=reviewer)
    stance = claim_parts.save_part(Stance(claim=claim, topic=topic, stance="supports"), user=editor)
    claim_parts.delete_part(stance, user=editor)

    assert claim.status == ClaimStatus.PUBLISHED
    assert list(claim.evidence.all()) == [evidence]
    assert not claim.stances.exists()
    deleted = Stance.history.filter(history_type="-").get()
    assert (deleted.topic_id, deleted.history_user) == (topic.pk, editor)


def test_someone_without_the_review_right_cannot_add_evidence():
    claim = make_claim()

    with pytest.raises(PermissionDenied):
        claim_parts.save_part(
            ClaimEvidence(claim=claim, url="https://a.example/"), user=make_user()
        )

    assert not claim.evidence.exists()


def test_only_parts_of_a_claim_are_accepted(reviewer):
    with pytest.raises(TypeError):
        claim_parts.save_part(make_topic(), user=reviewer)


def test_admin_inline_rows_go_through_the_service(client, reviewer, monkeypatch):
    """The change page's evidence and stance rows are saved by claim_parts.save_part."""
    from tests.claims.test_locking import change_data

    claim, topic = make_claim(), make_topic()
    make_evidence(claim, url="https://old.example/")
    saved = []
    real = claim_parts.save_part
    monkeypatch.setattr(
        claim_parts,
        "save_part",
        lambda part, *, user: saved.append(type(part)) or real(part, user=user),
    )
    client.force_login(reviewer)
    evidence = claim.evidence.get()

    response = client.post(
        f"/admin/claims/claim/{claim.pk}/change/",
        change_data(
            claim,
            **{
                "evidence-TOTAL_FORMS": "2",
                "evidence-INITIAL_FORMS": "1",
                "evidence-0-id": evidence.pk,
                "evidence-0-claim": claim.pk,
                "evidence-0-url": evidence.url,
                "evidence-0-title": "Renamed",
                "evidence-1-url": "https://new.example/",
                "stances-TOTAL_FORMS": "1",
                "stances-0-topic": topic.pk,
                "stances-0-stance": "neutral",
            },
        ),
    )

    assert response.status_code == 302
    assert sorted(t.__name__ for t in saved) == ["ClaimEvidence", "ClaimEvidence", "Stance"]
    assert sorted(claim.evidence.values_list("url", "title", "added_by")) == [
        ("https://new.example/", "", reviewer.pk),
        ("https://old.example/", "Renamed", None),
    ]
