"""Background jobs by API: poll a job's progress and download an export job's file."""

from __future__ import annotations

from flask import send_file
from flask_babel import gettext as _

from ..jobs.runner import expire_if_stale
from ..models import Job
from ..services import export_jobs, exports
from ..teacher.access import owned_or_404
from . import schemas, serialize
from .common import resource
from .problems import problem

bp = resource("jobs", "Work that runs in the background: long documents, XLSX exports")


@bp.get("/jobs/<int:job_id>")
@bp.response(200, schemas.JobSchema)
def job(job_id: int):
    """Read a job's state; once done, result_url says where its result is."""
    record = owned_or_404(Job, job_id)
    expire_if_stale(record)
    return serialize.job(record)


@bp.get("/jobs/<int:job_id>/download")
@bp.response(200, {"type": "string", "format": "binary"}, content_type=exports.XLSX_MIMETYPE)
def download(job_id: int):
    """Download the workbook a finished XLSX export job wrote."""
    path = export_jobs.finished_file(owned_or_404(Job, job_id))
    if path is None:
        return problem(404, _("This job has no file to download (not an export, not finished, or removed since)."))
    return send_file(path, mimetype=exports.XLSX_MIMETYPE, as_attachment=True,
                     download_name=export_jobs.filename(owned_or_404(Job, job_id)))
