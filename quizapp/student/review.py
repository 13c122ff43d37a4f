"""Prepare an attempt's review: answers, keys and the evidence that proves them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..kinds import kind_of
from ..models import Attempt, Quiz
from ..services import attempts as attempt_service


@dataclass(frozen=True)
class ReviewRow:
    number: int
    prompt: str
    answer: str
    correct: str
    points: float
    max_points: float
    explanation: str
    evidence: Markup

    @property
    def verdict(self) -> str:
        if self.points >= self.max_points and self.max_points > 0:
            return "right"
        return "partial" if self.points > 0 else "wrong"


def visible(quiz: Quiz, now: dt.datetime) -> bool:
    """Tell whether the quiz's review setting lets students see answers now."""
    if quiz.review == "immediately":
        return True
    if quiz.review == "after_close":
        return quiz.closes_at is not None and now >= quiz.closes_at
    return False


def highlight(text: str, keys: list[str]) -> Markup:
    """Escape a text and mark every occurrence of the key phrases in it."""
    keys = sorted({key for key in keys if key and key.strip()}, key=len, reverse=True)
    if not keys:
        return escape(text)
    pattern = re.compile("|".join(re.escape(key) for key in keys), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last:match.start()]))
        parts.append(Markup("<mark>%s</mark>") % match.group(0))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def rows(attempt: Attempt) -> list[ReviewRow]:
    """Return one review row per question of a submitted attempt."""
    responses = {response.question_id: response for response in attempt.responses}
    result = []
    for number, item in enumerate(attempt_service.items(attempt), start=1):
        question = item.question
        kind = kind_of(question)
        response = responses.get(question.id)
        answer = response.answer if response else None
        keys = list(question.answer_texts) + [str(value) for value in question.correct if isinstance(value, str)]
        result.append(ReviewRow(
            number=number,
            prompt=question.prompt,
            answer=kind.describe(question, answer),
            correct=kind.correct_text(question),
            points=(response.points or 0.0) if response else 0.0,
            max_points=item.entry.points,
            explanation=question.explanation,
            evidence=highlight(question.evidence_text, keys),
        ))
    return result
