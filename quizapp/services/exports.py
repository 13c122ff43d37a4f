"""Export results in three layers: builders return (headers, rows), writers make files.

Views only send what a writer yields, so CSV, XLSX and later formats share the
same rows, and rows are streamed from the database rather than loaded at once.
Headers and words (state, kind) are in the interface language and times in the
instance's zone, for both formats; numbers, dates and yes/no stay typed in the
rows, and the CSV writer writes them the way the language's spreadsheets read
them (CsvStyle: "9,5" between semicolons in Italian).
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Text, cast, func

from .. import labels, localtime
from ..extensions import db
from ..kinds import kind_of
from ..models import Attempt, Participant, Quiz, QuizQuestion, Response
from .stats import counts_for_grade, quiz_entries

Rows = Iterable[tuple[Any, ...]]

# A spreadsheet treats a cell starting with one of these as a formula (OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")
STREAM_BATCH = 1000
# Distinct (question, stored answer) pairs whose words the answers export keeps at once.
DESCRIBED_KEPT = 50_000
# Characters XML 1.0 (so XLSX) cannot hold; openpyxl refuses them.
XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
XLSX_MAX_TEXT = 32_767
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILE_CHUNK = 64 * 1024


def neutralise(value: Any) -> Any:
    """Defuse a text cell a spreadsheet would run as a formula; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


# Each table's columns: a header in the interface language; "%(zone)s" is the instance's time zone.
SCORE_COLUMNS = (
    _l("Attempt ID"), _l("Name"), _l("Identifier"), _l("Attempt"), _l("State"), _l("Started (%(zone)s)"),
    _l("Submitted (%(zone)s)"), _l("Duration (seconds)"), _l("Score"), _l("Maximum score"), _l("Percentage"),
    _l("Passed"), _l("Counts for the grade"),
)
ANSWER_COLUMNS = (
    _l("Attempt ID"), _l("Name"), _l("Identifier"), _l("Attempt"), _l("Submitted (%(zone)s)"),
    _l("Question number"), _l("Question ID"), _l("Kind"), _l("Prompt"), _l("Answer"), _l("Correct answer"),
    _l("Points"), _l("Maximum points"),
)
# The same columns named for programs: the API's fields.
SCORE_KEYS = ("attempt_id", "name", "identifier", "attempt", "state", "started_at", "submitted_at", "duration_seconds",
              "score", "max_score", "percentage", "passed", "counts_for_grade")
STATES = {"submitted": _l("submitted"), "in_progress": _l("in progress")}


def headers_of(columns: Iterable[Any]) -> list[str]:
    """Return a table's headers in the interface language, naming the instance's time zone where a time is."""
    zone = current_app.config["TIMEZONE"]
    return [str(column).replace("%(zone)s", zone) for column in columns]


