"""Claim.summary (issue 12): a reviewer's short restatement, used by ClaimReview, list and feed
titles when set; the claim's words otherwise."""

import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims.enums import ClaimKind
from claims.models import Claim
from tests.claims.test_jsonld import ld_blocks
from tests.factories import make_article, make_published_claim, make_speaker

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
BODY = "“We will hold the bridge at any cost, whatever happens,” Ada Minister said."
WORDS = "“We will hold the bridge at any cost, whatever happens,”"


def direct_claim(**fields):
    return make_published_claim(
        article=make_article(body=BODY),
        content=WORDS,
        end=len(WORDS),
        kind=ClaimKind.DIRECT,
        speaker=make_speaker(name="Ada Minister"),
        **fields,
    )


def test_summary_is_limited_to_120_characters_and_advises_under_75():
    field = Claim._meta.get_field("summary")
    claim = direct_claim()
    claim.summary = "x" * 121  # PostgreSQL refuses to store it; full_clean says so first

    with pytest.raises(ValidationError) as caught:
        claim.full_clean()

    assert "summary" in caught.value.message_dict
    assert field.max_length == 120 and "under 75" in field.help_text


def test_claim_reviewed_list_and_feed_titles_use_the_summary_when_set(client):
    claim = direct_claim(summary="Minister vows to defend the bridge")

    page = client.get(claim.get_absolute_url())
    listing = client.get(reverse("claims:claim-list")).content.decode()
    feed = ET.fromstring(client.get(reverse("claims:feed-claims")).content)  # noqa: S314

    assert ld_blocks(page)[0]["claimReviewed"] == "Minister vows to defend the bridge"
    assert "<title>Minister vows to defend the bridge" in page.content.decode()
    assert (
        f'<h3 class="claim-summary"><a href="/claims/{claim.pk}/">'
        "Minister vows to defend the bridge</a></h3>"
    ) in listing
    assert "“We will hold the bridge at any cost, whatever happens”" in listing  # words stay
    assert [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")] == [
        "False: Minister vows to defend the bridge"
    ]


def test_without_a_summary_titles_use_the_claims_words(client):
    claim = direct_claim()

    page = client.get(claim.get_absolute_url())
    feed = ET.fromstring(client.get(reverse("claims:feed-claims")).content)  # noqa: S314

    assert (
        ld_blocks(page)[0]["claimReviewed"]
        == "We will hold the bridge at any cost, whatever happens"
    )
    assert 'class="claim-summary"' not in client.get(reverse("claims:claim-list")).content.decode()
    assert [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")] == [
        "False: Ada Minister: “We will hold the bridge at any cost, whatever happens”"
    ]
