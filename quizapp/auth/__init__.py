"""Teacher sign-in: the login manager's hooks and the auth blueprint."""

from __future__ import annotations

from flask import request
from flask.sessions import SecureCookieSessionInterface
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager

from ..extensions import db
from ..models import User
from .views import bp

__all__ = ["bp", "init_login"]


def load_user(user_id: str) -> User | None:
    """Return the user a session names, if that session is still valid.

    The session carries the account's nonce, so a changed password, a disabled
    account or a logout elsewhere ends it.
    """
    id_part, _, nonce = user_id.partition(":")
    if not id_part.isdigit():
        return None
    user = db.session.get(User, int(id_part))
    if user is None or user.session_nonce != nonce or not user.active:
        return None
    return user


class SessionInterface(SecureCookieSessionInterface):
    """Mark the session cookie Secure on every HTTPS request, not only when configured."""

    def get_cookie_secure(self, app) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or (request and request.is_secure))


@bp.record_once
def _install_session_interface(state) -> None:
    state.app.session_interface = SessionInterface()


def init_login(manager: LoginManager) -> None:
    """Wire the login manager to quizapp's users and login page."""
    manager.user_loader(load_user)
    manager.login_view = "auth.login"
    manager.login_message = _l("Please log in to see this page.")
    manager.login_message_category = "info"
    manager.session_protection = "strong"
