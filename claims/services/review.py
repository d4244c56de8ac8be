"""The review workflow: status transitions, verdicts, links, tags and optimistic locking.

Creating and renaming the tags, topics and outlets themselves is claims/services/taxonomy.py.

Every write a reviewer or editor makes to a claim goes through here (admin forms, change-form
actions, bulk actions, history reverts, commands), so the rules hold on every path:

    new ──start review──▶ in_review ──mark ready──▶ ready ──publish──▶ published
     │                       ▲  │                     │  ▲                  │
     └──────mark ready───────┼──┼─────────────────────┘  └────unpublish─────┘
                             └──┴── send back (ready -> in_review)
    any state except dismissed ──dismiss──▶ dismissed ──restore──▶ new

- start review, mark ready and send back: reviewers and editors ("review").
- publish and unpublish: editors ("publish"/"unpublish", claims.publish_claim).
- dismiss and restore: editors ("dismiss", claims.dismiss_claim).
- Published and dismissed claims are settled: only editors edit them ("edit_settled").
- mark ready and publish need a verdict, a rationale, at least one evidence link and
  attribution_checked; the error lists what is missing.

Every write bumps `Claim.version`. A form carries the version it was opened at; a save whose
version is no longer current is refused (StaleClaimError) and nothing is written: the check is a
conditional UPDATE (... WHERE id = %s AND version = %s), which on PostgreSQL blocks behind a
concurrent writer and then sees its new version, so two simultaneous saves cannot both win.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from claims.enums import ClaimStatus, LinkRelation
from claims.models import (
    Claim,
    ClaimEvidence,
    ClaimLink,
    Correction,
    Stance,
    Tag,
    context_offsets,
)
from claims.permissions import can, require

S = ClaimStatus


@dataclass(frozen=True)
class Transition:
    name: str  # verb shown on buttons and in messages
    action: str  # the claims.permissions action it needs


TRANSITIONS: dict[tuple[str, str], Transition] = {
    (S.NEW, S.IN_REVIEW): Transition("start review", "review"),
    (S.NEW, S.READY): Transition("mark ready", "review"),
    (S.IN_REVIEW, S.READY): Transition("mark ready", "review"),
    (S.READY, S.IN_REVIEW): Transition("send back", "review"),
    (S.READY, S.PUBLISHED): Transition("publish", "publish"),
    (S.PUBLISHED, S.READY): Transition("unpublish", "unpublish"),
    (S.DISMISSED, S.NEW): Transition("restore", "dismiss"),
    **{
        (status, S.DISMISSED): Transition("dismiss", "dismiss")
        for status in (S.NEW, S.IN_REVIEW, S.READY, S.PUBLISHED)
    },
}
# Statuses that need the publication checklist complete before a claim may enter them.
CHECKED_STATUSES = {S.READY, S.PUBLISHED}
SETTLED_STATUSES = {S.PUBLISHED, S.DISMISSED}
# Fields a history entry or a conflict message compares (in form order).
REVIEWED_FIELDS = [
    "status",
    "speaker",
    "mention",
    "content",
    "kind",
    "said_on",
    "verdict",
    "rationale",
    "attribution_checked",
    "assignee",
    "notes",
]


class TransitionError(ValidationError):
    """The transition is not one of TRANSITIONS, or the claim is not ready for it."""


class StaleClaimError(Exception):
    """The claim changed since the form was opened; `changes` says what, `current` is the row."""

    def __init__(self, current: Claim, changes: list[FieldChange]):
        self.current = current
        self.changes = changes
        super().__init__(
            f"Claim {current.pk} was changed by someone else (now version {current.version})."
        )


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str  # what the form was opened with
    after: str  # what the database holds now


@dataclass
class BulkResult:
    done: list[Claim] = field(default_factory=list)
    skipped: dict[int, str] = field(default_factory=dict)  # claim id -> why


def allowed_transitions(user, claim: Claim) -> list[tuple[str, Transition]]:
    """(target status, transition) pairs `user` may start from the claim's status (no checklist)."""
    return [
        (to, t)
        for (frm, to), t in TRANSITIONS.items()
        if frm == claim.status and can(user, t.action)
    ]


