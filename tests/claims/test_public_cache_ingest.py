"""The page cache survives ingest (issue 14): with CLAIMDESK_SHOW_UNREVIEWED off (the
production default) an imported article's claims are not public, so an import changes no public
page and every cached page is still served from the cache; a re-import replacing unpublished
claims changes the article's own page only; a re-import of an article with a published claim
changes the pages showing it; publishing, unpublishing, dismissing or correcting a claim shows
on the next request, on exactly the pages it appears on. With the setting on (the demo), an
import changes the lists, its speakers' pages and its article's, and no other page."""

import re

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims.enums import ClaimStatus, SpeakerKind, Verdict
from claims.models import Article, Claim, Speaker
from claims.public.pagecache import data_fingerprint
from claims.services.imports import (
    ImportSession,
    import_article,
    import_reason,
    reextract_article,
)
from claims.services.review import publish_claim
from claims.services.speakers import SpeakerResolver
from claims.services.speakers.writes import (
    FILLED_IN,
    FILLED_IN_UNSEEN,
    HANDED_OVER,
)
from tests.concurrency import held_open
from tests.factories import (
    ensure_roles,
    make_alias,
    make_article,
    make_claim,
    make_evidence,
    make_outlet,
    make_published_claim,
    make_record,
    make_speaker,
    make_stance,
    make_topic,
    make_user,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

HEADLINE = "Ina Lund: “No new taxes this year”"
BODY = (
    "The mayor, Ina Lund, spoke in the square on Monday.\n\n"
    "“We will cut spending instead,” Lund said."
)


def _pages(speaker, claim):
    return [
        reverse("claims:home"),
        reverse("claims:claim-list"),
        reverse("claims:speaker-list"),
        reverse("claims:article-list"),
        reverse("claims:topic-list"),
        speaker.get_absolute_url(),
        claim.get_absolute_url(),
        claim.article.get_absolute_url(),
    ]


# Not page-cached (rendered on every request), but they must not change either.
UNCACHED = ("/sitemap.xml", "/feeds/claims/")


def _import(**record):
    fields = {"headline": HEADLINE, "body": BODY, **record}
    article = import_article(record=make_record(**fields), update=True).article
    claims = list(Claim.objects.filter(article=article).select_related("speaker"))
    assert claims, "the import extracted no claim"
    assert all(c.status != ClaimStatus.PUBLISHED for c in claims)
    return article, claims


def _publish(claim):
    claim.status, claim.verdict = ClaimStatus.PUBLISHED, Verdict.FALSE
    claim.rationale, claim.published_at = "The budget says otherwise.", timezone.now()
    claim.save()


def _text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _render(client, urls: dict[str, str]) -> tuple[dict[str, str], set[str]]:
    """Each page's text by name, and the names served from the cache: one query, the data
    fingerprint (and the page's own part)."""
    after, cached = {}, set()
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            after[name] = _text(client, url)
        if len(queries) == 1:
            cached.add(name)
    return after, cached


def _speaker_count(client) -> int:
    return int(re.search(r"(\d+) speakers?\s*</p>", _text(client, reverse("claims:home")))[1])


def test_an_import_leaves_every_cached_page_cached(client, django_assert_num_queries):
    speaker = make_speaker(name="Old Speaker")
    claim = make_published_claim(content="Already public words", speaker=speaker)
    pages = _pages(speaker, claim)
    before = {url: _text(client, url) for url in [*pages, *UNCACHED]}
    fingerprint = data_fingerprint()
    speakers = Speaker.objects.count()

    _import()

    assert Speaker.objects.count() > speakers  # the import brought a new speaker
    assert data_fingerprint() == fingerprint
    for url in pages:
        # 1 the data fingerprint (the article page's own part in the same query); the page
        # comes from the cache, unchanged.
        with django_assert_num_queries(1, info=url):
            assert _text(client, url) == before[url]
    for url in UNCACHED:
        assert _text(client, url) == before[url], url


def test_publishing_an_imported_claim_shows_it_at_once(client):
    speaker = make_speaker(name="Old Speaker")
    claim = make_published_claim(content="Already public words", speaker=speaker)
    for url in _pages(speaker, claim):
        _text(client, url)
    _, imported = _import()
    new = imported[0]
    words = new.content.strip("“”\"', ")
    assert _speaker_count(client) == 1

    _publish(new)

    assert words in _text(client, reverse("claims:claim-list"))
    assert new.speaker.name in _text(client, reverse("claims:speaker-list"))
    assert words in _text(client, new.speaker.get_absolute_url())
    assert new.article.headline in _text(client, reverse("claims:article-list"))
    assert _speaker_count(client) == 2


@pytest.mark.parametrize("status", [ClaimStatus.READY, ClaimStatus.DISMISSED])
def test_unpublishing_or_dismissing_after_an_import_hides_it_at_once(client, status):
    speaker = make_speaker(name="Old Speaker")
    claim = make_published_claim(content="Soon gone words", speaker=speaker)
    make_published_claim(content="Staying words", speaker=speaker)
    for url in _pages(speaker, claim):
        _text(client, url)
    _import()

    claim.status = status
    claim.save()

    assert client.get(claim.get_absolute_url()).status_code == 404
    assert "Soon gone words" not in _text(client, reverse("claims:claim-list"))
    assert "Soon gone words" not in _text(client, speaker.get_absolute_url())
    assert "Staying words" in _text(client, speaker.get_absolute_url())


@pytest.mark.django_db(transaction=True)  # generations raised at COMMIT (0032)
def test_with_unreviewed_claims_shown_an_import_changes_only_the_pages_its_claims_are_on(
    client, settings
):
    settings.CLAIMDESK_SHOW_UNREVIEWED = True
    outlet, other_outlet = make_outlet(name="Daily Example"), make_outlet(name="Other Post")
    lund = make_speaker(name="Ina Lund")
    lund_claim = make_published_claim(
        content="Taxes will fall", speaker=lund, article=make_article(outlet=other_outlet)
    )
    topic = make_topic(title="Taxes")
    make_stance(lund_claim, topic)
    other = make_claim(  # unreviewed: public in the demo
        content="Already public words",
        speaker=make_speaker(name="Old Speaker"),
        article=make_article(outlet=outlet),
    )
    claims = reverse("claims:claim-list")
    urls = {
        "home": reverse("claims:home"),
        "claim list": claims,
        "claims by outlet": f"{claims}?outlet={outlet.slug}",
        "claims by speaker": f"{claims}?speaker={lund.slug}",
        "speaker list": reverse("claims:speaker-list"),
        "article list": reverse("claims:article-list"),
        "Lund": lund.get_absolute_url(),
        "topic list": reverse("claims:topic-list"),
        "topic": topic.get_absolute_url(),
        "Lund's claim": lund_claim.get_absolute_url(),
        "Lund's other article": lund_claim.article.get_absolute_url(),
        "other speaker": other.speaker.get_absolute_url(),
        "other claim": other.get_absolute_url(),
        "other article": other.article.get_absolute_url(),
    }
    before = {name: _text(client, url) for name, url in urls.items()}
    assert "cut spending" not in "".join(before.values())

    article, imported = _import(outlet="Daily Example")

    assert {c.speaker_id for c in imported} == {lund.pk}
    after, cached = _render(client, urls)
    # Its article's page is new; its speaker's page and the lists change; every other page,
    # topics included (an import writes no stance), is served from the cache, unchanged.
    assert cached == {
        "topic list",
        "topic",
        "Lund's claim",
        "Lund's other article",
        "other speaker",
        "other claim",
        "other article",
    }
    for name in cached:
        assert after[name] == before[name], name
    shows = {name for name, html in after.items() if "cut spending" in html}
    assert shows == {"home", "claim list", "claims by outlet", "claims by speaker", "Lund"}
    assert article.headline in after["article list"]
    assert "cut spending" in _text(client, article.get_absolute_url())


@pytest.mark.django_db(transaction=True)  # generations raised at COMMIT (0032)
def test_with_unreviewed_claims_shown_a_new_claim_shows_on_its_article_and_speaker(
    client, settings
):
    settings.CLAIMDESK_SHOW_UNREVIEWED = True
    speaker = make_speaker(name="Ada Minister")
    first = make_claim(content="Bridges are safe", speaker=speaker)
    pages = [first.article.get_absolute_url(), speaker.get_absolute_url()]
    for url in pages:
        assert "Tunnels leak" not in _text(client, url)

    make_claim(content="Tunnels leak", speaker=speaker, article=first.article, start=0, end=12)

    for url in pages:
        assert "Tunnels leak" in _text(client, url), url


def test_home_counts_speakers_with_public_claims_in_constant_queries(client, settings):
    settings.CLAIMDESK_PAGE_CACHE_SECONDS = 0
    make_published_claim(speaker=make_speaker(name="Public One"))
    _import()  # speakers found only in unpublished claims are not counted

    with CaptureQueriesContext(connection) as one:
        assert _speaker_count(client) == 1
    for n in range(3):
        make_published_claim(speaker=make_speaker(name=f"Public Many {n}"))
    with CaptureQueriesContext(connection) as four:
        assert _speaker_count(client) == 4

    assert len(four) == len(one)


# --- Re-imports --------------------------------------------------------------------------------

URL = "https://news.example/lund-taxes"
NEW_HEADLINE = "Ina Lund: “The square will be rebuilt”"
NEW_BODY = (
    "The mayor, Ina Lund, spoke in the square again on Tuesday.\n\n"
    "“We will rebuild the square by spring,” Lund said."
)


@pytest.mark.parametrize("how", ["new text", "re-extraction"])
def test_a_reimport_replacing_unpublished_claims_changes_no_public_page(
    client, settings, django_assert_num_queries, how
):
    settings.CLAIMDESK_ARTICLE_TEXT = "full"  # the article page would show its whole text
    speaker = make_speaker(name="Old Speaker")
    claim = make_published_claim(content="Already public words", speaker=speaker)
    article, old_claims = _import(url=URL)
    pages = _pages(speaker, claim)
    before = {url: _text(client, url) for url in [*pages, *UNCACHED]}
    article_url = article.get_absolute_url()
    # No public claim: the article has no page, before or after (it would name its outlet
    # and show its text).
    assert client.get(article_url).status_code == 404
    fingerprint = data_fingerprint()

    if how == "new text":
        result = import_article(
            record=make_record(headline=NEW_HEADLINE, body=NEW_BODY, url=URL), update=True
        )
    else:
        result = reextract_article(article=Article.objects.get(pk=article.pk))

    assert result.claims_replaced == len(old_claims)  # the unpublished claims were deleted
    assert not Claim.objects.filter(pk__in=[c.pk for c in old_claims]).exists()
    assert data_fingerprint() == fingerprint
    for url in pages:
        # 1 the data fingerprint; every other page comes from the cache, unchanged.
        with django_assert_num_queries(1, info=url):
            assert _text(client, url) == before[url]
    for url in UNCACHED:
        assert _text(client, url) == before[url], url
    response = client.get(article_url)
    assert response.status_code == 404
    assert "rebuild the square" not in response.content.decode()


def test_a_reimport_of_an_article_with_a_published_claim_changes_the_pages_showing_it(client):
    article, imported = _import(url=URL)
    published = next(c for c in imported if "cut spending" in c.content)
    _publish(published)  # a reviewer touched it: the re-import keeps it (orphaned: text gone)
    other = make_published_claim(content="Unrelated public words", speaker=make_speaker())
    pages = {
        "claim": published.get_absolute_url(),
        "articles": reverse("claims:article-list"),
        "article": article.get_absolute_url(),
    }
    for url in pages.values():
        assert HEADLINE in _text(client, url), url
    other_before = _text(client, other.get_absolute_url())

    import_article(record=make_record(headline=NEW_HEADLINE, body=NEW_BODY, url=URL), update=True)

    for url in pages.values():
        html = _text(client, url)
        assert (NEW_HEADLINE in html, HEADLINE in html) == (True, False), url
    assert "cut spending" in _text(client, pages["claim"])  # kept, flagged orphaned
    # Accountable: the orphaning is in the claim's history, as the import left it.
    assert _anchor_history(published)[-1] == (
        "~",
        import_reason("re-import"),
        published.start,
        True,
    )
    assert _text(client, other.get_absolute_url()) == other_before


def _anchor_history(claim):
    return list(
        Claim.history.filter(id=claim.pk)
        .order_by("history_id")
        .values_list("history_type", "history_change_reason", "start", "orphaned")
    )


@pytest.mark.parametrize("how", ["new text", "re-extraction"])
def test_a_reimport_moving_kept_unpublished_claims_records_it_and_changes_no_public_page(
    client, django_assert_num_queries, monkeypatch, how
):
    speaker = make_speaker(name="Old Speaker")
    claim = make_published_claim(content="Already public words", speaker=speaker)
    article, imported = _import(url=URL)
    for kept in imported:  # a reviewer touched them: a re-import keeps them
        kept.status = ClaimStatus.IN_REVIEW
        kept.save()
    spending = next(c for c in imported if "cut spending" in c.content)
    headline = next(c for c in imported if c.in_headline)
    assert len(imported) == 2
    pages = _pages(speaker, claim)
    before = {url: _text(client, url) for url in pages}
    fingerprint = data_fingerprint()
    prefix = "A first paragraph about the weather.\n\n"

    if how == "new text":  # the body's claim moves, the headline's is gone
        import_article(
            record=make_record(headline="Ina Lund speaks", body=prefix + BODY, url=URL),
            update=True,
        )
        reason = import_reason("re-import")
        expected = {
            spending.pk: [("~", reason, spending.start + len(prefix), False)],
            headline.pk: [("~", reason, headline.start, True)],
        }
    else:  # another extractor version finds them where they were: nothing moved, no row
        monkeypatch.setattr("claims.services.imports.EXTRACTOR_VERSION", "rules-test")
        reextract_article(article=Article.objects.get(pk=article.pk))
        expected = {spending.pk: [], headline.pk: []}

    # Before: the import's '+' row and the reviewer's '~'; after: the import's rows, if any.
    assert {c.pk: _anchor_history(c)[2:] for c in imported} == expected
    assert data_fingerprint() == fingerprint
    for url in pages:
        with django_assert_num_queries(1, info=url):  # the data fingerprint
            assert _text(client, url) == before[url]


# --- Publishing changes exactly the pages the claim appears on -----------------------------------


def test_publishing_a_claim_changes_exactly_the_pages_it_appears_on(client):
    country = make_speaker(name="Examplia", kind="government")
    minister = make_speaker(name="Ada Minister", affiliated_with=country)
    outlet, other_outlet = make_outlet(name="Daily Example"), make_outlet(name="Other Post")
    article = make_article(headline="Minister on bridges", outlet=outlet)
    topic, other_topic = make_topic(title="Bridges"), make_topic(title="Tunnels")
    claim = make_claim(
        content="Bridges are safe", speaker=minister, article=article, status=ClaimStatus.READY
    )
    make_stance(claim, topic, "supports")
    critic = make_speaker(name="Bob Critic")
    other_article = make_article(headline="Critic on tunnels", outlet=other_outlet)
    other = make_published_claim(content="Tunnels leak", speaker=critic, article=other_article)
    make_stance(other, other_topic, "opposes")
    urls = {
        "home": reverse("claims:home"),
        "claim list": reverse("claims:claim-list"),
        "claims by outlet": reverse("claims:claim-list") + f"?outlet={outlet.slug}",
        "claims by topic": reverse("claims:claim-list") + f"?topic={topic.slug}",
        "claims by other outlet": reverse("claims:claim-list") + f"?outlet={other_outlet.slug}",
        "speaker list": reverse("claims:speaker-list"),
        "article list": reverse("claims:article-list"),
        "topic list": reverse("claims:topic-list"),
        "claim": claim.get_absolute_url(),
        "speaker": minister.get_absolute_url(),
        "container": country.get_absolute_url(),
        "article": article.get_absolute_url(),
        "topic": topic.get_absolute_url(),
        "claims feed": reverse("claims:feed-claims"),
        "speaker feed": reverse("claims:feed-speaker", args=[minister.slug]),
        "topic feed": reverse("claims:feed-topic", args=[topic.slug]),
        "sitemap": "/sitemap.xml",
        "other claim": other.get_absolute_url(),
        "other speaker": critic.get_absolute_url(),
        "other article": other_article.get_absolute_url(),
        "other topic": other_topic.get_absolute_url(),
        "other topic feed": reverse("claims:feed-topic", args=[other_topic.slug]),
    }

    def read():
        pages = {}
        for name, url in urls.items():
            response = client.get(url)
            pages[name] = (response.status_code, response.content.decode())
        return pages

    before = read()
    assert "Bridges are safe" not in "".join(page for _, page in before.values())

    _publish(claim)
    after = read()

    changed = {name for name in urls if after[name] != before[name]}
    # The claim's own page, its speaker's page and feed, its article, its topic's page
    # (the position rolls up to Examplia) and feed, the lists and their filters (every claim
    # list carries the speaker filter, which now names Ada Minister), the feed, the sitemap.
    assert changed == {
        "home",
        "claim list",
        "claims by outlet",
        "claims by topic",
        "claims by other outlet",
        "speaker list",
        "article list",
        "topic list",
        "claim",
        "speaker",
        "article",
        "topic",
        "claims feed",
        "speaker feed",
        "topic feed",
        "sitemap",
    }
    shows_words = changed - {"claims by other outlet", "speaker list", "article list", "sitemap"}
    for name in shows_words - {"topic list"}:
        assert after[name][0] == 200 and "Bridges are safe" in after[name][1], name
    assert "Minister on bridges" in after["article list"][1]
    assert claim.get_absolute_url() in after["sitemap"][1]
    assert "Ada Minister" in after["speaker list"][1]
    assert "Bridges are safe" not in after["claims by other outlet"][1]
    topic_row = after["topic"][1]
    assert "Examplia" in topic_row and "Examplia" not in before["topic"][1]
    # A government with no claim of its own has no page, before or after.
    assert before["container"][0] == after["container"][0] == 404


def test_correcting_a_published_verdict_shows_at_once(client):
    claim = make_published_claim(
        content="Bridges are safe", verdict=Verdict.FALSE, speaker=make_speaker()
    )
    pages = [claim.get_absolute_url(), claim.speaker.get_absolute_url()]
    for url in pages:
        assert "verdict-false" in _text(client, url)

    claim.verdict = Verdict.TRUE
    claim.rationale = "The inspection report agrees."
    claim.save()

    for url in pages:
        html = _text(client, url)
        assert ("verdict-true" in html, "verdict-false" in html) == (True, False), url


@pytest.mark.parametrize("rows", [1, 3])
def test_article_index_is_cached(client, django_assert_num_queries, rows):
    for _ in range(rows):
        make_published_claim(article=make_article(outlet=make_outlet()))
    make_claim(article=make_article(headline="Only unreviewed"))  # could leak: never listed
    url = reverse("claims:article-list")

    # 1 the data fingerprint, 2 the count, 3 the page of articles with their outlets.
    with django_assert_num_queries(3):
        first = client.get(url)
    # 1 the data fingerprint: the page comes from the cache.
    with django_assert_num_queries(1):
        second = client.get(url)

    assert len(first.context["page_obj"].object_list) == rows
    assert second.content == first.content
    assert "Only unreviewed" not in second.content.decode()


# --- Speakers the import fills in ----------------------------------------------------------------

ROLE_BODY = "“We will cut spending this year,” said Ina Lund, the mayor of the town."


def _history(speaker):
    return list(
        speaker.history.order_by("history_id").values_list(
            "history_type", "history_change_reason", "role"
        )
    )


def test_an_import_filling_in_a_public_speakers_role_shows_at_once(client):
    lund = make_speaker(name="Ina Lund")
    claim = make_published_claim(content="Taxes will fall", speaker=lund)
    pages = [lund.get_absolute_url(), claim.get_absolute_url(), reverse("claims:speaker-list")]
    for url in pages:
        assert "mayor" not in _text(client, url), url

    import_article(record=make_record(body=ROLE_BODY), update=True)

    lund.refresh_from_db()
    assert lund.role == "mayor"
    assert _history(lund)[-1] == ("~", FILLED_IN, "mayor")
    for url in pages:
        assert "mayor" in _text(client, url), url


@pytest.mark.django_db(transaction=True)  # the commit checks the counter (migration 0032)
def test_an_import_filling_in_a_speaker_no_page_shows_leaves_every_page_cached(
    client, django_assert_num_queries
):
    lund = make_speaker(name="Ina Lund")
    make_claim(content="Unreviewed words", speaker=lund)  # on no public page: not published
    other = make_published_claim(content="Already public words", speaker=make_speaker())
    pages = _pages(other.speaker, other)
    before = {url: _text(client, url) for url in pages}
    assert client.get(lund.get_absolute_url()).status_code == 404
    fingerprint = data_fingerprint()

    # Committed: nothing counted committed meanwhile, so the commit raises no shared counter.
    import_article(record=make_record(body=ROLE_BODY), update=True)

    lund.refresh_from_db()
    assert lund.role == "mayor"
    assert _history(lund)[-2:] == [("+", None, ""), ("~", FILLED_IN_UNSEEN, "mayor")]
    assert data_fingerprint() == fingerprint
    for url in pages:
        with django_assert_num_queries(1, info=url):  # the data fingerprint
            assert _text(client, url) == before[url]
    assert client.get(lund.get_absolute_url()).status_code == 404


def test_a_speaker_handed_over_to_a_concurrent_run_leaves_every_cached_page_cached(
    client, django_assert_num_queries
):
    """This run's cache was loaded before another run stored Hanna Maliar: on SQLite the
    import creates her again, finds her name taken and hands over to theirs, deleting its own
    copy, which no page ever showed (PostgreSQL's write path retries the article with a
    reloaded cache instead). The deletion row used to renew every key."""
    other = make_published_claim(content="Already public words", speaker=make_speaker())
    session = ImportSession()
    import_article(record=make_record(body="Olaf Scholz said the plan was ready."), session=session)
    # Another run's, stored after this run loaded its cache; under another slug (a rename,
    # say), else the slugs collide first and the article is retried with a reloaded cache.
    theirs = make_speaker(name="Hanna Maliar", slug="hanna-maliar-ua")
    make_alias(theirs, "Hanna Maliar")
    pages = _pages(other.speaker, other)
    before = {url: _text(client, url) for url in pages}
    fingerprint = data_fingerprint()

    result = import_article(
        record=make_record(body="Hanna Maliar said the line held."), session=session
    )

    claims = Claim.objects.filter(article=result.article).values_list("speaker_id", flat=True)
    assert list(claims) == [theirs.pk]
    dropped = Speaker.history.filter(history_type="-").values_list("name", "history_change_reason")
    handed_over = [] if connection.vendor == "postgresql" else [("Hanna Maliar", HANDED_OVER)]
    assert list(dropped) == handed_over
    assert data_fingerprint() == fingerprint
    for url in pages:
        with django_assert_num_queries(1, info=url):  # the data fingerprint
            assert _text(client, url) == before[url]


def test_an_import_never_overwrites_a_role_an_editor_gave_since_the_run_began():
    """The run's cache says Lund has no role; an editor gives her one meanwhile; the run's
    next article names her "the mayor": her role stays the editor's, and no import row."""
    lund = make_speaker(name="Ina Lund")
    make_published_claim(content="Taxes will fall", speaker=lund)
    session = ImportSession()
    import_article(record=make_record(), session=session)  # the run loads its cache
    assert session.resolver._known[lund.pk].role == ""
    lund.role = "Mayor of Exampleton"
    lund.save()

    result = import_article(record=make_record(body=ROLE_BODY), session=session)

    assert result.speakers_matched == 1  # her claim is in
    lund.refresh_from_db()
    assert lund.role == "Mayor of Exampleton"
    assert _history(lund) == [("+", None, ""), ("~", None, "Mayor of Exampleton")]


def test_filling_in_a_container_with_no_claim_of_its_own_shows_on_its_members_pages(client):
    """Positions roll up along containment: a government with no claim of its own that an
    import puts in a country changes the topic page of its member's claim."""
    examplia = make_speaker(name="Examplia", kind=SpeakerKind.GOVERNMENT)
    make_alias(examplia, "Examplia")
    minister = make_speaker(name="Ada Minister", affiliated_with=examplia)
    topic = make_topic(title="Bridges")
    make_stance(make_published_claim(content="Bridges are safe", speaker=minister), topic)
    assert "Ruritania" not in _text(client, topic.get_absolute_url())

    resolver = SpeakerResolver()
    with transaction.atomic(), resolver.article():
        resolver.resolve_many([("Examplia", SpeakerKind.GOVERNMENT, "", "Ruritania", "")])

    examplia.refresh_from_db()
    assert examplia.affiliated_with.name == "Ruritania"
    assert [r[:2] for r in _history(examplia)] == [("+", None), ("~", FILLED_IN)]
    assert "Ruritania" in _text(client, topic.get_absolute_url())


@pytest.mark.parametrize("with_the_article", [False, True], ids=["own-queries", "deferred"])
def test_a_container_whose_member_the_same_article_puts_in_it_counts_as_shown(
    request, with_the_article
):
    """One article puts Ada Minister (a published claim) in Examplia and Examplia in
    Ruritania: Examplia is on public pages from then on (positions roll up to it), so its row
    is FILLED_IN, on both write paths: the walk of shown_publicly_among sees the containment
    as it stands after the update, also when the update is part of the article's one
    statement on PostgreSQL (fastwrite.ArticleRows.fills)."""
    from claims.services import fastwrite

    if with_the_article:
        request.getfixturevalue("on_postgresql")
    examplia = make_speaker(name="Examplia", kind=SpeakerKind.GOVERNMENT)
    make_alias(examplia, "Examplia")
    minister = make_speaker(name="Ada Minister")
    make_alias(minister, "Ada Minister")
    make_published_claim(content="Bridges are safe", speaker=minister)

    resolver = SpeakerResolver()
    rows = fastwrite.ArticleRows() if with_the_article else None
    with transaction.atomic(), resolver.article():
        resolver.resolve_many(
            [
                ("Ada Minister", SpeakerKind.PERSON, "", "Examplia", ""),
                ("Examplia", SpeakerKind.GOVERNMENT, "", "Ruritania", ""),
            ],
            defer=rows,
        )
        if rows is not None:
            rows.write()

    minister.refresh_from_db()
    examplia.refresh_from_db()
    assert (minister.affiliated_with, examplia.affiliated_with.name) == (examplia, "Ruritania")
    assert [r[:2] for r in _history(minister)][-1] == ("~", FILLED_IN)
    assert [r[:2] for r in _history(examplia)] == [("+", None), ("~", FILLED_IN)]


@pytest.mark.parametrize(
    "between",
    [
        pytest.param(["Examplia Press Office"], id="spokesman-office-government"),
        pytest.param(
            ["Examplia Press Office", "Examplia Cabinet"], id="spokesman-office-government-country"
        ),
    ],
)
def test_filling_in_the_outermost_container_of_a_deep_chain_shows_on_the_topic_page_at_once(
    client, django_assert_num_queries, between
):
    """Positions roll up CONTAINMENT_DEPTH levels of containers, and a container that far up
    counts as shown (shown_publicly_among): an import putting the outermost container of
    the spokesman's chain (2 or 3 levels above him) in a country shows it on the topic page at
    once instead of at expiry. The 3-level chain (Examplia above the cabinet) was stale
    while the query looked two levels up only."""
    examplia = make_speaker(name="Examplia", kind=SpeakerKind.GOVERNMENT)
    make_alias(examplia, "Examplia")
    container = examplia
    for name in reversed(between):
        container = make_speaker(
            name=name, kind=SpeakerKind.ORGANIZATION, affiliated_with=container
        )
    spokesman = make_speaker(name="Ivo Spokes", affiliated_with=container)
    topic = make_topic(title="Bridges")
    make_stance(make_published_claim(content="Bridges are safe", speaker=spokesman), topic)
    levels = len(between) + 1  # Examplia's levels above the spokesman
    # 1 the data fingerprint, 2 the topic, 3 its stances with speaker and container, then one
    # query for each further level of containers (containment_roots).
    with django_assert_num_queries(3 + levels - 1):
        before = _text(client, topic.get_absolute_url())
    assert "Examplia</a>" in before and "(Ivo Spokes)" in before
    assert "Ruritania" not in before

    resolver = SpeakerResolver()
    with transaction.atomic(), resolver.article():
        resolver.resolve_many([("Examplia", SpeakerKind.GOVERNMENT, "", "Ruritania", "")])

    # Rendered again (stale, it was served from the cache in 1 query), Ruritania one level
    # further up: one query more.
    with django_assert_num_queries(3 + levels):
        after = _text(client, topic.get_absolute_url())
        assert "Ruritania</a>" in after and "Examplia</a>" not in after
    assert "(Ivo Spokes)" in after
    examplia.refresh_from_db()
    assert examplia.affiliated_with.name == "Ruritania"
    assert [r[:2] for r in _history(examplia)] == [("+", None), ("~", FILLED_IN)]


@pytest.mark.django_db(transaction=True)  # generations raised at COMMIT (0032)
def test_with_unreviewed_claims_shown_a_fill_in_changes_only_the_pages_showing_the_speaker(
    client, settings, django_assert_num_queries
):
    """In the demo Lund's unreviewed claim is public, so her role shows on her page, her
    claim's, her article's and the lists; an import filling it in renews those keys (their
    own part reads her history rows) and no other: topics (reviewed stances only) and other
    speakers', claims' and articles' pages stay cached."""
    settings.CLAIMDESK_SHOW_UNREVIEWED = True
    lund = make_speaker(name="Ina Lund")
    lund_claim = make_claim(content="Taxes will fall", speaker=lund)  # public in the demo
    critic = make_speaker(name="Bob Critic")
    other = make_published_claim(content="Tunnels leak", speaker=critic)
    topic = make_topic(title="Tunnels")
    make_stance(other, topic)
    urls = {
        "home": reverse("claims:home"),
        "claim list": reverse("claims:claim-list"),
        "speaker list": reverse("claims:speaker-list"),
        "article list": reverse("claims:article-list"),
        "topic list": reverse("claims:topic-list"),
        "topic": topic.get_absolute_url(),
        "Lund": lund.get_absolute_url(),
        "Lund's claim": lund_claim.get_absolute_url(),
        "Lund's article": lund_claim.article.get_absolute_url(),
        "other speaker": critic.get_absolute_url(),
        "other claim": other.get_absolute_url(),
        "other article": other.article.get_absolute_url(),
    }
    before = {name: _text(client, url) for name, url in urls.items()}
    assert "mayor" not in "".join(before.values())

    import_article(record=make_record(body=ROLE_BODY), update=True)

    lund.refresh_from_db()
    assert _history(lund)[-1] == ("~", FILLED_IN_UNSEEN, "mayor")
    after, cached = _render(client, urls)
    assert cached == {"topic list", "topic", "other speaker", "other claim", "other article"}
    for name in cached:
        assert after[name] == before[name], name
    shows = {name for name, html in after.items() if "mayor" in html}
    assert shows == {"home", "claim list", "speaker list", "Lund", "Lund's claim", "Lund's article"}


def test_an_import_from_a_new_outlet_leaves_every_page_cached_until_its_claim_is_published(
    client, django_assert_num_queries
):
    speaker = make_speaker(name="Old Speaker")
    claim = make_published_claim(content="Already public words", speaker=speaker)
    pages = _pages(speaker, claim)
    assert reverse("claims:claim-list") in pages
    before = {url: _text(client, url) for url in pages}

    article, claims = _import(outlet="Brand New Gazette")

    for url in pages:
        with django_assert_num_queries(1, info=url):  # the data fingerprint
            assert _text(client, url) == before[url]
    # Named nowhere while none of its claims is public: not in the claim list's filter, and
    # a filter by its slug is refused like an unknown one.
    assert "Brand New Gazette" not in _text(client, reverse("claims:claim-list"))
    refused = client.get(reverse("claims:claim-list"), {"outlet": article.outlet.slug})
    assert "Already public words" not in refused.content.decode()

    _publish(claims[0])

    assert "Brand New Gazette" in _text(client, reverse("claims:claim-list"))  # its filter


def test_filling_in_a_container_whose_members_have_no_public_claim_leaves_every_page_cached(
    client, django_assert_num_queries
):
    examplia = make_speaker(name="Examplia", kind=SpeakerKind.GOVERNMENT)
    make_alias(examplia, "Examplia")
    office = make_speaker(name="Examplia Office", affiliated_with=examplia)
    make_claim(content="Unreviewed words", speaker=make_speaker(affiliated_with=office))
    other = make_published_claim(content="Already public words", speaker=make_speaker())
    pages = _pages(other.speaker, other)
    before = {url: _text(client, url) for url in pages}
    fingerprint = data_fingerprint()

    resolver = SpeakerResolver()
    with transaction.atomic(), resolver.article():
        resolver.resolve_many([("Examplia", SpeakerKind.GOVERNMENT, "", "Ruritania", "")])

    assert [r[:2] for r in _history(examplia)][-1] == ("~", FILLED_IN_UNSEEN)
    assert data_fingerprint() == fingerprint
    for url in pages:
        with django_assert_num_queries(1, info=url):
            assert _text(client, url) == before[url]


@pytest.mark.django_db(transaction=True)
def test_a_fill_in_racing_the_publication_of_the_speakers_first_claim_shows_at_once(
    client, on_postgresql
):
    """The interleaving (two connections, PostgreSQL's READ COMMITTED): an import fills in
    Lund's role and, seeing no public claim of hers, writes the fill-in's history row as one
    on no public page (FILLED_IN_UNSEEN, which the fingerprint leaves out); before it commits,
    an editor publishes Lund's first claim, and her page, rendered at once under the new
    fingerprint, shows no role (the import has not committed); then the import commits. Its
    commit raises the shared counters itself (migration 0032: the counter moved since the
    import read it), with nothing left for after the commit: a callback there was lost with
    a process killed between the commit and it, and the page stayed stale until it expired.
    The import's transaction is held open between the two to make the window certain."""
    ensure_roles()  # an earlier transactional test's flush may have removed the groups
    lund = make_speaker(name="Ina Lund")
    claim = make_claim(
        content="Taxes will fall",
        speaker=lund,
        status=ClaimStatus.READY,
        verdict=Verdict.FALSE,
        rationale="The budget says otherwise.",
        attribution_checked=True,
    )
    make_evidence(claim)
    editor = make_user(role="Editor")
    after_commit = []

    def run_import():
        import_article(record=make_record(body=ROLE_BODY), update=True)
        after_commit.extend(transaction.get_connection().run_on_commit)

    with held_open(run_import):
        # the import's rows: not committed
        assert [r[:2] for r in _history(lund)] == [("+", None)]
        publish_claim(claim=claim, user=editor)
        html = _text(client, lund.get_absolute_url())  # rendered and cached, import still open
        assert ("Taxes will fall" in html, "mayor" in html) == (True, False)

    assert after_commit == []  # nothing waits for the commit: a killed process loses nothing
    lund.refresh_from_db()
    assert lund.role == "mayor"
    assert _history(lund) == [("+", None, ""), ("~", FILLED_IN_UNSEEN, "mayor")]
    for url in (lund.get_absolute_url(), claim.get_absolute_url()):
        assert "mayor" in _text(client, url), url
