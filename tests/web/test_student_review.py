"""Grading on the server, the result page per the review setting, evidence, and the interface language."""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from types import SimpleNamespace

import pytest
import wtforms
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from quizapp.extensions import db
from quizapp.kinds import KINDS, parse_answer_number, parse_number
from quizapp.models import Attempt, Question, QuizQuestion, Response, utcnow
from quizapp.services.attempts import items
from quizapp.student.review import beyond_evidence, highlight

from ..conftest import quiz_settings as settings


def choice_question(options: int, correct: list[int]):
    return SimpleNamespace(options=[f"o{i}" for i in range(options)], correct=correct, tolerance=0.0)


# --- grading rules -----------------------------------------------------------------

@pytest.mark.parametrize("options, correct, ticked, expected", [
    (4, [0, 1], [0, 1], 1.0),
    (4, [0, 1], [0], 0.5),
    (4, [0, 1], [0, 2], 0.0),          # +1/2 - 1/2
    (5, [0, 1], [0, 1, 2], 1 - 1 / 3),  # one wrong of three costs a third
    (4, [0, 1], [0, 1, 2, 3], 0.0),    # ticking everything scores nothing
    (4, [0, 1], [2, 3], 0.0),          # floored at zero, never negative
    (3, [0, 1, 2], [0, 1, 2], 1.0),    # every option right: nothing to lose
    (4, [0, 1], None, 0.0),
])
def test_multiple_select_partial_credit(options, correct, ticked, expected):
    fraction = KINDS["multiple"].fraction(choice_question(options, correct), ticked)
    assert fraction == pytest.approx(expected)


@given(st.integers(min_value=2, max_value=8).flatmap(lambda n: st.tuples(
    st.just(n), st.sets(st.integers(0, n - 1), min_size=1), st.sets(st.integers(0, n - 1)))))
def test_multiple_select_follows_the_signed_fraction_rule(case):
    options, correct, ticked = case
    wrong = options - len(correct)
    expected = len(ticked & correct) / len(correct) - (len(ticked - correct) / wrong if wrong else 0)
    fraction = KINDS["multiple"].fraction(choice_question(options, sorted(correct)), sorted(ticked) or None)
    assert fraction == pytest.approx(max(0.0, expected))
    assert 0.0 <= fraction <= 1.0
    if wrong:
        assert KINDS["multiple"].fraction(choice_question(options, sorted(correct)), list(range(options))) == 0


@pytest.mark.parametrize("answer, correct, tolerance, right", [
    (3.5, 3.4, 0.1, True), (3.51, 3.4, 0.1, False), (2030, 2030, 0, True), (2029, 2030, 0, False),
    (0.1 + 0.2, 0.3, 0, True), (None, 1, 0, False),
])
def test_numeric_tolerance_is_inclusive_and_float_safe(answer, correct, tolerance, right):
    question = SimpleNamespace(options=[], correct=[correct], tolerance=tolerance)
    assert (KINDS["numeric"].fraction(question, answer) == 1.0) is right


@pytest.mark.parametrize("raw, value", [("2030", 2030), (" 3,5 ", 3.5), ("-0.25", -0.25), (".5", 0.5),
                                        ("1e3", None), ("abc", None), ("nan", None), ("", None)])
def test_numbers_are_read_with_comma_or_dot(raw, value):
    assert parse_number(raw) == value


@pytest.mark.parametrize("raw, decimal, value", [
    ("25,000", ".", 25000), ("3,000", ".", 3000), ("1,234,567", ".", 1234567), ("1,234.5", ".", 1234.5),
    ("1.200", ",", 1200), ("350.000", ",", 350000), ("1.234.567,89", ",", 1234567.89), ("1 234,5", ",", 1234.5),
    ("25,000", ",", 25.0), ("1.200", ".", 1.2), ("1,2345", ".", 1.2345), ("0,500", ".", 0.5),
    ("12,34,5", ".", None), ("1..2", ".", None), ("1,2.3,4", ".", None), ("25\u202f000", ",", 25000),
])
def test_thousands_are_read_the_way_the_quiz_language_writes_them(raw, decimal, value):
    assert parse_number(raw, decimal) == value