def publication_missing(claim: Claim, *, evidence_count: int | None = None) -> list[str]:
    """What the claim still lacks before it can be marked ready or published (one query).

    `evidence_count` stands in for the stored evidence when a form is about to change it.
    """
    missing = []
    if not claim.verdict:
        missing.append("a verdict")
    if not claim.rationale.strip():
        missing.append("a rationale")
    if not (claim.evidence.exists() if evidence_count is None else evidence_count > 0):
        missing.append("at least one evidence link")
    if not claim.attribution_checked:
        missing.append("the attribution check")
    return missing


def can_edit_claim(user, claim: Claim) -> bool:
    """Reviewers edit claims in progress; settled (published, dismissed) claims need an editor."""
    if not can(user, "review"):
        return False
    return claim.status not in SETTLED_STATUSES or can(user, "edit_settled")


def require_edit(user, claim: Claim) -> None:
    require(user, "review")
    if claim.status in SETTLED_STATUSES:
        require(user, "edit_settled")


def check_transition(
    *,
    claim: Claim,
    to_status: str,
    user,
    evidence_count: int | None = None,
    correction_note: str = "",
) -> Transition:
    """Raise PermissionDenied or TransitionError unless `user` may move `claim` to `to_status`.

    A form checks its edits before saving them by passing the claim with the typed values
    (and `evidence_count`, the evidence it will leave); the service checks the stored row again.
    Publishing also checks the two-person rule (`reviewed_by` is who set the verdict) and that a
    republished claim keeps the verdict readers saw, unless a `correction_note` goes with it.
    """
    transition = TRANSITIONS.get((claim.status, to_status))
    if transition is None:
        raise TransitionError(
            f"A claim cannot go from {S(claim.status).label} to {S(to_status).label}.",
            code="invalid_transition",
        )
    require(user, transition.action)
    if to_status in CHECKED_STATUSES and (
        missing := publication_missing(claim, evidence_count=evidence_count)
    ):
        raise TransitionError(
            f"Cannot {transition.name}: the claim needs {join_words(missing)}.", code="incomplete"
        )
    if to_status == S.PUBLISHED:
        _check_second_editor(claim, user)
        if not correction_note and last_published_verdict(claim) not in (
            None,
            (claim.verdict or "", claim.rationale),
        ):
            raise TransitionError(
                "Cannot publish: the verdict or rationale differs from the one readers saw when "
                "the claim was last published. Publish it with a correction note "
                "(review.publish_claim(..., correction_note=...)), or restore the published "
                "verdict and rationale, publish, and correct it from the claim page.",
                code="correction_required",
            )
    return transition


def _check_second_editor(claim: Claim, user) -> None:
    """The two-person rule (CLAIMDESK_PUBLISH_REQUIRES_SECOND_EDITOR): whoever set the verdict
    (`reviewed_by`, stamped by every verdict change) does not publish it too."""
    if not settings.CLAIMDESK_PUBLISH_REQUIRES_SECOND_EDITOR:
        return
    if claim.reviewed_by_id is not None and claim.reviewed_by_id == getattr(user, "pk", None):
        raise TransitionError(
            "Cannot publish: you set this claim's verdict, and another editor must publish it "
            "(two-person rule).",
            code="second_editor",
        )


def last_published_verdict(claim: Claim) -> tuple[str, str] | None:
    """(verdict, rationale) as readers last saw them, from the claim's history, or None when
    it was never published (one query)."""
    if claim.pk is None:
        return None
    row = (
        Claim.history.filter(id=claim.pk, status=S.PUBLISHED)
        .order_by("-history_date", "-history_id")
        .values_list("verdict", "rationale")
        .first()
    )
    return None if row is None else (row[0] or "", row[1])


