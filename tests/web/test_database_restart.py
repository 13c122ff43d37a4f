"""A PostgreSQL server that ends the pool's connections (a restart) costs no student a failed request.

The pool tests each connection with a round trip as a request takes it
(pool_pre_ping, quizapp/config.py). Here the server ends every connection of
the test's database between two requests, as a restart does, and the next
requests (the question page, which reads outside a transaction, an autosave, a
submit and the result) must not notice. A check of the connection's socket
alone, without the round trip, failed this test: the server's message that
ends a connection may arrive after the check has passed it.
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, make_url, text

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


def test_connections_the_server_ended_cost_no_request(app, student, seeded):
    student.join(quiz_settings(app, seeded))
    assert student.client.get(student.url).status_code == 200
    name, value = next(iter(student.right_answers().items()))
    assert end_every_connection(app) >= 1
    assert student.client.get(student.url).status_code == 200
    assert student.autosave({name: value}).status_code == 200
    submitted = student.post({name: value}, action="submit", confirm="1")
    assert submitted.status_code == 302
    assert student.client.get(submitted.headers["Location"]).status_code == 200
