"""Choose wrong options that are wrong in the world, not merely absent from the text.

Sources, in order of trust: the bundled lexicon (``data/lexicon.json``: real items
with attributes such as a firm's country), then near misses for years. When the
correct answers share an attribute value (all Chinese firms), distractors must
have a different value: a Chinese firm the text does not name may still belong
to a Chinese consortium, a Korean one clearly does not.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from .text import normalise

_LEXICON = Path(__file__).resolve().parent / "data" / "lexicon.json"

# For each category, the attribute that separates "inside" from "clearly outside".
_SEPARATING_ATTR = {"company": "country", "country": "region"}
# A category's lexicon name maps to the fact category used by the extractor.
_FACT_CATEGORY = {"company": "organization", "country": "country"}


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, list[dict]]:
    """Return the bundled lexicon, without its comment keys."""
    data = json.loads(_LEXICON.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _name(entry: dict, lang: str) -> str:
    """Return an entry's name in ``lang``."""
    name = entry["name"]
    return name.get(lang) or next(iter(name.values())) if isinstance(name, dict) else name


@lru_cache(maxsize=8)
def _index(lang: str) -> dict[str, tuple[str, dict]]:
    """Return normalised name -> (category, entry) for one language."""
    out = {}
    for cat, entries in _lexicon().items():
        for e in entries:
            # A name in two categories ("Georgia") keeps its first: firms and countries come first.
            out.setdefault(normalise(_name(e, lang)), (cat, e))
    return out


@lru_cache(maxsize=4)
def demonyms(lang: str) -> dict[str, tuple[dict, int]]:
    """Return each form of a country's adjective ("cinesi") -> (the country's entry, the form's place in its list)."""
    out: dict[str, tuple[dict, int]] = {}
    for e in _lexicon().get("country", []):
        for k, form in enumerate(e.get("demonym", {}).get(lang, ())):
            out.setdefault(form.lower(), (e, k))
    return out


@lru_cache(maxsize=4)
def demonym_countries(lang: str) -> tuple[str, ...]:
    """Return the names, in ``lang``, of the countries whose adjective the lexicon gives."""
    return tuple(_name(e, lang) for e in _lexicon().get("country", []) if e.get("demonym", {}).get(lang))


def demonym_swaps(form: str, lang: str, mentioned_countries: list[str], rng: random.Random, n: int = 1) -> list[str]:
    """Return ``n`` other countries' adjectives in the same form ("cinesi" gives "giapponesi").

    Countries the text names elsewhere come first (the text ties them to another
    fact); then countries of the same region among the G20, alike in weight; no
    other ("gli italiani" has no "argentini": a far country reads as a trick).
    """
    hit = demonyms(lang).get(form.lower())
    if hit is None:
        return []
    entry, k = hit
    countries = [e for e in _lexicon().get("country", []) if e.get("demonym", {}).get(lang) and e is not entry]
    named = [e for e in countries if _name(e, lang) in mentioned_countries]
    near = [e for e in countries if e not in named and e.get("g20") and e.get("region") == entry.get("region")]
    rng.shuffle(near)
    out = []
    for e in named + near:
        forms = e["demonym"][lang]
        word = forms[min(k, len(forms) - 1)]
        # "gli italiani" is no "gli francesi", "an Egyptian" no "an Swedish": the article before stays right.
        if _initial_class(word) == _initial_class(form):
            out.append(word[:1].upper() + word[1:] if form[:1].isupper() else word)
    return out[:n]


def country_named(form: str, lang: str, text: str) -> bool:
    """Tell whether ``text`` names, in any language, the country a demonym form belongs to ("cinese": "Cina", "China")."""
    hit = demonyms(lang).get(form.lower())
    if hit is None:
        return False
    name = hit[0]["name"]
    names = name.values() if isinstance(name, dict) else [name]
    padded = f" {normalise(text)} "
    return any(f" {normalise(n)} " in padded for n in names)


def _initial_class(word: str) -> str:
    """Return how a word's start chooses its article: a vowel, "s" before a consonant and the like, or a consonant."""
    w = word.lower()
    if w[:1] in "aeiouàèéìòù":
        return "vowel"
    if re.match(r"s[^aeiouàèéìòù]|z|gn|ps|x|y", w):
        return "s+consonant"
    return "consonant"


