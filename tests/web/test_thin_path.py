"""The whole path once: seed quiz -> student answers -> stored score -> teacher's CSV."""

import csv
import io

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Participant, Quiz, Response

from ..conftest import PASSWORD, csrf_token, right_answers


def join(client, code, name="Giulia Rossi"):
    token = csrf_token(client, f"/q/{code}")
    return client.post(f"/q/{code}", data={"display_name": name, "csrf_token": token})


def attempt_id_from(response):
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def test_student_takes_seed_quiz_and_teacher_downloads_csv(app, client, seeded):
    with app.app_context():
        quiz = db.session.get(Quiz, seeded)
        code, title, max_score = quiz.join_code, quiz.title, quiz.max_score

    home = client.get("/")
    assert home.status_code == 200
    assert title in home.get_data(as_text=True)

    joined = join(client, code)
    assert joined.status_code == 302
    attempt_id = attempt_id_from(joined)
    page = client.get(f"/attempt/{attempt_id}")
    assert page.status_code == 200

    data = right_answers(app, attempt_id)
    data.update(csrf_token=csrf_token(client, f"/attempt/{attempt_id}"), action="submit", page="0")
    submitted = client.post(f"/attempt/{attempt_id}", data=data)
    assert submitted.status_code == 302
    result = client.get(submitted.headers["Location"])
    assert result.status_code == 200
    assert f"{max_score:g}" in result.get_data(as_text=True)

    with app.app_context():  # a fresh session: the rows were committed
        db.session.remove()
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.state == "submitted"
        assert attempt.score == pytest.approx(max_score)
        responses = db.session.scalars(db.select(Response).where(Response.attempt_id == attempt_id)).all()
        assert len(responses) == len(data) - 3
        assert all(r.points > 0 for r in responses)
        participant = db.session.get(Participant, attempt.participant_id)
        assert participant.display_name == "Giulia Rossi"

    # A second student who answers nothing scores zero.
    other = app.test_client()
    second = attempt_id_from(join(other, code, name="=HYPERLINK(\"x\")"))
    token = csrf_token(other, f"/attempt/{second}")
    other.post(f"/attempt/{second}", data={"csrf_token": token, "action": "submit", "confirm": "1", "page": "0"})

    teacher = app.test_client()
    token = csrf_token(teacher, "/auth/login")
    login = teacher.post("/auth/login", data={"email": "admin@example.org", "password": PASSWORD, "csrf_token": token})
    assert login.status_code == 302
    results = teacher.get(f"/teach/quizzes/{seeded}/results")
    assert results.status_code == 200
    assert "Giulia Rossi" in results.get_data(as_text=True)
    exported = teacher.get(f"/teach/quizzes/{seeded}/scores.csv")
    assert exported.status_code == 200
    assert exported.mimetype == "text/csv"
    body = exported.get_data(as_text=True)
    assert body.startswith("\ufeff")
    # This teacher's browser asks for nothing, so the interface is Italian: Italian Excel's CSV.
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 2
    by_name = {row["Nome"]: row for row in rows}
    assert float(by_name["Giulia Rossi"]["Punteggio"].replace(",", ".")) == pytest.approx(max_score)
    assert float(by_name["'=HYPERLINK(\"x\")"]["Punteggio"].replace(",", ".")) == 0


def test_unanswered_submit_asks_for_confirmation_first(app, client, seeded):
    with app.app_context():
        code = db.session.get(Quiz, seeded).join_code
    attempt_id = attempt_id_from(join(client, code))
    token = csrf_token(client, f"/attempt/{attempt_id}")
    asked = client.post(f"/attempt/{attempt_id}", data={"csrf_token": token, "action": "submit", "page": "0"})
    assert asked.status_code == 200
    assert "Submit anyway" in asked.get_data(as_text=True) or "Invia comunque" in asked.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).state == "in_progress"


def test_foreign_option_value_returns_form_with_message_and_stores_nothing(app, client, seeded):
    with app.app_context():
        quiz = db.session.get(Quiz, seeded)
        code = quiz.join_code
        choice = next(item.question for item in quiz.items if item.question.kind in {"single", "multiple"})
        field = f"q{choice.id}"
    attempt_id = attempt_id_from(join(client, code))
    token = csrf_token(client, f"/attempt/{attempt_id}")
    response = client.post(f"/attempt/{attempt_id}", data={"csrf_token": token, field: "999", "action": "submit"})
    assert response.status_code == 400
    with app.app_context():
        db.session.remove()
        assert db.session.get(Attempt, attempt_id).state == "in_progress"
        assert db.session.scalar(db.select(db.func.count(Response.id))) == 0


def test_double_submit_stores_one_submission(app, client, seeded):
    with app.app_context():
        code = db.session.get(Quiz, seeded).join_code
    attempt_id = attempt_id_from(join(client, code))
    data = right_answers(app, attempt_id)
    data.update(csrf_token=csrf_token(client, f"/attempt/{attempt_id}"), action="submit")
    first = client.post(f"/attempt/{attempt_id}", data=data)
    second = client.post(f"/attempt/{attempt_id}", data={**data, "score": "0"})
    assert first.status_code == second.status_code == 302
    with app.app_context():
        db.session.remove()
        attempts = db.session.scalars(db.select(Attempt)).all()
        assert len(attempts) == 1
        assert attempts[0].score == pytest.approx(attempts[0].max_score)


@pytest.mark.parametrize("url", ["/q/NOPE99", "/attempt/999999", "/attempt/999999/result",
                                 "/teach/quizzes/999999/results"])
def test_unknown_ids_are_404(client, auth, make_teacher, url):
    make_teacher()
    auth.login()
    assert client.get(url).status_code == 404


def test_another_browser_cannot_open_an_attempt(app, client, seeded):
    with app.app_context():
        code = db.session.get(Quiz, seeded).join_code
    attempt_id = attempt_id_from(join(client, code))
    stranger = app.test_client()
    assert stranger.get(f"/attempt/{attempt_id}").status_code == 404


def test_post_without_csrf_token_is_refused(app, client, seeded):
    with app.app_context():
        code = db.session.get(Quiz, seeded).join_code
    response = client.post(f"/q/{code}", data={"display_name": "x"})
    assert response.status_code == 400
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Participant.id))) == 0
