"""Forms students fill in: the join code, their name, and the quiz itself."""

from __future__ import annotations

import secrets
from typing import Any

from flask import g, request
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length, Optional

from ..kinds import UNREAD, FastHiddenInput, FastTextInput, clean_text, kind_of, option_choices
from ..lru import SharedLRU
from ..services.attempts import Item

MAX_NAME = 80


class CodeForm(FlaskForm):
    code = StringField(_l("Join code"), validators=[DataRequired(), Length(max=20)],
                       render_kw={"autocomplete": "off", "autocapitalize": "characters",
                                  "spellcheck": "false"})


MAX_JOIN_KEY = 64


def new_join_key() -> str:
    """Return a fresh key naming one join form (see JoinForm.join_key)."""
    return secrets.token_urlsafe(18)


class JoinForm(FlaskForm):
    """Ask for a display name, or for a class-list identifier when the quiz has a roster."""

    # Every student's first page shows this form: its inputs are written with the fast html_params (kinds.py).
    display_name = StringField(_l("Your name"), validators=[Optional(), Length(max=MAX_NAME)],
                               filters=[clean_text], render_kw={"autocomplete": "name"}, widget=FastTextInput())
    identifier = StringField(_l("Your identifier from the class list"),
                             validators=[Optional(), Length(max=MAX_NAME)], filters=[clean_text],
                             render_kw={"autocomplete": "off", "spellcheck": "false"}, widget=FastTextInput())
    # Names this form: sent twice (a double click), it registers one participant, not two.
    join_key = HiddenField(default=new_join_key, validators=[Optional(), Length(max=MAX_JOIN_KEY)],
                           widget=FastHiddenInput())

    def __init__(self, *args, asks: str | None = "display_name", **kwargs):
        """Build the form; ``asks`` names the required field, None for a student already known."""
        super().__init__(*args, **kwargs)
        self.asks = asks

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        required = self[self.asks] if self.asks else None
        if required is not None and not (required.data or "").strip():
            required.errors = [*required.errors, _l("This field is required.")]
            ok = False
        return ok


def _typed(formdata, name: str, most: int, clean=None) -> tuple[bool, str | None]:
    """Read one of the join form's fields as JoinForm does: (its length is within ``most``, its data).

    As a StringField: the first value sent, else None, then the field's filter;
    Optional: a blank value is not checked further; Length: the filtered data.
    """
    sent = formdata.getlist(name)
    if not sent:
        return True, None
    data = clean(sent[0]) if clean else sent[0]
    return not sent[0].strip() or len(data) <= most, data


def join_entry(asks: str | None) -> dict[str, str | None] | None:
    """Return the posted join form's data when JoinForm would accept it, else None (JoinForm then judges and explains).

    Every join of a join rush is a valid form: read here with JoinForm's own
    rules, it needs no form built (its fields bound, its validators and
    translations looked up). Anything else, an error to show, goes to JoinForm.
    The CSRF token was checked by CSRFProtect before the view; a request it did
    not check (CSRF off by configuration) goes to JoinForm too.
    """
    if not g.get("csrf_valid") or request.files:
        return None
    formdata = request.form
    name_ok, display_name = _typed(formdata, "display_name", MAX_NAME, clean_text)
    identifier_ok, identifier = _typed(formdata, "identifier", MAX_NAME, clean_text)
    key_ok, join_key = _typed(formdata, "join_key", MAX_JOIN_KEY)
    entry = {"display_name": display_name, "identifier": identifier,
             "join_key": new_join_key() if join_key is None else join_key}
    if not (name_ok and identifier_ok and key_ok) or (asks and not (entry[asks] or "").strip()):
        return None
    return entry


class AnswersForm(FlaskForm):
    """Base of the per-attempt form; fields are added by attempt_form()."""


def field_name(item: Item) -> str:
    return f"q{item.question.id}"


# Form classes asking a set of quiz entries (a page, or what an autosave names), kept per process:
# building a WTForms class is most of a form's cost, and a quiz's pages are few.
MAX_FORM_CLASSES = 2048
_form_classes: SharedLRU[type[AnswersForm]] = SharedLRU(MAX_FORM_CLASSES)


def _form_class(items: list[Item]) -> type[AnswersForm]:
    """Return the form class asking these entries, built once per set of entries of a quiz version.

    Entries are the quiz layout's shared objects, new with each version of the
    quiz, so an edited question gets a new class. Choices are in the questions'
    natural order here; attempt_form puts each attempt's own order on the instance.
    """
    return _form_classes.get_or_make(frozenset(item.entry for item in items), lambda: _build_form_class(items))


