"""Describe what the API reads and writes, as marshmallow schemas the OpenAPI document is built from."""

from __future__ import annotations

import datetime as dt
import re

import marshmallow as ma
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate

from ..config import MAX_TIME_LIMIT_MINUTES
from ..kinds import KINDS
from ..labels import LANGUAGES
from ..services.bank import STATUSES

MAX_ID = 2**31 - 1
MAX_TEXT = 1_000_000
MAX_LIST = 500
# Characters no stored text may hold: NUL (PostgreSQL refuses it) and lone surrogates (not UTF-8).
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


class Text(fields.String):
    """A string that refuses characters the database cannot store, rather than failing on them."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if _UNSTORABLE.search(text):
            raise ma.ValidationError(str(_l("Contains a character that cannot be stored (NUL or a lone surrogate).")))
        return text


class UtcDateTime(fields.AwareDateTime):
    """A moment in time written with its offset; read into naive UTC, as every timestamp is stored."""

    def __init__(self, **kwargs):
        super().__init__(default_timezone=dt.UTC, **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return super()._serialize(value, attr, obj, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        moment = super()._deserialize(value, attr, data, **kwargs)
        try:
            return moment.astimezone(dt.UTC).replace(tzinfo=None)
        except OverflowError as error:  # "0001-01-01T00:00:00+01:00" has no UTC time
            raise ma.ValidationError(str(_l("This moment has no UTC time."))) from error


def Id(**kwargs) -> fields.Integer:  # noqa: N802  (a field factory, read like a field class)
    """Return a field for a record id: a positive integer the database can hold."""
    return fields.Integer(strict=True, validate=validate.Range(1, MAX_ID), **kwargs)


class Schema(ma.Schema):
    """Refuse unknown fields: a misspelt setting is an error, not silently ignored."""

    class Meta:
        unknown = ma.RAISE


# --- pagination -----------------------------------------------------------------------------------

class PageArgs(Schema):
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100),
                           metadata={"description": "How many items to return (1-100)"})
    offset = fields.Integer(load_default=0, validate=validate.Range(0, 10_000_000),
                            metadata={"description": "How many items to skip"})


class Links(Schema):
    self = fields.String(required=True)
    first = fields.String(required=True)
    prev = fields.String(allow_none=True, required=True)
    next = fields.String(allow_none=True, required=True)


class PageSchema(Schema):
    total = fields.Integer(required=True, metadata={"description": "How many items there are in all"})
    limit = fields.Integer(required=True)
    offset = fields.Integer(required=True)
    links = fields.Nested(Links, required=True)


def page_of(item_schema: type[ma.Schema], name: str) -> type[ma.Schema]:
    """Return a schema of one page of items: the items, the total and the links to the pages around it."""
    return type(name, (PageSchema,), {"items": fields.List(fields.Nested(item_schema), required=True)})


# --- jobs -----------------------------------------------------------------------------------------

class JobSchema(Schema):
    id = fields.Integer(required=True)
    kind = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(["queued", "running", "done", "failed"]))
    progress = fields.Integer(required=True, metadata={"description": "Percent done"})
    message = fields.String(required=True)
    error = fields.String(required=True)
    url = fields.String(required=True, metadata={"description": "This job's own address: poll it"})
    result_url = fields.String(allow_none=True, required=True,
                               metadata={"description": "Where the result is, once done"})
    created_at = UtcDateTime(required=True)
    finished_at = UtcDateTime(allow_none=True, required=True)


# --- documents ------------------------------------------------------------------------------------

class Counts(Schema):
    draft = fields.Integer(required=True)
    approved = fields.Integer(required=True)
    rejected = fields.Integer(required=True)


class DocumentSchema(Schema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    language = fields.String(required=True)
    published = fields.Date(allow_none=True, required=True, metadata={"description": "The date its header gives"})
    source_name = fields.String(allow_none=True, required=True)
    archived = fields.Boolean(required=True)
    created_at = UtcDateTime(required=True)
    questions = fields.Nested(Counts, required=True, metadata={"description": "Questions in each status"})
    url = fields.String(required=True)


class DocumentDetailSchema(DocumentSchema):
    text = fields.String(required=True)


DocumentPage = page_of(DocumentSchema, "DocumentPage")

LANGUAGE = validate.OneOf(list(LANGUAGES))


class NewDocument(Schema):
    text = Text(required=True, validate=validate.Length(1, MAX_TEXT))
    title = Text(validate=validate.Length(max=200), allow_none=True)
    language = fields.String(validate=LANGUAGE, allow_none=True,
                             metadata={"description": "Omit to detect it"})


class UploadForm(Schema):
    title = Text(validate=validate.Length(max=200))
    language = fields.String(validate=LANGUAGE)


class UploadFile(Schema):
    file = fields.Raw(required=True, metadata={"type": "string", "format": "binary",
                                               "description": ".txt, .md, .html, .pdf or .docx"})


class Generate(Schema):
    seed = fields.Integer(load_default=0, validate=validate.Range(0, 999_999))


# --- questions ------------------------------------------------------------------------------------

class Evidence(Schema):
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    text = fields.String(required=True)


class QuestionSchema(Schema):
    id = fields.Integer(required=True)
    document_id = fields.Integer(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(list(KINDS)))
    prompt = fields.String(required=True)
    options = fields.List(fields.String(), required=True)
    correct = fields.List(fields.Raw(), required=True, metadata={
        "description": "Indices into options (choice kinds), accepted answers (text kinds), or the number"})
    tolerance = fields.Float(required=True)
    answer_texts = fields.List(fields.String(), required=True)
    explanation = fields.String(required=True)
    evidence = fields.Nested(Evidence, allow_none=True, required=True)
    fact_kind = fields.String(allow_none=True, required=True)
    points = fields.Float(required=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    origin = fields.String(required=True)
    created_at = UtcDateTime(required=True)
    updated_at = UtcDateTime(required=True)


QuestionPage = page_of(QuestionSchema, "QuestionPage")


class QuestionList(Schema):
    items = fields.List(fields.Nested(QuestionSchema), required=True)


class QuestionArgs(PageArgs):
    status = fields.String(validate=validate.OneOf(STATUSES), metadata={"description": "Only this status"})


class QuestionInput(Schema):
    """A question as the teacher writes it; the same rules as the edit form apply (see bank.check)."""

    kind = fields.String(required=True, validate=validate.OneOf(list(KINDS)))
    prompt = Text(required=True, validate=validate.Length(1, 2000))
    options = fields.List(Text(validate=validate.Length(1, 500)), load_default=list, validate=validate.Length(max=12),
                          metadata={"description": "For single, multiple and true_false (empty: the usual two)"})
    correct = fields.List(fields.Raw(), required=True, validate=validate.Length(1, 50), metadata={
        "description": "Indices into options from 0 (choice kinds), accepted answers (cloze, short), "
                       "or one number (numeric)"})
    tolerance = fields.Float(load_default=0.0, validate=validate.Range(0, 1e9))
    explanation = Text(load_default="", validate=validate.Length(max=3000))
    points = fields.Float(load_default=1.0, validate=validate.Range(0, 1000))


class QuestionSaved(QuestionSchema):
    regrade_suggested = fields.Boolean(required=True, metadata={
        "description": "The key changed and students had answered: POST .../regrade to rescore them"})


class StatusInput(Schema):
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))


class RegradeResult(Schema):
    attempts_changed = fields.Integer(required=True)


# --- quizzes --------------------------------------------------------------------------------------

class ItemSchema(Schema):
    id = fields.Integer(required=True)
    question_id = fields.Integer(required=True)
    position = fields.Integer(required=True)
    points = fields.Float(required=True)
    kind = fields.String(required=True)
    prompt = fields.String(required=True)


GRADING = validate.OneOf(["highest", "last", "first", "average"])
REVIEW = validate.OneOf(["immediately", "after_close", "never"])


class QuizSettings(Schema):
    """A quiz's settings; on PATCH, only those given change."""

    title = Text(validate=validate.Length(1, 200))
    time_limit_minutes = fields.Integer(allow_none=True, validate=validate.Range(1, MAX_TIME_LIMIT_MINUTES))
    max_attempts = fields.Integer(allow_none=True, validate=validate.Range(1, 100),
                                  metadata={"description": "null: unlimited"})
    grading_method = fields.String(validate=GRADING)
    opens_at = UtcDateTime(allow_none=True)
    closes_at = UtcDateTime(allow_none=True)
    one_per_page = fields.Boolean()
    shuffle_questions = fields.Boolean()
    shuffle_options = fields.Boolean()
    review = fields.String(validate=REVIEW)
    pass_mark = fields.Float(allow_none=True, validate=validate.Range(0, 100))
    roster = Text(allow_none=True, validate=validate.Length(max=20000),
                  metadata={"description": "One student identifier per line"})
    listed = fields.Boolean()


