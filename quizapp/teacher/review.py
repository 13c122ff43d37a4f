"""Review a document's question bank: list, edit, approve or reject, regenerate one, write by hand, regrade."""

from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..kinds import KINDS, kind_of
from ..models import Document, Question
from ..services import bank, regrade
from .access import owned_or_404
from .forms import EmptyForm, QuestionForm
from .views import bp, done, invalid, refused


@bp.route("/documents/<int:document_id>/questions")
def questions(document_id: int):
    document = owned_or_404(Document, document_id)
    status = request.args.get("status")
    if status not in bank.STATUSES:
        status = None
    return render_template("teacher/questions.html", document=document, status=status,
                           groups=bank.by_fact(bank.bank(document, status)), counts=bank.counts(document), form=EmptyForm(),
                           kinds=KINDS)


@bp.route("/documents/<int:document_id>/questions/new", methods=["GET", "POST"])
def write_question(document_id: int):
    document = owned_or_404(Document, document_id)
    form = QuestionForm(true_false=bank.true_false_options(document))
    if form.validate_on_submit():
        question = bank.write(document, form.cleaned())
        return done(_("Question added and approved."), "teacher.questions", document_id=document.id,
                    _anchor=f"question-{question.id}")
    if form.errors:
        return invalid("teacher/question_edit.html", form=form, document=document, question=None)
    return render_template("teacher/question_edit.html", form=form, document=document, question=None)


@bp.route("/questions/<int:question_id>", methods=["GET", "POST"])
def edit_question(question_id: int):
    question = owned_or_404(Question, question_id)
    form = QuestionForm(true_false=bank.true_false_options(question.document))
    if form.validate_on_submit():
        try:
            key_changed = bank.update(question, form.cleaned())
        except bank.BankError as error:
            form.options.errors.append(str(error))
            return invalid("teacher/question_edit.html", form=form, document=question.document, question=question)
        if key_changed and bank.answered_quizzes(question):
            return done(_("Question saved. Students had answered it: regrade their attempts?"),
                        "teacher.regrade_question", question_id=question.id)
        return done(_("Question saved."), "teacher.questions", document_id=question.document_id,
                    _anchor=f"question-{question.id}")
    if form.errors:
        return invalid("teacher/question_edit.html", form=form, document=question.document, question=question)
    form.fill(question)
    return render_template("teacher/question_edit.html", form=form, document=question.document, question=question)


@bp.post("/questions/<int:question_id>/status")
def question_status(question_id: int):
    question = owned_or_404(Question, question_id)
    status = request.form.get("status", "")
    back = {"document_id": question.document_id, "_anchor": f"question-{question.id}"}
    if request.form.get("back_status") in bank.STATUSES:
        back["status"] = request.form["back_status"]
    try:
        bank.set_status(question, status)
    except bank.BankError as error:
        return refused(str(error), "teacher.questions", **back)
    messages = {"approved": _("Question approved."), "rejected": _("Question rejected."),
                "draft": _("Question back to draft.")}
    return done(messages[status], "teacher.questions", **back)


@bp.post("/questions/<int:question_id>/regenerate")
def regenerate_question(question_id: int):
    question = owned_or_404(Question, question_id)
    back = {"document_id": question.document_id, "_anchor": f"question-{question.id}"}
    try:
        replaced = bank.regenerate_one(question)
    except bank.BankError as error:
        return refused(str(error), "teacher.questions", **back)
    if not replaced:
        return refused(_("The generator has nothing new for this sentence: the bank holds every question it "
                         "can write there. Edit this one instead."), "teacher.questions", **back)
    return done(_("A new question replaced the draft."), "teacher.questions", **back)


@bp.route("/questions/<int:question_id>/regrade", methods=["GET", "POST"])
def regrade_question(question_id: int):
    question = owned_or_404(Question, question_id)
    form = EmptyForm()
    if form.validate_on_submit():
        changed = regrade.regrade_question(question, current_user)
        message = ngettext("Regraded: %(num)d attempt changed score.", "Regraded: %(num)d attempts changed score.",
                           changed)
        return done(message, "teacher.questions", document_id=question.document_id,
                    _anchor=f"question-{question.id}")
    return render_template("teacher/regrade.html", question=question, form=form,
                           correct=kind_of(question).correct_text(question),
                           affected=bank.answered_quizzes(question), history=regrade.history(question))
