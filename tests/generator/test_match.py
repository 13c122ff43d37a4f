"""Known-good tables for grading free answers: each rule, what it accepts and what stays wrong."""

from __future__ import annotations

import pytest

from quizapp.generator import answers_match


def _ids(rows):
    return [f"{given}|{accepted[0]}|{lang}" for given, accepted, lang, _ in rows]


# --- numbers: figures and words, by value ------------------------------------------

NUMBERS = [
    # Italian number words, alone and glued as Italian writes them.
    ("cento", ["100"], "it", True),
    ("mille", ["1000"], "it", True),
    ("duemila", ["2000"], "it", True),
    ("tre", ["3"], "it", True),
    ("ventotto", ["28"], "it", True),
    ("centottanta", ["180"], "it", True),
    ("ventitré", ["23"], "it", True),
    ("milleduecento", ["1.200"], "it", True),
    ("mille e cento", ["1100"], "it", True),
    ("duemilatrenta", ["2030"], "it", True),
    ("millenovecentonovantasei", ["1996"], "it", True),
    ("trecentomila", ["300.000"], "it", True),
    ("100", ["cento"], "it", True),
    ("100 persone", ["cento persone"], "it", True),
    # Multipliers: figures, words, or both.
    ("tre milioni", ["3 milioni"], "it", True),
    ("3.000.000", ["tre milioni"], "it", True),
    ("un milione", ["1.000.000"], "it", True),
    ("3,5 milioni", ["3.500.000"], "it", True),
    ("3,5 milioni", ["3.5 milioni"], "it", True),
    ("2 miliardi di euro", ["due miliardi di euro"], "it", True),
    ("dieci per cento", ["10%"], "it", True),
    # English: words with spaces or hyphens, "a" for one, "and" inside.
    ("hundred", ["100"], "en", True),
    ("a hundred", ["100"], "en", True),
    ("one hundred", ["100"], "en", True),
    ("twenty-five", ["25"], "en", True),
    ("twenty five", ["25"], "en", True),
    ("one hundred and five", ["105"], "en", True),
    ("twelve hundred", ["1,200"], "en", True),
    ("three million", ["3 million"], "en", True),
    ("3,000,000", ["3 million"], "en", True),
    ("3 million", ["three million"], "en", True),
    ("a thousand", ["1000"], "en", True),
    ("ten percent", ["10%"], "en", True),
    ("25,000 passengers", ["twenty-five thousand passengers"], "en", True),
    # Without a language both languages' words count.
    ("cento", ["100"], None, True),
    ("hundred", ["100"], None, True),
    # The value must be the same: numbers stay exact.
    ("2031", ["2030"], None, False),
    ("cento", ["1000"], "it", False),
    ("duecento", ["2000"], "it", False),
    ("twenty", ["21"], "en", False),
    ("three million", ["3 billion"], "en", False),
    ("3 milioni", ["3 miliardi"], "it", False),
    ("35", ["3,5"], "it", False),
    ("3,5", ["35"], "it", False),
    ("300", ["3.000"], "it", False),
    # Words that do not make one number are not read as one ("due tre" is not 5).
    ("due tre", ["5"], "it", False),
    ("ten three", ["13"], "en", False),
    # A capitalised number word in the key is a name: "600" is not the Seicento.
    ("600", ["Seicento"], "it", False),
    ("seicento", ["Seicento"], "it", True),
    ("1000", ["la spedizione dei Mille"], "it", False),
    ("100 Years War", ["the Hundred Years' War"], "en", False),
    ("the hundred years war", ["the Hundred Years' War"], "en", True),
    # An article stays an article where no number follows.
    ("una batteria", ["batteria"], "it", True),
    ("a battery", ["battery"], "en", True),
]


@pytest.mark.parametrize("given,accepted,lang,ok", NUMBERS, ids=_ids(NUMBERS))
def test_numbers_match_by_value_in_figures_or_words(given, accepted, lang, ok):
    assert answers_match(given, accepted, lang) is ok
