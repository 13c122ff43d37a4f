"""Documents: paste or upload each accepted kind, refusals with reasons, 413, language, date, facts."""

from __future__ import annotations

import io
import re

import docx
import pytest

from quizapp.extensions import db
from quizapp.models import Document, Question
from quizapp.services import readers

from ..hostile import pdf_file
from .teaching import ENGLISH, login, make_document, post, teacher  # noqa: F401 (teacher, document_id: fixtures)


def minimal_pdf(lines: list[str]) -> bytes:
    """Return a one-page PDF whose text layer holds the lines (written by hand, no PDF library)."""
    text = " ".join(f"({line}) Tj T*" for line in lines)
    stream = f"BT /F1 11 Tf 14 TL 40 800 Td {text} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_file(objects)


def laid_out_pdf(pages: list[list[tuple[int, int, str]]]) -> bytes:
    """Return a PDF with a page for each list of (font size, baseline height, text) lines, written by hand.

    "ﬁ" is drawn with the font's fi ligature glyph, as browsers and word processors do.
    """
    def show(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("\ufb01", "\x01")

    streams = ["".join(f"BT /F1 {size} Tf 50 {y} Td ({show(text)}) Tj ET\n" for size, y, text in lines).encode("latin-1")
               for lines in pages]
    first_page = 4
    kids = " ".join(f"{first_page + 2 * number} 0 R" for number in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
        b"/BaseEncoding /WinAnsiEncoding /Differences [1 /fi] >> >>",
    ]
    for number, stream in enumerate(streams):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (first_page + 2 * number + 1))
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return pdf_file(objects)


def docx_bytes(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


LINES = [line for line in ENGLISH.splitlines() if line.strip()]
UPLOADS = {
    "article.txt": ENGLISH.encode("utf-8"),
    "article.md": ("# Solar panels in Ravenna\n\n" + "\n\n".join(f"*{line}*" for line in LINES[2:])).encode(),
    "article.html": ("<html><head><title>x</title><style>p{}</style><script>var secret = 1;</script></head><body>"
                     + "".join(f"<p>{line}</p>" for line in LINES[1:]) + "</body></html>").encode(),
    "article.pdf": minimal_pdf(LINES[1:]),
    "article.docx": docx_bytes(LINES[1:]),
}


def upload(client, name: str, data: bytes, **fields):
    return post(client, "/teach/documents/new", {"upload": (io.BytesIO(data), name), "text": "", **fields},
                content_type="multipart/form-data")


@pytest.mark.parametrize("name", sorted(UPLOADS))
def test_each_accepted_file_kind_becomes_a_document(app, teacher, name):
    response = upload(teacher, name, UPLOADS[name])
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        document = db.session.scalar(db.select(Document))
        assert document.source_name == name
        assert "4,500 solar panels" in document.text
        assert "<p>" not in document.text and "var secret" not in document.text and "*" not in document.text
        assert document.language == "en"
        assert db.session.scalar(db.select(db.func.count(Question.id))) > 0


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("notes.exe", b"MZ\x90\x00", "not accepted"),
    ("fake.pdf", b"just some text pretending", "not a PDF"),
    ("fake.docx", b"plain text, not a zip", "not a Word"),
    ("broken.pdf", b"%PDF-1.4\n garbage without objects", "damaged"),
    ("binary.txt", b"\x00\x01\x02\x03" * 20, "binary"),
    ("empty.txt", b"", "empty"),
    ("blank.html", b"<html><body><script>x()</script></body></html>", "No text"),
])
def test_unusable_files_are_refused_with_a_reason(app, teacher, name, data, reason):
    response = upload(teacher, name, data)
    assert response.status_code == 400
    assert reason in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Document.id))) == 0


def test_too_large_upload_gets_a_clear_413(app, teacher):
    app.config["MAX_CONTENT_LENGTH"] = 2048
    response = upload(teacher, "big.txt", b"x" * 5000)
    body = response.get_data(as_text=True)
    assert response.status_code == 413
    # The form comes back with the limit next to the upload field, ready for another file.
    assert 'id="upload-errors"' in body and "larger than the 0.0 MB limit" in body
    assert 'name="text"' in body and "data-max-bytes=\"2048\"" in body


def test_empty_form_and_both_inputs_are_refused_next_to_the_field(teacher):
    empty = post(teacher, "/teach/documents/new", {"text": "  "})
    assert empty.status_code == 400 and 'id="text-errors"' in empty.get_data(as_text=True)
    both = upload(teacher, "a.txt", b"hello", text="pasted too")
    assert both.status_code == 400 and "not both" in both.get_data(as_text=True)


def test_other_languages_are_refused_and_can_be_overridden(app, teacher):
    german = ("Die Stadt Berlin hat im Jahr 2022 viele neue Schulen gebaut. Der Bürgermeister sagte, "
              "dass die Schulen sehr wichtig für die Kinder sind und dass noch mehr kommen werden.")
    response = post(teacher, "/teach/documents/new", {"text": german})
    assert response.status_code == 400 and 'id="language-errors"' in response.get_data(as_text=True)


