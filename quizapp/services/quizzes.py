"""Build quizzes from approved questions and publish them."""

from __future__ import annotations

import secrets

from flask_babel import lazy_gettext as _l
from sqlalchemy import func

from ..extensions import db
from ..generator import TYPED_KINDS, Item, gives_away, narrowed_evidence, pick_quiz, requoted
from ..generator.text import shorten
from ..models import Attempt, Document, Question, Quiz, QuizQuestion, User

# No 0/O, 1/I/L, 2/Z, 5/S or 8/B: a code read aloud or off a board is typed right.
JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
JOIN_CODE_LENGTH = 6
# A question this many places further down the bank counts half as worth asking.
RANK_DECAY = 0.5 ** (1 / 8)


class QuizError(ValueError):
    """A quiz could not be changed as asked; the message says why, for the teacher.

    Messages are lazy: they are translated when shown, so services run without a request.
    """


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
    db.session.flush()
    return quiz


def balanced_selection(questions: list[Question], size: int) -> list[Question]:
    """Pick up to `size` questions that make a sound quiz, best-ranked first, in bank order.

    The generator's quiz rules decide (``generator.pick_quiz``): kinds mixed with
    about half choice questions, one question per fact and per sentence, and no
    question whose prompt, options or evidence holds another's answer, so a
    multiple select on members is not followed by "Is CATL one?" and a blank
    never quotes the expansion another question asks for.
    """
    ranked = sorted(questions, key=lambda question: question.position)
    language = ranked[0].document.language if ranked else None
    # The generator's own worth where it was kept (0: a rule refused the question, never picked);
    # else the bank's order, best first, stands in for it.
    # (The bank order stays: it is the generator's, best first with sentences spread, which a sort
    # by worth alone would bunch — 200 near-identical blanks of a long text ahead of every number.)
    items = [_as_item(q, q.worth if q.worth is not None else RANK_DECAY ** rank) for rank, q in enumerate(ranked)]
    # The bank opens with the generator's own quiz, picked by these rules from the whole text: where
    # its head still keeps them, it is the quiz (picking again from a reordered bank can land elsewhere).
    head = list(range(min(size, len(items))))
    picked = head if head and sorted(pick_quiz(items[:size], size, language)) == head \
        else pick_quiz(items, size, language)
    # Two questions of one sentence (a short text) each quote their side of it, so neither
    # question's evidence shows the other's answer.
    for k, (lo, hi) in narrowed_evidence(items, picked).items():
        question = ranked[k]
        question.explanation = requoted(question.explanation, question.evidence_text[lo:hi])
        question.evidence_text = question.evidence_text[lo:hi]
        question.evidence_end = question.evidence_start + hi
        question.evidence_start += lo
    chosen = [ranked[k] for k in picked]
    return sorted(chosen, key=lambda question: question.position)


def _as_item(question: Question, score: float = 1.0) -> Item:
    """Return a stored question as the generator's quiz rules see it."""
    q = question
    return Item(kind=q.kind, prompt=q.prompt, options=tuple(q.options or ()), answers=tuple(q.answer_texts or ()),
                evidence=q.evidence_text or "", sentence=q.evidence_start if q.evidence_start is not None else -q.id,
                fact=q.fact_id if q.fact_id is not None else f"question {q.id}",
                truth=(list(q.correct) == [0]) if q.kind == "true_false" else None, score=score,
                accepted=tuple(str(a) for a in q.correct or ()) if q.kind in TYPED_KINDS else ())


def publish(quiz: Quiz) -> None:
    """Open a quiz to students; it must hold at least one approved question."""
    if not any(item.question.status == "approved" for item in quiz.items):
        raise QuizError(_l("A quiz needs at least one approved question before it can be published."))
    quiz.published = True


def published_quizzes() -> list[Quiz]:
    """Return the quizzes their teachers chose to list on the home page, newest first."""
    return list(
        db.session.scalars(
            db.select(Quiz)
            .where(Quiz.published.is_(True), Quiz.archived.is_(False), Quiz.listed.is_(True))
            .order_by(Quiz.created_at.desc(), Quiz.id.desc())
        )
    )


def find_by_code(code: str) -> Quiz | None:
    """Return the quiz with this join code, if any."""
    return db.session.scalar(db.select(Quiz).where(Quiz.join_code == normalise_join_code(code)))


SETTINGS = (
    "title", "time_limit_minutes", "max_attempts", "grading_method", "opens_at", "closes_at",
    "one_per_page", "shuffle_questions", "shuffle_options", "review", "pass_mark", "roster", "listed",
)