def score_rows(quiz: Quiz, *, plain: bool = False) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Return the headers and rows of a quiz's submitted attempts, one row each.

    The "counts for the grade" column says which attempts the quiz's grading method (highest,
    last, first or average) takes for the student's grade, as the results page's ★. Files
    speak the interface language and the school's time; ``plain`` rows are for programs
    (the API): field names for headers, state codes and UTC times.
    """
    headers = list(SCORE_KEYS) if plain else headers_of(SCORE_COLUMNS)
    # Resolved now, in the request (or the job's forced locale): the rows are written later, as the response streams.
    states = {} if plain else {code: str(label) for code, label in STATES.items()}
    local = (lambda moment: moment) if plain else localtime.converter()
    pass_mark = quiz.pass_mark
    # Which attempt counts is ranked by the database in the same query (a window function), not read first.
    counting = counts_for_grade(quiz).subquery()
    # Columns, not entities: building 100,000 ORM objects would cost more than writing the file.
    # yield_per streams from a server-side cursor on PostgreSQL, in batches on SQLite.
    query = (
        db.select(Attempt.id, Participant.display_name, Participant.identifier, Attempt.number, Attempt.state,
                  Attempt.started_at, Attempt.submitted_at, Attempt.score, Attempt.max_score, counting.c.counts)
        .join(counting, counting.c.id == Attempt.id)
        .join(Participant, Attempt.participant_id == Participant.id)
        .order_by(Attempt.submitted_at, Attempt.id)
        .execution_options(yield_per=STREAM_BATCH)
    )

    def rows() -> Iterator[tuple[Any, ...]]:
        for (attempt_id, name, identifier, number, state, started, submitted, score, max_score,
             counts) in db.session.execute(query):
            duration = round((submitted - started).total_seconds()) if submitted else None
            percentage = 100.0 * score / max_score if score is not None and max_score else None
            yield (
                attempt_id, name, identifier or "", number, states.get(state, state), local(started), local(submitted),
                duration, score, max_score,
                None if percentage is None else round(percentage, 2),
                None if pass_mark is None or percentage is None else percentage >= pass_mark,
                bool(counts),
            )

    return headers, rows()


@dataclass(frozen=True)
class CsvStyle:
    """How a CSV file writes what a spreadsheet reads: separators and the words for yes and no."""

    delimiter: str = ","
    decimal: str = "."
    yes: str = "True"
    no: str = "False"


def csv_style() -> CsvStyle:
    """Return the CSV style a spreadsheet in the interface language opens as columns.

    Where the decimal mark is a comma (Italian), Excel splits columns at semicolons and
    reads "9,5" as a number; elsewhere commas and "9.5". The mark comes from the locale's CLDR data.
    """
    decimal = get_locale().number_symbols["latn"]["decimal"]
    return CsvStyle(delimiter=";" if decimal == "," else ",", decimal=decimal, yes=_("Yes"), no=_("No"))


def _csv_cell(value: Any, style: CsvStyle) -> Any:
    # Exact types first: a million-row export calls this thirteen million times.
    kind = type(value)
    if kind is str:
        return "'" + value if value.startswith(FORMULA_TRIGGERS) else value
    if kind is int:
        return value
    if kind is float:
        return value if style.decimal == "." else repr(value).replace(".", style.decimal)
    if value is None:
        return ""
    if kind is bool:
        return style.yes if value else style.no
    if hasattr(value, "isoformat"):
        # ISO dates: every spreadsheet in every language reads them as dates.
        return value.isoformat(sep=" ", timespec="seconds") if hasattr(value, "hour") else value.isoformat()
    return neutralise(value)


def write_csv(headers: list[str], rows: Rows, style: CsvStyle = CsvStyle()) -> Iterator[str]:
    """Yield a CSV file in chunks: UTF-8 with a BOM so spreadsheets read accents right, in the given style."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=style.delimiter)
    buffer.write("\ufeff")
    writer.writerow([neutralise(h) for h in headers])
    for count, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(value, style) for value in row])
        if count % STREAM_BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def answer_rows(quiz: Quiz) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Return the headers and rows of every answer in the quiz's submitted attempts (long format)."""
    headers = headers_of(ANSWER_COLUMNS)
    local = localtime.converter()
    # The quiz's few questions are loaded once; the many answers come as plain columns.
    # Resolved now, while the view runs: the rows are written later, as the response streams.
    # The key's text is the same on every row of a question: written once here, not once per answer.
    entries = {entry.question_id: (entry.position + 1, entry.points, entry.question, kind_of(entry.question),
                                   kind_of(entry.question).correct_text(entry.question))
               for entry in quiz_entries(quiz)}
    # What every row of a question repeats, read from the ORM objects once.
    columns = {question_id: ((number, question.id, str(kind.label), question.prompt), (correct, points))
               for question_id, (number, points, question, kind, correct) in entries.items()}
    query = (
        db.select(Attempt.id, Participant.display_name, Participant.identifier, Attempt.number,
                  Attempt.submitted_at, Response.question_id, cast(Response.answer, Text), Response.points)
        .join(Participant, Attempt.participant_id == Participant.id)
        .join(Response, Response.attempt_id == Attempt.id)
        .join(QuizQuestion, (QuizQuestion.quiz_id == Attempt.quiz_id) & (QuizQuestion.question_id == Response.question_id))
        .where(Attempt.quiz_id == quiz.id, Attempt.state == "submitted")
        .order_by(Attempt.submitted_at, Attempt.id, QuizQuestion.position)
        .execution_options(yield_per=STREAM_BATCH)
    )

    # Students give the same few answers: each stored answer is decoded and put in words once per question.
    described: dict[tuple[int, str | None], str] = {}

    def describe(question_id: int, stored: str | None) -> str:
        key = (question_id, stored)
        words = described.get(key)
        if words is None:
            _number, _points, question, kind, _correct = entries[question_id]
            words = kind.describe(question, None if stored is None else json.loads(stored))
            if len(described) >= DESCRIBED_KEPT:  # typed answers can all differ: keep the memory bounded
                described.clear()
            described[key] = words
        return words

    def rows() -> Iterator[tuple[Any, ...]]:
        for attempt_id, name, identifier, number, submitted, question_id, stored, points in db.session.execute(query):
            (number_in_quiz, question, kind, prompt), (correct, max_points) = columns[question_id]
            yield (
                attempt_id, name, identifier or "", number, local(submitted), number_in_quiz, question,
                kind, prompt, describe(question_id, stored), correct, points, max_points,
            )

    return headers, rows()


