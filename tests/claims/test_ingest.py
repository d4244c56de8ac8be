"""Continuous ingest, the fast part: parsers, the fetcher and the services against a local site.

Everything runs in this process (CLAIMDESK_INGEST_IN_PROCESS): the queue and real worker
processes are tested in test_ingest_workers.py (slow, PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import socket
import time

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import timezone

from claims.enums import IngestStatus, SourceKind
from claims.extraction import extract_claims
from claims.importers.web import (
    Client,
    FetchError,
    ParseError,
    RobotsRules,
    parse_feed,
    parse_sitemap,
)
from claims.models import Article, Claim, IngestHost, IngestItem, Source
from claims.services import ingest
from claims.services.imports import language_note
from tests.ingest_site import Site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    site = Site().start()
    yield site
    site.stop()


@pytest.fixture
def in_process(settings):
    settings.CLAIMDESK_INGEST_IN_PROCESS = True
    settings.CLAIMDESK_INGEST_ALLOW_PRIVATE = True  # the test site is on 127.0.0.1
    settings.CLAIMDESK_INGEST_HOST_DELAY_MS = 0
    settings.CLAIMDESK_INGEST_MAX_ATTEMPTS = 2
    ingest._robots = None  # robots.txt answers are cached per process and in the cache
    cache.clear()
    yield settings
    ingest._robots = None
    cache.clear()


def client(**overrides):
    return Client(
        **{"user_agent": "ClaimdeskTest/1.0", "timeout": 5.0, "allow_private": True, **overrides}
    )


# --- parsers ----------------------------------------------------------------------------------


def test_parse_feed_lists_absolute_links_once_with_dates():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>One</title><link>/a/1.html</link><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item>
    <item><title>Again</title><link>/a/1.html</link></item>
    <item><title>No link</title></item>
    <item><title>Two</title><link>https://other.example/b</link></item>
    </channel></rss>"""

    entries = parse_feed(rss, base_url="https://news.example/feed.xml")

    assert [(e.url, e.title, e.published) for e in entries] == [
        ("https://news.example/a/1.html", "One", dt.date(2026, 11, 20)),
        ("https://other.example/b", "Two", None),
    ]


def test_parse_feed_reads_atom():
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
    <entry><title>A</title><link href="https://news.example/x"/><updated>2026-11-02T00:00:00Z</updated></entry>
    </feed>"""

    assert [e.url for e in parse_feed(atom, base_url="https://news.example/")] == [
        "https://news.example/x"
    ]


def test_parse_feed_refuses_a_page_that_is_not_a_feed():
    with pytest.raises(ParseError, match="not a readable feed"):
        parse_feed(b"<html><body><p>Hello <b>there</p>", base_url="https://news.example/")


def test_parse_sitemap_lists_news_entries():
    xml = b"""<?xml version="1.0"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://news.example/a</loc><news:news><news:title>A</news:title>
        <news:publication_date>2026-11-19T08:00:00Z</news:publication_date></news:news></url>
      <url><loc>ftp://news.example/b</loc></url>
    </urlset>"""

    entries = parse_sitemap(xml, base_url="https://news.example/sitemap.xml")

    assert [(e.url, e.title, e.published) for e in entries] == [
        ("https://news.example/a", "A", dt.date(2026, 11, 19))
    ]


def test_parse_sitemap_refuses_an_index_and_entities():
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://news.example/s1.xml</loc></sitemap></sitemapindex>"""
    with pytest.raises(ParseError, match="sitemap index"):
        parse_sitemap(index, base_url="https://news.example/")
    entity = b"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&x;</loc></url></urlset>"""
    assert parse_sitemap(entity, base_url="https://news.example/") == []


@pytest.mark.parametrize(
    ("language", "noted"),
    [("en", False), ("en-GB", False), ("EN_us", False), ("", False), ("de", True), ("fr-FR", True)],
)
def test_language_note_only_for_languages_the_extractor_does_not_handle(language, noted):
    assert bool(language_note(language)) is noted


# --- the fetcher ------------------------------------------------------------------------------


def test_client_sends_user_agent_and_conditional_headers(site):
    site.add("/page", "hello")

    resp = client().get(site.url("/page"), etag='"abc"', last_modified="Fri, 20 Nov 2026")

    assert resp.status == 200 and resp.body == b"hello"
    sent = site.hits("/page")[0]
    assert sent["user-agent"] == "ClaimdeskTest/1.0"
    assert sent["if-none-match"] == '"abc"'
    assert sent["if-modified-since"] == "Fri, 20 Nov 2026"


