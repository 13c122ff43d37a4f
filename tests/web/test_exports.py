"""Exports: CSV with BOM and XLSX with typed cells, long format, formula neutralisation, Moodle GIFT and XML."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import os
import re
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl import load_workbook

from quizapp import jobs
from quizapp.extensions import db
from quizapp.kinds import kind_of
from quizapp.models import Attempt, Document, Question, Quiz
from quizapp.services import bank, export_jobs, exports, moodle, quizzes

from .teaching import ENGLISH, approve_all, make_document, make_quiz, right_answer, submit_attempt, teacher, xlsx_export  # noqa: F401 (teacher, document_id: fixtures)
from .teaching import login, post


@pytest.fixture
def answered_quiz(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    approve_all(app, document_id)
    quiz_id = make_quiz(app, document_id, count=4, pass_mark=50)
    with app.app_context():
        rights = {item.position: right_answer(item.question) for item in db.session.get(Quiz, quiz_id).items}
    submit_attempt(app, quiz_id, "=HYPERLINK(\"http://evil\")", rights)
    submit_attempt(app, quiz_id, "Zoë Àlvarez", {}, identifier="@s2")
    return quiz_id


def read_csv(response) -> list[list[str]]:
    raw = response.data
    assert raw.startswith("\ufeff".encode()), "UTF-8 BOM first"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_scores_csv_has_bom_one_row_per_attempt_and_defused_names(teacher, answered_quiz):
    response = teacher.get(f"/teach/quizzes/{answered_quiz}/scores.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:3] == ["Attempt ID", "Name", "Identifier"] and len(rows) == 3
    names = {row[1] for row in rows[1:]}
    assert names == {"'=HYPERLINK(\"http://evil\")", "Zoë Àlvarez"}
    assert {row[2] for row in rows[1:]} == {"", "'@s2"}
    assert {row[rows[0].index("Passed")] for row in rows[1:]} == {"Yes", "No"}


def test_scores_xlsx_has_typed_cells(app, teacher, answered_quiz):
    response = xlsx_export(app, teacher, answered_quiz)
    assert response.status_code == 200 and response.mimetype == exports.XLSX_MIMETYPE
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    assert len(rows) == 3
    first = dict(zip(headers, rows[1]))
    assert isinstance(first["Attempt ID"], int)
    assert isinstance(first["Score"], (int, float)) and isinstance(first["Percentage"], (int, float))
    assert isinstance(first["Submitted (Europe/Rome)"], dt.datetime) and isinstance(first["Started (Europe/Rome)"], dt.datetime)
    assert isinstance(first["Passed"], bool)
    # The text as typed, in a cell typed as text: shown, never run, and no apostrophe to see.
    assert first["Name"] == "=HYPERLINK(\"http://evil\")" and sheet["B2"].data_type == "s"
    second = dict(zip(headers, rows[2]))
    assert second["Identifier"] == "@s2"
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_long_format_has_one_row_per_answer(app, teacher, answered_quiz):
    rows = read_csv(teacher.get(f"/teach/quizzes/{answered_quiz}/answers.csv"))
    assert rows[0][:2] == ["Attempt ID", "Name"] and len(rows) == 1 + 2 * 4
    header = rows[0]
    points = [float(row[header.index("Points")]) for row in rows[1:]]
    assert sorted(points)[-4:] == [1.0] * 4
    sheet = load_workbook(io.BytesIO(xlsx_export(app, teacher, answered_quiz, "answers").data)).active
    assert sheet.max_row == 9


TRIGGERS = st.sampled_from(list(exports.FORMULA_TRIGGERS))
CELL_TEXT = st.one_of(st.text(max_size=40), st.builds(lambda t, s: t + s, TRIGGERS, st.text(max_size=20)))


def expected_cell(value: str) -> str:
    return "'" + value if value.startswith(exports.FORMULA_TRIGGERS) else value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(CELL_TEXT, min_size=1, max_size=10))
def test_every_string_round_trips_through_csv_defused(values):
    text = "".join(exports.write_csv(["h"] * len(values), [tuple(values)]))
    header, row = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    assert row == [expected_cell(value) for value in values]
    assert not any(cell.startswith(exports.FORMULA_TRIGGERS) for cell in row)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(CELL_TEXT, min_size=1, max_size=10))
def test_every_string_round_trips_through_xlsx_as_text(values):
    data = b"".join(exports.write_xlsx(["h"] * len(values), [tuple(values)]))
    sheet = load_workbook(io.BytesIO(data)).active
    cells = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    for cell, value in zip(cells, values):
        read = cell.value if cell.value is not None else ""
        # A string cell is never evaluated: "=1+1" or "+Paolo" comes back as typed, without an apostrophe.
        assert cell.data_type != "f" and (cell.data_type == "s" or not value)
        if not exports.XLSX_ILLEGAL.search(value):
            assert read == value
        else:  # characters XML cannot hold are replaced, never dropped silently
            assert read == exports.XLSX_ILLEGAL.sub("\ufffd", value)


@pytest.mark.parametrize("value", ["+Paolo", "@Rita", "=1+1", "-2", "=HYPERLINK(\"http://evil\")"])
def test_xlsx_keeps_formula_like_text_as_text_and_csv_defuses_it(value):
    sheet = load_workbook(io.BytesIO(b"".join(exports.write_xlsx(["name"], [(value,)])))).active
    assert sheet["A2"].value == value and sheet["A2"].data_type == "s"
    header, row = list(csv.reader(io.StringIO("".join(exports.write_csv(["name"], [(value,)])).lstrip("\ufeff"))))
    assert row == ["'" + value]


# --- Moodle GIFT, read back by a parser written from the format's documentation -----------------

def gift_unescape(text: str) -> str:
    out, index = [], 0
    while index < len(text):
        ch = text[index]
        if ch == "\\" and index + 1 < len(text):
            nxt = text[index + 1]
            out.append("\n" if nxt == "n" else nxt)
            index += 2
            continue
        out.append(ch)
        index += 1
    return "".join(out)


def split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """Split at unescaped marks; return (mark, text) pairs."""
    parts, current, mark, index = [], [], "", 0
    while index < len(text):
        ch = text[index]
        if ch == "\\":
            current.append(text[index:index + 2])
            index += 2
            continue
        if ch in marks:
            parts.append((mark, "".join(current)))
            current, mark = [], ch
        else:
            current.append(ch)
        index += 1
    parts.append((mark, "".join(current)))
    return parts


def parse_gift(source: str) -> list[dict]:
    """Parse GIFT questions: ::title:: [format] text {answers} text, per the Moodle docs."""
    questions = []
    blocks = re.split(r"\n\s*\n", source)
    for block in blocks:
        lines = [line for line in block.splitlines() if not line.lstrip().startswith("//")]
        body = "\n".join(lines).strip()
        if not body or body.startswith("$CATEGORY:"):
            continue
        match = re.match(r"::(.*?)::(\[\w+\])?(.*)", body, re.S)
        assert match, body
        rest = match.group(3)
        open_at = next(i for i, ch in enumerate(rest) if ch == "{" and (i == 0 or rest[i - 1] != "\\"))
        close_at = next(i for i in range(open_at, len(rest)) if rest[i] == "}" and rest[i - 1] != "\\")
        answer_text = rest[open_at + 1:close_at]
        prompt = gift_unescape(rest[:open_at] + ("____" if rest[close_at + 1:].strip() else "") + rest[close_at + 1:]).strip()
        feedback = ""
        if "####" in answer_text:
            answer_text, feedback = answer_text.split("####", 1)
        answers = []
        if answer_text.strip().startswith("#"):
            value, _colon, tolerance = answer_text.strip()[1:].partition(":")
            answers.append(("numeric", float(value), float(tolerance or 0)))
        else:
            for mark, text in split_unescaped(answer_text, "=~")[1:]:
                weight = None
                found = re.match(r"%(-?[\d.]+)%(.*)", text, re.S)
                if found:
                    weight, text = float(found.group(1)), found.group(2)
                answers.append((mark, gift_unescape(text).strip(), weight))
        questions.append({"title": match.group(1), "prompt": prompt, "answers": answers,
                          "feedback": gift_unescape(feedback).strip()})
    return questions


@pytest.fixture
def varied_quiz(app, teacher):
    """A quiz with one question of each kind, text full of GIFT's special characters."""
    document_id = make_document(app, text=ENGLISH)
    tricky = "a {b} = c ~ d # e : f \\ g\nnext line"
    specs = [
        ("single", f"Single {tricky}?", ["x = 1", "y ~ 2", "z {3}"], [1]),
        ("multiple", "Which ones: #1?", ["A", "B", "C", "D", "E"], [0, 2, 3]),
        ("true_false", "True or false?", ["Vero", "Falso"], [0]),
        ("cloze", "Panels were installed in ____ by the city.", [], ["2022"]),
        ("short", "Which agency?", [], ["Ravenna Energia", "the agency"]),
        ("numeric", "How many megawatts?", [], [1.8]),
    ]
    with app.app_context():
        document = db.session.get(Document, document_id)
        questions = [bank.write(document, bank.QuestionData(kind, prompt, options, correct, 0.1 if kind == "numeric" else 0.0,
                                                            f"Because {tricky}", 2.0)) for kind, prompt, options, correct in specs]
        quiz = quizzes.create_quiz(document.owner, document, "Moodle: {export}", questions)
        db.session.commit()
        return quiz.id, specs


