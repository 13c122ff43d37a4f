"""Joining a quiz: code or link, name or class-list identifier, and every reason a quiz is not open."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_
from hypothesis import strategies as st

from quizapp.extensions import db
from quizapp.models import Attempt, Participant, utcnow

from ..conftest import csrf_token
from ..conftest import quiz_settings as settings


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count(model.id)))


def test_code_typed_loosely_leads_to_the_quiz(app, student, seeded):
    client = student.client
    code = settings(app, seeded)
    token = csrf_token(client, "/")
    loose = f" {code[:3].lower()}-{code[3:].lower()} "
    response = client.post("/join", data={"code": loose, "csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/q/{code}")


def test_unknown_code_says_so_with_400(student, seeded):
    client = student.client
    response = client.post("/join", data={"code": "ZZZZZZ", "csrf_token": csrf_token(client, "/")})
    assert response.status_code == 400
    assert "No open quiz has this code" in response.get_data(as_text=True)


def test_link_joins_with_a_display_name_and_starts_an_attempt(app, student, seeded):
    # NUL and a right-to-left override (which would show the name backwards) are dropped.
    response = student.join(settings(app, seeded), name="  Giulia\x00 \u202eRossi ")
    assert response.status_code == 302
    page = student.client.get(student.url)
    assert page.status_code == 200
    with app.app_context():
        participant = db.session.scalars(db.select(Participant)).one()
        assert participant.display_name == "Giulia Rossi"
        assert len(participant.token) >= 32
        assert db.session.scalars(db.select(Attempt)).one().participant_id == participant.id


def test_a_join_writes_the_participant_and_a_complete_first_attempt(app, student, seeded):
    """A new student's rows are written as plain inserts (services/attempts.py): every column as the ORM would."""
    code = settings(app, seeded, time_limit_minutes=20)
    before = utcnow()
    assert student.join(code, name="Anna Bianchi").status_code == 302
    with app.app_context():
        participant = db.session.scalars(db.select(Participant)).one()
        attempt = db.session.scalars(db.select(Attempt)).one()
        assert (participant.quiz_id, participant.display_name, participant.identifier) == (seeded, "Anna Bianchi", None)
        assert before - dt.timedelta(seconds=1) <= participant.created_at <= utcnow()
        assert (attempt.id, attempt.participant_id, attempt.quiz_id) == (student.attempt_id, participant.id, seeded)
        assert (attempt.number, attempt.state, attempt.page, attempt.score, attempt.submitted_at) == (
            1, "in_progress", 0, None, None)
        assert attempt.auto_submitted is False and attempt.tallied is False
        assert attempt.max_score == 10 and len(attempt.token) >= 32
        assert attempt.deadline_at == attempt.started_at + dt.timedelta(minutes=20)
        entries = {item.id for item in attempt.quiz.items}
        assert sorted(attempt.layout["order"]) == sorted(entries) and set(attempt.layout["options"]) == {
            str(entry) for entry in entries}
    assert student.client.get(student.url).status_code == 200


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_bad_names_are_refused_with_a_message(app, student, seeded, name):
    response = student.join(settings(app, seeded), name=name)
    assert response.status_code == 400
    assert 'class="errors"' in response.get_data(as_text=True)
    assert count(app, Participant) == 0


def test_coming_back_resumes_the_same_attempt(app, student, seeded):
    code = settings(app, seeded)
    student.join(code)
    first = student.attempt_id
    again = student.client.get(f"/q/{code}")
    assert again.status_code == 302 and again.headers["Location"].endswith(f"/attempt/{first}")
    assert count(app, Attempt) == 1


@pytest.mark.parametrize("change, message", [
    ({"published": False}, None),
    ({"archived": True}, "not open to students"),
    ({"opens_at": utcnow() + dt.timedelta(days=1)}, "opens on"),
    ({"closes_at": utcnow() - dt.timedelta(minutes=1)}, "closed on"),
])
def test_quizzes_not_open_say_so_and_start_nothing(app, student, seeded, change, message):
    code = settings(app, seeded, **change)
    page = student.client.get(f"/q/{code}")
    if message is None:  # unpublished: nothing to see, but the student learns why the link leads nowhere
        assert page.status_code == 404
        assert "<h1>This quiz is not open</h1>" in page.get_data(as_text=True)
        assert count(app, Participant) == count(app, Attempt) == 0
        return
    assert page.status_code == 200
    assert message in page.get_data(as_text=True)
    response = student.client.post(f"/q/{code}", data={"display_name": "Ada", "csrf_token": csrf_token(student.client, "/")})
    assert response.status_code == 409
    assert message in response.get_data(as_text=True)
    assert count(app, Participant) == count(app, Attempt) == 0


def test_used_up_attempts_are_reported_plainly(app, student, seeded):
    code = settings(app, seeded, max_attempts=1)
    student.join(code)
    student.post(action="submit", confirm="1")
    page = student.client.get(f"/q/{code}")
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "used all the attempts" in body
    assert f"/attempt/{student.attempt_id}/result" in body
    again = student.client.post(f"/q/{code}/again", data={"csrf_token": student.token()})
    assert again.status_code == 302
    assert count(app, Attempt) == 1


