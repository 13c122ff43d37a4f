"""Item analysis: the answers typed most often to text and numeric questions, facts not asked about listed once."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from quizapp.extensions import db
from quizapp.models import Document, Fact, Quiz
from quizapp.services import bank, quizzes, stats

from .teaching import ENGLISH, make_document, submit_attempt, teacher  # noqa: F401 (teacher: fixture)

# What seven students typed: (fill in the blank, number). The keys are "Ravenna" and 1.8.
TYPED = [
    ("Ravenna", 1.8),
    (" ravenna ", 1.5),
    ("Bologna", 1.5),
    ("bologna", 1.5),
    ("BOLOGNA ", 2.0),
    (None, None),
    ("", 2),
]


def typed_quiz(app, document_id: int) -> int:
    """Build a published quiz of a fill-in-the-blank and a numeric question written by hand; return its id."""
    with app.app_context():
        document = db.session.get(Document, document_id)
        cloze = bank.write(document, bank.QuestionData(
            kind="cloze", prompt="Solar panels were installed in ____.", options=[], correct=["Ravenna"],
            tolerance=0.0, explanation="", points=1.0))
        numeric = bank.write(document, bank.QuestionData(
            kind="numeric", prompt="How many megawatts do the panels produce?", options=[], correct=[1.8],
            tolerance=0.0, explanation="", points=1.0))
        quiz = quizzes.create_quiz(document.owner, document, "Typed", [cloze, numeric])
        quizzes.publish(quiz)
        db.session.commit()
        return quiz.id


@pytest.fixture
def typed_attempts(app, teacher):
    quiz_id = typed_quiz(app, make_document(app, text=ENGLISH))
    for number, answers in enumerate(TYPED):
        submit_attempt(app, quiz_id, f"Student {number}", dict(enumerate(answers)))
    return quiz_id


def answer_table(page: str, number: int) -> str:
    """Return the HTML of one question's table of answers given."""
    match = re.search(rf'<table class="data answers" id="answers-{number}">.*?</table>', page, re.S)
    assert match, f"no answers table for question {number}"
    return match.group(0)


def rows(table: str) -> list[list[str]]:
    """Return each row of a table as its cells' texts, tags and surrounding spaces dropped."""
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)]


def test_typed_answers_are_counted_across_case_spaces_and_number_spellings(app, typed_attempts):
    with app.app_context():
        cloze, numeric = stats.analyse(db.session.get(Quiz, typed_attempts)).items
        assert cloze.top_answers() == [("Bologna", False, 3, pytest.approx(3 / 7)),
                                       ("Ravenna", True, 2, pytest.approx(2 / 7))]
        assert (cloze.blanks, cloze.other_answers) == (2, 0)
        assert numeric.top_answers() == [(1.5, False, 3, pytest.approx(3 / 7)), (2.0, False, 2, pytest.approx(2 / 7)),
                                         (1.8, True, 1, pytest.approx(1 / 7))]
        assert numeric.blanks == 1


def test_analysis_page_lists_the_top_wrong_answer_and_the_blanks(teacher, typed_attempts):
    page = teacher.get(f"/teach/quizzes/{typed_attempts}/analysis").get_data(as_text=True)
    assert '<a href="#answers-1">Answers given</a>' in page
    cloze = answer_table(page, 1)
    assert "<caption>Question 1: " in cloze and 'scope="col"' in cloze
    assert '<th scope="row" lang="en">Bologna</th>' in cloze
    assert rows(cloze) == [
        ["Answer", "Attempts", "Share of attempts", "Graded"],
        ["Bologna", "3", "43%", "Wrong"],
        ["Ravenna", "2", "29%", "Right ✓"],
        ["Blank", "2", "29%", ""],
    ]
    assert rows(answer_table(page, 2))[1:] == [
        ["1.5", "3", "43%", "Wrong"], ["2", "2", "29%", "Wrong"], ["1.8", "1", "14%", "Right ✓"], ["Blank", "1", "14%", ""],
    ]


def test_numbers_are_written_the_interface_language_way(teacher, typed_attempts):
    teacher.environ_base["HTTP_ACCEPT_LANGUAGE"] = "it"
    page = teacher.get(f"/teach/quizzes/{typed_attempts}/analysis").get_data(as_text=True)
    assert [row[0] for row in rows(answer_table(page, 2))[1:4]] == ["1,5", "2", "1,8"]


