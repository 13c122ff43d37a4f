"""Grade free answers tolerantly: case, accents, punctuation, articles and small typos."""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from .lang import SUPPORTED, load_pack
from .text import normalise

_NUM_RE = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(s: str) -> list[str]:
    """Return the numbers written in ``s``, separators removed (3,5 == 3.5; 1.000 == 1000)."""
    return [re.sub(r"[.,]", "", n).lstrip("0") or "0" for n in _NUM_RE.findall(s)]


def _articles(lang: str | None) -> tuple[str, ...]:
    """Return the articles to ignore: the language's, or both languages' when unknown."""
    langs = [lang] if lang in SUPPORTED else list(SUPPORTED)
    arts = set()
    for code in langs:
        arts.update(normalise(a) for a in load_pack(code).articles)
    return tuple(a for a in arts if a)


def _core(s: str, articles: tuple[str, ...]) -> str:
    """Return ``s`` normalised, without articles, for comparison."""
    all_words = normalise(s).split()
    words = [w for w in all_words if w not in articles]
    # An answer that is only an article ("A") is compared as it is.
    return " ".join(words or all_words)


def _allowed_typos(n: int) -> int:
    """Return how many edits a word of ``n`` characters may carry and still match."""
    if n <= 4:
        return 0  # Iran/Iraq, cat/car: one letter makes another word
    if n <= 8:
        return 1
    return 2


@lru_cache(maxsize=4096)
def _is_word(word: str, lang: str | None) -> bool:
    """Tell whether ``word`` is a word of the language in its own right (not a typo)."""
    langs = [lang] if lang in SUPPORTED else list(SUPPORTED)
    return any(zipf_frequency(word, code, wordlist="small") >= 2.0 for code in langs)


@lru_cache(maxsize=4096)
def _lemma(word: str, lang: str | None) -> str:
    """Return the word's dictionary form, to accept another inflection of the right word."""
    langs = [lang] if lang in SUPPORTED else list(SUPPORTED)
    return simplemma.lemmatize(word, lang=tuple(langs))


def _word_matches(given: str, accepted: str, lang: str | None) -> bool:
    """Tell whether one given word is the accepted word, or it with a small typo.

    A typo keeps the first letter, so "decrease" is not "increase" nor "impossible"
    "possible"; a given word that is a real word with another lemma ("former" for
    "farmer") is another answer, not a typo; "batteria" for "batterie" is the right word.
    """
    if given == accepted:
        return True
    if given[:1] != accepted[:1] or given.isdigit() or accepted.isdigit():
        return False
    allowed = _allowed_typos(len(accepted))
    if OSA.distance(given, accepted, score_cutoff=allowed) > allowed:
        return False
    return not _is_word(given, lang) or _lemma(given, lang) == _lemma(accepted, lang)


def answers_match(given: str, accepted: list[str], lang: str | None = None) -> bool:
    """Tell whether ``given`` matches one of the ``accepted`` answers.

    Case, accents, punctuation, articles, word breaks ("Hightech") and a small typo
    per word are forgiven; numbers must match exactly.
    """
    if not isinstance(given, str) or not accepted:
        return False
    # The very answer, whatever normalising would strip from it ("ʼ", "—").
    if given.strip() and any(isinstance(a, str) and given.strip().casefold() == a.strip().casefold() for a in accepted):
        return True
    articles = _articles(lang)
    g = _core(given, articles)
    if not g:
        return False
    g_nums = _numbers(given)
    g_words = g.split()
    for acc in accepted:
        if not isinstance(acc, str):
            acc = str(acc)
        a = _core(acc, articles)
        if not a or _numbers(acc) != g_nums:
            continue
        a_words = a.split()
        if g == a or g.replace(" ", "") == a.replace(" ", ""):
            return True
        if len(g_words) == len(a_words) and all(_word_matches(x, y, lang) for x, y in zip(g_words, a_words)):
            return True
    return False
