"""Check a generated question against the quality rules; the generator drops any that fail."""

from __future__ import annotations

import os
import re
from itertools import islice

from .text import normalise, strip_article
from .types import QuestionDraft

CHOICE_KINDS = {"single", "multiple", "true_false"}


# The least letters a key and a word of its prompt share at their start to be one word's
# forms ("London" and "Londra", "londinesi" and "LONDRA"), and the share of the shorter word.
KIN_PREFIX = 4
KIN_SHARE = 0.6


def _kin_word(key: str, prompt: str) -> str | None:
    """Return a word of the prompt that is the one-word key in another form ("Londra" for "London"), or None."""
    if " " in key.strip() or len(key) < KIN_PREFIX + 1 or not key.isalpha():
        return None
    low = key.lower()
    for word in re.findall(r"[^\W\d_]{%d,}" % KIN_PREFIX, prompt):
        other = word.lower()
        if other == low:
            continue
        shared = len(os.path.commonprefix([low, other]))
        if shared >= KIN_PREFIX and shared >= KIN_SHARE * min(len(low), len(other)):
            return word
    return None


def _contains(hay: str, needle: str) -> bool:
    """Tell whether normalised ``needle`` occurs in normalised ``hay`` as whole words."""
    n = normalise(needle)
    return bool(n) and f" {n} " in f" {normalise(hay)} "


def problems(q: QuestionDraft, text: str, articles: tuple[str, ...] = ()) -> list[str]:
    """Return the rules ``q`` breaks against the source ``text`` (empty when it is sound).

    ``articles`` are the language's articles: "il Giappone" is given away by "Giappone" too.
    """
    out = []
    ev = q.evidence
    if not (0 <= ev.start < ev.end <= len(text)) or text[ev.start:ev.end] != ev.text:
        out.append("evidence offsets do not match the text")
    if not q.answer_texts or any(not a.strip() for a in q.answer_texts):
        out.append("no answer text")
    for a in q.answer_texts:
        if a not in ev.text:
            out.append(f"answer not in evidence: {a!r}")
    if not q.prompt.strip():
        out.append("empty prompt")
    if q.kind != "true_false":
        for a in q.answer_texts:
            if _contains(q.prompt, a) or (articles and _contains(q.prompt, strip_article(a, articles))):
                out.append(f"prompt gives the answer away: {a!r}")
    if q.kind in CHOICE_KINDS:
        norm = [normalise(o) for o in q.options]
        if len(set(norm)) != len(norm) or any(not n for n in norm):
            out.append("options not unique after normalisation")
        if not q.correct or any(not isinstance(i, int) or not 0 <= i < len(q.options) for i in q.correct):
            out.append("correct indices out of range")
        elif q.kind != "true_false":
            right = [norm[i] for i in q.correct]
            for k, n in enumerate(norm):
                if k in q.correct:
                    continue
                if any(n == r or f" {r} " in f" {n} " or f" {n} " in f" {r} " for r in right):
                    out.append(f"distractor overlaps a correct answer: {q.options[k]!r}")
            if q.kind == "single" and len(q.correct) != 1:
                out.append("single choice needs exactly one correct option")
        if q.kind == "true_false" and (len(q.options) != 2 or len(q.correct) != 1):
            out.append("true/false needs two options and one answer")
    else:
        if q.options:
            out.append("options on a non-choice question")
        if not q.correct:
            out.append("no accepted answer")
    if q.kind in ("cloze", "short"):
        # "Prince Pedro … became Emperor ____" (Pedro I, accepting "Pedro"): a right answer the prompt
        # already writes gives the question away (a number may stand there for something else).
        for alt in q.correct:
            if isinstance(alt, str) and len(alt) >= 4 and any(ch.isalpha() for ch in alt) and _contains(q.prompt, alt):
                out.append(f"prompt gives an accepted answer away: {alt!r}")
        kin = _kin_word(q.correct[0], q.prompt) if q.correct and isinstance(q.correct[0], str) else None
        if kin:
            out.append(f"prompt gives the answer away by a word of its stem: {kin!r}")
    if q.kind == "cloze" and q.answer_texts:
        # A blank must leave enough of the sentence to be answerable: not "____" or "____ kilometres."
        left = ev.text.replace(q.answer_texts[0], " ", 1)
        words = (w for w in left.split() if any(ch.isalnum() for ch in w))
        if len(list(islice(words, 3))) < 3:  # three are enough: long sentences need not be counted
            out.append("the blank leaves too little of the sentence")
    if q.kind == "numeric" and not all(isinstance(c, (int, float)) for c in q.correct):
        out.append("numeric answer is not a number")
    return out