def check_claim_text(claim: Claim) -> None:
    """Raise ValidationError (by field) unless the claim's words are the article's text at its
    offsets, and its speaker mention and cue too where they have offsets. Fills the claim's
    paragraph offsets from the body (the headline, for a headline claim). One query: the
    article's text."""
    body = claim.anchor_text() if claim.article_id else ""
    errors = {}
    start, end = claim.start, claim.end
    if start is None or end is None or not (0 <= start < end <= len(body)):
        errors["start"] = f"The offsets must lie inside the article text (0 to {len(body)})."
    elif body[start:end] != claim.content:
        errors["content"] = (
            f"The article text at {start}-{end} is “{body[start:end][:80]}”, not the claim's words: "
            "copy them exactly as the article has them, or correct the offsets."
        )
    for name in ("mention", "cue"):
        a, b = getattr(claim, f"{name}_start"), getattr(claim, f"{name}_end")
        if a is not None and b is not None and body[a:b] != getattr(claim, name):
            errors[name] = f"The article text at {a}-{b} is not the {name}."
    if errors:
        raise ValidationError(errors)
    claim.context_start, claim.context_end = context_offsets(body, "", start, end)


def create_claim(*, claim: Claim, user) -> Claim:
    """Save a claim entered by hand, or re-created from its history after it was deleted.

    It always starts as `new`, unpublished, at version 1, whatever status the old row had:
    re-creating a deleted claim must not bring back a publication. Its words must be the
    article's text at its offsets (`check_claim_text`), or ValidationError and nothing saved.
    """
    require(user, "review")
    check_claim_text(claim)
    claim.status = S.NEW
    claim.published_at = None
    claim.version = 1
    claim._history_user = user
    claim.save()
    return claim


def transition_claim(*, claim: Claim, to_status: str, user, correction_note: str = "") -> Claim:
    """Move one claim to `to_status` under the rules above; returns the saved row.

    Republishing a claim whose verdict or rationale changed while it was unpublished needs a
    `correction_note`: it is recorded as a public Correction, as `correct_claim` would.
    """
    note = " ".join((correction_note or "").split())
    with transaction.atomic():
        current = Claim.objects.select_for_update().get(pk=claim.pk)
        check_transition(claim=current, to_status=to_status, user=user, correction_note=note)
        seen = last_published_verdict(current) if to_status == S.PUBLISHED and note else None
        _apply_status(current, to_status)
        _save(current, user=user)
        if seen is not None and seen != (current.verdict or "", current.rationale):
            require(user, "correct")
            correction = Correction(
                claim=current,
                previous_verdict=seen[0],
                new_verdict=current.verdict or "",
                previous_rationale=seen[1],
                note=note,
                created_by=user if getattr(user, "pk", None) else None,
            )
            correction.full_clean(exclude=["claim"])
            correction.save()
    return current


def start_review(*, claim: Claim, user) -> Claim:
    return transition_claim(claim=claim, to_status=S.IN_REVIEW, user=user)


def mark_ready(*, claim: Claim, user) -> Claim:
    return transition_claim(claim=claim, to_status=S.READY, user=user)


def publish_claim(*, claim: Claim, user, correction_note: str = "") -> Claim:
    return transition_claim(
        claim=claim, to_status=S.PUBLISHED, user=user, correction_note=correction_note
    )


def unpublish_claim(*, claim: Claim, user) -> Claim:
    return transition_claim(claim=claim, to_status=S.READY, user=user)


def dismiss_claim(*, claim: Claim, user) -> Claim:
    return transition_claim(claim=claim, to_status=S.DISMISSED, user=user)


def restore_claim(*, claim: Claim, user) -> Claim:
    return transition_claim(claim=claim, to_status=S.NEW, user=user)


def send_back(*, claim: Claim, user) -> Claim:
    return transition_claim(claim=claim, to_status=S.IN_REVIEW, user=user)


