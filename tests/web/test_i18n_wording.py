"""Counts take their plural form (fractions too), codes show as words, service errors speak the reader's language."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from quizapp import labels
from quizapp.extensions import db
from quizapp.models import Quiz

from ..conftest import quiz_settings
from .teaching import ENGLISH, approve_all, make_document, make_quiz, post, submit_attempt, teacher, xlsx_export  # noqa: F401 (teacher: fixture)


def page_of(client, url: str, language: str) -> str:
    response = client.get(url, headers={"Accept-Language": language})
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def words(page: str) -> str:
    """Return a page's text with its tags dropped and its spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


# --- counts ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "minutes", "shown", "wrong"), [
    ("en", 1, "1 minute", "1 minutes"),
    ("en", 2, "2 minutes", "2 minute "),
    ("it", 1, "1 minuto", "1 minuti"),
    ("it", 2, "2 minuti", "2 minuto"),
])
def test_time_limits_take_the_plural_form(app, client, make_quiz, language, minutes, shown, wrong):
    code = quiz_settings(app, make_quiz(), time_limit_minutes=minutes, listed=True)
    for url in ("/", f"/q/{code}"):
        text = words(page_of(client, url, language)) + " "
        assert re.search(rf"\b{shown}\b", text), url
        assert wrong not in text, url


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["(1 point)", "(1.5 points)", "(2 points)"]),
    ("it", ["(1 punto)", "(1,5 punti)", "(2 punti)"]),  # and with the Italian decimal comma
])
def test_fractional_points_read_as_plural_on_the_attempt_and_result(app, make_student, seeded, language, expected):
    with app.app_context():
        quiz = db.session.get(Quiz, seeded)
        for item, points in zip(quiz.items, (1, 1.5, 2)):
            item.points = points
        db.session.commit()
    student = make_student()
    student.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    student.join(quiz_settings(app, seeded, review="immediately"))
    attempt = words(student.client.get(student.url).get_data(as_text=True))
    for phrase in expected:
        assert phrase in attempt
    student.post(action="submit", confirm="1")
    result = words(student.client.get(f"{student.url}/result").get_data(as_text=True))
    of = {"en": ["0 of 1 point", "0 of 1.5 points", "0 of 2 points"],
          "it": ["0 su 1 punto", "0 su 1,5 punti", "0 su 2 punti"]}[language]
    for phrase in of:
        assert phrase in result


@pytest.mark.parametrize(("number", "count"), [(0, 0), (1, 1), (1.0, 1), (1.5, 2), (0.5, 2), (2, 2), (2.0, 2), (12, 12)])
def test_plural_count_sends_fractions_to_the_plural(number, count):
    assert labels.plural_count(number) == count


@pytest.mark.parametrize(("language", "number", "shown"), [
    ("en", 9.8, "9.8"), ("it", 9.8, "9,8"), ("it", 10.0, "10"), ("en", 1234.5, "1,234.5"), ("it", 1234.5, "1.234,5"),
    ("it", 1 / 3, "0,333"),
])
def test_numbers_are_written_the_interface_languages_way(app, language, number, shown):
    with app.test_request_context(headers={"Accept-Language": language}):
        assert labels.number(number) == shown


@pytest.mark.parametrize(("language", "shown"), [("en", "1 submitted attempt."), ("it", "1 tentativo inviato.")])
def test_item_analysis_counts_one_attempt_in_the_singular(app, teacher, language, shown):
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=3)
    submit_attempt(app, quiz_id, "Ada", {})
    assert shown in words(page_of(teacher, f"/teach/quizzes/{quiz_id}/analysis", language))


# --- codes shown as words --------------------------------------------------------------------

@pytest.mark.parametrize(("language", "name", "target_year"), [
    ("en", "English", "Target year"),
    ("it", "Inglese", "Anno obiettivo"),
])
def test_document_page_names_the_language_and_the_fact_kinds(app, teacher, language, name, target_year):
    document_id = make_document(app, text=ENGLISH)
    page = page_of(teacher, f"/teach/documents/{document_id}", language)
    assert f"<dd>{name}</dd>" in page
    assert f'title="{target_year}">2030' in page and f"({target_year})</span>" in page
    assert "target_year" not in page
    assert f"<td>{name}</td>" in page_of(teacher, "/teach/", language)


def test_fact_kinds_without_a_name_read_as_words():
    assert labels.fact_kind("year") == "Year"
    assert labels.fact_kind("new_kind") == "New kind"
    assert labels.language_name("it") == "Italian" and labels.language_name("fr") == "fr"


@pytest.mark.parametrize(("language", "sheet"), [("en", "Scores"), ("it", "Punteggi")])
def test_xlsx_sheet_is_named_in_the_interface_language(app, teacher, language, sheet):
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2)
    response = xlsx_export(app, teacher, quiz_id, headers={"Accept-Language": language})
    assert load_workbook(io.BytesIO(response.data)).active.title == sheet


# --- service errors --------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "message"), [
    ("en", "Students have started this quiz: its questions can no longer be removed."),
    ("it", "Gli studenti hanno già iniziato questo quiz: le sue domande non si possono più rimuovere."),
])
def test_quiz_service_refusals_are_translated(app, teacher, language, message):
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=2)
    submit_attempt(app, quiz_id, "Ada", {})
    with app.app_context():
        item_id = db.session.get(Quiz, quiz_id).items[0].id
    teacher.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    post(teacher, f"/teach/quizzes/{quiz_id}/items/{item_id}/remove")
    assert message in page_of(teacher, f"/teach/quizzes/{quiz_id}", language)


@pytest.mark.parametrize(("language", "message"), [
    ("en", "An account for teacher@example.org already exists."),
    ("it", "Esiste già un account per teacher@example.org."),
])
def test_account_service_refusals_are_translated(app, client, make_teacher, language, message):
    from .teaching import login

    make_teacher("root@example.org", admin=True)
    make_teacher()
    login(client, "root@example.org")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    response = post(client, "/teach/admin/teachers", {"email": "teacher@example.org", "name": "Again",
                                                      "password": "a long enough password"})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_the_command_line_keeps_account_errors_in_english(runner):
    result = runner.invoke(args=["create-teacher", "--email", "b@example.org", "--name", "B", "--password", "short"])
    assert result.exit_code != 0 and "The password needs at least 12 characters." in result.output
