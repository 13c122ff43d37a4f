"""Quizzes by API: create from approved questions, settings, questions and their order, publish, close, remove."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import db
from ..models import Document, Quiz
from ..services import quizzes
from ..teacher.access import owned_or_404, visible_to_current
from . import schemas, serialize
from .common import conflict, invalid, page, resource
from .problems import problem

bp = resource("quizzes", "Quizzes built from approved questions, their settings and publishing")


@bp.get("/quizzes")
@bp.arguments(schemas.PageArgs, location="query")
@bp.response(200, schemas.QuizPage)
def quizzes_list(args):
    """List your quizzes, newest first."""
    query = visible_to_current(Quiz).order_by(Quiz.created_at.desc(), Quiz.id.desc())
    result = page(query, args, "api_quizzes.quizzes_list")
    result["items"] = [serialize.quiz(item) for item in result["items"]]
    return result


@bp.post("/quizzes")
@bp.arguments(schemas.NewQuiz)
@bp.response(201, schemas.QuizSchema, description="Created, unpublished")
def create(data):
    """Create an unpublished quiz from a document's approved questions."""
    document = db.session.get(Document, data["document_id"])
    if document is None or (not current_user.is_admin and document.owner_id != current_user.id):
        return invalid({"document_id": [_("You have no document with this id.")]})
    approved = {q.id: q for q in document.questions if q.status == "approved"}
    if not approved:
        return conflict(_("This document has no approved questions yet: approve some first."))
    wanted = data.get("question_ids") or list(approved)
    if any(ident not in approved for ident in wanted) or len(set(wanted)) != len(wanted):
        return invalid({"question_ids": [_("Give approved questions of this document, each once.")]})
    quiz = quizzes.create_quiz(current_user, document, data.get("title") or document.title,
                               [approved[ident] for ident in wanted])
    db.session.commit()
    return serialize.quiz(quiz), 201, {"Location": url_for("api_quizzes.quiz", quiz_id=quiz.id)}


@bp.get("/quizzes/<int:quiz_id>")
@bp.response(200, schemas.QuizSchema)
def quiz(quiz_id: int):
    """Read a quiz: settings, questions in order, join code and link."""
    return serialize.quiz(owned_or_404(Quiz, quiz_id))


@bp.patch("/quizzes/<int:quiz_id>")
@bp.arguments(schemas.QuizSettings)
@bp.response(200, schemas.QuizSchema)
def settings(data, quiz_id: int):
    """Change a quiz's settings; those not given stay as they are."""
    quiz = owned_or_404(Quiz, quiz_id)
    opens, closes = data.get("opens_at", quiz.opens_at), data.get("closes_at", quiz.closes_at)
    if opens and closes and closes <= opens:
        return invalid({"closes_at": [_("The quiz must close after it opens.")]})
    if any(len(line.strip()) > 80 for line in (data.get("roster") or "").splitlines()):
        return invalid({"roster": [_("An identifier is longer than 80 characters.")]})
    quizzes.update_settings(quiz, **data)
    db.session.commit()
    return serialize.quiz(quiz)


@bp.post("/quizzes/<int:quiz_id>/items")
@bp.arguments(schemas.AddItems)
@bp.response(200, schemas.QuizSchema)
def add_items(data, quiz_id: int):
    """Add approved questions of the quiz's document at the end (those already in it are skipped)."""
    quiz = owned_or_404(Quiz, quiz_id)
    candidates = {q.id: q for q in quiz.document.questions}
    if any(ident not in candidates for ident in data["question_ids"]):
        return invalid({"question_ids": [_("Give questions of the quiz's document.")]})
    try:
        quizzes.add_questions(quiz, [candidates[ident] for ident in data["question_ids"]])
    except quizzes.QuizError as error:
        return conflict(error)
    db.session.commit()
    return serialize.quiz(quiz)


@bp.put("/quizzes/<int:quiz_id>/items/order")
@bp.arguments(schemas.Order)
@bp.response(200, schemas.QuizSchema)
def order(data, quiz_id: int):
    """Put the quiz's questions in a new order: every item id once."""
    quiz = owned_or_404(Quiz, quiz_id)
    try:
        quizzes.reorder(quiz, data["item_ids"])
    except quizzes.QuizError as error:
        return invalid({"item_ids": [str(error)]})
    db.session.commit()
    return serialize.quiz(quiz)


@bp.delete("/quizzes/<int:quiz_id>/items/<int:item_id>")
@bp.response(200, schemas.QuizSchema)
def remove_item(quiz_id: int, item_id: int):
    """Take a question out of a quiz nobody has started."""
    quiz = owned_or_404(Quiz, quiz_id)
    if item_id not in {item.id for item in quiz.items}:
        return problem(404, _("That question is not in this quiz."))
    try:
        quizzes.remove_item(quiz, item_id)
    except quizzes.QuizError as error:
        return conflict(error)
    db.session.commit()
    return serialize.quiz(quiz)


@bp.post("/quizzes/<int:quiz_id>/publish")
@bp.response(200, schemas.QuizSchema)
def publish(quiz_id: int):
    """Open the quiz to students (it needs an approved question; an archived quiz cannot be published)."""
    quiz = owned_or_404(Quiz, quiz_id)
    if quiz.archived:
        return conflict(_("An archived quiz cannot be published."))
    try:
        quizzes.publish(quiz)
    except quizzes.QuizError as error:
        return conflict(error)
    db.session.commit()
    return serialize.quiz(quiz)


@bp.post("/quizzes/<int:quiz_id>/close")
@bp.response(200, schemas.QuizSchema)
def close(quiz_id: int):
    """Close the quiz to new students; attempts and scores stay."""
    quiz = owned_or_404(Quiz, quiz_id)
    quizzes.unpublish(quiz)
    db.session.commit()
    return serialize.quiz(quiz)


@bp.delete("/quizzes/<int:quiz_id>")
@bp.response(200, schemas.Removal)
def remove(quiz_id: int):
    """Remove a quiz: deleted when nobody started it, else archived (scores kept)."""
    result = quizzes.remove(owned_or_404(Quiz, quiz_id))
    db.session.commit()
    return {"result": result}
