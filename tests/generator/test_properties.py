"""Property tests: arbitrary Unicode never breaks the generator's contract."""

from __future__ import annotations

import os

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
