"""The public page cache: a second request is served from the cache, and any change to the data
a page shows is visible on the very next request."""

import os
import socket
import uuid

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from claims.enums import ClaimStatus
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

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def test_cached_page_is_served_with_one_query(client, django_assert_num_queries):
    claim = make_published_claim(content="Cached claim", speaker=make_speaker())
    first = client.get(claim.get_absolute_url())

    # 1 the data fingerprint; the page comes from the cache.
    with django_assert_num_queries(1):
        second = client.get(claim.get_absolute_url())

    assert second.status_code == 200
    assert second.content == first.content
    assert "Content-Security-Policy" in second


def test_dismissing_a_claim_hides_it_on_the_next_request(client):
    claim = make_published_claim(content="Soon dismissed")
    assert client.get(claim.get_absolute_url()).status_code == 200
    assert "Soon dismissed" in client.get(reverse("claims:claim-list")).content.decode()

    claim.status = ClaimStatus.DISMISSED
    claim.save()

    assert client.get(claim.get_absolute_url()).status_code == 404
    assert "Soon dismissed" not in client.get(reverse("claims:claim-list")).content.decode()


def test_publishing_shows_the_verdict_on_the_next_request(client, settings):
    settings.CLAIMDESK_SHOW_UNREVIEWED = True
    claim = make_claim(content="Being checked", status=ClaimStatus.READY, verdict="false")
    assert "Not yet reviewed" in client.get(claim.get_absolute_url()).content.decode()

    claim.status = ClaimStatus.PUBLISHED
    claim.published_at = timezone.now()
    claim.save()

    html = client.get(claim.get_absolute_url()).content.decode()
    assert "Not yet reviewed" not in html
    assert "verdict-false" in html


def test_new_stance_link_or_evidence_shows_on_the_next_request(client):
    claim = make_published_claim(content="Original")
    client.get(claim.get_absolute_url())

    make_stance(claim, make_topic(title="Fresh topic"))
    assert "Fresh topic" in client.get(claim.get_absolute_url()).content.decode()

    make_link(make_published_claim(content="Fresh repeat"), claim, "repeats")
    assert "Fresh repeat" in client.get(claim.get_absolute_url()).content.decode()

    make_evidence(claim, title="Fresh evidence")
    assert "Fresh evidence" in client.get(claim.get_absolute_url()).content.decode()


def test_speaker_rename_shows_on_the_next_request(client):
    speaker = make_speaker(name="Old Name")
    make_published_claim(speaker=speaker)
    assert "Old Name" in client.get(speaker.get_absolute_url()).content.decode()

    speaker.name = "New Name"
    speaker.save()

    assert "New Name" in client.get(speaker.get_absolute_url()).content.decode()


def test_visibility_setting_is_part_of_the_key(client, settings):
    claim = make_claim(content="Unreviewed words")
    settings.CLAIMDESK_SHOW_UNREVIEWED = True
    assert "Unreviewed words" in client.get(reverse("claims:claim-list")).content.decode()

    settings.CLAIMDESK_SHOW_UNREVIEWED = False

    assert "Unreviewed words" not in client.get(reverse("claims:claim-list")).content.decode()
    assert client.get(claim.get_absolute_url()).status_code == 404


def test_query_strings_are_cached_separately(client):
    make_published_claim(content="Alpha words")
    make_published_claim(content="Beta words")

    alpha = client.get(reverse("claims:claim-list"), {"q": "alpha"}).content.decode()
    beta = client.get(reverse("claims:claim-list"), {"q": "beta"}).content.decode()

    assert "Alpha" in alpha and "Beta" not in alpha
    assert "Beta" in beta and "Alpha" not in beta


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends: connections are refused


def _redis_cache(url: str) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"claimdesk-test-{uuid.uuid4().hex}",
        }
    }


def test_pages_still_render_when_the_cache_server_is_down(client, caplog):
    claim = make_published_claim(content="Still readable")

    with override_settings(CACHES=_redis_cache(f"redis://127.0.0.1:{_closed_port()}/0")):
        response = client.get(claim.get_absolute_url())

    assert response.status_code == 200
    assert "Still readable" in response.content.decode()
    assert "page cache unavailable" in caplog.text


