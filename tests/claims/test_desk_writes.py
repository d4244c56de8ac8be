"""The desk's last direct writes go through services (issue 11, "Shape"): a speaker's aliases
from its change page, topics and outlets from theirs."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from claims.models import Outlet, SpeakerAlias, Topic
from claims.services import taxonomy
from claims.services.speaker_edits import remove_alias, save_alias
from tests.factories import make_alias, make_outlet, make_speaker, make_topic, make_user

pytestmark = pytest.mark.django_db


def speaker_page(speaker):
    return f"/admin/claims/speaker/{speaker.pk}/change/"


def speaker_data(speaker, rows=(), new=()):
    """The speaker's change form: `rows` its aliases as (alias, text, delete), then `new`."""
    data = {
        "name": speaker.name,
        "kind": speaker.kind,
        "role": speaker.role,
        "affiliation": speaker.affiliation,
        "affiliated_with": speaker.affiliated_with_id or "",
        "description": speaker.description,
        "wikidata_id": speaker.wikidata_id,
        "aliases-TOTAL_FORMS": str(len(rows) + len(new)),
        "aliases-INITIAL_FORMS": str(len(rows)),
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
        "_continue": "Save",
    }
    for i, (alias, text, delete) in enumerate(rows):
        data.update({f"aliases-{i}-id": alias.pk, f"aliases-{i}-alias": text})
        data[f"aliases-{i}-speaker"] = speaker.pk
        if delete:
            data[f"aliases-{i}-DELETE"] = "on"
    for j, text in enumerate(new, start=len(rows)):
        data.update({f"aliases-{j}-alias": text, f"aliases-{j}-speaker": speaker.pk})
    return data


def aliases(speaker):
    return sorted(speaker.aliases.values_list("alias", "normalised"))


def test_editor_adds_and_removes_aliases_on_the_speaker_page(client):
    speaker = make_speaker(name="Antony Blinken")
    old = make_alias(speaker, "Tony Blinken")
    client.force_login(make_user(role="Editor"))

    response = client.post(
        speaker_page(speaker),
        speaker_data(speaker, rows=[(old, old.alias, True)], new=["Mr. Blinken"]),
    )

    assert response.status_code == 302
    assert aliases(speaker) == [("Mr. Blinken", "mr blinken")]


def _alias_history(speaker):
    return list(
        SpeakerAlias.history.filter(speaker_id=speaker.pk)
        .order_by("history_id")
        .values_list("alias", "history_type", "history_user__username")
    )


def test_alias_edits_on_the_speaker_page_record_who_and_when_and_show_in_its_history(client):
    speaker = make_speaker(name="Antony Blinken")
    old, changed = make_alias(speaker, "Tony Blinken"), make_alias(speaker, "Sec. Blinken")
    editor = make_user(username="edna", role="Editor")
    client.force_login(editor)
    before = timezone.now()

    response = client.post(
        speaker_page(speaker),
        speaker_data(
            speaker,
            rows=[(changed, "Secretary Blinken", False), (old, old.alias, True)],
            new=["Mr. Blinken"],
        ),
    )

    assert response.status_code == 302
    assert _alias_history(speaker) == [
        ("Tony Blinken", "+", None),  # made outside the desk: no user
        ("Sec. Blinken", "+", None),
        ("Tony Blinken", "-", "edna"),  # removals first: they free their keys
        ("Mr. Blinken", "+", "edna"),
        ("Secretary Blinken", "~", "edna"),
    ]
    edits = SpeakerAlias.history.filter(history_user=editor)
    assert all(before <= row.history_date <= timezone.now() for row in edits)
    page = client.get(f"/admin/claims/speaker/{speaker.pk}/history/").content.decode()
    table = page.split('id="alias-history"', 1)[1]
    assert [table.count(text) for text in ("Tony Blinken", "Mr. Blinken", "edna")] == [2, 1, 3]
    assert "Secretary Blinken" in table and "Deleted" in table