def lexicon_category(name: str, lang: str) -> str:
    """Return the fact category of a known name ("organization", "country") or ""."""
    hit = _index(lang).get(normalise(name))
    return _FACT_CATEGORY.get(hit[0], "") if hit else ""


def entity_distractors(correct: list[str], lang: str, mentioned, rng: random.Random, n: int = 3) -> list[str]:
    """Return up to ``n`` lexicon items clearly outside the set ``correct``.

    ``mentioned(name)`` tells whether the document names an item; such items are never
    offered, since the text may state them true for the same slot.
    """
    index = _index(lang)
    hits = [index.get(normalise(c)) for c in correct]
    if not hits or any(h is None for h in hits):
        return []
    cats = {h[0] for h in hits}
    if len(cats) != 1:
        return []
    cat = cats.pop()
    attr = _SEPARATING_ATTR.get(cat)
    inside = {h[1].get(attr) for h in hits}
    sectors = {h[1].get("sector") for h in hits}
    norm_correct = [normalise(c) for c in correct]
    pool_same, pool_other = [], []
    for e in _lexicon()[cat]:
        name = _name(e, lang)
        nn = normalise(name)
        if e.get(attr) in inside:
            continue
        if any(nn == c or nn in c or c in nn for c in norm_correct) or mentioned(name):
            continue
        (pool_same if e.get("sector") in sectors else pool_other).append(name)
    rng.shuffle(pool_same)
    rng.shuffle(pool_other)
    return (pool_same + pool_other)[:n]


# Before this year, a date is usually known to within a few years only.
ANCIENT = 1000


def year_distractors(year: int, mentioned_years: set[int], rng: random.Random, n: int = 3, future: bool = False,
                     approximate: bool = False, period: int | None = None, lowest: int = 1000) -> list[str]:
    """Return ``n`` near-miss years, none of which the document mentions.

    An approximate year ("around 1527") makes the next few years true as well, so its
    near misses are decades away; a year of an event held every ``period`` years
    ("the 1996 Olympics") is swapped for another of its years, never one a student
    rejects by form (1991). ``lowest`` is the earliest year offered (an early year, "nell'814", takes 1).
    """
    # A target year's near misses are other plausible targets: mostly later, one earlier.
    # Never the year next to it: sources date one event a year apart (a law passed in December
    # and in force in January, Solon's archonship in 594/593 BC), so that year is defensible;
    # an ancient year is known only to within a few years.
    steps = (20, 30, 50, 75) if approximate else (5, 10, 15, 20, 30) if year < ANCIENT else (3, 5, 7, 10)
    if period:
        future, steps = False, tuple(period * k for k in (1, 2, 3, 4))
    pool = sorted({year - 5, year + 5, year + 10, year + 15, year + 20} if future and not approximate
                  else {year + s for s in steps} | {year - s for s in steps})
    pool = [y for y in pool if y not in mentioned_years and lowest <= y <= 2199 and y != year]
    rng.shuffle(pool)
    return [str(y) for y in sorted(pool[:n])]


# Ratios of a wrong amount to the key that show which value the others derive from:
# half, double, a quarter… A student who spots one has the key.
_SIMPLE_RATIOS = (0.25, 1 / 3, 0.5, 2 / 3, 0.75, 1.25, 1.5, 2.0, 3.0, 4.0)
# Offsets of a precise amount's near misses: varied, never a simple ratio, and far enough
# (at least 7%) that no near miss reads as a rounding of the key.
_PRECISE_OFFSETS = (0.07, 0.09, 0.12, 0.14, 0.17, 0.21, 0.23, 0.28, 0.31, 0.36)
# An approximate amount of two or more figures ("about 69 degrees") is wrong a good way off;
# a round one ("about 5 litres", "about 30,000") only far off. (Review 40: "circa 2,5 millimetri"
# against 2,1 and "circa 15.000" cells against 18.000 lay within what real sources give: 30% at least.)
_APPROXIMATE_OFFSETS = (0.3, 0.33, 0.37, 0.42, 0.45)
# (Review 17: "circa 300" ossa against 100, 700, 800 and "circa il 6%" against 2%, 14%, 22% gave the key
# away by standing in the middle of absurd values; within about half and two and a half times it does not.)
_FAR_FACTORS_DOWN = (0.5, 0.55, 0.6)
# A measurement written to the hundredth ("9.69 seconds") varies little in the world: its near
# misses lie within 4%, or a far one ("8.53 seconds" for a 100 m record) is absurd.
_FINE_OFFSETS = (0.011, 0.016, 0.022, 0.027, 0.033, 0.038)
_FAR_FACTORS_UP = (1.6, 1.8, 2.2)


