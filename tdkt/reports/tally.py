"""Database triggers that keep ``reports_award_tally`` exactly in step with ``decisions_award``.

Every way an award row changes goes through the database, so counting there (not in
``Award.save`` or signals) also covers ``bulk_create``, ``QuerySet.update``, raw SQL imports and
cascading deletes. Per award row:

* INSERT of a valid award: +1 on its (year, entry) row, in its subject kind's column (upsert);
* UPDATE OF status, year, entry_id, person_id, collective_id, household_id where one of them
  really changed: −1 on the old row if the old award was valid, +1 on the new one if it is valid
  (``Award.save`` rewrites every column, so unchanged saves must cost nothing);
* DELETE of a valid award: −1.

The SQL is per vendor (SQLite trigger bodies; a PL/pgSQL function on PostgreSQL), installed by
migration 0002 and re-installed by ``ensure_installed`` after any ``migrate`` that lost them
(SQLite drops a table's triggers when Django rebuilds the table for an ALTER).
"""

from __future__ import annotations

TABLE = "reports_award_tally"
AWARDS = "decisions_award"
TRIGGERS = ("reports_award_tally_insert", "reports_award_tally_update", "reports_award_tally_delete")
FUNCTION = "reports_award_tally_sync"
WATCHED = ("status", "year", "entry_id", "person_id", "collective_id", "household_id")
COLUMNS = (("persons", "person_id"), ("collectives", "collective_id"), ("households", "household_id"))


def _ones(row: str) -> str:
    """The 0/1 value of each subject column for the trigger row ``row`` (NEW / OLD)."""
    return ", ".join(f"CASE WHEN {row}.{col} IS NULL THEN 0 ELSE 1 END" for _name, col in COLUMNS)


def _add(row: str, upsert_target: str, where: str) -> str:
    names = ", ".join(name for name, _col in COLUMNS)
    sets = ", ".join(f"{name} = {upsert_target}{name} + excluded.{name}" for name, _col in COLUMNS)
    # INSERT … SELECT … WHERE: SQLite needs the WHERE before ON CONFLICT to parse the upsert.
    return (f"INSERT INTO {TABLE} (year, entry_id, {names}) SELECT {row}.year, {row}.entry_id, {_ones(row)} "
            f"WHERE {where} ON CONFLICT (year, entry_id) DO UPDATE SET {sets}")


def _subtract(row: str) -> str:
    sets = ", ".join(f"{name} = {name} - CASE WHEN {row}.{col} IS NULL THEN 0 ELSE 1 END"
                     for name, col in COLUMNS)
    return f"UPDATE {TABLE} SET {sets} WHERE year = {row}.year AND entry_id = {row}.entry_id"


_CHANGED = " OR ".join(f"OLD.{col} IS DISTINCT FROM NEW.{col}" for col in WATCHED)
_CHANGED_SQLITE = " OR ".join(f"OLD.{col} IS NOT NEW.{col}" for col in WATCHED)


def create_sql(vendor: str) -> list[str]:
    of = ", ".join(WATCHED)
    if vendor == "sqlite":
        return [
            f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON {AWARDS} WHEN NEW.status = 'valid' "
            f"BEGIN {_add('NEW', '', 'NEW.status = ' + repr('valid'))}; END",
            f"CREATE TRIGGER {TRIGGERS[1]} AFTER UPDATE OF {of} ON {AWARDS} "
            f"WHEN (OLD.status = 'valid' OR NEW.status = 'valid') AND ({_CHANGED_SQLITE}) BEGIN "
            f"{_subtract('OLD')} AND OLD.status = 'valid'; "
            f"{_add('NEW', '', 'NEW.status = ' + repr('valid'))}; END",
            f"CREATE TRIGGER {TRIGGERS[2]} AFTER DELETE ON {AWARDS} WHEN OLD.status = 'valid' "
            f"BEGIN {_subtract('OLD')}; END",
        ]
    if vendor == "postgresql":
        qualified = f"{TABLE}."  # inside DO UPDATE, a bare column name would be ambiguous
        function = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.status = 'valid' THEN
    {_subtract('OLD')};
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'valid' THEN
    {_add('NEW', qualified, 'TRUE')};
  END IF;
  RETURN NULL;
END
$$"""
        run = f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
        return [
            function,
            f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON {AWARDS} {run}",
            f"CREATE TRIGGER {TRIGGERS[1]} AFTER UPDATE OF {of} ON {AWARDS} "
            f"FOR EACH ROW WHEN ((OLD.status = 'valid' OR NEW.status = 'valid') AND ({_CHANGED})) "
            f"EXECUTE FUNCTION {FUNCTION}()",
            f"CREATE TRIGGER {TRIGGERS[2]} AFTER DELETE ON {AWARDS} {run}",
        ]
    raise NotImplementedError(f"award tally triggers are written for SQLite and PostgreSQL, not {vendor}")


def drop_sql(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {name} ON {AWARDS}" for name in TRIGGERS] + [
            f"DROP FUNCTION IF EXISTS {FUNCTION}()"]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS]


def fill_sql() -> list[str]:
    """Recount every (year, entry) from the awards themselves."""
    names = ", ".join(name for name, _col in COLUMNS)
    sums = ", ".join(f"SUM(CASE WHEN {col} IS NULL THEN 0 ELSE 1 END)" for _name, col in COLUMNS)
    return [f"DELETE FROM {TABLE}",
            f"INSERT INTO {TABLE} (year, entry_id, {names}) SELECT year, entry_id, {sums} "
            f"FROM {AWARDS} WHERE status = 'valid' GROUP BY year, entry_id"]


def _run(connection, statements) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install(connection) -> None:
    """(Re)create the triggers, then recount. Triggers first: on PostgreSQL CREATE TRIGGER locks
    the awards against writes until the transaction ends, so no write falls between the recount's
    snapshot and the triggers."""
    _run(connection, drop_sql(connection.vendor) + create_sql(connection.vendor) + fill_sql())


def remove(connection) -> None:
    _run(connection, drop_sql(connection.vendor))


def installed_triggers(connection) -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [AWARDS])
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
                           [AWARDS])
        else:
            return set()
        return {row[0] for row in cursor.fetchall()} & set(TRIGGERS)


def ensure_installed(using: str = "default", **_kwargs) -> bool:
    """post_migrate: if the tally table exists but a trigger is missing (a later migration rebuilt
    decisions_award on SQLite), put the triggers back and recount. Returns True when it did."""
    from django.db import connections, transaction

    connection = connections[using]
    if connection.vendor not in ("sqlite", "postgresql"):
        return False
    tables = set(connection.introspection.table_names())
    if TABLE not in tables or AWARDS not in tables or installed_triggers(connection) == set(TRIGGERS):
        return False
    with transaction.atomic(using=using):
        install(connection)
    return True