def update_settings(quiz: Quiz, **settings) -> None:
    """Change a quiz's settings; unknown names are refused. The caller commits."""
    unknown = set(settings) - set(SETTINGS)
    if unknown:
        raise QuizError(f"Unknown settings: {', '.join(sorted(unknown))}")
    for name, value in settings.items():
        if name == "roster":
            value = "\n".join(line.strip() for line in (value or "").splitlines() if line.strip()) or None
        elif name == "title":
            value = value.strip()
        setattr(quiz, name, value)


def unpublish(quiz: Quiz) -> None:
    """Close a quiz to new students; attempts and scores stay."""
    quiz.published = False


def approved_not_in(quiz: Quiz) -> list[Question]:
    """Return the document's approved questions the quiz does not hold yet."""
    held = {item.question_id for item in quiz.items}
    return [q for q in quiz.document.questions if q.status == "approved" and q.id not in held]


def add_questions(quiz: Quiz, questions: list[Question]) -> None:
    """Append approved questions of the quiz's document; the caller commits."""
    held = {item.question_id for item in quiz.items}
    language = quiz.document.language
    kept = [item.question for item in quiz.items]
    for question in questions:
        if question.document_id != quiz.document_id or question.status != "approved":
            raise QuizError(_l("Only approved questions of the quiz's document can be added."))
        if question.id in held:
            continue
        clash = given_away(question, kept, language)
        if clash:
            other, answer = clash
            raise QuizError(_l("“%(new)s” and “%(held)s” give each other away (“%(answer)s”): "
                               "keep one of them.", new=shorten(question.prompt, 60),
                               held=shorten(other.prompt, 60), answer=answer))
        kept.append(question)
        quiz.items.append(QuizQuestion(question=question, position=len(quiz.items), points=question.points))
        held.add(question.id)


def given_away(question: Question, others: list[Question], language: str | None) -> tuple[Question, str] | None:
    """Return the first of `others` that gives this question's answer away or whose answer it gives, and the answer.

    A question whose prompt, options or evidence holds another's answer gives it away.
    """
    item = _as_item(question)
    for other in others:
        answer = gives_away(item, _as_item(other), language)
        if answer:
            return other, answer
    return None


def has_attempts(quiz: Quiz) -> bool:
    """Tell whether anybody has started this quiz."""
    return db.session.scalar(db.select(func.count(Attempt.id)).where(Attempt.quiz_id == quiz.id)) > 0


def remove_item(quiz: Quiz, item_id: int) -> None:
    """Take a question out of a quiz nobody has started; the caller commits."""
    if has_attempts(quiz):
        raise QuizError(_l("Students have started this quiz: its questions can no longer be removed."))
    item = _item(quiz, item_id)
    quiz.items.remove(item)
    for position, entry in enumerate(quiz.items):
        entry.position = position


def move_item(quiz: Quiz, item_id: int, step: int) -> None:
    """Move a question one place up (step -1) or down (+1); the caller commits."""
    items = list(quiz.items)
    item = _item(quiz, item_id)
    index = items.index(item)
    target = index + step
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    _renumber(quiz, items)


def reorder(quiz: Quiz, item_ids: list[int]) -> None:
    """Put the quiz's questions in the given order of item ids (all of them, each once)."""
    by_id = {item.id: item for item in quiz.items}
    if sorted(item_ids) != sorted(by_id):
        raise QuizError(_l("The new order must name every question of the quiz once."))
    _renumber(quiz, [by_id[item_id] for item_id in item_ids])


def _renumber(quiz: Quiz, items: list[QuizQuestion]) -> None:
    for position, entry in enumerate(items):
        entry.position = position
    quiz.items.sort(key=lambda entry: entry.position)


def _item(quiz: Quiz, item_id: int) -> QuizQuestion:
    for item in quiz.items:
        if item.id == item_id:
            return item
    raise QuizError(_l("That question is not in this quiz."))


def remove(quiz: Quiz) -> str:
    """Delete a quiz nobody started, or archive it so its scores stay; return which."""
    if has_attempts(quiz):
        quiz.archived = True
        quiz.published = False
        return "archived"
    db.session.delete(quiz)
    return "deleted"


def qr_svg(url: str) -> str:
    """Return an inline SVG QR code of a URL (no XML declaration, scales with CSS)."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", xmldecl=False, svgns=True, scale=4,
                                    title="QR", svgclass="qr", omitsize=True)
    return buffer.getvalue().decode("utf-8")
