"""Answering: pages, shuffling, autosave, the server's clock, and every way a request can be wrong."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_
from hypothesis import strategies as st

from quizapp.extensions import db
from quizapp.models import Attempt, Participant, Question, QuizQuestion, Response, utcnow
from quizapp.services import attempts as attempt_service

from ..conftest import quiz_settings as settings


def fresh_attempt(app, attempt_id: int) -> Attempt:
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        db.session.expunge(attempt)
        return attempt


def stored(app, attempt_id: int) -> dict[int, object]:
    """Return the answers in the database, read with a fresh query."""
    with app.app_context():
        rows = db.session.scalars(db.select(Response).where(Response.attempt_id == attempt_id)).all()
        return {row.question_id: row.answer for row in rows if row.answer is not None}


def question_ids(app, attempt_id: int, kind: str | None = None) -> list[int]:
    with app.app_context():
        items = attempt_service.items(db.session.get(Attempt, attempt_id))
        return [item.question.id for item in items if kind is None or item.question.kind == kind]


def set_deadline(app, attempt_id: int, seconds_from_now: float) -> None:
    with app.app_context():
        db.session.get(Attempt, attempt_id).deadline_at = utcnow() + dt.timedelta(seconds=seconds_from_now)
        db.session.commit()


@pytest.fixture
def started(app, student, seeded):
    """A student with an attempt at the seed quiz in progress."""
    student.join(settings(app, seeded))
    return student


# --- pages and navigation -------------------------------------------------

def test_one_question_per_page_with_previous_and_next(app, student, seeded):
    student.join(settings(app, seeded, one_per_page=True))
    answers = student.right_answers()
    names = list(answers)
    first = student.client.get(student.url).get_data(as_text=True)
    assert "Question 1 of 10" in first
    assert f'name="{names[0]}"' in first and f'name="{names[1]}"' not in first
    assert 'value="previous"' not in first

    moved = student.post({names[0]: answers[names[0]], "page": "0"}, action="next")
    assert moved.status_code == 302
    second = student.client.get(student.url).get_data(as_text=True)
    assert "Question 2 of 10" in second and f'name="{names[1]}"' in second
    assert fresh_attempt(app, student.attempt_id).page == 1
    assert len(stored(app, student.attempt_id)) == 1  # saved on the page change

    student.post({"page": "1"}, action="page-9")
    assert "Question 10 of 10" in student.client.get(student.url).get_data(as_text=True)
    student.post({"page": "9"}, action="previous")
    assert fresh_attempt(app, student.attempt_id).page == 8


def test_a_page_change_with_a_refused_answer_stays_on_its_page(app, student, seeded):
    """The page moved to is stored with the claim: a save refused after it must not move the student."""
    student.join(settings(app, seeded, one_per_page=True))
    student.post({"page": "0"}, action="next")
    assert fresh_attempt(app, student.attempt_id).page == 1
    field = f"q{question_ids(app, student.attempt_id)[1]}"
    kind = next(item.question.kind for item in items_of(app, student.attempt_id) if f"q{item.question.id}" == field)
    bad = {"numeric": "12 apples", "multiple": ["42"], "single": "42", "true_false": "7"}.get(kind, "x" * 301)
    refused = student.post({field: bad, "page": "1"}, action="next")
    assert refused.status_code == 400
    assert fresh_attempt(app, student.attempt_id).page == 1
    assert "Question 2 of 10" in student.client.get(student.url).get_data(as_text=True)


def items_of(app, attempt_id: int) -> list[attempt_service.Item]:
    with app.app_context():
        return attempt_service.items(db.session.get(Attempt, attempt_id))


def test_the_hidden_enter_button_is_not_announced(app, student, seeded):
    """From page 2 on, the button Enter presses comes before the question: screen readers must skip it."""
    student.join(settings(app, seeded, one_per_page=True))
    first = student.client.get(student.url).get_data(as_text=True)
    assert 'class="visually-hidden" tabindex="-1"' not in first  # no "Previous" to get ahead of
    for page, action in ((1, "next"), (9, "save")):
        student.post({"page": "0" if page == 1 else "1"}, action=f"page-{page}")
        body = student.client.get(student.url).get_data(as_text=True)
        hidden = re.search(r'<button type="submit" name="action" value="(\w+)"\s+class="visually-hidden"([^>]*)>', body)
        assert hidden and hidden.group(1) == action
        assert 'tabindex="-1"' in hidden.group(2) and 'aria-hidden="true"' in hidden.group(2)
        assert hidden.start() < body.index('class="question') < body.index('value="previous"')


def test_page_out_of_range_is_a_stale_form(app, started):
    answers = started.right_answers()
    name, value = next(iter(answers.items()))
    started.post({name: value})
    response = started.post({"page": "7", name: ""})
    assert response.status_code == 409
    assert "out of date" in response.get_data(as_text=True)
    assert len(stored(app, started.attempt_id)) == 1
    assert started.post({"page": "x"}).status_code in {302, 409}  # unreadable page: the page shown


def test_shuffled_order_is_stable_within_an_attempt_and_varies_between_them(app, make_student, seeded):
    code = settings(app, seeded, shuffle_questions=True, shuffle_options=True)
    orders = set()
    for _ in range(4):
        student = make_student()
        student.join(code)
        first = student.client.get(student.url).get_data(as_text=True)
        again = student.client.get(student.url).get_data(as_text=True)
        sequence = re.findall(r'id="question-(\d+)"', first)
        assert sequence == re.findall(r'id="question-(\d+)"', again)
        orders.add(tuple(sequence))
        with app.app_context():
            layout = db.session.get(Attempt, student.attempt_id).layout
        orders.add(tuple(map(tuple, layout["options"].values())))
    assert len(orders) > 2


def test_option_values_are_positions_never_the_key(app, started):
    with app.app_context():
        item = next(i for i in attempt_service.items(db.session.get(Attempt, started.attempt_id))
                    if i.question.kind == "multiple")
        options = [item.question.options[index] for index in item.option_order]
    page = started.client.get(started.url).get_data(as_text=True)
    values = re.findall(rf'name="q{item.question.id}" type="checkbox" value="(\d+)"', page)
    assert values == [str(n) for n in range(len(options))]
    labels = [page.index(f">{option}</label>") for option in options]
    assert labels == sorted(labels)


def test_answer_key_never_reaches_the_browser_before_submitting(app, started):
    page = started.client.get(started.url).get_data(as_text=True)
    saved = started.autosave(started.right_answers()).get_data(as_text=True)
    with app.app_context():
        quiz = db.session.get(Attempt, started.attempt_id).quiz
        questions = [item.question for item in quiz.items]
        prompts = " ".join(q.prompt for q in questions) + " ".join(o for q in questions for o in q.options)
    for question in questions:
        for secret in (question.explanation, question.evidence_text):
            if secret and secret not in prompts:
                assert secret not in page and secret not in saved
        if not question.options:
            for accepted in question.correct:
                if str(accepted) not in prompts:
                    assert f'value="{accepted}"' not in page
                    assert str(accepted) not in saved
    assert "correct" not in saved.lower() and "points" not in saved.lower()
    assert started.client.get(f"{started.url}/result").status_code == 302  # no result before submitting


# --- autosave ----------------------------------------------------------------

def test_autosave_stores_the_answers_named_and_leaves_the_others(app, started):
    answers = started.right_answers()
    names = list(answers)
    first = started.autosave({names[0]: answers[names[0]], names[1]: answers[names[1]]})
    assert first.status_code == 200
    assert first.json["saved"] is True and first.json["unanswered"] == 8
    second = started.autosave({names[2]: answers[names[2]]})
    assert second.status_code == 200
    assert len(stored(app, started.attempt_id)) == 3
    cleared = started.autosave({names[0]: None})
    assert cleared.status_code == 200
    assert len(stored(app, started.attempt_id)) == 2
    page = started.client.get(started.url).get_data(as_text=True)
    value = answers[names[2]]
    assert (f'value="{value}"' in page) if isinstance(value, str) else True


def test_autosave_without_the_csrf_header_is_refused(app, started):
    name, value = next(iter(started.right_answers().items()))
    response = started.client.post(f"{started.url}/autosave", json={"answers": {name: value}})
    assert response.status_code == 400
    assert "error" in response.json
    assert started.autosave({name: value}, token="forged").status_code == 400
    assert stored(app, started.attempt_id) == {}


def test_autosave_renews_the_csrf_token_only_once_it_is_old(app, started, monkeypatch):
    from quizapp.student import views

    name, value = next(iter(started.right_answers().items()))
    fresh = started.autosave({name: value})
    assert fresh.status_code == 200 and "csrf_token" not in fresh.json  # the page keeps its token
    monkeypatch.setattr(views, "CSRF_RENEW_AFTER_SECONDS", 0)  # every token is old enough now
    renewed = started.autosave({name: None})
    token = renewed.json["csrf_token"]
    assert token and started.autosave({name: value}, token=token).status_code == 200
    assert len(stored(app, started.attempt_id)) == 1


@pytest.mark.parametrize("payload", [
    None, [], {"answers": []}, {"answers": {"q999999": "1"}}, {"answers": {"qx": "1"}},
    {"answers": {"Q": {"nested": 1}}}, {"answers": {"{first}": {"a": 1}}}, {"answers": {"{first}": True}},
])
def test_malformed_autosave_bodies_are_400_and_change_nothing(app, started, payload):
    answers = started.right_answers()
    first = next(iter(answers))
    started.autosave({first: answers[first]})
    if isinstance(payload, dict) and isinstance(payload.get("answers"), dict):
        payload = {"answers": {k.replace("{first}", first): v for k, v in payload["answers"].items()}}
    response = started.client.post(f"{started.url}/autosave", json=payload,
                                    headers={"X-CSRFToken": started.token()})
    assert response.status_code == 400
    assert response.json["error"]
    assert len(stored(app, started.attempt_id)) == 1


def test_autosave_with_a_bad_value_keeps_every_earlier_answer(app, started):
    answers = started.right_answers()
    started.autosave(answers)
    before = stored(app, started.attempt_id)
    choice = next(f"q{qid}" for qid in question_ids(app, started.attempt_id, "multiple"))
    text, other = (f"q{qid}" for qid in question_ids(app, started.attempt_id, "cloze")[:2])
    number = next(f"q{qid}" for qid in question_ids(app, started.attempt_id, "numeric"))
    for bad in ({choice: ["0", "99"]}, {text: "x" * 301}, {number: "circa duemila"}, {choice: ["", "99"]}):
        response = started.autosave({**answers, other: "a valid change", **bad})
        assert response.status_code == 400
        assert set(response.json["fields"]) == set(bad)
    assert stored(app, started.attempt_id) == before


def test_autosave_body_too_large_is_413(app, started):
    name = next(iter(started.right_answers()))
    response = started.autosave({name: "x" * 300, "padding": "y" * 300_000})
    assert response.status_code == 413
    assert stored(app, started.attempt_id) == {}


def test_autosave_reports_remaining_time_from_the_server(app, student, seeded):
    student.join(settings(app, seeded, time_limit_minutes=15))
    name, value = next(iter(student.right_answers().items()))
    remaining = student.autosave({name: value}).json["remaining"]
    assert 14 * 60 < remaining <= 15 * 60


# --- answers through the plain form --------------------------------------------

def test_form_values_are_read_tolerantly_and_refilled(app, started):
    number = f"q{question_ids(app, started.attempt_id, 'numeric')[0]}"
    response = started.post({number: " 2030,0 "})
    assert response.status_code == 302
    assert stored(app, started.attempt_id) == {int(number[1:]): 2030.0}
    assert 'value="2030"' in started.client.get(started.url).get_data(as_text=True)


@pytest.mark.parametrize("kind, bad", [("multiple", ["1", "42"]), ("multiple", ["", "42"]), ("multiple", ["-1"]),
                                       ("true_false", "7"), ("true_false", "uno"), ("numeric", "1e400"),
                                       ("numeric", "12 apples"), ("cloze", "x" * 301)])
def test_bad_form_values_give_400_with_a_message_and_keep_saved_answers(app, started, kind, bad):
    answers = started.right_answers()
    started.post(answers)
    before = stored(app, started.attempt_id)
    field = f"q{question_ids(app, started.attempt_id, kind)[0]}"
    response = started.post({**answers, field: bad}, action="submit")
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="{field}-errors"' in body or f'{field}-errors' in body
    assert "could not be saved" in body
    assert stored(app, started.attempt_id) == before
    assert fresh_attempt(app, started.attempt_id).state == "in_progress"


def test_a_stale_form_to_a_submitted_attempt_is_409_and_changes_nothing(app, started):
    answers = started.right_answers()
    started.post(answers, action="submit")
    before = stored(app, started.attempt_id)
    name = next(iter(answers))
    response = started.post({name: "cambiato", "page": "0"}, action="save")
    assert response.status_code == 409
    assert "already submitted" in response.get_data(as_text=True)
    late = started.autosave({name: None})
    assert late.status_code == 409 and late.json["submitted"] is True
    assert late.json["result_url"].endswith("/result")
    assert stored(app, started.attempt_id) == before


# --- submitting ----------------------------------------------------------------

def test_submit_with_unanswered_questions_asks_first(app, started):
    answers = started.right_answers()
    some = dict(list(answers.items())[:7])
    asked = started.post(some, action="submit")
    body = asked.get_data(as_text=True)
    assert asked.status_code == 200
    assert "Questions 8, 9, 10 have no answer" in body
    assert fresh_attempt(app, started.attempt_id).state == "in_progress"
    assert len(stored(app, started.attempt_id)) == 7  # what was sent is saved meanwhile
    done = started.post(url=f"{started.url}/submit")
    assert done.status_code == 302
    attempt = fresh_attempt(app, started.attempt_id)
    assert attempt.state == "submitted" and not attempt.auto_submitted
    assert attempt.score == pytest.approx(7)


def test_double_click_two_tabs_and_replay_store_one_submission(app, started, make_student):
    answers = started.right_answers()
    for _ in range(2):
        assert started.post({**answers, "score": "0"}, action="submit").status_code == 302
    assert started.post(url=f"{started.url}/submit").status_code == 302
    attempt = fresh_attempt(app, started.attempt_id)
    assert attempt.score == pytest.approx(attempt.max_score) == pytest.approx(10)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 1
        submitted_at = db.session.get(Attempt, started.attempt_id).submitted_at
    started.post({name: "" for name in answers}, action="submit")
    assert fresh_attempt(app, started.attempt_id).submitted_at == submitted_at
    assert fresh_attempt(app, started.attempt_id).score == pytest.approx(10)


def test_submit_is_exactly_once_even_when_both_requests_saw_it_open(app, started):
    started.post(started.right_answers())
    with app.app_context():  # the first tab: it loaded the attempt while still open ...
        first_tab = db.session.get(Attempt, started.attempt_id)
        assert first_tab.state == "in_progress" and first_tab.responses
        with app.app_context():  # ... then the second tab submitted it
            assert attempt_service.submit(db.session.get(Attempt, started.attempt_id), utcnow()) is True
            db.session.commit()
        assert attempt_service.submit(first_tab, utcnow()) is False
        with pytest.raises(attempt_service.AttemptError):
            attempt_service.save_answers(first_tab, {question_ids(app, started.attempt_id)[0]: None}, utcnow(), 30)
        db.session.rollback()
    assert len(stored(app, started.attempt_id)) == 10
    assert fresh_attempt(app, started.attempt_id).score == pytest.approx(10)


def test_an_answer_saved_by_another_request_meanwhile_is_updated_not_inserted_twice(app, started):
    """The timer's submit and an autosave race: the later save must not insert the same answer again."""
    qid = question_ids(app, started.attempt_id, "cloze")[0]
    with app.app_context():
        attempt = db.session.get(Attempt, started.attempt_id)
        assert attempt.responses == []  # loaded before the other request saves
        with db.engine.begin() as connection:  # ... the autosave of another tab
            connection.execute(db.insert(Response).values(attempt_id=attempt.id, question_id=qid, answer="first",
                                                          saved_at=utcnow()))
        attempt_service.save_answers(attempt, {qid: "second"}, utcnow(), 30)
        assert attempt_service.submit(attempt, utcnow(), automatic=True)
        db.session.commit()
    assert stored(app, started.attempt_id) == {qid: "second"}


