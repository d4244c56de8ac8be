"""The article admin: the text with its claims marked, re-extraction."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from claims.desk.common import change_link, in_model_order, shorten
from claims.desk.forms import MissedClaimForm
from claims.desk.history import GuardedHistoryAdmin
from claims.enums import ClaimKind
from claims.html import Span, highlight, visible
from claims.models import (
    Article,
    Claim,
)
from claims.permissions import can, require
from claims.services import review
from claims.services.articles import save_article
from claims.services.imports import reextract_article


class ArticleClaimInline(admin.TabularInline):
    """Read-mostly: claims are reviewed on their own page."""

    model = Claim
    extra = 0
    fields = ["claim_link", "speaker", "kind", "status", "verdict"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker").order_by("start")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="claim")
    def claim_link(self, claim):
        return change_link(claim, shorten(claim.content))


@admin.register(Article)
class ArticleAdmin(GuardedHistoryAdmin):
    list_display = ["headline_text", "outlet", "published", "claim_count", "imported_at"]
    list_select_related = ["outlet"]
    list_filter = [("outlet", admin.RelatedOnlyFieldListFilter), "language"]
    search_fields = ["headline", "url"]
    date_hierarchy = "published"
    autocomplete_fields = ["outlet"]
    inlines = [ArticleClaimInline]
    actions = ["reextract"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "headline",
                    "outlet",
                    "url",
                    "published",
                    "authors",
                    "language",
                    "extraction_note",
                ]
            },
        ),
        ("Text with its claims", {"fields": ["body_with_claims"]}),
        ("Body (as imported)", {"fields": ["body"], "classes": ["collapse"]}),
        (
            "Provenance",
            {
                "fields": [
                    "slug",
                    "source_key",
                    "source_path",
                    "body_hash",
                    "imported_at",
                    "extractor_version",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    readonly_fields = [
        "body_with_claims",
        "extraction_note",
        "slug",
        "source_key",
        "source_path",
        "body_hash",
        "imported_at",
        "extractor_version",
    ]

    def get_queryset(self, request):
        queryset = in_model_order(
            super().get_queryset(request).annotate(claim_count=Count("claims"))
        )
        if request.resolver_match and request.resolver_match.url_name.endswith("_changelist"):
            queryset = queryset.defer("body")  # lists never show the text
        return queryset

    @admin.display(description="headline", ordering="headline")
    def headline_text(self, article):
        return visible(article.headline)

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, article):
        return article.claim_count

    @admin.display(description="text")
    def body_with_claims(self, article):
        spans = [
            Span(start, end, "claim", f"claim {pk}")
            for pk, start, end in article.claims.filter(in_headline=False).values_list(
                "pk", "start", "end"
            )
            if end <= len(article.body)
        ]
        return format_html(
            '<div class="article-body">{}</div>',
            format_html_join(
                "",
                '<p class="article-text" data-start="{}">{}</p>',
                _paragraphs(article.body, spans),
            ),
        )

    def save_model(self, request, obj, form, change):
        result = save_article(article=obj, user=request.user, adding=not change)
        if result is not None:
            self.message_user(request, f"Claims re-extracted: {result.describe()}", messages.INFO)

    change_form_template = "admin/claims/article/change_form.html"

    def get_urls(self):
        return [
            path(
                "<int:pk>/add-claim/",
                self.admin_site.admin_view(self.add_claim_view),
                name="claims_article_add_claim",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and change and can(request.user, "review"):
            context["add_claim_url"] = reverse("admin:claims_article_add_claim", args=[obj.pk])
            context["claim_kinds"] = ClaimKind.choices
        return super().render_change_form(request, context, add, change, form_url, obj)

    def add_claim_view(self, request, pk):
        """POST span_start, span_end, span_text, speaker_name, kind: add a missed claim."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        require(request.user, "review")
        article = self.get_object(request, str(pk))
        if article is None:
            raise Http404("No such article.")
        form = MissedClaimForm(request.POST)
        if not form.is_valid():
            return HttpResponseBadRequest("Select the claim's words in the article first.")
        data = form.cleaned_data
        try:
            claim = review.add_missed_claim(
                article=article,
                user=request.user,
                start=data["span_start"],
                end=data["span_end"],
                text=data["span_text"] or None,
                speaker_name=data["speaker_name"],
                kind=data["kind"],
            )
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:claims_article_change", args=[pk]))
        self.message_user(request, f"Added the missed claim “{claim}”.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))

    def has_reextract_permission(self, request):
        return can(request.user, "review") and request.user.has_perm("claims.change_article")

    @admin.action(
        description="Re-extract claims (keeps reviewed claims)", permissions=["reextract"]
    )
    def reextract(self, request, queryset):
        for article in queryset:
            result = reextract_article(article=article, user=request.user)
            self.message_user(request, f"{article.headline}: {result.describe()}", messages.SUCCESS)


def _paragraphs(body: str, spans: list[Span]):
    """(offset, markup) of each blank-line-separated paragraph of `body`: escaped, with the
    spans inside it marked; the offset lets the desk's script turn a selection into offsets."""
    offset = 0
    for chunk in body.split("\n\n"):
        yield offset, highlight(chunk, spans, offset=offset)
        offset += len(chunk) + 2
