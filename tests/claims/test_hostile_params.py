"""Public query parameters: what a reader gets for hostile values, never a 500.

The claim list is a strict FilterSet: a value a filter cannot use shows the page with "Some
filters could not be used", the filter named, and no claims; a value it can use filters
without an error; pagination parameters it cannot read start from the first page. Each case's
expected outcome is worked out here from the value (`_unusable`), independently of the view.

The fast run sends every hostile value once, each in a rotating pair of parameters (a small
pairwise set); the slow run lets hypothesis draw combinations of up to three parameters.
"""

import re

import pytest
from django import forms
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.enums import ClaimKind, Verdict
from claims.models import Outlet, Speaker, Tag, Topic
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
FILTERS = ["q", "speaker", "tag", "topic", "outlet", "verdict", "kind", "date_from", "date_to"]
PAGINATION = ["page", "after", "before"]
PARAMS = [*FILTERS, "sort", *PAGINATION]
SORTS = ("newest", "oldest", "relevance")
Q_MAX_LENGTH = 1000  # the search box's maxlength


def _unusable(param: str, value: str) -> bool:
    """Whether the claim list must report `param=value` as a filter it could not use."""
    if param in PAGINATION or value == "":
        return False  # pagination never errors; an empty filter is no filter
    if param == "q":
        return "\x00" in value or len(value.strip()) > Q_MAX_LENGTH
    slugs = {
        "speaker": Speaker,
        "tag": Tag,
        "topic": Topic,
        "outlet": Outlet,
    }
    if param in slugs:
        return "\x00" in value or not slugs[param].objects.filter(slug=value).exists()
    if param == "verdict":
        return value not in Verdict.values
    if param == "kind":
        return value not in ClaimKind.values
    if param == "sort":
        return value not in SORTS
    try:  # date_from, date_to: what a date input sends (Django's own date parsing)
        forms.DateField().clean(value)
    except forms.ValidationError:
        return True
    return False


_ERROR_ITEM_RE = re.compile(r"<li>(\w+): ")


def _reported(body: str) -> set[str]:
    """The filters the page names under "Some filters could not be used"."""
    if "Some filters could not be used" not in body:
        return set()
    box = body.split("Some filters could not be used", 1)[1].split("</ul>", 1)[0]
    return set(_ERROR_ITEM_RE.findall(box))


def _assert_reader_gets_what_the_values_call_for(client, params: dict):
    response = client.get(reverse("claims:claim-list"), params)

    assert response.status_code == 200, params
    body = response.content.decode()
    unusable = {p for p, v in params.items() if _unusable(p, v)}
    assert _reported(body) == unusable, params
    if unusable:
        assert response.context["page"].rows == [], params
    else:
        assert "Some filters could not be used" not in body


@pytest.fixture
def some_claims():
    topic, tag = make_topic(), make_tag()
    claims = []
    for _ in range(3):
        claim = make_published_claim(
            speaker=make_speaker(), article=make_article(outlet=make_outlet())
        )
        claim.tags.add(tag)
        make_stance(claim, topic)
        claims.append(claim)
    return claims


def _pairwise_cases() -> list[dict]:
    """Every hostile value once, under a rotating parameter, beside a second rotating one."""
    cases = []
    for i, value in enumerate(HOSTILE_VALUES):
        first = PARAMS[i % len(PARAMS)]
        second = PARAMS[(i * 5 + 3) % len(PARAMS)]
        other = HOSTILE_VALUES[(i * 7 + 1) % len(HOSTILE_VALUES)]
        cases.append({first: value} if first == second else {first: value, second: other})
    return cases


# Subtests, not parametrize: one set of claims serves every case (the pages only read it).
def test_claim_list_hostile_values_show_the_filters_error_or_filter(client, some_claims, subtests):
    for params in _pairwise_cases():
        with subtests.test(params=params):
            _assert_reader_gets_what_the_values_call_for(client, params)


@pytest.mark.parametrize("param", ["speaker", "tag", "topic", "outlet"])
def test_claim_list_known_slug_filters_without_error(client, some_claims, param):
    claim = some_claims[0]
    slug = {
        "speaker": claim.speaker.slug,
        "tag": claim.tags.get().slug,
        "topic": claim.stances.get().topic.slug,
        "outlet": claim.article.outlet.slug,
    }[param]

    response = client.get(reverse("claims:claim-list"), {param: slug})

    assert _reported(response.content.decode()) == set()
    rows = response.context["page"].rows
    assert claim.pk in [c.pk for c in rows]


@pytest.mark.slow
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.dictionaries(
        st.sampled_from(PARAMS),
        st.one_of(
            st.sampled_from(HOSTILE_VALUES),
            st.sampled_from([*SORTS, *Verdict.values, *ClaimKind.values, "2024-02-29"]),
            st.text(max_size=40),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_claim_list_property_hostile_combinations_show_the_filters_error(
    client, some_claims, params
):
    _assert_reader_gets_what_the_values_call_for(client, params)


def test_claim_list_survives_repeated_and_unknown_parameters(client, some_claims):
    response = client.get(
        reverse("claims:claim-list") + "?speaker=a&speaker=b&q=x&q=y&unknown=1&page=2&page=x"
    )

    assert response.status_code == 200
    # The last of a repeated parameter counts: speaker=b is no speaker.
    assert _reported(response.content.decode()) == {"speaker"}


def test_unknown_sort_is_reported_not_crashed(client, some_claims):
    response = client.get(reverse("claims:claim-list"), {"sort": "id; DROP TABLE claims_claim"})

    assert response.status_code == 200
    assert "Some filters could not be used" in response.content.decode()
    assert response.context["page"].rows == []


def test_unreadable_pagination_starts_from_the_first_page(client, some_claims, subtests):
    first = [c.pk for c in client.get(reverse("claims:claim-list")).context["page"].rows]
    assert len(first) == 3

    for param in PAGINATION:
        for value in ["not-a-cursor", "-1", "\x00", "2024-01-01_99999999999999999999"]:
            with subtests.test(param=param, value=value):
                bad = client.get(reverse("claims:claim-list"), {param: value})
                assert [c.pk for c in bad.context["page"].rows] == first


def test_speaker_list_hostile_page_numbers_show_the_only_page(client, some_claims, subtests):
    speakers = sorted(c.speaker_id for c in some_claims)

    for value in HOSTILE_VALUES:
        with subtests.test(value=value):
            response = client.get(reverse("claims:speaker-list"), {"page": value})
            assert response.status_code == 200
            page = response.context["page"]
            assert page.number == 1
            assert sorted(s.pk for s in page.object_list) == speakers


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


_NONCE_RE = re.compile(r' nonce="[^"]*"')


@pytest.mark.parametrize("name", ["home", "topic-list", "feed-claims"])
def test_pages_without_parameters_ignore_hostile_ones(client, some_claims, subtests, name):
    # The same page as without the parameters (each response has its own CSP nonce).
    plain = _NONCE_RE.sub("", client.get(reverse(f"claims:{name}")).content.decode())

    for value in ["' OR 1=1 --", "\x00", "a" * 10_000, "-1", "🙂" * 50]:
        with subtests.test(value=value):
            hostile = client.get(reverse(f"claims:{name}"), {"q": value, "page": value})
            assert hostile.status_code == 200
            assert _NONCE_RE.sub("", hostile.content.decode()) == plain
