"""The page cache's commit-time signal (migration 0030): a write the fingerprint counts renews
the keys when it commits, even when its rows are stamped before the newest ones already
committed (a transaction that wrote first and committed last). The fingerprint's max() lookups
alone missed it, and a page rendered between the two commits stayed stale until it expired.

Every test here commits for real (`transaction=True`): on PostgreSQL the counters are raised at
COMMIT, by deferred triggers, which a test rolled back at its end never reaches."""

import importlib
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse
from django.utils import timezone

from claims.enums import ClaimStatus, Verdict
from claims.models import Article, Claim, ClaimLink, Speaker
from claims.public.pagecache import (
    _PUBLIC_ONLY,
    _SHOWN,
    _TRACKED,
    GENERATION_TABLE,
    SCOPE_TABLE,
)
from claims.services import fastwrite
from claims.services.imports import import_article, import_reason
from claims.services.speakers.writes import FILLED_IN_UNSEEN, SEEN_SETTING
from tests.concurrency import held_open
from tests.factories import (
    make_alias,
    make_article,
    make_claim,
    make_link,
    make_published_claim,
    make_record,
    make_speaker,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("page_cache")]

BODY = (
    "The mayor, Ina Lund, spoke in the square on Monday.\n\n"
    "“We will cut spending instead,” Lund said."
)


def _text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _generation() -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT public, shown FROM {GENERATION_TABLE}")  # noqa: S608
        return cursor.fetchone()


def _pair():
    """Two published claims of two speakers; the second's history row is the newest."""
    first = make_published_claim(
        content="Bridges are safe",
        verdict=Verdict.FALSE,
        speaker=make_speaker(name="Ada Minister"),
        article=make_article(headline="Minister on bridges"),
    )
    critic = make_speaker(name="Bob Critic")
    critic.save()  # an edit ('~'): the speakers' newest counted row is his
    second = make_published_claim(content="Tunnels leak", speaker=critic)
    return first, second


def test_a_claim_edit_committed_after_a_later_stamped_one_shows_at_once(client, on_postgresql):
    """The interleaving, with two connections (READ COMMITTED): transaction A corrects the
    first claim's verdict and stays open; B corrects the second claim, its history row and
    `updated` stamped after A's, and commits; the first claim's page is rendered and cached
    (A not committed: the old verdict); A commits. Its rows are older than B's, so no max()
    the fingerprint reads changes: the page was served stale until it expired."""
    first, second = _pair()
    pages = [first.get_absolute_url(), first.speaker.get_absolute_url()]
    for url in pages:
        assert "verdict-false" in _text(client, url), url

    def correct_first():
        claim = Claim.objects.get(pk=first.pk)
        claim.verdict, claim.rationale = Verdict.TRUE, "The inspection report agrees."
        claim.save()

    with held_open(correct_first):
        second.verdict, second.rationale = Verdict.MISLEADING, "Only one tunnel leaks."
        second.save()  # stamped after A's rows, committed first
        newest = Claim.history.latest("history_date")
        assert (newest.id, newest.verdict) == (second.pk, Verdict.MISLEADING)
        for url in pages:  # rendered and cached between the two commits
            html = _text(client, url)
            assert ("verdict-false" in html, "verdict-true" in html) == (True, False), url

    stamps = dict(Claim.history.filter(history_type="~").values_list("id", "history_date"))
    assert stamps[first.pk] < stamps[second.pk]  # A's row is the older one
    for url in pages:
        html = _text(client, url)
        assert ("verdict-true" in html, "verdict-false" in html) == (True, False), url


EARLY = timezone.now() - timedelta(hours=1)


def _late_claim_edit(first):
    Claim.objects.filter(pk=first.pk).update(verdict=Verdict.TRUE)
    fastwrite.history_changed(Claim, [first.pk], reason="verdict corrected", date=EARLY)
    return first.get_absolute_url(), "verdict-true"


def _late_speaker_rename(first):
    Speaker.objects.filter(pk=first.speaker_id).update(name="Ada Renamed")
    fastwrite.history_changed(Speaker, [first.speaker_id], reason="renamed", date=EARLY)
    return first.get_absolute_url(), "Ada Renamed"


def _late_reimport(first):
    """A re-import's way (claims/services/imports.py): the article's row with the import's
    reason, which the fingerprint leaves out, and its published claims' `updated` touched."""
    Article.objects.filter(pk=first.article_id).update(headline="Minister on tunnels")
    reason = import_reason("re-import")
    fastwrite.history_changed(Article, [first.article_id], reason=reason, date=EARLY)
    Claim.objects.filter(pk=first.pk).update(updated=EARLY)
    return first.get_absolute_url(), "Minister on tunnels"


