"""Re-key SpeakerAlias.normalised with the anyascii normalise_name.

The old key kept letters NFKD cannot decompose ("Łukasz" -> "łukasz") and dropped nothing
from other scripts' words, so "Łukasz Nowak" and "Lukasz Nowak" were two keys; now they are
one. Where two aliases get one key:

- same speaker: the duplicate row goes;
- two speakers whose own names get that key and are of one kind (the same name spelled with
  and without a letter anyascii folds): the newer is merged into the older, as
  merge_speakers does (claims, aliases, members and suggestions move; a SpeakerMerge records
  it), so no claim loses its speaker;
- otherwise the alias stays with the speaker whose own name it is (else the oldest speaker),
  the other row goes, and a SpeakerMergeSuggestion between the two speakers asks the desk.

It uses the current claims.normalise.normalise_name on purpose: the keys must equal what the
running code computes. Reversing keeps the new keys (the old function is gone).
"""

from collections import defaultdict

from django.db import migrations


def rekey_aliases(apps, schema_editor):
    from claims.normalise import normalise_name

    Speaker = apps.get_model("claims", "Speaker")
    SpeakerAlias = apps.get_model("claims", "SpeakerAlias")
    Claim = apps.get_model("claims", "Claim")
    Suggestion = apps.get_model("claims", "SpeakerMergeSuggestion")
    SpeakerMerge = apps.get_model("claims", "SpeakerMerge")

    speakers = {
        pk: (normalise_name(name), kind)
        for pk, name, kind in Speaker.objects.values_list("id", "name", "kind")
    }
    groups = defaultdict(list)
    for row in SpeakerAlias.objects.values_list("id", "speaker_id", "normalised", "alias"):
        groups[normalise_name(row[3])].append(row)

    merges = {}  # merged speaker id -> kept speaker id
    doubts = set()
    drop, change = [], {}
    for key, rows in groups.items():
        # The right alias: its speaker's own name has this key; then the oldest speaker's
        # (a merge keeps the older row); then an unchanged key; then the oldest row.
        rows.sort(key=lambda r: (speakers[r[1]][0] != key, r[1], r[2] != key, r[0]))
        keep = rows[0]
        keep_speaker = merges.get(keep[1], keep[1])
        for row in rows[1:]:
            drop.append(row[0])
            other = merges.get(row[1], row[1])
            if other == keep_speaker:
                continue
            same_name = speakers[row[1]][0] == key == speakers[keep[1]][0]
            if same_name and speakers[row[1]][1] == speakers[keep[1]][1]:
                merges[other] = keep_speaker
            else:
                doubts.add((other, keep_speaker))
        if keep[2] != key:
            change[keep[0]] = key

    SpeakerAlias.objects.filter(pk__in=drop).delete()
    # Two passes so a key moving onto another row's old key never trips the unique index
    # ("#" never occurs in a normalised key, so the interim keys collide with nothing).
    for pk in change:
        SpeakerAlias.objects.filter(pk=pk).update(normalised=f"#rekey-{pk}")
    for pk, key in change.items():
        SpeakerAlias.objects.filter(pk=pk).update(normalised=key)

    for merged, kept in merges.items():
        while kept in merges:  # a chain of merges ends at the speaker that stays
            kept = merges[kept]
        speaker = Speaker.objects.get(pk=merged)
        claims = Claim.objects.filter(speaker_id=merged).update(speaker_id=kept)
        aliases = SpeakerAlias.objects.filter(speaker_id=merged).update(speaker_id=kept)
        members = (
            Speaker.objects.filter(affiliated_with_id=merged)
            .exclude(pk=kept)
            .update(affiliated_with_id=kept)
        )
        taken = set(Suggestion.objects.filter(candidate_id=kept).values_list("speaker_id", flat=True))
        Suggestion.objects.filter(candidate_id=merged).exclude(speaker_id__in=taken | {kept}).update(
            candidate_id=kept
        )
        SpeakerMerge.objects.create(
            kept_id=kept,
            merged_name=speaker.name,
            merged_slug=speaker.slug,
            details={"claims": claims, "aliases": aliases, "members": members, "migration": "0007"},
        )
        speaker.delete()
    for speaker_id, candidate_id in doubts:
        speaker_id, candidate_id = merges.get(speaker_id, speaker_id), merges.get(candidate_id, candidate_id)
        if speaker_id != candidate_id:
            Suggestion.objects.get_or_create(
                speaker_id=speaker_id,
                candidate_id=candidate_id,
                defaults={"reason": "Aliases equal after transliteration", "score": 0.9},
            )


class Migration(migrations.Migration):
    dependencies = [("claims", "0006_ingest")]

    operations = [migrations.RunPython(rekey_aliases, migrations.RunPython.noop, elidable=False)]
