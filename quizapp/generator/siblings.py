"""Find a term's siblings in the text: the same head noun with another modifier.

A textbook names its terms in families: "right ventricle" and "left ventricle",
"pulmonary", "aortic" and "tricuspid valve", "circolazione polmonare" and
"circolazione sistemica". A sibling the text names in another sentence is a
wrong option of the right type that the text itself ties to another fact, for a
term no lexicon lists. Families whose heads take the same modifiers ("left" and
"right" atrium beside "left" and "right" ventricle) lend each other members.

Only two-word terms of a modifier and a head count, with a modifier that
classifies ("pulmonary", "left") rather than describes ("tiny", "new"): the
language's ``generic_modifiers`` and its verbs are left out, as "tiny vessels"
or "releases energy" are no kind of anything. A false statement needs more than
another member: two modifiers of one of the language's ``contrast_sets``
("left"/"right", "upper"/"lower") exclude each other in the world too, while two
others might both be true ("genetic" and "hereditary information").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from wordfreq import zipf_frequency

from .facts import verb_like
from .text import normalise
from .types import Fact

PHRASE_KINDS = ("concept", "phrase")
_WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)?$")
# A head borrowed from a parallel family must be a term, not an everyday noun ("left side").
TERM_HEAD_ZIPF = 4.0


@dataclass(frozen=True)
class Term:
    """Describe one two-word term of the text: as written, its modifier and head (lower case)."""

    text: str
    modifier: str
    head: str


class Siblings:
    """Index the document's two-word terms by head, to offer a term's siblings as wrong options."""

    def __init__(self, facts: Iterable[Fact], pack, text: str):
        self._pack = pack
        self._text = text
        self._head_first = pack.get("phrase_head", "last") == "first"
        self._generic = frozenset(pack.get("generic_modifiers", ()))
        self._contrasts = [frozenset(s) for s in pack.get("contrast_sets", ())]
        self._by_head: dict[str, dict[str, Term]] = {}
        for f in facts:
            if f.kind not in PHRASE_KINDS:
                continue
            for a in f.answers:
                term = self.term(a.text)
                if term is not None:
                    self._by_head.setdefault(term.head, {}).setdefault(term.modifier, term)

    def term(self, phrase: str) -> Term | None:
        """Return ``phrase`` as a term of modifier and head, or None when it is not one."""
        words = phrase.split()
        if len(words) != 2 or not all(_WORD.match(w) for w in words):
            return None
        low = [w.lower() for w in words]
        # A capital past the first word is a name ("Mount Inari"); a capital first word
        # counts only where the text also writes it in lower case (a sentence's opening).
        if any(w != w.lower() for w in words[1:]) or (words[0] != low[0] and f" {low[0]} " not in
                                                       f" {self._text} "):
            return None
        head, modifier = (low[0], low[1]) if self._head_first else (low[1], low[0])
        stop = self._pack.stopwords
        if head in stop or modifier in stop or head in self._generic or len(modifier) < 3:
            return None
        # "small intestine": a describing word names a kind where it contrasts on a technical head.
        if modifier in self._generic and not (any(modifier in s for s in self._contrasts)
                                              and zipf_frequency(head, self._pack.code) < TERM_HEAD_ZIPF):
            return None
        if verb_like(modifier, self._pack.code, self._pack.verb_suffixes) or \
                verb_like(head, self._pack.code, self._pack.verb_suffixes):
            return None
        return Term(" ".join(low), modifier, head)

    def _written(self, modifier: str, head: str) -> str:
        return f"{head} {modifier}" if self._head_first else f"{modifier} {head}"

    def options(self, answer: str, sentence_text: str) -> list[str]:
        """Return the answer term's siblings the text names elsewhere and not in ``sentence_text``, closest first.

        The answer's own family comes first; then, where the family is small, the
        same modifiers on the head of a parallel family ("right atrium", "left
        atrium" for "right ventricle").
        """
        term = self.term(answer)
        if term is None:
            return []
        here = f" {normalise(sentence_text)} "
        family = self._by_head.get(term.head, {})
        if term.modifier not in family:
            return []
        out = [t.text for m, t in sorted(family.items()) if m != term.modifier]
        mods = set(family)
        for head, other in sorted(self._by_head.items()):
            if head == term.head or zipf_frequency(head, self._pack.code) >= TERM_HEAD_ZIPF:
                continue
            shared = mods & set(other)
            if term.modifier in shared and len(shared) >= 2:
                out += [self._written(m, head) for m in sorted(shared)]
        # "covalent bond" among "ionic" and "metallic bond", not "double bond" (a covalent one) nor
        # "chemical bond" (all of them): where the modifier has a contrast set, its set only.
        sets = [s for s in self._contrasts if term.modifier in s]
        if sets:
            out = [o for o, t in ((o, self.term(o)) for o in out) if t and any(t.modifier in s for s in sets)]
        return [o for o in dict.fromkeys(out) if f" {normalise(o)} " not in here]

    def contrast(self, answer: str, sentence_text: str) -> list[str]:
        """Return the answer term's siblings whose modifier excludes the answer's in the world ("left" for "right")."""
        term = self.term(answer)
        if term is None:
            return []
        sets = [s for s in self._contrasts if term.modifier in s]
        family = self._by_head.get(term.head, {})
        here = f" {normalise(sentence_text)} "
        return [t.text for m, t in sorted(family.items())
                if m != term.modifier and any(m in s for s in sets) and f" {normalise(t.text)} " not in here]
