"""The student's hot paths do a fixed, small number of SQL statements, whatever the quiz's size.

Each request of a student's walk (the join page and the join, the question
page, autosaves that insert and then update every answer of the page, a page
change, the submit and the result) is counted with SQLAlchemy's
before_cursor_execute event, on a quiz of 5 questions and one of 40: the
counts must be the same, and small. The shared copy of a quiz's questions
(services/layouts.py) must follow every change a teacher makes.
"""

from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import event

from quizapp.extensions import db
from quizapp.models import Attempt, Document, Question, Quiz, QuizQuestion, Response
from quizapp.services import accounts, quizzes
from quizapp.services import attempts as attempt_service

from ..conftest import CSRF_PATTERN

# One question of each kind in turn: (kind, options, correct).
KINDS = [
    ("single", ["Rome", "Milan", "Turin"], [0]),
    ("multiple", ["red", "green", "blue", "black"], [0, 2]),
    ("true_false", ["True", "False"], [1]),
    ("cloze", [], ["Ravenna"]),
    ("numeric", [], [2030]),
    ("short", [], ["solar panels"]),
]
# The most statements any one request of the walk may take (the submit: the attempt, read with
# whether its participant came through LTI, its claim, the answers read once, the page's changed
# ones written and all graded as written, their points, the state with the score in one UPDATE;
# the item-analysis sums are left to their next reader).
MOST = 6
# A new student's join: the quiz, then the participant and the attempt (one statement on PostgreSQL).
JOIN = {"sqlite": 3, "postgresql": 2}
# A page change: the attempt, its claim (which stores the page moved to), the answers read once,
# the changed ones written.
PAGE_CHANGE = 4
# The result of a quiz that allows one attempt: the attempt, its answers (no count of the attempts).
RESULT = 2


def make_quiz(app, make_teacher, size: int, **settings) -> int:
    """Store a published quiz of `size` approved questions of every kind in turn; return its id."""
    with app.app_context():
        owner = accounts.find_by_email("teacher@example.org") or db.session.merge(make_teacher())
        document = Document(owner=owner, title="Sizes", language="en", text="A text.", checksum=uuid.uuid4().hex)
        questions = []
        for number in range(size):
            kind, options, correct = KINDS[number % len(KINDS)]
            questions.append(Question(document=document, position=number, kind=kind, prompt=f"Question {number}?",
                                      options=options, correct=correct, status="approved"))
        db.session.add_all(questions)
        quiz = quizzes.create_quiz(owner, document, f"Quiz of {size}", questions, **settings)
        quizzes.publish(quiz)
        db.session.commit()
        return quiz.id


def answers_for(page: str, round_: int) -> dict[str, object]:
    """Answer every question on a page as attempt.js sends them: a value per field, a list for checkboxes."""
    answers: dict[str, object] = {}
    for kind, name in re.findall(r'data-kind="(\w+)" data-name="(q\d+)"', page):
        if kind == "multiple":
            answers[name] = [str(round_ % 2)]
        elif kind in {"single", "true_false"}:
            answers[name] = str(round_ % 2)
        elif kind == "numeric":
            answers[name] = str(2000 + round_)
        else:
            answers[name] = f"answer {round_}"
    return answers


def token_of(page: str) -> str:
    match = CSRF_PATTERN.search(page)
    assert match, page[:500]
    return match.group(1) or match.group(2)


def walk(app, code: str, one_per_page: bool) -> dict[str, int]:
    """Take a quiz as a browser does and return the statements each request took, by step."""
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    counts: dict[str, int] = {}
    with app.app_context():
        engine = db.engine
    seen = []

    def count(*args, **kwargs):
        seen.append(1)

    def step(name: str, send):
        seen.clear()
        response = send()
        counts[name] = len(seen)
        assert response.status_code < 400, (name, response.status_code, response.get_data(as_text=True)[:500])
        return response

    event.listen(engine, "before_cursor_execute", count)
    try:
        join_page = step("join page", lambda: client.get(f"/q/{code}")).get_data(as_text=True)
        joined = step("join", lambda: client.post(f"/q/{code}", data={
            "display_name": "Giulia", "csrf_token": token_of(join_page)}))
        url = joined.headers["Location"]
        page = step("question page", lambda: client.get(url)).get_data(as_text=True)
        token = token_of(page)
        for name, round_ in (("autosave, new answers", 1), ("autosave, changed answers", 2)):
            saved = step(name, lambda: client.post(f"{url}/autosave", json={"answers": answers_for(page, round_)},
                                                   headers={"X-CSRFToken": token}))
            assert saved.get_json()["saved"] is True
        action = "next" if one_per_page else "save"
        step("page change", lambda: client.post(url, data={"csrf_token": token, "action": action, "page": "0",
                                                          **answers_for(page, 3)}))
        submitted = step("submit", lambda: client.post(url, data={"csrf_token": token, "action": "submit",
                                                                 "confirm": "1"}))
        assert "/result" in submitted.headers["Location"]
        step("result", lambda: client.get(submitted.headers["Location"]))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return counts


