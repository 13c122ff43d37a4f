"""Authenticate API requests by personal token, never by the session cookie; check scope, media type and ownership."""

from __future__ import annotations

from flask import current_app, g, request
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address

from ..models import ApiToken, Attempt, Document, Job, Question, Quiz
from ..services import api_tokens
from ..teacher.access import owned_or_404
from .problems import problem

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Path arguments naming a teacher's records: anybody else's are simply not found, as on the web.
OWNED_ARGUMENTS = {"document_id": Document, "question_id": Question, "quiz_id": Quiz, "attempt_id": Attempt,
                   "job_id": Job}
MAX_ID = 2**31 - 1
# Endpoints that take a file upload (multipart); every other write takes JSON.
MULTIPART_ENDPOINTS: set[str] = set()
REALM = 'Bearer realm="quizapp"'


def presented_token() -> str:
    """Return the token in the Authorization header ("Bearer <token>"), or an empty string."""
    scheme, _sep, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def rate_key() -> str:
    """Return what the API's rate limit counts by: the token's public prefix, else the address."""
    token = presented_token()
    if token.startswith(api_tokens.TOKEN_START):
        return "api-token:" + token[len(api_tokens.TOKEN_START):][:2 * api_tokens.PREFIX_BYTES]
    return "api-address:" + get_remote_address()


def current_token() -> ApiToken:
    """Return the token the current API request was authenticated with."""
    return g.api_token


def authenticate():
    """Run before every API view: 401 without a valid token, 403 for a read token's write, 415, 404."""
    token = api_tokens.authenticate(presented_token())
    # Set for the request whatever the cookie says: the API acts only as the token's owner.
    current_app.login_manager._update_request_context_with_user(token.user if token else None)
    g.api_token = token
    if token is None:
        return problem(401, _("Send a valid API token: Authorization: Bearer <token>."),
                       headers={"WWW-Authenticate": REALM})
    if request.method not in SAFE_METHODS and not token.can_write:
        return problem(403, _("This token may only read; create a write token for changes."),
                       headers={"WWW-Authenticate": f'{REALM}, error="insufficient_scope", scope="write"'})
    if request.method not in SAFE_METHODS and _has_body():
        expected = "multipart/form-data" if request.endpoint in MULTIPART_ENDPOINTS else "application/json"
        if request.mimetype != expected:
            return problem(415, _("Send the body as %(type)s.", type=expected))
    for name, model in OWNED_ARGUMENTS.items():
        ident = (request.view_args or {}).get(name)
        if ident is not None:
            if ident > MAX_ID:
                return problem(404, _("There is nothing here. The link may be wrong or the item removed."))
            owned_or_404(model, ident)
    return None


def _has_body() -> bool:
    return bool(request.content_length) or "chunked" in request.headers.get("Transfer-Encoding", "").lower()
