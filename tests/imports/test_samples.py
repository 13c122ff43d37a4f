"""Sample files in Moodle's documented formats (tests/data/import): every question is imported or reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from quizapp.imports.parsing import parse

DATA = Path(__file__).resolve().parent.parent / "data" / "import"

# Number in the file -> (line, what it becomes: a kind, or "skip:<type>:<reason>").
GIFT_SAMPLE = {
    1: (7, "single"), 2: (10, "single"), 3: (13, "single"), 4: (17, "true_false"), 5: (19, "true_false"),
    6: (21, "true_false"), 7: (23, "true_false"), 8: (26, "short"), 9: (29, "cloze"), 10: (34, "numeric"),
    11: (36, "numeric"), 12: (38, "numeric"), 13: (44, "multiple"), 14: (52, "single"), 15: (58, "true_false"),
    16: (61, "short"), 17: (64, "single"), 18: (66, "true_false"), 19: (68, "true_false"), 20: (71, "single"),
    21: (74, "skip:matching:unsupported"), 22: (81, "skip:essay:unsupported"),
    23: (84, "skip:description:unsupported"), 24: (87, "single"),
}
XML_SAMPLE = {
    1: (9, "single"), 2: (25, "multiple"), 3: (35, "true_false"), 4: (42, "true_false"), 5: (49, "short"),
    6: (58, "cloze"), 7: (64, "numeric"), 8: (76, "skip:cloze:unsupported"), 9: (81, "skip:essay:unsupported"),
    10: (86, "skip:matching:unsupported"), 11: (93, "skip:description:unsupported"),
    12: (98, "skip:calculated:unsupported"), 13: (103, "skip:ddwtos:unsupported"),
    14: (108, "skip:ordering:unsupported"), 15: (113, "single"), 16: (122, "true_false"),
}
BROKEN_GIFT = {
    1: (3, "skip:?:damaged"), 2: (5, "single"), 3: (7, "skip:?:damaged"), 4: (9, "skip:?:damaged"),
    5: (11, "skip:shortanswer:damaged"), 6: (13, "skip:numerical:bad_number"),
    7: (15, "skip:multiple:no_right_answer"), 8: (17, "skip:single:same_options"),
}


def outcome(result) -> dict[int, tuple[int | None, str]]:
    found = {q.number: (q.line, q.kind) for q in result.questions}
    found.update({s.number: (s.line, f"skip:{s.qtype}:{s.reason.code}") for s in result.skipped})
    return found


def gift_items(text: str) -> int:
    """Count GIFT items independently of the parser: blank-line blocks left once comments and categories go."""
    blocks = re.split(r"\n[ \t]*\n", text)
    kept = ["\n".join(line for line in block.splitlines() if not line.strip().startswith(("//", "$CATEGORY:")))
            for block in blocks]
    return sum(1 for block in kept if block.strip())


@pytest.mark.parametrize(("name", "expected"), [("moodle_sample.gift", GIFT_SAMPLE), ("broken.gift", BROKEN_GIFT),
                                                ("moodle_sample.xml", XML_SAMPLE)])
def test_every_question_of_a_sample_is_imported_or_reported_at_its_place(name, expected):
    data = (DATA / name).read_bytes()
    result = parse(data, data.decode("utf-8"))
    assert outcome(result) == expected
    if name.endswith(".xml"):
        items = [q for q in etree.fromstring(data).findall("question") if q.get("type") != "category"]
    else:
        items = range(gift_items(data.decode("utf-8")))
    assert result.items == len(items) == len(expected)


def test_the_gift_sample_reads_as_moodle_documents_it():
    data = (DATA / "moodle_sample.gift").read_bytes()
    questions = {q.number: q for q in parse(data, data.decode()).questions}
    assert questions[2].prompt == "Grant is ____ in Grant's tomb."
    assert (questions[3].name, questions[3].options, questions[3].correct) == ("Q2", ("yellow", "red", "blue"), (0,))
    assert [questions[n].correct for n in (4, 5, 6, 7)] == [(0,), (1,), (1,), (0,)]
    assert questions[8].correct == ("Grant", "Ulysses S. Grant", "Ulysses Grant")
    assert (questions[10].correct, questions[10].tolerance) == ((1822.0,), 5.0)
    assert (questions[11].correct, questions[11].tolerance) == ((3.1415,), 0.0005)
    assert (questions[13].options, questions[13].correct) == (("No one", "Grant", "Grant's wife", "Grant's father"), (1, 2))
    assert questions[14].options == ("= 2 + 2", "= 2 + 3", "= 2 + 4") and questions[14].correct == (1,)
    assert (questions[15].name, questions[15].prompt) == ("GIFT: escapes", "Are {braces}, ~tildes~ and #hashes written escaped?")
    assert questions[16].explanation == "The sum of two and two is four."
    assert (questions[17].prompt, questions[17].options) == ("Which word is bold here?", ("this", "that", "neither"))
    assert questions[18].prompt == "Is this text bold in Markdown?"
    assert questions[24].prompt == "First line\nsecond line:\nwhich is right?"
    assert questions[13].category == "$course$/Samples/Numbers" and questions[1].category == "$course$/Samples/Grant"


def test_the_xml_sample_reads_as_moodle_documents_it():
    data = (DATA / "moodle_sample.xml").read_bytes()
    questions = {q.number: q for q in parse(data, "").questions}
    first = questions[1]
    assert (first.prompt, first.options, first.correct, first.points) == ("What is the capital of Italy?", ("Rome", "Milan", "Turin"), (0,), 2.0)
    assert first.explanation == "Rome has been the capital since 1871."
    assert (questions[2].options, questions[2].correct) == (("2", "3", "4", "6"), (0, 1))
    assert questions[5].prompt == "Who wrote The Divine Comedy?" and questions[5].correct == ("Dante", "Dante Alighieri")
    assert (questions[7].correct, questions[7].tolerance) == ((299.792,), 0.5)
    assert questions[16].correct == (0,)  # "True" was the second option, weighted 100
