"""Issue 13's design: the progress bar, the score ring, the dashboard cards and the item analysis charts, as served."""

from __future__ import annotations

import re

from quizapp.extensions import db
from quizapp.models import Quiz

from ..conftest import quiz_settings as settings
from .teaching import ENGLISH, approve_all, make_document, make_quiz, right_answer, submit_attempt, teacher  # noqa: F401


def attribute(html: str, element_id: str, name: str) -> str:
    """Return an attribute of the element with the given id."""
    match = re.search(rf'<[^>]*\bid="{element_id}"[^>]*>', html)
    assert match, f"no element #{element_id}"
    value = re.search(rf'\b{name}="([^"]*)"', match.group(0))
    assert value, f"#{element_id} has no {name}"
    return value.group(1)


def test_the_status_bar_counts_the_answers_the_server_holds(app, student, seeded):
    student.join(settings(app, seeded))
    page = student.client.get(student.url).get_data(as_text=True)
    assert "0 of 10 answered" in page and attribute(page, "answered-bar", "width") == "0.0"
    answers = student.right_answers()
    first_three = dict(list(answers.items())[:3])
    assert student.autosave(first_three).status_code == 200
    page = student.client.get(student.url).get_data(as_text=True)
    assert "3 of 10 answered" in page and attribute(page, "answered-bar", "width") == "30.0"
    # The script's template for the same words, filled in as it saves.
    assert 'data-msg-progress="{num} of {total} answered"' in page


def test_one_question_a_page_shows_where_the_student_is_and_how_much_is_answered(app, student, seeded):
    student.join(settings(app, seeded, one_per_page=True))
    answers = student.right_answers()
    name = next(iter(answers))
    student.post({name: answers[name], "page": "0"}, action="next")
    page = student.client.get(student.url).get_data(as_text=True)
    assert "Question 2 of 10" in page and "1 of 10 answered" in page


def test_the_result_shows_the_score_as_a_ring_with_its_words(app, student, seeded):
    student.join(settings(app, seeded, pass_mark=50))
    answers = student.right_answers()
    half = dict(list(answers.items())[:5])
    student.post(half, action="submit", confirm="1")
    page = student.client.get(f"{student.url}/result").get_data(as_text=True)
    ring = re.search(r'<svg class="score-ring".*?</svg>', page, re.S).group(0)
    assert 'role="img"' in ring and "<title id=\"score-ring-title\">Score: 50%</title>" in ring
    assert 'class="arc passed"' in ring  # 50% meets the pass mark of 50
    assert "You scored 5 out of 10 (50%)." in page
    assert "✓ 5 right" in page and "✗ 5 wrong" in page
    # The ring comes before the review.
    assert page.index("score-ring") < page.index("<h2>Review</h2>")


def test_the_dashboard_shows_each_quiz_as_a_card(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=3)
    draft_id = make_quiz(app, document_id, count=3, publish=False)
    with app.app_context():
        rights = {item.position: right_answer(item.question) for item in db.session.get(Quiz, quiz_id).items}
    submit_attempt(app, quiz_id, "Ada", rights)
    page = teacher.get("/teach/").get_data(as_text=True)
    card = page[page.index(f'id="quiz-{quiz_id}"'):]
    card = card[:card.index("</li>")]
    assert 'badge-published">published' in card and '<dd class="mean">100%</dd>' in card
    assert f"/teach/quizzes/{quiz_id}/analysis" in card and 'class="mean-bar"' in card
    draft = page[page.index(f'id="quiz-{draft_id}"'):]
    draft = draft[:draft.index("</li>")]
    assert 'badge-draft">draft' in draft and "/analysis" not in draft  # nothing to analyse yet


def test_item_analysis_draws_a_bar_per_option_and_gauges_with_the_numbers_in_tables(app, teacher):
    from .test_teacher_results import hand_quiz

    quiz_id, _ids = hand_quiz(app, make_document(app, text=ENGLISH))
    for number, answers in enumerate([(0, 0, 1), (0, 1, 1), (1, 0, 0), (0, 0, 2)]):
        submit_attempt(app, quiz_id, f"S{number}", dict(enumerate(answers)))
    page = teacher.get(f"/teach/quizzes/{quiz_id}/analysis").get_data(as_text=True)
    charts = re.findall(r'<svg class="option-bars".*?</svg>', page, re.S)
    assert len(charts) == 3
    first = charts[0]
    assert "<title>Question 1: the share of attempts that chose each option</title>" in first
    assert "<desc>A: 3 (75%), correct; B: 1 (25%); C: 0 (0%); D: 0 (0%)</desc>" in first
    assert first.count('class="bar correct"') == 1 and first.count('class="bar"') == 1  # C and D drew no bar
    assert ">✓ A</text>" in first
    # Facility and discrimination: a gauge each, named with its figure, and the figure written beside it.
    assert 'aria-label="Facility: 75%"' in page and "Facility <strong>75%</strong>" in page
    assert re.search(r'aria-label="Discrimination: -?\d\.\d\d, on a scale from -1 to 1"', page)
    # The same numbers in a table per question, each option one row: text, count and share in cells of their own.
    table = re.search(r'<table class="data option-table">.*?</table>', page, re.S).group(0)
    assert re.findall(r'<td class="number">([^<]*)</td>', table) == ["3", "75%", "1", "25%", "0", "0%", "0", "0%"]
    assert page.count('<table class="data option-table">') == 3
    assert "class=\"histogram\"" in page and "histogram-table" in page


def test_no_page_carries_inline_styles(app, teacher, student, seeded):
    """The Content-Security-Policy allows no inline style: the pages must not need one."""
    student.join(settings(app, seeded))
    pages = [student.client.get(student.url).get_data(as_text=True)]
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=3)
    submit_attempt(app, quiz_id, "Ada", {})
    for url in ("/teach/", f"/teach/quizzes/{quiz_id}", f"/teach/quizzes/{quiz_id}/analysis",
                f"/teach/documents/{document_id}/questions"):
        pages.append(teacher.get(url).get_data(as_text=True))
    assert all(" style=" not in page and "<style" not in page for page in pages)


def test_item_analysis_draws_the_answers_typed_most_often(app, teacher):
    from .test_teacher_analysis import TYPED, typed_quiz

    quiz_id = typed_quiz(app, make_document(app, text=ENGLISH))
    for number, answers in enumerate(TYPED):
        submit_attempt(app, quiz_id, f"Student {number}", dict(enumerate(answers)))
    page = teacher.get(f"/teach/quizzes/{quiz_id}/analysis").get_data(as_text=True)
    charts = re.findall(r'<svg class="option-bars".*?</svg>', page, re.S)
    assert len(charts) == 2
    assert "<desc>Bologna: 3 (43%); Ravenna: 2 (29%), right; Blank: 2 (29%)</desc>" in charts[0]
    assert "<desc>1.5: 3 (43%); 2: 2 (29%); 1.8: 1 (14%), right; Blank: 1 (14%)</desc>" in charts[1]
