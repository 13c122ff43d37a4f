"""The short path's one screen: the generator's proposed quiz, ticked, edited in place and published at once."""

from __future__ import annotations

from flask import flash, render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..extensions import db
from ..kinds import KINDS, select_choices
from ..models import Document, Question
from ..services import bank, proposals, quizzes
from .access import owned_or_404
from .forms import ProposalForm, QuestionForm
from .views import bp, done

PROMPT_ROWS = 2


def _editor(question: Question, number: int, *, posted: bool) -> QuestionForm:
    """Return the in-place editor of one proposed question: its own fields, prefixed by its id, no CSRF of its own."""
    true_false = bank.true_false_options(question.document)
    editor = QuestionForm(prefix=f"q{question.id}", meta={"csrf": False}, true_false=true_false,
                          **({} if posted else {"formdata": None}))
    if not posted:
        editor.fill(question)
    # The kind stays as generated here; changing it is the full edit page's work.
    editor.kind.data = question.kind
    editor.prompt.label.text = _("Question %(n)d", n=number)
    editor.prompt.render_kw = {"rows": PROMPT_ROWS, "lang": question.document.language}
    editor.number = number
    return editor


def _plain(value: str | None) -> str:
    """Return a field's text as a comparison should see it: a browser sends a textarea's lines with CRLF."""
    return (value or "").replace("\r\n", "\n").strip()


def _touched(editor: QuestionForm, question: Question) -> bool:
    """Tell whether the teacher changed any field of a question's editor from what the page showed."""
    shown = QuestionForm(prefix=editor._prefix, meta={"csrf": False}, formdata=None,
                         true_false=editor.true_false)
    shown.fill(question)
    for name in ("prompt", "explanation", "points", *KINDS[question.kind].answer_fields):
        posted = editor[name].raw_data
        if posted and _plain(posted[0]) != _plain(shown[name]._value()):
            return True
    return False


def _edits(editors: dict[int, QuestionForm], chosen: list[Question]) -> tuple[dict, bool]:
    """Return the chosen questions' edits as the bank takes them, and whether every edit is valid."""
    edits, valid = {}, True
    for question in chosen:
        editor = editors[question.id]
        if not _touched(editor, question):
            continue
        if editor.validate():
            edits[question] = editor.cleaned()
        else:
            valid = False
    return edits, valid


@bp.route("/documents/<int:document_id>/proposal", methods=["GET", "POST"])
def proposal(document_id: int):
    document = owned_or_404(Document, document_id)
    proposed, others = proposals.propose(document)
    candidates = proposed + others
    form = ProposalForm(title=document.title, questions=[q.id for q in proposed])
    form.questions.choices = select_choices((q.id, q.prompt) for q in candidates)
    posted = request.method == "POST"
    editors = {q.id: _editor(q, number, posted=posted) for number, q in enumerate(candidates, start=1)}
    if form.validate_on_submit():
        ticked = set(form.questions.data)
        chosen = [q for q in candidates if q.id in ticked]
        edits, valid = _edits(editors, chosen)
        if valid:
            try:
                quiz, regrade = proposals.publish_proposal(current_user, document, form.title.data, chosen, edits,
                                                           publish=request.form.get("action") != "draft")
            except (bank.BankError, quizzes.QuizError) as error:
                db.session.rollback()
                form.questions.errors.append(str(error))
            else:
                if regrade:
                    flash(ngettext("%(num)d edited question had been answered in another quiz: regrade it from "
                                   "the question bank.", "%(num)d edited questions had been answered in another "
                                   "quiz: regrade them from the question bank.", len(regrade)), "error")
                message = (_("Published: share the code, the link or the QR code.") if quiz.published
                           else _("Quiz saved as a draft: publish it when you are ready."))
                return done(message, "teacher.quiz", quiz_id=quiz.id, _anchor="share" if quiz.published else None)
    status = 400 if form.errors or any(editor.errors for editor in editors.values()) else 200
    boxes = {option.data: option for option in form.questions}
    # Open the fold of further questions when one of them is ticked or its edit came back with a message.
    more_open = any(boxes[q.id].checked or editors[q.id].errors for q in others)
    return render_template("teacher/proposal.html", document=document, form=form, proposed=proposed, others=others,
                           editors=editors, boxes=boxes, more_open=more_open, kinds=KINDS,
                           settings=proposals.DEFAULT_SETTINGS), status