@pytest.mark.parametrize(
    ("status", "reason", "transient"),
    [
        (404, "HTTP 404 Not Found", False),
        (410, "HTTP 410 Gone", False),
        (503, "HTTP 503 Service Unavailable", True),
        (429, "HTTP 429 Too Many Requests", True),
    ],
)
def test_client_failure_names_the_status(site, status, reason, transient):
    site.add("/x", "no", status=status)

    with pytest.raises(FetchError) as caught:
        client().get(site.url("/x"))

    assert (caught.value.reason, caught.value.status, caught.value.transient) == (
        reason,
        status,
        transient,
    )


def test_client_limits_size_and_time(site):
    site.add("/big", "x" * 5000)
    site.add("/slow", "late", delay=2.0)

    with pytest.raises(FetchError, match="over the limit of 1000"):
        client(max_bytes=1000).get(site.url("/big"))
    with pytest.raises(FetchError, match=r"timed out after 0\.5 s") as caught:
        client(timeout=0.5).get(site.url("/slow"))
    assert caught.value.transient


def test_client_refused_connection_is_transient():
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]

    with pytest.raises(FetchError, match="connection refused") as caught:
        client().get(f"http://127.0.0.1:{port}/")

    assert caught.value.transient


def test_client_follows_redirects_and_reports_the_final_address(site):
    site.add("/old", "/new", status=301)
    site.add("/new", "moved here")

    resp = client().get(site.url("/old"))

    assert (resp.url, resp.body) == (site.url("/new"), b"moved here")


def test_client_refuses_private_addresses_unless_allowed(site):
    site.add("/page", "internal")
    strict = client(allow_private=False)

    for url in (site.url("/page"), "http://localhost:1/", "http://[::1]/", "http://10.0.0.1/"):
        with pytest.raises(FetchError, match="private or local address") as caught:
            strict.get(url)
        assert not caught.value.transient
    assert site.hits("/page") == []


def test_client_checks_each_redirect_hop(site):
    site.add("/out", site.url("/internal"), status=302)
    site.add("/internal", "secret")

    class FirstHopTrusted(Client):
        """As if /out were a public page: every other address is checked for real."""

        def _check_address(self, url):
            if not url.endswith("/out"):
                super()._check_address(url)

    with pytest.raises(FetchError, match="private or local address"):
        FirstHopTrusted(user_agent="t", allow_private=False).get(site.url("/out"))

    assert len(site.hits("/out")) == 1
    assert site.hits("/internal") == []


def test_robots_rules_fetched_once_per_host(site):
    rules = RobotsRules(client())

    assert rules.allowed(site.url("/articles/a.html"))
    assert not rules.allowed(site.url("/private/b.html"))
    assert len(site.hits("/robots.txt")) == 1


@pytest.fixture
def shared_cache():
    cache.clear()
    yield cache
    cache.clear()


def test_robots_txt_is_fetched_once_for_every_process_sharing_the_cache(site, shared_cache):
    first, second = RobotsRules(client(), shared=shared_cache), RobotsRules(client(), shared=cache)

    answers = [
        rules.allowed(site.url(path))
        for rules in (first, second)
        for path in ("/articles/a.html", "/private/b.html")
    ]

    assert answers == [True, False, True, False]
    assert len(site.hits("/robots.txt")) == 1
    _, text = cache.get(RobotsRules.shared_key(site.base))
    assert "Disallow: /private/" in text


def test_an_expired_shared_robots_txt_is_fetched_again(site, shared_cache):
    root = site.base
    key = RobotsRules.shared_key(root)
    rules = RobotsRules(client(), ttl=3600, shared=shared_cache)
    cache.set(key, (time.time() - 3601, "User-agent: *\nDisallow: /\n"))  # an hour and 1 s old

    assert rules.allowed(site.url("/articles/a.html"))  # the stale "Disallow: /" is not used

    assert len(site.hits("/robots.txt")) == 1
    fetched_at, text = cache.get(key)
    assert time.time() - fetched_at < 3600
    assert "Disallow: /private/" in text


def test_a_fresh_shared_robots_txt_is_used_without_a_fetch(site, shared_cache):
    root = site.base
    cache.set(RobotsRules.shared_key(root), (time.time() - 10, "User-agent: *\nDisallow: /\n"))
    # A host without robots.txt is cached too (None: everything allowed).
    cache.set(RobotsRules.shared_key("http://open.example"), (time.time(), None))
    rules = RobotsRules(client(), shared=shared_cache)

    assert not rules.allowed(site.url("/articles/a.html"))
    assert rules.allowed("http://open.example/x")
    assert site.hits("/robots.txt") == []


