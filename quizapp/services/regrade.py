"""Regrade the submitted answers to a question whose key changed, and record who did it and when."""

from __future__ import annotations

from ..extensions import db
from ..kinds import kind_of
from ..lti import grades as lti_grades
from ..models import Attempt, Question, QuizQuestion, Regrade, Response, User
from . import aggregates

# Scores are stored rounded to this many decimals, as attempts.grade does.
PLACES = 4


def regrade_question(question: Question, user: User) -> int:
    """Score every submitted answer to the question again; return how many attempts changed.

    One Regrade row per quiz records who regraded the question, when, against
    which key, how many attempts changed and by how many points. Each quiz's
    item-analysis sums are taken and brought up to date first (so another
    regrade or a reader of the sums meanwhile waits), then the changed attempts
    are taken out of them as they were and added back as they are now; an
    attempt submitted meanwhile, not in the sums yet, is regraded and added
    as it is by the next reader. The caller commits.
    """
    kind = kind_of(question)
    entries = db.session.scalars(db.select(QuizQuestion).where(QuizQuestion.question_id == question.id)).all()
    changed_total = 0
    changed_attempts: list[Attempt] = []
    for entry in entries:
        aggregates.catch_up(entry.quiz_id)
        rows = db.session.execute(
            # tallied as a column: read from the row, whatever an Attempt loaded earlier says.
            db.select(Response, Attempt, Attempt.tallied)
            .join(Attempt, Response.attempt_id == Attempt.id)
            .where(Response.question_id == question.id, Attempt.quiz_id == entry.quiz_id,
                   Attempt.state == "submitted")
        ).all()
        if not rows:
            continue
        changes = []
        for response, attempt, tallied in rows:
            points = round(kind.fraction(question, response.answer) * entry.points, PLACES)
            if points != (response.points or 0.0):
                changes.append((response, attempt, points, tallied))
        change = aggregates.Sums()
        delta = 0.0
        for start in range(0, len(changes), aggregates.CHUNK):
            chunk = changes[start:start + aggregates.CHUNK]
            # These attempts as they are stored, read before they change (a query per chunk keeps memory flat).
            before = aggregates.read_attempts([attempt.id for _response, attempt, _points, tallied in chunk
                                               if tallied])
            for response, attempt, points, _tallied in chunk:
                old = response.points or 0.0
                response.points = points
                attempt.score = round((attempt.score or 0.0) - old + points, PLACES)
                delta += points - old
                changed_attempts.append(attempt)
            now = {attempt.id: (attempt.score, points) for _response, attempt, points, tallied in chunk if tallied}
            change.add(aggregates.regrade_change(before, question.id, now))
        if changes:
            aggregates.apply(entry.quiz_id, change)
        db.session.add(Regrade(quiz_id=entry.quiz_id, question_id=question.id, user_id=user.id,
                               attempts_changed=len(changes), key=kind.correct_text(question),
                               points_change=round(delta, PLACES)))
        changed_total += len(changes)
    lti_grades.record(changed_attempts)  # the LMS gets the new grades once this commits
    return changed_total


def history(question: Question) -> list[Regrade]:
    """Return the question's regrades, newest first."""
    return list(db.session.scalars(
        db.select(Regrade).where(Regrade.question_id == question.id).order_by(Regrade.created_at.desc(), Regrade.id.desc())
    ))
