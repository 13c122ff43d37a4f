"""Teacher accounts: login, logout, sessions, cookies, throttling (memory and Redis), passwords."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from urllib.parse import quote

import pytest
import redis

from quizapp import create_app
from quizapp.extensions import db
from quizapp.services import accounts

from ..conftest import CSRF_PATTERN, PASSWORD, csrf_token
from .teaching import login, post

REDIS_URL = "redis://127.0.0.1:6379"


def session_cookie(response) -> str | None:
    for header in response.headers.getlist("Set-Cookie"):
        if header.startswith("session="):
            return header
    return None


def test_login_redirects_to_dashboard_and_wrong_password_is_refused(client, make_teacher):
    make_teacher()
    wrong = login(client, password="not the password at all")
    assert wrong.status_code == 401
    assert "Wrong e-mail or password" in wrong.get_data(as_text=True) or "errat" in wrong.get_data(as_text=True)
    assert client.get("/teach/").status_code == 302
    right = login(client)
    assert right.status_code == 302 and right.headers["Location"].endswith("/teach/")
    assert client.get("/teach/").status_code == 200


def test_the_default_administrator_address_can_sign_in(client, make_teacher):
    make_teacher("admin@quizapp.local", admin=True)
    response = login(client, email="admin@quizapp.local")
    assert response.status_code == 302 and client.get("/teach/").status_code == 200


def test_login_form_errors_sit_next_to_fields(client):
    token = csrf_token(client, "/auth/login")
    response = client.post("/auth/login", data={"email": "not-an-address", "password": "", "csrf_token": token})
    assert response.status_code == 400
    assert 'id="email-errors"' in response.get_data(as_text=True)
    assert 'id="password-errors"' in response.get_data(as_text=True)


@pytest.mark.parametrize("target", [
    "//evil.example/x", "/\t/evil.example/login", "/\n/evil.example", "/\\evil.example", "/ /evil.example",
    "https://evil.example/", "javascript:alert(1)", "evil.example",
])
def test_next_parameter_only_redirects_locally(client, make_teacher, target):
    make_teacher()
    token = csrf_token(client, "/auth/login")
    response = client.post(f"/auth/login?next={quote(target, safe='')}",
                           data={"email": "teacher@example.org", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Location"] == "/teach/"


def test_next_parameter_keeps_a_local_path(client, make_teacher):
    make_teacher()
    token = csrf_token(client, "/auth/login")
    response = client.post("/auth/login?next=/teach/documents/new",
                           data={"email": "teacher@example.org", "password": PASSWORD, "csrf_token": token})
    assert response.headers["Location"] == "/teach/documents/new"


def test_session_changes_at_login_and_logout_ends_it(app, client, make_teacher):
    make_teacher()
    client.get("/auth/login")
    before = client.get_cookie("session")
    login(client)
    after = client.get_cookie("session")
    assert after is not None and (before is None or before.value != after.value)

    stolen = after.value
    assert post(client, "/auth/logout").status_code == 302
    assert client.get("/teach/").status_code == 302
    # Replaying the cookie from before the logout no longer opens the teacher side.
    replay = app.test_client()
    replay.set_cookie("session", stolen)
    assert replay.get("/teach/").status_code == 302


def test_a_session_cookie_signed_by_another_process_is_checked_and_a_tampered_one_refused(app, app_config,
                                                                                        client, make_teacher):
    """A cookie this process signed is kept as verified; one from another worker is checked first, as Flask does."""
    make_teacher()
    login(client)
    assert client.get("/teach/").status_code == 200
    cookie = client.get_cookie("session").value
    other = create_app(app_config)  # another worker: the same secret key, none of this one's cookies seen
    elsewhere = other.test_client()
    elsewhere.set_cookie("session", cookie)
    assert elsewhere.get("/teach/").status_code == 200
    payload, stamp, signature = cookie.rsplit(".", 2)
    for forged in (f"{payload}x.{stamp}.{signature}", f"{payload}.{stamp}.{signature[:-2]}AA"):
        for server in (app, other):
            tampered = server.test_client()
            tampered.set_cookie("session", forged)
            assert tampered.get("/teach/").status_code == 302  # to the login page: no session


def test_cookies_are_httponly_lax_and_secure_over_https(app, client, make_teacher):
    make_teacher()
    plain = session_cookie(login(client))
    assert "HttpOnly" in plain and "SameSite=Lax" in plain and "Secure" not in plain

    secure_client = app.test_client()
    token = csrf_token(secure_client, "https://localhost/auth/login")
    response = secure_client.post("https://localhost/auth/login", data={
        "email": "teacher@example.org", "password": PASSWORD, "csrf_token": token},
        headers={"Referer": "https://localhost/auth/login"})
    cookie = session_cookie(response)
    assert response.status_code == 302 and "Secure" in cookie and "HttpOnly" in cookie


def test_disabled_account_cannot_log_in_and_its_sessions_end(app, client, make_teacher):
    make_teacher()
    login(client)
    assert client.get("/teach/").status_code == 200
    with app.app_context():
        accounts.set_active(accounts.find_by_email("teacher@example.org"), False)
        db.session.commit()
    assert client.get("/teach/").status_code == 302
    assert login(client).status_code == 401


def test_password_change_ends_other_sessions(app, client, make_teacher):
    make_teacher()
    login(client)
    with app.app_context():
        accounts.set_password(accounts.find_by_email("teacher@example.org"), "a brand new passphrase")
        db.session.commit()
    assert client.get("/teach/").status_code == 302


def _change_password(client, current: str, new: str, confirm: str | None = None):
    token = csrf_token(client, "/auth/password")
    return client.post("/auth/password", data={"current": current, "new": new, "confirm": confirm or new,
                                               "csrf_token": token})


@pytest.mark.parametrize("current, new, confirm", [
    ("not my password!", "a brand new passphrase", None),  # wrong current password
    (PASSWORD, "too short", None),
    (PASSWORD, "a brand new passphrase", "another new passphrase"),
])
def test_a_teacher_cannot_change_the_password_wrongly(app, client, make_teacher, current, new, confirm):
    make_teacher()
    login(client)
    response = _change_password(client, current, new, confirm)
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.get_data(as_text=True)
    with app.app_context():
        assert accounts.authenticate("teacher@example.org", PASSWORD) is not None


def test_a_teacher_changes_the_password_and_other_sessions_end(app, client, make_teacher):
    make_teacher()
    login(client)
    other = app.test_client()
    login(other)
    response = _change_password(client, PASSWORD, "a brand new passphrase")
    assert response.status_code == 302
    assert client.get("/teach/").status_code == 200  # this session goes on
    assert other.get("/teach/").status_code == 302  # the other one is logged out
    with app.app_context():
        assert accounts.authenticate("teacher@example.org", PASSWORD) is None
        assert accounts.authenticate("teacher@example.org", "a brand new passphrase") is not None


def test_passwords_are_long_and_hashed_with_scrypt(app, make_teacher):
    make_teacher()
    with app.app_context():
        stored = accounts.find_by_email("teacher@example.org").password_hash
        assert stored.startswith("scrypt:") and PASSWORD not in stored
        with pytest.raises(accounts.AccountError):
            accounts.create_teacher("short@example.org", "Short", "elevenchars")


def test_create_teacher_command(app, runner):
    result = runner.invoke(args=["create-teacher", "--email", "New@Example.org", "--name", "New",
                                 "--password", "twelve chars!"])
    assert result.exit_code == 0, result.output
    short = runner.invoke(args=["create-teacher", "--email", "b@example.org", "--name", "B", "--password", "short"])
    assert short.exit_code != 0 and "12" in short.output
    with app.app_context():
        assert accounts.find_by_email("new@example.org") is not None
        assert accounts.find_by_email("b@example.org") is None


def _throttled_app(app_config, storage: str, prefix: str):
    return create_app({**app_config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": storage,
                       "RATELIMIT_KEY_PREFIX": prefix, "LOGIN_RATE_LIMIT": "3 per minute"})


def _wrong_login(client):
    token = csrf_token(client, "/auth/login")
    return client.post("/auth/login", data={"email": "x@example.org", "password": "wrong password!", "csrf_token": token})


def test_login_is_throttled_in_memory(app, app_config):
    throttled = _throttled_app(app_config, "memory://", uuid.uuid4().hex)
    client = throttled.test_client()
    codes = [_wrong_login(client).status_code for _ in range(4)]
    assert codes == [401, 401, 401, 429]


def test_one_teachers_wrong_passwords_do_not_lock_out_another_at_the_same_address(app, app_config, make_teacher):
    make_teacher()
    throttled = _throttled_app(app_config, "memory://", uuid.uuid4().hex)
    client = throttled.test_client()
    assert [_wrong_login(client).status_code for _ in range(4)][-1] == 429
    assert login(client).status_code == 302


def test_an_address_trying_many_accounts_is_throttled_too(app, app_config):
    throttled = create_app({**app_config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://",
                            "RATELIMIT_KEY_PREFIX": uuid.uuid4().hex, "LOGIN_ADDRESS_RATE_LIMIT": "5 per minute"})
    client = throttled.test_client()
    codes = []
    for n in range(6):
        token = csrf_token(client, "/auth/login")
        codes.append(client.post("/auth/login", data={"email": f"x{n}@example.org", "password": "wrong password!",
                                                      "csrf_token": token}).status_code)
    assert codes == [401] * 5 + [429]


# One "worker": its own process, its own app, a few wrong logins; prints the status codes.
WORKER = """
import json, re, sys
from quizapp import create_app
client = create_app(json.loads(sys.argv[1])).test_client()
codes = []
for _ in range(int(sys.argv[2])):
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    codes.append(client.post("/auth/login", data={"email": "x@example.org", "password": "wrong password!",
                                                  "csrf_token": token}).status_code)
