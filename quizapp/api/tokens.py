"""The teacher's page of personal API tokens: create one (shown once), see when each was last used, revoke."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from ..extensions import db
from ..kinds import select_choices
from ..models import ApiToken
from ..services import api_tokens
from ..teacher.forms import EmptyForm, Form
from ..teacher.views import done

bp = Blueprint("api_tokens", __name__, url_prefix="/teach/api-tokens")


@bp.before_request
@login_required
def require_login():
    """Keep the token page behind the login."""


class TokenForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=api_tokens.NAME_LENGTH)],
                       description=_l("What the token is for, such as “grade sync script”."))
    scope = SelectField(_l("Scope"), choices=select_choices([
        ("read", _l("Read: list and download only")), ("write", _l("Write: also add, change and publish"))]),
        default="read")


def _page(form: TokenForm, new_token: str | None = None, status: int = 200):
    return render_template("api/tokens.html", form=form, tokens=api_tokens.active(current_user),
                           new_token=new_token, button_form=EmptyForm(),
                           docs=url_for("api_docs.page"), api_base=url_for("api_account.me", _external=True)
                           .removesuffix("/me")), status


@bp.route("/", methods=["GET", "POST"])
def index():
    form = TokenForm()
    if form.validate_on_submit():
        try:
            _token, secret = api_tokens.create(current_user, form.name.data, form.scope.data)
        except api_tokens.TokenError as error:
            db.session.rollback()
            form.name.errors.append(str(error))
            return _page(form, status=400)
        db.session.commit()
        # Shown in this response only, never flashed: the session cookie is signed, not secret.
        return _page(TokenForm(formdata=None), new_token=secret, status=201)
    return _page(form, status=400 if form.errors else 200)


@bp.post("/<int:token_id>/revoke")
def revoke(token_id: int):
    form = EmptyForm()
    token = db.get_or_404(ApiToken, token_id)
    # A token is personal: nobody else, administrators included, sees or revokes it.
    if token.user_id != current_user.id or token.revoked_at is not None:
        abort(404)
    if not form.validate_on_submit():
        abort(400)
    api_tokens.revoke(token)
    return done(_("The token “%(name)s” is revoked: it no longer works.", name=token.name), "api_tokens.index")
