"""Turn an Italian or English document into a quiz whose answers are grounded in the text.

Pure library: no web framework, database or other quizapp module is imported here.

    from quizapp.generator import generate_quiz
    draft = generate_quiz(text)            # language detected, questions most important first
    draft.questions[0].to_dict()           # kind, prompt, options, correct, evidence, ...
"""

from __future__ import annotations

import heapq
from dataclasses import replace
from collections.abc import Callable
import re

from .assemble import TYPED_KINDS, Item, give_away, narrowed_evidence, pick
from .facts import Doc, common_words, extract_facts
from .invariants import problems
from .kinds import REGISTRY, Context
from .lang import SUPPORTED, guess_language, language_name, load_pack
from .lang import detect_language as _detect_language
from .match import answers_match
from .pool import Pool
from .rank import score_facts
from .siblings import Siblings
from .named import NamedTerms
from .text import dateline_date, normalise, read_header, shorten
from .types import Fact, QuestionDraft, QuizDraft, Span
from .worth import DOCUMENT_SENTENCES, MAX_WEIGHT, Weigher

__all__ = [
    "generate_quiz", "requoted", "TYPED_KINDS", "EmptyDocument", "UnsupportedLanguage", "detect_language", "read_header",
    "answers_match", "assemble_quiz", "pick_quiz", "narrowed_evidence", "gives_away", "QuizDraft", "QuestionDraft", "Fact", "Span", "Item", "QUIZ_SIZE",
]

# The longest quotation an explanation holds (as kinds.Context.explanation writes it).
EXPLANATION_CHARS = 300
# Tests set this to see internal errors instead of losing one fact's questions.
STRICT = False
# A question from a sentence that already has k questions counts this much less, per k
# (1.0: no penalty; measured best once overlapping answers are deferred).
SENTENCE_PENALTY = 1.0


_ANY_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


# Facts asked about when no max_questions is given; a 1 MB text has ~50,000 candidate facts.
MAX_FACTS_ASKED = 1500
# Of a long document's candidates, this many times the facts asked get a full score.
PREFILTER = 8
# The questions a teacher sees first form a quiz of this size, assembled by the quiz rules,
# in a text of at least HEAD_MIN_SENTENCES sentences.
QUIZ_SIZE = 10
HEAD_MIN_SENTENCES = DOCUMENT_SENTENCES
# A word at least this common (Zipf scale, wordfreq's small list) is everyday language: as a
# blank's whole key it waits for every other question ("meadow" 3.6; "micropyle" is not listed).
EVERYDAY_ZIPF = 3.0


class EmptyDocument(ValueError):
    """Raised when the document has no text to ask about."""


class UnsupportedLanguage(ValueError):
    """Raised when the document is not in Italian or English; the message names the language."""


def detect_language(text: str) -> str | None:
    """Return "it" or "en" for the text's language, or None for any other."""
    return _detect_language(text)


def _title(doc: Doc) -> str:
    """Return a short title: the first heading line, else the first sentence, trimmed."""
    return shorten(_heading(doc), 80)


def _heading(doc: Doc) -> str:
    """Return the first heading line whole, else the first sentence (the title's words weigh facts)."""
    if not doc.sentences:
        return ""
    first = doc.sentences[0]
    line_end = doc.text.find("\n", first.start)
    line = doc.text[first.start:line_end if line_end >= 0 else len(doc.text)].strip()
    if line and len(line) <= 100 and line[-1] not in ".!?…":
        return line
    return first.text


def _language(text: str, lang: str | None) -> str:
    """Return the supported language code to use, or raise UnsupportedLanguage."""
    if lang is not None:
        code = str(lang).strip().lower()
        if code not in SUPPORTED:
            raise UnsupportedLanguage(f"unsupported language: {language_name(code)} ({code!r}); supported: it, en")
        return code
    guess = guess_language(text)
    if guess not in SUPPORTED:
        raise UnsupportedLanguage(f"unsupported language: {language_name(guess)}; supported: Italian (it), English (en)")
    return guess