def test_gift_export_reads_back(app, teacher, varied_quiz):
    quiz_id, specs = varied_quiz
    response = teacher.get(f"/teach/quizzes/{quiz_id}/questions.gift")
    assert response.status_code == 200
    parsed = parse_gift(response.get_data(as_text=True))
    assert len(parsed) == len(specs)
    for question, (kind, prompt, options, correct) in zip(parsed, specs):
        assert question["prompt"] == prompt
        assert question["feedback"].startswith("Because a {b} = c ~ d # e : f \\ g\nnext line")
        if kind in ("single", "true_false"):
            assert [text for _m, text, _w in question["answers"]] == options
            assert [i for i, (mark, _t, _w) in enumerate(question["answers"]) if mark == "="] == correct
        elif kind == "multiple":
            weights = [w for _m, _t, w in question["answers"]]
            assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=0.01)
            assert [i for i, w in enumerate(weights) if w > 0] == correct
        elif kind == "numeric":
            assert question["answers"] == [("numeric", 1.8, 0.1)]
        else:
            assert [text for mark, text, _w in question["answers"] if mark == "="] == correct


def test_moodle_xml_export_reads_back(app, teacher, varied_quiz):
    quiz_id, specs = varied_quiz
    response = teacher.get(f"/teach/quizzes/{quiz_id}/questions.xml")
    assert response.status_code == 200
    root = etree.fromstring(response.data)
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    types = {"single": "multichoice", "multiple": "multichoice", "true_false": "multichoice",
             "cloze": "shortanswer", "short": "shortanswer", "numeric": "numerical"}
    for node, (kind, prompt, options, correct) in zip(questions[1:], specs):
        assert node.get("type") == types[kind]
        assert html.unescape(node.findtext("questiontext/text")) == prompt
        assert node.findtext("defaultgrade") == "2"
        answers = node.findall("answer")
        fractions = [float(a.get("fraction")) for a in answers]
        texts = [html.unescape(a.findtext("text")) for a in answers]
        if kind in ("single", "multiple", "true_false"):
            assert texts == options
            assert [i for i, f in enumerate(fractions) if f > 0] == correct
            assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=0.01)
            assert node.findtext("single") == ("false" if kind == "multiple" else "true")
        elif kind == "numeric":
            assert texts == ["1.8"] and answers[0].findtext("tolerance") == "0.1"
        else:
            assert texts == correct and fractions == [100.0] * len(correct)


QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def test_qti_package_reads_back(app, teacher, varied_quiz):
    quiz_id, specs = varied_quiz
    response = teacher.get(f"/teach/quizzes/{quiz_id}/questions-qti.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    assert len(resources) == len(specs)
    for resource, (kind, prompt, options, correct) in zip(resources, specs):
        assert resource.get("type") == "imsqti_item_xmlv2p1"
        item = etree.fromstring(archive.read(resource.get("href")))
        assert item.tag == f"{QTI}assessmentItem"
        declared = [value.text for value in item.iterfind(f"{QTI}responseDeclaration/{QTI}correctResponse/{QTI}value")]
        assert item.findtext(f"{QTI}outcomeDeclaration[@identifier='MAXSCORE']/{QTI}defaultValue/{QTI}value") == "2"
        if kind in ("single", "multiple", "true_false"):
            choices = item.findall(f".//{QTI}simpleChoice")
            assert [c.text for c in choices] == options
            assert item.findtext(f".//{QTI}prompt") == prompt
            assert declared == [f"C{i}" for i in correct]
            assert item.find(f".//{QTI}choiceInteraction").get("maxChoices") == ("0" if kind == "multiple" else "1")
        else:
            assert item.find(f".//{QTI}textEntryInteraction") is not None
            assert item.findtext(f"{QTI}itemBody/{QTI}p") == prompt
            # Single cardinality: one correct value; the other accepted answers are in the mapping.
            assert declared == ([str(correct[0])] if kind != "numeric" else ["1.8"])


def qti_score(item, response) -> float:
    """Return the SCORE an item's responseProcessing gives a response, for the subset quizapp writes.

    The subset: the map_response template, or one responseIf that matches or
    compares (absolute tolerance) RESPONSE with its correct value and sets SCORE.
    """
    declaration = item.find(f"{QTI}responseDeclaration")
    correct = [value.text for value in declaration.iterfind(f"{QTI}correctResponse/{QTI}value")]
    processing = item.find(f"{QTI}responseProcessing")
    if processing.get("template"):
        assert processing.get("template").endswith("/map_response")
        mapping = declaration.find(f"{QTI}mapping")
        entries = {}
        for entry in mapping.iterfind(f"{QTI}mapEntry"):
            key = entry.get("mapKey")
            entries[key if entry.get("caseSensitive", "true") == "true" else key.lower()] = float(entry.get("mappedValue"))
        values = set(response) if isinstance(response, list) else {response}
        total = sum(entries.get(v, entries.get(str(v).lower(), float(mapping.get("defaultValue", "0")))) for v in values)
        total = max(total, float(mapping.get("lowerBound", "-inf")))
        return min(total, float(mapping.get("upperBound", "inf")))
    (condition,) = processing.iterfind(f"{QTI}responseCondition/{QTI}responseIf")
    test = condition[0]
    if test.tag == f"{QTI}match":
        hit = response == correct[0]
    else:
        assert test.tag == f"{QTI}equal" and test.get("toleranceMode") == "absolute"
        below, above = (float(t) for t in test.get("tolerance").split())
        hit = float(correct[0]) - below <= response <= float(correct[0]) + above
    return float(condition.findtext(f"{QTI}setOutcomeValue/{QTI}baseValue")) if hit else 0.0


def test_qti_items_score_exactly_the_points_as_quizapp_grades(app, teacher):
    document_id = make_document(app, text=ENGLISH)
    specs = [  # kind, options, correct, tolerance, points
        ("multiple", ["A", "B", "C", "D", "E"], [0, 2, 3], 0.0, 2.0),
        ("multiple", ["A", "B", "C"], [0, 1], 0.0, 1.0),
        ("numeric", [], [1.8], 0.25, 1.5),
        ("single", ["x", "y", "z"], [1], 0.0, 3.0),
        ("true_false", ["True", "False"], [1], 0.0, 0.5),
        ("short", [], ["Ravenna Energia", "the agency"], 0.0, 2.5),
    ]
    with app.app_context():
        document = db.session.get(Document, document_id)
        questions = [bank.write(document, bank.QuestionData(kind, f"Q {kind}?", options, correct, tolerance, "", points))
                     for kind, options, correct, tolerance, points in specs]
        quiz = quizzes.create_quiz(document.owner, document, "QTI points", questions)
        db.session.commit()
        quiz_id = quiz.id
    archive = zipfile.ZipFile(io.BytesIO(teacher.get(f"/teach/quizzes/{quiz_id}/questions-qti.zip").data))
    with app.app_context():
        questions = [entry.question for entry in db.session.get(Quiz, quiz_id).items]
        for number, question in enumerate(questions, start=1):
            # lxml parses it, namespaced as QTI 2.1, parts in the schema's order.
            item = etree.fromstring(archive.read(f"items/Q{number}.xml"))
            assert item.tag == f"{QTI}assessmentItem"
            assert [child.tag.removeprefix(QTI) for child in item] == [
                "responseDeclaration", "outcomeDeclaration", "outcomeDeclaration", "itemBody", "responseProcessing"]
            declaration = item.find(f"{QTI}responseDeclaration")
            declared = declaration.findall(f"{QTI}correctResponse/{QTI}value")
            if declaration.get("cardinality") == "single":
                assert len(declared) == 1, question.kind
            maximum = item.findtext(f"{QTI}outcomeDeclaration[@identifier='MAXSCORE']/{QTI}defaultValue/{QTI}value")
            assert float(maximum) == question.points
            kind = kind_of(question)
            if question.kind == "multiple":  # every set of ticks, as the app grades it
                count = len(question.options)
                answers = [[i for i in range(count) if mask >> i & 1] for mask in range(2 ** count)]
                responses = [[f"C{i}" for i in answer] for answer in answers]
            elif question.kind in ("single", "true_false"):
                answers = list(range(len(question.options)))
                responses = [f"C{i}" for i in answers]
            elif question.kind == "numeric":
                answers = [1.8, 1.6, 2.04, 1.5, 2.1, -1.8]
                responses = answers
            else:
                answers = ["Ravenna Energia", "the agency", "THE AGENCY", "Hera"]
                responses = answers
            scores = []
            for answer, response in zip(answers, responses):
                expected = kind.fraction(question, answer or None) * question.points
                scores.append(qti_score(item, response))
                assert scores[-1] == pytest.approx(expected, abs=1e-9), (question.kind, answer)
            assert max(scores) == pytest.approx(question.points)
    # The figures the QA review found wrong.
    multiple = etree.fromstring(archive.read("items/Q1.xml"))
    assert qti_score(multiple, ["C0", "C2", "C3"]) == pytest.approx(2.0)
    assert qti_score(multiple, ["C0"]) == pytest.approx(2 / 3)
    assert qti_score(multiple, ["C0", "C1"]) == 0  # 2/3 - 2/2, floored at zero
    numeric = etree.fromstring(archive.read("items/Q3.xml"))
    assert qti_score(numeric, 1.9) == 1.5


EXPORT_URLS = ["scores.csv", "answers.csv", "scores.xlsx", "answers.xlsx", "questions.gift", "questions.xml",
               "questions-qti.zip"]


@pytest.mark.parametrize("name", EXPORT_URLS)
def test_every_export_says_its_charset_once(app, teacher, answered_quiz, name):
    if name.endswith(".xlsx"):
        response = xlsx_export(app, teacher, answered_quiz, name.removesuffix(".xlsx"))
    else:
        response = teacher.get(f"/teach/quizzes/{answered_quiz}/{name}")
    assert response.status_code == 200
    content_type = response.headers["Content-Type"]
    assert content_type.lower().count("charset") <= 1, content_type
    expected = {"csv": "text/csv; charset=utf-8", "gift": "text/plain; charset=utf-8",
                "xml": "application/xml; charset=utf-8"}.get(name.rsplit(".", 1)[1])
    if expected:
        assert content_type == expected


@pytest.mark.parametrize("value", [float("inf"), float("-inf")])
def test_exports_never_write_a_non_finite_tolerance(app, teacher, value):
    """A tolerance stored before the form refused Infinity is exported as none (the exact number)."""
    document_id = make_document(app, text=ENGLISH)
    with app.app_context():
        document = db.session.get(Document, document_id)
        question = bank.write(document, bank.QuestionData("numeric", "How many?", [], [1.8], 0.0, "", 1.0))
        question.tolerance = value
        quiz = quizzes.create_quiz(document.owner, document, "Tolerance", [question])
        db.session.commit()
        quiz_id = quiz.id
    gift = teacher.get(f"/teach/quizzes/{quiz_id}/questions.gift").get_data(as_text=True)
    xml = teacher.get(f"/teach/quizzes/{quiz_id}/questions.xml").data
    archive = zipfile.ZipFile(io.BytesIO(teacher.get(f"/teach/quizzes/{quiz_id}/questions-qti.zip").data))
    item = archive.read("items/Q1.xml")
    for text in (gift, xml.decode(), item.decode()):
        assert not re.search(r"\b(inf|nan|infinity)\b", text, re.I), text
    assert parse_gift(gift)[0]["answers"] == [("numeric", 1.8, 0.0)]
    assert etree.fromstring(xml).findtext("question[@type='numerical']/answer/tolerance") == "0"
    assert etree.fromstring(item).find(f".//{QTI}equal").get("tolerance") == "0 0"


def test_a_nan_tolerance_is_exported_as_none():
    # SQLite stores NaN as NULL, so this one is checked without the database; PostgreSQL keeps NaN.
    assert moodle.tolerance(Question(kind="numeric", tolerance=float("nan"))) == 0.0
    assert moodle.tolerance(Question(kind="numeric", tolerance=0.25)) == 0.25


@pytest.mark.parametrize(("method", "counted"), [
    ("highest", {1: True, 2: False}),
    ("first", {1: True, 2: False}),
    ("last", {1: False, 2: True}),
    ("average", {1: True, 2: True}),
])
def test_scores_export_says_which_attempt_counts_for_the_grade(app, teacher, answered_quiz, method, counted):
    with app.app_context():
        rights = {item.position: right_answer(item.question) for item in db.session.get(Quiz, answered_quiz).items}
    first = submit_attempt(app, answered_quiz, "Ada", rights)
    second = submit_attempt(app, answered_quiz, "Ada", {})
    with app.app_context():
        # The same student's second attempt, later and worse than the first.
        one, two = db.session.get(Attempt, first), db.session.get(Attempt, second)
        two.participant_id, two.number = one.participant_id, 2
        two.submitted_at = one.submitted_at + dt.timedelta(minutes=10)
        db.session.get(Quiz, answered_quiz).grading_method = method
        db.session.commit()
    rows = read_csv(teacher.get(f"/teach/quizzes/{answered_quiz}/scores.csv"))
    header = rows[0]
    assert header[-1] == "Counts for the grade"
    column = {(row[header.index("Name")], int(row[header.index("Attempt")])): row[-1] for row in rows[1:]}
    assert {number: column["Ada", number] for number in (1, 2)} == {n: "Yes" if v else "No" for n, v in counted.items()}
    # The other students have one attempt each, which counts.
    assert [value for (name, _n), value in column.items() if name != "Ada"] == ["Yes", "Yes"]
    values = list(load_workbook(io.BytesIO(xlsx_export(app, teacher, answered_quiz).data))
                  .active.iter_rows(values_only=True))
    records = [dict(zip(values[0], row)) for row in values[1:]]
    assert {r["Attempt"]: r["Counts for the grade"] for r in records if r["Name"] == "Ada"} == counted


# --- XLSX as a background job ---------------------------------------------------------------------

def test_xlsx_export_is_a_job_whose_page_links_to_the_file(app, teacher, answered_quiz):
    from quizapp.models import Job

    assert teacher.get(f"/teach/quizzes/{answered_quiz}/scores.xlsx").status_code == 405
    queued = post(teacher, f"/teach/quizzes/{answered_quiz}/answers.xlsx")
    job_id = int(queued.headers["Location"].rsplit("/", 1)[1])
    # Queued, not written: the request only asked for it.
    assert teacher.get(f"/jobs/{job_id}").status_code == 200
    assert teacher.get(f"/teach/exports/{job_id}").headers["Location"].endswith(f"/jobs/{job_id}")
    assert teacher.get(f"/teach/exports/{job_id}/download").status_code == 404
    jobs.run_pending(app)
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert (job.status, job.progress, job.kind) == ("done", 100, "exports.xlsx")
    page = teacher.get(f"/teach/exports/{job_id}").get_data(as_text=True)
    assert "Export ready" in page and "Download quiz-" in page
    download = teacher.get(f"/teach/exports/{job_id}/download")
    assert download.status_code == 200 and download.mimetype == exports.XLSX_MIMETYPE
    assert f'filename=quiz-{answered_quiz}-answers.xlsx' in download.headers["Content-Disposition"]
    assert load_workbook(io.BytesIO(download.data)).active.max_row == 1 + 2 * 4


def test_another_teacher_cannot_see_or_download_an_export(app, teacher, answered_quiz, make_teacher, client):
    queued = post(teacher, f"/teach/quizzes/{answered_quiz}/scores.xlsx")
    job_id = int(queued.headers["Location"].rsplit("/", 1)[1])
    jobs.run_pending(app)
    make_teacher("other@example.org")
    other = app.test_client()
    login(other, "other@example.org")
    assert other.get(f"/teach/exports/{job_id}").status_code == 404
    assert other.get(f"/teach/exports/{job_id}/download").status_code == 404
    assert post(other, f"/teach/quizzes/{answered_quiz}/scores.xlsx").status_code == 404


def test_exports_older_than_a_day_are_removed_and_a_removed_file_says_so(app, teacher, answered_quiz):
    first = int(post(teacher, f"/teach/quizzes/{answered_quiz}/scores.xlsx").headers["Location"].rsplit("/", 1)[1])
    jobs.run_pending(app)
    folder = Path(app.config["EXPORTS_DIR"])
    (written,) = folder.glob("*.xlsx")
    old = time.time() - export_jobs.KEEP_FOR.total_seconds() - 60
    os.utime(written, (old, old))
    post(teacher, f"/teach/quizzes/{answered_quiz}/scores.xlsx")
    jobs.run_pending(app)
    assert not written.exists() and len(list(folder.glob("*.xlsx"))) == 1
    page = teacher.get(f"/teach/exports/{first}").get_data(as_text=True)
    assert "no longer kept" in page
    assert teacher.get(f"/teach/exports/{first}/download").status_code == 404


def test_the_job_reports_its_progress_as_rows_are_written():
    reported = []
    rows = list(export_jobs._reporting(((n,) for n in range(12_000)), 12_000,
                                       lambda fraction, message=None: reported.append(round(fraction, 3))))
    assert len(rows) == 12_000
    assert reported == [0.375, 0.75, export_jobs.ROWS_SHARE]
def test_control_characters_never_make_the_xml_exports_ill_formed(app, teacher):
    """A prompt, option or explanation holding \\x01 or \\x0b (pasted from a PDF, say) still exports as XML."""
    document_id = make_document(app, text=ENGLISH)
    with app.app_context():
        document = db.session.get(Document, document_id)
        questions = [
            bank.write(document, bank.QuestionData("single", "Which\x01 one\x0bis it?", ["A\x01", "B\x0c", "C\x1f"],
                                                   [0], 0.0, "Because\x0b\x02 so.", 1.0)),
            bank.write(document, bank.QuestionData("short", "Name\x0b the agency\x08.", [], ["Ravenna\x01 Energia"],
                                                   0.0, "", 1.0)),
        ]
        quiz = quizzes.create_quiz(document.owner, document, "Control\x01 characters\x0b", questions)
        db.session.commit()
        quiz_id = quiz.id
    root = etree.fromstring(teacher.get(f"/teach/quizzes/{quiz_id}/questions.xml").data)
    single = root.findall("question")[1]
    assert html.unescape(single.findtext("questiontext/text")) == "Which one is it?"
    assert [html.unescape(a.findtext("text")) for a in single.findall("answer")] == ["A", "B ", "C"]
    archive = zipfile.ZipFile(io.BytesIO(teacher.get(f"/teach/quizzes/{quiz_id}/questions-qti.zip").data))
    etree.fromstring(archive.read("imsmanifest.xml"))
    items = [etree.fromstring(archive.read(f"items/Q{n}.xml")) for n in (1, 2)]
    assert items[0].findtext(f".//{QTI}prompt") == "Which one is it?"
    assert items[1].findtext(f"{QTI}itemBody/{QTI}p") == "Name  the agency."  # the vertical tab is a space
