"""sitemap.xml (django.contrib.sitemaps): the public claim, speaker, article and topic pages.

Each section lists what its public page shows (the same visibility rule: Claim.objects.public()),
so a sitemap never names a page that answers 404.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef

from claims.models import Article, Claim, Speaker, Stance, Topic
from claims.queries import reviewed_stance_q


def _has_public_claim(field: str):
    return Exists(Claim.objects.public().filter(**{field: OuterRef("pk")}))


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
        return Speaker.objects.filter(_has_public_claim("speaker")).only("slug").order_by("id")


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return Article.objects.filter(_has_public_claim("article")).only("slug").order_by("id")


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        stances = Stance.objects.filter(reviewed_stance_q("claim__"), topic=OuterRef("pk"))
        return Topic.objects.filter(Exists(stances)).only("slug").order_by("id")


SITEMAPS = {
    "claims": ClaimSitemap,
    "speakers": SpeakerSitemap,
    "articles": ArticleSitemap,
    "topics": TopicSitemap,
}
