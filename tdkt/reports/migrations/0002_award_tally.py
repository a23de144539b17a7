"""The award tally (reports.AwardTally) and the triggers that keep it (tally.py, docs/reports.md).

The triggers are vendor-specific SQL (SQLite trigger bodies, a PL/pgSQL function on PostgreSQL),
so they are run from RunPython by ``schema_editor.connection.vendor``; the same step fills the
tally from the awards already there. Reversing drops the triggers (then the table).
"""

from django.db import migrations, models

from tdkt.reports import tally


def install_triggers(apps, schema_editor):
    tally.install(schema_editor.connection)


def drop_triggers(apps, schema_editor):
    tally.remove(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0001_award_statistics_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="AwardTally",
            fields=[
                ("pk", models.CompositePrimaryKey("year", "entry_id", blank=True, editable=False, primary_key=True,
                                                  serialize=False)),
                ("year", models.PositiveSmallIntegerField(verbose_name="year")),
                ("entry_id", models.IntegerField(verbose_name="title / form")),
                ("persons", models.IntegerField(default=0, verbose_name="individuals")),
                ("collectives", models.IntegerField(default=0, verbose_name="collectives")),
                ("households", models.IntegerField(default=0, verbose_name="households")),
            ],
            options={
                "verbose_name": "award tally",
                "verbose_name_plural": "award tallies",
                "db_table": "reports_award_tally",
            },
        ),
        migrations.RunPython(install_triggers, drop_triggers),
    ]