def test_the_losing_tab_of_a_submit_race_lands_on_the_result(app, started, monkeypatch):
    """Two tabs post "submit" at once: the one whose save finds the attempt closed sees the result, not an error."""
    started.post(started.right_answers())
    claim = attempt_service._claim

    def other_tab_submits_first(attempt, *page):
        with db.engine.begin() as connection:
            connection.execute(db.update(Attempt).where(Attempt.id == attempt.id).values(state="submitted",
                                                                                         submitted_at=utcnow()))
        return claim(attempt, *page)

    monkeypatch.setattr(attempt_service, "_claim", other_tab_submits_first)
    response = started.post(started.right_answers(), action="submit", confirm="1")
    assert response.status_code == 302 and response.headers["Location"].endswith("/result")


def test_a_score_sent_by_the_client_is_ignored(app, started):
    started.post({"score": "999", "points": "999", "max_score": "1"}, action="submit", confirm="1")
    attempt = fresh_attempt(app, started.attempt_id)
    assert attempt.score == 0 and attempt.max_score == 10


# --- the server is the clock ---------------------------------------------------------

def test_answers_within_the_grace_period_are_accepted(app, student, seeded):
    student.join(settings(app, seeded, time_limit_minutes=10))
    set_deadline(app, student.attempt_id, -10)  # ten seconds late, inside the 30 s grace
    name, value = next(iter(student.right_answers().items()))
    assert student.autosave({name: value}).status_code == 200
    assert student.autosave({name: value}).json["remaining"] == 0
    assert len(stored(app, student.attempt_id)) == 1


