"""Forms of the LTI pages: registering a platform, choosing a quiz for a course."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import URL, DataRequired, Length, ValidationError

from ..teacher.forms import Form
from .models import ID_LENGTH, URL_LENGTH

MAX_DEPLOYMENTS = 50


def _https_or_local(form, field) -> None:
    """Refuse plain http except on this machine: keys and tokens must not cross the network in clear."""
    value = (field.data or "").strip()
    if value.startswith("http://") and not value.startswith(("http://127.0.0.1", "http://localhost")):
        raise ValidationError(_l("Use an https:// address."))


def _url_field(label, description):
    return StringField(label, description=description, filters=[lambda v: v.strip() if isinstance(v, str) else v],
                       validators=[DataRequired(), Length(max=URL_LENGTH), URL(require_tld=False), _https_or_local])


class PlatformForm(Form):
    """An LMS's registration: what its administrator's tool page shows for quizapp."""

    name = StringField(_l("Name"), description=_l("For you, e.g. \"School Moodle\"."),
                       validators=[DataRequired(), Length(max=120)])
    issuer = StringField(_l("Issuer (platform ID)"), description=_l("Moodle: the site's address, e.g. https://moodle.example.org"),
                         filters=[lambda v: v.strip() if isinstance(v, str) else v],
                         validators=[DataRequired(), Length(max=ID_LENGTH)])
    client_id = StringField(_l("Client ID"), filters=[lambda v: v.strip() if isinstance(v, str) else v],
                            validators=[DataRequired(), Length(max=ID_LENGTH)])
    deployment_ids = TextAreaField(_l("Deployment IDs"), description=_l("One per line."),
                                   validators=[DataRequired(), Length(max=MAX_DEPLOYMENTS * (ID_LENGTH + 2))])
    auth_login_url = _url_field(_l("Authentication request URL"), _l("Moodle: …/mod/lti/auth.php"))
    auth_token_url = _url_field(_l("Access token URL"), _l("Moodle: …/mod/lti/token.php"))
    key_set_url = _url_field(_l("Public keyset URL"), _l("Moodle: …/mod/lti/certs.php"))

    def validate_deployment_ids(self, field) -> None:
        ids = self.deployment_list()
        if not ids:
            raise ValidationError(_l("Give at least one deployment ID."))
        if len(ids) > MAX_DEPLOYMENTS or any(len(item) > ID_LENGTH for item in ids):
            raise ValidationError(_l("At most %(count)d deployment IDs of %(length)d characters each.",
                                     count=MAX_DEPLOYMENTS, length=ID_LENGTH))

    def deployment_list(self) -> list[str]:
        """Return the deployment ids, one per line, without blanks or repeats."""
        seen: list[str] = []
        for line in (self.deployment_ids.data or "").splitlines():
            item = line.strip()
            if item and item not in seen:
                seen.append(item)
        return seen


class QuizChoiceForm(Form):
    """Which of the teacher's quizzes becomes the course's activity."""

    quiz = RadioField(_l("Quiz"), coerce=int, validators=[DataRequired(_l("Choose a quiz."))])


class DocumentChoiceForm(Form):
    """Which of the teacher's documents gives the course's activity: its proposed quiz, published as proposed."""

    document = RadioField(_l("Document"), coerce=int, validators=[DataRequired(_l("Choose a document."))])
