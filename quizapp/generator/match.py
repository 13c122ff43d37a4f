"""Grade free answers tolerantly: case, accents, punctuation, articles, small typos, numbers in words.

An answer is read as a sequence of tokens: words, numbers and dates. Words are
compared with a small typo allowed; numbers by their value, however they are
written ("100", "cento", "a hundred"; "3 milioni", "3.000.000", "tre milioni");
dates by day, month and year ("1º marzo 1896", "1 Marzo 1896", "01.03.1896").
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import simplemma
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from .lang import SUPPORTED, load_pack
from .text import normalise

# A date in figures (ISO, then day/month/year in either order, then month/year), a number
# in figures (with separators, then an ordinal mark the language writes: "1º", "1st"), or
# a run of letters; anything else separates tokens.
_TOKEN_RE = (r"(?P<iso>\d{{4}}-\d{{1,2}}-\d{{1,2}})(?!\d)|(?P<dmy>\d{{1,2}}([/.-])\d{{1,2}}\3\d{{4}})(?!\d)"
             r"|(?P<my>\d{{1,2}}/\d{{4}})(?![\d/])|(?P<fig>\d+(?:[.,]\d+)*)(?:{marks})?|[^\W\d_]+")
# Groups of three after one kind of separator: "1.000", "25,000", "1.234.567" are whole numbers.
_GROUPED_RE = re.compile(r"[1-9]\d{0,2}([.,])\d{3}(?:\1\d{3})*")
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_COMBINING_RE = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# Tokens: ("w", word, capitalised), ("n", value), ("d", readings, as written). A date's readings are
# (year, month, day) triples, None where the answer leaves a part out; "as written" is
# set for day/month/year in figures, whose order two such answers share.
Token = tuple


@dataclass(frozen=True)
class _Lexicon:
    """Hold the words the matcher needs for one language, or for all when it is unknown."""

    articles: frozenset
    numbers: dict
    links: frozenset
    ones: frozenset
    percent: tuple
    token_re: re.Pattern
    months: dict
    first_day: frozenset
    date_links: frozenset
    orders: tuple
    modifiers: tuple
    modifier_words: frozenset
    range_words: frozenset


@lru_cache(maxsize=None)
def _lexicon(lang: str | None) -> _Lexicon:
    """Return the matcher's words for ``lang`` (both languages' when unknown), built once."""
    langs = [lang] if lang in SUPPORTED else list(SUPPORTED)
    articles, numbers, links, ones, percent = set(), {}, set(), set(), set()
    marks, months, first_day, date_links, orders, modifiers, ranges = set(), {}, set(), set(), [], set(), set()
    for code in langs:
        pack = load_pack(code)
        articles.update(normalise(a) for a in pack.articles)
        numbers.update({normalise(w): v for w, v in (pack.get("answer_number_words") or {}).items()})
        links.update(pack.get("answer_number_links") or ())
        ones.update(pack.get("answer_number_one") or ())
        percent.update(tuple(normalise(p).split()) for p in pack.get("answer_percent_words") or ())
        marks.update(pack.get("answer_ordinal_marks") or ())
        names = [normalise(m) for m in pack.get("months") or ()]
        months.update({name: n for n, name in enumerate(names, 1)})
        for short in pack.get("answer_month_abbreviations") or ():
            months.update({normalise(short): n for n, name in enumerate(names, 1) if name.startswith(normalise(short))})
        first_day.update(pack.get("answer_first_day") or ())
        date_links.update(pack.get("answer_date_links") or ())
        orders.extend(o for o in pack.get("answer_numeric_dates") or () if o not in orders)
        modifiers.update(tuple(normalise(w).split()) for w in pack.get("answer_modifiers") or ())
        ranges.update(normalise(w) for w in pack.get("answer_range_words") or ())
    # An ordinal mark of letters ends the token ("1st", not the "1" of "1stone").
    alternatives = sorted(marks, key=len, reverse=True)
    mark_re = "|".join(re.escape(m) + (r"(?![^\W\d_])" if m.isalpha() and m.isascii() else "") for m in alternatives)
    return _Lexicon(frozenset(a for a in articles if a), numbers, frozenset(links), frozenset(ones),
                    tuple(sorted(percent, key=len, reverse=True)),
                    re.compile(_TOKEN_RE.format(marks=mark_re or "(?!)"), re.UNICODE), months,
                    frozenset(first_day), frozenset(date_links), tuple(orders or ("dmy",)),
                    tuple(sorted(modifiers, key=len, reverse=True)), frozenset(w for p in modifiers for w in p),
                    frozenset(ranges))


def _literal_value(text: str) -> Decimal:
    """Return the value of a number in figures.

    Groups of three after one kind of separator are thousands ("1.000", "25,000"),
    as the old digits-only comparison read them; otherwise the last separator is
    the decimal point ("3,5" and "3.5" are both 3.5, "1.234,5" is 1234.5).
    """
    if _GROUPED_RE.fullmatch(text):
        return Decimal(text.replace(".", "").replace(",", ""))
    last = max(text.rfind("."), text.rfind(","))
    if last < 0:
        return Decimal(text)
    whole = text[:last].replace(".", "").replace(",", "")
    return Decimal(f"{whole or '0'}.{text[last + 1:]}")


@lru_cache(maxsize=4096)
def _number_pieces(word: str, lang: str | None) -> tuple[int, ...] | None:
    """Split a number word into the values of its pieces ("duemilatre" -> 2, 1000, 3), or None."""
    table = _lexicon(lang).numbers
    if not table or not word.isalpha():
        return None
    # rest[i]: the pieces of word[i:], longest piece first; None when it cannot be split.
    rest: list[tuple[int, ...] | None] = [None] * len(word) + [()]
    for i in range(len(word) - 1, -1, -1):
        for k in range(len(word), i, -1):
            if word[i:k] in table and rest[k] is not None:
                rest[i] = (table[word[i:k]],) + rest[k]
                break
    return rest[0]


def _evaluate(items: list[tuple[Decimal | int, bool]]) -> Decimal | None:
    """Return the value of a run of number pieces, or None when they do not make one number.

    ``items`` are (value, in figures). Figures may only open the run ("3 milioni");
    units follow tens or hundreds, tens follow hundreds, and each multiplier of a
    thousand or more is smaller than the one before ("due milioni trecentomila").
    """
    if any(v == 0 for v, _ in items) and len(items) > 1:
        return None
    total, group, last_scale, figures = Decimal(0), None, None, False
    for n, (value, literal) in enumerate(items):
        if literal:
            if n:
                return None
            group, figures = Decimal(value), True
        elif value >= 1000:
            if last_scale is not None and value >= last_scale:
                return None
            total += (group if group is not None else 1) * value
            group, last_scale, figures = None, value, False
        elif value == 100:
            g = group if group is not None else 1
            if g >= 100:
                return None
            group, figures = g * 100, False
        else:
            if figures:
                return None
            g = group or 0
            rest = g % 100
            if value >= 10 and rest:
                return None
            if value < 10 and (rest % 10 or 10 <= rest < 20):
                return None
            group = g + value
    return total + (group or 0)


# A raw token: (text casefolded without accents, kind, capitalised, value). Kinds: "w" a
# word, "f" figures (value: a Decimal), "d" a date (value: its token).
Raw = tuple


def _valid(year: int | None, month: int, day: int | None) -> bool:
    """Tell whether a day of a month exists (in a leap year when the year is left out)."""
    try:
        _dt.date(year or 2000, month, day or 1)
    except ValueError:
        return False
    return True


def _date(readings: set, literal: tuple | None = None) -> Raw | None:
    """Return a raw date token for its valid readings, or None when no reading is a date."""
    good = frozenset(r for r in readings if _valid(*r))
    return ("", "d", False, ("d", good, literal)) if good else None


def _figures_date(m: re.Match, lex: _Lexicon) -> Raw | None:
    """Return the date a match of figures writes ("1896-03-01", "1/3/1896", "3/1896"), or None."""
    if m.group("iso"):
        y, mo, d = (int(x) for x in m.group("iso").split("-"))
        return _date({(y, mo, d)})
    if m.group("dmy"):
        a, b, y = (int(x) for x in re.split(r"[/.-]", m.group("dmy")))
        readings = {(y, b, a) if order == "dmy" else (y, a, b) for order in lex.orders}
        # Two answers in figures share the language's order: compare them as written.
        return _date(readings, (a, b, y))
    mo, y = (int(x) for x in m.group("my").split("/"))
    return _date({(y, mo, None)})


def _prepare(s: str, lang: str | None) -> list[Raw]:
    """Return the raw tokens of ``s``: words, figures and dates written in figures."""
    lex = _lexicon(lang)
    s = unicodedata.normalize("NFC", s.translate(_APOS))
    out: list[Raw] = []
    for m in lex.token_re.finditer(s):
        if m.group("iso") or m.group("dmy") or m.group("my"):
            date = _figures_date(m, lex)
            if date is not None:
                out.append(date)
                continue
            # Not a date ("31/31/1999"): its figures are numbers.
            out.extend((f, "f", False, _literal_value(f)) for f in re.findall(r"\d+", m.group()))
            continue
        text = m.group("fig") or m.group()
        folded = text.casefold()
        if not folded.isascii():
            folded = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", folded))
        if m.group("fig"):
            out.append((folded, "f", False, _literal_value(text)))
        else:
            out.append((folded, "w", text[0].isupper(), None))
    return _text_dates(out, lex)


def _text_dates(raw: list[Raw], lex: _Lexicon) -> list[Raw]:
    """Join a date written with a month name into one token ("1º marzo 1896", "March 1st, 1896").

    A month name makes a date only with a day or a year beside it; a day is 1 to 31
    in figures or the language's word for the first; a year has three or four figures.
    """
    def day(i: int) -> int | None:
        if i >= len(raw):
            return None
        text, kind, _, value = raw[i]
        if kind == "f" and text.isdecimal() and 1 <= value <= 31:
            return int(value)
        return 1 if kind == "w" and text in lex.first_day else None

    def month(i: int) -> int | None:
        return lex.months.get(raw[i][0]) if i < len(raw) and raw[i][1] == "w" else None

    def year(i: int) -> tuple[int | None, int]:
        """Return the year at ``i`` (after a link word: "marzo del 1896") and where the date ends."""
        j = i + 1 if i < len(raw) and raw[i][1] == "w" and raw[i][0] in lex.date_links else i
        if j < len(raw) and raw[j][1] == "f" and raw[j][0].isdecimal() and 3 <= len(raw[j][0]) <= 4:
            return int(raw[j][0]), j + 1
        return None, i

    out: list[Raw] = []
    i = 0
    while i < len(raw):
        found = None
        if (d := day(i)) is not None:
            j = i + 2 if i + 1 < len(raw) and raw[i + 1][0] in lex.date_links and month(i + 2) else i + 1
            if (mo := month(j)) is not None:
                y, end = year(j + 1)
                found = (y, mo, d), end  # "1º marzo 1896", "1st of March 1896", "1 marzo"
        elif (mo := month(i)) is not None:
            if (d := day(i + 1)) is not None:
                y, end = year(i + 2)
                found = (y, mo, d), end  # "March 1, 1896", "March 1st 1896", "March 1"
            else:
                y, end = year(i + 1)
                if y is not None:
                    found = (y, mo, None), end  # "marzo 1896", "March of 1896"
        date = _date({found[0]}) if found else None
        if date is None:
            out.append(raw[i])
            i += 1
        else:
            out.append(date)
            i = found[1]
    return out


def _numbers_in_words(raw: list[Raw], lang: str | None, key: bool) -> list[Token]:
    """Turn runs of figures and number words into number tokens; other words stay words.

    In an accepted answer a capitalised number word is part of a name ("i Mille",
    "il Seicento", "the Hundred Years' War") and stays a word.
    """
    lex = _lexicon(lang)

    def pieces(i: int) -> tuple[int, ...] | None:
        text, kind, cap, _ = raw[i]
        if kind != "w" or (key and cap):
            return None
        return _number_pieces(text, lang)

    out: list[Token] = []
    i = 0
    while i < len(raw):
        text, kind, _, literal = raw[i]
        if kind == "d":
            out.append(literal)
            i += 1
            continue
        items: list[tuple[Decimal | int, bool]] = []
        j = i
        if kind == "f":
            items.append((literal, True))
            j += 1
        elif text in lex.ones and i + 1 < len(raw) and (p := pieces(i + 1)) and p[0] >= 100:
            items.append((1, False))  # "a hundred", "un milione"
            j += 1
        while j < len(raw):
            p = pieces(j)
            if p is not None:
                items.extend((v, False) for v in p)
                j += 1
            elif items and raw[j][0] in lex.links and j + 1 < len(raw) and pieces(j + 1) is not None:
                j += 1  # "one hundred and five": the link joins two parts of one number
            else:
                break
        value = _evaluate(items) if items else None
        if value is None:
            if kind == "f":
                out.append(("n", literal))
            elif (p := pieces(i)) is not None and (v := _evaluate([(x, False) for x in p])) is not None:
                out.append(("n", v))
            else:
                out.append(("w", text, raw[i][2]))
            i += 1
            continue
        out.append(("n", value))
        i = j
        # "10 per cento", "ten percent": the same as "10%", whose sign is dropped as punctuation.
        for phrase in lex.percent:
            if tuple(t[0] for t in raw[i:i + len(phrase)]) == phrase:
                i += len(phrase)
                break
    return out


def _plain(raw: list[Raw]) -> list[Token]:
    """Return the tokens with figures as numbers, dates as dates and every word as a word."""
    return [("w", text, cap) if kind == "w" else ("n", value) if kind == "f" else value
            for text, kind, cap, value in raw]


def _strip_edges(tokens: tuple[Token, ...], lex: _Lexicon, key: bool) -> tuple[Token, ...]:
    """Return ``tokens`` without the modifiers a sentence could lose at either edge.

    The rule for the head of a noun phrase: an answer may leave out, at its start or
    end, words that point back or stress ("relativa", "suo", "stessa"; "its",
    "respective", "so-called"), never a word that narrows the answer ("nucleare",
    "solid-state"), a word inside it, or a name's part: in an accepted answer a
    capitalised word is part of a name ("Loro Piana") and stays. What is left keeps
    every content word of the answer, so it names the same thing.
    """
    def modifier_at(i: int, forward: bool) -> int:
        if tokens[i][0] != "w" or tokens[i][1] not in lex.modifier_words:
            return 0
        for phrase in lex.modifiers:
            part = tokens[i:i + len(phrase)] if forward else tokens[max(0, i - len(phrase) + 1):i + 1]
            if (len(part) == len(phrase) and all(t[0] == "w" and not (key and t[2]) for t in part)
                    and tuple(t[1] for t in part) == phrase):
                return len(phrase)
        return 0

    start, end = 0, len(tokens)
    while start < end and (n := modifier_at(start, True)):
        start += n
    while end > start and (n := modifier_at(end - 1, False)):
        end -= n
    return tokens[start:end] if start < end else tokens


def _range_read(tokens: tuple[Token, ...], lex: _Lexicon) -> tuple[Token, ...]:
    """Return ``tokens`` with the words of a range between numbers left out ("from 40 to 60" reads as "40-60")."""
    if sum(t[0] == "n" for t in tokens) < 2:
        return tokens
    return tuple(t for i, t in enumerate(tokens)
                 if not (t[0] == "w" and t[1] in lex.range_words and i + 1 < len(tokens) and tokens[i + 1][0] == "n"))


@lru_cache(maxsize=8192)
def _readings(s: str, lang: str | None, key: bool) -> tuple[tuple[Token, ...], ...]:
    """Return the ways to read ``s``: as written, with number words as numbers, and those without edges or range words.

    Reading number words is a second reading, not a replacement, so that a word
    that only looks like a number ("seicento" typed for "Seicento") still matches.
    """
    raw = _prepare(s, lang)
    lex = _lexicon(lang)
    out = []
    for tokens in (_plain(raw), _numbers_in_words(raw, lang, key)):
        kept = tuple(t for t in tokens if not (t[0] == "w" and t[1] in lex.articles))
        # An answer that is only an article ("A") is compared as it is.
        out.append(kept or tuple(tokens))
    return out[0], out[1], _strip_edges(out[0], lex, key), _strip_edges(out[1], lex, key), _range_read(out[1], lex)


def _allowed_typos(n: int) -> int:
    """Return how many edits a word of ``n`` characters may carry and still match."""
    if n <= 4:
        return 0  # Iran/Iraq, cat/car: one letter makes another word
    if n <= 8:
        return 1
    return 2


@lru_cache(maxsize=4096)
def _is_word(word: str, lang: str | None) -> bool:
    """Tell whether ``word`` is a word of the language in its own right (not a typo)."""
    langs = [lang] if lang in SUPPORTED else list(SUPPORTED)
    return any(zipf_frequency(word, code, wordlist="small") >= 2.0 for code in langs)


@lru_cache(maxsize=4096)
def _lemma(word: str, lang: str | None) -> str:
    """Return the word's dictionary form, to accept another inflection of the right word."""
    langs = [lang] if lang in SUPPORTED else list(SUPPORTED)
    return simplemma.lemmatize(word, lang=tuple(langs))


