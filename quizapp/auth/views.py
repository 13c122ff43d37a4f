"""Log teachers in and out."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from flask_limiter.util import get_remote_address

from ..extensions import db, limiter
from ..redirects import local_target
from ..services import accounts
from .forms import ChangePasswordForm, LoginForm

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _ip_and_email() -> str:
    # Counted per account and address: at a school behind one address, one teacher's
    # typos must not lock the others out. A looser limit per address still holds.
    return f"{get_remote_address()}|{(request.form.get('email') or '').strip().casefold()}"


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"], key_func=_ip_and_email)
@limiter.limit(lambda: current_app.config["LOGIN_ADDRESS_RATE_LIMIT"], methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("teacher.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(form.email.data, form.password.data)
        if user is not None:
            # A new session at login: nothing from before it (fixation) survives.
            keep = {key: session[key] for key in ("lang",) if key in session}
            session.clear()
            session.update(keep)
            login_user(user)
            # Only local paths: an open redirect after login would help phishing.
            return redirect(local_target(request.args.get("next"), url_for("teacher.dashboard")))
        flash(_("Wrong e-mail or password, or the account is disabled."), "error")
        return render_template("auth/login.html", form=form), 401
    return render_template("auth/login.html", form=form), 400 if form.errors else 200


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    # Rotating the nonce makes a copied or replayed session cookie worthless.
    accounts.end_sessions(current_user)
    db.session.commit()
    logout_user()
    session.clear()
    flash(_("You are logged out."), "info")
    return redirect(url_for("student.index"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    """Let a teacher change their own password; their other sessions end."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(current_user, form.current.data, form.new.data)
        except accounts.AccountError as error:
            form.current.errors.append(str(error))
        else:
            db.session.commit()
            login_user(current_user._get_current_object())  # this session goes on with the new nonce
            flash(_("Your password is changed. Other sessions are logged out."), "success")
            return redirect(url_for("teacher.dashboard"))
    return render_template("auth/password.html", form=form), 400 if form.errors else 200
