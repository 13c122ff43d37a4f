"""A blank among examples ("such as ____") is no cloze in a document: any other example is right too."""

import pytest

from quizapp.generator import generate_quiz


@pytest.mark.parametrize("text, lang, example", [
    ("Every cell in the human body must get rid of waste products such as carbon dioxide. "
     "The lungs remove carbon dioxide from the blood.", "en", "carbon dioxide"),
    ("Kyoto is home to several major companies, among them Nintendo, Kyocera and Shimadzu. "
     "Nintendo began as a maker of playing cards.", "en", "Shimadzu"),
    ("Nel lago vivono diverse specie di pesci, tra cui la trota lacustre. "
     "La pesca è regolata dalla provincia.", "it", "trota lacustre"),
])
@pytest.mark.parametrize("length", ["document", "paragraph"])
def test_an_example_is_not_asked_as_a_blank_in_a_document(text, lang, example, length):
    # A document (12 sentences or more) has facts to spare; a paragraph keeps the blank.
    filler = {"en": " Appendix {n} of the report lists further sources.",
              "it": " L'appendice {n} della relazione elenca altre fonti."}[lang]
    full = text + "".join(filler.format(n=n) for n in range(12)) if length == "document" else text
    questions = generate_quiz(full, lang=lang).questions
    first = text.split(". ")[0]
    typed = [q for q in questions if q.kind in ("cloze", "short") and example in " ".join(q.answer_texts)
             and q.evidence.text.startswith(first)]
    assert (typed == []) is (length == "document")


def test_a_blank_after_an_example_list_is_still_asked():
    text = ("Waste products such as urea are removed by the kidneys. "
            "The kidneys filter about 180 litres of blood plasma a day.")
    questions = generate_quiz(text, lang="en").questions
    assert any(q.kind == "cloze" and "kidneys" in q.answer_texts for q in questions)
