"""The page cache's fingerprint (claims/public/pagecache.py) also leaves out the deletion rows of
claims that were not published (a re-import replacing untouched claims) and the history rows the
import writes when it updates a stored article (change reasons "re-import (...)" and
"re-extraction (...)"): the partial indexes of 0022 for claims and articles are replaced by ones
with the new predicates, word for word the fingerprint's, so the planner can use them."""

from django.db import migrations

_OLD = {
    "claims_historicalclaim": "history_type <> '+' OR status = 'published'",
    "claims_historicalarticle": "history_type <> '+'",
}
_NEW = {
    "claims_historicalclaim": "history_type = '~' OR status = 'published'",
    "claims_historicalarticle": (
        "history_type <> '+' AND (history_change_reason IS NULL OR "
        "(history_change_reason NOT LIKE 're-import (%' AND "
        "history_change_reason NOT LIKE 're-extraction (%'))"
    ),
}


def _create(table: str, where: str) -> str:
    return f"CREATE INDEX {table}_public_date_idx ON {table} (history_date) WHERE {where}"


def _replace(table: str) -> migrations.RunSQL:
    drop = f"DROP INDEX {table}_public_date_idx"
    return migrations.RunSQL(
        [drop, _create(table, _NEW[table])], reverse_sql=[drop, _create(table, _OLD[table])]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0022_public_fingerprint_indexes"),
    ]

    operations = [_replace(table) for table in _NEW]
