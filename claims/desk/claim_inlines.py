"""The claim change page's inlines: evidence, stances and links (both directions)."""

from __future__ import annotations

from django.contrib import admin

from claims.desk.common import change_link
from claims.desk.forms import EvidenceForm, StanceForm
from claims.models import ClaimEvidence, ClaimLink, Stance
from claims.services import review


class ClaimChildInline:
    """Inlines of a claim follow the claim: settled claims are read-only for reviewers."""

    def _claim_editable(self, request, obj):
        return obj is None or review.can_edit_claim(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._claim_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._claim_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._claim_editable(request, obj)


class EvidenceInline(ClaimChildInline, admin.TabularInline):
    model = ClaimEvidence
    form = EvidenceForm
    extra = 1
    fields = ["url", "title", "note", "added_by", "added_at"]
    readonly_fields = ["added_by", "added_at"]


class StanceInline(ClaimChildInline, admin.TabularInline):
    """A stance in one row, ready on the page (no "add another" click): the topic an
    autocomplete, prefilled with the topic the article's (else the speaker's) other claims take
    a stance on (ClaimAdmin.get_formset_kwargs); the position one click among four radio
    buttons, none chosen for you (a reading of the claim is the reviewer's to make). A row
    whose position was not chosen is left unsaved. Tab, letters, Enter and the arrow keys
    reach and set all of it."""

    model = Stance
    form = StanceForm
    extra = 1
    fields = ["topic", "stance", "note"]
    autocomplete_fields = ["topic"]
    radio_fields = {"stance": admin.HORIZONTAL}


class LinkOutInline(ClaimChildInline, admin.TabularInline):
    model = ClaimLink
    fk_name = "from_claim"
    extra = 0
    verbose_name = "link to another claim"
    verbose_name_plural = "this claim … (links to other claims)"
    fields = ["relation", "to_claim", "note", "created_by"]
    readonly_fields = ["created_by"]
    autocomplete_fields = ["to_claim"]


class LinkInInline(admin.TabularInline):
    """Links other claims made to this one, read the other way round ("repeated by")."""

    model = ClaimLink
    fk_name = "to_claim"
    extra = 0
    verbose_name = "link from another claim"
    verbose_name_plural = "… this claim (links from other claims)"
    fields = ["inverse", "other_claim", "note"]
    readonly_fields = fields
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("from_claim")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="relation")
    def inverse(self, link):
        return f"this claim is {link.inverse_label}"

    @admin.display(description="claim")
    def other_claim(self, link):
        return change_link(link.from_claim)
