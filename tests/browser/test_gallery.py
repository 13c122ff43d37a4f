"""The README gallery: every main page at desktop and phone width, light and dark, checked by axe in both schemes.

Running this module rewrites docs/screenshots/<page>-<width>-<scheme>.png, so
the gallery always shows the pages as the code draws them today.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.extensions import db
from quizapp.models import Quiz

from ..conftest import PASSWORD
from ..conftest import quiz_settings as quiz_code
from ..web.teaching import right_answer, submit_attempt, wrong_answer
from .conftest import answer_plan, assert_accessible, current_attempt, fill_with_mouse, join

pytestmark = pytest.mark.browser

GALLERY = Path(__file__).resolve().parent.parent.parent / "docs" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 360}
SCHEMES = ("light", "dark")
# A page taller than this is cut: the gallery shows the top of the question bank, not all 26,000 px of it.
MAX_HEIGHT = {"desktop": 1400, "phone": 1800}


def class_of_thirty(app, quiz_id: int) -> None:
    """Store thirty submitted attempts whose answers vary by question, so the item analysis has a shape."""
    with app.app_context():
        questions = [item.question for item in db.session.get(Quiz, quiz_id).items]
    for student in range(30):
        answers = {}
        for position, question in enumerate(questions):
            # Later questions are harder; stronger students (higher numbers) get more of them right.
            if student / 30 + ((student * 37 + position * 11) % 10) / 20 > position / 12:
                answers[position] = right_answer(question)
            elif (student + position) % 4:
                answers[position] = wrong_answer(question)
        submit_attempt(app, quiz_id, f"Student {student:02d}", answers, minutes=4 + student % 9)


def shoot(page, name: str, tall: float = 1) -> None:
    """Save the page as docs/screenshots/<name>-<width>-<scheme>.png at each width and scheme, after axe checks it."""
    GALLERY.mkdir(parents=True, exist_ok=True)
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 800})
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            assert_accessible(page)
            page.evaluate("window.scrollTo(0, 0)")  # a sticky bar is drawn where the page was scrolled to
            height = min(page.evaluate("document.documentElement.scrollHeight"), int(MAX_HEIGHT[label] * tall))
            page.screenshot(path=str(GALLERY / f"{name}-{label}-{scheme}.png"), full_page=True,
                            clip={"x": 0, "y": 0, "width": width, "height": height})
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 1280, "height": 800})


LEGENDS_OUTSIDE = """() => [...document.querySelectorAll('fieldset.question')].filter(card => {
    const box = card.getBoundingClientRect(), legend = card.querySelector('legend').getBoundingClientRect();
    return legend.top < box.top + 1 || legend.bottom > box.bottom || legend.right > box.right;
}).length"""
# Each evidence quote's width as a share of its review card's inner width.
QUOTE_WIDTHS = """() => [...document.querySelectorAll('.review > li')].filter(card => card.querySelector('.evidence blockquote'))
  .map(card => {
    const style = getComputedStyle(card);
    const inner = card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return card.querySelector('.evidence blockquote').getBoundingClientRect().width / inner;
  })"""


def test_gallery_of_the_main_pages_in_light_and_dark(app, seeded, new_page):
    code = quiz_code(app, seeded, time_limit_minutes=20)
    class_of_thirty(app, seeded)

    student = new_page(width=1280)
    student.goto(f"/q/{code}")
    shoot(student, "join")
    join(student, code, "Giulia Rossi")
    plan = answer_plan(app, current_attempt(app).id)
    fill_with_mouse(student, plan[:4])
    student.wait_for_function("() => document.getElementById('save-status').textContent.includes('saved')")
    assert student.inner_text("#answered-text") == "4 of 10 answered"  # counted by the script as it saved
    student.reload()
    assert student.inner_text("#answered-text") == "4 of 10 answered"  # and by the server
    for width in WIDTHS.values():  # a prompt of several lines sits inside its card, at any width
        student.set_viewport_size({"width": width, "height": 800})
        assert student.evaluate(LEGENDS_OUTSIDE) == 0
    shoot(student, "question")
    fill_with_mouse(student, plan[4:8])  # two left blank, so the result is not a perfect ring
    student.click("button[value=submit]")
    student.click("text=Submit anyway")
    student.wait_for_url("**/result")
    student.set_viewport_size({"width": 360, "height": 800})
    widths = student.evaluate(QUOTE_WIDTHS)
    assert len(widths) == 10 and min(widths) > 0.99  # evidence quotes run the card's full width on a phone
    shoot(student, "result")

    with app.app_context():
        quiz = db.session.get(Quiz, seeded)
        document_id = quiz.document_id
    teacher = new_page(width=1280)
    teacher.goto("/auth/login")
    teacher.fill("#email", app.config["ADMIN_EMAIL"])
    teacher.fill("#password", PASSWORD)
    teacher.click("button.primary")
    teacher.wait_for_url("**/teach/")
    shoot(teacher, "dashboard")
    teacher.goto(f"/teach/documents/{document_id}/questions")
    shoot(teacher, "question-bank")
    teacher.goto(f"/teach/quizzes/{seeded}")
    shoot(teacher, "quiz-settings")
    teacher.goto(f"/teach/quizzes/{seeded}/analysis")
    shoot(teacher, "item-analysis", tall=2)
