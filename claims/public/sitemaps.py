"""sitemap.xml (django.contrib.sitemaps): the public claim, speaker, article and topic pages.

Each section lists what its public page shows (the same visibility rule: claims.queries),
so a sitemap never names a page that answers 404.
"""

from django.contrib.sitemaps import Sitemap

from claims.models import Claim
from claims.queries import (
    articles_with_public_claims,
    speakers_with_public_claims,
    topics_with_positions_taken,
)


class ClaimSitemap(Sitemap):
    changefreq = "weekly"
    limit = 10_000

    def items(self):
        return Claim.objects.public().only("id", "updated").order_by("id")

    def lastmod(self, claim):
        return claim.updated


class SpeakerSitemap(Sitemap):
    changefreq = "weekly"
    limit = 10_000

    def items(self):
        return speakers_with_public_claims().only("slug").order_by("id")


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return articles_with_public_claims().only("slug").order_by("id")


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return topics_with_positions_taken().only("slug").order_by("id")


SITEMAPS = {
    "claims": ClaimSitemap,
    "speakers": SpeakerSitemap,
    "articles": ArticleSitemap,
    "topics": TopicSitemap,
}
