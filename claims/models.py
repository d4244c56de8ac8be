"""Claimdesk's data model: articles, the claims found in them, who said them, and their review."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, F, Func, Max, Q, Value, When
from django.db.models.functions import Cast, Concat, Greatest, Least, Length, LPad, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from .enums import (
    ArticleText,
    ClaimKind,
    ClaimStatus,
    FeedbackKind,
    IngestStatus,
    LinkRelation,
    MergeSuggestionStatus,
    SourceKind,
    SpeakerKind,
    SpeakerResolution,
    StanceChoice,
    Verdict,
)
from .html import CONTEXT_RADIUS, claim_words, printable
from .normalise import normalise_name, source_key_for, text_hash, to_ascii

SLUG_MAX = 120


def slug_base(text: str, *, fallback: str) -> str:
    """slugify(text), short enough for a "-N" suffix; `fallback` when nothing is left.

    Other scripts are transliterated first (anyascii), so "Володимир Зеленський" gets
    `volodimir-zelenskiy` rather than the fallback: slugify alone drops every non-ASCII letter.
    """
    return slugify(to_ascii(text))[: SLUG_MAX - 6].strip("-") or fallback


def first_free_slug(base: str, taken) -> str:
    """base, or base-2, base-3, ... : the first not in `taken` (an in-memory set; counts up, so
    only for bases that repeat rarely, such as speaker names; headlines use `next_slug`)."""
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _taken_pattern(base: str) -> str:
    # A slug is [a-z0-9_-] (slugify of anyascii): nothing in `base` needs escaping.
    return rf"^{base}(-[1-9][0-9]*)?$"


def slug_suffix(slug: str, base: str) -> int | None:
    """1 for `base` itself, n for `base-n`; None for any other slug."""
    if slug == base:
        return 1
    tail = slug[len(base) + 1 :]
    if slug.startswith(base + "-") and tail.isdigit() and tail[0] != "0":
        return int(tail)
    return None


def next_slug(base: str, highest: int | None) -> str:
    """The slug after the highest taken suffix: base, then base-2, base-3, ..."""
    return base if highest is None else f"{base}-{highest + 1}"


def highest_suffix(model, base: str, *, exclude_pk=None) -> int | None:
    """The highest n among `model`'s slugs base (1), base-2, ..., base-n; None if none is taken.

    One query returning one row, however many are taken: "Update" x 6,000 made counting up
    through every taken slug slower batch after batch (issue 15, item 11)."""
    slug = (
        model._default_manager.filter(slug__regex=_taken_pattern(base))
        .exclude(pk=exclude_pk)
        .order_by(Length("slug").desc(), F("slug").desc())
        .values_list("slug", flat=True)
        .first()
    )
    return None if slug is None else slug_suffix(slug, base)


def highest_suffixes(model, bases) -> dict[str, int]:
    """`highest_suffix` of each of `bases` (those with a taken slug) in one query, one row each.

    A slug that fits two bases ("update-2" is base "update" with suffix 2 and the headline
    "Update 2") counts for the longer one; the shorter may then be offered a taken slug, which
    the unique index refuses and the import retries with `available_slug`."""
    bases = sorted(set(bases), key=len, reverse=True)
    if not bases:
        return {}
    stem = Case(
        *(When(slug__regex=_taken_pattern(b), then=Value(b)) for b in bases),
        output_field=models.CharField(),
    )
    # Longest slug first, then the greatest: the highest suffix (no leading zeros).
    width = LPad(Cast(Length("slug"), models.CharField()), 5, Value("0"))
    top = Max(Concat(width, "slug", output_field=models.CharField()))
    rows = (
        model._default_manager.filter(reduce(or_, (Q(slug__startswith=b) for b in bases)))
        .annotate(stem=stem)
        .filter(stem__isnull=False)
        .order_by()
        .values("stem")
        .annotate(top=top)
        .values_list("stem", "top")
    )
    return {b: n for b, top_slug in rows if (n := slug_suffix(top_slug[5:], b)) is not None}


def available_slug(model, text: str, *, fallback: str, exclude_pk=None) -> str:
    """slugify(text), or with -2, -3, ... appended: after the highest taken. The unique index
    settles races."""
    base = slug_base(text, fallback=fallback)
    return next_slug(base, highest_suffix(model, base, exclude_pk=exclude_pk))


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


class Outlet(models.Model):
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

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return printable(self.name)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = available_slug(Outlet, self.name, fallback="outlet", exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def shows_full_text(self) -> bool:
        """Whether its article pages show the whole text: the outlet's own choice, else the
        site's CLAIMDESK_ARTICLE_TEXT."""
        return (self.article_text or settings.CLAIMDESK_ARTICLE_TEXT) == ArticleText.FULL


