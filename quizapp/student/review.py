"""Prepare an attempt's review: answers, keys and the evidence that proves them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from flask import get_template_attribute
from flask_babel import get_locale
from markupsafe import Markup, escape

from ..kinds import kind_of
from ..lru import SharedLRU
from ..models import Attempt, Quiz
from ..services import attempts as attempt_service

# Review rows a process keeps rendered (a kilobyte or two each): a class's results share most of them.
MAX_ROW_BLOCKS = 4096

_row_blocks: SharedLRU[Markup] = SharedLRU(MAX_ROW_BLOCKS)


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


# A quotation in an explanation: straight, typographic or guillemet quotes, outermost pair.
QUOTE = re.compile(r'"(.+)"|“(.+)”|«(.+)»', re.DOTALL)
# What introduces a quotation, such as "The text says:", back to the previous sentence.
LEAD_IN = re.compile(r"[^.!?:]*:\s*$")


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def quotes_evidence(quote: str, evidence: str) -> bool:
    """Tell whether a quotation is the evidence, or parts of it cut with an ellipsis."""
    parts = [part.strip(" ,;:.") for part in _folded(quote).split("…")]
    parts = [part for part in parts if part]
    return bool(parts) and all(part in _folded(evidence) for part in parts)


def beyond_evidence(explanation: str, evidence: str) -> str:
    """Return what an explanation says besides quoting the evidence, which the review quotes anyway.

    Generated explanations read "The text says: «…»": shown above the quoted
    evidence, the same sentence would be read twice. Only a quotation after a
    lead-in ending in a colon counts, so a word quoted within a sentence stays.
    """
    explanation = explanation.strip()
    if not evidence.strip() or not explanation:
        return explanation
    if _folded(explanation).strip(" .") == _folded(evidence).strip(" ."):
        return ""
    match = QUOTE.search(explanation)
    if match is None or not quotes_evidence(next(group for group in match.groups() if group), evidence):
        return explanation
    lead_in = LEAD_IN.search(explanation[:match.start()])
    if lead_in is None:
        return explanation
    before = explanation[:lead_in.start()].strip()
    after = explanation[match.end():].lstrip(" .,;:").strip()
    return " ".join(part for part in (before, after) if part)


@lru_cache(maxsize=4096)
def _shown_for_every_answer(question) -> tuple[str, str, Markup]:
    """Return a question's correct answer, explanation and marked evidence, as every review shows them.

    Worked out once per question version: ``question`` is the quiz layout's shared
    view (services/layouts.py), a new object whenever the question changes.
    """
    keys = list(question.answer_texts) + [str(value) for value in question.correct if isinstance(value, str)]
    return (kind_of(question).correct_text(question), beyond_evidence(question.explanation, question.evidence_text),
            highlight(question.evidence_text, keys))


def rows(attempt: Attempt) -> list[ReviewRow]:
    """Return one review row per question of a submitted attempt."""
    responses = attempt_service.graded_answers(attempt)
    result = []
    for number, item in enumerate(attempt_service.items(attempt), start=1):
        question = item.question
        response = responses.get(question.id)
        answer = response.answer if response else None
        correct, explanation, evidence = _shown_for_every_answer(question)
        result.append(ReviewRow(
            number=number,
            prompt=question.prompt,
            answer=kind_of(question).describe(question, answer),
            correct=correct,
            points=(response.points or 0.0) if response else 0.0,
            max_points=item.entry.points,
            explanation=explanation,
            evidence=evidence,
        ))
    return result


class RowBlocks:
    """The result page's review rows, each rendered by macros/review.html once per look, shared among students.

    A row's HTML depends only on the row (a frozen dataclass: its number, texts
    and points), the quiz document's language and title, and the interface
    language, so those are the key: most students of a class share most rows
    (the same option picked, the same question left blank).
    """

    def __init__(self, quiz: Quiz):
        self._language, self._title = quiz.document.language, quiz.document.title
        self._locale = str(get_locale())

    def all(self, rows: list[ReviewRow]) -> Markup:
        """Return the HTML of every row, in order."""
        return Markup("".join([self.html(row) for row in rows]))

    def html(self, row: ReviewRow) -> Markup:
        key = (row, self._language, self._title, self._locale)
        return _row_blocks.get_or_make(key, lambda: Markup(
            get_template_attribute("macros/review.html", "review_row")(row, self._language, self._title)))