def _order(questions: list[QuestionDraft], sentence_of: list[int], stopwords: frozenset = frozenset(),
           spread: bool = False) -> tuple[list[QuestionDraft], list[QuestionDraft]]:
    """Order questions by score; with ``spread``, defer those whose answer overlaps one already asked.

    Returns (ordered, deferred). A lazy heap keeps the sentence penalty O(n log n).
    """
    used: dict[int, int] = {}
    heap = [(-q.score, k, 0) for k, q in enumerate(questions)]
    heapq.heapify(heap)
    out: list[QuestionDraft] = []
    deferred: list[QuestionDraft] = []
    # Inverted index of the answers already asked: word -> ids of answers, and their sizes.
    asked_by_word: dict[str, list[int]] = {}
    asked_sizes: list[int] = []
    while heap:
        neg, k, seen_uses = heapq.heappop(heap)
        s = sentence_of[k]
        uses = used.get(s, 0)
        if uses != seen_uses:
            heapq.heappush(heap, (-questions[k].score * SENTENCE_PENALTY ** uses, k, uses))
            continue
        q = questions[k]
        if spread:
            words = {w for a in q.answer_texts for w in normalise(a).split() if w not in stopwords}
            if not words:
                words = {normalise(a) for a in q.answer_texts}
            # Two answers sharing half their words test nearly the same thing: ask the better one first.
            shared: dict[int, int] = {}
            for w in words:
                for j in asked_by_word.get(w, ()):
                    shared[j] = shared.get(j, 0) + 1
            if any(c * 2 >= min(len(words), asked_sizes[j]) for j, c in shared.items()):
                deferred.append(q)
                continue
            for w in words:
                asked_by_word.setdefault(w, []).append(len(asked_sizes))
            asked_sizes.append(len(words))
        used[s] = uses + 1
        out.append(q)
    return out, deferred


def generate_quiz(text: str, lang: str | None = None, max_questions: int | None = None, seed: int = 0,
                  progress: Callable[[float], None] | None = None) -> QuizDraft:
    """Return a quiz drafted from ``text``: facts, then questions grounded in evidence spans.

    Raises EmptyDocument for empty or whitespace text and UnsupportedLanguage for a
    language other than Italian or English; nothing else escapes (not even from
    ``progress``, which is called now and then with the fraction done, 0 to 1).
    """
    if not isinstance(text, str) or not text.strip():
        raise EmptyDocument("the document is empty")
    published, body_start = read_header(text)
    if not text[body_start:].strip():
        raise EmptyDocument("the document has a header but no text")
    code = _language(text[body_start:], lang)
    try:
        return _generate(text, code, published, body_start, max_questions, seed, _safe(progress))
    except (EmptyDocument, UnsupportedLanguage):
        raise
    except Exception:
        if STRICT:
            raise
        # The contract promises only the two errors above: degrade to a quiz without questions.
        return QuizDraft(language=code, published=published, title=shorten(text[body_start:].strip(), 80),
                         facts=(), questions=())


def _safe(progress: Callable[[float], None] | None) -> Callable[[float], None]:
    """Return a progress callback that never raises, so a caller's reporting cannot break a draft."""

    def report(fraction: float) -> None:
        if progress is not None:
            try:
                progress(fraction)
            except Exception:
                if STRICT:
                    raise

    return report


def _as_int(value) -> int:
    """Return ``value`` as a non-negative int (a bad value counts as no limit)."""
    try:
        return max(0, int(value))
    except (TypeError, ValueError, OverflowError):
        return MAX_FACTS_ASKED


