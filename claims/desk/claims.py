"""The claim admin: the review queue and the change page (filters, inlines, actions and the
page's own views are in the claim_* modules beside it)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.auth import get_user_model
from django.core.exceptions import BadRequest
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from claims.desk.claim_actions import ClaimActions
from claims.desk.claim_corrections import ClaimCorrections
from claims.desk.claim_filters import (
    AssigneeFilter,
    CorrectionFilter,
    HasLinksFilter,
    ReviewedFilter,
    SpeakerKindFilter,
)
from claims.desk.claim_inlines import EvidenceInline, LinkInInline, LinkOutInline, StanceInline
from claims.desk.claim_views import ClaimViews
from claims.desk.common import shorten
from claims.desk.forms import ClaimAdminForm
from claims.desk.history import GuardedHistoryAdmin
from claims.enums import ClaimStatus
from claims.html import claim_in_context, claim_words_text, visible
from claims.models import Claim, ClaimEvidence, ClaimLink, Stance, Tag
from claims.permissions import can, require
from claims.queries import assess_claim, next_in_queue
from claims.services import claim_parts, review
from claims.services.similarity import similar_claims, speaker_topic_claims, suggested_topic_id
from claims.templatetags.claims_tags import is_web_url


@admin.register(Claim)
class ClaimAdmin(ClaimCorrections, ClaimViews, ClaimActions, GuardedHistoryAdmin):
    form = ClaimAdminForm
    change_form_template = "admin/claims/claim/change_form.html"
    object_history_template = "admin/claims/claim/object_history.html"
    list_display = [
        "excerpt",
        "speaker_name",
        "article_and_date",
        "kind",
        "status",
        "verdict",
        "assignee",
        "tag_list",
        "worthiness",
    ]
    list_select_related = ["speaker", "article__outlet", "assignee"]
    list_filter = [
        "status",
        "verdict",
        "kind",
        ("speaker__kind", SpeakerKindFilter),
        ("tags", admin.RelatedOnlyFieldListFilter),
        ("stances__topic", admin.RelatedOnlyFieldListFilter),
        ("article__outlet", admin.RelatedOnlyFieldListFilter),
        AssigneeFilter,
        HasLinksFilter,
        CorrectionFilter,
        ReviewedFilter,
        "attribution_checked",
        "orphaned",
    ]
    search_fields = ["content", "speaker__name", "speaker__aliases__alias", "article__headline"]
    date_hierarchy = "sort_date"
    list_per_page = 50
    autocomplete_fields = ["speaker", "tags", "article"]
    inlines = [EvidenceInline, StanceInline, LinkOutInline, LinkInInline]
    actions = [
        "assign_to_me",
        "start_review",
        "mark_ready",
        "send_back",
        "publish",
        "unpublish",
        "dismiss",
        "restore",
        "add_tag",
    ]
    provenance_fields = [
        "article",
        "start",
        "end",
        "in_headline",
        "mention_start",
        "mention_end",
        "cue",
        "cue_start",
        "cue_end",
        "extractor_version",
        "extraction_rule",
        "speaker_resolution",
        "role_holding",
        "content_hash",
        "sort_date",
        "orphaned",
        "created",
        "updated",
    ]

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # a claim entered by hand
            return [
                (None, {"fields": ["article", "content", "start", "end", "version"]}),
                (None, {"fields": ["speaker", "mention", "kind", "said_on", "notes"]}),
            ]
        return [
            (None, {"fields": ["in_context", "content", "speaker", "mention", "kind", "said_on"]}),
            # The decision, beside the claim on the first screen (the template's layout).
            (
                "Decision",
                {
                    "fields": [
                        "workflow",
                        "verdict",
                        "rationale",
                        *(["correction_note"] if obj.status == ClaimStatus.PUBLISHED else []),
                        "attribution_checked",
                        "tags",  # an autocomplete: a click, a few letters, Enter
                        "version",
                    ]
                },
            ),
            (
                "Review",
                {
                    "fields": [
                        "summary",
                        "assignee",
                        "notes",
                        "reviewed_by",
                        "reviewed_at",
                        "published_at",
                    ]
                },
            ),
            ("Provenance", {"fields": self.provenance_fields, "classes": ["collapse"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [
            "in_context",
            "content",
            "workflow",
            "reviewed_by",
            "reviewed_at",
            "published_at",
            *self.provenance_fields,
        ]

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .select_related("speaker", "article__outlet", "assignee")
            .prefetch_related(Prefetch("tags", queryset=Tag.objects.only("id", "name")))
        )
        if request.resolver_match and request.resolver_match.url_name.endswith("_changelist"):
            # The check-worthiness column's novelty: the same words elsewhere (content_hash
            # index), in the list's own query.
            queryset = queryset.annotate(
                repeated=Exists(
                    Claim.objects.filter(content_hash=OuterRef("content_hash")).exclude(
                        pk=OuterRef("pk")
                    )
                )
            )
        return queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            # A select of active staff, not an autocomplete: that endpoint needs view_user,
            # which reviewers do not (and should not) hold.
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # Permissions: what to show. The services enforce the same rules on every write.

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or review.can_edit_claim(request.user, obj)

    def has_review_permission(self, request):
        return can(request.user, "review")

    def has_publish_permission(self, request):
        return can(request.user, "publish")

    def has_dismiss_permission(self, request):
        return can(request.user, "dismiss")

    # Columns

    @admin.display(description="claim", ordering="content")
    def excerpt(self, claim):
        return visible(shorten(claim.content))

    @admin.display(description="speaker", ordering="speaker__name")
    def speaker_name(self, claim):
        return visible(claim.speaker.name) if claim.speaker else "—"

    @admin.display(description="article", ordering="sort_date")
    def article_and_date(self, claim):
        article = claim.article
        outlet = article.outlet.name if article.outlet else ""
        return format_html(
            "{}<br><small>{}{}{}</small>",
            visible(shorten(article.headline, 80)),
            outlet,
            " · " if outlet else "",
            claim.sort_date or "",
        )

    @admin.display(description="check-worthiness")
    def worthiness(self, claim):
        assessment = assess_claim(claim, repeated=getattr(claim, "repeated", False))
        return format_html(
            '<span title="{}">{}</span> <small>{}</small>',
            "numbers +3, comparison +2, cause or prediction +2, named official +2, "
            "repeated -1, question -3, very short -1",
            assessment.score,
            assessment.describe(),
        )

    @admin.display(description="tags")
    def tag_list(self, claim):
        return ", ".join(tag.name for tag in claim.tags.all()) or "—"

    # Change page

    @admin.display(description="in the article")
    def in_context(self, claim):
        """The claim in its paragraph, and where it was published: outlet, date and a link to
        the source, so checking the attribution takes no extra clicks."""
        article = claim.article
        source = format_html(
            '<p class="claim-source">{}{}{} · <a href="{}">{}</a></p>',
            article.outlet.name if article.outlet else "",
            " · " if article.outlet and article.published else "",
            article.published or "",
            reverse("admin:claims_article_change", args=[article.pk]),
            visible(shorten(article.headline, 90)),
        )
        if article.url and is_web_url(article.url):
            source = format_html(
                '{}<p class="claim-source-url"><a href="{}" rel="noopener noreferrer" '
                'target="_blank">{}</a></p>',
                source,
                article.url,
                visible(shorten(article.url, 90)),
            )
        return format_html("{}{}", claim_in_context(claim, claim.anchor_text(article)), source)

    @admin.display(description="status")
    def workflow(self, claim):
        """The status, and what the publication checklist still lacks (the actions menu above
        lists the transitions open to the signed-in user)."""
        missing = review.publication_missing(claim) if claim.status != ClaimStatus.PUBLISHED else []
        return format_html(
            "<strong>{}</strong>{}",
            claim.get_status_display(),
            format_html(
                "<br>Before it can be marked ready or published it needs {}.",
                review.join_words(missing),
            )
            if missing
            else "",
        )

    def reverted_label(self, obj) -> str:
        return claim_words_text(obj, limit=80)  # the words as the pages give them, see below

    def prepare_revert(self, request, obj, current):
        # The old row carries its old version; the lock must hold today's, or every revert
        # would be refused as stale.
        if current is not None:
            obj.version = current.version
        return obj

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        transition = request.POST.get("_transition") if request.method == "POST" else None
        if not transition or obj is None:
            return form
        if transition not in ClaimStatus.values:
            raise BadRequest("Unknown transition.")
        return type(form.__name__, (form,), {"transition": transition, "user": request.user})

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and form.transition:
            # The form checked the typed values; the service checks the stored row again
            # (inside the same transaction, so a refusal here rolls the edits back too).
            review.transition_claim(
                claim=form.instance, to_status=form.transition, user=request.user
            )

    def response_change(self, request, obj):
        if transition := request.POST.get("_transition"):
            self.message_user(
                request,
                f"Saved; the claim is now {ClaimStatus(transition).label.lower()}.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        if "_save_next" in request.POST:
            self.message_user(
                request, f"Saved: {claim_words_text(obj, limit=80)}.", messages.SUCCESS
            )
            following = next_in_queue(request.user, after=obj)
            return HttpResponseRedirect(
                reverse("admin:claims_claim_change", args=[following.pk])
                if following
                else reverse("admin:claims_claim_changelist")
            )
        return self._in_claim_words(
            request, obj, "changed", lambda: super(ClaimAdmin, self).response_change(request, obj)
        )

    def response_add(self, request, obj, post_url_continue=None):
        return self._in_claim_words(
            request,
            obj,
            "added",
            lambda: super(ClaimAdmin, self).response_add(request, obj, post_url_continue),
        )

    def response_delete(self, request, obj_display, obj_id):
        words = getattr(request, "_deleted_claim_words", None)
        if words is None:
            return super().response_delete(request, obj_display, obj_id)
        request._claim_admin_quiet = True
        try:
            response = super().response_delete(request, obj_display, obj_id)
        finally:
            request._claim_admin_quiet = False
        if not isinstance(response, TemplateResponse):  # a popup answers in JSON, no message
            self.message_user(request, f"The claim was deleted: {words}.", messages.SUCCESS)
        return response

    # Django's own messages put str(claim) inside “…”; for reported speech that is a paraphrase
    # shown as a quotation. These say the claim's words the way the pages do
    # (html.claim_words_text: a direct quote in its own marks, reported speech as
    # "X said that ..."), with Django's redirects unchanged.

    def message_user(self, request, message, *args, **kwargs):
        if getattr(request, "_claim_admin_quiet", False):
            return
        super().message_user(request, message, *args, **kwargs)

    def _in_claim_words(self, request, obj, done, respond):
        if IS_POPUP_VAR in request.POST:
            return respond()
        request._claim_admin_quiet = True
        try:
            response = respond()
        finally:
            request._claim_admin_quiet = False
        words = claim_words_text(obj, limit=80)
        if self.has_change_permission(request, obj):
            url = reverse("admin:claims_claim_change", args=[obj.pk])
            words = format_html('<a href="{}">{}</a>', url, words)
        message = format_html("The claim was {} successfully: {}.", done, words)
        if "_continue" in request.POST:
            message = format_html("{} You may edit it again below.", message)
        elif "_addanother" in request.POST:
            message = format_html("{} You may add another claim below.", message)
        self.message_user(request, message, messages.SUCCESS)
        return response

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and change and review.can_edit_claim(request.user, obj):
            context["transitions"] = [
                (to, f"Save and {t.name}")
                for to, t in review.allowed_transitions(request.user, obj)
            ]
        if obj is not None and change:
            # The page is laid out for the decision at 1440x900: the whole width, no nav list.
            context["is_nav_sidebar_enabled"] = False
            context["similar"] = similar_claims(obj)
            context["speaker_topic_claims"] = list(speaker_topic_claims(obj))
            context["can_link"] = review.can_edit_claim(request.user, obj)
            context["link_url"] = reverse("admin:claims_claim_link_similar", args=[obj.pk])
            context["span_url"] = reverse("admin:claims_claim_span", args=[obj.pk])
            context["next_claim"] = next_in_queue(request.user, after=obj)
            context["not_a_claim_url"] = reverse("admin:claims_claim_not_a_claim", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except review.StaleClaimError as exc:
            # Raised inside the admin's transaction: everything, inlines included, rolled back.
            self.message_user(request, _stale_message(exc), messages.ERROR)
            return HttpResponseRedirect(request.path)
        except review.TransitionError as exc:
            # Someone changed the stored row between the form's check and the transition:
            # rolled back like a stale save.
            self.message_user(request, f"Not saved: {' '.join(exc.messages)}", messages.ERROR)
            return HttpResponseRedirect(request.path)

    def save_model(self, request, obj, form, change):
        if not change:  # entered by hand, or re-created from its history
            review.create_claim(claim=obj, user=request.user)
            return
        if form.corrects_published():
            # The other edits are saved as usual, then the verdict and rationale go through
            # the one correction service (a public note, a Correction row); both run in the
            # admin's transaction, so a refusal of either writes nothing.
            verdict, rationale = obj.verdict, obj.rationale
            stored = Claim.objects.only("verdict", "rationale").get(pk=obj.pk)
            obj.verdict, obj.rationale = stored.verdict, stored.rationale
            saved = review.save_reviewed_claim(
                claim=obj,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                changed=[f for f in form.changed_data if f not in ("verdict", "rationale")],
            )
            review.correct_claim(
                saved,
                request.user,
                verdict=verdict,
                rationale=rationale,
                note=form.cleaned_data["correction_note"],
            )
            obj.verdict, obj.rationale = verdict, rationale
            return
        review.save_reviewed_claim(
            claim=obj,
            user=request.user,
            expected_version=form.cleaned_data["version"],
            changed=form.changed_data,
        )

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        # The same initial on the page and on its POST: an untouched prefilled row is
        # unchanged, so it is not saved.
        if (
            isinstance(inline, StanceInline)
            and obj is not None
            and obj.pk
            and (topic_id := suggested_topic_id(obj))
        ):
            kwargs["initial"] = [{"topic": topic_id}]
        return kwargs

    def save_formset(self, request, form, formset, change):
        # The inlines' rows are written by the service (the claim's edit rule, validation, who
        # added it, the history's user); the formset only binds and validates the forms.
        for part in formset.save(commit=False):
            claim_parts.save_part(part, user=request.user)
        for part in formset.deleted_objects:
            claim_parts.delete_part(part, user=request.user)

    def delete_model(self, request, obj):
        require(request.user, "delete")
        request._deleted_claim_words = claim_words_text(obj, limit=80)  # for the message
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        require(request.user, "delete")
        super().delete_queryset(request, queryset)

    # History: the claim's own rows plus its evidence, stances and links (deleted ones too).

    def history_view(self, request, object_id, extra_context=None):
        extra_context = {**(extra_context or {}), "related_history": _related_history(object_id)}
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            return super().history_form_view(request, object_id, version_id, extra_context)
        except review.StaleClaimError as exc:
            self.message_user(request, _stale_message(exc), messages.ERROR)
            return HttpResponseRedirect(request.path)


def _stale_message(exc: review.StaleClaimError) -> str:
    changes = "; ".join(f"{c.label}: you opened “{c.before}”, now “{c.after}”" for c in exc.changes)
    return (
        f"Not saved: someone else saved this claim while you had it open. "
        f"{changes or 'Nothing they saved differs from your copy.'} "
        "Nothing you entered was written; review their changes and make yours again."
    )


def _related_history(claim_id) -> list:
    """Evidence, stance and link history for one claim, newest first (3 queries)."""
    rows = []
    for model, label, fk in [
        (ClaimEvidence, "evidence", "claim_id"),
        (Stance, "stance", "claim_id"),
        (ClaimLink, "link", "from_claim_id"),
    ]:
        history = model.history.filter(**{fk: claim_id}).select_related("history_user")
        if model is Stance:
            history = history.select_related("topic")
        if model is ClaimLink:
            history = history.select_related("to_claim")
        for record in history.order_by("-history_date")[:100]:
            rows.append((label, record))
    rows.sort(key=lambda pair: pair[1].history_date, reverse=True)
    return rows
