"""Read the header, split sentences and tokens, and normalise strings for comparison."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .types import Span

# "date 2014-11-13" or "date: 2014-11-13", as the review set's news items write it.
_HEADER_RE = re.compile(r"\A\s*date(?:[ \t]*:[ \t]*|[ \t]+)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\d-])[ \t]*:?\s*", re.IGNORECASE)
# The same line under a one-line title ("Astronomers capture first image…\ndate: 2019-04-10").
_TITLED_HEADER_RE = re.compile(r"\A[ \t]*[^\n]{1,300}\n[ \t]*date(?:[ \t]*:[ \t]*|[ \t]+)(\d{4})-(\d{1,2})"
                               r"(?:-(\d{1,2}))?[ \t]*$", re.IGNORECASE | re.MULTILINE)

# Apostrophes and quotes vary by keyboard; compare them as one.
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_PUNCT_RE = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")
# Combining marks (accents) left by NFKD decomposition.
_COMBINING_RE = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# A token: a number (with separators), a word (with inner hyphens/apostrophes), or one other character.
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*['’]?|[^\s]", re.UNICODE)

# Where a sentence may end: terminal punctuation, closing quotes, then space.
_SENT_END_RE = re.compile(r"[.!?…]+[\"»”’)\]]*\s+")
_LINE_RE = re.compile(r"[^\n]+")


def read_header(text: str) -> tuple[_dt.date | None, int]:
    """Return the date of a leading ``date YYYY-MM[-DD]`` header and where the body starts.

    Under a one-line title the date line is read too, and the text stays whole
    (body at 0): the title is part of what the generator reads.
    """
    if not isinstance(text, str):
        return None, 0
    m = _HEADER_RE.match(text)
    end = m.end() if m else 0
    if not m:
        m = _TITLED_HEADER_RE.match(text)
        if not m or _HEADER_RE.match(text[:m.start(1)].split("\n", 1)[0]):
            return None, 0
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
    try:
        published = _dt.date(year, month, day)
    except ValueError:
        # A malformed header is still a header line, but it carries no usable date.
        return None, 0
    return published, end


def dateline_date(text: str, months: list[str]) -> _dt.date | None:
    """Return the date of a report's dateline in its first lines ("BOMBAY, April 7, 1930 –"), or None.

    Months are read by name or by their first letters ("Feb.", "Sept.").
    """
    m = _DATELINE_DATE.search(text[:DATELINE_REACH])
    if not m:
        return None
    day, name, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    name = name.lower()
    month = next((k for k, full in enumerate(months, 1) if full == name or (len(name) >= 3 and full.startswith(name))),
                 None)
    try:
        return _dt.date(int(year), month, int(day)) if month else None
    except ValueError:
        return None


# How far into a text its dateline may stand (under a headline).
DATELINE_REACH = 400
# "ROMA, 12 dicembre 1936 –", "SANREMO, 1° febbraio 1951 –", "MIAMI BEACH, Fla., Feb. 26, 1964 –".
_DATELINE_DATE = re.compile(
    r"^[A-ZÀ-Ý][^\n,]{0,40}(?:,[^\n,]{0,20})?,\s*(?:(\d{1,2})[°º]?\s+([^\W\d_]+)\.?,?\s+(\d{4})"
    r"|([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4}))\s*[–—-]", re.MULTILINE)


@lru_cache(maxsize=65536)
def normalise(s: str) -> str:
    """Return ``s`` casefolded, without accents, punctuation or repeated spaces."""
    s = s.translate(_APOS).casefold()
    if not s.isascii():
        s = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", s))
    s = _PUNCT_RE.sub(" ", s.replace("_", " "))
    return _SPACE_RE.sub(" ", s).strip()


def strip_article(s: str, articles: tuple[str, ...]) -> str:
    """Return normalised ``s`` without a leading article."""
    n = normalise(s)
    for art in articles:
        a = normalise(art)
        if a and n.startswith(a + " "):
            return n[len(a) + 1:]
    return n


@dataclass(frozen=True, slots=True)
class Token:
    """One token with its offsets in the original text."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        """Tell whether the token is made of letters."""
        return self.text[:1].isalpha()

    @property
    def is_number(self) -> bool:
        """Tell whether the token is a number."""
        return self.text[:1].isdecimal()

    @property
    def is_capitalised(self) -> bool:
        """Tell whether the token starts with an upper-case letter."""
        return self.text[:1].isupper()


def tokenize(text: str, start: int, end: int, elisions: frozenset[str] = frozenset()) -> list[Token]:
    """Split ``text[start:end]`` into tokens, separating elided articles (``l’auto``)."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text, start, end):
        t = m.group()
        if elisions and ("'" in t or "’" in t):
            cut = max(t.find("'"), t.find("’"))
            head = t[:cut].lower()
            if head in elisions and cut + 1 <= len(t):
                out.append(Token(m.start(), m.start() + cut + 1, t[:cut + 1]))
                if cut + 1 < len(t):
                    out.append(Token(m.start() + cut + 1, m.end(), t[cut + 1:]))
                continue
        out.append(Token(m.start(), m.end(), t))
    return out


