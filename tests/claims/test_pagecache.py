"""claims.public.pagecache: the key is the data, the scheme, the address and the parameters a page
reads; any other query string is dropped, so it can neither force a render nor change a page."""

import pytest
from django.http import QueryDict
from django.urls import reverse

from claims.public.pagecache import page_query
from tests.factories import make_published_claim, make_speaker

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def test_page_query_keeps_declared_parameters_last_value_sorted_non_empty():
    query = QueryDict("r=1&page=2&q=&sort=oldest&page=3&utm_source=x")

    kept = page_query(query, ("q", "page", "sort"))

    assert kept.urlencode() == "page=3&sort=oldest"
    assert not kept._mutable


def test_unread_query_strings_are_served_from_one_cache_entry(client, django_assert_num_queries):
    claim = make_published_claim(content="Cached claim", speaker=make_speaker())
    first = client.get(claim.get_absolute_url(), {"r": "1"})

    # 1 the data fingerprint: ?r=2 is the same page, from the cache (it forced a render).
    with django_assert_num_queries(1):
        second = client.get(claim.get_absolute_url(), {"r": "2", "utm_source": "feed"})

    assert second.status_code == 200
    assert second.content == first.content


def test_claim_list_reads_its_filters_and_drops_other_parameters(client, django_assert_num_queries):
    make_published_claim(content="Alpha words")
    make_published_claim(content="Beta words")
    url = reverse("claims:claim-list")
    first = client.get(url, {"q": "alpha", "tracking": "one"})

    with django_assert_num_queries(1):  # the data fingerprint; the page comes from the cache
        second = client.get(url, {"tracking": "two", "q": "alpha"})

    html = second.content.decode()
    assert second.content == first.content
    assert "Alpha" in html and "Beta" not in html
    assert "tracking" not in html  # links built from the query string never carry it


def test_scheme_is_part_of_the_key(client):
    claim = make_published_claim(content="Scheme words", speaker=make_speaker())
    http = client.get(claim.get_absolute_url()).content.decode()

    https = client.get(claim.get_absolute_url(), secure=True).content.decode()

    path = claim.get_absolute_url()
    assert f'<link rel="canonical" href="http://testserver{path}">' in http
    assert f'<link rel="canonical" href="https://testserver{path}">' in https


def test_speaker_list_page_parameter_still_pages(client, settings):
    speaker = make_speaker(name="Zed Last")
    make_published_claim(content="Zed words", speaker=speaker)

    html = client.get(reverse("claims:speaker-list"), {"page": "1", "x": "y"}).content.decode()

    assert "Zed Last" in html


def test_fingerprint_predicates_are_the_partial_indexes_word_for_word():
    """The planner uses a partial index only for the predicate it was built with: migrations
    0023's, 0027's, 0028's and 0030's indexes must say what the fingerprint asks (its LIKE
    patterns doubled for params)."""
    import importlib

    from claims.models import Article, Claim, Speaker
    from claims.public.pagecache import _PUBLIC_ONLY, _SHOWN

    migration = importlib.import_module("claims.migrations.0023_public_fingerprint_import_updates")
    speakers = importlib.import_module("claims.migrations.0030_page_generation")
    ours = {
        model.history.model._meta.db_table: _PUBLIC_ONLY[model].replace("%%", "%")
        for model in (Claim, Article, Speaker)
    }

    demo = importlib.import_module("claims.migrations.0027_public_fingerprint_demo")
    claims = importlib.import_module("claims.migrations.0028_public_fingerprint_reanchored_claims")

    assert ours == {
        **migration._NEW,
        "claims_historicalspeaker": speakers._SPEAKER,
        claims._TABLE: claims._NEW,
    }
    assert _SHOWN[Claim] == demo._SHOWN
