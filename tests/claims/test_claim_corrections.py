"""The desk's correction screen (claims/desk/claim_corrections.py): editors correct a published
claim's verdict and/or rationale with a required public note, through review.correct_claim."""

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from claims.models import Claim, Correction
from claims.services import review
from tests.factories import make_claim, make_published_claim, make_speaker, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    return make_published_claim(
        speaker=make_speaker(name="Ada Minister"),
        content="the bridge cost 40 million euros",
        verdict="mostly_true",
        rationale="The budget says 38 million.",
    )


@pytest.fixture
def editor(client):
    user = make_user(role="Editor", username="eddie")
    client.force_login(user)
    return user


def correct_url(claim):
    return f"/admin/claims/claim/{claim.pk}/correct/"


def post(client, claim, **fields):
    data = {
        "verdict": claim.verdict,
        "rationale": claim.rationale,
        "note": "",
        "version": Claim.objects.get(pk=claim.pk).version,
        **fields,
    }
    return client.post(correct_url(claim), data)


def stored(claim):
    row = Claim.objects.get(pk=claim.pk)
    return row.verdict, row.rationale, row.corrections.count()


def test_editor_sees_the_form_filled_with_the_published_verdict_and_rationale(
    client, editor, claim
):
    response = client.get(correct_url(claim))

    form = response.context["form"]
    html = response.content.decode()
    assert response.status_code == 200
    assert {k: form[k].value() for k in ("verdict", "rationale", "note")} == {
        "verdict": "mostly_true",
        "rationale": "The budget says 38 million.",
        "note": None,
    }
    assert "Ada Minister said that the bridge cost 40 million euros" in html
    assert "Verdict now: <strong>Mostly true</strong>" in html


def test_correction_changes_the_verdict_and_the_public_page_says_so(client, editor, claim):
    response = post(client, claim, verdict="false", note="The budget was misread.")

    assert (response.status_code, response["Location"]) == (
        302,
        f"/admin/claims/claim/{claim.pk}/change/",
    )
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.startswith("Corrected in public: Ada Minister said that the bridge cost")
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
        "The budget was misread.",
        editor,
    )
    assert stored(claim) == ("false", "The budget says 38 million.", 1)
    client.logout()
    page = client.get(claim.get_absolute_url()).content.decode()
    today = timezone.now()
    assert (
        f'Corrected on <time datetime="{today:%Y-%m-%d}">{today.day} {today:%B %Y}</time>: '
        "The budget was misread. "
        '<span class="previous-verdict">Previous verdict: Mostly true.</span>'
    ) in page


def test_correction_of_the_rationale_alone(client, editor, claim):
    post(client, claim, rationale="The budget says 35 million.", note="Wrong figure quoted.")

    assert stored(claim) == ("mostly_true", "The budget says 35 million.", 1)


@pytest.mark.parametrize("note", ["", "   \n  "])
def test_note_is_required_and_nothing_changes_without_it(client, editor, claim, note):
    response = post(client, claim, verdict="false", note=note)

    assert response.status_code == 200
    assert response.context["form"].errors == {"note": ["This field is required."]}
    assert stored(claim) == ("mostly_true", "The budget says 38 million.", 0)


def test_a_correction_that_changes_nothing_is_refused(client, editor, claim):
    response = post(client, claim, note="Nothing, really.")

    assert response.context["form"].errors == {
        "__all__": ["The correction changes neither the verdict nor the rationale."]
    }
    assert stored(claim) == ("mostly_true", "The budget says 38 million.", 0)


def test_a_form_opened_before_someone_else_saved_is_refused(client, editor, claim):
    opened = Claim.objects.get(pk=claim.pk).version
    post(client, claim, verdict="false", note="First correction.")

    response = post(client, claim, verdict="true", note="Second one.", version=opened)

    assert response.status_code == 200
    [error] = response.context["form"].errors["__all__"]
    assert error.startswith("Someone else saved this claim while you had it open")
    assert stored(claim) == ("false", "The budget says 38 million.", 1)


@pytest.mark.parametrize("role", ["Reviewer", None])
def test_only_editors_see_or_post_the_correction_screen(client, claim, role):
    client.force_login(make_user(role=role))

    shown = client.get(correct_url(claim))
    posted = post(client, claim, verdict="false", note="Not allowed.")

    assert (shown.status_code, posted.status_code) == (403, 403)
    assert stored(claim) == ("mostly_true", "The budget says 38 million.", 0)


def test_signed_out_visitor_is_sent_to_the_login_page(client, claim):
    response = client.get(correct_url(claim))

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_unpublished_claim_is_not_corrected_here(client, editor):
    draft = make_claim(status="in_review", verdict="false", rationale="Draft.")

    response = client.get(correct_url(draft))
    posted = post(client, draft, verdict="true", note="Not published.")

    assert (response.status_code, response["Location"]) == (
        302,
        f"/admin/claims/claim/{draft.pk}/change/",
    )
    assert posted.status_code == 302
    assert stored(draft) == ("false", "Draft.", 0)


def test_unknown_claim_is_404(client, editor):
    assert client.get("/admin/claims/claim/999999/correct/").status_code == 404


def test_change_page_links_to_the_correction_screen_for_editors_only(client, claim):
    link = f'<a href="/admin/claims/claim/{claim.pk}/correct/" id="correct-claim-link">'
    change = f"/admin/claims/claim/{claim.pk}/change/"
    draft = make_claim()

    client.force_login(make_user(role="Editor"))
    as_editor = client.get(change).content.decode()
    on_draft = client.get(f"/admin/claims/claim/{draft.pk}/change/").content.decode()
    client.force_login(make_user(role="Reviewer"))
    as_reviewer = client.get(change).content.decode()

    assert [link in as_editor, 'id="correct-claim-link"' in on_draft] == [True, False]
    assert 'id="correct-claim-link"' not in as_reviewer


@pytest.mark.parametrize("rows", [1, 3])
def test_correction_screen_runs_a_fixed_number_of_queries(
    client, editor, claim, django_assert_num_queries, rows
):
    for n in range(rows):
        review.correct_claim(claim, editor, rationale=f"Rationale {n}.", note=f"Fix {n}.")

    # 1 the session, 2 the user, 3-4 the user's and the groups' permissions, 5 the claim
    # (ClaimAdmin's queryset), 6 its tags (prefetched there), 7 the earlier corrections with
    # who made them.
    with django_assert_num_queries(7):
        response = client.get(correct_url(claim))

    assert len(response.context["corrections"]) == rows
