"""Let students find a quiz, join it, answer it and see their result."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf
from itsdangerous import BadData
from itsdangerous.encoding import base64_decode, bytes_to_int
from sqlalchemy import bindparam
from sqlalchemy.orm import defer, joinedload, raiseload

from ..errors import page as error_page
from ..extensions import begin_writing, db, limiter, read_outside_a_transaction
from ..lti.models import LtiLearner
from ..models import Attempt, Document, Participant, Quiz, utcnow
from ..services.layouts import DocumentView
from ..redirects import local_target
from ..services import attempts as attempt_service
from ..services import quizzes as quiz_service
from . import forms, fragments, review, throttle

bp = Blueprint("student", __name__)
bp.add_app_template_global(fragments.option_inputs, "option_inputs")  # for macros/questions.html

# An autosave carries one page of answers; anything bigger is not from our page.
AUTOSAVE_MAX_BYTES = 256 * 1024
# A page's CSRF token is good for WTF_CSRF_TIME_LIMIT (a day and more); an autosave sends a
# fresh one only once the page's is this old, not a newly signed token with every save.
CSRF_RENEW_AFTER_SECONDS = 15 * 60
# The browser's countdown may fire a little before the server's clock agrees.
TIMEOUT_SLACK = dt.timedelta(seconds=5)
# What the student's pages show of a quiz's document, read with the quiz in one query (never its text).
WITH_DOCUMENT = joinedload(Quiz.document).load_only(Document.language, Document.title)
# An attempt with its quiz, one query, the statement built once; not the quiz's roster, which
# only joining reads and which can be a whole school's names.
OWN_ATTEMPT = (db.select(Attempt).options(joinedload(Attempt.quiz).options(defer(Quiz.roster), WITH_DOCUMENT))
               .where(Attempt.id == bindparam("attempt")))
# The same for an autosave, which needs of the quiz only what finds its shared layout: the
# rest of its columns and its document are not read (touching one would raise, not query).
OWN_ATTEMPT_TO_SAVE = (db.select(Attempt)
                       .options(joinedload(Attempt.quiz).load_only(Quiz.id, Quiz.layout_version, raiseload=True),
                                raiseload(Attempt.quiz, Quiz.document))
                       .where(Attempt.id == bindparam("attempt")))
# What the question page shows of an attempt, its quiz and their document, read as one plain row: the
# ORM's loading of the three objects cost about 120 µs more than the read itself on every page.
_ATTEMPTS, _QUIZZES, _DOCUMENTS = Attempt.__table__, Quiz.__table__, Document.__table__
_LEARNERS = LtiLearner.__table__  # tables, not entities: a statement naming an entity is loaded through the ORM
# What a join page and a join need of the quiz a code names, and its document's language, as one
# plain row too: every request of a join rush but the question page reads it (the statement built once).
QUIZ_TO_JOIN = (db.select(_QUIZZES.c.id, _QUIZZES.c.title, _QUIZZES.c.published, _QUIZZES.c.archived,
                          _QUIZZES.c.time_limit_minutes, _QUIZZES.c.max_attempts, _QUIZZES.c.opens_at,
                          _QUIZZES.c.closes_at, _QUIZZES.c.shuffle_questions, _QUIZZES.c.shuffle_options,
                          _QUIZZES.c.roster, _QUIZZES.c.layout_version, _DOCUMENTS.c.language)
                .join(_DOCUMENTS, _QUIZZES.c.document_id == _DOCUMENTS.c.id)
                .where(_QUIZZES.c.join_code == bindparam("code")))
ATTEMPT_SHOWN = (db.select(_ATTEMPTS.c.id, _ATTEMPTS.c.token, _ATTEMPTS.c.state, _ATTEMPTS.c.page,
                           _ATTEMPTS.c.layout, _ATTEMPTS.c.deadline_at, _QUIZZES.c.id.label("quiz_id"),
                           _QUIZZES.c.layout_version, _QUIZZES.c.title, _QUIZZES.c.one_per_page,
                           _DOCUMENTS.c.language)
                 .join(_QUIZZES, _ATTEMPTS.c.quiz_id == _QUIZZES.c.id)
                 .join(_DOCUMENTS, _QUIZZES.c.document_id == _DOCUMENTS.c.id)
                 .where(_ATTEMPTS.c.id == bindparam("attempt")))

# What a page change, a submit and the result page need of an attempt, its quiz and their document:
# the question page's row and a few more columns. They loaded the three as ORM objects, about a
# third of a submit's work.
ATTEMPT_TO_END = ATTEMPT_SHOWN.add_columns(
    _DOCUMENTS.c.title.label("document_title"), _QUIZZES.c.join_code, _QUIZZES.c.published, _QUIZZES.c.archived,
    _QUIZZES.c.opens_at, _QUIZZES.c.closes_at, _QUIZZES.c.max_attempts, _QUIZZES.c.review, _QUIZZES.c.pass_mark,
    _ATTEMPTS.c.participant_id, _ATTEMPTS.c.number, _ATTEMPTS.c.score, _ATTEMPTS.c.max_score,
    _ATTEMPTS.c.auto_submitted,
    # The participant's LTI learner, if it came through an LMS: a submit then needs no lookup of its own.
    db.select(_LEARNERS.c.id).where(_LEARNERS.c.participant_id == _ATTEMPTS.c.participant_id).scalar_subquery()
    .label("lti_learner_id"))


@dataclass(frozen=True)
class QuizShown:
    """What the question page needs of a quiz (read-only; duck-typed for the services and the template)."""

    id: int
    layout_version: str
    title: str
    one_per_page: bool
    document: DocumentView


@dataclass(frozen=True)
class QuizToJoin:
    """What joining needs of a quiz (read-only; duck-typed for the services and the join page, as QuizShown)."""

    id: int
    title: str
    published: bool
    archived: bool
    time_limit_minutes: int | None
    max_attempts: int | None
    opens_at: dt.datetime | None
    closes_at: dt.datetime | None
    shuffle_questions: bool
    shuffle_options: bool
    roster: str | None
    layout_version: str
    document: DocumentView


@dataclass(frozen=True)
class AttemptShown:
    """What the question page and an autosave need of an attempt in progress (read-only, as QuizShown)."""

    id: int
    token: str
    state: str
    page: int
    layout: dict
    deadline_at: dt.datetime | None
    quiz: QuizShown

    @property
    def is_submitted(self) -> bool:
        return self.state == "submitted"


@dataclass(frozen=True, eq=False)
class TitledDocument(DocumentView):
    """What the result page shows of a quiz's document."""

    title: str


