"""Register the question kinds: how each is asked in a form, read back, and graded.

One class a kind, one registry (``KINDS``), so adding a kind touches this file
and its template macro, never a chain of if/elif in views or services.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, ClassVar

from babel.numbers import get_decimal_symbol
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from wtforms import Field, RadioField, SelectMultipleField, StringField
from wtforms.validators import Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, HiddenInput, ListWidget, RadioInput, TextInput
from wtforms.widgets.core import clean_key

from .generator import answers_match
from .generator.match import read_number_words

try:  # WTForms 3.3 deprecates (value, label) tuples in favour of SelectChoice.
    from wtforms import SelectChoice as _Choice
except ImportError:  # pragma: no cover - older WTForms
    _Choice = None

MAX_TEXT_ANSWER = 300
MAX_NUMBER_ANSWER = 40
# What Kind.read returns when it cannot tell that the question's form field would accept what was sent.
UNREAD = object()
# Room for floating-point error when comparing numbers: 3.5 - 3.4 is 0.10000000000000009.
_EPSILON = 1e-9
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f']")
_NUMBER_CHARS = re.compile(r"^[+-]?[\d.,]*\d[\d.,]*$")
# A run of thousands: 1 to 3 digits, then groups of three after one kind of separator.
_GROUPED = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")
_GROUP_HEAD = re.compile(r"^(?:[1-9]\d{0,2})$")


# Control characters, and the bidirectional overrides and isolates that can make a
# name or an answer display as something else ("U+202E" reverses what follows).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def clean_text(value: Any) -> Any:
    """Drop control and bidi-override characters from typed text (PostgreSQL refuses NUL; none is meant)."""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def parse_number(raw: str, decimal: str | None = None) -> float | None:
    """Read a typed number: "3.5", "3,5", "25,000", "1.200", "1 234,5", "-0.25".

    ``decimal`` is the separator the quiz's language writes decimals with ("." or
    ","): a lone other separator followed by three digits then groups thousands
    ("25,000" in English, "1.200" in Italian). Without it, a lone separator is a
    decimal point. With both separators, the last one is the decimal point.
    """
    cleaned = _SPACES.sub("", raw.strip())
    if not _NUMBER_CHARS.match(cleaned):
        return None
    sign = "-" if cleaned[:1] == "-" else ""
    body = cleaned[1:] if cleaned[:1] in "+-" else cleaned
    seps = [ch for ch in body if ch in ".,"]
    if len(set(seps)) == 2:
        point = body[max(body.rfind("."), body.rfind(","))]
        whole, _, frac = body.rpartition(point)
        grouped = whole
    elif len(seps) > 1:
        whole, frac, grouped = body, "", body
    elif len(seps) == 1:
        whole, _, frac = body.partition(seps[0])
        grouped = None
        if decimal and seps[0] != decimal and len(frac) == 3 and _GROUP_HEAD.match(whole):
            whole, frac, grouped = body, "", body
    else:
        whole, frac, grouped = body, "", None
    if grouped is not None:
        if not _GROUPED.match(grouped):
            return None
        whole = grouped.replace(".", "").replace(",", "")
    if not whole.isdecimal() and not (whole == "" and frac.isdecimal()):
        return None
    if frac and not frac.isdecimal():
        return None
    value = float(f"{sign}{whole or '0'}.{frac or '0'}")
    return value if math.isfinite(value) else None


def parse_answer_number(raw: str, decimal: str | None = None, lang: str | None = None) -> float | None:
    """Read a student's number: in figures as parse_number reads them, or in words alone.

    Words are read in ``lang``'s words, or in any supported language's when it is
    not given ("cento", "duemila", "a hundred", "twenty-five"). A teacher's key
    stays in figures (parse_number): it is typed once, by someone who can.
    """
    if any(ch.isdigit() for ch in raw):
        return parse_number(raw, decimal)
    value = read_number_words(raw, lang)
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _number_validator(form, field) -> None:
    if field.data not in (None, "") and parse_answer_number(str(field.data)) is None:
        raise ValidationError(_l("Enter a number, such as 2030 or 3.5."))


def html_params(**kwargs) -> Markup:
    """Write HTML attributes exactly as WTForms' html_params does, with plain string formatting.

    A question page renders an input per option; WTForms' own version, built on
    Markup.format, was a third of the page's rendering time.
    """
    params = []
    for key, value in sorted(kwargs.items()):
        if value is True:  # keys are attribute names from this code, never typed by anyone
            params.append(clean_key(key))
        elif value is not False:
            params.append(f'{clean_key(key)}="{str(escape(value)).replace(chr(34), "&quot;")}"')
    return Markup(" ".join(params))


class FastRadioInput(RadioInput):
    html_params = staticmethod(html_params)


class FastCheckboxInput(CheckboxInput):
    html_params = staticmethod(html_params)


class FastTextInput(TextInput):
    html_params = staticmethod(html_params)


class FastHiddenInput(HiddenInput):
    html_params = staticmethod(html_params)


class MultiCheckboxField(SelectMultipleField):
    """Render a multiple choice as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = FastCheckboxInput()

    def process_formdata(self, valuelist):
        # Blank values mean "nothing ticked"; dropping them here (rather than
        # trusting an Optional validator, which looks only at the first value)
        # keeps every other value subject to the choice check.
        super().process_formdata([value for value in valuelist if value != ""])


