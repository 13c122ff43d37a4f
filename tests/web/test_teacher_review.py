"""Review: edit, approve, reject, regenerate one, write by hand; editing an answered key offers a regrade."""

from __future__ import annotations

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Document, Question, Quiz, Regrade, Response

from .teaching import approve_all, document_id, make_quiz, post, submit_attempt, teacher  # noqa: F401 (teacher, document_id: fixtures)


def first_of_kind(app, document_id, kinds):
    with app.app_context():
        return db.session.scalars(db.select(Question).where(Question.document_id == document_id,
                                                            Question.kind.in_(kinds))).first().id


def test_edit_every_field_of_a_choice_question(app, teacher, document_id):
    question_id = first_of_kind(app, document_id, ["single", "true_false", "multiple", "cloze", "short", "numeric"])
    response = post(teacher, f"/teach/questions/{question_id}", {
        "kind": "single", "prompt": "Which city?", "options": "Ravenna\nBologna\n<i>Rimini</i>",
        "correct_options": "1", "accepted": "", "tolerance": "0", "explanation": "The text says so.", "points": "2.5",
    })
    assert response.status_code == 302
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert (question.kind, question.prompt, question.options, question.correct, question.points) == (
            "single", "Which city?", ["Ravenna", "Bologna", "<i>Rimini</i>"], [0], 2.5)
        assert question.explanation == "The text says so." and question.origin == "edited"
    page = teacher.get(f"/teach/documents/{document_id}/questions").get_data(as_text=True)
    assert "&lt;i&gt;Rimini&lt;/i&gt;" in page and "<i>Rimini</i>" not in page


@pytest.mark.parametrize(("fields", "error_field"), [
    ({"kind": "single", "options": "only one", "correct_options": "1"}, "options"),
    ({"kind": "single", "options": "a\nb", "correct_options": "3"}, "correct_options"),
    ({"kind": "single", "options": "a\nb", "correct_options": "1, 2"}, "correct_options"),
    ({"kind": "multiple", "options": "a\nb\na", "correct_options": "1"}, "options"),
    ({"kind": "cloze", "accepted": ""}, "accepted"),
    ({"kind": "numeric", "accepted": "twelve"}, "accepted"),
    ({"kind": "single", "options": "a\nb", "correct_options": "1", "points": "-1"}, "points"),
    ({"kind": "single", "options": "a\nb", "correct_options": "1", "prompt": ""}, "prompt"),
])
def test_invalid_edits_come_back_with_messages_next_to_fields(app, teacher, document_id, fields, error_field):
    question_id = first_of_kind(app, document_id, ["cloze", "single", "numeric"])
    with app.app_context():
        before = db.session.get(Question, question_id).prompt
    data = {"prompt": "Edited?", "points": "1", "tolerance": "0", "accepted": "", "options": "",
            "correct_options": "", "explanation": "", **fields}
    response = post(teacher, f"/teach/questions/{question_id}", data)
    assert response.status_code == 400
    assert f'id="{error_field}-errors"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Question, question_id).prompt == before


def test_approve_reject_and_back_to_draft(app, teacher, document_id):
    question_id = first_of_kind(app, document_id, ["cloze", "single"])
    for status in ("approved", "rejected", "draft"):
        assert post(teacher, f"/teach/questions/{question_id}/status", {"status": status}).status_code == 302
        with app.app_context():
            assert db.session.get(Question, question_id).status == status
    post(teacher, f"/teach/questions/{question_id}/status", {"status": "bogus"})
    with app.app_context():
        assert db.session.get(Question, question_id).status == "draft"


def test_question_in_a_published_quiz_cannot_be_rejected(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2)
    with app.app_context():
        question_id = db.session.get(Quiz, quiz_id).items[0].question_id
    post(teacher, f"/teach/questions/{question_id}/status", {"status": "rejected"})
    with app.app_context():
        assert db.session.get(Question, question_id).status == "approved"


def test_write_a_question_by_hand(app, teacher, document_id):
    assert teacher.get(f"/teach/documents/{document_id}/questions/new").status_code == 200
    response = post(teacher, f"/teach/documents/{document_id}/questions/new", {
        "kind": "numeric", "prompt": "How many panels?", "accepted": "4500", "tolerance": "10",
        "points": "1", "options": "", "correct_options": "", "explanation": ""})
    assert response.status_code == 302
    with app.app_context():
        question = db.session.scalar(db.select(Question).where(Question.origin == "manual"))
        assert (question.kind, question.correct, question.tolerance, question.status) == ("numeric", [4500.0], 10.0, "approved")


