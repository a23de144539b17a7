"""What several benchmarks share: a throw-away database to run in.

Imported as ``benchmarks.support`` (each script puts the project root on sys.path and takes its
own folder off it, so that no script shadows a standard module)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def use_fresh_database(tmp: str, postgres: bool, prefix: str = "tdkt_bench") -> tuple[str, str] | None:
    """Point the settings at a new database before django.setup(): SQLite in ``tmp``, or (``postgres``)
    ``<prefix>_<pid>`` created on DATABASE_URL's server. Returns what ``drop_database`` needs
    to remove the PostgreSQL one afterwards (None for SQLite)."""
    os.environ["TDKT_VAR_DIR"] = tmp
    if not postgres:
        os.environ.pop("DATABASE_URL", None)
        os.environ["TDKT_SQLITE_PATH"] = str(Path(tmp) / "bench.sqlite3")
        return None
    import psycopg

    url = os.environ.get("DATABASE_URL")
    if not url:
        raise SystemExit("--postgres: DATABASE_URL is not set")
    parts = urlsplit(url)
    name = f"{prefix}_{os.getpid()}"
    admin_url = urlunsplit(parts._replace(scheme="postgresql"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    return admin_url, name


def drop_database(cleanup: tuple[str, str]) -> None:
    """Drop the PostgreSQL database use_fresh_database made (Django's connections closed first)."""
    import psycopg
    from django.db import connections

    admin_url, name = cleanup
    connections.close_all()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def insert_rows(cursor, model, rows: list[dict]) -> None:
    """Bulk-load ``rows`` into ``model``'s table (COPY on PostgreSQL, executemany on SQLite),
    bypassing the ORM; columns the rows leave out get the field's default, so a benchmark's
    generator survives new nullable or defaulted columns."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    given = set(rows[0]) if rows else set()
    columns = [f.column for f in fields]
    defaults = {f.column: (None if f.null and not f.has_default() else f.get_default()) for f in fields
                if f.column not in given}
    values = ([row[c] if c in row else defaults[c] for c in columns] for row in rows)
    if cursor.db.vendor == "postgresql":  # COPY: an order of magnitude faster than executemany
        with cursor.cursor.copy(f'COPY "{model._meta.db_table}" ({", ".join(columns)}) FROM STDIN') as copy:
            for value in values:
                copy.write_row(value)
        return
    sql = (f'INSERT INTO "{model._meta.db_table}" ({", ".join(columns)}) '
           f'VALUES ({", ".join("%s" for _c in columns)})')
    cursor.executemany(sql, list(values))
