"""PostgreSQL-only indexes (full text, trigram) and the Reviewer and Editor groups."""

from django.contrib.auth.management import create_permissions
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class RunSQLOnPostgreSQL(migrations.RunSQL):
    """GIN indexes have no SQLite equivalent; there search falls back to plain scans."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


# Reviewers check claims; they cannot publish, dismiss, delete or merge (claims/permissions.py).
REVIEWER_PERMISSIONS = [
    "view_article", "view_outlet", "view_tag", "view_topic", "view_speakermergesuggestion",
    "view_speakermerge",
    "add_claim", "change_claim", "view_claim",
    "add_claimevidence", "change_claimevidence", "view_claimevidence",
    "add_stance", "change_stance", "view_stance",
    "add_claimlink", "change_claimlink", "view_claimlink",
    "add_speaker", "change_speaker", "view_speaker",
    "add_speakeralias", "change_speakeralias", "view_speakeralias",
]
EDITOR_EXTRA_PERMISSIONS = [
    "publish_claim", "dismiss_claim", "delete_claim", "merge_speaker",
    "delete_claimevidence", "delete_stance", "delete_claimlink", "delete_speaker",
    "delete_speakeralias", "change_speakermergesuggestion",
    "add_tag", "change_tag", "delete_tag", "add_topic", "change_topic", "delete_topic",
    "add_article", "change_article", "delete_article", "add_outlet", "change_outlet",
]


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("claims")
    app_config.models_module = True  # the migration state's stub lacks it; create_permissions asks
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="claims")
    reviewer, _ = Group.objects.get_or_create(name="Reviewer")
    reviewer.permissions.set(perms.filter(codename__in=REVIEWER_PERMISSIONS))
    editor, _ = Group.objects.get_or_create(name="Editor")
    editor.permissions.set(perms.filter(codename__in=REVIEWER_PERMISSIONS + EDITOR_EXTRA_PERMISSIONS))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Reviewer", "Editor"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("claims", "0001_initial"),
    ]

    operations = [
        TrigramExtension(),
        RunSQLOnPostgreSQL(
            # Full-text search over claims (claims/search.py).
            "CREATE INDEX claims_claim_search_gin ON claims_claim USING gin (search);",
            "DROP INDEX IF EXISTS claims_claim_search_gin;",
        ),
        RunSQLOnPostgreSQL(
            # Ranking candidates by similarity for the "similar claims" panel.
            "CREATE INDEX claims_claim_content_trgm ON claims_claim USING gin (content gin_trgm_ops);",
            "DROP INDEX IF EXISTS claims_claim_content_trgm;",
        ),
        RunSQLOnPostgreSQL(
            # "Possible duplicates" on the speaker page: similar names.
            "CREATE INDEX claims_speaker_name_trgm ON claims_speaker USING gin (name gin_trgm_ops);",
            "DROP INDEX IF EXISTS claims_speaker_name_trgm;",
        ),
        migrations.RunPython(create_roles, remove_roles),
    ]
