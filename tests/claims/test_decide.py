"""Deciding in one step: every transition on the claim page saves the form first, and a refused
transition keeps everything typed and says what is missing."""

import pytest

from claims.enums import ClaimStatus, Verdict
from claims.models import Claim, ClaimEvidence
from tests.claims.test_locking import change_data
from tests.factories import make_claim, make_evidence, make_user

pytestmark = pytest.mark.django_db
S = ClaimStatus


def url(claim):
    return f"/admin/claims/claim/{claim.pk}/change/"


def with_evidence(data, link="https://stats.example/table-4"):
    return {**data, "evidence-TOTAL_FORMS": "1", "evidence-0-url": link, "evidence-0-title": "T4"}


def decide(claim, to, **fields):
    data = change_data(claim, **fields)
    data.pop("_save")
    return {**data, "_transition": to}


@pytest.mark.parametrize("status", [S.NEW, S.IN_REVIEW])
def test_save_and_mark_ready_saves_the_typed_review_then_moves_it(client, status):
    claim = make_claim(status=status)
    client.force_login(make_user(role="Reviewer"))

    response = client.post(
        url(claim),
        with_evidence(
            decide(
                claim,
                S.READY,
                verdict=Verdict.FALSE,
                rationale="Table 4 shows the opposite.",
                attribution_checked="on",
            )
        ),
    )

    assert response.status_code == 302 and response.url == url(claim)
    claim.refresh_from_db()
    assert (claim.status, claim.verdict, claim.rationale, claim.attribution_checked) == (
        S.READY,
        Verdict.FALSE,
        "Table 4 shows the opposite.",
        True,
    )
    assert list(claim.evidence.values_list("url", flat=True)) == ["https://stats.example/table-4"]


def test_refused_transition_keeps_everything_typed_and_names_what_is_missing(client):
    claim = make_claim(status=S.IN_REVIEW)
    client.force_login(make_user(role="Reviewer"))

    response = client.post(
        url(claim),
        decide(claim, S.READY, verdict=Verdict.FALSE, rationale="Typed, not yet saved."),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "Cannot mark ready: the claim needs at least one evidence link and the attribution check."
        in page
    )
    assert "Typed, not yet saved.</textarea>" in page
    assert '<option value="false" selected>' in page
    claim.refresh_from_db()
    assert (claim.status, claim.verdict, claim.rationale, claim.version) == (
        S.IN_REVIEW,
        None,
        "",
        1,
    )


def test_evidence_deleted_in_the_same_post_does_not_count_towards_ready(client):
    claim = make_claim(status=S.IN_REVIEW, verdict=Verdict.TRUE, rationale="R.")
    claim.attribution_checked = True
    claim.save()
    evidence = make_evidence(claim)
    client.force_login(make_user(role="Reviewer"))

    response = client.post(
        url(claim),
        {
            **decide(claim, S.READY),
            "evidence-TOTAL_FORMS": "1",
            "evidence-INITIAL_FORMS": "1",
            "evidence-0-id": evidence.pk,
            "evidence-0-claim": claim.pk,
            "evidence-0-url": evidence.url,
            "evidence-0-DELETE": "on",
        },
    )

    assert "the claim needs at least one evidence link." in response.content.decode()
    assert ClaimEvidence.objects.filter(pk=evidence.pk).exists()
    assert Claim.objects.get(pk=claim.pk).status == S.IN_REVIEW


def test_editor_saves_and_publishes_in_one_step(client):
    claim = make_claim(status=S.READY, verdict=Verdict.TRUE, rationale="R.")
    claim.attribution_checked = True
    claim.save()
    make_evidence(claim)
    client.force_login(make_user(role="Editor"))

    response = client.post(url(claim), decide(claim, S.PUBLISHED, rationale="Final wording."))

    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.rationale) == (S.PUBLISHED, "Final wording.")
    assert claim.published_at is not None


