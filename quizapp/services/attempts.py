"""Start attempts, save answers as students go, and submit and grade them once."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import random
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from flask import current_app
from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, case, func, insert, inspect, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from .. import localtime
from ..extensions import begin_writing, db
from ..kinds import kind_of
from ..lru import SharedLRU
from ..lti import grades as lti_grades
from ..models import Attempt, Participant, Quiz, Response, utcnow
from . import aggregates
from .layouts import EntryView, QuestionView, QuizLayout, layout_of


class AttemptError(ValueError):
    """An attempt cannot be started or changed; the message says why, for the student.

    Messages are lazy: they are translated when shown, so services run without a request.
    """


@dataclass(frozen=True)
class Item:
    """A question as one attempt shows it: its quiz entry (shared, read-only) and option order."""

    entry: EntryView
    option_order: tuple[int, ...]

    @property
    def question(self) -> QuestionView:
        return self.entry.question


def unavailable_reason(quiz: Quiz, now: dt.datetime) -> LazyString | None:
    """Say why students cannot start this quiz now (translated when shown), or None when they can."""
    if not quiz.published or quiz.archived:
        return _l("This quiz is not open to students.")
    if quiz.opens_at and now < quiz.opens_at:
        return _l("This quiz opens on %(when)s.", when=localtime.when(quiz.opens_at))
    if quiz.closes_at and now >= quiz.closes_at:
        return _l("This quiz closed on %(when)s.", when=localtime.when(quiz.closes_at))
    return None


def _layout(quiz: Quiz, rng: random.Random) -> dict[str, Any]:
    entries = list(layout_of(quiz).entries)
    if quiz.shuffle_questions:
        rng.shuffle(entries)
    options = {}
    for entry in entries:
        order = list(range(len(entry.question.options)))
        # True/false keeps its natural order; shuffling it only confuses.
        if quiz.shuffle_options and entry.question.kind in {"single", "multiple"}:
            rng.shuffle(order)
        options[str(entry.id)] = order
    return {"order": [entry.id for entry in entries], "options": options}


def question_count(quiz: Quiz) -> int:
    """Return how many questions the quiz asks (from its shared layout: no query once read)."""
    return len(layout_of(quiz).entries)


def in_progress_attempt(participant: Participant) -> Attempt | None:
    """Return the participant's unfinished attempt, if any."""
    return next((a for a in participant.attempts if a.state == "in_progress"), None)


def attempts_exhausted(participant: Participant) -> bool:
    """Tell whether the participant has used every attempt the quiz allows."""
    return _none_left(participant.quiz, len(participant.attempts))


def _none_left(quiz: Quiz, used: int) -> bool:
    limit = quiz.max_attempts
    return limit is not None and used >= limit


def roster_entries(quiz: Quiz) -> dict[str, str]:
    """Return the quiz's class list as casefolded identifier -> identifier as written."""
    return {line.strip().casefold(): line.strip() for line in (quiz.roster or "").splitlines() if line.strip()}


def participant_token(quiz_id: int, join_key: str | None) -> str:
    """Return the token of the participant a join form registers: derived from the form's key, else random.

    The same form sent twice (a double click) names the same participant, so the
    second request finds the first one's row instead of registering a twin.
    """
    if not join_key:
        return secrets.token_urlsafe(32)
    secret = str(current_app.config["SECRET_KEY"]).encode()
    digest = hmac.new(secret, f"join:{quiz_id}:{join_key}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def join(quiz: Quiz, display_name: str | None, identifier: str | None, now: dt.datetime,
         join_key: str | None = None) -> Participant:
    """Register a student for a quiz, or find them again by class-list identifier or join key; the caller commits.

    With a class list the identifier is required and names one participant, so
    the attempt limit holds across browsers (a unique constraint guards it).
    """
    found = _registration(quiz, display_name, identifier, now, join_key)
    if isinstance(found, Participant):
        return found
    participant = Participant(quiz=quiz, **found)
    db.session.add(participant)
    return participant


# The participants a join may name, the statements built once; each with its quiz, as the caller
# may hold only a plain view of it (student/views.py) and start_attempt reads the participant's.
_ON_ROSTER = (select(Participant).options(joinedload(Participant.quiz))
              .where(Participant.quiz_id == bindparam("quiz"), Participant.identifier == bindparam("identifier")))
_BY_TOKEN = select(Participant).options(joinedload(Participant.quiz)).where(Participant.token == bindparam("token"))


