"""Log teachers in and out."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import db, limiter
from ..redirects import local_target
from ..services import accounts
from .forms import LoginForm

bp = Blueprint("auth", __name__, url_prefix="/auth")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
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
