"""Continuous ingest: sources polled, items fetched, per-host rate slots."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..enums import (
    IngestStatus,
    SourceKind,
)
from .articles import Article, Outlet


class Source(models.Model):
    """Somewhere articles come from by themselves: a feed, a news sitemap or a single page."""

    name = models.CharField(max_length=200, help_text="What editors call it, e.g. Reuters world.")
    outlet = models.ForeignKey(
        Outlet,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sources",
        help_text="The outlet its articles are filed under when the page does not say.",
    )
    kind = models.CharField(
        max_length=10, choices=SourceKind, default=SourceKind.FEED, help_text="What the URL is."
    )
    url = models.URLField(max_length=2000, help_text="The feed, sitemap or page address.")
    active = models.BooleanField(default=True, help_text="Inactive sources are never polled.")
    poll_interval = models.PositiveIntegerField(
        default=60,
        verbose_name="poll every (minutes)",
        help_text="How often the workers poll it, in minutes (at least 1).",
    )
    etag = models.CharField(
        max_length=500, blank=True, editable=False, help_text="ETag of the last response."
    )
    last_modified = models.CharField(
        max_length=100,
        blank=True,
        editable=False,
        help_text="Last-Modified of the last response, as the server sent it.",
    )
    last_polled_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When it was last polled."
    )
    last_error = models.TextField(
        blank=True, editable=False, help_text="Why the last poll failed; empty when it worked."
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["url"], name="claims_source_unique_url"),
            models.CheckConstraint(
                condition=Q(poll_interval__gte=1), name="claims_source_poll_interval_positive"
            ),
        ]

    def __str__(self):
        return self.name


class IngestItem(models.Model):
    """One article address found by a poll: fetched once, whichever feeds list it."""

    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
        help_text="The source that first listed it.",
    )
    url = models.URLField(max_length=2000, help_text="The article address as the source gave it.")
    url_key = models.CharField(
        max_length=255,
        editable=False,
        help_text="The normalised address (the article's source key): one item per article.",
    )
    status = models.CharField(
        max_length=10, choices=IngestStatus, default=IngestStatus.QUEUED, help_text="Where it is."
    )
    error = models.TextField(
        blank=True, help_text="Why it failed or was skipped, or a note on the import."
    )
    http_status = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="HTTP status of the last fetch."
    )
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Fetches tried so far.")
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ingest_items",
        help_text="The article it became.",
    )
    created = models.DateTimeField(auto_now_add=True, help_text="When a poll first found it.")
    updated = models.DateTimeField(auto_now=True, help_text="Its last change of status.")
    fetched_at = models.DateTimeField(null=True, blank=True, help_text="Its last fetch.")

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["url_key"], name="claims_ingestitem_unique_url_key"),
        ]
        indexes = [
            # The queue page and the item list: counts and newest first, per source and status.
            models.Index(fields=["source", "status"], name="claims_ingestitem_source_idx"),
            models.Index(fields=["status", "-updated"], name="claims_ingestitem_status_idx"),
        ]

    def __str__(self):
        return self.url


class IngestHost(models.Model):
    """Per-host politeness shared by every worker on every machine: the next free fetch slot."""

    host = models.CharField(max_length=255, unique=True, help_text="Host name and port.")
    next_fetch_at = models.DateTimeField(
        default=timezone.now, help_text="No request to this host starts before this time."
    )

    class Meta:
        ordering = ["host"]

    def __str__(self):
        return self.host