class ArticleQuerySet(models.QuerySet):
    def for_list(self):
        """Outlet joined, body deferred: list pages never need the full text."""
        return self.select_related("outlet").defer("body")


class Article(models.Model):
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
        if not self.slug:
            self.slug = available_slug(
                Article, self.headline, fallback="article", exclude_pk=self.pk
            )


wikidata_validator = RegexValidator(r"^Q[1-9]\d*$", "A Wikidata id looks like Q22686.")


class SpeakerQuerySet(models.QuerySet):
    def with_claim_counts(self):
        """Annotates `claim_count` in the same query (no per-row COUNT)."""
        return self.annotate(claim_count=models.Count("claims", distinct=True))


class Speaker(models.Model):
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

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = available_slug(Speaker, self.name, fallback="speaker", exclude_pk=self.pk)
        super().save(*args, **kwargs)

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


class Tag(models.Model):
    name = models.CharField(max_length=100, unique=True, help_text="Short label, e.g. Peace talks.")
    slug = models.SlugField(
        max_length=SLUG_MAX, unique=True, blank=True, help_text="Used in public URLs."
    )
    description = models.TextField(blank=True, help_text="What claims get this tag.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return printable(self.name)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = available_slug(Tag, self.name, fallback="tag", exclude_pk=self.pk)
        super().save(*args, **kwargs)


class Topic(models.Model):
    """A proposition claims take positions on, e.g. "Peace talks on China's 12-point plan"."""

    title = models.CharField(max_length=300, help_text="Short name of the proposition.")
    slug = models.SlugField(
        max_length=SLUG_MAX, unique=True, blank=True, help_text="Used in public URLs."
    )
    question = models.CharField(
        max_length=500,
        blank=True,
        help_text='The question stances answer, e.g. "Should talks start now?"',
    )
    description = models.TextField(blank=True, help_text="Background shown on the topic page.")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return printable(self.title)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = available_slug(Topic, self.title, fallback="topic", exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("claims:topic-detail", kwargs={"slug": self.slug})


class SearchDocument(Func):
    """The claim's searchable text: a tsvector on PostgreSQL, lower-cased text on SQLite.

    Generated by the database (no signals); PostgreSQL indexes it with GIN (migration 0002).
    """

    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(F("content"), F("mention"))

    def as_sql(self, compiler, connection, **extra):
        content, content_params = compiler.compile(self.source_expressions[0])
        mention, mention_params = compiler.compile(self.source_expressions[1])
        return f"lower({content} || ' ' || {mention})", (*content_params, *mention_params)

    def as_postgresql(self, compiler, connection, **extra):
        content, content_params = compiler.compile(self.source_expressions[0])
        mention, mention_params = compiler.compile(self.source_expressions[1])
        sql = f"to_tsvector('english'::regconfig, coalesce({content}, '') || ' ' || coalesce({mention}, ''))"
        return sql, (*content_params, *mention_params)


class SearchDocumentField(SearchVectorField):
    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class ClaimQuerySet(models.QuerySet):
    def visible(self):
        """Everything but dismissed claims (the review desk sees those too, the public never)."""
        return self.exclude(status=ClaimStatus.DISMISSED)

    def public(self):
        """What readers may see: published claims, plus unreviewed ones when the setting allows."""
        if settings.CLAIMDESK_SHOW_UNREVIEWED:
            return self.visible()
        return self.filter(status=ClaimStatus.PUBLISHED)

    def published(self):
        """Published claims only: the ones with a public verdict (feeds, scorecards, JSON-LD)."""
        return self.filter(status=ClaimStatus.PUBLISHED)

    def for_list(self):
        """Speaker and article+outlet joined; bodies, notes and the search vector not fetched."""
        return self.select_related("speaker", "article__outlet").defer(*_CLAIM_LIST_DEFERRED)

    def for_detail(self):
        """Speaker (+ its government), article+outlet and reviewer joined, tags prefetched;
        article body deferred."""
        return (
            self.select_related("speaker__affiliated_with", "article__outlet", "reviewed_by")
            .defer("search", "notes", "article__body", "reviewed_by__password")
            .prefetch_related("tags")
        )

    def with_context(self, radius: int = CONTEXT_RADIUS):
        """Annotates `context_text`, the claim's paragraph cut out of the article body by the
        database (at most `radius` characters either side of the claim: a page never reads the
        whole body), and `context_from`, its offset in the body. NULL when there is none."""
        lo = Greatest(F("context_start"), F("start") - radius)
        hi = Least(F("context_end"), F("end") + radius)
        return self.annotate(context_from=lo, context_text=Substr("article__body", lo + 1, hi - lo))


# Columns a claim card never shows: the article body is the big one; notes are never public.
_CLAIM_LIST_DEFERRED = (
    "search",
    "notes",
    "rationale",
    "article__body",
    "article__source_path",
    "article__authors",
)


class Claim(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="claims", help_text="Where it appeared."
    )
    speaker = models.ForeignKey(
        Speaker,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="claims",
        help_text="Who made the claim; empty when unattributed.",
    )
    mention = models.CharField(
        max_length=300, blank=True, help_text="The words naming the speaker in the text."
    )
    mention_start = models.PositiveIntegerField(
        null=True, blank=True, help_text="Offset of the mention in the body."
    )
    mention_end = models.PositiveIntegerField(null=True, blank=True)
    content = models.TextField(help_text="The claim, verbatim from the article.")
    summary = models.CharField(
        max_length=120,
        blank=True,
        help_text="A short neutral restatement of the claim, written by a reviewer; under 75 "
        "characters is best. Search engines (ClaimReview), list and feed titles use it.",
    )
    start = models.PositiveIntegerField(help_text="Offset of the content in the article body.")
    end = models.PositiveIntegerField(help_text="End offset (exclusive) of the content.")
    cue = models.CharField(
        max_length=100, blank=True, help_text='The reporting words, e.g. "said".'
    )
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    kind = models.CharField(
        max_length=10,
        choices=ClaimKind,
        default=ClaimKind.INDIRECT,
        help_text="Direct, reported or mixed.",
    )
    # The paragraph is stored as offsets into the article body, never as a copy: a copy per
    # claim made a paragraph with n quotes cost n times its length (issue 15, item 2).
    context_start = models.PositiveIntegerField(
        null=True, blank=True, help_text="Offset of the claim's paragraph in the article body."
    )
    context_end = models.PositiveIntegerField(
        null=True, blank=True, help_text="End offset (exclusive) of the claim's paragraph."
    )
    said_on = models.DateField(
        null=True, blank=True, help_text="When it was said, if the text says."
    )
    sort_date = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="said_on, else the article's date: what public lists sort by (derived).",
    )
    status = models.CharField(
        max_length=12,
        choices=ClaimStatus,
        default=ClaimStatus.NEW,
        help_text="Where the claim is in review.",
    )
    # NULL means "no verdict yet", distinct from every rating.
    verdict = models.CharField(  # noqa: DJ001
        max_length=16, choices=Verdict, null=True, blank=True, help_text="The rating, once checked."
    )
    rationale = models.TextField(
        blank=True, help_text="Why this verdict: published with the verdict."
    )
    notes = models.TextField(blank=True, help_text="Internal reviewer notes. Never public.")
    attribution_checked = models.BooleanField(
        default=False,
        help_text="Did this speaker really say this, in these words? Checked against the source.",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_claims",
        help_text="Who is checking it.",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_claims",
        help_text="Who recorded the verdict.",
    )
    reviewed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the verdict was recorded."
    )
    published_at = models.DateTimeField(null=True, blank=True, help_text="When it was published.")
    tags = models.ManyToManyField(
        Tag, blank=True, related_name="claims", help_text="Labels for finding claims."
    )
    orphaned = models.BooleanField(
        default=False,
        help_text="The article text changed on re-import and this span is no longer extracted.",
    )
    content_hash = models.CharField(
        max_length=40, blank=True, editable=False, help_text="Hash of normalised content."
    )
    extractor_version = models.CharField(
        max_length=40, blank=True, help_text="Extractor that found it; empty if entered by hand."
    )
    extraction_rule = models.CharField(
        "extraction rule",
        max_length=60,
        blank=True,
        editable=False,
        help_text="Name of the extractor rule that found it (see claims/extraction/rules); "
        "empty if entered by hand or extracted before rules were named.",
    )
    speaker_resolution = models.CharField(
        "speaker resolution",
        max_length=20,
        choices=SpeakerResolution,
        blank=True,
        editable=False,
        help_text="How the extractor reached the speaker from the mention (a name, a surname, "
        "a role held by someone named earlier, a document standing for its author, ...); "
        "empty if entered by hand or unattributed.",
    )
    via = models.CharField(
        max_length=200,
        blank=True,
        help_text="The agency or paper that only carried the speaker's words "
        '("according to Reuters", "Interfax reported"), when the text names one.',
    )
    search = models.GeneratedField(
        expression=SearchDocument(), output_field=SearchDocumentField(), db_persist=True
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Optimistic lock: bumped on every reviewed save."
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search", "content_hash", "sort_date", "updated"])

    class Meta:
        ordering = ["-sort_date", "-id"]
        permissions = [
            ("publish_claim", "Can publish and unpublish claims"),
            ("dismiss_claim", "Can dismiss claims"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__gte=0) & Q(end__gt=F("start")), name="claims_claim_offsets_valid"
            ),
            models.CheckConstraint(
                condition=Q(mention_start__isnull=True) | Q(mention_end__gt=F("mention_start")),
                name="claims_claim_mention_offsets_valid",
            ),
            models.CheckConstraint(
                condition=Q(cue_start__isnull=True) | Q(cue_end__gt=F("cue_start")),
                name="claims_claim_cue_offsets_valid",
            ),
            models.CheckConstraint(
                condition=Q(context_start__isnull=True, context_end__isnull=True)
                | Q(context_start__lte=F("start"), context_end__gte=F("end")),
                name="claims_claim_context_offsets_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=ClaimStatus.PUBLISHED) | Q(verdict__isnull=False),
                name="claims_claim_published_has_verdict",
            ),
            models.UniqueConstraint(
                fields=["article", "start", "end"], name="claims_claim_unique_span"
            ),
        ]
        indexes = [
            # Public claim list: newest first, keyset pagination over (sort_date, id).
            models.Index(fields=["-sort_date", "-id"], name="claims_claim_date_id_idx"),
            # Review queues and public visibility filter by status, newest first.
            models.Index(
                fields=["status", "-sort_date", "-id"], name="claims_claim_status_date_idx"
            ),
            # Speaker pages: a speaker's claims over time.
            models.Index(
                fields=["speaker", "-sort_date", "-id"], name="claims_claim_speaker_date_idx"
            ),
            # Exact-duplicate lookups for "similar claims".
            models.Index(fields=["content_hash"], name="claims_claim_content_hash_idx"),
            # Published feed and home page.
            models.Index(fields=["-published_at"], name="claims_claim_published_at_idx"),
            # The public page cache's data fingerprint reads max(updated) (claims/views.py).
            models.Index(fields=["updated"], name="claims_claim_updated_idx"),
        ]

    def __str__(self):
        # The words without a direct quote's own marks: the admin puts its “…” around this.
        return claim_words(printable(self.content), self.kind, limit=80)

    def save(self, *args, **kwargs):
        self.derive_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("claims:claim-detail", kwargs={"pk": self.pk})

    def derive_fields(self, *, article_published=None):
        """Fill content_hash and sort_date (also called before bulk_create, which skips save())."""
        self.content_hash = text_hash(self.content)
        if self.said_on:
            self.sort_date = self.said_on
        elif article_published is not None:
            self.sort_date = article_published
        elif self.sort_date is None and self.article_id:
            self.sort_date = (
                Article.objects.filter(pk=self.article_id)
                .values_list("published", flat=True)
                .first()
            )
        if self.sort_date is None:
            self.sort_date = (self.created or timezone.now()).date()


