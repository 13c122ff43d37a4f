"""Order facts by how worth asking they are, with a small learned linear model.

The weights live in ``data/ranker.json`` and are learned from the development
data by ``bench/train_ranker.py`` (linear models, cross-validated across
articles). Scoring is a plain dot product, so run time needs no numeric library.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from .facts import Doc, known_word, verb_like
from .text import normalise
from .types import Fact

_WEIGHTS = Path(__file__).resolve().parent / "data" / "ranker.json"

# Used until weights are learned, and for fact kinds the data never showed.
_DEFAULT_KIND_PRIOR = {
    "members": 3.0, "target_year": 2.6, "acronym": 2.4, "benefits": 2.2, "drawbacks": 2.2, "list": 1.6,
    "definition": 1.5, "goal": 1.2, "date": 1.2, "year": 1.0, "percentage": 0.9, "money": 0.9,
    "quantity": 0.8, "number": 0.3, "country": 0.6, "organization": 0.6, "person": 0.7, "place": 0.5,
    "entity": 0.4, "concept": 0.0,
}


# Facts found by the document-structure patterns are what a teacher asks first, but
# the reading-comprehension data rarely shows them, so the model cannot learn that.
# A list governed by a verb ("riunisce il governo, il mondo accademico e l'industria",
# "sfida il Giappone e l'Occidente") says whom the subject brings together or takes on.
PATTERN_BONUS = {"members": 4.0, "target_year": 3.5, "acronym": 3.0, "benefits": 3.0, "drawbacks": 3.0,
                 "verb_list": 1.5}


def pattern_key(fact: Fact) -> str:
    """Return the key of a fact's pattern bonus: its kind, or "verb_list" for a list a verb governs."""
    return "verb_list" if fact.kind == "list" and fact.slot("verb") else fact.kind


_OVERRIDE: dict[str, dict[str, float]] = {}


@lru_cache(maxsize=4)
def _shipped(lang: str) -> dict[str, float]:
    """Return the shipped weights for ``lang``, or kind priors when none ship."""
    if _WEIGHTS.exists():
        data = json.loads(_WEIGHTS.read_text(encoding="utf-8"))
        if lang in data.get("weights", {}):
            return data["weights"][lang]
    return {f"kind={k}": v for k, v in _DEFAULT_KIND_PRIOR.items()}


def weights(lang: str) -> dict[str, float]:
    """Return the model's weights for ``lang``."""
    return _OVERRIDE.get(lang) or _shipped(lang)


