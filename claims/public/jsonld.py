"""schema.org ClaimReview markup for published claims, and its safe embedding in a page.

https://schema.org/ClaimReview and Google's fact-check guidelines: the review's author is the
publishing organisation; the reviewed Claim's author is the speaker.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from claims.enums import (
    VERDICT_BEST_RATING,
    VERDICT_WORST_RATING,
    ClaimStatus,
    SpeakerKind,
    Verdict,
)
from claims.html import claim_words, xml_text
from claims.templatetags.claims_tags import is_web_url

# The escapes Django's json_script uses: claim text cannot close the <script> element or open
# an HTML comment, whatever it contains.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def claim_review(claim, *, url: str) -> dict | None:
    """The ClaimReview for a published claim (absolute `url` of its page); None otherwise."""
    if claim.status != ClaimStatus.PUBLISHED or not claim.verdict:
        return None
    verdict = Verdict(claim.verdict)
    # Google requires alternateName and recommends name: both the verdict's label, the words
    # search results show.
    rating = {"@type": "Rating", "alternateName": verdict.label, "name": verdict.label}
    if verdict.rating is not None:
        rating.update(
            ratingValue=verdict.rating,
            bestRating=VERDICT_BEST_RATING,
            worstRating=VERDICT_WORST_RATING,
        )
    author = {"@type": "Organization", "name": settings.CLAIMDESK_PUBLISHER_NAME}
    if settings.CLAIMDESK_PUBLISHER_URL:
        author["url"] = settings.CLAIMDESK_PUBLISHER_URL
    item = {"@type": "Claim"}
    if claim.speaker_id:
        speaker = claim.speaker
        said_by = {
            "@type": "Person" if speaker.kind == SpeakerKind.PERSON else "Organization",
            "name": speaker.name,
        }
        if speaker.wikidata_url:
            said_by["sameAs"] = speaker.wikidata_url
        item["author"] = said_by
    if claim.sort_date:
        item["datePublished"] = claim.sort_date.isoformat()
    article = claim.article
    if is_web_url(article.url):
        item["appearance"] = {"@type": "CreativeWork", "url": article.url}
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "datePublished": (claim.published_at or claim.reviewed_at or claim.updated)
        .date()
        .isoformat(),
        # Bumped by every correction (review.correct_claim) and any other change to the claim.
        "dateModified": claim.updated.date().isoformat(),
        "author": author,
        # The words as the page shows them: a direct quote without its own marks and comma.
        "claimReviewed": claim.summary or claim_words(claim.content, claim.kind),
        "reviewRating": rating,
        "itemReviewed": item,
    }
    return review


def _clean(value):
    """Every string in `value` through `xml_text` (names and claims are untrusted text)."""
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, dict):
        return {key: _clean(v) for key, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def ld_json_script(data: dict) -> SafeString:
    """`data` in a <script type="application/ld+json"> block, escaped as json_script does,
    every string first through `xml_text`."""
    payload = json.dumps(_clean(data), cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
