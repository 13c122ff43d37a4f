"""Forms students fill in: the join code, their name, and the quiz itself."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length, Optional

from ..kinds import kind_of
from ..services.attempts import Item


class CodeForm(FlaskForm):
    code = StringField(_l("Join code"), validators=[DataRequired(), Length(max=20)],
                       render_kw={"autocomplete": "off", "autocapitalize": "characters"})


class JoinForm(FlaskForm):
    display_name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=80)],
                               render_kw={"autocomplete": "name"})
    identifier = StringField(_l("Your identifier from the class list"), validators=[Optional(), Length(max=80)])


class AnswersForm(FlaskForm):
    """Base of the per-attempt form; fields are added by attempt_form()."""


def field_name(item: Item) -> str:
    return f"q{item.question.id}"


def attempt_form(items: list[Item], saved: dict[int, Any], formdata=None) -> AnswersForm:
    """Build the form that asks these questions, refilled with saved answers."""

    class Form(AnswersForm):
        pass

    for number, item in enumerate(items, start=1):
        question = item.question
        choices = [(str(index), question.options[index]) for index in item.option_order]
        setattr(Form, field_name(item), kind_of(question).field(f"{number}. {question.prompt}", choices))
    data = {field_name(item): kind_of(item.question).to_field_data(saved.get(item.question.id)) for item in items}
    return Form(formdata=formdata, data=data)


def answers_from(form: AnswersForm, items: list[Item]) -> dict[int, Any]:
    """Read the validated answers of the given items, by question id."""
    return {
        item.question.id: kind_of(item.question).to_answer(form[field_name(item)].data) for item in items
    }
