"""Keep each quiz's item-analysis sums in the database, exact, brought up to date by whoever reads them.

Everything the item analysis shows is a sum over the submitted attempts:

- per histogram bin and maximum score: how many attempts, the sum of their
  scores and of their squares (the histogram and the mean percentage);
- per question, stored answer and points earned (a "group"): how many
  attempts gave it, the first of them, and the sum of their whole scores and
  of their squares. Pearson's sums for the question follow (x is the group's
  points, y the score less x), and so do option counts, typed answers, and
  full marks, which are judged against the quiz's points when the page is
  drawn, so a points change needs no new sums.

Scores and points are stored rounded to four decimals (attempts.grade,
regrade.PLACES), so the sums are kept in whole ten-thousandths, as Python
integers (stored as text: a sum of squares outgrows a 64-bit column). Adding
an attempt and taking it away again are then exact, in any order: the kept
sums are equal, to the last bit, to sums made from scratch.

A submit does not touch the sums: the student's request stays short, and a
whole class submitting at once does not queue on the quiz's one QuizStats row.
Its attempt is left untallied (Attempt.tallied), and whoever next reads or
changes the sums first adds every untallied submitted attempt, in one batch:
the page (on a connection of its own, with a short lock wait) and a regrade
(catch_up, in its transaction). A regrade then takes its changed attempts
away as they were and adds them back as they are (regrade.regrade_question).
Writers of one quiz's sums go one at a time behind the quiz's QuizStats row
(a row lock on PostgreSQL; on SQLite the write takes the database's lock), so
no update is lost, none is counted twice and none deadlocks another.

The page reads the stored sums, with the counts of tallied and untallied
submitted attempts, in one statement. When the stored count differs from the
tallied count (attempts deleted, or sums lost) it sums every attempt from
scratch once and stores the result; when that or the catching up fails (a
read-only or busy database) the page is shown from sums made in memory all
the same.
"""

from __future__ import annotations

from functools import lru_cache

import hashlib
import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from flask import current_app
from sqlalchemy import Float, bindparam, case, delete, func, literal, null, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import SQLITE_BUSY_TIMEOUT_MS, db
from ..models import Attempt, QuizAnswerStats, QuizStats, Response, utcnow

HISTOGRAM_BINS = 10
FULL_MARKS_EPSILON = 1e-9
# Scores and points are stored rounded to four decimals: the sums count in ten-thousandths.
UNITS = 10_000
# How long the page's rebuild of a quiz's sums may wait for a lock: a page view never waits on it for long.
STORE_WAIT_MS = 250
# Rows per statement when many groups are read or written (well under SQLite's bound on parameters).
CHUNK = 400

# A group's key: question id, points earned in ten-thousandths, the answer as JSON text.
GroupKey = tuple[int, int, str]
# A score row's key: histogram bin, the attempts' maximum score.
TotalKey = tuple[int, float]


def units(value: float | None) -> int:
    """Return a stored score or points (rounded to four decimals) as whole ten-thousandths."""
    return round((value or 0.0) * UNITS)


def answer_text(answer: Any) -> str:
    """Return a stored answer as the JSON text its group is known by."""
    return json.dumps(answer)


def answer_key(text: str) -> str:
    """Return the digest a group is indexed by: answers can be longer than an index entry may be."""
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Tally:
    """How many attempts, the first of them, and the sums of their scores and squared scores, in units."""

    count: int = 0
    scores: int = 0
    squares: int = 0
    first_attempt_id: int | None = None

    def plus(self, other: Tally) -> Tally:
        firsts = [first for first in (self.first_attempt_id, other.first_attempt_id) if first is not None]
        return Tally(self.count + other.count, self.scores + other.scores, self.squares + other.squares,
                     min(firsts) if firsts else None)


def _merge(into: dict, key, tally: Tally) -> None:
    into[key] = into[key].plus(tally) if key in into else tally