def test_alias_services_record_the_acting_user_outside_a_request():
    """A command or a script has no request for the history middleware to read the user from:
    the services stamp who acted themselves."""
    speaker = make_speaker(name="Antony Blinken")
    editor = make_user(username="edna", role="Editor")

    alias = save_alias(alias=SpeakerAlias(speaker=speaker, alias="Tony Blinken"), user=editor)
    alias.alias = "Mr. Blinken"
    save_alias(alias=alias, user=editor)
    remove_alias(alias=alias, user=editor)

    assert _alias_history(speaker) == [
        ("Tony Blinken", "+", "edna"),
        ("Mr. Blinken", "~", "edna"),
        ("Mr. Blinken", "-", "edna"),
    ]


@pytest.mark.parametrize("rows", [1, 3])
def test_the_speaker_history_page_reads_its_aliases_history_in_one_query(
    client, django_assert_num_queries, rows
):
    editor = make_user(role="Editor")
    client.force_login(editor)
    speaker = make_speaker(name="Antony Blinken")
    for i in range(rows):
        save_alias(alias=SpeakerAlias(speaker=speaker, alias=f"Alias {i}"), user=editor)

    url = f"/admin/claims/speaker/{speaker.pk}/history/"
    client.get(url)  # the user's content type, cached per process (simple-history asks it)

    # session, user, the aliases' history (users joined), the speaker, the user's and its
    # groups' permissions, the speaker's history rows: count, then the page
    with django_assert_num_queries(8):
        page = client.get(url).content.decode()

    assert page.split('id="alias-history"', 1)[1].count("Alias ") == rows


def test_a_removed_aliases_key_may_be_added_back_in_the_same_edit(client):
    speaker = make_speaker(name="Antony Blinken")
    old = make_alias(speaker, "Mr. Blinken")
    client.force_login(make_user(role="Editor"))

    response = client.post(
        speaker_page(speaker),
        speaker_data(speaker, rows=[(old, old.alias, True)], new=["mr blinken"]),
    )

    assert response.status_code == 302
    assert aliases(speaker) == [("mr blinken", "mr blinken")]


def test_reviewer_changes_an_alias_but_cannot_remove_one(client):
    speaker = make_speaker(name="Antony Blinken")
    old = make_alias(speaker, "Tony Blinken")
    reviewer = make_user(role="Reviewer")
    client.force_login(reviewer)

    changed = client.post(
        speaker_page(speaker), speaker_data(speaker, rows=[(old, "Secretary Blinken", False)])
    )

    assert changed.status_code == 302
    assert aliases(speaker) == [("Secretary Blinken", "secretary blinken")]
    with pytest.raises(PermissionDenied):
        remove_alias(alias=old, user=reviewer)
    assert speaker.aliases.exists()


@pytest.mark.parametrize("typed", ["Mr Putin", "MR. PUTIN"])
def test_an_alias_another_speaker_holds_is_refused_with_a_message_and_nothing_is_lost(
    client, typed
):
    holder = make_speaker(name="Vladimir Putin")
    make_alias(holder, "Mr. Putin")
    speaker = make_speaker(name="Vladimir Putin Jr", role="Mayor")
    own = make_alias(speaker, "Putin Jr")
    client.force_login(make_user(role="Editor"))
    data = speaker_data(speaker, rows=[(own, own.alias, True)], new=[typed])
    data["role"] = "Governor"

    response = client.post(speaker_page(speaker), data)

    assert response.status_code == 200  # the form again, with the error
    page = response.content.decode()
    assert "already matches this name" in page and "Vladimir Putin" in page
    assert f'value="{typed}"' in page  # what was typed is still in the form
    speaker.refresh_from_db()
    assert speaker.role == "Mayor"  # nothing of the edit was saved
    assert aliases(speaker) == [("Putin Jr", "putin jr")]
    assert aliases(holder) == [("Mr. Putin", "mr putin")]


def test_two_rows_of_one_edit_with_the_same_key_are_refused(client):
    speaker = make_speaker(name="Antony Blinken")
    client.force_login(make_user(role="Editor"))

    response = client.post(
        speaker_page(speaker), speaker_data(speaker, new=["Mr. Blinken", "mr blinken"])
    )

    assert response.status_code == 200
    assert "Another row of this form already adds this alias." in response.content.decode()
    assert not speaker.aliases.exists()


