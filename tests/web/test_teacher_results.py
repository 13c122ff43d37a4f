"""Results: sortable attempts, one attempt's answers, item analysis (Moodle's definitions), histogram, mastery."""

from __future__ import annotations

import re
import statistics

import pytest

from quizapp.extensions import db
from quizapp.models import Question, Quiz
from quizapp.services import bank, stats

from .teaching import ENGLISH, approve_all, make_document, make_quiz, submit_attempt, teacher  # noqa: F401 (teacher, document_id: fixtures)
from .teaching import login, many_attempts, post


def hand_quiz(app, document_id) -> tuple[int, list[int]]:
    """Build a published quiz of three single-choice questions written by hand (4 options, key 0)."""
    from quizapp.models import Document
    from quizapp.services import quizzes

    with app.app_context():
        document = db.session.get(Document, document_id)
        questions = []
        for number in range(3):
            data = bank.QuestionData(kind="single", prompt=f"Question {number}?", options=["A", "B", "C", "D"],
                                     correct=[0], tolerance=0.0, explanation="", points=1.0)
            question = bank.write(document, data)
            question.fact = document.facts[0]
            question.evidence_start, question.evidence_end = document.facts[0].start_offset, document.facts[0].end_offset
            questions.append(question)
        quiz = quizzes.create_quiz(document.owner, document, "Hand", questions)
        quizzes.publish(quiz)
        db.session.commit()
        return quiz.id, [q.id for q in questions]


# Answers (option chosen) of five students to the three questions; option 0 is right.
ANSWERS = [
    (0, 0, 0),
    (0, 0, 1),
    (0, 1, 1),
    (1, 0, 2),
    (1, 1, 1),
]


