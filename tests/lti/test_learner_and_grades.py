"""Learner launches into the attempt, and the grade reaches the platform's AGS endpoint (with regrade and outages)."""

from __future__ import annotations

import pytest

from quizapp.extensions import db
from quizapp.lti import grades
from quizapp.lti.models import LtiGrade
from quizapp.models import Attempt, Participant, User
from quizapp.services import regrade

from .flows import attempt_id_of, link_instructor, run_jobs, score_of, submit
from .platform import INSTRUCTOR, LEARNER


@pytest.fixture
def placed(platform, make_quiz):
    """Return (quiz id, learner launch plan, line item id): a quiz placed in the course with its line item."""
    quiz_id = make_quiz(max_attempts=2)
    item = platform.create_lineitem({"label": "Quiz", "scoreMaximum": 10, "resourceId": f"quizapp-quiz-{quiz_id}"})
    plan = {"resource_link_id": "rl-1", "custom": {"quizapp_quiz": str(quiz_id)}, "roles": [LEARNER],
            "ags_lineitem": item["id"]}
    return quiz_id, plan, item["id"]


def test_learner_lands_in_the_attempt_and_the_grade_reaches_the_lms(app, lms_browser, platform, placed):
    quiz_id, plan, item = placed
    attempt_id = attempt_id_of(lms_browser.launch(**plan))
    page = lms_browser.client.get(f"/attempt/{attempt_id}")
    assert page.status_code == 200  # no name form, no join code: straight into the questions
    submit(app, lms_browser.client, attempt_id)
    score, maximum = score_of(app, attempt_id)
    assert score == maximum > 0
    with app.app_context():
        assert db.session.scalar(db.select(LtiGrade.status)) == "pending"  # recorded with the submit
    run_jobs(app)
    posted = platform.scores_for(item, "learner-1")
    assert len(posted) == 1
    assert posted[0]["scoreGiven"] == score and posted[0]["scoreMaximum"] == maximum
    assert posted[0]["activityProgress"] == "Completed" and posted[0]["gradingProgress"] == "FullyGraded"
    with app.app_context():
        row = db.session.scalar(db.select(LtiGrade))
        assert (row.status, row.score_given, row.tries) == ("sent", score, 1)


def test_the_attempt_limit_holds_across_devices(app, lms_browser, make_lms_browser, placed):
    quiz_id, plan, _item = placed
    first = attempt_id_of(lms_browser.launch(**plan))
    phone = make_lms_browser()
    assert attempt_id_of(phone.launch(**plan)) == first  # the same attempt resumed on another device
    submit(app, phone.client, first, right=False)
    second = attempt_id_of(lms_browser.launch(**plan))
    assert second != first
    submit(app, lms_browser.client, second)
    done = make_lms_browser().launch(**plan)  # both attempts used: the latest result, no third attempt
    assert done.status_code == 302 and done.headers["Location"].endswith(f"/attempt/{second}/result")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 2
        assert db.session.scalar(db.select(db.func.count(Participant.id))) == 1


def test_the_lms_gets_the_grade_by_the_quiz_grading_method(app, lms_browser, platform, placed):
    quiz_id, plan, item = placed
    first = attempt_id_of(lms_browser.launch(**plan))
    submit(app, lms_browser.client, first)
    second = attempt_id_of(lms_browser.launch(**plan))
    submit(app, lms_browser.client, second, right=False)
    run_jobs(app)
    best, maximum = score_of(app, first)
    # "highest": the blank second attempt does not lower the grade in the LMS.
    assert [s["scoreGiven"] for s in platform.scores_for(item, "learner-1")] == [best, best]


def test_regrade_updates_the_grade_in_the_lms(app, lms_browser, platform, placed):
    quiz_id, plan, item = placed
    attempt_id = attempt_id_of(lms_browser.launch(**plan))
    submit(app, lms_browser.client, attempt_id)
    run_jobs(app)
    before, maximum = score_of(app, attempt_id)
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        question = next(item.question for item in attempt.quiz.items if item.question.kind == "single")
        question.correct = [(question.correct[0] + 1) % len(question.options)]  # the key was wrong: change it
        changed = regrade.regrade_question(question, db.session.get(User, attempt.quiz.owner_id))
        db.session.commit()
        assert changed == 1
    run_jobs(app)
    after, _maximum = score_of(app, attempt_id)
    assert after < before
    assert [s["scoreGiven"] for s in platform.scores_for(item, "learner-1")] == [before, after]


