"""The page cache's commit-time signal (claims/public/pagecache.py): a one-row table of two
counters, one per visibility setting, that the database itself raises when a transaction that
wrote a row the fingerprint counts commits.

The fingerprint's max() lookups read the newest write timestamp of each table. A row written
by a transaction that commits after another one that wrote a later-stamped row does not change
that maximum, so a page rendered between the two commits stayed stale until its entry expired.
The counters change at the commit itself, whatever the rows' timestamps:

- PostgreSQL: a deferred constraint trigger on each table the fingerprint reads, with the
  fingerprint's own predicate as its WHEN (evaluated as the row is written, so the import's
  rows that count for nothing queue nothing), raises the counter once per transaction at
  COMMIT. The row lock on the counter is taken then, not at the write, so counted writers
  wait for each other only for the moments of their commits. A process killed before its
  commit leaves nothing; one killed after it has raised the counter: no callback to lose.
- SQLite: a plain trigger, in the writing transaction; SQLite has one writer at a time, so
  the counter is committed with the rows. A later migration that remakes one of these tables
  on SQLite (Django's way of altering most columns there) drops its triggers with the old
  table and must create them again; a test lists them against the schema.

Every write the fingerprint counts goes through these tables: simple-history's rows (ORM
saves and deletes, bulk_history_create, the COPY path's and the services' own history
inserts, load_claims, merge_speakers) and claims_claim itself (an import touches Claim.updated
of published claims without a history row). Predicates word for word the fingerprint's, NEW.
before each column (tests/claims/test_public_cache_commits.py checks them).

The speakers' predicate also leaves out the deletion row of a speaker an import created and
dropped in one transaction (a concurrent run stored it first), and 0024's partial index is
replaced by one with it, word for word.
"""

import re

from django.db import migrations

TABLE = "claims_pagegeneration"
_IMPORT_UPDATE = (
    "(history_change_reason IS NULL OR (history_change_reason NOT LIKE 're-import (%' AND "
    "history_change_reason NOT LIKE 're-extraction (%'))"
)
_SPEAKER = (
    "history_type <> '+' AND (history_change_reason IS NULL OR "
    "history_change_reason NOT IN ('blanks filled in by import (on no public page)', "
    "'dropped by import: stored first by a concurrent run'))"
)
# 0024's partial index on the speakers' history, with the new predicate (the deletion rows of
# a hand-over left out too, claims/services/speakers/writes.py), so the planner still uses it.
_SPEAKER_OLD = (
    "history_type <> '+' AND (history_change_reason IS NULL OR "
    "history_change_reason <> 'blanks filled in by import (on no public page)')"
)
_SPEAKER_INDEX = "claims_historicalspeaker_public_date_idx"


def _speaker_index(where: str) -> list[str]:
    return [
        f"DROP INDEX {_SPEAKER_INDEX}",
        f"CREATE INDEX {_SPEAKER_INDEX} ON claims_historicalspeaker (history_date) WHERE {where}",
    ]

# history table -> (predicate with CLAIMDESK_SHOW_UNREVIEWED off, with it on); None: every row.
HISTORY = {
    "claims_historicalclaim": (
        f"(history_type = '~' AND {_IMPORT_UPDATE}) OR status = 'published'",
        "history_type <> '+' OR status = 'published'",
    ),
    "claims_historicalarticle": (f"history_type <> '+' AND {_IMPORT_UPDATE}",) * 2,
    "claims_historicalspeaker": (_SPEAKER, _SPEAKER),
    "claims_historicalclaimevidence": (None, None),
    "claims_historicalstance": (None, None),
    "claims_historicalclaimlink": (None, None),
    "claims_historicaltopic": (None, None),
    "claims_historicaltag": (None, None),
    "claims_historicaloutlet": ("history_type <> '+'",) * 2,
}
# The fingerprint's max(id) and max(updated) over published claims, in both settings: a row
# entering or leaving the published ones, or a published one's `updated` changing.
CLAIMS = {
    "INSERT": "NEW.status = 'published'",
    "UPDATE": (
        "(OLD.status = 'published' OR NEW.status = 'published') AND "
        "(OLD.status IS DISTINCT FROM NEW.status OR OLD.updated IS DISTINCT FROM NEW.updated)"
    ),
    "DELETE": "OLD.status = 'published'",
}
COUNTERS = ("public", "shown")  # CLAIMDESK_SHOW_UNREVIEWED off, on


def qualified(predicate: str) -> str:
    """The fingerprint's predicate over the row being written (NEW.column)."""
    return re.sub(r"\b(history_type|history_change_reason|status)\b", r"NEW.\1", predicate)


def _triggers():
    """(name, table, event, WHEN or None, counter) for every trigger."""
    for table, predicates in HISTORY.items():
        for counter, predicate in zip(COUNTERS, predicates, strict=True):
            when = qualified(predicate) if predicate else None
            yield f"{TABLE}_{counter}", table, "INSERT", when, counter
    for event, when in CLAIMS.items():
        for counter in COUNTERS:
            yield f"{TABLE}_{counter}_{event.lower()}", "claims_claim", event, when, counter


_PG_FUNCTION = f"""
CREATE FUNCTION {TABLE}_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Once per transaction and counter, however many counted rows it wrote.
    IF current_setting('claimdesk.{TABLE}_' || TG_ARGV[0], true) IS DISTINCT FROM 'raised' THEN
        PERFORM set_config('claimdesk.{TABLE}_' || TG_ARGV[0], 'raised', true);
        IF TG_ARGV[0] = 'public' THEN
            UPDATE {TABLE} SET public = public + 1 WHERE id = 1;
        ELSE
            UPDATE {TABLE} SET shown = shown + 1 WHERE id = 1;
        END IF;
    END IF;
    RETURN NULL;
END
$$
"""


def create(apps, schema_editor):
    def execute(sql):
        schema_editor.execute(sql, None)  # no parameters: the LIKE patterns' % as they are

    postgresql = schema_editor.connection.vendor == "postgresql"
    execute(
        f"CREATE TABLE {TABLE} (id integer PRIMARY KEY, public bigint NOT NULL, "
        "shown bigint NOT NULL)"
    )
    execute(f"INSERT INTO {TABLE} (id, public, shown) VALUES (1, 0, 0)")
    if postgresql:
        execute(_PG_FUNCTION)
    for name, table, event, when, counter in _triggers():
        condition = f" WHEN ({when})" if when else ""
        if postgresql:
            execute(
                f"CREATE CONSTRAINT TRIGGER {name} AFTER {event} ON {table} "
                f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW{condition} "
                f"EXECUTE FUNCTION {TABLE}_raise('{counter}')"
            )
        else:  # SQLite: trigger names are global
            execute(
                f"CREATE TRIGGER {table}_{name} AFTER {event} ON {table} FOR EACH ROW"
                f"{condition} BEGIN UPDATE {TABLE} SET {counter} = {counter} + 1 "
                "WHERE id = 1; END"
            )


def drop(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    for name, table, *_ in _triggers():
        if postgresql:
            schema_editor.execute(f"DROP TRIGGER {name} ON {table}", None)
        else:
            schema_editor.execute(f"DROP TRIGGER {table}_{name}", None)
    if postgresql:
        schema_editor.execute(f"DROP FUNCTION {TABLE}_raise()", None)
    schema_editor.execute(f"DROP TABLE {TABLE}", None)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0029_claim_tag_history"),
    ]

    operations = [
        migrations.RunSQL(_speaker_index(_SPEAKER), reverse_sql=_speaker_index(_SPEAKER_OLD)),
        migrations.RunPython(create, drop),
    ]