def correct_span(
    *, claim: Claim, user, target: str, start: int, end: int, text: str | None = None
) -> Claim:
    """Move the claim's content span (`target` "content") or its speaker mention ("mention")
    to [start, end) of the article text, recorded as `wrong_span` feedback when the extractor
    made the claim. `text`, when given, must be exactly the article's text there (what the
    reviewer selected): offsets computed in a browser are checked, never trusted.
    """
    from claims.services.feedback import claim_snapshot, record_feedback

    if target not in ("content", "mention"):
        raise ValidationError("Correct the claim or the speaker mention.", code="target")
    with transaction.atomic():
        current = (
            Claim.objects.select_for_update(of=("self",)).select_related("speaker").get(pk=claim.pk)
        )
        require_edit(user, current)
        body = current.anchor_text()  # a headline claim's spans stay in the headline
        if not (0 <= start < end <= len(body)):
            raise ValidationError(
                f"The span {start}-{end} is not inside the article text.", code="offsets"
            )
        if text is not None and body[start:end] != text:
            raise ValidationError(
                "The selected text does not match the article at those offsets; reload the "
                "page and select again.",
                code="mismatch",
            )
        if not body[start:end].strip():
            raise ValidationError("The selection is only white space.", code="blank")
        before = claim_snapshot(current)
        if target == "content":
            clash = Claim.objects.filter(
                article_id=current.article_id, in_headline=current.in_headline, start=start, end=end
            )
            if clash.exclude(pk=current.pk).exists():
                raise ValidationError("Another claim has exactly that span.", code="taken")
            current.start, current.end, current.content = start, end, body[start:end]
        else:
            current.mention_start, current.mention_end = start, end
            current.mention = body[start:end][:300]
        _save(current, user=user)
        if current.extractor_version:
            record_feedback(
                kind="wrong_span",
                user=user,
                claim=current,
                before=before,
                after={**claim_snapshot(current), "target": target},
            )
    return current


def add_missed_claim(
    *,
    article,
    user,
    start: int,
    end: int,
    text: str | None = None,
    speaker_name: str = "",
    kind: str = "indirect",
) -> Claim:
    """Add a claim the extractor missed at [start, end) of the article text (checked against
    `text`, the reviewer's selection), with its speaker (an existing one of that exact name, or
    a new one) and kind; recorded as `missed_claim` feedback."""
    from claims.models import Speaker
    from claims.services.feedback import claim_snapshot, record_feedback
    from claims.services.speaker_edits import save_speaker

    require(user, "review")
    body = article.body
    if not (0 <= start < end <= len(body)):
        raise ValidationError(f"The span {start}-{end} is not inside the article text.")
    if text is not None and body[start:end] != text:
        raise ValidationError(
            "The selected text does not match the article at those offsets; reload the page "
            "and select again."
        )
    if Claim.objects.filter(article=article, in_headline=False, start=start, end=end).exists():
        raise ValidationError("There is a claim with exactly that span already.")
    name = " ".join(speaker_name.split())
    with transaction.atomic():
        speaker = None
        if name:
            speaker = Speaker.objects.filter(name__iexact=name).order_by("pk").first()
            if speaker is None:
                speaker = save_speaker(speaker=Speaker(name=name[:300]), user=user, adding=True)
        claim = Claim(
            article=article,
            start=start,
            end=end,
            content=body[start:end],
            speaker=speaker,
            kind=kind,
        )
        claim.full_clean(exclude=["content", "start", "end", "article", "speaker"])
        create_claim(claim=claim, user=user)
        record_feedback(kind="missed_claim", user=user, claim=claim, after=claim_snapshot(claim))
    return claim


def mark_not_a_claim(claim: Claim, user, reason: str) -> Claim:
    """Dismiss a claim because the extractor was wrong to make it (a question, a truncated
    span, no statement at all). Reviewers may do this; every other dismissal is an editor's.

    Settled claims follow the usual rule (editors only). The reason goes into the claim's
    notes and into an ExtractionFeedback row (`not_a_claim`), in one transaction.
    """
    from claims.services.feedback import claim_snapshot, record_feedback

    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("Say why it is not a claim.", code="reason")
    with transaction.atomic():
        current = (
            Claim.objects.select_for_update(of=("self",)).select_related("speaker").get(pk=claim.pk)
        )
        require_edit(user, current)
        if current.status == S.DISMISSED:
            raise TransitionError("The claim is dismissed already.", code="invalid_transition")
        before = claim_snapshot(current)
        _apply_status(current, S.DISMISSED)
        current.notes = f"{current.notes}\n\nNot a claim: {reason}".strip()
        _save(current, user=user)
        record_feedback(
            kind="not_a_claim",
            user=user,
            claim=current,
            before=before,
            after={"status": S.DISMISSED, "reason": reason},
        )
    return current