class QuizSchema(Schema):
    id = fields.Integer(required=True)
    document_id = fields.Integer(required=True)
    title = fields.String(required=True)
    join_code = fields.String(required=True)
    join_url = fields.String(required=True)
    published = fields.Boolean(required=True)
    archived = fields.Boolean(required=True)
    listed = fields.Boolean(required=True)
    time_limit_minutes = fields.Integer(allow_none=True, required=True)
    max_attempts = fields.Integer(allow_none=True, required=True)
    grading_method = fields.String(required=True)
    opens_at = UtcDateTime(allow_none=True, required=True)
    closes_at = UtcDateTime(allow_none=True, required=True)
    one_per_page = fields.Boolean(required=True)
    shuffle_questions = fields.Boolean(required=True)
    shuffle_options = fields.Boolean(required=True)
    review = fields.String(required=True)
    pass_mark = fields.Float(allow_none=True, required=True)
    roster = fields.String(allow_none=True, required=True)
    max_score = fields.Float(required=True)
    created_at = UtcDateTime(required=True)
    items = fields.List(fields.Nested(ItemSchema), required=True)
    url = fields.String(required=True)


QuizPage = page_of(QuizSchema, "QuizPage")


class NewQuiz(Schema):
    document_id = Id(required=True)
    title = Text(validate=validate.Length(1, 200), metadata={"description": "Omit for the document's title"})
    question_ids = fields.List(Id(), validate=validate.Length(1, MAX_LIST), metadata={
        "description": "Approved questions of the document, in this order; omit for all of them"})