def _registration(quiz: Quiz, display_name: str | None, identifier: str | None, now: dt.datetime,
                  join_key: str | None, *, look_up_token: bool = True) -> Participant | dict[str, Any]:
    """Return the participant a join names if known, else the columns of a new one (join() says how).

    Without ``look_up_token`` a participant is not looked up by the token its join form
    derives: the caller inserts and learns of a participant registered already from
    the unique token's IntegrityError (enter() does, then asks again with the lookup).
    """
    reason = unavailable_reason(quiz, now)
    if reason:
        raise AttemptError(reason)
    name = (display_name or "").strip()
    if quiz.roster:
        canonical = roster_entries(quiz).get((identifier or "").strip().casefold())
        if canonical is None:
            raise AttemptError(_l("That identifier is not on this quiz's class list."))
        known = db.session.scalar(_ON_ROSTER, {"quiz": quiz.id, "identifier": canonical})
        if known is not None:
            return known
        identifier, name = canonical, name or canonical
    elif not name:
        raise AttemptError(_l("Enter your name."))
    token = participant_token(quiz.id, join_key)
    known = db.session.scalar(_BY_TOKEN, {"token": token}) if look_up_token else None
    if known is not None:
        return known  # the same form again: its first request registered this participant
    return {"display_name": name, "identifier": identifier.strip() if identifier else None, "token": token}


@dataclass(frozen=True)
class Entered:
    """Who a browser joined as and the attempt it is taking: what it keeps in its session."""

    participant_token: str
    attempt_id: int
    attempt_token: str


def enter(quiz: Quiz, participant: Participant | None, display_name: str | None, identifier: str | None,
          join_key: str | None, now: dt.datetime, grace_seconds: int, own_tokens: Collection[str]) -> Entered:
    """Join the quiz if this browser has not, then start or resume its attempt; the caller commits.

    Two requests racing (a double click, one identifier typed in two browsers)
    both try to insert; the database's unique constraints let one win, and the
    loser starts over once, finding the winner's participant and attempt: the
    same browser resumes them, another browser is refused as usual. A join form
    sent again after its first request registered (a double click, a replay)
    is found the same way: the first try inserts without looking its token up,
    a statement that every join of a join rush would make to find nothing.
    """
    for last_try in (False, True):
        try:
            joined = participant
            if joined is None:
                joined = _registration(quiz, display_name, identifier, now, join_key, look_up_token=last_try)
                if not isinstance(joined, Participant):
                    return _first_attempt(quiz, joined, now)
            begin_writing()  # what follows may write more than one statement: in one transaction
            # This browser owns the participant if its session or its join form named it.
            owns = participant is not None or joined.token == participant_token(quiz.id, join_key)
            attempt = start_attempt(joined, now, grace_seconds, own_tokens, owns_participant=owns)
            db.session.flush()
            return Entered(joined.token, attempt.id, attempt.token)
        except IntegrityError:
            if last_try:
                raise
            db.session.rollback()
    raise AssertionError("unreachable")


def _first_attempt(quiz: Quiz, participant: dict[str, Any], now: dt.datetime) -> Entered:
    """Register a new participant (its columns from _registration) and start its first attempt.

    Plain inserts, as start_attempt would flush them: every join of a join rush
    comes here, and the ORM's unit of work cost more than the statements themselves.
    On PostgreSQL both rows go in one statement, which the join view runs outside a
    transaction; on SQLite, whose transactions cost no round trip, two.
    """
    if _none_left(quiz, 0):
        raise AttemptError(_l("You have used all the attempts this quiz allows."))
    attempt = _attempt_values(quiz, 1, now)
    if db.session.get_bind().dialect.name == "postgresql":
        # Both rows in one statement: one round trip, and atomic without a transaction of its own, so
        # a join read outside one (the join view) pays no BEGIN and COMMIT either.
        values = {**participant, **{f"attempt_{k}": v for k, v in attempt.items()}, "quiz_id": quiz.id}
        attempt_id = db.session.execute(_NEW_PARTICIPANT_AND_ATTEMPT, values).scalar_one()
        return Entered(participant["token"], attempt_id, attempt["token"])
    participant_id = db.session.execute(_NEW_PARTICIPANT, {"quiz_id": quiz.id, **participant}).inserted_primary_key[0]
    attempt_id = db.session.execute(_NEW_ATTEMPT, {"quiz_id": quiz.id, "participant_id": participant_id, **attempt}
                                    ).inserted_primary_key[0]
    return Entered(participant["token"], attempt_id, attempt["token"])