@dataclass(frozen=True)
class QuizToEnd(QuizShown):
    """What a page change, a submit and the result page need of a quiz (read-only, as QuizShown)."""

    join_code: str
    published: bool
    archived: bool
    opens_at: dt.datetime | None
    closes_at: dt.datetime | None
    max_attempts: int | None
    review: str
    pass_mark: float | None


@dataclass(frozen=True)
class AttemptToEnd(AttemptShown):
    """What a page change, a submit and the result page need of an attempt (read-only, as QuizShown)."""

    participant_id: int
    number: int
    score: float | None
    max_score: float
    auto_submitted: bool
    lti_learner_id: int | None

    percentage = Attempt.percentage  # the model's own, so the result page reads it alike

    @property
    def lti_learners(self) -> dict[int, int]:
        """Return the participant's LTI learner by participant id, as lti.grades.record() takes it (none for most)."""
        return {} if self.lti_learner_id is None else {self.participant_id: self.lti_learner_id}


# A student's own attempt is reached through the attempt token in the browser's session, never
# by guessing, and a whole school may sit behind one address: no rate limit applies to these
# requests, default or configured, so the limiter does not even look one up for them. The ways
# in by join code are throttled by throttle.py alone, which Flask-Limiter need not look at either.
UNLIMITED_ENDPOINTS = frozenset({"student.attempt", "student.answer", "student.submit", "student.autosave",
                                 "student.result"})
OWN_THROTTLE_ENDPOINTS = frozenset({"student.join", "student.join_by_code"})
UNLOOKED_ENDPOINTS = UNLIMITED_ENDPOINTS | OWN_THROTTLE_ENDPOINTS


@limiter.request_filter
def _own_attempt_request() -> bool:
    """Tell Flask-Limiter to skip this request: the student's own attempt, or a join that throttle.py limits."""
    return request.endpoint in UNLOOKED_ENDPOINTS


