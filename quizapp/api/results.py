"""Results by API: a quiz's attempts, one attempt's answers, scores, and the exports (CSV, XLSX, GIFT, Moodle XML, QTI)."""

from __future__ import annotations

from itertools import islice

from flask_login import current_user
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Attempt, Quiz
from ..services import attempts, export_jobs, exports, moodle, qti
from ..teacher.access import owned_or_404
from ..teacher.results import send_file
from . import schemas, serialize
from .common import accepted, page, paged, resource

bp = resource("results", "Attempts, scores and exports")

TEXT = {"type": "string"}
BINARY = {"type": "string", "format": "binary"}


def _quiz(quiz_id: int) -> Quiz:
    """Return the teacher's quiz with its overdue attempts submitted, as the results page shows it."""
    quiz = owned_or_404(Quiz, quiz_id)
    attempts.settle(quiz)
    return quiz


@bp.get("/quizzes/<int:quiz_id>/attempts")
@bp.arguments(schemas.PageArgs, location="query")
@bp.response(200, schemas.AttemptPage)
def attempts_list(args, quiz_id: int):
    """List a quiz's attempts, submitted or in progress, oldest first."""
    quiz = _quiz(quiz_id)
    query = (db.select(Attempt).where(Attempt.quiz_id == quiz.id).options(selectinload(Attempt.participant))
             .order_by(Attempt.id))
    result = page(query, args, "api_results.attempts_list", quiz_id=quiz.id)
    result["items"] = [serialize.attempt(item) for item in result["items"]]
    return result


@bp.get("/attempts/<int:attempt_id>")
@bp.response(200, schemas.AttemptDetailSchema)
def attempt(attempt_id: int):
    """Read one attempt: each question, the answer given, the right one and the points earned."""
    record = owned_or_404(Attempt, attempt_id)
    attempts.settle(record.quiz)
    return serialize.attempt(record, answers=attempts.answer_sheet(record))


@bp.get("/quizzes/<int:quiz_id>/scores")
@bp.arguments(schemas.PageArgs, location="query")
@bp.response(200, schemas.ScorePage)
def scores(args, quiz_id: int):
    """List the submitted attempts' scores, as the scores export has them, in the order they were handed in."""
    quiz = _quiz(quiz_id)
    headers, rows = exports.score_rows(quiz, plain=True)
    items = [dict(zip(headers, row)) for row in islice(rows, args["offset"], args["offset"] + args["limit"])]
    return paged(items, exports.row_count(quiz, "scores"), args, "api_results.scores", quiz_id=quiz.id)


@bp.get("/quizzes/<int:quiz_id>/exports/<any(scores, answers):table>.csv")
@bp.response(200, TEXT, content_type="text/csv", description="UTF-8 with a BOM, one row per attempt or answer")
def export_csv(quiz_id: int, table: str):
    """Download the scores (one row per attempt) or the answers (one per answer) as CSV."""
    quiz = _quiz(quiz_id)
    headers, rows = exports.TABLES[table](quiz)
    return send_file(f"quiz-{quiz.id}-{table}.csv", exports.write_csv(headers, rows), "text/csv; charset=utf-8")


@bp.post("/quizzes/<int:quiz_id>/exports/<any(scores, answers):table>.xlsx")
@bp.response(202, schemas.JobSchema, description="Queued: poll the job, then download its result_url")
def export_xlsx(quiz_id: int, table: str):
    """Queue the XLSX workbook of the scores or the answers as a job."""
    quiz = _quiz(quiz_id)
    job = export_jobs.start_xlsx(quiz, table, current_user)
    return accepted(job)


@bp.get("/quizzes/<int:quiz_id>/exports/questions.gift")
@bp.response(200, TEXT, content_type="text/plain", description="Moodle GIFT")
def export_gift(quiz_id: int):
    """Download the quiz's questions in Moodle's GIFT format."""
    quiz = owned_or_404(Quiz, quiz_id)
    return send_file(f"quiz-{quiz.id}.gift.txt", iter([moodle.gift(quiz)]), "text/plain; charset=utf-8")


@bp.get("/quizzes/<int:quiz_id>/exports/questions.xml")
@bp.response(200, TEXT, content_type="application/xml", description="Moodle XML")
def export_moodle_xml(quiz_id: int):
    """Download the quiz's questions as Moodle XML."""
    quiz = owned_or_404(Quiz, quiz_id)
    return send_file(f"quiz-{quiz.id}-moodle.xml", iter([moodle.moodle_xml(quiz)]), "application/xml; charset=utf-8")


@bp.get("/quizzes/<int:quiz_id>/exports/questions-qti.zip")
@bp.response(200, BINARY, content_type="application/zip", description="An IMS QTI 2.1 content package")
def export_qti(quiz_id: int):
    """Download the quiz's questions as a QTI 2.1 package."""
    quiz = owned_or_404(Quiz, quiz_id)
    return send_file(f"quiz-{quiz.id}-qti21.zip", iter([qti.package(quiz)]), "application/zip")
