"""The teacher's whole path in Chromium: upload -> generate -> edit -> publish -> a student takes it -> results -> exports."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from quizapp import jobs
from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz, QuizQuestion

from ..conftest import PASSWORD
from ..web.teaching import (
    ENGLISH,
    approve_all,
    make_document,
    make_quiz,
    many_attempts,
    right_answer,
    submit_attempt,
)
from .conftest import answer_all_and_submit, assert_accessible, join, screenshot

pytestmark = pytest.mark.browser


def logged_in(page):
    """Log the page in as teacher@example.org through the login form."""
    page.goto("/auth/login")
    page.fill("#email", "teacher@example.org")
    page.fill("#password", PASSWORD)
    page.click("button.primary")
    page.wait_for_url("**/teach/")
    return page


def show_card(page, question_id: int) -> None:
    """Open the fold a question's card sits in, as a teacher would, when it is another way to ask a fact."""
    card = page.locator(f"#question-{question_id}")
    if not card.is_visible():
        page.locator(f"details:has(#question-{question_id}) > summary").click()
    assert card.is_visible()


def test_upload_generate_edit_publish_take_and_export(app, make_teacher, new_page, tmp_path):
    make_teacher()
    upload = tmp_path / "ravenna.txt"
    upload.write_text(ENGLISH, encoding="utf-8")

    teacher = logged_in(new_page())

    # Upload a document: it is read, its language and date found, its facts highlighted.
    teacher.click("text=Add a document")
    teacher.set_input_files("#upload", str(upload))
    teacher.click("text=Add and generate questions")
    teacher.wait_for_url("**/teach/documents/*")
    assert teacher.locator(".document-text mark.fact").count() > 0
    assert "March 12, 2023" in teacher.inner_text(".facts-summary")  # the header's "date 2023-03-12", in words

    # Generate: the draft questions are shown for review.
    teacher.click("text=Generate questions again")
    teacher.wait_for_url("**/questions?status=draft**")
    with app.app_context():
        edited_id = db.session.scalars(db.select(Question).where(Question.kind == "single")).first().id
    card = teacher.locator(f"#question-{edited_id}")
    show_card(teacher, edited_id)
    card.locator("text=Edit").click()
    teacher.fill("#prompt", "In which year did Ravenna install the panels?")
    teacher.fill("#explanation", "The first sentence gives the year.")
    teacher.click("button:has-text('Save')")
    teacher.wait_for_url("**/questions**")
    show_card(teacher, edited_id)
    teacher.locator(f"#question-{edited_id} button:has-text('Approve')").click()
    for _ in range(2):
        teacher.goto(teacher.url.split("#")[0].split("?")[0] + "?status=draft")
        teacher.locator(".question-card button:has-text('Approve')").first.click()
    with app.app_context():
        edited = db.session.get(Question, edited_id)
        assert edited.prompt == "In which year did Ravenna install the panels?" and edited.status == "approved"

    # Build the quiz from the approved questions and publish it.
    teacher.click("text=Build a quiz from the approved questions")
    teacher.fill("#title", "Solar panels")
    teacher.click("text=Create the quiz")
    teacher.wait_for_url("**/teach/quizzes/*")
    teacher.click("button:has-text('Publish')")
    code = teacher.inner_text(".join-code").strip()
    assert teacher.locator(".qr svg").count() == 1
    screenshot(teacher, "teacher-quiz-published")

    # A student takes it in a browser of their own.
    student = new_page()
    join(student, code, "Giulia Rossi")
    answer_all_and_submit(app, student)

    # The teacher sees the result and the item analysis.
    with app.app_context():
        quiz_id = db.session.scalar(db.select(Quiz.id))
        # The builder keeps the approved questions that do not give each other away: two or three.
        asked = db.session.scalar(db.select(db.func.count()).select_from(QuizQuestion)
                                  .where(QuizQuestion.quiz_id == quiz_id))
    assert asked >= 2
    teacher.goto(f"/teach/quizzes/{quiz_id}/results")
    assert "Giulia Rossi" in teacher.inner_text("table.data")
    teacher.click("text=Item analysis")
    teacher.wait_for_url("**/analysis")
    assert teacher.locator("svg.histogram rect").count() == 10
    assert teacher.locator("table.analysis tbody tr").count() == asked
    screenshot(teacher, "teacher-item-analysis")

    # Downloads, opened with the csv module and openpyxl.
    teacher.goto(f"/teach/quizzes/{quiz_id}/results")
    with teacher.expect_download() as csv_download:
        teacher.click("text=Download scores (CSV)")
    csv_path = tmp_path / "scores.csv"
    csv_download.value.save_as(csv_path)
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert [row["Name"] for row in rows] == ["Giulia Rossi"] and float(rows[0]["Percentage"]) == 100.0

    # The workbook is written by a job: its page shows progress, then leads to the download link.
    teacher.click("text=Download scores (XLSX)")
    teacher.wait_for_url("**/jobs/*")
    assert teacher.locator("progress#job-progress").count() == 1
    jobs.run_pending(app)
    teacher.wait_for_url("**/teach/exports/*")
    screenshot(teacher, "teacher-export-ready")
    with teacher.expect_download() as xlsx_download:
        teacher.click("text=Download quiz-")
    xlsx_path = tmp_path / "scores.xlsx"
    xlsx_download.value.save_as(xlsx_path)
    sheet = load_workbook(xlsx_path).active
    header, row = list(sheet.iter_rows(values_only=True))
    record = dict(zip(header, row))
    assert record["Name"] == "Giulia Rossi" and record["Percentage"] == 100