@pytest.mark.parametrize("raw, lang, value", [
    ("cento", "it", 100), ("mille", "it", 1000), ("duemila", "it", 2000), ("tre", "it", 3),
    ("Ventitré", "it", 23), ("milleduecento", "it", 1200), ("tre milioni", "it", 3_000_000),
    ("hundred", "en", 100), ("a hundred", "en", 100), ("one hundred", "en", 100), ("twenty", "en", 20),
    ("twenty-five", "en", 25), ("two thousand and thirty", "en", 2030),
    # Without the quiz's language (the form's own check) either language's words are read.
    ("cento", None, 100), ("hundred", None, 100),
    # One number and nothing else; figures keep their own rules; the other language's words are not read.
    ("cento persone", "it", None), ("due tre", "it", None), ("3 milioni", "it", None), ("hundred", "it", None),
    ("cento", "en", None), ("abc", None, None), ("", None, None),
    # Figures are read by parse_number's rules, whatever words follow.
    ("1.200", "it", 1.2), ("2030", "it", 2030),
])
def test_a_number_typed_in_words_is_read(raw, lang, value):
    assert parse_answer_number(raw, None, lang) == value


@pytest.mark.parametrize("typed, lang, correct, right", [
    ("cento", "it", 100, True), ("mille", "it", 1000, True), ("hundred", "en", 100, True),
    ("twenty", "en", 20, True), ("twenty", "en", 21, False), ("duecento", "it", 2000, False),
    ("1.200", "it", 1200, True), ("1,200", "en", 1200, True), ("1,200", "it", 1200, False),
])
def test_a_numeric_question_grades_number_words_and_separators(typed, lang, correct, right):
    numeric = KINDS["numeric"]
    question = SimpleNamespace(options=[], correct=[correct], tolerance=0.0)
    answer = numeric.to_answer(typed, lang=lang)
    assert (numeric.fraction(question, answer) == 1.0) is right


def test_the_number_box_lets_a_student_type_words(app):
    class Form(wtforms.Form):
        q1 = KINDS["numeric"].field("Quanti?", [])

    with app.test_request_context():
        assert 'type="text"' in Form().q1()
        assert Form(MultiDict({"q1": "cento"})).validate()
        assert not Form(MultiDict({"q1": "cento persone"})).validate()


def test_a_number_typed_with_thousands_separators_is_graded_right(app, student, seeded):
    # The seed quiz is Italian: "2.030" is two thousand and thirty there.
    student.join(settings(app, seeded))
    started = student
    with app.app_context():
        numeric = db.session.scalars(db.select(Question).where(Question.kind == "numeric")).first()
        expected, qid = numeric.correct[0], numeric.id
    assert expected == 2030
    assert started.post({f"q{qid}": "2.030"}).status_code == 302
    with app.app_context():
        stored = db.session.scalars(db.select(Response).where(Response.question_id == qid)).one()
        assert stored.answer == 2030


def test_text_answers_are_matched_tolerantly(app, seeded):
    with app.app_context():
        cloze = db.session.scalars(db.select(Question).where(Question.kind == "cloze")).first()
        accepted = str(cloze.correct[0])
        kind = KINDS["cloze"]
        assert kind.fraction(cloze, accepted) == 1.0
        assert kind.fraction(cloze, f"  {accepted.upper()}  ") == 1.0
        assert kind.fraction(cloze, "qualcosa di sbagliato") == 0.0
        assert kind.fraction(cloze, None) == 0.0


def test_points_per_question_are_stored_with_partial_credit(app, student, seeded):
    student.join(settings(app, seeded))
    answers = student.right_answers()
    with app.app_context():
        multiple = db.session.scalars(db.select(Question).where(Question.kind == "multiple")).first()
        right = len(multiple.correct)
    name = f"q{multiple.id}"
    student.post({**answers, name: answers[name][:1]}, action="submit")
    with app.app_context():
        response = db.session.scalars(db.select(Response).where(Response.question_id == multiple.id)).one()
        assert response.points == pytest.approx(round(1 / right, 4))
        attempt = db.session.get(Attempt, student.attempt_id)
        assert attempt.score == pytest.approx(9 + round(1 / right, 4))


