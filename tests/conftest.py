"""Fixtures: an app on a scratch database, a client, a CLI runner, auth, and factories."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, User
from quizapp.services import accounts, documents, quizzes, seeding

from .databases import scratch_database

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILE = SEEDS / "000_a40edd1d90751169.txt"
PASSWORD = "correct horse battery"
CSRF_PATTERN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def server_url() -> str | None:
    """Return the PostgreSQL server the suite runs against, or None for SQLite."""
    return os.environ.get("QUIZAPP_TEST_DATABASE_URL") or None


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    with scratch_database(server_url(), tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture
def app_config(database_url, tmp_path):
    """Return the test configuration; a test may change it before `app` is built."""
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret-key",
        "SEEDS_DIR": str(SEEDS),
        "RATELIMIT_ENABLED": False,
        "ADMIN_EMAIL": "admin@example.org",
        "ADMIN_PASSWORD": PASSWORD,
    }


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        # Emptying the tables is faster than rebuilding them for every test.
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _push_request_context():
    """Replace pytest-flask's fixture of this name: keep no request context open.

    pytest-flask keeps one open for the whole test, so every request shares its
    app context: its `g` (Flask-WTF caches the CSRF token there, which breaks a
    second client) and its database session (which hides a missing commit).
    Tests that need a context push one themselves (`with app.app_context():`).
    """
    yield


@pytest.fixture
def client(app):
    """Return a test client that keeps no context between requests (unlike pytest-flask's)."""
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def csrf_token(client, url: str) -> str:
    """Return the CSRF token of the form on a page, as a browser would read it."""
    response = client.get(url)
    match = CSRF_PATTERN.search(response.get_data(as_text=True))
    assert match, f"no CSRF token on {url} ({response.status_code})"
    return match.group(1) or match.group(2)


def right_answers(app, attempt_id: int) -> dict[str, object]:
    """Return form fields answering every question of an attempt rightly.

    Choice inputs are valued by their place on the attempt's page, so the key
    is read through the attempt's option order, as the server does.
    """
    from quizapp.services.attempts import items

    with app.app_context():
        data: dict[str, object] = {}
        for item in items(db.session.get(Attempt, attempt_id)):
            q = item.question
            positions = [str(item.option_order.index(i)) for i in q.correct] if q.options else []
            if q.kind == "multiple":
                data[f"q{q.id}"] = positions
            elif q.options:
                data[f"q{q.id}"] = positions[0]
            else:
                data[f"q{q.id}"] = str(q.correct[0])
        return data


class AuthActions:
    """Log a teacher in and out through the real login form."""

    def __init__(self, client):
        self._client = client

    def login(self, email: str = "teacher@example.org", password: str = PASSWORD):
        token = csrf_token(self._client, "/auth/login")
        return self._client.post("/auth/login", data={"email": email, "password": password, "csrf_token": token})

    def logout(self):
        token = csrf_token(self._client, "/teach/")
        return self._client.post("/auth/logout", data={"csrf_token": token})


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def make_teacher(app):
    """Return a factory of teacher accounts with the test password."""

    def make(email: str = "teacher@example.org", *, admin: bool = False, name: str = "Teacher") -> User:
        with app.app_context():
            user = accounts.create_teacher(email, name, PASSWORD, is_admin=admin)
            db.session.commit()
            db.session.expunge(user)
            return user

    return make


@pytest.fixture
def make_quiz(app, make_teacher):
    """Return a factory of published quizzes over a document, all questions approved.

    It returns the quiz id; tests read rows back with fresh queries.
    """

    def make(text: str | None = None, *, owner_email: str = "teacher@example.org", **settings) -> int:
        with app.app_context():
            owner = accounts.find_by_email(owner_email) or db.session.merge(make_teacher(owner_email))
            document = documents.create_document(owner, text or SEED_FILE.read_text(encoding="utf-8"))
            db.session.flush()
            for question in document.questions:
                question.status = "approved"
            quiz = quizzes.create_quiz(owner, document, document.title, document.questions, **settings)
            quizzes.publish(quiz)
            db.session.commit()
            return quiz.id

    return make


@pytest.fixture
def seeded(app):
    """Load the seeds as `make run` does and return the seed quiz's id."""
    with app.app_context():
        admin, _ = accounts.ensure_admin(app.config["ADMIN_EMAIL"], app.config["ADMIN_PASSWORD"])
        seeding.load_seeds(SEEDS, admin)
        db.session.commit()
        return db.session.scalar(db.select(Quiz.id))

