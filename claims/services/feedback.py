"""Corrections to the extractor's work, recorded as ExtractionFeedback: one service for every
screen (the claim page, the article page, bulk actions), so the quality figures count them all.
"""

from __future__ import annotations

from claims.enums import FeedbackKind
from claims.models import Article, Claim, ExtractionFeedback
from claims.permissions import require


def claim_snapshot(claim: Claim) -> dict:
    """The parts of a claim the extractor decided, as JSON (before/after of a correction)."""
    return {
        "start": claim.start,
        "end": claim.end,
        "content": claim.content,
        "kind": claim.kind,
        "speaker_id": claim.speaker_id,
        "speaker": claim.speaker.name if claim.speaker_id else None,
        "mention": claim.mention,
        "mention_start": claim.mention_start,
        "mention_end": claim.mention_end,
        "status": claim.status,
    }


def record_feedback(
    *,
    kind: str,
    user,
    claim: Claim | None = None,
    article: Article | None = None,
    before: dict | None = None,
    after: dict | None = None,
) -> ExtractionFeedback:
    """Record one correction. `claim` is the machine's claim (for a missed claim: the one the
    reviewer added); its extraction rule and extractor version are copied, so the figures
    survive re-extraction."""
    require(user, "review")
    kind = FeedbackKind(kind)
    article_id = claim.article_id if claim is not None else article.pk
    return ExtractionFeedback.objects.create(
        claim=claim,
        article_id=article_id,
        kind=kind,
        before=before or {},
        after=after or {},
        extraction_rule=(claim.extraction_rule if claim is not None else "")[:60],
        extractor_version=(claim.extractor_version if claim is not None else "")[:40],
        created_by=user if getattr(user, "pk", None) else None,
    )