def _generate(text: str, code: str, published, body_start: int, max_questions: int | None, seed: int,
              progress: Callable[[float], None]) -> QuizDraft:
    """Do the work of generate_quiz once the inputs are checked."""
    try:
        seed = int(seed)
    except (TypeError, ValueError):
        seed = 0
    doc = Doc(text=text, pack=load_pack(code), body_start=body_start)
    progress(0.05)
    facts = extract_facts(doc)
    progress(0.5)
    sent_index = {(s.start, s.end): i for i, s in enumerate(doc.sentences)}
    # Writing questions is the costly step: in a long document only the best facts are asked.
    limit = MAX_FACTS_ASKED if max_questions is None else max(60, 4 * _as_int(max_questions))
    scores = score_facts(doc, facts, sent_index, keep=PREFILTER * limit)
    # A report without a date header is dated by its dateline ("BOMBAY, April 7, 1930 –").
    published = published or dateline_date(text[body_start:], doc.pack.get("months"))
    weigher = Weigher(doc, _heading(doc), published.year if published else None)
    scores = _weighted(facts, scores, weigher, sent_index, limit)
    # Every year the text mentions, in any role, is kept out of the near-miss distractors.
    years = {int(y) for y in _ANY_YEAR.findall(text)}
    ctx = Context(doc=doc, seed=seed, years=years, pool=Pool(facts), published=published,
                  siblings=Siblings(facts, doc.pack, text), named=NamedTerms(doc.pack, text))

    primary: list[QuestionDraft] = []
    secondary: list[QuestionDraft] = []
    seen: set[tuple] = set()
    kept_facts: list[Fact] = []
    chosen = sorted(range(len(facts)), key=lambda k: -scores[k])[:limit] if len(facts) > limit else range(len(facts))
    progress(0.6)
    chosen = sorted(chosen)
    for done, k in enumerate(chosen):
        if done % 20 == 0:
            progress(0.6 + 0.35 * done / len(chosen))
        f, sc = facts[k], scores[k]
        index = len(kept_facts)
        made: list[QuestionDraft] = []
        for kind in REGISTRY:
            try:
                qs = kind.build(ctx, f, index)
            except Exception:
                if STRICT:
                    raise
                qs = []
            for q in qs:
                key = (q.kind, q.answer_texts, q.prompt)
                if key in seen or problems(q, text, doc.pack.articles):
                    continue
                seen.add(key)
                made.append(QuestionDraft(**{**q.__dict__, "score": sc}))
        if not made:
            continue
        kept_facts.append(Fact(**{**f.__dict__, "score": sc}))
        primary.append(made[0])
        secondary.extend(made[1:])

    def sentence(q: QuestionDraft) -> int:
        return sent_index.get((q.evidence.start, q.evidence.end), -1)

    ordered = []
    asked: set[tuple] = set()
    # The same answer asked the same way from two sentences is one question too many.
    first, deferred = _order(primary, [sentence(q) for q in primary], doc.pack.stopwords, spread=True)
    rest = secondary + deferred
    later, _ = _order(rest, [sentence(q) for q in rest])
    for q in first + later:
        key = (q.kind, q.prompt if q.kind == "true_false" else tuple(normalise(a) for a in q.answer_texts))
        if key not in asked:
            asked.add(key)
            ordered.append(q)
    # A document long enough to hold a quiz opens with one, picked by the quiz rules and asked
    # best first. A shorter text (a paragraph) cannot give ten questions a sentence each
    # without leaks: it keeps the ranked order, and quiz building applies the rules.
    if len(doc.sentences) >= HEAD_MIN_SENTENCES:
        head = sorted(assemble_quiz(ordered, QUIZ_SIZE, doc.pack.articles, code), key=lambda k: -ordered[k].score)
        # Two questions of one sentence each quote their side of it, so neither shows the other's answer.
        for k, (lo, hi) in narrowed_evidence(_items(ordered), head).items():
            ev = ordered[k].evidence
            ordered[k] = replace(ordered[k], evidence=Span(ev.start + lo, ev.start + hi, ev.text[lo:hi]),
                                 explanation=requoted(ordered[k].explanation, ev.text[lo:hi]))
        taken = set(head)
        ordered = [ordered[k] for k in head] + [q for k, q in enumerate(ordered) if k not in taken]
    if max_questions is not None:
        ordered = ordered[:_as_int(max_questions)]
    return QuizDraft(language=code, published=published, title=_title(doc),
                     facts=tuple(kept_facts), questions=tuple(ordered))


