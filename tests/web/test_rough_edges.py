"""The rough edges a first user hit (issue 13), one test each, in English and Italian where the words matter.

Time zone, exports an Italian teacher opens in Excel, error and confirmation
pages, telling students of the same name apart, the favicon, the password
message, the quiz page's button columns, and internal codes that reached pages.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from flask_babel import force_locale
from openpyxl import load_workbook

from quizapp import create_app
from quizapp.config import from_environment
from quizapp.extensions import db
from quizapp.labels import fact_kind
from quizapp.models import Attempt, Document, Question, Quiz

from ..conftest import quiz_settings
from .teaching import (ENGLISH, PASSWORD, approve_all, login, make_document, make_quiz, post, right_answer,
                       submit_attempt, teacher, xlsx_export)  # noqa: F401 (teacher: a fixture)

WINTER = dt.datetime(2026, 1, 15, 13, 5)  # UTC; 14:05 in Rome (CET, UTC+1)
SUMMER = dt.datetime(2026, 7, 15, 13, 5)  # UTC; 15:05 in Rome (CEST, UTC+2)


def speak(client, language: str) -> None:
    """Make a client's browser ask for an interface language, as Accept-Language does."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language


def h1(page) -> str:
    """Return the text of a page's first heading, tags and spaces tidied."""
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page.get_data(as_text=True), re.S)
    assert match, "the page has no h1"
    return " ".join(re.sub(r"<[^>]+>", "", match.group(1)).split())


@pytest.fixture
def answered_quiz(app, teacher):
    """A published quiz of four questions (pass mark 50%): Ada answered all rightly, Bruno nothing."""
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=4, pass_mark=50)
    with app.app_context():
        rights = {item.position: right_answer(item.question) for item in db.session.get(Quiz, quiz_id).items}
    submit_attempt(app, quiz_id, "Ada", rights)
    submit_attempt(app, quiz_id, "Bruno", {})
    return quiz_id


def set_times(app, attempt_ids, submitted: dt.datetime) -> None:
    with app.app_context():
        for attempt_id in attempt_ids:
            attempt = db.session.get(Attempt, attempt_id)
            attempt.started_at, attempt.submitted_at = submitted - dt.timedelta(minutes=5), submitted
        db.session.commit()


# --- Time zone -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("zone", "language", "moment", "shown"), [
    ("Europe/Rome", "it", WINTER, "15 gen 2026, 14:05 CET"),
    ("Europe/Rome", "it", SUMMER, "15 lug 2026, 15:05 CEST"),
    ("Europe/Rome", "en", WINTER, "Jan 15, 2026, 2:05\u202fPM CET"),
    ("America/New_York", "en", WINTER, "Jan 15, 2026, 8:05\u202fAM EST"),
    ("UTC", "it", WINTER, "15 gen 2026, 13:05 UTC"),
])
def test_results_show_times_in_the_instance_zone_with_the_zone_named(request, app_config, zone, language, moment,
                                                                     shown):
    app_config["TIMEZONE"] = zone  # before the app is built from it
    app, client = request.getfixturevalue("app"), request.getfixturevalue("teacher")
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2)
    set_times(app, [submit_attempt(app, quiz_id, "Ada", {})], moment)
    speak(client, language)
    page = client.get(f"/teach/quizzes/{quiz_id}/results").get_data(as_text=True)
    assert shown in page
    assert "(UTC)" not in page  # no heading says the times are UTC any more


