"""The whole chain against the independent platform: deep link -> learner launch -> attempt -> grade -> regrade."""

from __future__ import annotations

import re
from html import unescape

import requests

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, User
from quizapp.services import documents, proposals, regrade

from ..conftest import SEED_FILE, csrf_token
from .flows import attempt_id_of, link_instructor, run_jobs, score_of, submit
from .platform import INSTRUCTOR, LEARNER


def pick_quiz(client, picker_url: str, quiz_id: int):
    page = client.get(picker_url)
    assert page.status_code == 200, page.status_code
    assert f'value="{quiz_id}"' in page.get_data(as_text=True)
    return client.post(picker_url, data={"quiz": str(quiz_id), "csrf_token": csrf_token(client, picker_url)})


def return_to_platform(platform, returned) -> dict:
    """Post the tool's answer back as the browser does; return the one content item the platform accepted."""
    assert returned.status_code == 200, returned.get_data(as_text=True)
    html = returned.get_data(as_text=True)
    action = re.search(r'<form method="post" action="([^"]+)" id="lti-return"', html).group(1)
    token = unescape(re.search(r'name="JWT" value="([^"]+)"', html).group(1))
    assert action == f"{platform.url}/deep_link_return"
    assert "js/lti_return.js" in html and "Continue to the LMS" in html  # script submits; the button without it
    assert f"form-action 'self' {platform.url}" in returned.headers["Content-Security-Policy"]
    # The platform checks the signature against the tool's JWKS.
    accepted = requests.post(action, data={"JWT": token}, timeout=10)
    assert accepted.status_code == 200, accepted.text
    [item] = platform.content_items
    return item


def test_deep_link_then_learner_then_grade_then_regrade(app, make_lms_browser, platform, make_quiz):
    quiz_id = make_quiz(max_attempts=1)
    make_quiz(owner_email="someone@example.org")  # another teacher's quiz: not offered
    instructor = make_lms_browser()
    response = instructor.launch(roles=[INSTRUCTOR], sub="teacher-1", deep_link=True, resource_link_id=None,
                                 custom=None)
    response = link_instructor(instructor.client, response)
    picker = response.headers["Location"]
    assert "/lti/deep-link/" in picker
    item = return_to_platform(platform, pick_quiz(instructor.client, picker, quiz_id))
    assert item["type"] == "ltiResourceLink" and item["custom"] == {"quizapp_quiz": str(quiz_id)}
    with app.app_context():
        maximum = db.session.get(Quiz, quiz_id).max_score
    assert item["lineItem"]["scoreMaximum"] == maximum
    lineitem = item["created_lineitem"]

    # A learner opens the new activity: the platform launches with the custom parameter and the line item.
    learner = make_lms_browser()
    attempt_id = attempt_id_of(learner.launch(roles=[LEARNER], sub="learner-7", deep_link=False,
                                              resource_link_id="activity-1", custom=item["custom"],
                                              ags_lineitem=lineitem))
    submit(app, learner.client, attempt_id)
    run_jobs(app)
    score, maximum = score_of(app, attempt_id)
    [posted] = platform.scores_for(lineitem, "learner-7")
    assert (posted["scoreGiven"], posted["scoreMaximum"]) == (score, maximum)
    assert (posted["activityProgress"], posted["gradingProgress"]) == ("Completed", "FullyGraded")

    # The teacher corrects a key and regrades: the LMS gets the new score.
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        question = next(entry.question for entry in attempt.quiz.items if entry.question.kind == "single")
        question.correct = [(question.correct[0] + 1) % len(question.options)]
        regrade.regrade_question(question, db.session.get(User, attempt.quiz.owner_id))
        db.session.commit()
    run_jobs(app)
    new_score, _maximum = score_of(app, attempt_id)
    assert new_score < score
    assert [s["scoreGiven"] for s in platform.scores_for(lineitem, "learner-7")] == [score, new_score]


