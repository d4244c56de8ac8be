"""Atom feeds of published claims: all, per speaker, per topic."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from claims.enums import ClaimStatus
from claims.services import review
from tests.factories import (
    make_article,
    make_claim,
    make_published_claim,
    make_speaker,
    make_stance,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 -- our own feed, generated in the test
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_claims_feed_lists_published_claims_only(client):
    speaker = make_speaker(name="Ada")
    published = make_published_claim(speaker=speaker, content="Published claim", verdict="false")
    make_claim(content="Unreviewed claim", status=ClaimStatus.READY, verdict="true")
    make_claim(content="Dismissed claim", status=ClaimStatus.DISMISSED)

    found = entries(client.get(reverse("claims:feed-claims")))

    assert found == [
        {
            # An indirect claim (the factory's kind) reads as reported speech, never in marks.
            "title": "False: Ada said that Published claim",
            "link": f"http://testserver/claims/{published.pk}/",
            "summary": "Ada said that Published claim",
        }
    ]


def test_speaker_feed_lists_only_that_speakers_published_claims(client):
    ada, bob = make_speaker(name="Ada"), make_speaker(name="Bob")
    make_published_claim(speaker=ada, content="Ada's claim")
    make_published_claim(speaker=bob, content="Bob's claim")
    make_claim(speaker=ada, content="Ada unreviewed")

    found = entries(client.get(reverse("claims:feed-speaker", args=[ada.slug])))

    assert [e["summary"] for e in found] == ["Ada said that Ada's claim"]


def test_topic_feed_lists_only_published_claims_on_the_topic(client):
    topic = make_topic(title="Bridges")
    on_topic = make_published_claim(content="On topic", speaker=make_speaker(name="Cy"))
    make_stance(on_topic, topic)
    make_published_claim(content="Off topic")
    dismissed = make_claim(content="Dismissed on topic", status=ClaimStatus.DISMISSED)
    make_stance(dismissed, topic)

    found = entries(client.get(reverse("claims:feed-topic", args=[topic.slug])))

    assert [e["summary"] for e in found] == ["Cy said that On topic"]


def test_feed_for_unknown_speaker_or_topic_is_404(client):
    assert client.get(reverse("claims:feed-speaker", args=["nobody"])).status_code == 404
    assert client.get(reverse("claims:feed-topic", args=["nothing"])).status_code == 404


def test_feed_escapes_hostile_text_and_drops_control_characters(client):
    hostile = "<script>alert(1)</script>\x01\x0b & \u202eevil"
    article = make_article(body=hostile + " rest")
    make_published_claim(
        article=article, content=hostile, end=len(hostile), speaker=make_speaker(name="<b>X</b>")
    )

    response = client.get(reverse("claims:feed-claims"))
    [entry] = entries(response)

    assert entry["summary"] == "<b>X</b> said that <script>alert(1)</script> & evil"
    assert b"<script>" not in response.content
    assert entry["title"] == "False: <b>X</b> said that <script>alert(1)</script> & evil"


@pytest.mark.parametrize("rows", [1, 3])
def test_claims_feed_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    for _ in range(rows):
        make_published_claim(speaker=make_speaker())

    # 1 the latest published claims with speaker and article.
    with django_assert_num_queries(1):
        found = entries(client.get(reverse("claims:feed-claims")))

    assert len(found) == rows


def summary_types(response) -> list[str | None]:
    root = ET.fromstring(response.content)  # noqa: S314 -- our own feed, generated in the test
    return [entry.find(f"{ATOM}summary").get("type") for entry in root.iter(f"{ATOM}entry")]


def test_feed_summary_is_claim_text_not_html(client):
    # Issue 15, item 6: <summary type="html"> made feed readers render an imported quote.
    markup = "The mayor said <img src=x onerror=alert(1)> <b>bold</b> & more"
    make_published_claim(article=make_article(body=markup), content=markup, end=len(markup))

    response = client.get(reverse("claims:feed-claims"))

    assert summary_types(response) == ["text"]
    assert [e["summary"] for e in entries(response)] == [f"An unnamed source said that {markup}"]


# Every kind of character XML 1.0 forbids that PostgreSQL can store: C0 controls and the two
# non-characters U+FFFE and U+FFFF (a lone surrogate cannot be stored; xml_text's own test).
FORBIDDEN = "\x01\x08\x0b\x0c\x1f\ufffe\uffff"


def test_feeds_stay_valid_xml_with_characters_xml_forbids(client):
    # Issue 15, item 7: one U+FFFF in a quote made /feeds/claims/ invalid XML.
    speaker = make_speaker(name=f"Ada{FORBIDDEN} Lovelace")
    topic = make_topic(title=f"Bridges{FORBIDDEN}")
    content = f"The bridge{FORBIDDEN} opens"
    claim = make_published_claim(
        article=make_article(body=content), content=content, end=len(content), speaker=speaker
    )
    make_stance(claim, topic)

    for url in (
        reverse("claims:feed-claims"),
        reverse("claims:feed-speaker", kwargs={"slug": speaker.slug}),
        reverse("claims:feed-topic", kwargs={"slug": topic.slug}),
    ):
        response = client.get(url)
        root = ET.fromstring(response.content)  # noqa: S314 -- raises on invalid XML
        texts = [el.text or "" for el in root.iter()] + [
            v for el in root.iter() for v in el.attrib.values()
        ]

        assert not any(c in t for t in texts for c in FORBIDDEN), url
        [entry] = entries(response)
        assert entry["summary"] == "Ada Lovelace said that The bridge opens"
        assert entry["title"] == "False: Ada Lovelace said that The bridge opens"


@pytest.mark.parametrize("rows", [1, 3])
def test_corrections_feed_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    editor = make_user(role="Editor")
    for _ in range(rows):
        claim = make_published_claim(speaker=make_speaker(), verdict="true")
        review.correct_claim(claim, editor, verdict="false", note="Misread.")

    # 1 the newest corrections with their claims and speakers.
    with django_assert_num_queries(1):
        found = entries(client.get(reverse("claims:feed-corrections")))

    assert len(found) == rows