@dataclass
class Sums:
    """A quiz's sums, or a change to them: score rows by (bin, max score), groups by (question, points, answer)."""

    totals: dict[TotalKey, Tally] = field(default_factory=dict)
    groups: dict[GroupKey, Tally] = field(default_factory=dict)

    def add(self, other: Sums) -> None:
        """Add other's tallies to these, in place."""
        for key, tally in other.totals.items():
            _merge(self.totals, key, tally)
        for key, tally in other.groups.items():
            _merge(self.groups, key, tally)

    @property
    def attempts(self) -> int:
        return sum(tally.count for tally in self.totals.values())

    def total(self) -> Tally:
        """Return the tally of every attempt."""
        whole = Tally()
        for tally in self.totals.values():
            whole = whole.plus(tally)
        return whole

    def histogram(self) -> list[int]:
        counts = [0] * HISTOGRAM_BINS
        for (index, _max_score), tally in self.totals.items():
            counts[index] += tally.count
        return counts

    def mean_percentage(self) -> float | None:
        """Return the mean of the attempts' percentages, exactly rounded once (0% for an attempt worth nothing)."""
        attempts = self.attempts
        if not attempts:
            return None
        exact = sum((Fraction(100 * tally.scores, UNITS) / Fraction(max_score)
                     for (_bin, max_score), tally in self.totals.items() if max_score), Fraction(0))
        return float(exact / attempts)


def bin_of(percentage: float) -> int:
    """Return the histogram bin of a percentage: the last bin whose lower bound it reaches (no rounding decides)."""
    width = 100 // HISTOGRAM_BINS
    return next((index for index in range(HISTOGRAM_BINS - 1, 0, -1) if percentage >= float(width * index)), 0)


def attempt_sums(attempt_id: int, score: float | None, max_score: float | None,
                 responses: Iterable[tuple[int, Any, float | None]]) -> Sums:
    """Return what one submitted attempt adds to its quiz's sums, given its (question id, answer, points) rows."""
    whole = units(score)
    maximum = float(max_score or 0.0)
    percentage = 100.0 * (score or 0.0) / maximum if maximum else 0.0
    sums = Sums({(bin_of(percentage), maximum): Tally(1, whole, whole * whole, attempt_id)})
    for question_id, answer, points in responses:
        sums.groups[question_id, units(points), answer_text(answer)] = Tally(1, whole, whole * whole, attempt_id)
    return sums


@dataclass
class Moments:
    """Exact sums for the Pearson correlation of two series of four-decimal values, in ten-thousandths."""

    n: int = 0
    x: int = 0
    y: int = 0
    xx: int = 0
    yy: int = 0
    xy: int = 0

    @classmethod
    def of_group(cls, points: int, tally: Tally) -> Moments:
        """Return the moments of a group: x is its points for every attempt, y each attempt's score less x."""
        n, x = tally.count, points
        return cls(n, n * x, tally.scores - n * x, n * x * x, tally.squares - 2 * x * tally.scores + n * x * x,
                   x * tally.scores - n * x * x)

    def add(self, x: float, y: float) -> None:
        """Count one pair of values (stored rounded to four decimals)."""
        x, y = units(x), units(y)
        self.n += 1
        self.x += x
        self.y += y
        self.xx += x * x
        self.yy += y * y
        self.xy += x * y

    def plus(self, other: Moments) -> Moments:
        """Return the sums over both series."""
        return Moments(self.n + other.n, self.x + other.x, self.y + other.y, self.xx + other.xx,
                       self.yy + other.yy, self.xy + other.xy)

    def mean_x(self) -> float | None:
        """Return the mean of x, None before any value."""
        return self.x / (UNITS * self.n) if self.n else None

    def pearson(self) -> float | None:
        """Return r, None when n < 2 or a variance is at most 1e-12 (a constant series)."""
        n = self.n
        if n < 2:
            return None
        # n (n - 1) times each variance, in units squared: exact integers.
        spread_x = n * self.xx - self.x * self.x
        spread_y = n * self.yy - self.y * self.y
        # variance <= 1e-12  <=>  spread / (n (n - 1) UNITS²) <= 1e-12  <=>  spread * 10^4 <= n (n - 1)
        if spread_x * 10_000 <= n * (n - 1) or spread_y * 10_000 <= n * (n - 1):
            return None
        covariance = n * self.xy - self.x * self.y
        return max(-1.0, min(1.0, covariance / math.sqrt(spread_x * spread_y)))