def test_robots_txt_goes_to_redis_with_its_ttl(site, redis_caches):
    with override_settings(CACHES=redis_caches):
        shared = caches["default"]
        rules = RobotsRules(client(), ttl=600, shared=shared)
        assert not rules.allowed(site.url("/private/b.html"))
        key = shared.make_and_validate_key(RobotsRules.shared_key(site.base))
        seconds = shared._cache.get_client(key).ttl(key)
        again = RobotsRules(client(), ttl=600, shared=shared).allowed(site.url("/a.html"))
        shared.clear()

    assert 590 < seconds <= 600
    assert again is True
    assert len(site.hits("/robots.txt")) == 1


def test_robots_rules_work_when_the_shared_cache_is_down(site, caplog):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed when the block ends: connections are refused
    down = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }
    with override_settings(CACHES=down):
        rules = RobotsRules(client(), shared=caches["default"])
        answers = [rules.allowed(site.url(p)) for p in ("/articles/a.html", "/private/b.html")]

    assert answers == [True, False]
    assert len(site.hits("/robots.txt")) == 1  # then kept in the process
    assert "robots.txt cache unavailable" in caplog.text


# --- services ---------------------------------------------------------------------------------


def assert_claims_extracted(article):
    """The article has exactly the claims the extractor finds in its text, the mayor's among them."""
    found = extract_claims(article.body)
    assert article.claims.count() == len(found) > 0
    assert any("Okafor" in (c.speaker or "") for c in found)


def make_source(url, **fields):
    return Source.objects.create(name=fields.pop("name", "Test Gazette"), url=url, **fields)


def test_poll_imports_every_live_item_and_fails_dead_links(
    site, in_process, django_capture_on_commit_callbacks
):
    live = [site.add_article(f"story-{n}", n) for n in range(3)]
    dead = site.url("/articles/gone.html")
    blocked = site.url("/private/secret.html")
    source = make_source(site.set_feed([*live, dead, blocked]))

    with django_capture_on_commit_callbacks(execute=True):
        result = ingest.poll_source(source=source, enqueue=_enqueue_now)

    assert (result.status, result.found, result.new) == ("polled", 5, 5)
    items = {i.url: i for i in IngestItem.objects.all()}
    for url in live:
        assert items[url].status == IngestStatus.IMPORTED
        assert_claims_extracted(items[url].article)
        assert items[url].article.url == url
        assert items[url].source == source
    assert (items[dead].status, items[dead].error, items[dead].http_status) == (
        IngestStatus.FAILED,
        "HTTP 404 Not Found",
        404,
    )
    assert (items[blocked].status, items[blocked].error) == (
        IngestStatus.SKIPPED,
        "robots.txt disallows fetching it",
    )
    assert site.hits("/private/secret.html") == []


def _enqueue_now(item_id):
    from django.db import transaction

    transaction.on_commit(lambda: ingest.fetch_item(item_id=item_id, max_wait=None))


def test_second_poll_is_conditional_and_imports_nothing(
    site, in_process, django_capture_on_commit_callbacks
):
    source = make_source(site.set_feed([site.add_article("one", 1)]))
    with django_capture_on_commit_callbacks(execute=True):
        ingest.poll_source(source=source, enqueue=_enqueue_now)
    source.refresh_from_db()
    assert source.etag

    with django_capture_on_commit_callbacks(execute=True):
        again = ingest.poll_source(source=source, enqueue=_enqueue_now)

    assert again.status == "not_modified"
    assert site.hits("/feed.xml")[-1]["if-none-match"] == source.etag
    assert len(site.hits("/articles/one.html")) == 1
    assert (Article.objects.count(), IngestItem.objects.count()) == (1, 1)


def test_item_listed_by_two_feeds_is_fetched_once(
    site, in_process, django_capture_on_commit_callbacks
):
    url = site.add_article("shared", 7)
    first = make_source(site.set_feed([url], path="/a.xml"), name="A")
    second = make_source(site.set_sitemap([url + "?utm_source=feed"]), kind=SourceKind.SITEMAP)

    with django_capture_on_commit_callbacks(execute=True):
        ingest.poll_source(source=first, enqueue=_enqueue_now)
        result = ingest.poll_source(source=second, enqueue=_enqueue_now)

    assert (result.found, result.new) == (1, 0)
    assert len(site.hits("/articles/shared.html")) == 1
    assert IngestItem.objects.get().source == first