def test_answers_after_deadline_and_grace_are_refused_and_attempt_submitted(app, student, seeded):
    student.join(settings(app, seeded, time_limit_minutes=10))
    answers = student.right_answers()
    names = list(answers)
    student.post({names[0]: answers[names[0]]})
    set_deadline(app, student.attempt_id, -31)
    late = student.post({names[1]: answers[names[1]]}, action="save")
    assert late.status_code == 302 and late.headers["Location"].endswith("/result")
    attempt = fresh_attempt(app, student.attempt_id)
    assert attempt.state == "submitted" and attempt.auto_submitted
    assert attempt.submitted_at <= attempt.deadline_at
    assert attempt.score == pytest.approx(1)
    assert len(stored(app, student.attempt_id)) == 1
    result = student.client.get(late.headers["Location"]).get_data(as_text=True)
    assert "Time ran out" in result


def test_overdue_attempt_is_submitted_by_the_next_request_that_touches_it(app, student, seeded):
    student.join(settings(app, seeded, time_limit_minutes=10))
    name, value = next(iter(student.right_answers().items()))
    student.autosave({name: value})
    set_deadline(app, student.attempt_id, -60)
    assert student.client.get(student.url).status_code == 302
    attempt = fresh_attempt(app, student.attempt_id)
    assert attempt.state == "submitted" and attempt.auto_submitted and attempt.score == pytest.approx(1)


