"""The claim change page's custom views (ClaimAdmin mixes them in)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.urls import path, reverse

from claims.desk.forms import LinkSimilarForm, NotAClaimForm, SpanForm
from claims.enums import LinkRelation
from claims.html import claim_words_text
from claims.permissions import require
from claims.queries import next_in_queue
from claims.services import review


class ClaimViews:
    """The change page's own views: a link from the similar-claims panel, a span correction,
    a dismissal as not a claim. Each binds a form, checks permission, calls a service."""

    def get_urls(self):
        return [
            path(
                "<int:pk>/link-similar/",
                self.admin_site.admin_view(self.link_similar_view),
                name="claims_claim_link_similar",
            ),
            path(
                "<int:pk>/span/",
                self.admin_site.admin_view(self.span_view),
                name="claims_claim_span",
            ),
            path(
                "<int:pk>/not-a-claim/",
                self.admin_site.admin_view(self.not_a_claim_view),
                name="claims_claim_not_a_claim",
            ),
            *super().get_urls(),
        ]

    def span_view(self, request, pk):
        """POST span_target, span_start, span_end (and span_text, the selected text): move the
        claim's content or speaker mention to that span of the article text."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        require(request.user, "review")
        claim = self.get_object(request, str(pk))
        if claim is None:
            raise Http404("No such claim.")
        form = SpanForm(request.POST)
        if not form.is_valid():
            return HttpResponseBadRequest("Select the text in the article first.")
        data = form.cleaned_data
        try:
            review.correct_span(
                claim=claim,
                user=request.user,
                target=data["span_target"],
                start=data["span_start"],
                end=data["span_end"],
                text=data["span_text"] or None,
            )
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
        else:
            what = "claim" if data["span_target"] == "content" else "speaker mention"
            self.message_user(
                request, f"The {what} now covers the selected text.", messages.SUCCESS
            )
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))

    def not_a_claim_view(self, request, pk):
        """POST not_a_claim_reason=...: dismiss as not a claim (reviewers may), then go on
        to the next claim in the user's queue."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        require(request.user, "review")
        claim = self.get_object(request, str(pk))
        if claim is None:
            raise Http404("No such claim.")
        change_url = reverse("admin:claims_claim_change", args=[claim.pk])
        form = NotAClaimForm(request.POST)
        if not form.is_valid():
            self.message_user(request, "Not dismissed: say why it is not a claim.", messages.ERROR)
            return HttpResponseRedirect(change_url)
        try:
            review.mark_not_a_claim(claim, request.user, form.cleaned_data["not_a_claim_reason"])
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return HttpResponseRedirect(change_url)
        self.message_user(
            request,
            f"Dismissed as not a claim: {claim_words_text(claim, limit=80)}.",
            messages.SUCCESS,
        )
        following = next_in_queue(request.user, after=claim)
        return HttpResponseRedirect(
            reverse("admin:claims_claim_change", args=[following.pk])
            if following
            else reverse("admin:claims_claim_changelist")
        )

    def link_similar_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return _link_similar(self, request, pk)


def _link_similar(model_admin, request, pk):
    require(request.user, "review")
    claim = model_admin.get_object(request, str(pk))
    if claim is None:
        raise Http404("No such claim.")
    form = LinkSimilarForm(request.POST, claim=claim)
    if not form.is_valid():
        return HttpResponseBadRequest(" ".join(form.errors["link_to"]))
    other, relation = form.cleaned_data["link_to"]
    try:
        _, created = review.link_claims(
            from_claim=claim, to_claim=other, relation=relation, user=request.user
        )
    except ValidationError as exc:
        model_admin.message_user(request, " ".join(exc.messages), messages.ERROR)
    else:
        model_admin.message_user(
            request,
            f"This claim {LinkRelation(relation).label} claim {other.pk}."
            if created
            else "That link exists already.",
            messages.SUCCESS,
        )
    return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))