def _derived(v: float, value: float, rounding: float = 0.05) -> bool:
    """Tell whether ``v`` is a simple multiple of ``value`` (half, double, a quarter…) or a rounding of it."""
    ratio = v / value
    return any(abs(ratio - r) < 0.01 * r for r in _SIMPLE_RATIOS) or abs(v - value) < rounding * max(v, value)


def number_distractors(value: float, decimals: int, rng: random.Random, n: int = 3,
                       percent: bool = False, approximate: bool = False,
                       upper: float | None = None, allowed=None, fine: bool = False) -> list[float]:
    """Return ``n`` near misses for an amount: other values of the same size and precision.

    A slot that holds one amount ("380,005 inhabitants") makes any other amount
    wrong; near misses of the same magnitude keep the options plausible. They lie at
    varied offsets on both sides, so the key is neither always the middle value nor
    the one the others derive from (no exact half or double), and within ``upper``
    (the largest value the quantity takes: 90 degrees of latitude, 100 per cent).
    ``allowed(v)`` tells whether a near miss may be offered (the text may name it);
    ``fine`` marks a measurement written to the hundredth, whose near misses stay close.
    """
    if value == 0:
        return []
    if percent:
        upper = min(upper, 100.0) if upper is not None else 100.0
    if upper is not None and value > upper:
        upper = None
    if percent and upper is not None and value > 0.9 * upper:
        return []  # "about 95%", "99.9% purity": every near miss would lie below, the key stands out
    sign = -1 if value < 0 else 1
    value = abs(value)
    small = value.is_integer() and value < 10 and not approximate
    # Keep the answer's precision, and round away digits the answer does not show
    # ("1.500" gives 1.300 and 1.900, not 1.125).
    digits = len(str(int(value))) if value.is_integer() else 0
    trailing = digits - len(str(int(value)).rstrip("0")) if digits else 0
    figures = digits - trailing if digits else 2
    offsets = _FINE_OFFSETS if fine and not approximate else _PRECISE_OFFSETS
    # Two near misses of a measurement 1% apart are no rounding of each other (9.84, 9.93).
    rounding = 0.005 if fine and not approximate else 0.05
    if approximate and figures >= 2:
        approximate, offsets = False, _APPROXIMATE_OFFSETS

    def rounded(v: float, coarse: int) -> float:
        return round(v, decimals) if decimals else float(round(v, -coarse) if coarse else round(v))

    below, above = [], []
    if small:
        below = [value - d for d in (1, 2, 3) if value - d > 0]
        above = [value + d for d in (1, 2, 3)]
    else:
        down = list(_FAR_FACTORS_DOWN) if approximate \
            else [1 - o for o in offsets]
        up = list(_FAR_FACTORS_UP) if approximate else [1 + o for o in offsets]
        for coarse in sorted({trailing, max(0, trailing - 1)}, reverse=True):
            b = [rounded(value * f, coarse) for f in down]
            a = [rounded(value * f, coarse) for f in up]
            b = [v for v in dict.fromkeys(b) if 0 < v < value and (approximate or not _derived(v, value, rounding))]
            a = [v for v in dict.fromkeys(a) if v > value and (approximate or not _derived(v, value, rounding))]
            if approximate:
                b = [v for v in b if abs(v / value - 0.5) > 0.01 and abs(v / value - 0.25) > 0.01]
                a = [v for v in a if abs(v / value - 2) > 0.02 and abs(v / value - 3) > 0.03
                     and abs(v / value - 4) > 0.04]
            if len(b) + len(a) >= n:
                below, above = b, a
                break
            below, above = b, a
    if upper is not None:
        above = [v for v in above if v <= upper]
    if allowed is not None:
        below = [v for v in below if allowed(sign * v)]
        above = [v for v in above if allowed(sign * v)]
    rng.shuffle(below)
    rng.shuffle(above)
    # How many near misses lie above the key: any number, so the key's place tells little;
    # far misses ("about 5 litres") keep one on each side, or the key would stand apart.
    k = rng.choice(range(1, n) if approximate and n > 1 else [0] + [i for i in range(n + 1) for _ in (0, 1)][2:-2] + [n])
    k = min(k, len(above))
    k = max(k, n - len(below))
    # A key beyond all its near misses has the nearest beside it, so it does not stand apart.
    if k == 0 and below:
        nearest = max(below)
        below = [nearest] + [v for v in below if v != nearest]
    if k == n and above:
        nearest = min(above)
        above = [nearest] + [v for v in above if v != nearest]
    picked = above[:k] + below[:max(0, n - k)]
    # No near miss a simple multiple of another ("59, 118" beside a key of 70).
    out: list[float] = []
    for v in picked + below[n - k:] + above[k:]:
        if len(out) == n:
            break
        # Nor two near misses a rounding apart ("400 mila, 410 mila").
        if v in out or any(not approximate and not small and _derived(v, w, rounding) for w in out):
            continue
        out.append(v)
    return sorted(sign * v for v in out)


