"""Forms of the import pages: the file to read, and the previewed file to save."""

from __future__ import annotations

import base64
import binascii

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, Regexp, ValidationError

from ..generator.lang import SUPPORTED
from ..kinds import select_choices
from ..teacher.forms import LANGUAGES, Form
from .service import DEFAULT_MAX_BYTES

# A pasted GIFT text: the file limit's worth of characters at most (the request's own limit holds too).
MAX_PASTED = DEFAULT_MAX_BYTES


class UploadForm(Form):
    """Choose a GIFT or Moodle XML file, or paste GIFT text."""

    upload = FileField(_l("Question file"), description=_l("Moodle GIFT (.gift or .txt) or Moodle XML (.xml)."))
    text = TextAreaField(_l("…or paste GIFT questions"), validators=[Length(max=MAX_PASTED)])
    language = SelectField(_l("Language of the questions"),
                           choices=select_choices([("", _l("Detect it"))] + LANGUAGES), default="",
                           description=_l("For a new document: it decides the words of true or false options "
                                          "and how typed answers are compared."))

    def has_file(self) -> bool:
        return bool(self.upload.data and getattr(self.upload.data, "filename", ""))

    def validate_text(self, field) -> None:
        pasted = (field.data or "").strip()
        if not pasted and not self.has_file():
            raise ValidationError(_l("Choose a file or paste GIFT questions."))
        if pasted and self.has_file():
            raise ValidationError(_l("Choose a file or paste GIFT questions, not both."))

    def source(self) -> tuple[str, bytes]:
        """Return the file's name and bytes (pasted text is a GIFT file of its own)."""
        if self.has_file():
            return self.upload.data.filename, self.upload.data.read()
        return "pasted.gift", self.text.data.encode("utf-8")


class SaveForm(Form):
    """Carry the previewed file back, exactly as it was read, to save its questions."""

    # The file's bytes in base64: byte for byte what was previewed, whatever its encoding.
    source = HiddenField(validators=[DataRequired(), Length(max=(DEFAULT_MAX_BYTES * 4) // 3 + 8)])
    filename = HiddenField(validators=[Length(max=255)])
    language = HiddenField(validators=[DataRequired(), AnyOf(SUPPORTED)])
    digest = HiddenField(validators=[DataRequired(), Regexp(r"^[0-9a-f]{64}$")])

    def validate_source(self, field) -> None:
        try:
            base64.b64decode(field.data or "", validate=True)
        except (binascii.Error, ValueError) as error:
            raise ValidationError(_l("The previewed file did not come back whole: upload it again.")) from error

    def data_bytes(self) -> bytes:
        return base64.b64decode(self.source.data, validate=True)

    @staticmethod
    def carrying(filename: str, data: bytes, language: str, digest: str) -> SaveForm:
        """Return the form filled with a previewed file."""
        return SaveForm(formdata=None, source=base64.b64encode(data).decode("ascii"), filename=filename,
                        language=language, digest=digest)
