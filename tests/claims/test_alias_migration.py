"""Migration 0007: SpeakerAlias.normalised re-keyed with anyascii, collisions resolved."""

import importlib

import pytest
from django.apps import apps

from claims.models import Claim, Speaker, SpeakerAlias, SpeakerMerge, SpeakerMergeSuggestion
from tests.factories import make_alias, make_claim, make_speaker

pytestmark = pytest.mark.django_db

rekey_aliases = importlib.import_module(
    "claims.migrations.0007_rekey_speaker_aliases"
).rekey_aliases


def old_key(alias, key):
    """Give an alias the key the pre-anyascii normalise_name stored (Ł kept, not folded)."""
    SpeakerAlias.objects.filter(pk=alias.pk).update(normalised=key)


def test_rekeying_folds_letters_the_old_key_kept():
    speaker = make_speaker(name="Łukasz Wróbel")
    alias = make_alias(speaker, "Łukasz Wróbel")
    old_key(alias, "łukasz wrobel")

    rekey_aliases(apps, None)

    alias.refresh_from_db()
    assert alias.normalised == "lukasz wrobel"


def test_rekeying_merges_two_speakers_of_one_name_and_keeps_every_claim():
    kept = make_speaker(name="Łukasz Wróbel")
    old_key(make_alias(kept, "Łukasz Wróbel"), "łukasz wrobel")
    twin = make_speaker(name="Lukasz Wrobel")
    make_alias(twin, "Lukasz Wrobel")
    make_alias(twin, "Mr Wrobel")
    member = make_speaker(name="Wrobel Office", affiliated_with=twin)
    claims = [make_claim(speaker=kept), make_claim(speaker=twin), make_claim(speaker=twin)]

    rekey_aliases(apps, None)

    assert not Speaker.objects.filter(pk=twin.pk).exists()
    assert {c.speaker_id for c in Claim.objects.filter(pk__in=[c.pk for c in claims])} == {kept.pk}
    assert set(kept.aliases.values_list("normalised", flat=True)) == {
        "lukasz wrobel",
        "mr wrobel",
    }
    member.refresh_from_db()
    assert member.affiliated_with == kept
    record = SpeakerMerge.objects.get()
    assert (record.kept, record.merged_name) == (kept, "Lukasz Wrobel")
    assert record.details["claims"] == 2


def test_rekeying_keeps_the_alias_of_the_speaker_it_names_and_asks_about_the_other():
    # "Zoë Park" the person and a desk-made alias "Zoe Park" on an organisation collide.
    person = make_speaker(name="Zoë Park")
    person_alias = make_alias(person, "Zoë Park")
    old_key(person_alias, "zoë park")
    org = make_speaker(name="Park Foundation", kind="organization")
    make_alias(org, "Park Foundation")
    org_alias = make_alias(org, "Zoe Park")
    claim = make_claim(speaker=org)

    rekey_aliases(apps, None)

    person_alias.refresh_from_db()
    assert person_alias.normalised == "zoe park"
    assert not SpeakerAlias.objects.filter(pk=org_alias.pk).exists()
    assert Claim.objects.get(pk=claim.pk).speaker == org
    assert SpeakerMergeSuggestion.objects.filter(speaker=org, candidate=person).exists()


def test_rekeying_drops_a_duplicate_alias_of_the_same_speaker():
    speaker = make_speaker(name="Łukasz Wróbel")
    old_key(make_alias(speaker, "Łukasz Wróbel"), "łukasz wrobel")
    make_alias(speaker, "Lukasz Wrobel")

    rekey_aliases(apps, None)

    assert list(speaker.aliases.values_list("normalised", flat=True)) == ["lukasz wrobel"]
    assert not SpeakerMerge.objects.exists()
