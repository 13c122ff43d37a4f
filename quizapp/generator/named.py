"""Find the terms a text names ("a process called cementation") to offer one as a wrong option for another.

A textbook introduces its terms with a naming phrase: "the water … glue them
together, a process called cementation"; "the lower ones are squeezed …, a process
called compaction"; "together these processes, known as lithification". Terms the
text names for different things of one kind (the noun before the naming phrase,
"process") are wrong options of the right type for each other, in the text and in
the world, where no lexicon lists them. The language's ``naming_cues`` say how a
text names ("called", "known as"; "detto", "prende il nome di").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import simplemma

from .text import normalise

# A named term is short: one to three words, before a comma, a full stop or the end of a clause.
_TERM = r"((?:[^\W\d_][\w'’-]*)(?: [^\W\d_][\w'’-]*){0,2})(?=\s*[,.;:)]|\s*$)"


@dataclass(frozen=True)
class Named:
    """Describe one term as the text names it: as written, where, and the kind of thing it names."""

    text: str
    start: int
    kind: str


class NamedTerms:
    """Index the terms a document introduces with a naming phrase, by the kind of thing each names."""

    def __init__(self, pack, text: str):
        self._pack = pack
        cues = sorted(pack.get("naming_cues", ()), key=len, reverse=True)
        self._terms: list[Named] = []
        if not cues:
            return
        articles = "|".join(re.escape(a) for a in sorted(pack.articles, key=len, reverse=True) if a)
        pattern = re.compile(r"(?<![\w'’])(?:%s)\s+(?:(?:%s)\s*)?%s" % (
            "|".join(re.escape(c) for c in cues), articles or "(?!)", _TERM), re.IGNORECASE)
        for m in pattern.finditer(text):
            term = m.group(1)
            if term[:1].isupper():
                continue  # "a ship called Titanic": a name, not a term
            self._terms.append(Named(term, m.start(1), self._kind(text, m.start())))

    def _kind(self, text: str, cue_start: int) -> str:
        """Return the lemma of the noun before a naming phrase ("a process called" gives "process"), or ""."""
        before = re.findall(r"[^\W\d_]+", text[max(0, cue_start - 40):cue_start])
        stop = self._pack.stopwords
        words = [w.lower() for w in before if w.lower() not in stop and w.lower() not in self._pack.articles]
        if not words or before[-1].lower() in stop:
            return ""
        return simplemma.lemmatize(words[-1], lang=self._pack.code)

    def options(self, start: int, answer: str, sentence_text: str) -> list[str]:
        """Return other terms named for things of the answer's kind, when the text names the answer at ``start``.

        None is in the answer's sentence; each has as many words as the answer and
        none shares a word with it.
        """
        mine = next((t for t in self._terms if t.start == start and t.text == answer), None)
        if mine is None or not mine.kind:
            return []
        here = f" {normalise(sentence_text)} "
        words = set(normalise(answer).split())
        out = [t.text for t in self._terms
               if t.kind == mine.kind and t.start != start and len(t.text.split()) == len(answer.split())
               and not words & set(normalise(t.text).split()) and f" {normalise(t.text)} " not in here]
        return list(dict.fromkeys(out))