def test_fetch_item_twice_imports_once(site, in_process):
    url = site.add_article("twice", 3)
    item = IngestItem.objects.create(url=url, url_key="url:" + url)

    ingest.fetch_item(item_id=item.pk)
    # A retried job whose first run committed (the worker died before it said so).
    IngestItem.objects.filter(pk=item.pk).update(status=IngestStatus.QUEUED)
    again = ingest.fetch_item(item_id=item.pk)

    assert again.status == IngestStatus.IMPORTED
    assert Article.objects.count() == 1
    assert Claim.objects.count() == len(extract_claims(Article.objects.get().body))


def test_transient_failure_retries_then_gives_up(site, in_process):
    site.add("/flaky.html", "down", status=503)
    item = IngestItem.objects.create(url=site.url("/flaky.html"), url_key="k-flaky")

    with pytest.raises(ingest.RetryLater) as first:
        ingest.fetch_item(item_id=item.pk)
    item.refresh_from_db()
    assert (item.status, item.attempts) == (IngestStatus.QUEUED, 1)
    assert item.error == "HTTP 503 Service Unavailable (attempt 1, will retry)"
    assert first.value.delay == in_process.CLAIMDESK_INGEST_RETRY_SECONDS

    last = ingest.fetch_item(item_id=item.pk)

    assert (last.status, last.attempts, last.http_status) == (IngestStatus.FAILED, 2, 503)
    assert last.error == "HTTP 503 Service Unavailable (gave up after 2 attempts)"


def test_foreign_language_article_imported_with_note_and_no_claims(site, in_process):
    url = site.add_article("deutsch", 4, lang="de")
    item = IngestItem.objects.create(url=url, url_key="k-de")

    item = ingest.fetch_item(item_id=item.pk)

    assert item.status == IngestStatus.IMPORTED
    assert item.article.claims.count() == 0
    assert item.article.language == "de"
    assert item.article.extraction_note == (
        "Not extracted: the article's language is 'de' and the extractor handles English only."
    )
    assert item.error == item.article.extraction_note


def test_host_slot_spaces_requests_across_workers(settings):
    settings.CLAIMDESK_INGEST_HOST_DELAY_MS = 60_000
    rules = RobotsRules(client())
    rules._cache["http://slow.example"] = (float("inf"), None)  # no robots.txt fetch

    ingest._wait_for_host("http://slow.example/a", robots=rules, max_wait=1)
    reserved = IngestHost.objects.get(host="slow.example").next_fetch_at

    with pytest.raises(ingest.RetryLater, match=r"slow\.example is busy") as caught:
        ingest._wait_for_host("http://slow.example/b", robots=rules, max_wait=1)
    assert 55 < caught.value.delay <= 60
    assert IngestHost.objects.get(host="slow.example").next_fetch_at == reserved


def test_due_sources_respects_interval_and_active():
    now = timezone.now()
    never = make_source("https://a.example/feed", name="never polled")
    due = make_source(
        "https://b.example/feed", name="due", last_polled_at=now - dt.timedelta(minutes=61)
    )
    make_source(
        "https://c.example/feed", name="recent", last_polled_at=now - dt.timedelta(minutes=5)
    )
    make_source("https://d.example/feed", name="inactive", active=False)

    assert ingest.due_sources(now=now) == [due, never] or ingest.due_sources(now=now) == [
        never,
        due,
    ]


# --- commands ---------------------------------------------------------------------------------


def test_poll_sources_now_reports_each_source(
    site, in_process, capsys, django_capture_on_commit_callbacks
):
    source = make_source(site.set_feed([site.add_article("cmd", 5)]))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("poll_sources", "--now", "--source", str(source.pk))

    out = capsys.readouterr().out
    assert "Test Gazette: polled, 1 listed, 1 new" in out
    assert IngestItem.objects.get().status == IngestStatus.IMPORTED


def test_poll_sources_failed_poll_exits_nonzero(site, in_process, capsys):
    source = make_source(site.url("/missing-feed.xml"))

    with pytest.raises(CommandError, match="1 poll"):
        call_command("poll_sources", "--now")

    assert "HTTP 404 Not Found" in capsys.readouterr().err
    source.refresh_from_db()
    assert source.last_error == "HTTP 404 Not Found"


def test_poll_sources_unknown_source_is_an_error(in_process):
    with pytest.raises(CommandError, match="no source with id 999"):
        call_command("poll_sources", "--source", "999")


@pytest.mark.django_db(transaction=True)  # autocommit: in-process tasks run as they are queued
def test_import_articles_enqueue_in_process_imports_each_file(tmp_path, in_process, capsys):
    (tmp_path / "a.txt").write_text(
        "Bridge opens\n\n"
        '"We will open the bridge before the winter," said Mayor Jane Okafor on Tuesday.\n'
    )
    (tmp_path / "b.txt").write_text("")

    with pytest.raises(CommandError, match="1 path"):
        call_command("import_articles", "--enqueue", str(tmp_path))

    out = capsys.readouterr()
    assert "2 file(s) imported in-process (no queue on SQLite); 1 failed" in out.out
    assert "b.txt: file is empty" in out.err
    assert Article.objects.get().claims.count() == 1


