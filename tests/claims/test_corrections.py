"""Correcting the machine: every correction is recorded as ExtractionFeedback, through one
service, whatever screen it came from."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims.enums import ClaimStatus, Verdict
from claims.models import Claim, ExtractionFeedback, SpeakerAlias
from claims.services import review
from claims.services.speaker_edits import forgotten_reason
from tests.claims.test_locking import change_data
from tests.factories import make_alias, make_article, make_claim, make_speaker, make_user

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
    removed = SpeakerAlias.history.filter(alias="Mr. Dmytro", history_type="-").get()
    assert (removed.speaker_id, removed.history_user, removed.history_change_reason) == (
        wrong.pk,
        reviewer,
        forgotten_reason(claim.pk),
    )


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


# --- Correcting the span ---------------------------------------------------------------------

SPAN_BODY = "The minister said \u202eexports doubled last year, and imports fell. Then she left."


def span_claim():
    article = make_article(body=SPAN_BODY)
    start = SPAN_BODY.index("exports")
    return machine_claim(article=article, start=start, end=SPAN_BODY.index(", and"))


def post_span(client, claim, target, start, end, text=None):
    data = {"span_target": target, "span_start": start, "span_end": end}
    if text is not None:
        data["span_text"] = text
    return client.post(f"{CLAIMS}{claim.pk}/span/", data, follow=True)


def test_reviewer_widens_the_claim_to_the_selected_text(client):
    claim = span_claim()
    reviewer = make_user(role="Reviewer")
    client.force_login(reviewer)
    start, end = SPAN_BODY.index("\u202eexports"), SPAN_BODY.index(". Then")

    response = post_span(client, claim, "content", start, end, SPAN_BODY[start:end])

    assert "The claim now covers the selected text." in response.content.decode()
    claim.refresh_from_db()
    assert (claim.start, claim.end, claim.content, claim.version) == (
        start,
        end,
        "\u202eexports doubled last year, and imports fell",
        2,
    )
    feedback = ExtractionFeedback.objects.get()
    assert (feedback.kind, feedback.before["end"], feedback.after["end"]) == (
        "wrong_span",
        SPAN_BODY.index(", and"),
        end,
    )


def test_reviewer_sets_the_speaker_mention_from_a_selection(client):
    claim = span_claim()
    client.force_login(make_user(role="Reviewer"))

    post_span(client, claim, "mention", 0, 12, "The minister")

    claim.refresh_from_db()
    assert (claim.mention, claim.mention_start, claim.mention_end) == ("The minister", 0, 12)
    assert ExtractionFeedback.objects.get().after["target"] == "mention"


@pytest.mark.parametrize(
    ("start", "end", "text", "message"),
    [
        (4, 12, "minister!", "does not match the article at those offsets"),
        (4, 999, None, "is not inside the article text"),
        (12, 13, " ", "only white space"),
    ],
)
def test_a_span_that_does_not_fit_the_article_changes_nothing(client, start, end, text, message):
    claim = span_claim()
    client.force_login(make_user(role="Reviewer"))

    response = post_span(client, claim, "content", start, end, text)

    assert message in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).version == 1
    assert not ExtractionFeedback.objects.exists()


def test_a_span_another_claim_has_is_refused(client):
    claim = span_claim()
    other = make_claim(article=claim.article, start=0, end=12)
    client.force_login(make_user(role="Reviewer"))

    response = post_span(client, claim, "content", other.start, other.end, "The minister")

    assert "Another claim has exactly that span." in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).start == SPAN_BODY.index("exports")


@pytest.mark.parametrize(
    "data",
    [
        {"span_target": "content", "span_start": "a", "span_end": "3"},
        {"span_target": "speaker", "span_start": "1", "span_end": "3"},
        {"span_target": "content"},
    ],
)
def test_span_view_with_junk_input_is_a_400(client, data):
    claim = span_claim()
    client.force_login(make_user(role="Reviewer"))

    assert client.post(f"{CLAIMS}{claim.pk}/span/", data).status_code == 400


def test_reviewer_cannot_move_a_published_claims_span(client):
    claim = span_claim()
    Claim.objects.filter(pk=claim.pk).update(status=S.PUBLISHED, verdict=Verdict.TRUE)
    client.force_login(make_user(role="Reviewer"))

    response = client.post(
        f"{CLAIMS}{claim.pk}/span/", {"span_target": "content", "span_start": 0, "span_end": 12}
    )

    assert response.status_code == 403


def test_claim_page_shows_the_text_with_its_offset_and_loads_the_selection_script(client):
    claim = span_claim()
    client.force_login(make_user(role="Reviewer"))

    page = client.get(f"{CLAIMS}{claim.pk}/change/").content.decode()

    assert '<span class="article-text" data-start="0">' in page
    assert '<script src="/static/claims/desk/select-span.js" defer></script>' in page
    assert f'formaction="{CLAIMS}{claim.pk}/span/"' in page


# --- Adding a missed claim from the article page ---------------------------------------------

MISSED_BODY = "Opening line.\n\nThe mayor insisted the water was clean. Residents disagreed."


def post_missed(client, article, start, end, text, speaker_name="", kind="indirect"):
    return client.post(
        f"/admin/claims/article/{article.pk}/add-claim/",
        {
            "span_start": start,
            "span_end": end,
            "span_text": text,
            "speaker_name": speaker_name,
            "kind": kind,
        },
        follow=True,
    )


def test_reviewer_adds_a_missed_claim_from_the_article_page(client):
    article = make_article(body=MISSED_BODY)
    mayor = make_speaker(name="Jane Mayor")
    reviewer = make_user(role="Reviewer")
    client.force_login(reviewer)
    start, end = MISSED_BODY.index("the water"), MISSED_BODY.index(". Residents")

    response = post_missed(client, article, start, end, "the water was clean", "jane mayor")

    claim = Claim.objects.get()
    assert response.redirect_chain[-1][0] == f"{CLAIMS}{claim.pk}/change/"
    assert (claim.content, claim.start, claim.end, claim.speaker, claim.status) == (
        "the water was clean",
        start,
        end,
        mayor,
        S.NEW,
    )
    assert claim.extractor_version == ""
    feedback = ExtractionFeedback.objects.get()
    assert (feedback.kind, feedback.article, feedback.claim, feedback.created_by) == (
        "missed_claim",
        article,
        claim,
        reviewer,
    )


def test_a_missed_claim_by_a_new_speaker_creates_the_speaker(client):
    article = make_article(body=MISSED_BODY)
    client.force_login(make_user(role="Reviewer"))
    start = MISSED_BODY.index("the water")

    post_missed(client, article, start, start + 19, "the water was clean", "A New Person", "direct")

    claim = Claim.objects.get()
    assert (claim.speaker.name, claim.kind) == ("A New Person", "direct")


@pytest.mark.parametrize(
    ("start", "end", "text", "message"),
    [
        (15, 24, "The Mayor", "does not match the article"),
        (15, 999, "x", "not inside the article text"),
    ],
)
def test_a_missed_claim_that_does_not_fit_the_article_adds_nothing(
    client, start, end, text, message
):
    article = make_article(body=MISSED_BODY)
    client.force_login(make_user(role="Reviewer"))

    response = post_missed(client, article, start, end, text)

    assert message in response.content.decode()
    assert not Claim.objects.exists() and not ExtractionFeedback.objects.exists()


def test_article_page_shows_paragraph_offsets_and_the_missed_claim_panel(client):
    article = make_article(body=MISSED_BODY)
    client.force_login(make_user(role="Reviewer"))

    page = client.get(f"/admin/claims/article/{article.pk}/change/").content.decode()

    assert '<p class="article-text" data-start="0">Opening line.</p>' in page
    assert '<p class="article-text" data-start="15">The mayor insisted' in page
    assert f'formaction="/admin/claims/article/{article.pk}/add-claim/"' in page


def test_staff_without_a_role_cannot_add_a_claim(client):
    article = make_article(body=MISSED_BODY)
    viewer = make_user()
    client.force_login(viewer)

    response = client.post(
        f"/admin/claims/article/{article.pk}/add-claim/",
        {"span_start": 15, "span_end": 24, "span_text": "The mayor", "kind": "direct"},
    )

    assert response.status_code == 403
    assert not Claim.objects.exists()
