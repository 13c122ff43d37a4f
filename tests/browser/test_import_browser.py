"""Import questions in Chromium: dashboard → file → preview → save, at desktop and phone widths, WCAG 2.1 AA."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.extensions import db
from quizapp.models import Document, Question

from .conftest import assert_accessible, screenshot
from .test_teacher_browser import logged_in

pytestmark = pytest.mark.browser

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "import"


@pytest.mark.parametrize(("width", "name"), [(1280, "desktop"), (360, "phone")])
def test_import_a_moodle_file_through_preview_into_the_bank(app, make_teacher, new_page, width, name):
    make_teacher()
    page = logged_in(new_page(width=width, height=900))
    page.click("text=Import questions")
    page.wait_for_url("**/teach/import")
    assert_accessible(page)
    screenshot(page, f"import-1-upload-{name}")
    page.set_input_files("#upload", str(SAMPLES / "moodle_sample.xml"))
    page.click("button.primary")
    page.wait_for_selector("h1:has-text('Import preview')")
    assert_accessible(page)
    screenshot(page, f"import-2-preview-{name}")
    screenshot(page, f"import-2a-preview-top-{name}", full_page=False)
    page.locator("#ready").scroll_into_view_if_needed()
    screenshot(page, f"import-2b-preview-ready-{name}", full_page=False)
    assert page.locator("ul.import-skipped > li").count() == 7
    assert "embedded answers (cloze)" in page.locator("ul.import-skipped > li").first.inner_text()
    assert page.locator("ol.import-preview > li").count() == 9
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Question.id))) == 0
    page.click("button:has-text('Import 9 questions')")
    page.wait_for_url("**/questions")
    assert page.locator(".flash").first.inner_text().startswith("9 questions imported and approved.")
    screenshot(page, f"import-3-bank-{name}")
    with app.app_context():
        document = db.session.scalar(db.select(Document).where(Document.origin == "import"))
        assert len(document.questions) == 9
    page.click(f"a[href='/teach/documents/{document.id}']")
    assert_accessible(page)
    screenshot(page, f"import-4-document-{name}")
    # A damaged file: the form comes back with the reason beside the file field.
    page.goto("/teach/import")
    page.set_input_files("#upload", {"name": "broken.xml", "mimeType": "text/xml",
                                     "buffer": b'<?xml version="1.0"?>\n<quiz>\n<question>\n</quiz>'})
    page.click("button.primary")
    assert "This XML file is damaged (line 4)" in page.locator(".errors").inner_text()
    assert_accessible(page)
    screenshot(page, f"import-5-damaged-{name}")