class Kind:
    """A question kind: its form field, how an answer is stored, and its grading."""

    name: ClassVar[str]
    label: ClassVar[Any]
    has_options: ClassVar[bool] = False
    # The teacher's edit form asks for these besides the prompt, explanation and points
    # (QuestionForm's field names): a fill-in-the-blank has no options and no tolerance.
    answer_fields: ClassVar[tuple[str, ...]] = ()

    def field(self, label: str, choices: list[tuple[str, str]]) -> Field:
        """Return an unbound form field asking this question."""
        raise NotImplementedError

    def read(self, sent: list[str], answer: Any, order: Sequence[int]) -> Any:
        """Return the data this kind's form field would hold after a post, if it would accept it, else UNREAD.

        ``sent`` is the field's posted values (none when the page sent nothing for
        it), ``answer`` the stored answer the form is filled with, ``order`` the
        option order it shows. The field's own rules (WTForms' processing, filters
        and validators, see field()) are followed; whatever they would refuse, or
        a kind does not read here, is UNREAD: the form then judges it and says why.
        """
        return UNREAD

    def to_answer(self, data: Any, order: Sequence[int] | None = None, lang: str | None = None) -> Any:
        """Turn validated field data into the stored answer, None when blank.

        ``order`` is the option order the form showed (see ChoiceKind); kinds
        without options ignore it. ``lang`` is the quiz's language, for numbers.
        """
        text = (data or "").strip() if isinstance(data, str) else data
        return text or None

    def to_field_data(self, answer: Any, order: Sequence[int] | None = None) -> Any:
        """Turn a stored answer back into field data, to refill the form."""
        return answer

    def fraction(self, question, answer: Any) -> float:
        """Return the share of the question's points this answer earns, 0 to 1."""
        raise NotImplementedError

    def describe(self, question, answer: Any) -> str:
        """Say the answer in words, for review pages and exports."""
        return "" if answer is None else str(answer)

    def correct_text(self, question) -> str:
        """Say the correct answer in words."""
        return "; ".join(str(value) for value in question.correct)


def option_choices(options: Sequence[str], order: Sequence[int]) -> list[Any]:
    """Return form choices for options shown in this order, valued by position.

    The value a browser sees is the option's place on the page, never its index
    in the question: an index would let a student who knows that the generator
    lists the right answers first read the key from the HTML.
    """
    return select_choices((str(position), options[index]) for position, index in enumerate(order))


def select_choices(pairs: Iterable[tuple[Any, Any]]) -> list[Any]:
    """Return (value, label) pairs as the choices this WTForms version expects.

    WTForms 3.3 deprecates plain tuples in favour of SelectChoice; older
    versions, which pyproject still allows, only know tuples.
    """
    return [_Choice(value, label) for value, label in pairs] if _Choice else list(pairs)