def _weighted(facts: list[Fact], raw: list[float], weigher: Weigher, sent_index: dict, limit: int) -> list[float]:
    """Return each fact's ranker score times its worth weight; 0 for a fact that cannot reach the ``limit`` best.

    A long text has thousands more candidates than facts asked: they are weighed best
    first, and weighing stops once a fact's score times the greatest weight
    (``MAX_WEIGHT``) falls below the ``limit``-th best weighted score, which no fact
    after it can then reach (the facts asked are the same as weighing every one).
    """
    out = [0.0] * len(facts)
    best: list[float] = []  # the ``limit`` best weighted scores so far, least first (a heap)
    for k in sorted(range(len(facts)), key=lambda k: -raw[k]):
        if not raw[k] or (len(best) >= limit and raw[k] * MAX_WEIGHT < best[0]):
            break
        f = facts[k]
        out[k] = raw[k] * weigher.weight(f, sent_index[(f.span.start, f.span.end)])
        if len(best) < limit:
            heapq.heappush(best, out[k])
        elif out[k] > best[0]:
            heapq.heapreplace(best, out[k])
    return out


def assemble_quiz(questions: list[QuestionDraft], size: int = QUIZ_SIZE, articles: tuple[str, ...] = (),
                  lang: str | None = None) -> list[int]:
    """Return the indices of up to ``size`` of ``questions`` that make a sound quiz, best first.

    See ``assemble.pick`` for the rules (kinds mixed, one fact and one sentence
    once, no cross-leaks).
    """
    return pick(_items(questions), size, articles, _everyday(lang))


def _items(questions: list[QuestionDraft]) -> list[Item]:
    """Return the questions as quiz assembly sees them."""
    return [Item(kind=q.kind, prompt=q.prompt, options=q.options, answers=q.answer_texts, evidence=q.evidence.text,
                 sentence=q.evidence.start, fact=q.fact_index,
                 truth=(q.correct == (0,)) if q.kind == "true_false" else None, score=q.score,
                 accepted=tuple(str(a) for a in q.correct) if q.kind in TYPED_KINDS else ()) for q in questions]


def requoted(explanation: str, evidence: str) -> str:
    """Return a generated explanation ("The text says: "…"") quoting ``evidence`` instead, or it unchanged.

    A question whose evidence was narrowed to its side of a sentence must not quote the
    whole sentence, with another question's answer, in its explanation.
    """
    m = re.search(r":\s*([«\"“])(.*)([»\"”])\s*$", explanation, flags=re.DOTALL)
    if not m:
        return explanation
    return explanation[:m.start(2)] + shorten(evidence, EXPLANATION_CHARS) + explanation[m.end(2):]


def pick_quiz(items: list[Item], size: int = QUIZ_SIZE, lang: str | None = None) -> list[int]:
    """Return the indices of up to ``size`` stored questions (as ``Item``) that make a sound quiz, best first."""
    articles = load_pack(lang).articles if lang in SUPPORTED else ()
    return pick(items, size, articles, _everyday(lang))


def _everyday(lang: str | None) -> frozenset[str]:
    """Return the words of everyday ``lang`` that a blank should not ask for alone."""
    return common_words(lang, EVERYDAY_ZIPF) if lang in SUPPORTED else frozenset()


def gives_away(first: Item, second: Item, lang: str | None = None) -> str:
    """Return the answer of one question that the other's prompt, options or evidence holds, or ""."""
    return give_away(first, second, load_pack(lang).articles if lang in SUPPORTED else ())

