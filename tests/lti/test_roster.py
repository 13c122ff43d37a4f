"""Names and Role Provisioning: the results page lists the course's learners, including who has not attempted."""

from __future__ import annotations

from quizapp.extensions import db
from quizapp.lti.models import LtiMember

from ..conftest import csrf_token
from .flows import attempt_id_of, link_instructor, run_jobs, submit
from .platform import INSTRUCTOR, LEARNER

MEMBERS = [
    {"user_id": "learner-1", "name": "Lina Learner", "email": "lina@example.org", "roles": [LEARNER]},
    {"user_id": "learner-2", "name": "Marco Missing", "email": "marco@example.org", "roles": [LEARNER]},
    {"user_id": "teacher-1", "name": "Tina Teacher", "roles": [INSTRUCTOR]},
]


def test_results_show_the_roster_with_who_has_not_attempted(app, make_lms_browser, platform, make_quiz):
    quiz_id = make_quiz()
    platform.members = [dict(member) for member in MEMBERS]
    plan = {"resource_link_id": "rl-1", "custom": {"quizapp_quiz": str(quiz_id)}}
    learner = make_lms_browser()
    submit(app, learner.client, attempt_id_of(learner.launch(roles=[LEARNER], sub="learner-1", **plan)))
    teacher = make_lms_browser()
    results = link_instructor(teacher.client, teacher.launch(roles=[INSTRUCTOR], sub="teacher-1", **plan))
    run_jobs(app)  # the instructor's launch queued the roster fetch
    with app.app_context():
        assert sorted(db.session.scalars(db.select(LtiMember.sub))) == ["learner-1", "learner-2", "teacher-1"]
    page = teacher.client.get(results.headers["Location"]).get_data(as_text=True)
    assert "Course roster in the LMS" in page and "Course One" in page
    assert "1 of 2 learners have attempted; 1 have not." in page
    marco = page.split("Marco Missing")[1].split("</tr>")[0]
    assert "not attempted" in marco
    assert "Tina Teacher" not in page  # instructors are not listed as learners

    # A learner who joins the course later shows once the roster is fetched again.
    platform.members.append({"user_id": "learner-3", "name": "Nora New", "roles": [LEARNER]})
    url = results.headers["Location"]
    link_id = page.split("/lti/links/")[1].split("/")[0]
    assert teacher.client.post(f"/lti/links/{link_id}/roster",
                               data={"csrf_token": csrf_token(teacher.client, url)}).status_code == 302
    run_jobs(app)
    assert "Nora New" in teacher.client.get(url).get_data(as_text=True)


def test_a_platform_without_nrps_says_so(app, make_lms_browser, platform, make_quiz):
    quiz_id = make_quiz()
    teacher = make_lms_browser()
    results = link_instructor(teacher.client, teacher.launch(roles=[INSTRUCTOR], sub="teacher-1", nrps=False,
                                                             resource_link_id="rl-1",
                                                             custom={"quizapp_quiz": str(quiz_id)}))
    page = teacher.client.get(results.headers["Location"]).get_data(as_text=True)
    assert "does not share its course roster" in page


def test_a_roster_fetch_that_fails_is_reported(app, make_lms_browser, platform, make_quiz):
    quiz_id = make_quiz()
    teacher = make_lms_browser()
    results = link_instructor(teacher.client, teacher.launch(roles=[INSTRUCTOR], sub="teacher-1",
                                                             resource_link_id="rl-1",
                                                             custom={"quizapp_quiz": str(quiz_id)}))
    platform.down = True
    run_jobs(app)
    page = teacher.client.get(results.headers["Location"]).get_data(as_text=True)
    assert "The roster could not be fetched" in page and "503" in page
