"""Make scratch databases for tests: a file for SQLite, a database of its own on PostgreSQL."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, make_url, text


@contextlib.contextmanager
def scratch_database(server_url: str | None, folder: Path) -> Iterator[str]:
    """Yield the URL of an empty database, and drop it afterwards.

    Without a server URL the database is a SQLite file in ``folder``; with a
    PostgreSQL URL a new database is created on that server, so tests never
    touch the databases that were there before.
    """
    if not server_url:
        yield f"sqlite:///{folder / f'{uuid.uuid4().hex}.db'}"
        return
    url = make_url(server_url)
    name = f"quizapp_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"
            ), {"name": name})
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