def percentage_sql():
    """Return an attempt's percentage as the SQL value, 0 for an attempt worth nothing."""
    # Bound as floats: PostgreSQL reads a literal 100.0 as numeric, whose arithmetic rounds differently.
    hundred, zero = literal(100.0, Float), literal(0.0, Float)
    max_score = func.coalesce(Attempt.max_score, zero)
    return case((max_score != zero, hundred * func.coalesce(Attempt.score, zero) / max_score), else_=zero)


def submitted_of(quiz):
    """Return the condition picking the quiz's submitted attempts."""
    return (Attempt.quiz_id == quiz.id) & (Attempt.state == "submitted")


# --- reading attempts ------------------------------------------------------------------------------------------

def _attempt_rows(condition):
    """Return the select of the attempts matching a condition with their responses, attempt by attempt."""
    return (db.select(Attempt.id, Attempt.score, Attempt.max_score, Response.question_id, Response.answer,
                      Response.points)
            .outerjoin(Response, Response.attempt_id == Attempt.id).where(condition).order_by(Attempt.id))


def _per_attempt(rows: Iterable) -> Iterator[tuple[int, float | None, float | None, dict[int, tuple[Any, Any]]]]:
    """Fold rows of _attempt_rows into (attempt id, score, max score, {question id: (answer, points)})."""
    current = None
    for attempt_id, score, max_score, question_id, answer, points in rows:
        if current is None or current[0] != attempt_id:
            if current is not None:
                yield current
            current = (attempt_id, score, max_score, {})
        if question_id is not None:
            current[3][question_id] = (answer, points)
    if current is not None:
        yield current


def sums_of(attempts: Iterable[tuple[int, float | None, float | None, dict[int, tuple[Any, Any]]]]) -> Sums:
    """Return the sums over attempts as _per_attempt gives them."""
    sums = Sums()
    for attempt_id, score, max_score, responses in attempts:
        sums.add(attempt_sums(attempt_id, score, max_score,
                              ((question_id, answer, points) for question_id, (answer, points) in responses.items())))
    return sums


def regrade_change(before: Iterable[tuple[int, float | None, float | None, dict]], question_id: int,
                   now: dict[int, tuple[float, float]]) -> Sums:
    """Return the change to the sums when attempts' points on one question and their scores change.

    `before` holds the attempts as stored (as read_attempts gives them), `now`
    each one's new score and new points on the question. Every group of an
    attempt moves by the change in its score; on the question the attempt
    leaves its old group and joins the new one, and it may change score row.
    """
    change = Sums()
    for attempt_id, score, max_score, responses in before:
        new_score, new_points = now[attempt_id]
        old, new = units(score), units(new_score)
        moved = Tally(0, new - old, new * new - old * old)
        out, into = Tally(-1, -old, -old * old), Tally(1, new, new * new, attempt_id)
        for one_question, (answer, points) in responses.items():
            text = answer_text(answer)
            if one_question == question_id:
                _merge(change.groups, (one_question, units(points), text), out)
                _merge(change.groups, (one_question, units(new_points), text), into)
            else:
                _merge(change.groups, (one_question, units(points), text), moved)
        maximum = float(max_score or 0.0)
        for value, tally in ((score, out), (new_score, into)):
            percentage = 100.0 * (value or 0.0) / maximum if maximum else 0.0
            _merge(change.totals, (bin_of(percentage), maximum), tally)
    return change


def read_attempts(attempt_ids: list[int], executor=None) -> list[tuple[int, float | None, float | None, dict]]:
    """Return attempts with their responses as _per_attempt gives them, in a query per CHUNK attempts."""
    executor = db.session if executor is None else executor
    found = []
    for start in range(0, len(attempt_ids), CHUNK):
        chunk = attempt_ids[start:start + CHUNK]
        found += _per_attempt(executor.execute(_attempt_rows(Attempt.id.in_(chunk))))
    return found


def sum_from_scratch(quiz_id: int, connection=None, summed: list[int] | None = None) -> Sums:
    """Return the sums over every submitted attempt of the quiz, read row by row (a rebuild, not the page's path).

    The ids of the attempts summed are appended to `summed` when it is given.
    """
    query = _attempt_rows((Attempt.quiz_id == quiz_id) & (Attempt.state == "submitted"))
    if connection is None:
        rows = db.session.execute(query.execution_options(yield_per=5000))
    else:
        rows = connection.execute(query.execution_options(stream_results=True, max_row_buffer=5000))
    attempts = _per_attempt(rows)
    if summed is not None:
        attempts = (summed.append(attempt[0]) or attempt for attempt in attempts)
    return sums_of(attempts)


