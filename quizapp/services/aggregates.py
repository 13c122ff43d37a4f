"""Sum a quiz's submitted attempts in the database, and keep the sums so a new view only adds the new attempts.

Two GROUP BYs give everything the item analysis shows: one over the attempts
(histogram bin, percentages, scores), one over their responses by question
and stored answer (how many, the first attempt to give it, full marks, and
the sums Pearson's r needs). Every figure is a sum, so sums over two sets of
attempts add up to the sums over both.

That is what the snapshot uses: each app keeps, per quiz, the sums up to a
mark (the submission time and id of the last attempt counted). The next view
sums only the attempts submitted after the mark and adds them, so a school's
year of attempts is read once, not on every view. The snapshot is dropped
and everything is summed again when the quiz's questions or points changed,
when a regrade was recorded, or when the sums no longer add up to the count
of submitted attempts (an attempt submitted with an earlier time, or one removed).

The snapshot is also stored in the database (StatsSnapshot) whenever it is
summed anew, with the mark and what it depends on, so the first view after a
restart, or in another worker process, adds only the attempts since the
stored mark instead of summing a year of them. Storing it is best effort: it
runs on a connection of its own with a short lock wait, and a failure (a
read-only database, a busy one) only costs the next cold start its speed.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import Any

from flask import current_app
from sqlalchemy import Float, Text, case, cast, delete, func, insert, literal
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import SQLITE_BUSY_TIMEOUT_MS, db
from ..models import Attempt, Quiz, QuizQuestion, Regrade, Response, StatsSnapshot, utcnow

HISTOGRAM_BINS = 10
FULL_MARKS_EPSILON = 1e-9
# Quizzes whose sums each app keeps; the least recently viewed goes first.
SNAPSHOTS_KEPT = 64
EXTENSION = "quizapp.stats_snapshots"
# Bumped when the stored sums' layout changes: rows of another format are summed again, not misread.
STORED_FORMAT = 1
# How long storing a snapshot may wait for a lock: a page view never waits on it for long.
STORE_WAIT_MS = 250

Mark = tuple[dt.datetime, int]


@dataclass
class Moments:
    """Running sums for the Pearson correlation of two series."""

    n: int = 0
    sx: float = 0.0
    sy: float = 0.0
    sxx: float = 0.0
    syy: float = 0.0
    sxy: float = 0.0

    def add(self, x: float, y: float) -> None:
        self.n += 1
        self.sx += x
        self.sy += y
        self.sxx += x * x
        self.syy += y * y
        self.sxy += x * y

    def plus(self, other: Moments) -> Moments:
        """Return the sums over both series."""
        return Moments(self.n + other.n, self.sx + other.sx, self.sy + other.sy, self.sxx + other.sxx,
                       self.syy + other.syy, self.sxy + other.sxy)

    def pearson(self) -> float | None:
        """Return r with n−1 denominators, None when n < 2 or a variance is zero."""
        if self.n < 2:
            return None
        var_x = (self.sxx - self.sx * self.sx / self.n) / (self.n - 1)
        var_y = (self.syy - self.sy * self.sy / self.n) / (self.n - 1)
        # Sums of floats leave crumbs; a variance this small is a constant series.
        if var_x <= 1e-12 or var_y <= 1e-12:
            return None
        cov = (self.sxy - self.sx * self.sy / self.n) / (self.n - 1)
        return max(-1.0, min(1.0, cov / math.sqrt(var_x * var_y)))


@dataclass
class AnswerGroup:
    """The attempts that gave one question the same stored answer, summed in the database."""

    question_id: int
    text: str | None  # the stored JSON, as the database holds it
    count: int
    first_attempt_id: int
    full_marks: int
    moments: Moments
    # Sums of the whole scores of these attempts and of their squares.
    scores: float
    squares: float

    @property
    def answer(self) -> Any:
        return None if self.text is None else json.loads(self.text)

    def plus(self, other: AnswerGroup) -> AnswerGroup:
        return replace(self, count=self.count + other.count,
                       first_attempt_id=min(self.first_attempt_id, other.first_attempt_id),
                       full_marks=self.full_marks + other.full_marks, moments=self.moments.plus(other.moments),
                       scores=self.scores + other.scores, squares=self.squares + other.squares)


@dataclass
class ScoreTotals:
    """Submitted attempts summed in the database: count, histogram, percentages, scores."""

    attempts: int = 0
    histogram: list[int] = field(default_factory=lambda: [0] * HISTOGRAM_BINS)
    percentages: float = 0.0
    scores: float = 0.0
    squares: float = 0.0

    def plus(self, other: ScoreTotals) -> ScoreTotals:
        return ScoreTotals(self.attempts + other.attempts, [a + b for a, b in zip(self.histogram, other.histogram)],
                           self.percentages + other.percentages, self.scores + other.scores,
                           self.squares + other.squares)


@dataclass
class Sums:
    """Everything the statistics need about some of a quiz's submitted attempts."""

    totals: ScoreTotals = field(default_factory=ScoreTotals)
    groups: dict[tuple[int, str | None], AnswerGroup] = field(default_factory=dict)

    def plus(self, other: Sums) -> Sums:
        groups = dict(self.groups)
        for key, group in other.groups.items():
            groups[key] = groups[key].plus(group) if key in groups else group
        return Sums(self.totals.plus(other.totals), groups)


