"""Forms of the teacher side; each validates its input and says what is wrong next to the field."""

from __future__ import annotations

import math
import re
from decimal import Decimal

from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DecimalField,
    EmailField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    StopValidation,
    ValidationError,
)

from ..config import MAX_TIME_LIMIT_MINUTES
from .. import localtime
from ..kinds import KINDS, MultiCheckboxField, parse_number, select_choices
from ..labels import LANGUAGES as LANGUAGE_NAMES
from ..services.accounts import MIN_PASSWORD_LENGTH
from ..services.bank import (CHOICE_KINDS, STATUSES, TEXT_KINDS, QuestionData, key_count_problem, options_problem,
                             prompt_problem)

LANGUAGES = list(LANGUAGE_NAMES.items())
MAX_TEXT = 1_000_000
TOLERANCE_MESSAGE = _l("Give the tolerance as a number, 0 or more, such as 0.5.")
NUMBER_MESSAGE = _l("Enter a number, such as 2030 or 3.5.")


def new_password_rules() -> list:
    """Return the validators of a new password, each with a message that says how to mend it."""
    return [
        DataRequired(),
        Length(min=MIN_PASSWORD_LENGTH, message=_l("This password is too short: use at least %(min)d characters.")),
        Length(max=256, message=_l("This password is too long: use at most %(max)d characters.")),
    ]


def drop_nul(value):
    """Remove NUL characters: PostgreSQL text cannot hold them, and no teacher means to type one."""
    return value.replace("\x00", "") if isinstance(value, str) else value


