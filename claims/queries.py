"""Read-side queries shared by the desk and the public pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from claims.models import Claim, ClaimLink, Speaker, SpeakerAlias, Stance


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
