"""Reviewers may create tags (issue 11); changing and deleting them, and topics, stay with
editors (claims/permissions.py: create_tags vs manage_tags)."""

from django.db import migrations

REVIEWER_EXTRA_PERMISSIONS = ["add_tag"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(
        content_type__app_label="claims", codename__in=REVIEWER_EXTRA_PERMISSIONS
    )
    for group in Group.objects.filter(name="Reviewer"):
        group.permissions.add(*perms)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(
        content_type__app_label="claims", codename__in=REVIEWER_EXTRA_PERMISSIONS
    )
    for group in Group.objects.filter(name="Reviewer"):
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [("claims", "0009_claim_context_offsets")]

    operations = [migrations.RunPython(grant, revoke)]