def _untallied(quiz_id: int, executor) -> list[int]:
    """Return the ids of the quiz's submitted attempts that its stored sums do not hold yet."""
    return list(executor.execute(db.select(Attempt.id).where(
        Attempt.quiz_id == quiz_id, Attempt.state == "submitted", Attempt.tallied.is_(False)).order_by(Attempt.id)
    ).scalars())


def _mark_tallied(attempt_ids: list[int], executor) -> None:
    for start in range(0, len(attempt_ids), CHUNK):
        executor.execute(update(Attempt).where(Attempt.id.in_(attempt_ids[start:start + CHUNK]),
                                               Attempt.tallied.is_(False))
                         .values(tallied=True).execution_options(synchronize_session=False))


# --- storing the sums ------------------------------------------------------------------------------------------

def _encode_totals(totals: dict[TotalKey, Tally]) -> str:
    # Floats keep every bit in JSON (their shortest exact form); integers keep every digit.
    return json.dumps([[index, max_score, t.count, t.scores, t.squares, t.first_attempt_id]
                       for (index, max_score), t in sorted(totals.items())])


def _decode_totals(text: str | None) -> dict[TotalKey, Tally]:
    return {(index, float(max_score)): Tally(count, scores, squares, first)
            for index, max_score, count, scores, squares, first in json.loads(text or "[]")}


def _dialect(executor) -> str:
    bind = executor.get_bind() if hasattr(executor, "get_bind") else executor
    return bind.dialect.name


# The INSERTs that have ON CONFLICT, on the databases quizapp runs on.
_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def _lock(quiz_id: int, executor) -> tuple[int, dict[TotalKey, Tally]]:
    """Take the quiz's QuizStats row for this transaction, made if missing; return its count and score rows.

    A no-op upsert: on PostgreSQL it holds the row's lock until commit, so the
    next writer of this quiz's sums reads them only after this one is done.
    """
    attempts, totals = executor.execute(_claim_stats(_dialect(executor)),
                                        {"quiz_id": quiz_id, "now": utcnow()}).one()
    return attempts, _decode_totals(totals)


@lru_cache(maxsize=4)
def _claim_stats(dialect: str):
    """Return _lock's upsert for this dialect, built and compiled once per process."""
    statement = _INSERTS[dialect](QuizStats).values(quiz_id=bindparam("quiz_id"), attempts=0, totals="[]",
                                                    updated_at=bindparam("now"))
    return statement.on_conflict_do_update(
        index_elements=[QuizStats.quiz_id], set_={"updated_at": statement.excluded.updated_at},
    ).returning(QuizStats.attempts, QuizStats.totals)


def catch_up(quiz_id: int) -> None:
    """Hold the quiz's sums for the request's transaction and add the attempts submitted since they were last read.

    A regrade calls it before reading the scores it changes; the caller commits.
    """
    _catch_up(quiz_id, db.session)


def _catch_up(quiz_id: int, executor) -> None:
    """Lock the quiz's sums, then add its untallied submitted attempts to them and mark those tallied."""
    attempts, totals = _lock(quiz_id, executor)
    pending = _untallied(quiz_id, executor)
    if pending:
        _add(quiz_id, attempts, totals, sums_of(read_attempts(pending, executor)), executor)
        _mark_tallied(pending, executor)


GROUP = (QuizAnswerStats.question_id, QuizAnswerStats.points, QuizAnswerStats.answer_key)


def _stored_groups(quiz_id: int, keys: list[GroupKey], executor) -> dict[GroupKey, Tally]:
    stored = {}
    for start in range(0, len(keys), CHUNK):
        wanted = [(question_id, points, answer_key(text)) for question_id, points, text in keys[start:start + CHUNK]]
        rows = executor.execute(
            db.select(QuizAnswerStats.question_id, QuizAnswerStats.points, QuizAnswerStats.answer,
                      QuizAnswerStats.attempts, QuizAnswerStats.score_sum, QuizAnswerStats.score_squares,
                      QuizAnswerStats.first_attempt_id)
            .where(QuizAnswerStats.quiz_id == quiz_id, tuple_(*GROUP).in_(wanted)))
        for question_id, points, text, count, scores, squares, first in rows:
            stored[question_id, points, text] = Tally(count, scores, squares, first)
    return stored


