"""Load language packs and recognise a document's language."""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SUPPORTED = ("it", "en")
_DATA = Path(__file__).resolve().parent.parent / "data"
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)

# Scripts whose letters alone name the language family well enough for an error message.
_SCRIPTS = (
    ("\u0400", "\u04ff", "a Cyrillic-script language"),
    ("\u0370", "\u03ff", "Greek"),
    ("\u0590", "\u05ff", "Hebrew"),
    ("\u0600", "\u06ff", "Arabic"),
    ("\u0900", "\u097f", "Hindi"),
    ("\u3040", "\u30ff", "Japanese"),
    ("\u4e00", "\u9fff", "Chinese"),
    ("\uac00", "\ud7af", "Korean"),
    ("\u0e00", "\u0e7f", "Thai"),
)


@dataclass(frozen=True)
class Pack:
    """Hold one language's data, with its patterns compiled once."""

    code: str
    data: dict
    stopwords: frozenset
    articles: tuple
    elisions: frozenset
    abbreviations: frozenset
    res: dict
    verb_suffixes: tuple = ()

    def get(self, key, default=None):
        """Return a raw value of the pack."""
        return self.data.get(key, default)

    def template(self, name: str) -> str:
        """Return the prompt template ``name``."""
        return self.data["templates"][name]


def _units(data: dict) -> str:
    """Return an alternation of the language's units of quantity, longest first."""
    return "|".join(re.escape(u) for u in sorted(data["quantity_units"], key=len, reverse=True))


def _range_pattern(pattern: str, data: dict) -> str:
    """Fill a range pattern's {num} (figures or number words) and {unit} (optional unit)."""
    words = "|".join(sorted(data.get("number_words", {}), key=len, reverse=True))
    num = r"(?<![\w.,])(?:\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?" + (f"|{words}" if words else "") + r")(?![\w])"
    unit = r"(?:\s?(?:" + _units(data) + r")(?!\w))?"
    return pattern.replace("{num}", num).replace("{unit}", unit)


@lru_cache(maxsize=None)
def load_pack(code: str) -> Pack:
    """Return the language pack for ``code`` ("it" or "en")."""
    data = importlib.import_module(f"{__name__}.{code}").PACK
    flags = re.UNICODE
    res = {
        "date": [re.compile(p, flags | re.IGNORECASE) for p in data["date_patterns"]],
        "year": re.compile(data["year_pattern"]),
        "deadline": [re.compile(p, flags) for p in data["deadline_cues"]],
        "goal": [re.compile(p, flags | re.IGNORECASE) for p in data["goal_cues"]],
        "member": [re.compile(p, flags) for p in data["member_cues"]],
        "benefit": [re.compile(p, flags) for p in data["benefit_cues"]],
        "definition": re.compile(data["definition_pattern"], flags),
        "list_verb": re.compile(r"\b(?:" + "|".join(re.escape(v) for v in data["list_verbs"]) + r")\s+", flags | re.IGNORECASE),
        "number_word": re.compile(r"\b(?:" + "|".join(sorted(data.get("number_words", {}), key=len, reverse=True)) + r")\b", flags | re.IGNORECASE)
        if data.get("number_words") else None,
        "range": [re.compile(_range_pattern(p, data), flags | re.IGNORECASE) for p in data.get("range_patterns", ())],
        "unit_tail": re.compile(data["unit_tail"], flags) if data.get("unit_tail") else None,
        "unit": re.compile(r"\s?(?:" + _units(data) + r")(?!\w)", flags),
        "verb_shape": re.compile(data["verb_shape"], flags) if data.get("verb_shape") else None,
    }
    return Pack(
        code=code,
        data=data,
        stopwords=frozenset(data["stopwords"]),
        articles=tuple(sorted(data["articles"], key=len, reverse=True)),
        elisions=frozenset(data["elisions"]),
        abbreviations=frozenset(data["abbreviations"]),
        res=res,
        verb_suffixes=tuple(data.get("verb_lemma_suffixes") or ()),
    )


@lru_cache(maxsize=1)
def _markers() -> tuple[dict, dict]:
    """Return the language-recognition word lists and language names."""
    data = json.loads((_DATA / "languages.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data["markers"].items()}, data["names"]


def guess_language(text: str, limit: int = 20000) -> str | None:
    """Return the most likely language code (any known language), or None."""
    sample = text[:limit]
    markers, _ = _markers()
    counts = dict.fromkeys(markers, 0)
    words = 0
    for m in _WORD_RE.finditer(sample.lower()):
        w = m.group()
        words += 1
        for code, ws in markers.items():
            if w in ws:
                counts[code] += 1
    if words:
        best = max(counts, key=lambda c: (counts[c], c in SUPPORTED))
        if counts[best] >= 1 and counts[best] * 20 >= words:
            return best
        # Letters of another script name the language even without function words.
        for lo, hi, name in _SCRIPTS:
            if sum(1 for ch in sample if lo <= ch <= hi) * 2 >= len(sample.strip()):
                return name
    return None


def detect_language(text: str) -> str | None:
    """Return "it" or "en" when the text is in one of them, else None."""
    if not isinstance(text, str):
        return None
    code = guess_language(text)
    return code if code in SUPPORTED else None


def language_name(code: str | None) -> str:
    """Return a readable name for a language code or description."""
    _, names = _markers()
    if code is None:
        return "undetermined"
    return names.get(code, code)