def transition_claims(*, claims: Iterable[Claim], to_status: str, user) -> BulkResult:
    """Bulk version: each claim on its own (one refusal does not stop the rest)."""
    result = BulkResult()
    for claim in claims:
        try:
            result.done.append(transition_claim(claim=claim, to_status=to_status, user=user))
        except TransitionError as exc:
            result.skipped[claim.pk] = " ".join(exc.messages)
    return result


def assign_claim(*, claim: Claim, assignee, user) -> Claim:
    """Give the claim to `assignee` (None to unassign)."""
    with transaction.atomic():
        current = Claim.objects.select_for_update().get(pk=claim.pk)
        require_edit(user, current)
        current.assignee = assignee
        _save(current, user=user)
    return current


def record_verdict(*, claim: Claim, verdict: str, rationale: str, user) -> Claim:
    """Set verdict and rationale; stamps reviewed_by and reviewed_at. A published claim's
    verdict and rationale change only through `correct_claim`."""
    with transaction.atomic():
        current = Claim.objects.select_for_update().get(pk=claim.pk)
        require_edit(user, current)
        _refuse_silent_correction(current, verdict or None, rationale)
        current.verdict = verdict or None
        current.rationale = rationale
        current.full_clean(validate_unique=False, validate_constraints=False)
        _stamp_verdict(current, user)
        _save(current, user=user)
    return current


def correct_claim(
    claim: Claim,
    user,
    *,
    verdict: str | None = None,
    rationale: str | None = None,
    note: str,
) -> Correction:
    """Change a published claim's verdict and/or rationale in public (editors): the only way to.

    `note` is required and shown to readers ("Corrected on <date>: <note>"). Writes a
    Correction (previous and new verdict, previous rationale, who, when) and saves the claim,
    which bumps its version and modified date (`updated`, ClaimReview's dateModified).
    Raises ValidationError for an empty note, an unpublished claim or a change that changes
    nothing; PermissionDenied unless `user` may publish.
    """
    note = " ".join((note or "").split())
    if not note:
        raise ValidationError(
            "Say what was corrected and why: the note is shown to readers.", code="note_required"
        )
    with transaction.atomic():
        current = Claim.objects.select_for_update().get(pk=claim.pk)
        require(user, "correct")
        if current.status != S.PUBLISHED:
            raise ValidationError(
                "Only published claims are corrected; edit this claim instead.",
                code="not_published",
            )
        new_verdict = current.verdict if verdict is None else verdict
        new_rationale = current.rationale if rationale is None else rationale.strip()
        if (new_verdict, new_rationale) == (current.verdict, current.rationale):
            raise ValidationError(
                "The correction changes neither the verdict nor the rationale.", code="no_change"
            )
        correction = Correction(
            claim=current,
            previous_verdict=current.verdict or "",
            new_verdict=new_verdict or "",
            previous_rationale=current.rationale,
            note=note,
            created_by=user if getattr(user, "pk", None) else None,
        )
        correction.full_clean(exclude=["claim"])
        current.verdict, current.rationale = new_verdict, new_rationale
        current.full_clean(validate_unique=False, validate_constraints=False)
        _save(current, user=user)
        correction.save()
    return correction


def _refuse_silent_correction(current: Claim, verdict, rationale) -> None:
    """A published claim's verdict or rationale changes only with a public note."""
    if current.status == S.PUBLISHED and (verdict, rationale) != (
        current.verdict,
        current.rationale,
    ):
        raise ValidationError(
            "A published claim's verdict or rationale is changed by a correction, with a note "
            "readers see (review.correct_claim).",
            code="correction_required",
        )


