"""Teacher pages at scale: the database aggregates give the old figures, and the pages' queries do not grow."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import threading

import pytest
from sqlalchemy import event

from quizapp.extensions import db
from quizapp.models import Attempt, Document, Quiz, QuizAnswerStats, QuizStats, User
from quizapp.services import attempts as attempt_service
from quizapp.services import aggregates, bank, quizzes, regrade, stats

from . import stats_reference
from .teaching import ENGLISH, make_document, many_attempts, teacher  # noqa: F401 (teacher: fixture)

# (kind, options, key, tolerance, points): every kind, with points that are not all 1.
QUESTIONS = [
    ("single", ["A", "B", "C", "D"], [0], 0.0, 1.0),
    ("multiple", ["A", "B", "C", "D", "E"], [0, 2], 0.0, 2.0),
    ("true_false", ["True", "False"], [0], 0.0, 0.5),
    ("cloze", [], ["Ravenna"], 0.0, 1.5),
    ("short", [], ["Hera"], 0.0, 1.0),
    ("numeric", [], [1.8], 0.05, 3.0),
]
# What students give, per kind: right, wrong, blank, and the same answer spelt differently.
ANSWERS = {
    "single": [0, 1, 2, 3, None],
    "true_false": [0, 1, None],
    "cloze": ["Ravenna", " ravenna ", "RAVENNA", "Bologna", "bologna ", "", None, "Hera", "Rimini"],
    "short": ["Hera", "hera", "HERA ", "Enel", "the port", "", None],
    "numeric": [1.8, 1.75, " 1.80 ", 2, 2.0, None, 1.5, "1.5"],
}
NOW = dt.datetime(2026, 3, 2, 9, 0)


def scale_quiz(app, document_id: int, kinds: int = len(QUESTIONS), **settings) -> int:
    """Build a published quiz of hand-written questions of every kind, about the document's first facts."""
    with app.app_context():
        document = db.session.get(Document, document_id)
        questions = []
        for number, (kind, options, key, tolerance, points) in enumerate(QUESTIONS[:kinds]):
            question = bank.write(document, bank.QuestionData(kind, f"Question {number}?", options, key, tolerance,
                                                              "", points))
            question.fact = document.facts[number % 3]
            questions.append(question)
        quiz = quizzes.create_quiz(document.owner, document, "Scale", questions, max_attempts=5, **settings)
        quizzes.publish(quiz)
        db.session.commit()
        return quiz.id


def random_answer(rng: random.Random, kind: str, options: int):
    if kind == "multiple":
        return rng.choice([None, [], sorted(rng.sample(range(options), rng.randint(1, options)))])
    return rng.choice(ANSWERS[kind])


def take(app, quiz_id: int, rng: random.Random, students: int, first: int = 0, now: dt.datetime = NOW) -> None:
    """Let students take the quiz through the attempt services: up to three attempts each, some left unfinished."""
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        entries = list(quiz.items)
        for number in range(first, first + students):
            participant = attempt_service.join(quiz, f"Student {number}", None, now)
            for _try in range(rng.randint(1, 3)):
                attempt = attempt_service.start_attempt(participant, now, 0, set())
                answers = {entry.question_id: random_answer(rng, entry.question.kind, len(entry.question.options))
                           for entry in entries if rng.random() < 0.9}
                attempt_service.save_answers(attempt, answers, now, 0)
                if rng.random() < 0.1:
                    break  # left in progress: not in the analysis
                attempt_service.submit(attempt, now + dt.timedelta(minutes=rng.randint(1, 30)))
        db.session.commit()


def regrade_keys(app, quiz_id: int, single: int = 1, cloze: str = "Bologna") -> None:
    """Change the key of a choice question and of a typed one, and regrade both as a teacher would."""
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        user = db.session.get(User, quiz.owner_id)
        by_kind = {entry.question.kind: entry.question for entry in quiz.items}
        by_kind["single"].correct = [single]
        by_kind["cloze"].correct = [cloze]
        for question in (by_kind["single"], by_kind["cloze"]):
            regrade.regrade_question(question, user)
        db.session.commit()


def add_question_later(app, quiz_id: int) -> None:
    """Add a question to a quiz students already took, as a teacher may: older attempts have no row for it."""
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        question = bank.write(quiz.document, bank.QuestionData("numeric", "How many?", [], [42.0], 0.0, "", 2.5))
        question.fact = quiz.document.facts[0]
        quizzes.add_questions(quiz, [question])
        db.session.commit()