def test_the_sweep_submits_attempts_nobody_came_back_to(app, runner, make_student, seeded):
    code = settings(app, seeded, time_limit_minutes=10)
    gone, here = make_student(), make_student()
    gone.join(code)
    here.join(code)
    name, value = next(iter(gone.right_answers().items()))
    gone.autosave({name: value})
    set_deadline(app, gone.attempt_id, -120)
    outcome = runner.invoke(args=["close-overdue"])
    assert outcome.exit_code == 0 and "Submitted 1" in outcome.output
    assert fresh_attempt(app, gone.attempt_id).state == "submitted"
    assert fresh_attempt(app, gone.attempt_id).score == pytest.approx(1)
    assert fresh_attempt(app, here.attempt_id).state == "in_progress"


def test_timeout_from_the_page_submits_only_once_time_is_up(app, student, seeded):
    student.join(settings(app, seeded, time_limit_minutes=10))
    answers = student.right_answers()
    early = student.post(answers, action="timeout")
    assert early.status_code == 302 and fresh_attempt(app, student.attempt_id).state == "in_progress"
    set_deadline(app, student.attempt_id, 2)  # the browser's clock runs a little fast
    on_time = student.post(answers, action="timeout")
    assert on_time.headers["Location"].endswith("/result")
    attempt = fresh_attempt(app, student.attempt_id)
    assert attempt.state == "submitted" and attempt.auto_submitted and attempt.score == pytest.approx(10)


