"""Moodle XML parsing: each supported type, the unsupported ones by name, and hostile XML refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.imports.moodle_xml import MAX_DEPTH, parse_moodle_xml
from quizapp.imports.parsing import parse, sniff
from quizapp.imports.records import DamagedFile


def quiz(*questions: str, declaration: str = '<?xml version="1.0" encoding="UTF-8"?>') -> bytes:
    return (declaration + "\n<quiz>\n" + "\n".join(questions) + "\n</quiz>\n").encode("utf-8")


def question(qtype: str, body: str, text: str = "Q?", fmt: str = "html", name: str = "N") -> str:
    return (f'<question type="{qtype}"><name><text>{name}</text></name>'
            f'<questiontext format="{fmt}"><text>{text}</text></questiontext>{body}</question>')


def answer(fraction: float | str, text: str, extra: str = "") -> str:
    return f'<answer fraction="{fraction}"><text>{text}</text>{extra}</answer>'


# (question element, kind, prompt, options, correct, tolerance)
READ = [
    (question("multichoice", "<single>true</single>" + answer(0, "a") + answer(100, "b")), "single", "Q?", ("a", "b"), (1,), 0.0),
    (question("multichoice", "<single>1</single>" + answer(100, "a") + answer(0, "b")), "single", "Q?", ("a", "b"), (0,), 0.0),
    (question("multichoice", "<single>false</single>" + answer(50, "a") + answer(50, "b") + answer(-100, "c")),
     "multiple", "Q?", ("a", "b", "c"), (0, 1), 0.0),
    (question("multichoice", answer(100, "a") + answer(0, "b")), "single", "Q?", ("a", "b"), (0,), 0.0),  # <single> defaults to true
    (question("truefalse", answer(100, "true") + answer(0, "false")), "true_false", "Q?", (), (0,), 0.0),
    (question("truefalse", answer(0, "true") + answer(100, "false")), "true_false", "Q?", (), (1,), 0.0),
    (question("multichoice", answer(0, "Vero") + answer(100, "Falso")), "true_false", "Q?", (), (1,), 0.0),
    (question("shortanswer", answer(100, "Rome") + answer(100, "Roma")), "short", "Q?", (), ("Rome", "Roma"), 0.0),
    (question("shortanswer", answer(100, "Rome"), text="The capital is ____."), "cloze", "The capital is ____.", (), ("Rome",), 0.0),
    (question("numerical", answer(100, "3.14", "<tolerance>0.01</tolerance>")), "numeric", "Q?", (), (3.14,), 0.01),
    (question("numerical", answer(100, "42") + answer(0, "*")), "numeric", "Q?", (), (42.0,), 0.0),
    (question("multichoice", answer(100, "&lt;b&gt;a&lt;/b&gt; &amp;amp; b") + answer(0, "c"), text="&lt;p&gt;A &amp;lt;tag&amp;gt;?&lt;/p&gt;"),
     "single", "A <tag>?", ("a & b", "c"), (0,), 0.0),
    (question("multichoice", answer(100, "a") + answer(0, "b"), text="<![CDATA[<p>Line one<br>line two</p>]]>"),
     "single", "Line one\nline two", ("a", "b"), (0,), 0.0),
    (question("multichoice", answer(100, "a") + answer(0, "b"), text="Keep &lt;b&gt; as typed", fmt="plain_text"),
     "single", "Keep <b> as typed", ("a", "b"), (0,), 0.0),
    (question("multichoice", answer(100, "a") + answer(0, "b"), text="Is **this** bold?", fmt="markdown"),
     "single", "Is this bold?", ("a", "b"), (0,), 0.0),
]


@pytest.mark.parametrize(("element", "kind", "prompt", "options", "correct", "tolerance"), READ,
                         ids=[f"{i}-{r[1]}" for i, r in enumerate(READ)])
def test_a_moodle_xml_question_reads_as_its_kind(element, kind, prompt, options, correct, tolerance):
    result = parse_moodle_xml(quiz(element))
    assert not result.skipped, result.skipped
    (parsed,) = result.questions
    assert (parsed.kind, parsed.prompt, parsed.options, parsed.correct) == (kind, prompt, options, correct)
    assert parsed.tolerance == pytest.approx(tolerance)
    assert (parsed.number, parsed.line, parsed.name) == (1, 3, "N")


@pytest.mark.parametrize("qtype", ["essay", "matching", "cloze", "description", "calculated", "calculatedsimple",
                                   "calculatedmulti", "ddwtos", "ddimageortext", "ddmarker", "gapselect",
                                   "randomsamatch", "ordering", "random", "some_plugin_type"])
def test_every_type_quizapp_has_not_is_reported_by_name(qtype):
    result = parse_moodle_xml(quiz(question("truefalse", answer(100, "true") + answer(0, "false")),
                                   question(qtype, "", name=f"My {qtype}")))
    (skipped,) = result.skipped
    assert (skipped.number, skipped.line, skipped.name, skipped.qtype) == (2, 4, f"My {qtype}", qtype)
    assert (skipped.reason.code, skipped.reason.detail) == ("unsupported", qtype)
    assert len(result.questions) == 1


@pytest.mark.parametrize(("element", "code"), [
    (question("truefalse", answer(50, "true") + answer(50, "false")), "no_right_answer"),
    (question("numerical", answer(100, "abc")), "bad_number"),
    (question("numerical", answer(100, "1") + answer(100, "2")), "several_right_answers"),
    (question("numerical", answer(50, "1")), "no_right_answer"),
    (question("multichoice", "<single>false</single>" + answer(0, "a") + answer(0, "b")), "no_right_answer"),
    (question("multichoice", answer(100, "a")), "too_few_options"),
    (question("shortanswer", answer(100, "a"), text=""), "no_prompt"),
])
def test_a_question_that_cannot_be_held_is_reported_with_its_reason(element, code):
    (skipped,) = parse_moodle_xml(quiz(element)).skipped
    assert skipped.reason.code == code


def test_categories_name_the_questions_after_them():
    result = parse_moodle_xml(quiz('<question type="category"><category><text>$course$/A</text></category></question>',
                                   question("truefalse", answer(100, "true") + answer(0, "false")),
                                   '<question type="category"><category><text>$course$/B</text></category></question>',
                                   question("truefalse", answer(0, "true") + answer(100, "false"))))
    assert result.categories == ("$course$/A", "$course$/B")
    assert [q.category for q in result.questions] == ["$course$/A", "$course$/B"]
    assert [q.number for q in result.questions] == [1, 2]  # categories are not numbered as questions


def test_points_feedback_units_and_case_are_read_or_noted():
    element = question("numerical", "<defaultgrade>2.5</defaultgrade>"
                       "<generalfeedback format=\"html\"><text>&lt;p&gt;Because.&lt;/p&gt;</text></generalfeedback>"
                       + answer(100, "5", "<tolerance>1</tolerance><feedback><text>Yes</text></feedback>")
                       + answer(50, "6") + "<units><unit><unit_name>m</unit_name></unit></units>")
    (parsed,) = parse_moodle_xml(quiz(element)).questions
    assert (parsed.points, parsed.explanation, parsed.correct, parsed.tolerance) == (2.5, "Because.", (5.0,), 1.0)
    assert [note.code for note in parsed.notes] == ["answer_feedback_dropped", "partial_credit_dropped", "units_dropped"]
    (short,) = parse_moodle_xml(quiz(question("shortanswer", "<usecase>1</usecase>" + answer(100, "Rome")))).questions
    assert [note.code for note in short.notes] == ["case_ignored"]


@pytest.mark.parametrize(("data", "code"), [
    # Billion laughs: entities are refused, never expanded.
    (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
     b"<quiz><question type=\"essay\"><name><text>&lol2;</text></name></question></quiz>", "xml_forbidden"),
    # An external entity: the file is never read.
    (b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><quiz>&xxe;</quiz>', "xml_forbidden"),
    (b'<?xml version="1.0"?><!DOCTYPE quiz SYSTEM "http://example.org/quiz.dtd"><quiz></quiz>', "xml_forbidden"),
    (b"<quiz>" + b"<a>" * (MAX_DEPTH + 5) + b"</a>" * (MAX_DEPTH + 5) + b"</quiz>", "too_deep"),
    (b'<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n</quiz>', "xml_syntax"),
    (b'<?xml version="1.0"?>\n<html><body>Not a quiz</body></html>', "not_moodle_xml"),
    (b'<?xml version="1.0"?>', "xml_syntax"),
])
def test_hostile_or_damaged_xml_is_refused_with_a_reason(data, code):
    with pytest.raises(DamagedFile) as raised:
        parse(data, "")
    assert raised.value.code == code


def test_a_syntax_error_says_its_line():
    with pytest.raises(DamagedFile) as raised:
        parse_moodle_xml(b'<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n</quiz>')
    assert raised.value.line == 4


def test_the_declared_encoding_is_honoured():
    element = question("truefalse", answer(100, "true") + answer(0, "false"), text="Perché è così?")
    latin = quiz(element, declaration='<?xml version="1.0" encoding="ISO-8859-1"?>').decode("utf-8").encode("latin-1")
    assert parse_moodle_xml(latin).questions[0].prompt == "Perché è così?"
    utf16 = quiz(element, declaration='<?xml version="1.0" encoding="UTF-16"?>').decode("utf-8").encode("utf-16")
    assert sniff(utf16) == "moodle_xml"
    assert parse(utf16, "").questions[0].prompt == "Perché è così?"


def test_text_that_is_no_gift_is_refused_rather_than_read_as_descriptions():
    with pytest.raises(DamagedFile) as raised:
        parse(b"Just some notes.\n\nNo questions here.", "Just some notes.\n\nNo questions here.")
    assert raised.value.code == "not_gift"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "<quiz>", "</quiz>", '<question type="multichoice">', '<question type="truefalse">', '<question type="essay">',
    "<question>", "</question>", "<questiontext>", "</questiontext>", "<text>", "</text>", "Q?", "true", "false",
    '<answer fraction="100">', '<answer fraction="x">', '<answer fraction="50">', "</answer>", "<single>", "</single>",
    "<tolerance>", "</tolerance>", "1.5", "&amp;", "&lt;b&gt;", "<![CDATA[<p>x</p>]]>", '<?xml version="1.0"?>',
]), max_size=40))
def test_any_xml_reads_as_questions_or_a_reason_never_an_error(parts):
    try:
        result = parse("".join(parts).encode("utf-8"), "".join(parts))
    except DamagedFile:
        return
    numbers = sorted([q.number for q in result.questions] + [s.number for s in result.skipped])
    assert numbers == list(range(1, result.items + 1))
