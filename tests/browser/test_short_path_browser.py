"""The short teacher path in Chromium, counting the teacher's actions: paste -> proposed quiz -> publish -> a student takes it.

An action is what a teacher does with the mouse or keyboard on purpose: typing or
pasting into a field, ticking a box, pressing a button. Logging in and what the
browser does alone (following a redirect, a progress page refreshing itself) are not.
"""

from __future__ import annotations

import pytest

from quizapp import jobs
from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz

from ..conftest import SEED_FILE
from ..web.test_jobs import LONG_ENGLISH
from .conftest import answer_all_and_submit, assert_accessible, join, screenshot
from .test_teacher_browser import logged_in

pytestmark = pytest.mark.browser

MAX_ACTIONS = 5


class Teacher:
    """A page whose every deliberate action is counted."""

    def __init__(self, page) -> None:
        self.page = page
        self.actions: list[str] = []

    def _count(self, what: str) -> None:
        self.actions.append(what)

    def fill(self, selector: str, text: str) -> None:
        self._count(f"type into {selector}")
        self.page.fill(selector, text)

    def click(self, selector: str) -> None:
        self._count(f"press {selector}")
        self.page.click(selector)

    def uncheck(self, selector: str) -> None:
        self._count(f"untick {selector}")
        self.page.uncheck(selector)


def proposed_ids(page) -> list[int]:
    return [int(box.get_attribute("value"))
            for box in page.locator("#proposal-form input[name=questions]:checked").all()]


def test_paste_untick_edit_publish_in_five_actions_then_a_student_takes_it(app, make_teacher, new_page):
    make_teacher()
    teacher = Teacher(logged_in(new_page(width=1280)))
    page = teacher.page
    # The dashboard, where logging in lands, holds the paste box.
    teacher.fill("#quick-text", SEED_FILE.read_text(encoding="utf-8"))
    teacher.click("text=Propose a quiz")
    page.wait_for_url("**/proposal")
    assert_accessible(page)
    screenshot(page, "teacher-proposal-1280")
    chosen = proposed_ids(page)
    assert len(chosen) == 10
    with app.app_context():
        kinds = {db.session.get(Question, i).kind for i in chosen}
    assert len(kinds) >= 3, kinds
    assert "10 questions ticked" in page.inner_text("#proposal-summary")

    left_out, edited = chosen[0], chosen[1]
    teacher.uncheck(f"#proposed-{left_out} input[name=questions]")
    assert "9 questions ticked" in page.inner_text("#proposal-summary")  # said at once, by the script
    teacher.fill(f"#q{edited}-prompt", "Quale consorzio è stato lanciato in Cina?")
    teacher.click("button:has-text('Publish the quiz')")
    page.wait_for_url("**/teach/quizzes/*")

    assert len(teacher.actions) <= MAX_ACTIONS, teacher.actions
    print(f"\nshort path, JavaScript on: {len(teacher.actions)} actions: {teacher.actions}")
    code = page.inner_text(".join-code").strip()
    assert "Published" in page.inner_text(".flashes") and page.locator(".qr svg").count() == 1
    screenshot(page, "teacher-proposal-published")
    with app.app_context():
        quiz = db.session.scalar(db.select(Quiz))
        assert quiz.published and len(quiz.items) == 9
        assert left_out not in [item.question_id for item in quiz.items]
        assert db.session.get(Question, edited).prompt == "Quale consorzio è stato lanciato in Cina?"

    # A student joins with the code and takes it, seeing the edited wording.
    student = new_page(width=360)
    join(student, code, "Giulia Rossi")
    assert "Quale consorzio è stato lanciato in Cina?" in student.inner_text("main")
    attempt = answer_all_and_submit(app, student)
    with app.app_context():
        attempt = db.session.get(Attempt, attempt.id)
        assert attempt.state == "submitted" and attempt.score == pytest.approx(attempt.max_score) == 9


def test_a_long_text_without_javascript_goes_through_its_progress_page_in_four_actions(app, make_teacher, new_page):
    make_teacher()
    teacher = Teacher(logged_in(new_page(width=360, javascript=False)))
    page = teacher.page
    teacher.fill("#quick-text", LONG_ENGLISH)
    teacher.click("text=Propose a quiz")
    page.wait_for_url("**/jobs/*")
    assert page.locator("progress#job-progress").is_visible()
    assert jobs.run_pending(app) == 1
    # The page refreshes itself without JavaScript (no action), then leads to the proposal.
    page.wait_for_url("**/proposal", timeout=20_000)
    screenshot(page, "teacher-proposal-360")
    chosen = proposed_ids(page)
    assert len(chosen) == 10
    teacher.uncheck(f"#proposed-{chosen[-1]} input[name=questions]")
    teacher.click("button:has-text('Publish the quiz')")
    page.wait_for_url("**/teach/quizzes/*")
    assert len(teacher.actions) <= MAX_ACTIONS, teacher.actions
    print(f"\nshort path, long text, JavaScript off: {len(teacher.actions)} actions: {teacher.actions}")
    with app.app_context():
        quiz = db.session.scalar(db.select(Quiz))
        assert quiz.published and [item.question_id for item in quiz.items] == chosen[:-1]


def test_the_bank_changes_in_place_without_reloading(app, make_teacher, new_page):
    from ..web.teaching import ENGLISH, make_document

    make_teacher()
    document_id = make_document(app, text=ENGLISH)
    for width in (1280, 360):
        page = logged_in(new_page(width=width))
        page.goto(f"/teach/documents/{document_id}/questions?status=draft")
        loads = []
        page.on("load", lambda: loads.append(page.url))
        cards = page.locator("#bank > li.question-card.status-draft")
        first = cards.first.get_attribute("id")
        page.locator(f"#{first} button:has-text('Approve')").click()
        page.wait_for_selector(f"#{first}.status-approved")
        page.wait_for_selector("#bank-status:has-text('Question approved.')")
        # Edit in place: the form opens inside the card and the card comes back saved.
        page.locator(f"#{first} a:has-text('Edit')").click()
        page.wait_for_selector(f"#{first} .inline-editor")
        assert_accessible(page)
        screenshot(page, f"teacher-bank-editing-{width}", full_page=False)
        page.fill(f"#{first} textarea[name=prompt]", f"Edited at {width} px: ____?")
        page.locator(f"#{first} button:has-text('Save')").click()
        page.wait_for_selector(f"#{first} .prompt:has-text('Edited at {width} px: ____?')")
        # Bulk: tick two more, reject them with one button.
        ids = [card.get_attribute("id") for card in cards.all()[:2]]
        for card_id in ids:
            page.check(f"#{card_id} input[name=ids]")
        page.click("button:has-text('Reject the ticked')")
        for card_id in ids:
            page.wait_for_selector(f"#{card_id}.status-rejected")
        page.wait_for_selector("#bank-status:has-text('2 questions rejected.')")
        screenshot(page, f"teacher-bank-{width}")
        assert loads == [], loads
        with app.app_context():
            db.session.remove()
            changed = {f"question-{q.id}": q.status for q in db.session.scalars(db.select(Question))}
        assert changed[first] == "approved" and {changed[i] for i in ids} == {"rejected"}
