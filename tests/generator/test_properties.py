"""Property tests: arbitrary Unicode never breaks the generator's contract."""

from __future__ import annotations

import os

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.generator import (EmptyDocument, UnsupportedLanguage, answers_match, detect_language,
                               generate_quiz, read_header)

from .checks import check_draft

PIECES = [
    "", " ", "\n", "\n\n", "\t", "\x00", "\x07", "\u200b", "\ufeff", "\r\n", "😀", "🇮🇹", "👩‍🔬",
    "<p>", "</p>", "<script>alert(1)</script>", "&amp;", "&nbsp;", "<b>CATL</b>", "北京大学", "Москва", "العربية",
    "date 2024-02 ", "date 2024-13-40 ", "x" * 5000, "A" * 300, "1" * 400, "2030", "(CASIP)", "CATL, BYD, CALB e NIO",
    "Il consorzio riunisce il governo, il mondo accademico e l’industria con l’obiettivo di costruire fabbriche entro il 2030.",
    "Tra le aziende che hanno aderito vi sono CATL, BYD, CALB e EVE Energy.",
    "The company was founded in 1998 by John Smith in London.", "It aims to build plants by 2030.",
    "Tra i vantaggi vi sono la velocità, la sicurezza e il costo.", "Il 45% dei ricavi, pari a 3,5 miliardi di euro.",
    "L'Organizzazione delle Nazioni Unite (ONU) è un'organizzazione intergovernativa.",
    "Among the members are Apple, Google and IBM.", ". . .", ",,,", "((((", "))))", "«", "»", "’", "'",
    "from 7 to 10 percent", "1963-1989", "da 10 a 15 milioni di dollari", "$5 million", "20–18", "anni '80",
    "the late 1980s", '"Ein neues Lied"', "“", "”", '"', "Datsun 810", "John C. Messenger", "E. O.",
    "American Sign Language (ASL)", "police and the armed forces", "Peruvian President Alejandro Toledo",
    "typically", "precedentemente",
    # Digits that are no decimal digits: "12³".isdigit() is true, int("12³") fails (review 46's crash).
    "1729 = 1³ + 12³ = 9³ + 10³", "due o 3²", "lunedì 3³", "10⁻⁷", "½", "①", "nel 19²", "two or 3²",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=25).map("".join),
    st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join),
)
SETTINGS = settings(max_examples=int(os.environ.get("GENERATOR_HYPOTHESIS_EXAMPLES", "120")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _run(text, **kw):
    try:
        return generate_quiz(text, **kw)
    except (EmptyDocument, UnsupportedLanguage):
        return None


@SETTINGS
@given(texts, st.sampled_from([None, "it", "en"]), st.integers(0, 2**31))
def test_only_documented_errors_and_every_question_sound(text, lang, seed):
    draft = _run(text, lang=lang, seed=seed)
    if draft is None:
        return
    assert draft.language in ("it", "en")
    assert not check_draft(draft, text)
    assert draft.to_dict()["language"] == draft.language


@SETTINGS
@given(texts)
def test_empty_means_empty(text):
    if not text.strip():
        try:
            generate_quiz(text)
        except EmptyDocument:
            return
        raise AssertionError("whitespace text must raise EmptyDocument")


@SETTINGS
@given(texts, st.integers(0, 1000))
def test_deterministic(text, seed):
    a, b = _run(text, lang="it", seed=seed), _run(text, lang="it", seed=seed)
    assert (a is None and b is None) or a.to_dict() == b.to_dict()


@SETTINGS
@given(st.text(max_size=200), st.lists(st.text(max_size=30), max_size=4), st.sampled_from([None, "it", "en", "xx"]))
def test_helpers_never_raise(text, accepted, lang):
    assert detect_language(text) in (None, "it", "en")
    published, offset = read_header(text)
    assert 0 <= offset <= len(text)
    assert isinstance(answers_match(text, accepted, lang), bool)
    if accepted and accepted[0].strip():
        assert answers_match(accepted[0], accepted, lang) or not any(ch.isalnum() for ch in accepted[0])


def test_unsupported_language_argument_is_reported():
    for bad in ("fr", "", "xx", 3):
        try:
            generate_quiz("Il gatto è sul tavolo.", lang=bad)
        except UnsupportedLanguage as exc:
            assert str(exc)
        else:
            raise AssertionError(bad)


# Pathological input: one unit repeated into a huge text with no sentence end,
# deep nesting, thousands of parentheses, one acronym defined again and again.
PATHOLOGICAL_UNITS = [
    "the European Battery Alliance (EBA) and the EBA ",
    "Alpha Beta Gamma Delta, ",
    "the battery makers and the Italian firms and ",
    "in 2030 and 45% of 3 million euros, ",
    "(", ")", "((((( )))))", "<div>", "a.", "A. ", "«", "\"CATL\" ", "Il consorzio (CASIP) e il CASIP ",
    "CATL, BYD, CALB e NIO, ", "from 7 to 10 percent ", "1963-1989 ",
]
# Characters of pathological text, and the CPU seconds of this process they may take (CPU time,
# not the clock, so a loaded machine cannot fail it): linear code needs about 2 s; the
# quadratic code this guards against took minutes.
PATHOLOGICAL_SIZE = 200_000
PATHOLOGICAL_SECONDS = 20

pathological = st.builds(
    lambda units, prefix: (prefix + "".join(units) * (PATHOLOGICAL_SIZE // max(1, len("".join(units))) + 1))[
        :PATHOLOGICAL_SIZE],
    st.lists(st.sampled_from(PATHOLOGICAL_UNITS), min_size=1, max_size=3),
    st.sampled_from(["", "date 2024-02-01\n", "Title\n\n"]),
)


@settings(max_examples=int(os.environ.get("GENERATOR_PATHOLOGICAL_EXAMPLES", "6")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pathological, st.sampled_from(["it", "en"]))
def test_pathological_input_is_generated_in_linear_time(text, lang):
    import time

    started = time.process_time()
    draft = _run(text, lang=lang)
    elapsed = time.process_time() - started
    assert elapsed < PATHOLOGICAL_SECONDS, f"{elapsed:.1f} s for {len(text)} characters of {text[:60]!r}"
    if draft is not None:
        assert not check_draft(draft, text)


@pytest.mark.parametrize("unit", ["the European Battery Alliance (EBA) and the EBA ", "Alpha Beta Gamma Delta, "])
def test_the_issues_pathological_pastes_are_generated_in_linear_time(unit):
    import time

    text = unit * (PATHOLOGICAL_SIZE // len(unit))
    started = time.process_time()
    _run(text, lang="en")
    assert time.process_time() - started < PATHOLOGICAL_SECONDS
