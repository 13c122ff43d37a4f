"""Documents by API: add from text or an uploaded file, list, read, remove, generate questions."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import db
from ..generator import EmptyDocument, UnsupportedLanguage
from ..models import Document, Job
from ..services import documents, readers
from ..teacher.access import owned_or_404, visible_to_current
from . import schemas, serialize
from .auth import MULTIPART_ENDPOINTS
from .common import accepted, conflict, invalid, page, resource

bp = resource("documents", "Texts that questions are generated from")


def _added(document, existed: bool):
    """Answer a submitted text: 200 for the teacher's existing copy, 201 for a new document, 202 for a job."""
    db.session.commit()
    if isinstance(document, Job):
        return accepted(document)
    return (serialize.document(document, text=True), 200 if existed else 201,
            {"Location": url_for("api_documents.document", document_id=document.id)})


def _submit(text: str, source_name: str | None, data: dict):
    try:
        document, existed = documents.submit(current_user, text, title=data.get("title") or None,
                                             language=data.get("language") or None, source_name=source_name)
    except documents.Refused as error:
        return invalid({error.field: [str(error)]})
    return _added(document, existed)


@bp.get("/documents")
@bp.arguments(schemas.PageArgs, location="query")
@bp.response(200, schemas.DocumentPage)
def documents_list(args):
    """List your documents, newest first."""
    query = visible_to_current(Document).order_by(Document.created_at.desc(), Document.id.desc())
    result = page(query, args, "api_documents.documents_list")
    result["items"] = [serialize.document(item) for item in result["items"]]
    return result


@bp.post("/documents")
@bp.arguments(schemas.NewDocument)
@bp.response(201, schemas.DocumentDetailSchema, description="Added, with its draft questions")
@bp.alt_response(200, schema=schemas.DocumentDetailSchema, description="You already had this text: here it is")
@bp.alt_response(202, schema=schemas.JobSchema, description="A long text: generating runs as a job; poll its url")
def create(data):
    """Add a document from text; its draft questions are generated at once (or by a job for a long text)."""
    try:
        text = readers.read_pasted(data["text"])
    except readers.UnreadableFile as error:
        return invalid({"text": [str(error)]})
    return _submit(text, None, data)


@bp.post("/documents/upload")
@bp.arguments(schemas.UploadForm, location="form")
@bp.arguments(schemas.UploadFile, location="files")
@bp.response(201, schemas.DocumentDetailSchema, description="Added, with its draft questions")
@bp.alt_response(200, schema=schemas.DocumentDetailSchema, description="You already had this text: here it is")
@bp.alt_response(202, schema=schemas.JobSchema, description="A long text: generating runs as a job; poll its url")
def upload(data, files):
    """Add a document from a file (.txt, .md, .html, .pdf or .docx)."""
    upload = files["file"]
    try:
        text = readers.read_file(upload.filename or "", upload.read())
    except readers.UnreadableFile as error:
        return invalid({"file": [str(error)]})
    return _submit(text, readers.clean_name(upload.filename or ""), data)


MULTIPART_ENDPOINTS.add("api_documents.upload")


@bp.get("/documents/<int:document_id>")
@bp.response(200, schemas.DocumentDetailSchema)
def document(document_id: int):
    """Read one of your documents, with its text."""
    return serialize.document(owned_or_404(Document, document_id), text=True)


@bp.delete("/documents/<int:document_id>")
@bp.response(200, schemas.Removal)
def remove(document_id: int):
    """Remove a document: deleted when nobody answered its quizzes, else archived with them (scores kept)."""
    result = documents.remove(owned_or_404(Document, document_id))
    db.session.commit()
    return {"result": result}


@bp.post("/documents/<int:document_id>/generate")
@bp.arguments(schemas.Generate)
@bp.response(201, schemas.QuestionList, description="Untouched drafts replaced by a new run")
@bp.alt_response(202, schema=schemas.JobSchema, description="A long document: generating runs as a job")
def generate(data, document_id: int):
    """Generate the draft questions again (approved, edited and used questions stay)."""
    document = owned_or_404(Document, document_id)
    try:
        added = documents.regenerate_or_queue(document, current_user, seed=data["seed"])
    except (EmptyDocument, UnsupportedLanguage):
        return conflict(_("The generator found nothing to ask in this document."))
    db.session.commit()
    if isinstance(added, Job):
        return accepted(added)
    return {"items": [serialize.question(question) for question in added]}, 201
