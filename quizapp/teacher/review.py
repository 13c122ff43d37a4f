"""Review a document's question bank: list, edit, approve or reject (one or many), regenerate one, write by hand, regrade.

Approving, rejecting and editing answer a plain form post with a redirect, and
a script's post (Accept: application/json) with the changed cards, so the bank
page changes in place instead of reloading (static/js/bank.js).
"""

from __future__ import annotations

from flask import flash, get_template_attribute, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..extensions import db
from ..kinds import KINDS, kind_of, select_choices
from ..models import Document, Question
from ..services import bank, regrade
from .access import owned_or_404
from .forms import BulkStatusForm, EmptyForm, QuestionForm
from .views import bp, done, refused


def wants_json() -> bool:
    """Tell whether the bank's script sent the request and wants JSON rather than a page."""
    return request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json"


def _back_status() -> str | None:
    """Return the bank filter the request came from, if it names one."""
    status = request.values.get("back_status")
    return status if status in bank.STATUSES else None


def _numbers(document: Document, status: str | None) -> dict[int, int]:
    """Return each question's number as the bank page with this filter shows it (variants follow their fact's first)."""
    listed = [question for group in bank.by_fact(bank.bank(document, status)) for question in group]
    return {question.id: number for number, question in enumerate(listed, start=1)}


def _changed(document: Document, questions: list[Question], message: str, numbers: dict[int, int]):
    """Commit, and answer the script with the fresh cards and counts, or a plain post with a redirect."""
    status = _back_status()
    if not wants_json():
        anchor = {"_anchor": f"question-{questions[0].id}"} if len(questions) == 1 else {}
        return done(message, "teacher.questions", document_id=document.id, status=status, **anchor)
    db.session.commit()
    card = get_template_attribute("teacher/_question_card.html", "card")
    form = EmptyForm()
    cards = {question.id: str(card(question, numbers.get(question.id, 0), document, status, form, KINDS))
             for question in questions}
    return jsonify({"ok": True, "message": message, "cards": cards, "counts": bank.counts(document)})


def _refused(document: Document, message: str, anchor: int | None = None):
    """Say why nothing changed: as JSON (409) to the script, else as a flash on the bank page."""
    if wants_json():
        db.session.rollback()
        return jsonify({"ok": False, "message": message}), 409
    back = {"document_id": document.id, "status": _back_status()}
    if anchor is not None:
        back["_anchor"] = f"question-{anchor}"
    return refused(message, "teacher.questions", **back)


@bp.route("/documents/<int:document_id>/questions")
def questions(document_id: int):
    document = owned_or_404(Document, document_id)
    status = request.args.get("status")
    if status not in bank.STATUSES:
        status = None
    return render_template("teacher/questions.html", document=document, status=status,
                           groups=bank.by_fact(bank.bank(document, status)), counts=bank.counts(document), form=EmptyForm(),
                           kinds=KINDS, tick_all=request.args.get("tick") == "all")


def _question_page(form: QuestionForm, document: Document, question: Question | None, status: int = 200,
                   switched: bool = False):
    """Show the question form: a page, the form alone for the bank's in-place editor, or JSON holding it."""
    if wants_json() or request.args.get("inline") == "1":
        fragment = get_template_attribute("teacher/_question_form.html", "question_form")
        html = str(fragment(form, url_for("teacher.edit_question", question_id=question.id) if question
                            else url_for("teacher.write_question", document_id=document.id), inline=True))
        return (jsonify({"ok": False, "form": html}) if wants_json() else html), status
    return render_template("teacher/question_edit.html", form=form, document=document, question=question,
                           switched=switched, kinds=KINDS), status


@bp.route("/documents/<int:document_id>/questions/new", methods=["GET", "POST"])
def write_question(document_id: int):
    document = owned_or_404(Document, document_id)
    form = QuestionForm(true_false=bank.true_false_options(document))
    if form.switching():
        return _question_page(form, document, None, switched=True)
    if form.validate_on_submit():
        question = bank.write(document, form.cleaned())
        return done(_("Question added and approved."), "teacher.questions", document_id=document.id,
                    _anchor=f"question-{question.id}")
    if form.errors:
        return _question_page(form, document, None, 400)
    return _question_page(form, document, None)


@bp.route("/questions/<int:question_id>", methods=["GET", "POST"])
def edit_question(question_id: int):
    question = owned_or_404(Question, question_id)
    document = question.document
    form = QuestionForm(true_false=bank.true_false_options(document))
    if form.switching():
        return _question_page(form, document, question, switched=True)
    if form.validate_on_submit():
        numbers = _numbers(document, _back_status())
        try:
            key_changed = bank.update(question, form.cleaned())
        except bank.BankError as error:
            form.options.errors.append(str(error))
            return _question_page(form, document, question, 400)
        if key_changed and bank.answered_quizzes(question):
            if wants_json():
                db.session.commit()
                flash(_("Question saved. Students had answered it: regrade their attempts?"), "info")
                return jsonify({"ok": True, "redirect": url_for("teacher.regrade_question", question_id=question.id)})
            return done(_("Question saved. Students had answered it: regrade their attempts?"),
                        "teacher.regrade_question", question_id=question.id)
        return _changed(document, [question], _("Question saved."), numbers)
    if form.errors:
        return _question_page(form, document, question, 400)
    form.fill(question)
    return _question_page(form, document, question)


def _status_message(status: str, count: int) -> str:
    """Say how many questions took the new status, in words."""
    if status == "approved":
        return ngettext("Question approved.", "%(num)d questions approved.", count)
    if status == "rejected":
        return ngettext("Question rejected.", "%(num)d questions rejected.", count)
    return ngettext("Question back to draft.", "%(num)d questions back to draft.", count)


@bp.post("/questions/<int:question_id>/status")
def question_status(question_id: int):
    question = owned_or_404(Question, question_id)
    document = question.document
    status = request.form.get("status", "")
    numbers = _numbers(document, _back_status())
    try:
        bank.set_status(question, status)
    except bank.BankError as error:
        return _refused(document, str(error), question.id)
    return _changed(document, [question], _status_message(status, 1), numbers)


@bp.post("/documents/<int:document_id>/questions/bulk")
def bulk_status(document_id: int):
    document = owned_or_404(Document, document_id)
    form = BulkStatusForm()
    form.ids.choices = select_choices((question.id, str(question.id)) for question in document.questions)
    if not form.validate_on_submit():
        if form.ids.errors and not form.ids.data:
            return _refused(document, _("Tick at least one question, then choose what to do with them."))
        return _refused(document, _("These questions could not be changed: reload the page and try again."))
    numbers = _numbers(document, _back_status())
    changed, kept = bank.set_status_many(document, form.ids.data, form.status.data)
    message = _status_message(form.status.data, len(changed)) if changed else ""
    if kept:
        message = " ".join(filter(None, [message, ngettext(
            "%(num)d question is in a published quiz and stays approved.",
            "%(num)d questions are in a published quiz and stay approved.", len(kept))]))
    return _changed(document, changed, message, numbers)


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
