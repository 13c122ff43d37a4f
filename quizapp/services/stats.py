"""Compute a quiz's statistics: item analysis (Moodle's definitions), score histogram, fact mastery.

The sums every figure comes from are kept in the database as attempts are
graded and regraded (aggregates.py): per histogram bin, and per question,
answer and points earned, how many attempts and the sums of their scores.
The page reads them in one statement and Python folds those few rows
together, so its work grows with the number of questions and of distinct
answers, not of attempts. Which attempt counts for a student's grade is
ranked by a window function.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from flask_sqlalchemy.pagination import Pagination
from markupsafe import Markup, escape
from sqlalchemy import Float, case, func, literal
from sqlalchemy.orm import contains_eager, joinedload

from ..extensions import db
from ..kinds import kind_of, parse_number
from ..models import Attempt, Fact, Participant, Quiz, QuizQuestion
from .aggregates import FULL_MARKS_EPSILON, HISTOGRAM_BINS, UNITS, Moments, percentage_sql, quiz_sums, submitted_of

# A distractor chosen by fewer than this share of students is not doing its job.
WEAK_DISTRACTOR_SHARE = 0.05
# ...but only once this many attempts are in: below 20, one student is more than 5% of them, so the
# flag could only mean "nobody chose it", which in a handful of attempts is chance, not a weak option.
WEAK_DISTRACTOR_MIN_ATTEMPTS = 20
CHOICE_KINDS = ("single", "multiple", "true_false")
# Kinds answered by typing: their analysis lists the answers given most often.
TYPED_KINDS = ("cloze", "short", "numeric")
TOP_ANSWERS = 5


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
        return self.moments.mean_x() / self.entry.points

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

    def count_answer(self, answer: Any, times: int = 1) -> None:
        """Count a typed answer given by ``times`` attempts; a blank is counted by ``blanks``.

        Answers are counted in the order they were first given, so the first
        spelling of each is the one shown.
        """
        key = _answer_key(self.question.kind, answer)
        if key is None:
            return
        if key not in self.given:
            shown = key if self.question.kind == "numeric" else " ".join(str(answer).split())
            self.given[key] = GivenAnswer(shown)
        self.given[key].count += times

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
        """Return the wrong options chosen by under 5% of attempts, once there are enough attempts to tell."""
        if self.attempts < WEAK_DISTRACTOR_MIN_ATTEMPTS:
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


def quiz_entries(quiz: Quiz) -> list[QuizQuestion]:
    """Return the quiz's entries in order with their questions, in one query."""
    return list(db.session.scalars(
        db.select(QuizQuestion).options(joinedload(QuizQuestion.question))
        .where(QuizQuestion.quiz_id == quiz.id).order_by(QuizQuestion.position)
    ))


def analyse(quiz: Quiz) -> Analysis:
    """Return the item analysis, histogram and fact mastery over the quiz's submitted attempts.

    A constant number of queries whatever the size: the entries with their
    questions, the document's facts, and the kept sums (aggregates.quiz_sums).
    """
    entries = quiz_entries(quiz)
    items = {entry.question_id: ItemStats(entry, number) for number, entry in enumerate(entries, start=1)}
    facts = db.session.scalars(db.select(Fact).where(Fact.document_id == quiz.document_id)
                               .order_by(Fact.position)).all()
    mastery = {fact.id: FactMastery(fact) for fact in facts}
    sums = quiz_sums(quiz.id)
    totals = sums.total()

    present: dict[int, Moments] = defaultdict(Moments)
    full_marks: dict[int, int] = defaultdict(int)
    # Sums of the scores (and squares) of the attempts that have a row for each question.
    answering: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    # Each answer's attempts and the first of them, whatever points it earned (a regrade may split them).
    answers: dict[tuple[int, str], list[int]] = {}
    for (question_id, points, text), tally in sums.groups.items():
        stats = items.get(question_id)
        if stats is None:
            continue
        present[question_id] = present[question_id].plus(Moments.of_group(points, tally))
        # Full marks against the quiz's points now: a points change needs no new sums.
        if stats.entry.points and points / UNITS >= stats.entry.points - FULL_MARKS_EPSILON:
            full_marks[question_id] += tally.count
        answering[question_id][0] += tally.scores
        answering[question_id][1] += tally.squares
        seen = answers.setdefault((question_id, text), [0, tally.first_attempt_id])
        seen[0] += tally.count
        seen[1] = min(seen[1], tally.first_attempt_id)
    # In the order each answer was first given: the first spelling of a typed answer is the one shown.
    for (question_id, text), (count, _first) in sorted(answers.items(), key=lambda pair: (pair[0][0], pair[1][1])):
        stats = items[question_id]
        answer = json.loads(text)
        if answer not in (None, [], ""):
            stats.answered += count
        for index in set(_chosen(answer)):
            stats.option_counts[index] += count
        if stats.typed:
            stats.count_answer(answer, count)

    for question_id, stats in items.items():
        moments = present[question_id]
        # An attempt without a row for the question scored 0 on it: x = 0 and y = its whole score.
        missing = totals.count - moments.n
        if missing:
            score_sum, square_sum = answering[question_id]
            moments = moments.plus(Moments(n=missing, y=totals.scores - score_sum, yy=totals.squares - square_sum))
        stats.moments = moments
        fact_id = stats.question.fact_id
        if fact_id in mastery:
            mastery[fact_id].answers += totals.count
            mastery[fact_id].right += full_marks[question_id]
            if missing and stats.entry.points and 0.0 >= stats.entry.points - FULL_MARKS_EPSILON:
                mastery[fact_id].right += missing

    return Analysis(
        attempts=totals.count,
        items=list(items.values()),
        histogram=sums.histogram(),
        mastery=sorted(mastery.values(), key=lambda m: (m.answers == 0, m.fact.position)),
        mean_percentage=sums.mean_percentage(),
    )