class ClaimEvidence(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    url = models.URLField(
        max_length=2000, help_text="A source that backs the verdict (http or https only)."
    )
    title = models.CharField(max_length=300, blank=True, help_text="What the source is.")
    note = models.TextField(blank=True, help_text="What it shows.")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name_plural = "claim evidence"
        constraints = [
            # Only web links: a "javascript:" URL in evidence would run in a reader's browser.
            models.CheckConstraint(
                condition=Q(url__istartswith="http://") | Q(url__istartswith="https://"),
                name="claims_claimevidence_http_url",
            ),
        ]

    def __str__(self):
        return printable(self.title or self.url)


class Stance(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="stances")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="stances")
    stance = models.CharField(
        max_length=12, choices=StanceChoice, help_text="The claim's position on the topic."
    )
    note = models.TextField(blank=True, help_text="Why this reading of the claim.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["topic_id", "stance"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "topic"], name="claims_stance_one_per_claim_topic"
            ),
        ]
        indexes = [models.Index(fields=["topic", "stance"], name="claims_stance_topic_idx")]

    def __str__(self):
        return self.stance


class ClaimLink(models.Model):
    from_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_out")
    to_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_in")
    relation = models.CharField(
        max_length=12, choices=LinkRelation, help_text="How the first claim relates to the second."
    )
    note = models.TextField(blank=True, help_text="Why they are linked.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_claim=F("to_claim")), name="claims_claimlink_no_self_link"
            ),
            models.UniqueConstraint(
                fields=["from_claim", "to_claim", "relation"],
                name="claims_claimlink_unique_relation",
            ),
        ]

    def __str__(self):
        return self.relation

    @property
    def inverse_label(self) -> str:
        return LinkRelation(self.relation).inverse_label