def test_remaining_time_survives_a_reload(app, student, seeded):
    student.join(settings(app, seeded, time_limit_minutes=10))
    set_deadline(app, student.attempt_id, 125)
    page = student.client.get(student.url).get_data(as_text=True)
    remaining = int(re.search(r'data-remaining="(\d+)"', page).group(1))
    assert 120 <= remaining <= 125
    assert "2:0" in page


def test_close_date_caps_the_deadline(app, student, seeded):
    closes = utcnow() + dt.timedelta(minutes=5)
    student.join(settings(app, seeded, time_limit_minutes=60, closes_at=closes))
    assert abs((fresh_attempt(app, student.attempt_id).deadline_at - closes).total_seconds()) < 1


def test_a_question_removed_from_the_quiz_midway_is_skipped(app, started):
    answers = started.right_answers()
    with app.app_context():
        entry = db.session.scalars(db.select(QuizQuestion).order_by(QuizQuestion.position)).first()
        db.session.delete(entry)
        db.session.commit()
    assert started.client.get(started.url).status_code == 200
    started.post(answers, action="submit", confirm="1")
    assert fresh_attempt(app, started.attempt_id).max_score == 9


# --- whose attempt ------------------------------------------------------------------

@pytest.mark.parametrize("method, suffix", [("get", ""), ("post", ""), ("post", "/autosave"), ("post", "/submit"),
                                            ("get", "/result")])
