"""Name internal codes in the interface's language: document languages, fact kinds, export sheets.

The database and the generator speak in codes ("it", "target_year"); pages
show these names instead. Question kinds name themselves (``Kind.label`` in
kinds.py).
"""

from __future__ import annotations

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l

LANGUAGES = {"it": _l("Italian"), "en": _l("English")}

FACT_KINDS = {
    "acronym": _l("Acronym"),
    "benefits": _l("Benefits"),
    "concept": _l("Concept"),
    "country": _l("Country"),
    "date": _l("Date"),
    "definition": _l("Definition"),
    "drawbacks": _l("Drawbacks"),
    "entity": _l("Proper name"),
    "goal": _l("Goal"),
    "list": _l("List"),
    "members": _l("Members"),
    "money": _l("Amount of money"),
    "number": _l("Plain number"),
    "organization": _l("Organisation"),
    "percentage": _l("Percentage"),
    "person": _l("Person"),
    "phrase": _l("Phrase"),
    "place": _l("Place"),
    "quantity": _l("Quantity"),
    "target_year": _l("Target year"),
    "year": _l("Year"),
}

EXPORT_SHEETS = {"scores": _l("Scores"), "answers": _l("Answers")}


def language_name(code: str | None) -> str:
    """Return a document language's name, or the code itself when it has none."""
    return str(LANGUAGES.get(code, code or ""))


def fact_kind(kind: str | None) -> str:
    """Return a fact kind's name; a kind added to the generator later reads as its words."""
    if kind in FACT_KINDS:
        return str(FACT_KINDS[kind])
    return (kind or "").replace("_", " ").capitalize()


def plural_count(number: float) -> int:
    """Return the count that picks a number's plural form: 1.5 takes the plural, as 2 does.

    gettext's plural formulas take whole numbers only (Python refuses 1.5); in
    Italian and English every fraction reads as plural, like any count but 1.
    """
    value = float(number)
    return int(value) if value.is_integer() else 2


def number(value: float) -> str:
    """Write a score or a number of points the interface language's way: "9,8" in Italian, "9.8" in English."""
    return format_decimal(value, format="#,##0.###")


def typed_number(value: float) -> str:
    """Write a number a student typed as it would be typed: "2030", never "2,030"; "1,5" in Italian."""
    return format_decimal(value, format="0.######")


FILTERS = {"language_name": language_name, "fact_kind": fact_kind, "plural_count": plural_count, "num": number,
           "typed_number": typed_number}
