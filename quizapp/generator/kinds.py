"""Write questions from facts: a registry of question-kind classes.

Each class says which facts it can ask about and builds the questions; the
generator asks every registered kind in turn, so a new kind is one new class
appended to ``REGISTRY``.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass

from . import distractors
from .facts import Doc
from .text import normalise, shorten, strip_article
from .types import Fact, QuestionDraft, Span

BLANK = "____"
_YEAR_RE = re.compile(r"^(?:1[0-9]{3}|20[0-9]{2})$")
_ENTITY_KINDS = {"organization", "person", "place", "country", "entity"}


@dataclass
class Context:
    """Give question kinds what they need: the document, the seed and doc-wide facts."""

    doc: Doc
    seed: int
    years: set[int]

    def rng(self, fact_index: int, kind: str, variant: int = 0) -> random.Random:
        """Return a random generator fixed by seed, fact and kind (same seed, same quiz)."""
        return random.Random(f"{self.seed}:{fact_index}:{kind}:{variant}")

    def fill(self, template: str, **slots: str) -> str:
        """Return a prompt from one of the language's templates."""
        return self.doc.pack.template(template).format(**slots)

    def explanation(self, evidence: Span, focus: Span | None = None) -> str:
        """Return a short explanation quoting the evidence around ``focus``."""
        quote = evidence.text
        if len(quote) > 240 and focus is not None:
            quote = window(self.doc, evidence, focus, keep=focus.text, words=22)
        return self.fill("explanation", evidence=shorten(quote, 300))

    def mentioned(self, name: str) -> bool:
        """Tell whether the document names ``name``."""
        return self.doc.mentions(name)


def window(doc: Doc, sent: Span, focus: Span, keep: str | None = None, words: int = 14) -> str:
    """Return the sentence around ``focus``, with ``focus`` blanked unless ``keep`` is given."""
    before = doc.text[sent.start:focus.start]
    after = doc.text[focus.end:sent.end]
    b_words = before.split(" ")
    if len(b_words) > words + 1:
        before = "… " + " ".join(b_words[-(words + 1):]).lstrip()
    a_words = after.split(" ")
    if len(a_words) > words + 1:
        after = " ".join(a_words[:words + 1]).rstrip() + " …"
    middle = keep if keep is not None else BLANK
    return " ".join((before + middle + after).split())


def _cloze(doc: Doc, sent: Span, answer: Span) -> str | None:
    """Return the cloze text for ``answer``, or None when the rest of it gives the answer away."""
    # Whether the rest of the sentence repeats the answer is checked once, with all
    # other rules, by invariants.problems() before the question is kept.
    if not strip_article(answer.text, doc.pack.articles):
        return None
    return window(doc, sent, answer)


