"""A paragraph dense with quotes costs storage and memory linear in its length (issue 15, 2).

Each claim used to store its whole paragraph: n quotes in one paragraph stored the paragraph
n times and held every copy in memory at once. Memory is measured by a deterministic proxy,
tracemalloc's peak of Python allocations during the import, never by time.
"""

from __future__ import annotations

import tracemalloc

import pytest

from claims.importers import ArticleRecord
from claims.models import Claim
from claims.services.imports import import_article

QUOTES = 300


def dense_article(n: int) -> str:
    """An article whose middle paragraph holds n invented quotes, each attributed: every one
    is a claim. (Paragraphs around it: a slice that is the whole text would not be a copy.)"""
    quotes = " ".join(
        f"“Bridge number {i} will open in spring,” Ms. Okafor said." for i in range(n)
    )
    return f"The council met on Monday.\n\n{quotes}\n\nThe meeting ended at noon."


def stored_text_bytes(model) -> int:
    """UTF-8 bytes of every text column of every row: what the claims table stores as text."""
    columns = [
        f.attname
        for f in model._meta.concrete_fields
        if f.get_internal_type() in ("CharField", "TextField")
    ]
    return sum(
        len(value.encode("utf-8"))
        for row in model.objects.values_list(*columns)
        for value in row
        if value
    )


@pytest.mark.django_db
def test_dense_paragraph_stores_claim_text_linear_in_the_paragraph():
    paragraph = dense_article(QUOTES)
    record = ArticleRecord(headline="Bridges", body=paragraph)

    result = import_article(record=record)

    assert result.claims_created == QUOTES
    body = result.article.body
    own_words = sum(
        len(f"{content}{mention}{cue}".encode())
        for content, mention, cue in Claim.objects.values_list("content", "mention", "cue")
    )
    # Beyond its own words, speaker mention and cue, a claim stores short labels (kind,
    # status, hash, extractor version, rule): a bounded few dozen bytes. A copy of the
    # paragraph per claim was 18 kB each here.
    per_claim = (stored_text_bytes(Claim) - own_words) / QUOTES
    assert per_claim < 200, f"{per_claim:.0f} bytes a claim beyond its own words"
    for claim in Claim.objects.all():
        assert claim.context_start <= claim.start < claim.end <= claim.context_end <= len(body)


def import_peak(n: int, headline: str) -> int:
    """tracemalloc's peak, in bytes, while importing one paragraph of n quotes."""
    record = ArticleRecord(headline=headline, body=dense_article(n))
    tracemalloc.start()
    try:
        import_article(record=record)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


@pytest.mark.django_db
def test_dense_paragraph_import_memory_is_linear_in_the_paragraph():
    import_peak(20, "Warm-up")  # one-time costs (query compilation, caches) out of the way

    small = import_peak(QUOTES, "Small")
    large = import_peak(2 * QUOTES, "Large")

    # Twice the quotes in a twice-as-long paragraph: twice the memory when each claim costs a
    # bounded amount; four times when each claim copies the paragraph (it did: 3.5-4x).
    assert Claim.objects.count() == 20 + 3 * QUOTES
    assert large < 2.6 * small, f"peaks {small:,} and {large:,} bytes"