def start_attempt(participant: Participant, now: dt.datetime, grace_seconds: int,
                  own_tokens: Collection[str], *, owns_participant: bool = False) -> Attempt:
    """Return the participant's open attempt, or start a new one; the caller commits.

    An open attempt whose time ran out is submitted first, so it never blocks
    the next one. An attempt in progress stays bound to the browser that
    started it: ``own_tokens`` are the attempt tokens this browser holds, and
    any other browser (a class-list identifier typed twice) is refused;
    ``owns_participant`` says this browser registered the participant itself
    (its session or join form holds it), so all its attempts are its own.
    """
    quiz = participant.quiz
    current = in_progress_attempt(participant)
    if current is not None and not close_if_overdue(current, now, grace_seconds):
        if current.token not in own_tokens and not owns_participant:
            raise AttemptError(_l(
                "You already have an attempt in progress in another browser. "
                "Go back to that browser, or ask your teacher."))
        return current
    reason = unavailable_reason(quiz, now)
    if reason:
        raise AttemptError(reason)
    used = len(participant.attempts)
    if attempts_exhausted(participant):
        raise AttemptError(_l("You have used all the attempts this quiz allows."))
    attempt = Attempt(quiz=quiz, participant=participant, **_attempt_values(quiz, used + 1, now))
    db.session.add(attempt)
    db.session.flush()
    return attempt


def _attempt_values(quiz: Quiz, number: int, now: dt.datetime) -> dict[str, Any]:
    """Return the columns of a new attempt at a quiz: its number, token, deadline, points and own order."""
    deadline = None
    if quiz.time_limit_minutes:
        deadline = now + dt.timedelta(minutes=quiz.time_limit_minutes)
    if quiz.closes_at and (deadline is None or quiz.closes_at < deadline):
        deadline = quiz.closes_at
    return {
        "number": number,
        "token": secrets.token_urlsafe(32),
        "started_at": now,
        "deadline_at": deadline,
        "max_score": layout_of(quiz).max_score,
        "layout": _layout(quiz, random.Random(secrets.randbits(64))),
    }


def items(attempt: Attempt) -> list[Item]:
    """Return the attempt's questions in the order it shows them.

    Worked out from the quiz's shared layout and the attempt's own order once per
    process and quiz version, and shared by the attempt's later requests (its
    order is drawn once, as it starts, and never changes).
    """
    layout = layout_of(attempt.quiz)
    return list(_items.get_or_make((layout, attempt.token), lambda: _ordered_items(layout, attempt.layout)))


# Attempts whose questions a process keeps in order: a school's students, with room to spare.
MAX_ATTEMPT_ITEMS = 16384
_items: SharedLRU[tuple[Item, ...]] = SharedLRU(MAX_ATTEMPT_ITEMS)


def _ordered_items(layout: QuizLayout, order: dict[str, Any]) -> tuple[Item, ...]:
    """Return the layout's entries in an attempt's order, each with its option order."""
    result = []
    for entry_id in order.get("order", []):
        entry = layout.by_id.get(entry_id)
        if entry is None:  # removed from the quiz after the attempt began
            continue
        natural = list(range(len(entry.question.options)))
        options = order.get("options", {}).get(str(entry_id))
        if not isinstance(options, list) or sorted(options) != natural:
            options = natural  # options edited since the attempt began: the stored shuffle no longer fits
        result.append(Item(entry, tuple(options)))
    return tuple(result)


def answer_sheet(attempt: Attempt) -> list[dict[str, Any]]:
    """Return each question of an attempt, in its order, with the answer given and the right one in words."""
    responses = {response.question_id: response for response in attempt.responses}
    sheet = []
    for item in items(attempt):
        question = item.question
        response = responses.get(question.id)
        kind = kind_of(question)
        sheet.append({
            "question": question, "points": item.entry.points,
            "answer": kind.describe(question, response.answer) if response else "",
            "correct": kind.correct_text(question),
            "earned": response.points if response else None,
        })
    return sheet


def graded_answers(attempt: Attempt) -> dict[int, Any]:
    """Return a submitted attempt's stored answers and points by question id, as rows (answer, points)."""
    if attempt.__dict__.get("responses"):
        return {response.question_id: response for response in attempt.responses}
    db.session.flush()
    return {row.question_id: row for row in db.session.execute(_GRADED, {"attempt": attempt.id})}


