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
        # Each test's own job queue; tests run the jobs with jobs.run_pending, or start a worker.
        "JOBS_SQLITE_PATH": str(tmp_path / "jobs.sqlite3"),
        "JOBS_WORKER_THREADS": 0,
        "EXPORTS_DIR": str(tmp_path / "exports"),
        # Each test's own LTI tool key: a rotation in one test must not show in another's JWKS.
        "LTI_KEY_DIR": str(tmp_path / "lti-keys"),
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


def quiz_settings(app, quiz_id: int, **values) -> str:
    """Change a quiz's settings as the teacher side would; return its join code."""
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        for name, value in values.items():
            setattr(quiz, name, value)
        db.session.commit()
        return quiz.join_code


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


class Student:
    """A browser taking quizzes through the real forms: join, answer, autosave, submit."""

    def __init__(self, app, client, language: str = "en"):
        self.app, self.client = app, client
        self.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language  # messages are asserted in English
        self.attempt_id: int | None = None

    @property
    def url(self) -> str:
        return f"/attempt/{self.attempt_id}"

    def join(self, code: str, name: str = "Giulia Rossi", **fields):
        response = self.client.post(f"/q/{code}", data={
            "display_name": name, "csrf_token": csrf_token(self.client, f"/q/{code}"), **fields})
        if response.status_code == 302 and "/attempt/" in response.headers["Location"]:
            self.attempt_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
        return response

    def token(self) -> str:
        # From the home page: a GET of the attempt page would itself close an overdue attempt.
        return csrf_token(self.client, "/")

    def post(self, data: dict | None = None, *, action: str = "save", url: str | None = None, **extra):
        token = self.token()
        return self.client.post(url or self.url, data={"csrf_token": token, "action": action, **(data or {}), **extra})

    def autosave(self, answers: dict, *, token: str | None = None, **kwargs):
        token = self.token() if token is None else token
        return self.client.post(f"{self.url}/autosave", json={"answers": answers},
                                headers={"X-CSRFToken": token}, **kwargs)

    def right_answers(self) -> dict[str, object]:
        return right_answers(self.app, self.attempt_id)


@pytest.fixture
def student(app, client):
    """Return a student in the test client's browser."""
    return Student(app, client)


@pytest.fixture
def make_student(app):
    """Return a factory of students, each in a browser (cookie jar) of their own."""
    return lambda: Student(app, app.test_client())


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
    """Load the seeds as `make run` does and return the seed quiz's id.

    The seed quiz asks what the article is worth asking, in the kinds that suit it;
    the attempt tests need every kind, so the bank's first question of any kind the
    quiz lacks takes the place of a question of a kind it holds several of.
    """
    with app.app_context():
        admin, _ = accounts.ensure_admin(app.config["ADMIN_EMAIL"], app.config["ADMIN_PASSWORD"])
        seeding.load_seeds(SEEDS, admin)
        quiz = db.session.scalar(db.select(Quiz))
        kinds = [item.question.kind for item in quiz.items]
        for question in sorted(quiz.document.questions, key=lambda q: q.position):
            if question.kind not in kinds:
                # Keep ten questions: a kind the quiz holds several of makes room.
                # Keep ten questions: a kind the quiz holds several of makes room. The swap is
                # made on the rows, as quiz building would refuse a question that asks the
                # 2030 target a second way.
                spare = next(item for item in reversed(quiz.items) if kinds.count(item.question.kind) > 1)
                question.status = "approved"
                kinds.remove(spare.question.kind)
                kinds.append(question.kind)
                spare.question = question
        db.session.commit()
        return quiz.id

