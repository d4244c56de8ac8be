"""The review desk: better word statistics for the "similar claims" lookup (PostgreSQL only).

claims.services.similarity picks a claim's rarest words from pg_stats' most_common_elems for
the `search` tsvector. At the default statistics target that list holds ~1,000 lexemes, so
fairly common words ("power", "congressional") look rare and the GIN prefilter matches
thousands of rows; at 1000 it holds ~10,000 and the prefilter stays narrow (ANALYZE samples
more rows: about 5 s at a million claims).
"""

from django.db import migrations


class RunSQLOnPostgreSQL(migrations.RunSQL):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_search_indexes_and_roles")]

    operations = [
        RunSQLOnPostgreSQL(
            "ALTER TABLE claims_claim ALTER COLUMN search SET STATISTICS 1000;",
            "ALTER TABLE claims_claim ALTER COLUMN search SET STATISTICS -1;",
        ),
    ]