# --- the result page and the review setting ----------------------------------------------

def submitted(app, student, seeded, **quiz_settings):
    student.join(settings(app, seeded, **quiz_settings))
    answers = student.right_answers()
    student.post(dict(list(answers.items())[:5]), action="submit", confirm="1")
    return student.client.get(f"{student.url}/result")


def test_immediate_review_shows_answers_and_quotes_evidence_with_marks(app, student, seeded):
    page = submitted(app, student, seeded, review="immediately")
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "You scored 5 out of 10 (50%)" in body
    assert body.count("<blockquote") == 10
    assert body.count("<mark>") >= 5
    assert "Correct answer" in body and "(no answer)" in body
    assert "<mark>2030</mark>" in body
    with app.app_context():
        first_evidence = quiz_questions(seeded)[0].evidence_text
    assert first_evidence[:40] in body.replace("<mark>", "").replace("</mark>", "")


def quiz_questions(quiz_id: int) -> list[Question]:
    """Return a quiz's questions in its order (a bare SELECT has no order on PostgreSQL)."""
    return list(db.session.scalars(db.select(Question).join(QuizQuestion, QuizQuestion.question_id == Question.id)
                                   .where(QuizQuestion.quiz_id == quiz_id).order_by(QuizQuestion.position)))


def quoted_evidence(app, attempt_id: int) -> Counter:
    """Return how many of an attempt's questions quote each evidence sentence."""
    with app.app_context():
        return Counter(item.question.evidence_text for item in items(db.session.get(Attempt, attempt_id))
                       if item.question.evidence_text)


def test_review_quotes_each_evidence_sentence_once(app, student, seeded):
    body = submitted(app, student, seeded, review="immediately").get_data(as_text=True)
    text = html.unescape(body.replace("<mark>", "").replace("</mark>", ""))
    with app.app_context():
        explanations = db.session.scalars(db.select(Question.explanation)).all()
    assert any(explanation.startswith("Il testo dice") for explanation in explanations)
    assert "Il testo dice" not in text and "The text says" not in text
    expected = quoted_evidence(app, student.attempt_id)
    assert sum(expected.values()) == body.count("<blockquote") == 10
    # Two questions on one sentence quote it twice, once each.
    assert {sentence: text.count(sentence) for sentence in expected} == expected


def test_review_keeps_what_an_explanation_adds_to_the_evidence(app, student, seeded):
    with app.app_context():
        question = next(q for q in quiz_questions(seeded) if q.evidence_text)
        question.explanation = f'The text says: "{question.evidence_text}" CASIP is the consortium\'s acronym.'
        evidence = question.evidence_text
        db.session.commit()
    body = submitted(app, student, seeded, review="immediately").get_data(as_text=True)
    text = html.unescape(body.replace("<mark>", "").replace("</mark>", ""))
    assert "CASIP is the consortium's acronym." in text and "The text says" not in text
    assert text.count(evidence) == quoted_evidence(app, student.attempt_id)[evidence]


@pytest.mark.parametrize("explanation, kept", [
    ('The text says: "The panels produce 1.8 megawatts, enough for 600 homes."', ""),
    ("Il testo dice: «… produce 1.8 megawatts, enough…»", ""),
    ("The panels produce 1.8 megawatts, enough for 600 homes", ""),
    ('Power, not energy. The text says: "The panels produce 1.8 megawatts …" Homes are an estimate.',
     "Power, not energy. Homes are an estimate."),
    ('The text says: "The panels cost 3 million euros."', 'The text says: "The panels cost 3 million euros."'),
    ('The unit "megawatts" is power.', 'The unit "megawatts" is power.'),
    ("", ""),
])
def test_an_explanation_loses_only_the_evidence_it_quotes(explanation, kept):
    assert beyond_evidence(explanation, "The panels produce 1.8 megawatts, enough for 600 homes.") == kept
    assert beyond_evidence(explanation, "") == explanation


