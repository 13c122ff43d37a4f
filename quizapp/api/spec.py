"""The flask-smorest Api of quizapp: OpenAPI 3.1, problem-details errors, bearer tokens, a docs page served locally."""

from __future__ import annotations

import http

from flask import Blueprint, render_template
from flask_smorest import Api
from flask_smorest.utils import prepare_response

from .problems import PROBLEM_TYPE, ProblemSchema

VERSION = "1"
DESCRIPTION = """quizapp's JSON API: everything a teacher does in the browser, by personal token.

Create a token on the "API tokens" page (read or write scope) and send it as
`Authorization: Bearer <token>`. Lists take `limit` and `offset` and return
`total` and `links`. Errors are RFC 9457 problem details (`application/problem+json`).
Long work (a long document, an XLSX export) answers 202 with a job: poll its `url`.
"""

SETTINGS = {
    "API_TITLE": "quizapp API",
    "API_VERSION": VERSION,
    "OPENAPI_VERSION": "3.1.0",
    "OPENAPI_URL_PREFIX": "/api/v1",
    "OPENAPI_JSON_PATH": "openapi.json",
    "API_SPEC_OPTIONS": {
        "info": {"description": DESCRIPTION},
        "components": {"securitySchemes": {"token": {
            "type": "http", "scheme": "bearer",
            "description": "A personal API token from the API tokens page (qza_...)"}}},
        "security": [{"token": []}],
    },
}


class QuizApi(Api):
    """flask-smorest's Api with errors documented as problem details and handled by the app's own handler."""

    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self):
        """Leave errors to quizapp.errors: it answers /api/ with problem details and the web with pages."""

    def _register_responses(self):
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "An error, as problem details", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_TYPE)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)


docs = Blueprint("api_docs", __name__, url_prefix="/api/v1", template_folder="templates",
                 static_folder="static", static_url_path="/static")


@docs.get("/docs")
def page():
    """Show the API's reference, rendered by Swagger UI from files served here (no CDN)."""
    return render_template("api/docs.html")
