"""The bank in place: status and edits answered as JSON for the script, bulk changes, kind-specific forms, no-JS fallbacks."""

from __future__ import annotations

import re

import pytest
from werkzeug.datastructures import MultiDict

from quizapp.extensions import db
from quizapp.models import Document, Question, Quiz

from .browserlike import form_fields
from .teaching import approve_all, document_id, make_quiz, post, submit_attempt, teacher  # noqa: F401 (fixtures)
from .test_teacher_review import form_of, written

JSON = {"Accept": "application/json"}


def ids_of(app, document_id: int, kinds=None) -> list[int]:
    with app.app_context():
        query = db.select(Question.id).where(Question.document_id == document_id).order_by(Question.position)
        if kinds:
            query = query.where(Question.kind.in_(kinds))
        return list(db.session.scalars(query))


def statuses(app, ids) -> list[str]:
    with app.app_context():
        db.session.remove()
        return [db.session.get(Question, i).status for i in ids]


def test_a_status_change_from_the_script_answers_with_the_fresh_card_and_counts(app, teacher, document_id):
    question_id = ids_of(app, document_id)[0]
    answer = post(teacher, f"/teach/questions/{question_id}/status", {"status": "approved"}, headers=JSON)
    assert answer.status_code == 200
    body = answer.get_json()
    assert body["ok"] and body["message"] == "Question approved."
    card = body["cards"][str(question_id)]
    assert card.lstrip().startswith(f'<li id="question-{question_id}" class="card question-card status-approved"')
    assert "Back to draft" in card and "Approve<" not in card
    assert body["counts"]["approved"] == 1
    assert statuses(app, [question_id]) == ["approved"]


def test_the_cards_number_follows_the_page_it_came_from(app, teacher, document_id):
    """The card's buttons say "question n": n as the page the request came from numbers it."""
    first, second = ids_of(app, document_id)[:2]
    post(teacher, f"/teach/questions/{first}/status", {"status": "rejected"})
    page = teacher.get(f"/teach/documents/{document_id}/questions?status=draft").get_data(as_text=True)
    answer = post(teacher, f"/teach/questions/{second}/status", {"status": "approved", "back_status": "draft"},
                  headers=JSON).get_json()
    number = re.search(rf'id="question-{second}".*?Tick question (\d+)', page, re.S)
    assert number and f"Tick question {number.group(1)}<" in answer["cards"][str(second)]


def test_a_refused_status_change_is_409_with_a_message_for_the_script(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=1)
    with app.app_context():
        question_id = db.session.get(Quiz, quiz_id).items[0].question_id
    answer = post(teacher, f"/teach/questions/{question_id}/status", {"status": "rejected"}, headers=JSON)
    assert answer.status_code == 409
    assert answer.get_json() == {"ok": False, "message": "This question is in a published quiz: unpublish the quiz "
                                                         "or remove it from the quiz first."}
    assert statuses(app, [question_id]) == ["approved"]


def test_bulk_approve_without_javascript_redirects_back_with_a_message(app, teacher, document_id):
    chosen = ids_of(app, document_id)[:3]
    rest = ids_of(app, document_id)[3:]
    page = teacher.get(f"/teach/documents/{document_id}/questions?status=draft").get_data(as_text=True)
    fields = form_fields(page, "bulk-form") + [("ids", str(i)) for i in chosen] + [("status", "approved")]
    done = teacher.post(f"/teach/documents/{document_id}/questions/bulk", data=MultiDict(fields))
    assert done.status_code == 302 and done.headers["Location"].endswith(f"/teach/documents/{document_id}/questions?status=draft")
    assert "3 questions approved." in teacher.get(done.headers["Location"]).get_data(as_text=True)
    assert statuses(app, chosen) == ["approved"] * 3 and set(statuses(app, rest)) == {"draft"}


def test_bulk_reject_changes_the_others_when_one_is_in_a_published_quiz(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=1)
    with app.app_context():
        held = db.session.get(Quiz, quiz_id).items[0].question_id
    free = [i for i in ids_of(app, document_id) if i != held][:2]
    answer = teacher.post(f"/teach/documents/{document_id}/questions/bulk", headers=JSON, data=MultiDict(
        [("csrf_token", _token(teacher)), ("status", "rejected"), ("ids", str(held))] + [("ids", str(i)) for i in free]))
    body = answer.get_json()
    assert answer.status_code == 200 and sorted(body["cards"]) == sorted(str(i) for i in free)
    assert body["message"] == "2 questions rejected. 1 question is in a published quiz and stays approved."
    assert statuses(app, [held, *free]) == ["approved", "rejected", "rejected"]