@pytest.mark.parametrize(("language", "typed", "stored", "shown"), [
    ("it", "10/01/2030 08:00", dt.datetime(2030, 1, 10, 7, 0), "10/01/2030 08:00"),  # CET, UTC+1
    ("it", "10/07/2030 8:00", dt.datetime(2030, 7, 10, 6, 0), "10/07/2030 08:00"),  # CEST, UTC+2
    ("en", "1/10/2030 8:00 AM", dt.datetime(2030, 1, 10, 7, 0), "1/10/2030 08:00"),  # month first in English
    ("en", "2030-07-10T08:00", dt.datetime(2030, 7, 10, 6, 0), "7/10/2030 08:00"),  # ISO, as a script sends
])
def test_quiz_times_are_typed_in_the_interface_language_and_zone_and_stored_in_utc(app, teacher, language, typed,
                                                                                    stored, shown):
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2, publish=False)
    speak(teacher, language)
    response = post(teacher, f"/teach/quizzes/{quiz_id}", {
        "title": "Timed", "grading_method": "highest", "review": "immediately", "one_per_page": "0",
        "opens_at": typed, "closes_at": "2031-01-01T00:00"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).opens_at == stored
    # Shown back in the interface language's way, in the same zone.
    page = teacher.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    assert f'value="{shown}"' in page


@pytest.mark.parametrize(("language", "typed", "message"), [
    ("en", "tomorrow", "Write a date and time such as 11/30/2026 14:05."),
    ("it", "31/02/2030 08:00", "Scrivi data e ora come 30/11/2026 14:05."),
    ("it", "10/01/2030", "Scrivi data e ora come 30/11/2026 14:05."),
    ("en", "1/10/2030 08:00" + " " * 50, "Write a date and time such as 11/30/2026 14:05."),
])
def test_a_date_that_cannot_be_read_says_how_to_write_it(app, teacher, language, typed, message):
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2, publish=False)
    speak(teacher, language)
    response = post(teacher, f"/teach/quizzes/{quiz_id}", {
        "title": "Timed", "grading_method": "highest", "review": "immediately", "one_per_page": "0",
        "opens_at": typed})
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).opens_at is None


@pytest.mark.parametrize(("language", "hint", "example"), [
    ("en", "Date and time in the Europe/Rome time zone", "11/30/2026 14:05"),
    ("it", "Data e ora nel fuso orario Europe/Rome", "30/11/2026 14:05"),
])
def test_date_fields_follow_the_interface_language_and_name_the_zone(app, teacher, language, hint, example):
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2, publish=False)
    speak(teacher, language)
    page = teacher.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    assert hint in page
    for name in ("opens_at", "closes_at"):
        field = re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group(0)
        assert f'lang="{language}"' in field and f'placeholder="{example}"' in field


def test_a_closed_quiz_tells_the_student_when_in_the_local_zone(app, student, seeded):
    code = quiz_settings(app, seeded, closes_at=WINTER)
    page = student.client.get(f"/q/{code}").get_data(as_text=True)
    assert "This quiz closed on Jan 15, 2026, 2:05\u202fPM CET." in page


def test_the_zone_comes_from_quizapp_timezone_and_a_wrong_one_stops_the_start(app_config):
    assert from_environment({"QUIZAPP_TIMEZONE": "Europe/London"}) == {"TIMEZONE": "Europe/London"}
    assert create_app(app_config).config["TIMEZONE"] == "Europe/Rome"  # the default
    with pytest.raises(ValueError, match="QUIZAPP_TIMEZONE"):
        create_app({**app_config, "TIMEZONE": "Mars/Olympus"})


# --- Exports for an Italian teacher -----------------------------------------------------------------

def read_csv(response, delimiter: str) -> list[dict[str, str]]:
    text = response.get_data().decode("utf-8-sig")
    assert text.splitlines()[0].count(delimiter) >= 10  # opened as columns, not one long cell
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize(("language", "delimiter", "words"), [
    ("it", ";", {"name": "Nome", "score": "Punteggio", "percentage": "Percentuale", "passed": "Superato",
                 "state": "Stato", "started": "Inizio (Europe/Rome)", "yes": "Sì", "no": "No",
                 "submitted": "inviato"}),
    ("en", ",", {"name": "Name", "score": "Score", "percentage": "Percentage", "passed": "Passed",
                 "state": "State", "started": "Started (Europe/Rome)", "yes": "Yes", "no": "No",
                 "submitted": "submitted"}),
])
def test_scores_csv_is_in_the_interface_language_and_its_spreadsheet_style(app, teacher, answered_quiz,
                                                                            language, delimiter, words):
    with app.app_context():
        quiz = db.session.get(Quiz, answered_quiz)
        quiz.items[0].points = 1.5  # a score with a fraction: 4.5 of 4.5
        ada = db.session.scalar(db.select(Attempt).join(Attempt.participant).where(Attempt.score > 0))
        ada.score = ada.max_score = 4.5
        db.session.commit()
        ada_id = ada.id
    set_times(app, [ada_id], WINTER)
    speak(teacher, language)
    rows = {row[words["name"]]: row for row in read_csv(teacher.get(f"/teach/quizzes/{answered_quiz}/scores.csv"),
                                                        delimiter)}
    decimal = "," if language == "it" else "."
    assert rows["Ada"][words["score"]] == f"4{decimal}5"
    assert rows["Ada"][words["percentage"]] == f"100{decimal}0"
    assert (rows["Ada"][words["passed"]], rows["Bruno"][words["passed"]]) == (words["yes"], words["no"])
    assert rows["Ada"][words["state"]] == words["submitted"]
    assert rows["Ada"][words["started"]] == "2026-01-15 14:00:00"  # 13:00 UTC, in Rome's winter time


