"""Offices at a date (issue 10): an article that names a person with an office ties them
(RoleHolding); a later article whose speaker is only that office gets the holder seen around
its date, never across another holder, and keeps the office when it cannot tell."""

import datetime as dt

import pytest
from django.db import transaction

from claims.enums import SpeakerKind
from claims.models import Claim, RoleHolding, Speaker
from claims.services.export import claim_queryset, claim_record
from claims.services.imports import ImportSession, import_article
from tests.factories import make_record, make_user

pytestmark = pytest.mark.django_db

D = dt.date


def imported(body, published, session=None):
    record = make_record(body=body, published=published)
    return import_article(record=record, session=session or ImportSession()).article


def ties():
    return sorted(
        RoleHolding.objects.values_list(
            "head", "words", "country", "speaker__name", "first_seen", "last_seen"
        )
    )


def speaker_of(article):
    (claim,) = Claim.objects.filter(article=article)
    # The claim says how: by an office's tenure exactly when a tie decided.
    assert (claim.speaker_resolution == "tenure") == (claim.role_holding_id is not None)
    return claim.speaker.name, claim.role_holding_id


def test_an_office_resolves_to_the_person_another_article_tied_it_to():
    first = imported(
        "Russian Foreign Minister Sergei Lavrov said the talks were over.", D(2024, 3, 1)
    )
    later = imported("Russia's foreign minister said the border was closed.", D(2024, 6, 1))

    holding = RoleHolding.objects.get()
    assert ties() == [
        ("minister", "foreign", "russia", "Sergei Lavrov", D(2024, 3, 1), D(2024, 3, 1))
    ]
    assert (holding.role, holding.source_article, holding.disputed) == (
        "Foreign Minister",
        first,
        False,
    )
    assert speaker_of(later) == ("Sergei Lavrov", holding.pk)
    assert not Speaker.objects.filter(name__icontains="minister").exists()


def test_a_later_article_naming_the_holder_again_moves_the_dates():
    session = ImportSession()
    imported(
        "Russian Foreign Minister Sergei Lavrov said the talks were over.", D(2024, 3, 1), session
    )
    imported(
        "Sergei Lavrov, Russia's foreign minister, said talks would resume.", D(2024, 8, 9), session
    )
    imported(
        "Russian Foreign Minister Sergei Lavrov said the bridge was shut.", D(2024, 1, 5), session
    )

    assert ties() == [
        ("minister", "foreign", "russia", "Sergei Lavrov", D(2024, 1, 5), D(2024, 8, 9))
    ]


def test_an_office_goes_to_the_holder_of_its_date_and_stays_an_office_between_two():
    imported("Russian Foreign Minister Sergei Lavrov said the talks were over.", D(2024, 1, 10))
    imported("Russian Foreign Minister Ivan Petrov said the talks would resume.", D(2024, 5, 2))

    after = imported("Russia's foreign minister said the border was closed.", D(2024, 9, 1))
    before = imported("Russia's foreign minister said the port was open.", D(2023, 12, 1))
    between = imported("Russia's foreign minister said the road was shut.", D(2024, 3, 1))

    petrov, lavrov = (
        RoleHolding.objects.get(speaker__name=n).pk for n in ("Ivan Petrov", "Sergei Lavrov")
    )
    # Not across Petrov to Lavrov (seen within the window, but before Petrov).
    assert speaker_of(after) == ("Ivan Petrov", petrov)
    assert speaker_of(before) == ("Sergei Lavrov", lavrov)
    # Between the two: either could be meant; the office stays the speaker.
    name, holding = speaker_of(between)
    assert (holding, Speaker.objects.get(name=name).kind) == (None, SpeakerKind.PERSON)
    assert name not in ("Ivan Petrov", "Sergei Lavrov")


def test_an_office_far_from_every_holder_s_dates_stays_an_office():
    imported("Russian Foreign Minister Sergei Lavrov said the talks were over.", D(2019, 1, 10))

    later = imported("Russia's foreign minister said the border was closed.", D(2024, 9, 1))

    assert speaker_of(later)[1] is None
    assert speaker_of(later)[0] != "Sergei Lavrov"


def test_an_undated_article_neither_ties_nor_resolves_by_date():
    imported("Russian Foreign Minister Sergei Lavrov said the talks were over.", None)

    assert ties() == []


