"""The question bank by API: list a document's questions, write, edit, approve or reject, regrade."""

from __future__ import annotations

from flask import url_for
from flask_login import current_user

from ..extensions import db
from ..models import Document, Question
from ..services import bank, regrade
from ..teacher.access import owned_or_404
from . import schemas, serialize
from .common import conflict, invalid, page, resource

bp = resource("questions", "A document's question bank: review, edit, write by hand")


def _data(data: dict, document: Document) -> tuple[bank.QuestionData, dict]:
    """Return the input as the bank takes it, checked by the edit form's rules."""
    return bank.check(bank.QuestionData(kind=data["kind"], prompt=data["prompt"].strip(), options=data["options"],
                                        correct=data["correct"], tolerance=data["tolerance"],
                                        explanation=data["explanation"].strip(), points=data["points"]),
                      bank.true_false_options(document))


@bp.get("/documents/<int:document_id>/questions")
@bp.arguments(schemas.QuestionArgs, location="query")
@bp.response(200, schemas.QuestionPage)
def questions(args, document_id: int):
    """List a document's questions in bank order, optionally those in one status."""
    document = owned_or_404(Document, document_id)
    query = db.select(Question).where(Question.document_id == document.id).order_by(Question.position, Question.id)
    if args.get("status"):
        query = query.where(Question.status == args["status"])
    result = page(query, args, "api_questions.questions", document_id=document.id)
    result["items"] = [serialize.question(item) for item in result["items"]]
    return result


@bp.post("/documents/<int:document_id>/questions")
@bp.arguments(schemas.QuestionInput)
@bp.response(201, schemas.QuestionSchema, description="Written and approved")
def write(data, document_id: int):
    """Write a question by hand; it is approved at once."""
    document = owned_or_404(Document, document_id)
    question_data, errors = _data(data, document)
    if errors:
        return invalid(errors)
    question = bank.write(document, question_data)
    db.session.commit()
    return serialize.question(question), 201, {"Location": url_for("api_questions.question", question_id=question.id)}


@bp.get("/questions/<int:question_id>")
@bp.response(200, schemas.QuestionSchema)
def question(question_id: int):
    """Read one question."""
    return serialize.question(owned_or_404(Question, question_id))


@bp.put("/questions/<int:question_id>")
@bp.arguments(schemas.QuestionInput)
@bp.response(200, schemas.QuestionSaved)
def edit(data, question_id: int):
    """Replace a question's wording, options, key and points (an edited draft is never regenerated)."""
    question = owned_or_404(Question, question_id)
    question_data, errors = _data(data, question.document)
    if errors:
        return invalid(errors)
    try:
        key_changed = bank.update(question, question_data)
    except bank.BankError as error:
        return conflict(error)
    suggested = bool(key_changed and bank.answered_quizzes(question))
    db.session.commit()
    return {**serialize.question(question), "regrade_suggested": suggested}


@bp.post("/questions/<int:question_id>/status")
@bp.arguments(schemas.StatusInput)
@bp.response(200, schemas.QuestionSchema)
def status(data, question_id: int):
    """Approve or reject a question, or return it to draft."""
    question = owned_or_404(Question, question_id)
    try:
        bank.set_status(question, data["status"])
    except bank.BankError as error:
        return conflict(error)
    db.session.commit()
    return serialize.question(question)


@bp.post("/questions/<int:question_id>/regrade")
@bp.response(200, schemas.RegradeResult)
def regrade_question(question_id: int):
    """Score the submitted answers to this question again with its current key."""
    changed = regrade.regrade_question(owned_or_404(Question, question_id), current_user)
    db.session.commit()
    return {"attempts_changed": changed}
