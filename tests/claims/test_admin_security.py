"""Hardening the review desk: no path lets a reviewer publish, delete or merge; hostile text is
inert; repeated wrong passwords lock a client out."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from claims.enums import ClaimStatus, Verdict
from claims.models import Claim, ClaimEvidence, Speaker, SpeakerMergeSuggestion
from claims.services import review
from tests.claims.test_locking import change_data
from tests.factories import (
    make_article,
    make_claim,
    make_evidence,
    make_speaker,
    make_user,
)

pytestmark = pytest.mark.django_db
S = ClaimStatus
CLAIMS = "/admin/claims/claim/"


@pytest.fixture
def reviewer(client):
    user = make_user(role="Reviewer")
    client.force_login(user)
    return user


def complete_claim(status=S.READY):
    claim = make_claim(
        status=status,
        verdict=Verdict.FALSE,
        rationale="The figures say otherwise.",
        attribution_checked=True,
        published_at=None,
    )
    make_evidence(claim)
    return claim


def snapshot(claim):
    claim = Claim.objects.get(pk=claim.pk)
    return (claim.status, claim.verdict, claim.rationale, claim.version, claim.published_at)


# --- A reviewer cannot publish, delete or merge, by any path ---------------------------------


def test_reviewer_posting_status_published_in_the_change_form_changes_no_status(client, reviewer):
    claim = complete_claim()

    response = client.post(
        f"{CLAIMS}{claim.pk}/change/",
        change_data(claim, status="published", published_at="2024-01-01 00:00"),
    )

    assert response.status_code == 302  # the rest of the form saved; status is not a form field
    claim.refresh_from_db()
    assert (claim.status, claim.published_at) == (S.READY, None)


def test_reviewer_editing_a_published_claim_is_refused_and_nothing_changes(client, reviewer):
    claim = complete_claim(S.PUBLISHED)
    before = snapshot(claim)

    page = client.get(f"{CLAIMS}{claim.pk}/change/")
    response = client.post(
        f"{CLAIMS}{claim.pk}/change/",
        change_data(
            claim,
            verdict="true",
            rationale="Tampered.",
            **{"evidence-TOTAL_FORMS": "1", "evidence-0-url": "https://x.example/"},
        ),
    )

    assert page.status_code == 200 and 'name="rationale"' not in page.content.decode()
    assert response.status_code == 403
    assert snapshot(claim) == before
    assert claim.evidence.count() == 1


@pytest.mark.parametrize(
    "action", ["publish", "unpublish", "dismiss", "restore", "delete_selected"]
)
def test_reviewer_bulk_editor_actions_are_refused(client, reviewer, action):
    ready, published, dismissed = (
        complete_claim(),
        complete_claim(S.PUBLISHED),
        complete_claim(S.DISMISSED),
    )
    before = [snapshot(c) for c in (ready, published, dismissed)]

    response = client.post(
        CLAIMS,
        {
            "action": action,
            ACTION_CHECKBOX_NAME: [ready.pk, published.pk, dismissed.pk],
            "index": 0,
            "post": "yes",
        },
        follow=True,
    )

    assert "No action selected." in response.content.decode()
    assert [snapshot(c) for c in (ready, published, dismissed)] == before


def test_reviewer_change_form_publish_action_is_refused(client, reviewer):
    claim = complete_claim()
    before = snapshot(claim)

    response = client.post(
        f"{CLAIMS}{claim.pk}/change/",
        {"CHANGE_FORM-action": "publish", ACTION_CHECKBOX_NAME: claim.pk, "index": 0},
        follow=True,
    )

    # The change page has no action menu (its transitions are the form's own save buttons),
    # so the post is an incomplete form: refused with errors, nothing changed.
    assert response.context["action_form"] is None
    assert response.context["adminform"].form.errors
    assert snapshot(claim) == before


def test_reviewer_delete_url_is_refused(client, reviewer):
    claim = complete_claim()

    get = client.get(f"{CLAIMS}{claim.pk}/delete/")
    post = client.post(f"{CLAIMS}{claim.pk}/delete/", {"post": "yes"})
    evidence = client.post(
        f"/admin/claims/claimevidence/{claim.evidence.get().pk}/delete/", {"post": "yes"}
    )

    assert (get.status_code, post.status_code) == (403, 403)
    assert evidence.status_code in (403, 404)  # evidence has no admin of its own
    assert Claim.objects.filter(pk=claim.pk).exists()
    assert ClaimEvidence.objects.filter(claim=claim).count() == 1


def test_reviewer_deleting_evidence_through_the_inline_is_ignored(client, reviewer):
    claim = complete_claim(S.IN_REVIEW)
    evidence = claim.evidence.get()

    client.post(
        f"{CLAIMS}{claim.pk}/change/",
        change_data(
            claim,
            **{
                "evidence-TOTAL_FORMS": "1",
                "evidence-INITIAL_FORMS": "1",
                "evidence-0-id": evidence.pk,
                "evidence-0-claim": claim.pk,
                "evidence-0-url": evidence.url,
                "evidence-0-DELETE": "on",
            },
        ),
    )

    assert ClaimEvidence.objects.filter(pk=evidence.pk).exists()


def test_reviewer_history_revert_to_a_published_version_is_refused(client, reviewer):
    claim = complete_claim()
    editor = make_user(role="Editor")
    review.publish_claim(claim=claim, user=editor)
    published_version = claim.history.first()
    review.unpublish_claim(claim=claim, user=editor)
    before = snapshot(claim)

    response = client.post(
        f"{CLAIMS}{claim.pk}/history/{published_version.history_id}/",
        change_data(published_version.instance, version=before[3]),
    )

    assert response.status_code == 403
    assert snapshot(claim) == before
    assert before[0] == S.READY


def test_reviewer_history_revert_of_a_published_claim_is_refused(client, reviewer):
    claim = make_claim()
    editor = make_user(role="Editor")
    review.record_verdict(claim=claim, verdict=Verdict.TRUE, rationale="Old.", user=editor)
    old = claim.history.first()
    claim = complete_claim_from(claim)
    review.mark_ready(claim=claim, user=editor)
    review.publish_claim(claim=claim, user=editor)
    before = snapshot(claim)

    response = client.post(
        f"{CLAIMS}{claim.pk}/history/{old.history_id}/",
        change_data(old.instance, version=before[3]),
    )

    assert response.status_code == 403
    assert snapshot(claim) == before


def complete_claim_from(claim):
    Claim.objects.filter(pk=claim.pk).update(attribution_checked=True)
    make_evidence(claim)
    return Claim.objects.get(pk=claim.pk)


def test_reviewer_cannot_merge_speakers_by_any_path(client, reviewer):
    keep, dupe = make_speaker(name="Hanna Maliar"), make_speaker(name="Hanna Maliar (2)")
    suggestion = SpeakerMergeSuggestion.objects.create(speaker=dupe, candidate=keep, reason="x")

    view = client.post(f"/admin/claims/speaker/{keep.pk}/merge/", {"merge": dupe.pk})
    action = client.post(
        "/admin/claims/speaker/",
        {
            "action": "merge_selected",
            ACTION_CHECKBOX_NAME: [keep.pk, dupe.pk],
            "index": 0,
            "keep": keep.pk,
            "apply": "1",
        },
        follow=True,
    )
    accept = client.post(
        "/admin/claims/speakermergesuggestion/",
        {"action": "accept", ACTION_CHECKBOX_NAME: [suggestion.pk], "index": 0},
        follow=True,
    )
    page = client.get(f"/admin/claims/speaker/{keep.pk}/change/").content.decode()

    assert view.status_code == 403
    # Reviewers have no speaker actions at all: the POST just shows the list again.
    assert "Which speaker do the others become?" not in action.content.decode()
    assert "Merged “" not in accept.content.decode()  # reviewers only view suggestions
    assert "Merge into this speaker" not in page
    assert Speaker.objects.count() == 2
    suggestion.refresh_from_db()
    assert suggestion.status == "open"


def test_reviewer_cannot_link_from_a_published_claim(client, reviewer):
    claim, other = complete_claim(S.PUBLISHED), make_claim()

    response = client.post(f"{CLAIMS}{claim.pk}/link-similar/", {"link_to": f"{other.pk}:repeats"})

    assert response.status_code == 403
    assert not claim.links_out.exists()


def test_staff_without_a_role_sees_no_claims(client):
    client.force_login(make_user())
    claim, other = make_claim(), make_claim()

    assert client.get(CLAIMS).status_code == 403
    assert client.get(f"{CLAIMS}{claim.pk}/change/").status_code == 403
    assert (
        client.post(
            f"{CLAIMS}{claim.pk}/link-similar/", {"link_to": f"{other.pk}:repeats"}
        ).status_code
        == 403
    )


# --- Hostile content is inert ----------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'


def hostile_claim():
    body = f"{SCRIPT} The general {IMG} said the \u202eretaw\u202c was safe\u200b. End."
    article = make_article(headline=f"Headline {SCRIPT}", body=body)
    speaker = make_speaker(name=f"Evil\u202eName {IMG}")
    start = body.index("the \u202e")
    return make_claim(
        article=article,
        speaker=speaker,
        start=start,
        end=body.index(". End"),
        mention_start=body.index("The general"),
        mention_end=body.index(" said"),
        rationale=f"Because {SCRIPT}",
    )


@pytest.mark.parametrize(
    "url",
    [
        lambda c: CLAIMS,
        lambda c: f"{CLAIMS}{c.pk}/change/",
        lambda c: f"{CLAIMS}{c.pk}/history/",
        lambda c: f"/admin/claims/article/{c.article_id}/change/",
        lambda c: "/admin/claims/article/",
        lambda c: "/admin/claims/speaker/",
        lambda c: f"/admin/claims/speaker/{c.speaker_id}/change/",
        lambda c: "/admin/",
    ],
    ids=["changelist", "change", "history", "article", "articles", "speakers", "speaker", "index"],
)
def test_hostile_text_is_escaped_on_every_admin_page(client, url):
    claim = hostile_claim()
    claim.assignee = make_user(role="Editor")
    claim.save()
    client.force_login(claim.assignee)

    text = client.get(url(claim)).content.decode()

    assert SCRIPT not in text
    assert "<img src=x" not in text
    assert 'onerror="alert' not in text


def test_review_context_shows_invisible_characters_visibly(client):
    claim = hostile_claim()
    client.force_login(make_user(role="Reviewer"))

    text = client.get(f"{CLAIMS}{claim.pk}/change/").content.decode()
    context = text.split('<blockquote class="claim-context">')[1].split("</blockquote>")[0]

    assert "\u202e" not in context and "\u200b" not in context
    assert '<code class="invisible-char" title="invisible character">[U+202E]</code>' in context
    assert "[U+200B]" in context and "[U+202C]" in context
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in context


def test_changelist_shows_invisible_characters_in_speaker_names(client):
    hostile_claim()
    client.force_login(make_user(role="Reviewer"))

    text = client.get(CLAIMS).content.decode()

    speaker_cell = text.split('<td class="field-speaker_name">')[1].split("</td>")[0]
    claim_cell = text.split('<th class="field-excerpt">')[1].split("</th>")[0]

    assert speaker_cell == (
        'Evil<code class="invisible-char" title="invisible character">[U+202E]</code>'
        "Name &lt;img src=x onerror=&quot;alert(2)&quot;&gt;"
    )
    assert "\u202e" not in claim_cell and "[U+202E]" in claim_cell


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "ftp://files.example/evidence.pdf",
    ],
)
def test_evidence_with_a_non_web_url_is_a_form_error(client, url):
    claim = make_claim()
    client.force_login(make_user(role="Reviewer"))

    response = client.post(
        f"{CLAIMS}{claim.pk}/change/",
        change_data(claim, **{"evidence-TOTAL_FORMS": "1", "evidence-0-url": url}),
    )

    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors
    assert errors[0]["url"] in (
        ["Only http:// and https:// links are accepted."],
        ["Enter a valid URL."],
    )
    assert not ClaimEvidence.objects.exists()
    claim.refresh_from_db()
    assert claim.version == 1


# --- Login throttling ------------------------------------------------------------------------


def test_repeated_wrong_passwords_lock_the_client_out(client, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    make_user(username="target", role="Reviewer", password="the right password")
    login = "/admin/login/?next=/admin/"

    wrong = [client.post(login, {"username": "target", "password": f"guess {i}"}) for i in range(3)]
    right = client.post(login, {"username": "target", "password": "the right password"})

    assert [r.status_code for r in wrong[:2]] == [200, 200]
    assert "Please enter the correct username and password" in wrong[0].content.decode()
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
