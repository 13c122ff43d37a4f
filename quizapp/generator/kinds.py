"""Write questions from facts: a registry of question-kind classes.

Each class says which facts it can ask about and builds the questions; the
generator asks every registered kind in turn, so a new kind is one new class
appended to ``REGISTRY``.
"""

from __future__ import annotations

import datetime as _dt
import math
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from wordfreq import zipf_frequency

from . import distractors, phrasing
from .facts import Doc, known_word, listed_words, verb_like
from .lang import load_pack
from .names import (full_forms, given_names, model_forms, name_of_place_forms, own_short_forms, place_forms,
                    place_word_forms, person_name, short_forms, unknown_name_forms, without_initials)
from .pool import ENTITY_TYPES, Pool, value_type
from .siblings import PHRASE_KINDS, Siblings
from .named import NamedTerms
from .text import normalise, shorten, strip_article
from .types import Fact, QuestionDraft, Span
from .worth import DOCUMENT_SENTENCES

BLANK = "____"
# A cut sentence keeps its opening up to this many words when they end in "che"/"that" ("La Cina ritiene che").
OPENING_WORDS = 5
# A cut sentence keeps its opening clause (up to its first comma) when it is this many words at most
# ("In Rome Hadrian rebuilt the Pantheon, … a diameter of about ____"): it names whom the rest is about.
OPENING_CLAUSE_WORDS = (4, 8)
# The fewest words an ellipsis stands for.
MIN_CUT_WORDS = 3
# A word of a name this common as a word ("Battle", "Crown"; not "Windsor", 3.7) names only a kind of thing.
GENERIC_NAME_WORD_ZIPF = 4.3
# How often a text uses a phrase's head alone for the head to be a term of its own ("the range").
HEAD_ALONE_TERM = 2
# Countries named in one sentence, the answer among them, that make it a list of them.
LISTED_COUNTRIES = 3
# How many of a text's most repeated content words name what it is about.
TOPIC_WORDS = 3
# A head noun this common alone ("cosa", "thing", "parte") answers too many blanks to be accepted for a phrase.
EVERYDAY_HEAD_ZIPF = 5.2
# How far after a bare number its unit is looked for ("al 110° minuto").
UNIT_REACH = 10
# A term as common as "heart" or "cuore" is used figuratively too often to take the lexicon's organs as options.
FIGURATIVE_ZIPF = 4.6
# The lexicon's kinds of names, written with a capital: a lower-case word of the text is none of them.
PROPER_KINDS = frozenset({"company", "country", "city", "region", "river", "mountain", "body_of_water", "planet",
                          "person", "institution"})
# A word this common before a number ("Pier 6") names none of its kind alone.
NUMBERED_WORD_ZIPF = 3.3
_YEAR_RE = re.compile(r"^(?:1[0-9]{3}|20[0-9]{2})$")
_ANY_YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
# Four digits read as a year beside other amounts, whatever their value.
_FOUR_DIGITS = re.compile(r"^\d{4}$")
_ENTITY_KINDS = {"organization", "person", "place", "country", "entity"}
# A pronoun this near a sentence's start points at the sentence before ("It passes into…");
# later it mostly points within the sentence ("Because cold air is denser, it acts…").
PRONOUN_REACH = 3
# Words run together by a missing space ("la.I"): no statement can be made of them.
_RUN_TOGETHER = re.compile(r"[^\W\d_][.,;:][^\W\d_]")


@dataclass
class Context:
    """Give question kinds what they need: the document, the seed and doc-wide facts."""

    doc: Doc
    seed: int
    years: set[int]
    pool: Pool = field(default_factory=lambda: Pool([]))
    published: _dt.date | None = None
    siblings: Siblings | None = None
    named: NamedTerms | None = None
    _mentioned: dict[str, bool] = field(default_factory=dict)
    _counts: dict[str, Counter] = field(default_factory=dict)

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

    def born(self) -> int | None:
        """Return the year the text's subject was born (its lead says "born in 1564", "(10 December 1815 – …)"), or None.

        A news article that gives the subject's age in its lead ("Nadia Comaneci, 14,") gives it too.
        """
        if "born" not in self._mentioned:
            born = _birth_year(self.doc)
            if born is None and self.published is not None:
                age = _age_in_lead(self.doc)
                born = self.published.year - age if age else None
            self._mentioned["born"] = born
        return self._mentioned["born"]

    def died(self) -> int | None:
        """Return the year the text's subject died, from its lead's bracketed life span ("(1685 – 1750)"), or None."""
        if "died" not in self._mentioned:
            self._mentioned["died"] = _death_year(self.doc)
        return self._mentioned["died"]

    def lead_time(self) -> tuple[int, int, int] | None:
        """Return the text's first date with its month (year, month, day), read once per document, or None."""
        if "lead_time" not in self._mentioned:
            months = tuple(m.lower() for m in self.doc.pack.get("months"))
            self._mentioned["lead_time"] = next(
                (t for start, _, t in _all_times(self.doc.text, months) if t[1] and start >= self.doc.body_start), None)
        return self._mentioned["lead_time"]

    def word_counts(self) -> Counter:
        """Return how often the text uses each of its normalised words (counted once per document)."""
        if "words" not in self._counts:
            self._counts["words"] = Counter(normalise(self.doc.text).split())
        return self._counts["words"]

    def other_rulers(self, name: str, number: str) -> bool:
        """Tell whether the text names a ruler of ``name`` other than ``number`` ("Pio VI" beside "Pio VII")."""
        return bool(self.regnal_numbers().get(name, set()) - {number})

    def regnal_numbers(self) -> dict[str, set[str]]:
        """Return the numbers the text writes after each name ("Pio": {"VI", "VII"}), read once per document."""
        if "regnal" not in self._mentioned:
            numbers: dict[str, set[str]] = {}
            for m in _REGNAL_IN_TEXT.finditer(self.doc.text):
                numbers.setdefault(m.group(1), set()).add(m.group(2))
            self._mentioned["regnal"] = numbers
        return self._mentioned["regnal"]

    def pair_counts(self) -> Counter:
        """Return how often the text uses each pair of normalised words in a row (counted once per document)."""
        if "pairs" not in self._counts:
            words = normalise(self.doc.text).split()
            self._counts["pairs"] = Counter(zip(words, words[1:]))
        return self._counts["pairs"]

    def topic_words(self) -> frozenset[str]:
        """Return the text's few most repeated content words (said three times or more): what it is about."""
        if "topic" not in self._counts:
            stop = self.doc.pack.stopwords
            common = [(w, c) for w, c in self.word_counts().most_common(40) if w not in stop and len(w) > 2
                      and not w.isdecimal()]
            self._counts["topic"] = Counter({w: c for w, c in common[:TOPIC_WORDS] if c >= 3})
        return frozenset(self._counts["topic"])

    def countries(self) -> list[str]:
        """Return the countries with an adjective in the lexicon that the document names ("Giappone")."""
        return [name for name in distractors.demonym_countries(self.doc.pack.code) if self.mentioned(name)]

    def mentioned(self, name: str) -> bool:
        """Tell whether the document names ``name`` (remembered: each asking searches the whole text)."""
        known = self._mentioned.get(name)
        if known is None:
            known = self._mentioned[name] = self.doc.mentions(name)
        return known


def window(doc: Doc, sent: Span, focus: Span, keep: str | None = None, words: int = 14) -> str:
    """Return the sentence around ``focus``, with ``focus`` blanked unless ``keep`` is given."""
    # A list's bullet ("- the volume of gas…") is layout, not part of the sentence asked.
    before = re.sub(r"^\s*[-•*]\s+", "", doc.text[sent.start:focus.start])
    after = doc.text[focus.end:sent.end]
    b_words = before.split(" ")
    if len(b_words) > words + 1:
        # Never start inside a name ("… Zealand, was the first"): take in its capitalised words.
        k = len(b_words) - (words + 1)
        while k > 0 and len(b_words) - k < words + 5 and b_words[k][:1].isupper() and b_words[k - 1][:1].isupper():
            k -= 1
        # Nor right after a short word that belongs to what follows ("che … si affaccia" lost its "non").
        while k > 0 and len(b_words) - k < words + 5 and b_words[k - 1].isalpha() and b_words[k - 1].islower() \
                and len(b_words[k - 1]) <= 3:
            k -= 1
        # The sentence's opening words name its subject ("La Cina ritiene che … il loro sviluppo"):
        # kept, where they end before a comma, so a pronoun after the cut has someone to point at.
        opening = re.match(r"\s*((?:[^\s,;:]+ ){1,%d}?[^\s,;:]+ (?:che|that)) " % OPENING_WORDS, before)
        lead = opening.group(1) + " " if opening and len(opening.group(1).split()) < k else ""
        clause = re.match(r"\s*([^,;:()«»\"“”]+?),", before)
        # Not a date ("Il 5 marzo 1946,") nor an English participle ("Moving to Johannesburg in 1941,"):
        # neither says whom the sentence is about.
        if not lead and clause and OPENING_CLAUSE_WORDS[0] <= len(clause.group(1).split()) <= OPENING_CLAUSE_WORDS[1] \
                and len(clause.group(1).split()) < k and not any(ch.isdecimal() for ch in clause.group(1)) \
                and not clause.group(1).split()[0].endswith("ing"):
            lead = clause.group(1) + ", "
        # A clause after a semicolon has a subject of its own ("Il vecchio albergo … è stato demolito
        # nel 1929; la costruzione … si è conclusa in ____"): it starts there, without the opening's.
        semicolon = max((i for i, w in enumerate(b_words[:k]) if w.endswith(";")), default=-1)
        if semicolon >= 0 and len(b_words) - semicolon - 1 <= words + 5:
            lead, k = "", semicolon + 1
        elif semicolon >= len(lead.split()):
            lead = ""
        # An ellipsis for a word or two saves nothing and may drop the one that matters.
        if k - len(lead.split()) >= MIN_CUT_WORDS:
            before = lead + "… " + " ".join(b_words[k:]).lstrip()
    a_words = after.split(" ")
    if len(a_words) > words + 1:
        k = words + 1
        while k < len(a_words) and k < words + 5 and a_words[k][:1].isupper() and a_words[k - 1][:1].isupper():
            k += 1
        after = " ".join(a_words[:k]).rstrip() + " …"
    middle = keep if keep is not None else BLANK
    return " ".join((before + middle + after).split())


# A bracket holding a number a few words after the blank: "____ km/h (14,000 mph)".
_CONVERSION_AFTER_BLANK = re.compile("(" + re.escape(BLANK) + r"(?: [^\s()\d]+){0,3})"
                                     r"\s*\((?:[^()\d]{0,25})?\d[^()]{0,30}\)")


# A ruler's name and number ("Luigi XVIII"), as a key and anywhere in a text.
_REGNAL = re.compile(r"(\S+) ([IVXLC]+)")
_REGNAL_OPENING = re.compile(r"[IVXLC]+ ")
_REGNAL_IN_TEXT = re.compile(r"(?<![\w'’])([A-ZÀ-Ý][\w'’-]+) ([IVX]+)\b")

# A bracket of one short word right after a blank: a formula, a symbol, an acronym.
_SHORT_BRACKET = re.compile(r" \([A-Z][^\s()]{0,11}\)")


def _cloze(doc: Doc, sent: Span, answer: Span) -> str | None:
    """Return the cloze text for ``answer``, or None when the rest of it gives the answer away."""
    # Whether the rest of the sentence repeats the answer is checked once, with all
    # other rules, by invariants.problems() before the question is kept.
    if not strip_article(answer.text, doc.pack.articles):
        return None
    # "dal 2,5 per ____" (cento): the rest of a percent sign is no answer.
    head = doc.text[max(0, answer.start - 12):answer.start].lower() + answer.text.split()[0].lower()
    if any(head.endswith(w) for w in doc.pack.get("percent_words", ()) if " " in w):
        return None
    cloze = window(doc, sent, answer)
    # "made mainly of ____ (CaCO3)", "____ (NATO)": a formula or a short form in brackets right after
    # the blank names the answer.
    short = _SHORT_BRACKET.match(doc.text, answer.end)
    if short:
        cloze = cloze.replace(BLANK + short.group(), BLANK, 1)
    if any(ch.isdecimal() for ch in answer.text):
        # "hit at ____ (14,000 mph)": the amount converted in brackets gives the answer away.
        cloze = _CONVERSION_AFTER_BLANK.sub(r"\1", cloze, count=1)
    return cloze


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
    elif dec in s and re.fullmatch(r"\d+" + re.escape(dec) + r"\d{1,2}|0" + re.escape(dec) + r"\d+", s):
        s = s.replace(dec, ".")
    elif dec == "," and re.fullmatch(r"\d{1,3},\d{3}", s):
        # "54,526 chilometri": in a language whose thousands take a point, a comma is a decimal mark.
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


def _grouping_or_decimal(text: str, pack) -> bool:
    """Tell whether a number reads both as thousands and as a decimal ("2.125" in English).

    Grading reads three figures after one separator as thousands, so a typed key
    would accept the wrong value ("2125" for 2.125 units); a choice asks it safely.
    """
    m = re.fullmatch(r"\d{1,3}([.,])\d{3}", text.strip())
    return bool(m) and m.group(1) == pack.get("decimal_sep")


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
        if fact.kind == "list":
            return self._counted(ctx, fact, index)
        if fact.kind != "members":
            return []
        items = [a.text for a in fact.answers]
        wrong = distractors.entity_distractors(items, ctx.doc.pack.code, ctx.mentioned, ctx.rng(index, self.name), n=3)
        if len(wrong) < 2:
            return []
        opts, correct = _shuffle(ctx.rng(index, self.name, 1), items, wrong)
        prompt = ctx.fill("multiple_members", group=fact.slot("group"))
        return [_q(ctx, fact, index, self.name, prompt, items, fact.span, opts, correct)]

    def _counted(self, ctx, fact, index):
        """Ask which places belong to a list the text counts ("sei paesi: Francia, …") among alike ones it never names.

        A list whose count the text states is the whole set: a place of the same kind and
        region that the text never names is wrong in the text and in the world. Up to three
        items are shown right (those the text names least elsewhere), with two or three
        wrong ones; the whole list is the blank.
        """
        code = ctx.doc.pack.code
        items = [a.text for a in fact.answers]
        if not 3 <= len(items) <= 12 or _stated_count(ctx.doc, fact) != len(items):
            return []
        # Places or things of one kind ("Germania Ovest", unknown to the lexicon, may stand among them).
        kinds = [distractors.lexicon_kind(x, code) for x in items]
        known = {k for k in kinds if k}
        if len(known) != 1 or "person" in known or len(items) - kinds.count("") < 3:
            return []
        rng = ctx.rng(index, self.name, 5)
        wrong = [w for w in distractors.same_kind(items[0], code, ctx.mentioned, rng, n=len(items) + 3)
                 if w not in items]
        # The items shown right are those whose words the text uses least elsewhere: another
        # question's sentence naming one ("l'Italia entrò …", "dieci nuovi paesi") would give it away.
        words = ctx.word_counts()
        rng.shuffle(items)
        right = sorted(items, key=lambda x: max(words[w] for w in normalise(x).split()))[:3]
        wrong = wrong[:5 - len(right)]
        if len(wrong) < 2:
            return []
        whole = _list_span(fact)
        cloze = window(ctx.doc, fact.span, Span(whole.start, whole.end, ctx.doc.text[whole.start:whole.end]))
        opts, correct = _shuffle(ctx.rng(index, self.name, 6), right, wrong)
        return [_q(ctx, fact, index, self.name, ctx.fill("multiple_list", cloze=cloze), right, fact.span, opts,
                   correct)]


def _stated_count(doc: Doc, fact: Fact) -> int | None:
    """Return the count the text gives right before a list ("sei paesi: Francia, …", "five countries:"), or None."""
    before = doc.text[fact.span.start:fact.answers[0].start].rstrip(" :,").split()[-4:]
    words = {**(doc.pack.get("number_words") or {}), **(doc.pack.get("count_words") or {})}
    for word in before:
        w = word.lower()
        if w.isdecimal():
            return int(w)
        if w in words:
            return int(words[w])
    return None