@lru_cache(maxsize=None)
def _places(count: int) -> frozenset[str]:
    """Return the values of a choice field of ``count`` options (option_choices values them by place)."""
    return frozenset(str(place) for place in range(count))


def _index(value: Any, order: Sequence[int] | None) -> int:
    position = int(value)
    return position if order is None else order[position]


def _position(index: int, order: Sequence[int] | None) -> str | None:
    if order is None:
        return str(index)
    return str(order.index(index)) if index in order else None


class ChoiceKind(Kind):
    """A kind whose answer is one option, stored as the option's index."""

    has_options = True
    answer_fields = ("options", "correct_options")

    def field(self, label, choices):
        return RadioField(label, choices=choices, validators=[Optional()], validate_choice=True,
                          option_widget=FastRadioInput())

    def read(self, sent, answer, order):
        # RadioField: the first value sent, else the stored answer's; Optional() lets a blank one
        # through (clearing the choice check's error); anything else must be one of the places.
        if not sent:
            return self.to_field_data(answer, order)
        return sent[0] if not sent[0].strip() or sent[0] in _places(len(order)) else UNREAD

    def to_answer(self, data, order=None, lang=None):
        # Blank includes whitespace: the field's Optional() lets "\r" through as no answer, not as a choice.
        return None if data is None or data == "None" or not str(data).strip() else _index(data, order)

    def to_field_data(self, answer, order=None):
        return None if answer is None else _position(answer, order)

    def fraction(self, question, answer):
        return 1.0 if answer is not None and answer in question.correct else 0.0

    def describe(self, question, answer):
        if answer is None or not 0 <= answer < len(question.options):
            return ""
        return question.options[answer]

    def correct_text(self, question):
        return "; ".join(question.options[i] for i in question.correct if 0 <= i < len(question.options))


class SingleChoice(ChoiceKind):
    name = "single"
    label = _l("Single choice")


class TrueFalse(ChoiceKind):
    name = "true_false"
    label = _l("True or false")
    # Its two options are always the language's "true" and "false": only which one is right is chosen.
    answer_fields = ("correct_options",)


class MultipleSelect(ChoiceKind):
    name = "multiple"
    label = _l("Multiple select")

    def field(self, label, choices):
        return MultiCheckboxField(label, choices=choices)

    def read(self, sent, answer, order):
        # MultiCheckboxField: the values sent but blank ones (none sent is none ticked), each a place.
        ticked = [value for value in sent if value != ""]
        return ticked if all(value in _places(len(order)) for value in ticked) else UNREAD

    def to_answer(self, data, order=None, lang=None):
        chosen = sorted({_index(value, order) for value in data or [] if str(value).strip()})
        return chosen or None

    def to_field_data(self, answer, order=None):
        positions = (_position(index, order) for index in answer or [])
        return [position for position in positions if position is not None]

    def fraction(self, question, answer):
        """Give signed fractions as Moodle does, floored at zero.

        Each right option ticked earns 1/(right options), each wrong one costs
        1/(wrong options): ticking everything scores 0, guessing never pays.
        """
        if not answer:
            return 0.0
        correct = set(question.correct)
        wrong = set(range(len(question.options))) - correct
        ticked = set(answer)
        # Exact, in whole numbers over one denominator (right x wrong options): 1 - 1/3 - 1/3 - 1/3
        # is 0 here, not 1e-16 ("partly right"), and no Fraction is built on every submit.
        right_share, wrong_share = max(len(correct), 1), max(len(wrong), 1)
        numerator = len(ticked & correct) * wrong_share - len(ticked - correct) * right_share
        denominator = right_share * wrong_share
        return max(0, min(denominator, numerator)) / denominator

    def describe(self, question, answer):
        return "; ".join(question.options[i] for i in answer or [] if 0 <= i < len(question.options))