def percentage_sql():
    """Return an attempt's percentage as the SQL value, 0 for an attempt worth nothing."""
    # Bound as floats: PostgreSQL reads a literal 100.0 as numeric, whose arithmetic rounds differently.
    hundred, zero = literal(100.0, Float), literal(0.0, Float)
    max_score = func.coalesce(Attempt.max_score, zero)
    return case((max_score != zero, hundred * func.coalesce(Attempt.score, zero) / max_score), else_=zero)


def _bin_sql(percentage):
    """Return the histogram bin of a percentage as SQL: p // 10, kept within the bins.

    Compared with each bin's lower bound rather than divided: p >= 10 k holds
    exactly when Python's p // 10 >= k, so no rounding decides a bin.
    """
    width = 100 // HISTOGRAM_BINS
    return case(*[(percentage >= literal(float(width * b), Float), b) for b in range(HISTOGRAM_BINS - 1, 0, -1)],
                else_=0)


def submitted_of(quiz: Quiz):
    """Return the condition picking the quiz's submitted attempts."""
    return (Attempt.quiz_id == quiz.id) & (Attempt.state == "submitted")


def _after(mark: Mark):
    """Return the condition of an attempt submitted after a mark (a later time, or the same time and a larger id)."""
    at, attempt_id = mark
    return (Attempt.submitted_at > at) | ((Attempt.submitted_at == at) & (Attempt.id > attempt_id))


def _between(quiz: Quiz, since: Mark | None, until: Mark | None):
    condition = submitted_of(quiz)
    if since is not None:
        condition = condition & _after(since)
    if until is not None:
        condition = condition & ~_after(until)
    return condition


def _score_totals(condition) -> ScoreTotals:
    percentage = percentage_sql()
    # Grouped by the label of a subquery: PostgreSQL would not match a GROUP BY whose bound values are new parameters.
    rows = db.select(_bin_sql(percentage).label("bin"), percentage.label("percentage"),
                     func.coalesce(Attempt.score, literal(0.0, Float)).label("score")).where(condition).subquery()
    query = (db.select(rows.c.bin, func.count(), func.sum(rows.c.percentage), func.sum(rows.c.score),
                       func.sum(rows.c.score * rows.c.score)).group_by(rows.c.bin))
    totals = ScoreTotals()
    for index, count, percentages, scores, squares in db.session.execute(query):
        totals.attempts += count
        totals.histogram[index] = count
        totals.percentages += percentages or 0.0
        totals.scores += scores or 0.0
        totals.squares += squares or 0.0
    return totals


def _answer_groups(condition) -> dict[tuple[int, str | None], AnswerGroup]:
    zero = literal(0.0, Float)
    score = func.coalesce(Attempt.score, zero)
    x = func.coalesce(Response.points, zero)
    y = score - x
    # The stored JSON's text: json has no equality on PostgreSQL, and equal answers are stored alike.
    answer = cast(Response.answer, Text)
    query = (
        db.select(Response.question_id, answer, func.count(), func.min(Attempt.id),
                  func.sum(case((x >= QuizQuestion.points - literal(FULL_MARKS_EPSILON, Float), 1), else_=0)),
                  func.sum(x), func.sum(y), func.sum(x * x), func.sum(y * y), func.sum(x * y),
                  func.sum(score), func.sum(score * score))
        .join(Attempt, Response.attempt_id == Attempt.id)
        .join(QuizQuestion, (QuizQuestion.quiz_id == Attempt.quiz_id) & (QuizQuestion.question_id == Response.question_id))
        .where(condition)
        .group_by(Response.question_id, answer)
    )
    groups = {}
    for question_id, text, count, first, full, sx, sy, sxx, syy, sxy, scores, squares in db.session.execute(query):
        groups[question_id, text] = AnswerGroup(
            question_id, text, count, first, full or 0,
            Moments(count, sx or 0.0, sy or 0.0, sxx or 0.0, syy or 0.0, sxy or 0.0), scores or 0.0, squares or 0.0)
    return groups