def format_number(value: float, decimals: int, decimal_sep: str, thousands_sep: str, grouped: bool) -> str:
    """Write ``value`` the way the answer is written: same decimals, same separators."""
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal_sep).replace("\0", thousands_sep)


# For a slot that holds one value, the attribute that makes another item a plausible
# wrong option: another city of the same country, another composer for a composer.
_SIMILAR_ATTR = {"city": "country", "person": "role", "country": "region", "company": "sector",
                 "institution": "kind", "river": "continent", "region": "country", "mountain": "continent",
                 "body_of_water": "kind", "element": "group_kind", "planet": "kind", "language": "family",
                 "rock": "kind", "mineral": "kind", "organ": "system", "organelle": "kind", "compound": "kind",
                 "instrument": "family"}


# Terms whose kind shares what a sentence says of one ("dissolves in acid" of every carbonate
# rock, "cools slowly" of every intrusive one): a wrong option comes from another kind first.
_UNLIKE_FIRST = frozenset({"rock", "mineral", "organ", "organelle", "compound", "instrument"})


# What else the most alike items share: a sea of the same waters (the Ionian for the Tyrrhenian,
# not the Arabian Sea).
_FIRST_ALSO = {"body_of_water": ("region",)}

# What makes two items alike when the first attribute differs (for a sea, being a sea).
_SECOND_ATTRS = {"city": ("region", "capital"), "body_of_water": ("kind",)}

# The continent of each region of the lexicon's countries: the next likeness after the region.
_CONTINENT = {"east_asia": "asia", "southeast_asia": "asia", "south_asia": "asia", "central_asia": "asia",
              "middle_east": "asia"}


def _likeness(cat: str, other: dict, entry: dict, attr: str | None) -> int:
    """Return 0 for an item alike in the category's attribute, 1 alike in the second ones, 2 otherwise."""
    if attr and other.get(attr) == entry.get(attr) and all(other.get(a) == entry.get(a) for a in _FIRST_ALSO.get(cat, ())):
        return 0
    if cat == "country":
        return 1 if _CONTINENT.get(other.get("region")) == _CONTINENT.get(entry.get("region"), "") else 2
    second = _SECOND_ATTRS.get(cat, ())
    if second and all(other.get(a) == entry.get(a) for a in second):
        return 1
    return 2


# The age from which a person offered as a wrong option is old enough to have played a part in
# the events a text tells (a leader, a scientist, an artist).
ADULT = 25


def _contemporary(other: dict, person: dict) -> bool:
    """Tell whether two people share role and nationality and were born within a century."""
    born, other_born = person.get("born"), other.get("born")
    return (other.get("role") == person.get("role") and other.get("nationality") == person.get("nationality")
            and born is not None and other_born is not None and abs(born - other_born) <= 100)


def lexicon_attr(name: str, lang: str, attr: str) -> str:
    """Return one attribute of a known name ("Roma", "country" gives "IT"), or ""."""
    hit = _index(lang).get(normalise(name))
    return str(hit[1].get(attr, "")) if hit else ""