def change_points(app, quiz_id: int) -> None:
    """Give one question more points and another fewer: full marks are judged anew, later attempts weigh more."""
    with app.app_context():
        items = db.session.get(Quiz, quiz_id).items
        items[1].points = items[1].points + 1
        items[2].points = items[2].points / 2
        db.session.commit()


def assert_kept_sums_are_sums_from_scratch(app, quiz_id: int) -> None:
    """The stored sums, kept attempt by attempt, equal the sums of every attempt made anew, to the last digit.

    Each answer's first attempt is compared per answer: a regrade can leave a
    (question, answer, points) row's own first attempt behind, never the answer's.
    """
    with app.app_context():
        aggregates.quiz_sums(quiz_id)  # as the page does first: the attempts submitted since are added
        kept, count, tallied, untallied = aggregates._read(quiz_id)
        scratch = aggregates.sum_from_scratch(quiz_id)

    def tallies(table):
        return {key: (t.count, t.scores, t.squares) for key, t in table.items()}

    def firsts(sums):
        found = {}
        for (question_id, _points, text), tally in sums.groups.items():
            found[question_id, text] = min(found.get((question_id, text), tally.first_attempt_id),
                                           tally.first_attempt_id)
        return found

    assert count == tallied == scratch.attempts > 0 and untallied == 0
    assert tallies(kept.totals) == tallies(scratch.totals)
    assert tallies(kept.groups) == tallies(scratch.groups)
    assert firsts(kept) == firsts(scratch)


def figures(analysis: stats.Analysis) -> dict:
    """Return every figure the analysis page shows, counts exact and floats as they are."""
    return {
        "attempts": analysis.attempts,
        "histogram": analysis.histogram,
        "mean": analysis.mean_percentage,
        "items": [{
            "number": item.number, "question": item.question.id, "attempts": item.attempts,
            "answered": item.answered, "options": item.option_shares(), "top": item.top_answers(),
            "other": item.other_answers, "blanks": item.blanks, "flags": item.flags,
            "weak": item.weak_distractors, "facility": item.facility, "discrimination": item.discrimination,
        } for item in analysis.items],
        "mastery": [(row.fact.id, row.right, row.answers) for row in analysis.mastery],
        "unasked": analysis.unasked_facts(),
    }


def assert_same_figures(new: dict, old: dict) -> None:
    """Counts, options, answers, flags and histogram exactly; facility, discrimination and mean to 1e-9."""
    floats = ("facility", "discrimination")
    assert new["mean"] == pytest.approx(old["mean"], rel=1e-9, abs=1e-12)
    assert {k: v for k, v in new.items() if k not in ("items", "mean")} == \
           {k: v for k, v in old.items() if k not in ("items", "mean")}
    for mine, theirs in zip(new["items"], old["items"], strict=True):
        assert {k: v for k, v in mine.items() if k not in floats} == {k: v for k, v in theirs.items() if k not in floats}
        for name in floats:
            if theirs[name] is None:
                assert mine[name] is None, (name, mine)
            else:
                assert mine[name] == pytest.approx(theirs[name], rel=1e-9, abs=1e-12), (name, mine)
    # What the page shows, rounded as it rounds, is the same to the last digit.
    for mine, theirs in zip(new["items"], old["items"]):
        for name, shown in (("facility", "{:.0%}"), ("discrimination", "{:.2f}")):
            if theirs[name] is not None:
                assert shown.format(mine[name]) == shown.format(theirs[name])


@pytest.mark.parametrize(("seed", "method"), [(1, "highest"), (2, "first"), (3, "last"), (4, "average")])
def test_kept_sums_give_the_old_figures_through_regrades_points_changes_and_new_questions(app, teacher, seed, method):
    rng = random.Random(seed)
    quiz_id = scale_quiz(app, make_document(app, text=ENGLISH), grading_method=method)
    take(app, quiz_id, rng, students=25)
    regrade_keys(app, quiz_id)
    take(app, quiz_id, rng, students=10, first=25)
    add_question_later(app, quiz_id)
    take(app, quiz_id, rng, students=8, first=35)
    change_points(app, quiz_id)
    take(app, quiz_id, rng, students=8, first=43)
    # A regrade of attempts scored with other points, some without a row for the new question.
    regrade_keys(app, quiz_id, single=2, cloze="Rimini")
    assert_kept_sums_are_sums_from_scratch(app, quiz_id)
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        new = figures(stats.analyse(quiz))
        counted = stats.counted_attempt_ids(quiz)
    with app.app_context():  # a fresh session: the reference reads everything again
        quiz = db.session.get(Quiz, quiz_id)
        old = figures(stats_reference.analyse(quiz))
        old_counted = stats_reference.counted_attempt_ids(quiz)
    assert new["attempts"] > 70 and any(item["discrimination"] is not None for item in new["items"])
    assert_same_figures(new, old)
    assert counted == old_counted