@pytest.fixture
def quiz_with_attempts(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    quiz_id, question_ids = hand_quiz(app, document_id)
    for number, answers in enumerate(ANSWERS):
        submit_attempt(app, quiz_id, f"Student {number}", dict(enumerate(answers)), minutes=number + 1)
    return quiz_id, question_ids


def test_item_analysis_matches_moodle_definitions(app, quiz_with_attempts):
    quiz_id, _ids = quiz_with_attempts
    scores = [[1.0 if a == 0 else 0.0 for a in row] for row in ANSWERS]
    totals = [sum(row) for row in scores]
    with app.app_context():
        analysis = stats.analyse(db.session.get(Quiz, quiz_id))
    assert analysis.attempts == 5
    for index, item in enumerate(analysis.items):
        column = [row[index] for row in scores]
        rest = [total - x for total, x in zip(totals, column)]
        assert item.facility == pytest.approx(statistics.mean(column))
        assert item.discrimination == pytest.approx(statistics.correlation(column, rest))
    third = analysis.items[2]
    assert [count for _text, _correct, count, _share in third.option_shares()] == [1, 3, 1, 0]
    # Option D of every question was chosen by nobody, but five attempts are too few to call it weak.
    assert all(item.weak_distractors == [] and "distractor" not in item.flags for item in analysis.items)
    assert analysis.histogram == [1, 0, 0, 2, 0, 0, 1, 0, 0, 1]


@pytest.mark.parametrize(("students", "flagged"), [(stats.WEAK_DISTRACTOR_MIN_ATTEMPTS - 1, False),
                                                   (stats.WEAK_DISTRACTOR_MIN_ATTEMPTS, True)])
def test_an_option_almost_nobody_chose_is_flagged_only_from_enough_attempts(app, teacher, students, flagged):
    document_id = make_document(app, text=ENGLISH)
    quiz_id, _ids = hand_quiz(app, document_id)
    # Every student picks A (right) or B or C by turns: nobody picks D.
    for number in range(students):
        submit_attempt(app, quiz_id, f"S{number}", {0: number % 3, 1: (number + 1) % 3, 2: (number + 2) % 3})
    with app.app_context():
        items = stats.analyse(db.session.get(Quiz, quiz_id)).items
    assert [item.weak_distractors for item in items] == [["D"] if flagged else []] * 3
    page = teacher.get(f"/teach/quizzes/{quiz_id}/analysis").get_data(as_text=True)
    assert ("Options almost nobody chose:" in page) is flagged
    # The page says why a small class raises no such flag.
    assert f"flagged only from {stats.WEAK_DISTRACTOR_MIN_ATTEMPTS} submitted attempts" in page


def test_discrimination_is_empty_when_a_variance_is_zero(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    quiz_id, _ids = hand_quiz(app, document_id)
    for number in range(3):
        submit_attempt(app, quiz_id, f"S{number}", {0: 0, 1: number % 2, 2: 1})
    with app.app_context():
        items = stats.analyse(db.session.get(Quiz, quiz_id)).items
    assert items[0].discrimination is None  # everybody right
    assert items[2].discrimination is None  # everybody wrong
    assert items[0].facility == 1.0 and items[2].facility == 0.0


def test_negative_discrimination_is_flagged_and_links_to_evidence(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    quiz_id, ids = hand_quiz(app, document_id)
    # The weakest students get question 0 right, the strongest get it wrong.
    for number, answers in enumerate([(0, 1, 1), (0, 1, 1), (1, 0, 0), (1, 0, 0), (0, 0, 1)]):
        submit_attempt(app, quiz_id, f"S{number}", dict(enumerate(answers)))
    with app.app_context():
        first = stats.analyse(db.session.get(Quiz, quiz_id)).items[0]
        assert first.discrimination < 0 and "negative" in first.flags
    page = teacher.get(f"/teach/quizzes/{quiz_id}/analysis").get_data(as_text=True)
    assert "Negative discrimination" in page
    assert f"/teach/documents/{document_id}?question={ids[0]}#evidence" in page
    assert "<svg" in page and 'role="img"' in page


def test_fact_mastery_is_the_share_of_right_answers(app, quiz_with_attempts):
    quiz_id, _ids = quiz_with_attempts
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        mastery = stats.analyse(quiz).mastery
        assert len(mastery) == len(quiz.document.facts)
    assert [m.answers for m in mastery[1:]] == [0] * (len(mastery) - 1)
    right = sum(1 for row in ANSWERS for a in row if a == 0)
    assert (mastery[0].right, mastery[0].answers) == (right, 15)


def test_results_table_sorts_by_each_column(app, teacher, quiz_with_attempts):
    quiz_id, _ids = quiz_with_attempts
    for sort in ("name", "score", "percentage", "duration", "submitted", "state", "bogus"):
        for direction in ("asc", "desc"):
            assert teacher.get(f"/teach/quizzes/{quiz_id}/results?sort={sort}&dir={direction}").status_code == 200
    page = teacher.get(f"/teach/quizzes/{quiz_id}/results?sort=score&dir=desc").get_data(as_text=True)
    assert page.index("Student 0") < page.index("Student 4")
    page = teacher.get(f"/teach/quizzes/{quiz_id}/results?sort=duration&dir=asc").get_data(as_text=True)
    assert page.index("Student 0") < page.index("Student 1") < page.index("Student 4")
    assert "3 / 3" in page and "1:00" in page


def test_one_attempt_detail_lists_answers(app, teacher, quiz_with_attempts):
    quiz_id, _ids = quiz_with_attempts
    with app.app_context():
        from quizapp.models import Attempt

        attempt_id = db.session.scalars(db.select(Attempt).order_by(Attempt.id)).all()[3].id
    page = teacher.get(f"/teach/attempts/{attempt_id}").get_data(as_text=True)
    assert "Student 3" in page and "Question 0?" in page and "1 / 3" in page
    assert teacher.get("/teach/attempts/999999").status_code == 404


def test_histogram_svg_is_drawn_and_escaped():
    svg = stats.histogram_svg([0, 1, 2, 0, 0, 0, 0, 0, 3, 4], 'Scores <"quoted">')
    assert svg.startswith("<svg") and svg.count("<rect") == 10
    assert "&lt;&#34;quoted&#34;&gt;" in svg or "&lt;&quot;quoted&quot;&gt;" in svg


def test_counted_attempt_follows_the_grading_method(app, teacher):
    from quizapp.models import Attempt, Participant

    document_id = make_document(app, text=ENGLISH)
    quiz_id, _ids = hand_quiz(app, document_id)
    first = submit_attempt(app, quiz_id, "Ada", {0: 0, 1: 0, 2: 0})
    with app.app_context():
        participant = db.session.get(Attempt, first).participant
        second = Attempt(quiz_id=quiz_id, participant=participant, number=2, token="t2", state="submitted",
                         score=1.0, max_score=3.0, submitted_at=db.session.get(Attempt, first).submitted_at)
        db.session.add(second)
        db.session.commit()
        second_id = second.id
        quiz = db.session.get(Quiz, quiz_id)
        expected = {"highest": {first}, "first": {first}, "last": {second_id}, "average": {first, second_id}}
        for method, ids in expected.items():
            quiz.grading_method = method
            assert stats.counted_attempt_ids(quiz) == ids


def test_results_submit_attempts_whose_time_ran_out(app, teacher, make_student):
    """A student who never came back is graded when the teacher opens the results."""
    import datetime as dt

    from quizapp.models import Attempt

    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, time_limit_minutes=5)
    with app.app_context():
        code = db.session.get(Quiz, quiz_id).join_code
    student = make_student()
    student.join(code)
    with app.app_context():
        attempt = db.session.scalar(db.select(Attempt))
        attempt.started_at -= dt.timedelta(minutes=10)
        attempt.deadline_at -= dt.timedelta(minutes=10)
        db.session.commit()
    assert teacher.get(f"/teach/quizzes/{quiz_id}/results").status_code == 200
    with app.app_context():
        attempt = db.session.scalar(db.select(Attempt))
        assert attempt.state == "submitted" and attempt.auto_submitted and attempt.score == 0


def attempt_ids(page: str) -> list[int]:
    """Return the ids of the attempts a results page lists, in order."""
    return [int(found) for found in re.findall(r'href="/teach/attempts/(\d+)"', page)]


@pytest.fixture
def crowded_quiz(app, teacher) -> int:
    """Return a quiz of three questions with 120 submitted attempts."""
    quiz_id, _ids = hand_quiz(app, make_document(app, text=ENGLISH))
    many_attempts(app, quiz_id, 120)
    return quiz_id


def test_results_are_paginated_fifty_attempts_a_page(teacher, crowded_quiz):
    url = f"/teach/quizzes/{crowded_quiz}/results"
    first = teacher.get(url).get_data(as_text=True)
    assert len(attempt_ids(first)) == 50
    assert "120 attempts" in first  # the count covers every page
    assert 'aria-label="Pages of attempts"' in first
    assert "Page 1 of 3 (attempts 1–50)" in first
    assert re.search(r'<a class="button" href="[^"]*page=1"[^>]* aria-current="page">1</a>', first)
    assert "Previous page" not in first and 'rel="next"' in first
    last = teacher.get(f"{url}?page=3").get_data(as_text=True)
    assert len(attempt_ids(last)) == 20
    assert "120 attempts" in last and "Page 3 of 3 (attempts 101–120)" in last
    assert 'rel="prev"' in last and "Next page" not in last
    assert not set(attempt_ids(first)) & set(attempt_ids(last))


def test_page_links_keep_the_sort_and_pages_follow_it(app, teacher, crowded_quiz):
    url = f"/teach/quizzes/{crowded_quiz}/results"
    pages = [teacher.get(f"{url}?sort=name&dir=asc&page={number}").get_data(as_text=True) for number in (1, 2, 3)]
    assert f"{url}?sort=name&amp;dir=asc&amp;page=2" in pages[0]
    assert f"{url}?sort=name&amp;dir=asc&amp;page=1" in pages[1]
    assert f"{url}?sort=name&amp;dir=asc&amp;page=3" in pages[1]
    names = [re.findall(r"Student \d{3}", page) for page in pages]
    assert [len(found) for found in names] == [50, 50, 20]
    assert sum(names, []) == [f"Student {number:03d}" for number in range(120)]
    # Many attempts tie on score: across pages each appears once, best first, ties in the order they came.
    by_score = sum((attempt_ids(teacher.get(f"{url}?sort=score&dir=desc&page={number}").get_data(as_text=True))
                    for number in (1, 2, 3)), [])
    with app.app_context():
        from quizapp.models import Attempt

        scores = dict(db.session.execute(
            db.select(Attempt.id, Attempt.score).where(Attempt.quiz_id == crowded_quiz)).all())
    assert by_score == sorted(scores, key=lambda attempt_id: (-scores[attempt_id], attempt_id))


@pytest.mark.parametrize("page, shown", [("abc", 1), ("", 1), ("0", 1), ("-3", 1), ("2.5", 1), ("999", 3),
                                         ("99999999999999999999999", 3)])
def test_a_bad_or_out_of_range_page_shows_the_nearest_page(teacher, crowded_quiz, page, shown):
    response = teacher.get(f"/teach/quizzes/{crowded_quiz}/results?page={page}")
    assert response.status_code == 200
    assert f"Page {shown} of 3" in response.get_data(as_text=True)


def test_a_single_page_of_results_has_no_pager(teacher, quiz_with_attempts):
    quiz_id, _ids = quiz_with_attempts
    page = teacher.get(f"/teach/quizzes/{quiz_id}/results?page=7").get_data(as_text=True)
    assert len(attempt_ids(page)) == 5 and "5 attempts" in page
    assert "Pages of attempts" not in page


# --- submitting a locked-out student's attempt ---------------------------------------------

@pytest.fixture
def locked_out(app, teacher, make_student):
    """Return a class-list quiz of three questions, the student who started it, and a second browser refused.

    The first browser saved a right answer to the first question only; the
    second browser types the same identifier and is told to ask the teacher.
    """
    from quizapp.models import Attempt

    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=3, roster="S001\nS002", max_attempts=2)
    with app.app_context():
        code = db.session.get(Quiz, quiz_id).join_code
    first = make_student()
    first.join(code, name="", identifier="S001")
    name, answer = next(iter(first.right_answers().items()))
    assert first.post({name: answer}, action="save").status_code in (200, 302)
    second = make_student()
    refused = second.join(code, name="", identifier="s001")
    assert refused.status_code == 409 and "ask your teacher" in refused.get_data(as_text=True)
    with app.app_context():
        attempt = db.session.scalar(db.select(Attempt))
        question_points = db.session.get(Quiz, quiz_id).items[0].points
        assert attempt.state == "in_progress"
    return attempt.id, code, second, question_points


def test_teacher_submits_an_attempt_in_progress_so_the_student_can_join_again(app, teacher, locked_out):
    from quizapp.models import Attempt

    attempt_id, code, second, question_points = locked_out
    page = teacher.get(f"/teach/attempts/{attempt_id}").get_data(as_text=True)
    assert "Submit this attempt now" in page and f'action="/teach/attempts/{attempt_id}/submit"' in page
    response = post(teacher, f"/teach/attempts/{attempt_id}/submit")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/teach/attempts/{attempt_id}")
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.state == "submitted" and attempt.submitted_at is not None
        assert not attempt.auto_submitted  # the student's page must not say their time ran out
        # Graded with what was saved: the first question right, the two unanswered ones nothing.
        assert attempt.score == pytest.approx(question_points)
        assert sorted(row.points for row in attempt.responses) == [0.0, 0.0, question_points]
    page = teacher.get(f"/teach/attempts/{attempt_id}").get_data(as_text=True)
    assert "submitted with the answers saved so far" in page and "Submit this attempt now" not in page

    joined = second.join(code, name="", identifier="S001")
    assert joined.status_code == 302 and second.attempt_id != attempt_id
    assert second.client.get(second.url).status_code == 200
    with app.app_context():
        numbers = db.session.scalars(db.select(Attempt.number).order_by(Attempt.number)).all()
        assert numbers == [1, 2]


def test_submitting_an_attempt_twice_is_409_and_changes_nothing(app, teacher, locked_out):
    from quizapp.models import Attempt

    attempt_id, _code, _second, _points = locked_out
    assert post(teacher, f"/teach/attempts/{attempt_id}/submit").status_code == 302
    with app.app_context():
        before = db.session.get(Attempt, attempt_id)
        before = (before.state, before.submitted_at, before.score)
    again = post(teacher, f"/teach/attempts/{attempt_id}/submit")
    assert again.status_code == 409
    assert "already submitted; nothing changed" in again.get_data(as_text=True)
    with app.app_context():
        after = db.session.get(Attempt, attempt_id)
        assert (after.state, after.submitted_at, after.score) == before


def test_only_the_owner_or_an_administrator_submits_an_attempt(app, teacher, locked_out, make_teacher):
    from quizapp.models import Attempt

    attempt_id, _code, _second, _points = locked_out
    make_teacher("other@example.org")
    make_teacher("root@example.org", admin=True)
    other = app.test_client()
    login(other, "other@example.org")
    assert other.get(f"/teach/attempts/{attempt_id}").status_code == 404
    assert post(other, f"/teach/attempts/{attempt_id}/submit").status_code == 404
    assert teacher.post(f"/teach/attempts/{attempt_id}/submit").status_code == 400  # no CSRF token
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).state == "in_progress"
    admin = app.test_client()
    login(admin, "root@example.org")
    assert post(admin, f"/teach/attempts/{attempt_id}/submit").status_code == 302
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).state == "submitted"
