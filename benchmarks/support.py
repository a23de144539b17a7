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
