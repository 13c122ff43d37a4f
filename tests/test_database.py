"""The database: SQLite pragmas, and migrations that agree with the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import inspect, text

from quizapp import create_app
from quizapp.extensions import db

from .conftest import server_url
from .databases import scratch_database


def test_sqlite_connections_set_wal_foreign_keys_and_busy_timeout(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}", "SECRET_KEY": "x"})
    with app.app_context(), db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_upgrade_builds_schema_on_empty_database_and_matches_models(tmp_path):
    with scratch_database(server_url(), tmp_path) as url:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"})
        with app.app_context():
            upgrade()
            tables = set(inspect(db.engine).get_table_names())
            assert {"user", "document", "question", "quiz", "quiz_question", "participant",
                    "attempt", "response", "fact", "regrade", "alembic_version"} <= tables
            with db.engine.connect() as connection:
                context = MigrationContext.configure(connection, opts={"compare_type": True})
                assert compare_metadata(context, db.metadata) == []
            db.engine.dispose()


def test_database_enforces_one_response_per_question_per_attempt(app):
    from sqlalchemy.exc import IntegrityError

    with app.app_context():
        constraints = inspect(db.engine).get_unique_constraints("response")
        assert any(set(c["column_names"]) == {"attempt_id", "question_id"} for c in constraints)
        db.session.execute(text("INSERT INTO \"user\" (email, name, password_hash, is_admin, active, "
                                "session_nonce, created_at) VALUES ('a@b.c', 'a', 'h', false, true, 'n', "
                                "CURRENT_TIMESTAMP)"))
        try:
            db.session.execute(text("INSERT INTO document (owner_id, title, language, text, checksum, archived,"
                                    " created_at) VALUES (999999, 't', 'it', 'x', 'c', false, CURRENT_TIMESTAMP)"))
            db.session.flush()
        except IntegrityError:
            db.session.rollback()
        else:
            raise AssertionError("a document with an unknown owner was stored: foreign keys are off")
