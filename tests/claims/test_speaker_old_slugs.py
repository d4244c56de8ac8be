"""A renamed speaker gets a slug from its new name; every old slug answers 301 (issue 12)."""

import pytest

from claims.models import Speaker
from claims.services.speaker_edits import merge_speakers, save_speaker
from tests.factories import make_published_claim, make_speaker, make_user

pytestmark = pytest.mark.django_db


def rename(speaker, name, user):
    speaker = Speaker.objects.get(pk=speaker.pk)
    speaker.name = name
    return save_speaker(speaker=speaker, user=user)


def test_renamed_speaker_gets_a_new_slug_and_every_old_slug_redirects(client):
    editor = make_user(role="Editor")
    speaker = make_speaker(name="Volodimir Zelenski")
    make_published_claim(speaker=speaker)

    rename(speaker, "Volodymyr Zelensky", editor)
    renamed = rename(speaker, "Volodymyr Zelenskyy", editor)

    assert renamed.slug == "volodymyr-zelenskyy"
    for old in ("volodimir-zelenski", "volodymyr-zelensky"):
        response = client.get(f"/speakers/{old}/")
        assert (response.status_code, response["Location"]) == (
            301,
            "/speakers/volodymyr-zelenskyy/",
        )
    assert client.get("/speakers/volodymyr-zelenskyy/").status_code == 200
    assert client.get("/speakers/never-was/").status_code == 404


def test_renaming_back_makes_the_old_slug_current_again(client):
    editor = make_user(role="Editor")
    speaker = make_speaker(name="Ada Minister")
    make_published_claim(speaker=speaker)

    rename(speaker, "Ada Secretary", editor)
    back = rename(speaker, "Ada Minister", editor)

    assert back.slug == "ada-minister"
    assert client.get("/speakers/ada-minister/").status_code == 200
    assert client.get("/speakers/ada-secretary/").status_code == 301


def test_editing_a_speaker_without_renaming_keeps_its_slug():
    speaker = make_speaker(name="Ada Minister")
    speaker.role = "Minister of Bridges"

    saved = save_speaker(speaker=speaker, user=make_user(role="Editor"))

    assert saved.slug == "ada-minister" and not saved.old_slugs.exists()


def test_renamed_speakers_old_feed_address_redirects_to_the_new_feed(client):
    editor = make_user(role="Editor")
    speaker = make_speaker(name="Ada Minister")
    make_published_claim(speaker=speaker)

    rename(speaker, "Ada Secretary", editor)

    response = client.get("/feeds/speakers/ada-minister/")
    assert (response.status_code, response["Location"]) == (301, "/feeds/speakers/ada-secretary/")
    assert client.get("/feeds/speakers/ada-secretary/").status_code == 200
    assert client.get("/feeds/speakers/never-was/").status_code == 404


@pytest.mark.usefixtures("page_cache")
def test_old_slug_redirects_even_when_its_page_was_cached(client):
    """The page cache keys on the data: a rename is a change, so the cached page of the old
    address is not served again; the old address answers 301 on the very next request."""
    editor = make_user(role="Editor")
    speaker = make_speaker(name="Ada Minister")
    make_published_claim(speaker=speaker)
    before = client.get("/speakers/ada-minister/")
    assert before.status_code == 200 and "Ada Minister" in before.content.decode()
    assert client.get("/speakers/ada-minister/").content == before.content  # from the cache

    rename(speaker, "Ada Secretary", editor)
    moved = client.get("/speakers/ada-minister/")
    current = client.get("/speakers/ada-secretary/")
    rename(speaker, "Ada Chancellor", editor)  # the second name's page was cached too
    again = [client.get(f"/speakers/{old}/") for old in ("ada-minister", "ada-secretary")]

    assert (moved.status_code, moved["Location"]) == (301, "/speakers/ada-secretary/")
    assert current.status_code == 200 and "Ada Secretary" in current.content.decode()
    assert [(r.status_code, r["Location"]) for r in again] == [
        (301, "/speakers/ada-chancellor/"),
        (301, "/speakers/ada-chancellor/"),
    ]


@pytest.mark.usefixtures("page_cache")
def test_old_slug_redirects_when_renamed_in_the_admin_after_its_page_was_cached(client):
    editor = make_user(role="Editor")
    speaker = make_speaker(name="Ada Minister")
    make_published_claim(speaker=speaker)
    assert client.get("/speakers/ada-minister/").status_code == 200  # cached
    client.force_login(editor)
    change = f"/admin/claims/speaker/{speaker.pk}/change/"
    data = {
        "name": "Ada Secretary",
        "kind": speaker.kind,
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }

    saved = client.post(change, data)
    client.logout()
    moved = client.get("/speakers/ada-minister/")

    assert saved.status_code == 302
    assert (moved.status_code, moved["Location"]) == (301, "/speakers/ada-secretary/")


@pytest.mark.usefixtures("page_cache")
def test_merged_speakers_addresses_redirect_to_the_kept_speaker(client):
    """A merge is a rename of the duplicate into the kept speaker: its slug, and a slug it had
    before a rename, answer 301 to the kept speaker's page and feed (cached page or not)."""
    editor = make_user(role="Editor")
    keep = make_speaker(name="Volodymyr Zelenskyy")
    make_published_claim(speaker=keep)
    duplicate = make_speaker(name="Volodimir Zelenski")
    make_published_claim(speaker=duplicate)
    duplicate = rename(duplicate, "Volodymyr Zelensky", editor)
    assert client.get("/speakers/volodymyr-zelensky/").status_code == 200  # cached

    merge_speakers(keep=keep, merge=duplicate, user=editor)
    pages = {
        old: client.get(f"/speakers/{old}/") for old in ("volodymyr-zelensky", "volodimir-zelenski")
    }
    feed = client.get("/feeds/speakers/volodymyr-zelensky/")

    assert {old: (r.status_code, r["Location"]) for old, r in pages.items()} == {
        "volodymyr-zelensky": (301, "/speakers/volodymyr-zelenskyy/"),
        "volodimir-zelenski": (301, "/speakers/volodymyr-zelenskyy/"),
    }
    assert (feed.status_code, feed["Location"]) == (301, "/feeds/speakers/volodymyr-zelenskyy/")
