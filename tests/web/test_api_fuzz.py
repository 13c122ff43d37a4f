"""Fuzz every API operation with schemathesis against the WSGI app: no 5xx, no response outside its schema.

Each operation gets MAX_EXAMPLES generated requests (valid and invalid bodies,
queries and paths) with a valid write token; a path id that is even is
replaced by the id of a real record of the token's owner, so the operations
act on documents, questions, quizzes and attempts, not only on missing ones.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Quiz, User
from quizapp.services import api_tokens

from .teaching import ENGLISH, approve_all, make_document, make_quiz, submit_attempt

# 20 keeps `make test` within minutes; QUIZAPP_FUZZ_EXAMPLES=200 digs deeper by hand.
MAX_EXAMPLES = int(os.environ.get("QUIZAPP_FUZZ_EXAMPLES", "20"))
# Every default check (no 5xx, status codes, content types, headers and bodies as documented, auth not
# ignored, ...) but two that judge the input, not the answers: a schema-valid request may still be refused
# by the service's own rules (a text too short to read, a quiz closing before it opens: 422, as documented),
# and replacing an id with a real one turns an invalid path into a valid one.
EXCLUDED = [positive_data_acceptance, negative_data_rejection]


@pytest.fixture
def app_config(app_config):
    """Make texts over 200 characters a job, so the fuzzer meets the 202 answers too (the sample is longer)."""
    return {**app_config, "GENERATE_INLINE_CHARS": 200}


@pytest.fixture
def owner_world(app, make_teacher):
    """Make a teacher with a document, a published quiz with a submitted attempt, and a write token."""
    make_teacher()
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=3)
    attempt_id = submit_attempt(app, quiz_id, "Ada", {0: None})
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        ids = {"document_id": document_id, "quiz_id": quiz_id, "attempt_id": attempt_id,
               "question_id": quiz.items[0].question_id, "item_id": quiz.items[-1].id}
        _row, token = api_tokens.create(db.session.scalar(db.select(User)), "fuzz", "write")
        db.session.commit()
    return token, ids


# The document is read from an app of its own: it does not depend on the data. (schemathesis's
# from_fixture, which would read it from the test's app, does not run under pytest 9.) Every
# request goes to the test's app, on the test database.
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x", "TESTING": True}))


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_every_operation_answers_within_its_schema(app, case, owner_world):
    token, ids = owner_world
    for name, value in (case.path_parameters or {}).items():
        if name in ids and isinstance(value, int) and value % 2 == 0:
            case.path_parameters[name] = ids[name]
    case.call_and_validate(app=app, headers={"Authorization": f"Bearer {token}"}, excluded_checks=EXCLUDED)