# Each table a quiz's results export as: its builder.
TABLES = {"scores": score_rows, "answers": answer_rows}


def filename(quiz_id: int, table: str, extension: str) -> str:
    """Return the name a download is saved under, the table named in the interface language: quiz-3-punteggi.csv."""
    # Only letters, digits and dashes: the name goes in a Content-Disposition header as it is.
    word = re.sub(r"[^a-z0-9]+", "-", str(labels.EXPORT_SHEETS[table]).lower()).strip("-") or table
    return f"quiz-{quiz_id}-{word}.{extension}"


def row_count(quiz: Quiz, table: str) -> int:
    """Return how many rows a table's export will have, with one COUNT, for a job's progress."""
    query = db.select(func.count()).select_from(Attempt).where(Attempt.quiz_id == quiz.id, Attempt.state == "submitted")
    if table == "answers":
        query = query.join(Response, Response.attempt_id == Attempt.id).join(
            QuizQuestion, (QuizQuestion.quiz_id == Attempt.quiz_id) & (QuizQuestion.question_id == Response.question_id))
    return db.session.scalar(query) or 0


def xlsx_cell(value: Any) -> Any:
    """Return a value as an XLSX cell holds it: numbers and dates typed, text legal and unchanged."""
    if isinstance(value, str):
        return XLSX_ILLEGAL.sub("\ufffd", value)[:XLSX_MAX_TEXT]
    return value


def _xlsx_row(sheet, values: Iterable[Any]) -> list[Any]:
    """Return a row's cells, text typed as text so "=1+1" or "+Paolo" is shown, never run."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        value = xlsx_cell(value)
        if isinstance(value, str):
            # openpyxl types a str starting with "=" as a formula; a string cell is never evaluated,
            # so XLSX needs no apostrophe (which the spreadsheet would show) as CSV does.
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            value = cell
        cells.append(value)
    return cells


def save_xlsx(headers: list[str], rows: Rows, handle: BinaryIO, title: str = "Scores") -> None:
    """Write an XLSX workbook into an open binary file, row by row in openpyxl's write-only mode.

    Write-only mode keeps the rows on disk, not in memory, until the workbook is zipped.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(_xlsx_row(sheet, headers))
    for row in rows:
        sheet.append(_xlsx_row(sheet, row))
    workbook.save(handle)


def write_xlsx(headers: list[str], rows: Rows, title: str = "Scores") -> Iterator[bytes]:
    """Yield an XLSX workbook in chunks: saved to a temporary file, then read back."""
    with tempfile.TemporaryFile() as handle:
        save_xlsx(headers, rows, handle, title)
        handle.seek(0)
        while chunk := handle.read(FILE_CHUNK):
            yield chunk
