"""Re-extracting an article's stored text: untouched claims replaced, reviewed claims kept."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from claims.enums import ClaimStatus, Verdict
from claims.extraction import EXTRACTOR_VERSION
from claims.models import Article, Claim
from claims.services.imports import reextract_article
from tests.factories import make_article, make_claim, make_user

pytestmark = pytest.mark.django_db

BODY = (
    "Secretary of State Antony J. Blinken said the United States saw “zero evidence” that "
    "Russia was ready for talks.\n\n"
    "“We will keep helping Ukraine,” he said."
)


def article_with_stale_claims():
    """An article whose claims came from an older extractor: one reviewed, one untouched."""
    article = make_article(body=BODY, extractor_version="rules-0.1")
    reviewed = make_claim(
        article=article, start=0, end=10, status=ClaimStatus.IN_REVIEW, verdict=Verdict.TRUE
    )
    untouched = make_claim(article=article, start=11, end=20)
    return article, reviewed, untouched


def test_reextract_replaces_untouched_claims_and_orphans_a_reviewed_one_it_no_longer_finds():
    article, reviewed, untouched = article_with_stale_claims()

    result = reextract_article(article=article, user=None)

    assert not Claim.objects.filter(pk=untouched.pk).exists()
    reviewed.refresh_from_db()
    assert reviewed.orphaned is True
    assert reviewed.verdict == Verdict.TRUE
    assert result.claims_created >= 2
    contents = set(article.claims.values_list("content", flat=True))
    assert "“We will keep helping Ukraine,”" in contents
    article.refresh_from_db()
    assert article.extractor_version == EXTRACTOR_VERSION


def test_reextract_twice_creates_nothing_new_the_second_time():
    article, _, _ = article_with_stale_claims()
    reextract_article(article=article, user=None)
    count = article.claims.count()

    second = reextract_article(article=article, user=None)

    assert article.claims.count() == count
    assert second.claims_created == second.claims_replaced


def test_reextract_refuses_a_user_without_the_review_permission():
    article, _, untouched = article_with_stale_claims()
    outsider = make_user()

    with pytest.raises(PermissionDenied):
        reextract_article(article=article, user=outsider)

    assert Claim.objects.filter(pk=untouched.pk).exists()


def test_admin_reextract_action_runs_for_an_editor_and_reports_what_changed(client):
    article, reviewed, _ = article_with_stale_claims()
    client.force_login(make_user(role="Editor"))

    response = client.post(
        reverse("admin:claims_article_changelist"),
        {"action": "reextract", ACTION_CHECKBOX_NAME: [article.pk]},
        follow=True,
    )

    text = response.content.decode()
    assert "1 orphaned" in text
    assert Article.objects.get(pk=article.pk).extractor_version == EXTRACTOR_VERSION
    assert Claim.objects.filter(pk=reviewed.pk).exists()
