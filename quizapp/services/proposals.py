"""Propose a ready quiz from a document's bank, and publish the teacher's choice of it in one step."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..models import Document, Question, Quiz, User
from . import bank, quizzes

# As many questions as the seed quizzes hold: enough for a lesson, done in about ten minutes.
PROPOSAL_SIZE = 10
# Other questions offered beside the proposal, one per fact; the bank holds the rest.
MORE_QUESTIONS = 20
# What a quiz published from a proposal starts with; every one can be changed on the quiz's page.
DEFAULT_SETTINGS = {
    "time_limit_minutes": None,
    "max_attempts": 1,
    "grading_method": "highest",
    "one_per_page": False,
    "shuffle_questions": False,
    "shuffle_options": True,
    "review": "immediately",
    "listed": False,
}


def propose(document: Document) -> tuple[list[Question], list[Question]]:
    """Return the proposed quiz (best questions, kinds mixed, one fact once) and other questions to swap in.

    Rejected questions are left out. The others are the best question of each
    fact the proposal does not ask, in bank order, at most MORE_QUESTIONS, and
    none that gives a proposed question's answer away (or has its own given away).
    """
    pool = [question for question in document.questions if question.status != "rejected"]
    proposed = quizzes.balanced_selection(pool, PROPOSAL_SIZE)
    asked = {question.fact_id for question in proposed if question.fact_id is not None}
    taken = {question.id for question in proposed}
    others: list[Question] = []
    for question in pool:
        if len(others) >= MORE_QUESTIONS:
            break
        if question.id in taken or (question.fact_id is not None and question.fact_id in asked):
            continue
        if quizzes.given_away(question, proposed, document.language):
            continue
        if question.fact_id is not None:
            asked.add(question.fact_id)
        others.append(question)
    return proposed, others


def publish_proposal(owner: User, document: Document, title: str, chosen: list[Question],
                     edits: dict[Question, bank.QuestionData], *, publish: bool = True) -> tuple[Quiz, list[Question]]:
    """Save the edits, approve the chosen questions and make them a quiz, published unless told otherwise.

    Returns the quiz and the edited questions whose new key calls for a regrade
    of answers given in other quizzes. Raises BankError or QuizError (two chosen
    questions giving each other away) with the teacher's message; the caller commits
    or rolls back.
    """
    regrade = []
    for question, data in edits.items():
        if bank.update(question, data) and bank.answered_quizzes(question):
            regrade.append(question)
    for question in chosen:
        bank.set_status(question, "approved")
    quiz = quizzes.create_quiz(owner, document, title, [], **DEFAULT_SETTINGS)
    quizzes.add_questions(quiz, chosen)
    if publish:
        quizzes.publish(quiz)
    return quiz, regrade


def publish_proposed(owner: User, document: Document) -> Quiz:
    """Publish the document's proposed quiz as proposed: its title, its questions, the default settings.

    For a teacher who takes the proposal without looking at it (an LMS's picker).
    Raises QuizError when the document has no question to propose, BankError or
    QuizError as publish_proposal does; the caller commits or rolls back.
    """
    proposed, _others = propose(document)
    if not proposed:
        raise quizzes.QuizError(_l("This document has no questions to make a quiz of."))
    quiz, _regrade = publish_proposal(owner, document, document.title, proposed, {})
    return quiz
