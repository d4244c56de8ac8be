"""Migration 0009 turns each claim's stored paragraph text into offsets into the article body."""

from __future__ import annotations

import pytest

from tests.claims.migrating import migrate

BEFORE = [("claims", "0008_claim_speaker_resolution_via")]
AFTER = [("claims", "0009_claim_context_offsets")]

BODY = (
    "The council met on Monday.\n\n"
    "“The bridge will open in spring,” Ms. Okafor said. “It is paid for,” she added.\n\n"
    "The meeting ended at noon."
)


@pytest.mark.django_db(transaction=True)
def test_migration_converts_stored_context_text_to_offsets(latest_schema_after):
    old = migrate(BEFORE)
    Article = old.get_model("claims", "Article")
    Claim = old.get_model("claims", "Claim")
    article = Article.objects.create(
        headline="Council", slug="council", body=BODY, source_key="k1", body_hash="h"
    )
    paragraph = BODY.split("\n\n")[1]
    first = "The bridge will open in spring"
    second = "It is paid for"
    common = {"article": article, "kind": "direct", "status": "new"}
    found = Claim.objects.create(
        content=first,
        start=BODY.index(first),
        end=BODY.index(first) + len(first),
        context=paragraph,
        **common,
    )
    # Context text the body no longer holds (edited by hand): the paragraph around the claim.
    edited = Claim.objects.create(
        content=second,
        start=BODY.index(second),
        end=BODY.index(second) + len(second),
        context="Some other words entirely.",
        **common,
    )
    # Offsets past the end of the body (an orphaned claim): no context.
    lost = Claim.objects.create(
        content="gone", start=len(BODY) + 5, end=len(BODY) + 9, context="gone", **common
    )

    new = migrate(AFTER)

    Claim = new.get_model("claims", "Claim")
    rows = {
        c.pk: (c.context_start, c.context_end)
        for c in Claim.objects.only("context_start", "context_end")
    }
    at = BODY.index(paragraph)
    assert rows == {
        found.pk: (at, at + len(paragraph)),
        edited.pk: (at, at + len(paragraph)),
        lost.pk: (None, None),
    }
    assert "context" not in {f.name for f in Claim._meta.get_fields()}
