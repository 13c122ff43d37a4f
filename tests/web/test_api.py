"""The JSON API: tokens from the teacher's page, documents to exports by token, problem details, limits, OpenAPI."""

from __future__ import annotations

import io
import re
import uuid

import pytest
import redis

from quizapp import create_app, jobs
from quizapp.extensions import db
from quizapp.models import ApiToken, Document, Question, Quiz
from quizapp.services import api_tokens

from .teaching import (  # noqa: F401 (teacher: fixture)
    ENGLISH,
    approve_all,
    login,
    make_quiz,
    post,
    submit_attempt,
    teacher,
)
from .test_jobs import LONG_ENGLISH

TOKEN_PATTERN = re.compile(r'value="(qza_[0-9a-f]{12}_[A-Za-z0-9_-]+)"')
PROBLEM = "application/problem+json"
REDIS_URL = "redis://127.0.0.1:6379"


def new_token(client, scope: str = "write", name: str = "script") -> str:
    """Create a token on the teacher's page, as a teacher does, and return it as the page shows it once."""
    response = post(client, "/teach/api-tokens/", {"name": name, "scope": scope})
    assert response.status_code == 201, response.get_data(as_text=True)
    match = TOKEN_PATTERN.search(response.get_data(as_text=True))
    assert match
    return match.group(1)


class Api:
    """A script calling the API with a token: JSON in, JSON out."""

    def __init__(self, app, token: str):
        self.client = app.test_client()
        self.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
        self.headers = {"Authorization": f"Bearer {token}"}

    def __getattr__(self, method: str):
        def call(url: str, **kwargs):
            return self.client.open(f"/api/v1{url}", method=method.upper(), headers=self.headers, **kwargs)

        return call


@pytest.fixture
def api(app, teacher):
    return Api(app, new_token(teacher))


