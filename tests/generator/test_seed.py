"""Known-good table: what the seed article must yield, with evidence in the right sentence."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from quizapp.generator import generate_quiz

from .conftest import SEED

MEMBERS = {"CATL", "BYD", "CALB", "EVE Energy", "Gotion High-tech"}
# Other reports name these among CASIP's members: they must never be offered as wrong options.
NEVER_DISTRACTORS = {"SVOLT", "FinDreams", "NIO", "Sunwoda", "Geely", "SAIC Motor", "Huawei"}
LEXICON = json.loads((Path(__file__).resolve().parents[2] / "quizapp/generator/data/lexicon.json").read_text())
NON_CHINESE_FIRMS = {e["name"] for e in LEXICON["company"] if e["country"] != "CN"}


@pytest.fixture(scope="module")
def draft():
    return generate_quiz(SEED.read_text(encoding="utf-8"), seed=0)


@pytest.fixture(scope="module")
def questions(draft):
    return [q.to_dict() for q in draft.questions]


def _find(questions, kind=None, evidence=(), answers=()):
    """Return questions of ``kind`` whose evidence holds every phrase and answers hold every phrase."""
    out = []
    for q in questions:
        if kind and q["kind"] != kind:
            continue
        if not all(p in q["evidence"]["text"] for p in evidence):
            continue
        joined = " | ".join(q["answer_texts"])
        if all(a in joined for a in answers):
            out.append(q)
    return out


def test_header_language_title(draft):
    assert draft.language == "it"
    assert draft.published == dt.date(2024, 2, 1)
    assert draft.title.startswith("I produttori cinesi di batterie")
    assert len(draft.title) <= 81


def test_members_multiple_select(questions):
    hits = _find(questions, "multiple", evidence=["aderire"])
    assert hits, "no multiple select about the members"
    q = hits[0]
    assert set(q["answer_texts"]) == MEMBERS
    assert {q["options"][i] for i in q["correct"]} == MEMBERS
    wrong = [o for i, o in enumerate(q["options"]) if i not in q["correct"]]
    assert len(wrong) >= 2
    assert set(wrong) <= NON_CHINESE_FIRMS
    assert q["prompt"].startswith("Secondo il testo")


def test_members_single_choice_variants(questions):
    hits = [q for q in _find(questions, "single", evidence=["aderire"]) if q["fact_kind"] == "members"]
    assert hits
    for q in hits:
        assert len(q["options"]) == 4
        assert q["options"][q["correct"][0]] in MEMBERS
        assert set(q["options"]) - MEMBERS <= NON_CHINESE_FIRMS


def test_no_chinese_firm_is_ever_a_distractor(questions):
    for q in questions:
        if q["kind"] in ("single", "multiple"):
            wrong = {o for i, o in enumerate(q["options"]) if i not in q["correct"]}
            assert not wrong & (NEVER_DISTRACTORS | MEMBERS), q
        if q["kind"] == "true_false":
            assert not any(n in q["prompt"] for n in NEVER_DISTRACTORS), q


def test_target_year_2030(questions):
    hits = _find(questions, "numeric", evidence=["entro il 2030", "catena di approvvigionamento"])
    assert any(q["correct"] == [2030] and "catena di approvvigionamento" in q["prompt"] for q in hits)
    singles = _find(questions, "single", evidence=["entro il 2030"], answers=["2030"])
    assert singles and all("2030" not in q["prompt"] for q in singles)


@pytest.mark.parametrize("phrases", [
    ("densità di energia", "autonomia"),
    ("rischio di prendere fuoco",),
    ("gestione delle dimensioni", "libertà"),
])
def test_each_benefit(questions, phrases):
    assert _find(questions, evidence=["punti di forza"], answers=phrases), phrases


@pytest.mark.parametrize("turned", [
    "una minore densità di energia e, quindi, di ridurre notevolmente",
    "l’essere più soggette al rischio di prendere fuoco",
    "la peggiore gestione delle dimensioni",
])
def test_no_benefit_is_turned_round_into_an_absurd_negation(questions, turned):
    """Issue 10: "una minore densità di energia è un punto di forza" tempts no student; each benefit is stated true."""
    asked = [q for q in _find(questions, evidence=["punti di forza"])]
    assert not [q for q in asked if turned in q["prompt"] or turned in " ".join(q.get("options") or [])]
    statements = [q for q in asked if q["kind"] == "true_false"]
    assert statements and all(q["correct"] == [0] for q in statements)


def test_acronym_expansion(questions):
    hits = [q for q in _find(questions, "short", evidence=["(CASIP)"]) if "CASIP" in q["prompt"]]
    assert hits
    assert "China All-Solid-State Battery Collaborative Innovation Platform" in hits[0]["correct"]


@pytest.mark.parametrize("answer", ["il governo cinese", "il mondo accademico", "l’industria"])
def test_whom_it_brings_together(questions, answer):
    assert _find(questions, evidence=["riunisce"], answers=[answer])


@pytest.mark.parametrize("answer", ["il Giappone", "l’Occidente"])
def test_whom_it_challenges(questions, answer):
    assert _find(questions, evidence=["sfidando"], answers=[answer])


def test_main_questions_come_first(questions):
    kinds = {q["fact_kind"] for q in questions[:8]}
    # (Not the acronym: its English expansion is never asked to be typed in an Italian article.)
    assert {"members", "target_year"} <= kinds
