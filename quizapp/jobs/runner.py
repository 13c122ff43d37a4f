"""Queue jobs with Huey and run them in an app context, keeping their state in the job table."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path

from flask import Flask, current_app
from flask_babel import force_locale, get_locale
from flask_babel import lazy_gettext as _l
from huey import RedisHuey, SqliteHuey
from sqlalchemy import update

from ..extensions import db
from ..models import Job, User, utcnow
from .registry import TASKS, JobFailed, Progress

EXTENSION = "quizapp.jobs"
# How long an idle worker thread waits before looking at the SQLite queue again.
POLL_SECONDS = 0.5
log = logging.getLogger(__name__)


class Jobs:
    """The app's queue (Huey) and its in-process worker threads."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        url = app.config.get("JOBS_REDIS_URL")
        name = app.config.get("JOBS_QUEUE_NAME") or "quizapp"
        # Results stay in the job table, where the pages read them: Huey keeps none.
        if url:
            self.huey = RedisHuey(name, url=url, results=False)
        else:
            path = app.config.get("JOBS_SQLITE_PATH") or str(Path(app.instance_path) / "jobs.sqlite3")
            self.huey = SqliteHuey(name, filename=path, results=False)
        self.run_job = self.huey.task(name="quizapp.run_job")(self._run)
        self.threads: list[threading.Thread] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()

    def _run(self, job_id: int) -> None:
        with self.app.app_context():
            execute(job_id)

    def start_workers(self) -> None:
        """Start the configured number of worker threads in this process, once."""
        if self.threads:
            return
        with self._lock:
            if self.threads:
                return
            for number in range(int(self.app.config.get("JOBS_WORKER_THREADS") or 0)):
                thread = threading.Thread(target=self._work, name=f"quizapp-jobs-{number}", daemon=True)
                thread.start()
                self.threads.append(thread)

    def stop_workers(self) -> None:
        """Ask the worker threads to stop after their current job, and wait for them."""
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=30)

    def _enqueue_due(self) -> None:
        """Move scheduled tasks whose time has come into the queue (what huey_consumer's scheduler does)."""
        for task in self.huey.read_schedule():
            self.huey.enqueue(task)

    def _work(self) -> None:
        while not self.stopping.is_set():
            try:
                self._enqueue_due()
                task = self.huey.dequeue()
            except Exception:  # the queue's store is down: wait, it may come back
                log.exception("could not read the job queue")
                self.stopping.wait(5)
                continue
            if task is None:
                self.stopping.wait(POLL_SECONDS)
                continue
            # Huey catches and logs what the task raises; execute() has already failed the job.
            self.huey.execute(task)


def init_app(app: Flask) -> None:
    """Bind the job queue to an app: Huey, the worker threads (started on the first request), the pages."""
    from .views import bp

    jobs = Jobs(app)
    app.extensions[EXTENSION] = jobs
    app.register_blueprint(bp)
    # Not at create_app: a `flask db upgrade` must not take jobs off the queue and exit under them.
    app.before_request(jobs.start_workers)


def extension(app: Flask | None = None) -> Jobs:
    """Return the app's job queue."""
    return (app or current_app).extensions[EXTENSION]


def enqueue(kind: str, owner: User | None, payload: dict) -> Job:
    """Add a job for `owner` and queue it; commits, since the worker must find the row."""
    if kind not in TASKS:
        raise KeyError(f"no job task called {kind!r}")
    job = Job(kind=kind, owner=owner, payload=payload, locale=str(get_locale() or "it"),
              message=str(_l("Waiting for its turn…")))
    db.session.add(job)
    db.session.commit()
    jobs = extension()
    try:
        jobs.run_job(job.id)
    except Exception:
        _fail(job.id, str(_l("The job could not be queued; try again in a moment.")))
        raise
    jobs.start_workers()
    return job


def run_pending(app: Flask | None = None) -> int:
    """Run every queued job in this thread, one after the other; return how many ran."""
    jobs = extension(app)
    count = 0
    while (task := jobs.huey.dequeue()) is not None:
        jobs.huey.execute(task)
        count += 1
    return count


def reporter(job_id: int) -> Progress:
    """Return the progress callback of a job: each change is written at once, in its own transaction."""
    last: list[int | None] = [None]

    def report(fraction: float, message: str | None = None) -> None:
        # 100 is kept for "done", which commits with the task's own work.
        percent = max(0, min(99, int(fraction * 100)))
        if percent == last[0] and message is None:
            return
        last[0] = percent
        values: dict = {"progress": percent, "updated_at": utcnow()}
        if message is not None:
            values["message"] = str(message)[:200]
        with db.engine.begin() as connection:
            connection.execute(update(Job).where(Job.id == job_id).values(**values))

    return report


def expire_if_stale(job: Job) -> bool:
    """Fail a running job that has not reported for JOBS_STALE_SECONDS: its worker died with it.

    Huey hands a job to one worker and forgets it, so a worker killed mid-run
    leaves the row "running" forever; the owner is told to try again instead.
    Returns whether it did; commits when it did.
    """
    limit = dt.timedelta(seconds=int(current_app.config.get("JOBS_STALE_SECONDS") or 0))
    now = utcnow()
    if job.status != "running" or not limit or job.updated_at > now - limit:
        return False
    expired = db.session.execute(update(Job).where(Job.id == job.id, Job.status == "running",
                                                   Job.updated_at <= now - limit).values(
        status="failed", finished_at=now, updated_at=now, message="",
        error=str(_l("This job stopped without finishing (the server restarted?). Try again.")))).rowcount
    db.session.commit()
    db.session.refresh(job)
    return bool(expired)


def _fail(job_id: int, error: str) -> None:
    db.session.rollback()
    now = utcnow()
    db.session.execute(update(Job).where(Job.id == job_id).values(
        status="failed", error=error, message="", finished_at=now, updated_at=now))
    db.session.commit()


def execute(job_id: int) -> None:
    """Run a queued job's task and record how it ended; a job already taken or gone is left alone."""
    now = utcnow()
    # Claiming with a conditional update makes a second delivery of the same job a no-op.
    claimed = db.session.execute(update(Job).where(Job.id == job_id, Job.status == "queued").values(
        status="running", started_at=now, updated_at=now)).rowcount
    db.session.commit()
    if not claimed:
        return
    job = db.session.get(Job, job_id)
    with force_locale(job.locale or "it"):
        try:
            function = TASKS.get(job.kind)
            if function is None:
                raise JobFailed(str(_l("This kind of job is not known to this server.")))
            result = function(job, dict(job.payload or {}), reporter(job_id))
            job.status = "done"
            job.progress = 100
            job.message = ""
            job.result = result or {}
            job.finished_at = job.updated_at = utcnow()
            db.session.commit()
        except JobFailed as failure:
            _fail(job_id, str(failure))
        except Exception:
            log.exception("job %s (%s) failed", job_id, job.kind)
            _fail(job_id, str(_l("Something went wrong while doing this; try again.")))
