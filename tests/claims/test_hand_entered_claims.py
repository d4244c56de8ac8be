"""A claim entered by hand must be the article's text at its offsets (review.create_claim)."""

import pytest
from django.core.exceptions import ValidationError

from claims.models import Claim
from claims.services import review
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

BODY = "The council met on Monday.\n\nThe mayor said the bridge will open in spring. Others agreed."


def hand_entered(**fields) -> Claim:
    article = make_article(body=BODY)
    words = "the bridge will open in spring"
    start = BODY.index(words)
    values = {"article": article, "content": words, "start": start, "end": start + len(words)}
    values.update(fields)
    return Claim(**values)


def test_create_claim_saves_words_found_at_their_offsets_with_their_paragraph():
    claim = review.create_claim(claim=hand_entered(), user=make_user(role="Reviewer"))

    claim.refresh_from_db()
    paragraph = BODY.split("\n\n")[1]
    assert (claim.context_start, claim.context_end) == (
        BODY.index(paragraph),
        BODY.index(paragraph) + len(paragraph),
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"content": "the bridge will open in summer"}, "content"),  # words not in the text
        ({"start": 0, "end": 30}, "content"),  # right words, wrong offsets
        ({"start": 70, "end": 500}, "start"),  # past the end of the article
        ({"cue": "said", "cue_start": 0, "cue_end": 4}, "cue"),
        ({"mention": "The mayor", "mention_start": 5, "mention_end": 14}, "mention"),
    ],
)
def test_create_claim_refuses_words_that_are_not_the_article_text(fields, field):
    with pytest.raises(ValidationError) as refused:
        review.create_claim(claim=hand_entered(**fields), user=make_user(role="Reviewer"))

    assert list(refused.value.message_dict) == [field]
    assert not Claim.objects.exists()


def add_data(article, content, start, end):
    """The POST of the desk's "add claim" form, with empty inline formsets."""
    data = {
        "article": article.pk,
        "content": content,
        "start": start,
        "end": end,
        "speaker": "",
        "mention": "",
        "kind": "direct",
        "said_on": "",
        "assignee": "",
        "verdict": "",
        "rationale": "",
        "notes": "",
        "version": 1,
        "_save": "Save",
    }
    for prefix in ("evidence", "stances", "links_out", "links_in"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


def test_desk_add_form_shows_the_mismatch_as_a_form_error(client):
    client.force_login(make_user(role="Reviewer"))
    article = make_article(body=BODY)
    words = "the bridge will open in spring"
    start = BODY.index(words)
    url = "/admin/claims/claim/add/"

    wrong = client.post(url, add_data(article, "the bridge opens in May", start, start + 23))
    right = client.post(url, add_data(article, words, start, start + len(words)))

    assert wrong.status_code == 200
    assert "not the claim&#x27;s words" in wrong.content.decode()
    assert right.status_code == 302
    assert list(Claim.objects.values_list("content", flat=True)) == [words]
