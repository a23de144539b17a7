"""Indexes the statistics read at a million awards (docs/reports.md, benchmarks/award_statistics.py).

They live on decisions_award but belong to the read side of reports, so they are created here
with plain SQL that both SQLite and PostgreSQL accept. Partial indexes (only valid awards, and
of those only collectives / only households) keep each one small: a table by title / form is
one index range per (year, entry) and subject kind, never a read of the table itself.
"""

from django.db import migrations

INDEXES = {
    "reports_award_valid_year_entry": "(year, entry_id) WHERE status = 'valid'",
    "reports_award_coll_year_entry": "(year, entry_id) WHERE status = 'valid' AND collective_id IS NOT NULL",
    "reports_award_hh_year_entry": "(year, entry_id) WHERE status = 'valid' AND household_id IS NOT NULL",
}


class Migration(migrations.Migration):
    dependencies = [("decisions", "0004_award_verification_code")]

    operations = [
        migrations.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON decisions_award {columns}",
                          reverse_sql=f"DROP INDEX IF EXISTS {name}")
        for name, columns in INDEXES.items()
    ]