def may_start_another(attempt: Attempt, now: dt.datetime) -> bool:
    """Tell whether the attempt's participant may start one more now: none in progress, one left, the quiz open.

    Counted in one statement, without loading the participant and its attempts, and
    not at all when the attempt's own number uses up the quiz's limit (one attempt
    allowed, the usual exam): each attempt is numbered one past those its participant
    had, and none is ever taken away, so the count is never below the number.
    """
    if unavailable_reason(attempt.quiz, now) is not None or _none_left(attempt.quiz, attempt.number):
        return False
    tries = db.session.execute(_TRIES, {"participant": attempt.participant_id}).one()
    return not tries.open and not _none_left(attempt.quiz, tries.count)


def saved_answers(attempt: Attempt) -> dict[int, Any]:
    """Return the stored answers of an attempt by question id (read as plain rows, without the ORM's copies)."""
    if attempt.__dict__.get("responses"):
        return {response.question_id: response.answer for response in attempt.responses}
    db.session.flush()
    return {row.question_id: row.answer for row in db.session.execute(_STORED, {"attempt": attempt.id})}


def is_blank(answer: Any) -> bool:
    """Tell whether a stored answer says nothing."""
    return answer is None or answer == [] or answer == ""


def unanswered_numbers(attempt: Attempt, saved: dict[int, Any] | None = None) -> list[int]:
    """Return the numbers, as the student sees them, of the questions without an answer (in ``saved`` if given)."""
    saved = saved_answers(attempt) if saved is None else saved
    return [number for number, item in enumerate(items(attempt), start=1) if is_blank(saved.get(item.question.id))]


def remaining_seconds(attempt: Attempt, now: dt.datetime) -> int | None:
    """Return the whole seconds left before the deadline, or None when untimed."""
    if attempt.deadline_at is None:
        return None
    return max(0, int((attempt.deadline_at - now).total_seconds()))


def accepts_answers(attempt: Attempt, now: dt.datetime, grace_seconds: int) -> bool:
    """Tell whether the server still takes answers for this attempt."""
    if attempt.is_submitted:
        return False
    return attempt.deadline_at is None or now <= attempt.deadline_at + dt.timedelta(seconds=grace_seconds)


# The statements of every save, built once: plain table statements, as the ORM's unit of work
# and bulk-update bookkeeping cost more than the statements themselves on this path.
_PARTICIPANTS, _ATTEMPTS, _RESPONSES = Participant.__table__, Attempt.__table__, Response.__table__
_NEW_PARTICIPANT, _NEW_ATTEMPT = insert(_PARTICIPANTS), insert(_ATTEMPTS)
# PostgreSQL: the new participant and its first attempt in one statement (an INSERT in a WITH).
_JOINED = (insert(_PARTICIPANTS)
           .values({c: bindparam(c, type_=_PARTICIPANTS.c[c].type)
                    for c in ("quiz_id", "display_name", "identifier", "token")})
           .returning(_PARTICIPANTS.c.id).cte("joined"))
_FIRST_ATTEMPT_COLUMNS = ("number", "token", "started_at", "deadline_at", "max_score", "layout")
# (An INSERT from a SELECT fills no column's default itself: the constant ones are written in.)
_ATTEMPT_DEFAULTS = [c for c in _ATTEMPTS.c if c.default is not None and c.default.is_scalar
                     and c.name not in _FIRST_ATTEMPT_COLUMNS]
_NEW_PARTICIPANT_AND_ATTEMPT = (
    insert(_ATTEMPTS)
    .from_select(["quiz_id", "participant_id", *_FIRST_ATTEMPT_COLUMNS, *(c.name for c in _ATTEMPT_DEFAULTS)],
                 select(bindparam("quiz_id", type_=_ATTEMPTS.c.quiz_id.type), _JOINED.c.id,
                        *(bindparam(f"attempt_{c}", type_=_ATTEMPTS.c[c].type) for c in _FIRST_ATTEMPT_COLUMNS),
                        *(literal(c.default.arg, type_=c.type) for c in _ATTEMPT_DEFAULTS)),
                 include_defaults=False)
    .returning(_ATTEMPTS.c.id))
