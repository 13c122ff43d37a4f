"""Write XLSX exports in a background job: the request only queues it, the job page shows progress.

An XLSX file cannot be sent before it is finished (a zip whose directory
comes last), and a school's every-answer workbook takes minutes to write, so
no request waits for it. The job writes the file into the exports folder;
the teacher downloads it from a page that links to it once it is ready.
Files older than KEEP_FOR are removed when a new export is written.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from flask import current_app
from flask_babel import lazy_gettext as _l

from .. import jobs, labels
from ..extensions import db
from ..models import Job, Quiz, User
from . import exports

XLSX_TASK = "exports.xlsx"
# Progress is written every this many rows: often enough for the bar, rarely enough to cost nothing.
PROGRESS_ROWS = 5000
# The rows take most of the time; the last part is openpyxl zipping the sheet.
ROWS_SHARE = 0.9
KEEP_FOR = dt.timedelta(days=1)


def export_folder() -> Path:
    """Return the folder finished exports are kept in (EXPORTS_DIR, else instance/exports)."""
    folder = Path(current_app.config.get("EXPORTS_DIR") or Path(current_app.instance_path) / "exports")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def start_xlsx(quiz: Quiz, table: str, user: User) -> Job:
    """Queue the XLSX export of one of a quiz's tables for a teacher, and return its job; commits."""
    if table not in exports.TABLES:
        raise KeyError(table)
    return jobs.enqueue(XLSX_TASK, user, {"quiz_id": quiz.id, "table": table})


def filename(job: Job) -> str:
    """Return the name the teacher's download is saved under."""
    payload = job.payload or {}
    table = payload.get("table")
    if table not in exports.TABLES:
        return f"quiz-{payload.get('quiz_id')}.xlsx"
    return exports.filename(payload.get("quiz_id"), table, "xlsx")


def finished_file(job: Job) -> Path | None:
    """Return the file an XLSX export job wrote, or None when it is not done or was removed since."""
    if job.kind != XLSX_TASK or job.status != "done":
        return None
    name = (job.result or {}).get("file") or ""
    # Only a bare name the job chose is looked up, never a path.
    if not name or Path(name).name != name:
        return None
    path = export_folder() / name
    return path if path.is_file() else None


def _remove_old_files(folder: Path, now: float) -> None:
    for path in folder.glob("*.xlsx"):
        try:
            if now - path.stat().st_mtime > KEEP_FOR.total_seconds():
                path.unlink()
        except FileNotFoundError:  # another worker removed it first
            pass


def _reporting(rows: Iterable[tuple[Any, ...]], total: int, progress: jobs.Progress) -> Iterator[tuple[Any, ...]]:
    """Pass rows through, telling the job's page how many of the total are written."""
    message = str(_l("Writing the rows…"))
    for count, row in enumerate(rows, start=1):
        if count % PROGRESS_ROWS == 0:
            progress(ROWS_SHARE * count / max(total, 1), message)
        yield row
    progress(ROWS_SHARE, str(_l("Packing the workbook…")))


@jobs.task(XLSX_TASK)
def build_xlsx(job: Job, payload: dict, progress: jobs.Progress) -> dict:
    """Write a quiz's scores or answers as an XLSX file in the exports folder, reporting progress."""
    quiz = db.session.get(Quiz, payload.get("quiz_id"))
    table = payload.get("table")
    if quiz is None or table not in exports.TABLES:
        raise jobs.JobFailed(str(_l("This quiz no longer exists.")))
    folder = export_folder()
    _remove_old_files(folder, time.time())
    progress(0.0, str(_l("Reading the attempts…")))
    total = exports.row_count(quiz, table)
    headers, rows = exports.TABLES[table](quiz)
    name = f"{job.id}-{secrets.token_hex(8)}.xlsx"
    partial = folder / f"{name}.part"
    try:
        with partial.open("wb") as handle:
            exports.save_xlsx(headers, _reporting(rows, total, progress), handle, str(labels.EXPORT_SHEETS[table]))
        # Renamed only once complete: a download never finds half a file.
        os.replace(partial, folder / name)
    finally:
        partial.unlink(missing_ok=True)
    return {"endpoint": "teacher.export_ready", "values": {"job_id": job.id}, "file": name,
            "message": str(_l("The export is ready to download."))}