def sum_attempts(quiz: Quiz, since: Mark | None = None, until: Mark | None = None) -> Sums:
    """Return the sums over the quiz's submitted attempts, or those submitted after `since` up to `until`."""
    condition = _between(quiz, since, until)
    return Sums(_score_totals(condition), _answer_groups(condition))


@dataclass(frozen=True)
class Snapshot:
    """A quiz's sums up to a mark, and what must not have changed for them to hold."""

    sums: Sums
    mark: Mark
    basis: tuple


class Snapshots:
    """The sums an app keeps, per quiz, most recently used last; safe across request threads."""

    def __init__(self, size: int = SNAPSHOTS_KEPT) -> None:
        self.size = size
        self._kept: OrderedDict[int, Snapshot] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, quiz_id: int) -> Snapshot | None:
        with self._lock:
            snapshot = self._kept.get(quiz_id)
            if snapshot is not None:
                self._kept.move_to_end(quiz_id)
            return snapshot

    def put(self, quiz_id: int, snapshot: Snapshot) -> None:
        with self._lock:
            self._kept[quiz_id] = snapshot
            self._kept.move_to_end(quiz_id)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)


def snapshots() -> Snapshots:
    """Return the current app's snapshots (made on first use)."""
    return current_app.extensions.setdefault(EXTENSION, Snapshots())


def _state(quiz: Quiz) -> tuple[Mark | None, int, tuple]:
    """Return the quiz's latest mark, its count of submitted attempts and its regrade record, in two queries."""
    latest = db.session.execute(
        db.select(Attempt.submitted_at, Attempt.id)
        .where(submitted_of(quiz), Attempt.submitted_at.is_not(None))
        .order_by(Attempt.submitted_at.desc(), Attempt.id.desc()).limit(1)
    ).first()
    counted = db.session.execute(
        db.select(func.count(Attempt.id), db.select(func.max(Regrade.id)).where(Regrade.quiz_id == quiz.id)
                  .scalar_subquery()).where(submitted_of(quiz))
    ).one()
    mark = (latest[0], latest[1]) if latest else None
    return mark, counted[0], (counted[1],)


def _encode(sums: Sums) -> str:
    """Return the sums as JSON text; floats keep every bit (json writes their shortest exact form)."""
    totals = sums.totals
    return json.dumps({
        "format": STORED_FORMAT,
        "totals": [totals.attempts, totals.histogram, totals.percentages, totals.scores, totals.squares],
        "groups": [[g.question_id, g.text, g.count, g.first_attempt_id, g.full_marks,
                    [g.moments.n, g.moments.sx, g.moments.sy, g.moments.sxx, g.moments.syy, g.moments.sxy],
                    g.scores, g.squares] for g in sums.groups.values()],
    })


def _decode(text: str) -> Sums | None:
    """Return the sums stored as JSON text, or None when they are of another format or damaged."""
    try:
        data = json.loads(text)
        if data.get("format") != STORED_FORMAT:
            return None
        attempts, histogram, percentages, scores, squares = data["totals"]
        groups = {}
        for question_id, answer, count, first, full, moments, group_scores, group_squares in data["groups"]:
            groups[question_id, answer] = AnswerGroup(question_id, answer, count, first, full, Moments(*moments),
                                                      group_scores, group_squares)
        return Sums(ScoreTotals(attempts, list(histogram), percentages, scores, squares), groups)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _basis_text(basis: tuple) -> str:
    return json.dumps(basis)


