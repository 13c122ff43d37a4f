"""Answer API errors as RFC 9457 problem details (application/problem+json)."""

from __future__ import annotations

import http
from typing import Any

import marshmallow as ma
from flask import current_app, json, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

PROBLEM_TYPE = "application/problem+json"
PREFIX = "/api/"
INVALID = _l("The request's data is not valid; see errors.")


class ProblemSchema(ma.Schema):
    """An error, as RFC 9457 describes it; `errors` holds a 400/422's field messages."""

    type = ma.fields.String(required=True, metadata={"description": "A URI naming the kind of problem"})
    title = ma.fields.String(required=True, metadata={"description": "The HTTP status's phrase"})
    status = ma.fields.Integer(required=True)
    detail = ma.fields.String(metadata={"description": "What went wrong, for a person"})
    instance = ma.fields.String()
    errors = ma.fields.Dict(metadata={"description": "Messages by input location and field"})


def is_api_request() -> bool:
    """Tell whether the current request is for the JSON API."""
    return request.path.startswith(PREFIX)


def problem(status: int, detail: str | None = None, *, errors: Any = None, headers: dict | None = None):
    """Return a problem details response with this status."""
    phrase = http.HTTPStatus(status).phrase if status in http.HTTPStatus._value2member_map_ else "Error"
    body: dict[str, Any] = {"type": "about:blank", "title": phrase, "status": status, "instance": request.path}
    if detail:
        body["detail"] = str(detail)
    if errors:
        body["errors"] = _with_text_keys(errors)
    response = current_app.response_class(json.dumps(body), status=status, mimetype=PROBLEM_TYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _with_text_keys(value: Any) -> Any:
    """Return validation messages with every key a string: a form field named "" is reported under None."""
    if isinstance(value, dict):
        return {str(key): _with_text_keys(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_with_text_keys(item) for item in value]
    return value


def from_http_exception(error: HTTPException, detail: str | None = None):
    """Return the problem response for an HTTP error raised anywhere under /api/."""
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    headers = dict(data.get("headers") or {})
    # Werkzeug's own headers (Allow on 405, Retry-After, WWW-Authenticate) go with the problem.
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            headers.setdefault(name, value)
    if errors and not detail:
        detail = str(INVALID)
    return problem(error.code or 500, data.get("message") or detail or error.description, errors=errors,
                   headers=headers)
