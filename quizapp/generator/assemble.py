"""Assemble a quiz from ranked questions: kinds mixed, one fact once, no question giving another away.

The generator puts such a quiz at the head of its questions, and the app uses the
same function whenever it picks questions for a quiz (the seed quiz, the
teacher's quick quiz), so every assembled quiz keeps the same rules:

- one question per fact and per sentence (a text with fewer sentences than
  questions may ask two facts of one sentence, when neither question's prompt or
  options hold the other's answer);
- no question's prompt, options or evidence contains the answer of another
  ("cross-leak");
- choice questions (single, multiple, true/false) make about half the quiz where
  the text allows, true and false statements nearly balanced;
- no kind floods the quiz;
- a blank whose key is a lower-case phrase of the sentence's wording, or one
  everyday word, comes only when no other question is left.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .text import normalise

CHOICE_KINDS = frozenset({"single", "multiple", "true_false"})
CHOICE_SHARE = 0.5
# At most this share of a quiz of each kind, so a quiz never becomes a list of blanks.
KIND_SHARE = {"single": 0.4, "multiple": 0.2, "true_false": 0.3, "cloze": 0.2, "numeric": 0.2, "short": 0.2}
# Kinds whose cap holds until the last pass: three acronyms or four true/false
# statements make a quiz about wording, however short the text; and blanks, the kind blind
# reviews rate lowest (14/30 in review 21, against 38/46 single choice), wait for every other.
HARD_CAPS = frozenset({"short", "true_false", "cloze"})
# An answer the text repeats in this many other sentences is the topic: asking it
# would give away, or be given away by, almost any other question.
TOPIC_SENTENCES = 3
# A one-word answer this long is the topic too where it opens the text's words ("Czechoslovak").
TOPIC_PREFIX = 6
# How many candidates per quiz question are considered, best first.
LOOKAHEAD = 30
# A fact scored under this share of the best is taken only when nothing better is left.
FLOOR = 0.2
# A multiple select asks a whole set the text counts: the quiz holds one scored at least this
# share of the best, as a quiz of blanks alone never asks which items belong together.
MULTIPLE_FLOOR = 0.1
# The least score a question needs in any pass: above 0, which a rule gives a question never to ask.
REFUSED = math.nextafter(0.0, 1.0)
# Kinds whose answer is typed: their accepted forms are strings, and their key may be a phrase of
# the sentence's own wording.
TYPED_KINDS = frozenset({"cloze", "short"})


@dataclass(frozen=True)
class Item:
    """Describe one candidate question, as assembly needs it.

    ``sentence`` identifies the evidence sentence (its offset); ``fact`` the fact
    asked; ``truth`` is True/False for a true/false statement, else None;
    ``score`` how worth asking the fact is (any scale; 1.0 when unknown).
    """

    kind: str
    prompt: str
    options: tuple[str, ...]
    answers: tuple[str, ...]
    evidence: str
    sentence: int
    fact: object
    truth: bool | None = None
    score: float = 1.0
    # A typed answer's other accepted forms ("governo" for "il governo cinese"): another
    # question showing one gives the answer away as well.
    accepted: tuple[str, ...] = ()


@lru_cache(maxsize=65536)
def _padded(text: str) -> str:
    """Return ``text`` normalised and padded for whole-word lookups (remembered: evidence repeats)."""
    return f" {normalise(text)} "


def _key(answer: str, articles: frozenset[str]) -> str:
    """Return an answer normalised, without leading articles ("il Giappone" -> "giappone")."""
    words = normalise(answer).split()
    while len(words) > 1 and words[0] in articles:
        words = words[1:]
    return " ".join(words)


def _answer_keys(item: Item, articles: frozenset[str]) -> set[str]:
    """Return the normalised answers of ``item`` without leading articles."""
    return {k for k in (_key(a, articles) for a in item.answers) if k}


def _shingles(key: str, n: int = 2) -> list[str]:
    """Return the runs of ``n`` words of an answer of more than ``n`` words."""
    words = key.split()
    return [" ".join(words[k:k + n]) for k in range(len(words) - n + 1)] if len(words) > n else []


def _name_words(item: Item, key: str) -> list[str]:
    """Return the words of a name answer (capitalised in the answer) long enough to identify it."""
    capitalised = {normalise(w) for a in item.answers for w in a.split() if w[:1].isupper()}
    words = key.split()
    return [w for w in words if len(w) > 3 and w in capitalised] if len(words) > 1 else []


def pick(items: Sequence[Item], size: int, articles: Sequence[str] = (), everyday: frozenset[str] = frozenset()) -> list[int]:
    """Return the indices of up to ``size`` items forming a sound quiz, best first.

    ``items`` come best first; a fact's first item is its preferred question.
    ``everyday`` holds the language's common words (lower case), which make poor blanks.
    Facts are taken in that order, and for each the first of its questions that
    keeps the rules; where choice questions are still short of half the quiz, the
    fact's choice questions are tried first.
    """
    if size <= 0 or not items:
        return []
    # Only the head of a long ranking can make the quiz; looking further costs time, not quality.
    items = list(items[:LOOKAHEAD * size])
    arts = frozenset(normalise(a) for a in articles)
    keys = [_answer_keys(it, arts) for it in items]
    asked = [_padded(it.prompt) + " ".join(_padded(o) for o in it.options) for it in items]
    texts = [a + _padded(it.evidence) for a, it in zip(asked, items)]
    # Sentences (by evidence) that mention each answer: a topic word is everywhere. A long word counts
    # where it opens another ("Czechoslovak" in "Czechoslovakia": the country the report is about).
    sentences = {it.sentence: _padded(it.evidence) for it in items}
    openings = [{f" {k}" if " " not in k and len(k) >= TOPIC_PREFIX else f" {k} " for k in keys[i]}
                for i in range(len(items))]
    topic = [sum(1 for s, ev in sentences.items() if s != it.sentence and any(k in ev for k in openings[i]))
             >= TOPIC_SENTENCES for i, it in enumerate(items)]
    # A long answer leaks through any two of its words in a row that the text does not repeat
    # ("Innovation Platform (CASIP)" gives away "China All-Solid-State … Platform").
    # A name leaks through any of its words the text does not repeat ("Meloni" gives away
    # "Giorgia Meloni", "Margherita" half of "Margherita di Savoia").
    names = [{w for k in keys[i] for w in _name_words(items[i], k)} for i in range(len(items))]
    leaks = [keys[i] | names[i] | {sh for k in keys[i] for sh in _shingles(k)
                                   if sum(f" {sh} " in ev for ev in sentences.values()) < TOPIC_SENTENCES}
             | {k for k in (_key(a, arts) for a in items[i].accepted) if k}
             for i in range(len(items))]
    # A name whose surname the text repeats everywhere ("Cesare") is the topic too.
    topic = [topic[i] or any(sum(1 for s, ev in sentences.items() if s != items[i].sentence and f" {w} " in ev)
                             >= TOPIC_SENTENCES for w in names[i]) for i in range(len(items))]
    # An amount leaks through its number with its unit a word or two later ("50 to 85 kilometres").
    spreads = [[p for p in map(_spread, keys[i]) if p is not _NEVER] for i in range(len(items))]
    # A blank whose key is a lower-case phrase ("save weight for fuel", "ordinary amateur telescopes")
    # waits for every other question: blind reviews 17 to 32 kept 37 of 123 such blanks
    # (30%), against 88% of single choices, as the sentence's own wording is rarely the one answer.
    # So does a blank on one everyday word ("meadow", "femmina", "separated"): reviews 27 to 37
    # kept 2 of 21 (the rest had synonyms refused or were guessed from the sentence), against
    # 24 of 35 single-word blanks on rarer terms ("micropyle", "citoplasma").
    phrases = [_phrase_blank(it) or _everyday_blank(it, everyday) for it in items]
    by_fact: dict[object, list[int]] = {}
    for i, it in enumerate(items):
        by_fact.setdefault(it.fact, []).append(i)

    chosen: list[int] = []
    caps = {kind: max(1, math.ceil(share * size)) for kind, share in KIND_SHARE.items()}

    def fits(i: int, capped: bool) -> bool:
        it = items[i]
        if topic[i] or not keys[i] or (phrases[i] and not phrasal):
            return False
        counts = [items[j].kind for j in chosen]
        hard = it.kind in HARD_CAPS and least > REFUSED
        if (capped or hard) and counts.count(it.kind) >= caps.get(it.kind, size):
            return False
        if it.truth is not None:
            truths = [items[j].truth for j in chosen if items[j].truth is not None]
            if abs(truths.count(True) + (1 if it.truth else 0) - truths.count(False) - (0 if it.truth else 1)) > 1:
                return False
        for j in chosen:
            other = items[j]
            if other.fact == it.fact or keys[j] & keys[i]:
                return False
            if other.sentence == it.sentence:
                # Two facts of one sentence only when the text is too short for one a sentence,
                # then neither prompt nor options may hold the other's answer, a clause break must
                # part the two answers (each question's evidence is then its side of it), and a
                # third fact of the sentence waits.
                if not shared_sentences or any(f" {k} " in asked[i] for k in leaks[j]) \
                        or any(f" {k} " in asked[j] for k in leaks[i]) or clause_break(other, it) is None \
                        or sum(items[c].sentence == it.sentence for c in chosen) > 1:
                    return False
            elif any(f" {k} " in texts[i] for k in leaks[j]) or any(f" {k} " in texts[j] for k in leaks[i]) \
                    or any(p.search(texts[i]) for p in spreads[j]) or any(p.search(texts[j]) for p in spreads[i]):
                return False
        return True

    floor = FLOOR * max(it.score for it in items)
    target = math.ceil(CHOICE_SHARE * size)
    shared_sentences = phrasal = False
    # Each pass relaxes one rule, for texts too short or too poor to keep them all. The
    # first keeps the choice questions' share of the quiz free for them.
    # A score of 0 is a rule's refusal (a blank cut inside a phrase): no pass takes it.
    # A blank on a lower-case phrase waits for all the rest (``phrasal``).
    passes = ((True, False, floor, True, False), (True, False, floor, False, False), (False, False, floor, False, False),
              (False, False, REFUSED, False, False), (False, False, REFUSED, False, True),
              (False, True, REFUSED, False, True))
    # A text with fewer sentences than questions cannot give each its own sentence: there,
    # two facts of one sentence may both be asked from the start (no prompt or option
    # holding the other's answer), rather than only once the better facts are gone.
    short = len(sentences) < size
    least = floor
    best = max(it.score for it in items)
    multiple = next((i for i, it in enumerate(items) if it.kind == "multiple" and it.score >= MULTIPLE_FLOOR * best),
                    None)
    if multiple is not None and fits(multiple, True):
        chosen.append(multiple)
    for capped, shared_sentences, least, reserve, phrasal in passes:
        shared_sentences = shared_sentences or short
        for fact, members in by_fact.items():
            if len(chosen) >= size:
                break
            if any(items[j].fact == fact for j in chosen) or max(items[i].score for i in members) < least:
                continue
            choices = sum(items[j].kind in CHOICE_KINDS for j in chosen)
            order = members
            if choices < target:
                order = [i for i in members if items[i].kind in CHOICE_KINDS] + \
                        [i for i in members if items[i].kind not in CHOICE_KINDS]
            if reserve and len(chosen) - choices >= size - target:
                order = [i for i in order if items[i].kind in CHOICE_KINDS]
            lead = keys[members[0]]
            for i in order:
                # Another answer of the fact waits for the pass its own score allows: "ricerca di base" is
                # no stand-in for "relativa catena di approvvigionamento" just because both are one list.
                # The same answer asked another way (a single choice for a numeric) is the fact's.
                if (items[i].score >= least or keys[i] & lead) and fits(i, capped):
                    chosen.append(i)
                    break
    return chosen


def _phrase_blank(item: Item) -> bool:
    """Tell whether a typed question's key is a lower-case phrase of two words or more, without figures.

    The first word may have its capital from the sentence ("Several astronomers"). A term the
    text marks as one is no mere wording: in quotation marks (“potenza automobilistica”, the
    so-called "war guilt clause") or known by its initials ("intelligenza artificiale", IA).
    """
    words = item.answers[0].split() if item.answers else []
    if item.kind not in TYPED_KINDS or len(words) < 2 or not all(w[:1].islower() for w in words[1:]) \
            or any(ch.isdecimal() for w in words for ch in w):
        return False
    return not (_QUOTED_BLANK.search(item.prompt) or any(a.isupper() and len(a) > 1 for a in item.accepted))


def _everyday_blank(item: Item, everyday: frozenset[str]) -> bool:
    """Tell whether a typed question's key is one lower-case word of everyday language ("meadow")."""
    words = item.answers[0].split() if item.answers else []
    return item.kind in TYPED_KINDS and len(words) == 1 and words[0].islower() and words[0] in everyday \
        and not _QUOTED_BLANK.search(item.prompt)


