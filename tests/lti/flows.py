"""Steps the LTI end-to-end tests share: answering an attempt in a launched browser, linking an instructor."""

from __future__ import annotations

import jwt

from quizapp import jobs
from quizapp.extensions import db
from quizapp.models import Attempt

from ..conftest import csrf_token, right_answers
from ..web.teaching import login


def decoded(launch: dict) -> tuple[dict, dict]:
    """Return the id_token's header and claims without checking it (the test reads what the platform signed)."""
    token = launch["id_token"]
    return jwt.get_unverified_header(token), jwt.decode(token, options={"verify_signature": False})


def attempt_id_of(response) -> int:
    assert response.status_code == 302 and "/attempt/" in response.headers["Location"], response.get_data(as_text=True)
    return int(response.headers["Location"].rstrip("/").split("/")[2])


def submit(app, client, attempt_id: int, *, right: bool = True):
    """Answer every question (rightly, or leave them blank) and submit, as the attempt page's form does."""
    data = right_answers(app, attempt_id) if right else {}
    token = csrf_token(client, "/")
    response = client.post(f"/attempt/{attempt_id}", data={"csrf_token": token, "action": "submit", "confirm": "1",
                                                           **data})
    assert response.status_code == 302 and response.headers["Location"].endswith("/result"), response.status_code
    return response


def score_of(app, attempt_id: int) -> tuple[float, float]:
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        return attempt.score, attempt.max_score


def run_jobs(app) -> int:
    return jobs.run_pending(app)


def link_instructor(client, response, email: str = "teacher@example.org"):
    """Follow an unlinked instructor's launch: log in to quizapp once, confirm the link; return the final response."""
    link_url = response.headers["Location"]
    assert "/lti/link/" in link_url, response.get_data(as_text=True)
    page = client.get(link_url)
    assert page.status_code == 200 and "Log in to quizapp" in page.get_data(as_text=True)
    login_response = client.post(f"/auth/login?next={link_url}", data={
        "email": email, "password": "correct horse battery", "csrf_token": csrf_token(client, "/auth/login")})
    assert login_response.status_code == 302
    back = login_response.headers["Location"]
    assert "/lti/link/" in back
    confirm = client.post(back, data={"csrf_token": csrf_token(client, back)})
    assert confirm.status_code == 302
    return confirm


__all__ = ["attempt_id_of", "decoded", "link_instructor", "login", "run_jobs", "score_of", "submit"]