def test_a_grade_is_kept_and_retried_while_the_platform_is_down(app, lms_browser, platform, placed, runner):
    quiz_id, plan, item = placed
    attempt_id = attempt_id_of(lms_browser.launch(**plan))
    platform.down = True
    submit(app, lms_browser.client, attempt_id)
    run_jobs(app)
    with app.app_context():
        row = db.session.scalar(db.select(LtiGrade))
        assert (row.status, row.tries) == ("pending", 1)
        assert "503" in row.last_error and row.next_try_at is not None
        later = row.next_try_at
    assert platform.scores_for(item, "learner-1") == []
    platform.down = False
    with app.app_context():
        assert grades.due(later) == [row.id]
        assert grades.send(row.id, later) == "sent"
    assert len(platform.scores_for(item, "learner-1")) == 1


def test_a_grade_that_keeps_failing_is_marked_failed_and_can_be_sent_again(app, lms_browser, platform, placed):
    quiz_id, plan, item = placed
    attempt_id = attempt_id_of(lms_browser.launch(**plan))
    platform.down = True
    submit(app, lms_browser.client, attempt_id)
    with app.app_context():
        grade_id = db.session.scalar(db.select(LtiGrade.id))
        statuses = [grades.send(grade_id) for _ in range(grades.MAX_TRIES)]
        assert statuses[-1] == "failed" and set(statuses[:-1]) == {"pending"}
    platform.down = False
    teacher = lms_browser.client  # the teacher opens the results from the LMS
    response = lms_browser.launch(roles=[INSTRUCTOR], sub="teacher-1", **{k: v for k, v in plan.items() if k != "roles"})
    response = link_instructor(teacher, response)
    assert response.headers["Location"].endswith(f"/teach/quizzes/{quiz_id}/results")
    page = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "Grade in the LMS" in page and "failed" in page and "Send again" in page
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    assert teacher.post(f"/lti/grades/{grade_id}/resend", data={"csrf_token": token}).status_code == 302
    run_jobs(app)
    assert len(platform.scores_for(item, "learner-1")) == 1
    page = teacher.get(f"/teach/quizzes/{quiz_id}/results").get_data(as_text=True)
    assert "sent (" in page


def test_instructor_lands_on_the_results_once_linked(app, make_lms_browser, platform, placed):
    quiz_id, plan, _item = placed
    teacher_plan = {**plan, "roles": [INSTRUCTOR], "sub": "teacher-1"}
    browser = make_lms_browser()
    link_instructor(browser.client, browser.launch(**teacher_plan))
    again = make_lms_browser()  # another device: no login asked, the link holds
    response = again.launch(**teacher_plan)
    assert response.headers["Location"].endswith(f"/teach/quizzes/{quiz_id}/results")
    assert again.client.get(response.headers["Location"]).status_code == 200


def test_an_instructor_of_someone_elses_quiz_sees_nothing_of_it(app, make_lms_browser, make_teacher, placed):
    quiz_id, plan, _item = placed
    make_teacher("other@example.org")
    browser = make_lms_browser()
    response = link_instructor(browser.client, browser.launch(**{**plan, "roles": [INSTRUCTOR], "sub": "t-2"}),
                               email="other@example.org")
    assert browser.client.get(response.headers["Location"]).status_code == 404


def test_a_link_without_a_quiz_is_refused_clearly(lms_browser, platform):
    response = lms_browser.launch(resource_link_id="rl-x", custom=None, roles=[LEARNER])
    assert response.status_code == 404
    assert "not linked to a quizapp quiz" in response.get_data(as_text=True)


def test_a_link_url_carried_to_another_browser_is_refused(make_lms_browser, placed):
    quiz_id, plan, _item = placed
    response = make_lms_browser().launch(**{**plan, "roles": [INSTRUCTOR], "sub": "teacher-1"})
    link_url = response.headers["Location"]
    stranger = make_lms_browser()
    page = stranger.client.get(link_url)
    assert page.status_code == 404 and "unknown or has expired" in page.get_data(as_text=True)
