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


def _fingerprint_runs() -> dict[str, int]:
    """The fingerprint statements this connection prepared: parameter types -> times run."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT parameter_types::text, generic_plans + custom_plans "
            "FROM pg_prepared_statements WHERE statement LIKE %s",
            ["SELECT (SELECT max(history_date) FROM claims_historicalclaim WHERE %"],
        )
        return dict(cursor.fetchall())


def test_fingerprint_is_prepared_once_per_connection_on_postgresql(
    client, on_postgresql, django_assert_num_queries
):
    """Every cached page runs the fingerprint, and PostgreSQL planned it on every run (longer
    than running it). Prepared, the connection keeps one statement for the shared
    fingerprint and one per page scope with parameters, and runs them again."""
    assert _fingerprint_runs() == {}  # psycopg deallocates all at a rollback (the last test's)
    claim = make_published_claim(content="Prepared words", speaker=make_speaker())
    pages = [reverse("claims:home"), claim.get_absolute_url(), claim.article.get_absolute_url()]
    first = {url: client.get(url).content for url in pages}

    for _ in range(3):
        for url in pages:
            with django_assert_num_queries(1):  # the data fingerprint, from the cache after
                assert client.get(url).content == first[url]

    # home and the claim page share one statement; the article page adds its slug's lookup
    assert _fingerprint_runs() == {"{}": 8, "{text}": 4}


def test_fingerprint_is_not_prepared_with_prepared_statements_off(client, on_postgresql):
    """DATABASE_PREPARED_STATEMENTS=0 (newsroom/settings.py): the connection's threshold is
    None, and psycopg runs the fingerprint unprepared (a pooler in transaction mode)."""
    from django.db import connection

    claim = make_published_claim(content="Unprepared words", speaker=make_speaker())
    connection.ensure_connection()
    threshold = connection.connection.prepare_threshold
    connection.connection.prepare_threshold = None
    try:
        first = client.get(claim.get_absolute_url()).content
        assert client.get(claim.get_absolute_url()).content == first
        assert _fingerprint_runs() == {}
    finally:
        connection.connection.prepare_threshold = threshold
