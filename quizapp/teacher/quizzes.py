"""Build quizzes from approved questions: settings, order, publish, share, remove."""

from __future__ import annotations

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..kinds import KINDS, select_choices
from ..models import Document, Quiz
from ..services import quizzes
from .access import owned_or_404
from .forms import AddQuestionsForm, EmptyForm, NewQuizForm, QuizSettingsForm
from .views import bp, confirm_removal, done, invalid, refused


def _choices(questions) -> list:
    return select_choices((q.id, q.prompt) for q in questions)


@bp.route("/documents/<int:document_id>/quizzes/new", methods=["GET", "POST"])
def new_quiz(document_id: int):
    document = owned_or_404(Document, document_id)
    approved = [q for q in document.questions if q.status == "approved"]
    form = NewQuizForm(title=document.title, questions=[q.id for q in approved])
    form.questions.choices = _choices(approved)
    if form.validate_on_submit():
        chosen = [q for q in approved if q.id in set(form.questions.data)]
        quiz = quizzes.create_quiz(current_user, document, form.title.data, chosen)
        return done(_("Quiz created. Check its settings, then publish it."), "teacher.quiz", quiz_id=quiz.id)
    if form.errors:
        return invalid("teacher/quiz_new.html", form=form, document=document, approved=approved)
    return render_template("teacher/quiz_new.html", form=form, document=document, approved=approved)


def _render_quiz(quiz: Quiz, form: QuizSettingsForm, status: int = 200):
    add_form = AddQuestionsForm(formdata=None)
    add_form.questions.choices = _choices(quizzes.approved_not_in(quiz))
    link = url_for("student.join", code=quiz.join_code, _external=True)
    return render_template("teacher/quiz.html", quiz=quiz, form=form, add_form=add_form, button_form=EmptyForm(),
                           link=link, qr=quizzes.qr_svg(link), locked=quizzes.has_attempts(quiz), kinds=KINDS), status


@bp.route("/quizzes/<int:quiz_id>", methods=["GET", "POST"])
def quiz(quiz_id: int):
    quiz = owned_or_404(Quiz, quiz_id)
    form = QuizSettingsForm()
    if form.validate_on_submit():
        quizzes.update_settings(quiz, **form.settings())
        return done(_("Settings saved."), "teacher.quiz", quiz_id=quiz.id)
    if form.errors:
        return _render_quiz(quiz, form, 400)
    form.fill(quiz)
    return _render_quiz(quiz, form)


@bp.post("/quizzes/<int:quiz_id>/items/add")
def add_items(quiz_id: int):
    quiz = owned_or_404(Quiz, quiz_id)
    candidates = quizzes.approved_not_in(quiz)
    form = AddQuestionsForm()
    form.questions.choices = _choices(candidates)
    if not form.validate_on_submit():
        return refused(_("Choose at least one approved question to add."), "teacher.quiz", quiz_id=quiz.id)
    chosen = set(form.questions.data)
    try:
        quizzes.add_questions(quiz, [q for q in candidates if q.id in chosen])
    except quizzes.QuizError as error:
        return refused(str(error), "teacher.quiz", quiz_id=quiz.id)
    return done(_("Questions added."), "teacher.quiz", quiz_id=quiz.id, _anchor="items")


@bp.post("/quizzes/<int:quiz_id>/items/<int:item_id>/move")
def move_item(quiz_id: int, item_id: int):
    quiz = owned_or_404(Quiz, quiz_id)
    step = {"up": -1, "down": 1}.get(request.form.get("direction", ""))
    if step is None:
        return refused(_("Move a question up or down."), "teacher.quiz", quiz_id=quiz.id)
    try:
        quizzes.move_item(quiz, item_id, step)
    except quizzes.QuizError as error:
        return refused(str(error), "teacher.quiz", quiz_id=quiz.id)
    return done(_("Order saved."), "teacher.quiz", quiz_id=quiz.id, _anchor=f"item-{item_id}")


@bp.post("/quizzes/<int:quiz_id>/items/order")
def order_items(quiz_id: int):
    """Take a whole new order at once: what dragging the questions sends."""
    quiz = owned_or_404(Quiz, quiz_id)
    parts = request.form.get("order", "").split(",")
    try:
        quizzes.reorder(quiz, [int(part) for part in parts if part.strip().isdecimal()])
    except quizzes.QuizError:
        return refused(_("The new order could not be read; nothing changed."), "teacher.quiz", quiz_id=quiz.id)
    return done(_("Order saved."), "teacher.quiz", quiz_id=quiz.id, _anchor="items")


@bp.post("/quizzes/<int:quiz_id>/items/<int:item_id>/remove")
def remove_item(quiz_id: int, item_id: int):
    quiz = owned_or_404(Quiz, quiz_id)
    try:
        quizzes.remove_item(quiz, item_id)
    except quizzes.QuizError as error:
        return refused(str(error), "teacher.quiz", quiz_id=quiz.id)
    return done(_("Question removed from the quiz."), "teacher.quiz", quiz_id=quiz.id, _anchor="items")


@bp.post("/quizzes/<int:quiz_id>/publish")
def publish(quiz_id: int):
    quiz = owned_or_404(Quiz, quiz_id)
    if request.form.get("action") == "unpublish":
        quizzes.unpublish(quiz)
        return done(_("The quiz is closed to new students."), "teacher.quiz", quiz_id=quiz.id)
    if quiz.archived:
        return refused(_("An archived quiz cannot be published."), "teacher.quiz", quiz_id=quiz.id)
    try:
        quizzes.publish(quiz)
    except quizzes.QuizError as error:
        return refused(str(error), "teacher.quiz", quiz_id=quiz.id)
    return done(_("Published: share the code, the link or the QR code."), "teacher.quiz", quiz_id=quiz.id,
                _anchor="share")


@bp.route("/quizzes/<int:quiz_id>/delete", methods=["GET", "POST"])
def delete_quiz(quiz_id: int):
    quiz = owned_or_404(Quiz, quiz_id)
    return confirm_removal(
        lambda: quizzes.remove(quiz),
        {"archived": _("The quiz was archived; its scores are kept."), "deleted": _("The quiz was deleted.")},
        what=quiz.title, has_attempts=quizzes.has_attempts(quiz), cancel=("teacher.quiz", {"quiz_id": quiz.id}))
