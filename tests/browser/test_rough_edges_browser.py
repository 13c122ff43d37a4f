"""The rough edges of issue 13 as a person meets them in Chromium, at desktop (1280 px) and phone (360 px) width."""

from __future__ import annotations

import datetime as dt

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz

from ..conftest import quiz_settings
from ..web.teaching import ENGLISH, approve_all, make_document, make_quiz, submit_attempt
from .conftest import assert_accessible, join, screenshot
from .test_teacher_browser import logged_in

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "phone": 360}


def missing_resources(page) -> list[str]:
    """Start recording the page's requests that answer 404 (the favicon was one on every page); return the list."""
    missing: list[str] = []
    page.on("response", lambda response: missing.append(response.url) if response.status == 404 else None)
    return missing


@pytest.mark.parametrize("width", WIDTHS)
def test_quiz_page_buttons_stand_in_columns(app, make_teacher, new_page, width):
    make_teacher()
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=4, publish=False)
    page = logged_in(new_page(width=WIDTHS[width], locale="it-IT"))
    missing = missing_resources(page)
    page.goto(f"/teach/quizzes/{quiz_id}")
    rows = page.locator(".quiz-items li")
    assert rows.count() == 4
    # Each kind of button keeps one left edge down the list, whatever the row's text or missing arrow.
    for selector in ("button[value=up]", "button[value=down]", "form[action*='/remove'] button", "a.small"):
        buttons = [rows.nth(i).locator(selector) for i in range(4)]
        edges = [round(button.bounding_box()["x"]) for button in buttons if button.count()]
        assert len(edges) >= 3 and len(set(edges)) == 1, (selector, edges)
    # The date is typed in the interface language's way, whatever the browser's own language.
    page.fill("#opens_at", "10/01/2030 08:00")
    page.fill("#closes_at", "31/12/2030 23:30")
    page.click("#settings button.primary")
    page.wait_for_url(f"**/teach/quizzes/{quiz_id}*")
    assert page.input_value("#opens_at") == "10/01/2030 08:00"
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).closes_at == dt.datetime(2030, 12, 31, 22, 30)
    assert "Europe/Rome" in page.inner_text("#settings")
    screenshot(page, f"rough-quiz-{width}")
    assert_accessible(page)
    assert not missing, missing


@pytest.mark.parametrize("width", WIDTHS)
def test_results_tell_students_of_one_name_apart(app, make_teacher, new_page, width):
    make_teacher()
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2)
    ids = [submit_attempt(app, quiz_id, "Giulia Rossi", {}) for _ in range(2)]
    with app.app_context():
        for attempt_id, hour in zip(ids, (9, 10)):
            attempt = db.session.get(Attempt, attempt_id)
            attempt.started_at = dt.datetime(2026, 1, 15, hour, 0)
            attempt.submitted_at = attempt.started_at + dt.timedelta(minutes=5)
        db.session.commit()
    page = logged_in(new_page(width=WIDTHS[width], locale="it-IT"))
    page.goto(f"/teach/quizzes/{quiz_id}/results")
    keys = page.locator(".attempt-key").all_inner_texts()
    assert len(set(keys)) == 2 and all("CET" in key for key in keys), keys
    screenshot(page, f"rough-results-{width}")
    assert_accessible(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_student_pages_a_first_user_meets(app, seeded, new_page, width):
    page = new_page(width=WIDTHS[width], locale="it-IT")
    missing = missing_resources(page)
    # An unpublished quiz's link: a heading in words.
    code = quiz_settings(app, seeded, published=False)
    page.goto(f"/q/{code}")
    assert page.inner_text("h1") == "Questo quiz non è aperto"
    screenshot(page, f"rough-not-open-{width}")
    assert_accessible(page)
    missing.clear()  # that page's own 404 is the answer it should give
    # The submit confirmation: going back is the filled, primary button.
    quiz_settings(app, seeded, published=True)
    join(page, code)
    page.click("button[value=submit]")
    page.wait_for_url("**/attempt/*")
    back = page.locator("a.button.primary")
    assert back.inner_text() == "Torna alle domande"
    assert "primary" not in (page.locator("button:has-text('Invia comunque')").get_attribute("class") or "")
    screenshot(page, f"rough-confirm-{width}")
    assert_accessible(page)
    back.click()
    page.wait_for_url("**/attempt/*")
    with app.app_context():
        assert db.session.scalar(db.select(Attempt)).state == "in_progress"
    assert not missing, missing


def test_document_page_and_favicon(app, make_teacher, new_page):
    make_teacher()
    document_id = make_document(app, text="Il sole è una stella. La Terra gira intorno al sole in 365 giorni. " * 10)
    page = logged_in(new_page(width=1280, locale="it-IT"))
    missing = missing_resources(page)
    page.goto(f"/teach/documents/{document_id}")
    assert "non indicata nel testo" in page.inner_text(".facts-summary")
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert page.request.get(icon).headers["content-type"].startswith("image/svg+xml")
    screenshot(page, "rough-document-desktop", full_page=False)
    assert not missing, missing
    with app.app_context():
        assert db.session.scalar(db.select(Quiz)) is None  # nothing else was made on the way
