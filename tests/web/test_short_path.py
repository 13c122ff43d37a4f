"""The short teacher path without JavaScript: paste, the proposed quiz on one screen, untick or edit in place, publish."""

from __future__ import annotations

import re

import pytest
from werkzeug.datastructures import MultiDict

from quizapp import jobs
from quizapp.extensions import db
from quizapp.models import Document, Question, Quiz
from quizapp.services import proposals

from ..conftest import SEED_FILE
from .browserlike import form_fields
from .teaching import ENGLISH, make_document, post, teacher  # noqa: F401 (teacher: fixture)
from .test_jobs import LONG_ENGLISH


def proposal_page(client, document_id: int):
    """Return the proposal page's HTML and the fields its form sends untouched."""
    page = client.get(f"/teach/documents/{document_id}/proposal")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    return html, form_fields(html, "proposal-form")


def send(client, document_id: int, fields: list[tuple[str, str]], action: str = "publish"):
    return client.post(f"/teach/documents/{document_id}/proposal", data=MultiDict([*fields, ("action", action)]))


def ticked(fields) -> list[int]:
    return [int(value) for name, value in fields if name == "questions"]


def replace(fields, name: str, value: str) -> list[tuple[str, str]]:
    assert any(n == name for n, _ in fields), name
    return [(n, value if n == name else v) for n, v in fields]


def test_pasting_a_text_leads_to_a_proposed_quiz_that_one_post_publishes(app, teacher):
    created = post(teacher, "/teach/documents/new", {"text": SEED_FILE.read_text(encoding="utf-8"), "then": "quiz"})
    assert created.status_code == 302 and created.headers["Location"].endswith("/proposal")
    document_id = int(created.headers["Location"].split("/")[-2])
    html, fields = proposal_page(teacher, document_id)
    chosen = ticked(fields)
    with app.app_context():
        expected, others = proposals.propose(db.session.get(Document, document_id))
        assert chosen == [q.id for q in expected] and len(chosen) == proposals.PROPOSAL_SIZE
        questions = [db.session.get(Question, question_id) for question_id in chosen]
        # Kinds mixed, one fact once; the others offered are of other facts, unticked.
        assert len({q.kind for q in questions}) >= 3
        facts = [q.fact_id for q in questions if q.fact_id is not None]
        assert len(facts) == len(set(facts))
        assert others and not {q.fact_id for q in others} & set(facts)
    assert all(f'id="proposed-{q.id}"' in html for q in others)

    published = send(teacher, document_id, fields)
    assert published.status_code == 302 and re.search(r"/teach/quizzes/\d+#share$", published.headers["Location"])
    with app.app_context():
        db.session.remove()
        quiz = db.session.scalar(db.select(Quiz))
        assert quiz.published and [item.question_id for item in quiz.items] == chosen
        assert all(item.question.status == "approved" for item in quiz.items)
        assert {name: getattr(quiz, name) for name in proposals.DEFAULT_SETTINGS} == proposals.DEFAULT_SETTINGS
        # Nothing the teacher did not touch was rewritten, and the rest of the bank stays drafts.
        assert all(item.question.origin == "generated" for item in quiz.items)
        rest = [q for q in db.session.get(Document, document_id).questions if q.id not in chosen]
        assert rest and {q.status for q in rest} == {"draft"}
    # The settings stay editable: the quiz page is the usual one.
    page = teacher.get(published.headers["Location"].split("#")[0]).get_data(as_text=True)
    assert 'name="time_limit_minutes"' in page and quiz.join_code in page


def test_unticked_questions_are_left_out_ticked_others_added_and_edits_saved(app, teacher):
    document_id = make_document(app, text=SEED_FILE.read_text(encoding="utf-8"))
    html, fields = proposal_page(teacher, document_id)
    chosen = ticked(fields)
    left_out, edited = chosen[0], chosen[1]
    with app.app_context():
        _proposed, others = proposals.propose(db.session.get(Document, document_id))
        added = others[0].id
    fields = [(n, v) for n, v in fields if (n, v) != ("questions", str(left_out))] + [("questions", str(added))]
    fields = replace(fields, f"q{edited}-prompt", "Reworded in place?")
    fields = replace(fields, f"q{edited}-explanation", "Said in the second paragraph.")
    sent = send(teacher, document_id, fields)
    assert sent.status_code == 302, re.findall(r'class="errors"[^>]*>(.*?)</ul>', sent.get_data(as_text=True), re.S)
    with app.app_context():
        quiz = db.session.scalar(db.select(Quiz))
        held = [item.question_id for item in quiz.items]
        assert left_out not in held and added in held and len(held) == len(chosen)
        question = db.session.get(Question, edited)
        assert (question.prompt, question.explanation, question.origin) == (
            "Reworded in place?", "Said in the second paragraph.", "edited")
        assert db.session.get(Question, left_out).status == "draft"