class Form(FlaskForm):
    """A Flask-WTF form whose text fields all drop NUL characters."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            if issubclass(unbound_field.field_class, StringField):
                options = {**options, "filters": [*unbound_field.kwargs.get("filters", ()), drop_nul]}
            return unbound_field.bind(form=form, **options)


class EmptyForm(Form):
    """A form with only the CSRF token, for buttons that change something."""


class DocumentForm(Form):
    title = StringField(_l("Title"), validators=[Optional(), Length(max=200)],
                        description=_l("Leave empty to use the document's first line."))
    # No Optional(): it would stop the chain before validate_text sees an empty form.
    text = TextAreaField(_l("Paste the text"), validators=[Length(max=MAX_TEXT)])
    upload = FileField(_l("…or upload a file"), description=_l(".txt, .md, .html, .pdf or .docx"))
    language = SelectField(_l("Language"), choices=select_choices([("", _l("Detect it"))] + LANGUAGES), default="")

    def validate_text(self, field) -> None:
        has_file = bool(self.upload.data and getattr(self.upload.data, "filename", ""))
        if not (field.data or "").strip() and not has_file:
            raise ValidationError(_l("Paste a text or choose a file."))
        if (field.data or "").strip() and has_file:
            raise ValidationError(_l("Paste a text or choose a file, not both."))


class LanguageForm(Form):
    language = SelectField(_l("Language"), choices=select_choices(LANGUAGES), validators=[DataRequired()])


def finite(message):
    """Return a validator refusing Infinity and NaN, which DecimalField reads as numbers.

    It stops the chain: NumberRange would let Infinity through and fail on NaN.
    """

    def check(form, field) -> None:
        if field.data is not None and not math.isfinite(float(field.data)):
            raise StopValidation(message)

    return check


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionForm(Form):
    """Edit or write a question; what "correct" means depends on the kind."""

    kind = SelectField(_l("Kind"), choices=select_choices((name, kind.label) for name, kind in KINDS.items()))
    prompt = TextAreaField(_l("Question"), validators=[DataRequired(), Length(max=2000)])
    options = TextAreaField(_l("Options, one per line"), validators=[Length(max=5000)],
                            description=_l("For single choice, multiple select and true or false."))
    correct_options = StringField(_l("Numbers of the correct options"), validators=[Length(max=100)],
                                  description=_l("For example 2, or 1, 3 for multiple select."))
    accepted = TextAreaField(_l("Accepted answers, one per line"), validators=[Length(max=2000)],
                             description=_l("For fill in the blank and short answer; the number for a numeric question."))
    tolerance = DecimalField(_l("Tolerance (numeric questions)"), places=None,
                             validators=[Optional(), finite(TOLERANCE_MESSAGE), NumberRange(min=0, message=TOLERANCE_MESSAGE)],
                             default=0)
    explanation = TextAreaField(_l("Explanation shown after the answer"), validators=[Length(max=3000)])
    points = DecimalField(_l("Points"), places=None,
                          validators=[InputRequired(), finite(NUMBER_MESSAGE), NumberRange(min=0, max=1000)], default=1)
    # The kind whose fields the page showed: a different kind chosen asks for its own fields first.
    shown_kind = HiddenField()

    def __init__(self, *args, true_false: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # The document language's two options, as the generator writes them (see bank.true_false_options).
        self.true_false = list(true_false or ["True", "False"])

    def switching(self) -> bool:
        """Tell whether the teacher chose another kind than the page showed the fields of: show them, save nothing."""
        return bool(self.shown_kind.data) and self.shown_kind.data != self.kind.data and self.kind.data in KINDS

    def answer_fields(self) -> list:
        """Return the fields the current kind's answer needs (a blank has no options, only a number a tolerance)."""
        kind = KINDS.get(self.kind.data) or KINDS["single"]
        self.shown_kind.data = kind.name
        if kind.name == "numeric":
            self.accepted.label.text = _l("The correct number")
            self.accepted.description = _l("Such as 2030 or 3.5.")
            self.tolerance.label.text = _l("Tolerance")
            self.tolerance.description = _l("How far from the number an answer may be and still count as right.")
        elif kind.name in TEXT_KINDS:
            self.accepted.description = _l("Every answer that counts as right; capitals and accents do not matter.")
        elif kind.name == "true_false":
            self.correct_options.label.text = _l("The right answer")
            self.correct_options.description = ", ".join(
                str(_l("%(n)d for “%(option)s”", n=number, option=option))
                for number, option in enumerate(self.true_false, 1))
        else:
            self.options.description = ""
        # A field of another kind shows too when it holds a message: a post that filled it in is told why it failed.
        return [field for field in (self.options, self.correct_options, self.accepted, self.tolerance)
                if field.name.removeprefix(self._prefix) in kind.answer_fields or field.errors]

    def choice_options(self) -> list[str]:
        """Return the options a choice question gets: those typed, or always the two of true or false."""
        if self.kind.data == "true_false":
            return self.true_false
        return _lines(self.options.data)

    # The rules on prompts, options and keys are the bank's (bank.check applies them to the API's input).
    def validate_prompt(self, field) -> None:
        problem = prompt_problem(self.kind.data, field.data or "")
        if problem:
            raise ValidationError(problem)

    def validate_options(self, field) -> None:
        # A true or false question's other options would make it a multiple choice in disguise (and in every
        # export); an empty box means "the usual two", so a teacher switching the kind needn't type them.
        problem = options_problem(self.kind.data, _lines(field.data), self.true_false)
        if problem:
            raise ValidationError(problem)

    def validate_correct_options(self, field) -> None:
        if self.kind.data not in CHOICE_KINDS:
            return
        numbers = [part for part in re.split(r"[\s,;]+", field.data or "") if part]
        if not numbers or not all(part.isdecimal() for part in numbers):
            raise ValidationError(_l("Give the numbers of the correct options, such as 2 or 1, 3."))
        count = len(self.choice_options())
        if any(not 1 <= int(part) <= count for part in numbers):
            raise ValidationError(_l("Every number must be between 1 and %(n)d.", n=count))
        problem = key_count_problem(self.kind.data, numbers)
        if problem:
            raise ValidationError(problem)

    def validate_accepted(self, field) -> None:
        if self.kind.data in TEXT_KINDS and not _lines(field.data):
            raise ValidationError(_l("Give at least one accepted answer."))
        if self.kind.data == "numeric":
            answers = _lines(field.data)
            if len(answers) != 1 or parse_number(answers[0]) is None:
                raise ValidationError(_l("Give the one correct number, such as 2030 or 3.5."))

    def fill(self, question) -> None:
        """Fill the fields from a stored question."""
        self.kind.data = question.kind
        self.prompt.data = question.prompt
        self.options.data = "\n".join(question.options)
        if question.kind in CHOICE_KINDS:
            self.correct_options.data = ", ".join(str(i + 1) for i in question.correct)
        else:
            self.accepted.data = "\n".join(_number_text(v) for v in question.correct)
        self.tolerance.data = _decimal(question.tolerance)
        self.explanation.data = question.explanation
        self.points.data = _decimal(question.points)

    def cleaned(self) -> QuestionData:
        """Return the validated values as the bank service takes them."""
        kind = self.kind.data
        options: list[str] = []
        correct: list = []
        if kind in CHOICE_KINDS:
            options = self.choice_options()
            correct = sorted({int(part) - 1 for part in re.split(r"[\s,;]+", self.correct_options.data) if part})
        elif kind == "numeric":
            correct = [parse_number(_lines(self.accepted.data)[0])]
        else:
            correct = _lines(self.accepted.data)
        return QuestionData(
            kind=kind,
            prompt=self.prompt.data.strip(),
            options=options,
            correct=correct,
            tolerance=float(self.tolerance.data or 0) if kind == "numeric" else 0.0,
            explanation=(self.explanation.data or "").strip(),
            points=float(self.points.data),
        )


