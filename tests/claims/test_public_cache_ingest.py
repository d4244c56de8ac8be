"""The page cache survives ingest (issue 14): with CLAIMDESK_SHOW_UNREVIEWED off (the
production default) an imported article's claims are not public, so an import changes no public
page and every cached page is still served from the cache; publishing, unpublishing or
dismissing a claim shows on the next request. With the setting on, an import invalidates."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims.enums import ClaimStatus, Verdict
from claims.models import Claim, Speaker
from claims.public.pagecache import data_fingerprint
from claims.services.imports import import_article
from tests.factories import make_published_claim, make_record, make_speaker

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
        reverse("claims:topic-list"),
        speaker.get_absolute_url(),
        claim.get_absolute_url(),
        claim.article.get_absolute_url(),
    ]


def _import():
    article = import_article(record=make_record(headline=HEADLINE, body=BODY)).article
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


def _speaker_count(client) -> int:
    return int(re.search(r"(\d+) speakers?\s*</p>", _text(client, reverse("claims:home")))[1])


def test_an_import_leaves_every_cached_page_cached(client, django_assert_num_queries):
    speaker = make_speaker(name="Old Speaker")
    claim = make_published_claim(content="Already public words", speaker=speaker)
    pages = _pages(speaker, claim)
    before = {url: _text(client, url) for url in pages}
    fingerprint = data_fingerprint()
    speakers = Speaker.objects.count()

    _import()

    assert Speaker.objects.count() > speakers  # the import brought a new speaker
    assert data_fingerprint() == fingerprint
    for url in pages:
        # 1 the data fingerprint; the page comes from the cache, unchanged.
        with django_assert_num_queries(1, info=url):
            assert _text(client, url) == before[url]


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


def test_with_unreviewed_claims_shown_an_import_invalidates(client, settings):
    settings.CLAIMDESK_SHOW_UNREVIEWED = True
    make_published_claim(content="Already public words")
    assert "cut spending" not in _text(client, reverse("claims:claim-list"))
    fingerprint = data_fingerprint()

    _import()

    assert data_fingerprint() != fingerprint
    assert "cut spending" in _text(client, reverse("claims:claim-list"))


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