def old_and_new(app, quiz_id: int) -> tuple[dict, dict]:
    """Return the figures of the analysis as the page computes it now, and as the old scan did."""
    with app.app_context():
        new = figures(stats.analyse(db.session.get(Quiz, quiz_id)))
    with app.app_context():
        old = figures(stats_reference.analyse(db.session.get(Quiz, quiz_id)))
    return new, old


def reads_of_responses(seen: list[str]) -> list[str]:
    """Return the statements that read attempts' responses."""
    return [statement for statement in seen if "response" in statement.replace("quiz_answer_stats", "")]


def scans(seen: list[str]) -> list[str]:
    """Return the statements that read a whole quiz's responses: summing from scratch.

    Adding the attempts submitted since the last view reads only theirs, by id.
    """
    return [statement for statement in reads_of_responses(seen) if "attempt.id IN" not in statement]


def test_the_page_only_reads_the_kept_sums_after_grading_regrading_and_points_changes(app, teacher):
    rng = random.Random(11)
    quiz_id = scale_quiz(app, make_document(app, text=ENGLISH))
    take(app, quiz_id, rng, students=15)
    for change in (lambda: None, lambda: regrade_keys(app, quiz_id), lambda: change_points(app, quiz_id),
                   lambda: regrade_keys(app, quiz_id, single=3, cloze="Ravenna"),
                   lambda: take(app, quiz_id, rng, students=5, first=15, now=NOW - dt.timedelta(days=1))):
        change()
        with statements(app) as seen:
            assert teacher.get(f"/teach/quizzes/{quiz_id}/analysis").status_code == 200
        assert not scans(seen), scans(seen)
        with statements(app) as seen:  # the new attempts were added once: now only the sums are read
            assert teacher.get(f"/teach/quizzes/{quiz_id}/analysis").status_code == 200
        assert not reads_of_responses(seen), reads_of_responses(seen)
        assert_same_figures(*old_and_new(app, quiz_id))
    assert_kept_sums_are_sums_from_scratch(app, quiz_id)


def test_a_submit_leaves_the_sums_alone_and_the_next_view_adds_it(app, teacher):
    rng = random.Random(16)
    quiz_id = scale_quiz(app, make_document(app, text=ENGLISH))
    take(app, quiz_id, rng, students=4)
    assert teacher.get(f"/teach/quizzes/{quiz_id}/analysis").status_code == 200
    with app.app_context():
        before = aggregates._read(quiz_id)
    with statements(app) as seen:
        take(app, quiz_id, rng, students=2, first=4)
    assert not [statement for statement in seen if "quiz_stats" in statement or "quiz_answer_stats" in statement]
    with app.app_context():
        after = aggregates._read(quiz_id)
    assert after[1] == after[2] == before[1] and after[3] > 0  # stored as before; the new ones wait
    assert teacher.get(f"/teach/quizzes/{quiz_id}/analysis").status_code == 200
    assert_kept_sums_are_sums_from_scratch(app, quiz_id)
    assert_same_figures(*old_and_new(app, quiz_id))


def test_submissions_racing_each_other_and_a_regrade_keep_the_sums_exact(app, teacher):
    """Students submit at the same moment while the teacher regrades: every update lands, none deadlocks."""
    rng = random.Random(15)
    quiz_id = scale_quiz(app, make_document(app, text=ENGLISH))
    take(app, quiz_id, rng, students=6)
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        waiting = []
        for number in range(8):
            participant = attempt_service.join(quiz, f"Racer {number}", None, NOW)
            attempt = attempt_service.start_attempt(participant, NOW, 0, set())
            attempt_service.save_answers(attempt, {entry.question_id: random_answer(
                rng, entry.question.kind, len(entry.question.options)) for entry in quiz.items}, NOW, 0)
            waiting.append(attempt.id)
        db.session.commit()
    barrier = threading.Barrier(len(waiting) + 1)
    errors = []

    def submit(attempt_id):
        try:
            with app.app_context():
                attempt = db.session.get(Attempt, attempt_id)
                barrier.wait()
                assert attempt_service.submit(attempt, NOW + dt.timedelta(minutes=5))
                db.session.commit()
        except Exception as error:  # noqa: BLE001 - reported below, with the thread's error
            errors.append(error)

    def regrade_now():
        try:
            barrier.wait()
            regrade_keys(app, quiz_id)
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=submit, args=(attempt_id,)) for attempt_id in waiting]
    threads.append(threading.Thread(target=regrade_now))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    assert_kept_sums_are_sums_from_scratch(app, quiz_id)
    with app.app_context():
        assert aggregates._read(quiz_id)[1] > 6 + len(waiting)
    assert_same_figures(*old_and_new(app, quiz_id))


