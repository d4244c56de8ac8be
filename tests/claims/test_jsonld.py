"""ClaimReview JSON-LD on published claim pages, escaped so claim text cannot break out."""

import datetime
import json
import re

import pytest

from claims.enums import ClaimStatus
from claims.models import Claim
from claims.public.jsonld import ld_json_script
from tests.factories import make_article, make_claim, make_published_claim, make_speaker

pytestmark = pytest.mark.django_db


LD_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def ld_blocks(response) -> list[dict]:
    return [json.loads(block) for block in LD_BLOCK.findall(response.content.decode())]


def test_published_claim_page_carries_claim_review(client, settings):
    settings.CLAIMDESK_PUBLISHER_NAME = "Fact Desk"
    settings.CLAIMDESK_PUBLISHER_URL = "https://factdesk.example"
    speaker = make_speaker(name="Antony J. Blinken", wikidata_id="Q22686")
    article = make_article(url="https://news.example/story", published=datetime.date(2023, 3, 1))
    claim = make_published_claim(
        speaker=speaker,
        article=article,
        content=article.body[:40],
        verdict="mostly_false",
        said_on=datetime.date(2023, 2, 28),
        published_at=datetime.datetime(2023, 3, 5, 12, 0, tzinfo=datetime.UTC),
    )

    [review] = ld_blocks(client.get(claim.get_absolute_url()))

    assert review == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"http://testserver/claims/{claim.pk}/",
        "datePublished": "2023-03-05",
        "dateModified": Claim.objects.get(pk=claim.pk).updated.date().isoformat(),
        "author": {"@type": "Organization", "name": "Fact Desk", "url": "https://factdesk.example"},
        "claimReviewed": claim.content,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 2,
            "bestRating": 6,
            "worstRating": 1,
            "alternateName": "Mostly false",
            "name": "Mostly false",
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": {
                "@type": "Person",
                "name": "Antony J. Blinken",
                "sameAs": "https://www.wikidata.org/wiki/Q22686",
            },
            "datePublished": "2023-02-28",
            "appearance": {"@type": "CreativeWork", "url": "https://news.example/story"},
        },
    }


def test_claim_review_author_is_an_organization_for_a_government(client):
    claim = make_published_claim(speaker=make_speaker(name="Examplia", kind="government"))

    [review] = ld_blocks(client.get(claim.get_absolute_url()))

    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Examplia"}


def test_verdict_off_the_scale_has_a_label_but_no_rating_value(client):
    claim = make_published_claim(verdict="not_checkable")

    [review] = ld_blocks(client.get(claim.get_absolute_url()))

    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Not checkable",
        "name": "Not checkable",
    }


@pytest.mark.parametrize("status", [ClaimStatus.NEW, ClaimStatus.IN_REVIEW, ClaimStatus.READY])
def test_unpublished_claim_carries_no_claim_review(client, settings, status):
    settings.CLAIMDESK_SHOW_UNREVIEWED = True  # the page exists: it must still carry no review
    claim = make_claim(status=status, verdict="false" if status == ClaimStatus.READY else None)

    response = client.get(claim.get_absolute_url())

    assert response.status_code == 200
    assert ld_blocks(response) == []
    assert "ClaimReview" not in response.content.decode()


def test_claim_text_cannot_close_the_script_block(client):
    hostile = '</script><script>alert(1)</script><!-- & "quotes"'
    article = make_article(body=hostile + " and more text")
    claim = make_published_claim(article=article, content=hostile, end=len(hostile))

    response = client.get(claim.get_absolute_url())
    html = response.content.decode()

    [review] = ld_blocks(response)
    assert review["claimReviewed"] == hostile
    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in html


def test_ld_json_script_escapes_like_json_script():
    html = ld_json_script({"text": "<&>"})

    assert html == '<script type="application/ld+json">{"text": "\\u003C\\u0026\\u003E"}</script>'


def test_claim_review_leaves_out_a_non_web_appearance_url_and_invisible_characters(client):
    article = make_article(url="javascript:alert(1)", body="Hid\u200bden \u202eclaim text here")
    claim = make_published_claim(article=article, content=article.body[:18], end=18)

    [review] = ld_blocks(client.get(claim.get_absolute_url()))

    assert "appearance" not in review["itemReviewed"]
    assert review["claimReviewed"] == "Hidden claim tex"  # 18 characters, 2 of them invisible


def test_claim_page_json_ld_has_no_character_xml_forbids(client):
    # Issue 15, item 7: JSON-LD carries the same untrusted text as the feeds.
    forbidden = "\x01\x0b\x1f\ufffe\uffff"
    content = f"The bridge{forbidden} opens"
    claim = make_published_claim(
        article=make_article(body=content, url="https://news.example/a"),
        content=content,
        end=len(content),
        speaker=make_speaker(name=f"Ada{forbidden} Lovelace"),
    )

    html = client.get(claim.get_absolute_url()).content.decode()

    payload = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    review = json.loads(payload)
    assert review["claimReviewed"] == "The bridge opens"
    assert review["itemReviewed"]["author"]["name"] == "Ada Lovelace"
    assert not any(c in payload for c in forbidden)


# Google's ClaimReview structured data: required and recommended properties
# (developers.google.com/search/docs/appearance/structured-data/factcheck).
# Google's fact-check (ClaimReview) structured data: required and recommended properties of
# each object (developers.google.com/search/docs/appearance/structured-data/factcheck).
GOOGLE_REQUIRED = {"claimReviewed", "reviewRating", "url"}
GOOGLE_RECOMMENDED = {"author", "datePublished", "itemReviewed"}
GOOGLE_RATING_REQUIRED = {"alternateName"}
GOOGLE_RATING_RECOMMENDED = {"bestRating", "name", "ratingValue", "worstRating"}
GOOGLE_CLAIM_RECOMMENDED = {"appearance", "author", "datePublished"}  # or firstAppearance
GOOGLE_CLAIM_AUTHOR_RECOMMENDED = {"name", "sameAs"}


def test_claim_review_has_googles_required_and_recommended_properties(client):
    speaker = make_speaker(name="Ada Minister", wikidata_id="Q1")
    article = make_article(url="https://news.example/story", published=datetime.date(2023, 3, 1))
    text = article.body[:40]
    claim = make_published_claim(
        speaker=speaker,
        article=article,
        content=text,
        summary="Minister says the bridge cost 40 million",
        verdict="false",
        said_on=datetime.date(2023, 2, 28),
    )

    [review] = ld_blocks(client.get(claim.get_absolute_url()))

    assert set(review) >= GOOGLE_REQUIRED | GOOGLE_RECOMMENDED
    assert set(review["reviewRating"]) - {"@type"} == (
        GOOGLE_RATING_REQUIRED | GOOGLE_RATING_RECOMMENDED
    )
    assert set(review["itemReviewed"]) - {"@type"} == GOOGLE_CLAIM_RECOMMENDED
    assert set(review["itemReviewed"]["author"]) - {"@type"} == GOOGLE_CLAIM_AUTHOR_RECOMMENDED
    assert review["url"] == f"http://testserver{claim.get_absolute_url()}"  # the page's own
    assert len(review["claimReviewed"]) < 75  # Google's advice; the summary is used
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"] == "False"
    assert (rating["worstRating"], rating["ratingValue"], rating["bestRating"]) == (1, 1, 6)
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    item = review["itemReviewed"]
    assert (item["@type"], item["author"]["name"], item["datePublished"]) == (
        "Claim",
        "Ada Minister",
        "2023-02-28",
    )
    assert item["appearance"]["url"] == "https://news.example/story"
    assert review["dateModified"] >= review["datePublished"]
