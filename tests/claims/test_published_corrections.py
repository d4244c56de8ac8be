"""Corrections of published verdicts (issue 12): one service, a public note, a record, a page
and a feed; a published verdict never changes silently."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from claims.enums import ClaimStatus
from claims.models import Claim, Correction
from claims.services import review
from tests.claims.test_jsonld import ld_blocks
from tests.claims.test_locking import change_data
from tests.factories import make_claim, make_published_claim, make_speaker, make_user

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def published(**fields):
    return make_published_claim(
        speaker=make_speaker(name="Ada Minister"),
        content="the bridge cost 40 million euros",
        verdict="mostly_true",
        rationale="The budget says 38 million.",
        **fields,
    )


def test_correct_claim_records_the_correction_and_bumps_the_claim():
    claim = published()
    editor = make_user(role="Editor")
    before = Claim.objects.get(pk=claim.pk)

    correction = review.correct_claim(
        claim, editor, verdict="false", note="  The budget was  misread. "
    )

    claim.refresh_from_db()
    assert (claim.verdict, claim.rationale) == ("false", "The budget says 38 million.")
    assert claim.version == before.version + 1 and claim.updated > before.updated
    assert (
        correction.claim,
        correction.previous_verdict,
        correction.new_verdict,
        correction.previous_rationale,
        correction.note,
        correction.created_by,
    ) == (
        claim,
        "mostly_true",
        "false",
        "The budget says 38 million.",
        "The budget was misread.",
        editor,
    )
    assert Correction.objects.count() == 1


def test_correct_claim_changes_the_rationale_alone():
    claim = published()

    correction = review.correct_claim(
        claim, make_user(role="Editor"), rationale="The budget says 41 million.", note="Typo."
    )

    claim.refresh_from_db()
    assert (claim.verdict, claim.rationale) == ("mostly_true", "The budget says 41 million.")
    assert (correction.previous_verdict, correction.new_verdict) == ("mostly_true", "mostly_true")
    assert correction.previous_rationale == "The budget says 38 million."


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"verdict": "false", "note": "   "}, "note_required"),
        ({"verdict": "mostly_true", "note": "Nothing really."}, "no_change"),
        ({"verdict": "not_a_verdict", "note": "Bad value."}, None),
    ],
)
def test_correct_claim_refuses_bad_input_and_changes_nothing(changes, code):
    claim = published()

    with pytest.raises(ValidationError) as caught:
        review.correct_claim(claim, make_user(role="Editor"), **changes)

    if code:
        assert caught.value.code == code
    claim.refresh_from_db()
    assert (claim.verdict, claim.version) == ("mostly_true", 1)
    assert not Correction.objects.exists()


def test_correct_claim_is_for_editors_and_published_claims_only():
    claim = published()
    with pytest.raises(PermissionDenied):
        review.correct_claim(claim, make_user(role="Reviewer"), verdict="false", note="No.")
    ready = make_claim(status=ClaimStatus.READY, verdict="true", rationale="So it is.")
    with pytest.raises(ValidationError) as caught:
        review.correct_claim(ready, make_user(role="Editor"), verdict="false", note="No.")
    assert caught.value.code == "not_published"
    assert not Correction.objects.exists()


def test_published_verdict_never_changes_silently():
    claim = published()
    editor = make_user(role="Editor")

    with pytest.raises(ValidationError) as caught:
        review.record_verdict(claim=claim, verdict="false", rationale=claim.rationale, user=editor)
    assert caught.value.code == "correction_required"
    edited = Claim.objects.get(pk=claim.pk)
    edited.rationale = "Quietly rewritten."
    with pytest.raises(ValidationError):
        review.save_reviewed_claim(
            claim=edited, user=editor, expected_version=edited.version, changed=["rationale"]
        )

    claim.refresh_from_db()
    assert (claim.verdict, claim.rationale) == ("mostly_true", "The budget says 38 million.")


def test_claim_page_shows_the_correction_with_the_previous_verdict(client):
    claim = published()
    review.correct_claim(claim, make_user(role="Editor"), verdict="false", note="Misread budget.")
    today = timezone.localdate()

    response = client.get(claim.get_absolute_url())
    html = response.content.decode()

    assert (
        f'Corrected on <time datetime="{today:%Y-%m-%d}">{today.day} {today:%B %Y}</time>: Misread budget.'
        in html
    )
    assert "Previous verdict: Mostly true." in html
    (block,) = ld_blocks(response)
    assert block["dateModified"] == Claim.objects.get(pk=claim.pk).updated.date().isoformat()
    assert block["reviewRating"]["alternateName"] == "False"


def make_corrections(n):
    editor = make_user(role="Editor")
    claims = []
    for i in range(n):
        claim = published()
        review.correct_claim(claim, editor, verdict="false", note=f"Correction {i}.")
        Correction.objects.filter(claim=claim).update(
            created=timezone.now() - datetime.timedelta(days=n - i)
        )
        claims.append(claim)
    return claims


def test_corrections_page_lists_newest_first_and_hides_unpublished_claims(client):
    make_corrections(2)
    withdrawn = published()
    review.correct_claim(withdrawn, make_user(role="Editor"), verdict="true", note="Withdrawn one.")
    Claim.objects.filter(pk=withdrawn.pk).update(status=ClaimStatus.IN_REVIEW)

    html = client.get(reverse("claims:corrections")).content.decode()

    assert html.index("Correction 1.") < html.index("Correction 0.")
    assert "Withdrawn one." not in html
    assert "Verdict: Mostly true → False" in html
    assert "Ada Minister said that the bridge cost 40 million euros" in html


@pytest.mark.parametrize("rows", [1, 3])
def test_corrections_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    make_corrections(rows)

    # 1 the count, 2 the page of corrections with claim and speaker.
    with django_assert_num_queries(2):
        response = client.get(reverse("claims:corrections"))

    assert len(response.context["page_obj"].object_list) == rows


def test_corrections_feed_lists_corrections_newest_first(client):
    claims = make_corrections(2)

    response = client.get(reverse("claims:feed-corrections"))

    root = ET.fromstring(response.content)  # noqa: S314 -- our own feed, generated in the test
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}summary") for e in entries] == ["Correction 1.", "Correction 0."]
    assert entries[0].findtext(f"{ATOM}title") == (
        "Corrected: Mostly true → False: Ada Minister said that the bridge cost 40 million euros"
    )
    assert (
        entries[0]
        .find(f"{ATOM}link")
        .get("href")
        .endswith(f"/claims/{claims[1].pk}/#correction-{claims[1].corrections.get().pk}")
    )


# --- The desk's change form ------------------------------------------------------------------


def test_desk_change_form_refuses_a_published_verdict_change_without_a_note(client):
    claim = published()
    client.force_login(make_user(role="Editor"))

    response = client.post(
        f"/admin/claims/claim/{claim.pk}/change/", change_data(claim, verdict="false")
    )

    assert response.status_code == 200  # the form again, with the error
    assert "changing its verdict or rationale is a public correction" in response.content.decode()
    claim.refresh_from_db()
    assert claim.verdict == "mostly_true" and not Correction.objects.exists()


def test_desk_change_form_corrects_a_published_claim_through_correct_claim(client):
    claim = published()
    editor = make_user(role="Editor")
    client.force_login(editor)

    response = client.post(
        f"/admin/claims/claim/{claim.pk}/change/",
        change_data(
            claim,
            verdict="false",
            notes="Checked the budget twice.",
            correction_note="The budget was misread.",
        ),
    )

    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.verdict, claim.notes, claim.status) == (
        "false",
        "Checked the budget twice.",
        ClaimStatus.PUBLISHED,
    )
    correction = Correction.objects.get()
    assert (correction.previous_verdict, correction.new_verdict, correction.note) == (
        "mostly_true",
        "false",
        "The budget was misread.",
    )
    assert correction.created_by == editor


# --- Who checked it --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("credit", "first_name", "shown"),
    [(False, "Grace", "Fact Desk"), (True, "Grace", "Grace Hopper"), (True, "", "Fact Desk")],
)
def test_claim_page_says_who_checked_it_and_when(client, settings, credit, first_name, shown):
    settings.CLAIMDESK_CREDIT_REVIEWERS = credit
    settings.CLAIMDESK_PUBLISHER_NAME = "Fact Desk"
    reviewer = make_user(
        username="ghopper", first_name=first_name, last_name="Hopper" if first_name else ""
    )
    when = datetime.datetime(2025, 3, 4, 12, 0, tzinfo=datetime.UTC)
    claim = published(reviewed_by=reviewer, reviewed_at=when, published_at=when)

    html = client.get(claim.get_absolute_url()).content.decode()

    assert (
        f'Checked by {shown}, reviewed <time datetime="2025-03-04">4 March 2025</time>, '
        'published <time datetime="2025-03-04">4 March 2025</time>.'
    ) in html
    assert "ghopper" not in html  # a login name is never public


# --- Methodology -----------------------------------------------------------------------------


def test_methodology_explains_every_verdict_with_the_json_ld_rating(
    client, django_assert_num_queries
):
    from claims.enums import Verdict
    from claims.public.jsonld import claim_review

    # 1: the editors' methodology text (the rating scale itself needs no query).
    with django_assert_num_queries(1):
        html = client.get(reverse("claims:methodology")).content.decode()

    for verdict in Verdict:
        row = html.split(f'<tr id="verdict-{verdict.value}">', 1)[1].split("</tr>", 1)[0]
        claim = make_published_claim(verdict=verdict.value)
        review_rating = claim_review(claim, url="x")["reviewRating"]
        expected = review_rating.get("ratingValue")
        assert str(verdict.label) in row and verdict.meaning in row
        assert (f"{expected} of 6" if expected else "not rated") in row