def forget_sums(app, quiz_id: int) -> None:
    """Remove a quiz's stored sums, as attempts graded before they were kept leave it (marked tallied by the upgrade)."""
    with app.app_context():
        db.session.execute(db.update(Attempt).where(Attempt.quiz_id == quiz_id,
                                                Attempt.state == "submitted").values(tallied=True))
        db.session.execute(db.delete(QuizAnswerStats).where(QuizAnswerStats.quiz_id == quiz_id))
        db.session.execute(db.delete(QuizStats).where(QuizStats.quiz_id == quiz_id))
        db.session.commit()


def test_attempts_graded_before_the_sums_were_kept_are_summed_once_on_the_first_view(app, teacher):
    rng = random.Random(12)
    quiz_id = scale_quiz(app, make_document(app, text=ENGLISH))
    take(app, quiz_id, rng, students=15)
    forget_sums(app, quiz_id)
    # New attempts meanwhile start the stored sums afresh: they hold too few attempts, and are summed again too.
    take(app, quiz_id, rng, students=3, first=15)
    with statements(app) as seen:
        new, old = old_and_new(app, quiz_id)
    assert scans(seen)
    assert_same_figures(new, old)
    assert_kept_sums_are_sums_from_scratch(app, quiz_id)
    with statements(app) as seen:
        assert_same_figures(*old_and_new(app, quiz_id))
    assert len(scans(seen)) == 1  # the reference's own scan, not the page's


def test_the_rebuild_command_sums_older_attempts_ahead_of_the_first_view(app, teacher):
    rng = random.Random(14)
    quiz_id = scale_quiz(app, make_document(app, text=ENGLISH))
    take(app, quiz_id, rng, students=6)
    forget_sums(app, quiz_id)
    outcome = app.test_cli_runner().invoke(args=["rebuild-stats"])
    assert outcome.exit_code == 0 and f"quiz {quiz_id}: " in outcome.output
    assert_kept_sums_are_sums_from_scratch(app, quiz_id)
    with statements(app) as seen:
        assert teacher.get(f"/teach/quizzes/{quiz_id}/analysis").status_code == 200
    assert not scans(seen)


# A trigger that refuses every write to the stored sums, as a read-only database would.
REFUSE = {
    "sqlite": ["CREATE TRIGGER refuse_insert BEFORE INSERT ON quiz_stats BEGIN SELECT RAISE(ABORT, 'read-only'); END",
               "CREATE TRIGGER refuse_update BEFORE UPDATE ON quiz_stats BEGIN SELECT RAISE(ABORT, 'read-only'); END"],
    "postgresql": ["CREATE OR REPLACE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'read-only'; END $$ "
                   "LANGUAGE plpgsql",
                   "CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON quiz_stats FOR EACH ROW EXECUTE FUNCTION refuse()"],
}
ALLOW = {
    "sqlite": ["DROP TRIGGER IF EXISTS refuse_insert", "DROP TRIGGER IF EXISTS refuse_update"],
    "postgresql": ["DROP TRIGGER IF EXISTS refuse ON quiz_stats", "DROP FUNCTION IF EXISTS refuse()"],
}


def run_sql(app, statements_by_dialect: dict) -> None:
    with app.app_context(), db.engine.begin() as connection:
        for statement in statements_by_dialect[connection.dialect.name]:
            connection.exec_driver_sql(statement)