@pytest.mark.parametrize("one_per_page", [False, True], ids=["one page", "a page per question"])
def test_statements_per_request_do_not_grow_with_the_quiz(app, make_teacher, one_per_page):
    small, large = (walk(app, quiz_code(app, make_quiz(app, make_teacher, size, one_per_page=one_per_page)),
                         one_per_page) for size in (5, 40))
    assert small == large, f"5 questions: {small}\n40 questions: {large}"
    assert max(large.values()) <= MOST, large
    # A participant registered already by the same form (a double click) is found only when the insert says so.
    with app.app_context():
        dialect = db.engine.dialect.name
    assert large["join"] == JOIN[dialect], large
    assert large["page change"] == PAGE_CHANGE, large
    assert large["result"] == RESULT, large


def quiz_code(app, quiz_id: int) -> str:
    with app.app_context():
        return db.session.get(Quiz, quiz_id).join_code


# --- the shared copy of a quiz's questions follows the teacher's changes ----------------

@pytest.fixture
def taken(app, make_teacher, make_student):
    """A student with an attempt in progress at a 6-question quiz, the page seen once (so shared)."""
    quiz_id = make_quiz(app, make_teacher, 6)
    student = make_student()
    student.join(quiz_code(app, quiz_id))
    assert "Question 0?" in student.client.get(student.url).get_data(as_text=True)
    return quiz_id, student


def first_question(quiz_id: int) -> Question:
    return db.session.scalar(db.select(QuizQuestion).where(QuizQuestion.quiz_id == quiz_id)
                             .order_by(QuizQuestion.position)).question


def test_an_edited_prompt_reaches_the_page(app, taken):
    quiz_id, student = taken
    with app.app_context():
        first_question(quiz_id).prompt = "Which city, really?"
        db.session.commit()
    page = student.client.get(student.url).get_data(as_text=True)
    assert "Which city, really?" in page and "Question 0?" not in page


def test_a_changed_key_grades_the_submit(app, taken):
    quiz_id, student = taken
    with app.app_context():
        question = first_question(quiz_id)
        question_id = question.id
        question.correct = [2]  # Turin, not Rome
        db.session.commit()
    answers = student.right_answers()  # read through the attempt's own option order
    assert student.post(answers, action="submit", confirm="1").status_code == 302
    with app.app_context():
        response = db.session.scalar(db.select(Response).join(Attempt).where(
            Attempt.id == student.attempt_id, Response.question_id == question_id))
        assert response.answer == 2 and response.points == 1.0


def test_changed_points_and_a_removed_entry_reach_the_attempt(app, taken):
    """Removed as the quiz editor does before anyone starts (delete-orphan); here under a started attempt."""
    quiz_id, student = taken
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        quiz.items[1].points = 3.0
        removed = quiz.items[0].question_id
        quiz.items.remove(quiz.items[0])
        db.session.commit()
    page = student.client.get(student.url).get_data(as_text=True)
    assert f'id="question-{removed}"' not in page and "(3 points)" in page
    student.post({}, action="submit", confirm="1")
    with app.app_context():
        assert db.session.get(Attempt, student.attempt_id).max_score == 3.0 + 4


def test_a_document_language_change_reaches_the_page(app, taken):
    quiz_id, student = taken
    with app.app_context():
        db.session.get(Quiz, quiz_id).document.language = "it"
        db.session.commit()
    page = student.client.get(student.url).get_data(as_text=True)
    assert re.search(r'<legend>.*?<span lang="it">Question 0\?</span>', page, re.DOTALL)