def _number_prompt(ctx, fact, ans, template: str) -> str | None:
    """Phrase a question asking for a year or number: by its goal for a deadline, else as a blank.

    Returns None when the sentence cannot be blanked without giving the answer away.
    """
    goal = fact.slot("goal")
    if fact.kind == "target_year" and goal:
        return ctx.fill("deadline_goal", goal=goal)
    if template != "number_numeric" and _YEAR_RE.match(ans.text):
        wh = phrasing.which_year(ctx.doc, fact.span, ans)
        if wh:
            return wh
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
        if value is None or _grouping_or_decimal(ans.text, ctx.doc.pack) or _clock_time(ctx, ans):
            return []  # ("alle 14.33" is no 1433: a time of day is offered among times, as a choice)
        # "da una fino a dodici e oltre": the number is no value but where a range opens.
        after = " ".join(ctx.doc.text[ans.end:fact.span.end].lower().replace(",", " ").split()[:4])
        if any(re.search(r"(?:^|\s)" + re.escape(cue) + r"(?!\w)", after) for cue in ctx.doc.pack.get("bounds_after", ())):
            return []
        if _open_bound_before(ctx.doc, fact.span, ans):
            return []  # "più di ____ americani" (5.500): any greater number completes it as truly
        # A year is asked as a year, a count as a count ("1500 abitanti" is no year).
        is_year = fact.kind in ("year", "target_year") and _YEAR_RE.match(ans.text)
        prompt = _number_prompt(ctx, fact, ans, "year_numeric" if is_year else "number_numeric")
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
        if fact.kind in ENTITY_TYPES or fact.kind == "date" or _named_person(fact):
            return self._entity(ctx, fact, index)
        if fact.kind in ("quantity", "money", "percentage", "number"):
            return self._amount(ctx, fact, index)
        if fact.kind == "list" and fact.slot("verb"):
            return self._list_item(ctx, fact, index)
        if fact.kind in PHRASE_KINDS:
            return self._sibling(ctx, fact, index)
        return []

    def _sibling(self, ctx, fact, index):
        """Ask for a term among its siblings the text names elsewhere ("left ventricle" for "right ventricle")."""
        if ctx.siblings is None and ctx.named is None:
            return []
        for ans in fact.answers:
            if not phrasing.single_value(ctx.doc, fact.span, ans) or _era_after(ctx.doc, ans):
                continue
            found = ctx.siblings.options(ans.text, fact.span.text) if ctx.siblings is not None else []
            if len(found) < 2 and ctx.named is not None:
                # "a process called ____" (cementation): another process the text names.
                found = ctx.named.options(ans.start, ans.text, fact.span.text)
            kind = distractors.lexicon_kind(ans.text, ctx.doc.pack.code)
            # "la ____ si è ripresa" (colonia, of seals): a lower-case word is no city, country or person.
            if len(found) < 2 and kind and not (ans.text[:1].islower() and kind in PROPER_KINDS) \
                    and zipf_frequency(ans.text.lower(), ctx.doc.pack.code) < FIGURATIVE_ZIPF:
                # "heated until it becomes ____" (quartzite): another rock of its kind the text never names.
                # An everyday word ("il cuore della città", "the brain of the team") is often a figure.
                found = distractors.same_kind(ans.text, ctx.doc.pack.code, ctx.mentioned, ctx.rng(index, self.name, 2),
                                              n=6)
            # "from the 13th to the ____" (15th century): the range's other end is no wrong option.
            found = _without_partner(found, _range_partner(ctx.doc, fact.span, ans))
            # Each option's article is looked up in the whole text: only for a family big enough.
            wrong = _same_article(ctx.doc, ans, found[:6])[:3] if len(found) >= 2 else []
            cloze = _cloze(ctx.doc, fact.span, ans) if len(wrong) >= 2 else None
            if cloze is None:
                continue
            wrong = [_capital_as(ans.text, w, ctx.doc.pack.code) for w in wrong]
            opts, correct = _shuffle(ctx.rng(index, self.name, 1), [ans.text], wrong)
            return [_q(ctx, fact, index, self.name, ctx.fill("entity_single", cloze=cloze), [ans.text], fact.span,
                       opts, correct, ans)]
        return []

    def _list_item(self, ctx, fact, index):
        """Ask for one item of a list a verb governs, the wrong options from another such list of the text.

        "Sfidando ____ e l'Occidente" (il Giappone) against "riunisce il governo
        cinese, il mondo accademico e l'industria": items the text ties to another
        verb, written the same way (with an article or without), are wrong by the
        text's own words and plausible to a reader who has not read it; none is
        named in the list's own sentence, and the list's other items stay in view.
        Only short items of one shape: names, or noun phrases with their article.
        """
        items = list(fact.answers)
        if not 2 <= len(items) <= 4:
            return []
        here = f" {normalise(fact.span.text)} "
        arts = ctx.doc.pack.articles

        def article(item: str) -> str:
            """Return the item's shape: "article" ("il Giappone"), "name" ("Airbus"), or "" (anything else)."""
            if len(item.split()) > 4 or any(ch.isdecimal() for ch in item):
                return ""
            low = item.lower().replace("’", "'")
            if low.split()[0] in arts or low[:2] in arts:
                return "article"
            return "name" if item[:1].isupper() and item.split()[-1][:1].isupper() else ""

        shape = {article(x.text) for x in items}
        if len(shape) != 1 or "" in shape:
            return []
        ans = items[0]  # the list's head: the item a text names first is the one it stresses
        code = ctx.doc.pack.code
        words = ans.text.split()
        adjective = next((w for w in words[1:] if w.lower() in distractors.demonyms(code)), None)
        # Not where the sentence names the country in any language ("China All-Solid-State … Platform"):
        # the options would differ only by the country the prompt shows.
        if adjective and not distractors.country_named(adjective, code, fact.span.text):
            # "riunisce ____, il mondo accademico e l'industria" (il governo cinese): another country's
            # government, which the text does not bring in ("il governo giapponese").
            swaps = distractors.demonym_swaps(adjective, code, ctx.countries(), ctx.rng(index, self.name, 9), n=3)
            wrong = [re.sub(r"(?<!\w)%s(?!\w)" % re.escape(adjective), x, ans.text, count=1) for x in swaps]
            return self._ask_item(ctx, fact, index, ans, [w for w in wrong if not ctx.mentioned(w)])
        known = _known_place(ans.text, ctx.doc.pack)
        if known:
            # "sfidando ____ e l'Occidente" (il Giappone): other countries, not the partners of another list.
            wrong = [o for o in distractors.same_kind(known, ctx.doc.pack.code, ctx.mentioned,
                                                      ctx.rng(index, self.name, 8), n=250)
                     if f" {normalise(o)} " not in here]
            # A major economy is challenged by major economies: no "Costa d'Avorio" beside Japan.
            code = ctx.doc.pack.code
            rank, region = distractors.lexicon_attr(known, code, "g20"), distractors.lexicon_attr(known, code, "region")
            wrong = [o for o in wrong if distractors.lexicon_attr(o, code, "g20") == rank]
            # Nearest first: the same region, then the same continent ("east_asia", "south_asia").
            wrong.sort(key=lambda o: (distractors.lexicon_attr(o, code, "region") != region,
                                      distractors.lexicon_attr(o, code, "region").split("_")[-1] != region.split("_")[-1]))
            wrong = wrong[:3]
            wrong = [w for w in (_with_article(o, ctx.doc.pack) if shape == {"article"} else o for o in wrong) if w]
            return self._ask_item(ctx, fact, index, ans, wrong)
        wrong: list[str] = []
        for span, others in ctx.pool.lists:
            if span.start == fact.span.start:
                continue
            for x in others:
                nx = normalise(x)
                if nx and f" {nx} " not in here and {article(x)} == shape and x not in wrong:
                    wrong.append(x)
            if len(wrong) >= 3:
                break
        return self._ask_item(ctx, fact, index, ans, wrong)

    def _ask_item(self, ctx, fact, index, ans, wrong: list[str]):
        """Ask for a list's item among up to three of ``wrong``, in a seeded order."""
        if len(wrong) < 2:
            return []
        cloze = _cloze(ctx.doc, fact.span, ans)
        if cloze is None:
            return []
        wrong = list(wrong)
        ctx.rng(index, self.name, 7).shuffle(wrong)
        opts, correct = _shuffle(ctx.rng(index, self.name, 1), [ans.text], wrong[:3])
        return [_q(ctx, fact, index, self.name, ctx.fill("entity_single", cloze=cloze), [ans.text], fact.span,
                   opts, correct, ans)]

    def _entity(self, ctx, fact, index):
        """Ask for a person, place or organisation among others the text names elsewhere."""
        ans = fact.answers[0]
        if not phrasing.single_value(ctx.doc, fact.span, ans):
            return []
        wrong = entity_swaps(ctx, fact, ans, ctx.rng(index, self.name), 3 if fact.kind != "date" else 6)
        if fact.kind == "date":
            # "inaugurated on 10 May 1994": no election in June 1994 (see _year).
            wrong = [d for d in wrong if not _crosses_stated_time(ctx, fact, ans, d)][:3]
        if len(wrong) < 2:
            return []
        prompt = phrasing.who(ctx.doc, fact.span, ans) if fact.kind == "person" else None
        if prompt is None:
            cloze = _cloze(ctx.doc, fact.span, ans)
            if cloze is None:
                return []
            prompt = ctx.fill("entity_single", cloze=cloze)
        opts, correct = _shuffle(ctx.rng(index, self.name, 1), [ans.text], wrong)
        return [_q(ctx, fact, index, self.name, prompt, [ans.text], fact.span, opts, correct, ans)]

    def _amount(self, ctx, fact, index):
        """Ask for an amount, written with its unit, among near misses of the same size."""
        found = amount_swaps(ctx, fact, ctx.rng(index, self.name), 3)
        if found is None:
            return []
        focus, wrong = found
        if len(wrong) < 3 or _stands_apart(focus.text, wrong, ctx.doc.pack):
            return []
        cloze = _cloze(ctx.doc, fact.span, focus)
        if cloze is None:
            return []
        opts, correct = _shuffle(ctx.rng(index, self.name, 1), [focus.text], wrong)
        return [_q(ctx, fact, index, self.name, ctx.fill("entity_single", cloze=cloze), [focus.text], fact.span,
                   opts, correct, focus)]

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
        if not phrasing.single_value(ctx.doc, fact.span, ans) or bounded(ctx, fact, ans):
            return []
        # A wrong year that turns round the times its sentence states ("reigned until his death in
        # 814": no 822) is false on its face; the nearest of the others are offered.
        year = int(ans.text)
        wrong = sorted(sorted((y for y in year_swaps(ctx, fact, ans, ctx.rng(index, self.name), 8)
                               if not _crosses_stated_time(ctx, fact, ans, y)), key=lambda y: abs(int(y) - year))[:3])
        if len(wrong) < 2:
            return []
        prompt = _number_prompt(ctx, fact, ans, "year_single")
        if prompt is None:
            return []
        opts, correct = _shuffle(ctx.rng(index, self.name, 1), [ans.text], wrong)
        return [_q(ctx, fact, index, self.name, prompt, [ans.text], fact.span, opts, correct, ans)]


# The longest goal a blank asks to type; a longer one is asked by the other kinds.
TYPED_GOAL_WORDS = 8


