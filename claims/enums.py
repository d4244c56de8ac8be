"""Choices used across Claimdesk: models, filters, exports and the extraction engine agree on them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ClaimStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    READY = "ready", _("Ready to publish")
    PUBLISHED = "published", _("Published")
    DISMISSED = "dismissed", _("Dismissed")


class Verdict(models.TextChoices):
    TRUE = "true", _("True")
    MOSTLY_TRUE = "mostly_true", _("Mostly true")
    HALF_TRUE = "half_true", _("Half true")
    MISLEADING = "misleading", _("Misleading")
    MOSTLY_FALSE = "mostly_false", _("Mostly false")
    FALSE = "false", _("False")
    UNSUPPORTED = "unsupported", _("Unsupported")
    NOT_CHECKABLE = "not_checkable", _("Not checkable")

    @property
    def rating(self) -> int | None:
        """The schema.org ratingValue, 1 (worst) to 6 (best); None where the scale does not apply."""
        return _VERDICT_RATING.get(self)

    @property
    def meaning(self) -> str:
        """What the verdict means, as /methodology/ explains it to readers."""
        return str(_VERDICT_MEANING[self])


_VERDICT_RATING = {
    Verdict.TRUE: 6,
    Verdict.MOSTLY_TRUE: 5,
    Verdict.HALF_TRUE: 4,
    Verdict.MISLEADING: 3,
    Verdict.MOSTLY_FALSE: 2,
    Verdict.FALSE: 1,
}
# The rating scale as readers read it (/methodology/), beside the values search engines get.
_VERDICT_MEANING = {
    Verdict.TRUE: _("The claim is accurate and nothing significant is missing."),
    Verdict.MOSTLY_TRUE: _("The claim is accurate but needs clarification or added context."),
    Verdict.HALF_TRUE: _("The claim is partly accurate but leaves out important details."),
    Verdict.MISLEADING: _("The facts may be right, but they are used to give a false impression."),
    Verdict.MOSTLY_FALSE: _("The claim has an element of truth but ignores facts that change it."),
    Verdict.FALSE: _("The claim is not accurate."),
    Verdict.UNSUPPORTED: _("No evidence we could find supports the claim, nor refutes it."),
    Verdict.NOT_CHECKABLE: _("An opinion, a prediction or a promise: there is nothing to check."),
}
VERDICT_BEST_RATING = 6
VERDICT_WORST_RATING = 1


class ArticleText(models.TextChoices):
    """How much of an outlet's articles the public article page shows."""

    DEFAULT = "", "as the site is configured (CLAIMDESK_ARTICLE_TEXT)"
    EXCERPTS = "excerpts", "each claim's paragraph, with a link to the source"
    FULL = "full", "the whole text (the newsroom's own articles)"


class ClaimKind(models.TextChoices):
    DIRECT = "direct", _("Direct quote")
    INDIRECT = "indirect", _("Reported statement")
    MIXED = "mixed", _("Mixed quote")


class SpeakerKind(models.TextChoices):
    PERSON = "person", _("Person")
    GOVERNMENT = "government", _("Government")
    ORGANIZATION = "organization", _("Organization")
    MEDIA = "media", _("Media")
    GROUP = "group", _("Group")
    ANONYMOUS = "anonymous", _("Anonymous")


class SpeakerResolution(models.TextChoices):
    """How a claim's speaker was reached from its mention: the extractor's words (the values
    of claims.extraction.registry.RESOLUTIONS, which a test keeps equal), then the importer's
    (`tenure`: claims/services/speakers/tenure.py; `office`: the undated match of
    SpeakerResolver._match_role)."""

    NAME = "name", _("Name")
    SURNAME = "surname", _("Surname of a name given earlier")
    ROLE = "role", _("Role or description of a named person")
    ORGANISATION = "organisation", _("Generic phrase for a named body")
    DOCUMENT = "document", _("Statement, letter or post of its author")
    PRONOUN = "pronoun", _("Pronoun")
    CONTINUATION = "continuation", _("Continues the previous claim")
    MENTION = "mention", _("The mention itself")
    TENURE = "tenure", _("Office held at the article's date by a person another article named")
    OFFICE = "office", _("Office inferred: the one person known to hold it (no date)")


class StanceChoice(models.TextChoices):
    SUPPORTS = "supports", _("Supports")
    OPPOSES = "opposes", _("Opposes")
    CONDITIONAL = "conditional", _("Conditional")
    NEUTRAL = "neutral", _("Neutral")


class LinkRelation(models.TextChoices):
    REPEATS = "repeats", _("repeats")
    PARAPHRASES = "paraphrases", _("paraphrases")
    SUPPORTS = "supports", _("supports")
    CONTRADICTS = "contradicts", _("contradicts")
    RESPONDS_TO = "responds_to", _("responds to")
    CORRECTS = "corrects", _("corrects")

    @property
    def inverse_label(self) -> str:
        """How the relation reads from the other claim: A repeats B, so B is "repeated by" A."""
        return str(_INVERSE_LABELS[self])


_INVERSE_LABELS = {
    LinkRelation.REPEATS: _("repeated by"),
    LinkRelation.PARAPHRASES: _("paraphrased by"),
    LinkRelation.SUPPORTS: _("supported by"),
    LinkRelation.CONTRADICTS: _("contradicted by"),
    LinkRelation.RESPONDS_TO: _("responded to by"),
    LinkRelation.CORRECTS: _("corrected by"),
}


class MergeSuggestionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MERGED = "merged", _("Merged")
    REJECTED = "rejected", _("Rejected")


class SourceKind(models.TextChoices):
    FEED = "feed", _("Feed (RSS or Atom)")
    SITEMAP = "sitemap", _("News sitemap")
    URL = "url", _("Single page")


class IngestStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    FETCHED = "fetched", _("Fetched")
    IMPORTED = "imported", _("Imported")
    SKIPPED = "skipped", _("Skipped")
    FAILED = "failed", _("Failed")


class FeedbackKind(models.TextChoices):
    """What a reviewer corrected in the extractor's work (ExtractionFeedback.kind)."""

    WRONG_SPAN = "wrong_span", _("Wrong span")
    WRONG_SPEAKER = "wrong_speaker", _("Wrong speaker")
    WRONG_KIND = "wrong_kind", _("Wrong kind")
    NOT_A_CLAIM = "not_a_claim", _("Not a claim")
    MISSED_CLAIM = "missed_claim", _("Missed claim")