def _shuffle(rng: random.Random, correct: list[str], wrong: list[str]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Return options in a seeded random order and the indices of the correct ones."""
    opts = [(c, True) for c in correct] + [(w, False) for w in wrong]
    rng.shuffle(opts)
    return tuple(o for o, _ in opts), tuple(i for i, (_, ok) in enumerate(opts) if ok)


def _number_value(text: str, pack) -> float | None:
    """Return the number written in ``text`` using the language's separators."""
    words = pack.get("number_words") or {}
    if text.lower() in words:
        return float(words[text.lower()])
    s = text.replace("\u202f", "").replace(" ", "")
    dec, thou = pack.get("decimal_sep"), pack.get("thousands_sep")
    if thou in s and dec in s:
        s = s.replace(thou, "").replace(dec, ".")
    elif dec in s and re.fullmatch(r"\d+" + re.escape(dec) + r"\d{1,2}", s):
        s = s.replace(dec, ".")
    else:
        s = s.replace(thou, "").replace(dec, "")
    # Numbers past float precision cannot be graded exactly: do not ask for them.
    if len(s) > 15:
        return None
    try:
        value = float(s)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _q(ctx: Context, fact: Fact, index: int, kind: str, prompt: str, answers: list[str], evidence: Span,
       options: tuple[str, ...] = (), correct: tuple = (), focus: Span | None = None) -> QuestionDraft:
    """Build a question with its explanation."""
    return QuestionDraft(kind=kind, prompt=prompt, options=options, correct=correct,
                         answer_texts=tuple(answers), explanation=ctx.explanation(evidence, focus),
                         evidence=evidence, fact_kind=fact.kind, fact_index=index)


def _list_span(fact: Fact) -> Span:
    """Return the span covering all of a list fact's items."""
    a, b = fact.answers[0], fact.answers[-1]
    return Span(a.start, b.end, "")


class QuestionKind:
    """Base class: a kind of question and the facts it can ask about."""

    name = ""

    def build(self, ctx: Context, fact: Fact, index: int) -> list[QuestionDraft]:
        """Return the questions of this kind for ``fact`` (possibly none)."""
        raise NotImplementedError


class MultipleSelect(QuestionKind):
    """Ask which of several options belong to a named group."""

    name = "multiple"

    def build(self, ctx, fact, index):
        if fact.kind != "members":
            return []
        items = [a.text for a in fact.answers]
        wrong = distractors.entity_distractors(items, ctx.doc.pack.code, ctx.mentioned, ctx.rng(index, self.name), n=3)
        if len(wrong) < 2:
            return []
        opts, correct = _shuffle(ctx.rng(index, self.name, 1), items, wrong)
        prompt = ctx.fill("multiple_members", group=fact.slot("group"))
        return [_q(ctx, fact, index, self.name, prompt, items, fact.span, opts, correct)]


def _number_prompt(ctx, fact, ans, template: str) -> str | None:
    """Phrase a question asking for a year or number: by its goal for a deadline, else as a blank.

    Returns None when the sentence cannot be blanked without giving the answer away.
    """
    goal = fact.slot("goal")
    if fact.kind == "target_year" and goal:
        return ctx.fill("deadline_goal", goal=goal)
    cloze = _cloze(ctx.doc, fact.span, ans)
    return None if cloze is None else ctx.fill(template, cloze=cloze)


class Numeric(QuestionKind):
    """Ask for a year or a number, graded exactly."""

    name = "numeric"
    kinds = {"target_year", "year", "quantity", "percentage", "money", "number"}

    def build(self, ctx, fact, index):
        if fact.kind not in self.kinds:
            return []
        ans = fact.answers[0]
        value = _number_value(ans.text, ctx.doc.pack)
        if value is None:
            return []
        prompt = _number_prompt(ctx, fact, ans, "year_numeric" if _YEAR_RE.match(ans.text) else "number_numeric")
        if prompt is None:
            return []
        number = int(value) if value == int(value) else value
        # The blank takes the number; the answer as written keeps its unit ("7,5 milioni di dollari").
        return [_q(ctx, fact, index, self.name, prompt, [fact.slot("amount") or ans.text], fact.span, (), (number,), ans)]


class ShortAnswer(QuestionKind):
    """Ask for a short free answer: an acronym's expansion, a definition."""

    name = "short"

    def build(self, ctx, fact, index):
        ans = fact.answers[0] if fact.answers else None
        if fact.kind == "acronym":
            prompt = ctx.fill("acronym_short", acronym=fact.slot("acronym"))
        elif fact.kind == "definition":
            prompt = ctx.fill("definition_short", term=fact.slot("term"))
        else:
            return []
        q = _q(ctx, fact, index, self.name, prompt, [ans.text], fact.span, (), (ans.text,), ans)
        accepted = [ans.text]
        bare = strip_article(ans.text, ctx.doc.pack.articles)
        if bare and normalise(bare) != normalise(ans.text):
            accepted.append(bare)
        return [QuestionDraft(**{**q.__dict__, "correct": tuple(accepted)})]


class SingleChoice(QuestionKind):
    """Ask for one right option among four."""

    name = "single"

    def build(self, ctx, fact, index):
        if fact.kind == "members":
            return self._members(ctx, fact, index)
        if fact.kind in ("target_year", "year"):
            return self._year(ctx, fact, index)
        return []

    def _members(self, ctx, fact, index):
        items = [a.text for a in fact.answers]
        wrong = distractors.entity_distractors(items, ctx.doc.pack.code, ctx.mentioned, ctx.rng(index, self.name), n=3)
        if len(wrong) < 3:
            return []
        out = []
        picks = list(range(len(items)))
        ctx.rng(index, self.name, 2).shuffle(picks)
        for v, k in enumerate(picks[:2]):
            opts, correct = _shuffle(ctx.rng(index, self.name, 10 + v), [items[k]], wrong)
            prompt = ctx.fill("single_members", group=fact.slot("group"))
            out.append(_q(ctx, fact, index, self.name, prompt, [items[k]], fact.span, opts, correct, fact.answers[k]))
        return out

    def _year(self, ctx, fact, index):
        ans = fact.answers[0]
        if not _YEAR_RE.match(ans.text):
            return []
        wrong = distractors.year_distractors(int(ans.text), ctx.years, ctx.rng(index, self.name),
                                             future=fact.kind == "target_year")
        prompt = _number_prompt(ctx, fact, ans, "year_single")
        if prompt is None:
            return []
        opts, correct = _shuffle(ctx.rng(index, self.name, 1), [ans.text], wrong)
        return [_q(ctx, fact, index, self.name, prompt, [ans.text], fact.span, opts, correct, ans)]


class Cloze(QuestionKind):
    """Ask to fill a blank in the sentence that states the fact."""

    name = "cloze"
    kinds = {"date", "range", "quote", "concept", "phrase", "pair", "goal", "list", "year"} | _ENTITY_KINDS

    def build(self, ctx, fact, index):
        if fact.kind not in self.kinds:
            return []
        out = []
        for ans in fact.answers:
            cloze = _cloze(ctx.doc, fact.span, ans)
            if cloze is None:
                continue
            accepted = [ans.text]
            bare = strip_article(ans.text, ctx.doc.pack.articles)
            if bare and bare != normalise(ans.text):
                accepted.append(bare)
            q = _q(ctx, fact, index, self.name, ctx.fill("cloze", cloze=cloze), [ans.text], fact.span, (), (), ans)
            out.append(QuestionDraft(**{**q.__dict__, "correct": tuple(accepted)}))
        return out


class TrueFalse(QuestionKind):
    """State something the text says (true) or that is clearly outside it (false)."""

    name = "true_false"

    def build(self, ctx, fact, index):
        labels = tuple(ctx.doc.pack.get("true_false"))
        out = []
        if fact.kind == "members":
            items = [a.text for a in fact.answers]
            group = fact.slot("group")
            wrong = distractors.entity_distractors(items, ctx.doc.pack.code, ctx.mentioned, ctx.rng(index, self.name), n=1)
            k = ctx.rng(index, self.name, 1).randrange(len(items))
            out.append(_q(ctx, fact, index, self.name, ctx.fill("tf_members", item=items[k], group=group),
                          [items[k]], fact.span, labels, (0,), fact.answers[k]))
            if wrong:
                whole = _list_span(fact)
                listed = ctx.doc.text[whole.start:whole.end]
                out.append(_q(ctx, fact, index, self.name, ctx.fill("tf_members", item=wrong[0], group=group),
                              [listed], fact.span, labels, (1,)))
        elif fact.kind in ("benefits", "drawbacks"):
            one_of = ctx.doc.pack.get("one_of").get(fact.slot("art"), "")
            if not one_of:
                return []
            head = fact.slot("head")
            for ans in fact.answers:
                prompt = ctx.fill("tf_benefit", item=ans.text, one_of=one_of, head=head)
                out.append(_q(ctx, fact, index, self.name, prompt, [ans.text], fact.span, labels, (0,), ans))
                # The same item turned into its opposite ("lower risk" -> "higher risk") is false
                # by the text's own words, so a student who knows the topic is not misled.
                flipped = _flip(ans.text, ctx.doc.pack.get("opposites", {}))
                if flipped:
                    prompt = ctx.fill("tf_benefit", item=flipped, one_of=one_of, head=head)
                    out.append(_q(ctx, fact, index, self.name, prompt, [ans.text], fact.span, labels, (1,), ans))
        return out


def _flip(item: str, opposites: dict[str, str]) -> str | None:
    """Return ``item`` with every comparative word swapped for its opposite, or None if it has none."""
    if not opposites:
        return None
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(opposites, key=len, reverse=True))) + r")(?!\w)",
                         re.IGNORECASE)

    def swap(m: re.Match) -> str:
        word = opposites[m.group(1).lower()]
        return word[:1].upper() + word[1:] if m.group(1)[:1].isupper() else word

    flipped, n = pattern.subn(swap, item)
    return flipped if n else None


# The order is the order of preference: a fact's first question is its main one.
REGISTRY: tuple[QuestionKind, ...] = (MultipleSelect(), Numeric(), ShortAnswer(), SingleChoice(), Cloze(), TrueFalse())
