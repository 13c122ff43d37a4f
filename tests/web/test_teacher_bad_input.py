"""Bad input never gives a 500: every teacher form gets hostile values in every field."""

from __future__ import annotations

import pytest

from quizapp.extensions import db
from quizapp.models import Quiz
from quizapp.services import accounts

from .teaching import ENGLISH, approve_all, login, make_document, make_quiz, post

NASTY = ["", " ", "NaN", "-inf", "1e309", "99999999999999999999999", "-1", "0", "abc", "<script>x</script>",
         "2030-13-45T25:61", "\x00", "'; DROP TABLE quiz; --", "١٢", "1,5", "x" * 5000,
         # Digits to str.isdigit() that int() refuses: the key's option numbers once gave a 500.
         "①", "²", "1²"]

FORMS = {
    "document": ("/teach/documents/new", ["title", "text", "language"]),
    "language": ("/teach/documents/{document_id}/language", ["language"]),
    "generate": ("/teach/documents/{document_id}/generate", ["seed"]),
    "question": ("/teach/questions/{question_id}", ["kind", "prompt", "options", "correct_options", "accepted",
                                                   "tolerance", "explanation", "points"]),
    "write": ("/teach/documents/{document_id}/questions/new", ["kind", "prompt", "options", "correct_options",
                                                              "accepted", "tolerance", "explanation", "points"]),
    "status": ("/teach/questions/{question_id}/status", ["status", "back_status"]),
    "switch": ("/teach/questions/{question_id}", ["shown_kind", "kind"]),
    "bulk": ("/teach/documents/{document_id}/questions/bulk", ["ids", "status", "back_status"]),
    "proposal": ("/teach/documents/{document_id}/proposal", ["title", "questions", "action", "q1-prompt",
                                                            "q1-points", "q1-tolerance", "q1-accepted"]),
    "new_quiz": ("/teach/documents/{document_id}/quizzes/new", ["title", "questions"]),
    "settings": ("/teach/quizzes/{quiz_id}", ["title", "time_limit_minutes", "max_attempts", "grading_method",
                                             "opens_at", "closes_at", "one_per_page", "shuffle_questions",
                                             "review", "pass_mark", "roster"]),
    "add": ("/teach/quizzes/{quiz_id}/items/add", ["questions"]),
    "move": ("/teach/quizzes/{quiz_id}/items/{item_id}/move", ["direction"]),
    "publish": ("/teach/quizzes/{quiz_id}/publish", ["action"]),
    "teachers": ("/teach/admin/teachers", ["email", "name", "password", "is_admin"]),
    "reset": ("/teach/admin/teachers/{user_id}", ["password"]),
    "active": ("/teach/admin/teachers/{user_id}/active", ["active"]),
}
BASE = {"kind": "single", "prompt": "P?", "options": "a\nb", "correct_options": "1", "accepted": "x",
        "tolerance": "0", "explanation": "", "points": "1", "title": "T", "grading_method": "highest",
        "review": "immediately", "one_per_page": "0", "email": "n@example.org", "name": "N",
        "password": "long enough pass", "language": "en", "text": ENGLISH, "status": "approved"}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_hostile_values_in_every_field_never_give_a_500(app, client, make_teacher, form):
    make_teacher("root@example.org", admin=True)
    make_teacher("other@example.org")
    login(client, "root@example.org")
    document_id = make_document(app, "root@example.org", ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2, publish=False)
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        ids = {"document_id": document_id, "quiz_id": quiz_id, "question_id": quiz.items[0].question_id,
               "item_id": quiz.items[0].id,
               "user_id": accounts.find_by_email("other@example.org").id}
    url, fields = FORMS[form]
    url = url.format(**ids)
    for field in fields:
        for value in NASTY:
            response = post(client, url, {**BASE, field: value})
            assert response.status_code < 500, (field, value)


@pytest.mark.parametrize("text", ["Hi.", "1 2 3 4 5", "Ciao a tutti!"])
def test_a_text_too_short_is_refused_as_short_not_as_foreign(app, client, make_teacher, text):
    make_teacher()
    login(client)
    response = post(client, "/teach/documents/new", {"text": text, "title": ""})
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "too short" in body and "another language" not in body
