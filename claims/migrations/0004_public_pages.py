# Reserved for parallel work; operations are filled in by the area that owns this migration.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_review_desk")]

    operations = []
