"""Show a quiz's results: attempts, one attempt's answers, item analysis; send the exports."""

from __future__ import annotations

from flask import (Response, abort, current_app, flash, redirect, render_template, request,
                   stream_with_context, url_for)
from flask import send_file as send_path
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import db
from ..lti import grades as lti_grade_service
from ..lti import roster as lti_roster
from ..kinds import kind_of
from ..models import Attempt, Job, Quiz, utcnow
from ..services import attempts as attempt_service
from ..services import export_jobs, exports, moodle, qti, stats
from .access import owned_or_404
from .forms import EmptyForm
from .views import bp, done


def quiz_with_results(quiz_id: int) -> Quiz:
    """Return the teacher's quiz after submitting its attempts whose time ran out.

    A student who never came back still has a score when the teacher looks.
    """
    quiz = owned_or_404(Quiz, quiz_id)
    if attempt_service.close_overdue(utcnow(), current_app.config["DEADLINE_GRACE_SECONDS"], quiz.id):
        db.session.commit()
    return quiz


@bp.route("/quizzes/<int:quiz_id>/results")
def results(quiz_id: int):
    quiz = quiz_with_results(quiz_id)
    sort = request.args.get("sort", "submitted")
    if sort not in stats.SORTS:
        sort = "submitted"
    descending = request.args.get("dir", "desc") != "asc"
    # Like a bad sort, a page that is not a number falls back to the default; one out of range is clamped.
    page = request.args.get("page", 1, type=int)
    rows, pagination = stats.attempts_table(quiz, sort, descending, page)
    # Attempts launched from an LMS: whether each grade reached it, and the course rosters.
    lti_grades = lti_grade_service.statuses(attempt.id for attempt, *_rest in rows)
    return render_template("teacher/results.html", quiz=quiz, rows=rows, pagination=pagination,
                           sort=sort, descending=descending, button_form=EmptyForm(), csv_style=exports.csv_style(),
                           lti_grades=lti_grades, lti_rosters=lti_roster.course_rosters(quiz))


def _render_attempt(attempt: Attempt, status: int = 200):
    """Render one attempt's answers, with the button that submits it while it is in progress."""
    responses = {response.question_id: response for response in attempt.responses}
    answers = []
    for item in attempt_service.items(attempt):
        question = item.question
        response = responses.get(question.id)
        kind = kind_of(question)
        answers.append({
            "question": question, "points": item.entry.points,
            "answer": kind.describe(question, response.answer) if response else "",
            "correct": kind.correct_text(question),
            "earned": response.points if response else None,
        })
    return render_template("teacher/attempt.html", attempt=attempt, quiz=attempt.quiz, answers=answers,
                           button_form=EmptyForm()), status


@bp.route("/attempts/<int:attempt_id>")
def attempt(attempt_id: int):
    return _render_attempt(owned_or_404(Attempt, attempt_id))


@bp.post("/attempts/<int:attempt_id>/submit")
def submit_attempt(attempt_id: int):
    """Submit a student's attempt in progress with the answers saved so far.

    An attempt in progress is bound to the browser that started it, so a
    student who lost that browser can only join again once it is submitted.
    """
    attempt = owned_or_404(Attempt, attempt_id)
    # The same exactly-once submit as a deadline's: a student submitting at the same moment wins or loses cleanly.
    if not attempt_service.submit(attempt, utcnow()):
        db.session.rollback()
        flash(_("This attempt was already submitted; nothing changed."), "error")
        return _render_attempt(attempt, 409)
    return done(_("The attempt was submitted with the answers saved so far."), "teacher.attempt",
                attempt_id=attempt.id)


@bp.route("/quizzes/<int:quiz_id>/analysis")
def analysis(quiz_id: int):
    quiz = quiz_with_results(quiz_id)
    result = stats.analyse(quiz)
    chart = stats.histogram_svg(result.histogram, _("Number of attempts by score, in steps of 10%"))
    return render_template("teacher/analysis.html", quiz=quiz, analysis=result, chart=chart,
                           min_attempts=stats.WEAK_DISTRACTOR_MIN_ATTEMPTS)


def send_file(filename: str, chunks, content_type: str) -> Response:
    """Stream a file a writer yields, as a download, with its Content-Type header as given."""
    # content_type, not mimetype: Flask adds "; charset=utf-8" to a text/* mimetype, a second time here.
    return Response(stream_with_context(chunks), content_type=content_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/quizzes/<int:quiz_id>/<any(scores, answers):table>.csv")
def export_csv(quiz_id: int, table: str):
    quiz = quiz_with_results(quiz_id)
    headers, rows = exports.TABLES[table](quiz)
    return send_file(exports.filename(quiz.id, table, "csv"), exports.write_csv(headers, rows, exports.csv_style()),
                     "text/csv; charset=utf-8")


@bp.post("/quizzes/<int:quiz_id>/<any(scores, answers):table>.xlsx")
def export_xlsx(quiz_id: int, table: str):
    """Queue the workbook as a job and show its progress: writing it can take longer than a request may."""
    quiz = quiz_with_results(quiz_id)
    job = export_jobs.start_xlsx(quiz, table, current_user)
    return redirect(url_for("jobs.show", job_id=job.id))


@bp.route("/exports/<int:job_id>")
def export_ready(job_id: int):
    job = owned_or_404(Job, job_id)
    if job.kind != export_jobs.XLSX_TASK:
        abort(404)
    if job.status != "done":
        return redirect(url_for("jobs.show", job_id=job.id))
    quiz = owned_or_404(Quiz, job.payload["quiz_id"])
    return render_template("teacher/export_ready.html", job=job, quiz=quiz, filename=export_jobs.filename(job),
                           available=export_jobs.finished_file(job) is not None)


@bp.route("/exports/<int:job_id>/download")
def export_download(job_id: int):
    job = owned_or_404(Job, job_id)
    path = export_jobs.finished_file(job)
    if path is None:
        abort(404)
    return send_path(path, mimetype=exports.XLSX_MIMETYPE, as_attachment=True,
                     download_name=export_jobs.filename(job))


@bp.route("/quizzes/<int:quiz_id>/questions.gift")
def export_gift(quiz_id: int):
    quiz = owned_or_404(Quiz, quiz_id)
    return send_file(f"quiz-{quiz.id}.gift.txt", iter([moodle.gift(quiz)]), "text/plain; charset=utf-8")


@bp.route("/quizzes/<int:quiz_id>/questions.xml")
def export_moodle_xml(quiz_id: int):
    quiz = owned_or_404(Quiz, quiz_id)
    return send_file(f"quiz-{quiz.id}-moodle.xml", iter([moodle.moodle_xml(quiz)]),
                     "application/xml; charset=utf-8")


@bp.route("/quizzes/<int:quiz_id>/questions-qti.zip")
def export_qti(quiz_id: int):
    quiz = owned_or_404(Quiz, quiz_id)
    return send_file(f"quiz-{quiz.id}-qti21.zip", iter([qti.package(quiz)]), "application/zip")