def test_reviewer_save_and_publish_is_refused_and_nothing_is_saved(client):
    claim = make_claim(status=S.READY, verdict=Verdict.TRUE, rationale="R.")
    claim.attribution_checked = True
    claim.save()
    make_evidence(claim)
    client.force_login(make_user(role="Reviewer"))

    response = client.post(url(claim), decide(claim, S.PUBLISHED, rationale="Sneaked in."))

    assert response.status_code == 403
    claim.refresh_from_db()
    assert (claim.status, claim.rationale) == (S.READY, "R.")


def test_unknown_transition_is_a_400(client):
    claim = make_claim()
    client.force_login(make_user(role="Reviewer"))

    response = client.post(url(claim), decide(claim, "launched"))

    assert response.status_code == 400


@pytest.mark.parametrize(
    ("role", "status", "buttons"),
    [
        ("Reviewer", S.NEW, ["Save and start review", "Save and mark ready"]),
        ("Reviewer", S.IN_REVIEW, ["Save and mark ready"]),
        ("Reviewer", S.READY, ["Save and send back"]),
        ("Editor", S.READY, ["Save and send back", "Save and publish", "Save and dismiss"]),
        ("Reviewer", S.PUBLISHED, []),
    ],
)
def test_change_page_offers_the_transitions_open_to_the_user_as_save_buttons(
    client, role, status, buttons
):
    claim = make_claim(status=status, verdict=Verdict.TRUE if status == S.PUBLISHED else None)
    client.force_login(make_user(role=role))

    response = client.get(url(claim))

    page = response.content.decode()
    row = page.split('id="decide"')[1].split("</div>")[0] if 'id="decide"' in page else ""
    shown = [b.split(">")[1] for b in row.split("<button")[1:] if 'name="_transition"' in b]
    assert shown == [f"{b}</button" for b in buttons]
    assert ("Save and next in my queue" in row) == (status != S.PUBLISHED)
    # No action menu beside the save buttons: a menu action would discard what was typed.
    assert response.context["action_form"] is None


def test_save_and_next_saves_then_opens_the_next_claim_in_my_queue(client):
    reviewer = make_user(role="Reviewer")
    claim = make_claim(assignee=reviewer)
    mine = make_claim(assignee=reviewer)
    make_claim(assignee=make_user(role="Reviewer"))  # someone else's: never next
    client.force_login(reviewer)

    page = client.get(url(claim)).content.decode()
    data = change_data(claim, rationale="Typed before moving on.")
    data.pop("_save")
    response = client.post(url(claim), {**data, "_save_next": "1"})

    assert f'<a href="{url(mine)}" id="next-in-queue" accesskey="j">Next in my queue</a>' in page
    assert response.status_code == 302 and response.url == url(mine)
    assert Claim.objects.get(pk=claim.pk).rationale == "Typed before moving on."


def test_save_and_next_with_an_empty_queue_returns_to_the_list(client):
    reviewer = make_user(role="Reviewer")
    claim = make_claim(assignee=reviewer, status=S.IN_REVIEW)
    client.force_login(reviewer)

    data = change_data(claim)
    data.pop("_save")
    response = client.post(url(claim), {**data, "_save_next": "1"})

    assert response.url == "/admin/claims/claim/"


def test_claim_page_shows_outlet_date_and_source_link_beside_the_paragraph(client):
    from claims.models import Article
    from tests.factories import make_outlet

    claim = make_claim()
    Article.objects.filter(pk=claim.article_id).update(
        outlet=make_outlet(name="The Wire"),
        published="2024-03-05",
        url="https://wire.example/story",
    )
    client.force_login(make_user(role="Reviewer"))

    page = client.get(url(claim)).content.decode()

    source = page.split('<p class="claim-source">')[1].split("</p>")[0]
    assert source.startswith("The Wire · 2024-03-05 · <a href=")
    assert (
        '<a href="https://wire.example/story" rel="noopener noreferrer" target="_blank">'
        "https://wire.example/story</a>"
    ) in page


def test_claim_page_never_links_a_non_web_source_url(client):
    from claims.models import Article

    claim = make_claim()
    Article.objects.filter(pk=claim.article_id).update(url="javascript:alert(1)")
    client.force_login(make_user(role="Reviewer"))

    page = client.get(url(claim)).content.decode()

    assert 'class="claim-source-url"' not in page and 'href="javascript:' not in page
