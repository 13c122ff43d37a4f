"""Grade free answers tolerantly: case, accents, punctuation, articles and small typos."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

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
    if n <= 3:
        return 0
    if n <= 7:
        return 1
    if n <= 15:
        return 2
    return n // 8


def answers_match(given: str, accepted: list[str], lang: str | None = None) -> bool:
    """Tell whether ``given`` matches one of the ``accepted`` answers.

    Case, accents, punctuation, leading or inner articles and small typos are forgiven;
    numbers must match exactly.
    """
    if not isinstance(given, str) or not accepted:
        return False
    articles = _articles(lang)
    g = _core(given, articles)
    if not g:
        return False
    g_nums = _numbers(given)
    for acc in accepted:
        if not isinstance(acc, str):
            acc = str(acc)
        a = _core(acc, articles)
        if not a:
            continue
        if _numbers(acc) != g_nums:
            continue
        if g == a:
            return True
        # Digits are compared above; typos are only forgiven in the words.
        g_words = _NUM_RE.sub("#", g)
        a_words = _NUM_RE.sub("#", a)
        if Levenshtein.distance(g_words, a_words, score_cutoff=_allowed_typos(len(a_words))) <= _allowed_typos(len(a_words)):
            return True
    return False
