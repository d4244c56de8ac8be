"""The page cache tracks speaker aliases (migration 0034): a search matches a claim by its
speaker's aliases, so adding, changing, moving or removing an alias shows on a cached search
page at once, and on no other page's key.

Every test here commits for real (`transaction=True`): on PostgreSQL the generations are raised
at COMMIT, by deferred triggers, which a test rolled back at its end never reaches."""

import pytest
from django.db import connection
from django.urls import reverse

from claims.enums import ClaimStatus
from claims.models import Claim, SpeakerAlias
from claims.public.pagecache import SCOPE_TABLE
from claims.services.speaker_edits import merge_speakers, remove_alias, save_alias
from claims.services.speakers import SpeakerResolver
from tests.concurrency import held_open
from tests.factories import (
    make_alias,
    make_claim,
    make_published_claim,
    make_speaker,
    make_user,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("page_cache")]

ADA, BOB = "Bridges are safe", "Tunnels leak"
SEARCH = reverse("claims:claim-list") + "?q=Quill"


def _text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _found(client, url=SEARCH) -> tuple[bool, bool]:
    """Whether the page shows Ada's claim, Bob's."""
    html = _text(client, url)
    return ADA in html, BOB in html


def _generations() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT kind, generation FROM {SCOPE_TABLE} "  # noqa: S608
            "WHERE kind IN ('aliases', 'public-aliases')"
        )
        return dict(cursor.fetchall())


@pytest.fixture
def editor():
    return make_user(is_superuser=True)  # (the role groups go with a transactional flush)


@pytest.fixture
def speakers():
    """Ada and Bob, one published claim each; no word of either matches "Quill"."""
    ada = make_published_claim(content=ADA, speaker=make_speaker(name="Ada Minister")).speaker
    bob = make_published_claim(content=BOB, speaker=make_speaker(name="Bob Critic")).speaker
    return ada, bob


def _add(ada, bob, editor):
    save_alias(alias=SpeakerAlias(speaker=ada, alias="Ada Quill"), user=editor)


def _change(ada, bob, editor):
    alias = SpeakerAlias.objects.get(normalised="ada quill")
    alias.alias = "Ada Rook"
    save_alias(alias=alias, user=editor)


def _move(ada, bob, editor):
    alias = SpeakerAlias.objects.get(normalised="ada quill")
    alias.speaker = bob
    save_alias(alias=alias, user=editor)


def _remove(ada, bob, editor):
    remove_alias(alias=SpeakerAlias.objects.get(normalised="ada quill"), user=editor)


def _merge(ada, bob, editor):
    merge_speakers(keep=bob, merge=ada, user=editor)


@pytest.mark.parametrize("show_unreviewed", [False, True], ids=["production", "demo"])
@pytest.mark.parametrize(
    ("write", "had", "before", "after"),
    [
        (_add, False, (False, False), (True, False)),
        (_change, True, (True, False), (False, False)),
        (_move, True, (True, False), (False, True)),
        (_remove, True, (True, False), (False, False)),
        # Ada's claim and alias move to Bob, both his claims match (the moved claims' rows
        # renew every key anyway).
        (_merge, True, (True, False), (True, True)),
    ],
    ids=["add", "change", "move", "remove", "merge"],
)
def test_an_alias_written_shows_on_a_cached_search_page_at_once(
    client, settings, speakers, editor, write, had, before, after, show_unreviewed
):
    settings.CLAIMDESK_SHOW_UNREVIEWED = show_unreviewed
    ada, bob = speakers
    if had:
        make_alias(ada, "Ada Quill")
    assert _found(client) == before  # cached

    write(ada, bob, editor)

    assert _found(client) == after


def test_an_alias_of_a_speaker_on_no_public_page_leaves_the_search_pages_cached(
    client, speakers, django_assert_num_queries
):
    """An import learns aliases of the speakers it creates and of speakers of unreviewed
    claims only: with CLAIMDESK_SHOW_UNREVIEWED off no search can show them."""
    hidden = make_speaker(name="Cara Hidden")
    make_claim(content="Unreviewed words", speaker=hidden)  # could leak: matches once public
    before = _text(client, SEARCH)
    generations = _generations()

    make_alias(hidden, "Cara Quill")  # as the import writes it, no history row

    assert _generations() == {**generations, "aliases": generations.get("aliases", 0) + 1}
    with django_assert_num_queries(1):  # the data fingerprint
        assert _text(client, SEARCH) == before
    assert "Unreviewed words" not in before


def test_an_alias_written_leaves_every_page_but_the_searches_cached(
    client, speakers, editor, django_assert_num_queries
):
    ada, bob = speakers
    claim = Claim.objects.get(content=ADA)
    pages = [
        reverse("claims:home"),
        reverse("claims:claim-list"),
        reverse("claims:claim-list") + "?speaker=" + ada.slug,
        claim.get_absolute_url(),
        ada.get_absolute_url(),
        reverse("claims:speaker-list"),
    ]
    before = {url: _text(client, url) for url in pages}

    _add(ada, bob, editor)

    for url in pages:
        with django_assert_num_queries(1, info=url):  # the data fingerprint
            assert _text(client, url) == before[url], url
    assert _found(client) == (True, False)


def test_an_import_learning_an_alias_of_a_published_speaker_shows_on_the_search(client, speakers):
    """The resolver stores the surface forms it meets (no history row): a new one of a
    speaker with a published claim is a new match."""
    ada, _bob = speakers
    make_alias(ada, "Ada Minister")  # her name, as an import stores it
    assert _found(client) == (False, False)
    resolver = SpeakerResolver()

    from django.db import transaction

    with transaction.atomic(), resolver.article():
        (pk,) = resolver.resolve_many([("Ada Minister", "person", "", "", "Ms. Quill Minister")])

    assert pk == ada.pk
    assert SpeakerAlias.objects.filter(speaker=ada, alias="Ms. Quill Minister").exists()
    assert _found(client) == (True, False)


def test_a_claim_published_between_an_aliass_write_and_its_commit_shows_on_the_search(
    client, on_postgresql
):
    """The race (two connections): transaction A adds an alias of Ada, whose claim is not
    published, and stays open: the alias's speaker is on no public page, so it raises no
    search generation. B publishes Ada's claim and commits; the search is rendered and cached
    (A not committed: no match). A commits: the counter it read before asking has moved
    since, so its commit raises the shared counters, and the search shows Ada's claim."""
    ada = make_speaker(name="Ada Minister")
    claim = make_claim(content=ADA, speaker=ada, status=ClaimStatus.READY)
    assert _found(client) == (False, False)

    with held_open(lambda: make_alias(ada, "Ada Quill")):
        claim.status, claim.verdict = ClaimStatus.PUBLISHED, "false"
        claim.rationale = "The record shows otherwise."
        claim.save()  # committed first
        assert _found(client) == (False, False)  # rendered and cached between the commits
        assert _found(client, reverse("claims:claim-list")) == (True, False)

    assert _found(client) == (True, False)
