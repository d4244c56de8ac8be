"""Claim.speaker_resolution: the importer's second word, office (a description of an office
resolved, undated, to the one person known to hold it: SpeakerResolver._match_role). Choices
only; no data changes: claims resolved that way before keep the extractor's word, since which
ones they were was never recorded."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0024_public_fingerprint_speaker_fill_ins'),
    ]

    operations = [
        migrations.AlterField(
            model_name='claim',
            name='speaker_resolution',
            field=models.CharField(blank=True, choices=[('name', 'Name'), ('surname', 'Surname of a name given earlier'), ('role', 'Role or description of a named person'), ('organisation', 'Generic phrase for a named body'), ('document', 'Statement, letter or post of its author'), ('pronoun', 'Pronoun'), ('continuation', 'Continues the previous claim'), ('mention', 'The mention itself'), ('tenure', "Office held at the article's date by a person another article named"), ('office', 'Office inferred: the one person known to hold it (no date)')], editable=False, help_text='How the extractor reached the speaker from the mention (a name, a surname, a role held by someone named earlier, a document standing for its author, ...); empty if entered by hand or unattributed.', max_length=20, verbose_name='speaker resolution'),
        ),
        migrations.AlterField(
            model_name='historicalclaim',
            name='speaker_resolution',
            field=models.CharField(blank=True, choices=[('name', 'Name'), ('surname', 'Surname of a name given earlier'), ('role', 'Role or description of a named person'), ('organisation', 'Generic phrase for a named body'), ('document', 'Statement, letter or post of its author'), ('pronoun', 'Pronoun'), ('continuation', 'Continues the previous claim'), ('mention', 'The mention itself'), ('tenure', "Office held at the article's date by a person another article named"), ('office', 'Office inferred: the one person known to hold it (no date)')], editable=False, help_text='How the extractor reached the speaker from the mention (a name, a surname, a role held by someone named earlier, a document standing for its author, ...); empty if entered by hand or unattributed.', max_length=20, verbose_name='speaker resolution'),
        ),
    ]