print(json.dumps(codes))
"""


@pytest.fixture
def redis_server():
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("no Redis at 127.0.0.1:6379")


def _worker(app_config, prefix: str, attempts: int) -> list[int]:
    config = {key: value for key, value in app_config.items() if isinstance(value, (str, int, bool))}
    config.update(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=REDIS_URL, RATELIMIT_KEY_PREFIX=prefix,
                  LOGIN_RATE_LIMIT="3 per minute")
    done = subprocess.run([sys.executable, "-c", WORKER, json.dumps(config), str(attempts)],
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_login_limit_holds_across_two_worker_processes_sharing_redis(app, app_config, redis_server):
    prefix = f"quizapp-test-{uuid.uuid4().hex}"
    try:
        assert _worker(app_config, prefix, 2) == [401, 401]
        # A second process, with counts only in Redis to go by, refuses the fourth try.
        assert _worker(app_config, prefix, 2) == [401, 429]
    finally:
        server = redis.Redis.from_url(REDIS_URL)
        keys = server.keys(f"*{prefix}*")
        if keys:
            server.delete(*keys)


@pytest.mark.parametrize("proxies, secure", [(0, False), (1, True)])
def test_forwarded_https_counts_only_behind_a_configured_proxy(app_config, make_teacher, proxies, secure):
    """X-Forwarded-Proto is trusted only when QUIZAPP_PROXY_COUNT says a proxy is there."""
    app_config["PROXY_COUNT"] = proxies
    app = create_app(app_config)
    make_teacher()
    client = app.test_client()
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get("/auth/login", headers=forwarded)
    token = CSRF_PATTERN.search(page.get_data(as_text=True))
    response = client.post("/auth/login", headers={**forwarded, "Referer": "https://localhost/auth/login"},
                           data={"email": "teacher@example.org", "password": PASSWORD,
                                 "csrf_token": token.group(1) or token.group(2)})
    assert response.status_code == 302
    assert ("Secure" in session_cookie(response)) is secure
