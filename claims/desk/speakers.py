"""Speakers, their aliases, merge suggestions and the merge log."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import path, reverse

from claims.desk.common import DeskAdmin
from claims.desk.forms import MergeIntoForm, MergeSpeakersForm
from claims.desk.history import GuardedHistoryAdmin
from claims.enums import MergeSuggestionStatus
from claims.html import printable, visible
from claims.models import (
    RoleHolding,
    Speaker,
    SpeakerAlias,
    SpeakerMerge,
    SpeakerMergeSuggestion,
)
from claims.normalise import normalise_name
from claims.permissions import can, require
from claims.queries import speaker_merge_preview
from claims.services.similarity import similar_speakers
from claims.services.speaker_edits import (
    alias_problem,
    reject_merge_suggestions,
    remove_alias,
    save_alias,
    save_speaker,
)


class AliasFormSet(BaseInlineFormSet):
    """Refuses, as form errors, an alias whose key another alias holds (the service's rule,
    `alias_problem`) or that two rows of the same edit share; rows removed in the same edit
    free their keys."""

    def clean(self):
        super().clean()
        removed = [f.instance.pk for f in self.forms if self._should_delete_form(f)]
        seen = set()
        for form in self.forms:
            if self._should_delete_form(form) or not form.has_changed() or form.errors:
                continue
            text = form.cleaned_data.get("alias", "")
            key = normalise_name(text)
            if key and key in seen:
                form.add_error("alias", "Another row of this form already adds this alias.")
                continue
            seen.add(key)
            if problem := alias_problem(text, exclude_pks=(form.instance.pk, *removed)):
                form.add_error("alias", problem)


class AliasInline(admin.TabularInline):
    model = SpeakerAlias
    formset = AliasFormSet
    extra = 1
    fields = ["alias", "normalised", "created"]
    readonly_fields = ["normalised", "created"]


@admin.register(Speaker)
class SpeakerAdmin(GuardedHistoryAdmin):
    list_display = ["display_name", "kind", "role", "affiliated_with", "claim_count"]
    list_select_related = ["affiliated_with"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__alias"]
    autocomplete_fields = ["affiliated_with"]
    inlines = [AliasInline]
    actions = ["merge_selected"]
    change_form_template = "admin/claims/speaker/change_form.html"
    readonly_fields = ["slug", "created"]
    ordering = ["name", "id"]  # a stable order for pages of the autocomplete

    def get_queryset(self, request):
        return super().get_queryset(request).with_claim_counts()

    def has_merge_permission(self, request):
        return can(request.user, "merge_speakers")

    def save_model(self, request, obj, form, change):
        save_speaker(speaker=obj, user=request.user, adding=not change)

    def save_formset(self, request, form, formset, change):
        # The aliases are written by the service (permission, key, refusal of a taken key);
        # the formset only binds and validates. Removals first: they free their keys.
        formset.save(commit=False)
        for alias in formset.deleted_objects:
            remove_alias(alias=alias, user=request.user)
        for alias in [*formset.new_objects, *(obj for obj, _ in formset.changed_objects)]:
            save_alias(alias=alias, user=request.user)

    # History: the speaker's own rows plus its aliases' (added, changed, moved in by a merge,
    # removed), newest first.

    object_history_template = "admin/claims/speaker/object_history.html"

    def history_view(self, request, object_id, extra_context=None):
        extra_context = {**(extra_context or {}), "alias_history": _alias_history(object_id)}
        return super().history_view(request, object_id, extra_context)

    @admin.display(description="name", ordering="name")
    def display_name(self, speaker):
        return visible(speaker.name)

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, speaker):
        return speaker.claim_count

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and change:
            context["duplicates"] = similar_speakers(obj)
            context["suggestions"] = list(
                SpeakerMergeSuggestion.objects.filter(
                    Q(speaker=obj) | Q(candidate=obj), status=MergeSuggestionStatus.OPEN
                ).select_related("speaker", "candidate")
            )
            context["can_merge"] = self.has_merge_permission(request)
            context["merge_url"] = reverse("admin:claims_speaker_merge", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        return [
            path(
                "<int:pk>/merge/",
                self.admin_site.admin_view(self.merge_view),
                name="claims_speaker_merge",
            ),
            *super().get_urls(),
        ]

    def merge_view(self, request, pk):
        """POST merge=<id>: show what would move into this speaker; with confirm=1, merge."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_merge_permission(request):
            raise PermissionDenied
        keep = self.get_object(request, str(pk))
        if keep is None:
            raise Http404("No such speaker.")
        form = MergeIntoForm(request.POST, keep=keep)
        if not form.is_valid():
            return HttpResponseBadRequest("Choose an existing speaker to merge into this one.")
        merge = form.cleaned_data["merge"]
        if not form.cleaned_data["confirm"]:
            return TemplateResponse(
                request,
                "admin/claims/speaker/merge_confirm.html",
                {
                    **self.admin_site.each_context(request),
                    "title": f"Merge “{printable(merge)}” into “{printable(keep)}”?",
                    "opts": self.opts,
                    "keep": keep,
                    "merge": merge,
                    "preview": speaker_merge_preview(merge),
                    "merge_url": request.path,
                },
            )
        self._merge(request, keep, [merge])
        return HttpResponseRedirect(reverse("admin:claims_speaker_change", args=[keep.pk]))

    def _merge(self, request, keep, others):
        from claims.services.speaker_edits import merge_speakers

        for other in others:
            if other.pk == keep.pk:
                continue
            record = merge_speakers(keep=keep, merge=other, user=request.user)
            details = ", ".join(f"{n} {what}" for what, n in record.details.items() if n)
            self.message_user(
                request,
                f"Merged “{record.merged_name}” into “{keep.name}” ({details or 'nothing moved'}).",
                messages.SUCCESS,
            )

    @admin.action(description="Merge selected speakers…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        require(request.user, "merge_speakers")
        speakers = queryset.order_by("name")
        if speakers.count() < 2:
            self.message_user(request, "Select two or more speakers to merge.", messages.WARNING)
            return None
        form = MergeSpeakersForm(
            request.POST if "apply" in request.POST else None, speakers=speakers
        )
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            self._merge(request, keep, [s for s in speakers if s.pk != keep.pk])
            return None
        return TemplateResponse(
            request,
            "admin/claims/speaker/merge.html",
            {
                **self.admin_site.each_context(request),
                "title": "Merge speakers",
                "opts": self.opts,
                "form": form,
                "speakers": speakers,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(SpeakerMergeSuggestion)
class SpeakerMergeSuggestionAdmin(DeskAdmin):
    list_display = ["speaker", "candidate", "reason", "score", "status", "created"]
    list_select_related = ["speaker", "candidate"]
    list_filter = ["status"]
    search_fields = ["speaker__name", "candidate__name"]
    readonly_fields = [
        "speaker",
        "candidate",
        "reason",
        "score",
        "status",
        "created",
        "resolved_by",
        "resolved_at",
    ]
    actions = ["accept", "reject"]

    def has_add_permission(self, request):
        return False

    def has_merge_permission(self, request):
        return can(request.user, "merge_speakers")

    @admin.action(
        description="Accept: merge the new speaker into the existing one…", permissions=["merge"]
    )
    def accept(self, request, queryset):
        """First shows what each merge would move; merges once confirmed ("apply")."""
        from claims.services.speaker_edits import merge_speakers

        suggestions = list(
            queryset.filter(status=MergeSuggestionStatus.OPEN).select_related(
                "speaker", "candidate"
            )
        )
        if "apply" not in request.POST:
            return TemplateResponse(
                request,
                "admin/claims/speakermergesuggestion/accept.html",
                {
                    **self.admin_site.each_context(request),
                    "title": "Merge these speakers?",
                    "opts": self.opts,
                    "rows": [(s, speaker_merge_preview(s.speaker)) for s in suggestions],
                    "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                },
            )
        for suggestion in suggestions:
            record = merge_speakers(
                keep=suggestion.candidate, merge=suggestion.speaker, user=request.user
            )
            self.message_user(
                request,
                f"Merged “{record.merged_name}” into “{suggestion.candidate.name}”.",
                messages.SUCCESS,
            )
        return None

    @admin.action(description="Reject: they are different speakers", permissions=["merge"])
    def reject(self, request, queryset):
        count = reject_merge_suggestions(suggestions=queryset, user=request.user)
        self.message_user(request, f"Rejected {count} suggestion(s).", messages.SUCCESS)


@admin.register(SpeakerMerge)
class SpeakerMergeAdmin(DeskAdmin):
    """The merge log: read-only."""

    list_display = ["merged_name", "kept", "merged_by", "merged_at", "details"]
    list_select_related = ["kept", "merged_by"]
    search_fields = ["merged_name", "kept__name"]
    date_hierarchy = "merged_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RoleHolding)
class RoleHoldingAdmin(DeskAdmin):
    """Offices articles tied to people, dated by the first and last such article. The importer
    resolves a later article's bare office ("Russia's foreign minister said") to the holder seen
    around its date; editors correct a wrong tie here (the speaker, the dates) or mark it
    disputed, so that it resolves nothing and no import changes it."""

    list_display = ["role", "country", "speaker", "first_seen", "last_seen", "disputed"]
    list_select_related = ["speaker"]
    list_filter = ["disputed"]
    search_fields = ["role", "country", "speaker__name"]
    autocomplete_fields = ["speaker"]
    fields = [
        "role",
        "head",
        "words",
        "country",
        "speaker",
        "first_seen",
        "last_seen",
        "disputed",
        "source_article",
        "created",
    ]
    readonly_fields = ["source_article", "created"]
    ordering = ["country", "head", "words", "first_seen", "id"]

    def get_queryset(self, request):
        # The change page's title names the holder and shows the source article read-only.
        return super().get_queryset(request).select_related("speaker", "source_article")


def _alias_history(speaker_id) -> list:
    """The history rows of the aliases of speaker `speaker_id` (its own today, and those it
    had), newest first, their users joined: one query, the newest 100."""
    try:
        pk = int(speaker_id)
    except (TypeError, ValueError):
        return []  # the history view answers 404 for a junk id itself
    return list(
        SpeakerAlias.history.filter(speaker_id=pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:100]
    )
