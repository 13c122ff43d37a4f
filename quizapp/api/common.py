"""Helpers the API's resources share: the smorest blueprints' setup, pages of results, conflicts."""

from __future__ import annotations

from flask import current_app, jsonify, request, url_for
from flask_smorest import Blueprint
from sqlalchemy import func

from ..extensions import csrf, db, limiter
from ..models import Job
from . import schemas, serialize
from .auth import authenticate, rate_key
from .problems import INVALID, problem

BLUEPRINTS: list[Blueprint] = []


def resource(name: str, description: str) -> Blueprint:
    """Return a blueprint of API routes under /api/v1: token-authenticated, CSRF-exempt, rate-limited."""
    blueprint = Blueprint(f"api_{name}", __name__, url_prefix="/api/v1", description=description)
    blueprint.before_request(authenticate)
    # Tokens are not cookies: a forged cross-site request carries none, so CSRF tokens have nothing to protect.
    csrf.exempt(blueprint)
    # In the limiter's storage (Redis or memory), shared with the login throttle: per token, and per address.
    limiter.limit(lambda: current_app.config["API_RATE_LIMIT"], key_func=rate_key)(blueprint)
    limiter.limit(lambda: current_app.config["API_ADDRESS_RATE_LIMIT"])(blueprint)
    BLUEPRINTS.append(blueprint)
    return blueprint


def page(query, args: dict, endpoint: str, **values) -> dict:
    """Return one page of a select's rows with the total and the links to the pages around it."""
    total = db.session.scalar(db.select(func.count()).select_from(query.order_by(None).subquery())) or 0
    items = list(db.session.scalars(query.limit(args["limit"]).offset(args["offset"])))
    return paged(items, total, args, endpoint, **values)


def paged(items: list, total: int, args: dict, endpoint: str, **values) -> dict:
    """Return a page's items with the total, and links to itself, the first, previous and next pages."""
    limit, offset = args["limit"], args["offset"]
    extra = {key: value for key, value in request.args.items() if key not in ("limit", "offset")}

    def link(at: int) -> str:
        return url_for(endpoint, **values, **extra, limit=limit, offset=at)

    return {
        "items": items, "total": total, "limit": limit, "offset": offset,
        "links": {"self": link(offset), "first": link(0),
                  "prev": link(max(offset - limit, 0)) if offset > 0 else None,
                  "next": link(offset + limit) if offset + limit < total else None},
    }


def conflict(error: Exception):
    """Undo the request's changes and answer 409 with the service's reason."""
    db.session.rollback()
    return problem(409, str(error))


def invalid(errors: dict):
    """Undo the request's changes and answer 422 with messages by field."""
    db.session.rollback()
    return problem(422, str(INVALID), errors={"json": errors})


def accepted(job: Job):
    """Answer 202 with a queued job, its address in Location: what a request answers when a job does its work.

    Dumped here: smorest would dump it with the operation's main (201) schema.
    """
    response = jsonify(schemas.JobSchema().dump(serialize.job(job)))
    response.status_code = 202
    response.headers["Location"] = url_for("api_jobs.job", job_id=job.id)
    return response
