"""Public query parameters never produce a 500: each filter, walked with hostile values.

A 400 or a clean, empty or ignored result is fine; an exception (which the test client
re-raises) or a 500 is not.
"""

import pytest
from django.urls import reverse

from tests.factories import (
    make_article,
    make_outlet,
    make_published_claim,
    make_speaker,
    make_stance,
    make_tag,
    make_topic,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # These tests read response.context and count queries: they need every page rendered.
    # The cache has its own tests (test_public_cache.py).
    settings.CLAIMDESK_PAGE_CACHE_SECONDS = 0


HOSTILE_VALUES = [
    "",
    "'",
    '"',
    '"unclosed phrase',
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "\x00",
    "bridge\x00cost",
    "a" * 10_000,
    " ".join(["word"] * 500),
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "2024-13-45",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "2024-01-01_99999999999999999999",
    "2024-01-01_1",
    "%",
    "%%_\\",
    "!!&&||",
    "(",
    ")",
    ":*",
    "a:* & !b",
    "or",
    "-",
    "- - -",
    "not not",
    "\u202eevil\u200b",
    "🙂" * 50,
    "../../etc/passwd",
    "javascript:alert(1)",
]
PARAMS = [
    "q",
    "speaker",
    "tag",
    "topic",
    "outlet",
    "verdict",
    "kind",
    "date_from",
    "date_to",
    "sort",
    "page",
    "after",
    "before",
]


@pytest.fixture
def some_claims():
    topic, tag = make_topic(), make_tag()
    for _ in range(3):
        claim = make_published_claim(
            speaker=make_speaker(), article=make_article(outlet=make_outlet())
        )
        claim.tags.add(tag)
        make_stance(claim, topic)


@pytest.mark.slow
@pytest.mark.parametrize("param", PARAMS)
def test_claim_list_survives_hostile_values_for_every_parameter(client, some_claims, param):
    for value in HOSTILE_VALUES:
        for sort in ("newest", "oldest", "relevance"):
            response = client.get(
                reverse("claims:claim-list"),
                {param: value, "sort": sort, "q": "claim"}
                if param not in ("sort", "q")
                else {param: value},
            )

            assert response.status_code in (200, 400), (param, value, sort)


def test_claim_list_survives_repeated_and_unknown_parameters(client, some_claims):
    response = client.get(
        reverse("claims:claim-list") + "?speaker=a&speaker=b&q=x&q=y&unknown=1&page=2&page=x"
    )

    assert response.status_code == 200


def test_unknown_sort_is_reported_not_crashed(client, some_claims):
    response = client.get(reverse("claims:claim-list"), {"sort": "id; DROP TABLE claims_claim"})

    assert response.status_code == 200
    assert "Some filters could not be used" in response.content.decode()
    assert response.context["page"].rows == []


def test_invalid_cursor_starts_from_the_first_page(client, some_claims):
    first = client.get(reverse("claims:claim-list"))
    bad = client.get(reverse("claims:claim-list"), {"after": "not-a-cursor"})

    assert [c.pk for c in bad.context["page"].rows] == [c.pk for c in first.context["page"].rows]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_speaker_list_survives_hostile_page_numbers(client, some_claims, value):
    assert client.get(reverse("claims:speaker-list"), {"page": value}).status_code in (200, 400)


@pytest.mark.parametrize(
    "path",
    [
        "/claims/99999999999999999999999999/",
        "/claims/9223372036854775808/",
        "/claims/0/",
        "/speakers/%00/",
        "/speakers/" + "a" * 5000 + "/",
        "/articles/%3Cscript%3E/",
        "/topics/..%2F..%2F/",
        "/feeds/speakers/" + "x" * 3000 + "/",
    ],
)
def test_hostile_paths_answer_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.slow
@pytest.mark.parametrize("name", ["home", "topic-list", "feed-claims"])
def test_pages_without_parameters_ignore_hostile_ones(client, some_claims, name):
    for value in HOSTILE_VALUES:
        assert client.get(reverse(f"claims:{name}"), {"q": value, "page": value}).status_code == 200
