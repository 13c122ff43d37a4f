"""Walk every route of the URL map as anonymous, student, another teacher, the owner and the administrator.

Each rule is classified from its endpoint and arguments (teacher side behind the
login; records reached through an id belong to one teacher; /teach/admin is for
administrators; a student's attempt belongs to the browser that started it; the
JSON API under /api/v1 answers only to API tokens), so a route added later is
walked too and must fit one of these rules.
"""

from __future__ import annotations

import re

import pytest

from quizapp import create_app, jobs
from quizapp.extensions import db
from quizapp.models import Attempt, Job, Quiz, User
from quizapp.services import api_tokens

from ..conftest import csrf_token
from .teaching import ENGLISH, approve_all, login, make_document, make_quiz, post

OWNED_ARGS = {"document_id", "question_id", "quiz_id", "attempt_id", "item_id", "job_id", "grade_id", "link_id",
              "token_id"}
ADMIN_PREFIXES = ("/teach/admin", "/lti/admin")
# LTI pages reached only through a platform's signed launch: without one, a clear 4xx for everybody.
LTI_LAUNCH_ENDPOINTS = {"lti.login", "lti.launch", "lti.link_account", "lti.deep_link"}
UNKNOWN_ID = 987654


def _rules():
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x", "TESTING": True})
    walked = []
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            walked.append(pytest.param(rule.rule, rule.endpoint, method, sorted(rule.arguments),
                                       id=f"{method} {rule.rule}"))
    return walked


# The logged-in teacher's own account: any teacher, no one else.
ACCOUNT_ENDPOINTS = {"auth.logout", "auth.password"}
API_PREFIX = "/api/v1/"
# The API's description and its docs page are for anybody; every other API route needs a token.
API_PUBLIC_ENDPOINTS = {"api-docs.openapi_json", "api_docs.page", "api_docs.static"}


def area_of(endpoint: str, rule: str, arguments: list[str]) -> str:
    """Say who may use a route: public, login, teacher, owned, admin or attempt."""
    if rule.startswith(ADMIN_PREFIXES):
        return "admin"
    if rule.startswith(API_PREFIX) and endpoint not in API_PUBLIC_ENDPOINTS:
        return "api owned" if OWNED_ARGS & set(arguments) else "api"
    if endpoint in LTI_LAUNCH_ENDPOINTS:
        return "lti-launch"
    if endpoint == "lti.jwks":
        return "public"
    if endpoint.startswith(("teacher.", "jobs.", "lti.", "imports.", "api_tokens.")):
        return "owned" if OWNED_ARGS & set(arguments) else "teacher"
    if endpoint in ACCOUNT_ENDPOINTS:
        return "teacher"
    if endpoint.startswith("student.") and "attempt_id" in arguments:
        return "attempt"
    return "public"


@pytest.fixture
def world(app, make_teacher):
    """Make an owner with a document, a published quiz and a student's attempt, plus other accounts."""
    make_teacher("owner@example.org")
    make_teacher("other@example.org")
    make_teacher("root@example.org", admin=True)
    document_id = make_document(app, "owner@example.org", ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2)
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        code, item_id, question_id = quiz.join_code, quiz.items[0].id, quiz.items[0].question_id

    student = app.test_client()
    token = csrf_token(student, f"/q/{code}")
    joined = student.post(f"/q/{code}", data={"display_name": "Stu", "csrf_token": token})
    assert joined.status_code == 302, joined.get_data(as_text=True)
    with app.app_context():
        attempt_id = db.session.scalar(db.select(Attempt.id))
        owner_id = db.session.scalar(db.select(User.id).where(User.email == "owner@example.org"))
        job = Job(kind="documents.create", owner_id=owner_id, payload={})
        db.session.add(job)
        db.session.commit()
        job_id = job.id
        lti_ids = lti_records(quiz_id, attempt_id)

    clients = {"anonymous": app.test_client(), "student": student}
    for role, email in (("other", "other@example.org"), ("admin", "root@example.org"), ("owner", "owner@example.org")):
        clients[role] = app.test_client()
        assert login(clients[role], email).status_code == 302
    # A finished XLSX export of the owner's, for the routes that show and send an export job's file.
    queued = post(clients["owner"], f"/teach/quizzes/{quiz_id}/scores.xlsx")
    assert queued.status_code == 302 and jobs.run_pending(app) == 1
    tokens = {}
    with app.app_context():
        for role, email, scope in (("owner", "owner@example.org", "write"), ("owner read", "owner@example.org", "read"),
                                   ("other", "other@example.org", "write"), ("admin", "root@example.org", "write")):
            row, tokens[role] = api_tokens.create(db.session.scalar(db.select(User).where(User.email == email)),
                                                  role, scope)
            if role == "owner":
                token_id = row.id
        db.session.commit()
    values = {"document_id": document_id, "quiz_id": quiz_id, "question_id": question_id, "item_id": item_id,
              "attempt_id": attempt_id, "user_id": owner_id, "code": code, "table": "scores",
              "filename": "quizapp.css", "job_id": job_id, "token_id": token_id,
              "export_job_id": int(queued.headers["Location"].rsplit("/", 1)[1]),
              "launch_id": "lti1p3-launch-00000000-0000-0000-0000-000000000000", **lti_ids}
    clients["tokens"] = tokens
    return clients, values


