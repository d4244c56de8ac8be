"""Migration 0019 gives claims and articles imported before the importer wrote history rows
their import row, so the audit trail starts at import for them too."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.claims.migrating import migrate

BEFORE = [("claims", "0018_claim_in_headline")]
AFTER = [("claims", "0019_backfill_import_history")]
BODY = "The minister said the bridge will open in spring. Critics said it is late."
WHEN = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)
EDITED = dt.datetime(2026, 11, 5, 14, 0, tzinfo=dt.UTC)


def history_rows(apps, model_name):
    historical = apps.get_model("claims", f"Historical{model_name}")
    return historical.objects.order_by("id", "history_date", "history_id")


@pytest.mark.django_db(transaction=True)
def test_backfill_adds_one_import_row_per_claim_and_article_that_lacks_one(latest_schema_after):
    old = migrate(BEFORE)
    Article = old.get_model("claims", "Article")
    Claim = old.get_model("claims", "Claim")
    HistoricalClaim = old.get_model("claims", "HistoricalClaim")
    HistoricalArticle = old.get_model("claims", "HistoricalArticle")
    Speaker = old.get_model("claims", "Speaker")
    Feedback = old.get_model("claims", "ExtractionFeedback")
    User = old.get_model("auth", "User")
    rita = User.objects.create(username="rita")
    wrong, right = (
        Speaker.objects.create(name="Critics", slug="critics"),
        Speaker.objects.create(name="Ann Lee", slug="ann-lee"),
    )
    # Imported before the importer wrote history: no row at all.
    article = Article.objects.create(
        headline="Bridge",
        slug="bridge",
        body=BODY,
        source_key="k1",
        body_hash="h",
        imported_at=WHEN,
        extractor_version="2.1",
    )
    common = {"article": article, "kind": "indirect", "extractor_version": "2.1"}
    untouched = Claim.objects.create(
        content="the bridge will open in spring", start=18, end=48, **common
    )
    # Imported then, and later reviewed: its first history row is the reviewer's edit.
    reviewed = Claim.objects.create(
        content="it is late",
        start=63,
        end=73,
        speaker=right,
        status="in_review",
        verdict="false",
        rationale="No.",
        version=2,
        **common,
    )
    Claim.objects.filter(pk__in=[untouched.pk, reviewed.pk]).update(created=WHEN)
    HistoricalClaim.objects.create(
        **{
            f.attname: getattr(reviewed, f.attname)
            for f in HistoricalClaim._meta.fields
            if not f.name.startswith("history_")
        },
        history_date=EDITED,
        history_type="~",
        history_user=rita,
    )
    Feedback.objects.create(
        claim=reviewed,
        article=article,
        kind="wrong_speaker",
        created_by=rita,
        before={"speaker_id": wrong.pk, "speaker": "Critics", "start": 63, "end": 73},
        after={"speaker_id": right.pk},
    )
    # Imported later: the importer's own row is there; a claim entered by hand has its own.
    later = Claim.objects.create(
        content="Critics said it is late",
        start=50,
        end=73,
        **{**common, "extractor_version": "2.3"},
    )
    HistoricalClaim.objects.create(
        **{
            f.attname: getattr(later, f.attname)
            for f in HistoricalClaim._meta.fields
            if not f.name.startswith("history_")
        },
        history_date=EDITED,
        history_type="+",
        history_change_reason="import (extractor 2.3)",
    )
    by_hand = Claim.objects.create(
        content="The minister",
        start=0,
        end=12,
        article=article,
        kind="indirect",
        extractor_version="",
    )
    before_counts = (HistoricalClaim.objects.count(), HistoricalArticle.objects.count())

    new = migrate(AFTER)

    rows = [
        (
            r.id,
            r.history_type,
            r.history_date,
            r.history_user_id,
            r.history_change_reason,
            r.status,
            r.verdict,
            r.rationale,
            r.version,
            r.speaker_id,
            r.content,
        )
        for r in history_rows(new, "Claim")
    ]
    assert before_counts == (2, 0)
    assert rows == [
        (
            untouched.pk,
            "+",
            WHEN,
            None,
            "import (extractor 2.1, backfilled)",
            "new",
            None,
            "",
            1,
            None,
            "the bridge will open in spring",
        ),
        # The import row holds what the extractor decided (the feedback's "before").
        (
            reviewed.pk,
            "+",
            WHEN,
            None,
            "import (extractor 2.1, backfilled)",
            "new",
            None,
            "",
            1,
            wrong.pk,
            "it is late",
        ),
        (
            reviewed.pk,
            "~",
            EDITED,
            rita.pk,
            None,
            "in_review",
            "false",
            "No.",
            2,
            right.pk,
            "it is late",
        ),
        (
            later.pk,
            "+",
            EDITED,
            None,
            "import (extractor 2.3)",
            "new",
            None,
            "",
            1,
            None,
            "Critics said it is late",
        ),
    ]
    assert by_hand.pk not in {r[0] for r in rows}
    articles = [
        (r.id, r.history_type, r.history_date, r.history_change_reason, r.headline)
        for r in history_rows(new, "Article")
    ]
    assert articles == [
        (article.pk, "+", WHEN, "import (extractor 2.1, backfilled)", "Bridge"),
    ]


@pytest.mark.django_db(transaction=True)
def test_backfill_run_again_adds_nothing(latest_schema_after):
    old = migrate(BEFORE)
    Article = old.get_model("claims", "Article")
    Claim = old.get_model("claims", "Claim")
    article = Article.objects.create(
        headline="Bridge",
        slug="bridge",
        body=BODY,
        source_key="k1",
        body_hash="h",
        extractor_version="",
    )
    Claim.objects.create(
        content="it is late",
        start=63,
        end=73,
        article=article,
        kind="indirect",
        extractor_version="2.1",
    )
    new = migrate(AFTER)
    first = (history_rows(new, "Claim").count(), history_rows(new, "Article").count())
    reasons = list(history_rows(new, "Article").values_list("history_change_reason", flat=True))

    migrate(BEFORE)  # the reverse is a no-op: the rows stay
    again = migrate(AFTER)

    assert first == (1, 1)
    assert reasons == ["import (backfilled)"]
    assert (history_rows(again, "Claim").count(), history_rows(again, "Article").count()) == (1, 1)