@lru_cache(maxsize=4)
def _upsert_groups(dialect: str):
    """Return the upsert of one group's tally, for this dialect."""
    statement = _INSERTS[dialect](QuizAnswerStats)
    return statement.on_conflict_do_update(
        index_elements=[QuizAnswerStats.quiz_id, *GROUP],
        set_={name: statement.excluded[name] for name in ("attempts", "first_attempt_id", "score_sum", "score_squares")})


def _write_groups(quiz_id: int, changed: dict[GroupKey, Tally], executor) -> None:
    """Write the groups' new tallies: upsert those with attempts, delete those left with none."""
    rows = [{"quiz_id": quiz_id, "question_id": question_id, "points": points, "answer_key": answer_key(text),
             "answer": text, "attempts": tally.count, "first_attempt_id": tally.first_attempt_id,
             "score_sum": tally.scores, "score_squares": tally.squares}
            for (question_id, points, text), tally in changed.items() if tally.count > 0]
    if rows:
        # One statement with the rows as parameter sets (executemany): compiled once per process and
        # reused, where a multi-row VALUES clause was compiled anew on every submit.
        executor.execute(_upsert_groups(_dialect(executor)), rows)
    gone = [(question_id, points, answer_key(text)) for (question_id, points, text), tally in changed.items()
            if tally.count <= 0]
    for start in range(0, len(gone), CHUNK):
        executor.execute(delete(QuizAnswerStats).where(QuizAnswerStats.quiz_id == quiz_id,
                                                       tuple_(*GROUP).in_(gone[start:start + CHUNK])))


def _write_totals(quiz_id: int, attempts: int, totals: dict[TotalKey, Tally], executor) -> None:
    executor.execute(update(QuizStats).where(QuizStats.quiz_id == quiz_id).values(
        attempts=attempts, totals=_encode_totals({key: t for key, t in totals.items() if t.count}),
        updated_at=utcnow()))


def apply(quiz_id: int, change: Sums) -> None:
    """Add a change to the quiz's stored sums, in the request's transaction (four statements, more for big changes).

    A group or score row that would fall below zero attempts means the stored
    sums were already wrong: the count is then set to -1, so the next view of
    the page sums everything again.
    """
    attempts, totals = _lock(quiz_id, db.session)
    _add(quiz_id, attempts, totals, change, db.session)


def _add(quiz_id: int, attempts: int, totals: dict[TotalKey, Tally], change: Sums, executor) -> None:
    """Write the stored sums (count and score rows as _lock read them, under its lock) plus a change."""
    stored = _stored_groups(quiz_id, list(change.groups), executor)
    groups = {key: stored[key].plus(tally) if key in stored else tally for key, tally in change.groups.items()}
    for key, tally in change.totals.items():
        _merge(totals, key, tally)
    attempts += change.attempts
    if any(tally.count < 0 for tally in (*groups.values(), *totals.values())):
        current_app.logger.warning("item analysis sums of quiz %s were wrong: they will be summed again", quiz_id)
        attempts = -1
    _write_groups(quiz_id, groups, executor)
    _write_totals(quiz_id, attempts, totals, executor)


# --- the page --------------------------------------------------------------------------------------------------