def _word_matches(given: str, accepted: str, lang: str | None) -> bool:
    """Tell whether one given word is the accepted word, or it with a small typo.

    A typo keeps the first letter, so "decrease" is not "increase" nor "impossible"
    "possible"; a given word that is a real word with another lemma ("former" for
    "farmer") is another answer, not a typo; "batteria" for "batterie" is the right word.
    """
    if given == accepted:
        return True
    if given[:1] != accepted[:1] or given.isdecimal() or accepted.isdecimal():
        return False
    allowed = _allowed_typos(len(accepted))
    if OSA.distance(given, accepted, score_cutoff=allowed) > allowed:
        return False
    return not _is_word(given, lang) or _lemma(given, lang) == _lemma(accepted, lang)


def _token_matches(given: Token, accepted: Token, lang: str | None) -> bool:
    """Tell whether a given token is the accepted one: words up to a typo, numbers by value."""
    if given[0] != accepted[0]:
        return False
    if given[0] == "w":
        return _word_matches(given[1], accepted[1], lang)
    if given[0] == "d":
        # Two dates in figures are read in the same order; otherwise any reading of one is enough.
        if given[2] is not None and accepted[2] is not None:
            return given[2] == accepted[2]
        # A day of the month the key names ("28 luglio 1741" for "luglio del 1741") says more, not other.
        return bool(given[1] & accepted[1]) or any(
            (y, mo, None) in accepted[1] for y, mo, d in given[1] if d is not None and y is not None)
    return given[1] == accepted[1]


