"""A PostgreSQL server that ends the pool's connections (a restart) costs no student a failed request.

The pool tests each connection as a request takes it (pool_pre_ping); on
PostgreSQL the test looks at the connection's socket first and sends its
SELECT 1 only when the server has written something there, as a server that
ends a connection does (quizapp/extensions.py, ping_locally). Here the
server ends every connection of the test's database between two requests,
as a restart does, and the next requests must not notice.
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, make_url, text

from quizapp import extensions
from quizapp.extensions import db

from ..conftest import quiz_settings, server_url

pytestmark = pytest.mark.skipif(server_url() is None, reason="PostgreSQL only: a SQLite file drops no connection")


def end_every_connection(app) -> int:
    """End every server connection to the app's database, as a restart does; return how many."""
    with app.app_context():
        url = make_url(str(db.engine.url))
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            return len(connection.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"
            ), {"name": url.database}).all())
    finally:
        admin.dispose()


def test_connections_the_server_ended_cost_no_request(app, student, seeded, monkeypatch):
    student.join(quiz_settings(app, seeded))
    assert student.client.get(student.url).status_code == 200
    looks = []

    def quiet(dbapi_connection) -> bool:
        looks.append(extensions_quiet(dbapi_connection))
        return looks[-1]

    extensions_quiet = extensions._quiet
    monkeypatch.setattr(extensions, "_quiet", quiet)
    assert student.client.get(student.url).status_code == 200
    assert looks and all(looks), "a quiet pooled connection is used without a round trip"

    name, value = next(iter(student.right_answers().items()))
    looks.clear()
    assert end_every_connection(app) >= 1
    assert student.client.get(student.url).status_code == 200
    assert looks[0] is False, "the ended connection was pinged, found dead and replaced"
    assert student.autosave({name: value}).status_code == 200
    submitted = student.post({name: value}, action="submit", confirm="1")
    assert submitted.status_code == 302
    assert student.client.get(submitted.headers["Location"]).status_code == 200
