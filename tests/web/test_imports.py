"""Importing questions over the web: upload → preview → save, round trips of quizapp's own exports, bad files."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import lxml.html
import pytest

from quizapp.extensions import db
from quizapp.imports import service
from quizapp.models import Document, Question, Quiz, QuizQuestion
from quizapp.services import accounts, bank

from ..conftest import PASSWORD
from .teaching import ENGLISH, login, make_document, post, teacher  # noqa: F401 (teacher: a fixture)

DATA = Path(__file__).resolve().parent.parent / "data" / "import"
COMPARED = ("kind", "prompt", "options", "correct", "tolerance", "explanation", "points")


def preview(client, data: bytes, filename: str, url: str = "/teach/import", **fields):
    """Send a file to the import form as a browser does; return the preview (or the form with its errors)."""
    return post(client, url, {"upload": (io.BytesIO(data), filename), **fields}, content_type="multipart/form-data")


def save(client, page):
    """Press the preview's import button: post its form back with every hidden field it holds."""
    form = next(f for f in lxml.html.fromstring(page.get_data(as_text=True)).forms if "save" in (f.action or ""))
    return client.post(form.action, data=dict(form.form_values()), content_type="multipart/form-data")


def rows(app, document_id: int) -> list[dict]:
    with app.app_context():
        questions = bank.bank(db.session.get(Document, document_id))
        return [{name: getattr(q, name) for name in COMPARED} | {"status": q.status, "origin": q.origin}
                for q in questions]


def imported_document(app, owner_email: str = "teacher@example.org") -> Document:
    with app.app_context():
        owner = accounts.find_by_email(owner_email)
        document = db.session.scalars(db.select(Document).where(Document.owner_id == owner.id,
                                                                Document.origin == "import")
                                      .order_by(Document.id.desc())).first()
        db.session.expunge_all()
        return document


# --- round trip: what quizapp exports, it imports back unchanged --------------------------------------------------

TRICKY = "a {b} = c ~ d # e : f \\ g <h> & i\nnext line"


@pytest.fixture
def every_kind_quiz(app, seeded):
    """The seed document's whole bank (every kind the generator writes) plus one hand-written question of each
    kind full of GIFT's and XML's special characters, all in one quiz; returns its id."""
    with app.app_context():
        quiz = db.session.get(Quiz, seeded)
        document = quiz.document
        true_false = bank.true_false_options(document)
        specs = [
            ("single", f"Quale {TRICKY}?", ["x = 1", "y ~ 2", "z {3} <b>"], [1], 0.0),
            ("multiple", "Quali sono giusti: #1?", ["A & B", "C", "D\\E", "F"], [0, 2, 3], 0.0),
            ("true_false", f"Vero o falso: {TRICKY}", true_false, [1], 0.0),
            ("cloze", "I pannelli sono stati installati nel ____ dalla città.", [], ["2022", "nel 2022"], 0.0),
            ("cloze", "Il progetto è costato ____", [], ["3 milioni"], 0.0),
            ("short", "Quale agenzia: {Ravenna}?", [], ["Ravenna Energia", "l'agenzia = ~"], 0.0),
            ("numeric", "Quanti megawatt?", [], [1.8], 0.05),
            ("numeric", "Quanti gradi sotto zero?", [], [-12.5], 0.0),
        ]
        for kind, prompt, options, correct, tolerance in specs:
            bank.write(document, bank.QuestionData(kind, prompt, options, correct, tolerance, f"Perché {TRICKY}", 2.5))
        questions = bank.bank(document)
        quiz.items.clear()
        db.session.flush()
        for position, question in enumerate(questions):
            quiz.items.append(QuizQuestion(question=question, position=position, points=question.points))
        db.session.commit()
        assert {q.kind for q in questions} == {"single", "multiple", "true_false", "cloze", "short", "numeric"}
        return quiz.id


@pytest.mark.parametrize("export", ["questions.gift", "questions.xml"])
def test_every_kind_quizapp_exports_imports_back_unchanged(app, client, every_kind_quiz, export):
    assert login(client, "admin@example.org", PASSWORD).status_code == 302
    exported = client.get(f"/teach/quizzes/{every_kind_quiz}/{export}")
    assert exported.status_code == 200
    page = preview(client, exported.data, f"quiz.{export.rsplit('.', 1)[1]}")
    assert page.status_code == 200, page.get_data(as_text=True)[:2000]
    assert 'id="skipped"' not in page.get_data(as_text=True)
    assert save(client, page).status_code == 302
    with app.app_context():
        quiz = db.session.get(Quiz, every_kind_quiz)
        originals = [{name: getattr(item.question, name) for name in COMPARED} for item in quiz.items]
        language = quiz.document.language
    document = imported_document(app, "admin@example.org")
    assert document.language == language == "it"
    back = rows(app, document.id)
    assert [{name: row[name] for name in COMPARED} for row in back] == originals
    assert {(row["status"], row["origin"]) for row in back} == {("approved", "imported")}


