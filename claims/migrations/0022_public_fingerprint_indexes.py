"""Partial indexes for the public page cache's fingerprint with CLAIMDESK_SHOW_UNREVIEWED off
(claims/public/pagecache.py): max() over published claims, and max(history_date) over the
history rows an import's creation rows ('+' of unpublished claims, of articles and speakers)
are left out of. Without them the backward scan of history_date walks every '+' row an import
has just written before it finds one that counts. The predicates are the fingerprint's own,
word for word, so the planner can use them (PostgreSQL and SQLite alike)."""

from django.conf import settings
from django.db import migrations, models

_HISTORY = [
    ("claims_historicalclaim", "history_type <> '+' OR status = 'published'"),
    ("claims_historicalarticle", "history_type <> '+'"),
    ("claims_historicalspeaker", "history_type <> '+'"),
]


def _history_index(table: str, where: str) -> migrations.RunSQL:
    name = f"{table}_public_date_idx"
    return migrations.RunSQL(
        f"CREATE INDEX {name} ON {table} (history_date) WHERE {where}",
        reverse_sql=f"DROP INDEX {name}",
    )


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0021_speaker_resolution_tenure'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='claim',
            index=models.Index(condition=models.Q(('status', 'published')), fields=['updated'], name='claims_claim_pub_updated_idx'),
        ),
        migrations.AddIndex(
            model_name='claim',
            index=models.Index(condition=models.Q(('status', 'published')), fields=['id'], name='claims_claim_pub_id_idx'),
        ),
        *(_history_index(table, where) for table, where in _HISTORY),
    ]
