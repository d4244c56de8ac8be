"""Read-side queries shared by the desk and the public pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import TruncMonth

from claims.checkworthiness import Assessment, assess
from claims.enums import ClaimStatus, FeedbackKind
from claims.models import Claim, ClaimLink, ExtractionFeedback, Speaker, SpeakerAlias, Stance


@dataclass(frozen=True)
class MergePreview:
    """What merging a speaker into another would move (shown before the merge is confirmed)."""

    claims: int
    aliases: int
    stances: int
    links: int
    members: int
    sample_claims: list[Claim]

    def describe(self) -> list[tuple[str, int]]:
        return [
            ("claims", self.claims),
            ("aliases", self.aliases),
            ("stances on their claims", self.stances),
            ("links to or from their claims", self.links),
            ("speakers affiliated with them", self.members),
        ]


def reviewed_stance_q(prefix: str = "") -> Q:
    """The stances that count in positions (topic matrices, "changes of position", topic and
    speaker pages), for a query reaching claims through `prefix` (e.g. "claim__"): stances on
    published claims only. Whatever CLAIMDESK_SHOW_UNREVIEWED says, a stance a reviewer has not
    confirmed never puts a position in a real person's name."""
    return Q(**{f"{prefix}status": ClaimStatus.PUBLISHED})


def checked_by(claim: Claim) -> str:
    """Who the public page says checked `claim`: the reviewer's full name when
    CLAIMDESK_CREDIT_REVIEWERS is on and one is set, else the publisher's name (never a login
    name). Reads `claim.reviewed_by` (join it: `Claim.objects.for_detail()`)."""
    from django.conf import settings

    name = ""
    if settings.CLAIMDESK_CREDIT_REVIEWERS and claim.reviewed_by_id:
        name = claim.reviewed_by.get_full_name().strip()
    return name or settings.CLAIMDESK_PUBLISHER_NAME


def speaker_merge_preview(merge: Speaker, *, samples: int = 5) -> MergePreview:
    """Counts of what `merge` holds (5 COUNT queries, 1 for the sample claims)."""
    claims = Claim.objects.filter(speaker=merge)
    return MergePreview(
        claims=claims.count(),
        aliases=SpeakerAlias.objects.filter(speaker=merge).count(),
        stances=Stance.objects.filter(claim__speaker=merge).count(),
        links=ClaimLink.objects.filter(
            Q(from_claim__speaker=merge) | Q(to_claim__speaker=merge)
        ).count(),
        members=Speaker.objects.filter(affiliated_with=merge).count(),
        sample_claims=list(claims.only("id", "content").order_by("-sort_date", "-id")[:samples]),
    )


# A spokesman's office -> the Kremlin -> Russia is two levels above the spokesman; a loop that
# an editor made by mistake (A in B, B in A) stops here instead of running forever.
CONTAINMENT_DEPTH = 5


def containment_roots(speakers) -> dict[int, Speaker]:
    """Speaker id -> its outermost container along ``affiliated_with`` (itself when none).

    Positions roll up along containment: Peskov -> the Kremlin -> Russia counts for Russia.
    Pass speakers whose ``affiliated_with`` is loaded with its own ``affiliated_with_id``
    (select_related, or ``only(..., "affiliated_with__affiliated_with")``): then containment
    one level deep costs no query, and each further level one query for all speakers at once
    (at most CONTAINMENT_DEPTH).
    """
    rows: dict[int, Speaker] = {}
    parent: dict[int, int | None] = {}
    for speaker in speakers:
        rows[speaker.pk], parent[speaker.pk] = speaker, speaker.affiliated_with_id
        if speaker.affiliated_with_id and (container := speaker.affiliated_with) is not None:
            rows[container.pk], parent[container.pk] = container, container.affiliated_with_id
    for _ in range(CONTAINMENT_DEPTH):
        missing = {pk for pk in parent.values() if pk and pk not in parent}
        if not missing:
            break
        for container in Speaker.objects.filter(pk__in=missing).only(
            "id", "name", "slug", "kind", "affiliated_with_id"
        ):  # query: the next level of containers
            rows[container.pk], parent[container.pk] = container, container.affiliated_with_id

    def root(pk):
        seen = set()
        while parent.get(pk) in rows and pk not in seen:
            seen.add(pk)
            pk = parent[pk]
        return rows[pk]

    return {speaker.pk: root(speaker.pk) for speaker in speakers}