# --- the pages: upload, preview (nothing saved), save ---------------------------------------------------------------

def test_the_preview_lists_what_is_imported_and_what_is_skipped_and_saves_nothing(app, teacher):
    data = (DATA / "moodle_sample.gift").read_bytes()
    page = preview(teacher, data, "moodle_sample.gift")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Import 20 questions" in html
    skipped = lxml.html.fromstring(html).xpath('//ul[contains(@class, "import-skipped")]/li')
    cells = [[" ".join(row.xpath(f'.//*[@class="{part}"]')[0].text_content().split()) if row.xpath(f'.//*[@class="{part}"]') else "—"
              for part in ("number", "line", "name", "type")] + [row.xpath('.//p[@class="why"]')[0].text_content().strip()]
             for row in skipped]
    assert cells == [
        ["Question 12", "line 38", "—", "Number", "The same question came earlier in the file (question 10)."],
        ["Question 21", "line 74", "—", "matching", "quizapp has no questions of this type: matching."],
        ["Question 22", "line 81", "—", "essay", "quizapp has no questions of this type: essay."],
        ["Question 23", "line 84", "—", "description (no answer)", "quizapp has no questions of this type: description (no answer)."],
    ]
    assert "Answers with partial credit are counted as wrong." in html  # a remark on what importing changed
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Question.id))) == 0
        assert db.session.scalar(db.select(db.func.count(Document.id))) == 0


@pytest.mark.parametrize(("name", "imported", "reported"), [("moodle_sample.gift", 20, 4), ("moodle_sample.xml", 9, 7),
                                                            ("broken.gift", 1, 7)])
def test_every_question_of_a_sample_file_is_saved_or_reported(app, teacher, name, imported, reported):
    page = preview(teacher, (DATA / name).read_bytes(), name)
    html = page.get_data(as_text=True)
    tree = lxml.html.fromstring(html)
    assert len(tree.xpath('//ol[contains(@class, "import-preview")]/li')) == imported
    assert len(tree.xpath('//ul[contains(@class, "import-skipped")]/li')) == reported
    saved = save(teacher, page)
    assert saved.status_code == 302
    document = imported_document(app)
    assert saved.headers["Location"].endswith(f"/teach/documents/{document.id}/questions")
    assert (document.source_name, document.origin) == (name, "import")
    assert len(rows(app, document.id)) == imported
    bank_page = teacher.get(saved.headers["Location"]).get_data(as_text=True)
    assert f"{imported} question" in bank_page and f"{reported} item" in bank_page


def test_the_new_document_is_named_after_the_category_and_keeps_the_file(app, teacher):
    data = (DATA / "moodle_sample.xml").read_bytes()
    save(teacher, preview(teacher, data, "bank.xml"))
    document = imported_document(app)
    assert document.title == "Imported questions: XML"
    assert document.text == data.decode("utf-8") and document.language == "en"
    page = teacher.get(f"/teach/documents/{document.id}").get_data(as_text=True)
    assert "Imported file" in page and "Generate questions again" not in page and "Facts found" not in page
    assert "&lt;question type=&#34;essay&#34;&gt;" in page or "&lt;question type=\"essay\"&gt;" in page


def test_true_or_false_options_follow_the_chosen_language(app, teacher):
    page = preview(teacher, b"Roma e in Italia? {T}\n\nParigi e in Italia? {F}\n", "tf.gift", language="it")
    assert save(teacher, page).status_code == 302
    document = imported_document(app)
    assert [(row["options"], row["correct"]) for row in rows(app, document.id)] == [(["Vero", "Falso"], [0]),
                                                                                    (["Vero", "Falso"], [1])]
    # Correcting an imported document's language rewrites the two options, and generates nothing.
    assert post(teacher, f"/teach/documents/{document.id}/language", {"language": "en"}).status_code == 302
    assert [row["options"] for row in rows(app, document.id)] == [["True", "False"], ["True", "False"]]
    refused = post(teacher, f"/teach/documents/{document.id}/generate")
    assert refused.status_code == 302 and len(rows(app, document.id)) == 2


