"""Known-good table for an English text written like the seed article."""

from __future__ import annotations

import datetime as dt

import pytest

from quizapp.generator import generate_quiz

TEXT = """date 2024-03-05 Chinese battery makers have joined a government-led initiative to commercialise all-solid-state batteries.
The China All-Solid-State Battery Collaborative Innovation Platform (CASIP) brings together the government, academia and industry with the aim of building a supply chain for solid-state batteries by 2030.
Among the companies that joined the initiative are CATL, BYD, CALB, EVE Energy and Gotion High-tech.
The main advantages of solid-state batteries are greater energy density, lower risk of fire and more freedom in design.
Solid-state batteries could reach 40% of the market, worth 3.5 billion dollars, within six years.
"""
MEMBERS = {"CATL", "BYD", "CALB", "EVE Energy", "Gotion High-tech"}


@pytest.fixture(scope="module")
def draft():
    return generate_quiz(TEXT)


def _q(draft, kind, answer):
    return [q.to_dict() for q in draft.questions if q.kind == kind and answer in " | ".join(q.answer_texts)]


def test_header_and_language(draft):
    assert draft.language == "en" and draft.published == dt.date(2024, 3, 5)


def test_members(draft):
    q = _q(draft, "multiple", "CATL")[0]
    assert set(q["answer_texts"]) == MEMBERS
    assert q["prompt"].startswith("According to the text")
    assert not {o for i, o in enumerate(q["options"]) if i not in q["correct"]} & MEMBERS


def test_deadline_acronym_benefits_numbers(draft):
    assert any(q["correct"] == [2030] for q in _q(draft, "numeric", "2030"))
    assert _q(draft, "short", "China All-Solid-State Battery Collaborative Innovation Platform")
    for benefit, turned in (("greater energy density", "lower energy density"), ("lower risk of fire", "higher risk of fire"),
                            ("more freedom in design", "less freedom in design")):
        assert _q(draft, "true_false", benefit), benefit
        # A benefit turned round is an absurd negation (issue 10): never asked.
        assert not [q for q in draft.questions if turned in q.prompt or turned in " ".join(q.options)], turned
    assert any(q["correct"] == [40] for q in _q(draft, "numeric", "40"))
    assert any(q["correct"] == [6] for q in _q(draft, "numeric", "six"))
    assert any(q["correct"] == [3.5] for q in _q(draft, "numeric", "3.5"))


@pytest.mark.parametrize("who", ["the government", "academia", "industry"])
def test_brings_together(draft, who):
    assert _q(draft, "cloze", who)
