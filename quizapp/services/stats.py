"""Compute a quiz's statistics: item analysis (Moodle's definitions), score histogram, fact mastery.

Everything is computed in one pass over the submitted attempts' responses,
streamed from the database in attempt order, so memory grows with the number
of questions (and, for text and numeric questions, of distinct answers) and
not with the number of attempts.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from flask_sqlalchemy.pagination import Pagination
from markupsafe import Markup, escape
from sqlalchemy import case, func
from sqlalchemy.orm import contains_eager

from ..extensions import db
from ..kinds import kind_of, parse_number
from ..models import Attempt, Fact, Participant, Quiz, QuizQuestion, Response

# A distractor chosen by fewer than this share of students is not doing its job.
WEAK_DISTRACTOR_SHARE = 0.05
HISTOGRAM_BINS = 10
STREAM_BATCH = 2000
CHOICE_KINDS = ("single", "multiple", "true_false")
# Kinds answered by typing: their analysis lists the answers given most often.
TYPED_KINDS = ("cloze", "short", "numeric")
TOP_ANSWERS = 5
FULL_MARKS_EPSILON = 1e-9


@dataclass
class Moments:
    """Running sums for the Pearson correlation of two series."""

    n: int = 0
    sx: float = 0.0
    sy: float = 0.0
    sxx: float = 0.0
    syy: float = 0.0
    sxy: float = 0.0

    def add(self, x: float, y: float) -> None:
        self.n += 1
        self.sx += x
        self.sy += y
        self.sxx += x * x
        self.syy += y * y
        self.sxy += x * y

    def pearson(self) -> float | None:
        """Return r with n−1 denominators, None when n < 2 or a variance is zero."""
        if self.n < 2:
            return None
        var_x = (self.sxx - self.sx * self.sx / self.n) / (self.n - 1)
        var_y = (self.syy - self.sy * self.sy / self.n) / (self.n - 1)
        # Sums of floats leave crumbs; a variance this small is a constant series.
        if var_x <= 1e-12 or var_y <= 1e-12:
            return None
        cov = (self.sxy - self.sx * self.sy / self.n) / (self.n - 1)
        return max(-1.0, min(1.0, cov / math.sqrt(var_x * var_y)))


def _normal_text(text: str) -> str:
    """Return text as counted: spaces collapsed and trimmed, case folded."""
    return " ".join(text.split()).casefold()


def _answer_key(kind: str, answer: Any) -> Any:
    """Return what a typed answer is counted under (its value for a number), None for a blank."""
    if kind == "numeric":
        if isinstance(answer, str):
            return parse_number(answer)
        if isinstance(answer, bool) or not isinstance(answer, (int, float)):
            return None
        return float(answer) if math.isfinite(answer) else None
    if isinstance(answer, str):
        return _normal_text(answer) or None
    return None


@dataclass
class GivenAnswer:
    """An answer to a text or numeric question, in the first spelling seen, and how many gave it."""

    shown: Any
    count: int = 0


@dataclass
class ItemStats:
    """One question's figures in a quiz."""

    entry: QuizQuestion
    number: int
    moments: Moments = field(default_factory=Moments)
    option_counts: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    answered: int = 0
    # Typed answers by their counting key (see _answer_key).
    given: dict[Any, GivenAnswer] = field(default_factory=dict)

    @property
    def question(self):
        return self.entry.question

    @property
    def attempts(self) -> int:
        return self.moments.n

    @property
    def facility(self) -> float | None:
        """Return mean score / max score, 0..1."""
        if not self.attempts or not self.entry.points:
            return None
        return self.moments.sx / self.attempts / self.entry.points

    @property
    def discrimination(self) -> float | None:
        """Return the Pearson r between this question's score and the rest of the test."""
        return self.moments.pearson()

    def option_shares(self) -> list[tuple[str, bool, int, float]]:
        """Return each option as (text, correct, count, share of attempts)."""
        options = self.question.options if self.question.kind in CHOICE_KINDS else []
        total = self.attempts or 1
        return [(text, index in self.question.correct, self.option_counts.get(index, 0),
                 self.option_counts.get(index, 0) / total) for index, text in enumerate(options)]

    @property
    def typed(self) -> bool:
        """Tell whether the question is answered by typing, so its answers are counted."""
        return self.question.kind in TYPED_KINDS

    def count_answer(self, answer: Any) -> None:
        """Count one attempt's typed answer; a blank is counted by ``blanks``."""
        key = _answer_key(self.question.kind, answer)
        if key is None:
            return
        if key not in self.given:
            shown = key if self.question.kind == "numeric" else " ".join(str(answer).split())
            self.given[key] = GivenAnswer(shown)
        self.given[key].count += 1

    def top_answers(self, limit: int = TOP_ANSWERS) -> list[tuple[Any, bool, int, float]]:
        """Return the answers given most often as (answer, right, count, share of attempts).

        A number is returned as a float, for the page to write the interface
        language's way; ties keep the order the answers were first given in.
        """
        total = self.attempts or 1
        kind = kind_of(self.question)
        ranked = sorted(self.given.values(), key=lambda given: -given.count)[:limit]
        return [(given.shown, kind.fraction(self.question, given.shown) >= 1 - FULL_MARKS_EPSILON,
                 given.count, given.count / total) for given in ranked]

    @property
    def other_answers(self) -> int:
        """Return how many attempts gave an answer outside ``top_answers``."""
        listed = sum(count for _answer, _right, count, _share in self.top_answers())
        return sum(given.count for given in self.given.values()) - listed

    @property
    def blanks(self) -> int:
        """Return how many attempts left a typed question blank."""
        return self.attempts - sum(given.count for given in self.given.values())

    def share_of(self, count: int) -> float | None:
        """Return a count as a share of the attempts, None before any."""
        return count / self.attempts if self.attempts else None

    @property
    def weak_distractors(self) -> list[str]:
        if not self.attempts:
            return []
        return [text for text, correct, _count, share in self.option_shares()
                if not correct and share < WEAK_DISTRACTOR_SHARE]

    @property
    def flags(self) -> list[str]:
        """Return why this question needs a look: 'negative' discrimination, 'distractor'."""
        flags = []
        if self.discrimination is not None and self.discrimination < 0:
            flags.append("negative")
        if self.weak_distractors:
            flags.append("distractor")
        return flags


