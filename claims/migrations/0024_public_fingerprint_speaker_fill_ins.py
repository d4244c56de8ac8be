"""The page cache's fingerprint (claims/public/pagecache.py) also leaves out the history rows of
speakers an import filled in that no public page shows (change reason "blanks filled in by
import (on no public page)", claims/services/speakers/writes.py): the speakers' partial index
of 0022 is replaced by one with the new predicate, word for word the fingerprint's, so the
planner can use it."""

from django.db import migrations

_TABLE = "claims_historicalspeaker"
_OLD = "history_type <> '+'"
_NEW = (
    "history_type <> '+' AND (history_change_reason IS NULL OR "
    "history_change_reason <> 'blanks filled in by import (on no public page)')"
)


def _create(where: str) -> str:
    return f"CREATE INDEX {_TABLE}_public_date_idx ON {_TABLE} (history_date) WHERE {where}"


_DROP = f"DROP INDEX {_TABLE}_public_date_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0023_public_fingerprint_import_updates"),
    ]

    operations = [
        migrations.RunSQL([_DROP, _create(_NEW)], reverse_sql=[_DROP, _create(_OLD)]),
    ]
