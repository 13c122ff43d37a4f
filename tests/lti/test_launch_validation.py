"""Launch validation against the independent platform: a good launch passes; every tampered one gets a clear 4xx page."""

from __future__ import annotations

import time

import jwt
import pytest

from quizapp.extensions import db
from quizapp.lti.models import LtiLearner

from .flows import decoded
from .platform import LEARNER, rsa_pair


@pytest.fixture
def quiz_link(make_quiz):
    """Return a learner launch plan for a published quiz (as a deep-linked activity carries it)."""
    quiz_id = make_quiz()
    return {"resource_link_id": "rl-1", "custom": {"quizapp_quiz": str(quiz_id)}, "roles": [LEARNER]}


def refused(response, status: int, words: str) -> None:
    text = response.get_data(as_text=True)
    assert response.status_code == status, text
    assert "The LMS launch was refused" in text and words in text
    assert "Traceback" not in text and "eyJ" not in text  # no trace, no token echoed


def test_a_signed_launch_is_accepted(app, lms_browser, quiz_link):
    response = lms_browser.launch(**quiz_link)
    assert response.status_code == 302 and "/attempt/" in response.headers["Location"]
    with app.app_context():
        learner = db.session.scalar(db.select(LtiLearner))
        assert learner.sub == "learner-1" and learner.participant.display_name == "Lina Learner"


def test_wrong_signature_is_refused(lms_browser, quiz_link):
    launch = lms_browser.authorise(**quiz_link)
    header, claims = decoded(launch)
    forged_key, _public = rsa_pair()  # same claims and kid, signed by someone else's key
    launch["id_token"] = jwt.encode(claims, forged_key, algorithm="RS256", headers={"kid": header["kid"]})
    refused(lms_browser.post(launch), 401, "signature does not match")


def test_a_changed_claim_breaks_the_signature(lms_browser, quiz_link):
    launch = lms_browser.authorise(**quiz_link)
    head, body, signature = launch["id_token"].split(".")
    _header, claims = decoded(launch)
    claims["sub"] = "someone-else"
    forged_body = jwt.utils.base64url_encode(jwt.api_jws.json.dumps(claims).encode()).decode()
    launch["id_token"] = ".".join([head, forged_body, signature])
    refused(lms_browser.post(launch), 401, "signature does not match")


def test_replayed_launch_is_refused(lms_browser, quiz_link):
    launch = lms_browser.authorise(**quiz_link)
    assert lms_browser.post(launch).status_code == 302
    refused(lms_browser.post(launch), 401, "already used")


def test_replayed_nonce_in_a_new_token_is_refused(lms_browser, platform, quiz_link):
    launch = lms_browser.authorise(**quiz_link)
    assert lms_browser.post(launch).status_code == 302
    _header, claims = decoded(launch)
    claims["iat"], claims["exp"] = int(time.time()), int(time.time()) + 300
    launch["id_token"] = platform.registration().platform_encode_and_sign(claims)  # validly signed, old nonce
    refused(lms_browser.post(launch), 401, "already used")


def test_expired_launch_is_refused(lms_browser, platform, quiz_link):
    launch = lms_browser.authorise(**quiz_link)
    _header, claims = decoded(launch)
    claims["iat"], claims["exp"] = int(time.time()) - 600, int(time.time()) - 300
    launch["id_token"] = platform.registration().platform_encode_and_sign(claims)
    refused(lms_browser.post(launch), 401, "expired")


def test_unknown_deployment_is_refused(lms_browser, quiz_link):
    refused(lms_browser.launch(deployment_id="deployment-unknown", **quiz_link), 403,
            "deployment that is not registered")


def test_wrong_audience_is_refused(lms_browser, platform, quiz_link):
    launch = lms_browser.authorise(**quiz_link)
    _header, claims = decoded(launch)
    claims["aud"] = claims["azp"] = "another-tool"
    launch["id_token"] = platform.registration().platform_encode_and_sign(claims)
    refused(lms_browser.post(launch), 403, "audience")


def test_unknown_issuer_is_refused(lms_browser, platform, quiz_link):
    launch = lms_browser.authorise(**quiz_link)
    _header, claims = decoded(launch)
    claims["iss"] = "https://lms.elsewhere.example"
    launch["id_token"] = platform.registration().platform_encode_and_sign(claims)
    refused(lms_browser.post(launch), 403, "not registered")


def test_state_from_another_browser_is_refused(lms_browser, make_lms_browser, quiz_link):
    launch = lms_browser.authorise(**quiz_link)
    refused(make_lms_browser().post(launch), 401, "state")


@pytest.mark.parametrize("form", [{}, {"state": "x"}, {"state": "x", "id_token": "not.a.jwt"},
                                  {"state": "x", "id_token": "a" * 5000}])
def test_malformed_launches_are_refused(client, platform, form):
    response = client.post("/lti/launch", data=form)
    assert 400 <= response.status_code < 500
    assert "Traceback" not in response.get_data(as_text=True)


def test_login_from_an_unknown_platform_is_refused(client, platform):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = client.get("/lti/login", query_string={"iss": "https://nobody.example", "login_hint": "u",
                                                      "target_link_uri": "http://localhost/lti/launch"})
    refused(response, 403, "not registered")
    refused(client.get("/lti/login"), 400, "incomplete")


def test_the_refusal_is_in_italian_for_an_italian_browser(client, platform):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "it"
    text = client.get("/lti/login").get_data(as_text=True)
    assert "Il lancio dall'LMS è stato rifiutato" in text or "Il lancio dall&#39;LMS è stato rifiutato" in text