# --- Continuous ingest (claims/services/ingest.py, claims/tasks.py) ---------------------------


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


class ExtractionFeedback(models.Model):
    """One correction a person made to the extractor's work: the engine's measured errors.

    Written only by claims.services.feedback.record_feedback, whatever screen it came from.
    """

    claim = models.ForeignKey(
        Claim,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
        help_text="The claim corrected (kept as empty if the claim is deleted later).",
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="feedback", help_text="Its article."
    )
    kind = models.CharField(max_length=16, choices=FeedbackKind, help_text="What was wrong.")
    before = models.JSONField(default=dict, blank=True, help_text="What the extractor said.")
    after = models.JSONField(default=dict, blank=True, help_text="What the reviewer made it.")
    extraction_rule = models.CharField(
        max_length=60, blank=True, help_text="The extractor rule that made the claim."
    )
    extractor_version = models.CharField(max_length=40, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name_plural = "extraction feedback"
        indexes = [
            # The extraction-quality report groups feedback by kind and rule.
            models.Index(fields=["kind", "extraction_rule"], name="claims_feedback_kind_rule_idx"),
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk}"


class Correction(models.Model):
    """A public correction of a published claim's verdict or rationale (review.correct_claim
    writes it; nothing else changes a published verdict)."""

    claim = models.ForeignKey(
        Claim,
        on_delete=models.CASCADE,
        related_name="corrections",
        help_text="The claim corrected.",
    )
    previous_verdict = models.CharField(
        max_length=16, choices=Verdict, blank=True, help_text="The verdict before the correction."
    )
    new_verdict = models.CharField(
        max_length=16, choices=Verdict, blank=True, help_text="The verdict after the correction."
    )
    previous_rationale = models.TextField(
        blank=True, help_text="The rationale before the correction."
    )
    note = models.TextField(help_text="Public: what was corrected and why.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="corrected by",
    )
    created = models.DateTimeField(default=timezone.now, verbose_name="corrected at")

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            # /corrections/ and its feed: newest first.
            models.Index(fields=["-created", "-id"], name="claims_correction_created_idx"),
        ]

    def __str__(self):
        return f"Correction #{self.pk}"

    @property
    def verdict_changed(self) -> bool:
        return self.previous_verdict != self.new_verdict


class MethodologyText(models.Model):
    """The prose of /methodology/ (the review process), written by editors; one row, or none
    and the page shows its built-in text. The rating scale is not here: it comes from
    enums.Verdict, which ClaimReview's rating values come from too."""

    body = models.TextField(
        help_text=(
            "How the desk checks claims, shown above the rating scale. Plain text: a blank "
            "line starts a new paragraph."
        ),
    )
    updated = models.DateTimeField(auto_now=True, verbose_name="last changed")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="last changed by",
    )

    class Meta:
        verbose_name = "methodology text"
        verbose_name_plural = "methodology text"

    def __str__(self):
        return "Methodology text"
