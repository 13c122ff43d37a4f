"""Fixtures of the LTI suite: the tool served over HTTP, an independent platform, and a browser between them."""

from __future__ import annotations

import pytest
import requests

from quizapp.extensions import db
from quizapp.lti import registry

from .platform import Platform, Server


@pytest.fixture
def tool_server(app):
    """Serve the app on 127.0.0.1, so the platform can fetch the tool's JWKS over HTTP."""
    server = Server(app)
    yield server
    server.stop()


@pytest.fixture
def platform(app, tool_server):
    """Return a running platform, registered with the tool as an administrator would."""
    lms = Platform(tool_server.url)
    with app.app_context():
        registry.save_platform(None, {
            "name": "Test LMS", "issuer": lms.issuer, "client_id": lms.client_id,
            "deployment_ids": [lms.deployment_id], "auth_login_url": f"{lms.url}/auth",
            "auth_token_url": f"{lms.url}/token", "key_set_url": f"{lms.url}/jwks"})
        db.session.commit()
    yield lms
    lms.stop()


class LmsBrowser:
    """A browser that a platform launches into quizapp: login initiation, the platform's auth, the launch post."""

    def __init__(self, client, platform: Platform) -> None:
        self.client, self.platform = client, platform
        self.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"

    def authorise(self, **plan) -> dict:
        """Run the OIDC login through the tool and the platform; return the platform's signed launch (id_token, state)."""
        for name, value in plan.items():
            setattr(self.platform.next_launch, name, value)
        login = self.client.get(self.platform.login_url())
        assert login.status_code == 302, login.get_data(as_text=True)
        auth = requests.get(login.headers["Location"], timeout=10)
        assert auth.status_code == 200, auth.text
        return auth.json()

    def post(self, launch: dict):
        return self.client.post("/lti/launch", data={"id_token": launch["id_token"], "state": launch["state"]})

    def launch(self, **plan):
        return self.post(self.authorise(**plan))


@pytest.fixture
def lms_browser(client, platform):
    return LmsBrowser(client, platform)


@pytest.fixture
def make_lms_browser(app, platform):
    """Return a factory of LMS browsers, each with a cookie jar of its own (another device)."""
    return lambda: LmsBrowser(app.test_client(), platform)