def test_another_browser_gets_404_for_every_attempt_url(app, started, make_student, method, suffix):
    stranger = make_student()
    token = stranger.token()
    url = f"{started.url}{suffix}"
    if method == "get":
        response = stranger.client.get(url)
    else:
        response = stranger.client.post(url, data={"csrf_token": token, "action": "submit", "confirm": "1"},
                                        headers={"X-CSRFToken": token})
    assert response.status_code == 404
    assert fresh_attempt(app, started.attempt_id).state == "in_progress"


@pytest.mark.parametrize("suffix, body", [("", {"action": "submit", "confirm": "1"}), ("/submit", {}),
                                          ("/autosave", None)])
def test_every_attempt_post_needs_the_csrf_token(app, started, suffix, body):
    url = f"{started.url}{suffix}"
    response = (started.client.post(url, json={"answers": {}}) if body is None
                else started.client.post(url, data=body))
    assert response.status_code == 400
    assert fresh_attempt(app, started.attempt_id).state == "in_progress"


def test_language_switch_and_again_need_the_csrf_token(app, started, seeded):
    code = settings(app, seeded)
    assert started.client.post("/language", data={"lang": "it"}).status_code == 400
    assert started.client.post(f"/q/{code}/again", data={}).status_code == 400


def longest_time_limit_minutes() -> int:
    """Return the largest time limit the teacher's settings form accepts."""
    from wtforms.validators import NumberRange

    from quizapp.teacher.forms import QuizSettingsForm

    validators = QuizSettingsForm.time_limit_minutes.kwargs["validators"]
    return next(v.max for v in validators if isinstance(v, NumberRange))


def test_csrf_token_outlives_the_longest_time_limit(app, student, seeded, monkeypatch):
    longest = longest_time_limit_minutes()
    student.join(settings(app, seeded, time_limit_minutes=longest))
    token = student.token()
    name, value = next(iter(student.right_answers().items()))
    later = time.time() + longest * 60 - 60  # a minute before the longest exam ends
    monkeypatch.setattr(time, "time", lambda: later)
    assert student.autosave({name: value}, token=token).status_code == 200
    assert app.config["WTF_CSRF_TIME_LIMIT"] > longest * 60
    assert app.config["PERMANENT_SESSION_LIFETIME"] >= app.config["WTF_CSRF_TIME_LIMIT"]


def test_participant_token_and_session_bind_the_attempt(app, started):
    with app.app_context():
        participant = db.session.scalars(db.select(Participant)).one()
        attempt = db.session.get(Attempt, started.attempt_id)
        assert len(attempt.token) >= 32 and attempt.token != participant.token
    with started.client.session_transaction() as session:
        assert attempt.token in session["attempts"]
        session["attempts"] = []
    assert started.client.get(started.url).status_code == 404



# --- no input gives a 500 ---------------------------------------------------------------

_TEXT = st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(["", "0", "-1", "99", "1e9", "nan", "None"])
_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | _TEXT,
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
                     max_leaves=8)


