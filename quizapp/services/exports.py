"""Export results in three layers: builders return (headers, rows), writers make files.

Views only send what a writer yields, so CSV, XLSX and later formats share the
same rows, and rows are streamed from the database rather than loaded at once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from ..extensions import db
from ..models import Attempt, Participant, Quiz

Rows = Iterable[tuple[Any, ...]]

# A spreadsheet treats a cell starting with one of these as a formula (OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")
STREAM_BATCH = 1000


def neutralise(value: Any) -> Any:
    """Defuse a text cell a spreadsheet would run as a formula; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def score_rows(quiz: Quiz) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Return the headers and rows of a quiz's submitted attempts, one row each."""
    headers = [
        "attempt_id", "name", "identifier", "attempt", "state", "started_at",
        "submitted_at", "duration_seconds", "score", "max_score", "percentage",
    ]
    query = (
        db.select(Attempt, Participant)
        .join(Participant, Attempt.participant_id == Participant.id)
        .where(Attempt.quiz_id == quiz.id, Attempt.state == "submitted")
        .order_by(Attempt.submitted_at, Attempt.id)
        .execution_options(yield_per=STREAM_BATCH)
    )

    def rows() -> Iterator[tuple[Any, ...]]:
        for attempt, participant in db.session.execute(query):
            duration = None
            if attempt.submitted_at:
                duration = round((attempt.submitted_at - attempt.started_at).total_seconds())
            percentage = attempt.percentage
            yield (
                attempt.id, participant.display_name, participant.identifier or "", attempt.number,
                attempt.state, attempt.started_at, attempt.submitted_at, duration, attempt.score,
                attempt.max_score, None if percentage is None else round(percentage, 2),
            )

    return headers, rows()


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ", timespec="seconds") if hasattr(value, "hour") else value.isoformat()
    return neutralise(value)


def write_csv(headers: list[str], rows: Rows) -> Iterator[str]:
    """Yield a CSV file in chunks: UTF-8 with a BOM so spreadsheets read accents right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow([neutralise(h) for h in headers])
    for count, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(value) for value in row])
        if count % STREAM_BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