def test_only_the_five_most_frequent_answers_are_listed_and_the_rest_counted():
    question = SimpleNamespace(kind="short", correct=["Hera"], document=SimpleNamespace(language="en"))
    item = stats.ItemStats(SimpleNamespace(question=question, points=1.0), 1)
    typed = ["b", "a", "Hera", "c", "hera", "d", "e", "f", None, "a"]
    for answer in typed:
        item.moments.add(0.0, 0.0)
        item.count_answer(answer)
    # Ties keep the order in which the answers were first given.
    assert [(answer, right, count) for answer, right, count, _share in item.top_answers()] == [
        ("a", False, 2), ("Hera", True, 2), ("b", False, 1), ("c", False, 1), ("d", False, 1)]
    assert (item.other_answers, item.blanks) == (2, 1)
    assert item.share_of(item.other_answers) == pytest.approx(0.2)


def test_choice_questions_have_no_typed_answers():
    question = SimpleNamespace(kind="single", correct=[0], options=["A", "B"])
    item = stats.ItemStats(SimpleNamespace(question=question, points=1.0), 1)
    assert not item.typed


def test_a_fact_found_in_several_sentences_is_listed_once(app, teacher, typed_attempts):
    with app.app_context():
        quiz = db.session.get(Quiz, typed_attempts)
        document = quiz.document
        asked = document.facts[0]
        for item in quiz.items:
            item.question.fact = asked
        # The generator finds "RTA" once for each sentence stating it; one more copy repeats an asked fact.
        last = max(fact.position for fact in document.facts)
        for offset, text in enumerate(("RTA", " rta", "RTA", asked.text.upper()), start=1):
            db.session.add(Fact(document=document, position=last + offset, kind="acronym", text=text,
                                start_offset=0, end_offset=3))
        db.session.commit()
        unasked = stats.analyse(quiz).unasked_facts()
        facts = len(document.facts)
    texts = [text for text, _kinds, _places in unasked]
    assert ("RTA", ["acronym"], 3) in unasked and texts.count("RTA") == 1
    assert not any(text.casefold() == asked.text.casefold() for text in texts)
    assert len(unasked) <= facts - 4
    page = teacher.get(f"/teach/quizzes/{typed_attempts}/analysis").get_data(as_text=True)
    assert page.count('<span lang="en">RTA</span>') == 1
    assert "(Acronym; 3 places in the document)" in page
    assert f"no answered question is about ({len(unasked)})" in page



def test_a_number_typed_as_text_counts_as_its_value():
    question = SimpleNamespace(kind="numeric", correct=[1.5], tolerance=0.0)
    item = stats.ItemStats(SimpleNamespace(question=question, points=1.0), 1)
    for answer in (1.5, "1,5", " 1.50 ", 1, "abc"):
        item.moments.add(0.0, 0.0)
        item.count_answer(answer)
    assert [(answer, right, count) for answer, right, count, _share in item.top_answers()] == [
        (1.5, True, 3), (1.0, False, 1)]
    assert item.blanks == 1


@pytest.mark.parametrize("language", ["en", "it"])
def test_a_typed_year_is_shown_as_typed_without_a_thousands_separator(app, teacher, language):
    with app.app_context():
        document = db.session.get(Document, make_document(app, text=ENGLISH))
        year = bank.write(document, bank.QuestionData(
            kind="numeric", prompt="By which year will the panels double?", options=[], correct=[2030],
            tolerance=0.0, explanation="", points=1.0))
        quiz = quizzes.create_quiz(document.owner, document, "Years", [year])
        quizzes.publish(quiz)
        db.session.commit()
        quiz_id = quiz.id
    for number, answer in enumerate([2030.0, 2030, 2025.0, 1999.5]):  # stored as the form parsed them
        submit_attempt(app, quiz_id, f"Student {number}", {0: answer})
    teacher.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    page = teacher.get(f"/teach/quizzes/{quiz_id}/analysis").get_data(as_text=True)
    shown = [row[0] for row in rows(answer_table(page, 1))[1:]]
    half = "1999,5" if language == "it" else "1999.5"
    assert shown[:3] == ["2030", "2025", half]  # not "2,030" (nor "2.030" in Italian)