_CLAIM = (update(_ATTEMPTS)
          .where(_ATTEMPTS.c.id == bindparam("attempt"), _ATTEMPTS.c.state == "in_progress")
          .values(page=_ATTEMPTS.c.page))
# The same claim storing the page the student moves to: a page change writes its page in the
# statement that claims the row, not in an UPDATE of its own (rolled back with it if the save fails).
_CLAIM_AND_MOVE = (update(_ATTEMPTS)
                   .where(_ATTEMPTS.c.id == bindparam("attempt"), _ATTEMPTS.c.state == "in_progress")
                   .values(page=bindparam("page", type_=_ATTEMPTS.c.page.type)))
_STORED = (select(_RESPONSES.c.id, _RESPONSES.c.question_id, _RESPONSES.c.answer, _RESPONSES.c.saved_at,
                  _RESPONSES.c.points)
           .where(_RESPONSES.c.attempt_id == bindparam("attempt")))
_GRADED = (select(_RESPONSES.c.id, _RESPONSES.c.question_id, _RESPONSES.c.answer, _RESPONSES.c.points)
           .where(_RESPONSES.c.attempt_id == bindparam("attempt")))
# A participant's attempts: how many, and how many are in progress.
_TRIES = (select(func.count().label("count"),
                 func.coalesce(func.sum(case((_ATTEMPTS.c.state == "in_progress", 1), else_=0)), 0).label("open"))
          .where(_ATTEMPTS.c.participant_id == bindparam("participant")))
# A grade's points, the answer and the time it was saved left as they are (saved_at set to
# itself, or the column's onupdate would stamp the grading time on it).
_SCORE = (update(_RESPONSES).where(_RESPONSES.c.attempt_id == bindparam("attempt"),
                                   _RESPONSES.c.question_id == bindparam("question"))
          .values(points=bindparam("new_points", type_=_RESPONSES.c.points.type), saved_at=_RESPONSES.c.saved_at))
# The submit: the state changes once, guarded by it, with the score, and the row comes back
# as it now is (one statement where the ORM's UPDATE, a refresh and the score's UPDATE took three).
_SUBMIT = (update(_ATTEMPTS)
           .where(_ATTEMPTS.c.id == bindparam("attempt"), _ATTEMPTS.c.state == "in_progress")
           .values(state="submitted", submitted_at=bindparam("at"), auto_submitted=bindparam("automatic"),
                   score=bindparam("score"), max_score=bindparam("max_score"))
           .returning(*_ATTEMPTS.c))
_ATTEMPT_COLUMNS = tuple(Attempt.__mapper__.columns.items())
_CHANGE = (update(_RESPONSES)
           .where(_RESPONSES.c.id == bindparam("response"))
           .values(answer=bindparam("new_answer", type_=_RESPONSES.c.answer.type), saved_at=bindparam("now")))


def _claim(attempt: Attempt, page: int | None = None) -> bool:
    """Lock the attempt's row for this transaction if it is still in progress, storing ``page`` if given.

    An UPDATE guarded by the state (a no-op without ``page``): on PostgreSQL it
    holds the row lock until commit, so a submit from another tab waits for these
    answers and grades them; if that submit won, no row matches and nothing is written.
    """
    if page is None:
        return db.session.execute(_CLAIM, {"attempt": attempt.id}).rowcount == 1
    return db.session.execute(_CLAIM_AND_MOVE, {"attempt": attempt.id, "page": page}).rowcount == 1


def claim_answers(attempt: Attempt, now: dt.datetime, grace_seconds: int, page: int | None = None) -> dict[int, Any]:
    """Claim the attempt for saving answers and return its stored answers as rows by question id; the caller commits.

    The answers are read once the attempt's row is claimed: an autosave from another
    tab may have stored one since the page was loaded, and inserting it twice would
    break the one-response-per-question constraint. A caller that needs the stored
    answers before it saves (the page's form, filled with them) claims first and
    hands the rows to save_answers, so they are read once. ``page`` is the page
    the student moves to, stored with the claim (a page change).
    """
    if not accepts_answers(attempt, now, grace_seconds):
        raise AttemptError(_l("This attempt no longer accepts answers."))
    if not _claim(attempt, page):
        raise AttemptError(_l("This attempt was already submitted."))
    db.session.flush()  # answers the ORM holds unsaved come first
    return {row.question_id: row for row in db.session.execute(_STORED, {"attempt": attempt.id})}


