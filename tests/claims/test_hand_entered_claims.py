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