def test_drag_a_question_to_reorder_the_quiz(app, make_teacher, new_page):
    make_teacher()
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=3, publish=False)
    with app.app_context():
        before = [item.question_id for item in db.session.get(Quiz, quiz_id).items]
    page = logged_in(new_page())
    page.goto(f"/teach/quizzes/{quiz_id}")
    items = page.locator(".quiz-items > li")
    with page.expect_navigation():
        items.nth(2).drag_to(items.nth(0), target_position={"x": 20, "y": 2})
    with app.app_context():
        after = [item.question_id for item in db.session.get(Quiz, quiz_id).items]
    assert after == [before[2], before[0], before[1]]
    assert "Order saved" in page.inner_text(".flashes")


def test_every_teacher_page_meets_wcag_21_aa(app, make_teacher, new_page):
    make_teacher(admin=True)  # so the account pages are among those checked
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=4)
    with app.app_context():
        rights = {item.position: right_answer(item.question) for item in db.session.get(Quiz, quiz_id).items}
    submit_attempt(app, quiz_id, "Ada", rights)
    submit_attempt(app, quiz_id, "Bob", {})
    with app.app_context():
        attempt_id = db.session.scalar(db.select(Attempt.id))
        question_id = db.session.get(Quiz, quiz_id).items[0].question_id
    page = logged_in(new_page())
    for url in ("/teach/", "/teach/documents/new", f"/teach/documents/{document_id}",
                f"/teach/documents/{document_id}?question={question_id}", f"/teach/documents/{document_id}/questions",
                f"/teach/questions/{question_id}", f"/teach/documents/{document_id}/questions/new",
                f"/teach/documents/{document_id}/quizzes/new", f"/teach/quizzes/{quiz_id}",
                f"/teach/quizzes/{quiz_id}/results", f"/teach/attempts/{attempt_id}", f"/teach/quizzes/{quiz_id}/analysis",
                f"/teach/questions/{question_id}/regrade", f"/teach/quizzes/{quiz_id}/delete", "/teach/admin/teachers"):
        page.goto(url)
        for scheme in ("light", "dark"):  # the design's two colour schemes
            page.emulate_media(color_scheme=scheme)
            assert_accessible(page)


def test_paginated_results_meet_wcag_21_aa_and_keep_the_sort(app, make_teacher, new_page):
    make_teacher()
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=3)
    many_attempts(app, quiz_id, 60)
    page = logged_in(new_page())
    page.goto(f"/teach/quizzes/{quiz_id}/results?sort=name&dir=asc")
    assert page.locator("nav.pager [aria-current=page]").inner_text() == "1"
    assert_accessible(page)
    page.click("nav.pager a[rel=next]")
    page.wait_for_url("**page=2")
    assert "Page 2 of 2 (attempts 51–60)" in page.inner_text("nav.pager")
    assert page.locator("table.data tbody tr").count() == 10
    assert page.locator("table.data tbody tr").first.inner_text().startswith("Student 050")
    assert_accessible(page)


def test_a_long_document_shows_a_progress_page_that_survives_reload(app, make_teacher, new_page, tmp_path):
    from quizapp import jobs

    from ..web.test_jobs import LONG_ENGLISH

    make_teacher()
    upload = tmp_path / "long.txt"
    upload.write_text(LONG_ENGLISH, encoding="utf-8")
    page = logged_in(new_page())
    page.goto("/teach/documents/new")
    page.set_input_files("#upload", str(upload))
    page.click("text=Add and generate questions")
    # No worker yet: the job waits, and its page says so, reload after reload.
    page.wait_for_url("**/jobs/*")
    assert page.locator("progress#job-progress").is_visible()
    assert "Waiting" in page.inner_text("#job-message")
    assert_accessible(page)
    screenshot(page, "teacher-job-queued")
    page.reload()
    assert page.locator("progress#job-progress").is_visible()
    try:
        # A worker thread starts with the page's next poll; the page leads to the document once done.
        app.config["JOBS_WORKER_THREADS"] = 1
        page.wait_for_url("**/teach/documents/*", timeout=60_000)
        assert page.locator(".document-text mark.fact").count() > 0
        assert "draft questions" in page.inner_text(".flashes")
    finally:
        jobs.runner.extension(app).stop_workers()