@dataclass
class FactMastery:
    """How well students did on the questions about one fact."""

    fact: Fact
    right: int = 0
    answers: int = 0

    @property
    def share(self) -> float | None:
        return self.right / self.answers if self.answers else None


@dataclass
class Analysis:
    """A quiz's statistics."""

    attempts: int
    items: list[ItemStats]
    histogram: list[int]
    # Every fact of the document: those the quiz asked about first, then the rest.
    mastery: list[FactMastery]
    mean_percentage: float | None

    def unasked_facts(self) -> list[tuple[str, list[str], int]]:
        """Return the facts no answered question is about, one per text: (text, kinds, places).

        The generator finds a fact once for each sentence stating it ("RTA" three
        times), but the teacher needs to read it once; a text an answered question
        asks about is covered, whichever sentence the question was drawn from.
        """
        asked = {_normal_text(row.fact.text) for row in self.mastery if row.answers}
        grouped: dict[str, tuple[str, list[str], int]] = {}
        for row in self.mastery:
            key = _normal_text(row.fact.text)
            if key in asked:
                continue
            text, kinds, places = grouped.get(key, (" ".join(row.fact.text.split()), [], 0))
            if row.fact.kind not in kinds:
                kinds.append(row.fact.kind)
            grouped[key] = (text, kinds, places + 1)
        return list(grouped.values())


def _chosen(answer: Any) -> list[int]:
    if isinstance(answer, bool) or answer is None:
        return []
    if isinstance(answer, int):
        return [answer]
    if isinstance(answer, list):
        return [a for a in answer if isinstance(a, int) and not isinstance(a, bool)]
    return []


