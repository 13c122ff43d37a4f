"""Run the LTI services' work off the request: grade posts (with backoff) and roster fetches, on the app's Huey."""

from __future__ import annotations

import logging

from flask import Flask, current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from ..extensions import db
from ..jobs.runner import extension

log = logging.getLogger(__name__)
EXTENSION = "quizapp.lti.tasks"


def init_app(app: Flask) -> None:
    """Register the LTI tasks on the app's queue, and queue outbox rows once their transaction commits."""
    huey = extension(app).huey

    def run_grade(grade_id: int) -> None:
        with app.app_context():
            from . import grades

            status = grades.send(grade_id)
            if status == "pending":
                row = db.session.get(grades.LtiGrade, grade_id)
                delay = grades.backoff_seconds(row.tries) * grades.config_delay()
                app.extensions[EXTENSION]["grade"].schedule(args=(grade_id,), delay=delay)

    def run_roster(link_id: int) -> None:
        with app.app_context():
            from . import roster

            roster.refresh(link_id)

    app.extensions[EXTENSION] = {
        "grade": huey.task(name="quizapp.lti.send_grade")(run_grade),
        "roster": huey.task(name="quizapp.lti.fetch_roster")(run_roster),
    }


def queue(kind: str, ident: int) -> None:
    """Queue an LTI task now; a queue that is down is logged, and the outbox or a button tries again later."""
    try:
        current_app.extensions[EXTENSION][kind](ident)
        extension().start_workers()
    except Exception:
        log.exception("could not queue LTI %s %s", kind, ident)


@event.listens_for(Session, "after_commit")
def _queue_committed_grades(session: Session) -> None:
    """Queue the grades a committed transaction recorded: the worker must find their rows."""
    ids = session.info.pop("lti_grades_to_send", None)
    if ids:
        for grade_id in sorted(ids):
            queue("grade", grade_id)


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back_grades(session: Session) -> None:
    session.info.pop("lti_grades_to_send", None)