@dataclass(frozen=True)
class QuizSummary:
    """A quiz's attempts at a glance, for the dashboard."""

    submitted: int = 0
    in_progress: int = 0
    mean_percentage: float | None = None


def quiz_summaries(quiz_ids: Collection[int]) -> dict[int, QuizSummary]:
    """Return each quiz's attempt counts and mean percentage, from one GROUP BY over all the quizzes."""
    if not quiz_ids:
        return {}
    submitted = Attempt.state == "submitted"
    query = (
        db.select(Attempt.quiz_id, func.sum(case((submitted, 1), else_=0)), func.sum(case((submitted, 0), else_=1)),
                  func.sum(case((submitted, percentage_sql()))))
        .where(Attempt.quiz_id.in_(quiz_ids))
        .group_by(Attempt.quiz_id)
    )
    return {quiz_id: QuizSummary(done, open_, percentages / done if done else None)
            for quiz_id, done, open_, percentages in db.session.execute(query)}


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
) -> tuple[list[tuple[Attempt, Participant, float | None, bool]], Pagination]:
    """Return one page of the quiz's attempts and its pagination.

    Each row is (attempt, participant, duration in seconds, whether it counts
    for the grade). Rows are sorted by a known column, then by attempt id, and
    cut to the page in the database; a page number out of range gives the
    nearest page that exists. Four queries whatever the number of attempts.
    """
    total = db.session.scalar(db.select(func.count(Attempt.id)).where(Attempt.quiz_id == quiz.id))
    # Clamped before querying: an offset past the end shows nothing, and a huge one overflows the database's integer.
    page = min(max(page, 1), max(1, math.ceil(total / per_page)))
    key = SORTS.get(sort, SORTS["started"])(db.session.get_bind().dialect.name)
    order = ((key.desc() if descending else key.asc()).nulls_last(), Attempt.id)
    # The page's ids first, sorting only what the sort needs (the participant's name only for "name");
    # then the fifty rows themselves. Sorting whole rows joined to their participants cost more.
    ids = db.select(Attempt.id).where(Attempt.quiz_id == quiz.id).order_by(*order)
    if sort == "name":
        ids = ids.join(Participant, Attempt.participant_id == Participant.id)
    # The total is known: counting the rows a second time would double the cost of a big quiz's page.
    pagination = db.paginate(ids, page=page, per_page=per_page, max_per_page=None, error_out=False, count=False)
    pagination.total = total
    page_ids = list(pagination.items)
    found = {attempt.id: attempt for attempt in db.session.scalars(
        db.select(Attempt).join(Participant, Attempt.participant_id == Participant.id)
        .options(contains_eager(Attempt.participant)).where(Attempt.id.in_(page_ids)))}
    attempts = [found[attempt_id] for attempt_id in page_ids if attempt_id in found]
    counted = counted_attempt_ids(quiz, {attempt.participant_id for attempt in attempts})
    rows = [(attempt, attempt.participant, _duration(attempt), attempt.id in counted) for attempt in attempts]
    return rows, pagination


# How each grading method ranks a student's attempts: the first one counts (every one for "average").
# "highest" breaks a tie in score by the earlier attempt.
COUNTING_ORDER = {
    "highest": lambda: (func.coalesce(Attempt.score, literal(0.0, Float)).desc(), Attempt.number.asc()),
    "first": lambda: (Attempt.number.asc(), Attempt.id.asc()),
    "last": lambda: (Attempt.number.desc(), Attempt.id.desc()),
}


def counts_for_grade(quiz: Quiz, participant_ids: Collection[int] | None = None):
    """Return a select of the quiz's submitted attempts (``id``) with ``counts``, whether the grading method takes it.

    A window function ranks each student's attempts, so the database picks the
    attempt that counts; no attempt is read into Python for it. Given
    participants, only their attempts are ranked.
    """
    order = COUNTING_ORDER.get(quiz.grading_method)
    if order is None:  # average: every submitted attempt counts
        counts = literal(True)
    else:
        counts = func.row_number().over(partition_by=Attempt.participant_id, order_by=order()) == 1
    if participant_ids is None:
        which = submitted_of(quiz)
    else:
        # A participant belongs to one quiz: found by the (participant, number) index, not among the quiz's all.
        which = Attempt.participant_id.in_(participant_ids) & (Attempt.state == "submitted")
    return db.select(Attempt.id.label("id"), counts.label("counts")).where(which)


def counted_attempt_ids(quiz: Quiz, participant_ids: Collection[int] | None = None) -> set[int]:
    """Return the attempts that count for each student under the quiz's grading method.

    Given participants (those on one page of results), only their attempts are ranked.
    """
    if participant_ids is not None and not participant_ids:
        return set()
    ranked = counts_for_grade(quiz, participant_ids).subquery()
    return set(db.session.scalars(db.select(ranked.c.id).where(ranked.c.counts)))
