"""The review workflow service: transitions, the permission matrix, verdicts, links, tags."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from claims.enums import ClaimStatus, LinkRelation, Verdict
from claims.models import Claim, ClaimLink
from claims.services import review
from tests.factories import make_claim, make_evidence, make_tag, make_user

pytestmark = pytest.mark.django_db
S = ClaimStatus

ROLES = ["anonymous", "staff", "Reviewer", "Editor", "superuser"]
# Which roles may run each transition (the rest are refused and the row is unchanged).
REVIEW_ROLES = {"Reviewer", "Editor", "superuser"}
EDITOR_ROLES = {"Editor", "superuser"}
EXPECTED = {
    (S.NEW, S.IN_REVIEW): REVIEW_ROLES,
    (S.NEW, S.READY): REVIEW_ROLES,
    (S.IN_REVIEW, S.READY): REVIEW_ROLES,
    (S.READY, S.IN_REVIEW): REVIEW_ROLES,
    (S.READY, S.PUBLISHED): EDITOR_ROLES,
    (S.PUBLISHED, S.READY): EDITOR_ROLES,
    (S.NEW, S.DISMISSED): EDITOR_ROLES,
    (S.IN_REVIEW, S.DISMISSED): EDITOR_ROLES,
    (S.READY, S.DISMISSED): EDITOR_ROLES,
    (S.PUBLISHED, S.DISMISSED): EDITOR_ROLES,
    (S.DISMISSED, S.NEW): EDITOR_ROLES,
}


def user_for(role):
    if role == "anonymous":
        return AnonymousUser()
    if role == "staff":
        return make_user()
    if role == "superuser":
        return make_user(is_superuser=True)
    return make_user(role=role)


def complete_claim(status=S.NEW, **overrides):
    """A claim that passes the publication checklist, so only permissions decide."""
    fields = {
        "status": status,
        "verdict": Verdict.FALSE,
        "rationale": "The ministry's own figures say otherwise.",
        "attribution_checked": True,
    }
    fields.update(overrides)
    claim = make_claim(**fields)
    make_evidence(claim)
    return claim


def test_transition_table_is_what_the_matrix_covers():
    assert set(review.TRANSITIONS) == set(EXPECTED)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("transition", list(EXPECTED), ids=lambda t: f"{t[0]}->{t[1]}")
def test_transition_permission_matrix(role, transition):
    from_status, to_status = transition
    claim = complete_claim(from_status)
    user = user_for(role)

    if role in EXPECTED[transition]:
        review.transition_claim(claim=claim, to_status=to_status, user=user)
        claim.refresh_from_db()
        assert claim.status == to_status
        assert claim.version == 2
    else:
        with pytest.raises(PermissionDenied):
            review.transition_claim(claim=claim, to_status=to_status, user=user)
        claim.refresh_from_db()
        assert claim.status == from_status
        assert claim.version == 1


@pytest.mark.parametrize(
    "transition",
    [(S.NEW, S.PUBLISHED), (S.IN_REVIEW, S.PUBLISHED), (S.DISMISSED, S.PUBLISHED), (S.NEW, S.NEW)],
    ids=lambda t: f"{t[0]}->{t[1]}",
)
def test_transition_not_in_the_table_is_refused_even_for_a_superuser(transition):
    claim = complete_claim(transition[0])

    with pytest.raises(review.TransitionError, match="cannot go from"):
        review.transition_claim(claim=claim, to_status=transition[1], user=user_for("superuser"))

    claim.refresh_from_db()
    assert claim.status == transition[0]


def test_publish_incomplete_claim_lists_everything_missing():
    claim = make_claim(status=S.READY)
    editor = make_user(role="Editor")

    with pytest.raises(review.TransitionError) as excinfo:
        review.publish_claim(claim=claim, user=editor)

    assert excinfo.value.messages == [
        "Cannot publish: the claim needs a verdict, a rationale, at least one evidence link "
        "and the attribution check."
    ]
    claim.refresh_from_db()
    assert claim.status == S.READY
    assert claim.published_at is None


def test_mark_ready_without_evidence_names_only_the_evidence():
    claim = make_claim(
        status=S.IN_REVIEW, verdict=Verdict.TRUE, rationale="Checked.", attribution_checked=True
    )

    with pytest.raises(review.TransitionError) as excinfo:
        review.mark_ready(claim=claim, user=make_user(role="Reviewer"))

    assert excinfo.value.messages == [
        "Cannot mark ready: the claim needs at least one evidence link."
    ]


def test_publish_sets_published_at_and_unpublish_clears_it():
    claim = complete_claim(S.READY)
    editor = make_user(role="Editor")

    published = review.publish_claim(claim=claim, user=editor)
    assert published.status == S.PUBLISHED
    assert published.published_at is not None

    unpublished = review.unpublish_claim(claim=claim, user=editor)
    assert unpublished.status == S.READY
    assert unpublished.published_at is None


def test_record_verdict_stamps_reviewer_and_time():
    claim = make_claim()
    reviewer = make_user(role="Reviewer")

    review.record_verdict(
        claim=claim, verdict=Verdict.MISLEADING, rationale="Half the story.", user=reviewer
    )

    claim.refresh_from_db()
    assert (claim.verdict, claim.rationale) == (Verdict.MISLEADING, "Half the story.")
    assert claim.reviewed_by == reviewer
    assert claim.reviewed_at is not None


def test_record_verdict_on_published_claim_by_reviewer_is_refused():
    claim = complete_claim(S.PUBLISHED, verdict=Verdict.FALSE)

    with pytest.raises(PermissionDenied):
        review.record_verdict(
            claim=claim, verdict=Verdict.TRUE, rationale="x", user=make_user(role="Reviewer")
        )

    claim.refresh_from_db()
    assert claim.verdict == Verdict.FALSE


def test_transition_is_recorded_in_history_with_the_user():
    claim = complete_claim(S.READY)
    editor = make_user(role="Editor")

    review.publish_claim(claim=claim, user=editor)

    latest = claim.history.first()
    assert latest.status == S.PUBLISHED
    assert latest.history_user == editor
    assert latest.prev_record.status == S.READY


def test_link_claims_is_idempotent_and_refuses_self_links():
    a, b = make_claim(), make_claim()
    reviewer = make_user(role="Reviewer")

    first = review.link_claims(
        from_claim=a, to_claim=b, relation=LinkRelation.REPEATS, user=reviewer
    )
    again = review.link_claims(
        from_claim=a, to_claim=b, relation=LinkRelation.REPEATS, user=reviewer
    )
    with pytest.raises(ValidationError):
        review.link_claims(from_claim=a, to_claim=a, relation=LinkRelation.REPEATS, user=reviewer)

    assert first[1] is True and again[1] is False
    assert list(
        ClaimLink.objects.values_list("from_claim", "to_claim", "relation", "created_by")
    ) == [(a.pk, b.pk, "repeats", reviewer.pk)]


def test_add_tag_skips_published_claims_for_a_reviewer():
    open_claim, settled = make_claim(), complete_claim(S.PUBLISHED)
    tag = make_tag(name="Peace talks")

    result = review.add_tag(
        claims=Claim.objects.order_by("pk"), tag=tag, user=make_user(role="Reviewer")
    )

    assert [c.pk for c in result.done] == [open_claim.pk]
    assert list(result.skipped) == [settled.pk]
    assert list(tag.claims.all()) == [open_claim]


def test_add_tag_records_who_tagged_each_claim_once():
    first, second = make_claim(), make_claim()
    tag = make_tag(name="Peace talks")
    reviewer = make_user(role="Reviewer")
    review.add_tag(claims=Claim.objects.filter(pk=first.pk), tag=tag, user=reviewer)

    review.add_tag(claims=Claim.objects.order_by("pk"), tag=tag, user=reviewer)

    for claim in (first, second):  # one '~' row each: the first claim was not tagged twice
        row = claim.history.get(history_type="~")
        assert (row.history_user, [t.tag_id for t in row.tags.all()]) == (reviewer, [tag.pk])


def test_transition_claims_reports_each_refusal_and_goes_on():
    ready = complete_claim(S.READY)
    incomplete = make_claim(status=S.READY)

    result = review.transition_claims(
        claims=Claim.objects.order_by("pk"), to_status=S.PUBLISHED, user=make_user(role="Editor")
    )

    assert [c.pk for c in result.done] == [ready.pk]
    assert list(result.skipped) == [incomplete.pk]
    assert "a verdict" in result.skipped[incomplete.pk]
