"""Review: edit, approve, reject, regenerate one, write by hand; editing an answered key offers a regrade."""

from __future__ import annotations

import re

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Document, Question, Quiz, Regrade, Response
from quizapp.services import bank

from .teaching import approve_all, document_id, make_document, make_quiz, post, submit_attempt, teacher  # noqa: F401 (teacher, document_id: fixtures)


def first_of_kind(app, document_id, kinds):
    with app.app_context():
        return db.session.scalars(db.select(Question).where(Question.document_id == document_id,
                                                            Question.kind.in_(kinds))).first().id


def assert_refused(response, field: str, message: str = "") -> None:
    """Check that a form came back as a 400 with an error (and ``message``) next to ``field``."""
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert f'id="{field}-errors"' in body and message in body



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
    assert_refused(response, error_field)
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


def test_a_fill_in_the_blank_question_needs_a_blank(app, teacher, document_id):
    fields = {"kind": "cloze", "accepted": "Rome", "tolerance": "0", "points": "1", "options": "",
              "correct_options": "", "explanation": ""}
    refused = post(teacher, f"/teach/documents/{document_id}/questions/new", {**fields, "prompt": "Capital of Italy?"})
    assert refused.status_code == 400 and "needs a blank" in refused.get_data(as_text=True)
    saved = post(teacher, f"/teach/documents/{document_id}/questions/new", {**fields, "prompt": "____ is the capital."})
    assert saved.status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(Question).where(Question.origin == "manual")).prompt == "____ is the capital."


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


def test_regenerate_is_offered_only_where_options_can_be_redrawn(app, teacher, document_id):
    page = teacher.get(f"/teach/documents/{document_id}/questions").get_data(as_text=True)
    with app.app_context():
        document = db.session.get(Document, document_id)
        kinds = {q.id: q.kind for q in document.questions if q.status == "draft"}
    offered = {int(i) for i in re.findall(r'/teach/questions/(\d+)/regenerate', page)}
    assert offered and {kinds[i] for i in offered} <= {"single", "multiple"}
    assert any(kind == "cloze" for kind in kinds.values())


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
    assert_refused(fewer, "options")
    other_kind = post(teacher, f"/teach/questions/{question_id}", {**data, "kind": "short", "accepted": "x"})
    assert other_kind.status_code == 400
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert question.kind == "single" and question.options == data["options"].split("\n")


def written(app, document_id, kind, options, correct, tolerance=0.0) -> int:
    """Store a question written by hand in the document and return its id."""
    with app.app_context():
        document = db.session.get(Document, document_id)
        question = bank.write(document, bank.QuestionData(kind, f"A {kind} question?", options, correct, tolerance,
                                                          "", 1.0))
        db.session.commit()
        return question.id


def edit(app, teacher, question_id: int, **changes):
    """Post a stored question's edit form with some fields changed, as the teacher would."""
    with app.app_context():
        data = form_of(db.session.get(Question, question_id))
    return post(teacher, f"/teach/questions/{question_id}", {**data, **changes})


@pytest.mark.parametrize("tolerance", ["Infinity", "inf", "-inf", "nan", "NaN", "1e400", "-0.5"])
def test_tolerance_must_be_a_finite_number_not_below_zero(app, teacher, document_id, tolerance):
    question_id = written(app, document_id, "numeric", [], [1.8], 0.1)
    response = edit(app, teacher, question_id, tolerance=tolerance, prompt="Changed?")
    assert_refused(response, "tolerance", "Give the tolerance as a number, 0 or more, such as 0.5.")
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert (question.tolerance, question.prompt) == (0.1, "A numeric question?")


def test_a_finite_tolerance_is_saved(app, teacher, document_id):
    question_id = written(app, document_id, "numeric", [], [1.8], 0.1)
    assert edit(app, teacher, question_id, tolerance="0.25").status_code == 302
    with app.app_context():
        assert db.session.get(Question, question_id).tolerance == 0.25


@pytest.mark.parametrize("points", ["Infinity", "nan"])
def test_points_must_be_finite(app, teacher, document_id, points):
    question_id = written(app, document_id, "numeric", [], [1.8])
    response = edit(app, teacher, question_id, points=points)
    assert_refused(response, "points")
    with app.app_context():
        assert db.session.get(Question, question_id).points == 1.0


@pytest.mark.parametrize("options", ["True\nFalse\nMaybe", "False\nTrue", "Yes\nNo", "True"])
def test_true_false_options_other_than_the_two_are_refused(app, teacher, document_id, options):
    question_id = written(app, document_id, "true_false", ["True", "False"], [0])
    response = edit(app, teacher, question_id, options=options, correct_options="1")
    assert_refused(response, "options", "A true or false question has exactly the options True, False")
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert (question.options, question.correct) == (["True", "False"], [0])