def lti_records(quiz_id: int, attempt_id: int) -> dict:
    """Place the owner's quiz in an LMS course, with the student's attempt as a launched learner's and its grade."""
    from quizapp.lti.models import LtiGrade, LtiLearner, LtiPlatform, LtiResourceLink

    platform = LtiPlatform(name="LMS", issuer="https://lms.example.org", client_id="c", deployment_ids=["1"],
                           auth_login_url="https://lms.example.org/auth", auth_token_url="https://lms.example.org/token",
                           key_set_url="https://lms.example.org/jwks")
    link = LtiResourceLink(platform=platform, deployment_id="1", resource_link_id="rl", quiz_id=quiz_id,
                           memberships_url="https://lms.example.org/members")
    db.session.add_all([platform, link])
    db.session.flush()
    learner = LtiLearner(platform_id=platform.id, sub="s", quiz_id=quiz_id, resource_link=link,
                         participant_id=db.session.get(Attempt, attempt_id).participant_id)
    db.session.add(learner)
    db.session.flush()
    grade = LtiGrade(attempt_id=attempt_id, learner_id=learner.id, status="failed")
    db.session.add(grade)
    db.session.commit()
    return {"platform_id": platform.id, "link_id": link.id, "grade_id": grade.id}


# Routes whose job is an export's: they are walked with the finished export job, not the document job.
EXPORT_JOB_ENDPOINTS = {"teacher.export_ready", "teacher.export_download", "api_jobs.download"}
# Files each static folder serves, for the routes that send them.
STATIC_FILES = {"static": "quizapp.css", "api_docs.static": "docs.js"}


def build(rule: str, values: dict) -> str:
    def fill(match):
        name = match.group(1).split(":")[-1]
        return str(values[name])

    return re.sub(r"<([^>]+)>", fill, rule)


def call(client, method: str, url: str):
    if method == "GET":
        return client.get(url)
    token = csrf_token(client, "/")
    return client.open(url, method=method, data={"csrf_token": token})


def call_api(client, method: str, url: str, token: str | None):
    """Call an API route as a script would: the token in the Authorization header, a JSON body on writes."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.open(url, method=method, headers=headers, json=None if method == "GET" else {})


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize(("rule", "endpoint", "method", "arguments"), _rules())
def test_route_answers_each_role_as_it_should(app, world, rule, endpoint, method, arguments):
    clients, values = world
    if endpoint in EXPORT_JOB_ENDPOINTS:
        values = {**values, "job_id": values["export_job_id"]}
    if endpoint in STATIC_FILES:
        values = {**values, "filename": STATIC_FILES[endpoint]}
    url = build(rule, values)
    area = area_of(endpoint, rule, arguments)
    if area.startswith("api"):
        check_api_route(clients, values, rule, method, url, owned=area == "api owned")
        return
    acted = {"GET": {200}, "POST": {200, 302, 400}}[method]
    # Owner last: a POST by the owner may change or archive what the others were refused.
    got = {role: call(clients[role], method, url) for role in ("anonymous", "student", "other")}
    if area in ("teacher", "owned", "admin"):
        assert is_login_redirect(got["anonymous"]) and is_login_redirect(got["student"])
    if area == "owned":
        assert got["other"].status_code == 404
        if method == "GET":
            assert call(clients["admin"], method, url).status_code == 200  # the administrator sees all
            unknown = build(rule, {**values, **{name: UNKNOWN_ID for name in OWNED_ARGS}})
            assert call(clients["owner"], method, unknown).status_code == 404
        assert call(clients["owner"], method, url).status_code in acted
    elif area == "admin":
        assert got["other"].status_code == 403
        assert call(clients["owner"], method, url).status_code == 403
        assert call(clients["admin"], method, url).status_code in acted
    elif area == "teacher":
        assert got["other"].status_code in acted
        assert call(clients["owner"], method, url).status_code in acted
    elif area == "lti-launch":
        for role, response in got.items():
            assert 400 <= response.status_code < 500, role  # no valid launch: refused, plainly
    elif area == "attempt":
        # Only the browser that started an attempt reaches it; teachers use /teach/attempts/<id>.
        for role in ("anonymous", "other"):
            assert got[role].status_code == 404
        assert call(clients["owner"], method, url).status_code == 404
        assert got["student"].status_code not in (403, 404) and got["student"].status_code < 500
    else:
        for role, response in got.items():
            assert response.status_code < 500, role
        if method == "GET" and endpoint != "auth.login":
            # A student with an attempt in progress is sent back to it.
            assert got["anonymous"].status_code == 200 and got["student"].status_code in (200, 302)
        if endpoint == "auth.login" and method == "GET":
            assert got["anonymous"].status_code == 200 and got["other"].status_code == 302


def check_api_route(clients, values: dict, rule: str, method: str, url: str, *, owned: bool) -> None:
    """Check an API route: no token, a wrong token or a logged-in browser's cookie get 401; a read token's
    write gets 403; another teacher gets 404 for the owner's records; the owner and the administrator get through."""
    tokens = clients["tokens"]
    unauthorised = [call_api(clients["anonymous"], method, url, None),
                    call_api(clients["anonymous"], method, url, "qza_0123456789ab_wrong-secret"),
                    call_api(clients["anonymous"], method, url, tokens["owner"][:-2] + "xx"),
                    call_api(clients["owner"], method, url, None)]  # the session cookie is not a token
    for response in unauthorised:
        assert response.status_code == 401, response.get_data(as_text=True)
        assert response.mimetype == "application/problem+json"
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    if method != "GET":
        refused = call_api(clients["anonymous"], method, url, tokens["owner read"])
        assert refused.status_code == 403 and refused.mimetype == "application/problem+json"
    other = call_api(clients["anonymous"], method, url, tokens["other"])
    acted = {"GET": {200}}.get(method, {200, 201, 202, 400, 409, 415, 422})
    if owned:
        assert other.status_code == 404 and other.mimetype == "application/problem+json", other.get_data(as_text=True)
        if method == "GET":
            assert call_api(clients["anonymous"], method, url, tokens["admin"]).status_code == 200
            unknown = build(rule, {**values, **{name: UNKNOWN_ID for name in OWNED_ARGS}})
            assert call_api(clients["anonymous"], method, unknown, tokens["owner"]).status_code == 404
    else:
        assert other.status_code in acted, other.get_data(as_text=True)
    owner = call_api(clients["anonymous"], method, url, tokens["owner"])
    assert owner.status_code in acted, owner.get_data(as_text=True)
    if method == "GET" and owner.mimetype == "application/json":
        assert owner.get_json() is not None


