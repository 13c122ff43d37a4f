"""Hostile uploads and pastes: refused quickly with a message naming the limit, never a 500 or a stall."""

from __future__ import annotations

import io
import time

import pytest

from quizapp.extensions import db
from quizapp.models import Document
from quizapp.services import readers

from .. import hostile
from .teaching import post, teacher  # noqa: F401 (teacher: fixture)

# CPU seconds of this process any hostile case may cost; the old code took minutes (or gigabytes)
# on each. CPU time, not the clock: the bound is on the work done, whatever else the machine runs.
QUICK = 10


def upload(client, name: str, data: bytes):
    return post(client, "/teach/documents/new", {"upload": (io.BytesIO(data), name), "text": ""},
                content_type="multipart/form-data")


def timed(function, *args):
    started = time.process_time()
    try:
        return function(*args), time.process_time() - started
    except readers.UnreadableFile as error:
        return error, time.process_time() - started


@pytest.mark.parametrize(("name", "build", "message"), [
    # Inflates to 64 MiB: past the 48 MiB cap on its declared size, refused before inflating anything.
    pytest.param("bomb.docx", lambda: hostile.docx_bomb(64 << 20), "too large once unpacked", id="docx-bomb"),
    # A few kilobytes of ordinary paragraphs, 1.2 million characters of text.
    pytest.param("long.docx", lambda: hostile.long_docx(1_200_000), "limit of 1,000,000 characters", id="docx-long"),
    # Bold runs word by word: 16 MiB of XML, as Word writes formatted text.
    pytest.param("styled.docx", lambda: hostile.styled_docx(16 << 20), "limit of 1,000,000", id="docx-16mib-xml"),
    pytest.param("laughs.docx", hostile.billion_laughs_docx, "damaged", id="docx-billion-laughs"),
    pytest.param("truncated.docx", hostile.truncated_docx, "damaged", id="docx-truncated"),
    pytest.param("bomb.pdf", lambda: hostile.pdf_bomb(64 << 20), "too large once unpacked", id="pdf-bomb"),
    pytest.param("long.txt", lambda: hostile.repeated("Solid-state batteries. ", 1_000_001).encode(),
                 "limit of 1,000,000", id="txt-long"),
    pytest.param("long.html", lambda: ("<p>" + hostile.repeated("Solid-state batteries. ", 1_000_001)).encode(),
                 "limit of", id="html-long"),
    pytest.param("long.md", lambda: hostile.repeated("Solid-state batteries. ", 1_000_001).encode(), "limit of",
                 id="md-long"),
])
def test_hostile_uploads_are_refused_quickly_with_a_message(app, teacher, name, build, message):
    data = build()
    started = time.process_time()
    response = upload(teacher, name, data)
    assert time.process_time() - started < QUICK
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Document.id))) == 0


def test_the_docx_limit_is_checked_as_the_text_is_read(app):
    with app.test_request_context():
        # 20 million characters, in 70 KB: refused long before they are all read.
        error, seconds = timed(readers.read_file, "huge.docx", hostile.long_docx(20_000_000))
        assert isinstance(error, readers.TooLarge) and seconds < 2


def test_deeply_nested_html_is_read_in_linear_time(app):
    with app.test_request_context():
        text, seconds = timed(readers.read_file, "deep.html", hostile.deep_html(100_000).encode())
        assert text == "The deepest sentence of the page."
        assert seconds < QUICK
        pasted, seconds = timed(readers.read_pasted, "<p>intro</p>" + hostile.deep_html(90_000))
        assert pasted == "intro\n\nThe deepest sentence of the page." and seconds < QUICK


def test_a_paste_of_unclosed_tags_is_read_in_linear_time(app):
    with app.test_request_context():
        text, seconds = timed(readers.read_pasted, "<p " * 300_000)
        assert seconds < QUICK and isinstance(text, str)


def test_hidden_elements_stay_hidden_however_the_page_nests_them(app):
    with app.test_request_context():
        html = ("<html><head><title>T</title><script>var a = '</p>';</script><body><p>One</p>"
                "<svg><text>drawn</text></svg><div>Two<br>Three</div><template><p>x</p></template>"
                "<p>Four&amp;five</p></object></body></html>")
        assert readers.read_file("page.html", html.encode()) == "One\n\nTwo\n\nThree\n\nFour&five"


def test_a_word_documents_tables_and_text_boxes_are_read_in_order(app):
    body = (hostile.paragraphs_xml(["Before the table."])
            + b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc>"
              b"<w:tc><w:p><w:r><w:t>Year</w:t><w:tab/><w:t>2030</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            + hostile.paragraphs_xml(["After the table."]))
    data = hostile.raw_docx([hostile.HEAD + body + hostile.TAIL])
    with app.test_request_context():
        assert readers.read_file("table.docx", data) == "Before the table.\n\nName | Year 2030\n\nAfter the table."


def test_a_paste_over_the_limit_names_it(app, teacher):
    response = post(teacher, "/teach/documents/new", {"text": hostile.repeated("Batteries. ", 1_000_001)})
    assert response.status_code == 400
    assert "1000000" in response.get_data(as_text=True).replace(",", "")


def test_a_long_paste_within_the_limit_is_accepted_and_queued(app, teacher):
    # 900,000 characters: over Flask's default 500 kB per form field, which refused it as "too large".
    text = hostile.repeated("The consortium builds solid-state batteries in Italy by 2030. ", 900_000)
    response = post(teacher, "/teach/documents/new", {"text": text, "language": "en"})
    assert response.status_code == 302 and "/jobs/" in response.headers["Location"]
