"""A numeric key is shown as the document writes it (review 7: "33.5" for an Italian text's "33,5")."""

from types import SimpleNamespace

import pytest

from quizapp.kinds import KINDS


@pytest.mark.parametrize("correct,answer_texts,shown", [
    ((33.5,), ("33,5 metri",), "33,5"),
    ((4.6,), ("4,6",), "4,6"),
    ((3,), ("tre",), "tre"),
    ((1500,), ("1,500 kilometres",), "1,500"),
    ((33.5,), ("33.5",), "33.5"),
    ((2030,), (), "2030"),
    ((7,), ("sette anni dopo",), "7"),
])
def test_a_numeric_key_is_shown_as_the_document_writes_it(correct, answer_texts, shown):
    question = SimpleNamespace(correct=correct, answer_texts=answer_texts, tolerance=0.0)
    assert KINDS["numeric"].correct_text(question) == shown