@pytest.mark.parametrize(("language", "kind_header", "kind_words", "header"), [
    ("it", "Tipo", {"Scelta singola", "Risposta multipla", "Vero o falso", "Completamento", "Risposta numerica",
                    "Risposta breve"}, "ID tentativo"),
    ("en", "Kind", {"Single choice", "Multiple select", "True or false", "Fill in the blank", "Number",
                    "Short answer"}, "Attempt ID"),
])
def test_answers_csv_names_question_kinds_in_words(app, teacher, answered_quiz, language, kind_header,
                                                   kind_words, header):
    speak(teacher, language)
    rows = read_csv(teacher.get(f"/teach/quizzes/{answered_quiz}/answers.csv"), ";" if language == "it" else ",")
    assert header in rows[0]
    kinds = {row[kind_header] for row in rows}
    assert kinds and kinds <= kind_words, kinds
    with app.app_context():
        codes = {question.kind for question in db.session.scalars(db.select(Question))}
    assert not kinds & codes  # "multiple", "cloze"… never reach the file


@pytest.mark.parametrize(("language", "sheet", "headers"), [
    ("it", "Punteggi", ("ID tentativo", "Nome", "Punteggio", "Percentuale", "Superato", "Consegna (Europe/Rome)")),
    ("en", "Scores", ("Attempt ID", "Name", "Score", "Percentage", "Passed", "Submitted (Europe/Rome)")),
])
def test_xlsx_stays_typed_with_translated_headers_and_sheet_name(app, teacher, answered_quiz, language, sheet, headers):
    attempts = []
    with app.app_context():
        attempts = [a.id for a in db.session.scalars(db.select(Attempt))]
    set_times(app, attempts, SUMMER)
    speak(teacher, language)
    workbook = load_workbook(io.BytesIO(xlsx_export(app, teacher, answered_quiz).data))
    assert workbook.sheetnames == [sheet]
    values = list(workbook.active.iter_rows(values_only=True))
    record = dict(zip(values[0], values[1]))
    attempt_id, name, score, percentage, passed, submitted = (record[h] for h in headers)
    assert isinstance(attempt_id, int) and isinstance(score, (int, float)) and isinstance(percentage, (int, float))
    assert isinstance(passed, bool) and name in {"Ada", "Bruno"}
    assert submitted == dt.datetime(2026, 7, 15, 15, 5)  # typed as a date, in Rome's summer time


@pytest.mark.parametrize(("language", "sheet"), [("it", "Risposte"), ("en", "Answers")])
def test_answers_xlsx_sheet_is_named_in_the_interface_language(app, teacher, answered_quiz, language, sheet):
    speak(teacher, language)
    workbook = load_workbook(io.BytesIO(xlsx_export(app, teacher, answered_quiz, "answers").data))
    assert workbook.sheetnames == [sheet]


@pytest.mark.parametrize(("language", "scores", "answers"), [("it", "punteggi", "risposte"),
                                                             ("en", "scores", "answers")])
def test_export_files_are_named_in_the_interface_language(app, teacher, answered_quiz, language, scores, answers):
    speak(teacher, language)
    disposition = teacher.get(f"/teach/quizzes/{answered_quiz}/scores.csv").headers["Content-Disposition"]
    assert disposition == f'attachment; filename="quiz-{answered_quiz}-{scores}.csv"'
    workbook = xlsx_export(app, teacher, answered_quiz, "answers")
    assert f"filename=quiz-{answered_quiz}-{answers}.xlsx" in workbook.headers["Content-Disposition"]