def _decimal(value: float | None) -> Decimal | None:
    """Return a stored float as the form shows it: 60 and 0.5, not 60.0."""
    return None if value is None else Decimal(_number_text(value))


def _number_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class LocalDateTimeField(StringField):
    """A date and time typed in the interface language's way ("30/11/2026 14:05" in Italian), in the instance's zone.

    Not the browser's datetime-local picker: that writes dates in the browser's own language
    (mm/dd/yyyy in an English Chromium) whatever language the page is in. ISO 8601 is read
    too. The data is the wall-clock time, naive; the form converts it to and from UTC.
    """

    def process_formdata(self, valuelist) -> None:
        text = (valuelist[0] if valuelist else "") or ""
        self.data = None
        if text.strip():
            try:
                self.data = localtime.parse_typed(text)
            except ValueError:
                raise ValueError(_("Write a date and time such as %(example)s.",
                                   example=localtime.typed(localtime.EXAMPLE))) from None

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return localtime.typed(self.data) if self.data else ""


class NewQuizForm(Form):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    questions = MultiCheckboxField(_l("Approved questions to include"), coerce=int,
                                   validators=[DataRequired(_l("Choose at least one approved question."))])


class ProposalForm(Form):
    """The generator's proposed quiz: its title and which questions to keep (each question's edits are its own form)."""

    title = StringField(_l("Title of the quiz"), validators=[DataRequired(), Length(max=200)])
    questions = MultiCheckboxField(_l("Questions"), coerce=int,
                                   validators=[DataRequired(_l("Tick at least one question."))])


class BulkStatusForm(Form):
    """Approve, reject or return to draft every ticked question of a bank at once."""

    ids = MultiCheckboxField(_l("Questions"), coerce=int, validators=[DataRequired(_l("Tick at least one question."))])
    status = SelectField(_l("Status"), choices=select_choices((status, status) for status in STATUSES))


class AddQuestionsForm(Form):
    questions = MultiCheckboxField(_l("Approved questions not in the quiz"), coerce=int,
                                   validators=[DataRequired(_l("Choose at least one question."))])