def test_sums_that_cannot_be_stored_still_show_the_right_analysis(app, teacher):
    rng = random.Random(13)
    quiz_id = scale_quiz(app, make_document(app, text=ENGLISH))
    take(app, quiz_id, rng, students=8)
    forget_sums(app, quiz_id)
    run_sql(app, REFUSE)
    try:
        assert teacher.get(f"/teach/quizzes/{quiz_id}/analysis").status_code == 200
        assert_same_figures(*old_and_new(app, quiz_id))
        with app.app_context():
            assert db.session.get(QuizStats, quiz_id) is None  # not written
    finally:
        run_sql(app, ALLOW)
    assert teacher.get(f"/teach/quizzes/{quiz_id}/analysis").status_code == 200
    assert_kept_sums_are_sums_from_scratch(app, quiz_id)


@pytest.mark.parametrize("method", ["highest", "first", "last", "average"])
def test_counted_attempts_break_ties_as_before(app, teacher, method):
    """Equal scores: "highest" takes the earlier attempt, as the Python scan did."""
    quiz_id = scale_quiz(app, make_document(app, text=ENGLISH), kinds=1, grading_method=method)
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        for number in range(4):
            participant = attempt_service.join(quiz, f"Tie {number}", None, NOW)
            for answer in ([0, 0, 1], [1, 1, 0], [0, 1, 0], [1, 0, 0])[number]:
                attempt = attempt_service.start_attempt(participant, NOW, 0, set())
                attempt_service.save_answers(attempt, {quiz.items[0].question_id: answer}, NOW, 0)
                attempt_service.submit(attempt, NOW)
        db.session.commit()
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert stats.counted_attempt_ids(quiz) == stats_reference.counted_attempt_ids(quiz)
        scores = {attempt.id: attempt.score for attempt in db.session.scalars(
            db.select(stats.Attempt).where(stats.Attempt.quiz_id == quiz_id))}
    assert len(scores) == 12


@contextlib.contextmanager
def statements(app):
    """Collect the SQL statements the app sends while the block runs."""
    seen: list[str] = []

    def record(_connection, _cursor, statement, _parameters, _context, _executemany):
        seen.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def page_statements(app, client, url: str) -> int:
    with statements(app) as seen:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(seen)


def test_teacher_pages_send_as_many_statements_for_many_attempts_and_questions_as_for_few(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    small = scale_quiz(app, document_id, kinds=2)
    take(app, small, random.Random(5), students=2)
    large = scale_quiz(app, document_id, kinds=len(QUESTIONS))
    take(app, large, random.Random(6), students=40)
    many_attempts(app, large, 30)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(stats.Attempt)
                                 .where(stats.Attempt.quiz_id == large)) > 60
    # The first view adds the attempts submitted since the last one to the sums, in a few statements more.
    first_few, first_many = (page_statements(app, teacher, f"/teach/quizzes/{quiz_id}/analysis")
                             for quiz_id in (small, large))
    assert first_few == first_many <= 20, (first_few, first_many)
    urls = ["/teach/quizzes/{}/analysis", "/teach/quizzes/{}/results", "/teach/quizzes/{}/results?sort=name&page=2"]
    for url in urls:
        few, many = (page_statements(app, teacher, url.format(quiz_id)) for quiz_id in (small, large))
        assert few == many, (url, few, many)
        assert many <= 12, (url, many)


def test_dashboard_sends_as_many_statements_for_many_quizzes_as_for_one(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    first = scale_quiz(app, document_id, kinds=2)
    take(app, first, random.Random(7), students=3)
    one = page_statements(app, teacher, "/teach/")
    for _ in range(4):
        take(app, scale_quiz(app, document_id, kinds=3), random.Random(8), students=3)
    assert page_statements(app, teacher, "/teach/") == one


def test_dashboard_shows_each_quizs_attempts_and_mean_score(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    quiz_id = scale_quiz(app, document_id, kinds=1)
    many_attempts(app, quiz_id, 4)  # 0, 1/3, 2/3 and all of the points: a mean of 50%
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        attempt_service.start_attempt(attempt_service.join(quiz, "Late", None, NOW), NOW, 0, set())
        db.session.commit()
    empty = scale_quiz(app, document_id, kinds=1)
    page = teacher.get("/teach/").get_data(as_text=True)
    card = page[page.index(f'id="quiz-{quiz_id}"'):]
    card = card[:card.index("</li>")]
    assert '<dd class="attempts">4</dd>' in card and '<dd class="meta in-progress">1 in progress</dd>' in card
    assert '<dd class="mean">50%</dd>' in card
    card = page[page.index(f'id="quiz-{empty}"'):]
    card = card[:card.index("</li>")]
    assert '<dd class="attempts">0</dd>' in card and '<dd class="mean">—</dd>' in card and "in-progress" not in card
