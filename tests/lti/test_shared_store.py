"""Nonces and launch data live where every process sees them: Redis when login throttling uses it, else the database."""

from __future__ import annotations

import redis

from quizapp import create_app
from quizapp.extensions import db
from quizapp.lti.cache import SharedStore
from quizapp.lti.models import LtiCacheEntry

from .conftest import LmsBrowser
from .flows import decoded
from .platform import LEARNER

REDIS_URL = "redis://127.0.0.1:6379/0"


def plan(quiz_id: int) -> dict:
    return {"resource_link_id": "rl-1", "custom": {"quizapp_quiz": str(quiz_id)}, "roles": [LEARNER]}


def test_a_nonce_is_taken_once_from_the_database(app):
    with app.app_context():
        store = SharedStore()
        store.set("nonce-a", True, 60)
        assert store.get("nonce-a") is True
        assert store.take("nonce-a") is True
        assert store.take("nonce-a") is False and store.get("nonce-a") is None
        store.set("old", True, -1)  # already expired: as good as absent
        assert store.get("old") is None and store.take("old") is False


def test_login_in_one_process_and_launch_in_another(app, app_config, platform, make_quiz):
    """Two app instances over one database stand for two worker processes behind a load balancer."""
    quiz_id = make_quiz()
    browser = LmsBrowser(app.test_client(), platform)
    launch = browser.authorise(**plan(quiz_id))  # the login ran in the first app
    other = create_app(app_config)
    second = other.test_client()
    for cookie in browser.client._cookies.values():  # the same browser, reaching the other process
        second.set_cookie(cookie.key, cookie.value, domain=cookie.domain)
    response = second.post("/lti/launch", data=launch)
    assert response.status_code == 302 and "/attempt/" in response.headers["Location"]
    assert browser.post(launch).status_code == 401  # and the first process refuses the replay


def test_with_redis_the_nonce_lives_in_redis(app_config, platform, make_quiz):
    quiz_id = make_quiz()
    # An app configured as a deployment with Redis for login throttling (pytest-flask builds `app` too early to change).
    with_redis = create_app({**app_config, "RATELIMIT_STORAGE_URI": REDIS_URL})
    browser = LmsBrowser(with_redis.test_client(), platform)
    client = redis.Redis.from_url(REDIS_URL)
    launch = browser.authorise(**plan(quiz_id))
    _header, claims = decoded(launch)
    key = f"quizapp:lti:lti1p3-nonce-{claims['nonce']}"
    assert client.exists(key)  # stored in Redis, not in the table
    with with_redis.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(LtiCacheEntry)) == 0
    assert browser.post(launch).status_code == 302
    assert not client.exists(key)  # taken by the launch
    assert browser.post(launch).status_code == 401
