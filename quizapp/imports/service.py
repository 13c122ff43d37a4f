"""Import a question file into a teacher's question bank: preview what it holds, then save it.

import_questions is the one entry point (the web pages and any API call it):
with save=False it only reports what would be imported and what is skipped and
why; with save=True it adds the questions, approved, to the bank.

Where imported questions live: a quizapp question belongs to a document's bank,
and a quiz is built from one document's questions. So a file is imported either
into a document the teacher picks (to mix its questions with the generated
ones), or into a new document of its own, made per upload: it keeps the file's
text and name, is marked origin "import" (nothing is generated from it), and
importing the same file again adds only what its bank lacks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..generator.lang import SUPPORTED, detect_language, load_pack
from ..kinds import clean_text
from ..models import Document, Question, User
from ..services import bank, documents, readers
from . import messages
from .parsing import parse
from .records import DamagedFile, Note, ParsedQuestion, Skipped

ORIGIN = "imported"
# The largest question file accepted: a whole course bank in GIFT or Moodle XML, without its images.
DEFAULT_MAX_BYTES = 2 * 1024 * 1024


class ImportRefused(ValueError):
    """The file cannot be imported at all; the message says why, status is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Ready:
    """A question that is (or will be) imported: where it stood in the file and what the bank gets."""

    parsed: ParsedQuestion
    data: bank.QuestionData


@dataclass(frozen=True)
class ImportReport:
    """What a file holds for a bank: the questions imported, the items skipped (and why), where they go."""

    source_name: str
    format: str
    language: str
    digest: str
    target: Document | None
    ready: tuple[Ready, ...]
    skipped: tuple[Skipped, ...]
    categories: tuple[str, ...]
    document: Document | None = None

    @property
    def items(self) -> int:
        return len(self.ready) + len(self.skipped)


def max_bytes() -> int:
    """Return the size limit of a question file, in bytes (IMPORT_MAX_BYTES)."""
    return int(current_app.config.get("IMPORT_MAX_BYTES") or DEFAULT_MAX_BYTES)


def digest_of(data: bytes) -> str:
    """Return the SHA-256 of a file's bytes: the preview and the save agree on the same file by it."""
    return hashlib.sha256(data).hexdigest()


def import_questions(owner: User, filename: str, data: bytes, *, language: str | None = None,
                     into: Document | None = None, save: bool = False, digest: str | None = None) -> ImportReport:
    """Read a GIFT or Moodle XML file for owner's bank; with save, add its questions. The caller commits.

    ``into`` is a document of owner's to add the questions to; without it they go
    to a new document made for the file (or to the one an earlier import of the
    same file made). ``language`` is the new document's (detected when None).
    ``digest``, when given, must be the previewed file's (digest_of): a changed
    file is refused rather than saved unseen. Raises ImportRefused.
    """
    if into is not None and into.owner_id != owner.id and not owner.is_admin:
        raise ImportRefused(str(_l("You can import only into your own question bank.")), 404)
    if digest is not None and digest != digest_of(data):
        raise ImportRefused(str(_l("The file is not the one previewed: upload it again.")))
    text = _read(data)
    try:
        result = parse(data, text)
    except DamagedFile as error:
        raise ImportRefused(messages.damage(error)) from error
    if into is None:
        into = documents.find_duplicate(owner, text)
    if into is not None:
        language = into.language
    elif language not in SUPPORTED:
        language = detect_language(" ".join(q.prompt for q in result.questions)) or _default_language()
    if save and into is not None:
        _lock(into)
    ready, skipped = _sort(result.questions, into, language)
    report = ImportReport(source_name=readers.clean_name(filename or "questions"), format=result.format,
                          language=language, digest=digest_of(data), target=into, ready=tuple(ready),
                          skipped=tuple(sorted(skipped + list(result.skipped), key=lambda item: item.number)),
                          categories=result.categories)
    if not save:
        return report
    if not ready:
        raise ImportRefused(str(_l("There is no question in this file that quizapp can import.")))
    document = into or _new_document(owner, report, text)
    document.archived = False
    _store(document, ready)
    try:
        db.session.flush()
    except IntegrityError as error:
        # The same file saved twice at once (a double click): the first made its document.
        db.session.rollback()
        raise ImportRefused(str(_l("This file has just been imported: its questions are in the document "
                                   "named after it.")), 409) from error
    return replace(report, document=document)