def split_sentences(text: str, start: int, abbreviations: frozenset[str],
                    function_words: frozenset[str] = frozenset()) -> list[Span]:
    """Split ``text[start:]`` into sentence spans; every line break also ends a sentence.

    A stop after an abbreviation or an initial does not end a sentence, unless a
    function word follows the initial ("papa Paolo V. Per lui realizzò": no name
    goes on with "Per").
    """
    spans: list[Span] = []
    for line in _LINE_RE.finditer(text, start):
        ls, le = line.start(), line.end()
        cur = ls
        for m in _SENT_END_RE.finditer(text, ls, le):
            nxt = m.end()
            if nxt >= le:
                break
            following = text[nxt]
            if not (following.isupper() or following.isdecimal() or following in "\"«“(‘'"):
                continue
            if following == "(" and _gloss_at(text, nxt, le):
                continue  # "«¡No pasarán!» («Non passeranno»), lanciato da …": a bracket that glosses goes on
            # The word before the stop: abbreviations and initials do not end a sentence.
            ws = m.start()
            # No abbreviation is longer than this: a giant "word" full of stops is not read back to its start.
            floor = max(cur, ws - MAX_ABBREVIATION)
            while ws > floor and not text[ws - 1].isspace():
                ws -= 1
            word = text[ws:m.start()].lower().strip("(\"'«“")
            if text[m.start()] == "." and (word in abbreviations or (len(word) == 1 and word.isalpha()
                                                                    and not _opens_with(text, nxt, function_words))):
                continue
            _add_bounded(text, cur, m.end(), spans)
            cur = nxt
        _add_bounded(text, cur, le, spans)
    return spans


def _gloss_at(text: str, at: int, end: int) -> bool:
    """Tell whether the bracket at ``text[at]``, once closed, goes on with its sentence (a comma, a lower-case word)."""
    close = text.find(")", at, min(end, at + MAX_GLOSS))
    if close < 0:
        return False
    rest = text[close + 1:close + 3].lstrip()
    return bool(rest) and (rest[0] in ",;:" or rest[0].islower())


# The longest bracket read as a gloss of the words before it.
MAX_GLOSS = 80


def _opens_with(text: str, at: int, words: frozenset[str]) -> bool:
    """Tell whether the word at ``text[at:]`` is one of ``words`` (lower-cased)."""
    m = _WORD_AT.match(text, at)
    return bool(m) and m.group().lower() in words


_WORD_AT = re.compile(r"[^\W\d_]+")


# A "sentence" longer than this (a list pasted without stops, hostile input) is
# cut into pieces, after a comma or semicolon where there is one: the extractors
# look at a sentence as a whole, and one sentence of a megabyte made them quadratic.
MAX_SENTENCE = 1000
MAX_ABBREVIATION = 40


def _add_bounded(text: str, s: int, e: int, out: list[Span]) -> None:
    """Append ``text[s:e]`` as sentence spans of at most MAX_SENTENCE characters each."""
    while e - s > MAX_SENTENCE:
        limit = s + MAX_SENTENCE
        half = s + MAX_SENTENCE // 2
        cut = max(text.rfind(", ", half, limit), text.rfind("; ", half, limit))
        if cut < 0:
            cut = max(text.rfind(" ", half, limit), text.rfind("\t", half, limit))
        cut = cut + 1 if cut >= 0 else limit
        _add_span(text, s, cut, out)
        s = cut
    _add_span(text, s, e, out)


def _add_span(text: str, s: int, e: int, out: list[Span]) -> None:
    """Append the stripped span ``text[s:e]`` when it holds a letter or digit."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and any(ch.isalnum() for ch in text[s:e]):
        out.append(Span(s, e, text[s:e]))


def shorten(s: str, limit: int = 80) -> str:
    """Return ``s`` trimmed at a word boundary to about ``limit`` characters."""
    s = _SPACE_RE.sub(" ", s).strip()
    if len(s) <= limit:
        return s
    cut = s.rfind(" ", 0, limit)
    if cut < limit // 2:
        cut = limit
    return s[:cut].rstrip(" ,;:.") + "…"