def _build_form_class(items: list[Item]) -> type[AnswersForm]:
    fields = {}
    for item in items:
        question = item.question
        choices = option_choices(question.options, range(len(question.options)))
        fields[field_name(item)] = kind_of(question).field(question.prompt, choices)
    return type("AttemptPageForm", (AnswersForm,), fields)


def attempt_form(items: list[Item], saved: dict[int, Any], formdata=None, *, csrf: bool = True) -> AnswersForm:
    """Build the form that asks these questions, refilled with saved answers.

    ``formdata=None`` reads the request's form (Flask-WTF's default); pass
    ``csrf=False`` when the request was checked another way (the JSON autosave
    sends its token in a header).
    """
    data = {
        field_name(item): kind_of(item.question).to_field_data(saved.get(item.question.id), item.option_order)
        for item in items
    }
    meta = None if csrf else {"csrf": False}
    form_class = _form_class(items)
    form = form_class(data=data, meta=meta) if formdata is None else form_class(formdata=formdata, data=data, meta=meta)
    for item in items:
        if kind_of(item.question).has_options:
            # This attempt's option order: what the page shows and what validation accepts.
            form[field_name(item)].choices = option_choices(item.question.options, item.option_order)
    return form


def answers_from(form: AnswersForm, items: list[Item]) -> dict[int, Any]:
    """Read the validated answers of the given items, by question id."""
    return {
        item.question.id: kind_of(item.question).to_answer(form[field_name(item)].data, item.option_order,
                                                            item.question.document.language)
        for item in items
    }


def page_answers(items: list[Item], saved: dict[int, Any]) -> dict[int, Any] | None:
    """Return the posted page's answers by question id when its form would accept them all, else None.

    Nearly every page change and submit posts a valid page: read here with each
    field's own rules (read_answers), it needs no form built (its fields bound and
    filled with ``saved``, the stored answers, and each choice list made). Anything
    else, an error to show, is None: attempt_form then judges and explains. As with
    join_entry, only a request whose CSRF token CSRFProtect checked, and which
    the form would read from its form data alone (no files), is read here.
    """
    formdata = request.form
    if not g.get("csrf_valid") or request.files or not formdata:
        return None
    return read_answers(items, saved, formdata)


def read_answers(items: list[Item], saved: dict[int, Any], formdata: MultiDict) -> dict[int, Any] | None:
    """Return the answers ``formdata`` gives these items, by question id, when their form would accept them all.

    Each kind's Kind.read follows its field's WTForms rules; what the form built by
    attempt_form(items, saved, formdata) would refuse, or a kind does not read, is
    None: that form then judges and explains. The answers are the ones
    answers_from would read from that form once validated.
    """
    answers = {}
    for item in items:
        question = item.question
        kind = kind_of(question)
        data = kind.read(formdata.getlist(field_name(item)), saved.get(question.id), item.option_order)
        if data is UNREAD:
            return None
        answers[question.id] = kind.to_answer(data, item.option_order, question.document.language)
    return answers


class PayloadError(ValueError):
    """An autosave body that is not shaped as {"answers": {"q<id>": value}}."""


def formdata_from_json(payload: Any, items: list[Item]) -> tuple[MultiDict, list[Item]]:
    """Turn an autosave body into form data and the items it answers.

    A value is a string, a number, a list of them (checkboxes) or null (no
    answer). Only the questions named are touched, so a save from one page
    never clears the answers of another.
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("answers"), dict):
        raise PayloadError(str(_l('Send {"answers": {...}} as JSON.')))
    by_name = {field_name(item): item for item in items}
    formdata: MultiDict = MultiDict()
    chosen = []
    for name, value in payload["answers"].items():
        item = by_name.get(name)
        if item is None:
            raise PayloadError(str(_l("That question is not part of this attempt.")))
        values = value if isinstance(value, list) else [value]
        for single in values:
            if isinstance(single, bool) or not isinstance(single, str | int | float | type(None)):
                raise PayloadError(str(_l("An answer is not a text, a number or a list of them.")))
            if single is not None:
                formdata.add(name, str(single))
        if name not in formdata:
            # An empty value, unlike a missing one, clears a text or radio answer.
            formdata.add(name, "")
        chosen.append(item)
    return formdata, chosen
