"""Expose the app's job queue to Huey's consumer: `huey_consumer quizapp.jobs.worker.huey -w 2`.

For deployments with QUIZAPP_JOBS_REDIS_URL set, where worker processes on any
machine share the queue; `make run` needs none (its web process has a worker thread).
"""

from __future__ import annotations

from .. import create_app
from .runner import extension

app = create_app()
huey = extension(app).huey