def test_an_office_resolved_without_a_date_says_so_on_the_claim_the_desk_and_the_export(client):
    imported("Russian Foreign Minister Sergei Lavrov said the talks were over.", None)
    later = imported("Russia's foreign minister said the border was closed.", None)
    (claim,) = Claim.objects.filter(article=later)
    client.force_login(make_user(role="Reviewer"))

    page = client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    record = claim_record(claim_queryset().get(pk=claim.pk))

    assert (claim.speaker.name, claim.speaker_resolution, claim.role_holding_id) == (
        "Sergei Lavrov",
        "office",
        None,
    )
    assert "Office inferred: the one person known to hold it (no date)" in page
    assert record["speaker_resolution"] == "office"


def test_a_named_speaker_keeps_the_extractor_s_resolution():
    imported("Russian Foreign Minister Sergei Lavrov said the talks were over.", None)
    later = imported("Lavrov said the border was closed.", None)

    (claim,) = Claim.objects.filter(article=later)
    assert (claim.speaker.name, claim.speaker_resolution) == ("Sergei Lavrov", "name")


def test_a_disputed_tie_resolves_nothing_and_is_left_as_the_editor_set_it():
    session = ImportSession()
    imported(
        "Russian Foreign Minister Sergei Lavrov said the talks were over.", D(2024, 3, 1), session
    )
    RoleHolding.objects.update(disputed=True)

    session = ImportSession()  # a new run reads the correction
    later = imported(
        "Russia's foreign minister said the border was closed.", D(2024, 4, 1), session
    )
    imported(
        "Russian Foreign Minister Sergei Lavrov said talks would resume.", D(2024, 5, 1), session
    )

    assert speaker_of(later)[1] is None
    assert speaker_of(later)[0] != "Sergei Lavrov"
    assert ties() == [
        ("minister", "foreign", "russia", "Sergei Lavrov", D(2024, 3, 1), D(2024, 3, 1))
    ]


def test_a_rolled_back_article_leaves_no_tie_in_the_run():
    session = ImportSession()
    resolver = session.resolver
    with pytest.raises(RuntimeError), resolver.article(), transaction.atomic():
        resolver.resolve_many(
            [("Sergei Lavrov", "person", "Foreign Minister", "Russia", "Sergei Lavrov")],
            on=D(2024, 3, 1),
        )
        raise RuntimeError("the article's transaction failed")

    later = imported(
        "Russia's foreign minister said the border was closed.", D(2024, 4, 1), session
    )

    assert speaker_of(later)[1] is None
    assert ties() == []


def test_editors_correct_a_tie_on_the_desk_and_reviewers_see_it_on_the_claim(client):
    imported("Russian Foreign Minister Sergei Lavrov said the talks were over.", D(2024, 3, 1))
    later = imported("Russia's foreign minister said the border was closed.", D(2024, 6, 1))
    holding = RoleHolding.objects.get()
    (claim,) = Claim.objects.filter(article=later)
    other = Speaker.objects.create(name="Ivan Petrov")
    client.force_login(make_user(role="Reviewer"))

    page = client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    refused = client.post(f"/admin/claims/roleholding/{holding.pk}/change/", {})

    assert f"/admin/claims/roleholding/{holding.pk}/change/" in page
    assert refused.status_code == 403
    client.force_login(make_user(role="Editor"))
    form = {
        "role": "Foreign Minister",
        "head": "minister",
        "words": "foreign",
        "country": "russia",
        "speaker": other.pk,
        "first_seen": "2024-03-01",
        "last_seen": "2024-03-01",
        "disputed": "on",
    }
    saved = client.post(f"/admin/claims/roleholding/{holding.pk}/change/", form)

    assert saved.status_code == 302
    holding.refresh_from_db()
    assert (holding.speaker, holding.disputed) == (other, True)


def test_a_run_on_role_longer_than_an_office_ties_nothing_and_the_article_imports():
    role = "Russian Foreign Minister for " + " ".join(f"word{i}" for i in range(60))
    resolver = ImportSession().resolver
    with resolver.article(), transaction.atomic():
        (pk,) = resolver.resolve_many(
            [("Sergei Lavrov", "person", role, "Russia", "Sergei Lavrov")], on=D(2024, 3, 1)
        )

    assert (Speaker.objects.get(pk=pk).name, ties()) == ("Sergei Lavrov", [])
