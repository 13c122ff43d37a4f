"""Phrase a fact as a question a teacher would write: "Who…?", "In which year…?", or a statement.

The patterns are data in the language packs (``wh`` entries); this module only
cuts and joins the sentence around the answer. Every function returns None when
the sentence does not have the shape that makes the question grammatical, so the
caller falls back to a fill-in-the-blank.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .facts import Doc
from .types import Span

_END_PUNCT = " \t\n.;:!?…"
_YEARS = re.compile(r"(?<!\d)\d{4}(?!\d)")


def single_value(doc: Doc, sent: Span, ans: Span) -> bool:
    """Tell whether ``ans`` fills its slot alone, not as one item of a list ("X, Y e Z").

    Another value of the same slot would be right too, so a list item makes a
    poor single-choice key or true/false swap.
    """
    before = doc.text[sent.start:ans.start].rstrip()
    after = doc.text[ans.end:sent.end].lstrip()
    conjunctions = set(doc.pack.get("list_conjunctions", ()))
    kind = _shape_of(ans.text)
    if before.endswith(("/", "&")) or (before.endswith(",") and _shape_of(before[:-1].rsplit(" ", 1)[-1]) == kind):
        return False
    words_before = before.rsplit(" ", 2)[-2:] if before else []
    if len(words_before) == 2 and words_before[1].lower() in conjunctions and _shape_of(words_before[0]) == kind:
        return False  # "Chivasso e ____"
    if after[:1] in ("/", "&"):
        return False
    words_after = after.lstrip(",").split(" ", 2)
    if after[:1] == "," and words_after[1:2] and _shape_of(words_after[1]) == kind:
        return False  # "____, Y and Z"
    if words_after[0].lower() in conjunctions and words_after[1:2] and _shape_of(words_after[1]) == kind:
        return False  # "____ e l'Occidente", "____ and 2008"
    return True


def _shape_of(word: str) -> str:
    """Return what a word looks like for list detection: a number, a name, or a word."""
    word = word.strip(" ,;:.()«»\"“”'’")
    if not word:
        return ""
    if word[:1].isdecimal():
        return "number"
    # "l'Occidente", "il Giappone": an article does not hide the name after it.
    last = re.split(r"['’]", word)[-1] or word
    return "name" if last[:1].isupper() else "word"


@lru_cache(maxsize=8)
def _year_phrase(pattern: str) -> re.Pattern:
    """Compile a pack's year-phrase pattern ({year} stands for the year)."""
    return re.compile(pattern.replace("{year}", r"(?P<year>\d{4})"))


def _lower_first(doc: Doc, text: str) -> str:
    """Lower the first letter when the first word is a function word, not a name."""
    first = text.split(" ", 1)[0]
    if first.lower() in doc.pack.stopwords or first.lower() in doc.pack.articles:
        return text[:1].lower() + text[1:]
    return text


def _body(doc: Doc, sent: Span) -> str:
    """Return the sentence without its final punctuation."""
    return doc.text[sent.start:sent.end].rstrip(_END_PUNCT)


def who(doc: Doc, sent: Span, ans: Span) -> str | None:
    """Return "Who <rest of the sentence>?" when the person ``ans`` opens the sentence as its subject."""
    if doc.text[sent.start:ans.start].strip():
        return None
    rest = _body(doc, sent)[ans.end - sent.start:]
    words = rest.split()
    if not rest.startswith(" ") or len(words) < 3 or not words[0].isalpha() or not words[0].islower():
        return None
    if words[0] in doc.pack.get("list_conjunctions", ()) or "\n" in rest:
        return None
    return doc.pack.template("wh_who").format(rest=rest.strip())


def which_year(doc: Doc, sent: Span, ans: Span) -> str | None:
    """Return "In which year …?" for a year stated as "in 1865" / "nel 1865", or None.

    The year phrase is taken out of the sentence; languages whose questions need
    an inverted auxiliary (English) give the auxiliaries that can move.
    """
    body = _body(doc, sent)
    rx = _year_phrase(doc.pack.get("wh", {}).get("year_phrase", ""))
    local = ans.start - sent.start
    for m in rx.finditer(body):
        # Only a year that opens the sentence dates the whole clause ("Nel 1865 Firenze fu…");
        # one further in may date a subordinate clause, and the question would ask another thing.
        if m.start("year") != local or body[:m.start()].strip() or len(_YEARS.findall(body)) != 1:
            continue
        rest = (body[:m.start()] + " " + body[m.end():]).strip(" ,")
        # "…; the prize is not given posthumously, so …": the question ends with the year's own clause.
        rest = re.split(r"\s*[;:]\s", rest, maxsplit=1)[0]
        rest = re.sub(r"\s+,", ",", " ".join(rest.split()))
        if len(rest.split()) < 3 or "\n" in rest:
            return None
        rest = _lower_first(doc, rest)
        aux = doc.pack.get("wh", {}).get("invert")
        if aux:
            inverted = _invert(rest, aux)
            if inverted is None:
                return None
            rest = inverted
        return doc.pack.template("wh_year").format(rest=rest)
    return None


def _invert(clause: str, auxiliaries: list[str]) -> str | None:
    """Move the first auxiliary before a short subject: "the city was founded" -> "was the city founded"."""
    words = clause.split(" ")
    for k, w in enumerate(words[:8]):
        if w in auxiliaries:
            subject = " ".join(words[:k])
            if k == 0 or "," in subject:
                return None
            return " ".join([w, subject] + words[k + 1:])
    return None