def test_another_teacher_cannot_act_on_your_questions_from_the_bank_or_the_proposal(app, make_teacher):
    """The short path's and the bank's routes, as JSON and as forms: another teacher's questions are not found.

    Also through the other teacher's own pages: a foreign question's id ticked in their
    bulk form or their proposal is refused, and nothing of the owner's changes.
    """
    from werkzeug.datastructures import MultiDict

    from quizapp.models import Question

    from .teaching import ENGLISH

    make_teacher("owner@example.org")
    make_teacher("other@example.org")
    mine = make_document(app, "owner@example.org", ENGLISH)
    theirs = make_document(app, "other@example.org", ENGLISH + "\nThe end.")
    with app.app_context():
        question_id = db.session.scalar(db.select(Question.id).where(Question.document_id == mine))

    def states():
        with app.app_context():
            db.session.remove()
            return [(q.status, q.prompt) for q in db.session.scalars(
                db.select(Question).where(Question.document_id == mine).order_by(Question.id))]

    before = states()
    other = app.test_client()
    assert login(other, "other@example.org").status_code == 302
    token = csrf_token(other, "/teach/")
    for headers in ({}, {"Accept": "application/json"}):
        assert other.get(f"/teach/questions/{question_id}?inline=1", headers=headers).status_code == 404
        assert other.get(f"/teach/documents/{mine}/proposal", headers=headers).status_code == 404
        for url, data in ((f"/teach/questions/{question_id}/status", {"status": "rejected"}),
                          (f"/teach/questions/{question_id}", {"kind": "single", "prompt": "Mine now?",
                                                               "options": "a\nb", "correct_options": "1",
                                                               "points": "1"}),
                          (f"/teach/documents/{mine}/questions/bulk", {"ids": str(question_id), "status": "rejected"}),
                          (f"/teach/documents/{mine}/proposal", {"questions": str(question_id), "title": "Mine"})):
            assert other.post(url, data={**data, "csrf_token": token}, headers=headers).status_code == 404, url
    # Through their own document's forms.
    bulk = other.post(f"/teach/documents/{theirs}/questions/bulk", headers={"Accept": "application/json"},
                      data=MultiDict([("csrf_token", token), ("status", "rejected"), ("ids", str(question_id))]))
    assert bulk.status_code == 409
    proposal = other.post(f"/teach/documents/{theirs}/proposal",
                          data=MultiDict([("csrf_token", token), ("title", "Mine"), ("questions", str(question_id))]))
    assert proposal.status_code == 400
    assert states() == before
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 0
