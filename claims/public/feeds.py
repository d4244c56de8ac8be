"""Atom feeds of published claims: all, per speaker, per topic (django.contrib.syndication).

Only published claims: a feed entry carries the verdict, and a feed reader keeps what it saw.
Every string written into a feed goes through `html.xml_text` (`ClaimFeed`), and a claim's
words go out as text (`<summary type="text">`), never as HTML a reader would render.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from claims.enums import ClaimKind, Verdict
from claims.html import claim_words_text, xml_text
from claims.models import Claim, Correction, Speaker, SpeakerSlug, Topic
from claims.queries import published_claim_q

FEED_ITEMS = 30


def _clean(value):
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list | tuple):
        return type(value)(_clean(v) for v in value)
    return value


class ClaimFeed(Atom1Feed):
    """Atom with every string XML-safe (titles, names, summaries, categories: one function at
    the one place they all pass) and the summary as plain text (Atom1Feed writes type="html")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*(_clean(a) for a in args), **{k: _clean(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*(_clean(a) for a in args), **{k: _clean(v) for k, v in kwargs.items()})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"]:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class PublishedClaimsFeed(Feed):
    feed_type = ClaimFeed
    description_template = None

    def title(self, obj=None):
        return f"{settings.CLAIMDESK_PUBLISHER_NAME}: published claims"

    def link(self, obj=None):
        return reverse("claims:claim-list")

    def subtitle(self, obj=None):
        return "Claims checked and published, newest first."

    def claims(self, obj):
        return Claim.objects.published()

    def items(self, obj=None):
        return (
            self.claims(obj)
            .filter(published_at__isnull=False)  # lets the index skip its NULLs (listed first)
            .for_list()
            .order_by("-published_at", "-id")[:FEED_ITEMS]
        )

    def item_title(self, item):
        # The words as the pages show them (html.claim_words_text): a direct quote in one pair
        # of marks after its speaker, a paraphrase as "<speaker> said that …".
        if item.summary:
            return f"{Verdict(item.verdict).label}: {item.summary}"
        words = claim_words_text(item, limit=100)
        if item.kind == ClaimKind.DIRECT:
            who = item.speaker.name if item.speaker_id else "Unattributed"
            return f"{Verdict(item.verdict).label}: {who}: {words}"
        return f"{Verdict(item.verdict).label}: {words}"

    def item_description(self, item):
        # Plain text (ClaimFeed writes <summary type="text">): the generator escapes it.
        return claim_words_text(item)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated

    def item_author_name(self, item):
        return item.speaker.name if item.speaker_id else None


class SpeakerClaimsFeed(PublishedClaimsFeed):
    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except Http404:
            # A slug the speaker had before a rename: 301 to the current feed, as the
            # speaker's page does (one query, on this path only).
            old = SpeakerSlug.objects.select_related("speaker").filter(slug=kwargs["slug"]).first()
            if old is None:
                raise
            return redirect("claims:feed-speaker", slug=old.speaker.slug, permanent=True)

    def get_object(self, request, slug):
        return get_object_or_404(Speaker, slug=slug)

    def title(self, obj=None):
        return f"{settings.CLAIMDESK_PUBLISHER_NAME}: published claims by {obj.name}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def claims(self, obj):
        return Claim.objects.published().filter(speaker=obj)


class TopicClaimsFeed(PublishedClaimsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj=None):
        return f"{settings.CLAIMDESK_PUBLISHER_NAME}: published claims on {obj.title}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def claims(self, obj):
        # One stance per (claim, topic): the join cannot repeat a claim.
        return Claim.objects.published().filter(stances__topic=obj)


class CorrectionsFeed(Feed):
    """Corrections of published claims, newest first (the /corrections/ page as Atom)."""

    feed_type = ClaimFeed
    description_template = None

    def title(self):
        return f"{settings.CLAIMDESK_PUBLISHER_NAME}: corrections"

    def link(self):
        return reverse("claims:corrections")

    def subtitle(self):
        return "Changes to published verdicts and rationales, newest first."

    def items(self):
        return (
            Correction.objects.filter(published_claim_q("claim__"))
            .select_related("claim__speaker")
            .order_by("-created", "-id")[:FEED_ITEMS]
        )

    def item_title(self, item):
        before = item.get_previous_verdict_display() or "none"
        after = item.get_new_verdict_display() or "none"
        return f"Corrected: {before} → {after}: {claim_words_text(item.claim, limit=100)}"

    def item_description(self, item):
        # Plain text (ClaimFeed writes <summary type="text"> and passes it through xml_text).
        return item.note

    def item_link(self, item):
        return item.claim.get_absolute_url() + f"#correction-{item.pk}"

    def item_guid(self, item):
        return f"correction-{item.pk}"

    def item_pubdate(self, item):
        return item.created
