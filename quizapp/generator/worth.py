"""Weigh how worth asking a fact is for a teacher, beyond what the learned ranker sees.

The ranker learns which spans people ask about in single paragraphs. Over a whole
document a teacher also weighs what the text is about: a fact in the lead or in a
sentence full of the text's key terms matters more, while the document's own
topic or title as a blank, a generic word, who reported the news, a conversion in
brackets and the inside of a long list are not worth a question. Each rule is a
multiplier on the ranker's score; the cue words are data in the language packs.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .facts import Doc
from .text import normalise
from .types import Fact

# Facts found by the document-structure patterns ask about the topic on purpose
# ("what does CASIP stand for?"): the topic rule does not apply to them.
_STRUCTURAL = {"acronym", "definition", "members", "benefits", "drawbacks", "target_year", "goal"}
TOPIC = 0.25
GENERIC = 0.35
REPORTING = 0.15
BRACKETED_AMOUNT = 0.15
BRACKETED = 0.5
LIST_INSIDE = 0.6
LEAD = 1.15
HEADING = 0.2
LONG_BLANK = 0.3
# "i tre scienziati", "i due climatologi": a small count written in words only restates the sentence.
SMALL_COUNT = 0.4
# Longer answers make a blank nobody can fill word for word.
LONG_BLANK_WORDS = 6
# How much a sentence's share of the document's key terms moves its facts.
CENTRALITY = 0.3
# Mean Zipf frequency (wordfreq) above which a short lower-case answer is a generic word:
# "gruppo" 5.6, "livello globale" 4.9; "potenza automobilistica" 4.1 is a term worth asking.
GENERIC_ZIPF = 4.4


_SENTENCE_BREAK = re.compile(r"[a-z]{3}\. [A-Z]|\d \w{1,3}\. [A-Z]")


@lru_cache(maxsize=16384)
def _zipf(word: str, lang: str) -> float:
    """Return how common ``word`` is in ``lang`` (Zipf scale: 7 for "the", 3 for a rare word)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    return zipf_frequency(word, lang, wordlist="small")


@lru_cache(maxsize=8)
def _cue(pattern: str) -> re.Pattern | None:
    """Compile a pack's cue pattern once."""
    return re.compile(pattern, re.IGNORECASE) if pattern else None


class Weigher:
    """Hold what a document says about itself (title, topic terms, key words) to weigh its facts."""

    def __init__(self, doc: Doc, title: str):
        self.doc = doc
        pack = doc.pack
        content = [w for s in doc.sentences for w in set(normalise(s.text).split())
                   if w not in pack.stopwords and len(w) > 2 and not w.isdigit()]
        self.df = Counter(content)
        self.title = f" {normalise(title)} "
        top = [w for w, c in self.df.most_common(3) if c >= 3]
        self.topic = set(top)
        self.centrality = [self._centrality(i) for i in range(len(doc.sentences))]
        self.headings = {i for i, sent in enumerate(doc.sentences) if self._heading(sent)}
        wh = pack.get("worth", {})
        self.before = _cue(wh.get("reporting_before", ""))
        self.after = _cue(wh.get("reporting_after", ""))

    def _heading(self, sent) -> bool:
        """Tell whether a sentence is a heading: a line of its own without final punctuation."""
        text = self.doc.text
        line_start = text.rfind("\n", 0, sent.start) + 1
        line_end = text.find("\n", sent.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
        return line == text[sent.start:sent.end].strip() and line[-1:] not in ".!?…:;»”\""

    def _centrality(self, i: int) -> float:
        """Return the share, 0..1, of sentence ``i``'s words that recur across the document."""
        words = {w for w in normalise(self.doc.sentences[i].text).split()
                 if w not in self.doc.pack.stopwords and len(w) > 2}
        if not words or len(self.doc.sentences) < 4:
            return 0.5
        return sum(1 for w in words if self.df[w] >= 2) / len(words)

    def weight(self, fact: Fact, sentence: int) -> float:
        """Return the multiplier for ``fact``'s score (1.0: no opinion)."""
        if not fact.answers:
            return 1.0
        doc, ans = self.doc, fact.answers[0]
        w = 1.0 - CENTRALITY / 2 + CENTRALITY * self.centrality[sentence]
        if sentence < 2 and len(doc.sentences) >= 6:
            w *= LEAD
        if sentence in self.headings and fact.kind not in _STRUCTURAL:
            w *= HEADING
        core = [x for x in normalise(ans.text).split() if x not in doc.pack.articles]
        if not core:
            return w
        joined = " ".join(core)
        if fact.kind not in _STRUCTURAL and (f" {joined} " in self.title or (len(core) == 1 and joined in self.topic)):
            w *= TOPIC
        if _SENTENCE_BREAK.search(ans.text):
            return 0.0  # "490 N. On the Moon": the sentence was split too late
        if len(ans.text.split()) > LONG_BLANK_WORDS and fact.kind not in ("members", "benefits", "drawbacks", "acronym",
                                                                           "definition", "quote"):
            w *= LONG_BLANK
        words = doc.pack.get("number_words") or {}
        if fact.kind in ("number", "quantity") and words.get(ans.text.lower(), 100) <= 12:
            w *= SMALL_COUNT
        content = [x for x in core if x not in doc.pack.stopwords]
        if (fact.kind in ("concept", "phrase", "entity", "pair") and content and len(content) <= 2
                and ans.text[:1].islower()
                and sum(_zipf(x, doc.pack.code) for x in content) / len(content) >= GENERIC_ZIPF):
            w *= GENERIC
        before = doc.text[fact.span.start:ans.start]
        after = doc.text[ans.end:fact.span.end]
        if (self.before and self.before.search(before[-40:])) or (self.after and self.after.match(after[:40])):
            w *= REPORTING
        opened = before.rfind("(")
        if opened >= 0 and ")" not in before[opened:]:
            w *= BRACKETED_AMOUNT if any(ch.isdigit() for ch in ans.text) else BRACKETED
        if before.rstrip().endswith(",") and after.lstrip().startswith(","):
            w *= LIST_INSIDE
        return w
