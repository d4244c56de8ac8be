"""Optimistic locking: the second of two saves from the same version is refused, nothing lost."""

import threading

import pytest
from django.db import connection, connections, transaction

from claims.enums import Verdict
from claims.models import Claim, ClaimEvidence
from claims.services import review
from tests.factories import ensure_roles, make_claim, make_user

pytestmark = pytest.mark.django_db


def change_data(claim, **overrides):
    """The POST a reviewer's change form sends, with empty inline formsets."""
    data = {
        "speaker": claim.speaker_id or "",
        "mention": claim.mention,
        "kind": claim.kind,
        "said_on": "",
        "assignee": claim.assignee_id or "",
        "verdict": claim.verdict or "",
        "rationale": claim.rationale,
        "notes": claim.notes,
        "version": claim.version,
        "_save": "Save",
    }
    if claim.attribution_checked:
        data["attribution_checked"] = "on"
    for prefix in ("evidence", "stances", "links_out", "links_in"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(overrides)
    return data


def test_save_reviewed_claim_from_a_stale_version_is_refused_with_the_changes():
    claim = make_claim(rationale="")
    alice, bob = make_user(role="Reviewer"), make_user(role="Reviewer")
    alices_copy, bobs_copy = Claim.objects.get(pk=claim.pk), Claim.objects.get(pk=claim.pk)

    alices_copy.verdict, alices_copy.rationale = Verdict.FALSE, "Figures say otherwise."
    review.save_reviewed_claim(
        claim=alices_copy, user=alice, expected_version=1, changed=["verdict"]
    )
    bobs_copy.verdict = Verdict.TRUE
    with pytest.raises(review.StaleClaimError) as excinfo:
        review.save_reviewed_claim(
            claim=bobs_copy, user=bob, expected_version=1, changed=["verdict"]
        )

    claim.refresh_from_db()
    assert (claim.verdict, claim.rationale, claim.version) == (
        Verdict.FALSE,
        "Figures say otherwise.",
        2,
    )
    assert claim.reviewed_by == alice
    assert [(c.field, c.before, c.after) for c in excinfo.value.changes] == [
        ("verdict", "—", "False"),
        ("rationale", "—", "Figures say otherwise."),
    ]


def test_admin_second_save_from_same_version_is_refused_and_writes_nothing(client):
    claim = make_claim()
    alice, bob = make_user(role="Reviewer"), make_user(role="Reviewer")
    url = f"/admin/claims/claim/{claim.pk}/change/"
    client.force_login(alice)
    assert client.get(url).status_code == 200

    first = client.post(url, change_data(claim, verdict="false", rationale="Wrong figures."))
    client.force_login(bob)
    second = client.post(
        url,
        change_data(
            claim,
            verdict="true",
            rationale="Bob thinks it is right.",
            **{
                "evidence-TOTAL_FORMS": "1",
                "evidence-0-url": "https://bob.example/source",
                "evidence-0-title": "Bob's source",
            },
        ),
    )

    assert first.status_code == 302
    assert second.status_code == 200
    text = second.content.decode()
    assert "Someone else saved this claim while you had it open" in text
    assert "verdict: you opened “—”, it is now “False”" in text
    assert "rationale: you opened “—”, it is now “Wrong figures.”" in text
    claim.refresh_from_db()
    assert (claim.verdict, claim.rationale, claim.version) == ("false", "Wrong figures.", 2)
    assert not ClaimEvidence.objects.exists()


def test_admin_save_racing_past_the_form_check_is_rolled_back_with_inlines(client, monkeypatch):
    # The form's early check passes (the other save lands between it and the write): the
    # conditional UPDATE in the service still refuses, and the inline evidence is rolled back.
    claim = make_claim()
    bob = make_user(role="Reviewer")
    original_save = review.save_reviewed_claim

    def other_save_lands_first(**kwargs):
        Claim.objects.filter(pk=claim.pk).update(version=5, verdict="false")
        return original_save(**kwargs)

    monkeypatch.setattr(review, "save_reviewed_claim", other_save_lands_first)
    client.force_login(bob)
    response = client.post(
        f"/admin/claims/claim/{claim.pk}/change/",
        change_data(
            claim,
            verdict="true",
            **{"evidence-TOTAL_FORMS": "1", "evidence-0-url": "https://bob.example/a"},
        ),
        follow=True,
    )

    assert (
        "Not saved: someone else saved this claim while you had it open."
        in response.content.decode()
    )
    # The simulated other save ran inside the same request transaction, so it is rolled back
    # too; what matters is that none of Bob's values, inline evidence included, were written.
    claim.refresh_from_db()
    assert (claim.verdict, claim.version) == (None, 1)
    assert not ClaimEvidence.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_saves_on_postgresql_only_one_wins(on_postgresql):
    ensure_roles()  # an earlier transactional test's flush may have removed the groups
    claim = make_claim()
    alice, bob = make_user(role="Reviewer"), make_user(role="Reviewer")
    alice_holds_lock, outcome = threading.Event(), {}

    def save_as(user, verdict, *, hold=None):
        try:
            with transaction.atomic():
                copy = Claim.objects.get(pk=claim.pk)
                copy.verdict = verdict
                review.save_reviewed_claim(claim=copy, user=user, expected_version=1)
                if hold:
                    alice_holds_lock.set()
                    hold.wait()
            outcome[user.pk] = "saved"
        except review.StaleClaimError:
            outcome[user.pk] = "refused"
        finally:
            connections.close_all()

    release = threading.Event()
    alice_thread = threading.Thread(target=save_as, args=(alice, "false"), kwargs={"hold": release})
    alice_thread.start()
    alice_holds_lock.wait()
    bob_thread = threading.Thread(target=save_as, args=(bob, "true"))
    bob_thread.start()
    # Wait until Bob's UPDATE is really blocked on Alice's row lock, then let Alice commit.
    with connection.cursor() as cursor:
        while True:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
            if cursor.fetchone()[0]:
                break
    release.set()
    alice_thread.join()
    bob_thread.join()

    assert outcome == {alice.pk: "saved", bob.pk: "refused"}
    claim.refresh_from_db()
    assert (claim.verdict, claim.version) == ("false", 2)