def lexicon_forms(name: str, lang: str) -> list[str]:
    """Return the other names of a known item: in every language, and the short ones it is known by ("Galileo")."""
    hit = _index(lang).get(normalise(name))
    if hit is None:
        return []
    entry = hit[1]
    names = list(entry["name"].values()) if isinstance(entry["name"], dict) else [entry["name"]]
    return [x for x in dict.fromkeys([*names, *entry.get("known_as", ())]) if normalise(x) != normalise(name)]


@lru_cache(maxsize=32)
def names_of(category: str, lang: str) -> tuple[str, ...]:
    """Return the normalised names of every lexicon item of ``category`` in ``lang``."""
    return tuple(normalise(_name(e, lang)) for e in _lexicon().get(category, ()))


def lexicon_kind(name: str, lang: str) -> str:
    """Return the lexicon category of a known name ("city", "person", "river"…), or ""."""
    hit = _index(lang).get(normalise(name))
    return hit[0] if hit else ""


def same_kind(answer: str, lang: str, mentioned, rng: random.Random, n: int = 3,
              when: tuple[int, int] | None = None, alike_only: bool = False, listed: bool = False) -> list[str]:
    """Return up to ``n`` lexicon items of the answer's category, alike where it counts, that the text never names.

    Only for a slot that holds exactly one value (the caller checks): there, any
    other item of the category is wrong in the world as well as in the text. With
    ``when`` (the years the sentence or text speaks of), a person offered was an
    adult at some time of that span: no Andreotti (born 1919) against Giolitti in 1915.
    With ``alike_only``, only items alike in the category's attribute (a city of the same country).
    ``listed`` says the answer is one of a list of its kind in its sentence: a neighbour the text
    names elsewhere then keeps the others of its region as options.
    """
    hit = _index(lang).get(normalise(answer))
    if hit is None:
        return []
    cat, entry = hit
    attr = _SIMILAR_ATTR.get(cat)
    norm_answer = normalise(answer)
    entries = list(_lexicon()[cat])
    rng.shuffle(entries)
    # Alike items first; whether the text names one is asked only of the few offered,
    # since each asking searches the whole text.
    unlike = cat in _UNLIKE_FIRST
    # A major economy among major economies (no Eritrea beside the five great powers), a small state among
    # small ones: within each step of likeness, those alike in that first.
    # Within its country a city is matched by the part of it first: Salerno for Napoli, not Padova.
    entries.sort(key=lambda e: (-_likeness(cat, e, entry, attr) if unlike else _likeness(cat, e, entry, attr),
                                e.get("area") != entry.get("area"),
                                bool(e.get("g20")) != bool(entry.get("g20"))))
    if cat in _SECOND_ATTRS:
        # Beyond its country a city is matched by region and rank: Budapest for Vienna, never Siracusa.
        entries = [e for e in entries if _likeness(cat, e, entry, attr) < (1 if alike_only else 2)]
    if cat == "country" and not listed and any(mentioned(_name(e, lang)) for e in entries
                                if e is not entry and e.get("region") == entry.get("region")):
        # The text ties the answer to a neighbour ("Chinese makers challenge Japan"): another neighbour
        # stands in the same relation in the world (South Korea), so a wrong option comes from farther off.
        entries = [e for e in entries if e.get("region") != entry.get("region")]
    if cat == "person":
        # A king among kings of his country and age: Elizabeth II is no option for Louis XVI.
        entries = [e for e in entries if _contemporary(e, entry)]
        if when is not None:
            entries = [e for e in entries if e.get("born") is not None and e["born"] + ADULT <= when[1]
                       and (e.get("died") or when[0]) >= when[0]]
    out: list[str] = []
    for e in entries:
        name = _name(e, lang)
        nn = normalise(name)
        if nn == norm_answer or nn in norm_answer or norm_answer in nn or mentioned(name):
            continue
        out.append(name)
        if len(out) == n:
            break
    return out


