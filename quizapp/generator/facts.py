"""Find the facts of a document: patterns first, then candidate answer spans.

Each extractor looks at one sentence and returns facts whose evidence is that
sentence. Extractors are listed in ``EXTRACTORS`` in priority order: the answer
spans a "claiming" extractor finds are not offered again by later ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable

import simplemma

from .lang import Pack, load_pack
from .names import PARTICLES, given_names
from .text import Token, normalise, split_sentences, tokenize
from .types import Fact, Span

DATA = Path(__file__).resolve().parent / "data"

_UPPER = "A-ZÀ-ÖØ-Þ"
_ITEM = rf"[{_UPPER}0-9][\w&.'’+-]*(?: [{_UPPER}0-9][\w&.'’+-]*){{0,3}}"
_ACRONYM_RE = re.compile(r"\((?P<acr>[A-Z][A-Za-z0-9&.-]{1,11})(?=[),;])")
_NUMBER_RE = re.compile(r"(?<![\w.,])(?P<num>\d{1,3}(?:[.,\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\w])")
# Characters past which a document counts as long (see concepts()).
LONG_DOCUMENT = 200_000
# Characters past which the document's words are indexed for Doc.mentions instead of searched.
INDEXED_TEXT = 20_000
_MONEY_PREFIX_RE = re.compile(r"[$€£]\s?$")


@dataclass
class Doc:
    """Hold a document being analysed: its text, language pack and sentences."""

    text: str
    pack: Pack
    body_start: int
    sentences: list[Span] = field(init=False)
    paragraph_of: list[int] = field(init=False)
    acronyms: dict[str, str] = field(default_factory=dict)
    # The articles the text writes before each word, read once when an option needs them (kinds._same_article).
    articles_of: dict[str, set[str]] = field(default_factory=dict)
    # The role words the text writes before each name, read once per name (kinds._has_role).
    roles_of: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sentences = split_sentences(self.text, self.body_start, self.pack.abbreviations, self.pack.stopwords)
        para, prev_end, out = 0, self.body_start, []
        for s in self.sentences:
            if "\n" in self.text[prev_end:s.start]:
                para += 1
            out.append(para)
            prev_end = s.end
        self.paragraph_of = out
        self._tokens: dict[int, list[Token]] = {}
        self._verbs: dict[int, list[int]] = {}
        # Whether each word of the text looks like a verb, guessed once per word.
        self._verb_words: dict[str, bool] = {}

    def verbs(self, i: int) -> list[int]:
        """Return the start offsets of the verb-like tokens of sentence ``i`` (cached)."""
        v = self._verbs.get(i)
        if v is None:
            known = self._verb_words
            v = []
            for t in self.tokens(i):
                verb = known.get(t.text)
                if verb is None:
                    verb = known[t.text] = _looks_like_verb(self.pack, t)
                if verb:
                    v.append(t.start)
            self._verbs[i] = v
        return v

    def tokens(self, i: int) -> list[Token]:
        """Return the tokens of sentence ``i`` (cached)."""
        toks = self._tokens.get(i)
        if toks is None:
            s = self.sentences[i]
            toks = self._tokens[i] = tokenize(self.text, s.start, s.end, self.pack.elisions)
        return toks

    @cached_property
    def norm_text(self) -> str:
        """Return the whole text normalised, padded with spaces for whole-word lookups."""
        return " " + normalise(self.text) + " "

    @cached_property
    def sentence_at(self) -> dict[int, int]:
        """Return the index of the (first) sentence starting at each offset."""
        out: dict[int, int] = {}
        for k, s in enumerate(self.sentences):
            out.setdefault(s.start, k)
        return out

    @cached_property
    def _word_index(self) -> tuple[list[str], dict[str, list[int]]]:
        """Return the normalised text's words and where each stands (built once, for a long text's lookups)."""
        words = self.norm_text[1:-1].split(" ")
        where: dict[str, list[int]] = {}
        for k, w in enumerate(words):
            where.setdefault(w, []).append(k)
        return words, where

    def mentions(self, phrase: str) -> bool:
        """Tell whether the document mentions ``phrase`` (normalised, whole words)."""
        n = normalise(phrase)
        if not n:
            return False
        if len(self.text) < INDEXED_TEXT:
            return f" {n} " in self.norm_text
        # The same as the search above, read from the words' positions: a long text is searched for
        # thousands of names.
        words, where = self._word_index
        wanted = n.split(" ")
        rarest = min(range(len(wanted)), key=lambda j: len(where.get(wanted[j], ())))
        m = len(wanted)
        return any(words[k - rarest:k - rarest + m] == wanted for k in where.get(wanted[rarest], ()) if k >= rarest)

    def span(self, start: int, end: int) -> Span:
        """Return the stripped span of the text between ``start`` and ``end``."""
        while start < end and self.text[start] in " \t,;:":
            start += 1
        while end > start and self.text[end - 1] in " \t,;:.":
            end -= 1
        return Span(start, end, self.text[start:end])


# ---------------------------------------------------------------- helpers


def _is_stop(pack: Pack, tok: Token) -> bool:
    """Tell whether a token is a function word of the language."""
    return tok.text.lower().rstrip("'’") in pack.stopwords or tok.text.lower() in pack.stopwords


def _is_article(pack: Pack, tok: Token) -> bool:
    """Tell whether a token is an article (``l’`` counts)."""
    return tok.text.lower().replace("’", "'") in pack.articles


@lru_cache(maxsize=8)
def listed_words(lang: str, what: str) -> frozenset[str]:
    """Return the language's listed words of one part of speech (``data/<lang>_<what>.txt``), empty when none."""
    path = DATA / f"{lang}_{what}.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=200_000)
def verb_like(word: str, lang: str, suffixes: tuple[str, ...]) -> bool:
    """Guess from its lemma, or the language's verb list, whether a lower-case word is a verb (cached per word)."""
    if word in listed_words(lang, "verbs"):
        return True
    if not word.islower() or len(word) < 4 or not word.isalpha():
        return False
    lemma = simplemma.lemmatize(word, lang=lang)
    if not suffixes and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        # "water vapour condenses": a listed verb with the third person's -s, which the
        # lemmatiser leaves alone when it does not know the inflection.
        stems = (word[:-1], word[:-2] if word.endswith("es") else "", word[:-3] + "y" if word.endswith("ies") else "")
        if any(s and s in listed_words(lang, "verbs") for s in stems):
            return True
    if lemma == word:
        return False
    return lemma.endswith(suffixes) if suffixes else word.endswith(("ed", "ing"))