def _tokens_match(g: tuple[Token, ...], a: tuple[Token, ...], lang: str | None) -> bool:
    """Tell whether two readings match: token by token, or the same letters split otherwise."""
    if len(g) == len(a) and all(_token_matches(x, y, lang) for x, y in zip(g, a)):
        return True
    # Word breaks ("Hightech" for "High-tech"): the same letters and the same numbers.
    g_other = [t for t in g if t[0] != "w"]
    a_other = [t for t in a if t[0] != "w"]
    return (len(g_other) == len(a_other) and all(_token_matches(x, y, lang) for x, y in zip(g_other, a_other))
            and "".join(t[1] for t in g if t[0] == "w") == "".join(t[1] for t in a if t[0] == "w"))


def read_number_words(text: str, lang: str | None = None) -> Decimal | None:
    """Return the number an answer writes in words alone ("cento", "a hundred", "twenty-five"), or None.

    The answer must be one number and nothing else; a percent word after it is
    allowed ("dieci per cento" is 10, as "10%" is). Figures are left to the caller,
    whose rules for separators ("1.200", "25,000") depend on the quiz's language.
    """
    if not isinstance(text, str) or any(ch.isdecimal() for ch in text):
        return None
    tokens = _readings(text, lang, False)[1]
    return tokens[0][1] if len(tokens) == 1 and tokens[0][0] == "n" else None


