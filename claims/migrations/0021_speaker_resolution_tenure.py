"""Claim.speaker_resolution: the importer's own word, tenure (an office resolved to its holder at
the article's date, claims/services/speakers/tenure.py). Choices only; no data changes."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0020_roleholding'),
    ]

    operations = [
        migrations.AlterField(
            model_name='claim',
            name='speaker_resolution',
            field=models.CharField(blank=True, choices=[('name', 'Name'), ('surname', 'Surname of a name given earlier'), ('role', 'Role or description of a named person'), ('organisation', 'Generic phrase for a named body'), ('document', 'Statement, letter or post of its author'), ('pronoun', 'Pronoun'), ('continuation', 'Continues the previous claim'), ('mention', 'The mention itself'), ('tenure', "Office held at the article's date by a person another article named")], editable=False, help_text='How the extractor reached the speaker from the mention (a name, a surname, a role held by someone named earlier, a document standing for its author, ...); empty if entered by hand or unattributed.', max_length=20, verbose_name='speaker resolution'),
        ),
        migrations.AlterField(
            model_name='historicalclaim',
            name='speaker_resolution',
            field=models.CharField(blank=True, choices=[('name', 'Name'), ('surname', 'Surname of a name given earlier'), ('role', 'Role or description of a named person'), ('organisation', 'Generic phrase for a named body'), ('document', 'Statement, letter or post of its author'), ('pronoun', 'Pronoun'), ('continuation', 'Continues the previous claim'), ('mention', 'The mention itself'), ('tenure', "Office held at the article's date by a person another article named")], editable=False, help_text='How the extractor reached the speaker from the mention (a name, a surname, a role held by someone named earlier, a document standing for its author, ...); empty if entered by hand or unattributed.', max_length=20, verbose_name='speaker resolution'),
        ),
    ]