@lru_cache(maxsize=200_000)
def known_word(word: str, lang: str) -> bool:
    """Tell whether the lemmatiser's dictionary knows ``word`` (cached per word)."""
    return simplemma.is_known(word, lang)


@lru_cache(maxsize=4)
def common_words(lang: str, zipf: float = 5.0) -> frozenset[str]:
    """Return the language's very common words (Zipf frequency >= ``zipf``), from wordfreq."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:
        return frozenset()
    cut = 10 ** zipf / 1e9
    return frozenset(w for w, f in get_frequency_dict(lang, "small").items() if f >= cut)


def _looks_like_adverb(pack: Pack, tok: Token) -> bool:
    """Tell whether a lower-case word is an adverb: listed, or made with the language's adverb ending."""
    w = tok.text
    if w in listed_words(pack.code, "adverbs"):
        return True
    ending = pack.get("adverb_ending")
    return bool(ending) and w.islower() and w.endswith(ending) and len(w) >= len(ending) + 4


def _looks_like_verb(pack: Pack, tok: Token) -> bool:
    """Guess whether a lower-case word is an inflected verb, from its lemma or the language's verb shapes."""
    shape = pack.res.get("verb_shape")
    if shape is not None and tok.text.islower() and shape.fullmatch(tok.text):
        return True  # "sottoporla", "trasformandolo": a verb with a pronoun attached
    return verb_like(tok.text, pack.code, pack.verb_suffixes)


def _fact(kind: str, doc: Doc, sent: Span, answers: list[Span], category: str = "", **slots: str) -> Fact:
    """Build a fact whose evidence is ``sent``."""
    text = "; ".join(a.text for a in answers)
    return Fact(kind=kind, text=text, span=sent, answers=tuple(answers), category=category,
                slots=tuple(sorted(slots.items())))


def _split_items(doc: Doc, start: int, end: int, need_article: bool, to_end: bool) -> list[Span]:
    """Split ``text[start:end]`` into list items at commas and conjunctions.

    With ``need_article`` a separator counts only before an article (Italian lists of
    clauses keep their inner commas). Without ``to_end`` the last item stops at the
    first preposition or clause word, so "l’industria con l’obiettivo…" gives "l’industria".
    """
    pack = doc.pack
    toks = tokenize(doc.text, start, end, pack.elisions)
    conj = set(pack.get("list_conjunctions"))
    stoppers = set(pack.get("item_stoppers"))
    items: list[Span] = []
    cur = 0
    i = 0
    while i < len(toks):
        t = toks[i]
        sep_len = 0
        if t.text == ",":
            sep_len = 2 if i + 1 < len(toks) and toks[i + 1].text.lower() in conj else 1
        elif t.text.lower() in conj and i > cur:
            sep_len = 1
        if sep_len and i + sep_len < len(toks):
            nxt = toks[i + sep_len]
            ok = _is_article(pack, nxt) if need_article else True
            if ok and i > cur:
                items.append(doc.span(toks[cur].start, toks[i - 1].end))
                cur = i + sep_len
                i = cur
                continue
        i += 1
    if cur >= len(toks) or not items:
        return []
    last_end = toks[-1].end
    if not to_end:
        limit = max(len(tokenize(doc.text, it.start, it.end, pack.elisions)) for it in items) + 2
        j = cur + 1
        while j < len(toks) and j - cur < limit:
            tj = toks[j]
            if tj.text.lower() in stoppers or (not tj.is_word and not tj.is_number and tj.text not in "-'’&"):
                break
            j += 1
        last_end = toks[j - 1].end
    items.append(doc.span(toks[cur].start, last_end))
    return [it for it in items if it.text]


# ---------------------------------------------------------------- extractors

Extractor = Callable[[Doc, int, Span], list[Fact]]