def test_regenerate_one_draft(app, teacher, document_id):
    with app.app_context():
        document = db.session.get(Document, document_id)
        drafts = [q for q in document.questions if q.kind == "single"]
        before = {q.id: (q.prompt, q.options) for q in drafts}
    assert before
    for question_id, (prompt, options) in before.items():
        assert post(teacher, f"/teach/questions/{question_id}/regenerate").status_code == 302
        with app.app_context():
            question = db.session.get(Question, question_id)
            assert question.status == "draft"
            assert (question.prompt, question.options) != (prompt, options)


def test_approved_questions_are_not_regenerated(app, teacher, document_id):
    question_id = first_of_kind(app, document_id, ["cloze", "single"])
    post(teacher, f"/teach/questions/{question_id}/status", {"status": "approved"})
    with app.app_context():
        prompt = db.session.get(Question, question_id).prompt
    post(teacher, f"/teach/questions/{question_id}/regenerate")
    with app.app_context():
        assert db.session.get(Question, question_id).prompt == prompt


def test_changing_an_answered_key_offers_a_regrade_and_records_it(app, teacher, document_id):
    approve_all(app, document_id)
    with app.app_context():
        question = db.session.scalars(db.select(Question).where(Question.document_id == document_id,
                                                                Question.kind == "single")).first()
        question_id, options, correct = question.id, list(question.options), question.correct[0]
        other = next(i for i in range(len(options)) if i != correct)
    quiz_id = make_quiz(app, document_id)
    with app.app_context():
        position = next(item.position for item in db.session.get(Quiz, quiz_id).items if item.question_id == question_id)
    right = submit_attempt(app, quiz_id, "Right", {position: correct})
    wrong = submit_attempt(app, quiz_id, "Other", {position: other})
    with app.app_context():
        before = {a.id: a.score for a in db.session.scalars(db.select(Attempt))}

    response = post(teacher, f"/teach/questions/{question_id}", {
        "kind": "single", "prompt": "Edited prompt", "options": "\n".join(options),
        "correct_options": str(other + 1), "accepted": "", "tolerance": "0", "explanation": "", "points": "1"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/teach/questions/{question_id}/regrade")
    page = teacher.get(f"/teach/questions/{question_id}/regrade")
    assert page.status_code == 200 and "Regrade now" in page.get_data(as_text=True)
    assert post(teacher, f"/teach/questions/{question_id}/regrade").status_code == 302

    with app.app_context():
        after = {a.id: a.score for a in db.session.scalars(db.select(Attempt))}
        assert after[right] == pytest.approx(before[right] - 1)
        assert after[wrong] == pytest.approx(before[wrong] + 1)
        responses = db.session.scalars(db.select(Response).where(Response.question_id == question_id)).all()
        assert sorted(r.points for r in responses) == [0.0, 1.0]
        record = db.session.scalar(db.select(Regrade))
        assert (record.quiz_id, record.question_id, record.attempts_changed) == (quiz_id, question_id, 2)
        assert record.user.email == "teacher@example.org" and record.created_at is not None
        assert record.key == options[other] and record.points_change == pytest.approx(0)
    assert "teacher@example.org" in teacher.get(f"/teach/questions/{question_id}/regrade").get_data(as_text=True)


def test_editing_only_the_wording_does_not_ask_for_a_regrade(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=1)
    with app.app_context():
        question = db.session.get(Quiz, quiz_id).items[0].question
        data = form_of(question)
        question_id = question.id
    submit_attempt(app, quiz_id, "Ada", {0: None})
    data["prompt"] = "Reworded"
    response = post(teacher, f"/teach/questions/{question_id}", data)
    assert response.status_code == 302 and "regrade" not in response.headers["Location"]


def form_of(question) -> dict:
    """Return the edit form's fields for a stored question, unchanged."""
    choice = question.kind in ("single", "multiple", "true_false")
    return {
        "kind": question.kind, "prompt": question.prompt, "options": "\n".join(question.options),
        "correct_options": ", ".join(str(i + 1) for i in question.correct) if choice else "",
        "accepted": "" if choice else "\n".join(f"{v:g}" if isinstance(v, float) else str(v) for v in question.correct),
        "tolerance": str(question.tolerance), "explanation": question.explanation, "points": str(question.points),
    }


def test_answered_question_keeps_its_kind_and_number_of_options(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id)
    with app.app_context():
        item = next(i for i in db.session.get(Quiz, quiz_id).items if i.question.kind == "single")
        data, question_id, position = form_of(item.question), item.question_id, item.position
    submit_attempt(app, quiz_id, "Ada", {position: 0})
    fewer = post(teacher, f"/teach/questions/{question_id}", {**data, "options": "only\ntwo", "correct_options": "1"})
    assert fewer.status_code == 400 and 'id="options-errors"' in fewer.get_data(as_text=True)
    other_kind = post(teacher, f"/teach/questions/{question_id}", {**data, "kind": "short", "accepted": "x"})
    assert other_kind.status_code == 400
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert question.kind == "single" and question.options == data["options"].split("\n")
