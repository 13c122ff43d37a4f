"""Review a document's question bank: edit, approve, reject, regenerate one, write by hand."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func

from ..extensions import db
from ..generator import generate_quiz
from ..generator.lang import SUPPORTED, load_pack
from ..models import Attempt, Document, Question, Quiz, QuizQuestion, Response
from .documents import question_fields

STATUSES = ("draft", "approved", "rejected")
CHOICE_KINDS = ("single", "multiple", "true_false")
TEXT_KINDS = ("cloze", "short")
# How many other generator runs "regenerate one" tries before giving up.
REGENERATE_TRIES = 6


class BankError(ValueError):
    """A question could not be changed as asked; the message says why."""


@dataclass(frozen=True)
class QuestionData:
    """What a teacher can set on a question: the edit form's cleaned values."""

    kind: str
    prompt: str
    options: list[str]
    correct: list[Any]
    tolerance: float
    explanation: str
    points: float

    def key(self) -> tuple:
        """Return what decides the grading: changing it calls for a regrade."""
        return (self.kind, tuple(self.options), tuple(self.correct), self.tolerance)


def key_of(question: Question) -> tuple:
    """Return the grading key of a stored question, comparable with QuestionData.key()."""
    return (question.kind, tuple(question.options), tuple(question.correct), float(question.tolerance or 0.0))


def true_false_options(document: Document) -> list[str]:
    """Return the two options of a true or false question in the document's language, as generated."""
    return list(load_pack(document.language if document.language in SUPPORTED else "en").get("true_false"))


def bank(document: Document, status: str | None = None) -> list[Question]:
    """Return a document's questions in order, optionally only those in one status."""
    query = db.select(Question).where(Question.document_id == document.id).order_by(Question.position, Question.id)
    if status in STATUSES:
        query = query.where(Question.status == status)
    return list(db.session.scalars(query))


def by_fact(questions: list[Question]) -> list[list[Question]]:
    """Group questions that ask one fact, in the order of each group's first question.

    The generator writes several questions per fact (a blank, a single choice, a
    true/false statement…); listed one after another a teacher reads the same
    sentence three times, so the bank shows the first and folds the variants.
    """
    groups: dict[object, list[Question]] = {}
    for question in questions:
        groups.setdefault(question.fact_id if question.fact_id is not None else ("question", question.id), []).append(question)
    return list(groups.values())


def counts(document: Document) -> dict[str, int]:
    """Return how many of the document's questions are in each status."""
    rows = db.session.execute(
        db.select(Question.status, func.count()).where(Question.document_id == document.id).group_by(Question.status)
    )
    result = dict.fromkeys(STATUSES, 0)
    result.update({status: count for status, count in rows})
    return result


def set_status(question: Question, status: str) -> None:
    """Approve, reject or return a question to draft; the caller commits."""
    if status not in STATUSES:
        raise BankError(str(_l("Unknown status.")))
    if status != "approved" and _in_published_quiz(question):
        raise BankError(str(_l("This question is in a published quiz: unpublish the quiz or remove it from the quiz first.")))
    question.status = status


def set_status_many(document: Document, ids: list[int], status: str) -> tuple[list[Question], list[Question]]:
    """Set the status of several of a document's questions; return those changed and those refused.

    A question in a published quiz is refused anything but approval (see set_status),
    the others still change. The caller commits.
    """
    if status not in STATUSES:
        raise BankError(str(_l("Unknown status.")))
    wanted = set(ids)
    questions = list(db.session.scalars(db.select(Question).where(Question.document_id == document.id,
                                                                  Question.id.in_(wanted))
                                        .order_by(Question.position, Question.id)))
    if len(questions) != len(wanted):
        raise BankError(str(_l("Some of these questions are not in this document.")))
    changed, refused = [], []
    for question in questions:
        try:
            set_status(question, status)
        except BankError:
            refused.append(question)
        else:
            changed.append(question)
    return changed, refused


def _in_published_quiz(question: Question) -> bool:
    return db.session.scalar(
        db.select(func.count(QuizQuestion.id)).join(Quiz)
        .where(QuizQuestion.question_id == question.id, Quiz.published.is_(True))
    ) > 0


def answered_quizzes(question: Question) -> list[tuple[Quiz, int]]:
    """Return each quiz whose submitted attempts answered this question, with how many."""
    rows = db.session.execute(
        db.select(Quiz, func.count(Response.id))
        .join(Attempt, Attempt.quiz_id == Quiz.id)
        .join(Response, Response.attempt_id == Attempt.id)
        .where(Response.question_id == question.id, Attempt.state == "submitted")
        .group_by(Quiz.id)
        .order_by(Quiz.id)
    )
    return [(quiz, count) for quiz, count in rows]


def update(question: Question, data: QuestionData) -> bool:
    """Apply a teacher's edit; return whether the grading key changed. The caller commits.

    Raises BankError when the edit would break answers already given.

    An edited generated question counts as the teacher's own from now on, so
    "generate again" never replaces it.
    """
    changed_key = data.key() != key_of(question)
    if _has_responses(question) and (data.kind != question.kind or len(data.options) != len(question.options)):
        # Stored answers and attempts' option orders point at options by position.
        raise BankError(str(_l("Students have answered this question: you can reword its options and change "
                               "the correct ones, but not change its kind or how many options it has.")))
    question.kind = data.kind
    question.prompt = data.prompt
    question.options = list(data.options)
    question.correct = list(data.correct)
    question.tolerance = data.tolerance
    question.explanation = data.explanation
    question.points = data.points
    question.answer_texts = answer_texts(data)
    if question.origin == "generated":
        question.origin = "edited"
    # Points in quizzes that nobody has answered follow the bank; answered ones keep theirs.
    for entry in db.session.scalars(db.select(QuizQuestion).where(QuizQuestion.question_id == question.id)):
        if not db.session.scalar(db.select(func.count(Attempt.id)).where(Attempt.quiz_id == entry.quiz_id)):
            entry.points = data.points
    return changed_key