def acronyms(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Find "Long Name (ACR)" and return the expansion as an acronym fact."""
    out = []
    skip = set(doc.pack.get("acronym_skip_words"))
    for m in _ACRONYM_RE.finditer(doc.text, sent.start, sent.end):
        acr = m.group("acr")
        # "Banca centrale europea (Bce)": a capitalised acronym counts when its words' initials spell it.
        capitalised = sum(ch.isupper() for ch in acr) < 2
        if capitalised and not (len(acr) >= 3 and acr[:1].isupper() and acr[1:].isalpha() and acr[1:].islower()):
            continue
        toks = tokenize(doc.text, _window_start(doc.text, sent.start, m.start()), m.start(), doc.pack.elisions)[-14:]
        # Keep only the words after the last punctuation mark: the name does not cross one.
        words: list[Token] = []
        for t in reversed(toks):
            if not (t.is_word or t.is_number):
                break
            words.insert(0, t)
        starts = [k for k, t in enumerate(words) if t.text[0].upper() == acr[0].upper() and t.is_capitalised]
        if not starts:
            continue
        # The shortest name that spells the acronym ("... winner Marlee Matlin provided American
        # Sign Language (ASL)"); else, for acronyms of another language (PZPR), the longest.
        # A name whose words' initials are the acronym's letters comes first: "Athletic Association"
        # spells "AAA" with a letter from inside a word; "Amateur Athletic Association" is the name.
        letters = [ch for ch in acr.upper() if ch.isalpha()]
        first = next((k for k in reversed(starts)
                      if [t.text[0].upper() for t in words[k:] if t.text.lower() not in skip] == letters), None)
        if first is None and capitalised:
            continue
        if first is None:
            first = next((k for k in reversed(starts)
                          if _spells(acr, doc.text[words[k].start:words[-1].end])), starts[0])
        name = words[first:]
        content = [t for t in name if t.text.lower() not in skip]
        if len(content) < 2:
            continue
        exp = doc.span(name[0].start, name[-1].end)
        doc.acronyms.setdefault(acr, exp.text)
        out.append(_fact("acronym", doc, sent, [exp], acronym=acr))
    return out


# Characters before "(ACR)" that hold the 14 words a name may have, with room to spare.
ACRONYM_WINDOW = 600
_SPACE_RE = re.compile(r"\s")


def _window_start(text: str, start: int, end: int) -> int:
    """Return where to start reading the words before ``end``: at most ACRONYM_WINDOW characters back.

    Tokenizing from the sentence start for every "(ACR)" is quadratic in one
    giant sentence full of acronyms; the window keeps it linear. A window that
    starts inside a word moves to the next space, so no half word is read.
    """
    low = end - ACRONYM_WINDOW
    if low <= start:
        return start
    space = _SPACE_RE.search(text, low, end)
    return space.end() if space else end


def _spells(acronym: str, name: str) -> bool:
    """Tell whether the acronym's letters appear in order in ``name``, the first one starting it."""
    letters = [ch.lower() for ch in acronym if ch.isalnum()]
    text = name.lower()
    if not letters or not text.startswith(letters[0]):
        return False
    pos = 1
    for ch in letters[1:]:
        pos = text.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def _group_with_referent(doc: Doc, group: str) -> str:
    """Name the referent after an anaphora ("tale iniziativa (CASIP)") when the document has one acronym."""
    if len(doc.acronyms) >= 1:
        acr = next(iter(doc.acronyms))
        for ana in doc.pack.get("anaphora"):
            k = group.lower().find(ana)
            if k >= 0:
                e = k + len(ana)
                return group[:e] + f" ({acr})" + group[e:]
    return group


def _capital_lists(doc: Doc, sent: Span):
    """Yield (match start, item spans) for lists of capitalised names in a sentence."""
    conj = "|".join(re.escape(c) for c in doc.pack.get("list_conjunctions"))
    rx = _list_re(conj)
    for m in rx.finditer(doc.text, sent.start, sent.end):
        items = re.split(rf",\s*(?:(?:{conj})\s+)?|\s+(?:{conj})\s+", m.group())
        spans, pos = [], m.start()
        for it in items:
            # A name may end in a dot (S.p.A.), but a final full stop belongs to the sentence.
            it = it[:-1] if it.endswith(".") and not re.search(r"\.\w\.$", it) else it
            k = doc.text.index(it, pos)
            spans.append(Span(k, k + len(it), it))
            pos = k + len(it)
        yield m.start(), spans


_LIST_CACHE: dict[str, re.Pattern] = {}


def _list_re(conj: str) -> re.Pattern:
    """Return the compiled "A, B, C and D" pattern for a set of conjunctions."""
    rx = _LIST_CACHE.get(conj)
    if rx is None:
        rx = _LIST_CACHE[conj] = re.compile(
            rf"(?<![\w-]){_ITEM}(?:,\s+{_ITEM})*,?\s+(?:{conj})\s+{_ITEM}(?![\w-])")
    return rx


def _sound_items(doc: Doc, items: list[Span]) -> list[Span] | None:
    """Return a list's items without a leading capitalised function word ("On"), or None when they are not one list.

    Items that mix bare numbers with names ("1979, Spain and Portugal") or that cut
    through brackets ("NBA (Los Angeles Lakers") are pieces of a sentence, not a list.
    """
    first = items[0].text.split(" ", 1)
    if len(first) == 2 and first[0][:1].isupper() and first[0].lower() in doc.pack.stopwords:
        items = [doc.span(items[0].start + len(first[0]) + 1, items[0].end), *items[1:]]
    numeric = [it.text[:1].isdecimal() for it in items]
    if any(numeric) and not all(numeric):
        return None
    if any(it.text.count("(") != it.text.count(")") or ";" in it.text for it in items):
        return None
    return items


# Punctuation that ends one item or clause before another begins.
_PARTED = re.compile(r"[,;:«»“”\"]")


def _complement_before(doc: Doc, prefix: str) -> bool:
    """Tell whether a list opens after "of" ("most of the crew of | the Patricia … and Captain Brannen").

    Its first name then completes another noun, and is no member of the group.
    """
    links = {link for link in doc.pack.get("phrase_links", ()) if link.split()[0] not in doc.pack.get(
        "list_conjunctions", ())}
    words = prefix.lower().replace("’", "'").split()
    return " ".join(words[-2:]) in links or (bool(words) and words[-1] in links)


def members(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Find named members of a group: "tra le aziende … vi sono A, B, C e D"."""
    out = []
    for start, items in _capital_lists(doc, sent):
        items = _sound_items(doc, items)
        if items is None:
            continue
        prefix = doc.text[sent.start:start]
        for rx in doc.pack.res["member"]:
            m = None
            for m in rx.finditer(prefix):
                pass
            # The group names this list only when nothing parts them: "figurano «Al mercato …», affidata a
            # Togliani …, «Sotto il mandorlo», firmata da Testoni e Panzeri" lists songs, not the two writers.
            if m is not None and not _PARTED.search(prefix, m.end()) and not _complement_before(doc, prefix):
                group = f"{m.group('art')} {m.group('group')}".strip()
                out.append(_fact("members", doc, sent, items, group=_group_with_referent(doc, group)))
                break
        else:
            if len(items) >= 3:
                out.append(_fact("list", doc, sent, items))
    return out


def benefits(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Find listed advantages or drawbacks: "tra i punti di forza … vi sono X, Y e Z"."""
    for rx in doc.pack.res["benefit"]:
        m = rx.search(doc.text, sent.start, sent.end)
        if not m:
            continue
        items = _split_items(doc, m.end(), sent.end, doc.pack.get("list_items_need_article"), to_end=True)
        if len(items) < 2:
            continue
        head = m.group("head")
        kind = "drawbacks" if any(w in head.lower() for w in doc.pack.get("drawback_words")) else "benefits"
        return [_fact(kind, doc, sent, items, head=head, art=m.group("art"))]
    return []


def verb_lists(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Find lists governed by a verb: "riunisce il governo, il mondo accademico e l’industria"."""
    out = []
    toks = doc.tokens(i)
    need_article = doc.pack.get("list_items_need_article")
    starts = {t.start: k for k, t in enumerate(toks)}
    for m in doc.pack.res["list_verb"].finditer(doc.text, sent.start, sent.end):
        k = starts.get(m.end())
        if k is None:
            continue
        nxt = toks[k]
        if need_article and not _is_article(doc.pack, nxt):
            continue
        items = _split_items(doc, nxt.start, sent.end, need_article, to_end=False)
        items = _sound_items(doc, items) if items else None
        if items and 2 <= len(items) <= 8:
            out.append(_fact("list", doc, sent, items, verb=m.group().strip()))
    return out


def deadlines(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Find target years: "entro il 2030", "by 2030"."""
    out = []
    for rx in doc.pack.res["deadline"]:
        for m in rx.finditer(doc.text, sent.start, sent.end):
            year = Span(m.start("year"), m.end("year"), m.group("year"))
            goal = ""
            for g in doc.pack.res["goal"]:
                gm = None
                for gm in g.finditer(doc.text, sent.start, m.start()):
                    pass
                if gm:
                    goal = doc.text[gm.end():m.start()].strip(" ,;")
                    if len(goal.split()) > 20 or "," in goal:
                        goal = ""
                    break
            out.append(_fact("target_year", doc, sent, [year], goal=goal))
    return out


def goals(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Find stated goals: "con l’obiettivo di …", "aims to …"."""
    out = []
    for rx in doc.pack.res["goal"]:
        for m in rx.finditer(doc.text, sent.start, sent.end):
            end = sent.end
            for stop in doc.pack.res["deadline"]:
                dm = stop.search(doc.text, m.end(), sent.end)
                if dm:
                    end = min(end, dm.start())
            for ch in (",", ";", ":"):
                k = doc.text.find(ch, m.end(), end)
                if k >= 0:
                    end = k
            clause = doc.span(m.end(), end)
            if 2 <= len(clause.text.split()) <= 25:
                out.append(_fact("goal", doc, sent, [clause]))
    return out


def definitions(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Find definitions: "X è un …", "X is a …"."""
    body = sent.text.rstrip(" .")
    m = doc.pack.res["definition"].match(body)
    if not m:
        return []
    term = m.group("term")
    if normalise(term) in doc.pack.stopwords or len(term) < 3:
        return []
    ds = sent.start + m.start("definition")
    de = sent.start + m.end("definition")
    for ch in (",", ";", ":", " che ", " which ", " who "):
        k = doc.text.find(ch, ds, de)
        if k > ds + 8:
            de = k
    defn = doc.span(ds, de)
    if len(defn.text.split()) < 2:
        return []
    return [_fact("definition", doc, sent, [defn], term=term[:1].lower() + term[1:] if term.split()[0].lower() in doc.pack.articles else term)]


def nationalities(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Find a country's adjective said of something ("il governo cinese", "the French president").

    Never inside a name ("Rivoluzione francese", "the Indian Ocean"): a capitalised
    word before it (not opening the sentence) or, in English, after it makes it one.
    """
    from .distractors import demonyms

    forms = demonyms(doc.pack.code)
    toks = doc.tokens(i)
    out = []
    for k, tok in enumerate(toks):
        if tok.text.lower() not in forms or (doc.pack.code == "it" and not tok.text.islower()):
            continue
        before = toks[k - 1].text if k > 0 else ""
        after = toks[k + 1].text if k + 1 < len(toks) else ""
        if (k > 1 and before[:1].isupper()) or (doc.pack.code != "it" and after[:1].isupper()):
            continue
        # "The 35-year-old Swiss needed …": in English an adjective used as a noun has no swap ("Spanish").
        if doc.pack.get("demonym_before_noun") and not (k + 1 < len(toks) and after.isalpha() and after.islower()
                                                         and not _looks_like_verb(doc.pack, toks[k + 1])):
            continue
        out.append(_fact("nationality", doc, sent, [Span(tok.start, tok.end, tok.text)]))
    return out


def _first_matches(patterns: list[re.Pattern], doc: Doc, sent: Span) -> list[re.Match]:
    """Return the patterns' matches in ``sent``, earlier patterns first, none overlapping another."""
    out: list[re.Match] = []
    for rx in patterns:
        for m in rx.finditer(doc.text, sent.start, sent.end):
            if not any(o.start() < m.end() and m.start() < o.end() for o in out):
                out.append(m)
    return out


def ranges(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Find ranges of numbers or years: "1963-1989", "7 to 10 percent", "da 10 a 15 milioni"."""
    return [_fact("range", doc, sent, [doc.span(m.start(), m.end())]) for m in _first_matches(doc.pack.res["range"], doc, sent)]


@lru_cache(maxsize=8)
def _numbering(words: tuple[str, ...]) -> re.Pattern:
    """Return the pattern of a numbering word right before a number ("numero ", "No. ", "n° ")."""
    if not words:
        return re.compile(r"(?!)")
    alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(r"(?<![\w'’])(?:%s)\.?\s*$" % alternation, re.IGNORECASE)


def _numbered(doc: Doc, start: int) -> bool:
    """Tell whether the number at ``start`` is a serial number ("la legge … numero 1075"): a label, no fact."""
    pattern = _numbering(tuple(doc.pack.get("numbering_words", ())))
    return bool(pattern.search(doc.text, max(0, start - 12), start))


def dates(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Find dates and years of events."""
    found = _first_matches(doc.pack.res["date"], doc, sent)
    out = [_fact("date", doc, sent, [Span(m.start(), m.end(), m.group())]) for m in found]
    toks = doc.tokens(i)
    in_names = {toks[j].start for j in range(len(toks)) if _name_number(doc, toks, j)}
    for m in doc.pack.res["year"].finditer(doc.text, sent.start, sent.end):
        if any(d.start() <= m.start() < d.end() for d in found) or m.start() in in_names or _numbered(doc, m.start()):
            continue
        out.append(_fact("year", doc, sent, [Span(m.start(), m.end(), m.group())]))
    return out


def quantities(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Find numbers with units, percentages and money."""
    out = []
    unit_re = doc.pack.res["unit"]
    money = set(doc.pack.get("money_words"))
    percent = set(doc.pack.get("percent_words"))
    year_re = doc.pack.res["year"]
    tail_re = doc.pack.res["unit_tail"]
    toks = doc.tokens(i)
    in_names = {toks[j].start for j in range(len(toks)) if _name_number(doc, toks, j)}
    for m in _NUMBER_RE.finditer(doc.text, sent.start, sent.end):
        num = m.group("num")
        if m.start() in in_names or _numbered(doc, m.start()):
            continue
        um = unit_re.match(doc.text, m.end(), sent.end)
        unit = um.group().strip() if um else ""
        # The amount as written, unit and currency included, is the answer a reader gives.
        a0, a1 = m.start(), um.end() if um else m.end()
        tm = tail_re.match(doc.text, a1, sent.end) if tail_re is not None and um else None
        a1 = tm.end() if tm else a1
        prefix = doc.text[max(sent.start, m.start() - 2):m.start()]
        pm = _MONEY_PREFIX_RE.search(prefix)
        if pm:
            unit = prefix.strip()
            a0 = max(sent.start, m.start() - 2) + pm.start()
        if year_re.fullmatch(num) and not unit:
            continue
        kind = "percentage" if unit in percent else "money" if unit in money else "quantity" if unit else "number"
        if kind == "number" and len(num) < 2:
            continue
        out.append(_fact(kind, doc, sent, [Span(m.start(), m.end(), num)], unit=unit, amount=doc.text[a0:a1]))
    rx = doc.pack.res.get("number_word")
    ambiguous = set(doc.pack.get("ambiguous_number_words", ()))
    if rx is not None:
        for m in rx.finditer(doc.text, sent.start, sent.end):
            # "the Hundred Years' War", "i Trecento": a capitalised number word inside a sentence is a name.
            if m.group()[:1].isupper() and m.start() > sent.start:
                continue
            # "2,5 per cento": the word of a percent sign is no number of its own.
            if any(doc.text[max(0, m.end() - len(w)):m.end()].lower() == w for w in percent if " " in w):
                continue
            um = unit_re.match(doc.text, m.end(), sent.end)
            unit = um.group().strip() if um else ""
            # "soffiano venti regolari": a number word that is also a noun counts only with its unit.
            if not unit and m.group().lower() in ambiguous:
                continue
            out.append(_fact("quantity" if unit else "number", doc, sent, [Span(m.start(), m.end(), m.group())], unit=unit,
                             amount=doc.text[m.start():um.end() if um else m.end()]))
    return out


_QUOTED_RE = re.compile(r"[\"“«](?P<q>[^\"“”«»\n]{2,80})[\"”»]")


def quoted(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Offer a short quoted phrase (a title, a name, a slogan) as one answer."""
    out = []
    for m in _QUOTED_RE.finditer(doc.text, sent.start, sent.end):
        inner = doc.span(m.start("q"), m.end("q"))
        words = inner.text.split()
        # A quoted sentence is a citation, not an answer; a lone quoted word stays with the other candidates.
        if 2 <= len(words) <= 8 and any(ch.isalpha() for ch in inner.text) and inner.text[-1:] not in ".!?":
            out.append(_fact("quote", doc, sent, [inner]))
    return out


@lru_cache(maxsize=8)
def _person_words(code: str) -> frozenset[str]:
    """Return the titles and roles written before a person's name ("cardinale", "pianist"), read once per language."""
    pack = load_pack(code)
    return frozenset((*pack.get("person_titles"), *pack.get("person_roles", ())))


def _entity_category(doc: Doc, toks: list[Token], k0: int, k1: int, lexicon_lookup) -> str:
    """Guess the category of the capitalised run ``toks[k0:k1]``."""
    name = doc.text[toks[k0].start:toks[k1 - 1].end]
    cat = lexicon_lookup(name, doc.pack.code)
    if cat:
        return cat
    words = {t.text.lower() for t in toks[k0:k1]}
    if words & set(doc.pack.get("org_words")):
        return "organization"
    if toks[k1 - 1].text in doc.pack.get("place_heads", ()):
        return "place"  # "Dorothy Chandler Pavilion", named after a person, is a building
    prev = toks[k0 - 1].text.lower() if k0 > 0 else ""
    people = _person_words(doc.pack.code)
    # "il cardinale protodiacono Pericle Felici", "the gospel singer Mahalia Jackson", "The band's
    # pianist, Lil Hardin": a word or a comma may stand between.
    before = toks[k0 - 2].text.lower() if k0 > 1 else ""
    # "the 21st Infantry": an ordinal's letters are no "St" before a name.
    if k0 > 1 and toks[k0 - 2].is_number and toks[k0 - 2].end == toks[k0 - 1].start:
        prev = ""
    # "Mrs. Oveta Culp Hobby": an abbreviated title keeps its dot (an initial after it is no name: "Mr. P.").
    # ("l'Assemblea generale delle Nazioni Unite": a grammar word between says the title is another's.)
    if prev in people or (((prev.islower() and prev not in doc.pack.stopwords) or prev == ","
                           or (prev == "." and len(name) > 2)) and before in people):
        return "person"
    if prev in doc.pack.get("place_preps"):
        # "da Giovanni Keplero": a given name and a surname are a person whatever the preposition.
        person = k1 - k0 == 2 and toks[k0].text in given_names() and toks[k1 - 1].text not in given_names()
        return "person" if person else "place"
    return "entity"


def entities(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Find runs of capitalised words: organisations, people, places, countries."""
    from .distractors import lexicon_category

    toks = doc.tokens(i)
    connectors = set(doc.pack.get("name_connectors"))
    # Titles that start place names too ("San Francisco", "Saint Peter's Basilica") stay in the name.
    kept_titles = frozenset(doc.pack.get("titles_kept_in_names", ()))
    titles = set(doc.pack.get("person_titles")) - kept_titles
    # "Hikari No. 1", "Sinfonia n. 9": a number's abbreviation inside a name.
    numbering = frozenset(doc.pack.get("number_abbreviations", ()))
    # "the Kinetoscope of Mr. Edison": a name runs on through "of", never into an honorific.
    honorifics = frozenset(doc.pack.get("honorifics", ()))
    # Months and weekdays are capitalised in English but are dates, not names.
    calendar = set(doc.pack.get("months")) | set(doc.pack.get("weekdays", ()))
    centuries = doc.pack.get("century_names", {})
    out = []
    n = len(toks)
    # The sentence's first word, after a bullet or a quotation mark ("- A Ferrara governavano …"):
    # capitalised because it opens the sentence, not because it is a name.
    first = next((x for x, t in enumerate(toks) if t.is_word), 0)
    k = first + 1 if first < n and toks[first].text.lower() in doc.pack.get("sentence_openers", ()) else 0
    while k < n:
        t = toks[k]
        if not (t.is_word and t.is_capitalised) or (k == first and _is_stop(doc.pack, t)) or _is_article(doc.pack, t):
            k += 1
            continue
        j = k + 1
        # "Nell'Ottocento Louis Pasteur": a century by its name is a name of its own.
        while j < n and t.text not in centuries:
            tj = toks[j]
            if tj.is_word and tj.is_capitalised:
                j += 1
            elif _initial_dot(toks, j, kept_titles):
                j += 1
            elif tj.is_word and _ARABIC_ARTICLE.fullmatch(tj.text):
                j += 1  # "Abu Ishaq al-Sahili", "Salah ad-Din": the article binds the name after it
            elif tj.text == "." and toks[j - 1].text.lower() in numbering and j + 1 < n and toks[j + 1].is_number:
                j += 2  # "Hikari No. 1": the number's abbreviation and the number end the name
                break
            elif _name_number(doc, toks, j):
                j += 1
                break
            elif surname_end := _particles_to_surname(toks, k, j, connectors):
                j = surname_end
            elif (tj.text.lower() in connectors or tj.text in "-&") and j + 1 < n and toks[j + 1].is_capitalised \
                    and toks[j + 1].is_word and toks[j + 1].text.lower() not in honorifics \
                    and not _agent_after(toks, k, j) and not _place_after_full_name(toks, k, j) \
                    and not _initial_dot(toks, j + 2, kept_titles) and _epithet_link(doc, toks, k, j):
                # "ai Mondiali di St. Moritz": a saint's abbreviated name after "di" is a place of its own.
                j += 2
            else:
                break
        if k == first and j == first + 1 and known_word(t.text.lower(), doc.pack.code):
            k = j
            continue
        start, end = k, j
        # "Kenya's Brigid Kosgei": the owner is context, the name after it the answer; one word
        # after it is the name's own end ("Saint Peter's Basilica").
        for p in range(end - 3, k - 1, -1):
            if toks[p].text.endswith(("'s", "’s")) and toks[p + 1].is_capitalised and toks[p + 2].is_capitalised:
                start = p + 1
                break
        # "Mayor Laura Jennings", "Peruvian President Alejandro Toledo": the title is the
        # question's context, the name after it the answer.
        titled = False
        for p in range(min(end - 3, k + 2), start - 1, -1):
            if toks[p].text.lower().rstrip(".") in titles:
                start, titled = p + 1, True
                break
        # "Mr Ahern": an honorific before a surname alone is no part of it either.
        if not titled and end - start == 2 and toks[start].text.lower().rstrip(".") in honorifics:
            start, titled = start + 1, True
        # "Captain Scott's British expedition": a titled name ends at its owner's "'s", which stays
        # in the sentence ("Captain ____'s British expedition": Scott).
        stop = toks[end - 1].end
        if titled:
            end = next((p + 1 for p in range(start, end - 1) if toks[p].text.endswith(("'s", "’s"))), end)
            stop = toks[end - 1].end - (2 if toks[end - 1].text.endswith(("'s", "’s")) else 0)
        if not titled:
            start = _after_title_complement(doc, toks, start, end, titles)
        # "The Norwegian Viktor Hovland": a nationality before a given name describes the person.
        if end - start >= 3 and toks[start].text.lower() in doc.pack.get("nationality_words", ()) \
                and toks[start + 1].text in given_names():
            start += 1
        words = [x.text.lower() for x in toks[start:end] if x.is_word]
        # "The Prince of Wales": the title and its "of …" are one name; "of Wales" alone is none.
        # (A given name opens a person's name, however many particles: "Johannes Diderik van der Waals".)
        if all(w in calendar for w in words) or (_title_case(doc, words) and toks[start].text not in given_names()) \
                or not toks[start].is_capitalised:
            k = j
            continue
        # A title makes a person; an owner ("the Moon's South Pole") says nothing of the name's kind.
        cat = "person" if titled else _entity_category(doc, toks, start, end, lexicon_category)
        out.append(_fact(cat, doc, sent, [Span(toks[start].start, stop, doc.text[toks[start].start:stop])]))
        k = j
    return out


# The Arabic article before a name's last part, lower case and hyphenated ("al-Sahili", "ad-Din").
_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|at|az|an|ash|ath|adh)-[A-ZÀ-Ý][\w'’-]*")


def _particles_to_surname(toks: list[Token], k: int, j: int, connectors: set[str]) -> int:
    """Return where a person's name ends when family-name particles lead on to the surname, else 0.

    "Johannes Diderik van der Waals", "Ludwig van Beethoven" in Italian: after a given name,
    lower-case particles of another language (``names.PARTICLES``, not all the text's own
    ``connectors``, which link names their own way: "Pavilion di Los Angeles") and a
    capitalised word are one name.
    """
    m = j
    while m < len(toks) and toks[m].text in PARTICLES:
        m += 1
    if m == j or m >= len(toks) or not (toks[m].is_word and toks[m].is_capitalised) \
            or toks[k].text not in given_names() or all(t.text in connectors for t in toks[j:m]):
        return 0
    return m + 1


def _epithet_link(doc: Doc, toks: list[Token], k: int, j: int) -> bool:
    """Tell whether an article between two capitalised runs joins them into one name ("Pliny the Elder").

    Other link words always join. An article joins a given name to anything ("Richard the
    Lionheart") and a name to a word of the language ("Frederick the Wise"), never a
    place to what follows it ("At Koblenz the Moselle flows", "In London the FTSE 100 fell").
    """
    if toks[j].text.lower() not in doc.pack.articles:
        return True
    # "On Monday the King placed his brother …": a day or a month is no name an epithet follows.
    if toks[j - 1].text.lower() in doc.pack.get("weekdays", ()) or toks[j - 1].text.lower() in doc.pack.get("months", ()):
        return False
    if j == k + 1 and toks[k].text in given_names():
        return True
    placed = k > 0 and toks[k - 1].text.lower() in doc.pack.get("place_preps", ())
    return not placed and known_word(toks[j + 1].text.lower(), doc.pack.code)


def _agent_after(toks: list[Token], k: int, j: int) -> bool:
    """Tell whether the connector ``toks[j]`` leads to another person's full name ("il Seicento da Giovanni Keplero").

    "Leonardo da Vinci" is one name: it opens with a given name and goes on with a place.
    """
    return j + 2 < len(toks) and toks[j + 1].text in given_names() and toks[j + 2].is_capitalised \
        and toks[j + 2].is_word and toks[k].text not in given_names()


def _place_after_full_name(toks: list[Token], k: int, j: int) -> bool:
    """Tell whether the connector ``toks[j]`` ends a full name and leads to a place ("Joe Biden of Delaware").

    A given name alone and its place are one name ("Leonardo da Vinci"); after a given
    name and a surname the place says where the person comes from.
    """
    return any(toks[p].text in given_names() for p in range(k, j - 1))


def _after_title_complement(doc: Doc, toks: list[Token], start: int, end: int, titles: set[str]) -> int:
    """Return where the person's name starts after a title's complement ("presidente della Repubblica Sergio …").

    "il presidente della Repubblica Sergio Mattarella": "Repubblica" completes the
    title, and the name is the given name on; without the title before it ("Piazza
    Giuseppe Garibaldi") the run is one name.
    """
    before = doc.text[max(0, toks[start].start - 40):toks[start].start].lower().split()
    connectors = set(doc.pack.get("name_connectors", ())) | set(doc.pack.articles)
    while before and (before[-1] in connectors or before[-1].rstrip("'’") + "'" in connectors):
        before.pop()
    if not before or before[-1].rstrip(".") not in titles:
        return start
    for p in range(start + 1, end - 1):
        if toks[p].text in given_names():
            return p
    return start


# A four-digit number this small right after a name is part of the name, not a year.
EARLIEST_NAMED_YEAR = 1200


def _name_number(doc: Doc, toks: list[Token], j: int) -> bool:
    """Tell whether the number ``toks[j]`` belongs to the name before it ("Datsun 810", "Super Bowl 50")."""
    t = toks[j]
    # A year is a date, not a name's number, unless it is too early to be the year meant
    # after a name ("Masters 1000", "Formula 1000").
    if not t.is_number or j == 0 or not t.text.isdecimal() or (
            doc.pack.res["year"].fullmatch(t.text) and int(t.text) >= EARLIEST_NAMED_YEAR):
        return False
    prev = toks[j - 1]
    if not (prev.is_word and prev.is_capitalised and prev.end + 1 == t.start) or _is_stop(doc.pack, prev):
        return False
    if j == 1 or prev.text.lower() in doc.pack.get("months") or prev.text.lower() in doc.pack.get("weekdays", ()):
        return False
    # A unit after it makes it a quantity: "Rome 2 km away" is not a name.
    return not doc.pack.res["unit"].match(doc.text, t.end)


def _initial_dot(toks: list[Token], j: int, kept_titles: frozenset[str] = frozenset()) -> bool:
    """Tell whether ``toks[j]`` is the dot of an initial inside a name ("John C. Messenger", "St. Moritz")."""
    if j + 1 >= len(toks) or toks[j].text != ".":
        return False
    letter, nxt = toks[j - 1], toks[j + 1]
    initial = len(letter.text) == 1 and letter.text.isupper() or letter.text.lower() in kept_titles
    return (initial and letter.text[:1].isupper() and letter.end == toks[j].start
            and nxt.is_word and nxt.is_capitalised)


def _title_case(doc: Doc, words: list[str]) -> bool:
    """Tell whether a long capitalised run is a headline in title case, not a name."""
    if len(words) < 5:
        return False
    common = common_words(doc.pack.code, 4.0)
    return sum(1 for w in words if w in common) >= 2


def concepts(doc: Doc, i: int, sent: Span) -> list[Fact]:
    """Offer runs of content words (noun-phrase-like chunks) as candidate answers."""
    toks = doc.tokens(i)
    out = []
    run: list[Token] = []

    # Long documents skip a wider band of common lone words: the time budget is per megabyte.
    common = common_words(doc.pack.code, 4.5 if len(doc.text) > LONG_DOCUMENT else 5.0)

    singular = set(doc.pack.get("singular_articles", ()))
    plural_end = doc.pack.get("plural_ending", "")

    def flush() -> None:
        # A lone very common word ("tempo", "part") is almost never worth asking.
        if len(run) == 1 and run[0].text.lower() in common:
            run.clear()
        # "A warm front forms when…": after "a", a last word in the plural is the verb.
        # k0 (the enclosing loop's) is still the run's first token here.
        if len(run) >= 3 and plural_end and k0 and toks[k0 - 1].text.lower() in singular:
            last = run[-1].text
            if last.islower() and last.endswith(plural_end) and not last.endswith(("ss", "us", "is")):
                run.pop()
        if run and any(t.is_word for t in run):
            words = run[:5] if len(run) <= 5 else run[-3:]
            if not all(t.is_capitalised for t in words):
                out.append(_fact("concept", doc, sent, [Span(words[0].start, words[-1].end,
                                                             doc.text[words[0].start:words[-1].end])]))
        run.clear()

    runs: list[tuple[int, int]] = []
    k0 = None
    verbs = set(doc.verbs(i)) | _clause_verbs(doc, toks, set(doc.verbs(i)))
    for k, t in enumerate(toks):
        # Verbs and adverbs end a noun phrase: "manufacturing typically involves" offers "manufacturing".
        if (t.is_word or t.is_number) and not _is_stop(doc.pack, t) and t.start not in verbs \
                and not _looks_like_adverb(doc.pack, t):
            run.append(t)
            k0 = k if k0 is None else k0
        else:
            flush()
            if k0 is not None:
                runs.append((k0, k))
            k0 = None
    flush()
    if k0 is not None:
        runs.append((k0, len(toks)))
    # Longer noun phrases ("prezzo del petrolio", "Battle of Jumonville Glen") and pairs
    # ("police and the armed forces"): two runs joined by a genitive or a conjunction,
    # offered beside the short ones; the ranker picks.
    links = set(doc.pack.get("phrase_links"))
    conj = set(doc.pack.get("list_conjunctions"))
    for (a0, a1), (b0, b1) in zip(runs, runs[1:]):
        gap = [t.text.lower() for t in toks[a1:b0]]
        if 1 <= len(gap) <= 2 and " ".join(gap).replace("’", "'") in links and (b1 - a0) <= 7:
            first, last = toks[a0], toks[b1 - 1]
            kind = "pair" if gap[0] in conj else "phrase"
            out.append(_fact(kind, doc, sent, [Span(first.start, last.end, doc.text[first.start:last.end])]))
    return out


def _plural(word: str, ending: str) -> bool:
    """Tell whether a lower-case word ends like a plural ("electrons"), not like "glass", "virus", "axis"."""
    return word.endswith(ending) and not word.endswith(("ss", "us", "is")) and len(word) > len(ending) + 2


def _clause_verbs(doc: Doc, toks: list[Token], verbs: set[int]) -> set[int]:
    """Return the starts of words that are the verb of a clause with no verb before them ("free electrons drift in").

    English nouns and verbs share their forms: "The supply curve shifts when…",
    "The demand curve slopes downwards", "unsold goods pile up". In a clause that
    opens the sentence, follows a colon or one of the language's
    ``subject_clause_openers`` ("when", "how") and holds no known verb up to its
    next comma, the last word of the subject's noun run that agrees as a verb
    (the first bare form after a plural, else the last third-person -s after a
    singular noun) is that clause's verb, and the noun phrase ends before it. An
    -s word followed by punctuation ("tiny air sacs,") is left a noun.
    """
    openers = set(doc.pack.get("subject_clause_openers", ()))
    ending = doc.pack.get("plural_ending", "")
    if not openers or not ending:
        return set()
    modifiers = set(doc.pack.get("answer_modifiers", ()))
    out: set[int] = set()
    n = len(toks)
    # A clause starts the sentence, or follows a colon or semicolon, or opens with an opener;
    # after a plain comma come list items ("heat waves, storm surges and floods").
    starts = [0] + [j + 1 for j in range(n - 1) if toks[j].text in ";:"] + \
        [j for j in range(1, n) if toks[j].text.lower() in openers]
    for k in sorted(set(starts)):
        end = k
        while end < n and toks[end].text not in ",;:()" and (end == k or toks[end].text.lower() not in openers):
            end += 1
        whole_clause_free = not any(toks[j].start in verbs for j in range(k, end))
        auxiliaries = set(doc.pack.get("auxiliaries", ()))
        found, bare_found = None, None
        helped = False
        for j in range(k + 1, min(end + 1, n)):
            w, prev = toks[j].text, toks[j - 1]
            nxt = toks[j + 1] if j + 1 < n else None
            if prev.text.lower() in auxiliaries:
                helped = True  # "Why does a cup of coffee cost more": the bare form after its subject
            if j >= end or (toks[j].start in verbs and w.lower() not in auxiliaries):
                break
            if not (w.isalpha() and w.islower() and len(w) >= 3 and prev.is_word) \
                    or w in doc.pack.stopwords or (prev.text.lower() in doc.pack.stopwords
                                                   and prev.text.lower() not in modifiers):
                continue
            p = prev.text.lower()
            # The head before "of" agrees with the verb: "the conditions of production change".
            head = toks[j - 3].text.lower() if j >= 3 and toks[j - 2].text.lower() == "of" else \
                toks[j - 4].text.lower() if j >= 4 and toks[j - 3].text.lower() == "of" else ""
            third = _plural(w, ending) and not p.endswith(ending) and nxt is not None and nxt.is_word
            bare = (not w.endswith(ending) and not w.endswith("ly") and known_word(w, doc.pack.code)
                    and (_plural(p, ending) or _plural(head, ending) or (helped and not p.endswith(ending))))
            if bare and bare_found is None and (nxt is None or nxt.is_word or nxt.text in ",.?!"):
                bare_found = j
            elif third and whole_clause_free:
                found = j
        # "Economists answer questions": a bare form after a plural comes first, unless a listed
        # verb's third person comes before it ("convection drives sea breezes": not "sea").
        found = bare_found if bare_found is not None else found
        if found is not None:
            out.add(toks[found].start)
    return out


# Order matters: earlier extractors claim their answer spans first.
EXTRACTORS: tuple[tuple[Extractor, bool], ...] = (
    (acronyms, True),
    (members, True),
    (benefits, False),
    (verb_lists, True),
    (deadlines, True),
    (goals, False),
    (definitions, False),
    (ranges, True),
    (dates, True),
    (quantities, True),
    (quoted, True),
    (nationalities, False),
    (entities, True),
    (concepts, True),
)


def extract_facts(doc: Doc) -> list[Fact]:
    """Return the document's facts in text order, without duplicate answers."""
    facts: list[Fact] = []
    for i, sent in enumerate(doc.sentences):
        claimed: list[tuple[int, int]] = []
        seen: set[tuple] = set()
        for extractor, claims in EXTRACTORS:
            # Spans claimed by earlier extractors only: one extractor may offer overlapping spans.
            before = list(claimed)
            for f in extractor(doc, i, sent):
                key = (f.kind, tuple((a.start, a.end) for a in f.answers))
                if key in seen:
                    continue
                if any(a.start < e and s < a.end for a in f.answers for s, e in before):
                    continue
                seen.add(key)
                facts.append(f)
                if claims:
                    claimed.extend((a.start, a.end) for a in f.answers)
    return facts
