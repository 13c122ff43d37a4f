"""Show teachers their quizzes and results, and send exports."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, stream_with_context
from flask_login import login_required

from ..extensions import db
from ..models import Attempt, Participant, Quiz
from ..services import exports
from .access import owned_or_404, visible_to_current

bp = Blueprint("teacher", __name__, url_prefix="/teach")


@bp.before_request
@login_required
def require_login():
    """Keep the whole teacher side behind the login."""


@bp.route("/")
def dashboard():
    quizzes = db.session.scalars(visible_to_current(Quiz).order_by(Quiz.created_at.desc())).all()
    return render_template("teacher/dashboard.html", quizzes=quizzes)


@bp.route("/quizzes/<int:quiz_id>/results")
def results(quiz_id: int):
    quiz = owned_or_404(Quiz, quiz_id)
    attempts = db.session.execute(
        db.select(Attempt, Participant)
        .join(Participant, Attempt.participant_id == Participant.id)
        .where(Attempt.quiz_id == quiz.id)
        .order_by(Attempt.started_at.desc())
    ).all()
    return render_template("teacher/results.html", quiz=quiz, attempts=attempts)


def send_rows(filename: str, headers, rows) -> Response:
    """Stream a CSV file made from a builder's headers and rows."""
    return Response(
        stream_with_context(exports.write_csv(headers, rows)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.route("/quizzes/<int:quiz_id>/scores.csv")
def scores_csv(quiz_id: int):
    quiz = owned_or_404(Quiz, quiz_id)
    headers, rows = exports.score_rows(quiz)
    return send_rows(f"quiz-{quiz.id}-scores.csv", headers, rows)