@pytest.mark.django_db(transaction=True)  # autocommit: in-process tasks run as they are queued
def test_enqueued_files_are_ingest_items_imported_once(tmp_path, in_process, capsys):
    good = tmp_path / "a.txt"
    good.write_text(
        "Bridge opens\n\n"
        '"We will open the bridge before the winter," said Mayor Jane Okafor on Tuesday.\n'
    )
    (tmp_path / "b.txt").write_text("")
    (tmp_path / "two.jsonl").write_text(
        '{"headline": "Ferry", "body": "The ferry runs, said Captain Ida Berg."}\n'
        '{"headline": "Brücke", "body": "Die Brücke ist fertig.", "language": "de"}\n'
    )

    with pytest.raises(CommandError):
        call_command("import_articles", "--enqueue", str(tmp_path))
    first = {
        item.url.rsplit("/", 1)[1]: (item.status, item.error, item.attempts, item.article)
        for item in IngestItem.objects.all()
    }
    with pytest.raises(CommandError):
        call_command("import_articles", "--enqueue", str(tmp_path))  # asked again: re-run
    again = {
        item.url.rsplit("/", 1)[1]: (item.status, item.error, item.attempts)
        for item in IngestItem.objects.all()
    }

    bridge, ferry = (
        Article.objects.get(headline="Bridge opens"),
        Article.objects.get(headline="Ferry"),
    )
    assert first == {
        "a.txt": (IngestStatus.IMPORTED, "1 article: 1 created", 1, bridge),
        "b.txt": (IngestStatus.FAILED, "file is empty", 1, None),
        "two.jsonl": (
            IngestStatus.IMPORTED,
            f"2 articles: 2 created; {language_note('de')}",
            1,
            None,  # two records: no one article
        ),
    }
    assert again == {
        "a.txt": (IngestStatus.IMPORTED, "1 article: 1 unchanged", 1),
        "b.txt": (IngestStatus.FAILED, "file is empty", 1),
        "two.jsonl": (
            IngestStatus.IMPORTED,
            "2 articles: 2 unchanged",
            1,
        ),
    }
    assert Article.objects.count() == 3 and ferry.claims.count() == 1
    assert IngestItem.objects.get(url=good.resolve().as_uri()).url_key == ingest.file_key(
        good.resolve()
    )
    assert "b.txt: file is empty" in capsys.readouterr().err


def test_add_file_queues_a_file_once_until_it_is_done(tmp_path):
    path = tmp_path / "a.txt"
    queued = []

    first = ingest.add_file(path=path, enqueue=queued.append)
    second = ingest.add_file(path=tmp_path / "." / "a.txt", enqueue=queued.append)
    IngestItem.objects.filter(pk=first[0].pk).update(status=IngestStatus.IMPORTED, attempts=1)
    third = ingest.add_file(path=path, enqueue=queued.append)

    assert [created for _, created in (first, second, third)] == [True, False, True]
    assert queued == [first[0].pk, first[0].pk]  # the same item twice: once new, once again
    item = IngestItem.objects.get()
    assert (item.status, item.attempts, item.url) == (
        IngestStatus.QUEUED,
        0,
        path.resolve().as_uri(),
    )


def test_import_articles_summary_names_languages_without_claims(tmp_path, capsys):
    (tmp_path / "de.json").write_text(
        '{"headline": "Brücke", "body": "Der Bürgermeister sagte, die Brücke sei fertig.", '
        '"language": "de"}'
    )

    call_command("import_articles", str(tmp_path))

    out = capsys.readouterr().out
    assert "1 article(s) stored without claims: the extractor handles English only (de: 1)." in out
    assert Article.objects.get().claims.count() == 0


def test_worker_threads_keep_one_import_session_each(settings):
    import threading

    from claims import tasks

    settings.CLAIMDESK_INGEST_IN_PROCESS = False
    tasks._sessions.value = None
    mine = tasks._session()
    other = []
    thread = threading.Thread(target=lambda: other.append(tasks._session()))
    thread.start()
    thread.join()

    assert tasks._session() is mine
    assert other[0] is not mine
    settings.CLAIMDESK_INGEST_IN_PROCESS = True
    assert tasks._session() is None  # in-process: every import starts afresh