def test_language_is_detected_and_can_be_corrected(app, teacher, make_teacher):
    document_id = make_document(app, text=ENGLISH)
    response = post(teacher, f"/teach/documents/{document_id}/language", {"language": "it"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Document, document_id).language == "it"
    bad = post(teacher, f"/teach/documents/{document_id}/language", {"language": "xx"})
    assert bad.status_code == 302
    with app.app_context():
        assert db.session.get(Document, document_id).language == "it"


def test_document_page_highlights_facts_and_escapes_text(app, teacher):
    text = ENGLISH + "\nThe <script>alert(1)</script> tag was found in 2021 by the inspectors of Ravenna.\n"
    created = post(teacher, "/teach/documents/new", {"text": text})
    document_id = int(created.headers["Location"].rsplit("/", 1)[-1])
    page = teacher.get(f"/teach/documents/{document_id}").get_data(as_text=True)
    # The facts themselves are marked, not the sentences around them.
    assert '<mark class="fact" title="Target year">2030<span class="visually-hidden" lang="en"> (Target year)</span></mark>' in page
    assert re.search(r'<mark class="fact"[^>]*>The council plans', page) is None
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "2023-03-12" in page


def test_evidence_of_a_question_is_marked(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    with app.app_context():
        question = db.session.scalars(db.select(Question).where(Question.evidence_start.is_not(None))).first()
        question_id, evidence = question.id, question.evidence_text
    page = teacher.get(f"/teach/documents/{document_id}?question={question_id}").get_data(as_text=True)
    assert 'id="evidence"' in page
    # An unknown question id marks nothing; the document page is still there.
    for bad in ("999999", "abc", "-1"):
        unknown = teacher.get(f"/teach/documents/{document_id}?question={bad}")
        assert unknown.status_code == 200 and 'id="evidence"' not in unknown.get_data(as_text=True)


@pytest.mark.parametrize("again", [
    {"text": "\n  " + ENGLISH + "\n"},  # the same text once its edges are trimmed: the same hash
    {"upload": (io.BytesIO(ENGLISH.encode("utf-8")), "again.txt"), "text": ""},
    {"text": ENGLISH, "then": "quiz"},  # the short path's button
])
def test_the_same_text_again_is_refused_with_a_warning_and_a_link_to_the_first(app, teacher, make_teacher, again):
    first = post(teacher, "/teach/documents/new", {"text": ENGLISH})
    document_path = first.headers["Location"]
    document_id = int(document_path.rsplit("/", 1)[1])
    with app.app_context():
        db.session.get(Document, document_id).archived = True
        db.session.commit()
    second = post(teacher, "/teach/documents/new", again, content_type="multipart/form-data")
    body = second.get_data(as_text=True)
    assert second.status_code == 409
    warning = body.split('id="duplicate"', 1)[1].split("</div>", 1)[0]
    assert "You have added this text before." in warning
    assert f'href="{document_path}"' in warning and f'href="/teach/documents/{document_id}/proposal"' in warning
    with app.app_context():
        db.session.remove()
        assert db.session.scalar(db.select(db.func.count(Document.id))) == 1
        # The link leads to a document in use again, listed on the dashboard.
        assert db.session.get(Document, document_id).archived is False
    # Another teacher's copy of the same text is theirs: no warning, a document of their own.
    make_teacher("other@example.org")
    other = app.test_client()
    login(other, "other@example.org")
    assert post(other, "/teach/documents/new", {"text": ENGLISH}).status_code == 302


def test_generate_again_replaces_untouched_drafts_only(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    with app.app_context():
        questions = db.session.get(Document, document_id).questions
        kept = questions[0]
        kept.status = "approved"
        kept_id = kept.id
        db.session.commit()
    response = post(teacher, f"/teach/documents/{document_id}/generate", {"seed": "7"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Question, kept_id).status == "approved"
        prompts = [(q.kind, q.prompt) for q in db.session.get(Document, document_id).questions]
        assert len(prompts) == len(set(prompts))


def test_delete_document_without_attempts_removes_it(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    assert teacher.get(f"/teach/documents/{document_id}/delete").status_code == 200
    assert post(teacher, f"/teach/documents/{document_id}/delete").status_code == 302
    with app.app_context():
        assert db.session.get(Document, document_id) is None


def test_readers_tidy_whitespace_and_decode_latin1():
    assert readers.read_file("a.txt", "caffè  e\r\n\r\n\r\n\r\ntè".encode("latin-1")) == "caffè e\n\ntè"


# A news article printed from a browser: a headline wrapped over two lines, paragraphs wrapped at the
# line end (two words hyphenated, one with a soft hyphen, a paragraph over the page break), a ligature, the browser's date stamp and address
# with a page counter, and a running footer on both pages.
PRINTED_ARTICLE = laid_out_pdf([
    [
        (8, 820, "11/26/26, 12:17 AM Space probe"),
        (20, 780, "European probe launched to study the"),
        (20, 756, "atmosphere of a distant icy moon"),
        (11, 724, "The European Space Agency launched its new probe on Tuesday aboard an Ariane 6"),
        (11, 710, "rocket. The spacecraft will travel for eight years and cover about 6,000 million"),
        (11, 696, "kilometres before it reaches its target."),
        (14, 668, "Mission control"),
        (11, 648, "Engineers at the operations centre in Darmstadt, Germany, received the first infor-"),
        (11, 634, "mation from the probe forty minutes after the lift-"),
        (11, 620, "off. The \ufb01rst \ufb01le of measurements arrived a day later, and the team in"),
        (8, 40, "Daily Science News - Page 1 of 2"),
        (8, 22, "\ufb01le:///x/y.html 1/2"),
    ],
    [
        (8, 820, "11/26/26, 12:17 AM Space probe"),
        (11, 790, "Darmstadt will follow the spacecraft for the whole journey."),
        (11, 762, "The mission cost 1.6 billion euros and involves scientists from twelve countries, who"),
        (11, 748, "will share the data with the public through an open ar\u00ad"),
        (11, 734, "chive."),
        (8, 300, "26/11/2026, 00:17"),
        (8, 40, "Daily Science News - Page 2 of 2"),
        (8, 22, "\ufb01le:///x/y.html 2/2"),
    ],
])
HEADLINE = "European probe launched to study the atmosphere of a distant icy moon"


def test_a_printed_pdf_becomes_whole_paragraphs_without_page_furniture():
    text = readers.read_file("space.pdf", PRINTED_ARTICLE)
    assert text.split("\n\n") == [
        HEADLINE,
        "The European Space Agency launched its new probe on Tuesday aboard an Ariane 6 rocket. The spacecraft "
        "will travel for eight years and cover about 6,000 million kilometres before it reaches its target.",
        "Mission control",
        "Engineers at the operations centre in Darmstadt, Germany, received the first information from the "
        "probe forty minutes after the lift-off. The first file of measurements arrived a day later, and the "
        "team in Darmstadt will follow the spacecraft for the whole journey.",
        "The mission cost 1.6 billion euros and involves scientists from twelve countries, who will share the "
        "data with the public through an open archive.",
    ]


def test_a_printed_pdf_keeps_its_whole_headline_as_title(app, teacher):
    assert upload(teacher, "space.pdf", PRINTED_ARTICLE).status_code == 302
    with app.app_context():
        document = db.session.scalar(db.select(Document))
    assert document.title == HEADLINE
    assert "\ufb01" not in document.text and "file://" not in document.text and "AM" not in document.text


def test_pdf_lines_without_layout_clues_are_joined_by_their_length():
    # Every line in the same font and spacing: only the lengths tell a title from a paragraph.
    pdf = minimal_pdf(["Solar panels", "in Ravenna",
                       "The city of Ravenna installed 4,500 solar panels on school roofs in 2022. The",
                       "project was led by the energy agency Ravenna Energia and cost 3 million euros.",
                       "Page 1 of 1"])
    assert readers.read_file("solar.pdf", pdf) == (
        "Solar panels in Ravenna\n\nThe city of Ravenna installed 4,500 solar panels on school roofs in 2022. "
        "The project was led by the energy agency Ravenna Energia and cost 3 million euros.")


@pytest.mark.parametrize(("name", "data"), [
    ("notes.txt", "The ﬁrst infor\u00admation\u00a0sheet.\nSecond line.\n\nThe ﬂoor.".encode()),
    ("notes.docx", docx_bytes(["The ﬁrst infor\u00admation\u00a0sheet.\nSecond line.", "The ﬂoor."])),
    ("notes.html", "<p>The &#xFB01;rst infor&shy;mation&nbsp;sheet.\nSecond line.</p><p>The &#xFB02;oor.</p>".encode()),
])
def test_other_files_lose_ligatures_soft_hyphens_and_no_break_spaces_but_keep_their_lines(name, data):
    assert readers.read_file(name, data) == "The first information sheet.\nSecond line.\n\nThe floor."


def test_odd_file_names_are_stored_clean(app, teacher):
    long_name = "dir\\sub/" + "x" * 300 + "\x00.txt"
    assert upload(teacher, long_name, ENGLISH.encode()).status_code == 302
    with app.app_context():
        name = db.session.scalar(db.select(Document.source_name))
    assert len(name) <= 255 and "\x00" not in name and "/" not in name and name.endswith(".txt")


def test_pasted_html_becomes_its_visible_text(app, teacher):
    html = "".join(f"<p>{line}</p>" for line in ENGLISH.split("\n") if line.strip())
    response = post(teacher, "/teach/documents/new", {"text": f"<script>alert(1)</script>{html}", "title": ""})
    assert response.status_code == 302
    with app.app_context():
        document = db.session.scalars(db.select(Document)).one()
        assert "<" not in document.text and "alert" not in document.text
        assert not any("<" in q.prompt for q in document.questions)


@pytest.mark.parametrize("text", ["In HTML the <p> tag opens a paragraph, and 3 < 4.", "x<y and y>z"])
def test_text_that_only_mentions_a_tag_is_kept_as_it_is(text):
    assert readers.read_pasted(text) == text
