"""RoleHolding: an office an article ties to a person, dated by the first and last articles
that did (the importer resolves a later bare office to its holder at that date); Claim.role_holding
records the tie that gave a claim its speaker. Reviewers see the ties, editors correct them."""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

REVIEWER_PERMISSIONS = ["view_roleholding"]
EDITOR_PERMISSIONS = ["add_roleholding", "change_roleholding", "delete_roleholding"]


def grant_roleholding_permissions(apps, schema_editor):
    app_config = apps.get_app_config("claims")
    app_config.models_module = True  # as in 0002: create_permissions asks for it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="claims")
    for group in Group.objects.filter(name__in=["Reviewer", "Editor"]):
        group.permissions.add(*perms.filter(codename__in=REVIEWER_PERMISSIONS))
    for group in Group.objects.filter(name="Editor"):
        group.permissions.add(*perms.filter(codename__in=EDITOR_PERMISSIONS))


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0019_backfill_import_history'),
    ]

    operations = [
        migrations.CreateModel(
            name='RoleHolding',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('head', models.CharField(help_text='The office\'s head word, e.g. "minister".', max_length=40)),
                ('words', models.CharField(blank=True, help_text='The office\'s other words, sorted and space-separated, e.g. "foreign".', max_length=200)),
                ('country', models.CharField(help_text='The country or body whose office it is, e.g. "russia".', max_length=100)),
                ('role', models.CharField(help_text='The office as the first article worded it.', max_length=300)),
                ('first_seen', models.DateField(help_text='Date of the earliest article tying them.')),
                ('last_seen', models.DateField(help_text='Date of the latest article tying them.')),
                ('disputed', models.BooleanField(default=False, help_text='An editor found the tie wrong: it resolves no office and the importer leaves it as it is.')),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('source_article', models.ForeignKey(blank=True, help_text='The article that first tied the office to the person.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='claims.article')),
                ('speaker', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='role_holdings', to='claims.speaker')),
            ],
            options={
                'ordering': ['country', 'head', 'words', 'first_seen'],
            },
        ),
        migrations.AddField(
            model_name='claim',
            name='role_holding',
            field=models.ForeignKey(blank=True, editable=False, help_text='When the text named only an office ("Russia\'s foreign minister"): the tie of that office to a person, from another article, that gave the claim its speaker.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='claims', to='claims.roleholding'),
        ),
        migrations.AddField(
            model_name='historicalclaim',
            name='role_holding',
            field=models.ForeignKey(blank=True, db_constraint=False, editable=False, help_text='When the text named only an office ("Russia\'s foreign minister"): the tie of that office to a person, from another article, that gave the claim its speaker.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='claims.roleholding'),
        ),
        migrations.AddConstraint(
            model_name='roleholding',
            constraint=models.UniqueConstraint(fields=('head', 'words', 'country', 'speaker'), name='claims_roleholding_unique_office_speaker'),
        ),
        migrations.AddConstraint(
            model_name='roleholding',
            constraint=models.CheckConstraint(condition=models.Q(('first_seen__lte', models.F('last_seen'))), name='claims_roleholding_first_before_last'),
        ),
        migrations.RunPython(grant_roleholding_permissions, migrations.RunPython.noop),
    ]