@lru_cache(maxsize=4)
def _zipf(lang: str) -> dict[str, float]:
    """Return word -> Zipf frequency (log10 per billion words) from wordfreq's small list."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # the ranker still works, with a weaker signal
        return {}
    return {w: math.log10(f * 1e9) for w, f in get_frequency_dict(lang, "small").items()}


def _verbish(doc: Doc, word: str) -> bool:
    """Guess from its lemma whether a word of the text is an inflected verb."""
    w = word.strip(".,;:()\"'«»“”").lower()
    return verb_like(w, doc.pack.code, doc.pack.verb_suffixes)


def features(doc: Doc, fact: Fact, sent_index: int, para_sentences: int, para_first: int,
             counts: dict[str, int], word_counts: dict[str, int], rank_in_sent: int) -> dict[str, float]:
    """Return the features of one fact, from its main answer and where it sits."""
    ans = fact.answers[0] if fact.answers else fact.span
    words = ans.text.split()
    n = len(words)
    pos_in_para = sent_index - para_first
    rel_in_sent = (ans.start - fact.span.start) / max(1, len(fact.span.text))
    known = sum(1 for w in words if known_word(w.lower(), doc.pack.code)) / max(1, n)
    prev = doc.text[max(fact.span.start, ans.start - 25):ans.start].split()
    prev_word = normalise(prev[-1]) if prev else ""
    after = doc.text[ans.end:min(fact.span.end, ans.end + 25)].split()
    next_word = normalise(after[0]) if after else ""
    nxt = doc.text[ans.end:ans.end + 2]
    key = normalise(ans.text)
    zipf = _zipf(doc.pack.code)
    norm_words = key.split()
    content = [w for w in norm_words if w not in doc.pack.stopwords] or norm_words
    freqs = [zipf.get(w, 0.0) for w in content] or [0.0]
    reps = [word_counts.get(w, 1) for w in content] or [1]
    kind = fact.kind
    length = min(n, 6)
    f = {
        f"kind={kind}": 1.0,
        f"len={length}": 1.0,
        f"kind_len={kind}:{length}": 1.0,
        "chars_log": math.log1p(len(ans.text)),
        "sent_first": 1.0 if pos_in_para == 0 else 0.0,
        f"kind_first={kind}:{pos_in_para == 0}": 1.0,
        "sent_rel": pos_in_para / max(1, para_sentences),
        "in_sent_rel": rel_in_sent,
        f"rank_in_sent={min(rank_in_sent, 8)}": 1.0,
        "cap": 1.0 if ans.text[:1].isupper() else 0.0,
        "all_caps": 1.0 if ans.text.isupper() and len(ans.text) > 1 else 0.0,
        "digit": 1.0 if any(ch.isdecimal() for ch in ans.text) else 0.0,
        "known": known,
        "zipf_min": min(freqs) / 7,
        "zipf_mean": sum(freqs) / len(freqs) / 7,
        "zipf_unknown": sum(1 for x in freqs if x == 0.0) / len(freqs),
        "para_rep_max": math.log(max(reps)),
        "para_rep_mean": sum(math.log(r) for r in reps) / len(reps),
        "prev_stop": 1.0 if prev_word in doc.pack.stopwords else 0.0,
        "prev_cap": 1.0 if prev and prev[-1][:1].isupper() else 0.0,
        "next_punct": 1.0 if nxt[:1] in ",.;:)" else 0.0,
        "sent_end": 1.0 if ans.end >= fact.span.end - 1 else 0.0,
        "repeat": math.log1p(counts.get(key, 1) - 1),
        "items": math.log1p(len(fact.answers)),
        "sent_len_log": math.log1p(len(fact.span.text.split())),
        "paren": 1.0 if doc.text[ans.start - 1:ans.start] == "(" else 0.0,
        "quoted": 1.0 if doc.text[ans.start - 1:ans.start] in "\"«“'‘" else 0.0,
        "bias": 1.0,
    }
    if prev_word in doc.pack.stopwords:
        f[f"prev={prev_word}"] = 1.0
        f[f"kind_prev={kind}:{prev_word}"] = 1.0
    if next_word in doc.pack.stopwords:
        f[f"next={next_word}"] = 1.0
    # Role in the sentence, roughly: is there a verb before the answer (object) or not (subject)?
    verbs = doc.verbs(sent_index)
    f["verb_before"] = 1.0 if verbs and verbs[0] < ans.start else 0.0
    f[f"kind_verb_before={kind}:{f['verb_before']}"] = 1.0
    if len(prev) >= 2:
        bigram = normalise(" ".join(prev[-2:]))
        if all(w in doc.pack.stopwords or _verbish(doc, w) for w in bigram.split()):
            f[f"prev2={bigram}"] = 1.0
    f["last_zipf"] = (zipf.get(norm_words[-1], 0.0) if norm_words else 0.0) / 7
    f["caps_ratio"] = sum(1 for w in words if w[:1].isupper()) / max(1, n)
    # Conjunctions let the linear model weigh rarity and position differently per kind.
    zb = min(int(min(freqs)), 7)
    f[f"kind_zipf={kind}:{zb}"] = 1.0
    f[f"len_zipf={length}:{zb}"] = 1.0
    f[f"kind_pos={kind}:{min(pos_in_para, 4)}"] = 1.0
    f[f"kind_cap={kind}:{ans.text[:1].isupper()}"] = 1.0
    f[f"kind_rep={kind}:{min(max(reps), 4)}"] = 1.0
    return f


def score(feats: dict[str, float], lang: str, pattern: str = "") -> float:
    """Return the model's probability that a fact's answer is one a person would ask for."""
    w = weights(lang)
    z = PATTERN_BONUS.get(pattern, 0.0)
    get = w.get
    for k, v in feats.items():
        z += get(k, 0.0) * v
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fact_features(doc: Doc, facts: list[Fact], sent_index_of: dict[tuple[int, int], int],
                  wanted: set[int] | None = None):
    """Yield the features of every fact, in order (the training script uses these too).

    With ``wanted``, only those facts' features are computed; the others yield None.
    """
    counts: dict[str, int] = {}
    for f in facts:
        for a in f.answers[:1]:
            k = normalise(a.text)
            counts[k] = counts.get(k, 0) + 1
    # Repetition is counted within the paragraph, as in the training data (where a document
    # is one paragraph): over a whole article, the topic's words would outweigh everything.
    word_counts: dict[int, dict[str, int]] = {}
    for s, p in zip(doc.sentences, doc.paragraph_of):
        wc = word_counts.setdefault(p, {})
        for w in normalise(s.text).split():
            wc[w] = wc.get(w, 0) + 1
    seen_in_sent: dict[int, int] = {}
    para_bounds: dict[int, tuple[int, int]] = {}
    for i, p in enumerate(doc.paragraph_of):
        lo, hi = para_bounds.get(p, (i, i))
        para_bounds[p] = (min(lo, i), max(hi, i))
    for k, f in enumerate(facts):
        si = sent_index_of[(f.span.start, f.span.end)]
        lo, hi = para_bounds[doc.paragraph_of[si]]
        r = seen_in_sent.get(si, 0)
        seen_in_sent[si] = r + 1
        if wanted is None or k in wanted:
            yield features(doc, f, si, hi - lo + 1, lo, counts, word_counts[doc.paragraph_of[si]], r)
        else:
            yield None


def prior(fact: Fact, lang: str) -> float:
    """Return a cheap first guess at a fact's score: the model's weights for its kind and length alone."""
    w = weights(lang)
    ans = fact.answers[0] if fact.answers else fact.span
    length = min(len(ans.text.split()), 6)
    return (PATTERN_BONUS.get(pattern_key(fact), 0.0) + w.get(f"kind={fact.kind}", 0.0) + w.get(f"len={length}", 0.0)
            + w.get(f"kind_len={fact.kind}:{length}", 0.0))


def score_facts(doc: Doc, facts: list[Fact], sent_index_of: dict[tuple[int, int], int],
                keep: int | None = None) -> list[float]:
    """Return a score for every fact; with ``keep``, only the best ``keep`` by prior get more than 0.

    Computing all features costs ~50 µs a fact; a 1 MB text has ~45,000 candidates, of
    which only the few thousand asked about need a precise score.
    """
    lang = doc.pack.code
    wanted = None
    if keep is not None and len(facts) > keep:
        priors = [prior(f, lang) for f in facts]
        wanted = set(sorted(range(len(facts)), key=priors.__getitem__, reverse=True)[:keep])
    return [0.0 if x is None else score(x, lang, pattern_key(f))
            for f, x in zip(facts, fact_features(doc, facts, sent_index_of, wanted))]


def use_weights(lang: str, w: dict[str, float] | None) -> None:
    """Replace the weights for ``lang`` (None restores the shipped ones); for training and evaluation only."""
    if w is None:
        _OVERRIDE.pop(lang, None)
    else:
        _OVERRIDE[lang] = w