def save_answers(attempt: Attempt, answers: dict[int, Any], now: dt.datetime, grace_seconds: int,
                 as_of: dt.datetime | None = None, claimed: dict[int, Any] | None = None) -> dict[int, Any]:
    """Store answers by question id, replacing earlier ones; return all the attempt's answers now. The caller commits.

    ``as_of`` is when the sending page last knew the stored answers (rendered,
    or its last autosave): an answer stored after that came from elsewhere (an
    autosave racing this submit, another tab) and is newer than what the page
    shows, so it is kept rather than overwritten with the page's stale value.
    ``claimed`` is what claim_answers returned in this transaction, if the caller
    claimed the attempt already.
    """
    known = {item.question.id for item in items(attempt)}
    if any(question_id not in known for question_id in answers):
        raise AttemptError(_l("That question is not part of this attempt."))
    existing = claim_answers(attempt, now, grace_seconds) if claimed is None else claimed
    stored = {question_id: row.answer for question_id, row in existing.items()}
    new, changed = [], []
    for question_id, answer in answers.items():
        row = existing.get(question_id)
        if row is None and is_blank(answer):
            continue  # nothing to remember yet; grading counts a missing answer as blank
        if row is None:
            new.append({"question_id": question_id, "answer": answer, "saved_at": now})
        elif as_of is not None and row.saved_at is not None and row.saved_at > as_of:
            continue
        elif row.answer != answer:
            changed.append({"response": row.id, "new_answer": answer, "now": now})
        else:
            continue
        stored[question_id] = answer
    if changed:
        db.session.execute(_CHANGE, changed)
    _insert_responses(attempt, new)
    if changed:
        _expire_responses(attempt)  # the ORM's copies are out of date
    return stored


def _insert_responses(attempt: Attempt, rows: list[dict[str, Any]]) -> None:
    """Insert an attempt's new answers in one statement (the ORM inserts rows one by one to learn their ids)."""
    if rows:
        db.session.execute(insert(_RESPONSES), [{"attempt_id": attempt.id, **row} for row in rows])
        _expire_responses(attempt)


def _expire_responses(attempt: Attempt) -> None:
    """Forget the ORM's copies of an attempt's answers, if it holds any (a plain view of the attempt has none)."""
    state = inspect(attempt, raiseerr=False)
    if state is not None and "responses" not in state.unloaded:
        db.session.expire(attempt, ["responses"])


def saved_for_grading(claimed: dict[int, Any], stored: dict[int, Any]) -> dict[int, tuple[Any, float | None]]:
    """Return an attempt's stored answers with their points by question id, as a save under a claim left them.

    ``claimed`` is what claim_answers read, ``stored`` what save_answers returned
    after it: every row the attempt has now, its answer, and the points it holds
    (none yet for a row the save inserted). A submit that saved the page's answers
    grades from these, without reading the rows again.
    """
    return {question_id: (answer, claimed[question_id].points if question_id in claimed else None)
            for question_id, answer in stored.items()}


def grade(attempt: Attempt, saved: dict[int, tuple[Any, float | None]] | None = None) -> tuple[float, float]:
    """Score every question of an attempt, unanswered ones as zero; return the total and the most it could be.

    Called once, as the attempt is submitted, with its row claimed; submit()
    writes the two on the attempt with its new state. ``saved`` is the attempt's
    answers and points as this transaction left them (saved_for_grading), else
    they are read. The quiz's item-analysis sums
    are not touched: the attempt stays untallied until they are next read
    (services/aggregates.py), so a class submitting at once does not queue on them.
    """
    db.session.flush()  # answers the ORM holds unsaved come first
    if saved is None:
        saved = {row.question_id: (row.answer, row.points)
                 for row in db.session.execute(_GRADED, {"attempt": attempt.id})}
    total = 0.0
    missing, scored = [], []
    asked = items(attempt)  # once: each look-up checks the session for unflushed changes to the quiz
    for item in asked:
        question = item.question
        response = saved.get(question.id)
        answer = response[0] if response is not None else None
        points = round(_fraction(question, answer) * item.entry.points, 4)
        if response is None:
            missing.append({"question_id": question.id, "answer": None, "points": points})
        elif response[1] != points:
            scored.append({"attempt": attempt.id, "question": question.id, "new_points": points})
        total += points
    if scored:
        db.session.execute(_SCORE, scored)
        _expire_responses(attempt)  # the ORM's copies are out of date
    _insert_responses(attempt, missing)
    return round(total, 4), sum(item.entry.points for item in asked)