def test_review_after_close_waits_for_the_close_date(app, student, seeded):
    closes = utcnow() + dt.timedelta(hours=1)
    body = submitted(app, student, seeded, review="after_close", closes_at=closes).get_data(as_text=True)
    assert "You scored" in body
    assert "<blockquote" not in body and "Correct answer" not in body
    assert "after the quiz closes on" in body
    settings(app, seeded, closes_at=utcnow() - dt.timedelta(minutes=1))
    later = student.client.get(f"{student.url}/result").get_data(as_text=True)
    assert later.count("<blockquote") == 10


def test_review_never_shows_only_the_score(app, student, seeded):
    body = submitted(app, student, seeded, review="never").get_data(as_text=True)
    assert "You scored 5 out of 10" in body
    assert "<blockquote" not in body and "Correct answer" not in body and "Explanation" not in body


def test_pass_mark_is_reported(app, student, seeded):
    body = submitted(app, student, seeded, pass_mark=60).get_data(as_text=True)
    assert "Not passed: the pass mark is 60%" in body


def test_shared_review_rows_show_each_student_their_own_answers_language_and_the_teachers_edits(
        app, make_student, seeded):
    """Review rows are rendered once per look and shared (student/review.py): what each page shows is its own."""
    code = settings(app, seeded, review="immediately")
    right, blank, italian = make_student(), make_student(), make_student()
    italian.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "it"
    pages = {}
    for name, student in (("right", right), ("blank", blank), ("italian", italian)):
        student.join(code)
        answers = student.right_answers() if name == "right" else {}
        assert student.post(answers, action="submit", confirm="1").status_code == 302
        pages[name] = student.client.get(f"{student.url}/result").get_data(as_text=True)
    assert "10 right" in pages["right"] and "(no answer)" not in pages["right"]
    assert pages["blank"].count("(no answer)") == 10 and "Risposta corretta" not in pages["blank"]
    assert pages["italian"].count("(nessuna risposta)") == 10 and "Correct answer" not in pages["italian"]
    assert pages["italian"].count("Risposta corretta") == 10
    with app.app_context():
        question = quiz_questions(seeded)[0]
        question.explanation = "An explanation the teacher added after the results were read."
        db.session.commit()
    for student in (right, blank):
        again = student.client.get(f"{student.url}/result").get_data(as_text=True)
        assert again.count("An explanation the teacher added after the results were read.") == 1
    assert right.client.get(f"{right.url}/result").get_data(as_text=True).count("(no answer)") == 0


def test_highlight_escapes_the_text_and_marks_key_words():
    marked = highlight("Il <b>CASIP</b> e il casip", ["CASIP", ""])
    assert str(marked) == "Il &lt;b&gt;<mark>CASIP</mark>&lt;/b&gt; e il <mark>casip</mark>"
    assert str(highlight("<script>", [])) == "&lt;script&gt;"


# --- interface language -------------------------------------------------------------------

def test_interface_follows_the_browser_then_the_switch(app, make_student, seeded):
    code = settings(app, seeded)
    italian = make_student()
    italian.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "it-IT,it;q=0.9"
    page = italian.client.get(f"/q/{code}").get_data(as_text=True)
    assert '<html lang="it">' in page
    english = make_student()
    page = english.client.get(f"/q/{code}").get_data(as_text=True)
    assert '<html lang="en">' in page and "Start the quiz" in page
    switched = english.client.post("/language", data={"lang": "it", "next": f"/q/{code}",
                                                      "csrf_token": english.token()})
    assert switched.headers["Location"].endswith(f"/q/{code}")
    assert '<html lang="it">' in english.client.get(f"/q/{code}").get_data(as_text=True)
    outside = english.client.post("/language", data={"lang": "en", "next": "//evil.example/",
                                                     "csrf_token": english.token()})
    assert outside.headers["Location"] == "/"


def test_quiz_content_keeps_the_documents_language(app, student, seeded):
    student.join(settings(app, seeded))
    page = student.client.get(student.url).get_data(as_text=True)
    assert '<html lang="en">' in page
    assert '<span lang="it">' in page and '<ul class="options" lang="it">' in page