def next_in_queue(user, *, after: Claim | None = None) -> Claim | None:
    """The claim `user` should look at next: their own open claims (new, in review) first,
    then unassigned new ones; in the review queue's order, skipping `after` (2 queries)."""
    open_statuses = [ClaimStatus.NEW, ClaimStatus.IN_REVIEW]
    rows = Claim.objects.only("id").order_by("-sort_date", "-id")
    if after is not None:
        rows = rows.exclude(pk=after.pk)
    return (
        rows.filter(assignee=user, status__in=open_statuses).first()
        or rows.filter(assignee__isnull=True, status=ClaimStatus.NEW).first()
    )


def assess_claim(claim: Claim, *, repeated: bool) -> Assessment:
    """The check-worthiness of a claim whose speaker is loaded (no query)."""
    speaker = claim.speaker if claim.speaker_id else None
    return assess(
        claim.content,
        speaker_kind=speaker.kind if speaker else None,
        speaker_role=speaker.role if speaker else "",
        repeated=repeated,
    )


def rank_by_checkworthiness(claims: list[Claim]) -> list[tuple[Claim, Assessment]]:
    """`claims` (speaker loaded) with their assessments, most check-worthy first, newest
    first among equals (1 query: which of their texts appear more than once)."""
    hashes = {c.content_hash for c in claims}
    repeated = set(
        Claim.objects.filter(content_hash__in=hashes)
        .values("content_hash")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list("content_hash", flat=True)
    )
    ranked = [(c, assess_claim(c, repeated=c.content_hash in repeated)) for c in claims]
    return sorted(ranked, key=lambda pair: -pair[1].score)  # stable: input order among equals


QUALITY_GROUPS = {
    "rule": F("extraction_rule"),
    "outlet": F("article__outlet__name"),
    "month": TruncMonth("sort_date"),
}


def reviewed_machine_claims():
    """Claims the extractor made that a person has looked at: moved on from `new`, or
    corrected (any ExtractionFeedback)."""
    corrected = ExtractionFeedback.objects.filter(claim=OuterRef("pk"))
    return Claim.objects.exclude(extractor_version="").filter(
        ~Q(status=ClaimStatus.NEW) | Exists(corrected)
    )


def extraction_quality(by: str) -> list[dict]:
    """Per extraction rule, outlet or month: reviewed machine claims and how many reviewers
    dismissed as not a claim, gave another speaker, or re-spanned; precision, speaker and
    span accuracy as fractions of the reviewed (1 query)."""
    kinds = {
        "not_a_claim": FeedbackKind.NOT_A_CLAIM,
        "wrong_speaker": FeedbackKind.WRONG_SPEAKER,
        "wrong_span": FeedbackKind.WRONG_SPAN,
    }
    flagged = {
        name: Exists(ExtractionFeedback.objects.filter(claim=OuterRef("pk"), kind=kind))
        for name, kind in kinds.items()
    }
    rows = (
        reviewed_machine_claims()
        .annotate(group=QUALITY_GROUPS[by], **{f"is_{n}": e for n, e in flagged.items()})
        .values("group")
        .annotate(
            reviewed=Count("id"),
            **{n: Count("id", filter=Q(**{f"is_{n}": True})) for n in kinds},
        )
        .order_by("group")
    )
    out = []
    for row in rows:
        n = row["reviewed"]
        out.append(
            {
                **row,
                "precision": (n - row["not_a_claim"]) / n,
                "speaker_accuracy": (n - row["wrong_speaker"]) / n,
                "span_accuracy": (n - row["wrong_span"]) / n,
            }
        )
    return out