def _redis_or_skip() -> str:
    url = os.environ.get("CLAIMDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    host, port = url.split("//", 1)[1].split("/", 1)[0].split(":")
    try:
        socket.create_connection((host, int(port)), timeout=0.5).close()
    except OSError:
        pytest.skip(f"no Redis server at {url} (set CLAIMDESK_TEST_REDIS_URL)")
    return url


def test_a_shared_redis_cache_serves_the_second_request(client, django_assert_num_queries):
    url = _redis_or_skip()
    claim = make_published_claim(content="Shared cache")

    # A fresh key prefix per run: nothing is flushed, nothing collides.
    with override_settings(CACHES=_redis_cache(url)):
        first = client.get(claim.get_absolute_url())
        with django_assert_num_queries(1):  # the fingerprint; the page comes from Redis
            second = client.get(claim.get_absolute_url())

    assert second.content == first.content


def test_each_worker_keeps_its_own_copy_in_front_of_redis(
    client, caplog, django_assert_num_queries
):
    local = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": f"test-pages-{uuid.uuid4().hex}",
    }
    claim = make_published_claim(content="Served from memory")
    with override_settings(CACHES={**_redis_cache(_redis_or_skip()), "pages-local": local}):
        first = client.get(claim.get_absolute_url())

    # Redis gone: the worker's own copy still serves the page, without touching Redis.
    down = _redis_cache(f"redis://127.0.0.1:{_closed_port()}/0")
    with (
        override_settings(CACHES={**down, "pages-local": local}),
        django_assert_num_queries(1),  # the fingerprint
    ):
        second = client.get(claim.get_absolute_url())

    assert second.content == first.content
    assert "page cache unavailable" not in caplog.text


def _renamed_pages(client, names):
    outlet = make_outlet(name=names["outlet"])
    speaker = make_speaker(name="Ada Minister")
    claim = make_published_claim(
        content="Bridges are safe", speaker=speaker, article=make_article(outlet=outlet)
    )
    tag = make_tag(name=names["tag"])
    claim.tags.add(tag)
    topic = make_topic(title=names["topic"])
    make_stance(claim, topic)
    urls = {
        "home": reverse("claims:home"),
        "claim list": reverse("claims:claim-list"),
        "speaker list": reverse("claims:speaker-list"),
        "article list": reverse("claims:article-list"),
        "topic list": reverse("claims:topic-list"),
        "claim": claim.get_absolute_url(),
        "speaker": speaker.get_absolute_url(),
        "article": claim.article.get_absolute_url(),
        "topic": topic.get_absolute_url(),
    }
    return {"topic": topic, "tag": tag, "outlet": outlet}, urls


# Where each name shows: every claim list names every topic, tag and outlet in its filters.
SHOWN_ON = {
    "topic": {"home", "claim list", "topic list", "claim", "speaker", "topic"},
    "tag": {"claim list", "claim"},
    "outlet": {"home", "claim list", "article list", "claim", "speaker", "article"},
}


@pytest.mark.parametrize("what", ["topic", "tag", "outlet"])
def test_a_renamed_topic_tag_or_outlet_shows_on_the_next_request(client, what):
    names = {kind: f"Oldname {kind}" for kind in SHOWN_ON}
    rows, urls = _renamed_pages(client, names)
    before = {name: client.get(url).content.decode() for name, url in urls.items()}
    assert {name for name, html in before.items() if names[what] in html} == SHOWN_ON[what]

    row = rows[what]
    setattr(row, "title" if what == "topic" else "name", f"Newname {what}")
    row.save()

    after = {name: client.get(url).content.decode() for name, url in urls.items()}
    assert {name for name, html in after.items() if f"Newname {what}" in html} == SHOWN_ON[what]
    assert [name for name, html in after.items() if names[what] in html] == []


def test_a_new_or_deleted_tag_shows_in_the_filters_at_once(client):
    claim = make_published_claim(content="Bridges are safe")
    doomed = make_tag(name="Doomed tag")
    claim.tags.add(doomed)
    urls = [reverse("claims:claim-list"), claim.get_absolute_url()]
    assert ["Doomed tag" in client.get(url).content.decode() for url in urls] == [True, True]

    make_tag(name="Fresh tag")
    assert "Fresh tag" in client.get(urls[0]).content.decode()
    doomed.delete()

    assert ["Doomed tag" in client.get(url).content.decode() for url in urls] == [False, False]


@pytest.mark.parametrize("change", ["add", "remove", "clear"])
def test_tagging_or_untagging_a_published_claim_shows_on_the_next_request(client, change):
    claim = make_published_claim(content="Bridges are safe")
    kept = make_tag(name="Kept tag")
    moving = make_tag(name="Moving tag")
    claim.tags.add(kept, *([moving] if change != "add" else []))
    urls = [reverse("claims:claim-list") + f"?tag={moving.slug}", claim.get_absolute_url()]
    before = [client.get(url).content.decode() for url in urls]

    getattr(claim.tags, change)(*([moving] if change != "clear" else []))

    after = [client.get(url).content.decode() for url in urls]
    shown = change == "add"
    assert ["Bridges are safe" in before[0], "Moving tag" in before[1]] == [not shown, not shown]
    assert ["Bridges are safe" in after[0], "Moving tag" in after[1]] == [shown, shown]