def test_importing_into_a_document_adds_to_its_bank_and_a_second_time_adds_nothing(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    before = len(rows(app, document_id))
    data = b"Which city? {=Ravenna ~Rimini ~Forli}\n\nHow many panels? {#4500:10}\n"
    url = f"/teach/documents/{document_id}/import"
    assert teacher.get(url).status_code == 200
    first = preview(teacher, data, "extra.gift", url=url)
    assert save(teacher, first).headers["Location"].endswith(f"/teach/documents/{document_id}/questions")
    after = rows(app, document_id)
    assert len(after) == before + 2 and after[-1]["kind"] == "numeric" and after[-1]["tolerance"] == 10
    again = preview(teacher, data, "extra.gift", url=url).get_data(as_text=True)
    assert again.count("The bank already holds this question.") == 2 and "Import 0" not in again
    assert "There is no question in this file that quizapp can import." in again


def test_the_same_file_imported_twice_goes_to_the_same_document(app, teacher):
    data = (DATA / "moodle_sample.gift").read_bytes()
    save(teacher, preview(teacher, data, "a.gift"))
    first = imported_document(app)
    page = preview(teacher, data, "a.gift").get_data(as_text=True)
    assert "You imported this file before" in page and "The bank already holds this question." in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Document.id))) == 1
    assert first.origin == "import"


def test_a_pasted_gift_text_imports_as_a_file(app, teacher):
    page = post(teacher, "/teach/import", {"text": "::Q::Two plus two? {#4}", "language": "en"},
                content_type="multipart/form-data")
    assert page.status_code == 200 and "Import 1 question" in page.get_data(as_text=True)
    save(teacher, page)
    assert rows(app, imported_document(app).id)[0]["correct"] == [4.0]


# --- bad input: a clear 4xx, never a 500 ----------------------------------------------------------------------------

BAD_FILES = [
    ("bomb.xml", b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><quiz>&b;</quiz>', 400,
     "declares a document type or entities"),
    ("broken.xml", b'<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n</quiz>', 400, "damaged (line 4)"),
    ("page.xml", b"<?xml version='1.0'?><html><body/></html>", 400, "not a Moodle question file"),
    ("deep.xml", b"<quiz>" + b"<a>" * 100 + b"</a>" * 100 + b"</quiz>", 400, "nests its elements too deep"),
    ("notes.txt", b"Just notes.\n\nNothing else.", 400, "No question was found"),
    ("empty.gift", b"", 400, "The file is empty."),
    ("binary.gift", b"\x00\x01\x02PK\x03\x04" * 50, 400, "binary data"),
]


@pytest.mark.parametrize(("name", "data", "status", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_damaged_or_hostile_file_gets_a_clear_message(app, teacher, name, data, status, message):
    page = preview(teacher, data, name)
    assert page.status_code == status
    assert message in page.get_data(as_text=True)


def test_a_file_over_the_import_limit_is_refused_with_the_limit(app_config, request):
    app_config["IMPORT_MAX_BYTES"] = 1000
    app = request.getfixturevalue("app")  # built after the limit is set
    with app.app_context():
        accounts.create_teacher("big@example.org", "Big", PASSWORD)
        db.session.commit()
    client = app.test_client()
    login(client, "big@example.org")
    page = preview(client, b"Q? {T}\n\n" * 200, "big.gift")
    assert page.status_code == 413 and "larger than the" in page.get_data(as_text=True)
    assert preview(client, b"Q? {T}\n\n" * 100, "small.gift").status_code == 200


def test_a_request_over_the_server_limit_gets_the_form_back(app, teacher, make_teacher):
    big = b"Q? {T}\n\n" * (app.config["MAX_CONTENT_LENGTH"] // 8 + 10)
    page = preview(teacher, big, "huge.gift")
    assert page.status_code == 413 and "Question file" in page.get_data(as_text=True)
    document_id = make_document(app, text=ENGLISH)
    url = f"/teach/documents/{document_id}/import"
    into = preview(teacher, big, "huge.gift", url=url)
    assert into.status_code == 413 and "Into the question bank of" in into.get_data(as_text=True)
    # Refused before the login and ownership checks: nobody else sees the owner's document named.
    make_teacher("other@example.org")
    other = app.test_client()
    login(other, "other@example.org")
    for client in (other, app.test_client()):
        response = client.post(url, data={"upload": (io.BytesIO(big), "huge.gift")}, content_type="multipart/form-data")
        assert response.status_code == 413 and "Into the question bank of" not in response.get_data(as_text=True)


def test_a_changed_or_mangled_file_is_not_saved_unseen(app, teacher):
    page = preview(teacher, b"Q? {T}", "q.gift")
    form = next(f for f in lxml.html.fromstring(page.get_data(as_text=True)).forms if "save" in (f.action or ""))
    values = dict(form.form_values())
    import base64

    changed = {**values, "source": base64.b64encode(b"Other? {F}").decode()}
    response = teacher.post(form.action, data=changed, content_type="multipart/form-data")
    assert response.status_code == 302 and response.headers["Location"].endswith("/teach/import")
    assert "not the one previewed" in teacher.get("/teach/import").get_data(as_text=True)
    mangled = {**values, "source": "%%% not base64 %%%"}
    assert teacher.post(form.action, data=mangled, content_type="multipart/form-data").status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Question.id))) == 0


