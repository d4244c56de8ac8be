"""Move aliases naming a seat of government off the speakers that are not that seat.

Until the seats of government became speakers of their own (contained in their government),
the metonym table sent "the Kremlin", "the White House" and "Downing Street" to Russia, the
United States and the United Kingdom, and stored each as an alias of that government. Stored
aliases win over the rules, so an old database keeps sending every later "the Kremlin" to
Russia. The current rules store such a form on the seat's own speaker ("Kremlin", a government
speaker contained in Russia), so this migration does that:

- every alias whose form is a seat ("Kremlin", "the Kremlin"), held by any speaker that is not
  that seat (a government, a spokesman), moves to the seat's speaker, created when missing
  (kind government, contained in the speaker that owns the government's name, if any);
- claims of the former owner whose mention is that seat form move with it, unless a reviewer
  checked their attribution (those stay as the desk left them). Each moved claim gets a
  history row for the move ("~", no user, dated at the migration); one imported before the
  importer wrote history first gets its import row as migration 0019 writes it, from the row
  before the move (else 0019 would later take the moved row for what the import decided).
  Databases that ran this migration before it wrote those rows keep what they have: which
  claims it moved there was never recorded.

The seat list is frozen here as it stood when this migration was written
(claims.services.speakers.forms.SEATS). Reversing leaves the aliases where they are.
"""

import importlib

from django.db import migrations
from django.utils import timezone

SEATS = {
    "kremlin": "Russia",
    "white house": "United States",
    "downing street": "United Kingdom",
    "pentagon": "United States",
    "elysee": "France",
    "elysee palace": "France",
}
SEAT_FORMS = {form: seat for seat in SEATS for form in (seat, f"the {seat}")}


def _seat_of(key):
    return SEAT_FORMS.get(key)


def move_seat_aliases(apps, schema_editor):
    from claims.models.slugs import first_free_slug, slug_base
    from claims.normalise import normalise_name

    Speaker = apps.get_model("claims", "Speaker")
    SpeakerAlias = apps.get_model("claims", "SpeakerAlias")
    Claim = apps.get_model("claims", "Claim")

    wrong = {}  # (owner id, seat) -> alias ids
    rows = SpeakerAlias.objects.filter(normalised__in=SEAT_FORMS).values_list(
        "id", "normalised", "speaker_id", "speaker__name"
    )
    for pk, key, owner, owner_name in rows:
        seat = _seat_of(key)
        if _seat_of(normalise_name(owner_name)) == seat:
            continue  # the seat's own speaker
        wrong.setdefault((owner, seat), []).append(pk)
    if not wrong:
        return

    seat_speakers = {}
    for pk, name in Speaker.objects.values_list("id", "name"):
        seat = _seat_of(normalise_name(name))
        if seat is not None:
            seat_speakers.setdefault(seat, pk)
    for (owner, seat), alias_ids in sorted(wrong.items()):
        target = seat_speakers.get(seat)
        if target is None:
            name = seat.title()
            base = slug_base(name, fallback="speaker")
            taken = set(
                Speaker.objects.filter(slug__startswith=base).values_list("slug", flat=True)
            )
            government = (
                SpeakerAlias.objects.filter(normalised=normalise_name(SEATS[seat]))
                .values_list("speaker_id", flat=True)
                .first()
            )
            target = Speaker.objects.create(
                name=name,
                slug=first_free_slug(base, taken),
                kind="government",
                affiliation=SEATS[seat],
                affiliated_with_id=government,
            ).pk
            seat_speakers[seat] = target
        SpeakerAlias.objects.filter(pk__in=alias_ids).update(speaker_id=target)
        moved = [
            pk
            for pk, mention in Claim.objects.filter(
                speaker_id=owner, attribution_checked=False
            ).values_list("id", "mention")
            if _seat_of(normalise_name(mention)) == seat
        ]
        backfill = importlib.import_module("claims.migrations.0019_backfill_import_history")
        backfill._backfill(apps, "Claim", machine_only=True, only=moved)
        Claim.objects.filter(pk__in=moved).update(speaker_id=target)
        _history_of_move(apps, moved, seat)


def _history_of_move(apps, pks, seat):
    """A "~" history row per moved claim, its values after the move."""
    Claim = apps.get_model("claims", "Claim")
    historical = apps.get_model("claims", "HistoricalClaim")
    fields = [f for f in historical._meta.fields if not f.name.startswith("history_")]
    now = timezone.now()
    reason = f"speaker moved to the seat of government {seat.title()} (migration 0017)"
    historical.objects.bulk_create(
        historical(
            **{f.attname: getattr(claim, f.attname) for f in fields},
            history_date=now,
            history_type="~",
            history_user_id=None,
            history_change_reason=reason[:100],
        )
        for claim in Claim.objects.filter(pk__in=pks).order_by("pk")
    )


class Migration(migrations.Migration):
    dependencies = [("claims", "0016_outlet_article_text")]

    operations = [migrations.RunPython(move_seat_aliases, migrations.RunPython.noop)]
