"""Migration 0017: aliases naming a seat of government move off the government (and anyone
else) onto the seat's own speaker, with the claims that mention the seat."""

import importlib

import pytest
from django.apps import apps

from claims.enums import SpeakerKind
from claims.models import Claim, Speaker, SpeakerAlias
from claims.services.imports import ImportSession, import_article
from tests.claims.migrating import migrate
from tests.factories import make_alias, make_claim, make_record, make_speaker

pytestmark = pytest.mark.django_db


move_seat_aliases = importlib.import_module(
    "claims.migrations.0017_seat_aliases_off_governments"
).move_seat_aliases


def aliases_of(speaker):
    return set(SpeakerAlias.objects.filter(speaker=speaker).values_list("normalised", flat=True))


def old_russia():
    """Russia as an old import left it: the Kremlin stored as its alias."""
    russia = make_speaker(name="Russia", kind=SpeakerKind.GOVERNMENT)
    for alias in ("Russia", "Moscow", "Kremlin", "the Kremlin"):
        make_alias(russia, alias)
    return russia


def test_seat_aliases_move_to_a_new_seat_speaker_contained_in_the_government():
    russia = old_russia()
    moved = make_claim(speaker=russia, mention="the Kremlin")
    checked = make_claim(speaker=russia, mention="the Kremlin", attribution_checked=True)
    moscow = make_claim(speaker=russia, mention="Moscow")

    move_seat_aliases(apps, None)

    kremlin = Speaker.objects.get(name="Kremlin")
    assert (kremlin.kind, kremlin.affiliation, kremlin.affiliated_with, kremlin.slug) == (
        SpeakerKind.GOVERNMENT,
        "Russia",
        russia,
        "kremlin",
    )
    assert aliases_of(russia) == {"russia", "moscow"}
    assert aliases_of(kremlin) == {"kremlin", "the kremlin"}
    speakers = dict(Claim.objects.values_list("pk", "speaker_id"))
    assert speakers == {moved.pk: kremlin.pk, checked.pk: russia.pk, moscow.pk: russia.pk}


def test_seat_aliases_go_to_the_existing_seat_speaker_and_its_own_aliases_stay():
    russia = old_russia()
    kremlin = make_speaker(name="The Kremlin", kind=SpeakerKind.GOVERNMENT)
    make_alias(kremlin, "Kremlin press office")
    spokesman = make_speaker(name="Ivan Sorokin")
    make_alias(spokesman, "Ivan Sorokin")
    # An editor's slip: the seat stored on its spokesman.
    SpeakerAlias.objects.filter(normalised="kremlin").update(speaker=spokesman)

    move_seat_aliases(apps, None)

    assert Speaker.objects.filter(name__iexact="kremlin").count() == 0
    assert aliases_of(kremlin) == {"kremlin press office", "kremlin", "the kremlin"}
    assert aliases_of(spokesman) == {"ivan sorokin"}
    assert aliases_of(russia) == {"russia", "moscow"}
    move_seat_aliases(apps, None)  # run twice: nothing more to move
    assert aliases_of(kremlin) == {"kremlin press office", "kremlin", "the kremlin"}


def test_after_the_migration_an_import_gives_the_kremlin_its_own_speaker():
    russia = old_russia()
    body = "The Kremlin said the talks were over. Moscow said the border was closed."
    before = import_article(
        record=_record(body, "https://example.com/old"), session=ImportSession()
    )
    assert {c.speaker_id for c in before.article.claims.all()} == {russia.pk}

    move_seat_aliases(apps, None)
    after = import_article(record=_record(body, "https://example.com/new"), session=ImportSession())

    kremlin = Speaker.objects.get(name="Kremlin")
    assert sorted(after.article.claims.values_list("content", "speaker__name")) == [
        ("the border was closed", "Russia"),
        ("the talks were over", "Kremlin"),
    ]
    assert kremlin.affiliated_with == russia


def _record(body, url):
    return make_record(body=body, url=url)


def history_of(claim):
    return list(
        Claim.history.filter(id=claim.pk)
        .order_by("history_date", "history_id")
        .values_list("history_type", "speaker_id", "history_user_id", "history_change_reason")
    )


def test_a_moved_claim_gets_a_history_row_for_the_move_after_its_import_row():
    russia = old_russia()
    old = make_claim(speaker=russia, mention="the Kremlin", extractor_version="2.1")
    Claim.history.filter(id=old.pk).delete()  # imported before the importer wrote history
    recent = make_claim(speaker=russia, mention="Kremlin", extractor_version="2.3")
    Claim.history.filter(id=recent.pk).update(history_change_reason="import (extractor 2.3)")
    kept = make_claim(speaker=russia, mention="Moscow", extractor_version="2.3")
    kept_history = history_of(kept)

    move_seat_aliases(apps, None)
    move_seat_aliases(apps, None)  # run twice: nothing more moves, no more rows

    kremlin = Speaker.objects.get(name="Kremlin").pk
    moved = "speaker moved to the seat of government Kremlin (migration 0017)"
    assert history_of(old) == [
        ("+", russia.pk, None, "import (extractor 2.1, backfilled)"),
        ("~", kremlin, None, moved),
    ]
    assert history_of(recent) == [
        ("+", russia.pk, None, "import (extractor 2.3)"),
        ("~", kremlin, None, moved),
    ]
    assert history_of(kept) == kept_history
    backfill = importlib.import_module("claims.migrations.0019_backfill_import_history")
    backfill.backfill_import_history(apps, None)  # 0019 after it: the import rows are there
    assert len(history_of(old)) == len(history_of(recent)) == 2


@pytest.mark.django_db(transaction=True)
def test_the_migration_writes_the_rows_on_its_own_schema(latest_schema_after):
    old = migrate([("claims", "0016_outlet_article_text")])
    Speaker = old.get_model("claims", "Speaker")
    russia = Speaker.objects.create(name="Russia", slug="russia", kind="government")
    old.get_model("claims", "SpeakerAlias").objects.create(
        speaker=russia, alias="the Kremlin", normalised="the kremlin"
    )
    article = old.get_model("claims", "Article").objects.create(
        headline="Talks", slug="talks", body="The Kremlin said talks were over.", source_key="k1"
    )
    claim = old.get_model("claims", "Claim").objects.create(
        article=article,
        content="talks were over",
        start=17,
        end=32,
        kind="indirect",
        speaker=russia,
        mention="The Kremlin",
        extractor_version="2.1",
    )

    new = migrate([("claims", "0017_seat_aliases_off_governments")])

    rows = new.get_model("claims", "HistoricalClaim").objects.filter(id=claim.pk)
    assert list(rows.order_by("history_id").values_list("history_type", "speaker__name")) == [
        ("+", "Russia"),
        ("~", "Kremlin"),
    ]