# A blank between quotation marks: the text names a term.
_QUOTED_BLANK = re.compile(r"[“\"«‘']_{4}[”\"»’']")


def _answer_at(item: Item) -> tuple[int, int] | None:
    """Return where the item's first answer stands in its evidence, or None."""
    for answer in item.answers[:1]:
        at = item.evidence.find(answer)
        if at >= 0:
            return at, at + len(answer)
    return None


def clause_break(first: Item, second: Item) -> int | None:
    """Return the offset in their shared evidence of the first clause break between two answers, or None.

    "… vi sono la possibilità di offrire una maggiore densità di energia …, l'essere meno
    soggette …": the comma after the first answer parts the evidence in two, each side
    proving its own answer without showing the other.
    """
    if first.evidence != second.evidence:
        return None
    a, b = _answer_at(first), _answer_at(second)
    if a is None or b is None:
        return None
    (_, end), (start, _) = sorted((a, b))
    return next((k for k in range(end, start) if first.evidence[k] in ",;:"), None)


def narrowed_evidence(items: Sequence[Item], chosen: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Return, for chosen items that share their sentence with another, the (start, end) of their side of it.

    Offsets are within each item's evidence; the side before the break goes to the item
    whose answer comes first. Items alone in their sentence keep their whole evidence.
    """
    out: dict[int, tuple[int, int]] = {}
    by_sentence: dict[int, list[int]] = {}
    for k in chosen:
        by_sentence.setdefault(items[k].sentence, []).append(k)
    for pair in by_sentence.values():
        if len(pair) != 2:
            continue
        first, second = sorted(pair, key=lambda k: (_answer_at(items[k]) or (0, 0))[0])
        cut = clause_break(items[first], items[second])
        if cut is None:
            continue
        evidence = items[first].evidence
        rest = len(evidence[cut + 1:]) - len(evidence[cut + 1:].lstrip())
        out[first] = (0, cut)
        out[second] = (cut + 1 + rest, len(evidence))
    return out


def give_away(first: Item, second: Item, articles: Sequence[str] = ()) -> str:
    """Return the answer one item gives away to the other (in its prompt, options or evidence), or "".

    Two questions on one sentence share their evidence, so only their prompts and
    options are compared, as ``pick`` does for a text too short for one a sentence.
    """
    arts = frozenset(normalise(a) for a in articles)
    same = first.sentence == second.sentence
    for asked, other in ((first, second), (second, first)):
        text = _padded(" ".join((other.prompt, *other.options, "" if same else other.evidence)))
        for answer in asked.answers:
            key = _key(answer, arts)
            if key and f" {key} " in text:
                return answer
            if key and _spread(key) is not _NEVER and _spread(key).search(text):
                return answer  # "about 50 kilometres" beside "from about 50 to 85 kilometres"
            decade = _DECADE.search(key) if key else None
            if decade and re.search(r" %s\d[ ,.;:]" % (decade.group(1) or decade.group(2)), text):
                return answer  # "began in the ____" (1860s) beside "In 1866 … a petition"
    return ""


# A decade written with its figures: "1860s", "anni 1860".
_DECADE = re.compile(r"(?:^|\s)(1\d\d|20\d)0s(?:\s|$)|(?:^|\s)anni (1\d\d|20\d)0(?:\s|$)")


_NEVER = re.compile(r"(?!x)x")


@lru_cache(maxsize=4096)
def _spread(key: str) -> re.Pattern:
    """Return a pattern for an amount whose unit follows a little later ("50 … kilometres"), or one that never matches."""
    words = key.split()
    if len(words) < 2 or not words[0][:1].isdecimal() or not any(ch.isalpha() for ch in words[-1]):
        return _NEVER
    return re.compile(" " + re.escape(words[0]) + r" (?:\S+ ){1,2}" + re.escape(" ".join(words[1:])) + " ")
