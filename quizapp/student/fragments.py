"""Render the student's pages' repeated parts once per look, shared among requests and students.

The join page a new student sees (its heading, the quiz's facts and the name or
identifier field) is the same for a whole class but for its two hidden tokens:
it is rendered once per quiz look and language (JoinPage) and the tokens are
written around it on each request. A result page likewise is the same for every
student with the same score and tally of right and wrong answers but for its
review's rows (each rendered once per look, student/review.py) and its retry
form's token (ResultPage).


A question's block on the page (its legend, hint and inputs) depends only on
the quiz entry (a shared object, new with each version of the quiz), the
attempt's option order, the interface language, the number it is shown with
and the answer filled in. Most pages repeat a look that another student or an
earlier request already had (every blank question, every option picked), so
the HTML is kept per process under those, and the form and its Jinja macro
are built only for a look not seen yet. A page showing a posted form's errors
is always rendered afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import re
import secrets
from dataclasses import dataclass

from flask import current_app, get_template_attribute
from flask_babel import get_locale
from markupsafe import Markup, escape

from ..kinds import html_params, kind_of, select_choices
from ..lru import SharedLRU
from ..services.attempts import Item
from . import forms

# Blocks a process keeps (a few hundred bytes to a few kilobytes each).
MAX_BLOCKS = 8192
# Join pages a process keeps (a kilobyte each): a quiz look per language, for many quizzes.
MAX_JOIN_PAGES = 1024
# Result pages a process keeps (a kilobyte or two each): the scores and tallies of many quizzes' students.
MAX_RESULT_PAGES = 4096
# Stands for the hidden tokens while the shared part of a join page is rendered.
_TOKENS = Markup("<!--quizapp:join-tokens-->")

_blocks: SharedLRU[Markup] = SharedLRU(MAX_BLOCKS)
_join_pages: SharedLRU[JoinPage] = SharedLRU(MAX_JOIN_PAGES)


def _look(data: Any) -> Any:
    """Return a field's data as part of a key: lists (checked boxes) as tuples, anything else as it is."""
    if isinstance(data, list):
        return tuple(data)
    return data if isinstance(data, str | int | float | type(None)) else repr(data)


class QuestionBlocks:
    """The question blocks of one page, filled with the saved answers or with a posted form that has errors."""

    def __init__(self, items: list[Item], saved: dict[int, Any], posted: forms.AnswersForm | None = None):
        self._saved, self._form = saved, posted
        self._fresh = posted is not None
        self._locale = str(get_locale())

    def _field(self, item: Item):
        if self._fresh:
            return self._form[forms.field_name(item)]
        # A look not seen yet: a form of this one question (a shuffled question has many looks,
        # the page's others are most likely kept), without a CSRF field, which the block never shows.
        return forms.attempt_form([item], self._saved, csrf=False)[forms.field_name(item)]

    def html(self, item: Item, number: int) -> Markup:
        """Return the HTML of one question, rendered by macros/questions.html at most once per look."""
        if self._fresh:
            return _render(self._field(item), item, number)
        question = item.question
        kind = kind_of(question)
        data = kind.to_field_data(self._saved.get(question.id), item.option_order)
        look = _look(data)
        if kind.has_options and look in (None, ()):
            return _unanswered(item, number, self._locale)
        key = (item.entry, item.option_order, self._locale, number, look)
        return _blocks.get_or_make(key, lambda: _render(self._field(item), item, number))


def _render(field, item: Item, number: int) -> Markup:
    return Markup(get_template_attribute("macros/questions.html", "question")(field, item, number))


# A choice question not answered yet differs between attempts only in the order of its option
# labels (inputs are valued and named by place, not by option): one block serves every order,
# rendered with a marker for each place's label. A question of eight options has 40,320
# orders, so keyed by order nearly every new attempt rendered its block afresh.
_TAG = secrets.token_hex(8)  # no prompt or label holds it: the markers are found only where they were put
_MARK = "\x00" + _TAG + ":{}\x00"
_MARKS = re.compile("\x00" + _TAG + ":(\\d+)\x00")
_unanswered_blocks: SharedLRU[tuple[tuple[str, ...], tuple[int, ...]]] = SharedLRU(MAX_BLOCKS)


def _unanswered(item: Item, number: int, locale: str) -> Markup:
    """Return an unanswered choice question's block, its labels written in the attempt's order."""
    texts, places = _unanswered_blocks.get_or_make((item.entry, locale, number), lambda: _marked(item, number))
    options, order = item.question.options, item.option_order
    html = [texts[0]]
    for place, text in zip(places, texts[1:]):
        label = options[order[place]]
        # As option_inputs shows it: the label, or the input's value (its place) for an empty one.
        html.append(escape(label) if label else str(place))
        html.append(text)
    return Markup("".join(html))


