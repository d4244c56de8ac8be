"""Public pages: an index for the page cache's data fingerprint (max(updated) on claims)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_review_desk")]

    operations = [
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["updated"], name="claims_claim_updated_idx"),
        ),
    ]