def answers_match(given: str, accepted: list[str], lang: str | None = None) -> bool:
    """Tell whether ``given`` matches one of the ``accepted`` answers.

    Case, accents, punctuation, articles, word breaks ("Hightech") and a small typo
    per word are forgiven. Numbers must have the same value, written in figures or
    in words: "cento" and "100", "twenty-five" and "25", "3 milioni" and "3.000.000";
    "3,5" and "3.5" are both three and a half, "1.000" and "1,000" both a thousand.
    Dates must have the same day, month and year, however written: "1º marzo 1896",
    "1° marzo 1896", "1 Marzo 1896", "primo marzo 1896", "1/3/1896", "01.03.1896",
    "1896-03-01"; "March 1, 1896", "1st of March 1896", "Mar 1 1896". Figures are
    day first in Italian; in English either way round ("1/3/1896" and "3/1/1896" both
    match 1 March 1896: Britain writes one, the United States the other, and the
    answer cannot tell which the student meant). A year alone is not a full date; a
    day of the month a key names is right ("28 luglio 1741" for "luglio 1741").
    Words that point back or stress may be left out at the edges ("catena di
    approvvigionamento" for "relativa catena di approvvigionamento"), nothing
    else: a surname alone ("Curie" for "Marie Curie") or a name's first word
    ("Gotion" for "Gotion High-tech") is refused, as matching cannot know whether
    the text names another Curie; a teacher who accepts it adds it as an answer.
    """
    if not isinstance(given, str) or not accepted:
        return False
    # The very answer, whatever normalising would strip from it ("ʼ", "—").
    if given.strip() and any(isinstance(a, str) and given.strip().casefold() == a.strip().casefold() for a in accepted):
        return True
    g_readings = _readings(given, lang, False)
    if not g_readings[0]:
        return False
    for acc in accepted:
        a_readings = _readings(acc if isinstance(acc, str) else str(acc), lang, True)
        tried = set()
        # Pairs of like readings: as written, numbers read, then both without edge modifiers.
        for pair in zip(g_readings, a_readings):
            if pair not in tried:
                tried.add(pair)
                if _tokens_match(*pair, lang):
                    return True
    return False
