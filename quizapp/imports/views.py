"""The teacher's import pages: choose a file, preview what it holds, save the questions into the bank."""

from __future__ import annotations

from flask import Blueprint, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from werkzeug.exceptions import NotFound, RequestEntityTooLarge

from ..errors import too_large
from ..kinds import KINDS
from ..labels import LANGUAGES
from ..models import Document
from ..teacher.access import owned_or_404
from ..teacher.views import done, refused
from . import messages, service
from .forms import SaveForm, UploadForm

bp = Blueprint("imports", __name__, url_prefix="/teach")


@bp.before_request
@login_required
def require_login():
    """Keep the import pages behind the teacher login, as the rest of /teach."""


def _upload_page(form: UploadForm, document: Document | None, status: int = 200):
    return render_template("imports/upload.html", form=form, document=document,
                           max_bytes=service.max_bytes()), status


@bp.errorhandler(RequestEntityTooLarge)
def upload_too_large(error):
    """Answer a request over the server's limit with the form again and the limit beside the file field.

    The request was refused before the login and ownership checks: anyone else gets the plain 413 page.
    """
    if not current_user.is_authenticated:
        return too_large()
    document_id = (request.view_args or {}).get("document_id")
    try:
        document = owned_or_404(Document, document_id) if document_id else None
    except NotFound:
        return too_large()
    form = UploadForm(formdata=None)
    form.upload.errors = [_("This file is larger than the %(mb).1f MB limit for question files.",
                            mb=service.max_bytes() / 1_048_576)]
    return _upload_page(form, document, 413)


@bp.route("/import", methods=["GET", "POST"])
def upload():
    """Import a file into a new document of its own."""
    return _preview(None)


@bp.route("/documents/<int:document_id>/import", methods=["GET", "POST"])
def upload_into(document_id: int):
    """Import a file into one of the teacher's documents."""
    return _preview(owned_or_404(Document, document_id))


def _preview(document: Document | None):
    form = UploadForm()
    if not form.validate_on_submit():
        return _upload_page(form, document, 400 if form.errors else 200)
    filename, data = form.source()
    try:
        report = service.import_questions(current_user, filename, data, language=form.language.data or None,
                                          into=document)
    except service.ImportRefused as error:
        (form.upload if form.has_file() else form.text).errors.append(str(error))
        return _upload_page(form, document, error.status)
    save_form = SaveForm.carrying(report.source_name, data, report.language, report.digest)
    action = (url_for("imports.save_into", document_id=document.id) if document is not None
              else url_for("imports.save"))
    return render_template("imports/preview.html", report=report, form=save_form, action=action, document=document,
                           kinds=KINDS, languages=LANGUAGES, reason=messages.reason, remark=messages.remark,
                           item_type=messages.item_type)


@bp.post("/import/save")
def save():
    return _save(None)


@bp.post("/documents/<int:document_id>/import/save")
def save_into(document_id: int):
    return _save(owned_or_404(Document, document_id))


def _save(document: Document | None):
    back = ("imports.upload_into", {"document_id": document.id}) if document is not None else ("imports.upload", {})
    form = SaveForm()
    if not form.validate_on_submit():
        return refused(_("The previewed file did not come back whole: upload it again."), back[0], **back[1])
    try:
        report = service.import_questions(current_user, form.filename.data or "questions", form.data_bytes(),
                                          language=form.language.data, into=document, save=True,
                                          digest=form.digest.data)
    except service.ImportRefused as error:
        return refused(str(error), back[0], **back[1])
    message = ngettext("%(num)d question imported and approved.", "%(num)d questions imported and approved.",
                       len(report.ready))
    if report.skipped:
        message += " " + ngettext("%(num)d item of the file was not imported, as the preview listed.",
                                  "%(num)d items of the file were not imported, as the preview listed.",
                                  len(report.skipped))
    return done(message, "teacher.questions", document_id=report.document.id)
