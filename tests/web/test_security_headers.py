"""Security headers on every route of the URL map, for every role, and pages with no inline code for the CSP."""

from __future__ import annotations

import re

from quizapp import create_app
from quizapp.security import STATIC_ENDPOINTS

from .test_access import _rules, build, call, world  # noqa: F401 (world: fixture)

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def csp_directives(response) -> dict[str, str]:
    policy = response.headers.get("Content-Security-Policy", "")
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] if " " in part else ""
            for part in (piece.strip() for piece in policy.split(";")) if part}


def assert_secure(response, url: str) -> None:
    directives = csp_directives(response)
    assert directives, f"{url}: no Content-Security-Policy"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"], url
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"], url
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'", url
    assert directives["frame-ancestors"] == "'none'", url
    assert directives["object-src"] == "'none'", url
    assert response.headers["X-Content-Type-Options"] == "nosniff", url
    assert response.headers["Referrer-Policy"] == "same-origin", url
    assert response.headers["X-Frame-Options"] == "DENY", url


def test_every_route_sends_the_security_headers_to_every_role(app, world):  # noqa: F811 (world: fixture)
    clients, values = world
    walked = 0
    for param in _rules():
        rule, endpoint, method, _arguments = param.values
        url = build(rule, values)
        # The owner last: a POST by the owner may archive what the others would see.
        for role in ("anonymous", "student", "other", "admin", "owner"):
            response = call(clients[role], method, url)
            assert_secure(response, f"{role} {method} {url} ({response.status_code})")
            if endpoint not in STATIC_ENDPOINTS:
                assert response.headers["Cache-Control"] == "no-store", f"{role} {method} {url}"
            if response.mimetype == "text/html":
                body = response.get_data(as_text=True)
                assert not INLINE_SCRIPT.search(body), f"{url}: inline script"
                assert not INLINE_STYLE.search(body), f"{url}: inline style or handler"
            walked += 1
    assert walked >= 5 * 50  # every rule, not a few


def test_error_pages_and_unknown_urls_send_them_too(client):
    for response in (client.get("/no/such/page"), client.post("/teach/documents/new"), client.get("/q/NOPE")):
        assert_secure(response, response.request.path)
        assert response.headers["Cache-Control"] == "no-store"


def test_lti_platforms_may_frame_the_pages_when_configured(app_config):
    app = create_app({**app_config, "LTI_PLATFORM_ORIGINS": "https://moodle.example.org https://lms.example.org"})
    response = app.test_client().get("/auth/login")
    assert csp_directives(response)["frame-ancestors"] == "https://moodle.example.org https://lms.example.org"
    assert "X-Frame-Options" not in response.headers
