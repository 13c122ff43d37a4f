"""Render errors as pages that say what went wrong, with the right status."""

from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: _l("The request could not be understood. Go back, reload the page and try again."),
    403: _l("You are not allowed to see this page."),
    404: _l("There is nothing here. The link may be wrong or the item removed."),
    405: _l("This address does not take that kind of request."),
    409: _l("That could not be done in the current state."),
    413: _l("The upload is too large."),
    429: _l("Too many attempts. Wait a minute and try again."),
}


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json" or request.is_json


def _render(status: int, message: str):
    if _wants_json():
        return jsonify(error=message), status
    return render_template("errors/error.html", status=status, message=message), status


def too_large():
    """Return the page that says an upload or a request body is over the size limit."""
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    return _render(413, str(_l("The upload is too large: the limit is %(mb).1f MB.", mb=limit / 1_048_576)))


def register(app: Flask) -> None:
    """Install the error handlers on an app."""

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return _render(400, str(_l("This page was open too long or is out of date. "
                                   "Reload it and send the form again.")))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        if error.code == 413:
            return too_large()
        return _render(error.code, str(MESSAGES.get(error.code, error.description)))