class AddItems(Schema):
    question_ids = fields.List(Id(), required=True, validate=validate.Length(1, MAX_LIST))


class Order(Schema):
    item_ids = fields.List(Id(), required=True, validate=validate.Length(1, MAX_LIST))


class Removal(Schema):
    result = fields.String(required=True, validate=validate.OneOf(["archived", "deleted"]),
                           metadata={"description": "Archived when it has attempts (their scores are kept)"})


# --- attempts and scores --------------------------------------------------------------------------

class AttemptSchema(Schema):
    id = fields.Integer(required=True)
    quiz_id = fields.Integer(required=True)
    name = fields.String(required=True)
    identifier = fields.String(allow_none=True, required=True)
    number = fields.Integer(required=True)
    state = fields.String(required=True, validate=validate.OneOf(["in_progress", "submitted"]))
    started_at = UtcDateTime(required=True)
    deadline_at = UtcDateTime(allow_none=True, required=True)
    submitted_at = UtcDateTime(allow_none=True, required=True)
    auto_submitted = fields.Boolean(required=True)
    score = fields.Float(allow_none=True, required=True)
    max_score = fields.Float(required=True)
    percentage = fields.Float(allow_none=True, required=True)
    url = fields.String(required=True)


AttemptPage = page_of(AttemptSchema, "AttemptPage")


class Answer(Schema):
    question_id = fields.Integer(required=True)
    kind = fields.String(required=True)
    prompt = fields.String(required=True)
    points = fields.Float(required=True)
    answer = fields.String(required=True, metadata={"description": "The answer given, in words"})
    correct = fields.String(required=True, metadata={"description": "The right answer, in words"})
    earned = fields.Float(allow_none=True, required=True)


class AttemptDetailSchema(AttemptSchema):
    answers = fields.List(fields.Nested(Answer), required=True)


class ScoreRow(Schema):
    attempt_id = fields.Integer(required=True)
    name = fields.String(required=True)
    identifier = fields.String(required=True)
    attempt = fields.Integer(required=True)
    state = fields.String(required=True)
    started_at = UtcDateTime(required=True)
    submitted_at = UtcDateTime(allow_none=True, required=True)
    duration_seconds = fields.Integer(allow_none=True, required=True)
    score = fields.Float(allow_none=True, required=True)
    max_score = fields.Float(required=True)
    percentage = fields.Float(allow_none=True, required=True)
    passed = fields.Boolean(allow_none=True, required=True)
    counts_for_grade = fields.Boolean(required=True)


ScorePage = page_of(ScoreRow, "ScorePage")


class Me(Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    email = fields.String(required=True)
    is_admin = fields.Boolean(required=True)
    scope = fields.String(required=True, validate=validate.OneOf(["read", "write"]))
