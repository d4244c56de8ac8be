"""A re-import writes a history row for each kept claim it re-anchors or orphans (the bulk
writes saved none), and the page cache's fingerprint with CLAIMDESK_SHOW_UNREVIEWED off
leaves out those rows of claims not published (claims/public/pagecache.py): 0023's partial
index on the claim history is replaced by one with the new predicate, word for word the
fingerprint's, so the planner can use it."""

from django.db import migrations

_TABLE = "claims_historicalclaim"
_NAME = f"{_TABLE}_public_date_idx"
_OLD = "history_type = '~' OR status = 'published'"
_NEW = (
    "(history_type = '~' AND (history_change_reason IS NULL OR "
    "(history_change_reason NOT LIKE 're-import (%' AND "
    "history_change_reason NOT LIKE 're-extraction (%'))) "
    "OR status = 'published'"
)


def _create(where: str) -> str:
    return f"CREATE INDEX {_NAME} ON {_TABLE} (history_date) WHERE {where}"


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0027_public_fingerprint_demo"),
    ]

    operations = [
        migrations.RunSQL(
            [f"DROP INDEX {_NAME}", _create(_NEW)],
            reverse_sql=[f"DROP INDEX {_NAME}", _create(_OLD)],
        ),
    ]