# Typed answers graded per process: a class types the same few answers to a question, and reading
# one against the key (generator.answers_match) was most of grading's work on every submit.
MAX_TYPED_GRADES = 16384
_typed_grades: SharedLRU[float] = SharedLRU(MAX_TYPED_GRADES)


def _fraction(question: QuestionView, answer: Any) -> float:
    """Return the share of the question's points an answer earns, a typed answer's once per question version.

    ``question`` is the quiz layout's shared view (services/layouts.py): read-only,
    and a new object whenever the question or its document changes, so a changed
    key is graded afresh. A choice or a number is graded each time: that is
    cheaper than looking it up.
    """
    kind = kind_of(question)
    if not isinstance(answer, str):
        return kind.fraction(question, answer)
    return _typed_grades.get_or_make((question, answer), lambda: kind.fraction(question, answer))


def submit(attempt: Attempt, now: dt.datetime, *, automatic: bool = False, claimed: bool = False,
           saved: dict[int, tuple[Any, float | None]] | None = None) -> bool:
    """Close and grade an attempt exactly once; the caller commits.

    The attempt's row is claimed first (``claimed``: the caller did, in this
    transaction; ``saved``: its answers as that claim's save left them, for
    grade()), so the answers graded are the last ones saved: an autosave
    racing this submit either comes first or finds the attempt submitted. The
    state then changes with the score in one conditional UPDATE, so two tabs, a
    double click or a replayed request can only submit once: the losers see no
    row change. Returns whether this call did the submitting.

    ``attempt`` may be a plain read-only view of the row (student/views.py reads
    one): it is then left as it was read, and the caller reads the row again if
    it needs the submitted state.
    """
    submitted_at = now
    if automatic and attempt.deadline_at is not None:
        submitted_at = min(now, attempt.deadline_at)
    db.session.flush()  # changes the ORM holds for the row come first, as the ORM's own UPDATE would flush them
    row = None
    if claimed or _claim(attempt):
        score, max_score = grade(attempt, saved if claimed else None)
        row = db.session.execute(_SUBMIT, {"attempt": attempt.id, "at": submitted_at, "automatic": automatic,
                                           "score": score, "max_score": max_score}).one_or_none()
    if inspect(attempt, raiseerr=False) is not None:
        # Another request may have changed the row and its answers since they were read: the
        # row as it is now comes back with the UPDATE; the answers are read again when needed.
        db.session.expire(attempt, ["responses"])
        if row is None:
            db.session.refresh(attempt)  # another request submitted it first: show its state
        else:
            for key, column in _ATTEMPT_COLUMNS:
                set_committed_value(attempt, key, row._mapping[column])
    if row is None:
        return False
    # An LTI learner's grade goes to the LMS once this commits (the row as submitted); a plain view of
    # the attempt read whether its participant is one with it, so that is not asked again.
    lti_grades.record([row], getattr(attempt, "lti_learners", None))
    return True


def is_timed_out(attempt: Attempt, now: dt.datetime) -> bool:
    """Tell whether the attempt's deadline has come (grace not counted)."""
    return attempt.deadline_at is not None and now >= attempt.deadline_at


def close_if_overdue(attempt: Attempt, now: dt.datetime, grace_seconds: int) -> bool:
    """Submit an attempt whose time ran out, with what was saved; the caller commits."""
    if attempt.is_submitted or accepts_answers(attempt, now, grace_seconds):
        return False
    return submit(attempt, now, automatic=True)


def close_overdue(now: dt.datetime, grace_seconds: int, quiz_id: int | None = None) -> int:
    """Submit every attempt whose deadline passed (of one quiz, if given); return how many.

    The caller commits.
    """
    limit = now - dt.timedelta(seconds=grace_seconds)
    query = db.select(Attempt).where(Attempt.state == "in_progress", Attempt.deadline_at < limit)
    if quiz_id is not None:
        query = query.where(Attempt.quiz_id == quiz_id)
    overdue = db.session.scalars(query).all()
    return sum(submit(attempt, now, automatic=True) for attempt in overdue)


def settle(quiz: Quiz) -> None:
    """Submit the quiz's attempts whose time ran out, and commit: a student who never came back still has a score."""
    if close_overdue(utcnow(), current_app.config["DEADLINE_GRACE_SECONDS"], quiz.id):
        db.session.commit()