@pytest.mark.parametrize("ids", [[], ["987654"], ["abc"]])
def test_bulk_with_nothing_or_a_question_not_of_this_document_changes_nothing(app, teacher, document_id, ids):
    before = statuses(app, ids_of(app, document_id))
    data = MultiDict([("csrf_token", _token(teacher)), ("status", "approved")] + [("ids", i) for i in ids])
    plain = teacher.post(f"/teach/documents/{document_id}/questions/bulk", data=data)
    assert plain.status_code == 302
    scripted = teacher.post(f"/teach/documents/{document_id}/questions/bulk", data=data, headers=JSON)
    assert scripted.status_code == 409 and scripted.get_json()["message"]
    assert statuses(app, ids_of(app, document_id)) == before


def test_bulk_refuses_an_unknown_status(app, teacher, document_id):
    question_id = ids_of(app, document_id)[0]
    answer = post(teacher, f"/teach/documents/{document_id}/questions/bulk", {"ids": str(question_id), "status": "gone"},
                  headers=JSON)
    assert answer.status_code == 409 and statuses(app, [question_id]) == ["draft"]


def test_tick_all_works_without_javascript(app, teacher, document_id):
    page = teacher.get(f"/teach/documents/{document_id}/questions?tick=all").get_data(as_text=True)
    boxes = re.findall(r'<input type="checkbox" name="ids" value="(\d+)" form="bulk-form"[^>]*>', page)
    assert sorted(map(int, boxes)) == sorted(ids_of(app, document_id))
    assert all(value in dict.fromkeys(v for n, v in form_fields(page, "bulk-form") if n == "ids") for value in boxes)
    assert "Untick all" in page


def _token(client) -> str:
    from ..conftest import csrf_token

    return csrf_token(client, "/teach/")


def test_the_in_place_editor_is_the_form_alone_and_saves_as_json(app, teacher, document_id):
    question_id = ids_of(app, document_id, ["single"])[0]
    fragment = teacher.get(f"/teach/questions/{question_id}?inline=1")
    html = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and html.lstrip().startswith("<form") and "<html" not in html
    assert 'data-async="edit"' in html and f'action="/teach/questions/{question_id}"' in html
    fields = MultiDict(form_fields(html.replace("<form ", '<form id="e" ', 1), "e"))
    fields["prompt"] = "Which city, edited in place?"
    saved = teacher.post(f"/teach/questions/{question_id}", data=fields, headers=JSON)
    body = saved.get_json()
    assert saved.status_code == 200 and body["message"] == "Question saved."
    assert "Which city, edited in place?" in body["cards"][str(question_id)]
    with app.app_context():
        assert db.session.get(Question, question_id).prompt == "Which city, edited in place?"

    fields["prompt"] = ""
    refused = teacher.post(f"/teach/questions/{question_id}", data=fields, headers=JSON)
    assert refused.status_code == 400 and 'id="prompt-errors"' in refused.get_json()["form"]
    with app.app_context():
        assert db.session.get(Question, question_id).prompt == "Which city, edited in place?"


def test_an_answered_key_changed_in_place_leads_to_the_regrade(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id)
    with app.app_context():
        item = next(i for i in db.session.get(Quiz, quiz_id).items if i.question.kind == "single")
        data, question_id, position = form_of(item.question), item.question_id, item.position
        wrong = next(n for n in range(len(item.question.options)) if n not in item.question.correct)
    submit_attempt(app, quiz_id, "Ada", {position: 0})
    answer = post(teacher, f"/teach/questions/{question_id}", {**data, "correct_options": str(wrong + 1)}, headers=JSON)
    assert answer.get_json() == {"ok": True, "redirect": f"/teach/questions/{question_id}/regrade"}


KIND_FIELDS = {
    "cloze": ({"accepted"}, {"options", "correct_options", "tolerance"}),
    "short": ({"accepted"}, {"options", "correct_options", "tolerance"}),
    "numeric": ({"accepted", "tolerance"}, {"options", "correct_options"}),
    "single": ({"options", "correct_options"}, {"accepted", "tolerance"}),
    "multiple": ({"options", "correct_options"}, {"accepted", "tolerance"}),
    "true_false": ({"correct_options"}, {"options", "accepted", "tolerance"}),
}
QUESTIONS = {
    "cloze": (["____ is the capital."], [], ["Rome"]), "short": (["Capital?"], [], ["Rome"]),
    "numeric": (["Year?"], [], [2030.0]), "single": (["Which?"], ["a", "b"], [0]),
    "multiple": (["Which?"], ["a", "b", "c"], [0, 2]), "true_false": (["True?"], ["True", "False"], [1]),
}


@pytest.mark.parametrize("kind", sorted(KIND_FIELDS))
def test_the_edit_form_shows_only_the_fields_of_the_questions_kind(app, teacher, document_id, kind):
    shown, hidden = KIND_FIELDS[kind]
    _prompt, options, correct = QUESTIONS[kind]
    question_id = written(app, document_id, kind, options, correct)
    for url in (f"/teach/questions/{question_id}", f"/teach/questions/{question_id}?inline=1"):
        html = teacher.get(url).get_data(as_text=True)
        names = set(re.findall(r'name="([a-z_]+)"', html))
        assert shown | {"kind", "prompt", "explanation", "points"} <= names, url
        assert not hidden & names, (url, hidden & names)


def test_choosing_another_kind_shows_its_fields_and_saves_nothing(app, teacher, document_id):
    question_id = written(app, document_id, "cloze", [], ["Rome"])
    page = teacher.get(f"/teach/questions/{question_id}").get_data(as_text=True)
    fields = MultiDict(form_fields(page.replace('<form method="post" action="/teach/questions', '<form id="e" method="post" action="/teach/questions', 1), "e"))
    assert fields["shown_kind"] == "cloze"
    fields["kind"] = "numeric"
    switched = teacher.post(f"/teach/questions/{question_id}", data=fields)
    html = switched.get_data(as_text=True)
    assert switched.status_code == 200 and 'name="tolerance"' in html and "fill in its fields" in html
    assert 'name="shown_kind" type="hidden" value="numeric"' in html
    with app.app_context():
        assert db.session.get(Question, question_id).kind == "cloze"
    # Filled in and sent again, it saves as the new kind.
    fields = MultiDict(form_fields(html.replace('<form method="post" action="/teach/questions', '<form id="e" method="post" action="/teach/questions', 1), "e"))
    for name, value in {"prompt": "In which year?", "accepted": "2030", "tolerance": "1"}.items():
        fields[name] = value
    saved = teacher.post(f"/teach/questions/{question_id}", data=fields)
    assert saved.status_code == 302, re.findall(r'class="errors"[^>]*>(.*?)</ul>', saved.get_data(as_text=True), re.S)
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert (question.kind, question.correct, question.tolerance) == ("numeric", [2030.0], 1.0)


def test_the_write_page_switches_kind_too(app, teacher, document_id):
    page = teacher.get(f"/teach/documents/{document_id}/questions/new").get_data(as_text=True)
    assert 'name="options"' in page and 'name="accepted"' not in page  # a new question starts as single choice
    switched = post(teacher, f"/teach/documents/{document_id}/questions/new",
                    {"kind": "short", "shown_kind": "single", "prompt": "Capital of Italy?", "points": "1"})
    html = switched.get_data(as_text=True)
    assert switched.status_code == 200 and 'name="accepted"' in html and 'name="options"' not in html
    assert "Capital of Italy?" in html
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Question.id)).where(Question.origin == "manual")) == 0


def test_the_bank_page_loads_its_script_and_works_as_plain_forms(app, teacher, document_id):
    page = teacher.get(f"/teach/documents/{document_id}/questions").get_data(as_text=True)
    assert '<script src="/static/js/bank.js" defer></script>' in page and "<script>" not in page
    # Each status button is a form of its own with the CSRF token: it works with the script off.
    question_id = ids_of(app, document_id)[0]
    card = page.split(f'id="question-{question_id}"', 1)[1].split("</li>", 1)[0]
    assert f'action="/teach/questions/{question_id}/status" class="inline" data-async="status"' in card
    assert teacher.get("/static/js/bank.js").status_code == 200
    with app.app_context():
        assert db.session.get(Document, document_id) is not None