def _read(data: bytes) -> str:
    """Return a file's text, refusing an empty, oversized or unreadable file."""
    if not data:
        raise ImportRefused(str(_l("The file is empty.")))
    if len(data) > max_bytes():
        raise ImportRefused(str(_l("This file is larger than the %(mb).1f MB limit for question files.",
                                   mb=max_bytes() / 1_048_576)), 413)
    try:
        return readers.decode(data).replace("\x00", "")
    except readers.UnreadableFile as error:
        raise ImportRefused(str(error)) from error


def _default_language() -> str:
    default = current_app.config.get("BABEL_DEFAULT_LOCALE")
    return default if default in SUPPORTED else "en"


def _lock(document: Document) -> None:
    """Take the document's row before reading its bank, so saves racing on one bank add each question once.

    An UPDATE, not SELECT … FOR UPDATE: it also takes SQLite's write lock, which
    a SELECT does not; the row stays as it was but for un-archiving, which a save does anyway.
    """
    db.session.execute(update(Document).where(Document.id == document.id).values(archived=False))


def _sort(questions: tuple[ParsedQuestion, ...], target: Document | None,
          language: str) -> tuple[list[Ready], list[Skipped]]:
    """Turn parsed questions into the bank's terms; skip those the bank holds or the file repeats."""
    known = {(kind, prompt) for kind, prompt in db.session.execute(
        db.select(Question.kind, Question.prompt).where(Question.document_id == target.id))} if target is not None else set()
    first: dict[tuple[str, str], int] = {}
    true_false = list(load_pack(language).get("true_false"))
    ready, skipped = [], []
    for parsed in questions:
        data = question_data(parsed, true_false)
        key = (data.kind, data.prompt)
        if key in known:
            skipped.append(Skipped(parsed.number, parsed.line, parsed.name, data.kind, Note("already_in_bank")))
        elif key in first:
            skipped.append(Skipped(parsed.number, parsed.line, parsed.name, data.kind, Note("repeated", str(first[key]))))
        else:
            first[key] = parsed.number
            ready.append(Ready(parsed, data))
    return ready, skipped


def question_data(parsed: ParsedQuestion, true_false: list[str]) -> bank.QuestionData:
    """Return a parsed question as the bank takes it; a true or false one gets the bank language's two options."""
    options = list(true_false) if parsed.kind == "true_false" else [clean_text(option) for option in parsed.options]
    correct = [clean_text(value) if isinstance(value, str) else value for value in parsed.correct]
    return bank.QuestionData(kind=parsed.kind, prompt=clean_text(parsed.prompt), options=options, correct=correct,
                             tolerance=float(parsed.tolerance), explanation=clean_text(parsed.explanation),
                             points=float(parsed.points))


def _title(report: ImportReport) -> str:
    """Return a new document's title: the file's category (its last part), else the file's name."""
    for category in report.categories:
        leaf = category.rstrip("/").rsplit("/", 1)[-1].strip()
        if leaf and not leaf.startswith("$") and leaf.lower() != "top" and not leaf.lower().startswith("default for"):
            name = leaf
            break
    else:
        name = report.source_name
    return str(_l("Imported questions: %(name)s", name=name))[:documents.TITLE_LENGTH]


def _new_document(owner: User, report: ImportReport, text: str) -> Document:
    document = Document(owner=owner, title=_title(report), language=report.language, published=None, text=text,
                        checksum=documents.checksum(text), source_name=report.source_name, origin="import")
    db.session.add(document)
    return document


def _store(document: Document, ready: list[Ready]) -> None:
    """Add the questions to the document's bank, approved (the teacher chose them on the preview)."""
    position = len(document.questions)
    for offset, item in enumerate(ready):
        data = item.data
        db.session.add(Question(document=document, position=position + offset, kind=data.kind, prompt=data.prompt,
                                options=list(data.options), correct=list(data.correct), tolerance=data.tolerance,
                                answer_texts=bank.answer_texts(data), explanation=data.explanation,
                                points=data.points, status="approved", origin=ORIGIN))