def test_an_empty_form_says_what_is_missing(teacher):
    response = post(teacher, "/teach/import", {}, content_type="multipart/form-data")
    assert response.status_code == 400 and "Choose a file or paste GIFT questions." in response.get_data(as_text=True)


# --- whose bank -----------------------------------------------------------------------------------------------------

def test_a_teacher_imports_only_into_their_own_bank(app, teacher, make_teacher, client):
    document_id = make_document(app, text=ENGLISH)
    make_teacher("other@example.org")
    other = app.test_client()
    login(other, "other@example.org")
    url = f"/teach/documents/{document_id}/import"
    assert other.get(url).status_code == 404
    assert preview(other, b"Q? {T}", "q.gift", url=url).status_code == 404
    # The owner's own preview, replayed by another teacher against the owner's document: refused too.
    page = preview(teacher, b"Q? {T}", "q.gift", url=url)
    form = next(f for f in lxml.html.fromstring(page.get_data(as_text=True)).forms if "save" in (f.action or ""))
    values = dict(form.form_values())
    values["csrf_token"] = lxml.html.fromstring(other.get("/teach/import").get_data(as_text=True)).forms[-1].fields["csrf_token"]
    assert other.post(form.action, data=values, content_type="multipart/form-data").status_code == 404
    before = len(rows(app, document_id))
    with app.app_context():
        foreign = db.session.get(Document, document_id)
        intruder = accounts.find_by_email("other@example.org")
        with pytest.raises(service.ImportRefused) as raised:
            service.import_questions(intruder, "q.gift", b"Q? {T}", into=foreign, save=True)
        assert raised.value.status == 404
        db.session.rollback()
    assert len(rows(app, document_id)) == before


def test_an_imported_question_is_not_regenerated(app, teacher):
    save(teacher, preview(teacher, b"Which? {=a ~b ~c}", "q.gift"))
    document = imported_document(app)
    with app.app_context():
        question = db.session.scalar(db.select(Question).where(Question.document_id == document.id))
        question.status = "draft"
        db.session.commit()
        question_id = question.id
    response = post(teacher, f"/teach/questions/{question_id}/regenerate")
    assert response.status_code == 302
    assert "edit it instead" in teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert rows(app, document.id)[0]["prompt"] == "Which?"


def test_the_import_pages_are_linked_from_the_dashboard_document_and_bank(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    assert 'href="/teach/import"' in teacher.get("/teach/").get_data(as_text=True)
    for url in (f"/teach/documents/{document_id}", f"/teach/documents/{document_id}/questions"):
        assert f'href="/teach/documents/{document_id}/import"' in teacher.get(url).get_data(as_text=True)


def test_the_preview_speaks_the_teachers_language(app, teacher):
    teacher.environ_base["HTTP_ACCEPT_LANGUAGE"] = "it"
    page = preview(teacher, b"Roma? {T}\n\nScrivi un tema. {}\n", "q.gift").get_data(as_text=True)
    assert "Importa 1 domanda" in page
    assert "quizapp non ha domande di questo tipo: componimento." in page
    broken = preview(teacher, b'<?xml version="1.0"?><html/>', "q.xml").get_data(as_text=True)
    assert "non è un file di domande Moodle" in broken


@pytest.mark.parametrize("into", [False, True], ids=["new document", "into a document"])
def test_a_file_saved_several_times_at_once_adds_its_questions_once(app, teacher, into):
    """Saves racing on one previewed file (a double click, two tabs): one document, its questions once, no 500."""
    url = f"/teach/documents/{make_document(app, text=ENGLISH)}/import" if into else "/teach/import"
    with app.app_context():
        before = db.session.scalar(db.select(db.func.count(Question.id)))
    clients = [app.test_client() for _ in range(6)]
    pages = []
    for client in clients:
        login(client)
        pages.append(preview(client, b"Q one? {T}\n\nQ two? {=a ~b}", "race.gift", url=url))
    barrier = threading.Barrier(len(clients))
    statuses = []

    def go(client, page):
        form = next(f for f in lxml.html.fromstring(page.get_data(as_text=True)).forms if "save" in (f.action or ""))
        values = dict(form.form_values())
        barrier.wait()
        statuses.append(client.post(form.action, data=values, content_type="multipart/form-data").status_code)

    threads = [threading.Thread(target=go, args=pair) for pair in zip(clients, pages)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert statuses == [302] * len(clients)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Document.id))) == 1
        assert db.session.scalar(db.select(db.func.count(Question.id))) == before + 2
