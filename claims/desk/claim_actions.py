"""The claim changelist's actions (ClaimAdmin mixes them in)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.template.response import TemplateResponse

from claims.desk.forms import AddTagForm
from claims.enums import ClaimStatus
from claims.services import review


class ClaimActions:
    """The changelist's actions: each goes through the review service, claim by claim."""

    def _transition(self, request, queryset, to_status, verb):
        result = review.transition_claims(claims=queryset, to_status=to_status, user=request.user)
        if result.done:
            self.message_user(request, f"{verb}: {len(result.done)} claim(s).", messages.SUCCESS)
        for pk, why in result.skipped.items():
            self.message_user(request, f"Claim {pk} skipped: {why}", messages.WARNING)

    @admin.action(description="Assign to me", permissions=["review"])
    def assign_to_me(self, request, queryset):
        done, skipped = 0, 0
        for claim in queryset:
            if review.can_edit_claim(request.user, claim):
                review.assign_claim(claim=claim, assignee=request.user, user=request.user)
                done += 1
            else:
                skipped += 1
        self.message_user(request, f"Assigned {done} claim(s) to you.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request, f"{skipped} settled claim(s) left alone (editors only).", messages.WARNING
            )

    @admin.action(description="Start review", permissions=["review"])
    def start_review(self, request, queryset):
        self._transition(request, queryset, ClaimStatus.IN_REVIEW, "Review started")

    @admin.action(description="Mark ready to publish", permissions=["review"])
    def mark_ready(self, request, queryset):
        self._transition(request, queryset, ClaimStatus.READY, "Marked ready")

    @admin.action(description="Send back to review", permissions=["review"])
    def send_back(self, request, queryset):
        self._transition(request, queryset, ClaimStatus.IN_REVIEW, "Sent back")

    @admin.action(description="Publish", permissions=["publish"])
    def publish(self, request, queryset):
        self._transition(request, queryset, ClaimStatus.PUBLISHED, "Published")

    @admin.action(description="Unpublish (back to ready)", permissions=["publish"])
    def unpublish(self, request, queryset):
        self._transition(request, queryset, ClaimStatus.READY, "Unpublished")

    @admin.action(description="Dismiss", permissions=["dismiss"])
    def dismiss(self, request, queryset):
        self._transition(request, queryset, ClaimStatus.DISMISSED, "Dismissed")

    @admin.action(description="Restore (dismissed to new)", permissions=["dismiss"])
    def restore(self, request, queryset):
        self._transition(request, queryset, ClaimStatus.NEW, "Restored")

    @admin.action(description="Add a tag…", permissions=["review"])
    def add_tag(self, request, queryset):
        form = AddTagForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            result = review.add_tag(
                claims=queryset, tag=form.cleaned_data["tag"], user=request.user
            )
            self.message_user(
                request,
                f"Tagged {len(result.done)} claim(s) “{form.cleaned_data['tag']}”.",
                messages.SUCCESS,
            )
            for pk, why in result.skipped.items():
                self.message_user(request, f"Claim {pk} skipped: {why}", messages.WARNING)
            return None
        return TemplateResponse(
            request,
            "admin/claims/claim/add_tag.html",
            {
                **self.admin_site.each_context(request),
                "title": "Add a tag",
                "opts": self.opts,
                "form": form,
                "claims": queryset,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )
