"""Quiz builder: from approved questions, ordering by buttons, settings, publishing, sharing, archiving."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Document, Question, Quiz, QuizQuestion
from quizapp.services import quizzes

from .teaching import approve_all, document_id, make_document, make_quiz, post, submit_attempt, teacher  # noqa: F401 (teacher, document_id: fixtures)

SETTINGS = {
    "title": "Solar quiz", "time_limit_minutes": "20", "max_attempts": "3", "grading_method": "average",
    "opens_at": "2030-01-01T08:00", "closes_at": "2030-01-02T08:00", "one_per_page": "1",
    "shuffle_questions": "y", "review": "after_close", "pass_mark": "60", "roster": " s1 \n\ns2\n",
}


def item_order(app, quiz_id):
    with app.app_context():
        return [item.question_id for item in db.session.get(Quiz, quiz_id).items]


def test_quiz_is_built_only_from_approved_questions(app, teacher, document_id):
    with app.app_context():
        ids = [q.id for q in db.session.get(Document, document_id).questions]
    no_approved = post(teacher, f"/teach/documents/{document_id}/quizzes/new", {"title": "T", "questions": [str(ids[0])]})
    assert no_approved.status_code == 400 and 'id="questions-errors"' in no_approved.get_data(as_text=True)
    for question_id in ids[:3]:
        post(teacher, f"/teach/questions/{question_id}/status", {"status": "approved"})
    built = post(teacher, f"/teach/documents/{document_id}/quizzes/new",
                 {"title": "Mine", "questions": [str(ids[0]), str(ids[2])]})
    assert built.status_code == 302
    with app.app_context():
        quiz = db.session.scalar(db.select(Quiz))
        assert quiz.title == "Mine" and not quiz.published
        assert [item.question_id for item in quiz.items] == [ids[0], ids[2]]


def test_order_with_buttons_without_javascript(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=3, publish=False)
    first, second, third = item_order(app, quiz_id)
    with app.app_context():
        entry = db.session.scalar(db.select(QuizQuestion).where(QuizQuestion.question_id == third))
        entry_id = entry.id
    assert post(teacher, f"/teach/quizzes/{quiz_id}/items/{entry_id}/move", {"direction": "up"}).status_code == 302
    assert item_order(app, quiz_id) == [first, third, second]
    post(teacher, f"/teach/quizzes/{quiz_id}/items/{entry_id}/move", {"direction": "up"})
    post(teacher, f"/teach/quizzes/{quiz_id}/items/{entry_id}/move", {"direction": "up"})  # already first
    assert item_order(app, quiz_id) == [third, first, second]
    post(teacher, f"/teach/quizzes/{quiz_id}/items/{entry_id}/move", {"direction": "sideways"})
    assert item_order(app, quiz_id) == [third, first, second]
    assert post(teacher, f"/teach/quizzes/{quiz_id}/items/999999/move", {"direction": "up"}).status_code == 302
    page = teacher.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    assert 'name="direction" value="down"' in page


def test_add_and_remove_questions(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2, publish=False)
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        extra = [q.id for q in quiz.document.questions if q.id not in {i.question_id for i in quiz.items}][0]
        removed_item = quiz.items[0].id
    post(teacher, f"/teach/quizzes/{quiz_id}/items/add", {"questions": [str(extra)]})
    assert item_order(app, quiz_id)[-1] == extra
    post(teacher, f"/teach/quizzes/{quiz_id}/items/{removed_item}/remove")
    assert len(item_order(app, quiz_id)) == 2


def test_settings_are_saved(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2, publish=False)
    response = post(teacher, f"/teach/quizzes/{quiz_id}", SETTINGS)
    assert response.status_code == 302
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert (quiz.title, quiz.time_limit_minutes, quiz.max_attempts, quiz.grading_method) == ("Solar quiz", 20, 3, "average")
        # Typed in the instance's zone (Europe/Rome, UTC+1 in January), stored in UTC.
        assert quiz.opens_at == dt.datetime(2030, 1, 1, 7) and quiz.closes_at == dt.datetime(2030, 1, 2, 7)
        assert quiz.one_per_page and quiz.shuffle_questions and not quiz.shuffle_options
        assert (quiz.review, quiz.pass_mark, quiz.roster) == ("after_close", 60.0, "s1\ns2")
    cleared = post(teacher, f"/teach/quizzes/{quiz_id}", {**SETTINGS, "time_limit_minutes": "", "max_attempts": "",
                                                          "opens_at": "", "closes_at": "", "pass_mark": "", "roster": ""})
    assert cleared.status_code == 302
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert (quiz.time_limit_minutes, quiz.max_attempts, quiz.opens_at, quiz.pass_mark, quiz.roster) == (None,) * 5


@pytest.mark.parametrize(("field", "value"), [
    ("time_limit_minutes", "0"), ("time_limit_minutes", "abc"), ("max_attempts", "-2"),
    ("grading_method", "median"), ("closes_at", "2029-12-31T08:00"), ("pass_mark", "101"),
    ("review", "sometimes"), ("title", ""), ("opens_at", "tomorrow"),
])
def test_bad_settings_come_back_with_a_message_next_to_the_field(app, teacher, document_id, field, value):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=1, publish=False)
    response = post(teacher, f"/teach/quizzes/{quiz_id}", {**SETTINGS, field: value})
    assert response.status_code == 400
    assert f'id="{field}-errors"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).title == "Quiz"


def test_publish_needs_an_approved_question_and_unpublish_closes(app, teacher, document_id):
    with app.app_context():
        document = db.session.get(Document, document_id)
        from quizapp.services import quizzes

        quiz = quizzes.create_quiz(document.owner, document, "Empty", [])
        db.session.commit()
        quiz_id = quiz.id
    post(teacher, f"/teach/quizzes/{quiz_id}/publish", {"action": "publish"})
    with app.app_context():
        assert not db.session.get(Quiz, quiz_id).published
    approve_all(app, document_id)
    good = make_quiz(app, document_id, count=1, publish=False)
    post(teacher, f"/teach/quizzes/{good}/publish", {"action": "publish"})
    with app.app_context():
        assert db.session.get(Quiz, good).published
    post(teacher, f"/teach/quizzes/{good}/publish", {"action": "unpublish"})
    with app.app_context():
        assert not db.session.get(Quiz, good).published


def test_share_shows_code_link_and_inline_svg_qr(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=1)
    with app.app_context():
        code = db.session.get(Quiz, quiz_id).join_code
    page = teacher.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    assert code in page and f"http://localhost/q/{code}" in page
    assert "<svg" in page and 'class="qr"' in page


def test_deleting_a_quiz_with_attempts_asks_and_archives(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=1)
    submit_attempt(app, quiz_id, "Ada", {})
    confirm = teacher.get(f"/teach/quizzes/{quiz_id}/delete").get_data(as_text=True)
    assert "archived" in confirm
    post(teacher, f"/teach/quizzes/{quiz_id}/delete")
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz.archived and not quiz.published
        assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 1
    # Its results are still there.
    assert teacher.get(f"/teach/quizzes/{quiz_id}/results").status_code == 200
    assert post(teacher, f"/teach/quizzes/{quiz_id}/publish", {"action": "publish"}).status_code == 302
    with app.app_context():
        assert not db.session.get(Quiz, quiz_id).published


def test_deleting_an_unused_quiz_removes_it(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=1)
    post(teacher, f"/teach/quizzes/{quiz_id}/delete")
    with app.app_context():
        assert db.session.get(Quiz, quiz_id) is None
        assert db.session.get(Document, document_id) is not None


def test_deleting_a_document_with_attempts_archives_it_and_keeps_scores(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=1)
    submit_attempt(app, quiz_id, "Ada", {})
    assert "archived" in teacher.get(f"/teach/documents/{document_id}/delete").get_data(as_text=True)
    post(teacher, f"/teach/documents/{document_id}/delete")
    with app.app_context():
        assert db.session.get(Document, document_id).archived
        assert db.session.get(Quiz, quiz_id).archived
        assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 1
    assert "Archived" in teacher.get("/teach/").get_data(as_text=True)


def test_removing_questions_is_refused_once_students_started(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2)
    submit_attempt(app, quiz_id, "Ada", {})
    with app.app_context():
        item_id = db.session.get(Quiz, quiz_id).items[0].id
    post(teacher, f"/teach/quizzes/{quiz_id}/items/{item_id}/remove")
    assert len(item_order(app, quiz_id)) == 2


def test_a_whole_new_order_as_dragging_sends_it(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=3, publish=False)
    with app.app_context():
        items = [(item.id, item.question_id) for item in db.session.get(Quiz, quiz_id).items]
    new_order = [items[2], items[0], items[1]]
    response = post(teacher, f"/teach/quizzes/{quiz_id}/items/order", {"order": ",".join(str(i) for i, _q in new_order)})
    assert response.status_code == 302
    assert item_order(app, quiz_id) == [question for _i, question in new_order]
    for bad in ("", "1,2", ",".join(str(i) for i, _q in items[:2]) + ",999999", "a,b,c"):
        post(teacher, f"/teach/quizzes/{quiz_id}/items/order", {"order": bad})
        assert item_order(app, quiz_id) == [question for _i, question in new_order]


def test_each_item_names_its_question_and_shows_its_kind(app, teacher, document_id):
    """Screen readers hear which question a button moves; two prompts alike differ by their kind."""
    approve_all(app, document_id)
    with app.app_context():
        questions = db.session.get(Document, document_id).questions
        single = next(q for q in questions if q.kind == "single")
        other = next(q for q in questions if q.kind not in ("single", "true_false"))
        other.prompt = single.prompt
        labels = {"single": "Single choice", "multiple": "Multiple select", "cloze": "Fill in the blank",
                  "short": "Short answer", "numeric": "Number"}
        expected_kinds = [labels[single.kind], labels[other.kind]]
        third = next(q for q in questions if q not in (single, other))
        quiz = quizzes.create_quiz(single.document.owner, single.document, "Alike", [single, other, third])
        db.session.commit()
        quiz_id = quiz.id
    page = teacher.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    items = re.findall(r'<li id="item-\d+".*?</li>', page, re.DOTALL)
    assert len(items) == 3
    for number, item in enumerate(items, start=1):
        hidden = re.findall(r'<span class="visually-hidden">\s*([^<]*)</span>', item)
        moves = [f"Move question {number} up"] if number > 1 else []
        moves += [f"Move question {number} down"] if number < 3 else []
        assert hidden == moves + [f"question {number}", f"question {number}"]  # then Remove, Edit
        # The visible text stays as it was; the arrow itself is not read out.
        assert ('<span aria-hidden="true">↑</span>' in item) == (number > 1)
        assert ('<span aria-hidden="true">↓</span>' in item) == (number < 3)
        assert re.search(r">Remove<span class=\"visually-hidden\"> question \d</span></button>", item)
        assert re.search(r">Edit<span class=\"visually-hidden\"> question \d</span></a>", item)
    prompts = [re.search(r'<span lang="\w+">([^<]*)</span>', item).group(1) for item in items[:2]]
    assert prompts[0] == prompts[1]
    for item, kind in zip(items, expected_kinds):
        assert f'<span class="meta">({kind} · ' in item


def test_only_quizzes_their_teacher_lists_appear_on_the_home_page(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2)
    home = app.test_client()
    assert "Solar quiz" not in home.get("/").get_data(as_text=True)  # published, not listed
    assert 'name="listed"' in teacher.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    assert post(teacher, f"/teach/quizzes/{quiz_id}", {**SETTINGS, "opens_at": "", "roster": "",
                                                       "listed": "y"}).status_code == 302
    assert "Solar quiz" in home.get("/").get_data(as_text=True)
    assert post(teacher, f"/teach/quizzes/{quiz_id}", {**SETTINGS, "opens_at": "", "roster": ""}).status_code == 302
    assert "Solar quiz" not in home.get("/").get_data(as_text=True)


def test_whole_numbers_are_shown_without_a_decimal_point_in_the_settings(app, teacher, document_id):
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2, publish=False)
    assert post(teacher, f"/teach/quizzes/{quiz_id}", SETTINGS).status_code == 302
    page = teacher.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    assert re.search(r'name="pass_mark"[^>]*value="60"', page), "pass mark shown as 60.0"


def test_a_question_that_gives_another_away_is_refused(app, teacher):
    """The cloze quoting "China All-Solid-State … (CASIP)" cannot join the question asking what CASIP stands for."""
    document_id = make_document(app)  # the seed article
    approve_all(app, document_id)
    with app.app_context():
        questions = db.session.get(Document, document_id).questions
        acronym = next(q for q in questions if q.kind == "short" and "CASIP" in q.prompt)
        quoting = next(q for q in questions if q.kind == "cloze" and acronym.answer_texts[0] in q.prompt)
        acronym_id, quoting_id = acronym.id, quoting.id
        quiz = quizzes.create_quiz(acronym.document.owner, acronym.document, "Quiz", [acronym])
        db.session.commit()
        quiz_id = quiz.id
    response = post(teacher, f"/teach/quizzes/{quiz_id}/items/add", {"questions": [str(quoting_id)]},
                    follow_redirects=True)
    assert "give each other away" in response.get_data(as_text=True)
    assert item_order(app, quiz_id) == [acronym_id]


REVIEW = Path(__file__).resolve().parents[2] / "bench" / "review"


@pytest.mark.parametrize("name", ["holdout31/it_news_63.txt", "holdout35/en_news_72.txt"])
def test_an_automatic_quiz_of_a_new_document_is_the_generator_s_own(app, teacher, name):
    """The bank opens with the quiz the generator picked from the whole text: that quiz, not a second pick.

    Picking again from the bank's order once chose other questions for these texts (teachers saw one
    quiz first and the app assembled another).
    """
    document_id = make_document(app, text=(REVIEW / name).read_text(encoding="utf-8"))
    with app.app_context():
        bank = sorted(db.session.get(Document, document_id).questions, key=lambda q: q.position)
        chosen = quizzes.balanced_selection(bank, 10)
        assert [q.position for q in chosen] == [q.position for q in bank[:10]]
