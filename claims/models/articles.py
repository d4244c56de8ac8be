"""Outlets and the articles imported from them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..enums import (
    ArticleText,
)
from ..html import printable
from ..normalise import source_key_for, text_hash
from .slugs import SLUG_MAX, SlugFromMixin


def context_offsets(body: str, context: str, start: int, end: int) -> tuple[int | None, int | None]:
    """Where a claim's paragraph text `context` lies in `body` around the claim [start, end).

    For contexts stored as text (older exports, rows before migration 0009): the occurrence
    of `context` that covers the claim, else the blank-line paragraph around the claim, else
    (None, None) when the claim's offsets are not inside the body. One bounded `find`.
    """
    if not (0 <= start < end <= len(body)):
        return None, None
    if context and len(context) >= end - start:
        at = body.find(context, max(0, end - len(context)), start + len(context))
        if 0 <= at <= start:
            return at, at + len(context)
    para_start = body.rfind("\n\n", 0, start)
    para_end = body.find("\n\n", end)
    return (
        0 if para_start == -1 else para_start + 2,
        len(body) if para_end == -1 else para_end,
    )


class Outlet(SlugFromMixin, models.Model):
    slug_fallback = "outlet"

    name = models.CharField(
        max_length=200, unique=True, help_text="Publication name, e.g. The New York Times."
    )
    slug = models.SlugField(
        max_length=SLUG_MAX, unique=True, help_text="Used in public URLs and filters."
    )
    homepage = models.URLField(blank=True, help_text="The outlet's home page.")
    article_text = models.CharField(
        max_length=8,
        choices=ArticleText,
        blank=True,
        default=ArticleText.DEFAULT,
        verbose_name="article pages show",
        help_text=(
            "Other outlets' articles are quoted, not republished: choose the whole text only "
            "for articles the newsroom may publish (its own)."
        ),
    )

    # Its name and its choice of article text show on public pages: the page cache reads the
    # newest history row (a rename, a new or deleted outlet).
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return printable(self.name)

    def shows_full_text(self) -> bool:
        """Whether its article pages show the whole text: the outlet's own choice, else the
        site's CLAIMDESK_ARTICLE_TEXT."""
        return (self.article_text or settings.CLAIMDESK_ARTICLE_TEXT) == ArticleText.FULL


class ArticleQuerySet(models.QuerySet):
    def for_list(self):
        """Outlet joined, body deferred: list pages never need the full text."""
        return self.select_related("outlet").defer("body")


class Article(SlugFromMixin, models.Model):
    slug_source = "headline"
    slug_fallback = "article"

    headline = models.CharField(max_length=500, help_text="The article's headline as published.")
    slug = models.SlugField(
        max_length=SLUG_MAX, unique=True, blank=True, help_text="Derived from the headline."
    )
    outlet = models.ForeignKey(
        Outlet,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text="Who published the article.",
    )
    # NULL, not "": the unique constraint must let many articles have no URL.
    url = models.URLField(  # noqa: DJ001
        max_length=2000, null=True, blank=True, help_text="Where the article was published."
    )
    published = models.DateField(null=True, blank=True, help_text="Publication date.")
    authors = models.CharField(max_length=500, blank=True, help_text="Bylines, comma separated.")
    body = models.TextField(help_text="The cleaned article text that claim offsets point into.")
    language = models.CharField(max_length=12, default="en", help_text="ISO 639-1 language code.")
    source_key = models.CharField(
        max_length=255,
        blank=True,
        help_text="Identity for imports: normalised URL, or a hash of the normalised text.",
    )
    source_path = models.CharField(
        max_length=1000, blank=True, help_text="The file it was imported from."
    )
    body_hash = models.CharField(
        max_length=40, blank=True, editable=False, help_text="Hash of the body."
    )
    imported_at = models.DateTimeField(default=timezone.now, help_text="When it was imported.")
    extractor_version = models.CharField(
        max_length=40, blank=True, help_text="Extractor that found its claims."
    )
    extraction_note = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why the extractor did not run on this article (e.g. a language it does not "
        "handle); empty when it did.",
    )

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["source_key"], name="claims_article_unique_source_key"),
            models.UniqueConstraint(
                fields=["url"],
                condition=Q(url__isnull=False) & ~Q(url=""),
                name="claims_article_unique_url",
            ),
        ]
        indexes = [
            # Article lists and per-outlet pages order by publication date.
            models.Index(fields=["-published", "-id"], name="claims_article_published_idx"),
        ]

    def __str__(self):
        return printable(self.headline)

    def save(self, *args, **kwargs):
        self.derive_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("claims:article-detail", kwargs={"slug": self.slug})

    def derive_fields(self):
        """Fill slug, source_key and body_hash from the row's own text (also used before bulk writes)."""
        if self.url == "":
            self.url = None
        self.body_hash = text_hash(self.body)
        if not self.source_key:
            self.source_key = source_key_for(url=self.url, body=self.body)
        self.fill_slug()
