# ImportBatch.rows is read and written through core.spreadsheets' cell codec (dates tagged, text
# kept as UTF-8). The column itself does not change, so only the model state is altered: Django
# would otherwise rebuild the SQLite table for a change that has no SQL.

import tdkt.core.spreadsheets
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('nominations', '0005_dossier_movement'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='importbatch',
                    name='rows',
                    field=models.JSONField(decoder=tdkt.core.spreadsheets.CellDecoder, default=list,
                                           encoder=tdkt.core.spreadsheets.CellEncoder),
                ),
            ],
        ),
    ]
