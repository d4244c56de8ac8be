"""A claim's paragraph becomes offsets into the article body (issue 15, item 2).

`context` held a copy of the paragraph per claim: a paragraph with n quotes was stored n times.
Existing rows (claims and their history) are converted: the stored text is found in the body
around the claim; where it is not there (edited text), the blank-line paragraph around the claim
is used; a claim whose offsets lie outside the body gets none. The reverse copies the text back.
"""

import django.db.models.expressions
from django.db import migrations, models

BATCH = 500


def context_offsets(body, context, start, end):
    # A frozen copy of claims.models.context_offsets: migrations must not follow app code.
    if start is None or end is None or not (0 <= start < end <= len(body)):
        return None, None
    if context and len(context) >= end - start:
        at = body.find(context, max(0, end - len(context)), start + len(context))
        if 0 <= at <= start:
            return at, at + len(context)
    para_start = body.rfind("\n\n", 0, start)
    para_end = body.find("\n\n", end)
    return (
        0 if para_start == -1 else para_start + 2,
        len(body) if para_end == -1 else para_end,
    )


def _convert(model, Article):
    """One article body in memory at a time; rows updated in batches."""
    article_ids = model.objects.values_list("article_id", flat=True).distinct().order_by()
    for article_id in article_ids.iterator():
        body = Article.objects.filter(pk=article_id).values_list("body", flat=True).first()
        rows = []
        for row in model.objects.filter(article_id=article_id).only(
            "pk", "start", "end", "context"
        ).iterator(chunk_size=BATCH):
            if body is None:
                continue
            row.context_start, row.context_end = context_offsets(
                body, row.context, row.start, row.end
            )
            rows.append(row)
            if len(rows) >= BATCH:
                model.objects.bulk_update(rows, ["context_start", "context_end"])
                rows = []
        if rows:
            model.objects.bulk_update(rows, ["context_start", "context_end"])


def offsets_from_text(apps, schema_editor):
    Article = apps.get_model("claims", "Article")
    for name in ("Claim", "HistoricalClaim"):
        _convert(apps.get_model("claims", name), Article)


def text_from_offsets(apps, schema_editor):
    Article = apps.get_model("claims", "Article")
    for name in ("Claim", "HistoricalClaim"):
        model = apps.get_model("claims", name)
        for article_id in (
            model.objects.values_list("article_id", flat=True).distinct().order_by().iterator()
        ):
            body = Article.objects.filter(pk=article_id).values_list("body", flat=True).first()
            rows = list(
                model.objects.filter(article_id=article_id, context_start__isnull=False).only(
                    "pk", "context_start", "context_end"
                )
            )
            for row in rows:
                row.context = (body or "")[row.context_start : row.context_end]
            model.objects.bulk_update(rows, ["context"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0008_claim_speaker_resolution_via"),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="context_start",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="Offset of the claim's paragraph in the article body.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="claim",
            name="context_end",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="End offset (exclusive) of the claim's paragraph.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalclaim",
            name="context_start",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="Offset of the claim's paragraph in the article body.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalclaim",
            name="context_end",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="End offset (exclusive) of the claim's paragraph.",
                null=True,
            ),
        ),
        migrations.RunPython(offsets_from_text, text_from_offsets, elidable=False),
        migrations.RemoveField(model_name="claim", name="context"),
        migrations.RemoveField(model_name="historicalclaim", name="context"),
        migrations.AddConstraint(
            model_name="claim",
            constraint=models.CheckConstraint(
                condition=models.Q(("context_end__isnull", True), ("context_start__isnull", True))
                | models.Q(
                    ("context_end__gte", django.db.models.expressions.F("end")),
                    ("context_start__lte", django.db.models.expressions.F("start")),
                ),
                name="claims_claim_context_offsets_valid",
            ),
        ),
    ]
