"""Add documents (pasted or uploaded), show them with their facts, correct the language, remove them."""

from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from ..errors import too_large
from ..extensions import db
from ..generator import EmptyDocument, UnsupportedLanguage
from ..models import Document, Job, Question, Quiz
from ..services import bank, documents, readers
from .access import owned_or_404
from .forms import DocumentForm, EmptyForm, LanguageForm
from .views import bp, confirm_removal, done, invalid, refused


def _text_of(form: DocumentForm) -> tuple[str, str | None]:
    """Return the form's text and source file name; raise UnreadableFile for a bad upload."""
    upload = form.upload.data
    if upload and getattr(upload, "filename", ""):
        return readers.read_file(upload.filename, upload.read()), readers.clean_name(upload.filename)
    return readers.read_pasted(form.text.data), None


@bp.errorhandler(RequestEntityTooLarge)
def upload_too_large(error):
    """Answer an oversized upload with the form again and the limit next to its field, not a bare error page."""
    if request.endpoint != "teacher.new_document":
        return too_large()
    form = DocumentForm(formdata=None)
    form.upload.errors = [_("This file is larger than the %(mb).1f MB limit.",
                            mb=current_app.config["MAX_CONTENT_LENGTH"] / 1_048_576)]
    return render_template("teacher/document_new.html", form=form), 413


@bp.route("/documents/new", methods=["GET", "POST"])
def new_document():
    form = DocumentForm()
    # The short path's button: once the questions are written, lead to the proposed quiz, not to the document.
    propose = request.form.get("then") == "quiz"
    if form.validate_on_submit():
        try:
            text, source = _text_of(form)
            document, existed = documents.submit(current_user, text, title=form.title.data or None,
                                                 language=form.language.data or None, source_name=source,
                                                 propose=propose)
        except readers.UnreadableFile as error:
            (form.upload if form.upload.data else form.text).errors.append(str(error))
        except documents.Refused as error:
            getattr(form, error.field).errors.append(str(error))
        else:
            if existed:
                # One document per text and teacher: say so, and lead to the one they have.
                db.session.commit()
                return render_template("teacher/document_new.html", form=form, duplicate=document), 409
            if isinstance(document, Job):
                return redirect(url_for("jobs.show", job_id=document.id))
            return done(ngettext("Document added with %(num)d draft question.",
                                 "Document added with %(num)d draft questions.", len(document.questions)),
                        "teacher.proposal" if propose else "teacher.document", document_id=document.id)
    if form.errors:
        return invalid("teacher/document_new.html", form=form)
    return render_template("teacher/document_new.html", form=form)


@bp.route("/documents/<int:document_id>")
def document(document_id: int):
    document = owned_or_404(Document, document_id)
    # ?question= only marks a question's evidence: an unknown or foreign one marks nothing.
    selected = db.session.get(Question, request.args.get("question", type=int) or 0)
    if selected is not None and selected.document_id != document.id:
        selected = None
    evidence = (selected.evidence_start, selected.evidence_end) if selected and selected.evidence_start is not None else None
    language_form = LanguageForm(language=document.language)
    return render_template(
        "teacher/document.html", document=document, selected=selected,
        segments=documents.segments(document.text, document.facts, evidence),
        counts=bank.counts(document), language_form=language_form, form=EmptyForm(),
        quizzes=db.session.scalars(db.select(Quiz).where(Quiz.document_id == document.id).order_by(Quiz.id)).all(),
    )


@bp.post("/documents/<int:document_id>/language")
def document_language(document_id: int):
    document = owned_or_404(Document, document_id)
    form = LanguageForm()
    if not form.validate_on_submit():
        return refused(_("Choose Italian or English."), "teacher.document", document_id=document.id)
    try:
        documents.set_language(document, form.language.data)
    except (EmptyDocument, UnsupportedLanguage):
        return refused(_("The generator found nothing to ask in that language."), "teacher.document",
                       document_id=document.id)
    return done(_("Language set; the untouched drafts were written again in it."), "teacher.document",
                document_id=document.id)


@bp.post("/documents/<int:document_id>/generate")
def generate(document_id: int):
    document = owned_or_404(Document, document_id)
    seed = request.form.get("seed", type=int, default=0) % 1_000_000
    try:
        added = documents.regenerate_or_queue(document, current_user, seed=seed)
        if isinstance(added, Job):
            return redirect(url_for("jobs.show", job_id=added.id))
    except (EmptyDocument, UnsupportedLanguage):
        return refused(_("The generator found nothing to ask in this document."), "teacher.document",
                       document_id=document.id)
    return done(ngettext("%(num)d new draft question.", "%(num)d new draft questions.", len(added)),
                "teacher.questions", document_id=document.id, status="draft")


@bp.route("/documents/<int:document_id>/delete", methods=["GET", "POST"])
def delete_document(document_id: int):
    document = owned_or_404(Document, document_id)
    return confirm_removal(
        lambda: documents.remove(document),
        {"archived": _("The document and its quizzes were archived; their scores are kept."),
         "deleted": _("The document was deleted.")},
        what=document.title, has_attempts=documents.has_attempts(document),
        cancel=("teacher.document", {"document_id": document.id}))
