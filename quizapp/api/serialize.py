"""Turn records into the dictionaries the API's schemas describe, with their API addresses."""

from __future__ import annotations

from flask import url_for

from ..models import Attempt, Document, Job, Question, Quiz
from ..services import bank


def document(record: Document, *, text: bool = False) -> dict:
    data = {name: getattr(record, name) for name in
            ("id", "title", "language", "published", "source_name", "archived", "created_at")}
    data["questions"] = bank.counts(record)
    data["url"] = url_for("api_documents.document", document_id=record.id)
    if text:
        data["text"] = record.text
    return data


def question(record: Question) -> dict:
    data = {name: getattr(record, name) for name in
            ("id", "document_id", "kind", "prompt", "options", "correct", "tolerance", "answer_texts", "explanation",
             "fact_kind", "points", "status", "origin", "created_at", "updated_at")}
    data["evidence"] = ({"start": record.evidence_start, "end": record.evidence_end, "text": record.evidence_text}
                        if record.evidence_start is not None and record.evidence_end is not None else None)
    return data


QUIZ_FIELDS = ("id", "document_id", "title", "join_code", "published", "archived", "listed", "time_limit_minutes",
               "max_attempts", "grading_method", "opens_at", "closes_at", "one_per_page", "shuffle_questions",
               "shuffle_options", "review", "pass_mark", "roster", "max_score", "created_at")


def quiz(record: Quiz) -> dict:
    data = {name: getattr(record, name) for name in QUIZ_FIELDS}
    data["join_url"] = url_for("student.join", code=record.join_code, _external=True)
    data["url"] = url_for("api_quizzes.quiz", quiz_id=record.id)
    data["items"] = [{"id": item.id, "question_id": item.question_id, "position": item.position,
                      "points": item.points, "kind": item.question.kind, "prompt": item.question.prompt}
                     for item in record.items]
    return data


def attempt(record: Attempt, *, answers: list[dict] | None = None) -> dict:
    data = {name: getattr(record, name) for name in
            ("id", "quiz_id", "number", "state", "started_at", "deadline_at", "submitted_at", "auto_submitted",
             "score", "max_score", "percentage")}
    data["name"] = record.participant.display_name
    data["identifier"] = record.participant.identifier
    data["url"] = url_for("api_results.attempt", attempt_id=record.id)
    if answers is not None:
        data["answers"] = [{"question_id": row["question"].id, "kind": row["question"].kind,
                            "prompt": row["question"].prompt, "points": row["points"], "answer": row["answer"],
                            "correct": row["correct"], "earned": row["earned"]} for row in answers]
    return data


def job(record: Job) -> dict:
    """Return a job's state, with the API address of its result once it is done."""
    data = {name: getattr(record, name) for name in
            ("id", "kind", "status", "progress", "message", "error", "created_at", "finished_at")}
    data["url"] = url_for("api_jobs.job", job_id=record.id)
    data["result_url"] = None
    result = record.result or {}
    values = result.get("values") or {}
    if record.status == "done":
        if result.get("file"):
            data["result_url"] = url_for("api_jobs.download", job_id=record.id)
        elif result.get("endpoint") == "teacher.questions" and values.get("document_id"):
            data["result_url"] = url_for("api_questions.questions", document_id=values["document_id"],
                                         status=values.get("status") or "draft")
        elif values.get("document_id"):
            data["result_url"] = url_for("api_documents.document", document_id=values["document_id"])
    return data
