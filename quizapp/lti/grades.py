"""Send quiz grades to the LMS (Assignment and Grade Services) through an outbox row per attempt.

record() writes or refreshes the attempt's lti_grade row in the caller's
transaction (a submit, a regrade); once that transaction commits, the row's id
is queued; send() posts the learner's grade and marks the row sent, or keeps it
pending and queues another try later (backoff), until MAX_TRIES, when it is
marked failed. A failed or stuck row is sent again from the results page or by
`flask lti send-grades`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

import requests
from flask import current_app
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiException
from pylti1p3.grade import Grade
from pylti1p3.lineitem import LineItem
from pylti1p3.service_connector import ServiceConnector
from sqlalchemy import bindparam, select, update

from ..extensions import db
from ..models import Attempt, utcnow
from ..services import stats
from .models import LtiGrade, LtiLearner, LtiResourceLink
from .toolconf import registration

log = logging.getLogger(__name__)
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
# Seconds before each new try: half a minute, then longer, up to six hours; about two days in all.
BACKOFF = (30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 6 * 3600, 6 * 3600, 6 * 3600, 6 * 3600, 6 * 3600)
MAX_TRIES = len(BACKOFF) + 1
SESSION_KEY = "lti_grades_to_send"
# Requests to the platform give up after this many seconds; the try counts as failed.
TIMEOUT_SECONDS = 20


# The learners behind some participants, the statement built once (every submit asks).
_LEARNER_IDS = (select(LtiLearner.participant_id, LtiLearner.id)
                .where(LtiLearner.participant_id.in_(bindparam("participants", expanding=True))))


def record(attempts: Iterable[Attempt], learners: dict[int, int] | None = None) -> list[LtiGrade]:
    """Write (or refresh) the outbox row of each submitted attempt that came through an LTI launch; the caller commits.

    ``learners`` maps the attempts' participant ids to their learners' ids when the
    caller read them already (none for a student who came without LTI), else they are read.
    """
    attempts = [attempt for attempt in attempts if attempt.state == "submitted"]
    if not attempts:
        return []
    if learners is None:
        # Participant id -> learner id, read as plain rows: every submit asks, and most students came without LTI.
        learners = dict(db.session.execute(_LEARNER_IDS, {"participants": list({a.participant_id for a in attempts})}
                                           ).all())
    if not learners:
        return []
    now = utcnow()
    rows = []
    existing = {row.attempt_id: row for row in db.session.scalars(
        db.select(LtiGrade).where(LtiGrade.attempt_id.in_([a.id for a in attempts])))}
    for attempt in attempts:
        learner_id = learners.get(attempt.participant_id)
        if learner_id is None:
            continue
        row = existing.get(attempt.id)
        if row is None:
            row = LtiGrade(attempt_id=attempt.id, learner_id=learner_id, version=1, tries=0)
            db.session.add(row)
        else:
            row.version += 1
            row.tries = 0
            row.last_error = ""
        row.status = "pending"
        row.next_try_at = now
        row.updated_at = now
        rows.append(row)
    db.session.flush()
    db.session.info.setdefault(SESSION_KEY, set()).update(row.id for row in rows)
    return rows


def learner_grade(attempt: Attempt) -> tuple[float, float]:
    """Return (score, maximum) of the attempt's learner by the quiz's grading method: what the LMS should hold."""
    quiz = attempt.quiz
    counted = stats.counted_attempt_ids(quiz, [attempt.participant_id])
    chosen = [a for a in attempt.participant.attempts if a.id in counted and a.state == "submitted"]
    if not chosen:
        return attempt.score or 0.0, attempt.max_score or 0.0
    maximum = chosen[-1].max_score or attempt.max_score or 0.0
    if quiz.grading_method == "average":
        # The average of the percentages, on the latest maximum: attempts of a changed quiz weigh the same.
        fractions = [(a.score or 0.0) / a.max_score if a.max_score else 0.0 for a in chosen]
        return round(sum(fractions) / len(fractions) * maximum, 4), maximum
    return chosen[0].score or 0.0, chosen[0].max_score or 0.0


def _service(link: LtiResourceLink) -> tuple[AssignmentsGradesService, LineItem | None]:
    session = requests.Session()
    session.request = _with_timeout(session.request)
    connector = ServiceConnector(registration(link.platform), session)
    data = {"scope": list(link.ags_scopes or [])}
    if link.lineitem_url:
        data["lineitem"] = link.lineitem_url
    if link.lineitems_url:
        data["lineitems"] = link.lineitems_url
    service = AssignmentsGradesService(connector, data)
    if link.lineitem_url:
        return service, None
    # No line item in the launch: find or create the quiz's own in the course's list.
    item = (LineItem().set_label(link.quiz.title[:200]).set_score_maximum(link.quiz.max_score or 1)
            .set_resource_id(f"quizapp-quiz-{link.quiz_id}").set_resource_link_id(link.resource_link_id))
    return service, item


def _with_timeout(request):
    def bounded(*args, **kwargs):
        kwargs.setdefault("timeout", TIMEOUT_SECONDS)
        return request(*args, **kwargs)

    return bounded


def post_score(link: LtiResourceLink, sub: str, score: float, maximum: float, timestamp: dt.datetime) -> None:
    """Post one learner's score to the link's line item; raise when the platform does not take it."""
    if SCORE_SCOPE not in (link.ags_scopes or []):
        raise LtiException("the platform did not grant the score scope for this link")
    service, item = _service(link)
    grade = (Grade().set_score_given(score).set_score_maximum(maximum)
             .set_timestamp(timestamp.replace(tzinfo=dt.UTC).isoformat(timespec="milliseconds"))
             .set_activity_progress("Completed").set_grading_progress("FullyGraded").set_user_id(sub))
    if item is not None and LINEITEM_SCOPE not in (link.ags_scopes or []):
        raise LtiException("the launch named no line item and the platform does not let quizapp create one")
    service.put_grade(grade, item)


def _error_text(error: Exception) -> str:
    response = error.args[0] if error.args and isinstance(error.args[0], requests.Response) else None
    if response is not None:
        return f"HTTP {response.status_code} from {response.url}: {response.text[:300]}"
    return f"{type(error).__name__}: {error}"[:500]


def send(grade_id: int, now: dt.datetime | None = None) -> str:
    """Try to deliver one outbox row; return its status afterwards ('sent', 'pending' or 'failed')."""
    row = db.session.get(LtiGrade, grade_id)
    if row is None:
        return "gone"
    if row.status == "sent":
        return "sent"
    now = now or utcnow()
    version = row.version
    learner = row.learner
    attempt = row.attempt
    try:
        score, maximum = learner_grade(attempt)
        post_score(learner.resource_link, learner.sub, score, maximum, row.updated_at)
    except (LtiException, requests.RequestException, ValueError, KeyError) as error:
        tries = row.tries + 1
        failed = tries >= MAX_TRIES
        db.session.execute(update(LtiGrade).where(LtiGrade.id == row.id, LtiGrade.version == version).values(
            tries=tries, last_error=_error_text(error), status="failed" if failed else "pending",
            next_try_at=None if failed else now + dt.timedelta(seconds=BACKOFF[min(tries - 1, len(BACKOFF) - 1)])))
        db.session.commit()
        log.warning("LTI grade %s not delivered (try %s): %s", row.id, tries, _error_text(error))
        db.session.refresh(row)
        return row.status
    db.session.execute(update(LtiGrade).where(LtiGrade.id == row.id, LtiGrade.version == version).values(
        status="sent", sent_at=now, last_error="", next_try_at=None, score_given=score, score_maximum=maximum,
        tries=row.tries + 1))
    db.session.commit()
    db.session.refresh(row)
    return row.status


def due(now: dt.datetime, limit: int = 500) -> list[int]:
    """Return the ids of pending rows whose next try has come (a lost queue message leaves them so)."""
    return list(db.session.scalars(db.select(LtiGrade.id).where(
        LtiGrade.status == "pending", LtiGrade.next_try_at <= now).order_by(LtiGrade.next_try_at).limit(limit)))


def resend(row: LtiGrade, now: dt.datetime) -> None:
    """Put a failed or pending row back in the queue from its first try; the caller commits."""
    row.status = "pending"
    row.tries = 0
    row.next_try_at = now
    row.version += 1
    db.session.info.setdefault(SESSION_KEY, set()).add(row.id)


def statuses(attempt_ids: Iterable[int]) -> dict[int, LtiGrade]:
    """Return the outbox rows of these attempts, by attempt id (attempts from no LTI launch have none)."""
    ids = list(attempt_ids)
    if not ids:
        return {}
    return {row.attempt_id: row for row in db.session.scalars(db.select(LtiGrade).where(LtiGrade.attempt_id.in_(ids)))}


def backoff_seconds(tries: int) -> int:
    """Return how long to wait before the try after `tries` failed ones."""
    return BACKOFF[min(max(tries, 1) - 1, len(BACKOFF) - 1)]


def config_delay() -> float:
    """Return the factor applied to the backoff (tests shrink it; 1 in production)."""
    return float(current_app.config.get("LTI_BACKOFF_FACTOR", 1.0))
