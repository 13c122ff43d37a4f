"""Choose wrong options that are wrong in the world, not merely absent from the text.

Sources, in order of trust: the bundled lexicon (``data/lexicon.json``: real items
with attributes such as a firm's country), then near misses for years. When the
correct answers share an attribute value (all Chinese firms), distractors must
have a different value: a Chinese firm the text does not name may still belong
to a Chinese consortium, a Korean one clearly does not.
"""

from __future__ import annotations

import json
import random
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
            out[normalise(_name(e, lang))] = (cat, e)
    return out


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


def year_distractors(year: int, mentioned_years: set[int], rng: random.Random, n: int = 3, future: bool = False) -> list[str]:
    """Return ``n`` near-miss years, none of which the document mentions."""
    # A target year's near misses are other plausible targets: mostly later, one earlier.
    pool = sorted({year - 5, year + 5, year + 10, year + 15, year + 20} if future
                  else {year + s for s in (1, 2, 3, 5, 10)} | {year - s for s in (1, 2, 3, 5, 10)})
    pool = [y for y in pool if y not in mentioned_years and 1000 <= y <= 2199 and y != year]
    rng.shuffle(pool)
    return [str(y) for y in sorted(pool[:n])]