def _bin(percentage: float) -> int:
    return min(HISTOGRAM_BINS - 1, max(0, int(percentage // (100 / HISTOGRAM_BINS))))


def analyse(quiz: Quiz) -> Analysis:
    """Return the item analysis, histogram and fact mastery over the quiz's submitted attempts."""
    entries = list(quiz.items)
    items = {entry.question_id: ItemStats(entry, number) for number, entry in enumerate(entries, start=1)}
    mastery = {fact.id: FactMastery(fact) for fact in quiz.document.facts}
    histogram = [0] * HISTOGRAM_BINS
    percentages_sum = 0.0
    attempts = 0

    query = (
        db.select(Attempt.id, Attempt.score, Attempt.max_score, Response.question_id, Response.answer, Response.points)
        .outerjoin(Response, Response.attempt_id == Attempt.id)
        .where(Attempt.quiz_id == quiz.id, Attempt.state == "submitted")
        .order_by(Attempt.id)
        .execution_options(yield_per=STREAM_BATCH)
    )

    def finish(score: float, max_score: float, scored: dict[int, tuple[Any, float]]) -> None:
        nonlocal attempts, percentages_sum
        attempts += 1
        percentage = 100.0 * score / max_score if max_score else 0.0
        percentages_sum += percentage
        histogram[_bin(percentage)] += 1
        for question_id, stats in items.items():
            answer, points = scored.get(question_id, (None, 0.0))
            stats.moments.add(points, score - points)
            if answer not in (None, [], ""):
                stats.answered += 1
            for index in set(_chosen(answer)):
                stats.option_counts[index] += 1
            if stats.typed:
                stats.count_answer(answer)
            fact_id = stats.question.fact_id
            if fact_id in mastery:
                mastery[fact_id].answers += 1
                if stats.entry.points and points >= stats.entry.points - FULL_MARKS_EPSILON:
                    mastery[fact_id].right += 1

    current: int | None = None
    header: tuple[float, float] = (0.0, 0.0)
    scored: dict[int, tuple[Any, float]] = {}
    for attempt_id, score, max_score, question_id, answer, points in db.session.execute(query):
        if attempt_id != current:
            if current is not None:
                finish(*header, scored)
            current, header, scored = attempt_id, (score or 0.0, max_score or 0.0), {}
        if question_id is not None:
            scored[question_id] = (answer, points or 0.0)
    if current is not None:
        finish(*header, scored)

    return Analysis(
        attempts=attempts,
        items=list(items.values()),
        histogram=histogram,
        mastery=sorted(mastery.values(), key=lambda m: (m.answers == 0, m.fact.position)),
        mean_percentage=percentages_sum / attempts if attempts else None,
    )


def histogram_svg(counts: list[int], label: str, width: int = 480, height: int = 200) -> Markup:
    """Draw a histogram of percentage bins as an accessible inline SVG."""
    left, bottom, top = 32, 24, 12
    plot_w, plot_h = width - left - 8, height - bottom - top
    tallest = max(counts) or 1
    bar_w = plot_w / len(counts)
    step = 100 // len(counts)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="histogram" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" class="axis"/>',
             f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" class="tick">{tallest}</text>',
             f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" class="tick">0</text>']
    for index, count in enumerate(counts):
        bar_h = plot_h * count / tallest
        x = left + index * bar_w
        low, high = index * step, (index + 1) * step
        parts.append(f'<rect x="{x + 2:.1f}" y="{top + plot_h - bar_h:.1f}" width="{bar_w - 4:.1f}" '
                     f'height="{bar_h:.1f}" class="bar"><title>{low}–{high}%: {count}</title></rect>')
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - 8}" text-anchor="middle" class="tick">{low}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _duration(attempt: Attempt) -> float | None:
    if attempt.submitted_at is None:
        return None
    return (attempt.submitted_at - attempt.started_at).total_seconds()


def _duration_sql(dialect: str):
    """Return the SQL value of an attempt's duration, NULL while it is in progress."""
    if dialect == "sqlite":
        # SQLite stores datetimes as text: subtracting them would compare the years.
        return func.julianday(Attempt.submitted_at) - func.julianday(Attempt.started_at)
    return Attempt.submitted_at - Attempt.started_at


# Column name -> the SQL value a row sorts by (given the database's dialect); NULL sorts last either way.
SORTS = {
    "name": lambda dialect: func.lower(Participant.display_name),
    "score": lambda dialect: Attempt.score,
    "percentage": lambda dialect: case((Attempt.max_score != 0, 100.0 * Attempt.score / Attempt.max_score)),
    "duration": _duration_sql,
    "submitted": lambda dialect: Attempt.submitted_at,
    "started": lambda dialect: Attempt.started_at,
    "state": lambda dialect: Attempt.state,
}
ATTEMPTS_PER_PAGE = 50


def attempts_table(
    quiz: Quiz, sort: str, descending: bool, page: int = 1, per_page: int = ATTEMPTS_PER_PAGE
) -> tuple[list[tuple[Attempt, Participant, float | None]], Pagination]:
    """Return one page of the quiz's attempts, with participant and duration in seconds, and its pagination.

    Rows are sorted by a known column, then by attempt id; a page number out of
    range gives the nearest page that exists.
    """
    total = db.session.scalar(db.select(func.count(Attempt.id)).where(Attempt.quiz_id == quiz.id))
    # Clamped before querying: an offset past the end shows nothing, and a huge one overflows the database's integer.
    page = min(max(page, 1), max(1, math.ceil(total / per_page)))
    key = SORTS.get(sort, SORTS["started"])(db.session.get_bind().dialect.name)
    query = (
        db.select(Attempt)
        .join(Participant, Attempt.participant_id == Participant.id)
        .options(contains_eager(Attempt.participant))
        .where(Attempt.quiz_id == quiz.id)
        .order_by((key.desc() if descending else key.asc()).nulls_last(), Attempt.id)
    )
    pagination = db.paginate(query, page=page, per_page=per_page, max_per_page=None, error_out=False)
    return [(attempt, attempt.participant, _duration(attempt)) for attempt in pagination.items], pagination


def counted_attempt_ids(quiz: Quiz) -> set[int]:
    """Return the attempts that count for each student under the quiz's grading method."""
    by_participant: dict[int, list[tuple[int, int, float]]] = defaultdict(list)
    rows = db.session.execute(
        db.select(Attempt.participant_id, Attempt.id, Attempt.number, Attempt.score)
        .where(Attempt.quiz_id == quiz.id, Attempt.state == "submitted")
    )
    for participant_id, attempt_id, number, score in rows:
        by_participant[participant_id].append((number, attempt_id, score or 0.0))
    counted = set()
    for attempts in by_participant.values():
        if quiz.grading_method == "average":
            counted.update(attempt_id for _n, attempt_id, _s in attempts)
        elif quiz.grading_method == "first":
            counted.add(min(attempts)[1])
        elif quiz.grading_method == "last":
            counted.add(max(attempts)[1])
        else:
            counted.add(max(attempts, key=lambda a: (a[2], -a[0]))[1])
    return counted
