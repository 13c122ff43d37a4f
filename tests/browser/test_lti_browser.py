"""LTI in Chromium: an LMS (the lti1p3platform test platform) launches quizapp, a teacher deep links a quiz."""

from __future__ import annotations

import pytest

from quizapp.extensions import db
from quizapp.lti import registry

from ..conftest import PASSWORD
from ..lti.platform import INSTRUCTOR, LEARNER, Platform
from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def lms(app, live_server):
    platform = Platform(live_server)
    platform.html_forms = True
    with app.app_context():
        registry.save_platform(None, {
            "name": "Test LMS", "issuer": platform.issuer, "client_id": platform.client_id,
            "deployment_ids": [platform.deployment_id], "auth_login_url": f"{platform.url}/auth",
            "auth_token_url": f"{platform.url}/token", "key_set_url": f"{platform.url}/jwks"})
        db.session.commit()
    yield platform
    platform.stop()


def launch_url(lms: Platform, live_server: str, **plan) -> str:
    for name, value in plan.items():
        setattr(lms.next_launch, name, value)
    return lms.login_url().replace("http://localhost", live_server)


@pytest.mark.parametrize("javascript", [True, False])
def test_teacher_deep_links_a_quiz_and_a_learner_takes_it(app, make_quiz, new_page, lms, live_server, javascript):
    quiz_id = make_quiz()
    page = new_page(width=1280, javascript=True)  # the LMS's own pages need script to post the launch
    page.goto(launch_url(lms, live_server, roles=[INSTRUCTOR], sub="teacher-1", name="Tina Teacher", deep_link=True,
                         resource_link_id=None, custom=None))
    page.wait_for_url("**/lti/link/**")
    assert_accessible(page)
    screenshot(page, "lti-link-account")
    page.click("text=Log in to quizapp")
    page.fill("#email", "teacher@example.org")
    page.fill("#password", PASSWORD)
    page.click("button.primary")
    page.wait_for_url("**/lti/link/**")
    page.click("button.primary")
    page.wait_for_url("**/lti/deep-link/**")
    assert_accessible(page)
    screenshot(page, "lti-deep-link-picker")
    page.check(f"#quiz-{quiz_id}")
    if not javascript:
        page.context.route("**/static/js/lti_return.js", lambda route: route.abort())  # as without script
    page.click("button.primary")
    if not javascript:
        page.wait_for_selector("#lti-return")
        screenshot(page, "lti-deep-link-return")
        page.click("text=Continue to the LMS")
    page.wait_for_selector("text=Received 1 item(s)")
    [item] = lms.content_items
    assert item["custom"] == {"quizapp_quiz": str(quiz_id)}

    learner = new_page(width=360)
    learner.goto(launch_url(lms, live_server, roles=[LEARNER], sub="learner-1", name="Lina Learner", deep_link=False,
                            resource_link_id="activity-1", custom=item["custom"],
                            ags_lineitem=item["created_lineitem"]))
    learner.wait_for_url("**/attempt/*")
    screenshot(learner, "lti-learner-attempt-360")


def test_a_refused_launch_page_is_clear_and_accessible(new_page, lms, live_server, make_quiz):
    quiz_id = make_quiz()
    page = new_page(width=360)
    page.goto(launch_url(lms, live_server, roles=[LEARNER], deployment_id="nope", resource_link_id="rl",
                         custom={"quizapp_quiz": str(quiz_id)}))
    page.wait_for_selector("text=The LMS launch was refused")
    assert "deployment" in page.inner_text("main")
    assert_accessible(page)
    screenshot(page, "lti-refused-360")


def test_admin_page_and_results_with_lms_grades_and_roster(app, make_teacher, make_quiz, new_page, lms, live_server):
    from quizapp import jobs

    from ..lti.conftest import LmsBrowser
    from ..lti.flows import attempt_id_of, submit

    make_teacher("admin@example.org", admin=True)
    quiz_id = make_quiz()
    lms.html_forms = False  # the learners' side runs through the test client
    lms.members = [{"user_id": "learner-1", "name": "Lina Learner", "roles": [LEARNER]},
                   {"user_id": "learner-2", "name": "Marco Missing", "roles": [LEARNER]}]
    item = lms.create_lineitem({"label": "Quiz", "scoreMaximum": 10})
    plan = {"resource_link_id": "rl-1", "custom": {"quizapp_quiz": str(quiz_id)}, "ags_lineitem": item["id"]}
    learner = LmsBrowser(app.test_client(), lms)
    submit(app, learner.client, attempt_id_of(learner.launch(roles=[LEARNER], sub="learner-1", **plan)))
    lms.down = True  # the grade waits
    jobs.run_pending(app)
    lms.down = False
    with app.app_context():
        from quizapp.lti import roster
        from quizapp.lti.models import LtiResourceLink
        from quizapp.extensions import db as database

        roster.refresh(database.session.scalar(database.select(LtiResourceLink.id)))

    for width, who in ((1280, "teacher@example.org"), (360, "admin@example.org")):
        page = new_page(width=width)
        page.goto("/auth/login")
        page.fill("#email", who)
        page.fill("#password", PASSWORD)
        page.click("button.primary")
        page.goto(f"/teach/quizzes/{quiz_id}/results")
        assert "Marco Missing" in page.inner_text("main") and "waiting" in page.inner_text("main")
        assert_accessible(page)
        screenshot(page, f"lti-results-{width}")
    page.goto("/lti/admin")
    assert "/lti/jwks.json" in page.inner_text("main")
    assert_accessible(page)
    screenshot(page, "lti-admin-360")
    wide = new_page(width=1280)
    wide.goto("/auth/login")
    wide.fill("#email", "admin@example.org")
    wide.fill("#password", PASSWORD)
    wide.click("button.primary")
    wide.goto("/lti/admin")
    screenshot(wide, "lti-admin-1280")