class TextKind(Kind):
    """A kind answered in words, graded tolerantly against accepted answers."""

    answer_fields = ("accepted",)

    def field(self, label, choices):
        return StringField(label, validators=[Optional(), Length(max=MAX_TEXT_ANSWER)], filters=[clean_text],
                           render_kw={"maxlength": MAX_TEXT_ANSWER}, widget=FastTextInput())

    def read(self, sent, answer, order):
        # StringField: the first value sent, else the stored answer, then clean_text; Optional()
        # lets a blank one through, and Length counts the cleaned text.
        if not sent:
            return clean_text(self.to_field_data(answer, order))
        text = clean_text(sent[0])
        return text if not sent[0].strip() or len(text) <= MAX_TEXT_ANSWER else UNREAD

    def fraction(self, question, answer):
        if not answer:
            return 0.0
        accepted = [str(value) for value in question.correct]
        return 1.0 if answers_match(str(answer), accepted, question.document.language) else 0.0


class Cloze(TextKind):
    name = "cloze"
    label = _l("Fill in the blank")


class ShortAnswer(TextKind):
    name = "short"
    label = _l("Short answer")


def _as_written(question) -> str:
    """Return the key's number as the document writes it ("33,5", "tre"), from its stored answer texts, or "".

    The generator keeps the written form ("33,5 metri"); a teacher's own key is stored
    as typed. Only a written number of the key's value is shown, without its unit.
    """
    value = float(question.correct[0])
    for text in question.answer_texts or ():
        figures = re.match(r"\d[\d.,\u202f ]*\d|\d", str(text))
        written = figures.group(0).strip() if figures else str(text).strip()
        read = [parse_answer_number(written, sep) for sep in (".", ",")] if figures else [parse_answer_number(written)]
        if written and any(r is not None and abs(r - value) <= 1e-9 * max(1.0, abs(value)) for r in read):
            return written
    return ""


class Numeric(Kind):
    name = "numeric"
    label = _l("Number")
    answer_fields = ("accepted", "tolerance")

    def field(self, label, choices):
        return StringField(
            label,
            validators=[Optional(), Length(max=MAX_NUMBER_ANSWER), _number_validator],
            # A text box, not type="number": browsers refuse "cento" and "25,000" in a
            # number box and send nothing; the server reads them and says what it needs.
            widget=FastTextInput(),
        )

    def read(self, sent, answer, order):
        # StringField without filters: the first value sent, else the stored answer's; Optional() lets a
        # blank one through; else Length and _number_validator: MAX_NUMBER_ANSWER characters at most, a number.
        if not sent:
            return self.to_field_data(answer, order)
        value = sent[0]
        if not value.strip() or (len(value) <= MAX_NUMBER_ANSWER and parse_answer_number(value) is not None):
            return value
        return UNREAD

    def to_answer(self, data, order=None, lang=None):
        if data in (None, ""):
            return None
        # "25,000" is twenty-five thousand in English and twenty-five in Italian.
        return parse_answer_number(str(data), get_decimal_symbol(lang) if lang else None, lang)

    def to_field_data(self, answer, order=None):
        if answer is None:
            return ""
        return str(int(answer)) if float(answer).is_integer() else str(answer)

    def fraction(self, question, answer):
        if answer is None or not question.correct:
            return 0.0
        expected = float(question.correct[0])
        allowed = abs(question.tolerance or 0) + _EPSILON * max(1.0, abs(expected))
        return 1.0 if abs(float(answer) - expected) <= allowed else 0.0

    def describe(self, question, answer):
        return self.to_field_data(answer)

    def correct_text(self, question):
        if not question.correct:
            return ""
        text = _as_written(question) or self.to_field_data(question.correct[0])
        return f"{text} ± {question.tolerance:g}" if question.tolerance else text


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (SingleChoice(), MultipleSelect(), TrueFalse(), Cloze(), Numeric(), ShortAnswer())
}


def kind_of(question) -> Kind:
    """Return the registered kind of a question."""
    return KINDS[question.kind]
