"""Articles edited by hand (the desk's article form and its history revert).

Claim offsets point into `Article.body` (or, for headline claims, `Article.headline`): a
changed body or headline is re-extracted in the same transaction (reviewed claims kept,
re-anchored or flagged orphaned by `reextract_article`), so no claim is left pointing at text
that is no longer there.
"""

from __future__ import annotations

from django.db import transaction

from claims.models import Article
from claims.permissions import require
from claims.services.imports import ImportResult, reextract_article


def save_article(*, article: Article, user, adding: bool = False) -> ImportResult | None:
    """Save an article a person edited (`adding`: created or re-created); returns the
    re-extraction result when the body or headline is new or changed, else None."""
    require(user, "add_articles" if adding else "edit_articles")
    with transaction.atomic():
        stored = Article.objects.filter(pk=article.pk).values_list("body", "headline").first()
        article._history_user = user
        article.save()
        if stored != (article.body, article.headline):
            return reextract_article(article=article, user=user)
    return None
