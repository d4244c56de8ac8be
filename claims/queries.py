"""Read-side queries shared by the desk and the public pages.

The visibility rule (`public_claim_q`, behind `Claim.objects.public()`), the published rule
(`published_claim_q`, behind `Claim.objects.published()` and `reviewed_stance_q`) and the
positions matrix (`topic_stances`, `positions`, `topics_with_positions`) are written here once;
the public pages, feeds, sitemaps and the desk's topic page read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import TruncMonth

from claims.checkworthiness import Assessment, assess
from claims.enums import ClaimStatus, FeedbackKind, StanceChoice
from claims.models import (
    Article,
    Claim,
    ClaimLink,
    ExtractionFeedback,
    Outlet,
    Speaker,
    SpeakerAlias,
    Stance,
    Topic,
)

# --- Visibility: who may see which claims --------------------------------------------------------


def public_claim_q(prefix: str = "") -> Q:
    """What readers may see, for a query reaching claims through `prefix` (e.g. "claim__"; ""
    for claims themselves): published claims, and when CLAIMDESK_SHOW_UNREVIEWED is on every
    claim not dismissed (the templates show verdicts and rationales of published ones only).
    `Claim.objects.public()` is this condition."""
    if settings.CLAIMDESK_SHOW_UNREVIEWED:
        return ~Q(**{f"{prefix}status": ClaimStatus.DISMISSED})
    return published_claim_q(prefix)


def has_public_claim(field: str) -> Exists:
    """For a query on speakers ("speaker") or articles ("article"): the row has a claim
    readers may see (`Claim.objects.public()` through `field`)."""
    return Exists(Claim.objects.public().filter(**{field: OuterRef("pk")}))


def speakers_with_public_claims():
    """Speakers readers may learn the name of: those with a claim they may see. A speaker
    found only in unreviewed or dismissed claims (often a misread name) has no public page
    (404) and is in no public list, filter or sitemap."""
    return Speaker.objects.filter(has_public_claim("speaker"))


def outlets_with_public_claims():
    """Outlets readers may see named in the claim list's filter: those with an article that
    has a claim they may see. An outlet an import has just added is named nowhere until one
    of its claims is public, so the import changes no cached page (claims/public/pagecache.py)."""
    return Outlet.objects.filter(
        Exists(Claim.objects.public().filter(article__outlet=OuterRef("pk")))
    )


# Containment: how many levels of containers above a speaker positions roll up to along
# ``affiliated_with`` (`containment_roots`), and so how far up a public page may name one
# (`shown_publicly_among`): a spokesman's office -> the Kremlin -> Russia is three levels
# above the spokesman. One number for both, so filling in a container the roll-up reaches
# always renews the pages showing it. A loop an editor made by mistake (A in B, B in A)
# stops here instead of running forever.
CONTAINMENT_DEPTH = 5


def shown_publicly_among(pks) -> set[int]:
    """The speakers among `pks` that a public page other than their own may name: those with
    a published claim, and their containers up CONTAINMENT_DEPTH levels (a spokesman's
    office, its government, its country: the office's name shows on the member's pages, and
    positions roll up along containment as far as `containment_roots` goes).

    Through published claims whatever CLAIMDESK_SHOW_UNREVIEWED says: those are the pages
    (positions and topic pages count reviewed stances only) that the page cache's shared
    fingerprint covers (claims/public/pagecache.py); with the setting on, a speaker of
    unreviewed claims only is on its own, its claims' and articles' pages and the lists alone.

    The import asks this for each article that fills in speakers (`_write_filled`), so it is
    one fixed statement: it walks down from each speaker through
    its members, CONTAINMENT_DEPTH levels, and asks for a published claim of any of them (a
    queryset of CONTAINMENT_DEPTH + 1 EXISTS cost ~9 ms of Django's query compiling and ~5 ms
    of PostgreSQL's planning each time; this ~1 ms of planning)."""
    pks = list(pks)
    if not pks:
        return set()
    qn = connection.ops.quote_name
    speaker, claim = qn(Speaker._meta.db_table), qn(Claim._meta.db_table)
    up = qn(Speaker._meta.get_field("affiliated_with").column)
    by = qn(Claim._meta.get_field("speaker").column)
    # Identifiers come from model metadata; every value is a parameter.
    sql = (
        f"WITH RECURSIVE below (root, id, depth) AS ("  # noqa: S608
        f"SELECT id, id, 0 FROM {speaker} WHERE id IN ({', '.join(['%s'] * len(pks))}) "
        f"UNION ALL SELECT below.root, member.id, below.depth + 1 "
        f"FROM {speaker} member JOIN below ON member.{up} = below.id "
        f"WHERE below.depth < %s) "
        f"SELECT DISTINCT below.root FROM below WHERE EXISTS (SELECT 1 FROM {claim} c "
        f"WHERE c.{by} = below.id AND c.status = %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*pks, CONTAINMENT_DEPTH, ClaimStatus.PUBLISHED.value])
        return {pk for (pk,) in cursor.fetchall()}


def articles_with_public_claims():
    """Articles readers may see: those with a claim they may see (/articles/, the sitemap)."""
    return Article.objects.filter(has_public_claim("article"))


def topics_with_positions_taken():
    """Topics with a stance that counts in positions (`reviewed_stance_q`): the sitemap's."""
    stances = Stance.objects.filter(reviewed_stance_q("claim__"), topic=OuterRef("pk"))
    return Topic.objects.filter(Exists(stances))


def published_claim_q(prefix: str = "") -> Q:
    """Published claims only: the ones whose verdict is public (feeds, scorecards, JSON-LD,
    corrections). `Claim.objects.published()` is this condition."""
    return Q(**{f"{prefix}status": ClaimStatus.PUBLISHED})


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
    return published_claim_q(prefix)


def checked_by(claim: Claim) -> str:
    """Who the public page says checked `claim`: the reviewer's full name when
    CLAIMDESK_CREDIT_REVIEWERS is on and one is set, else the publisher's name (never a login
    name). Reads `claim.reviewed_by` (join it: `Claim.objects.for_detail()`)."""
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


def containment_roots(speakers) -> dict[int, Speaker]:
    """Speaker id -> its outermost container along ``affiliated_with`` at most
    CONTAINMENT_DEPTH levels above it (itself when none).

    Positions roll up along containment: Peskov -> the Kremlin -> Russia counts for Russia.
    Pass speakers whose ``affiliated_with`` is loaded with its own ``affiliated_with_id``
    (select_related, or ``only(..., "affiliated_with__affiliated_with")``): then containment
    one level deep costs no query, and each further level one query for all speakers at once
    (at most CONTAINMENT_DEPTH - 1; a container beyond the depth is never read).
    """
    rows: dict[int, Speaker] = {}
    parent: dict[int, int | None] = {}
    level: dict[int, int] = {}  # the fewest levels above a speaker passed in

    def add(row: Speaker, above: int) -> None:
        rows[row.pk], parent[row.pk] = row, row.affiliated_with_id
        level[row.pk] = min(above, level.get(row.pk, above))

    for speaker in speakers:
        add(speaker, 0)
    for speaker in speakers:
        if speaker.affiliated_with_id and (container := speaker.affiliated_with) is not None:
            add(container, 1)
    while True:
        missing: dict[int, int] = {}  # container id -> its fewest levels above a speaker
        for pk, above in level.items():
            up = parent[pk]
            if above < CONTAINMENT_DEPTH and up and up not in rows:
                missing[up] = min(above + 1, missing.get(up, above + 1))
        if not missing:
            break
        for container in Speaker.objects.filter(pk__in=missing).only(
            "id", "name", "slug", "kind", "affiliated_with_id"
        ):  # query: the next level of containers
            add(container, missing[container.pk])

    def root(pk):
        seen = set()
        while parent.get(pk) in rows and pk not in seen and len(seen) < CONTAINMENT_DEPTH:
            seen.add(pk)
            pk = parent[pk]
        return rows[pk]

    return {speaker.pk: root(speaker.pk) for speaker in speakers}


# --- Positions: who takes which stance on a topic ----------------------------------------------

# The topic matrix reads the newest stances only.
TOPIC_STANCES_MAX = 500  # the public template lists each cell's newest 5


def topics_with_positions():
    """Topics with their counted stances (`public_stances`) and one count per stance
    (`n_supports`, ...): reviewed stances only (`reviewed_stance_q`). One query."""
    public = reviewed_stance_q("stances__claim__")
    counts = {
        f"n_{choice.value}": Count("stances", filter=public & Q(stances__stance=choice.value))
        for choice in StanceChoice
    }
    return Topic.objects.annotate(
        public_stances=Count("stances", filter=public), **counts
    ).order_by("title", "id")


def topic_stances(topic: Topic, *, reviewed_only: bool = True) -> list[Stance]:
    """The newest TOPIC_STANCES_MAX stances on `topic`, oldest first (changes of position read
    forwards), each with its claim, speaker and the speaker's container loaded (what
    `positions` and the claim-words partial read). `reviewed_only`: the stances that count
    in positions (`reviewed_stance_q`, the public pages); off, every stance (the desk, which
    also sees claims under review). One query."""
    stances = Stance.objects.filter(topic=topic)
    if reviewed_only:
        stances = stances.filter(reviewed_stance_q("claim__"))
    rows = list(
        stances.select_related("claim__speaker__affiliated_with")
        .only(
            "stance",
            "claim__content",
            "claim__kind",
            "claim__sort_date",
            "claim__status",
            "claim__speaker__name",
            "claim__speaker__slug",
            "claim__speaker__kind",
            "claim__speaker__affiliated_with__name",
            "claim__speaker__affiliated_with__slug",
            "claim__speaker__affiliated_with__kind",
            "claim__speaker__affiliated_with__affiliated_with",
        )
        .order_by("-claim__sort_date", "-claim_id")[:TOPIC_STANCES_MAX]
    )  # query: the topic's stances with claim, speaker and the speaker's container
    return rows[::-1]


@dataclass
class ActorRow:
    actor: object  # a Speaker (the government when affiliated), or None for unattributed
    cells: dict = field(default_factory=lambda: {c.value: [] for c in StanceChoice})
    history: list = field(default_factory=list)  # (stance, claim) in date order
    changes: list = field(default_factory=list)  # (from, to, claim) when the stance changed


def positions(stances) -> list[ActorRow]:
    """Rows of the positions matrix, one per actor (the speaker's outermost container: a
    spokesman's claims count for his government), from stances in date order."""
    rows: dict = {}
    roots = containment_roots({s.claim.speaker for s in stances if s.claim.speaker})
    for stance in stances:
        speaker = stance.claim.speaker
        actor = roots[speaker.pk] if speaker else None
        key = actor.pk if actor else None
        row = rows.setdefault(key, ActorRow(actor=actor))
        row.cells[stance.stance].append(stance.claim)
        if row.history and row.history[-1][0] != stance.stance:
            before, after = row.history[-1][0], stance.stance
            row.changes.append(
                (StanceChoice(before).label, StanceChoice(after).label, stance.claim)
            )
        row.history.append((stance.stance, stance.claim))
    return sorted(rows.values(), key=lambda r: (r.actor is None, r.actor.name if r.actor else ""))


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