@pytest.mark.parametrize("options", ["", "True\nFalse"])
def test_true_false_edit_only_chooses_which_option_is_correct(app, teacher, document_id, options):
    question_id = written(app, document_id, "true_false", ["True", "False"], [0])
    response = edit(app, teacher, question_id, options=options, correct_options="2")
    assert response.status_code == 302
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert (question.options, question.correct, question.answer_texts) == (["True", "False"], [1], ["False"])
    # Only 1 or 2 can be correct: there is no third option to name.
    refused = edit(app, teacher, question_id, options="", correct_options="3")
    assert_refused(refused, "correct_options")


def test_a_choice_question_turned_true_or_false_gets_the_two_options(app, teacher, document_id):
    question_id = written(app, document_id, "single", ["x", "y", "z"], [0])
    kept = edit(app, teacher, question_id, kind="true_false", correct_options="1")
    assert kept.status_code == 400
    with app.app_context():
        assert db.session.get(Question, question_id).kind == "single"
    switched = edit(app, teacher, question_id, kind="true_false", options="", correct_options="1")
    assert switched.status_code == 302
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert (question.kind, question.options, question.correct) == ("true_false", ["True", "False"], [0])


def test_a_true_or_false_question_written_for_an_italian_text_has_its_options_in_italian(app, teacher):
    document_id = make_document(app)  # the Italian seed
    with app.app_context():
        assert db.session.get(Document, document_id).language == "it"
    response = post(teacher, f"/teach/documents/{document_id}/questions/new", {
        "kind": "true_false", "prompt": "Il consorzio si chiama CASIP.", "options": "", "correct_options": "1",
        "accepted": "", "tolerance": "0", "explanation": "", "points": "1"})
    assert response.status_code == 302
    with app.app_context():
        question = db.session.scalars(db.select(Question).where(Question.document_id == document_id,
                                                                Question.origin == "manual")).one()
        assert (question.options, question.correct) == (["Vero", "Falso"], [0])
    english = post(teacher, f"/teach/documents/{document_id}/questions/new", {
        "kind": "true_false", "prompt": "CASIP?", "options": "True\nFalse", "correct_options": "1",
        "accepted": "", "tolerance": "0", "explanation": "", "points": "1"})
    assert english.status_code == 400 and "exactly the options Vero, Falso" in english.get_data(as_text=True)


def test_each_cards_buttons_name_their_question(app, teacher, document_id):
    """The bank repeats Edit, Approve, Reject… on every card: each says which question it acts on."""
    with app.app_context():
        questions = db.session.get(Document, document_id).questions
        questions[1].status = "approved"
        db.session.commit()
        count = len(questions)
    page = teacher.get(f"/teach/documents/{document_id}/questions").get_data(as_text=True)
    card = r'<li id="question-\d+" class="card question-card status-(\w+)".*?<div class="actions">(.*?)</div>'
    cards = re.findall(card, page, re.DOTALL)
    assert len(cards) == count > 2 and [status for status, _actions in cards].count("approved") == 1
    for number, (status, actions) in enumerate(cards, start=1):
        labels = re.findall(r'>\s*([^<>]+?)<span class="visually-hidden"> question (\d+)</span></(?:a|button)>',
                            actions)
        expected = ["Edit", "Reject", "Back to draft"]
        if status != "approved":
            # Regenerate shows on choice drafts only (see test_regenerate_is_offered_only_where_options_can_be_redrawn).
            expected = ["Edit", "Approve", "Reject"] + (["Regenerate"] if len(labels) == 4 else [])
        assert labels == [(label, str(number)) for label in expected]


def test_the_bank_folds_the_variants_of_one_fact_under_its_first_question(app, teacher, document_id):
    page = teacher.get(f"/teach/documents/{document_id}/questions").get_data(as_text=True)
    with app.app_context():
        questions = bank.bank(db.session.get(Document, document_id))
        groups = bank.by_fact(questions)
    assert sum(len(group) for group in groups) == len(questions)
    assert all(len({q.fact_id for q in group}) == 1 for group in groups)
    folded = [group for group in groups if len(group) > 1]
    assert folded, "the sample document has facts asked several ways"
    # Every question is on the page once; a fact's first question opens its group, the others are folded.
    assert all(page.count(f'id="question-{q.id}"') == 1 for q in questions)
    first, *others = folded[0]
    after_first = page.split(f'id="question-{first.id}"', 1)[1]
    card, folded_part = after_first.split("<details>", 1)
    folded_part = folded_part.split("</details>", 1)[0]
    assert all(f'id="question-{q.id}"' not in card for q in others)
    assert all(f'id="question-{q.id}"' in folded_part for q in others)
    assert "other way" in folded_part.split("</summary>", 1)[0]
    assert page.count("<details>") == len(folded)