def date_near_misses(text: str, months: list[str], rng: random.Random, n: int = 3,
                     not_after: _dt.date | None = None, not_before: _dt.date | None = None,
                     keep: Callable[[str], bool] | None = None) -> list[str]:
    """Return ``n`` dates written like ``text`` with another month or year ("24 January 2022" -> "24 March 2022").

    Only for a date that fills its slot alone: there any other day is wrong in the world.
    With ``not_after`` (the article's own date, for a date before it), no near miss
    falls later: a report cannot tell of a match played after it was written. With
    ``not_before`` (the article's date, for a date after it), none falls earlier: a
    parliament that "will meet on 13 October" after a September election does not
    meet in July. ``keep`` rules out more (a date the sentence's other times contradict).
    """
    words = text.split(" ")
    lower = [w.lower().strip(",") for w in words]
    k = next((i for i, w in enumerate(lower) if w in months), None)
    if k is None:
        return []
    day = day_of(text)
    year_at = next((i for i, w in enumerate(lower) if w.rstrip(",").isdecimal() and len(w.rstrip(",")) == 4), None)
    m = months.index(lower[k])

    def written(month_step: int, year_step: int) -> str:
        out = list(words)
        if month_step:
            name = months[(m + month_step) % 12]
            name = name[:1].upper() + name[1:] if words[k][:1].isupper() else name
            out[k] = name + ("," if words[k].endswith(",") else "")
            # "January 1937" a month earlier is "December 1936".
            year_step += (m + month_step) // 12
        if year_step and year_at is not None:
            out[year_at] = str(int(words[year_at].rstrip(",")) + year_step) + ("," if words[year_at].endswith(",") else "")
        return " ".join(out)

    def allowed(values: set[str]) -> set[str]:
        # "si era dimesso il 15 giugno scorso" in a report of 8 July: a date without its year is in the
        # article's year when the true one fits there, so no 15 August.
        if not_after is not None and (year_at is not None
                                      or not later(text, months, day, not_after, default_year=not_after.year)):
            values = {v for v in values if not later(v, months, day, not_after, default_year=not_after.year)}
        if not_before is not None:
            values = {v for v in values if later(v, months, day, not_before, default_year=not_before.year)}
        values -= {text}
        return {v for v in values if keep(v)} if keep is not None else values

    # Another month of the same year: every option shares its year with the key, so none is told
    # apart by its parts (review 11: "April 2017" among February 2017, April 2016, July 2017), and a
    # year away is no longer ruled out by the text's other dates (review 38: a painting "completed in
    # June 1938" that the text shows in July 1937). A day the month lacks is never written ("31 June").
    # The nearest months first: the further one lies, the likelier another date of the text rules it out.
    month_steps = [step for step in (-3, -2, -1, 1, 2, 3) if day is None or day <= _MONTH_DAYS[(m + step) % 12]]
    near, far = (sorted(allowed({written(step, 0) for step in month_steps if (abs(step) <= 2) == close}))
                 for close in (True, False))
    rng.shuffle(near)
    rng.shuffle(far)
    out = near + far
    if len(out) < n and year_at is not None:
        years = sorted(allowed({written(0, step) for step in (-1, 1)}))
        rng.shuffle(years)
        out += years
    return out[:n]


# The most days each month has (February's 29th only in a leap year, so never offered).
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# A day of the month as a date writes it: "26", "1º", "1°", "21st", "3rd,".
_DAY = re.compile(r"([0-3]?\d)(?:st|nd|rd|th|º|°)?,?")


def day_of(date_text: str) -> int | None:
    """Return the day of the month a date in words gives ("26 novembre 2023" -> 26, "the 21st of October" -> 21)."""
    return next((int(m.group(1)) for w in date_text.lower().split() if (m := _DAY.fullmatch(w))), None)


def later(date_text: str, months: list[str], day: int | None, limit: _dt.date, default_year: int | None = None) -> bool:
    """Tell whether a date written in words ("26 dicembre 2023") falls after ``limit``.

    A date without its year ("il 13 ottobre") is read in ``default_year``, when given.
    """
    lower = [w.lower().strip(",") for w in date_text.split(" ")]
    month = next((months.index(w) + 1 for w in lower if w in months), None)
    year = next((int(w) for w in lower if w.isdecimal() and len(w) == 4), default_year)
    if month is None or year is None:
        return False
    return (year, month, day or 1) > (limit.year, limit.month, limit.day)
