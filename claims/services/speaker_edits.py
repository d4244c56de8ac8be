"""What people do to speakers: merge two, save an edit (a rename keeps the old slug), reject
merge suggestions, add, change or remove an alias by hand, drop an alias learned from a claim
moved away. Import-time resolution is claims/services/speakers/.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from claims.enums import MergeSuggestionStatus
from claims.models import (
    Claim,
    Speaker,
    SpeakerAlias,
    SpeakerMerge,
    SpeakerMergeSuggestion,
    SpeakerSlug,
    available_slug,
)
from claims.normalise import normalise_name
from claims.permissions import require

from . import fastwrite


def merge_speakers(*, keep: Speaker, merge: Speaker, user) -> SpeakerMerge:
    """Fold `merge` into `keep` in one transaction, then delete `merge`.

    Moves claims (their stances, evidence and links come with them), aliases (the merged name
    becomes an alias of `keep`) and members (speakers affiliated with `merge`); the merged
    speaker's own suggestions are resolved by the merge (deleted with it, counted in the
    record); suggestions naming it as the candidate move to `keep`; fills
    `keep`'s blank role, affiliation, description and Wikidata id; the merged speaker's slugs
    (current and old) redirect to `keep`'s page. Records a SpeakerMerge with the counts.
    Raises PermissionDenied unless `user` may merge speakers.
    """
    require(user, "merge_speakers")
    if keep.pk == merge.pk:
        raise ValueError("A speaker cannot be merged into itself.")
    with transaction.atomic():
        # Lock both rows so a concurrent merge or import cannot attach to the one going away.
        locked = {
            s.pk: s for s in Speaker.objects.select_for_update().filter(pk__in=[keep.pk, merge.pk])
        }
        if len(locked) != 2:
            raise Speaker.DoesNotExist("One of the speakers no longer exists.")
        keep, merge = locked[keep.pk], locked[merge.pk]
        merged_name, merged_slug = merge.name, merge.slug
        reason = merge_reason(merged_name, keep.name)
        moved_claims = list(Claim.objects.filter(speaker=merge).values_list("pk", flat=True))
        claims = Claim.objects.filter(speaker=merge).update(speaker=keep)
        moved_aliases = list(
            SpeakerAlias.objects.filter(speaker=merge).values_list("pk", flat=True)
        )
        aliases = SpeakerAlias.objects.filter(pk__in=moved_aliases).update(speaker=keep)
        name_key = normalise_name(merged_name)
        if name_key and not SpeakerAlias.objects.filter(normalised=name_key).exists():
            alias = SpeakerAlias(speaker=keep, alias=merged_name)
            alias._history_user, alias._change_reason = user, reason
            alias.save()
            aliases += 1
        moved_members = list(
            Speaker.objects.filter(affiliated_with=merge)
            .exclude(pk=keep.pk)
            .values_list("pk", flat=True)
        )
        members = Speaker.objects.filter(pk__in=moved_members).update(affiliated_with=keep)
        # The moved claims (their public pages name another speaker), aliases and members
        # (another container) get the history rows QuerySet.update does not write: who changed
        # the attribution, when and why, row by row; the page cache reads the claims' too.
        fastwrite.history_changed(Claim, sorted(moved_claims), reason=reason, user=user)
        fastwrite.history_changed(SpeakerAlias, sorted(moved_aliases), reason=reason, user=user)
        fastwrite.history_changed(Speaker, sorted(moved_members), reason=reason, user=user)
        if keep.affiliated_with_id == merge.pk:
            keep.affiliated_with = None
        # The merged speaker's own doubts ("might be X") are answered by this merge and go
        # with its row; doubts others had about it now concern the kept speaker.
        resolved = SpeakerMergeSuggestion.objects.filter(
            Q(speaker=merge) | Q(speaker=keep, candidate=merge)
        ).count()
        moved = _move_suggestions(keep=keep, merge=merge)
        for attr in ("role", "affiliation", "description", "wikidata_id"):
            if not getattr(keep, attr) and getattr(merge, attr):
                setattr(keep, attr, getattr(merge, attr))
        if keep.affiliated_with_id is None and merge.affiliated_with_id not in (None, keep.pk):
            keep.affiliated_with_id = merge.affiliated_with_id
        keep.save()
        record = SpeakerMerge.objects.create(
            kept=keep,
            merged_name=merged_name,
            merged_slug=merged_slug,
            merged_by=user,
            details={
                "claims": claims,
                "aliases": aliases,
                "members": members,
                "suggestions_resolved": resolved,
                "suggestions_moved": moved,
            },
        )
        # The merged speaker's addresses, its slug and those it had before a rename, answer
        # 301 to the kept speaker's page (and feed), as a renamed speaker's old ones do.
        SpeakerSlug.objects.filter(speaker=merge).update(speaker=keep)
        SpeakerSlug.objects.update_or_create(slug=merged_slug, defaults={"speaker": keep})
        # The pair's own suggestions go with the merged row (they cascade); the record above
        # keeps their count.
        merge.delete()
    return record


def merge_reason(merged_name: str, kept_name: str) -> str:
    """The change reason of the history rows of claims and members a merge moves."""
    return f"speaker merge: {merged_name} into {kept_name}"[:100]


def _move_suggestions(*, keep: Speaker, merge: Speaker) -> int:
    """Re-point suggestions naming `merge` as the candidate at `keep`; drop duplicates."""
    moved = 0
    existing_in = set(
        SpeakerMergeSuggestion.objects.filter(candidate=keep).values_list("speaker_id", flat=True)
    )
    for sugg in SpeakerMergeSuggestion.objects.filter(candidate=merge).exclude(speaker=keep):
        if sugg.speaker_id in existing_in:
            continue
        sugg.candidate = keep
        sugg.save(update_fields=["candidate"])
        existing_in.add(sugg.speaker_id)
        moved += 1
    return moved


def save_speaker(*, speaker: Speaker, user, adding: bool = False) -> Speaker:
    """Save a speaker a person edited (`adding`: created or re-created from its history)."""
    require(user, "add_speakers" if adding else "edit_speakers")
    speaker._history_user = user
    with transaction.atomic():
        if not adding and speaker.pk:
            _reslug_renamed(speaker)
        speaker.save()
    return speaker


def _reslug_renamed(speaker: Speaker) -> None:
    """A renamed speaker gets a slug from its new name; the old one is kept (SpeakerSlug) so
    its URL answers 301 to the new page (public links, search engines, feeds readers keep)."""
    stored = Speaker.objects.filter(pk=speaker.pk).values_list("name", "slug").first()
    if stored is None or stored[0] == speaker.name:
        return
    new_slug = available_slug(Speaker, speaker.name, fallback="speaker", exclude_pk=speaker.pk)
    if new_slug == stored[1]:
        return
    SpeakerSlug.objects.filter(slug=new_slug).delete()  # renamed back: the slug is current again
    SpeakerSlug.objects.update_or_create(slug=stored[1], defaults={"speaker": speaker})
    speaker.slug = new_slug


def reject_merge_suggestions(*, suggestions, user) -> int:
    """Record that the open suggestions among `suggestions` are different speakers."""
    require(user, "merge_speakers")
    return suggestions.filter(status=MergeSuggestionStatus.OPEN).update(
        status=MergeSuggestionStatus.REJECTED, resolved_by=user, resolved_at=timezone.now()
    )


def forget_wrong_alias(*, speaker: Speaker, mention: str, claim_id: int, user) -> str | None:
    """After `user` moved claim `claim_id` away from `speaker`: drop the alias the importer
    learned from its mention, unless it is the speaker's own name or another of the speaker's
    claims still uses that mention. Returns the alias removed, if any (2-3 queries, and the
    removal's history row: `user`, and the claim as the reason)."""
    key = normalise_name(mention or "")
    if not key or key == normalise_name(speaker.name):
        return None
    alias = SpeakerAlias.objects.filter(speaker=speaker, normalised=key).first()
    if alias is None:
        return None
    still_used = (
        Claim.objects.filter(speaker=speaker, mention__iexact=mention).exclude(pk=claim_id).exists()
    )
    if still_used:
        return None
    alias._history_user = user
    alias._change_reason = forgotten_reason(claim_id)
    alias.delete()
    return alias.alias


def forgotten_reason(claim_id: int) -> str:
    """The change reason of the history row of an alias `forget_wrong_alias` removed."""
    return f"claim {claim_id} moved to another speaker"


def alias_problem(text: str, *, exclude_pks=()) -> str | None:
    """Why `text` cannot be a new or changed alias, or None: its matching key (normalise_name,
    the one rule SpeakerAlias.save applies) is empty, or another alias holds it already (all
    speakers share one key space). `exclude_pks`: the alias itself and rows being removed in
    the same edit. One query."""
    key = normalise_name(text or "")
    if not key:
        return "This alias has no letters or digits to match on."
    holder = (
        SpeakerAlias.objects.filter(normalised=key)
        .exclude(pk__in=[pk for pk in exclude_pks if pk is not None])
        .select_related("speaker")
        .first()
    )
    if holder is None:
        return None
    return (
        f"“{holder.alias}” already matches this name (key “{key}”) for the speaker "
        f"“{holder.speaker.name}”: change or remove that alias first, or merge the speakers."
    )


def save_alias(*, alias: SpeakerAlias, user, exclude_pks=()) -> SpeakerAlias:
    """Add or change one alias a person typed ("add_aliases" / "edit_aliases"). The key is
    normalise_name's (SpeakerAlias.save); a key another alias holds is refused with a
    ValidationError on "alias" (never an IntegrityError), nothing written. The resolver's index
    lives for one import run, so the next import sees the change."""
    require(user, "edit_aliases" if alias.pk else "add_aliases")
    problem = alias_problem(alias.alias, exclude_pks=(alias.pk, *exclude_pks))
    if problem:
        raise ValidationError({"alias": problem}, code="alias_taken")
    try:
        alias._history_user = user
        with (
            transaction.atomic()
        ):  # a savepoint: a lost race leaves the caller's transaction usable
            alias.save()
    except IntegrityError:  # a concurrent import or edit stored the key first
        raise ValidationError(
            {"alias": alias_problem(alias.alias, exclude_pks=(alias.pk,)) or "Alias taken."},
            code="alias_taken",
        ) from None
    return alias


def remove_alias(*, alias: SpeakerAlias, user) -> None:
    """Remove one alias by hand ("remove_aliases": editors)."""
    require(user, "remove_aliases")
    alias._history_user = user
    alias.delete()
