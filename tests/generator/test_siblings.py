"""Siblings: a term's family in the text gives choice options and false statements that are false in the world."""

import pytest

from quizapp.generator import generate_quiz
from quizapp.generator.facts import Doc, extract_facts
from quizapp.generator.lang import load_pack
from quizapp.generator.siblings import Siblings

HEART = (
    "Food passes from the stomach into the small intestine, and what is left into the large intestine. "
    "The heart has four chambers. Oxygen-poor blood from the body enters the right atrium. "
    "Blood then passes into the right ventricle, which pumps it to the lungs. "
    "Oxygen-rich blood from the lungs enters the left atrium. "
    "The left ventricle has the thickest wall and pumps blood to the whole body through the aorta. "
    "Valves between the chambers stop blood flowing backwards."
)
CUORE = (
    "Il cuore ha quattro cavità. Il sangue povero di ossigeno entra nell'atrio destro. "
    "Dall'atrio passa nel ventricolo destro, che lo spinge verso i polmoni. "
    "Il sangue ricco di ossigeno torna dai polmoni nell'atrio sinistro. "
    "Il ventricolo sinistro ha la parete più spessa e spinge il sangue in tutto il corpo attraverso l'aorta."
)


def _siblings(text: str, lang: str) -> Siblings:
    doc = Doc(text=text, pack=load_pack(lang), body_start=0)
    return Siblings(extract_facts(doc), doc.pack, text)


@pytest.mark.parametrize("phrase, lang, term", [
    ("right ventricle", "en", ("right", "ventricle")),
    ("Left ventricle", "en", ("left", "ventricle")),  # "left" is written in lower case elsewhere
    ("Valves between", "en", None),            # "valves" is written in lower case nowhere in the text
    ("tiny vessels", "en", None),              # describes, does not classify
    ("pumps blood", "en", None),               # a verb, not a modifier
    ("Mount Inari", "en", None),               # a name
    ("ventricolo destro", "it", ("destro", "ventricolo")),
    ("grande fiume", "it", None),              # an adjective before its noun
    ("small intestine", "en", ("small", "intestine")),  # a describing word contrasting on a technical head
    ("small vessels", "en", None),             # ... but not on an everyday one
    ("intestino attraverso", "it", None),      # a preposition
])
def test_a_term_is_a_classifying_modifier_and_a_head(phrase, lang, term):
    found = _siblings(HEART if lang == "en" else CUORE, lang).term(phrase)
    assert (found and (found.modifier, found.head)) == (term or None)


def test_options_are_the_family_then_the_parallel_family_never_the_sentence_s_own():
    sib = _siblings(HEART, "en")
    sentence = "Blood then passes into the right ventricle, which pumps it to the lungs."
    assert sib.options("right ventricle", sentence) == ["left ventricle", "left atrium", "right atrium"]
    assert sib.options("left atrium", "Oxygen-rich blood from the lungs enters the left atrium.") == [
        "right atrium", "left ventricle", "right ventricle"]


@pytest.mark.parametrize("text, lang, answer, contrary", [
    (HEART, "en", "right ventricle", ["left ventricle"]),
    (CUORE, "it", "ventricolo destro", ["ventricolo sinistro"]),
])
def test_a_contrary_sibling_excludes_the_term_in_the_world(text, lang, answer, contrary):
    assert _siblings(text, lang).contrast(answer, "") == contrary


def test_the_heart_quiz_asks_a_chamber_among_chambers_and_states_a_false_side():
    questions = generate_quiz(HEART, lang="en").questions
    single = [q for q in questions if q.kind == "single" and q.answer_texts == ("left ventricle",)]
    assert single and set(single[0].options) == {"right ventricle", "left ventricle", "left atrium", "right atrium"}
    false = [q for q in questions if q.kind == "true_false" and q.correct == (1,)]
    assert any('"Oxygen-rich blood from the lungs enters the right atrium."' in q.prompt for q in false)
    # The false statement is nowhere in the text; the true one is the text's own sentence.
    assert all(q.prompt.split('"')[1] not in HEART for q in false)


@pytest.mark.parametrize("text", [
    "It passes into the right ventricle, which pumps it through the pulmonary artery to the lungs. "
    "The left ventricle pumps blood into the aorta.",
    "The lub-dub sound of a heartbeat is made by these valves closing in the left ventricle. "
    "The right ventricle has a thinner wall.",
])
def test_no_statement_is_made_of_a_sentence_that_leans_on_the_one_before(text):
    questions = generate_quiz(text, lang="en").questions
    assert not [q for q in questions if q.kind == "true_false" and q.evidence.text == text.split(". ")[0] + "."]


@pytest.mark.parametrize("text, false_statement", [
    ("Because cold air is denser than warm air, a cold front forces the warm air to rise steeply. "
     "Warm fronts bring long spells of drizzle.",
     "Because cold air is lighter than warm air"),
])
def test_a_comparative_turned_round_is_a_false_statement(text, false_statement):
    questions = generate_quiz(text, lang="en").questions
    assert any(q.kind == "true_false" and q.correct == (1,) and false_statement in q.prompt for q in questions)


def test_a_modifier_of_a_contrast_set_takes_siblings_of_that_set_only():
    """Review 12: "Electrons in a ____ are not always shared equally" (covalent bond) offered "double bond"."""
    from quizapp.generator.facts import Doc, extract_facts
    from quizapp.generator.lang import load_pack
    from quizapp.generator.siblings import Siblings

    text = ("An ionic bond forms between a metal and a non-metal. A covalent bond is a shared pair of electrons. "
            "A double bond shares two pairs. A metallic bond holds metal atoms in a sea of electrons. "
            "Every chemical bond stores energy.")
    pack = load_pack("en")
    doc = Doc(text=text, pack=pack, body_start=0)
    siblings = Siblings(extract_facts(doc), pack, text)
    assert set(siblings.options("covalent bond", "A covalent bond is a shared pair of electrons.")) == {
        "ionic bond", "metallic bond"}
