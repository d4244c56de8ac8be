"""The ingest pages of the review desk: sources and items, their counts, actions and permissions."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from claims.enums import IngestStatus
from claims.models import IngestItem, Source
from tests.factories import make_article, make_outlet, make_user

pytestmark = pytest.mark.django_db

SOURCES = reverse("admin:claims_source_changelist")
ITEMS = reverse("admin:claims_ingestitem_changelist")


@pytest.fixture
def editor(client):
    user = make_user(role="Editor")
    client.force_login(user)
    return user


def make_source_with_items(n):
    source = Source.objects.create(
        name=f"Gazette {n}", url=f"https://gazette{n}.example/feed", outlet=make_outlet()
    )
    for status in (IngestStatus.QUEUED, IngestStatus.IMPORTED, IngestStatus.FAILED):
        IngestItem.objects.create(
            source=source,
            url=f"https://gazette{n}.example/{status}",
            url_key=f"k{n}-{status}",
            status=status,
            error="HTTP 404 Not Found" if status == IngestStatus.FAILED else "",
            article=make_article() if status == IngestStatus.IMPORTED else None,
        )
    return source


@pytest.mark.parametrize("rows", [1, 3])
def test_source_changelist_query_count_is_constant(client, editor, rows, django_assert_num_queries):
    for n in range(rows):
        make_source_with_items(n)

    # 1 session, 2 user, 3-4 the user's and the group's permissions, 5 filtered count,
    # 6 total count, 7 the page of sources with outlet joined and item counts annotated.
    with django_assert_num_queries(7):
        response = client.get(SOURCES)

    assert response.status_code == 200
    result = response.context["cl"].result_list
    assert [(s.queued_count, s.imported_count, s.failed_count) for s in result] == [
        (1, 1, 1)
    ] * rows


@pytest.mark.parametrize("rows", [1, 3])
def test_item_changelist_query_count_is_constant(client, editor, rows, django_assert_num_queries):
    for n in range(rows):
        make_source_with_items(n)

    # 1 session, 2 user, 3-4 permissions, 5 the source filter's choices, 6 filtered count,
    # 7 the page of items with source and article joined, 8-9 date hierarchy (range, then days).
    with django_assert_num_queries(9):
        response = client.get(ITEMS)

    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 3 * rows


@pytest.mark.parametrize("items", [1, 3])
def test_source_change_page_query_count_is_constant(
    client, editor, items, django_assert_num_queries
):
    sources = [make_source_with_items(n) for n in range(items)]
    ContentType.objects.clear_cache()  # cached per process: counted cold

    # 1 session, 2 user, 3 the source, 4-5 the user's and the group's permissions, 6 content
    # type (the history link), 7 the outlet widget's selected value; none per item.
    with django_assert_num_queries(7):
        response = client.get(reverse("admin:claims_source_change", args=[sources[0].pk]))

    assert response.status_code == 200
    assert response.context["original"] == sources[0]


@pytest.mark.parametrize("items", [1, 3])
def test_item_change_page_query_count_is_constant(client, editor, items, django_assert_num_queries):
    sources = [make_source_with_items(n) for n in range(items)]
    ContentType.objects.clear_cache()  # cached per process: counted cold
    item = IngestItem.objects.filter(source=sources[0], article__isnull=False).get()

    # 1 session, 2 user, 3 the item, 4-5 permissions, 6 content type (the history link),
    # 7 its source, 8 its article; none for the source's other items.
    with django_assert_num_queries(8):
        response = client.get(reverse("admin:claims_ingestitem_change", args=[item.pk]))

    assert response.status_code == 200
    assert response.context["original"] == item


def test_item_changelist_shows_reason_and_article(client, editor):
    make_source_with_items(1)

    response = client.get(ITEMS, {"status__exact": "failed"})

    page = response.content.decode()
    assert "HTTP 404 Not Found" in page
    assert "https://gazette1.example/failed" in page
    assert "https://gazette1.example/imported" not in page


def test_retry_action_queues_failed_items_only(client, editor, settings):
    settings.CLAIMDESK_INGEST_IN_PROCESS = True
    source = make_source_with_items(1)
    items = list(source.items.all())

    # The fetch it queues runs after the request's transaction; the test transaction never
    # commits, so the item stays queued here (the fetch itself is tested in test_ingest.py).
    response = client.post(
        ITEMS, {"action": "retry", "_selected_action": [i.pk for i in items]}, follow=True
    )

    assert "1 failed item(s) queued again." in response.content.decode()
    statuses = dict(source.items.values_list("url", "status"))
    assert statuses["https://gazette1.example/failed"] == IngestStatus.QUEUED
    assert statuses["https://gazette1.example/imported"] == IngestStatus.IMPORTED


def test_reviewer_sees_sources_but_cannot_change_them(client):
    client.force_login(make_user(role="Reviewer"))
    source = make_source_with_items(1)

    assert client.get(SOURCES).status_code == 200
    change = client.post(
        reverse("admin:claims_source_change", args=[source.pk]),
        {"name": "Renamed", "kind": "feed", "url": source.url, "poll_interval": 5},
    )
    assert change.status_code == 403
    source.refresh_from_db()
    assert source.name == "Gazette 1"


def test_editor_adds_a_source(client, editor):
    response = client.post(
        reverse("admin:claims_source_add"),
        {
            "name": "New Feed",
            "kind": "sitemap",
            "url": "https://n.example/s.xml",
            "poll_interval": 15,
            "active": "on",
        },
    )

    assert response.status_code == 302
    source = Source.objects.get()
    assert (source.name, source.kind, source.poll_interval, source.active) == (
        "New Feed",
        "sitemap",
        15,
        True,
    )


@pytest.mark.postgres
def test_poll_now_queues_one_poll_per_source(client, editor, on_postgresql, settings):
    from procrastinate.contrib.django.models import ProcrastinateJob

    settings.CLAIMDESK_INGEST_IN_PROCESS = False
    source = make_source_with_items(1)

    for _ in range(2):  # the second click finds the poll already waiting (its queueing lock)
        response = client.post(
            SOURCES, {"action": "poll_now", "_selected_action": [source.pk]}, follow=True
        )
        assert "1 source(s) queued for polling." in response.content.decode()

    jobs = ProcrastinateJob.objects.filter(task_name="claims.poll_source")
    assert [(j.status, j.args, j.queueing_lock) for j in jobs] == [
        ("todo", {"source_id": source.pk}, f"poll-source:{source.pk}")
    ]
