# Reserved for the import area. Imports, speaker resolution, export and load needed no schema
# change: the data model already has Article.source_key, SpeakerAlias, SpeakerMergeSuggestion,
# SpeakerMerge and Claim.orphaned. Kept so the migration graph stays as reserved.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_public_pages")]

    operations = []
