"""Index the document's values by type, so a wrong option can be a value the text ties to another fact.

A year, a person, a place or an amount that the document states about something
else is a plausible wrong option for a slot that holds exactly one value: it is
of the right type, the student has read it, and the text itself says it belongs
elsewhere.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from .names import person_name
from .text import normalise
from .types import Fact, Span

# Fact kinds whose answer is a named thing of a known type.
ENTITY_TYPES = ("person", "place", "organization", "country")
_YEAR_RE = re.compile(r"^(?:1[0-9]{3}|20[0-9]{2})$")
# Values looked at for one question's wrong options.
# Lists kept to draw wrong options from (a long text has many; a few suffice).
MAX_LISTS = 50
LOOK_AT = 60


def value_type(fact: Fact) -> str:
    """Return the type a fact's answer has for swapping ("year", "person", "quantity:km"…), or ""."""
    if not fact.answers:
        return ""
    if fact.kind in ("year", "target_year"):
        return "year" if _YEAR_RE.match(fact.answers[0].text) else ""
    if fact.kind in ENTITY_TYPES or fact.kind in ("date", "nationality"):
        return fact.kind
    if fact.kind == "entity" and person_name(fact.answers[0].text):
        return "person"  # "Gregor Mendel", which no lexicon lists, is a person by his given name
    if fact.kind == "number" and fact.answers[0].text[:1].isdecimal():
        return "number"
    if fact.kind in ("quantity", "money"):
        unit = fact.slot("unit")
        return f"{fact.kind}:{unit.lower()}" if unit else ""
    if fact.kind == "percentage":
        return "percentage"
    return ""


@dataclass(frozen=True)
class Value:
    """One value the document states: its text, type and the sentence it stands in."""

    text: str
    kind: str
    sentence: Span


class Pool:
    """Hold every typed value of a document, to draw same-type wrong options from."""

    def __init__(self, facts: list[Fact]):
        self._by_kind: dict[str, list[Value]] = {}
        # Lists of items ("riunisce il governo, il mondo accademico e l'industria"), by sentence.
        self.lists: list[tuple[Span, tuple[str, ...]]] = []
        seen: set[tuple[str, str, int]] = set()
        for f in facts:
            if f.kind == "list" and len(self.lists) < MAX_LISTS:
                self.lists.append((f.span, tuple(a.text for a in f.answers)))
            kind = value_type(f)
            if not kind:
                continue
            text = f.slot("amount") or f.answers[0].text if kind.startswith(("quantity", "money", "percentage")) \
                else f.answers[0].text
            if kind in ENTITY_TYPES:
                text = re.sub(r"['’]s?$", "", text)  # "Mark Spitz's record": the option is "Mark Spitz"
            key = (kind, normalise(text), f.span.start)
            if key in seen:
                continue
            seen.add(key)
            self._by_kind.setdefault(kind, []).append(Value(text, kind, f.span))

    def others(self, kind: str, answer: str, sentence: Span, sentence_text: str,
               rng: random.Random, n: int = 3) -> list[str]:
        """Return up to ``n`` values of ``kind`` stated in other sentences and absent from this one.

        A value that overlaps the answer ("Marie Curie" for "Curie") or that the
        question's own sentence names is never offered.
        """
        norm_answer = normalise(answer)
        here = f" {normalise(sentence_text)} "
        out: dict[str, str] = {}
        values = self._by_kind.get(kind, [])
        # A long text holds thousands of values: look at a few, from a seeded place on.
        start = rng.randrange(len(values)) if values else 0
        for step in range(min(len(values), LOOK_AT)):
            v = values[(start + step) % len(values)]
            nv = normalise(v.text)
            if not nv or v.sentence.start == sentence.start or nv in out:
                continue
            if nv == norm_answer or f" {nv} " in f" {norm_answer} " or f" {norm_answer} " in f" {nv} ":
                continue
            if f" {nv} " in here:
                continue
            out[nv] = v.text
            if len(out) >= 3 * n:
                break
        values = sorted(out.values())
        rng.shuffle(values)
        return values[:n]