def test_a_rolled_back_edit_is_not_shared(app, taken):
    quiz_id, student = taken
    with app.app_context():
        first_question(quiz_id).prompt = "Never committed?"
        attempt = db.session.get(Attempt, student.attempt_id)
        # Read inside the transaction: the edit is flushed and seen here ...
        assert "Never committed?" in [item.question.prompt for item in attempt_service.items(attempt)]
        db.session.rollback()
    # ... but not by anyone once it is rolled back.
    page = student.client.get(student.url).get_data(as_text=True)
    assert "Never committed?" not in page and "Question 0?" in page


def test_an_unflushed_edit_is_seen_by_its_own_transaction(app, taken):
    """A regrade changes a key and grades in one transaction: grading must use the new key."""
    quiz_id, student = taken
    with app.app_context():
        question = first_question(quiz_id)
        question.correct = [1]
        attempt = db.session.get(Attempt, student.attempt_id)
        shown = {item.question.id: item.question for item in attempt_service.items(attempt)}
        assert shown[question.id].correct == (1,)
        db.session.rollback()


# --- question blocks shared among pages (student/fragments.py) show each page its own answers -------

def checked_values(page: str, name: str) -> list[str]:
    """Return the values of the checked inputs of one question on a page."""
    tags = re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)
    return [re.search(r'value="([^"]*)"', tag).group(1) for tag in tags if re.search(r"\bchecked\b", tag)]


def text_value(page: str, name: str) -> str | None:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    return match.group(1) if match else None


def test_each_student_sees_their_own_answers_on_shared_blocks(app, make_teacher, make_student):
    code = quiz_code(app, make_quiz(app, make_teacher, 6))
    first, second = make_student(), make_student()
    for student in (first, second):
        student.join(code)
    blank = first.client.get(first.url).get_data(as_text=True)  # every block seen blank, so shared
    fields = dict((name, kind) for kind, name in re.findall(r'data-kind="(\w+)" data-name="(q\d+)"', blank))
    single = next(name for name, kind in fields.items() if kind == "single")
    cloze = next(name for name, kind in fields.items() if kind == "cloze")
    assert first.autosave({single: "1", cloze: "Ravenna"}).status_code == 200
    assert second.autosave({single: "2", cloze: "Bologna"}).status_code == 200

    pages = [student.client.get(student.url).get_data(as_text=True) for student in (first, second, first)]
    assert [checked_values(page, single) for page in pages] == [["1"], ["2"], ["1"]]
    assert [text_value(page, cloze) for page in pages] == ["Ravenna", "Bologna", "Ravenna"]
    assert pages[0] == pages[2].replace(token_of(pages[2]), token_of(pages[0])).replace(
        re.search(r'name="as_of" value="([^"]*)"', pages[2]).group(1),
        re.search(r'name="as_of" value="([^"]*)"', pages[0]).group(1))


def test_a_block_follows_the_interface_language(app, make_teacher, make_student):
    code = quiz_code(app, make_quiz(app, make_teacher, 6))
    student = make_student()
    student.join(code)
    assert "Write the missing words." in student.client.get(student.url).get_data(as_text=True)
    student.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "it"
    page = student.client.get(student.url).get_data(as_text=True)
    assert "Scrivi le parole mancanti." in page and "Write the missing words." not in page


def test_a_refused_answer_is_shown_with_its_error_then_the_saved_one_again(app, make_teacher, make_student):
    code = quiz_code(app, make_quiz(app, make_teacher, 6))
    student = make_student()
    student.join(code)
    page = student.client.get(student.url).get_data(as_text=True)
    numeric = next(name for kind, name in re.findall(r'data-kind="(\w+)" data-name="(q\d+)"', page)
                   if kind == "numeric")
    assert student.post({numeric: "2031"}).status_code == 302
    refused = student.post({numeric: "soon"})
    assert refused.status_code == 400
    shown = refused.get_data(as_text=True)
    assert text_value(shown, numeric) == "soon" and "Enter a number" in shown
    again = student.client.get(student.url).get_data(as_text=True)
    assert text_value(again, numeric) == "2031" and "Enter a number" not in again
