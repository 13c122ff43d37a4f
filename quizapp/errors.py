"""Render errors as pages that say what went wrong, with the right status."""

from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InternalError, OperationalError
from werkzeug.exceptions import HTTPException

from .extensions import db

MESSAGES = {
    400: _l("The request could not be understood. Go back, reload the page and try again."),
    403: _l("You are not allowed to see this page."),
    404: _l("There is nothing here. The link may be wrong or the item removed."),
    405: _l("This address does not take that kind of request."),
    409: _l("That could not be done in the current state."),
    413: _l("The upload is too large."),
    429: _l("Too many attempts. Wait a minute and try again."),
}
# A page's heading says what happened in words; the status code stays below it, small, for whoever reports it.
HEADINGS = {
    400: _l("The request could not be read"),
    403: _l("Not allowed"),
    404: _l("Page not found"),
    405: _l("Not allowed here"),
    409: _l("Not possible right now"),
    413: _l("Too large"),
    429: _l("Too many attempts"),
    503: _l("Not saved"),
}


def page(status: int, message: str, heading: str | None = None):
    """Return the error page for a status, with a heading in words (the status's own when none is given)."""
    title = heading or str(HEADINGS.get(status, _l("Something went wrong")))
    return render_template("errors/error.html", status=status, heading=title, message=message), status


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json" or request.is_json


def _render(status: int, message: str):
    if _wants_json():
        return jsonify(error=message), status
    return page(status, message)


def too_large():
    """Return the page that says an upload or a request body is over the size limit."""
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    return _render(413, str(_l("The upload is too large: the limit is %(mb).1f MB.", mb=limit / 1_048_576)))


def database_unavailable(error: Exception):
    """Answer a write the database refused (disk full, read-only file or server) with "not saved, try again".

    The pool is emptied, so the next request opens fresh connections: a
    connection opened while the file was read-only stays read-only, and a pool
    that kept it would refuse every write after the fault was mended.
    """
    current_app.logger.error("database unavailable: %s", error)
    try:
        db.session.rollback()
    finally:
        db.session.remove()
        db.engine.dispose()
    message = str(_l("Not saved: the server cannot store anything right now. Try again in a moment; "
                     "what you saved before is kept."))
    if _wants_json():
        # retry tells the attempt page's script to try the same save again shortly.
        return jsonify(error=message, retry=True), 503
    return page(503, message)


def register(app: Flask) -> None:
    """Install the error handlers on an app."""

    app.register_error_handler(OperationalError, database_unavailable)
    # PostgreSQL reports a read-only transaction as an internal error (SQLSTATE 25006).
    app.register_error_handler(InternalError, database_unavailable)

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
