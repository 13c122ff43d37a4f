"""Helpers for the teacher-side tests: logged-in clients, documents, quizzes and attempts made quickly."""

from __future__ import annotations

import datetime as dt
import re
import secrets

import pytest

from quizapp.extensions import db
from quizapp.kinds import kind_of
from quizapp.models import Attempt, Document, Participant, Quiz, Response, utcnow
from quizapp.services import accounts, documents, quizzes

from ..conftest import PASSWORD, SEED_FILE, csrf_token

ENGLISH = """date 2023-03-12
Solar panels in Ravenna

The city of Ravenna installed 4,500 solar panels on school roofs in 2022.
The project was led by the energy agency Ravenna Energia and cost 3 million euros.
Its members are the University of Bologna, Hera and the Port Authority.
The panels produce 1.8 megawatts, enough for 600 homes.
The council plans to double the number of panels by 2030.
"""


@pytest.fixture
def teacher(client, make_teacher):
    """Return a client logged in as teacher@example.org (a module imports this fixture to use it)."""
    make_teacher()
    login(client)
    return client


@pytest.fixture
def document_id(app, teacher):
    """Return the id of the English sample document, owned by the logged-in teacher."""
    return make_document(app, text=ENGLISH)


def login(client, email: str = "teacher@example.org", password: str = PASSWORD):
    """Log a client in through the real form (interface in English) and return the response."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    token = csrf_token(client, "/auth/login")
    return client.post("/auth/login", data={"email": email, "password": password, "csrf_token": token})


def post(client, url: str, data: dict | None = None, **kwargs):
    """POST a form with the session's CSRF token, as a browser submitting the page would."""
    payload = dict(data or {})
    payload["csrf_token"] = csrf_token(client, "/teach/")
    return client.post(url, data=payload, **kwargs)


def make_document(app, owner_email: str = "teacher@example.org", text: str | None = None) -> int:
    """Store a document for an existing teacher and return its id."""
    with app.app_context():
        owner = accounts.find_by_email(owner_email)
        document = documents.create_document(owner, text or SEED_FILE.read_text(encoding="utf-8"))
        db.session.commit()
        return document.id


def approve_all(app, document_id: int) -> None:
    with app.app_context():
        for question in db.session.get(Document, document_id).questions:
            question.status = "approved"
        db.session.commit()


def make_quiz(app, document_id: int, count: int | None = None, publish: bool = True, **settings) -> int:
    """Build a quiz of the document's first approved questions and return its id."""
    with app.app_context():
        document = db.session.get(Document, document_id)
        chosen = [q for q in document.questions if q.status == "approved"][:count]
        quiz = quizzes.create_quiz(document.owner, document, "Quiz", chosen, **settings)
        if publish:
            quizzes.publish(quiz)
        db.session.commit()
        return quiz.id


def right_answer(question):
    """Return the stored answer that earns full marks."""
    if question.kind == "multiple":
        return list(question.correct)
    if question.kind in {"single", "true_false", "numeric"}:
        return question.correct[0]
    return question.correct[0]


def wrong_answer(question):
    """Return a stored answer that earns nothing."""
    if question.kind in {"single", "true_false"}:
        return next(i for i in range(len(question.options)) if i not in question.correct)
    if question.kind == "multiple":
        return [next(i for i in range(len(question.options)) if i not in question.correct)]
    if question.kind == "numeric":
        return float(question.correct[0]) + 1000
    return "zzzz"


def submit_attempt(app, quiz_id: int, name: str, answers_by_position: dict[int, object],
                   minutes: int = 5, identifier: str | None = None) -> int:
    """Store a submitted, graded attempt answering quiz items by position (0-based); return its id.

    Rows are written directly (not through the student services, which another
    area owns) and graded with the question kinds, as a submission would be.
    """
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        submitted = utcnow()
        participant = Participant(quiz=quiz, display_name=name, identifier=identifier,
                                  token=secrets.token_urlsafe(16))
        attempt = Attempt(quiz=quiz, participant=participant, number=1, token=secrets.token_urlsafe(16),
                          state="submitted", started_at=submitted - dt.timedelta(minutes=minutes),
                          submitted_at=submitted, max_score=quiz.max_score,
                          layout={"order": [item.id for item in quiz.items],
                                  "options": {str(item.id): list(range(len(item.question.options)))
                                              for item in quiz.items}})
        score = 0.0
        for item in quiz.items:
            answer = answers_by_position.get(item.position)
            points = round(kind_of(item.question).fraction(item.question, answer) * item.points, 4)
            score += points
            db.session.add(Response(attempt=attempt, question_id=item.question_id, answer=answer, points=points))
        attempt.score = round(score, 4)
        db.session.add(attempt)
        db.session.flush()
        db.session.commit()
        return attempt.id


def many_attempts(app, quiz_id: int, count: int) -> None:
    """Store `count` submitted attempts at once: "Student 000" onwards, a score of i % 4 thirds, i + 1 minutes.

    Scores tie on purpose, so sorting by them needs a tie-break that holds across pages.
    """
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        now = utcnow()
        for number in range(count):
            participant = Participant(quiz=quiz, display_name=f"Student {number:03d}", token=secrets.token_urlsafe(16))
            attempt = Attempt(quiz=quiz, participant=participant, number=1, token=secrets.token_urlsafe(16),
                              state="submitted", score=quiz.max_score * (number % 4) / 3,
                              max_score=quiz.max_score, started_at=now - dt.timedelta(minutes=number + 1),
                              submitted_at=now)
            db.session.add(attempt)
            db.session.flush()
            db.session.commit()


def xlsx_export(app, client, quiz_id: int, table: str = "scores", **kwargs):
    """Export a table as XLSX the way a teacher does: queue the job, let it run, download from its page.

    Returns the download's response; keyword arguments go with every request (headers=...).
    """
    from quizapp import jobs

    queued = post(client, f"/teach/quizzes/{quiz_id}/{table}.xlsx", **kwargs)
    assert queued.status_code == 302 and "/jobs/" in queued.headers["Location"], queued.status_code
    assert jobs.run_pending(app) == 1
    ready = client.get(queued.headers["Location"], **kwargs)
    assert ready.status_code == 302 and "/teach/exports/" in ready.headers["Location"], ready.status_code
    page = client.get(ready.headers["Location"], **kwargs).get_data(as_text=True)
    link = re.search(r'href="(/teach/exports/\d+/download)"', page)
    assert link, page
    return client.get(link.group(1), **kwargs)