@pytest.mark.parametrize("write", [_late_claim_edit, _late_speaker_rename, _late_reimport])
def test_a_counted_write_stamped_before_the_newest_row_renews_the_key(client, write):
    """What A's late commit leaves in the tables, in one connection (SQLite has one writer
    at a time, so the race itself needs PostgreSQL): rows stamped an hour before the newest
    ones, committed after the page was cached."""
    first, _ = _pair()
    before = _text(client, first.get_absolute_url())  # cached
    assert ["verdict-false" in before, "Ada Minister" in before] == [True, True]
    assert "Minister on bridges" in before
    newest = {
        "claim": Claim.history.latest("history_date").history_date,
        "updated": Claim.objects.latest("updated").updated,
        "speaker": Speaker.history.latest("history_date").history_date,
    }

    url, shown = write(first)

    assert Claim.history.latest("history_date").history_date == newest["claim"]
    assert Speaker.history.latest("history_date").history_date == newest["speaker"]
    assert Claim.objects.latest("updated").updated == newest["updated"]
    assert shown in _text(client, url)


def test_an_import_leaves_the_counters_and_every_cached_page_alone(
    client, django_assert_num_queries
):
    speaker = make_speaker(name="Old Speaker")
    claim = make_published_claim(content="Already public words", speaker=speaker)
    pages = [reverse("claims:home"), reverse("claims:claim-list"), claim.get_absolute_url()]
    before = {url: _text(client, url) for url in pages}
    generation = _generation()

    article = import_article(record=make_record(body=BODY), update=True).article

    imported = list(Claim.objects.filter(article=article).values_list("status", flat=True))
    assert imported and ClaimStatus.PUBLISHED not in imported  # could leak: not public
    assert _generation() == generation
    for url in pages:
        with django_assert_num_queries(1, info=url):  # the data fingerprint
            assert _text(client, url) == before[url]


def test_unpublishing_raises_both_counters_once_per_transaction():
    claims = [make_published_claim(speaker=make_speaker()) for _ in range(2)]
    public, shown = _generation()

    with transaction.atomic():  # two claim rows and two history rows that count
        for claim in claims:
            claim.status = ClaimStatus.READY
            claim.save()

    after = _generation()
    if connection.vendor == "postgresql":  # raised at COMMIT, once per counter
        assert after == (public + 1, shown + 1)
    else:  # SQLite: by each counted row, in the transaction (one writer at a time)
        assert after == (public + 4, shown + 4)


def test_the_triggers_predicates_are_the_fingerprints_word_for_word():
    migration = importlib.import_module("claims.migrations.0030_page_generation")

    def ours(predicates, model):
        predicate = predicates.get(model)
        return predicate.replace("%%", "%") if predicate else None

    fingerprint = {
        model.history.model._meta.db_table: (ours(_PUBLIC_ONLY, model), ours(_SHOWN, model))
        for model in _TRACKED
    }
    triggers = migration.HISTORY
    assert triggers == fingerprint
    assert GENERATION_TABLE == migration.TABLE
    assert migration.qualified(_SHOWN[Claim]) == (
        "NEW.history_type <> '+' OR NEW.status = 'published'"
    )


def test_every_trigger_of_migrations_0030_0032_and_0034_is_in_the_schema():
    """On SQLite a later migration that remakes claims_claim, claims_speakeralias or a history
    table (Django's way of altering most columns there) drops its triggers with the old table:
    create them again in that migration (0030's, 0032's and 0034's `create`), or this fails."""
    migration = importlib.import_module("claims.migrations.0030_page_generation")
    scopes = importlib.import_module("claims.migrations.0032_page_generation_scopes")
    aliases = importlib.import_module("claims.migrations.0034_page_generation_aliases")
    expected = {(table, name) for name, table, *_ in migration._triggers()}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgrelid::regclass::text, tgname FROM pg_trigger "
                "WHERE tgname LIKE %s AND NOT tgisinternal",
                [f"{GENERATION_TABLE}%"],
            )
            found = set(cursor.fetchall())
            last = importlib.import_module("claims.migrations.0031_page_generation_last")
            expected.add((last.QUEUE, last.QUEUE))  # raises the counter last at COMMIT
            expected |= set(scopes.PG_TRIGGERS)  # the demo's, raised by 0031's at COMMIT
            expected |= set(aliases.PG_TRIGGERS)  # the aliases', raised alike
        else:
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
            found = {(table, name.removeprefix(f"{table}_")) for table, name in cursor.fetchall()}
            expected |= {
                (table, name.removeprefix(f"{table}_"))
                for module in (scopes, aliases)
                for name, table, _ in module._sqlite_triggers()
            }

    assert found == expected
    # 9 history tables and 3 claims_claim events, 2 counters each, 0032's and 0034's (and on
    # PostgreSQL 0031's)
    assert len(expected) == 33


