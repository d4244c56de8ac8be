"""Hostile content (scripts, event handlers, javascript: links, bidi overrides, zero-width
characters) is rendered inert on every public page."""

import pytest
from django.urls import reverse

from claims.templatetags.claims_tags import external_link, inert
from tests.factories import (
    make_article,
    make_claim,
    make_evidence,
    make_link,
    make_outlet,
    make_published_claim,
    make_speaker,
    make_stance,
    make_tag,
    make_topic,
)

pytestmark = pytest.mark.django_db


SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'
SVG = '"><svg onload=alert(2)>'
RLO = "\u202e"  # right-to-left override
ZWSP = "\u200b"  # zero-width space
HOSTILE = f"{SCRIPT} {IMG} {SVG} gpj{RLO}.exe hid{ZWSP}den"


@pytest.fixture
def hostile_site():
    government = make_speaker(name=f"Gov {HOSTILE}", kind="government")
    speaker = make_speaker(
        name=f"Speaker {HOSTILE}",
        role=f"Role {HOSTILE}",
        affiliation=f"Aff {HOSTILE}",
        description=f"Desc {HOSTILE}",
        affiliated_with=government,
    )
    body = f"Before. {HOSTILE} claimed text {HOSTILE}. After."
    article = make_article(
        headline=f"Headline {HOSTILE}",
        body=body,
        url="javascript:alert(3)",
        authors=f"Author {HOSTILE}",
        outlet=make_outlet(name=f"Outlet {HOSTILE}"),
    )
    start = body.index(HOSTILE)
    end = start + len(HOSTILE) + len(" claimed text")
    claim = make_published_claim(
        article=article,
        start=start,
        end=end,
        content=body[start:end],
        mention=f"Mention {HOSTILE}",
        context_start=0,
        context_end=len(body),
        speaker=speaker,
        rationale=f"Rationale {HOSTILE}",
    )
    nested = make_claim(
        article=article,
        start=start + 3,
        end=end + 10,
        content=body[start + 3 : end + 10],
        speaker=speaker,
    )
    make_link(nested, claim, "repeats")
    topic = make_topic(
        title=f"Topic {HOSTILE}", question=f"Q {HOSTILE}", description=f"D {HOSTILE}"
    )
    make_stance(claim, topic, "supports")
    make_stance(nested, topic, "opposes")
    claim.tags.add(make_tag(name=f"T {HOSTILE}"[:100]))
    make_evidence(
        claim, url="https://ok.example/a", title=f"Evidence {HOSTILE}", note=f"N {HOSTILE}"
    )
    return {"claim": claim, "speaker": speaker, "article": article, "topic": topic}


def pages(site):
    return [
        reverse("claims:home"),
        reverse("claims:claim-list"),
        reverse("claims:claim-list") + "?q=claimed",
        reverse("claims:claim-list") + "?q=" + "%3Cscript%3E",
        reverse("claims:speaker-list"),
        site["speaker"].get_absolute_url(),
        site["article"].get_absolute_url(),
        reverse("claims:topic-list"),
        site["topic"].get_absolute_url(),
        site["claim"].get_absolute_url(),
    ]


def test_hostile_text_is_inert_on_every_public_page(client, hostile_site):
    for url in pages(hostile_site):
        response = client.get(url)
        html = response.content.decode()

        assert response.status_code == 200, url
        assert "<script>alert" not in html, url
        assert "<img" not in html, url
        assert "<svg" not in html, url
        assert 'href="javascript:' not in html, url
        assert RLO not in html, url
        assert ZWSP not in html, url
        assert "&lt;script&gt;" in html or url.endswith(("/speakers/", "/topics/")), url


def test_hostile_article_url_is_shown_but_not_linked(client, hostile_site):
    html = client.get(hostile_site["claim"].get_absolute_url()).content.decode()

    assert 'href="javascript:' not in html
    assert "<span>Original article</span>" in html


def test_external_link_links_only_http_and_https():
    assert external_link("https://ok.example/x", "ok") == (
        '<a href="https://ok.example/x" rel="nofollow noopener">ok</a>'
    )
    assert external_link("HTTP://ok.example/", "ok").startswith('<a href="HTTP://ok.example/"')
    for url in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil",
    ):
        assert external_link(url, "<b>x</b>") == "<span>&lt;b&gt;x&lt;/b&gt;</span>", url


def test_inert_removes_bidi_overrides_zero_width_and_control_characters():
    assert inert(f"a{RLO}b{ZWSP}c\u2066d\u2069e\ufeff\x00\x07f\tg\nh") == "abcdef\tg\nh"
