"""Correcting a published claim in public: the desk's screen for review.correct_claim.

A view of its own at <claim id>/correct/, built the way Django's UserAdmin builds its password
screen: its URL added in get_urls, the object fetched with get_object, permission checked
before anything is shown, a bound form, the service called on a valid POST, a message and a
redirect to the change page. Only editors (permissions: "correct") see or post it.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_protect

from claims.desk.forms import CorrectionForm
from claims.enums import ClaimStatus
from claims.html import claim_words_text
from claims.permissions import can

csrf_protect_m = method_decorator(csrf_protect)


class ClaimCorrections:
    """ClaimAdmin mixes this in: the correction screen and the change page's link to it."""

    correct_template = "admin/claims/claim/correct.html"

    def get_urls(self):
        return [
            path(
                "<int:pk>/correct/",
                self.admin_site.admin_view(self.correct_view),
                name="claims_claim_correct",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.status == ClaimStatus.PUBLISHED and can(request.user, "correct"):
            context["correct_url"] = reverse("admin:claims_claim_correct", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    @csrf_protect_m
    def correct_view(self, request, pk):
        if not can(request.user, "correct"):
            raise PermissionDenied
        claim = self.get_object(request, str(pk))
        if claim is None:
            raise Http404("No such claim.")
        change_url = reverse("admin:claims_claim_change", args=[claim.pk])
        if claim.status != ClaimStatus.PUBLISHED:
            self.message_user(
                request,
                "Only published claims are corrected in public; edit this one instead.",
                messages.ERROR,
            )
            return HttpResponseRedirect(change_url)
        if request.method == "POST":
            form = CorrectionForm(claim, request.user, request.POST)
            if form.is_valid():
                try:
                    correction = form.save()
                except ValidationError as exc:
                    form.add_error("note" if exc.code == "note_required" else None, exc)
                else:
                    self.message_user(
                        request,
                        f"Corrected in public: {claim_words_text(claim, limit=80)} "
                        f"({correction.get_previous_verdict_display()} → "
                        f"{correction.get_new_verdict_display()}). Readers see the note on "
                        "the claim's page and on /corrections/.",
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(change_url)
        else:
            form = CorrectionForm(claim, request.user)
        context = {
            **self.admin_site.each_context(request),
            "title": "Correct a published claim",
            "opts": self.opts,
            "original": claim,
            "form": form,
            "corrections": list(claim.corrections.select_related("created_by")),
            "change_url": change_url,
            "public_url": claim.get_absolute_url(),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.correct_template, context)
