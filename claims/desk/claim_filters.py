"""The review queue's list filters (the claim changelist's sidebar)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Exists, OuterRef

from claims.enums import FeedbackKind
from claims.models import ClaimLink, ExtractionFeedback
from claims.queries import reviewed_machine_claims


class AssigneeFilter(admin.SimpleListFilter):
    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        return [("me", "Assigned to me"), ("anyone", "Assigned"), ("none", "Unassigned")]

    def queryset(self, request, queryset):
        match self.value():
            case "me":
                return queryset.filter(assignee=request.user)
            case "anyone":
                return queryset.filter(assignee__isnull=False)
            case "none":
                return queryset.filter(assignee__isnull=True)
        return queryset


class HasLinksFilter(admin.SimpleListFilter):
    title = "linked to other claims"
    parameter_name = "has_links"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        linked = Exists(ClaimLink.objects.filter(from_claim=OuterRef("pk"))) | Exists(
            ClaimLink.objects.filter(to_claim=OuterRef("pk"))
        )
        match self.value():
            case "yes":
                return queryset.filter(linked)
            case "no":
                return queryset.exclude(linked)
        return queryset


class CorrectionFilter(admin.SimpleListFilter):
    """Claims reviewers corrected, by what was wrong (the extraction-quality report links here)."""

    title = "corrected by a reviewer"
    parameter_name = "correction"

    def lookups(self, request, model_admin):
        return FeedbackKind.choices

    def queryset(self, request, queryset):
        if self.value() in FeedbackKind.values:
            return queryset.filter(
                Exists(ExtractionFeedback.objects.filter(claim=OuterRef("pk"), kind=self.value()))
            )
        return queryset


class ReviewedFilter(admin.SimpleListFilter):
    title = "reviewed machine claims"
    parameter_name = "reviewed"

    def lookups(self, request, model_admin):
        return [("1", "Yes")]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(pk__in=reviewed_machine_claims().values("pk"))
        return queryset


class SpeakerKindFilter(admin.ChoicesFieldListFilter):
    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.title = "speaker kind"
