"""The audit trail starts at import: claims and articles imported before the importer wrote a
history row get one now.

A backfilled row is dated at the import (Article.imported_at, Claim.created), has no user, and its reason
names the import, the extractor version and that it was backfilled:
"import (extractor 2.3, backfilled)". Its values are the row as first recorded: the earliest
history row if a person edited it since (or the row itself), with what the extractor decided
(span, speaker, mention, kind) taken back from the earliest ExtractionFeedback that recorded
it, and a claim's review fields as every import leaves them (status new, no verdict, no
rationale, no assignee, nobody's check, version 1). Hand-entered claims already start with their
creation row and are left alone. Running it again adds nothing.
"""

from django.db import migrations

BATCH = 500
DATED = {"Article": "imported_at", "Claim": "created"}


def _reason(extractor_version: str) -> str:
    if not extractor_version:  # an article whose text the extractor could not read
        return "import (backfilled)"
    return f"import (extractor {extractor_version}, backfilled)"[:100]
# A claim as the importer leaves it: nothing a person decides.
IMPORTED_CLAIM = {
    "status": "new",
    "verdict": None,
    "rationale": "",
    "summary": "",
    "notes": "",
    "attribution_checked": False,
    "assignee_id": None,
    "reviewed_by_id": None,
    "reviewed_at": None,
    "published_at": None,
    "version": 1,
}
# What the extractor decided, as ExtractionFeedback.before records it (feedback.claim_snapshot).
EXTRACTED = ("start", "end", "content", "kind", "speaker_id", "mention", "mention_start", "mention_end")


def _tracked(historical) -> list:
    return [f for f in historical._meta.fields if not f.name.startswith("history_")]


def _backfill(apps, model_name, *, machine_only, only=None):
    """`only`: these pks alone (migration 0017 writes the import row of the claims it moves
    before it moves them); None: every row that lacks one."""
    model = apps.get_model("claims", model_name)
    historical = apps.get_model("claims", f"Historical{model_name}")
    feedback = apps.get_model("claims", "ExtractionFeedback")
    fields = _tracked(historical)
    with_import_row = historical.objects.filter(history_type="+").values("id")
    todo = model.objects.exclude(pk__in=with_import_row).order_by("pk")
    if only is not None:
        todo = todo.filter(pk__in=only)
    if machine_only:
        todo = todo.exclude(extractor_version="")
    pks = list(todo.values_list("pk", flat=True))
    for at in range(0, len(pks), BATCH):
        batch = pks[at : at + BATCH]
        rows = {row.pk: row for row in model.objects.filter(pk__in=batch)}
        first = {}
        for record in historical.objects.filter(id__in=batch).order_by("history_date", "history_id"):
            first.setdefault(record.id, record)
        extracted = {}
        if model_name == "Claim":
            for fb in feedback.objects.filter(claim_id__in=batch).order_by("created", "id"):
                decided = extracted.setdefault(fb.claim_id, {})
                for name in EXTRACTED:
                    if name in (fb.before or {}):
                        decided.setdefault(name, fb.before[name])
        new = []
        for pk in batch:
            source = first.get(pk) or rows[pk]
            values = {f.attname: getattr(source, f.attname) for f in fields}
            if model_name == "Claim":
                values.update(IMPORTED_CLAIM)
                values.update(extracted.get(pk, {}))
            new.append(
                historical(
                    **values,
                    history_date=getattr(rows[pk], DATED[model_name]),
                    history_type="+",
                    history_user_id=None,
                    history_change_reason=_reason(rows[pk].extractor_version),
                )
            )
        historical.objects.bulk_create(new)


def backfill_import_history(apps, schema_editor):
    _backfill(apps, "Article", machine_only=False)
    _backfill(apps, "Claim", machine_only=True)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0018_claim_in_headline"),
    ]

    operations = [
        migrations.RunPython(backfill_import_history, migrations.RunPython.noop, elidable=True),
    ]
