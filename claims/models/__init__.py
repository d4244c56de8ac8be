"""Claimdesk's data model: articles, the claims found in them, who said them, and their review.

One module per model group; everything is importable from `claims.models` as before (migrations
name `claims.models.SearchDocument`, the services and tests import from here).
"""

from ..html import CONTEXT_RADIUS
from .articles import Article, ArticleQuerySet, Outlet, context_offsets
from .claims import (
    Claim,
    ClaimEvidence,
    ClaimLink,
    ClaimQuerySet,
    Correction,
    ExtractionFeedback,
    MethodologyText,
    SearchDocument,
    SearchDocumentField,
    Stance,
    Tag,
    Topic,
)
from .ingest import IngestHost, IngestItem, Source
from .slugs import (
    SLUG_MAX,
    available_slug,
    first_free_slug,
    highest_suffix,
    highest_suffixes,
    next_slug,
    slug_base,
    slug_suffix,
)
from .speakers import (
    RoleHolding,
    Speaker,
    SpeakerAlias,
    SpeakerMerge,
    SpeakerMergeSuggestion,
    SpeakerQuerySet,
    SpeakerSlug,
    wikidata_validator,
)

__all__ = [
    "CONTEXT_RADIUS",
    "SLUG_MAX",
    "Article",
    "ArticleQuerySet",
    "Claim",
    "ClaimEvidence",
    "ClaimLink",
    "ClaimQuerySet",
    "Correction",
    "ExtractionFeedback",
    "IngestHost",
    "IngestItem",
    "MethodologyText",
    "Outlet",
    "RoleHolding",
    "SearchDocument",
    "SearchDocumentField",
    "Source",
    "Speaker",
    "SpeakerAlias",
    "SpeakerMerge",
    "SpeakerMergeSuggestion",
    "SpeakerQuerySet",
    "SpeakerSlug",
    "Stance",
    "Tag",
    "Topic",
    "available_slug",
    "context_offsets",
    "first_free_slug",
    "highest_suffix",
    "highest_suffixes",
    "next_slug",
    "slug_base",
    "slug_suffix",
    "wikidata_validator",
]
