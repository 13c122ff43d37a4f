"""Share each quiz's questions, as students are asked them, among requests: read once per quiz version.

Every request of a student (the question page, an autosave, a page change, a
submit, the result) needs the quiz's entries and their questions. Read through
the ORM's relationships that was one query per question on every request; here
they are read once, in one query, into immutable views that the requests of
every thread share, kept per process under the quiz's id and layout_version.

Whatever changes a quiz, its entries, their questions or their documents
through the ORM gives the quiz a new random layout_version as it is flushed
(``_new_versions``), so each process reads the quiz again on its next request
after the commit; a version rolled back is never drawn again.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Any

from sqlalchemy import event, or_, select
from sqlalchemy.orm import Session

from ..extensions import db
from ..lru import SharedLRU
from ..models import Document, Question, Quiz, QuizQuestion, new_layout_version

# Quizzes whose questions a process keeps: a school's exams at once, with room to spare.
MAX_QUIZZES = 256


@dataclass(frozen=True, eq=False)
class DocumentView:
    """What a student's page needs of a question's document."""

    language: str


@dataclass(frozen=True, eq=False)
class QuestionView:
    """A question as asked and graded: the columns Question has, read-only (duck-typed for kinds and templates)."""

    id: int
    kind: str
    prompt: str
    options: tuple[str, ...]
    correct: tuple[Any, ...]
    tolerance: float
    answer_texts: tuple[str, ...]
    explanation: str
    evidence_text: str
    document: DocumentView


@dataclass(frozen=True, eq=False)
class EntryView:
    """A question's place and weight in the quiz (QuizQuestion, read-only)."""

    id: int
    position: int
    points: float
    question: QuestionView

    @property
    def question_id(self) -> int:
        return self.question.id


@dataclass(frozen=True, eq=False)
class QuizLayout:
    """A quiz's entries in its order, by id, and its total points, at one layout_version."""

    version: str
    entries: tuple[EntryView, ...]
    by_id: dict[int, EntryView]
    max_score: float


_layouts: SharedLRU[QuizLayout] = SharedLRU(MAX_QUIZZES)
# What a flush can give a new layout_version (_new_versions): other pending rows (a student
# joining, an attempt starting) change no layout, so they wait for the caller's own flush.
SHAPES_LAYOUTS = (Quiz, QuizQuestion, Question, Document)


def layout_of(quiz: Quiz) -> QuizLayout:
    """Return the quiz's entries and questions, read from the database only when this process lacks them."""
    session = db.session()  # the request's session itself, not looked up again through the proxy for each set
    if any(isinstance(obj, SHAPES_LAYOUTS) for obj in chain(session.new, session.dirty, session.deleted)):
        # A change not flushed yet gets its new version first, as a query would have flushed it.
        session.flush()
    return _layouts.get_or_make((quiz.id, quiz.layout_version), lambda: _read(quiz.id, quiz.layout_version))


def _read(quiz_id: int, version: str) -> QuizLayout:
    """Read a quiz's entries with their questions and languages in one query."""
    rows = db.session.execute(
        select(QuizQuestion.id, QuizQuestion.position, QuizQuestion.points, Question.id, Question.kind,
               Question.prompt, Question.options, Question.correct, Question.tolerance, Question.answer_texts,
               Question.explanation, Question.evidence_text, Document.language)
        .join(Question, QuizQuestion.question_id == Question.id)
        .join(Document, Question.document_id == Document.id)
        .where(QuizQuestion.quiz_id == quiz_id)
        .order_by(QuizQuestion.position, QuizQuestion.id)
    )
    documents: dict[str, DocumentView] = {}
    entries = []
    for (entry_id, position, points, question_id, kind, prompt, options, correct, tolerance, answer_texts,
         explanation, evidence_text, language) in rows:
        document = documents.setdefault(language, DocumentView(language))
        question = QuestionView(
            id=question_id, kind=kind, prompt=prompt, options=tuple(options or ()), correct=tuple(correct or ()),
            tolerance=tolerance or 0.0, answer_texts=tuple(answer_texts or ()), explanation=explanation or "",
            evidence_text=evidence_text or "", document=document,
        )
        entries.append(EntryView(id=entry_id, position=position, points=points, question=question))
    return QuizLayout(version=version, entries=tuple(entries), by_id={entry.id: entry for entry in entries},
                      max_score=sum(entry.points for entry in entries))


@event.listens_for(Session, "before_flush")
def _new_versions(session: Session, flush_context, instances) -> None:
    """Give a new layout_version to every quiz whose entries, questions or documents this flush changes."""
    with session.no_autoflush:
        quizzes = _changed_quizzes(session)
    for quiz in quizzes:
        if quiz is not None and quiz not in session.deleted:
            quiz.layout_version = new_layout_version()


def _changed_quizzes(session: Session) -> set[Quiz | None]:
    """Return the quizzes that the session's pending changes touch."""
    changed = [obj for obj in session.dirty if session.is_modified(obj)]
    quizzes: set[Quiz | None] = set()
    question_ids: set[int] = set()
    document_ids: set[int] = set()
    for obj in chain(session.new, changed, session.deleted):
        if isinstance(obj, QuizQuestion):
            quizzes.add(obj.quiz if obj.quiz_id is None else session.get(Quiz, obj.quiz_id))
        elif isinstance(obj, Quiz) and obj in changed:
            quizzes.add(obj)
        elif isinstance(obj, Question) and obj.id is not None:
            question_ids.add(obj.id)
        elif isinstance(obj, Document) and obj.id is not None:
            document_ids.add(obj.id)
    if question_ids or document_ids:
        holders = session.scalars(
            select(QuizQuestion.quiz_id).distinct()
            .join(Question, QuizQuestion.question_id == Question.id)
            .where(or_(QuizQuestion.question_id.in_(question_ids), Question.document_id.in_(document_ids)))
        ).all()
        quizzes.update(session.get(Quiz, quiz_id) for quiz_id in holders)
    return quizzes
