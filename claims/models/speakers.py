"""Speakers, their aliases and old slugs, merges and merge suggestions."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..enums import (
    MergeSuggestionStatus,
    SpeakerKind,
)
from ..html import printable
from ..normalise import normalise_name
from .slugs import SLUG_MAX, SlugFromMixin

wikidata_validator = RegexValidator(r"^Q[1-9]\d*$", "A Wikidata id looks like Q22686.")


class SpeakerQuerySet(models.QuerySet):
    def with_claim_counts(self):
        """Annotates `claim_count` in the same query (no per-row COUNT)."""
        return self.annotate(claim_count=models.Count("claims", distinct=True))


class Speaker(SlugFromMixin, models.Model):
    slug_fallback = "speaker"

    name = models.CharField(max_length=300, help_text="Canonical name, e.g. Antony J. Blinken.")
    slug = models.SlugField(
        max_length=SLUG_MAX, unique=True, blank=True, help_text="Used in public URLs."
    )
    kind = models.CharField(
        max_length=20,
        choices=SpeakerKind,
        default=SpeakerKind.PERSON,
        help_text="What sort of speaker.",
    )
    role = models.CharField(
        max_length=300, blank=True, help_text='Title or function, e.g. "Secretary of State".'
    )
    affiliation = models.CharField(
        max_length=300, blank=True, help_text="Who they speak for, as free text."
    )
    affiliated_with = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text="The speaker they speak for, e.g. a government (Blinken: United States).",
    )
    description = models.TextField(blank=True, help_text="A short public description.")
    wikidata_id = models.CharField(
        max_length=20,
        blank=True,
        validators=[wikidata_validator],
        help_text="Wikidata item, e.g. Q22686; used as sameAs in ClaimReview markup.",
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = SpeakerQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        permissions = [("merge_speaker", "Can merge speakers")]
        indexes = [models.Index(fields=["name"], name="claims_speaker_name_idx")]

    def __str__(self):
        return printable(self.name)

    def get_absolute_url(self):
        return reverse("claims:speaker-detail", kwargs={"slug": self.slug})

    @property
    def wikidata_url(self) -> str:
        return f"https://www.wikidata.org/wiki/{self.wikidata_id}" if self.wikidata_id else ""


class SpeakerSlug(models.Model):
    """A slug a speaker had before a rename: its public URL answers 301 to the current page."""

    slug = models.SlugField(max_length=SLUG_MAX, unique=True, help_text="The former slug.")
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="old_slugs")
    created = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.slug


class SpeakerAlias(models.Model):
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300, help_text='A surface form, e.g. "Mr. Blinken".')
    normalised = models.CharField(
        max_length=300, editable=False, help_text="Matching key, derived."
    )
    created = models.DateTimeField(auto_now_add=True)

    # Who added, changed, moved or removed an alias, and why (claims/services/speaker_edits.py:
    # the desk's edits, merges, an alias dropped when a reviewer moves its claim away). The
    # aliases an import learns are not recorded one by one, like the speakers it creates:
    # `created` and the claims' mentions say where they came from.
    history = HistoricalRecords()

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "speaker aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["normalised"], name="claims_speakeralias_unique_normalised"
            ),
        ]

    def __str__(self):
        return printable(self.alias)

    def save(self, *args, **kwargs):
        self.normalised = normalise_name(self.alias)
        super().save(*args, **kwargs)


class SpeakerMergeSuggestion(models.Model):
    """Recorded by the importer when a new speaker might be an existing one: a human decides."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="merge_suggestions")
    candidate = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="+", help_text="The possible duplicate."
    )
    reason = models.CharField(max_length=300, help_text="Why they may be the same.")
    score = models.FloatField(default=0.0, help_text="Similarity, 0 to 1.")
    status = models.CharField(
        max_length=10, choices=MergeSuggestionStatus, default=MergeSuggestionStatus.OPEN
    )
    created = models.DateTimeField(auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(speaker=F("candidate")), name="claims_mergesuggestion_not_self"
            ),
            models.UniqueConstraint(
                fields=["speaker", "candidate"], name="claims_mergesuggestion_unique_pair"
            ),
        ]

    def __str__(self):
        return f"Merge suggestion #{self.pk} ({self.status})"


class SpeakerMerge(models.Model):
    """An audit record of one merge: what was folded into `kept`, and what moved."""

    kept = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="merges")
    merged_name = models.CharField(max_length=300)
    merged_slug = models.CharField(max_length=SLUG_MAX)
    details = models.JSONField(
        default=dict, help_text="Counts of claims, aliases, suggestions moved."
    )
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self):
        return f"{printable(self.merged_name)} merged"


class RoleHolding(models.Model):
    """An office an article ties to a person ("Sergei Lavrov, Russia's foreign minister"), with
    the dates of the first and last articles that did: the importer resolves a later article's
    bare office ("Russia's foreign minister said") to the holder seen around its date. Editors
    correct a wrong tie by changing the speaker or the dates, or by marking it disputed."""

    head = models.CharField(max_length=40, help_text='The office\'s head word, e.g. "minister".')
    words = models.CharField(
        max_length=200,
        blank=True,
        help_text='The office\'s other words, sorted and space-separated, e.g. "foreign".',
    )
    country = models.CharField(
        max_length=100, help_text='The country or body whose office it is, e.g. "russia".'
    )
    role = models.CharField(max_length=300, help_text="The office as the first article worded it.")
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="role_holdings")
    first_seen = models.DateField(help_text="Date of the earliest article tying them.")
    last_seen = models.DateField(help_text="Date of the latest article tying them.")
    source_article = models.ForeignKey(
        "claims.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The article that first tied the office to the person.",
    )
    disputed = models.BooleanField(
        default=False,
        help_text="An editor found the tie wrong: it resolves no office and the importer leaves "
        "it as it is.",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["country", "head", "words", "first_seen"]
        constraints = [
            models.UniqueConstraint(
                fields=["head", "words", "country", "speaker"],
                name="claims_roleholding_unique_office_speaker",
            ),
            models.CheckConstraint(
                condition=Q(first_seen__lte=F("last_seen")),
                name="claims_roleholding_first_before_last",
            ),
        ]

    def __str__(self):
        return printable(f"{self.role} ({self.country}): {self.speaker}")
