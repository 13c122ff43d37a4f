"""The JSON API under /api/v1 (flask-smorest, OpenAPI 3.1) and the teacher's page of API tokens."""

from __future__ import annotations

from flask import Flask


RATE_LIMITS = {
    # Per token (or per address without one), and per address whatever the token.
    "API_RATE_LIMIT": "300 per minute;5000 per hour",
    "API_ADDRESS_RATE_LIMIT": "600 per minute",
}


def init_app(app: Flask) -> None:
    """Register the API, its OpenAPI document and docs page, and the token page on an app."""
    # Imported here, not with the package: the error pages import api.problems, and the API's
    # modules import the teacher side, which imports the error pages.
    from . import account, documents, jobs, questions, quizzes, results  # noqa: F401  (they add their routes)
    from .common import BLUEPRINTS
    from .spec import SETTINGS, QuizApi, docs
    from .tokens import bp as tokens_bp

    for key, value in {**SETTINGS, **RATE_LIMITS}.items():
        app.config.setdefault(key, value)
    api = QuizApi(app)
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    app.register_blueprint(docs)
    app.register_blueprint(tokens_bp)
    app.extensions["quizapp.api"] = api
