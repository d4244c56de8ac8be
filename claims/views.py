"""Public pages. Placeholder views until the public-pages work lands (issue 5)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from .models import Article, Claim, Speaker, Topic


def home(request):
    return HttpResponse("Claimdesk")


def claim_detail(request, pk):
    return HttpResponse(
        get_object_or_404(Claim.objects.visible(), pk=pk).content, content_type="text/plain"
    )


def speaker_detail(request, slug):
    return HttpResponse(get_object_or_404(Speaker, slug=slug).name, content_type="text/plain")


def article_detail(request, slug):
    return HttpResponse(get_object_or_404(Article, slug=slug).headline, content_type="text/plain")


def topic_detail(request, slug):
    return HttpResponse(get_object_or_404(Topic, slug=slug).title, content_type="text/plain")