def add_tag(*, claims: Iterable[Claim], tag: Tag, user) -> BulkResult:
    """Tag each claim the user may edit; settled claims are skipped for reviewers. Each claim
    tagged gets a history row naming the user (claims already tagged get none)."""
    result = BulkResult()
    claims = list(claims)
    tagged = set(
        Claim.tags.through.objects.filter(
            tag=tag, claim_id__in=[claim.pk for claim in claims]
        ).values_list("claim_id", flat=True)
    )
    for claim in claims:
        if not can_edit_claim(user, claim):
            require(user, "review")  # no review right at all: refuse outright
            result.skipped[claim.pk] = "settled claims are changed by editors"
            continue
        if claim.pk not in tagged:
            claim._history_user = user
            claim.tags.add(tag)
        result.done.append(claim)
    return result


def link_claims(
    *, from_claim: Claim, to_claim: Claim, relation: str, user, note: str = ""
) -> tuple[ClaimLink, bool]:
    """Record that `from_claim` <relation> `to_claim`; returns (link, created). Idempotent."""
    require_edit(user, from_claim)
    if from_claim.pk == to_claim.pk:
        raise ValidationError("A claim cannot be linked to itself.", code="self_link")
    relation = LinkRelation(relation)
    try:
        with transaction.atomic():
            link, created = ClaimLink.objects.get_or_create(
                from_claim=from_claim,
                to_claim=to_claim,
                relation=relation,
                defaults={"note": note, "created_by": user},
            )
    except IntegrityError:  # a concurrent click made it first
        link, created = (
            ClaimLink.objects.get(from_claim=from_claim, to_claim=to_claim, relation=relation),
            False,
        )
    return link, created


def save_reviewed_claim(
    *, claim: Claim, user, expected_version: int, changed: Iterable[str] = ()
) -> Claim:
    """Save an edited claim (e.g. from the admin form) under the rules and the optimistic lock.

    `claim` holds the new values; `changed` names the edited fields. A status change (e.g. a
    history revert) must be an allowed transition; a new verdict stamps reviewed_by/_at. Raises
    StaleClaimError when the row is no longer at `expected_version` (nothing written).
    Call inside transaction.atomic when inlines are saved after it, so a refusal rolls them back.
    """
    with transaction.atomic():
        current = Claim.objects.select_for_update().get(pk=claim.pk)
        require_edit(user, current)
        if claim.status != current.status:
            # Check the target against the new values (e.g. a restored verdict), not the old.
            probe = Claim(pk=claim.pk, status=current.status)
            for name in ("verdict", "rationale", "attribution_checked"):
                setattr(probe, name, getattr(claim, name))
            verdict_set = "verdict" in changed or claim.verdict != current.verdict
            probe.reviewed_by_id = (
                getattr(user, "pk", None) if verdict_set else current.reviewed_by_id
            )
            check_transition(claim=probe, to_status=claim.status, user=user)
            _apply_status(claim, claim.status)
        elif current.status == S.PUBLISHED:
            _refuse_silent_correction(current, claim.verdict, claim.rationale)
        if "verdict" in changed or (claim.verdict and claim.verdict != current.verdict):
            _stamp_verdict(claim, user)
        bumped = Claim.objects.filter(pk=claim.pk, version=expected_version).update(
            version=F("version") + 1
        )
        if not bumped:
            raise StaleClaimError(current, changes_since(current, expected_version))
        claim.version = expected_version + 1
        claim._history_user = user
        claim.save()
        _record_corrections(current, claim, user)
    return claim