def _hour() -> int:
    return int(time.time() // 3600)


@bp.before_request
def _renew_session_hourly() -> None:
    """Rewrite a student's session cookie about once an hour, not on every request.

    The cookie then expires PERMANENT_SESSION_LIFETIME after the student's last
    visit (within the hour), as a cookie renewed on every request would, while
    autosaves in between send no Set-Cookie (SESSION_REFRESH_EACH_REQUEST is off).
    """
    hour = _hour()
    if session.permanent and session.get("renewed") != hour:
        session["renewed"] = hour


def _grace() -> int:
    return current_app.config["DEADLINE_GRACE_SECONDS"]


def _participant(quiz: Quiz | QuizToJoin) -> Participant | None:
    """Return the participant this browser joined the quiz as, with the quiz (the caller may hold only its view)."""
    token = session.get("participants", {}).get(str(quiz.id))
    if token is None:
        return None
    return db.session.scalar(db.select(Participant).options(joinedload(Participant.quiz).options(WITH_DOCUMENT))
                             .where(Participant.token == token, Participant.quiz_id == quiz.id))


def _quiz_to_join(code: str) -> QuizToJoin | None:
    """Return what joining needs of the quiz a join code names, or None."""
    row = db.session.execute(QUIZ_TO_JOIN, {"code": quiz_service.normalise_join_code(code)}).one_or_none()
    if row is None:
        return None
    # Every field read by its column's name, so a column added to the statement shifts none of them.
    return QuizToJoin(id=row.id, title=row.title, published=row.published, archived=row.archived,
                      time_limit_minutes=row.time_limit_minutes, max_attempts=row.max_attempts,
                      opens_at=row.opens_at, closes_at=row.closes_at, shuffle_questions=row.shuffle_questions,
                      shuffle_options=row.shuffle_options, roster=row.roster, layout_version=row.layout_version,
                      document=DocumentView(row.language))


def _attempt_tokens() -> list[str]:
    return session.get("attempts", [])


def _remember(quiz_id: int, participant_token: str, attempt_token: str) -> None:
    """Keep in the browser's session who it joined as and which attempt it started."""
    session["participants"] = {**session.get("participants", {}), str(quiz_id): participant_token}
    if attempt_token not in _attempt_tokens():
        session["attempts"] = [*_attempt_tokens(), attempt_token][-50:]
    session.permanent = True
    session["renewed"] = _hour()
    if "_id" not in session:
        # Flask-Login's session protection marks a permanent session that no login made "not
        # fresh" on the next page that asks for the user (every page does): marked here, in the
        # cookie this join writes anyway, the question page after it writes none.
        session["_fresh"] = False


def _own_attempt(attempt_id: int, statement=OWN_ATTEMPT) -> Attempt:
    """Return an attempt this browser started, with its quiz; any other id is simply not found."""
    attempt = db.session.scalar(statement, {"attempt": attempt_id})
    if attempt is None or attempt.token not in _attempt_tokens():
        abort(404)
    return attempt


def _attempt_to_end(attempt_id: int) -> AttemptToEnd:
    """Return what a page change, a submit and the result read of an attempt this browser started; any other id is not found."""
    row = db.session.execute(ATTEMPT_TO_END, {"attempt": attempt_id}).one_or_none()
    if row is None or row.token not in _attempt_tokens():
        abort(404)
    # Every field read by its column's name, so a column added to the statement shifts none of them.
    quiz = QuizToEnd(id=row.quiz_id, layout_version=row.layout_version, title=row.title,
                     one_per_page=row.one_per_page, document=TitledDocument(row.language, row.document_title),
                     join_code=row.join_code, published=row.published, archived=row.archived,
                     opens_at=row.opens_at, closes_at=row.closes_at, max_attempts=row.max_attempts,
                     review=row.review, pass_mark=row.pass_mark)
    return AttemptToEnd(id=row.id, token=row.token, state=row.state, page=row.page, layout=row.layout,
                        deadline_at=row.deadline_at, quiz=quiz, participant_id=row.participant_id,
                        number=row.number, score=row.score, max_score=row.max_score,
                        auto_submitted=row.auto_submitted, lti_learner_id=row.lti_learner_id)


def _close_if_overdue(attempt: Attempt | AttemptToEnd, now: dt.datetime) -> bool:
    """Submit the attempt if its time ran out, committing at once; return whether it did.

    A plain view of the attempt is left as it was read: the caller reads it again if it goes on.
    """
    if attempt_service.close_if_overdue(attempt, now, _grace()):
        db.session.commit()
        return True
    return False


@bp.route("/")
def index():
    """List the open quizzes and ask for a join code."""
    return render_template("student/index.html", quizzes=quiz_service.published_quizzes(), form=forms.CodeForm())


# Guessing join codes: limited per client address, in the storage login throttling uses, only
# misses counted (throttle.py). One count for both ways in (typed code, link), so a guesser
# cannot use each in turn.
_throttle_codes = throttle.throttle_codes


@bp.post("/join")
@_throttle_codes
def join_by_code():
    """Send a typed join code to its quiz's page, or say it matches no open quiz."""
    form = forms.CodeForm()
    if form.validate_on_submit():
        quiz = quiz_service.find_by_code(form.code.data)
        if quiz is not None and quiz.published and not quiz.archived:
            return redirect(url_for("student.join", code=quiz.join_code))
        form.code.errors.append(_("No open quiz has this code. Check it and try again."))
    return render_template("student/index.html", quizzes=quiz_service.published_quizzes(), form=form), 400


def _join_blocker(quiz: Quiz, participant: Participant | None, now: dt.datetime) -> str | None:
    """Say why this browser cannot start an attempt now, or None."""
    reason = attempt_service.unavailable_reason(quiz, now)
    if reason is None and participant is not None and attempt_service.attempts_exhausted(participant):
        reason = _("You have used all the attempts this quiz allows.")
    return reason


@bp.route("/q/<code>", methods=["GET", "POST"])
@_throttle_codes
def join(code: str):
    """Show a quiz to a student and start their attempt, or say plainly why they cannot."""
    # A join page only reads, and a new student's join writes in one statement (attempts.enter begins a
    # transaction where it writes more): neither needs PostgreSQL's BEGIN and COMMIT round trips.
    read_outside_a_transaction()
    quiz = _quiz_to_join(code)
    if quiz is None:
        abort(404)
    if not quiz.published:
        # The code is right, so say why it leads nowhere; 404 all the same, as nothing can be done here.
        return error_page(404, _("Your teacher has not opened it to students yet, or has closed it. "
                                  "Ask your teacher when you can take it."), heading=_("This quiz is not open"))
    now = utcnow()
    participant = _participant(quiz)
    if participant is not None:
        # A browser that joined before: its participant and attempts are ORM objects, and so is the quiz from here.
        quiz = participant.quiz
        current = attempt_service.in_progress_attempt(participant)
        if current is not None and current.token in _attempt_tokens():
            return redirect(url_for("student.attempt", attempt_id=current.id))
    asks = None if participant is not None else ("identifier" if quiz.roster else "display_name")
    reason = _join_blocker(quiz, participant, now)
    question_count = attempt_service.question_count(quiz)
    if reason is None and participant is None and request.method == "GET":
        # A new student's page, the same for the whole class but for its tokens: shared, not rendered.
        return render_template("student/join.html", quiz=quiz, fresh=fragments.join_page(quiz, question_count, asks),
                               join_key=forms.new_join_key())
    # A valid join (every join of a rush) is read without building the form; JoinForm judges and explains the rest.
    entry = forms.join_entry(asks) if reason is None and request.method == "POST" else None
    last = participant.attempts[-1] if participant is not None and participant.attempts else None
    page = {"quiz": quiz, "participant": participant, "last_attempt": last, "question_count": question_count}
    if reason is not None:
        return (render_template("student/join.html", reason=reason, form=None, **page),
                409 if request.method == "POST" else 200)
    if entry is None:
        form = forms.JoinForm(asks=asks)
        if not form.validate_on_submit():
            return (render_template("student/join.html", reason=None, form=form, **page),
                    400 if request.method == "POST" else 200)
        entry = {"display_name": form.display_name.data, "identifier": form.identifier.data,
                 "join_key": form.join_key.data}
    try:
        entered = attempt_service.enter(quiz, participant, entry["display_name"], entry["identifier"],
                                        entry["join_key"], now, _grace(), _attempt_tokens())
    except attempt_service.AttemptError as error:
        db.session.rollback()
        flash(str(error), "error")
        # The page again with what was typed, as JoinForm shows it (the request's form, already valid).
        return render_template("student/join.html", reason=None, form=forms.JoinForm(asks=asks), **page), 409
    quiz_id = quiz.id  # read before the commit expires it, so nothing is loaded again to answer
    db.session.commit()
    _remember(quiz_id, entered.participant_token, entered.attempt_token)
    return redirect(url_for("student.attempt", attempt_id=entered.attempt_id))


def _pages(attempt: Attempt) -> list[list[attempt_service.Item]]:
    items = attempt_service.items(attempt)
    if attempt.quiz.one_per_page:
        return [[item] for item in items]
    return [items]


def _render_attempt(attempt: Attempt, pages, page: int, saved: dict, posted=None, status: int = 200):
    """Render a page of the attempt, filled with the saved answers, or with ``posted``, a form with errors."""
    answered = [all(not attempt_service.is_blank(saved.get(item.question.id)) for item in p) for p in pages]
    answered_count = sum(not attempt_service.is_blank(saved.get(item.question.id)) for p in pages for item in p)
    first_number = sum(len(p) for p in pages[:page]) + 1
    now = utcnow()
    return render_template(
        "student/attempt.html", attempt=attempt, quiz=attempt.quiz, items=pages[page], page=page,
        page_count=len(pages), answered=answered, first_number=first_number, as_of=now.isoformat(),
        answered_count=answered_count, question_count=sum(len(p) for p in pages),
        remaining=attempt_service.remaining_seconds(attempt, now),
        questions=fragments.QuestionBlocks(pages[page], saved, posted),
    ), status


def _stale(attempt: Attempt, message: str):
    """Answer a form that can no longer change this attempt: say so, change nothing."""
    return render_template("student/stale.html", attempt=attempt, message=message), 409


def _attempt_shown(attempt_id: int) -> AttemptShown:
    """Return what the question page shows (and an autosave reads) of an attempt this browser started; any other id is not found."""
    row = db.session.execute(ATTEMPT_SHOWN, {"attempt": attempt_id}).one_or_none()
    if row is None or row.token not in _attempt_tokens():
        abort(404)
    quiz = QuizShown(row.quiz_id, row.layout_version, row.title, row.one_per_page, DocumentView(row.language))
    return AttemptShown(row.id, row.token, row.state, row.page, row.layout, row.deadline_at, quiz)


@bp.get("/attempt/<int:attempt_id>")
def attempt(attempt_id: int):
    """Show the current page of questions, refilled with the saved answers."""
    read_outside_a_transaction()
    shown = _attempt_shown(attempt_id)
    if shown.is_submitted:
        return redirect(url_for("student.result", attempt_id=shown.id))
    if attempt_service.accepts_answers(shown, utcnow(), _grace()):
        pages = _pages(shown)
        page = min(max(shown.page, 0), len(pages) - 1)
        return _render_attempt(shown, pages, page, attempt_service.saved_answers(shown))
    # Its time ran out and it was not closed yet: closed here, through the ORM, as every other request does.
    begin_writing()
    attempt = _own_attempt(attempt_id)
    if _close_if_overdue(attempt, utcnow()):
        flash(_("Time is up: your attempt was submitted with the answers saved so far."), "info")
    if attempt.is_submitted:
        return redirect(url_for("student.result", attempt_id=attempt.id))
    pages = _pages(attempt)
    page = min(max(attempt.page, 0), len(pages) - 1)
    return _render_attempt(attempt, pages, page, attempt_service.saved_answers(attempt))


def _as_of(value: str | None) -> dt.datetime | None:
    """Return the time a page says it last knew the saved answers, or None when it says nothing usable."""
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _page_after(action: str, page: int, count: int) -> int:
    """Return the page a navigation button leads to, kept within the attempt."""
    if action in {"next", "previous"}:
        page += 1 if action == "next" else -1
    elif action.startswith("page-") and action[5:].isdecimal():
        page = int(action[5:])
    return min(max(page, 0), count - 1)


@bp.post("/attempt/<int:attempt_id>")
def answer(attempt_id: int):
    """Save the answers of the page shown, then move, submit, or stay, as the button said."""
    attempt = _attempt_to_end(attempt_id)
    now = utcnow()
    action = request.form.get("action", "save")
    if not attempt.is_submitted and not attempt_service.accepts_answers(attempt, now, _grace()):
        if _close_if_overdue(attempt, now):
            flash(_("Time is up: your attempt was submitted with the answers saved before the deadline."), "info")
            return redirect(url_for("student.result", attempt_id=attempt.id))
        attempt = _attempt_to_end(attempt_id)  # another request submitted it first, or its deadline moved
    if attempt.is_submitted:
        if action in {"submit", "timeout"}:  # a double click or a replay: already done
            return redirect(url_for("student.result", attempt_id=attempt.id))
        return _stale(attempt, _("This attempt was already submitted, so these answers were not saved."))

    pages = _pages(attempt)
    page = request.form.get("page", type=int, default=min(max(attempt.page, 0), len(pages) - 1))
    if not 0 <= page < len(pages):
        return _stale(attempt, _("This page is out of date. Your saved answers are unchanged; "
                                 "open the quiz again to continue."))
    # Known before the claim, so a page change stores its page with the claim: a submit moves to none.
    submitting = action == "submit" or (action == "timeout"
                                        and attempt_service.is_timed_out(attempt, now + TIMEOUT_SLACK))
    moved_to = None if submitting else _page_after(action, page, len(pages))
    try:
        # Claimed first, so the saved answers that fill the form are read once, and are the current ones.
        claimed = attempt_service.claim_answers(attempt, now, _grace(), page=moved_to)
        saved = {question_id: row.answer for question_id, row in claimed.items()}
        # A valid page (nearly every one) is read without building its form; the form judges and explains the rest.
        answers = forms.page_answers(pages[page], saved)
        if answers is None:
            # The request's CSRF token was checked before the view, as on every POST: not again by the form.
            form = forms.attempt_form(pages[page], saved, csrf=False)
            if not form.validate():
                flash(_("Some answers could not be saved: see the messages below. Your earlier answers are kept."),
                      "error")
                return _render_attempt(attempt, pages, page, saved, posted=form, status=400)
            answers = forms.answers_from(form, pages[page])
        stored = attempt_service.save_answers(attempt, answers, now, _grace(),
                                              as_of=_as_of(request.form.get("as_of")), claimed=claimed)
    except attempt_service.AttemptError as error:
        db.session.rollback()
        attempt = _attempt_to_end(attempt_id)  # as it is now: another tab may have submitted it
        if action in {"submit", "timeout"} and attempt.is_submitted:
            return redirect(url_for("student.result", attempt_id=attempt.id))  # another tab submitted it first
        return _stale(attempt, str(error))

    if action == "timeout" and submitting:
        attempt_service.submit(attempt, now, automatic=True, claimed=True,
                               saved=attempt_service.saved_for_grading(claimed, stored))
        db.session.commit()
        return redirect(url_for("student.result", attempt_id=attempt_id))
    if action == "submit":
        unanswered = attempt_service.unanswered_numbers(attempt, stored)
        if unanswered and request.form.get("confirm") != "1":
            db.session.commit()
            return render_template("student/confirm.html", attempt=attempt, unanswered=unanswered)
        # The claim that saved the answers holds, and grading takes them as the save left them.
        attempt_service.submit(attempt, now, claimed=True, saved=attempt_service.saved_for_grading(claimed, stored))
        db.session.commit()
        return redirect(url_for("student.result", attempt_id=attempt_id))

    db.session.commit()  # the page moved to was stored with the claim
    if action == "save":
        flash(_("Your answers are saved."), "info")
    return redirect(url_for("student.attempt", attempt_id=attempt_id))


@bp.post("/attempt/<int:attempt_id>/submit")
def submit(attempt_id: int):
    """Submit after the student confirmed it despite unanswered questions."""
    attempt = _attempt_to_end(attempt_id)
    now = utcnow()
    if not _close_if_overdue(attempt, now) and attempt_service.submit(attempt, now):
        db.session.commit()
    return redirect(url_for("student.result", attempt_id=attempt_id))


@bp.post("/attempt/<int:attempt_id>/autosave")
def autosave(attempt_id: int):
    """Save answers sent as JSON by the page's script; reply with JSON, never with the key."""
    # Read as the question page reads it, one plain row: loading the attempt and its quiz through
    # the ORM was about a third of an autosave's work, and a save changes neither through it.
    attempt = _attempt_shown(attempt_id)
    now = utcnow()
    if not attempt.is_submitted and not attempt_service.accepts_answers(attempt, now, _grace()):
        # Its time ran out and it was not closed yet: closed here, through the ORM, as every other request does.
        attempt = _own_attempt(attempt_id, OWN_ATTEMPT_TO_SAVE)
        _close_if_overdue(attempt, now)
    if attempt.is_submitted:
        return jsonify(error=_("This attempt was already submitted, so these answers were not saved."),
                       submitted=True, result_url=url_for("student.result", attempt_id=attempt.id)), 409
    if (request.content_length or 0) > AUTOSAVE_MAX_BYTES:
        return jsonify(error=_("Too much was sent at once; nothing was saved.")), 413
    try:
        formdata, chosen = forms.formdata_from_json(request.get_json(silent=True), attempt_service.items(attempt))
    except forms.PayloadError as error:
        return jsonify(error=str(error)), 400
    # Every question named is in the form data, so no saved answer is needed to fill the form. Valid answers
    # (nearly every save) are read with their fields' rules, no form built; the form judges and explains the rest.
    # Read whatever CSRFProtect did (unlike page_answers): the form here checks no token either (csrf=False)
    # and reads only formdata, so the two ways agree.
    answers = forms.read_answers(chosen, {}, formdata)
    if answers is None:
        form = forms.attempt_form(chosen, {}, formdata, csrf=False)
        if not form.validate():
            return jsonify(error=_("Some answers could not be saved; your earlier answers are kept."),
                           fields={name: [str(e) for e in errors] for name, errors in form.errors.items()}), 400
        answers = forms.answers_from(form, chosen)
    try:
        stored = attempt_service.save_answers(attempt, answers, now, _grace())
    except attempt_service.AttemptError as error:
        db.session.rollback()
        return jsonify(error=str(error)), 409
    # Worked out before the commit expires the attempt, so nothing is read again to answer.
    remaining = attempt_service.remaining_seconds(attempt, now)
    unanswered = len(attempt_service.unanswered_numbers(attempt, stored))
    db.session.commit()
    reply = {"saved": True, "remaining": remaining, "unanswered": unanswered, "as_of": now.isoformat()}
    if _csrf_token_age(request.headers.get("X-CSRFToken", "")) >= CSRF_RENEW_AFTER_SECONDS:
        reply["csrf_token"] = generate_csrf()  # keeps a page that stays open for hours able to post
    return jsonify(reply)


def _csrf_token_age(token: str) -> float:
    """Return the seconds since a CSRF token was signed, or infinity if it does not say.

    The token was verified by CSRFProtect before the view ran, so its timestamp
    (the middle part of Flask-WTF's signed token) is read here without checking again.
    """
    try:
        signed_at = bytes_to_int(base64_decode(token.rsplit(".", 2)[1]))
    except (IndexError, BadData, ValueError):
        return float("inf")
    return time.time() - signed_at


@bp.get("/attempt/<int:attempt_id>/result")
def result(attempt_id: int):
    """Show the score and, as the quiz's review setting allows, each answer with its evidence."""
    read_outside_a_transaction()
    attempt = _attempt_to_end(attempt_id)
    now = utcnow()
    if not attempt.is_submitted:
        begin_writing()
        if not _close_if_overdue(attempt, now):
            return redirect(url_for("student.attempt", attempt_id=attempt.id))
        attempt = _attempt_to_end(attempt_id)  # as its time ran out: submitted just now
    quiz = attempt.quiz
    shown = review.visible(quiz, now)
    can_retry = attempt_service.may_start_another(attempt, now)
    rows = review.rows(attempt) if shown else []
    # The page's content is shared by every result of the same look; only the rows are the student's own.
    return render_template("student/result.html", fresh=fragments.result_page(quiz, attempt, rows, shown, can_retry),
                           review_html=review.RowBlocks(quiz).all(rows))


@bp.post("/q/<code>/again")
def again(code: str):
    """Start the next attempt, if the quiz allows one more."""
    quiz = quiz_service.find_by_code(code) or abort(404)
    participant = _participant(quiz) or abort(404)
    try:
        attempt = attempt_service.start_attempt(participant, utcnow(), _grace(), _attempt_tokens())
    except attempt_service.AttemptError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for("student.join", code=quiz.join_code))
    remembered, attempt_id = (quiz.id, participant.token, attempt.token), attempt.id
    db.session.commit()
    _remember(*remembered)
    return redirect(url_for("student.attempt", attempt_id=attempt_id))


@bp.post("/language")
def language():
    """Remember the interface language the student chose and go back."""
    chosen = request.form.get("lang")
    if chosen in current_app.config["LANGUAGES"]:
        session["lang"] = chosen
    return redirect(local_target(request.form.get("next"), url_for("student.index")))
