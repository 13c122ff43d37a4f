"""The item analysis and counted attempts as computed before issue 15: every response read in Python.

Kept as the reference the database aggregates are checked against (test_teacher_scale.py):
the same code as the old ``stats.analyse`` and ``stats.counted_attempt_ids``, on the
current figure classes, with the old floating-point sums for Pearson's r.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, Response
from quizapp.services.stats import (
    FULL_MARKS_EPSILON,
    HISTOGRAM_BINS,
    Analysis,
    FactMastery,
    ItemStats,
    _chosen,
)


@dataclass
class FloatMoments:
    """The old running sums for the Pearson correlation, in floats added attempt by attempt."""

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

    def mean_x(self) -> float | None:
        return self.sx / self.n if self.n else None

    def pearson(self) -> float | None:
        """Return r with n−1 denominators, None when n < 2 or a variance is zero."""
        if self.n < 2:
            return None
        var_x = (self.sxx - self.sx * self.sx / self.n) / (self.n - 1)
        var_y = (self.syy - self.sy * self.sy / self.n) / (self.n - 1)
        if var_x <= 1e-12 or var_y <= 1e-12:
            return None
        cov = (self.sxy - self.sx * self.sy / self.n) / (self.n - 1)
        return max(-1.0, min(1.0, cov / math.sqrt(var_x * var_y)))


def _bin(percentage: float) -> int:
    return min(HISTOGRAM_BINS - 1, max(0, int(percentage // (100 / HISTOGRAM_BINS))))


def analyse(quiz: Quiz) -> Analysis:
    """Return the analysis the old way: one pass over every submitted response, in attempt order."""
    entries = list(quiz.items)
    items = {entry.question_id: ItemStats(entry, number) for number, entry in enumerate(entries, start=1)}
    for stats in items.values():
        stats.moments = FloatMoments()
    mastery = {fact.id: FactMastery(fact) for fact in quiz.document.facts}
    histogram = [0] * HISTOGRAM_BINS
    percentages_sum = 0.0
    attempts = 0
    query = (
        db.select(Attempt.id, Attempt.score, Attempt.max_score, Response.question_id, Response.answer, Response.points)
        .outerjoin(Response, Response.attempt_id == Attempt.id)
        .where(Attempt.quiz_id == quiz.id, Attempt.state == "submitted")
        .order_by(Attempt.id)
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


def counted_attempt_ids(quiz: Quiz) -> set[int]:
    """Return the attempts that count the old way: every submitted attempt read, then picked in Python."""
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