def test_an_invalid_edit_comes_back_next_to_its_field_and_nothing_is_published(app, teacher):
    document_id = make_document(app, text=SEED_FILE.read_text(encoding="utf-8"))
    _html, fields = proposal_page(teacher, document_id)
    with app.app_context():
        cloze = next(db.session.get(Question, i) for i in ticked(fields) if db.session.get(Question, i).kind == "cloze")
        cloze_id, before = cloze.id, cloze.prompt
    refused = send(teacher, document_id, replace(fields, f"q{cloze_id}-prompt", "No blank in this one?"))
    body = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert f'id="q{cloze_id}-prompt-errors"' in body and "needs a blank" in body
    # What was typed stays, to be corrected rather than typed again.
    assert "No blank in this one?" in body
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 0
        assert db.session.get(Question, cloze_id).prompt == before


def test_nothing_ticked_is_refused_with_a_message(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    _html, fields = proposal_page(teacher, document_id)
    refused = send(teacher, document_id, [(n, v) for n, v in fields if n != "questions"])
    assert refused.status_code == 400 and "Tick at least one question." in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 0


def test_save_as_a_draft_makes_an_unpublished_quiz(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    _html, fields = proposal_page(teacher, document_id)
    saved = send(teacher, document_id, replace(fields, "title", "Solar quiz"), action="draft")
    assert saved.status_code == 302
    with app.app_context():
        quiz = db.session.scalar(db.select(Quiz))
        assert (quiz.title, quiz.published, len(quiz.items)) == ("Solar quiz", False, len(ticked(fields)))


def test_rejected_questions_are_never_proposed(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    _html, fields = proposal_page(teacher, document_id)
    first = ticked(fields)[0]
    with app.app_context():
        db.session.get(Question, first).status = "rejected"
        db.session.commit()
    _html, fields = proposal_page(teacher, document_id)
    assert first not in ticked(fields) and f'id="proposed-{first}"' not in _html


@pytest.mark.parametrize("kind, shown, hidden", [
    ("cloze", ["prompt", "accepted"], ["options", "correct_options", "tolerance"]),
    ("single", ["prompt", "options", "correct_options"], ["accepted", "tolerance"]),
])
def test_the_proposal_edits_only_the_fields_of_each_questions_kind(app, teacher, kind, shown, hidden):
    document_id = make_document(app, text=SEED_FILE.read_text(encoding="utf-8"))
    html, fields = proposal_page(teacher, document_id)
    with app.app_context():
        question_id = next(i for i in ticked(fields) if db.session.get(Question, i).kind == kind)
    names = {name for name, _value in fields}
    assert all(f"q{question_id}-{name}" in names for name in shown)
    assert not any(f"q{question_id}-{name}" in html for name in hidden)


def test_a_long_text_goes_through_its_job_page_to_the_proposal(app, teacher):
    queued = post(teacher, "/teach/documents/new", {"text": LONG_ENGLISH, "language": "en", "then": "quiz"})
    assert queued.status_code == 302 and "/jobs/" in queued.headers["Location"]
    waiting = teacher.get(queued.headers["Location"])
    assert waiting.status_code == 200 and 'id="job-progress"' in waiting.get_data(as_text=True)
    assert jobs.run_pending(app) == 1
    done = teacher.get(queued.headers["Location"])
    assert done.status_code == 302 and done.headers["Location"].endswith("/proposal")
    html = teacher.get(done.headers["Location"]).get_data(as_text=True)
    assert len(ticked(form_fields(html, "proposal-form"))) == proposals.PROPOSAL_SIZE


def test_the_dashboard_starts_the_short_path(app, teacher):
    page = teacher.get("/teach/").get_data(as_text=True)
    start = form_fields(page.split('id="quick-start-heading"', 1)[1].replace("<form ", '<form id="quick" ', 1), "quick")
    assert ("text", "") in start and any(name == "csrf_token" for name, _value in start)
    assert 'name="then" value="quiz"' in page.split('id="quick-start-heading"', 1)[1]


def test_an_edit_that_gives_another_questions_answer_away_is_refused(app, teacher):
    document_id = make_document(app, text=SEED_FILE.read_text(encoding="utf-8"))
    _html, fields = proposal_page(teacher, document_id)
    with app.app_context():
        questions = [db.session.get(Question, i) for i in ticked(fields)]
        single = next(q for q in questions if q.kind == "single")
        other = next(q for q in questions if q.kind == "cloze")
        single_id, before, answer = single.id, single.prompt, other.answer_texts[0]
    leaking = replace(fields, f"q{single_id}-prompt", f"Which of these, now that we know of {answer}?")
    refused = send(teacher, document_id, leaking)
    assert refused.status_code == 400 and "give each other away" in refused.get_data(as_text=True)
    with app.app_context():
        db.session.remove()
        assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 0
        # The edit was undone with the rest: nothing is half saved.
        single = db.session.get(Question, single_id)
        assert (single.prompt, single.status) == (before, "draft")
