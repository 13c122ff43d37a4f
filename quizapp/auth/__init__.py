"""Teacher sign-in: the login manager's hooks and the auth blueprint."""

from __future__ import annotations

import time

from flask import request
from flask.sessions import SecureCookieSessionInterface
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager
from itsdangerous import BadData, URLSafeTimedSerializer
from itsdangerous.encoding import base64_decode, bytes_to_int

from ..extensions import db
from ..lru import SharedLRU
from ..models import User
from .views import bp

__all__ = ["bp", "init_login"]


def load_user(user_id: str) -> User | None:
    """Return the user a session names, if that session is still valid.

    The session carries the account's nonce, so a changed password, a disabled
    account or a logout elsewhere ends it.
    """
    id_part, _, nonce = user_id.partition(":")
    if not id_part.isdecimal():
        return None
    user = db.session.get(User, int(id_part))
    if user is None or user.session_nonce != nonce or not user.active:
        return None
    return user


# Session cookies a process keeps verified (a few hundred bytes each): a school's browsers, with room to spare.
MAX_VERIFIED_COOKIES = 16384


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, its signature checked once per cookie, Secure on every HTTPS request.

    A browser sends the same cookie with every request until the session
    changes (a student's autosaves, for an hour), and checking its signature
    again each time was a good part of a small request's work. A cookie that
    passed is kept under its exact value with the time it was signed, so the
    same value later is only decoded, as long as it is younger than the
    session's lifetime; any other value is checked as Flask checks it. A cookie
    this process signs (a join, a flashed message) is kept as it is written, so
    the request that brings it back (the question page after a join) is not
    checked either. The signing serializer is made once per secret key, not on
    every request.
    """

    def __init__(self):
        # (cookie, secret key, fallback keys) -> (its signed payload, when it was signed), for
        # cookies whose signature held or that this process signed.
        self._verified: SharedLRU[tuple[bytes, int]] = SharedLRU(MAX_VERIFIED_COOKIES)
        self._serializers: dict[tuple, URLSafeTimedSerializer] = {}

    def get_cookie_secure(self, app) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or (request and request.is_secure))

    def get_signing_serializer(self, app):
        if not app.secret_key:
            return None
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        serializer = self._serializers.get(keys)
        if serializer is None:
            # As Flask makes it (the current key last, the fallbacks before it), once per set of keys.
            serializer = self._serializers.setdefault(keys, _Remembering(
                [*keys[1], keys[0]], salt=self.salt, serializer=self.serializer,
                signer_kwargs={"key_derivation": self.key_derivation, "digest_method": self.digest_method},
                verified=self._verified, cache_key=keys))
        return serializer

    def open_session(self, app, request):
        serializer = self.get_signing_serializer(app)
        value = request.cookies.get(self.get_cookie_name(app))
        if serializer is None or not value:
            return super().open_session(app, request)
        max_age = int(app.permanent_session_lifetime.total_seconds())
        try:
            payload, signed_at = self._verified.get_or_make((value, *serializer.cache_key),
                                                            lambda: _unsigned(serializer, value, max_age))
            age = int(time.time()) - signed_at
            if age > max_age or age < 0:
                return self.session_class()  # expired since it was checked, as itsdangerous would say
            return self.session_class(serializer.load_payload(payload))
        except BadData:
            return self.session_class()


class _Remembering(URLSafeTimedSerializer):
    """Flask's session serializer, keeping each cookie it signs as verified (it is: it was signed here)."""

    def __init__(self, *args, verified: SharedLRU[tuple[bytes, int]], cache_key: tuple, **kwargs):
        super().__init__(*args, **kwargs)
        self.verified, self.cache_key = verified, cache_key

    def dumps(self, obj, salt=None):
        value = super().dumps(obj, salt)
        payload, stamp, _signature = value.rsplit(".", 2)  # what unsign() returns, and when it was signed
        self.verified.get_or_make((value, *self.cache_key), lambda: (payload.encode(), bytes_to_int(base64_decode(stamp))))
        return value


def _unsigned(serializer, value: str, max_age: int) -> tuple[bytes, int]:
    """Check a cookie's signature and age; return its payload and when it was signed, or raise BadData."""
    payload, signed_at = serializer.make_signer().unsign(value, max_age=max_age, return_timestamp=True)
    serializer.load_payload(payload)  # a payload that does not decode is never kept
    return payload, int(signed_at.timestamp())


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
