"""Run slow work off the request thread: register a task, enqueue it for a user, show its progress.

The API, all a feature needs:

    from quizapp import jobs

    @jobs.task("documents.create")
    def create(job: Job, payload: dict, progress: jobs.Progress) -> dict:
        progress(0.5, _l("Finding facts…"))     # a fraction 0..1 and what it is doing
        ...                                     # work in db.session; do not commit
        return {"endpoint": "teacher.document", "values": {"document_id": 7},
                "message": "Document added."}    # where "Open" leads once done

    job = jobs.enqueue("documents.create", current_user, {"text": text})  # commits
    return redirect(url_for("jobs.show", job_id=job.id))

The task's database work and the job's "done" commit together; raising
JobFailed(message) fails the job with that message for the owner, any other
exception with a generic one. State (status, progress, message, result, error,
owner) lives in the `job` table, so the page at /jobs/<id> survives a reload
and /jobs/<id>.json feeds the progress bar.

The queue is Huey: SQLite-backed (instance/jobs.sqlite3) with a worker thread
inside the web process by default, so `make run` needs nothing more; with
QUIZAPP_JOBS_REDIS_URL set it is Redis, and `huey_consumer quizapp.jobs.worker.huey`
processes on any machine can share the work (set QUIZAPP_JOBS_WORKER_THREADS=0
to keep it out of the web processes).
"""

from __future__ import annotations

from .registry import JobFailed, Progress, task
from .runner import enqueue, init_app, run_pending

__all__ = ["JobFailed", "Progress", "enqueue", "init_app", "run_pending", "task"]
