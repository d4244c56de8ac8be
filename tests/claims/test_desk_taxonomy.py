"""The desk's tag, topic, outlet and article pickers (claims/desk/): the admin's autocomplete
pages these lists, so their order must be total and the one the reader expects."""

import warnings

import pytest
from django.core.paginator import UnorderedObjectListWarning

from tests.factories import make_article, make_outlet, make_tag, make_topic, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model_name", "field_name", "make", "label"),
    [
        ("claim", "tags", make_tag, "name"),
        ("stance", "topic", make_topic, "title"),
        ("article", "outlet", make_outlet, "name"),
    ],
)
def test_taxonomy_autocomplete_lists_by_name_in_one_stable_order(
    client, model_name, field_name, make, label
):
    for name in ["Ports", "Bridges", "Ferries"]:
        make(**{label: name})
    client.force_login(make_user(role="Reviewer"))

    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)
        response = client.get(
            "/admin/autocomplete/",
            {"app_label": "claims", "model_name": model_name, "field_name": field_name},
        )

    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["Bridges", "Ferries", "Ports"]


def test_article_autocomplete_lists_the_newest_first_in_one_stable_order(client):
    import datetime

    day = datetime.date(2026, 11, 2)
    middle = make_article(headline="Middle", published=day)
    oldest = make_article(headline="Oldest", published=day - datetime.timedelta(days=1))
    newest = make_article(headline="Newest", published=day + datetime.timedelta(days=1))
    client.force_login(make_user(role="Reviewer"))

    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)
        response = client.get(
            "/admin/autocomplete/",
            {"app_label": "claims", "model_name": "claim", "field_name": "article"},
        )

    ids = [int(row["id"]) for row in response.json()["results"]]
    assert ids == [newest.pk, middle.pk, oldest.pk]
