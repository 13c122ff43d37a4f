"""The teacher's main path through the test client: document -> review -> quiz -> results -> exports."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from quizapp.extensions import db
from quizapp.models import Document, Question, Quiz

from .teaching import ENGLISH, login, post, right_answer, submit_attempt, wrong_answer, xlsx_export


def test_paste_review_build_publish_and_read_results(app, client, make_teacher):
    make_teacher()
    login(client)
    created = post(client, "/teach/documents/new", {"text": ENGLISH, "title": "", "language": ""})
    assert created.status_code == 302
    with app.app_context():
        document = db.session.scalar(db.select(Document))
        document_id, question_ids = document.id, [q.id for q in document.questions]
        assert document.language == "en"
        assert str(document.published) == "2023-03-12"
    assert question_ids

    page = client.get(f"/teach/documents/{document_id}")
    assert page.status_code == 200 and "<mark" in page.get_data(as_text=True)
    assert client.get(f"/teach/documents/{document_id}/questions").status_code == 200
    first = question_ids[0]
    assert client.get(f"/teach/questions/{first}").status_code == 200
    assert client.get(f"/teach/documents/{document_id}?question={first}").status_code == 200

    approved = post(client, f"/teach/questions/{first}/status", {"status": "approved"})
    assert approved.status_code == 302
    with app.app_context():
        assert db.session.get(Question, first).status == "approved"

    new = client.get(f"/teach/documents/{document_id}/quizzes/new")
    assert new.status_code == 200
    built = post(client, f"/teach/documents/{document_id}/quizzes/new", {"title": "Solar", "questions": [str(first)]})
    assert built.status_code == 302, built.get_data(as_text=True)
    with app.app_context():
        quiz_id = db.session.scalar(db.select(Quiz.id))
    assert client.get(f"/teach/quizzes/{quiz_id}").status_code == 200
    published = post(client, f"/teach/quizzes/{quiz_id}/publish", {"action": "publish"})
    assert published.status_code == 302
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).published

    with app.app_context():
        question = db.session.get(Question, first)
        good, bad = right_answer(question), wrong_answer(question)
    submit_attempt(app, quiz_id, "Ada", {0: good})
    submit_attempt(app, quiz_id, "<b>Bob</b>", {0: bad})

    results = client.get(f"/teach/quizzes/{quiz_id}/results?sort=name&dir=asc")
    body = results.get_data(as_text=True)
    assert results.status_code == 200
    assert "&lt;b&gt;Bob&lt;/b&gt;" in body and "<b>Bob</b>" not in body
    assert client.get(f"/teach/quizzes/{quiz_id}/analysis").status_code == 200
    scores = client.get(f"/teach/quizzes/{quiz_id}/scores.csv")
    rows = list(csv.reader(io.StringIO(scores.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 3
    xlsx = xlsx_export(app, client, quiz_id, "answers")
    sheet = load_workbook(io.BytesIO(xlsx.data), read_only=True).active
    assert len(list(sheet.rows)) == 3
