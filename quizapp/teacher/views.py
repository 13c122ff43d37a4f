"""The teacher blueprint, its login gate, the dashboard, and helpers the teacher views share."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import login_required
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import Document, Quiz
from ..services import stats
from .access import visible_to_current
from .forms import EmptyForm

bp = Blueprint("teacher", __name__, url_prefix="/teach")


@bp.before_request
@login_required
def require_login():
    """Keep the whole teacher side behind the login."""


@bp.route("/")
def dashboard():
    # Owners and documents come with the rows, and the attempts are summed for every quiz at once:
    # the page costs the same few queries however many quizzes it lists.
    documents = db.session.scalars(visible_to_current(Document).options(joinedload(Document.owner))
                                   .order_by(Document.created_at.desc(), Document.id.desc())).all()
    quizzes = db.session.scalars(visible_to_current(Quiz).options(joinedload(Quiz.document))
                                 .order_by(Quiz.created_at.desc(), Quiz.id.desc())).all()
    summaries = stats.quiz_summaries([quiz.id for quiz in quizzes])
    return render_template("teacher/dashboard.html", documents=documents, quizzes=quizzes, summaries=summaries,
                           no_attempts=stats.QuizSummary())


def done(message: str, endpoint: str, category: str = "info", **values):
    """Commit, say what happened, and redirect (post/redirect/get)."""
    db.session.commit()
    flash(message, category)
    return redirect(url_for(endpoint, **values))


def refused(message: str, endpoint: str, **values):
    """Undo the request's changes, say why, and redirect back."""
    db.session.rollback()
    flash(message, "error")
    return redirect(url_for(endpoint, **values))


def confirm_removal(remove, messages: dict[str, str], *, what: str, has_attempts: bool, cancel: tuple):
    """Ask before removing; once confirmed, remove (the service archives what has scores) and say which."""
    form = EmptyForm()
    if form.validate_on_submit():
        return done(messages[remove()], "teacher.dashboard")
    return render_template("teacher/confirm_delete.html", form=form, what=what, has_attempts=has_attempts,
                           cancel=cancel)


def invalid(template: str, **context):
    """Render a form again with its messages, as 400."""
    return render_template(template, **context), 400