def problem(response, status: int) -> dict:
    """Assert a response is an RFC 9457 problem with this status and return its body."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body = response.get_json(force=True)
    assert body["status"] == status and body["title"] and body["type"] == "about:blank"
    return body


# --- tokens ---------------------------------------------------------------------------------------

def test_a_token_is_shown_once_and_stored_only_as_prefix_and_hash(app, teacher):
    token = new_token(teacher, "read", "nightly export")
    assert token not in teacher.get("/teach/api-tokens/").get_data(as_text=True)  # never again
    with app.app_context():
        row = db.session.scalar(db.select(ApiToken))
        assert (row.name, row.scope, row.last_used_at) == ("nightly export", "read", None)
        secret = token.split("_", 2)[2]
        assert token.startswith(f"qza_{row.prefix}_") and secret not in row.secret_hash
        import hashlib

        assert row.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert Api(app, token).get("/me").get_json()["scope"] == "read"
    with app.app_context():
        assert db.session.scalar(db.select(ApiToken.last_used_at)) is not None
    assert "<td>nightly export</td>" in teacher.get("/teach/api-tokens/").get_data(as_text=True)


def test_a_revoked_token_stops_working_at_once(app, teacher):
    token = new_token(teacher)
    assert Api(app, token).get("/me").status_code == 200
    with app.app_context():
        token_id = db.session.scalar(db.select(ApiToken.id))
    assert post(teacher, f"/teach/api-tokens/{token_id}/revoke").status_code == 302
    problem(Api(app, token).get("/me"), 401)
    assert "<td>script</td>" not in teacher.get("/teach/api-tokens/").get_data(as_text=True)


def test_a_token_is_its_teachers_own(app, teacher, make_teacher):
    new_token(teacher)
    with app.app_context():
        token_id = db.session.scalar(db.select(ApiToken.id))
    make_teacher("other@example.org")
    other = app.test_client()
    login(other, "other@example.org")
    assert post(other, f"/teach/api-tokens/{token_id}/revoke").status_code == 404
    assert "<td>script</td>" not in other.get("/teach/api-tokens/").get_data(as_text=True)


def test_a_disabled_teachers_tokens_stop_working(app, teacher):
    token = new_token(teacher)
    with app.app_context():
        db.session.scalar(db.select(ApiToken)).user.active = False
        db.session.commit()
    problem(Api(app, token).get("/me"), 401)


def test_the_token_form_refuses_a_bad_scope_or_no_name(teacher):
    assert post(teacher, "/teach/api-tokens/", {"name": "", "scope": "write"}).status_code == 400
    assert post(teacher, "/teach/api-tokens/", {"name": "x", "scope": "admin"}).status_code == 400


def test_a_read_token_reads_but_may_not_write(app, teacher):
    reader = Api(app, new_token(teacher, "read"))
    assert reader.get("/documents").status_code == 200
    body = problem(reader.post("/documents", json={"text": ENGLISH}), 403)
    assert "read" in body["detail"]
    with app.app_context():
        assert db.session.scalar(db.select(Document)) is None


def test_the_api_neither_needs_csrf_nor_accepts_the_session_cookie(app, teacher, api):
    # The logged-in browser's cookie alone is no credential: a cross-site form could send it.
    problem(teacher.post("/api/v1/documents", json={"text": ENGLISH}), 401)
    response = api.post("/documents", json={"text": ENGLISH})
    assert response.status_code == 201 and "Set-Cookie" not in response.headers


# --- documents, generation and jobs ---------------------------------------------------------------

def test_a_document_from_text_comes_with_its_draft_questions(app, api):
    response = api.post("/documents", json={"text": ENGLISH, "title": "Solar"})
    assert response.status_code == 201
    created = response.get_json()
    assert response.headers["Location"] == f"/api/v1/documents/{created['id']}"
    assert created["title"] == "Solar" and created["language"] == "en" and created["questions"]["draft"] > 3
    read = api.get(f"/documents/{created['id']}").get_json()
    assert read["text"] == ENGLISH.strip() or read["text"] == ENGLISH
    # The same text again is the same document, not a second one.
    again = api.post("/documents", json={"text": ENGLISH})
    assert again.status_code == 200 and again.get_json()["id"] == created["id"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Document.id))) == 1


def test_a_document_from_an_uploaded_file(api):
    response = api.post("/documents/upload", data={"file": (io.BytesIO(ENGLISH.encode()), "ravenna.txt"),
                                                  "language": "en"})
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.get_json()["source_name"] == "ravenna.txt"
    bad = problem(api.post("/documents/upload", data={"file": (io.BytesIO(b"\x89PNG"), "x.png")}), 422)
    assert "file" in bad["errors"]["json"]


def test_text_the_generator_cannot_use_is_a_422_naming_the_field(api):
    body = problem(api.post("/documents", json={"text": "Too short."}), 422)
    assert "text" in body["errors"]["json"]


def test_documents_are_listed_in_pages_with_total_and_links(app, api):
    created = [api.post("/documents", json={"text": ENGLISH + f"\nNote {n}."}) for n in range(3)]
    assert [response.status_code for response in created] == [201, 201, 201]
    first = api.get("/documents?limit=2").get_json()
    assert first["total"] == 3 and len(first["items"]) == 2 and first["links"]["prev"] is None
    second = api.get(first["links"]["next"].removeprefix("/api/v1")).get_json()
    assert len(second["items"]) == 1 and second["links"]["next"] is None and second["offset"] == 2
    # Newest first, across the two pages.
    assert [d["id"] for d in first["items"] + second["items"]] == [r.get_json()["id"] for r in reversed(created)]
    problem(api.get("/documents?limit=1000"), 422)


def test_a_long_document_is_a_job_whose_result_is_the_document(app, api):
    response = api.post("/documents", json={"text": LONG_ENGLISH, "language": "en"})
    assert response.status_code == 202
    job = response.get_json()
    assert job["status"] == "queued" and response.headers["Location"] == job["url"]
    assert jobs.run_pending(app) == 1
    done = api.get(job["url"].removeprefix("/api/v1")).get_json()
    assert done["status"] == "done" and done["result_url"].startswith("/api/v1/documents/")
    document = api.get(done["result_url"].removeprefix("/api/v1")).get_json()
    assert document["questions"]["draft"] > 0


def test_generating_again_replaces_the_untouched_drafts(app, api):
    document = api.post("/documents", json={"text": ENGLISH}).get_json()
    questions = api.get(f"/documents/{document['id']}/questions?limit=100").get_json()["items"]
    kept = questions[0]["id"]
    api.post(f"/questions/{kept}/status", json={"status": "approved"})
    response = api.post(f"/documents/{document['id']}/generate", json={"seed": 3})
    assert response.status_code == 201 and response.get_json()["items"]
    with app.app_context():
        assert db.session.get(Question, kept).status == "approved"


# --- the question bank ----------------------------------------------------------------------------

def test_questions_are_listed_by_status_approved_rejected_and_edited(app, api):
    document = api.post("/documents", json={"text": ENGLISH}).get_json()
    drafts = api.get(f"/documents/{document['id']}/questions?status=draft&limit=100").get_json()
    assert drafts["total"] == document["questions"]["draft"]
    first, second = drafts["items"][0], drafts["items"][1]
    assert api.post(f"/questions/{first['id']}/status", json={"status": "approved"}).get_json()["status"] == "approved"
    assert api.post(f"/questions/{second['id']}/status", json={"status": "rejected"}).status_code == 200
    problem(api.post(f"/questions/{second['id']}/status", json={"status": "maybe"}), 422)
    approved = api.get(f"/documents/{document['id']}/questions?status=approved").get_json()
    assert [q["id"] for q in approved["items"]] == [first["id"]]
    edited = api.put(f"/questions/{first['id']}", json={
        "kind": "single", "prompt": "Which city installed the panels?", "options": ["Ravenna", "Bologna", "Rimini"],
        "correct": [0], "points": 2})
    assert edited.status_code == 200, edited.get_data(as_text=True)
    assert edited.get_json()["regrade_suggested"] is False
    with app.app_context():
        stored = db.session.get(Question, first["id"])
        assert (stored.kind, stored.options, stored.correct, stored.points, stored.origin) == (
            "single", ["Ravenna", "Bologna", "Rimini"], [0], 2.0, "edited")
        assert stored.answer_texts == ["Ravenna"]


@pytest.mark.parametrize(("question", "field"), [
    ({"kind": "cloze", "prompt": "No blank here", "correct": ["x"]}, "prompt"),
    ({"kind": "single", "prompt": "Which?", "options": ["a"], "correct": [0]}, "options"),
    ({"kind": "single", "prompt": "Which?", "options": ["a", "a"], "correct": [0]}, "options"),
    ({"kind": "single", "prompt": "Which?", "options": ["a", "b"], "correct": [2]}, "correct"),
    ({"kind": "single", "prompt": "Which?", "options": ["a", "b"], "correct": [0, 1]}, "correct"),
    ({"kind": "numeric", "prompt": "When?", "correct": ["soon"]}, "correct"),
    ({"kind": "short", "prompt": "Who?", "correct": [" "]}, "correct"),
    ({"kind": "true_false", "prompt": "Is it?", "options": ["Yes", "No"], "correct": [0]}, "options"),
])
def test_a_question_breaking_the_edit_forms_rules_is_a_422_on_its_field(app, api, question, field):
    document = api.post("/documents", json={"text": ENGLISH}).get_json()
    body = problem(api.post(f"/documents/{document['id']}/questions", json=question), 422)
    assert field in body["errors"]["json"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Question.id)).where(Question.origin == "manual")) == 0


def test_a_question_written_by_hand_is_approved_and_true_false_gets_the_usual_options(app, api):
    document = api.post("/documents", json={"text": ENGLISH}).get_json()
    response = api.post(f"/documents/{document['id']}/questions",
                        json={"kind": "true_false", "prompt": "Ravenna installed panels.", "correct": [0]})
    assert response.status_code == 201
    written = response.get_json()
    assert (written["status"], written["origin"], written["options"]) == ("approved", "manual", ["True", "False"])
    assert api.get(f"/questions/{written['id']}").get_json()["prompt"] == "Ravenna installed panels."


# --- quizzes --------------------------------------------------------------------------------------

def test_a_quiz_is_created_set_published_and_closed(app, api):
    document = api.post("/documents", json={"text": ENGLISH}).get_json()
    problem(api.post("/quizzes", json={"document_id": document["id"]}), 409)  # nothing approved yet
    approve_all(app, document["id"])
    questions = api.get(f"/documents/{document['id']}/questions?limit=3").get_json()["items"]
    chosen = [questions[2]["id"], questions[0]["id"]]
    response = api.post("/quizzes", json={"document_id": document["id"], "title": "Panels", "question_ids": chosen})
    assert response.status_code == 201
    quiz = response.get_json()
    assert [item["question_id"] for item in quiz["items"]] == chosen and not quiz["published"]
    assert quiz["join_url"].endswith(f"/q/{quiz['join_code']}")
    settings = api.patch(f"/quizzes/{quiz['id']}", json={"time_limit_minutes": 15, "max_attempts": None,
                                                         "opens_at": "2030-01-01T09:00:00+01:00",
                                                         "grading_method": "last", "roster": " a1 \n\n b2 "})
    assert settings.status_code == 200, settings.get_data(as_text=True)
    assert settings.get_json()["opens_at"] == "2030-01-01T08:00:00+00:00"
    body = problem(api.patch(f"/quizzes/{quiz['id']}", json={"closes_at": "2029-12-31T00:00:00Z"}), 422)
    assert "closes_at" in body["errors"]["json"]
    problem(api.patch(f"/quizzes/{quiz['id']}", json={"grading_method": "best"}), 422)
    problem(api.patch(f"/quizzes/{quiz['id']}", json={"colour": "red"}), 422)
    assert api.post(f"/quizzes/{quiz['id']}/publish").get_json()["published"] is True
    with app.app_context():
        stored = db.session.get(Quiz, quiz["id"])
        assert (stored.time_limit_minutes, stored.max_attempts, stored.grading_method, stored.roster,
                stored.published) == (15, None, "last", "a1\nb2", True)
    # A question in a published quiz cannot be rejected: 409 with the bank's reason.
    assert "published" in problem(api.post(f"/questions/{chosen[0]}/status", json={"status": "rejected"}), 409)["detail"]
    assert api.post(f"/quizzes/{quiz['id']}/close").get_json()["published"] is False
    listed = api.get("/quizzes").get_json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == quiz["id"]


def test_quiz_questions_are_added_reordered_and_removed(app, api):
    document = api.post("/documents", json={"text": ENGLISH}).get_json()
    approve_all(app, document["id"])
    questions = api.get(f"/documents/{document['id']}/questions?limit=5").get_json()["items"]
    quiz = api.post("/quizzes", json={"document_id": document["id"], "question_ids": [questions[0]["id"]]}).get_json()
    added = api.post(f"/quizzes/{quiz['id']}/items", json={"question_ids": [questions[4]["id"]]})
    assert added.status_code == 200, added.get_data(as_text=True)
    items = added.get_json()["items"]
    assert len(items) == 2
    reordered = api.put(f"/quizzes/{quiz['id']}/items/order", json={"item_ids": [items[1]["id"], items[0]["id"]]})
    assert [item["question_id"] for item in reordered.get_json()["items"]] == [questions[4]["id"], questions[0]["id"]]
    problem(api.put(f"/quizzes/{quiz['id']}/items/order", json={"item_ids": [items[0]["id"]]}), 422)
    assert len(api.delete(f"/quizzes/{quiz['id']}/items/{items[0]['id']}").get_json()["items"]) == 1
    problem(api.delete(f"/quizzes/{quiz['id']}/items/{items[0]['id']}"), 404)


def test_an_archived_quiz_cannot_be_published_and_a_quiz_with_scores_is_archived_not_deleted(app, api):
    document = api.post("/documents", json={"text": ENGLISH}).get_json()
    approve_all(app, document["id"])
    quiz_id = make_quiz(app, document["id"], count=2)
    submit_attempt(app, quiz_id, "Ada", {})
    assert api.delete(f"/quizzes/{quiz_id}").get_json() == {"result": "archived"}
    problem(api.post(f"/quizzes/{quiz_id}/publish"), 409)
    other = make_quiz(app, document["id"], count=1, publish=False)
    assert api.delete(f"/quizzes/{other}").get_json() == {"result": "deleted"}
    with app.app_context():
        assert db.session.get(Quiz, other) is None and db.session.get(Quiz, quiz_id).archived


# --- attempts, scores and exports -----------------------------------------------------------------

@pytest.fixture
def scored(app, api):
    """Return the id of a quiz of three questions with two submitted attempts: all right, all wrong."""
    document = api.post("/documents", json={"text": ENGLISH}).get_json()
    approve_all(app, document["id"])
    quiz_id = make_quiz(app, document["id"], count=3)
    with app.app_context():
        from .teaching import right_answer

        quiz = db.session.get(Quiz, quiz_id)
        right = {item.position: right_answer(item.question) for item in quiz.items}
    submit_attempt(app, quiz_id, "Ada", right)
    submit_attempt(app, quiz_id, "Bruno", {})
    return quiz_id


def test_attempts_and_scores_read_as_the_results_page_has_them(api, scored):
    attempts = api.get(f"/quizzes/{scored}/attempts").get_json()
    assert attempts["total"] == 2 and [a["name"] for a in attempts["items"]] == ["Ada", "Bruno"]
    assert [a["percentage"] for a in attempts["items"]] == [100.0, 0.0]
    detail = api.get(attempts["items"][0]["url"].removeprefix("/api/v1")).get_json()
    assert len(detail["answers"]) == 3 and all(a["earned"] == a["points"] for a in detail["answers"])
    scores = api.get(f"/quizzes/{scored}/scores?limit=1").get_json()
    assert scores["total"] == 2 and scores["items"][0]["name"] == "Ada" and scores["links"]["next"]
    assert scores["items"][0]["started_at"].endswith("+00:00")


def test_exports_download_csv_gift_moodle_xml_and_qti(api, scored):
    csv = api.get(f"/quizzes/{scored}/exports/scores.csv")
    assert csv.status_code == 200 and csv.mimetype == "text/csv"
    lines = csv.get_data(as_text=True).splitlines()
    # The files a teacher opens speak the interface language (English here); the JSON keeps field names.
    assert lines[0].lstrip("\ufeff").startswith("Attempt ID,Name") and len(lines) == 3
    assert len(api.get(f"/quizzes/{scored}/exports/answers.csv").get_data(as_text=True).splitlines()) == 7
    assert "::Q1::" in api.get(f"/quizzes/{scored}/exports/questions.gift").get_data(as_text=True)
    assert b"<quiz>" in api.get(f"/quizzes/{scored}/exports/questions.xml").data
    assert api.get(f"/quizzes/{scored}/exports/questions-qti.zip").data[:2] == b"PK"
    problem(api.get(f"/quizzes/{scored}/exports/grades.csv"), 404)


def test_an_xlsx_export_is_a_job_whose_file_is_downloaded_by_token(app, api, scored):
    response = api.post(f"/quizzes/{scored}/exports/scores.xlsx")
    assert response.status_code == 202
    job_url = response.get_json()["url"].removeprefix("/api/v1")
    problem(api.get(f"{job_url}/download"), 404)  # not written yet
    assert jobs.run_pending(app) == 1
    done = api.get(job_url).get_json()
    assert done["status"] == "done" and done["result_url"].endswith("/download")
    workbook = api.get(done["result_url"].removeprefix("/api/v1"))
    assert workbook.status_code == 200 and workbook.data[:2] == b"PK"


# --- errors, limits and the OpenAPI document ------------------------------------------------------

def test_errors_are_problem_details_with_their_status(app, api):
    assert "Bearer" in problem(Api(app, "qza_000000000000_nope").get("/me"), 401)["detail"]
    problem(api.get("/documents/987654"), 404)
    problem(api.get("/documents/99999999999999999999"), 404)
    problem(api.get("/no/such/thing"), 404)
    refused = api.put("/me")
    problem(refused, 405)
    assert "GET" in refused.headers["Allow"]
    problem(api.post("/documents", data="{not json", content_type="application/json"), 400)
    problem(api.post("/documents", data="text=hello", content_type="application/x-www-form-urlencoded"), 415)
    body = problem(api.post("/documents", json={"text": "x" * 10, "colour": "red"}), 422)
    assert body["errors"]["json"]["colour"]
    problem(api.post("/documents", json={"text": "a\x00b"}), 422)


def test_a_body_over_the_upload_limit_is_a_413_problem(app_config, make_teacher):
    app_config["MAX_CONTENT_LENGTH"] = 1000
    app = create_app(app_config)
    make_teacher()
    with app.app_context():
        from quizapp.services import accounts

        _row, token = api_tokens.create(accounts.find_by_email("teacher@example.org"), "t", "write")
        db.session.commit()
    problem(Api(app, token).post("/documents", json={"text": "x" * 5000}), 413)


@pytest.fixture
def redis_server():
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")


def test_the_rate_limit_counts_in_the_login_throttles_storage_and_answers_429(app_config, make_teacher,
                                                                                redis_server):
    prefix = f"quizapp-test-{uuid.uuid4().hex}"
    app_config.update(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=REDIS_URL, RATELIMIT_KEY_PREFIX=prefix,
                      API_RATE_LIMIT="3 per hour")  # a fixed window: per minute, a run near a minute's end crossed it
    app = create_app(app_config)
    make_teacher()
    with app.app_context():
        from quizapp.services import accounts

        _row, token = api_tokens.create(accounts.find_by_email("teacher@example.org"), "t", "read")
        db.session.commit()
    try:
        assert [Api(app, token).get("/me").status_code for _ in range(3)] == [200, 200, 200]
        # A second app (another worker process) finds the count in Redis, where logins are counted too.
        refused = Api(create_app(app_config), token).get("/me")
        problem(refused, 429)
        assert int(refused.headers["Retry-After"]) > 0
        keys = redis.Redis.from_url(REDIS_URL).keys(f"*{prefix}*")
        assert any(b"api-token" in key for key in keys)
    finally:
        server = redis.Redis.from_url(REDIS_URL)
        keys = server.keys(f"*{prefix}*")
        if keys:
            server.delete(*keys)


def test_the_openapi_document_is_3_1_and_describes_every_api_route(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"] == "3.1.0" and spec["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
    documented = {(path, method.upper()) for path, item in spec["paths"].items() for method in item
                  if method != "parameters"}
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/") and rule.endpoint.startswith("api_") and rule.endpoint != "api_docs.page" \
                and not rule.endpoint.endswith(".static"):
            path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
            routes |= {(path, method) for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert routes and routes == documented
    # Errors are documented as problem details.
    assert PROBLEM in spec["components"]["responses"]["DEFAULT_ERROR"]["content"]


def test_the_docs_page_loads_only_files_of_this_site(client):
    page = client.get("/api/v1/docs")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "<script>" not in html and "http" not in html.replace('rel="stylesheet"', "")
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith("/") and client.get(url).status_code == 200, url
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]


def test_form_fields_without_a_name_are_reported_not_crashed_on(api):
    """Found by the fuzzer: a multipart field named "" reached the problem's JSON as a None key."""
    body = "\r\n".join(["--b", 'Content-Disposition: form-data; name=""', "", "null",
                        "--b", 'Content-Disposition: form-data; name="\r"', "", "null", "--b--", ""])
    response = api.post("/documents/upload", data=body.encode(), content_type="multipart/form-data; boundary=b")
    assert problem(response, 422)["errors"]