def test_save_alias_refuses_a_taken_or_empty_key_without_an_integrity_error():
    editor = make_user(role="Editor")
    make_alias(make_speaker(name="Vladimir Putin"), "Mr. Putin")
    speaker = make_speaker(name="Someone Else")

    with pytest.raises(ValidationError) as taken:
        save_alias(alias=SpeakerAlias(speaker=speaker, alias="mr putin"), user=editor)
    with pytest.raises(ValidationError) as empty:
        save_alias(alias=SpeakerAlias(speaker=speaker, alias="..."), user=editor)

    assert "alias" in taken.value.message_dict and "alias" in empty.value.message_dict
    assert not speaker.aliases.exists()


def test_an_added_alias_resolves_on_the_next_import():
    from claims.services.speakers import SpeakerResolver

    speaker = make_speaker(name="Antony Blinken")
    save_alias(alias=SpeakerAlias(speaker=speaker, alias="Tony B."), user=make_user(role="Editor"))

    resolver = SpeakerResolver()
    resolver._load()

    assert resolver._aliases["tony b"] == speaker.pk


# --- Topics and outlets --------------------------------------------------------------------


def test_editor_adds_and_renames_a_topic_through_the_service_keeping_its_slug(client):
    client.force_login(make_user(role="Editor"))

    added = client.post("/admin/claims/topic/add/", {"title": "Peace talks", "question": ""})
    topic = Topic.objects.get()
    renamed = client.post(
        f"/admin/claims/topic/{topic.pk}/change/",
        {"title": "Ceasefire talks", "question": "", "description": ""},
    )

    assert (added.status_code, renamed.status_code) == (302, 302)
    topic.refresh_from_db()
    assert (topic.title, topic.slug) == ("Ceasefire talks", "peace-talks")


def test_editor_adds_an_outlet_whose_slug_comes_from_its_name(client):
    make_outlet(name="Kyiv Independent")  # slug kyiv-independent taken
    client.force_login(make_user(role="Editor"))

    added = client.post(
        "/admin/claims/outlet/add/",
        {"name": "Kyiv  Independent!", "homepage": "", "article_text": ""},
    )

    assert added.status_code == 302
    assert Outlet.objects.get(name="Kyiv  Independent!").slug == "kyiv-independent-2"


def test_topic_and_outlet_services_refuse_reviewers_and_invalid_values():
    reviewer, editor = make_user(role="Reviewer"), make_user(role="Editor")
    topic, outlet = make_topic(title="Peace talks"), make_outlet(name="Kyiv Post")

    with pytest.raises(PermissionDenied):
        taxonomy.save_topic(topic=Topic(title="Sanctions"), user=reviewer, adding=True)
    topic.title = "Renamed"
    with pytest.raises(PermissionDenied):
        taxonomy.save_topic(topic=topic, user=reviewer, adding=False)
    outlet.name = "Renamed"
    with pytest.raises(PermissionDenied):
        taxonomy.save_outlet(outlet=outlet, user=reviewer, adding=False)
    with pytest.raises(ValidationError):
        taxonomy.save_outlet(outlet=Outlet(name="Kyiv Post"), user=editor, adding=True)
    with pytest.raises(ValidationError):
        taxonomy.save_topic(topic=Topic(title=""), user=editor, adding=True)

    assert list(Topic.objects.values_list("title", flat=True)) == ["Peace talks"]
    assert list(Outlet.objects.values_list("name", flat=True)) == ["Kyiv Post"]


def test_reviewer_cannot_add_or_change_an_outlet_in_the_admin(client):
    outlet = make_outlet(name="Kyiv Post")
    client.force_login(make_user(role="Reviewer"))

    add = client.post("/admin/claims/outlet/add/", {"name": "New", "homepage": ""})
    change = client.post(
        f"/admin/claims/outlet/{outlet.pk}/change/", {"name": "Renamed", "homepage": ""}
    )

    assert (add.status_code, change.status_code) == (403, 403)
    assert list(Outlet.objects.values_list("name", flat=True)) == ["Kyiv Post"]