@settings_(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=_TEXT, action=_TEXT | st.sampled_from(["next", "previous", "page-99999999999", "submit", "timeout"]),
       values=st.lists(_TEXT, max_size=3), body=_JSON)
def test_arbitrary_form_and_json_input_never_gives_a_500(app, started, page, action, values, body):
    field = f"q{question_ids(app, started.attempt_id)[len(page) % 10]}"
    response = started.post({"page": page, field: values}, action=action)
    assert response.status_code < 500
    saved = started.client.post(f"{started.url}/autosave", json=body, headers={"X-CSRFToken": started.token()})
    assert saved.status_code < 500
    named = started.client.post(f"{started.url}/autosave", json={"answers": {field: body}},
                                headers={"X-CSRFToken": started.token()})
    assert named.status_code < 500


@pytest.mark.parametrize("kind,status", [("single", 302), ("true_false", 302), ("multiple", 400)])
@pytest.mark.parametrize("value", ["\r", " ", "\t\n"])
def test_a_choice_sent_as_whitespace_is_no_answer_not_a_500(app, started, kind, status, value):
    # Found by the test above: "\r" passed a radio field's Optional() and reached int("\r"). A radio left
    # blank is no answer; a checkbox list holding a blank is not a valid choice (the page says so).
    question_id = question_ids(app, started.attempt_id, kind)[0]
    response = started.post({f"q{question_id}": [value]})
    assert response.status_code == status
    assert question_id not in stored(app, started.attempt_id)


# What a page may post for one question: values at every rule of its field (places, blanks, lengths, numbers).
_EDGES = ["", " ", "\r", "0", "1", " 1", "2 ", "3", "9", "00", "-1", "\uff11", "None", "2030", " 2030,0 ", "1.200", "cento",
          "1e400", "4" * 40, "4" * 41, "CATL", " la Cina ", "\x01", "a\u202eb", "y" * 300, "y" * 301, "z" * 300 + "\x01"]
_CANNED = {"single": 1, "true_false": 0, "multiple": [0, 2], "numeric": 2030.0, "cloze": "Ravenna", "short": "CATL"}


def _read_alike(app, items, kept: set[int], posted: dict[int, list[str]], language: str) -> None:
    """Assert that forms.page_answers takes a post exactly when the page's form accepts it, with the same answers."""
    from flask import g
    from werkzeug.datastructures import MultiDict

    from quizapp.student import forms

    saved = {item.question.id: _CANNED[item.question.kind] for number, item in enumerate(items) if number in kept}
    data = MultiDict([("action", "save"), *((forms.field_name(items[number]), value)
                                            for number, values in posted.items() for value in values)])
    with app.test_request_context("/attempt/1", method="POST", data=data, headers={"Accept-Language": language}):
        g.csrf_valid = True  # as CSRFProtect leaves it
        read = forms.page_answers(items, saved)
        form = forms.attempt_form(items, saved, csrf=False)
        assert (read is not None) == form.validate(), (posted, form.errors)
        if read is not None:
            assert read == forms.answers_from(form, items), posted


def test_a_page_read_without_its_form_is_read_as_the_form_reads_it(app, started):
    """A valid page is read without its form (forms.page_answers), as the form reads it; the form explains the rest."""
    with app.app_context():
        items = attempt_service.items(db.session.get(Attempt, started.attempt_id))
    sent = [[], *([value] for value in _EDGES), ["1", "0"], ["", "1", ""], [" ", "2"], ["2", "9"], ["", ""]]
    for kept in (set(), set(range(len(items)))):
        for number in range(len(items)):
            for values in sent:
                _read_alike(app, items, kept, {number: values}, "it" if number % 2 else "en")


def test_a_valid_page_change_and_submit_build_no_form(app, started, monkeypatch):
    from quizapp.student import forms

    def no_form(*args, **kwargs):
        raise AssertionError("a valid page built its form")

    answers = started.right_answers()
    monkeypatch.setattr(forms, "attempt_form", no_form)
    assert started.post(answers).status_code == 302
    assert started.post(answers, action="submit").status_code == 302
    assert fresh_attempt(app, started.attempt_id).score == fresh_attempt(app, started.attempt_id).max_score


