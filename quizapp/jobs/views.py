"""Show a job's progress: a page that survives reload, and JSON for its progress bar."""

from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, render_template, url_for
from flask_login import login_required
from werkzeug.routing import BuildError

from ..models import Job
from ..teacher.access import owned_or_404
from .runner import expire_if_stale

bp = Blueprint("jobs", __name__, url_prefix="/jobs")


@bp.before_request
@login_required
def require_login():
    """Keep job pages behind the login: they show teacher data."""


def state(job: Job) -> dict:
    """Return what the page and its script show of a job."""
    result = job.result or {}
    url = None
    if job.status == "done" and result.get("endpoint"):
        try:
            url = url_for(result["endpoint"], **(result.get("values") or {}))
        except BuildError:
            url = None
    return {"id": job.id, "status": job.status, "progress": job.progress, "message": job.message,
            "error": job.error, "result_message": result.get("message", ""), "url": url}


@bp.route("/<int:job_id>")
def show(job_id: int):
    job = owned_or_404(Job, job_id)
    expire_if_stale(job)
    current = state(job)
    if current["url"]:
        # Done: lead to the result, as a form that did the work at once would have.
        if current["result_message"]:
            flash(current["result_message"], "info")
        return redirect(current["url"])
    return render_template("jobs/job.html", job=job, state=current)


@bp.route("/<int:job_id>.json")
def status(job_id: int):
    job = owned_or_404(Job, job_id)
    expire_if_stale(job)
    return jsonify(state(job))
