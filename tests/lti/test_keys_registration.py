"""The tool's key (generated once, owner-only, rotatable), its JWKS, and the administrator's registration page."""

from __future__ import annotations

import os
import stat

import requests
from jwcrypto.jwk import JWK

from quizapp.extensions import db
from quizapp.lti.models import LtiPlatform

from ..web.teaching import login, post

PLATFORM_FORM = {
    "name": "School Moodle", "issuer": "https://moodle.example.org", "client_id": "abc123",
    "deployment_ids": "1\n2\n1\n", "auth_login_url": "https://moodle.example.org/mod/lti/auth.php",
    "auth_token_url": "https://moodle.example.org/mod/lti/token.php",
    "key_set_url": "https://moodle.example.org/mod/lti/certs.php",
}


def test_key_is_generated_once_owner_only_and_published(app, client):
    first = client.get("/lti/jwks.json")
    assert first.status_code == 200
    keys = first.get_json()["keys"]
    assert len(keys) == 1 and keys[0]["kty"] == "RSA" and keys[0]["alg"] == "RS256" and keys[0]["use"] == "sig"
    assert "d" not in keys[0]  # no private part
    path = os.path.join(app.config["LTI_KEY_DIR"], "tool_key.pem")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert client.get("/lti/jwks.json").get_json() == first.get_json()  # the same key on every request
    # The published key is the public half of the file's key.
    with open(path, "rb") as handle:
        private = JWK.from_pem(handle.read())
    assert JWK.from_json(JWK(**keys[0]).export_public()).thumbprint() == private.thumbprint()


def test_jwks_is_served_over_http(tool_server):
    response = requests.get(f"{tool_server.url}/lti/jwks.json", timeout=10)
    assert response.status_code == 200 and response.json()["keys"][0]["kid"]


def test_admin_registers_a_platform_and_sees_the_tool_configuration(app, client, make_teacher):
    make_teacher("admin@example.org", admin=True)
    login(client, "admin@example.org")
    page = client.get("/lti/admin").get_data(as_text=True)
    for path in ("/lti/login", "/lti/launch", "/lti/jwks.json"):
        assert f"http://localhost{path}" in page
    response = post(client, "/lti/admin", PLATFORM_FORM)
    assert response.status_code == 302
    with app.app_context():
        platform = db.session.scalar(db.select(LtiPlatform))
        assert (platform.issuer, platform.client_id, platform.deployment_ids) == (
            "https://moodle.example.org", "abc123", ["1", "2"])
    again = post(client, "/lti/admin", PLATFORM_FORM)
    assert again.status_code == 400
    assert "already registered" in again.get_data(as_text=True)


def test_registration_refuses_bad_addresses(client, make_teacher):
    make_teacher("admin@example.org", admin=True)
    login(client, "admin@example.org")
    response = post(client, "/lti/admin", {**PLATFORM_FORM, "key_set_url": "http://moodle.example.org/certs.php",
                                           "auth_login_url": "not a url", "deployment_ids": "x" * 300})
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "Use an https:// address." in text and "At most 50 deployment IDs of 255 characters each." in text


def test_only_administrators_reach_the_lti_page(client, make_teacher):
    make_teacher()
    login(client)
    assert client.get("/lti/admin").status_code == 403
    assert post(client, "/lti/admin/rotate-key").status_code == 403


def test_rotation_keeps_the_old_public_key_published(app, client, make_teacher):
    make_teacher("admin@example.org", admin=True)
    login(client, "admin@example.org")
    old = client.get("/lti/jwks.json").get_json()["keys"][0]["kid"]
    assert post(client, "/lti/admin/rotate-key").status_code == 302
    kids = [key["kid"] for key in client.get("/lti/jwks.json").get_json()["keys"]]
    assert len(kids) == 2 and kids[1] == old and kids[0] != old
    path = os.path.join(app.config["LTI_KEY_DIR"], "tool_key.pem")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    app.config["LTI_KEY_RETIRED_DAYS"] = 0
    assert [key["kid"] for key in client.get("/lti/jwks.json").get_json()["keys"]] == [kids[0]]
