"""Regrade the submitted answers to a question whose key changed, and record who did it and when."""

from __future__ import annotations

from ..extensions import db
from ..kinds import kind_of
from ..lti import grades as lti_grades
from ..models import Attempt, Question, QuizQuestion, Regrade, Response, User

# Scores are stored rounded to this many decimals, as attempts.grade does.
PLACES = 4


def regrade_question(question: Question, user: User) -> int:
    """Score every submitted answer to the question again; return how many attempts changed.

    One Regrade row per quiz records who regraded the question, when, against
    which key, how many attempts changed and by how many points. The caller commits.
    """
    kind = kind_of(question)
    entries = db.session.scalars(db.select(QuizQuestion).where(QuizQuestion.question_id == question.id)).all()
    changed_total = 0
    changed_attempts: list[Attempt] = []
    for entry in entries:
        rows = db.session.execute(
            db.select(Response, Attempt)
            .join(Attempt, Response.attempt_id == Attempt.id)
            .where(Response.question_id == question.id, Attempt.quiz_id == entry.quiz_id,
                   Attempt.state == "submitted")
        ).all()
        if not rows:
            continue
        changed = 0
        delta = 0.0
        for response, attempt in rows:
            points = round(kind.fraction(question, response.answer) * entry.points, PLACES)
            old = response.points or 0.0
            if points != old:
                response.points = points
                attempt.score = round((attempt.score or 0.0) - old + points, PLACES)
                changed += 1
                delta += points - old
                changed_attempts.append(attempt)
        db.session.add(Regrade(quiz_id=entry.quiz_id, question_id=question.id, user_id=user.id,
                               attempts_changed=changed, key=kind.correct_text(question),
                               points_change=round(delta, PLACES)))
        changed_total += changed
    lti_grades.record(changed_attempts)  # the LMS gets the new grades once this commits
    return changed_total


def history(question: Question) -> list[Regrade]:
    """Return the question's regrades, newest first."""
    return list(db.session.scalars(
        db.select(Regrade).where(Regrade.question_id == question.id).order_by(Regrade.created_at.desc(), Regrade.id.desc())
    ))