def _stored(quiz: Quiz, basis: tuple) -> Snapshot | None:
    """Return the snapshot stored for the quiz when it was taken on the same basis, in one query."""
    # Columns, not the entity: the session's identity map would hand back a row read earlier.
    row = db.session.execute(
        db.select(StatsSnapshot.mark_at, StatsSnapshot.mark_id, StatsSnapshot.basis, StatsSnapshot.sums)
        .where(StatsSnapshot.quiz_id == quiz.id)
    ).first()
    if row is None or row.basis != _basis_text(basis):
        return None
    sums = _decode(row.sums)
    return None if sums is None else Snapshot(sums, (row.mark_at, row.mark_id), basis)


def _upsert(dialect: str, values: dict):
    """Return the statement that writes a snapshot row, replacing the quiz's row if another process wrote one."""
    changed = {name: value for name, value in values.items() if name != "quiz_id"}
    if dialect in ("sqlite", "postgresql"):
        statement = (sqlite if dialect == "sqlite" else postgresql).insert(StatsSnapshot).values(**values)
        return statement.on_conflict_do_update(index_elements=[StatsSnapshot.quiz_id], set_=changed)
    return None


def _store(quiz: Quiz, snapshot: Snapshot) -> None:
    """Write the snapshot to the database on a connection of its own; on failure, log it and go on.

    Its own connection and transaction: the request's session is left as it
    was (nothing committed, nothing expired), and a read-only or busy
    database shows the page all the same.
    """
    values = {"quiz_id": quiz.id, "mark_at": snapshot.mark[0], "mark_id": snapshot.mark[1],
              "basis": _basis_text(snapshot.basis), "sums": _encode(snapshot.sums), "updated_at": utcnow()}
    try:
        with db.engine.connect() as connection:
            dialect = connection.dialect.name
            try:
                with connection.begin():
                    # A short wait for the lock: a long write elsewhere (a regrade) must not hold up the page.
                    if dialect == "sqlite":
                        connection.exec_driver_sql(f"PRAGMA busy_timeout={STORE_WAIT_MS}")
                    elif dialect == "postgresql":
                        connection.exec_driver_sql(f"SET LOCAL lock_timeout = {STORE_WAIT_MS}")
                    statement = _upsert(dialect, values)
                    if statement is None:  # another database: replace the row within the transaction
                        connection.execute(delete(StatsSnapshot).where(StatsSnapshot.quiz_id == quiz.id))
                        statement = insert(StatsSnapshot).values(**values)
                    connection.execute(statement)
            finally:
                if dialect == "sqlite":
                    # The connection goes back to the pool: other work keeps the usual patience.
                    connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    except SQLAlchemyError as error:
        current_app.logger.warning("item analysis sums of quiz %s not stored: %s", quiz.id, error)


def quiz_sums(quiz: Quiz, entries: list[QuizQuestion]) -> Sums:
    """Return the sums over all the quiz's submitted attempts, adding only the new ones to the kept snapshot.

    The snapshot is the app's own, else the one stored in the database (a
    restart, another worker). At most three queries for the state, one for
    the stored snapshot, two for the sums and one write when nothing changed
    but new attempts; everything again when the snapshot does not hold.
    """
    mark, submitted, regrades = _state(quiz)
    # What the sums depend on besides the attempts: the questions and their points, and the regrades.
    # Points as floats: an entry made in this session may hold an int, and the stored basis is compared as text.
    basis = (tuple((entry.question_id, None if entry.points is None else float(entry.points)) for entry in entries),
             regrades)
    kept = snapshots()
    snapshot = kept.get(quiz.id)
    if mark is not None and (snapshot is None or snapshot.basis != basis):
        snapshot = _stored(quiz, basis)
    if snapshot is not None and mark is not None and snapshot.basis == basis:
        sums = snapshot.sums
        if mark != snapshot.mark:
            sums = sums.plus(sum_attempts(quiz, since=snapshot.mark, until=mark))
        if sums.totals.attempts == submitted:
            fresh = Snapshot(sums, mark, basis)
            kept.put(quiz.id, fresh)
            if mark != snapshot.mark:
                _store(quiz, fresh)
            return sums
    if mark is not None:
        # Up to the mark, so the next view's new attempts start right after it.
        sums = sum_attempts(quiz, until=mark)
        if sums.totals.attempts == submitted:
            fresh = Snapshot(sums, mark, basis)
            kept.put(quiz.id, fresh)
            _store(quiz, fresh)
            return sums
    # Attempts without a submission time, or attempts submitted meanwhile: all of them, and nothing kept.
    return sum_attempts(quiz)
