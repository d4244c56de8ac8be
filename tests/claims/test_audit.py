"""Audit and safety on the desk: the conflict message lists exactly what others changed,
reviewers create tags (not topics), the demo install has a topic and tags."""

import pytest
from django.core.management import call_command

from claims.models import Tag, Topic
from tests.claims.test_locking import change_data
from tests.factories import make_claim, make_evidence, make_tag, make_user

pytestmark = pytest.mark.django_db


def url(claim):
    return f"/admin/claims/claim/{claim.pk}/change/"


def conflict_items(response):
    text = response.content.decode()
    assert "Someone else saved this claim while you had it open" in text
    items = text.split("Their changes:<ul>")[1].split("</ul>")[0]
    return [item.split("</li>")[0] for item in items.split("<li>")[1:]]


def test_conflict_lists_exactly_the_field_the_other_person_changed(client):
    claim = make_claim(rationale="Kept.", notes="Kept too.")
    alice, bob = (
        make_user(username="alice", role="Reviewer"),
        make_user(username="bob", role="Reviewer"),
    )
    client.force_login(bob)
    client.post(url(claim), change_data(claim, verdict="false"))
    client.force_login(alice)

    response = client.post(url(claim), change_data(claim, rationale="Alice's rationale."))

    assert conflict_items(response) == ["verdict: you opened “—”, it is now “False”"]
    assert "saved by bob" in response.content.decode()


def test_conflict_lists_evidence_another_person_added_or_removed(client):
    claim = make_claim()
    old = make_evidence(claim, url="https://old.example/")
    alice, bob = (
        make_user(username="alice", role="Reviewer"),
        make_user(username="bob", role="Editor"),
    )
    client.force_login(bob)
    client.post(
        url(claim),
        change_data(
            claim,
            **{
                "evidence-TOTAL_FORMS": "2",
                "evidence-INITIAL_FORMS": "1",
                "evidence-0-id": old.pk,
                "evidence-0-claim": claim.pk,
                "evidence-0-url": old.url,
                "evidence-0-DELETE": "on",
                "evidence-1-url": "https://new.example/",
            },
        ),
    )
    client.force_login(alice)

    response = client.post(url(claim), change_data(claim, verdict="true"))

    # In the order they were saved: Django's inline saves new rows, then deletes.
    assert conflict_items(response) == [
        "evidence: you opened “—”, it is now “https://new.example/”",
        "evidence: you opened “https://old.example/”, it is now “—”",
    ]


def test_reviewer_creates_a_tag_but_cannot_rename_one_or_add_a_topic(client):
    existing = make_tag(name="Economy")
    client.force_login(make_user(role="Reviewer"))

    add = client.post("/admin/claims/tag/add/", {"name": "Casualty figures", "description": ""})
    rename = client.post(
        f"/admin/claims/tag/{existing.pk}/change/", {"name": "Renamed", "description": ""}
    )
    topic = client.post("/admin/claims/topic/add/", {"title": "Peace talks", "question": ""})

    assert add.status_code == 302
    assert set(Tag.objects.values_list("name", flat=True)) == {"Economy", "Casualty figures"}
    assert (rename.status_code, topic.status_code) == (403, 403)
    assert not Topic.objects.exists()


def test_claim_page_offers_reviewers_to_add_a_tag_on_the_spot(client):
    claim = make_claim()
    client.force_login(make_user(role="Reviewer"))

    page = client.get(url(claim)).content.decode()

    assert 'id="add_id_tags"' in page


def test_demo_taxonomy_gives_a_topic_and_tags_once():
    call_command("create_demo_taxonomy", verbosity=0)
    call_command("create_demo_taxonomy", verbosity=0)

    assert list(Topic.objects.values_list("title", flat=True)) == ["Peace talks"]
    assert Tag.objects.count() == 4