@pytest.mark.parametrize(("language", "says"), [
    ("it", "I file CSV separano le colonne con «;» e scrivono i decimali con «,»"),
    ("en", "The CSV files separate columns with “,” and write decimals with “.”"),
])
def test_results_page_says_how_the_csv_is_written(app, teacher, answered_quiz, language, says):
    speak(teacher, language)
    assert says in teacher.get(f"/teach/quizzes/{answered_quiz}/results").get_data(as_text=True)


# --- Pages ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "heading", "message"), [
    ("en", "This quiz is not open", "Ask your teacher when you can take it."),
    ("it", "Questo quiz non è aperto", "quando potrai svolgerlo."),
])
def test_an_unpublished_quizs_link_says_the_quiz_is_not_open(app, client, seeded, language, heading, message):
    code = quiz_settings(app, seeded, published=False)
    speak(client, language)
    page = client.get(f"/q/{code}")
    assert page.status_code == 404
    assert h1(page) == heading
    assert message in page.get_data(as_text=True)


@pytest.mark.parametrize(("language", "heading"), [("en", "Page not found"), ("it", "Pagina non trovata")])
def test_a_missing_page_is_headed_in_words_not_a_code(client, language, heading):
    speak(client, language)
    page = client.get("/no-such-page")
    assert page.status_code == 404 and h1(page) == heading


@pytest.mark.parametrize(("language", "label", "missing"), [
    ("en", "Publication date", "not stated in the text"),
    ("it", "Data di pubblicazione", "non indicata nel testo"),
])
def test_document_page_says_the_text_states_no_publication_date(app, teacher, language, label, missing):
    document_id = make_document(app, text="Il sole è una stella. " * 30)
    with app.app_context():
        assert db.session.get(Document, document_id).published is None
    speak(teacher, language)
    page = teacher.get(f"/teach/documents/{document_id}").get_data(as_text=True)
    assert f"<dt>{label}</dt><dd>{missing}</dd>" in page
    assert "no date found" not in page and "nessuna data trovata" not in page


def test_document_page_writes_a_stated_publication_date_in_words(app, teacher):
    document_id = make_document(app, text=ENGLISH)  # its first line says "date 2023-03-12"
    speak(teacher, "it")
    assert "<dd>12 marzo 2023</dd>" in teacher.get(f"/teach/documents/{document_id}").get_data(as_text=True)


def test_submit_confirmation_makes_going_back_the_primary_action(app, student, seeded):
    with app.app_context():
        code = db.session.get(Quiz, seeded).join_code
    student.join(code)
    page = student.post(action="submit").get_data(as_text=True)
    back = re.search(r'<a class="([^"]*)"[^>]*>Go back to the questions</a>', page)
    submit = re.search(r'<button type="submit"([^>]*)>Submit anyway</button>', page)
    assert back and "primary" in back.group(1).split()
    assert submit and "primary" not in submit.group(1)


def test_students_with_the_same_name_are_told_apart_in_results(app, teacher, answered_quiz):
    first = submit_attempt(app, answered_quiz, "Giulia Rossi", {})
    second = submit_attempt(app, answered_quiz, "Giulia Rossi", {})
    set_times(app, [first], WINTER)
    set_times(app, [second], SUMMER)
    page = teacher.get(f"/teach/quizzes/{answered_quiz}/results").get_data(as_text=True)
    assert page.count(">Giulia Rossi</a>") == 2
    assert f"ID {first} · started 2:00\u202fPM CET" in page
    assert f"ID {second} · started 3:00\u202fPM CEST" in page


def test_every_page_links_an_svg_favicon_and_favicon_ico_is_served(client):
    page = client.get("/").get_data(as_text=True)
    link = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', page)
    assert link
    icon = client.get(link.group(1))
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml" and b"<svg" in icon.data
    legacy = client.get("/favicon.ico")
    assert legacy.status_code == 200 and legacy.data == icon.data


@pytest.mark.parametrize(("language", "typed", "message"), [
    ("en", "short", "This password is too short: use at least 12 characters."),
    ("it", "short", "Questa password è troppo corta: usa almeno 12 caratteri."),
    ("en", "x" * 257, "This password is too long: use at most 256 characters."),
])
def test_a_short_or_long_new_password_gets_a_clear_message(app, teacher, language, typed, message):
    speak(teacher, language)
    response = post(teacher, "/auth/password", {"current": PASSWORD, "new": typed, "confirm": typed})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert message in body and "Field must be" not in body