class Cloze(QuestionKind):
    """Ask to fill a blank in the sentence that states the fact."""

    name = "cloze"
    kinds = {"date", "range", "quote", "concept", "phrase", "pair", "goal", "list", "year"} | _ENTITY_KINDS

    def build(self, ctx, fact, index):
        if fact.kind not in self.kinds:
            return []
        out = []
        # A document has facts to spare for a blank among examples; a paragraph keeps it (see worth.py).
        examples = _example_cue(ctx.doc.pack) if len(ctx.doc.sentences) >= DOCUMENT_SENTENCES else None
        for ans in fact.answers:
            if examples and examples.search(ctx.doc.text[max(fact.span.start, ans.start - 120):ans.start]):
                continue  # "waste products such as ____": any other example is right too
            if fact.kind == "goal" and len(ans.text.split()) > TYPED_GOAL_WORDS:
                continue  # "mira a ____" for a clause of fifteen words: nobody types it back as written
            if fact.kind in ("concept", "phrase"):
                ans = _after_classifier(ans, ctx.doc.pack)
            ans = _after_pronoun(ans, ctx.doc.pack)
            cloze = _cloze(ctx.doc, fact.span, ans)
            if cloze is None:
                continue
            accepted = [ans.text]
            short = _bracketed_short_form(ctx.doc.text[ans.end:ans.end + 20], ans.text)
            if short:
                # "the centre of ____ (M87)": the bracket would give the name away; it is a right answer.
                cloze = cloze.replace(f"{BLANK} ({short})", BLANK, 1)
                accepted.append(short)
            bare = strip_article(ans.text, ctx.doc.pack.articles)
            if bare and bare != normalise(ans.text):
                accepted.append(bare)
            # Part of a decade ("in the late 1960s") is no blank: every year in it is a right answer.
            if fact.kind == "date" and _period_forms(ans.text, ctx.doc.pack):
                continue
            if fact.kind in ("concept", "phrase", "list", "pair"):
                accepted += _phrase_cores(ans.text, ctx.doc.pack)
                accepted += _shorter_answers(ans.text, ctx.doc.pack)
                accepted += _other_order(ans.text, ctx.doc.pack)
                accepted += _head_of_pair(ctx, ans.text, fact.span.text)
                accepted += _modifier_used_alone(ctx.doc.text, ans.text, ctx.doc.pack)
            accepted += _century_forms(ans.text, ctx.doc.pack)
            accepted += _name_in_phrase(ans.text, ctx.doc.pack) + _described_name_forms(ans.text, ctx.doc.pack)
            accepted += _compound_parts(ans.text, ctx.doc.pack) + _unit_forms(ans.text, ctx.doc.pack)
            accepted += _bracket_synonyms(ctx.doc.text, ans.text, ctx.doc.pack.stopwords)
            # "intelligenza artificiale": "IA", "AI", as everyone writes it.
            accepted += ctx.doc.pack.get("known_abbreviations", {}).get(normalise(ans.text), [])
            if fact.kind == "range":
                accepted += _range_ends(ans.text) + _range_dash_form(ans.text)
            # "la legge delle Guarentigie del ____" (13 maggio 1871): "del 1871" reads as well, and is right.
            month_year = _month_year_forms(ans.text, ctx.doc.pack)
            year_alone = month_year[:1] or _year_of_dated(ctx.doc, ans)
            accepted += month_year + year_alone
            accepted += _date_forms(ans.text, ctx.doc.pack)
            accepted += _period_forms(ans.text, ctx.doc.pack)
            accepted += _regnal_forms(ans.text, ctx.doc.pack) + _name_before_place(ans.text, ctx.doc.pack) \
                + _foreign_place_head(ans.text, ctx.doc.pack)
            if fact.kind == "person":
                accepted += _regnal_name(ctx, ans.text)
            accepted += _event_place_forms(ans.text, ctx.doc.pack) + _qualified_name_forms(ans.text, ctx.doc.pack)
            if ans.text in ctx.doc.acronyms:
                accepted.append(ctx.doc.acronyms[ans.text])  # "Bce": "Banca centrale europea", as the text spells it
            # A capitalised name after "da", "in" is read as a place; the given name tells a person,
            # in a list too ("The mission specialists were Judith A. Resnik, …").
            if fact.kind in _ENTITY_KINDS or person_name(ans.text):
                connectors = frozenset(ctx.doc.pack.get("name_connectors"))
                middle = ctx.doc.pack.get("middle_names", False)
                titles = _title_words(ctx.doc.pack.code)
                accepted += short_forms(ctx.doc.text, ans.text, ctx.doc.pack.code, connectors, fact.kind == "person",
                                        middle, titles)
                owner = _possessive_stem(ans.text)
                if owner:
                    accepted.append(owner)
                    accepted += short_forms(ctx.doc.text, owner, ctx.doc.pack.code, connectors, fact.kind == "person",
                                            middle, titles)
                name = owner or ans.text
                accepted += full_forms(ctx.doc.text, name) + model_forms(ctx.doc.text, name)
                accepted += distractors.lexicon_forms(name, ctx.doc.pack.code)  # "Galileo", "Raphael"
                accepted += without_initials(name)  # "Franklin Roosevelt" for "Franklin D. Roosevelt"
                if fact.kind in ("person", "entity"):
                    accepted += name_of_place_forms(name, ctx.doc.pack.code,
                                                    frozenset(ctx.doc.pack.get("name_of_place_links", ())),
                                                    _not_given_names(ctx.doc.pack.code))
                own = own_short_forms(ctx.doc.text, name)
                accepted += own + place_word_forms(
                    ctx.doc.text, ans.text, tuple(ctx.doc.pack.get("place_words", ())))
                placed = place_forms(name, ctx.doc.pack.get("place_heads", ()), ctx.doc.pack.code,
                                     ctx.doc.pack.get("place_heads_first", ()))
                accepted += placed
                if fact.kind in ("entity", "person", "place") and not placed:
                    known = bool(distractors.lexicon_kind(name, ctx.doc.pack.code))
                    accepted += unknown_name_forms(ctx.doc.text, name, ctx.doc.pack.code, known,
                                                   frozenset(ctx.doc.pack.get("org_words"))
                                                   | frozenset(ctx.doc.pack.get("firm_endings", ())),
                                                   fact.kind == "place")
                code = ctx.doc.pack.code
                words = ans.text.split()
                # "William Henry Jackson" is a person's name; "Christian Leadership Conference" is not.
                personal = words[0] in given_names() and not any(_generic_word(w, code) for w in words[1:-1]
                                                                 if w not in given_names())
                # "Hill" of "Nob Hill", "Valley" of "Hayes Valley": a place's head alone names none.
                heads = {normalise(h) for h in ctx.doc.pack.get("place_heads", ())}
                accepted = [a for k, a in enumerate(accepted) if k == 0 or normalise(a) not in heads]
                if fact.kind != "person" and not personal:
                    # "Kingdom" of "Kingdom of Württemberg", "Crown" of "St Edward's Crown": a common noun
                    # alone names the kind of thing, not the one asked (unless the text calls it so: "Kim's").
                    accepted = [a for k, a in enumerate(accepted)
                                if k == 0 or " " in a or a in own or not _generic_word(a, code)]
                accepted = list(dict.fromkeys(accepted))
            # "King ____ abdicated" (Stanisław August) where the text writes "Stanisław August Poniatowski":
            # the fuller name and its surname answer, and "August", a given name there, does not.
            if fact.kind == "person" or (fact.kind in _ENTITY_KINDS and person_name(ans.text)):
                fuller = _fuller_name(ctx.doc.text, ans.text)
                if fuller:
                    surname = ans.text.split()[-1]
                    accepted = [a for k, a in enumerate(accepted) if k == 0 or a != surname]
                    accepted += [fuller, fuller.split()[-1]]
            # "the Ballets Russes of Serge Diaghilev": the company without its owner's full name.
            links = "|".join(re.escape(w) for w in ctx.doc.pack.get("name_of_place_links", ()) if w.isalpha())
            owned = re.fullmatch(r"([A-ZÀ-Ý].+?) (?:%s) ([A-ZÀ-Ý][\w'’-]+) [A-ZÀ-Ý][\w'’-]+" % links, ans.text) \
                if links else None
            if owned and owned.group(2) in given_names():
                accepted.append(owned.group(1))
            # "the Indian Sulba Sutras": the name without the nationality written before it ("Sulba Sutras").
            described = ans.text.split()
            if len(described) >= 3 and described[0].lower() in ctx.doc.pack.get("nationality_words", ()) \
                    and all(w[:1].isupper() for w in described[1:]):
                accepted.append(" ".join(described[1:]))
            # "President Reagan": "Reagan"; "Captain de Groot" (read as a phrase at a sentence's start): "de Groot".
            titled = ans.text.split()
            if 2 <= len(titled) <= 3 and titled[0].lower().rstrip(".") in ctx.doc.pack.get("person_titles", ()) \
                    and titled[-1][:1].isupper():
                accepted.append(" ".join(titled[1:]))
            # "the brothers Wilbur and ____" (Orville Wright): the surname is the pair's, the given name answers.
            accepted += _paired_given_name(ctx.doc, ans)
            # "Goupil & Cie", "Steinway & Sons": the firm is called by the name before "&", never by the word after.
            if " & " in ans.text:
                firm, partner = ans.text.split(" & ", 1)
                accepted = [a for a in accepted if normalise(a) != normalise(partner)] + [firm]
            # The text's topic word alone ("batterie" for "batterie di prossima generazione") or an
            # everyday word ("time" for "time of a subsonic jet") answers nothing.
            topic = ctx.topic_words()
            accepted = [a for k, a in enumerate(accepted) if k == 0 or (
                normalise(a) not in topic and not (a.islower() and " " not in a
                                                   and zipf_frequency(a, ctx.doc.pack.code) >= EVERYDAY_HEAD_ZIPF))]
            # "Category 3": a common word without the key's number leaves out what is asked, and "100"
            # alone is no "FTSE 100"; "FTSE" and "Sputnik" are how people call them.
            # (A month's year alone is its own answer: "nel ____" for "dicembre 1968" takes "1968".)
            if any(ch.isdecimal() for ch in ans.text) and any(ch.isalpha() for ch in ans.text):
                accepted = [a for k, a in enumerate(accepted) if k == 0 or a in year_alone or (
                    any(ch.isalpha() for ch in a)
                    and (any(ch.isdecimal() for ch in a) or not _generic_word(a, ctx.doc.pack.code)))]
                # "Pier 6", "Apollo 11": the word alone names any of the numbered ones ("Sputnik" stays).
                counted = re.fullmatch(r"([^\W\d_]+) \d{1,4}", ans.text)
                if counted and zipf_frequency(counted.group(1).lower(), ctx.doc.pack.code) >= NUMBERED_WORD_ZIPF:
                    accepted = [a for k, a in enumerate(accepted) if k == 0 or a != counted.group(1)]
            # "Mercury Faith 7": a craft's name keeps its number ("Mercury Faith" is no craft), and is
            # known without its programme's name ("Faith 7").
            numbered = re.fullmatch(r"[A-ZÀ-Ý][\w-]+ ([A-ZÀ-Ý][\w-]+(?: [A-ZÀ-Ý][\w-]+)?) (\d{1,3})", ans.text)
            if numbered and fact.kind in _ENTITY_KINDS:
                accepted = [a for k, a in enumerate(accepted) if k == 0 or a in year_alone
                            or a.endswith(" " + numbered.group(2))] + [f"{numbered.group(1)} {numbered.group(2)}"]
            # "II Foca" of "Niceforo II Foca": a regnal number opens no name ("XVIII secolo" is a century).
            centuries = _century_forms(ans.text, ctx.doc.pack)
            accepted = [a for k, a in enumerate(accepted) if k == 0 or a in centuries or not _REGNAL_OPENING.match(a)]
            # "Comneno" of "Alessio I Comneno", "Paleologo" of "Michele VIII Paleologo": a dynasty names
            # every ruler of it.
            ruled = re.fullmatch(r"[A-ZÀ-Ý][\w'’-]+ [IVX]+ ([A-ZÀ-Ý][\w'’-]+)", ans.text.strip())
            if ruled:
                accepted = [a for k, a in enumerate(accepted) if k == 0 or a != ruled.group(1)]
            # "Thutmose III": the number alone tells nothing; "Pio" alone which Pius only where the text
            # names no other ("Pio VI" beside "Pio VII").
            regnal = _REGNAL.fullmatch(ans.text)
            if regnal:
                name, number = regnal.groups()
                others = ctx.other_rulers(name, number)
                accepted = [a for k, a in enumerate(accepted) if k == 0 or (a != number and (a != name or not others))]
            q = _q(ctx, fact, index, self.name, ctx.fill("cloze", cloze=cloze), [ans.text], fact.span, (), (), ans)
            out.append(QuestionDraft(**{**q.__dict__, "correct": tuple(accepted)}))
        return out


def _generic_word(word: str, code: str) -> bool:
    """Tell whether a word of a name is a common word of the language ("Battle", "Category"; not "Sputnik")."""
    return known_word(word.lower(), code) and zipf_frequency(word.lower(), code) >= GENERIC_NAME_WORD_ZIPF


def _after_classifier(ans: Span, pack) -> Span:
    """Return the blank after a word that only sorts or measures ("il livello di ____" for "livello di rivalità").

    The classifier stays in the prompt: "grado di rivalità" or "livello di concorrenza"
    are not then refused for a word the sentence itself gives.
    """
    m = re.match(r"(\w+['’]? ?)?(\w+) (\w+['’]?) ?(?=\w)", ans.text)  # "a ring of ____" too
    if m and m.group(1) and m.group(1).strip().lower().replace("’", "'") not in pack.articles:
        m = re.match(r"()(\w+) (\w+['’]?) ?(?=\w)", ans.text)
    if not m or m.group(2).lower() not in pack.get("phrase_classifiers", ()) \
            or m.group(3).lower().replace("’", "'") not in pack.get("phrase_links", ()):
        return ans
    return Span(ans.start + m.end(), ans.end, ans.text[m.end():])


def _stands_apart(key: str, wrong: list[str], pack) -> bool:
    """Tell whether the key lies beyond every wrong amount, further from them than they lie apart (35 against 19, 22, 24).

    A reader then picks the odd one out without the text.
    """
    def value(text: str) -> float | None:
        m = re.search(r"\d[\d.,]*", text)
        return _number_value(m.group(0), pack) if m else None

    mine, others = value(key), [value(w) for w in wrong]
    if mine is None or None in others or len(others) < 2:
        return False
    low, high = min(others), max(others)
    gap = low - mine if mine < low else mine - high if mine > high else 0
    return gap > 0 and gap > high - low


def _fuller_name(text: str, name: str) -> str:
    """Return the one longer name the text writes as ``name`` and a surname ("Stanisław August Poniatowski"), or ""."""
    found = {w for w in _name_continuations(text).get(name, ())
             if len(w) >= 3 and not known_word(w.lower(), "en") and not known_word(w.lower(), "it")}
    return f"{name} {found.pop()}" if len(found) == 1 else ""


@lru_cache(maxsize=4)
def _name_continuations(text: str) -> dict[str, frozenset[str]]:
    """Return, for each part of a run of capitalised words, the words that follow it in the text.

    Read once per text: a 1 MB text was searched once per name asked.
    """
    out: dict[str, set[str]] = {}
    for run in re.findall(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*)+", text):
        words = run.split(" ")
        for start in range(len(words) - 1):  # "King Stanisław August Poniatowski" holds "Stanisław August" too
            for k in range(start + 1, len(words)):
                out.setdefault(" ".join(words[start:k]), set()).add(words[k])
    return {key: frozenset(value) for key, value in out.items()}


def _after_pronoun(ans: Span, pack) -> Span:
    """Return the blank after a pronoun that stands for a noun of the sentence ("include ____" for "those of Kuniya")."""
    low = ans.text.lower()
    for head in pack.get("pronoun_heads", ()):
        if low.startswith(head + " ") and len(ans.text) > len(head) + 1:
            return Span(ans.start + len(head) + 1, ans.end, ans.text[len(head) + 1:])
    return ans


def _bracketed_short_form(after: str, name: str) -> str:
    """Return the short form of ``name`` written in brackets right after it ("Messier 87 (M87)"), or ""."""
    m = re.match(r"\s*\(([A-Z][A-Za-z0-9.\-]{0,10})\)", after)
    if not m:
        return ""
    short = m.group(1)
    initials = "".join(w[0].upper() for w in re.findall(r"[^\W\d_][\w'’-]*", name))
    letters = [ch for ch in short if ch.isupper()]
    rest = iter(initials)
    digits = "".join(ch for ch in short if ch.isdecimal())
    if short[0].upper() != name[:1].upper() or not all(ch in rest for ch in letters) or digits not in name:
        return ""
    return short


_LOWER_WORDS = r"[^\W\d_A-ZÀ-Ý][^\W\d_]*(?: [^\W\d_A-ZÀ-Ý][^\W\d_]*){0,2}"
# A bracket holding one to three lower-case words, and the lower-case words right before it.
_LOWER_BRACKET = re.compile(rf" \(({_LOWER_WORDS})\)")
_LOWER_BEFORE = re.compile(rf"(?<!\w)({_LOWER_WORDS})$")


def _bracket_synonyms(text: str, answer: str, stopwords: frozenset[str]) -> list[str]:
    """Return the text's own other name for a lower-case term that it writes in brackets after that name.

    "gli ioni idrogeno (protoni)" gives "ioni idrogeno" for "protoni": the text has said
    both are right. (Not the other way: a bracket after a term also holds a kind or an
    example, "i mitocondri (organelli)", which answers no blank on the term.)
    """
    return list(_bracketed_names(text, stopwords).get(answer, ()))