def _record_corrections(before: Claim, after: Claim, user) -> None:
    """A reviewer's edit that corrects the extractor (another speaker, another kind) becomes
    ExtractionFeedback; a speaker correction also drops the alias learned from the mention.
    Hand-entered claims (no extractor version) teach nothing about the extractor."""
    from claims.services.feedback import claim_snapshot, record_feedback
    from claims.services.speaker_edits import forget_wrong_alias

    if not before.extractor_version:
        return
    if after.speaker_id != before.speaker_id:
        forgotten = None
        if before.speaker_id is not None:
            forgotten = forget_wrong_alias(
                speaker=before.speaker, mention=before.mention, claim_id=before.pk, user=user
            )
        record_feedback(
            kind="wrong_speaker",
            user=user,
            claim=after,
            before=claim_snapshot(before),
            after={**claim_snapshot(after), "alias_removed": forgotten},
        )
    if after.kind != before.kind:
        record_feedback(
            kind="wrong_kind",
            user=user,
            claim=after,
            before={"kind": before.kind},
            after={"kind": after.kind},
        )


def changes_since(current: Claim, version: int) -> list[FieldChange]:
    """Exactly what others changed since the claim was at `version` (from the history): each
    reviewed field whose value differs, then each evidence, stance and link added, changed or
    removed since (5 queries, plus one per changed related row)."""
    # The newest row at that version (by date: a backfilled import row is newer by id only).
    then = current.history.filter(version=version).order_by("-history_date", "-history_id").first()
    if then is None:
        return []
    changes = []
    for name in REVIEWED_FIELDS:
        f = Claim._meta.get_field(name)
        before, after = _display(then, f), _display(current, f)
        if before != after:
            changes.append(FieldChange(name, str(f.verbose_name), before, after))
    # Related rows change in the same request as the claim's next version, just after it.
    moved_on = current.history.filter(version__gt=version).order_by("history_date").first()
    since = moved_on.history_date if moved_on else then.history_date
    return changes + _related_changes(current.pk, since=since)


def changed_by(current: Claim, version: int) -> list[str]:
    """Who saved the claim after `version`, in order (usernames; "system" for commands)."""
    names = []
    for record in (
        current.history.filter(version__gt=version)
        .select_related("history_user")
        .order_by("history_date")
    ):
        name = record.history_user.get_username() if record.history_user else "system"
        if name not in names:
            names.append(name)
    return names


_RELATED = [
    # model, label, foreign key to the claim, how one row reads
    (ClaimEvidence, "evidence", "claim_id", lambda r: r.url),
    (Stance, "stance", "claim_id", lambda r: f"{r.get_stance_display()} on {r.topic.title}"),
    (
        ClaimLink,
        "link",
        "from_claim_id",
        lambda r: f"{LinkRelation(r.relation).label} claim {r.to_claim_id}",
    ),
]


def _related_changes(claim_id: int, *, since) -> list[FieldChange]:
    changes = []
    for model, label, fk, describe in _RELATED:
        rows = model.history.filter(**{fk: claim_id, "history_date__gte": since})
        if model is Stance:
            rows = rows.select_related("topic")
        for row in rows.order_by("history_date", "history_id"):
            if row.history_type == "+":
                before, after = "—", describe(row)
            elif row.history_type == "-":
                before, after = describe(row), "—"
            else:
                previous = row.prev_record
                before, after = describe(previous) if previous else "—", describe(row)
            if before != after:
                changes.append(FieldChange(label, label, before, after))
    return changes


def _apply_status(claim: Claim, to_status: str) -> None:
    if to_status == S.PUBLISHED:
        claim.published_at = timezone.now()
    elif claim.status == S.PUBLISHED or to_status == S.NEW:
        claim.published_at = None
    claim.status = to_status


def _stamp_verdict(claim: Claim, user) -> None:
    claim.reviewed_by = user if getattr(user, "pk", None) else None
    claim.reviewed_at = timezone.now()


def _save(claim: Claim, *, user) -> None:
    """Save a row locked with select_for_update, bumping its version (and recording history)."""
    claim.version += 1
    claim._history_user = user
    claim.save()


def _display(obj, f) -> str:
    if f.is_relation:
        value = getattr(obj, f.attname)
        return "—" if value is None else str(getattr(obj, f.name))
    value = getattr(obj, f.attname)
    if f.choices and value:
        value = dict(f.flatchoices).get(value, value)
    return "—" if value in (None, "") else str(value)


def join_words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
