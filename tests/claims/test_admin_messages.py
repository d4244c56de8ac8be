"""The claim admin's own success messages say the claim's words the way the pages do
(`html.claim_words_text`): reported speech is never put inside quotation marks as if quoted."""

import pytest
from django.contrib.messages import get_messages

from claims.enums import ClaimKind
from claims.models import Claim
from tests.claims.test_locking import change_data
from tests.factories import make_article, make_claim, make_speaker, make_user

pytestmark = pytest.mark.django_db
BODY = "Ann Vell said that the harbour fees rose by four percent last year, more than wages did."
WORDS = "the harbour fees rose by four percent last year"


def claim_of(kind):
    article = make_article(body=BODY)
    start = BODY.index(WORDS)
    return make_claim(
        article=article,
        start=start,
        content=WORDS,
        kind=kind,
        speaker=make_speaker(name="Ann Vell"),
        mention="Ann Vell",
    )


def url(claim):
    return f"/admin/claims/claim/{claim.pk}/change/"


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_claim_changed_message_gives_reported_speech_without_quotation_marks(client):
    claim = claim_of(ClaimKind.INDIRECT)
    client.force_login(make_user(role="Reviewer"))

    response = client.post(url(claim), change_data(claim))

    assert response.status_code == 302
    assert messages_of(response) == [
        f'The claim was changed successfully: <a href="{url(claim)}">'
        f"Ann Vell said that {WORDS}</a>."
    ]


def test_claim_changed_message_quotes_a_direct_quote_once(client):
    claim = claim_of(ClaimKind.DIRECT)
    client.force_login(make_user(role="Reviewer"))
    data = change_data(claim)
    data.pop("_save")

    response = client.post(url(claim), {**data, "_continue": "1"})

    assert messages_of(response) == [
        f'The claim was changed successfully: <a href="{url(claim)}">“{WORDS}”</a>. '
        "You may edit it again below."
    ]


def test_claim_saved_and_next_message_gives_the_claims_words(client):
    claim = claim_of(ClaimKind.INDIRECT)
    client.force_login(make_user(role="Reviewer"))
    data = change_data(claim)
    data.pop("_save")

    response = client.post(url(claim), {**data, "_save_next": "1"})

    assert messages_of(response) == [f"Saved: Ann Vell said that {WORDS}."]


def test_claim_deleted_message_gives_the_claims_words(client):
    claim = claim_of(ClaimKind.INDIRECT)
    client.force_login(make_user(role="Editor"))

    response = client.post(f"/admin/claims/claim/{claim.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Claim.objects.filter(pk=claim.pk).exists()
    assert messages_of(response) == [f"The claim was deleted: Ann Vell said that {WORDS}."]


def test_claim_reverted_message_gives_the_claims_words(client):
    claim = claim_of(ClaimKind.INDIRECT)
    first = claim.history.first()
    claim.notes = "A later note."
    claim.save()
    client.force_login(make_user(role="Reviewer"))

    response = client.post(
        f"{url(claim)[: -len('change/')]}history/{first.history_id}/",
        change_data(first.instance, version=claim.version),
    )

    assert response.status_code == 302
    [message] = messages_of(response)
    assert message.startswith(f"Reverted Ann Vell said that {WORDS} to the version of ")
