"""Pages crawlers and people find (issue 12): sitemap.xml, Open Graph tags, favicon, /articles/."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from claims.enums import ClaimStatus
from tests.factories import (
    make_article,
    make_claim,
    make_outlet,
    make_published_claim,
    make_speaker,
    make_stance,
    make_topic,
)

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_public_claim_speaker_article_and_topic_pages_only(client):
    shown = make_published_claim(speaker=make_speaker(name="Ada Minister"))
    topic = make_topic(title="Bridges")
    make_stance(shown, topic)
    hidden = make_claim(
        speaker=make_speaker(name="Hidden Speaker"),
        article=make_article(headline="Hidden article"),
        status=ClaimStatus.DISMISSED,
    )
    make_stance(hidden, make_topic(title="Hidden topic"))

    response = client.get("/sitemap.xml")

    root = ET.fromstring(response.content)  # noqa: S314 -- our own sitemap
    locs = sorted(u.findtext(f"{SITEMAP}loc") for u in root.iter(f"{SITEMAP}url"))
    assert locs == sorted(
        f"http://testserver{url}"
        for url in (
            shown.get_absolute_url(),
            shown.speaker.get_absolute_url(),
            shown.article.get_absolute_url(),
            topic.get_absolute_url(),
        )
    )


def test_claim_page_carries_open_graph_and_twitter_card_tags(client):
    claim = make_published_claim(
        speaker=make_speaker(name="Ada Minister"),
        content="the bridge cost 40 million euros",
        rationale="The budget says 38 million.",
    )

    html = client.get(claim.get_absolute_url() + "?utm_source=x").content.decode()

    assert (
        '<meta property="og:title" content="Ada Minister said that the bridge cost 40 million euros">'
        in html
    )
    assert '<meta property="og:description" content="False: The budget says 38 million.">' in html
    assert f'<meta property="og:url" content="http://testserver/claims/{claim.pk}/">' in html
    assert '<meta name="twitter:card" content="summary">' in html


def test_every_page_links_a_favicon_and_favicon_ico_redirects(client):
    html = client.get(reverse("claims:home")).content.decode()

    assert 'rel="icon" href="/static/claims/favicon.svg"' in html
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (301, "/static/claims/favicon.svg")


def test_article_index_lists_articles_with_public_claims_newest_first(client):
    outlet = make_outlet(name="Daily Example")
    old = make_article(headline="Old story", published=datetime.date(2023, 1, 1), outlet=outlet)
    new = make_article(headline="New story", published=datetime.date(2024, 1, 1))
    make_published_claim(article=old)
    make_published_claim(article=new)
    make_claim(article=make_article(headline="Only unreviewed"))

    html = client.get(reverse("claims:article-list")).content.decode()

    assert html.index("New story") < html.index("Old story")
    assert "Only unreviewed" not in html and "Daily Example" in html


@pytest.mark.parametrize("rows", [1, 3])
def test_article_index_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    for _ in range(rows):
        make_published_claim(article=make_article(outlet=make_outlet()))

    # 1 the count, 2 the page of articles with their outlets.
    with django_assert_num_queries(2):
        response = client.get(reverse("claims:article-list"))

    assert len(response.context["page_obj"].object_list) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_sitemap_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    for _ in range(rows):
        claim = make_published_claim(speaker=make_speaker(), article=make_article())
        make_stance(claim, make_topic())

    # Claims, speakers and articles (limit 10,000: paginated): 1-2 claims counted then listed,
    # 3-4 speakers with a public claim counted then listed, 5-6 articles likewise; topics
    # (no limit set: Django's 50,000) 7-8 topics with a reviewed stance counted then listed.
    with django_assert_num_queries(8):
        response = client.get("/sitemap.xml")

    root = ET.fromstring(response.content)  # noqa: S314 -- our own sitemap
    assert len(list(root.iter(f"{SITEMAP}url"))) == 4 * rows