def _marked(item: Item, number: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Render the unanswered block with a marker for each place's label; return the text between and the places."""
    field = forms.attempt_form([item], {}, csrf=False)[forms.field_name(item)]
    field.choices = select_choices((str(place), Markup(_MARK.format(place)))
                                   for place in range(len(item.question.options)))
    pieces = _MARKS.split(_render(field, item, number))
    return tuple(pieces[0::2]), tuple(int(place) for place in pieces[1::2])


def option_inputs(field) -> list[tuple[str, Markup, str]]:
    """Return each option of a choice field as (id, its <input>, its label), as WTForms renders them.

    Iterating the field builds and binds a field per option, and a question with many
    options in a shuffled order has looks that are rarely seen twice: that was most
    of the question page's work. The HTML is the same: the id, name, type, value,
    checked state and validation flags of WTForms' option field, written with
    WTForms' attribute rules (kinds.html_params).
    """
    widget = field.option_widget
    flags = {name: getattr(field.flags, name) for name in dir(field.flags) if name in widget.validation_attrs}
    inputs = []
    for position, (value, label, checked, *_) in enumerate(field.iter_choices()):
        option_id = f"{field.id}-{position}"
        attributes = html_params(name=field.name, id=option_id, type=widget.input_type, value=str(value),
                                 **({"checked": True} if checked else {}), **flags)
        inputs.append((option_id, Markup(f"<input {attributes}>"), label or value))
    return inputs


@dataclass(frozen=True)
class JoinPage:
    """The content of a new student's join page around its hidden tokens (student/join.html writes them between)."""

    head: Markup
    tail: Markup


def join_page(quiz, question_count: int, asks: str) -> JoinPage:
    """Return a new student's join page for this quiz, rendered once per look and language.

    The key holds everything the page shows (title, language, the quiz's facts,
    which field it asks for, the interface language and zone), so a teacher's
    change to any of them is a new look, not a stale page. The content block is
    student/join.html's own, rendered with a marker where the tokens go.
    """
    config = current_app.config
    key = (quiz.id, quiz.title, quiz.document.language, question_count, quiz.time_limit_minutes,
           quiz.max_attempts, quiz.closes_at, asks, str(get_locale()), config["BABEL_DEFAULT_TIMEZONE"])
    return _join_pages.get_or_make(key, lambda: _render_join_page(quiz, question_count, asks))


def _render_join_page(quiz, question_count: int, asks: str) -> JoinPage:
    template = current_app.jinja_env.get_template("student/join.html")
    context = {"quiz": quiz, "question_count": question_count, "participant": None, "last_attempt": None,
               "reason": None, "form": forms.JoinForm(formdata=None, asks=asks, meta={"csrf": False}),
               "tokens": _TOKENS}
    current_app.update_template_context(context)
    html = "".join(template.blocks["content"](template.new_context(context)))
    head, tail = html.split(str(_TOKENS))
    return JoinPage(Markup(head), Markup(tail))


# Where a result page's shared content takes the review's rows and the retry form's token.
_ROWS, _TOKEN = 0, 1


@dataclass(frozen=True)
class ResultPage:
    """The content of a result page around its review rows and its retry form's token, each where it goes."""

    texts: tuple[str, ...]
    places: tuple[int, ...]

    def html(self, rows: Markup, token: Callable[[], str]) -> Markup:
        """Return the content with this student's rows, and a token only if the page has a retry form."""
        html = [self.texts[0]]
        for place, text in zip(self.places, self.texts[1:]):
            html.append(rows if place == _ROWS else escape(token()))
            html.append(text)
        return Markup("".join(html))


_result_pages: SharedLRU[ResultPage] = SharedLRU(MAX_RESULT_PAGES)


def result_page(quiz, attempt, rows: list, shown: bool, can_retry: bool) -> ResultPage:
    """Return a result page's content for this look, rendered once per look and language.

    The key holds everything student/result.html's content shows but the rows'
    own HTML: the quiz's title, language, code, pass mark and review setting,
    the attempt's number, score and how it was submitted, the tally of its rows,
    whether it may be tried again, the interface language and zone.
    """
    verdicts = [row.verdict for row in rows]
    tally = (verdicts.count("right"), verdicts.count("partial"), len(verdicts))
    key = (quiz.id, quiz.title, quiz.document.language, quiz.join_code, quiz.pass_mark, quiz.review, quiz.closes_at,
           attempt.number, attempt.score, attempt.max_score, attempt.auto_submitted, shown, tally, can_retry,
           str(get_locale()), current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return _result_pages.get_or_make(key, lambda: _render_result_page(quiz, attempt, rows, shown, can_retry))


def _render_result_page(quiz, attempt, rows: list, shown: bool, can_retry: bool) -> ResultPage:
    template = current_app.jinja_env.get_template("student/result.html")
    context = {"quiz": quiz, "attempt": attempt, "rows": rows, "review_shown": shown, "can_retry": can_retry,
               "review_html": Markup(_MARK.format(_ROWS)), "retry_token": Markup(_MARK.format(_TOKEN)),
               "fresh": None}
    current_app.update_template_context(context)
    pieces = _MARKS.split("".join(template.blocks["content"](template.new_context(context))))
    return ResultPage(tuple(pieces[0::2]), tuple(int(place) for place in pieces[1::2]))
