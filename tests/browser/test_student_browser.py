"""A student takes the CASIP seed quiz in Chromium: keyboard only, reload, timer, no JavaScript, phone width."""

from __future__ import annotations

import datetime as dt

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Response, utcnow

from ..conftest import quiz_settings as quiz_code
from .conftest import (
    answer_plan,
    assert_accessible,
    current_attempt,
    fill_with_mouse,
    join,
    screenshot,
)

pytestmark = pytest.mark.browser


def focused(page) -> dict:
    return page.evaluate("() => ({id: document.activeElement.id, tag: document.activeElement.tagName,"
                         " value: document.activeElement.value || '', text: document.activeElement.textContent})")


def tab_to(page, matches, limit: int = 80) -> dict:
    """Press Tab until the focused element satisfies `matches`; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if matches(element):
            return element
    raise AssertionError("Tab never reached the element")


def stored(app, attempt_id: int) -> dict[int, object]:
    with app.app_context():
        rows = db.session.scalars(db.select(Response).where(Response.attempt_id == attempt_id)).all()
        return {row.question_id: row.answer for row in rows}


def test_keyboard_only_join_answer_and_submit(app, seeded, new_page):
    code = quiz_code(app, seeded)
    page = new_page()
    page.goto("/")
    tab_to(page, lambda e: e["id"] == "code")
    page.keyboard.type(code.lower())
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/q/{code}")
    screenshot(page, "1-join")
    assert_accessible(page)

    tab_to(page, lambda e: e["id"] == "display_name")
    page.keyboard.type("Tastiera Sola")
    page.keyboard.press("Enter")
    page.wait_for_url("**/attempt/*")
    attempt = current_attempt(app)
    plan = answer_plan(app, attempt.id)
    assert len(plan) == 10

    for name, kind, answer in plan:
        if kind == "multiple":
            for position in answer:
                tab_to(page, lambda e, target=f"{name}-{position}": e["id"] == target)
                page.keyboard.press("Space")
        elif isinstance(answer, int):
            # Tab enters a radio group on its first option; arrows move and select.
            tab_to(page, lambda e, first=f"{name}-0": e["id"] == first)
            page.keyboard.press("Space")
            for _ in range(answer):
                page.keyboard.press("ArrowDown")
            assert focused(page)["id"] == f"{name}-{answer}"
        else:
            tab_to(page, lambda e, target=name: e["id"] == target)
            page.keyboard.type(answer)
    screenshot(page, "2-questions")
    assert_accessible(page)

    tab_to(page, lambda e: e["tag"] == "BUTTON" and e["value"] == "submit")
    page.keyboard.press("Enter")
    page.wait_for_url("**/result")
    screenshot(page, "3-result")
    assert_accessible(page)
    assert "10 out of 10" in page.inner_text("#score")

    with app.app_context():
        fresh = db.session.get(Attempt, attempt.id)
        assert fresh.state == "submitted"
        assert fresh.score == pytest.approx(fresh.max_score)


def test_review_page_quotes_evidence_with_key_words_marked(app, seeded, new_page):
    page = new_page()
    join(page, quiz_code(app, seeded))
    attempt = current_attempt(app)
    fill_with_mouse(page, answer_plan(app, attempt.id)[:3])
    page.click("button[value=submit]")
    page.wait_for_url("**/attempt/*")
    assert "no answer" in page.inner_text("main")
    screenshot(page, "3b-confirm")
    assert_accessible(page)
    page.click("text=Submit anyway")
    page.wait_for_url("**/result")
    quotes = page.locator(".evidence blockquote")
    assert quotes.count() == 10
    assert page.locator(".evidence blockquote mark").count() >= 3
    assert "CASIP" in page.inner_text(".review")
    screenshot(page, "4-review")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "4-review-viewport", full_page=False)


def assert_restored(page, step) -> None:
    name, kind, answer = step
    if kind == "multiple":
        assert all(page.is_checked(f"#{name}-{position}") for position in answer)
    elif isinstance(answer, int):
        assert page.is_checked(f"#{name}-{answer}")
    else:
        assert page.input_value(f"#{name}") == answer


def test_reload_restores_answers_and_remaining_time(app, seeded, new_page):
    code = quiz_code(app, seeded, time_limit_minutes=20, one_per_page=True)
    page = new_page()
    join(page, code)
    attempt = current_attempt(app)
    plan = answer_plan(app, attempt.id)
    fill_with_mouse(page, plan[:1])
    page.click(".actions button[value=next]")  # saved by the page change
    fill_with_mouse(page, plan[1:2])  # saved by the script as it changes
    page.wait_for_function("() => document.getElementById('save-status').textContent.includes('saved')")

    page.reload()
    assert "Question 2 of 10" in page.inner_text(".progress")
    assert_restored(page, plan[1])
    minutes, seconds = (int(part) for part in page.inner_text("#timer-value").split(":"))
    assert 18 * 60 < minutes * 60 + seconds < 20 * 60  # the server's clock kept running
    screenshot(page, "2b-timed-question")
    assert_accessible(page)  # with the countdown and the question pager
    page.click(".actions button[value=previous]")
    assert_restored(page, plan[0])
    assert len(stored(app, attempt.id)) == 2


def test_timer_running_out_submits_the_attempt(app, seeded, new_page):
    code = quiz_code(app, seeded, time_limit_minutes=5)
    page = new_page()
    join(page, code)
    attempt = current_attempt(app)
    with app.app_context():  # a five-minute quiz with two seconds left
        row = db.session.get(Attempt, attempt.id)
        row.deadline_at = utcnow() + dt.timedelta(seconds=2)
        db.session.commit()
    page.reload()
    plan = answer_plan(app, attempt.id)
    fill_with_mouse(page, plan[:1])
    page.wait_for_url("**/result", timeout=10_000)
    assert "Time ran out" in page.inner_text("main")
    with app.app_context():
        fresh = db.session.get(Attempt, attempt.id)
        assert fresh.state == "submitted" and fresh.auto_submitted
        assert fresh.score >= 1
    screenshot(page, "5-time-up", full_page=False)


def test_complete_with_javascript_disabled_one_question_per_page(app, seeded, new_page):
    code = quiz_code(app, seeded, one_per_page=True)
    page = new_page(javascript=False)
    join(page, code)
    attempt = current_attempt(app)
    plan = answer_plan(app, attempt.id)
    pressed_enter = 0
    for number, step in enumerate(plan):
        assert f"Question {number + 1} of 10" in page.inner_text(".progress")
        last = number + 1 == len(plan)
        # The hidden button Enter presses is not announced: each action is read once.
        assert page.get_by_role("button", name="Next", exact=True).count() == (0 if last else 1)
        assert page.get_by_role("button", name="Save answers", exact=True).count() == 1
        fill_with_mouse(page, [step])
        if number == 4:  # back and forth keeps what was saved
            page.click(".actions button[value=previous]")
            page.click(".actions button[value=next]")
        if number > 0 and not last and isinstance(step[2], str):
            with page.expect_navigation():  # Enter in a text box goes on, not back, without JavaScript
                page.press(f"#{step[0]}", "Enter")
            pressed_enter += 1
        elif not last:
            page.click(".actions button[value=next]")
    assert pressed_enter
    screenshot(page, "6-no-javascript")
    page.click("button[value=submit]")
    page.wait_for_url("**/result")
    assert "10 out of 10" in page.inner_text("#score")


def test_complete_at_phone_width(app, seeded, new_page):
    page = new_page(width=360, height=740)
    page.goto(f"/q/{quiz_code(app, seeded)}")
    no_sideways_scroll = "document.documentElement.scrollWidth <= window.innerWidth"
    assert page.evaluate(no_sideways_scroll)
    page.fill("#display_name", "Telefono")
    page.click("button.primary")
    page.wait_for_url("**/attempt/*")
    assert page.evaluate(no_sideways_scroll)
    fill_with_mouse(page, answer_plan(app, current_attempt(app).id))
    screenshot(page, "7-phone-questions")
    page.click("button[value=submit]")
    page.wait_for_url("**/result")
    assert page.evaluate(no_sideways_scroll)
    assert "10 out of 10" in page.inner_text("#score")
    screenshot(page, "8-phone-result", full_page=False)


def test_lost_network_retries_and_leaving_with_unsaved_answers_warns(app, seeded, new_page):
    page = new_page()
    join(page, quiz_code(app, seeded))
    attempt = current_attempt(app)
    plan = answer_plan(app, attempt.id)
    text = next(step for step in plan if not isinstance(step[2], (int, list)) and step[1] != "numeric")

    page.context.set_offline(True)
    fill_with_mouse(page, [text])
    page.wait_for_function("() => document.getElementById('save-status').textContent.includes('no connection')")
    assert stored(app, attempt.id) == {}
    page.context.set_offline(False)
    page.wait_for_function("() => document.getElementById('save-status').textContent.includes('saved')", timeout=10_000)
    assert list(stored(app, attempt.id).values()) == [text[2]]

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.fill(f"#{text[0]}", "not saved yet")
    page.close(run_before_unload=True)
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]


def test_pager_marks_the_current_question_as_its_answer_is_saved(app, seeded, new_page):
    """One question a page: the pager's mark and its spoken word follow the autosave, in the page's language."""
    code = quiz_code(app, seeded, one_per_page=True)
    page = new_page(locale="it-IT")
    join(page, code)
    attempt = current_attempt(app)
    plan = answer_plan(app, attempt.id)
    # A text answer can be emptied again, which takes the mark away; the other question is answered once.
    number, text = next((number, step) for number, step in enumerate(plan)
                        if not isinstance(step[2], (int, list)) and step[1] != "numeric")
    other = 1 if number == 0 else 0
    current = page.locator(".pager button[aria-current]")
    mark_is = "answered => document.querySelector('.pager [aria-current]').classList.contains('answered') === answered"

    page.click(f".pager button[value=page-{other}]")
    assert current.text_content() == f"{other + 1}, senza risposta"
    fill_with_mouse(page, [plan[other]])
    page.wait_for_function(mark_is, arg=True)
    assert current.text_content() == f"{other + 1}, con risposta"
    assert len(stored(app, attempt.id)) == 1

    page.click(f".pager button[value=page-{number}]")
    assert current.text_content() == f"{number + 1}, senza risposta"
    page.fill(f"#{text[0]}", text[2])
    page.wait_for_function(mark_is, arg=True)
    assert current.text_content() == f"{number + 1}, con risposta"
    assert text[2] in stored(app, attempt.id).values()
    page.fill(f"#{text[0]}", "   ")
    page.wait_for_function(mark_is, arg=False)
    assert current.text_content() == f"{number + 1}, senza risposta"
    assert text[2] not in stored(app, attempt.id).values()
    # The other questions keep the marks the server gave them.
    assert page.locator(".pager button.answered").count() == 1
    assert page.locator(f".pager button[value=page-{other}]").text_content() == f"{other + 1}, con risposta"


def test_an_autosave_sends_only_what_changed_so_another_tab_keeps_its_answer(app, seeded, new_page):
    """Two tabs of one attempt: each tab's autosave carries its own changes, not its stale copy of the rest."""
    code = quiz_code(app, seeded)
    first = new_page()
    join(first, code)
    second = first.context.new_page()
    second.goto(first.url)  # drawn before either tab answers anything
    attempt = current_attempt(app)
    plan = answer_plan(app, attempt.id)
    saved = "() => document.getElementById('save-status').textContent.includes('saved')"

    fill_with_mouse(first, plan[:1])
    first.wait_for_function(saved)
    fill_with_mouse(second, plan[1:2])
    second.wait_for_function(saved)

    by_name = {f"q{question_id}": answer for question_id, answer in stored(app, attempt.id).items()}
    assert set(by_name) >= {plan[0][0], plan[1][0]}
    assert all(by_name[name] not in (None, "", []) for name, _, _ in plan[:2])