def test_try_again_starts_a_second_attempt_up_to_the_limit(app, student, seeded):
    code = settings(app, seeded, max_attempts=2)
    student.join(code)
    first = student.attempt_id
    student.post(action="submit", confirm="1")
    result = student.client.get(f"{student.url}/result").get_data(as_text=True)
    assert "Try again" in result
    response = student.client.post(f"/q/{code}/again", data={"csrf_token": student.token()})
    second = int(response.headers["Location"].split("/")[-1])
    assert second != first
    # Not while the second is in progress, nor once the quiz closes, though one attempt is left.
    assert "Try again" not in student.client.get(f"/attempt/{first}/result").get_data(as_text=True)
    settings(app, seeded, max_attempts=3)
    assert "Try again" not in student.client.get(f"/attempt/{first}/result").get_data(as_text=True)
    settings(app, seeded, max_attempts=2)
    student.attempt_id = second
    student.post(action="submit", confirm="1")
    assert "Try again" not in student.client.get(f"{student.url}/result").get_data(as_text=True)
    settings(app, seeded, max_attempts=3)
    assert "Try again" in student.client.get(f"{student.url}/result").get_data(as_text=True)
    settings(app, seeded, closes_at=utcnow() - dt.timedelta(minutes=1))
    assert "Try again" not in student.client.get(f"{student.url}/result").get_data(as_text=True)
    with app.app_context():
        numbers = db.session.scalars(db.select(Attempt.number).order_by(Attempt.number)).all()
        assert numbers == [1, 2]


class TestClassList:
    ROSTER = "S001\nS002\n  s003  \n"

    def test_identifier_is_required_and_must_be_on_the_list(self, app, student, seeded):
        code = settings(app, seeded, roster=self.ROSTER)
        assert 'name="identifier"' in student.client.get(f"/q/{code}").get_data(as_text=True)
        missing = student.join(code, name="", identifier="")
        assert missing.status_code == 400
        unknown = student.join(code, name="", identifier="S999")
        assert unknown.status_code == 409
        assert "not on this quiz" in unknown.get_data(as_text=True)
        assert count(app, Participant) == 0

    def test_identifier_matches_loosely_and_is_stored_as_listed(self, app, student, seeded):
        student.join(settings(app, seeded, roster=self.ROSTER), name="", identifier="S003")
        with app.app_context():
            participant = db.session.scalars(db.select(Participant)).one()
            assert (participant.identifier, participant.display_name) == ("s003", "s003")

    def test_attempt_limit_holds_across_browsers(self, app, make_student, seeded):
        code = settings(app, seeded, roster=self.ROSTER, max_attempts=1)
        first = make_student()
        first.join(code, name="", identifier="S001")
        first.post(action="submit", confirm="1")
        second = make_student()
        response = second.join(code, name="", identifier="s001")
        assert response.status_code == 409
        assert "used all the attempts" in response.get_data(as_text=True)
        assert count(app, Attempt) == 1

    def test_an_attempt_in_progress_stays_with_its_browser(self, app, make_student, seeded):
        code = settings(app, seeded, roster=self.ROSTER, max_attempts=3)
        first = make_student()
        first.join(code, name="", identifier="S002")
        intruder = make_student()
        response = intruder.join(code, name="", identifier="S002")
        assert response.status_code == 409
        assert "in progress in another browser" in response.get_data(as_text=True)
        assert intruder.client.get(first.url).status_code == 404
        assert count(app, Attempt) == 1


@settings_(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.text(max_size=30), name=st.text(max_size=100), identifier=st.text(max_size=100))
def test_arbitrary_join_input_never_gives_a_500(app, student, seeded, code, name, identifier):
    quiz_code = settings(app, seeded, roster="S1" if len(name) % 2 else None)
    token = student.token()
    assert student.client.post("/join", data={"code": code, "csrf_token": token}).status_code < 500
    response = student.client.post(f"/q/{quiz_code}", data={"display_name": name, "identifier": identifier,
                                                             "csrf_token": token})
    assert response.status_code < 500


def test_a_students_cookie_is_renewed_once_an_hour_not_on_every_request(app, seeded, student, monkeypatch):
    """The session cookie outlives the last visit by its lifetime, with no Set-Cookie on every autosave."""
    from quizapp.student import views

    code = settings(app, seeded)
    monkeypatch.setattr(views, "_hour", lambda: 1000)
    student.join(code)
    # The join's cookie holds all the session will: even the first question page writes none.
    assert "Set-Cookie" not in student.client.get(student.url).headers
    assert "Set-Cookie" not in student.client.get(student.url).headers
    monkeypatch.setattr(views, "_hour", lambda: 1001)
    renewed = student.client.get(student.url)
    assert "Set-Cookie" in renewed.headers and "Expires=" in renewed.headers["Set-Cookie"]
    assert "Set-Cookie" not in student.client.get(student.url).headers