class QuizSettingsForm(Form):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    time_limit_minutes = IntegerField(_l("Time limit (minutes)"), validators=[Optional(), NumberRange(min=1, max=MAX_TIME_LIMIT_MINUTES)],
                                      description=_l("Empty: no time limit."))
    max_attempts = IntegerField(_l("Attempts allowed"), validators=[Optional(), NumberRange(min=1, max=100)],
                                description=_l("Empty: unlimited."))
    grading_method = SelectField(_l("Which attempt counts"), choices=select_choices([
        ("highest", _l("Highest")), ("last", _l("Last")), ("first", _l("First")), ("average", _l("Average"))]))
    # Typed and shown in the instance's time zone; settings() and fill() convert to and from stored UTC.
    opens_at = LocalDateTimeField(_l("Opens at"), validators=[Optional()])
    closes_at = LocalDateTimeField(_l("Closes at"), validators=[Optional()])
    one_per_page = SelectField(_l("Layout"), choices=select_choices([("0", _l("All questions on one page")),
                                                                     ("1", _l("One question per page"))]),
                               default="0")
    shuffle_questions = BooleanField(_l("Shuffle the questions"))
    shuffle_options = BooleanField(_l("Shuffle the options"))
    review = SelectField(_l("Students see their review"), choices=select_choices([
        ("immediately", _l("Immediately after submitting")), ("after_close", _l("After the quiz closes")),
        ("never", _l("Never"))]))
    pass_mark = DecimalField(_l("Pass mark (%)"), places=None,
                             validators=[Optional(), finite(NUMBER_MESSAGE), NumberRange(min=0, max=100)])
    roster = TextAreaField(_l("Class list (optional)"), validators=[Length(max=20000)],
                           description=_l("One student identifier per line; when given, only these can join."))
    # Unticked, students join only with the code or the link.
    listed = BooleanField(_l("List it on the public home page"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The zone is a setting of the running instance, so the hint is written per form, not per class.
        example = localtime.typed(localtime.EXAMPLE)
        hint = _("Date and time in the %(zone)s time zone (%(abbreviation)s), such as %(example)s.",
                 zone=current_app.config["TIMEZONE"], abbreviation=localtime.zone_abbreviation(), example=example)
        for moment in (self.opens_at, self.closes_at):
            moment.description = hint
            moment.render_kw = {"lang": str(get_locale()), "placeholder": example, "autocomplete": "off",
                                "maxlength": localtime.TYPED_MAX_CHARS}

    def validate_closes_at(self, field) -> None:
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError(_l("The quiz must close after it opens."))

    def validate_roster(self, field) -> None:
        if any(len(line) > 80 for line in _lines(field.data)):
            raise ValidationError(_l("An identifier is longer than 80 characters."))

    def settings(self) -> dict:
        """Return the settings as the quiz service takes them."""
        return {
            "title": self.title.data,
            "time_limit_minutes": self.time_limit_minutes.data,
            "max_attempts": self.max_attempts.data,
            "grading_method": self.grading_method.data,
            "opens_at": localtime.to_utc(self.opens_at.data) if self.opens_at.data else None,
            "closes_at": localtime.to_utc(self.closes_at.data) if self.closes_at.data else None,
            "one_per_page": self.one_per_page.data == "1",
            "shuffle_questions": bool(self.shuffle_questions.data),
            "shuffle_options": bool(self.shuffle_options.data),
            "review": self.review.data,
            "pass_mark": float(self.pass_mark.data) if self.pass_mark.data is not None else None,
            "roster": self.roster.data,
            "listed": bool(self.listed.data),
        }

    def fill(self, quiz) -> None:
        """Fill the fields from a stored quiz."""
        for name in ("title", "time_limit_minutes", "max_attempts", "grading_method", "opens_at", "closes_at",
                     "shuffle_questions", "shuffle_options", "review", "pass_mark", "roster", "listed"):
            getattr(self, name).data = getattr(quiz, name)
        self.pass_mark.data = _decimal(quiz.pass_mark)
        for moment in (self.opens_at, self.closes_at):
            moment.data = localtime.to_local(moment.data) if moment.data else None
        self.one_per_page.data = "1" if quiz.one_per_page else "0"


class TeacherForm(Form):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    password = PasswordField(_l("Password"), validators=new_password_rules(),
                             description=_l("At least %(n)d characters.", n=MIN_PASSWORD_LENGTH))
    is_admin = BooleanField(_l("Administrator"))


class PasswordForm(Form):
    password = PasswordField(_l("New password"), validators=new_password_rules(),
                             description=_l("At least %(n)d characters.", n=MIN_PASSWORD_LENGTH))
