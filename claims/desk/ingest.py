"""Admin for continuous ingest: sources (editors manage them) and the items their polls found.

Writes go through
claims.services.ingest and claims.tasks; the running queue itself is procrastinate's admin
("Procrastinate" section: jobs, their status and events), on PostgreSQL.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html

from claims import tasks
from claims.enums import IngestStatus
from claims.models import IngestItem, Source
from claims.services import ingest

from .common import shorten as _short

EXCERPT = 80


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "outlet",
        "active",
        "poll_interval",
        "last_polled_at",
        "queued",
        "imported",
        "failed",
        "last_error_short",
    ]
    list_select_related = ["outlet"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "url"]
    autocomplete_fields = ["outlet"]
    fields = [
        "name",
        "outlet",
        "kind",
        "url",
        "active",
        "poll_interval",
        "last_polled_at",
        "last_error",
        "etag",
        "last_modified",
    ]
    readonly_fields = ["last_polled_at", "last_error", "etag", "last_modified"]
    actions = ["poll_now"]

    def get_queryset(self, request):
        # Per-source item counts in the list's one query (no per-row COUNT).
        return (
            super()
            .get_queryset(request)
            .annotate(
                queued_count=Count(
                    "items",
                    filter=Q(items__status__in=[IngestStatus.QUEUED, IngestStatus.FETCHED]),
                ),
                imported_count=Count("items", filter=Q(items__status=IngestStatus.IMPORTED)),
                failed_count=Count("items", filter=Q(items__status=IngestStatus.FAILED)),
            )
        )

    @admin.display(description="queued", ordering="queued_count")
    def queued(self, obj):
        return obj.queued_count

    @admin.display(description="imported", ordering="imported_count")
    def imported(self, obj):
        return obj.imported_count

    @admin.display(description="failed", ordering="failed_count")
    def failed(self, obj):
        if not obj.failed_count:
            return 0
        url = reverse("admin:claims_ingestitem_changelist")
        return format_html(
            '<a href="{}?source__id__exact={}&status__exact=failed">{}</a>',
            url,
            obj.pk,
            obj.failed_count,
        )

    @admin.display(description="last error")
    def last_error_short(self, obj):
        return _short(obj.last_error, EXCERPT)

    @admin.action(description="Poll the selected sources now", permissions=["change"])
    def poll_now(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        for source_id in ids:
            tasks.enqueue_poll(source_id)
        where = "polled" if settings.CLAIMDESK_INGEST_IN_PROCESS else "queued for polling"
        self.message_user(request, f"{len(ids)} source(s) {where}.", messages.SUCCESS)


@admin.register(IngestItem)
class IngestItemAdmin(admin.ModelAdmin):
    list_display = [
        "url_short",
        "source",
        "status",
        "http_status",
        "attempts",
        "error_short",
        "article_link",
        "updated",
    ]
    list_select_related = ["source", "article"]
    list_filter = ["status", ("source", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["url"]
    date_hierarchy = "created"
    show_full_result_count = False
    fields = [
        "url",
        "source",
        "status",
        "error",
        "http_status",
        "attempts",
        "article",
        "url_key",
        "created",
        "updated",
        "fetched_at",
    ]
    readonly_fields = fields
    actions = ["retry"]

    def has_add_permission(self, request):
        return False  # items come from polls; add a source (kind "single page") for one page

    @admin.display(description="address", ordering="url")
    def url_short(self, obj):
        return _short(obj.url, EXCERPT)

    @admin.display(description="error or note")
    def error_short(self, obj):
        return _short(obj.error, EXCERPT)

    @admin.display(description="article", ordering="article__headline")
    def article_link(self, obj):
        if obj.article_id is None:
            return "-"
        url = reverse("admin:claims_article_change", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, _short(obj.article.headline, 60))

    @admin.action(description="Retry the selected failed items", permissions=["change"])
    def retry(self, request, queryset):
        retried = sum(
            ingest.retry_item(item=item, enqueue=tasks.enqueue_fetch)
            for item in queryset.filter(status=IngestStatus.FAILED)
        )
        self.message_user(request, f"{retried} failed item(s) queued again.", messages.SUCCESS)


def _hide_queue_admin_without_postgresql():
    """procrastinate's tables exist on PostgreSQL only (claims.routers): on SQLite its admin
    pages would fail, so they are not shown."""
    from django.db import connections

    if connections["default"].vendor == "postgresql":
        return
    from procrastinate.contrib.django import models as queue_models

    for model in (
        queue_models.ProcrastinateJob,
        queue_models.ProcrastinateEvent,
        queue_models.ProcrastinatePeriodicDefer,
        queue_models.ProcrastinateWorker,
    ):
        if admin.site.is_registered(model):
            admin.site.unregister(model)


_hide_queue_admin_without_postgresql()
