"""Let students find a quiz, join it, answer it and see their result."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..models import Attempt, Participant, Quiz, utcnow
from ..services import attempts as attempt_service
from ..services import quizzes as quiz_service
from . import forms, review

bp = Blueprint("student", __name__)


def _grace() -> int:
    return current_app.config["DEADLINE_GRACE_SECONDS"]


def _participant(quiz: Quiz) -> Participant | None:
    token = session.get("participants", {}).get(str(quiz.id))
    if token is None:
        return None
    return db.session.scalar(db.select(Participant).where(Participant.token == token, Participant.quiz_id == quiz.id))


def _remember(participant: Participant, attempt: Attempt) -> None:
    session["participants"] = {**session.get("participants", {}), str(participant.quiz_id): participant.token}
    session["attempts"] = [*session.get("attempts", []), attempt.token][-50:]
    session.permanent = True


def _own_attempt(attempt_id: int) -> Attempt:
    """Return an attempt this browser started; any other id is simply not found."""
    attempt = db.get_or_404(Attempt, attempt_id)
    if attempt.token not in session.get("attempts", []):
        abort(404)
    return attempt


@bp.route("/")
def index():
    return render_template("student/index.html", quizzes=quiz_service.published_quizzes(), form=forms.CodeForm())


@bp.post("/join")
def join_by_code():
    form = forms.CodeForm()
    if form.validate_on_submit():
        quiz = quiz_service.find_by_code(form.code.data)
        if quiz is not None and quiz.published and not quiz.archived:
            return redirect(url_for("student.join", code=quiz.join_code))
        form.code.errors.append(_("No open quiz has this code. Check it and try again."))
    return render_template("student/index.html", quizzes=quiz_service.published_quizzes(), form=form), 400


@bp.route("/q/<code>", methods=["GET", "POST"])
def join(code: str):
    quiz = quiz_service.find_by_code(code)
    if quiz is None or not quiz.published:
        abort(404)
    now = utcnow()
    participant = _participant(quiz)
    if participant is not None:
        current = attempt_service.in_progress_attempt(participant)
        if current is not None:
            return redirect(url_for("student.attempt", attempt_id=current.id))
    form = forms.JoinForm()
    reason = attempt_service.unavailable_reason(quiz, now)
    if reason is None and form.validate_on_submit():
        try:
            if participant is None:
                participant = attempt_service.join(quiz, form.display_name.data, form.identifier.data, now)
            attempt = attempt_service.start_attempt(participant, now)
        except attempt_service.AttemptError as error:
            db.session.rollback()
            flash(str(error), "error")
            return render_template("student/join.html", quiz=quiz, form=form, reason=None), 409
        db.session.commit()
        _remember(participant, attempt)
        return redirect(url_for("student.attempt", attempt_id=attempt.id))
    status = 400 if form.errors else (409 if reason and request.method == "POST" else 200)
    return render_template("student/join.html", quiz=quiz, form=form, reason=reason,
                           participant=participant), status


def _pages(attempt: Attempt) -> list[list[attempt_service.Item]]:
    items = attempt_service.items(attempt)
    if attempt.quiz.one_per_page:
        return [[item] for item in items]
    return [items]


@bp.route("/attempt/<int:attempt_id>", methods=["GET", "POST"])
def attempt(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    now = utcnow()
    if attempt_service.close_if_overdue(attempt, now, _grace()):
        db.session.commit()
        flash(_("Time is up: your attempt was submitted with the answers saved so far."), "info")
    if attempt.is_submitted:
        return redirect(url_for("student.result", attempt_id=attempt.id))

    pages = _pages(attempt)
    page = min(max(attempt.page, 0), len(pages) - 1)
    if request.method == "POST":
        page = min(max(request.form.get("page", type=int, default=page), 0), len(pages) - 1)
    form = forms.attempt_form(pages[page], attempt_service.saved_answers(attempt))
    if request.method == "POST":
        if not form.validate():
            flash(_("Some answers could not be saved: see the messages below."), "error")
            return _render_attempt(attempt, pages, page, form), 400
        action = request.form.get("action", "save")
        attempt_service.save_answers(attempt, forms.answers_from(form, pages[page]), now, _grace())
        if action == "submit":
            unanswered = _unanswered(attempt)
            if unanswered and request.form.get("confirm") != "1":
                db.session.commit()
                return render_template("student/confirm.html", attempt=attempt, unanswered=unanswered,
                                       confirm_form=forms.AnswersForm(formdata=None))
            attempt_service.submit(attempt, now)
            db.session.commit()
            return redirect(url_for("student.result", attempt_id=attempt.id))
        if action in {"next", "previous"}:
            page += 1 if action == "next" else -1
        elif action.startswith("page-") and action[5:].isdigit():
            page = int(action[5:])
        attempt.page = min(max(page, 0), len(pages) - 1)
        db.session.commit()
        if action == "save":
            flash(_("Your answers are saved."), "info")
        return redirect(url_for("student.attempt", attempt_id=attempt.id))
    return _render_attempt(attempt, pages, page, form)


def _unanswered(attempt: Attempt) -> list[int]:
    saved = attempt_service.saved_answers(attempt)
    return [n for n, item in enumerate(attempt_service.items(attempt), start=1)
            if saved.get(item.question.id) in (None, [], "")]


def _render_attempt(attempt, pages, page, form):
    remaining = None
    if attempt.deadline_at is not None:
        remaining = max(0, int((attempt.deadline_at - utcnow()).total_seconds()))
    first_number = sum(len(p) for p in pages[:page]) + 1
    return render_template("student/attempt.html", attempt=attempt, quiz=attempt.quiz, form=form,
                           items=pages[page], page=page, page_count=len(pages),
                           first_number=first_number, remaining=remaining,
                           field_name=forms.field_name)


@bp.route("/attempt/<int:attempt_id>/result")
def result(attempt_id: int):
    attempt = _own_attempt(attempt_id)
    now = utcnow()
    if attempt_service.close_if_overdue(attempt, now, _grace()):
        db.session.commit()
    if not attempt.is_submitted:
        return redirect(url_for("student.attempt", attempt_id=attempt.id))
    shown = review.visible(attempt.quiz, now)
    rows = review.rows(attempt) if shown else []
    can_retry = attempt.quiz.max_attempts is None or len(attempt.participant.attempts) < attempt.quiz.max_attempts
    return render_template("student/result.html", attempt=attempt, quiz=attempt.quiz, rows=rows,
                           review_shown=shown, can_retry=can_retry and
                           attempt_service.unavailable_reason(attempt.quiz, now) is None)


@bp.post("/q/<code>/again")
def again(code: str):
    quiz = quiz_service.find_by_code(code) or abort(404)
    participant = _participant(quiz) or abort(404)
    if not forms.AnswersForm().validate_on_submit():
        abort(400)
    try:
        attempt = attempt_service.start_attempt(participant, utcnow())
    except attempt_service.AttemptError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for("student.join", code=quiz.join_code))
    db.session.commit()
    _remember(participant, attempt)
    return redirect(url_for("student.attempt", attempt_id=attempt.id))


@bp.post("/language")
def language():
    chosen = request.form.get("lang")
    if chosen in current_app.config["LANGUAGES"]:
        session["lang"] = chosen
    target = request.form.get("next") or url_for("student.index")
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("student.index")
    return redirect(target)
