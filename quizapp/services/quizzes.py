"""Build quizzes from approved questions and publish them."""

from __future__ import annotations

import secrets

from ..extensions import db
from ..models import Document, Question, Quiz, QuizQuestion, User

# No 0/O, 1/I/L, 2/Z, 5/S or 8/B: a code read aloud or off a board is typed right.
JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
JOIN_CODE_LENGTH = 6


class QuizError(ValueError):
    """A quiz could not be changed as asked."""


def new_join_code() -> str:
    """Return a join code no quiz uses yet."""
    while True:
        code = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if db.session.scalar(db.select(Quiz.id).where(Quiz.join_code == code)) is None:
            return code


def normalise_join_code(raw: str) -> str:
    """Read a join code as typed: any case, spaces and dashes ignored."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def create_quiz(owner: User, document: Document, title: str, questions: list[Question], **settings) -> Quiz:
    """Add an unpublished quiz holding these questions in this order; the caller commits."""
    quiz = Quiz(owner=owner, document=document, title=title.strip(), join_code=new_join_code(), **settings)
    for position, question in enumerate(questions):
        quiz.items.append(QuizQuestion(question=question, position=position, points=question.points))
    db.session.add(quiz)
    return quiz


def publish(quiz: Quiz) -> None:
    """Open a quiz to students; it must hold at least one approved question."""
    if not any(item.question.status == "approved" for item in quiz.items):
        raise QuizError("A quiz needs at least one approved question before it can be published.")
    quiz.published = True


def published_quizzes() -> list[Quiz]:
    """Return the quizzes students can see on the home page, newest first."""
    return list(
        db.session.scalars(
            db.select(Quiz)
            .where(Quiz.published.is_(True), Quiz.archived.is_(False))
            .order_by(Quiz.created_at.desc(), Quiz.id.desc())
        )
    )


def find_by_code(code: str) -> Quiz | None:
    """Return the quiz with this join code, if any."""
    return db.session.scalar(db.select(Quiz).where(Quiz.join_code == normalise_join_code(code)))