def test_admin_creating_a_teacher_gets_the_same_password_message(app, client, make_teacher):
    make_teacher("admin@school.it", admin=True)
    login(client, "admin@school.it")
    response = post(client, "/teach/admin/teachers", {"email": "new@school.it", "name": "New", "password": "short"})
    assert "This password is too short: use at least 12 characters." in response.get_data(as_text=True)


def test_quiz_rows_put_each_button_in_the_same_column(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=3, publish=False)
    page = teacher.get(f"/teach/quizzes/{quiz_id}").get_data(as_text=True)
    rows = re.findall(r'<span class="actions item-actions">(.*?)</span>\s*</li>', page, re.S)
    assert len(rows) == 3
    # Four slots per row in one order; a row without ↑ (the first) or ↓ (the last) keeps the place empty.
    slots = [re.findall(r'<form method="post"|<span class="slot"></span>|<a class="small"', row) for row in rows]
    assert [len(row) for row in slots] == [4, 4, 4]
    assert slots[0][0] == '<span class="slot"></span>' and slots[2][1] == '<span class="slot"></span>'
    assert all(row[3] == '<a class="small"' for row in slots)


# --- Internal codes ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "shown"), [("en", "English"), ("it", "Inglese")])
def test_document_language_is_named_not_coded(app, teacher, language, shown):
    document_id = make_document(app, text=ENGLISH)
    speak(teacher, language)
    for url in ("/teach/", f"/teach/documents/{document_id}"):
        page = teacher.get(url).get_data(as_text=True)
        assert f">{shown}</" in page and ">en</" not in page


@pytest.mark.parametrize("language", ["en", "it"])
def test_fact_kinds_reach_the_document_page_as_words(app, teacher, language):
    document_id = make_document(app, text=ENGLISH)
    with app.app_context():
        codes = {fact.kind for fact in db.session.get(Document, document_id).facts}
    assert "target_year" in codes  # "by 2030"
    with app.test_request_context(), force_locale(language):
        name = fact_kind("target_year")
    speak(teacher, language)
    page = teacher.get(f"/teach/documents/{document_id}").get_data(as_text=True)
    assert name in {"Target year", "Anno obiettivo"} and f"({name})" in page
    # No code a fact kind is stored under ("target_year", "members", "organization"…) is shown as such.
    assert not any(f"({code})" in page or f'title="{code}' in page for code in codes)


@pytest.mark.parametrize(("language", "count_words"), [("en", "1 answer"), ("it", "1 risposta")])
def test_regrade_page_names_quizzes_and_counts_answers_in_words(app, teacher, language, count_words):
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    with app.app_context():
        question = db.session.scalars(db.select(Question).where(Question.document_id == document_id,
                                                                Question.kind == "single")).first()
        question_id, options, correct = question.id, list(question.options), question.correct[0]
    quiz_id = make_quiz(app, document_id)  # titled "Quiz"
    with app.app_context():
        position = next(item.position for item in db.session.get(Quiz, quiz_id).items if item.question_id == question_id)
    submit_attempt(app, quiz_id, "Ada", {position: correct})
    other = next(i for i in range(len(options)) if i != correct)
    post(teacher, f"/teach/questions/{question_id}", {
        "kind": "single", "prompt": "Edited", "options": "\n".join(options), "correct_options": str(other + 1),
        "accepted": "", "tolerance": "0", "explanation": "", "points": "1"})
    speak(teacher, language)
    page = teacher.get(f"/teach/questions/{question_id}/regrade").get_data(as_text=True)
    assert f"Quiz</span>: {count_words}</li>" in page
    post(teacher, f"/teach/questions/{question_id}/regrade")
    history = teacher.get(f"/teach/questions/{question_id}/regrade").get_data(as_text=True)
    row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", history.split("<h2>")[-1], re.S).group(1)
    assert re.findall(r"<td[^>]*>(.*?)</td>", row)[2] == "Quiz"  # the quiz's title, not its id
