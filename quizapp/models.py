"""Define the database tables as typed SQLAlchemy 2.0 models."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from flask_login import UserMixin
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db


def new_layout_version() -> str:
    """Return a fresh value for Quiz.layout_version: random, so a rolled-back one never comes back."""
    return secrets.token_hex(8)


def utcnow() -> dt.datetime:
    """Return the current UTC time, naive, as every timestamp is stored."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class User(UserMixin, db.Model):
    """A teacher account; administrators manage the other teachers."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Changes when the password changes or the account is disabled, which ends
    # every session that carried the old value.
    session_nonce: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users.
        return self.active

    def get_id(self) -> str:
        return f"{self.id}:{self.session_nonce}"


class Document(db.Model):
    """A text a teacher gave quizapp; its questions are generated from it."""

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("owner_id", "checksum"), CheckConstraint("origin IN ('text', 'import')", name="origin"))

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8))
    published: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    checksum: Mapped[str] = mapped_column(String(64))
    source_name: Mapped[str | None] = mapped_column(String(255))
    # "text": questions are generated from the text; "import": the text is a question file
    # (GIFT or Moodle XML) whose questions were imported, and nothing is generated from it.
    origin: Mapped[str] = mapped_column(String(12), default="text", server_default="text")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    owner: Mapped[User] = relationship()
    facts: Mapped[list[Fact]] = relationship(
        back_populates="document", order_by="Fact.position", cascade="all, delete-orphan"
    )
    questions: Mapped[list[Question]] = relationship(
        back_populates="document", order_by="Question.position"
    )


class Fact(db.Model):
    """A fact the generator found in a document, with the span that states it."""

    __tablename__ = "fact"
    __table_args__ = (
        UniqueConstraint("document_id", "position"),
        CheckConstraint("start_offset >= 0 AND end_offset >= start_offset", name="span"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)

    document: Mapped[Document] = relationship(back_populates="facts")


class Question(db.Model):
    """A question of a document's bank: generated or written by hand, then reviewed."""

    __tablename__ = "question"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'approved', 'rejected')", name="status"),
        CheckConstraint("points >= 0", name="points"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="RESTRICT"), index=True)
    fact_id: Mapped[int | None] = mapped_column(ForeignKey("fact.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))
    prompt: Mapped[str] = mapped_column(Text)
    options: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Indices into options for choice kinds, accepted strings for text kinds,
    # one number for numeric questions.
    correct: Mapped[list[Any]] = mapped_column(JSON, default=list)
    tolerance: Mapped[float] = mapped_column(Float, default=0.0)
    answer_texts: Mapped[list[str]] = mapped_column(JSON, default=list)
    explanation: Mapped[str] = mapped_column(Text, default="")
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text, default="")
    fact_kind: Mapped[str | None] = mapped_column(String(40))
    # How worth asking the generator found it (0 = a rule refused it); None for questions written or imported.
    worth: Mapped[float | None] = mapped_column(Float)
    points: Mapped[float] = mapped_column(Float, default=1.0)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    origin: Mapped[str] = mapped_column(String(12), default="generated")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    document: Mapped[Document] = relationship(back_populates="questions")
    fact: Mapped[Fact | None] = relationship()


class Quiz(db.Model):
    """A set of approved questions published to students with its settings."""

    __tablename__ = "quiz"
    __table_args__ = (
        CheckConstraint("time_limit_minutes IS NULL OR time_limit_minutes > 0", name="time_limit"),
        CheckConstraint("max_attempts IS NULL OR max_attempts > 0", name="max_attempts"),
        CheckConstraint(
            "grading_method IN ('highest', 'last', 'first', 'average')", name="grading_method"
        ),
        CheckConstraint("review IN ('immediately', 'after_close', 'never')", name="review"),
        CheckConstraint("pass_mark IS NULL OR (pass_mark >= 0 AND pass_mark <= 100)", name="pass_mark"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="RESTRICT"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    join_code: Mapped[str] = mapped_column(String(12), unique=True)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Shown on the public home page; otherwise students need the code or the link.
    listed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    time_limit_minutes: Mapped[int | None] = mapped_column(Integer)
    max_attempts: Mapped[int | None] = mapped_column(Integer, default=1)
    grading_method: Mapped[str] = mapped_column(String(10), default="highest")
    opens_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closes_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    one_per_page: Mapped[bool] = mapped_column(Boolean, default=False)
    shuffle_questions: Mapped[bool] = mapped_column(Boolean, default=False)
    shuffle_options: Mapped[bool] = mapped_column(Boolean, default=True)
    review: Mapped[str] = mapped_column(String(12), default="immediately")
    pass_mark: Mapped[float | None] = mapped_column(Float)
    # One identifier per line; when set, students join with one of them.
    roster: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # A new value whenever the quiz, its entries, their questions or their document change
    # (services/layouts.py sets it at flush): the key of the copy of the questions that
    # students' requests share instead of reading them again.
    layout_version: Mapped[str] = mapped_column(String(16), default=new_layout_version, server_default="0")

    owner: Mapped[User] = relationship()
    document: Mapped[Document] = relationship()
    items: Mapped[list[QuizQuestion]] = relationship(
        back_populates="quiz", order_by="QuizQuestion.position", cascade="all, delete-orphan"
    )

    @property
    def max_score(self) -> float:
        return sum(item.points for item in self.items)


class QuizQuestion(db.Model):
    """A question's place and weight in a quiz."""

    __tablename__ = "quiz_question"
    __table_args__ = (UniqueConstraint("quiz_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    points: Mapped[float] = mapped_column(Float, default=1.0)

    quiz: Mapped[Quiz] = relationship(back_populates="items")
    question: Mapped[Question] = relationship()


class Participant(db.Model):
    """A student who joined a quiz, known by a display name (and an identifier)."""

    __tablename__ = "participant"
    # One participant per class-list identifier: two browsers joining with the
    # same one at the same moment cannot both register (NULLs stay distinct).
    __table_args__ = (UniqueConstraint("quiz_id", "identifier"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="RESTRICT"), index=True)
    display_name: Mapped[str] = mapped_column(String(80))
    identifier: Mapped[str | None] = mapped_column(String(80))
    # Unguessable; kept in the student's session to find their attempts again.
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    quiz: Mapped[Quiz] = relationship()
    attempts: Mapped[list[Attempt]] = relationship(
        back_populates="participant", order_by="Attempt.number"
    )


class Attempt(db.Model):
    """One try at a quiz: its order, deadline, state and score."""

    __tablename__ = "attempt"
    __table_args__ = (
        UniqueConstraint("participant_id", "number"),
        # A quiz's submitted attempts in the order they were handed in: the results page's default
        # sort, the exports' order, and the statistics' "submitted since" without reading the rest.
        # With the scores in it, the dashboard's and the histogram's sums are read from the index alone.
        Index("ix_attempt_quiz_state_submitted", "quiz_id", "state", "submitted_at", "id", "score", "max_score"),
        # The item analysis counts a quiz's tallied and untallied submitted attempts off this index.
        Index("ix_attempt_quiz_state_tallied", "quiz_id", "state", "tallied"),
        CheckConstraint("state IN ('in_progress', 'submitted')", name="state"),
        CheckConstraint("score IS NULL OR score >= 0", name="score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="RESTRICT"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer, default=1)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    state: Mapped[str] = mapped_column(String(12), default="in_progress")
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    deadline_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    auto_submitted: Mapped[bool] = mapped_column(Boolean, default=False)
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float, default=0.0)
    # Whether the quiz's item-analysis sums hold this submitted attempt: a submit leaves it
    # out, and the next reader of the sums adds every attempt not yet in them (aggregates).
    tallied: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Quiz-question ids in the order this attempt shows them, and for each a
    # permutation of its options: shuffled once, stable for the attempt.
    layout: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    page: Mapped[int] = mapped_column(Integer, default=0)

    quiz: Mapped[Quiz] = relationship()
    participant: Mapped[Participant] = relationship(back_populates="attempts")
    responses: Mapped[list[Response]] = relationship(back_populates="attempt")

    @property
    def is_submitted(self) -> bool:
        return self.state == "submitted"

    @property
    def percentage(self) -> float | None:
        if self.score is None or not self.max_score:
            return None
        return 100.0 * self.score / self.max_score


# The results page's default order (latest first, then by id) read off an index on SQLite, where
# NULLs sort first so DESC leaves attempts in progress last, as the page wants. (PostgreSQL's DESC
# puts NULLs first, so there the page's top fifty are sorted; SQLite takes no NULLS LAST in an index.)
Index("ix_attempt_quiz_latest", Attempt.quiz_id, Attempt.submitted_at.desc(), Attempt.id)


class Response(db.Model):
    """A student's answer to one question in one attempt, and its points."""

    __tablename__ = "response"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="RESTRICT"), index=True)
    answer: Mapped[Any] = mapped_column(JSON, nullable=True)
    points: Mapped[float | None] = mapped_column(Float)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    question: Mapped[Question] = relationship()


class Regrade(db.Model):
    """A record of who regraded which question of a quiz, when, and what changed."""

    __tablename__ = "regrade"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="RESTRICT"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="RESTRICT"))
    attempts_changed: Mapped[int] = mapped_column(Integer, default=0)
    # The key the answers were scored against, in words, and the net change in
    # points over all attempts: what changed, not only that something did.
    key: Mapped[str] = mapped_column(Text, default="")
    points_change: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    user: Mapped[User] = relationship()
    question: Mapped[Question] = relationship()
    quiz: Mapped[Quiz] = relationship()  # its title names it on the regrade page, not its id


class ExactInt(TypeDecorator):
    """A Python integer of any size, stored as its decimal text: a sum of squared scores outgrows BIGINT."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: int | None, dialect) -> str | None:
        return None if value is None else str(int(value))

    def process_result_value(self, value: str | None, dialect) -> int | None:
        return None if value is None else int(value)


class QuizStats(db.Model):
    """A quiz's item-analysis sums: how many attempts they hold, and the score rows (see services.aggregates).

    Every writer of the quiz's sums takes this row first, so they go one at a time.
    `totals` is JSON: [bin, max score, attempts, sum of scores, sum of squares, first attempt]
    per histogram bin and maximum score, scores in ten-thousandths. An `attempts`
    that differs from the quiz's submitted attempts makes the page sum them again.
    """

    __tablename__ = "quiz_stats"

    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    totals: Mapped[str] = mapped_column(Text, default="[]")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class QuizAnswerStats(db.Model):
    """The submitted attempts of a quiz that gave one question one answer and earned the same points on it.

    Points and scores in ten-thousandths (they are stored rounded to four
    decimals), so the sums are exact. Known by the answer's digest: an answer
    may be longer than an index entry can be.
    """

    __tablename__ = "quiz_answer_stats"

    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), primary_key=True)
    points: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    answer_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The answer as JSON text (services.aggregates.answer_text).
    answer: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer)
    first_attempt_id: Mapped[int] = mapped_column(Integer)
    score_sum: Mapped[int] = mapped_column(ExactInt)
    score_squares: Mapped[int] = mapped_column(ExactInt)


class Job(db.Model):
    """A piece of work done off the request thread, with the state its page shows (see quizapp.jobs)."""

    __tablename__ = "job"
    __table_args__ = (
        CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name="status"),
        CheckConstraint("progress >= 0 AND progress <= 100", name="progress"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(80))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="queued")
    progress: Mapped[int] = mapped_column(Integer, default=0)
    # What the job is doing now, in the owner's language ("Finding facts...").
    message: Mapped[str] = mapped_column(String(200), default="")
    # The interface language when it was queued: messages written by the worker use it.
    locale: Mapped[str] = mapped_column(String(8), default="it")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    owner: Mapped[User | None] = relationship()

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed")


class ApiToken(db.Model):
    """A teacher's personal API token: only its prefix and the SHA-256 of its secret are kept."""

    __tablename__ = "api_token"
    __table_args__ = (CheckConstraint("scope IN ('read', 'write')", name="scope"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    # Public part of the token, to find its row without comparing every hash.
    prefix: Mapped[str] = mapped_column(String(16), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(8), default="read")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    user: Mapped[User] = relationship()

    @property
    def can_write(self) -> bool:
        return self.scope == "write"