@settings_(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(posted=st.dictionaries(st.integers(0, 9), st.lists(st.sampled_from(_EDGES) | _TEXT, max_size=3), max_size=4),
       kept=st.sets(st.integers(0, 9)), language=st.sampled_from(["en", "it"]))
def test_any_page_read_without_its_form_is_read_as_the_form_reads_it(app, started, posted, kept, language):
    with app.app_context():
        items = attempt_service.items(db.session.get(Attempt, started.attempt_id))
    _read_alike(app, items, kept, posted, language)


def test_a_valid_autosave_builds_no_form(app, started, monkeypatch):
    from quizapp.student import forms

    def no_form(*args, **kwargs):
        raise AssertionError("a valid autosave built its form")

    answers = started.right_answers()
    names = list(answers)
    with monkeypatch.context() as patched:
        patched.setattr(forms, "attempt_form", no_form)
        assert started.autosave(answers).json["unanswered"] == 0
        assert started.autosave({names[0]: None, names[1]: ""}).json["unanswered"] == 2
    assert len(stored(app, started.attempt_id)) == len(answers) - 2
    # An answer the form refuses still goes to it, which says why.
    refused = started.autosave({names[2]: "x" * 301 if isinstance(answers[names[2]], str) else ["99"]})
    assert refused.status_code == 400 and set(refused.json["fields"]) == {names[2]}


# What an autosave may send for one question: JSON strings, numbers, lists of them and null.
_SENT = st.sampled_from(_EDGES) | _TEXT | st.integers(-2, 12) | st.floats(allow_nan=False) | st.none()


@settings_(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sent=st.dictionaries(st.integers(0, 9), _SENT | st.lists(_SENT, max_size=3), max_size=4),
       language=st.sampled_from(["en", "it"]))
def test_any_autosave_read_without_its_form_is_read_as_the_form_reads_it(app, started, sent, language):
    """An autosave's answers read without the form (forms.read_answers) are the ones its form accepts, and only those."""
    from quizapp.student import forms

    with app.app_context():
        items = attempt_service.items(db.session.get(Attempt, started.attempt_id))
    payload = {"answers": {forms.field_name(items[number]): value for number, value in sent.items()}}
    with app.test_request_context("/attempt/1/autosave", method="POST", headers={"Accept-Language": language}):
        formdata, chosen = forms.formdata_from_json(payload, items)
        read = forms.read_answers(chosen, {}, formdata)
        form = forms.attempt_form(chosen, {}, formdata, csrf=False)
        assert (read is not None) == form.validate(), (sent, form.errors)
        if read is not None:
            assert read == forms.answers_from(form, chosen), sent


def test_options_edited_midway_fall_back_to_their_natural_order(app, started):
    question_id = question_ids(app, started.attempt_id, "multiple")[0]
    with app.app_context():
        question = db.session.get(Question, question_id)
        question.options = question.options[:3]
        question.correct = [0]
        db.session.commit()
    page = started.client.get(started.url)
    assert page.status_code == 200
    assert started.post({f"q{question_id}": ["0"]}).status_code == 302
    assert stored(app, started.attempt_id) == {question_id: [0]}


def test_autosave_nested_100000_deep_is_a_400_and_saves_nothing(app, started):
    token = started.token()
    body = '{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = started.client.post(f"{started.url}/autosave", data=body, content_type="application/json",
                                   headers={"X-CSRFToken": token})
    assert response.status_code == 400
    assert "error" in response.get_json()
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Response.id))) == 0


def test_grading_leaves_the_time_each_answer_was_saved(app, started):
    """Submit writes the points; saved_at stays the student's last save, not the grading time."""
    import datetime as _dt

    qid = question_ids(app, started.attempt_id, "cloze")[0]
    saved = utcnow() - _dt.timedelta(minutes=7)
    with app.app_context():
        attempt = db.session.get(Attempt, started.attempt_id)
        attempt_service.save_answers(attempt, {qid: "first"}, saved, 30)
        db.session.commit()
        assert attempt_service.submit(db.session.get(Attempt, started.attempt_id), utcnow())
        db.session.commit()
    with app.app_context():
        row = db.session.execute(db.select(Response).where(Response.attempt_id == started.attempt_id,
                                                           Response.question_id == qid)).scalar_one()
        assert row.points is not None
        assert abs((row.saved_at.replace(tzinfo=None) - saved.replace(tzinfo=None)).total_seconds()) < 1
