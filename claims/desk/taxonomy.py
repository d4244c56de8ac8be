"""Topics (with the positions matrix), tags and outlets."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html, format_html_join

from claims import queries
from claims.desk.common import DeskAdmin, change_link, in_model_order, shorten
from claims.enums import StanceChoice
from claims.html import visible
from claims.models import (
    MethodologyText,
    Outlet,
    Tag,
    Topic,
)
from claims.permissions import can
from claims.services import taxonomy
from claims.services.methodology import save_methodology_text


@admin.register(Topic)
class TopicAdmin(DeskAdmin):
    list_display = ["title", "question", "stance_count", "created"]
    search_fields = ["title", "question"]
    readonly_fields = ["slug", "positions"]
    fields = ["title", "slug", "question", "description", "positions"]

    def get_queryset(self, request):
        return in_model_order(super().get_queryset(request).annotate(stance_count=Count("stances")))

    def save_model(self, request, obj, form, change):
        taxonomy.save_topic(topic=obj, user=request.user, adding=not change)

    @admin.display(description="stances", ordering="stance_count")
    def stance_count(self, topic):
        return topic.stance_count

    @admin.display(description="positions (actors by stance)")
    def positions(self, topic):
        """The public pages' positions matrix (`queries.positions`: actors rolled up along
        containment), over every stance on the topic: the desk sees claims under review too."""
        if topic.pk is None:
            return "—"
        rows = queries.positions(queries.topic_stances(topic, reviewed_only=False))
        if not rows:
            return "No claims take a stance on this topic yet."
        header = format_html_join(
            "", "<th>{}</th>", ((label,) for _, label in StanceChoice.choices)
        )
        body = format_html_join(
            "",
            "<tr><th>{}</th>{}</tr>",
            (
                (
                    visible(row.actor.name) if row.actor else "Unattributed",
                    format_html_join(
                        "",
                        "<td>{}</td>",
                        (
                            (
                                format_html_join(
                                    "<br>",
                                    "{}",
                                    ((change_link(c, shorten(c.content, 60)),) for c in cell),
                                ),
                            )
                            for cell in row.cells.values()
                        ),
                    ),
                )
                for row in rows
            ),
        )
        return format_html(
            '<table class="positions"><thead><tr><th>actor</th>{}</tr></thead><tbody>{}</tbody></table>',
            header,
            body,
        )


@admin.register(Tag)
class TagAdmin(DeskAdmin):
    list_display = ["name", "slug", "claim_count"]
    search_fields = ["name"]
    readonly_fields = ["slug"]

    def get_queryset(self, request):
        return in_model_order(super().get_queryset(request).annotate(claim_count=Count("claims")))

    def save_model(self, request, obj, form, change):
        taxonomy.save_tag(tag=obj, user=request.user, adding=not change)

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, tag):
        return tag.claim_count


@admin.register(Outlet)
class OutletAdmin(DeskAdmin):
    list_display = ["name", "homepage", "article_text", "article_count"]
    search_fields = ["name"]
    readonly_fields = ["slug"]

    def get_queryset(self, request):
        return in_model_order(
            super().get_queryset(request).annotate(article_count=Count("articles"))
        )

    def save_model(self, request, obj, form, change):
        taxonomy.save_outlet(outlet=obj, user=request.user, adding=not change)

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, outlet):
        return outlet.article_count


@admin.register(MethodologyText)
class MethodologyTextAdmin(DeskAdmin):
    """The /methodology/ prose: editors only (reviewers do not even see it)."""

    fields = ["body", "updated", "updated_by"]
    readonly_fields = ["updated", "updated_by"]
    list_display = ["__str__", "updated", "updated_by"]

    def _editor(self, request) -> bool:
        return can(request.user, "edit_methodology")

    def has_module_permission(self, request):
        return self._editor(request)

    def has_view_permission(self, request, obj=None):
        return self._editor(request)

    def has_change_permission(self, request, obj=None):
        return self._editor(request)

    def has_add_permission(self, request):
        # No "does a row exist" query here: every admin page's menu asks this. An added row
        # replaces the old one (save_methodology_text).
        return self._editor(request)

    def has_delete_permission(self, request, obj=None):
        return self._editor(request)

    def save_model(self, request, obj, form, change):
        save_methodology_text(text=obj, user=request.user)