def _read(quiz_id: int, executor=None) -> tuple[Sums, int | None, int, int]:
    """Return the stored sums, their count of attempts (None when nothing is stored), and how many of the
    quiz's submitted attempts are tallied in them and how many are not yet.

    One statement, so on PostgreSQL (a snapshot per statement) the four agree
    even while students submit: groups first, then one row with the score rows.
    """
    executor = db.session if executor is None else executor
    groups = db.select(literal(1).label("part"), QuizAnswerStats.question_id, QuizAnswerStats.points,
                       QuizAnswerStats.answer, QuizAnswerStats.attempts, QuizAnswerStats.first_attempt_id,
                       QuizAnswerStats.score_sum, QuizAnswerStats.score_squares
                       ).where(QuizAnswerStats.quiz_id == quiz_id)
    stored = db.select(QuizStats.attempts).where(QuizStats.quiz_id == quiz_id).scalar_subquery()
    totals = db.select(QuizStats.totals).where(QuizStats.quiz_id == quiz_id).scalar_subquery()

    def submitted(tallied: bool):
        return (db.select(func.count(Attempt.id))
                .where(Attempt.quiz_id == quiz_id, Attempt.state == "submitted", Attempt.tallied.is_(tallied))
                .scalar_subquery())

    # The header row carries the three counts in integer columns of the groups' select.
    header = db.select(literal(0), null(), submitted(False), totals, stored, submitted(True), null(), null())
    sums, count, tallied, untallied = Sums(), None, 0, 0
    for part, question_id, points, text, attempts, first, scores, squares in executor.execute(
            groups.union_all(header)):
        if part == 0:
            count, tallied, untallied = attempts, first, points
            sums.totals = _decode_totals(text)
        else:
            sums.groups[question_id, points, text] = Tally(attempts, int(scores), int(squares), first)
    return sums, count, tallied, untallied


def _store_from_scratch(quiz_id: int, executor) -> Sums:
    """Lock the quiz's sums, sum every attempt anew and store the result in place of the old; return it."""
    _lock(quiz_id, executor)
    summed: list[int] = []
    sums = sum_from_scratch(quiz_id, executor if executor is not db.session else None, summed)
    executor.execute(delete(QuizAnswerStats).where(QuizAnswerStats.quiz_id == quiz_id))
    _write_groups(quiz_id, sums.groups, executor)
    _write_totals(quiz_id, sums.attempts, sums.totals, executor)
    # Exactly the attempts summed: one submitted while this ran is left for the next catch-up.
    _mark_tallied(summed, executor)
    return sums


def rebuild(quiz_id: int) -> Sums:
    """Sum the quiz's attempts anew and store the sums, in the request's transaction (the caller commits)."""
    return _store_from_scratch(quiz_id, db.session)


def _caught_up(quiz_id: int, connection) -> Sums:
    """Add the untallied attempts to the stored sums and return the sums as stored now."""
    _catch_up(quiz_id, connection)
    return _read(quiz_id, connection)[0]


def _stored_on_own_connection(quiz_id: int, work: Callable[[int, Any], Sums]) -> Sums:
    """Run work(quiz_id, connection) on a connection of its own, in one transaction, and return its sums.

    Its own connection and transaction: the request's session is left as it
    was. The work locks the quiz's sums first, with a short wait, so a long
    write elsewhere (a regrade) does not hold up the page; on failure (a
    read-only or busy database) SQLAlchemyError is raised.
    """
    with db.engine.connect() as connection:
        dialect = connection.dialect.name
        try:
            with connection.begin():
                if dialect == "sqlite":
                    connection.exec_driver_sql(f"PRAGMA busy_timeout={STORE_WAIT_MS}")
                else:
                    connection.exec_driver_sql(f"SET LOCAL lock_timeout = {STORE_WAIT_MS}")
                return work(quiz_id, connection)
        finally:
            if dialect == "sqlite":
                # The connection goes back to the pool: other work keeps the usual patience.
                connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")


def quiz_sums(quiz_id: int) -> Sums:
    """Return the sums over every submitted attempt of the quiz: the stored ones, read in one statement.

    Attempts submitted since the sums were last read are added to them first;
    everything is summed from scratch (and stored) only when the stored count
    of attempts is not the count of attempts marked as tallied. When the sums
    cannot be stored (a read-only or busy database) they are made in memory
    and only shown.
    """
    sums, count, tallied, untallied = _read(quiz_id)
    kept = count == tallied or (count is None and not tallied)
    if kept and not untallied:
        return sums
    try:
        return _stored_on_own_connection(quiz_id, _caught_up if kept else _store_from_scratch)
    except SQLAlchemyError as error:
        current_app.logger.warning("item analysis sums of quiz %s not stored: %s", quiz_id, error)
    if kept:
        sums.add(sums_of(read_attempts(_untallied(quiz_id, db.session))))
        return sums
    return sum_from_scratch(quiz_id)