def test_a_learner_cannot_deep_link(make_lms_browser, platform):
    response = make_lms_browser().launch(roles=[LEARNER], deep_link=True, resource_link_id=None, custom=None)
    assert response.status_code == 403
    assert "Only instructors" in response.get_data(as_text=True)


def test_the_picker_offers_only_the_teachers_own_quizzes(app, make_lms_browser, platform, make_quiz):
    mine = make_quiz()
    theirs = make_quiz(owner_email="someone@example.org")
    browser = make_lms_browser()
    response = link_instructor(browser.client, browser.launch(roles=[INSTRUCTOR], sub="t-1", deep_link=True,
                                                              resource_link_id=None, custom=None))
    picker = response.headers["Location"]
    page = browser.client.get(picker).get_data(as_text=True)
    assert f'value="{mine}"' in page and f'value="{theirs}"' not in page
    refused = browser.client.post(picker, data={"quiz": str(theirs), "csrf_token": csrf_token(browser.client, picker)})
    assert refused.status_code == 400


def test_a_document_picked_becomes_a_new_published_quiz_in_the_course(app, make_lms_browser, platform, make_teacher):
    with app.app_context():
        teacher = db.session.merge(make_teacher())
        document = documents.create_document(teacher, SEED_FILE.read_text(encoding="utf-8"))
        db.session.commit()
        document_id, teacher_id = document.id, teacher.id
    instructor = make_lms_browser()
    picker = link_instructor(instructor.client, instructor.launch(roles=[INSTRUCTOR], sub="teacher-1", deep_link=True,
                                                                  resource_link_id=None, custom=None)).headers["Location"]
    page = instructor.client.get(picker).get_data(as_text=True)
    assert f'name="document" id="document-{document_id}" value="{document_id}"' in page
    assert 'name="quiz"' not in page  # no quiz yet: only the documents are offered

    item = return_to_platform(platform, instructor.client.post(picker, data={
        "document": str(document_id), "csrf_token": csrf_token(instructor.client, picker)}))
    assert item["type"] == "ltiResourceLink"
    with app.app_context():
        quiz = db.session.scalar(db.select(Quiz).where(Quiz.document_id == document_id))
        assert item["custom"] == {"quizapp_quiz": str(quiz.id)}
        assert quiz.published and quiz.owner_id == teacher_id and quiz.title == item["title"]
        assert len(quiz.items) == proposals.PROPOSAL_SIZE
        assert all(entry.question.status == "approved" for entry in quiz.items)
        assert (quiz.max_attempts, quiz.review) == (1, "immediately")  # the proposal's defaults
        assert item["lineItem"]["scoreMaximum"] == quiz.max_score
        quiz_id = quiz.id

    learner = make_lms_browser()
    attempt_id = attempt_id_of(learner.launch(roles=[LEARNER], sub="learner-8", deep_link=False,
                                              resource_link_id="activity-2", custom=item["custom"],
                                              ags_lineitem=item["created_lineitem"]))
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.quiz_id == quiz_id and attempt.submitted_at is None


def test_a_document_of_another_teacher_cannot_be_picked(app, make_lms_browser, platform, make_teacher):
    make_teacher()
    with app.app_context():
        other = db.session.merge(make_teacher("someone@example.org"))
        theirs = documents.create_document(other, SEED_FILE.read_text(encoding="utf-8")).id
        db.session.commit()
    browser = make_lms_browser()
    picker = link_instructor(browser.client, browser.launch(roles=[INSTRUCTOR], sub="t-2", deep_link=True,
                                                            resource_link_id=None, custom=None)).headers["Location"]
    assert f'value="{theirs}"' not in browser.client.get(picker).get_data(as_text=True)
    refused = browser.client.post(picker, data={"document": str(theirs),
                                                "csrf_token": csrf_token(browser.client, picker)})
    assert refused.status_code == 400
    assert platform.content_items == []
    with app.app_context():
        assert db.session.scalar(db.select(Quiz).where(Quiz.document_id == theirs)) is None