def answer_texts(data: QuestionData) -> list[str]:
    """Return the correct answers in words, as the generator stores them."""
    if data.kind in CHOICE_KINDS:
        return [data.options[i] for i in data.correct if 0 <= i < len(data.options)]
    return [str(value) for value in data.correct]


def write(document: Document, data: QuestionData) -> Question:
    """Add a question written by hand, approved at once; the caller commits."""
    question = Question(
        document=document,
        position=len(document.questions),
        kind=data.kind,
        prompt=data.prompt,
        options=list(data.options),
        correct=list(data.correct),
        tolerance=data.tolerance,
        answer_texts=answer_texts(data),
        explanation=data.explanation,
        points=data.points,
        status="approved",
        origin="manual",
    )
    db.session.add(question)
    db.session.flush()
    return question


def regenerate_one(question: Question) -> bool:
    """Replace a draft with another question the generator writes on the same evidence.

    Tries a few other generator seeds: first a question the bank does not hold
    yet, else the same question with other distractors. Returns False when the
    generator has nothing new to offer. The caller commits.
    """
    if question.status != "draft":
        raise BankError(str(_l("Only draft questions can be regenerated.")))
    if question.origin == "imported":
        raise BankError(str(_l("An imported question was not written from the text: edit it instead.")))
    if _has_responses(question):
        raise BankError(str(_l("Students have answered this question; edit it instead.")))
    document = question.document
    taken = {(q.kind, q.prompt) for q in document.questions}
    for seed in range(1, REGENERATE_TRIES + 1):
        draft = generate_quiz(document.text, lang=document.language, seed=question.id * 100 + seed)
        same_evidence = [d for d in (q.to_dict() for q in draft.questions)
                         if d["evidence"]["start"] == question.evidence_start]
        fresh = [d for d in same_evidence if (d["kind"], d["prompt"]) not in taken]
        redrawn = [d for d in same_evidence if (d["kind"], d["prompt"]) == (question.kind, question.prompt)
                   and d["options"] != question.options]
        for choice in (fresh or redrawn)[:1]:
            for name, value in question_fields(choice).items():
                setattr(question, name, value)
            question.origin = "generated"
            return True
    return False


def _has_responses(question: Question) -> bool:
    return db.session.scalar(db.select(func.count(Response.id)).where(Response.question_id == question.id)) > 0


# A fill-in-the-blank question's blank: three or more underscores, as the generator writes it.
BLANK = "___"
MAX_OPTIONS = 12


def prompt_problem(kind: str, prompt: str) -> str | None:
    """Return what is wrong with a question's prompt for its kind, or None."""
    if kind == "cloze" and BLANK not in prompt:
        return str(_l("A fill-in-the-blank question needs a blank: write ____ where the answer goes."))
    return None


def options_problem(kind: str, options: list[str], true_false: list[str]) -> str | None:
    """Return what is wrong with a question's options for its kind, or None.

    A true or false question has exactly the document language's two options, or none given (then those two).
    """
    if kind == "true_false":
        if options not in ([], true_false):
            return str(_l("A true or false question has exactly the options %(options)s: "
                          "leave this box empty or write just them, one per line.", options=", ".join(true_false)))
    elif kind in CHOICE_KINDS:
        if len(options) < 2 or not all(options):
            return str(_l("Give at least two options."))
        if len(options) > MAX_OPTIONS:
            return str(_l("Give at most %(n)d options.", n=MAX_OPTIONS))
        if len(set(options)) != len(options):
            return str(_l("Two options are the same."))
    return None


def key_count_problem(kind: str, correct: list) -> str | None:
    """Return why a choice question's correct options are too many for its kind, or None."""
    if kind in CHOICE_KINDS and kind != "multiple" and len(set(correct)) != 1:
        return str(_l("This kind has exactly one correct option."))
    return None


def check(data: QuestionData, true_false: list[str]) -> tuple[QuestionData, dict[str, list[str]]]:
    """Check a question given as data (the API's input) by the edit form's rules.

    Returns the data completed (a true or false question gets the document's two
    options when none are given; the correct options sorted) and the messages by field.
    """
    errors: dict[str, list[str]] = {}
    options = [option.strip() for option in data.options]
    correct = list(data.correct)
    for field, problem in (("prompt", prompt_problem(data.kind, data.prompt)),
                           ("options", options_problem(data.kind, options, true_false))):
        if problem:
            errors[field] = [problem]
    if data.kind == "true_false":
        options = list(true_false)
    elif data.kind not in CHOICE_KINDS:
        options = []
    if data.kind in CHOICE_KINDS:
        if not all(type(index) is int and 0 <= index < len(options) for index in correct):
            errors["correct"] = [str(_l("Every index must be between 0 and %(n)d.", n=max(len(options) - 1, 0)))]
        elif problem := key_count_problem(data.kind, correct):
            errors["correct"] = [problem]
        else:
            correct = sorted(set(correct))
    elif data.kind == "numeric":
        if len(correct) != 1 or type(correct[0]) not in (int, float) or not math.isfinite(correct[0]):
            errors["correct"] = [str(_l("Give the one correct number, such as 2030 or 3.5."))]
    elif all(isinstance(answer, str) and answer.strip() and len(answer) <= 500 and "\x00" not in answer
             for answer in correct):
        correct = [answer.strip() for answer in correct]
    else:
        errors["correct"] = [str(_l("Give at least one accepted answer."))]
    tolerance = data.tolerance if data.kind == "numeric" else 0.0
    return replace(data, options=options, correct=correct, tolerance=tolerance), errors