@lru_cache(maxsize=4)
def _bracketed_names(text: str, stopwords: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Map each lower-case term the text writes in brackets to the names before those brackets (read once per text)."""
    out: dict[str, tuple[str, ...]] = {}
    for m in _LOWER_BRACKET.finditer(text):
        before = _LOWER_BEFORE.search(text, max(0, m.start() - 80), m.start())
        words = before.group(1).split() if before else []
        while words and words[0] in stopwords:
            words = words[1:]  # "gli ioni idrogeno (protoni)": the article is no part of the name
        if words:
            out[m.group(1)] = out.get(m.group(1), ()) + (" ".join(words),)
    return out


@lru_cache(maxsize=8)
def _title_words(code: str) -> frozenset[str]:
    """Return the language's titles and honorifics (lower case), which stand before a surname ("Mayor Low")."""
    pack = load_pack(code)
    return frozenset(w.lower() for w in (*pack.get("person_titles", ()), *pack.get("honorifics", ())))


@lru_cache(maxsize=8)
def _not_given_names(code: str) -> frozenset[str]:
    """Return the words that open names of places and bodies, never a person's ("ponte", "università")."""
    pack = load_pack(code)
    groups = [h for heads in pack.get("place_groups", {}).values() for h in heads]
    return frozenset(w.lower() for w in [*pack.get("place_words", ()), *groups, *pack.get("org_words", ()),
                                         *pack.get("place_heads", ())])


def _example_cue(pack) -> re.Pattern | None:
    """Return a pattern for a blank among examples ("such as ____", "such as urea, ____ and"), or None."""
    return _example_pattern(tuple(pack.get("example_cues", ())), tuple(pack.get("list_conjunctions", ())),
                            tuple(pack.articles))


@lru_cache(maxsize=8)
def _example_pattern(cues: tuple[str, ...], conjunctions: tuple[str, ...],
                     articles: tuple[str, ...]) -> re.Pattern | None:
    if not cues:
        return None
    alternation = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    links = "|".join(re.escape(c) for c in conjunctions)
    arts = "|".join(re.escape(a) for a in sorted(articles, key=len, reverse=True))
    # "among them Senator ____": a title may stand before the example's name.
    return re.compile(r"(?:^|[^\w'’])(?:%s)\s+(?:[^,;:.()]+,\s*)*(?:[^,;:.()]*?\b(?:%s)\s+)?(?:(?:%s)\s*)?"
                      r"(?:[A-ZÀ-Ý][\w.]+\s+)?$" % (alternation, links, arts), re.IGNORECASE)


def _month_year_forms(text: str, pack) -> list[str]:
    """Return the year of a month and year ("marzo 2021", "febbraio del 1349"), and the month and year without a connector.

    The blank asks when: "nel ____" is answered "2021" as well as "marzo 2021". A date with
    a day keeps its month, the day would be the question.
    """
    words = text.split()
    months = [m.lower() for m in pack.get("months", ())]
    if not 2 <= len(words) <= 3 or words[0].lower() not in months or not _YEAR_RE.match(words[-1]):
        return []
    if len(words) == 3:
        # "January 28, 1986" has a day: only "febbraio del 1349" is a month and its year.
        return [words[-1], words[0] + " " + words[-1]] if words[1].lower() in pack.get("name_connectors", ()) else []
    return [words[-1]]


def _paired_given_name(doc: Doc, ans: Span) -> list[str]:
    """Return the other form of a name two given names share.

    "Wilbur and ____" (Orville Wright) takes the given name alone; "____ and Louis
    Lumière" (Auguste) takes the given name with the surname that follows, "Auguste Lumière".
    """
    words = ans.text.split()
    conjunctions = set(doc.pack.get("list_conjunctions", ())) | {"&"}
    after = doc.text[ans.end:ans.end + 60].split()
    if len(words) == 1 and words[0] in given_names() and len(after) >= 3 and after[0] in conjunctions \
            and after[1] in given_names() and after[2][:1].isupper():
        return [f"{words[0]} {after[2].rstrip('.,;:')}"]
    before = doc.text[max(0, ans.start - 40):ans.start].split()
    if len(words) < 2 or words[0] not in given_names() or len(before) < 2 or before[-1] not in conjunctions \
            or before[-2] not in given_names():
        return []
    return [words[0]]


def _year_of_dated(doc: Doc, ans: Span) -> list[str]:
    """Return the year of a full date whose blank follows a word that also takes a year alone ("del", "of", "in")."""
    m = re.fullmatch(r"\d{1,2}[º°]?\s+[^\W\d_]+\s+(\d{4})|[^\W\d_]+\s+\d{1,2},\s+(\d{4})", ans.text.strip())
    before = doc.text[max(0, ans.start - 15):ans.start].lower().replace("’", "'").split()
    words = set(doc.pack.get("year_cues", ())) | set(doc.pack.get("year_of_words", ()))
    if not m or not before or before[-1].rstrip("'") not in words:
        return []
    return [m.group(1) or m.group(2)]


def _date_forms(text: str, pack) -> list[str]:
    """Return a day, month and year in figures ("21 August 1986" gives "21/8/1986"), and in English month first."""
    months = [m.lower() for m in pack.get("months", ())]
    m = re.fullmatch(r"(\d{1,2})[º°]?\s+(\w+)\s+(\d{4})", text.strip())
    if not m or m.group(2).lower() not in months[:12]:
        return []
    day, month, year = int(m.group(1)), months.index(m.group(2).lower()) + 1, m.group(3)
    out = [f"{day}/{month}/{year}"]
    if pack.code == "en":
        out.append(f"{m.group(2)} {day}, {year}")
    return out


def _period_forms(text: str, pack) -> list[str]:
    """Return a decade or century without the part of it the text names ("late 1930s" gives "1930s").

    An Italian decade goes without its century too ("Settanta del Novecento" gives "Settanta").
    """
    words = text.split()
    mods = pack.get("period_modifiers", ())
    if len(words) == 2 and words[0].lower() in mods and re.fullmatch(r"\d{3}0s|\d{1,2}(?:st|nd|rd|th)", words[1]):
        return [words[1]]
    if len(words) == 3 and words[0].lower() in mods and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", words[1]) \
            and words[2].lower() in pack.get("century_words", ()):
        return [" ".join(words[1:])]  # "early 20th century" gives "20th century"
    # "(anni) Settanta del Novecento": the decade is named without its century.
    if len(words) == 3 and words[2] in pack.get("century_names", {}) and words[1] in pack.get("name_connectors", ()):
        return [words[0]]
    return []


def _regnal_forms(text: str, pack) -> list[str]:
    """Return a ruler's name without the realm ("Valdemar IV of Denmark" gives "Valdemar IV").

    A ruler known by name and epithet goes without the number too ("Niceforo II Foca" gives "Niceforo Foca"),
    and without the epithet ("Alessio I").
    """
    epithet = re.fullmatch(r"([A-ZÀ-Ý][\w'’-]+) ([IVX]+) ([A-ZÀ-Ý][\w'’-]+)", text.strip())
    if epithet:
        # "Alessio I Comneno" is "Alessio I" as well (the dynasty alone names none: see Cloze).
        return [f"{epithet.group(1)} {epithet.group(3)}", f"{epithet.group(1)} {epithet.group(2)}"]
    connectors = "|".join(re.escape(c) for c in pack.get("name_connectors", ()) if c.isalpha())
    if not connectors:
        return []
    m = re.match(r"^([A-ZÀ-Ý][\w'’-]+ (?:[IVX]+|[IVX]+[º°]?))\s+(?:" + connectors + r")\s+[A-ZÀ-Ý]", text)
    return [m.group(1)] if m else []


def _regnal_name(ctx: Context, text: str) -> list[str]:
    """Return a ruler's name without the number when the text names no other ruler of that name ("Hiero II": "Hiero")."""
    m = re.fullmatch(r"([A-ZÀ-Ý][\w'’-]+) ([IVX]+)[º°]?", text.strip())
    if not m or ctx.other_rulers(m.group(1), m.group(2)):
        return []
    return [m.group(1)]


# Below this frequency a capitalised word is a name of its own ("Olimpico"), not a common noun ("Università").
_OWN_NAME_ZIPF = 4.4
# A true statement with no false counterpart is asked only of a sentence this long.
TRUE_ONLY_WORDS = 10
# How a sentence that states something ends; a heading ends otherwise.
_STATEMENT_ENDS = frozenset(".!?…")
_CLOSERS = "»\"”)'’"
# A false statement's year differs from the true one by at least this much, where the text allows.
TF_YEAR_GAP = 3
# A word this rare is a name no dictionary knows ("Lauwo", "Kinyala").
_RARE_ZIPF = 2.5


def _name_before_place(text: str, pack) -> list[str]:
    """Return a name without the known place it is "of" ("Olimpico di Roma" gives "Olimpico").

    Only when every word of the name is rare: "Università di Pavia", "Bank of England"
    keep their place, which is what tells them apart.
    """
    connectors = "|".join(re.escape(c) for c in pack.get("name_connectors", ()) if c.isalpha())
    m = re.fullmatch(r"([A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?) (?:" + connectors + r") ([A-ZÀ-Ý][\w'’ -]+)", text.strip()) \
        if connectors else None
    if not m or distractors.lexicon_kind(m.group(2), pack.code) not in ("city", "country", "region"):
        return []
    # "Malabar Coast of India": a rare name with a place's head is a place of its own.
    words = m.group(1).split()
    heads = {h.lower() for h in pack.get("place_heads", ())}
    rest = words[:-1] if len(words) > 1 and words[-1].lower() in heads else words
    return [m.group(1)] if all(zipf_frequency(w.lower(), pack.code) < _OWN_NAME_ZIPF for w in rest) else []


def _foreign_place_head(text: str, pack) -> list[str]:
    """Return a foreign place name's first part ("Frankfurt am Main" gives "Frankfurt"), or nothing."""
    links = "|".join(re.escape(c) for c in pack.get("foreign_place_links", ()))
    m = re.fullmatch(r"([A-ZÀ-Ý][\w'’-]+) (?:" + links + r") [A-ZÀ-Ý][\w'’-]+", text.strip()) if links else None
    return [m.group(1)] if m else []


def _event_place_forms(text: str, pack) -> list[str]:
    """Return the place of an event named by its place and year ("Atlanta 1996" gives "Atlanta")."""
    m = re.fullmatch(r"((?:[A-ZÀ-Ý][\w'’-]+ ?(?:de |di |da )?){1,3}) (1[89]\d\d|20\d\d)", text.strip())
    if not m:
        return []
    place = m.group(1).strip()
    # A known place, or a name no dictionary knows ("Atlanta"); "Euro 2020" is no place.
    known = distractors.lexicon_kind(place, pack.code) in ("city", "country", "region")
    return [place] if known or all(zipf_frequency(w.lower(), pack.code) < _OWN_NAME_ZIPF for w in place.split()
                                   if w[:1].isupper()) else []


def _qualified_name_forms(text: str, pack) -> list[str]:
    """Return a body's or contest's name without its first word ("Volleyball Nations League": "Nations League").

    Only for a name of three capitalised words or more whose last word says what it is
    (a league, a cup, a society): the rest still names it.
    """
    words = text.split()
    heads = {w.lower() for w in (*pack.get("org_words", ()), *pack.get("event_words", ()))}
    if len(words) < 3 or not all(w[:1].isupper() for w in words) or words[-1].lower() not in heads:
        return []
    return [" ".join(words[1:])]


def _head_of_pair(ctx: Context, phrase: str, sentence: str) -> list[str]:
    """Return the head noun of a two-word phrase blank ("caccia indiscriminata" gives "caccia").

    Not when the modifier is what is asked: a term with siblings in the text ("double
    bond" beside "single bond") or a modifier of a contrast set ("left ventricle"); nor
    when the head is the text's topic word or an everyday word ("cosa", "thing").
    """
    words = phrase.split()
    pack = ctx.doc.pack
    if len(words) != 2 or not phrase.islower() or not all(w.isalpha() for w in words):
        return []
    head, modifier = (words[0], words[1]) if pack.get("phrase_head", "last") == "first" else (words[1], words[0])
    # A describing modifier ("particular antigen", "common phagocytes") leaves the head the answer, topic or not.
    describing = modifier in pack.get("generic_modifiers", ())
    if head in pack.stopwords or modifier in pack.stopwords or (normalise(head) in ctx.topic_words() and not describing) \
            or zipf_frequency(head, pack.code) >= EVERYDAY_HEAD_ZIPF:
        return []
    if ctx.siblings is not None and (ctx.siblings.options(phrase, sentence) or ctx.siblings.contrast(phrase, sentence)):
        return []
    if any(modifier in group for group in pack.get("contrast_sets", ())):
        return []
    # "interquartile range" in a text that also speaks of the range alone: the head is another term.
    pair = tuple(normalise(w) for w in words)
    if ctx.word_counts()[normalise(head)] - ctx.pair_counts()[pair] >= HEAD_ALONE_TERM:
        return []
    return [head]


def _phrase_cores(phrase: str, pack) -> list[str]:
    """Return the shorter noun phrases of a long blank that a teacher accepts: its head with a modifier less.

    "tiny air sacs" gives "air sacs", "sacco di plastica nero" gives "sacco di
    plastica": the words nearest the head stay, the outer modifiers may go. The
    language's ``phrase_head`` says on which side the head noun stands.
    """
    words = phrase.split()
    # A capital only because the phrase opens its sentence ("Human body cells") is no name.
    opening = phrase[:1].isupper() and phrase[1:] == phrase[1:].lower() and known_word(words[0].lower(), pack.code)
    if len(words) < 3 or not (phrase[:1].islower() or opening) or any(ch.isdecimal() for ch in phrase):
        return []
    head_last = pack.get("phrase_head", "last") == "last"
    if head_last and (words[-1].lower() in pack.get("verb_particles", ())
                      or any(verb_like(w.lower(), pack.code, pack.verb_suffixes) for w in words[-2:])):
        return []  # "next best alternative given up" ends in a verb, not its head: "given up" is no answer
    # Only modifiers on the far side of the head may go, never across a link word:
    # "slope of a warm front" is not a "warm front".
    links = [n for n, w in enumerate(words) if w.lower() in pack.stopwords]
    out = []
    for k in range(1, len(words) - 1):
        core = words[k:] if head_last else words[:len(words) - k]
        if links and (k > links[0] if head_last else len(core) <= links[-1] + 1):
            break
        edge = core[0] if head_last else core[-1]
        if not head_last and edge.lower() in pack.get("prenominal_adjectives", ()):
            continue  # "batterie di prossima generazione": "batterie di prossima" cuts "prossima generazione" in two
        if edge.lower() not in pack.stopwords:
            out.append(" ".join(core))
    # "lunga camera funeraria": an adjective before the head may go too ("camera funeraria").
    if not head_last and words[0].lower() in pack.get("prenominal_adjectives", ()) and words[1].lower() not in pack.stopwords:
        out.append(" ".join(words[1:]))
    # "large tectonic plates": an adjective next to the head leaves the head the answer ("plates");
    # "technical mountaineering skills": a noun between adjective and head may go ("technical skills").
    endings = tuple(pack.get("adjective_endings", ()))
    if head_last and endings and len(words) == 3 and phrase.islower() and not links \
            and not re.fullmatch(r"\w+['’]s?", words[0]) \
            and zipf_frequency(words[2], pack.code) < EVERYDAY_HEAD_ZIPF:
        if words[1].endswith(endings):
            out.append(words[2])
        elif words[0].endswith(endings):
            out.append(f"{words[0]} {words[2]}")
    # An owner's thing ("heart's natural pacemaker") is named by its head alone: the owner
    # says whose it is, the modifiers which kind, and the head is what a student writes.
    if head_last and re.fullmatch(r"\w+['’]s?", words[0]) and not links:
        out += [f"{words[0]} {words[-1]}", words[-1]]
    return out


# A range whose high end is at most this many times the low one is narrow: either end is the fact.
NARROW = 1.25
_NARROW_RANGE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*[-–]\s*(\d+(?:[.,]\d+)?)(\s+\D+)?$")


def _range_dash_form(text: str) -> list[str]:
    """Return a range written with words in figures and a dash ("250 to 350" gives "250-350").

    The dash is how a student writes a range; the connecting words are no part of the fact.
    """
    m = re.fullmatch(r"\D*?(\d+(?:[.,]\d+)?) +(?:[^\W\d]+['’ ]+){1,2}?(\d+(?:[.,]\d+)?)(\s*\D+)?", text.strip())
    return [f"{m.group(1)}-{m.group(2)}{m.group(3) or ''}"] if m else []


def _range_ends(text: str) -> list[str]:
    """Return each end of a narrow range with its unit ("8-9 metri" gives "8 metri", "9 metri").

    Where the ends are this close ("circa 8-9 metri"), a student who gives either
    has learnt the fact; a wide range ("1963-1989") keeps its whole form.
    """
    m = _NARROW_RANGE.match(text.strip())
    if not m:
        return []
    low, high = (float(x.replace(",", ".")) for x in m.group(1, 2))
    if not m.group(3) or not 0 < low < high <= NARROW * low:
        return []
    unit = m.group(3) or ""
    return [m.group(1) + unit, m.group(2) + unit]


def _name_in_phrase(phrase: str, pack) -> list[str]:
    """Return the name a longer blank is cut around: "the company's Safari web browser" gives "Safari web browser" and "Safari".

    The owner before a possessive may go, and so may the lower-case head nouns after a
    name the phrase does not open (a name that opens it may be a sentence's first word,
    "Dry air"); a name owned by an acronym goes without it ("Deep Impact della NASA").
    """
    words = phrase.split()
    out = []
    owner = next((k for k, w in enumerate(words[:3]) if w.endswith(("'s", "’s"))), None)
    if owner is not None and owner + 2 == len(words) and words[owner][:1].isupper() and words[-1][:1].isupper() \
            and zipf_frequency(words[-1].lower(), "en") >= GENERIC_NAME_WORD_ZIPF:
        # "King's Cross", "Land's End" (an English possessive, in any text): the owner is part of a
        # place's name, and "Cross" alone is none.
        return []
    if owner is not None and owner + 1 < len(words):
        words = words[owner + 1:]
        out.append(" ".join(words))
    opened = owner is not None or (words[0].lower() in pack.articles and len(words) > 1)
    if opened and words[0].lower() in pack.articles:
        words = words[1:]
    named = 0
    while named < len(words) and words[named][:1].isupper():
        named += 1
    if opened and 0 < named < len(words) <= named + 3 and all(w.islower() for w in words[named:]):
        out.append(" ".join(words[:named]))
    connectors = "|".join(re.escape(c) for c in pack.get("name_connectors", ()) if c.isalpha())
    m = re.fullmatch(r"([A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*)*) (?:" + connectors + r") [A-Z]{2,}", " ".join(words))
    if connectors and m:
        out.append(m.group(1))
    return out


def _described_name_forms(phrase: str, pack) -> list[str]:
    """Return the name a description leads into, and a name without its prefix or generic head.

    "the parasitic mite Varroa destructor" gives "Varroa destructor" (the description
    says what it is; the name answers); "USS Hornet" gives "Hornet" (a ship's, a
    body's letters before a rare name); "Operazione San Francesco", "Operation
    Overlord" give the name after the generic head (``name_heads``), "Caro-Kann Defence"
    the name before it (``name_tails``).
    """
    words = phrase.split()
    out = []
    first = next((k for k, w in enumerate(words) if w[:1].isupper()), None)
    if first and len(words) - first <= 4 and all(w.islower() and w.isalpha() for w in words[:first]) \
            and any(w.lower() not in pack.articles and w.lower() not in pack.stopwords for w in words[:first]):
        words = words[first:]
        out.append(" ".join(words))
    # "Yohani Kinyala Lauwo": a name of three words no dictionary knows, a person's; the surname answers.
    # So is one whose middle word is a given name the list knows ("Jöns Jacob Berzelius").
    rare = [zipf_frequency(w.lower(), pack.code) < _RARE_ZIPF for w in words]
    if len(words) == 3 and all(w[:1].isupper() and w.isalpha() for w in words) \
            and (all(rare) or (rare[0] and rare[2] and words[1] in given_names())):
        out += [words[-1], f"{words[0]} {words[-1]}"]
    # "Vespa della Piaggio": a product is named by itself, without the maker the lexicon knows.
    links = {c for c in pack.get("name_connectors", ()) if c.isalpha()}
    if len(words) == 3 and words[0][:1].isupper() and words[1].lower() in links \
            and distractors.lexicon_kind(words[2], pack.code) == "company":
        out.append(words[0])
    # "Caro-Kann Defence": the name before a generic head (``name_tails``).
    if len(words) >= 2 and words[-1].lower() in pack.get("name_tails", ()) and words[-2][:1].isupper() \
            and words[-2].lower() not in pack.articles:
        out.append(" ".join(words[:-1]))
    rest = words[1:]
    if rest and all(w[:1].isupper() for w in rest):
        rare = all(zipf_frequency(w.lower(), pack.code) < _OWN_NAME_ZIPF for w in rest)
        if (re.fullmatch(r"[A-Z]{2,4}", words[0]) and rare) or words[0].lower() in pack.get("name_heads", ()):
            out.append(" ".join(rest))
    return out


def _unit_forms(text: str, pack) -> list[str]:
    """Return an answer with its unit after a number written the other way ("4x100 m freestyle": "4x100 metres freestyle").

    The language's ``unit_names`` map each abbreviation to its written names; a
    unit written out gives its abbreviation back.
    """
    names = pack.get("unit_names", {})
    if not names or not any(ch.isdecimal() for ch in text):
        return []
    back = {full: short for short, fulls in names.items() for full in fulls}
    out = []
    for m in re.finditer(r"\d( ?)([^\W\d_]+)\b", text):
        unit = m.group(2)
        for other in names.get(unit, []) + ([back[unit.lower()]] if unit.lower() in back else []):
            out.append(f"{text[:m.start(1)]} {other}{text[m.end(2):]}")
    return out


def _compound_parts(phrase: str, pack) -> list[str]:
    """Return a phrase whose modifier is a hyphenated pair with its first part ("pastore maremmano-abruzzese").

    "pastore maremmano-abruzzese" gives "pastore maremmano", "maremmano-abruzzese"
    and "maremmano": the breed is called by its first half as well, with or without
    the noun it qualifies. "cap of wax" gives "wax cap" where the language makes
    compounds that way round (``of_compound``).
    """
    words = phrase.split()
    out = []
    if len(words) == 2 and phrase.islower() and re.fullmatch(r"[^\W\d_]+-[^\W\d_]+", words[1]):
        part = words[1].split("-")[0]
        out += [f"{words[0]} {part}", words[1], part]
    link = pack.get("of_compound", "")
    if link and len(words) == 3 and phrase.islower() and words[1] == link \
            and not ({words[0], words[2]} & set(pack.stopwords)):
        out.append(f"{words[2]} {words[0]}")
    return out


def _other_order(phrase: str, pack) -> list[str]:
    """Return two coordinated items the other way round ("deaths and migration" gives "migration and deaths")."""
    if "," in phrase or " " not in phrase:
        return []
    m = _coordination(tuple(pack.get("list_conjunctions", ()))).fullmatch(phrase)
    return [f"{m.group(3)} {m.group(2)} {m.group(1)}"] if m else []


@lru_cache(maxsize=8)
def _coordination(conjunctions: tuple[str, ...]) -> re.Pattern:
    links = "|".join(re.escape(c) for c in conjunctions if " " not in c)
    return re.compile(rf"(\S+(?: \S+)?) ({links}) (\S+(?: \S+)?)")


def _century_forms(text: str, pack) -> list[str]:
    """Return a century's other names ("Settecento": "XVIII secolo", "secolo XVIII"; and back)."""
    word = pack.get("century_word", "")
    if not word or len(text) > 40:
        return []
    names = {k.lower(): v for k, v in pack.get("century_names", {}).items()}
    if not names or (word not in text.lower() and not any(n in text.lower() for n in names)):
        return []
    romans = {n: _roman(n) for n in set(names.values())}
    low = strip_article(text, pack.articles) or text.lower()
    number = names.get(low)
    if number is None:
        m = re.fullmatch(rf"(?:([ivxlc]+) {word}|{word} ([ivxlc]+))", low)
        number = next((n for n, r in romans.items() if m and r.lower() in (m.group(1), m.group(2))), None)
        if number is None:
            return []
    named = [k for k, v in pack.get("century_names", {}).items() if v == number]
    return [f"{romans[number]} {word}", f"{word} {romans[number]}"] + named


def _roman(n: int) -> str:
    """Return ``n`` (1 to 39) in Roman numerals."""
    return "X" * (n // 10) + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][n % 10]


def _possessive_stem(name: str) -> str:
    """Return the owner of a possessive name ("Ohm's" gives "Ohm"), or ""."""
    for tail in ("'s", "’s"):
        if name.endswith(tail) and len(name) > len(tail) + 1:
            return name[:-len(tail)]
    return ""


def _modifier_used_alone(text: str, phrase: str, pack) -> list[str]:
    """Return the first word of a two-word term when the text itself names the thing by it ("the pituitary" for "pituitary gland")."""
    words = phrase.split()
    if len(words) != 2 or not phrase.islower() or not all(w.isalpha() for w in words):
        return []
    counts = _lower_bigrams(text)
    first, head = words
    alone = counts.get(("", first), 0) - counts.get((first, head), 0)
    return [first] if alone > 0 and any(counts.get((a, first), 0) for a in pack.articles) else []


@lru_cache(maxsize=4)
def _lower_bigrams(text: str) -> dict[tuple[str, str], int]:
    """Return how often each lower-case word stands in ``text`` (key ("", word)) and after which word (read once per text)."""
    words = re.findall(r"[^\W\d_]+", text)
    lowered = [w.lower() for w in words]
    # Counted in C: a word after the one before it (the first after ""), and a lower-case word alone.
    counts = Counter(zip([""] + lowered[:-1], lowered))
    counts.update(("", lw) for w, lw in zip(words, lowered) if w[:1].islower())
    return dict(counts)


def _shorter_answers(phrase: str, pack) -> list[str]:
    """Return the shorter answers a teacher accepts for a blank cut around a phrase.

    "around 2,900 individual reefs" gives "2,900 individual reefs" and "2,900
    reefs" (an approximation and the modifiers between number and noun may go);
    "joule of energy" gives "joule" (the head before "of"); after a word that
    only counts or sorts ("species of molluscs", ``phrase_classifiers``) the
    noun after it is the answer too ("molluscs"), with its shorter forms.
    """
    out: list[str] = []
    words = phrase.split()
    lead = [w for w in words if w.lower() not in pack.articles][:1]
    if not lead or lead[0][:1].isupper():
        return []  # a name ("a House of Peers") is answered whole
    last = words[-1].lower()
    if len(words) >= 2 and last.isalpha() and (last in listed_words(pack.code, "adverbs")
                                               or last.endswith(tuple(pack.get("adverb_endings", ())))):
        out.append(" ".join(words[:-1]))  # "ash cloud eastwards": "ash cloud"
    elif len(words) >= 2 and distractors.lexicon_kind(" ".join(words[:-1]), pack.code):
        out.append(" ".join(words[:-1]))  # "carbon dioxide gas": "carbon dioxide", a known substance
    if len(words) == 2 and phrase.islower() and words[0] in pack.get("generic_modifiers", ()):
        out.append(words[1])  # "una maggiore ____" is what the sentence asks: "libertà"
    # "several of the watertight compartments": the part a quantifier takes of them is no part of the answer.
    partitive = next((p for p in pack.get("partitive_openers", ()) if phrase.lower().startswith(p + " ")), None)
    if partitive and len(words) > len(partitive.split()):
        rest = " ".join(words[len(partitive.split()):])
        return [rest, *_phrase_cores(rest, pack)]
    approx = {a for a in pack.get("approximations", ()) if " " not in a}
    if len(words) >= 2 and words[0].lower() in approx:
        words = words[1:]
        out.append(" ".join(words))
    # "fifth and final game": either adjective with the noun ("fifth game", "final game").
    pair = re.fullmatch(r"([^\W\d_]+) (?:%s) ([^\W\d_]+) ([^\W\d_]+)" % "|".join(
        re.escape(c) for c in pack.get("list_conjunctions", ()) if " " not in c), phrase) \
        if phrase.islower() else None
    if pair:
        out += [f"{pair.group(1)} {pair.group(3)}", f"{pair.group(2)} {pair.group(3)}"]
    counted = words[0][:1].isdecimal() or words[0].lower() in (pack.get("answer_number_words") or {})
    if len(words) >= 3 and counted and words[-1].isalpha():
        out.append(f"{words[0]} {words[-1]}")  # "two successive divisions": "two divisions"
    lower = [w.lower() for w in words]
    links = sorted(pack.get("phrase_links", ()), key=lambda x: -len(x.split()))
    for k in range(1, len(words) - 1):
        for link in links:
            n = len(link.split())
            if " ".join(lower[k:k + n]) != link or k + n >= len(words):
                continue
            head, tail = words[:k], words[k + n:]
            classifier = head[-1].lower() in pack.get("phrase_classifiers", ())
            if any(w.lower() not in pack.stopwords for w in head) and not any(ch.isdecimal() for ch in head[-1]) \
                    and not classifier:
                out.append(" ".join(head))
            if classifier:
                if len(tail) > 1 and tail[0].lower() in pack.articles:
                    tail = tail[1:]
                rest = " ".join(tail)
                out.append(rest)
                out += _phrase_cores(rest, pack)
            return [o for o in out if o]
    return [o for o in out if o]


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
        elif value_type(fact):
            out.extend(self._swapped(ctx, fact, index, labels))
        elif fact.kind in PHRASE_KINDS and ctx.siblings is not None:
            out.extend(self._term(ctx, fact, index, labels))
        elif fact.kind in ("benefits", "drawbacks"):
            one_of = ctx.doc.pack.get("one_of").get(fact.slot("art"), "")
            if not one_of:
                return []
            head = fact.slot("head")
            for ans in fact.answers:
                words = normalise(ans.text).split()
                stop = ctx.doc.pack.stopwords
                if _RUN_TOGETHER.search(ans.text) or not words or words[-1] in stop \
                        or not any(w.isalpha() and len(w) > 2 and w not in stop for w in words):
                    continue  # "la.I", "la cis I", "LA H": no statement is made of grammar words and letters
                prompt = ctx.fill("tf_benefit", item=ans.text, one_of=one_of, head=head)
                # Only the true statement: a benefit turned round ("una minore densità di energia è un
                # punto di forza") is an absurd negation no student is tempted by (issue 10).
                out.append(_q(ctx, fact, index, self.name, prompt, [ans.text], fact.span, labels, (0,), ans))
        return out

    def _swapped(self, ctx, fact, index, labels):
        """State the sentence as it is (true) or with its value swapped for another of the text's (false).

        The swapped-in value is one the text ties to another fact (another year,
        person or place) or a near miss, so the false statement is plausible, not an
        absurd negation; it is checked not to be stated anywhere in the text.
        """
        ans = fact.answers[0]
        if not phrasing.single_value(ctx.doc, fact.span, ans):
            return []
        rng = ctx.rng(index, self.name, 5)
        kind = value_type(fact)
        if kind == "year":
            # "came to prominence after 1810": "after 1805" is true as well, and a later year may be.
            wrong = [] if bounded(ctx, fact, ans) else \
                [y for y in year_swaps(ctx, fact, ans, rng, 3) if not _crosses_stated_time(ctx, fact, ans, y)]
            # A statement off by a year or two ("In 331 BC it was conquered") is a trap, not a test of reading.
            focus, wrong = ans, ([y for y in wrong if abs(int(y) - int(ans.text)) >= TF_YEAR_GAP] or wrong)[:1]
        elif kind == "date":
            focus, wrong = ans, [d for d in entity_swaps(ctx, fact, ans, rng, 3)
                                 if not _crosses_stated_time(ctx, fact, ans, d)][:1]
        elif kind in ("country", "nationality"):
            # A country or a nationality swapped in makes a statement that is absurd or true in the
            # world ("in Montenegro le città-stato si sviluppavano" in the 6th century BC, fallout
            # "registrata anche in Bielorussia", "the Russian naturalist Blumenbach"): review 42 rated
            # all five such false statements bad. The sentence is stated as it is.
            focus, wrong = ans, []
        elif kind in ENTITY_TYPES:
            focus, wrong = ans, entity_swaps(ctx, fact, ans, rng, 1)
        else:
            found = amount_swaps(ctx, fact, rng, 1)
            if found is None:
                return []
            focus, wrong = found
            if wrong and ans.text.isdecimal() and wrong[0].isdecimal() and _early_year(ctx.doc, ans) \
                    and abs(int(wrong[0]) - int(ans.text)) < TF_YEAR_GAP:
                # "In 331 BC" for 332: an early year too is swapped for one a reader tells apart.
                wider = [y for y in (amount_swaps(ctx, fact, rng, 4) or (focus, []))[1]
                         if y.isdecimal() and abs(int(y) - int(ans.text)) >= TF_YEAR_GAP]
                wrong = wider[:1] or wrong
        if wrong and _after_deadline(ctx.doc, fact.span, focus):
            # "By the 1970s the species was thought nearly extinct": by the 1980s it was as well.
            wrong = [w for w in wrong if _first_number(w) is not None and _first_number(focus.text) is not None
                     and _first_number(w) < _first_number(focus.text)]
        if len(fact.span.text.split()) < 6 or fact.span.text.rstrip().endswith(":"):
            return []  # too short, or a line that introduces a list ("…osservazioni fondamentali:")
        if fact.span.text.rstrip().rstrip(_CLOSERS).rstrip()[-1:] not in _STATEMENT_ENDS:
            return []  # a title ("Addio a Umberto Eco, il semiologo …") states nothing to judge true or false
        # A statement is read whole where it is short enough: a cut one can be neither true nor false.
        words = 40 if len(fact.span.text.split()) <= 45 else 16
        if window(ctx.doc, fact.span, focus, keep=focus.text, words=words).startswith("…"):
            return []  # cut after its subject ("… di una fascia di territorio larga circa 16 chilometri"): a fragment
        statement = _whole_clause(window(ctx.doc, fact.span, focus, keep=focus.text, words=words), focus.text,
                                  ctx.doc.pack)
        true = _q(ctx, fact, index, self.name, ctx.fill("tf_statement", statement=statement), [focus.text],
                  fact.span, labels, (0,), focus)
        if not wrong:
            # No false statement can be made: a true one, where the sentence stands alone and says
            # enough not to be guessed ("Federer's triumph completed a remarkable comeback." is opinion).
            return [] if _leans_back(fact.span.text, ctx.doc.pack) \
                or len(fact.span.text.split()) < TRUE_ONLY_WORDS else [true]
        statement = _whole_clause(window(ctx.doc, fact.span, focus, keep=wrong[0], words=words), wrong[0],
                                  ctx.doc.pack)
        if ctx.mentioned(statement.strip(" …")):
            return [true]
        false = _q(ctx, fact, index, self.name, ctx.fill("tf_statement", statement=statement), [focus.text],
                   fact.span, labels, (1,), focus)
        # Both ways, in the seed's order: quiz assembly takes the one that keeps true and false balanced.
        return [true, false] if ctx.rng(index, self.name, 6).random() < 0.5 else [false, true]

    def _term(self, ctx, fact, index, labels):
        """State a sentence about a term as it is (true) or with the term's contrary (false).

        "It passes into the left ventricle" for "right ventricle": the text names
        both, and their modifiers exclude each other (the language's contrast
        sets), so the false statement is false in the world, not only in the text;
        a comparative key turns into its opposite ("cold air is lighter").
        The sentence is stated whole, and not where it holds a pronoun, which only
        its neighbour explains.
        """
        sentence = fact.span.text
        if not 6 <= len(sentence.split()) <= 40 or _leans_back(sentence, ctx.doc.pack) or sentence.endswith(":"):
            return []
        opposites = ctx.doc.pack.get("opposites", {})
        for ans in fact.answers:
            if not phrasing.single_value(ctx.doc, fact.span, ans):
                continue
            if ans.text.lower() in opposites:
                wrong = [opposites[ans.text.lower()]]  # "cold air is lighter": a comparative turned round
            elif ctx.siblings.term(ans.text) is not None and not _era_after(ctx.doc, ans):
                wrong = ctx.siblings.contrast(ans.text, fact.span.text)
            else:
                continue
            true = _q(ctx, fact, index, self.name, ctx.fill("tf_statement", statement=sentence), [ans.text],
                      fact.span, labels, (0,), ans)
            swapped = _capital_as(ans.text, wrong[0]) if wrong else ""
            statement = sentence[:ans.start - fact.span.start] + swapped + sentence[ans.end - fact.span.start:]
            if not wrong or ctx.mentioned(statement.strip(" .…")):
                return [true] if len(sentence.split()) >= TRUE_ONLY_WORDS else []
            false = _q(ctx, fact, index, self.name, ctx.fill("tf_statement", statement=statement), [ans.text],
                       fact.span, labels, (1,), ans)
            # Both ways, in the seed's order: quiz assembly takes the one that keeps true and
            # false statements balanced, and false ones are the scarcer.
            return [true, false] if ctx.rng(index, self.name, 6).random() < 0.5 else [false, true]
        return []


def _leans_back(sentence: str, pack) -> bool:
    """Tell whether a sentence leans on the one before: a pronoun near its start, "these valves" anywhere,
    or a verb first, whose subject is the last sentence's ("Nacque a Como", "È uno dei vulcani più attivi")."""
    words = normalise(sentence).split()
    if not words or words[0] in pack.get("null_subject_verbs", ()) or verb_like(words[0], pack.code,
                                                                                  pack.verb_suffixes):
        return True
    return bool(set(words[:PRONOUN_REACH]) & set(pack.get("pronouns", ()))
                or set(words) & set(pack.get("anaphoric_openers", ())))


def _capital_as(model: str, text: str, lang: str = "") -> str:
    """Return ``text`` with its first letter in the case of ``model``'s ("Left ventricle" at a sentence's start).

    With ``lang``, a lexicon's capitalised common noun ("Zolfo") is lowered beside a lower-case
    answer; a name ("Golgi apparatus") keeps its capital.
    """
    if model[:1].isupper():
        return text[:1].upper() + text[1:]
    words = text.split(" ")
    first = words[0]
    # One word ("Migmatite"), a known first word ("Cell membrane") or a phrase with a lower-case
    # complement ("Idrossido di potassio") is a common noun; "Golgi apparatus" a name's.
    complement = len(words) > 2 and len(words[1]) <= 3 and all(w.islower() for w in words[1:])
    if lang and model[:1].islower() and first[1:] == first[1:].lower() and (
            first == text or known_word(first.lower(), lang) or complement):
        return text[:1].lower() + text[1:]
    return text


def _times(text: str, months: list[str], skip: tuple[int, int] = (-1, -1)) -> list[tuple[int, tuple[int, int, int]]]:
    """Return the dates and years written in ``text`` as (offset, (year, month, day)), 0 where not given, outside ``skip``."""
    return [(start, t) for start, end, t in _all_times(text, tuple(months)) if not (start < skip[1] and skip[0] < end)]


@lru_cache(maxsize=8)
def _times_re(months: tuple[str, ...]) -> re.Pattern:
    """Compile the pattern of a date or year written with one of ``months`` (once per language)."""
    names = "|".join(re.escape(m) for m in months)
    return re.compile(r"(?:(\d{1,2})(?:st|nd|rd|th|º|°)?\s+)?\b(" + names + r")\b\s+(?:(\d{1,2}),?\s+)?(\d{4})"
                      r"|(?<![\d.,])(1\d{3}|20\d{2})(?![\d.,]\d)", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _all_times(text: str, months: tuple[str, ...]) -> tuple[tuple[int, int, tuple[int, int, int]], ...]:
    """Return every date and year of ``text`` as (start, end, (year, month, day)), read once per text.

    A sentence is read again for every wrong date a question tries against it.
    """
    out = []
    for m in _times_re(months).finditer(text):
        if m.group(5):
            out.append((m.start(), m.end(), (int(m.group(5)), 0, 0)))
        else:
            day = m.group(1) or m.group(3)
            out.append((m.start(), m.end(), (int(m.group(4)), months.index(m.group(2).lower()) + 1,
                                             int(day) if day else 0)))
    return tuple(out)


def _order(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    """Compare two times at the precision both give: -1, 0 or 1."""
    n = 3 if a[2] and b[2] else 2 if a[1] and b[1] else 1
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def _keeps_sentence_year(fact: Fact, ans: Span, wrong: str) -> bool:
    """Tell whether a wrong date keeps the key's year when the sentence names that year again.

    "held in April ____ 1994, and on 10 May 1994 Mandela was inaugurated": April 1993 is
    ruled out by the sentence, so only another month of 1994 is a fair option.
    """
    year = _ANY_YEAR.search(ans.text)
    if not year:
        return True
    return year.group() not in _ANY_YEAR.findall(_rest_of(fact, ans)) or year.group() in wrong


def _rest_of(fact: Fact, ans: Span) -> str:
    """Return the fact's sentence without its answer."""
    return fact.span.text[:ans.start - fact.span.start] + " " + fact.span.text[ans.end - fact.span.start:]


def _keeps_sentence_month(ctx: Context, fact: Fact, ans: Span, wrong: str) -> bool:
    """Tell whether a wrong date keeps the key's month when the sentence names that month again.

    "on ____ (the May Revolution)" (25 May 1810): March and June are ruled out by the
    sentence itself, so only another day of May is a fair option.
    """
    months = [m.lower() for m in ctx.doc.pack.get("months", ())[:12]]
    key = [w for w in normalise(ans.text).split() if w in months]
    if not key:
        return True
    return f" {key[0]} " not in f" {normalise(_rest_of(fact, ans))} " or key[0] in normalise(wrong).split()


def _crosses_stated_time(ctx: Context, fact: Fact, ans: Span, wrong: str) -> bool:
    """Tell whether a false year or date turns round the order of the times its sentence states, or falls before
    a time the sentence before states while the true one does not.

    "In September 1794 his opponents turned against him, and he was guillotined
    on 28 July 1794", or a record "surpassed in 2012" after a mission of 2014, is
    false on its face: the story the text tells runs forward.
    """
    months = [m.lower() for m in ctx.doc.pack.get("months")]
    true_t = _times(ans.text, months)
    wrong_t = _times(wrong, months)
    if not true_t or not wrong_t:
        return False
    t, w = true_t[0][1], wrong_t[0][1]
    at = ans.start - fact.span.start
    here = _times(fact.span.text, months, (at, ans.end - fact.span.start))
    # A time written before the answer is passed going back; one written after it, going forward.
    if any(_order(t, x) >= 0 > _order(w, x) for pos, x in here if pos < at) or \
            any(_order(t, x) <= 0 < _order(w, x) for pos, x in here if pos > at):
        return True
    k = ctx.doc.sentence_at.get(fact.span.start, 0)
    before = _times(ctx.doc.sentences[k - 1].text, months) if k > 0 else []
    return any(_order(t, x) >= 0 > _order(w, x) for _, x in before)


def _era_after(doc: Doc, ans: Span) -> bool:
    """Tell whether an era mark follows the answer ("IV secolo a.C."): the text's other centuries are of another era."""
    after = normalise(doc.text[ans.end:ans.end + 8]).split()
    marks = set(doc.pack.get("era_marks", ()))
    return bool(after) and (after[0] in marks or " ".join(after[:2]) in marks)


def _rough_ancient(ctx: Context, fact: Fact, ans: Span) -> bool:
    """Tell whether an ancient date is given roughly ("around 1800 BC", "intorno al 300 a.C.").

    Such a date is uncertain by decades either way, so any near miss may be right as well.
    """
    return _era_after(ctx.doc, ans) and approximate(ctx, fact, ans)


def _before_lead(ctx: Context, true_date: str, wrong: str) -> bool:
    """Tell whether a false date falls before the text's first date while the true one does not.

    A report of the earthquake of 23 November cannot tell of a headline of "26 settembre":
    a date without its year is read in the year of that first date.
    """
    lead = ctx.lead_time()
    if lead is None:
        return False
    months = [m.lower() for m in ctx.doc.pack.get("months")]

    def read(text: str) -> tuple[int, int, int] | None:
        words = [w.strip(",.").lower() for w in text.split()]
        month = next((months.index(w) + 1 for w in words if w in months), 0)
        year = next((int(w) for w in words if w.isdecimal() and len(w) == 4), lead[0])
        return (year, month, distractors.day_of(text) or 0) if month else None

    t, w = read(true_date), read(wrong)
    # (Strictly after it: the first date itself, "held in April 1994", takes earlier months.)
    return t is not None and w is not None and _order(t, lead) > 0 > _order(w, lead)


def _whole_clause(statement: str, focus: str, pack) -> str:
    """End a statement cut mid-sentence ("… un'attività extraveicolare: insieme …") at its last clause break.

    The break is a colon or semicolon, or a comma before a relative word ("…
    dell'Intesa, che in caso di vittoria prometteva …"), after the stated value;
    what comes before it is a statement a reader can judge whole.
    """
    if not statement.endswith("…"):
        return statement
    at = statement.find(focus)
    if at < 0:
        return statement
    relatives = "|".join(re.escape(w) for w in pack.get("clause_relatives", ()))
    pattern = r"[:;]\s" + (r"|,\s+(?=(?:" + relatives + r")\b)" if relatives else "")
    # What stays must be a statement of its own: some words after the value, a sentence's length.
    cuts = [m.start() for m in re.finditer(pattern, statement) if m.start() > at + len(focus)
            and len(statement[at + len(focus):m.start()].split()) >= 3 and len(statement[:m.start()].split()) >= 8]
    if not cuts:
        return statement
    return statement[:cuts[-1]].rstrip() + "."


# A text whose years span more than this tells of several ages: no period is read from it.
PERIOD_YEARS = 60


def _period(ctx: Context, fact: Fact) -> tuple[int, int] | None:
    """Return the years a fact's sentence speaks of, else the text's when they are one age, else None."""
    here = [int(y) for y in ctx.doc.pack.res["year"].findall(fact.span.text)]
    years = here or sorted(ctx.years)
    if not years or max(years) - min(years) > PERIOD_YEARS:
        return None
    return min(years), max(years)


# A name the text says this often is what it is about, never a wrong option.
TOPIC_MENTIONS = 3


def entity_swaps(ctx: Context, fact: Fact, ans: Span, rng: random.Random, n: int) -> list[str]:
    """Return up to ``n`` names of the answer's type for the same slot: the text's others, then the lexicon's.

    Names the text gives in other sentences come first; when the answer is a
    known item (a city, a river, a scientist), items of the same kind that the
    text never names fill the rest. The other end of a range the answer closes
    ("from the 13th to the ____") is none of them.
    """
    partner = _range_partner(ctx.doc, fact.span, ans)
    return _without_partner(_entity_swaps(ctx, fact, ans, rng, n + 1 if partner else n), partner)[:n]


def _entity_swaps(ctx: Context, fact: Fact, ans: Span, rng: random.Random, n: int) -> list[str]:
    """Return up to ``n`` names of the answer's type for the same slot (``entity_swaps``, before the range rule)."""
    kind = distractors.lexicon_kind(ans.text, ctx.doc.pack.code)
    # A place or organisation is known by the lexicon or by its head ("Windsor Castle", a
    # residence), or not offered: the words around an unknown name ("guidata da Daniele
    # Manin") say too little of what it is.
    group = "" if kind else _place_group(ans.text, ctx.doc.pack)
    if not kind and not group and fact.kind in ("place", "organization", "country"):
        return []
    # A person the text names elsewhere is a wrong person ("gli esperimenti di ____": Mendel, against
    # Lamarck and Wallace), a full name for a full name; one the lexicon knows only among others it
    # knows: an unknown name may be anyone ("lost to ____ in the final": not Virginia Wade).
    person = fact.kind == "person" or _named_person(fact)
    from_text = [v for v in ctx.pool.others("person" if person else fact.kind, ans.text, fact.span, fact.span.text,
                                            rng, n * 3)
                 if distractors.lexicon_kind(v, ctx.doc.pack.code) == kind
                 and _same_country(v, ans.text, kind, ctx) and _place_group(v, ctx.doc.pack) == group]
    shape = _person_shape(ans.text) if person else _shape(ans.text)
    if _era_after(ctx.doc, ans):
        from_text = []  # "nel IV secolo a.C.": the text's other centuries are of our era ("XVIII secolo")
    out = [v for v in from_text if (_person_shape(v) if person else _shape(v)) == shape and _near_in_time(v, ans.text)]
    if person:
        # "Darwin fu influenzato dall'economista ____": not "Charles Darwin", whose surname the sentence gives.
        here = set(normalise(fact.span.text).split())
        out = [v for v in out if normalise(v.split()[-1]) not in here]
        # Never the person the text is about ("presieduta da Giacomo Leopardi" in Leopardi's life),
        # nor, for a person the lexicon knows, one it knows in another role (Napoleon as Beethoven's teacher).
        topic = ctx.topic_words()
        known_role = distractors.lexicon_attr(ans.text, ctx.doc.pack.code, "role")
        # Nor a building or a body named after a person ("Dorothy Chandler Pavilion").
        heads = {normalise(h) for h in ctx.doc.pack.get("place_heads", ())} | _not_given_names(ctx.doc.pack.code)
        out = [v for v in out if normalise(v.split()[-1]) not in topic and normalise(v.split()[-1]) not in heads
               and distractors.lexicon_attr(v, ctx.doc.pack.code, "role") in ("", known_role)]
    elif fact.kind != "date":
        # Nor the place the text is about, named again and again ("avvertita dall'Oregon fino a ____" in a
        # report on San Francisco).
        text = f" {ctx.doc.norm_text} "
        out = [v for v in out if text.count(f" {normalise(v)} ") < TOPIC_MENTIONS]
    role = _role_before(ctx.doc, ans.start) if person else ""
    if role:
        # "con capitano ____": another captain the text names, not any person (a dictator); and not one
        # the text gives another country ("the Belgian-American chemist ____": not "the German chemist").
        country = _role_adjective(ctx.doc, ans.start)
        out = [v for v in out if _has_role(ctx.doc, v, role)
               and not (country and {_role_adjective(ctx.doc, at) for at in _occurrences(ctx.doc.text, v)} - {"", country})]
    elif person:
        # "went ahead through ____" (a player): not "President Jimmy Carter", whom the text gives
        # a title the answer never has.
        titles = set(ctx.doc.pack.get("person_titles", ()))
        mine = _roles(ctx.doc, ans.text) & titles
        out = [v for v in out if not (_roles(ctx.doc, v) & titles) - mine]
    out = out[:n]
    if fact.kind == "date":
        # Near misses first, for the same reason as years (see year_swaps).
        future = _future(ctx, ans.text)
        near = distractors.date_near_misses(
            ans.text, ctx.doc.pack.get("months"), rng, n, not_after=_past(ctx, ans.text), not_before=future,
            keep=lambda m: not ctx.mentioned(m) and not _crosses_stated_time(ctx, fact, ans, m)
            and _keeps_sentence_year(fact, ans, m) and _keeps_sentence_month(ctx, fact, ans, m)
            and not _before_lead(ctx, ans.text, m) and not _after_death(ctx, ans.text, m))
        if future:
            # An event to come takes no date the text gives to one already past ("21 luglio").
            out = [v for v in out
                   if distractors.later(v, ctx.doc.pack.get("months"), distractors.day_of(v), future, future.year)]
        out = near + [v for v in out if normalise(v) not in {normalise(m) for m in near}
                      and _keeps_sentence_month(ctx, fact, ans, v)]
    if len(out) < n and kind and not role:
        # "enters Slovakia at ____": a city where the sentence names a country is one of that country.
        here = f" {normalise(fact.span.text)} "
        countries = sum(f" {c} " in here for c in distractors.names_of("country", ctx.doc.pack.code))
        in_country = kind == "city" and countries > 0
        # "six countries: Switzerland, …, France and the ____": the answer is one of a list, so its
        # neighbours the text does not list are as wrong as any, and nearer than Vanuatu.
        listed = kind == "country" and countries >= LISTED_COUNTRIES
        more = distractors.same_kind(ans.text, ctx.doc.pack.code, ctx.mentioned, rng, 3 * n, _period(ctx, fact),
                                     alike_only=in_country, listed=listed)
        out += [m for m in more if normalise(m) not in {normalise(o) for o in out} and _shape(m) == shape]
    out = _same_article(ctx.doc, ans, out)
    # A year among names, or a name among years, gives the answer away.
    if any(_YEAR_RE.match(v) for v in out) != bool(_YEAR_RE.match(ans.text)) or any(
            bool(_YEAR_RE.match(v)) != bool(_YEAR_RE.match(ans.text)) for v in out):
        return []
    return out[:n]


# How far back _article_before reads for the article before a word.
_ARTICLE_WINDOW = 12
_WORD_BEFORE = re.compile(r"(?:^|[^\w'’])(\w+['’]|\w+\s+)$")


def _article_before(doc: Doc, start: int) -> str:
    """Return the article that the word just before ``start`` carries ("con il" gives "il", "all'" gives "l'"), or ""."""
    m = _WORD_BEFORE.search(doc.text[max(0, start - _ARTICLE_WINDOW):start])
    forms = doc.pack.get("article_forms", {})
    return forms.get(m.group(1).strip().lower().replace("’", "'"), "") if m else ""


_WORD_AT = re.compile(r"(?<![\w'’])[^\W\d_][\w'’-]*")


def _after_article_form(doc: Doc) -> list[int]:
    """Return where a word of the text starts after one of the pack's article forms (any case) and spaces.

    Every word whose ``_article_before`` is not empty is among them: the form is a whole word, or the
    tail of a longer one that ``_article_before``'s 12-character window cuts (so long a run of spaces
    follows it). They are candidates, each read again by ``_article_before``.
    """
    forms = sorted((f for f in doc.pack.get("article_forms", {}) if re.fullmatch(r"\w+", f)), key=len, reverse=True)
    if not forms:
        return []
    pattern = r"\b(?:%s)\s+(?=[^\W\d_])|\w\s{%d,}(?=[^\W\d_])" % ("|".join(map(re.escape, forms)),
                                                                max(1, _ARTICLE_WINDOW - len(forms[0])))
    return [m.end() for m in re.finditer(pattern, doc.text, re.IGNORECASE)]


def _same_article(doc: Doc, ans: Span, options: list[str]) -> list[str]:
    """Keep the options that take the article the blank's preposition carries ("con il ____": "Belgio", not "Turchia").

    An option's article is read where the text writes it ("alla Turchia"); a name the text
    never writes after an article keeps its place unless it starts with a vowel (always "l'").
    """
    wanted = _article_before(doc, ans.start)
    if not wanted:
        # "introdotta in ____" (Nuova Zelanda): a plural name takes its article there ("nelle Isole Marshall").
        plural = doc.pack.get("plural_place_openings", ())
        bare = doc.text[max(0, ans.start - 4):ans.start].lower().split()[-1:] == ["in"]
        return [v for v in options if not (bare and v.split()[:1] and v.split()[0] in plural)]
    out = []
    if not doc.articles_of:
        # Read once per text: the articles written before each word (a name by its first word). Only
        # a word after one of the article forms and a space can have one (a word never starts right
        # after an apostrophe): those places are found first, then read as before.
        for at in _after_article_form(doc):
            art = _article_before(doc, at)
            if art:
                doc.articles_of.setdefault(_WORD_AT.match(doc.text, at).group(), set()).add(art)
        doc.articles_of.setdefault("", set())
    for v in options:
        if wanted == "l'" and v[:1].isalpha() and v[:1].lower() not in "aeiouàèéìòùh":
            continue  # "Nell'____": "aprile 1945", never "luglio 1945"
        seen = set(doc.articles_of.get(v.split()[0], ())) if v.split() else set()
        if not seen and v[:1].lower() in "aeiouàèéìòù":
            seen = {"l'"}
        if not seen:
            seen = _place_article(v, doc.pack)
        if not seen or wanted in seen:
            out.append(v)
    return out


def _known_place(item: str, pack) -> str:
    """Return a list item's country or region without its article ("il Giappone": "Giappone"), or ""."""
    bare = re.sub(r"^(?:\w+['’]|\w+\s)", "", item) if item.split()[0].lower() in pack.articles \
        or re.match(r"\w+['’]", item) else item
    for name in (item, bare):
        if distractors.lexicon_kind(name, pack.code) in ("country", "region"):
            return name
    return ""


def _with_article(name: str, pack) -> str:
    """Return a country or region with the article the language gives it ("India": "l'India"), or "" if unknown."""
    if name[:1].lower() in "aeiouàèéìòù":
        return f"l’{name}"
    arts = _place_article(name, pack) - {"-"}
    return f"{arts.pop()} {name}" if len(arts) == 1 else ""


def _place_article(name: str, pack) -> set[str]:
    """Return the article a country or region takes by the language's rules ("Bolivia": "la"), or none known."""
    rules = pack.get("place_articles")
    if not rules or distractors.lexicon_kind(name, pack.code) not in ("country", "region"):
        return set()
    if name in rules["exceptions"]:
        # "" marks a name used without an article ("a Cuba"): no article fits it.
        return {rules["exceptions"][name] or "-"}
    first = name.split()[0].lower()
    if first.startswith(tuple(rules["lo_openings"])):
        return {"lo"}
    return {rules["ending_a"] if first.endswith("a") else rules["default"]}


def _place_group(name: str, pack) -> str:
    """Return the kind of building or site a name's head word tells ("Windsor Castle": "residence"), or ""."""
    words = name.split()
    if len(words) < 2:
        return ""
    head = words[0] if pack.get("phrase_head", "last") == "first" else words[-1]
    return next((group for group, heads in pack.get("place_groups", {}).items() if head in heads), "")


def _same_country(value: str, answer: str, kind: str, ctx: Context) -> bool:
    """Tell whether a city of the text lies in the answer's country ("città italiane, da ____": no "Londra"),
    or a country in the answer's region ("sub-Saharan Africa, such as ____": no China)."""
    attr = {"city": "country", "country": "region"}.get(kind)
    if attr is None:
        return True
    a, b = (distractors.lexicon_attr(x, ctx.doc.pack.code, attr) for x in (value, answer))
    return not a or not b or a == b


def _near_in_time(value: str, answer: str, years: int = 30) -> bool:
    """Tell whether two dates lie within ``years`` of each other (true when either has no year)."""
    a, b = _ANY_YEAR.findall(value), _ANY_YEAR.findall(answer)
    return not a or not b or abs(int(a[-1]) - int(b[-1])) <= years


def _shape(text: str) -> tuple[str, ...]:
    """Return the shape of a value, word by word: digits, capitalised or lower-case ("30 novembre 2022")."""
    return tuple("9" if w[:1].isdecimal() else "A" if w[:1].isupper() else "a" for w in text.split())


def _named_person(fact: Fact) -> bool:
    """Tell whether an entity no lexicon knows is a person by its given name ("Gregor Mendel")."""
    return fact.kind == "entity" and bool(fact.answers) and person_name(fact.answers[0].text)


def _person_shape(name: str) -> str:
    """Return how a person is written: a ruler's name ("Frederick II"), a full name ("Gregor Mendel") or one word.

    A ruler is swapped for a ruler: "Mary Wollstonecraft of Prussia" is no false statement a reader weighs.
    """
    if re.search(r"\s[IVX]+$", name.strip()):
        return "ruler"
    return "full" if len(name.split()) >= 2 else "one"


def bounded(ctx: Context, fact: Fact, ans: Span) -> bool:
    """Tell whether the text gives a bound, not a value ("more than 150 years", "dopo il 1850").

    Near misses on the open side of a bound are true too.
    """
    # "below minus 90", "above about 85": the sign and the approximation belong to the number,
    # the bound stands before them.
    bounds = ctx.doc.pack.get("bounds", ())
    skipped = (set(ctx.doc.pack.get("sign_words", ())) | set(ctx.doc.pack.get("approximations", ()))) - set(bounds)
    before = ctx.doc.text[fact.span.start:ans.start].lower().split()[-7:]
    while before and before[-1] in skipped:
        before.pop()
    # "dopo i ____", "il peso supera spesso i ____": the article after the bound, and an adverb of how
    # often, stand between it and the number.
    article = ""
    while before and before[-1] in ctx.doc.pack.articles:
        article = before.pop()
    if len(before) >= 2 and before[-1] in ctx.doc.pack.get("frequency_adverbs", ()):
        before.pop()
    # "Below a depth of roughly ____": the measure's name stands between the bound and the number.
    if len(before) >= 4 and before[-1] in ctx.doc.pack.get("measure_links", ()) \
            and before[-3] in ctx.doc.pack.articles:
        before = before[:-3]
    before = before[-2:]
    # (With its article: "supera i" is a bound, "entro il 2030" a deadline that keeps its near misses.)
    tail = f" {article}" if article else ""
    if before and {before[-1] + tail, " ".join(before) + tail} & set(bounds):
        return True
    # "around 10 million people or more": the bound follows the amount.
    after = " ".join(ctx.doc.text[ans.end:fact.span.end].lower().replace(",", " ").split()[:4])
    return any(re.search(r"(?:^|\s)" + re.escape(cue) + r"(?!\w)", after) for cue in ctx.doc.pack.get("bounds_after", ()))


def upper_bound(ctx: Context, fact: Fact, unit: str, after: str = "") -> float | None:
    """Return the largest value an amount of ``unit`` takes in its sentence, from the language's ``number_bounds``.

    "69 degrees south latitude" is at most 90, "a height of 8,848 metres" at most Everest's;
    a value on a closed scale, named in the words ``after`` it, at most the scale's top
    ("valore 10 nella scala di Mohs").
    """
    units = set(normalise(unit).split()) | ({"°"} if "°" in unit else set())
    following = set(normalise(after).split()[:4])
    # The sentence's words, and the title's: "al ____° minuto" in the report of a final.
    title = ctx.doc.sentences[0].text if ctx.doc.sentences else ""
    words = set(normalise(ctx.doc.text[fact.span.start:fact.span.end] + " " + title).split())
    for bound in ctx.doc.pack.get("number_bounds", ()):
        if following & set(bound.get("scale", ())):
            return float(bound["max"])
        if units & set(bound.get("units", ())) and words & {normalise(c) for c in bound["context"]}:
            return float(bound["max"])
    return None


def approximate(ctx: Context, fact: Fact, ans: Span) -> bool:
    """Tell whether the text gives the value as an approximation ("about 5 litres", "intorno al 1527")."""
    before = ctx.doc.text[fact.span.start:ans.start].lower().split()[-4:]
    cues = ctx.doc.pack.get("approximations", ())
    if any(" ".join(before[-k:]) in cues for k in range(1, len(before) + 1)):
        return True
    # "ogni 20 minuti circa": the cue after the amount and its unit.
    after = ctx.doc.text[ans.end:fact.span.end].lower().replace(",", " ").split()[:3]
    cues_after = ctx.doc.pack.get("approximations_after", ())
    return any(" ".join(after[k:k + 2]) in cues_after or after[k] in cues_after for k in range(min(2, len(after))))


def _role_before(doc: Doc, start: int) -> str:
    """Return the role word the text puts right before a name ("capitano", "chairman"), or ""."""
    words = doc.text[max(0, start - 40):start].split()
    if words and words[-1].lower() in doc.pack.articles:
        words.pop()
    # "dall'economista ____": the role after an elided preposition and article.
    # "the US captain, Mike Eruzione": the role before the comma of an apposition.
    word = re.split(r"['’]", words[-1])[-1].lower().rstrip(",") if words else ""
    if not word.isalpha() or word in doc.pack.stopwords or not doc.text[start - 1:start].isspace():
        return ""
    return word


def _role_adjective(doc: Doc, start: int) -> str:
    """Return the capitalised word before the role before a name ("German" of "the German chemist Karl Ziegler"), or ""."""
    words = doc.text[max(0, start - 60):start].split()
    if not _role_before(doc, start) or len(words) < 2:
        return ""
    word = words[-2] if words[-1].lower() not in doc.pack.articles else ""
    return word if word[:1].isupper() and word.lower() not in doc.pack.stopwords else ""


def _has_role(doc: Doc, name: str, role: str) -> bool:
    """Tell whether the text puts ``role`` right before ``name`` somewhere."""
    return role in _roles(doc, name)


def _roles(doc: Doc, name: str) -> set[str]:
    """Return the role words the text puts right before ``name`` ("" where none)."""
    roles = doc.roles_of.get(name)
    if roles is None:
        # Read once per name: a long text tries the same names against many blanks.
        roles = doc.roles_of[name] = {_role_before(doc, at) for at in _occurrences(doc.text, name)}
    return roles


def _occurrences(text: str, part: str) -> list[int]:
    """Return where ``part`` stands in ``text``, left to right, not overlapping (as re.finditer finds it)."""
    if not part:
        return list(range(len(text) + 1))
    out, at = [], text.find(part)
    while at >= 0:
        out.append(at)
        at = text.find(part, at + len(part))
    return out


def _past(ctx: Context, date_text: str) -> _dt.date | None:
    """Return the article's date when ``date_text`` is no later than it (a past event), else None."""
    months = ctx.doc.pack.get("months")
    if ctx.published is None or distractors.later(date_text, months, distractors.day_of(date_text), ctx.published):
        return None
    return ctx.published


def _future(ctx: Context, date_text: str) -> _dt.date | None:
    """Return the article's date when ``date_text`` falls after it (an event to come, its year read as the
    article's when not written), else None."""
    if ctx.published is None or not distractors.later(date_text, ctx.doc.pack.get("months"),
                                                      distractors.day_of(date_text), ctx.published,
                                                      default_year=ctx.published.year):
        return None
    return ctx.published


# Sentences at the head of a text where its subject's birth is stated.
BIRTH_SENTENCES = 3
# Before this age a life's events (studies, offices, deaths of others it mentions) are not plausible.
CHILDHOOD = 12
# The youngest age a news lead's "Name, 14," is read as (below, a count: "Room, 3,").
MIN_AGE = 5


def _born_before_life(year: int, wrong: int, born: int | None, years: set[int]) -> bool:
    """Tell whether a wrong birth year leaves a childhood before the next year the text gives.

    Gutenberg "born around 1400" and "by 1448 he had returned to Mainz": a false
    birth in 1450 or 1475 is ruled out by the text itself.
    """
    if born is None or year != born:
        return True
    later = [y for y in years if y > year]
    return not later or wrong + CHILDHOOD <= min(later)


def _birth_year(doc: Doc) -> int | None:
    """Return the birth year its lead gives the text's subject: after a birth cue, or opening a bracketed life span."""
    cues = doc.pack.get("birth_cues", ())
    year = doc.pack.res["year"]
    for sent in doc.sentences[:BIRTH_SENTENCES]:
        text = sent.text
        span = re.search(r"\(([^()]*?)[–-]\s*[^()]*\)", text)
        if span:
            m = year.search(span.group(1))
            if m:
                return int(m.group(0))
        for cue in cues:
            m = re.search(r"\b" + re.escape(cue) + r"\b(.{0,60})", text, flags=re.IGNORECASE)
            if m:
                y = year.search(m.group(1))
                if y:
                    return int(y.group(0))
    # "At 15 he swam at the Sydney Olympics in 2000": an age in a given year is a birth year too.
    age_at = doc.pack.get("age_at", "")
    m = re.search(age_at, doc.text) if age_at else None
    return int(m.group(2)) - int(m.group(1)) if m else None


def _age_in_lead(doc: Doc) -> int | None:
    """Return the age the lead gives a person on the article's day ("Nadia Comaneci, 14,"), or None."""
    pattern = doc.pack.get("age_now", "")
    for sent in doc.sentences[:BIRTH_SENTENCES] if pattern else ():
        m = re.search(pattern, sent.text)
        if m:
            age = int(next(g for g in m.groups() if g))
            return age if MIN_AGE <= age <= 100 else None
    return None


def _after_death(ctx: Context, key: str, wrong: str) -> bool:
    """Tell whether a wrong date falls after the subject's death when the key's does not.

    "A first attempt ended in ____" (March 1937) for Amelia Earhart, lost in July 1937: no
    "December 1937" or "March 1938".
    """
    died, year = ctx.died(), ctx.doc.pack.res["year"]
    mine, other = year.search(key), year.search(wrong)
    return died is not None and bool(mine) and bool(other) and int(mine.group(0)) <= died < int(other.group(0))


def _death_year(doc: Doc) -> int | None:
    """Return the year that closes the bracketed life span of the text's lead ("(21 March 1685 – 28 July 1750)")."""
    year = doc.pack.res["year"]
    for sent in doc.sentences[:BIRTH_SENTENCES]:
        span = re.search(r"\(([^()]*?)[–-]\s*([^()]*)\)", sent.text)
        if span and year.search(span.group(1)):
            m = year.search(span.group(2))
            return int(m.group(0)) if m else None
    return None


def _in_lifetime(year: int, wrong: int, born: int | None) -> bool:
    """Tell whether a wrong year stays as plausible as the right one against the subject's birth year.

    "Died in Greece in 1814, when she was eight" for a daughter born in 1815, or
    enrolling at university in 1570 for Galileo born in 1564, is false on its face.
    """
    if born is None or year < born:
        return True
    if wrong < born:
        return False
    return year < born + CHILDHOOD or wrong >= born + CHILDHOOD


def year_swaps(ctx: Context, fact: Fact, ans: Span, rng: random.Random, n: int) -> list[str]:
    """Return ``n`` wrong years: one the text ties to another fact, the rest near misses it never names."""
    if _rough_ancient(ctx, fact, ans):
        return []
    year = int(ans.text)
    period = event_period(ctx.doc, fact, ans)
    # A report's year to come ("contano di aprire la linea nella primavera del ____", 1906, in a 1905
    # report): the plan is known to lie ahead, so a year already gone gives the answer away (review 52).
    ahead = ctx.published is not None and year > ctx.published.year
    near = distractors.year_distractors(year, ctx.years, rng, n=n + (6 if ahead else 3),
                                        future=fact.kind == "target_year", approximate=approximate(ctx, fact, ans),
                                        period=period)
    near = [y for y in near if _reads_after(ctx.doc, ans, y)]
    born = ctx.born()
    near = [y for y in near if _in_lifetime(year, int(y), born) and _born_before_life(year, int(y), born, ctx.years)]
    if fact.kind != "target_year" and ctx.years and not ahead:
        # A past event's wrong years stay within the text's own time line: no 2031 for a 2023
        # match, no 1525 for a painter the text says died in 1510.
        latest = max(ctx.years)
        near = [y for y in near if int(y) <= latest]
    other = [y for y in ctx.pool.others("year", ans.text, fact.span, fact.span.text, rng, 3)
             if abs(int(y) - year) <= 60 and (fact.kind != "target_year" or int(y) > year - 10)
             and _in_lifetime(year, int(y), born) and not re.search(rf"(?<!\d){y}(?!\d)", fact.span.text)
             and (not period or (int(y) - year) % period == 0)]
    # Near misses first: a year the text ties to another fact would also reveal that fact's
    # answer to a quiz asking it, so it only fills in where near misses run short.
    picked = near + [y for y in other if y not in near]
    died = ctx.died()
    if died is not None and year <= died:
        # "Bach wrote it in ____" (1749): no 1751, after his death in 1750.
        picked = [y for y in picked if int(y) <= died]
    if fact.kind != "target_year" and _after_deadline(ctx.doc, fact.span, ans):
        # "By ____ he had qualified as a master mariner" (1896): by any later year he had too.
        picked = [y for y in picked if int(y) < year]
    if ctx.published is not None and year < ctx.published.year:
        # "era già salito sul podio nel ____" in a 2014 report: 2014, the year the article tells of,
        # may be true as well (he stood on the podium again that year); a later year had not come.
        picked = [y for y in picked if int(y) < ctx.published.year]
    if ahead:
        picked = [y for y in picked if int(y) > ctx.published.year]
    return sorted(picked[:n])


def event_period(doc: Doc, fact: Fact, ans: Span) -> int | None:
    """Return how many years apart the event a year names is held ("the 1996 Atlanta Olympics": 4), or None.

    The event is looked for in the year's sentence, then in the text's opening line: in an
    article about a World Cup, "France, who won in Russia in ____" asks a World Cup year.
    """
    events = doc.pack.get("recurring_events", {})
    opening = doc.sentences[0].text if doc.sentences else ""
    for where in (fact.span.text, opening):
        near = " ".join(normalise(where).split())
        for event, period in events.items():
            if re.search(r"(?<!\w)" + re.escape(normalise(event)) + r"(?!\w)", near):
                return int(period)
    return None


# Minutes a wrong clock time is moved by: near enough to be plausible, never the same hour and minute.
_CLOCK_SHIFTS = (-90, -60, -45, -35, -25, -15, 15, 25, 35, 45, 60, 90)


def _clock_swaps(ctx: Context, ans: Span, rng: random.Random, n: int) -> list[str] | None:
    """Return ``n`` wrong times of day for a time written "7.25" before "p.m." or "14.33" after "alle", or None.

    A time is no decimal: "8.85" and "9.86" beside "7.25 p.m." give the answer away.
    """
    clock = _clock_time(ctx, ans)
    if not clock:
        return None  # ("7.25 amid the crowd" is no time)
    m = re.fullmatch(r"(\d{1,2})([.:])(\d{2})", ans.text)
    hour, sep, minute = int(m.group(1)), m.group(2), int(m.group(3))
    day_clock = clock == "24"
    shifts = list(_CLOCK_SHIFTS)
    rng.shuffle(shifts)
    out = []
    for shift in shifts:
        total = (hour if day_clock else hour % 12) * 60 + minute + shift
        h, mm = divmod(total, 60)
        if day_clock:
            wrong = f"{h}{sep}{mm:02d}" if 0 <= h <= 23 else ""
        else:
            wrong = f"{h or 12}{sep}{mm:02d}" if 1 <= h <= 11 or (h == 0 and hour == 12) else ""
        if wrong and wrong != ans.text and not ctx.mentioned(wrong) and wrong not in out:
            out.append(wrong)
    return out[:n]


def _clock_time(ctx: Context, ans: Span) -> str:
    """Tell how a number is a time of day: "12" before "p.m." ("7.25 p.m."), "24" after "alle" ("alle 14.33"), or ""."""
    m = re.fullmatch(r"(\d{1,2})[.:](\d{2})", ans.text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return ""
    after = ctx.doc.text[ans.end:ans.end + 8].lstrip().lower()
    if any(re.match(re.escape(marker) + r"(?![a-z])", after) for marker in ctx.doc.pack.get("clock_after", ())):
        return "12"
    before = ctx.doc.text[max(0, ans.start - 12):ans.start].lower().split()
    return "24" if before and any(before[-len(c.split()):] == c.split() for c in ctx.doc.pack.get("clock_before", ())) \
        else ""


def amount_swaps(ctx: Context, fact: Fact, rng: random.Random, n: int) -> tuple[Span, list[str]] | None:
    """Return the amount's span (number and unit) and ``n`` wrong amounts written the same way.

    None when the amount is written in words or cannot be found whole in the sentence.
    """
    ans = fact.answers[0]
    pack = ctx.doc.pack
    if not ans.text[:1].isdecimal() or _FOUR_DIGITS.match(ans.text) or not phrasing.single_value(ctx.doc, fact.span, ans):
        return None  # an amount that reads as a year ("1500") would mix years and amounts
    if bounded(ctx, fact, ans) or _rough_ancient(ctx, fact, ans):
        return None
    amount = fact.slot("amount") or ans.text
    offset = amount.find(ans.text)
    start = ans.start - offset
    if offset < 0 or ctx.doc.text[start:start + len(amount)] != amount:
        return None
    focus = Span(start, start + len(amount), amount)
    clock = _clock_swaps(ctx, ans, rng, n)
    if clock is not None:
        return focus, clock
    value = _number_value(ans.text, pack)
    if value is None:
        return None
    dec, thou = pack.get("decimal_sep"), pack.get("thousands_sep")
    # The key's own decimals, a trailing zero too: "2.0 metres" is offered beside "3.0 metres", not "3 metres"
    # (three figures of a whole number after the mark group thousands: "1.500" read as 1500).
    written = re.search(r"\d" + re.escape(dec) + r"(\d+)", ans.text)
    decimals = len(written.group(1)) if written and not (len(written.group(1)) == 3 and value == int(value)) else 0
    grouped = thou in ans.text
    if amount == ans.text and _early_year(ctx.doc, ans):
        # "regnò fino alla morte, nell'____" (814): other years near it, on the key's side of
        # the sentence's other years ("re nel 768"), not amounts 30% off (521, 627).
        others = [int(y) for y in _EARLY_YEAR.findall(fact.span.text) if int(y) != int(value)]
        years = [y for y in distractors.year_distractors(int(value), ctx.years, rng, n * 3, lowest=1)
                 if all((int(y) > o) == (value > o) for o in others) and not ctx.mentioned(y)
                 and _reads_after(ctx.doc, ans, y)]
        rng.shuffle(years)
        # One on each side first, so the key is neither the earliest nor the latest year shown.
        sides = [next((y for y in years if int(y) < value), None), next((y for y in years if int(y) > value), None)]
        picked = [y for y in sides if y] + [y for y in years if y not in sides]
        return focus, sorted(picked[:n], key=int)

    def written(v: float) -> str:
        return amount.replace(ans.text, distractors.format_number(v, decimals, dec, thou, grouped), 1)

    others = _same_unit_amounts(ctx.doc, fact.span, ans, amount[len(ans.text):]) + _part_or_whole(ctx.doc, fact.span, ans)
    # "dai 13 ai ____ anni" (18): a wrong amount stays on the key's side of the range's other end.
    partner = _range_partner(ctx.doc, fact.span, ans)
    partner_value = _number_value(partner, pack) if partner and partner[:1].isdecimal() else None
    others += [partner_value] if partner_value is not None else []
    # "circa ____ × 10^9 N·m²/C²": a coefficient of scientific notation lies between 1 and 10.
    coefficient = 1 <= value < 10 and bool(_TIMES_TEN.match(ctx.doc.text, ans.end))

    def allowed(v: float) -> bool:
        # 652 doubled is 1304, which reads as a year beside the other amounts; "1 chilometri"
        # is ungrammatical where the unit is written in the plural. "il punto più vicino, a circa
        # ____, il più lontano a 152 milioni di km": a wrong amount keeps the key's side of the others.
        return not _FOUR_DIGITS.match(distractors.format_number(v, decimals, dec, thou, grouped)) \
            and not (v == 1 and value != 1 and len(amount) > len(ans.text)) and not ctx.mentioned(written(v)) \
            and all((v > o) == (value > o) for o in others) and (v != int(v) or _reads_after(ctx.doc, ans, str(int(v)))) \
            and (not coefficient or 1 <= v < 10)

    upper = upper_bound(ctx, fact, amount[len(ans.text):] or ctx.doc.text[ans.end:ans.end + UNIT_REACH],
                        ctx.doc.text[ans.end:fact.span.end])
    if _TEMPERATURE.match(ctx.doc.text, ans.end):
        # A temperature's zero is no nothing: "about 32 °C" is wrong at 27 or 37, not 30% off
        # (review 42: 20 and 44 °C for a mammal's body were absurd).
        steps = [d for d in _TEMPERATURE_STEPS if allowed(value + d) and (upper is None or value + d <= upper)]
        rng.shuffle(steps)
        return focus, [written(value + d) for d in sorted(steps[:n])]
    # The near misses are picked as a set (on both sides of the key, the nearest beside it),
    # among those the text does not name.
    near = distractors.number_distractors(value, decimals, rng, n=n, percent=fact.kind == "percentage",
                                          approximate=approximate(ctx, fact, ans), upper=upper, allowed=allowed,
                                          fine=_measured(amount, ans.text, pack))
    return focus, [written(v) for v in near]


# A temperature after its number ("32 °C", "100 gradi centigradi", "212 degrees Fahrenheit"), and
# the degrees its wrong values are off by.
_TEMPERATURE = re.compile(r"\s*(?:°\s*[CF]\b|(?:gradi|degrees)\s+(?:celsius|centigradi|fahrenheit)\b)", re.IGNORECASE)
_TEMPERATURE_STEPS = (-8, -5, -3, 3, 5, 8)


_EARLY_YEAR = re.compile(r"(?<![\d.,])([1-9]\d{1,3})(?![\d.,]\d)")
# The times-ten of scientific notation after a number ("8,99 × 10^9", "6.02 x 10²³").
_TIMES_TEN = re.compile(r"\s*[×x·*]\s*10\b")


def _early_year(doc: Doc, ans: Span) -> bool:
    """Tell whether a number of one to three figures is a year by the words before it ("nell'814", "in AD 79")."""
    if not re.fullmatch(r"[1-9]\d{1,2}", ans.text):
        return False
    before = normalise(doc.text[max(0, ans.start - 25):ans.start]).split()[-2:]
    cues = {normalise(c) for c in doc.pack.get("year_cues", ())}
    after = normalise(doc.text[ans.end:ans.end + 6]).split()[:1]
    return bool(before) and (before[-1] in cues or " ".join(before) in cues) \
        or bool(after) and after[0] in {normalise(c) for c in doc.pack.get("era_marks", ())}


def _same_unit_amounts(doc: Doc, sentence: Span, ans: Span, unit_after: str) -> list[float]:
    """Return the sentence's other amounts written in the answer's unit ("152 milioni" beside "147 milioni")."""
    pack = doc.pack
    unit = unit_after.split()[:1] or doc.text[ans.end:ans.end + 30].split()[:1]
    if not unit or not unit[0][:1].isalpha():
        return []
    word = normalise(unit[0])
    out = []
    for m in re.finditer(r"(?<![\w.,])(\d[\d.,]*\d|\d)\s+([^\W\d_]+)", sentence.text):
        if sentence.start + m.start() == ans.start or normalise(m.group(2)) != word:
            continue
        other = _number_value(m.group(1), pack)
        if other is not None:
            out.append(other)
    return out


def _reads_after(doc: Doc, ans: Span, number: str) -> bool:
    """Tell whether a wrong number reads after the elided word before the answer ("nell'____ a.C.": 89, not 94).

    An option that the apostrophe rules out gives the answer away.
    """
    shape = doc.pack.get("elided_numbers")
    if not shape or doc.text[ans.start - 1:ans.start] not in ("'", "’"):
        return True
    return bool(re.match(shape, number)) or not re.match(shape, ans.text)


def _open_bound_before(doc: Doc, sentence: Span, ans: Span) -> bool:
    """Tell whether a number follows a bound open on one side ("più di", "more than"): other numbers complete it too."""
    said = " ".join(w for w in normalise(doc.text[sentence.start:ans.start]).split()[-4:])
    said = f" {said} "
    for article in doc.pack.articles:
        if said.endswith(f" {article} "):
            said = said[:-len(article) - 1]
            break
    return any(said.endswith(f" {normalise(b)} ") for b in doc.pack.get("open_bounds", ()))


def _after_deadline(doc: Doc, sentence: Span, ans: Span) -> bool:
    """Tell whether a time follows a deadline word ("By the 1970s", "entro il 2030"): a later time holds too."""
    said = doc.text[sentence.start:ans.start].lower().split()
    while said and said[-1] in doc.pack.articles:
        said.pop()
    return bool(said) and said[-1] in doc.pack.get("deadline_words", ())


def _first_number(text: str) -> int | None:
    """Return the first whole number written in figures in ``text`` ("1980s": 1980), or None."""
    m = re.search(r"\d+", text)
    return int(m.group()) if m else None


def _range_partner(doc: Doc, sentence: Span, ans: Span) -> str:
    """Return the other end of the range whose end is ``ans`` ("dai 13 ai ____": "13"), normalised, or ""."""
    words = "|".join(re.escape(w) for w in doc.pack.get("answer_range_words", ()))
    if not words:
        return ""
    articles = "|".join(re.escape(a) for a in doc.pack.articles if a)
    article = rf"(?:(?:{articles})\s+)?" if articles else ""
    before = doc.text[sentence.start:ans.start]
    m = re.search(rf"(?<!\w)(?:{words})\s+{article}(\S+)\s+(?:{words}|-|–)\s+{article}$", before, re.IGNORECASE)
    return normalise(m.group(1)) if m else ""


def _without_partner(options: list[str], partner: str) -> list[str]:
    """Return ``options`` without the one that opens with a range's other end (``_range_partner``)."""
    return [o for o in options if not partner or normalise(o).split()[:1] != [partner]]


def _part_or_whole(doc: Doc, sentence: Span, ans: Span) -> list[float]:
    """Return the part before a whole, or the whole after a part ("832 voti su ____ votanti": 832).

    A wrong whole smaller than its part (786 votes cast for 832 won) is absurd, not a near miss.
    """
    links = "|".join(re.escape(x) for x in doc.pack.get("part_of_whole", ()))
    if not links:
        return []
    before = doc.text[sentence.start:ans.start]
    after = doc.text[ans.end:sentence.end]
    m = re.search(r"(?<![\w.,])(\d[\d.,]*)(?:\s+[^\W\d_]+)?\s+(?:%s)\s+$" % links, before) \
        or re.match(r"(?:\s+[^\W\d_]+)?\s+(?:%s)\s+(\d[\d.,]*)(?![\d])" % links, after)
    value = _number_value(m.group(1).rstrip(".,"), doc.pack) if m else None
    return [value] if value is not None else []


def _measured(amount: str, number: str, pack) -> bool:
    """Tell whether an amount is a measurement written to the hundredth ("9.69 seconds"), not a rounded sum.

    A scale word ("6.15 billion") or a currency ("$4.99") makes the figures a price or
    a rounded total, whose near misses may lie further off.
    """
    dec = pack.get("decimal_sep")
    if dec not in number:
        return False
    # A time to the tenth ("20.7 seconds") is a measurement too: no 15.9 s for a 200 m.
    unit = amount.replace(number, " ").lower().split()[:1]
    if len(number.rsplit(dec, 1)[1]) < 2 and not (unit and unit[0] in pack.get("fine_units", ())):
        return False
    scales = {w for w, v in (pack.get("number_words") or {}).items() if v >= 1000}
    money = {w.lower() for w in pack.get("money_words", ())}
    words = set(amount.lower().replace(number, " ").split()) | set(re.findall(r"[^\w\s.,]", amount))
    return not (words & (scales | money))


# The order is the order of preference: a fact's first question is its main one.
REGISTRY: tuple[QuestionKind, ...] = (MultipleSelect(), Numeric(), ShortAnswer(), SingleChoice(), Cloze(), TrueFalse())