def test_the_fill_in_trigger_reads_the_imports_reason_word_for_word():
    scopes = importlib.import_module("claims.migrations.0032_page_generation_scopes")
    assert scopes.FILLED_IN_UNSEEN == FILLED_IN_UNSEEN
    assert (scopes.SCOPE, scopes.SEEN) == (SCOPE_TABLE, SEEN_SETTING)


def _lock_waits() -> int:
    """Backends of this database waiting for a lock another transaction holds."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def test_two_counted_commits_waiting_on_each_others_rows_do_not_deadlock(on_postgresql):
    """A reviewer locks a claim (`select_for_update`, as every review service does) and saves
    it; the transaction stays open. An editor saves another claim and links it to the locked
    one (the change form's inlines after the claim) and commits: at COMMIT its deferred
    foreign-key check waits for the reviewer's lock. The reviewer then commits, and raises the
    counter. Migration 0030 raised it at the editor's first counted event, before the
    foreign-key check (the events' order), so the editor held the counter's row while waiting
    for the reviewer, who waited for that row: PostgreSQL found the deadlock and failed one of
    the two commits. Now (0031) both commit, the link and both edits are kept, and the
    counter moved once for each."""
    edited, locked = _pair()
    public, shown = _generation()
    failed = []

    def review():
        claim = Claim.objects.select_for_update().get(pk=locked.pk)
        claim.rationale = "The reviewer's reason."
        claim.save()

    def edit():
        try:
            with transaction.atomic():
                claim = Claim.objects.get(pk=edited.pk)
                claim.rationale = "The editor's reason."
                claim.save()  # counted: queued before the link's foreign-key checks
                make_link(claim, Claim.objects.get(pk=locked.pk))
        except BaseException as exc:
            failed.append(exc)
        finally:
            connections.close_all()

    editor = threading.Thread(target=edit)
    with held_open(review):
        editor.start()
        for _ in range(600):  # until the editor's commit waits for the reviewer's lock
            if _lock_waits() or not editor.is_alive():
                break
            time.sleep(0.05)
        assert _lock_waits() == 1
    editor.join(30)

    assert failed == []
    assert not editor.is_alive()
    rationales = dict(Claim.objects.values_list("pk", "rationale"))
    assert (rationales[edited.pk], rationales[locked.pk]) == (
        "The editor's reason.",
        "The reviewer's reason.",
    )
    assert list(ClaimLink.objects.values_list("from_claim", "to_claim")) == [(edited.pk, locked.pk)]
    assert _generation() == (public + 2, shown + 2)


def _import_by_lund(words: str):
    body = f"“{words},” said Ina Lund on Monday."
    article = import_article(record=make_record(headline=words, body=body), update=True).article
    assert list(Claim.objects.filter(article=article).values_list("speaker__name", flat=True)) == [
        "Ina Lund"
    ]
    return article


def test_with_unreviewed_claims_shown_two_imports_committing_out_of_order_both_show(
    client, settings, on_postgresql
):
    """The demo's race (CLAIMDESK_SHOW_UNREVIEWED on): import A takes its claim's id and stays
    open; import B, of the same speaker, takes a later id and commits; the lists and the
    speaker's page are rendered and cached (A not committed); A commits. The pages keyed on
    the newest claim id of the site, of the speaker and of the article: A's ids are below
    B's, so no key changed and A's claim stayed off those pages until they expired. Now
    their keys read generations the database raises at each import's commit."""
    settings.CLAIMDESK_SHOW_UNREVIEWED = True
    lund = make_speaker(name="Ina Lund", role="mayor")  # nothing to fill in: no row lock
    make_alias(lund, "Ina Lund")
    make_claim(content="Taxes will fall", speaker=lund)  # unreviewed: public in the demo
    urls = {
        "home": reverse("claims:home"),
        "claim list": reverse("claims:claim-list"),
        "article list": reverse("claims:article-list"),
        "Lund": lund.get_absolute_url(),
    }
    for url in urls.values():
        assert "Tunnels will open in May" not in _text(client, url)

    with held_open(lambda: _import_by_lund("Tunnels will open in May")):
        second = _import_by_lund("Bridges will close in June")
        for name, url in urls.items():  # rendered and cached between the two commits
            html = _text(client, url)
            shown = ("Bridges will close in June" in html, "Tunnels will open in May" in html)
            assert shown == (True, False), name

    first = Article.objects.get(headline="Tunnels will open in May")
    assert first.claims.get().pk < second.claims.get().pk  # A's id is the older one
    for name, url in urls.items():
        html = _text(client, url)
        shown = ("Bridges will close in June" in html, "Tunnels will open in May" in html)
        assert shown == (True, True), name
