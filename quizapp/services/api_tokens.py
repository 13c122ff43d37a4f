"""Issue, find and revoke teachers' personal API tokens (stored as a lookup prefix and a SHA-256)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from flask_babel import lazy_gettext as _l
from sqlalchemy import update

from ..extensions import db
from ..models import ApiToken, User, utcnow

SCOPES = ("read", "write")
# "qza_" + 12 hex characters of prefix + "_" + the secret: greppable in leaked logs, cheap to look up.
TOKEN_START = "qza_"
PREFIX_BYTES = 6
SECRET_BYTES = 32
MAX_TOKEN_LENGTH = 200
NAME_LENGTH = 80
# At most one write per token per minute records "last used": a busy script does not make every read a write.
LAST_USED_STEP = dt.timedelta(minutes=1)
MAX_TOKENS = 50


class TokenError(ValueError):
    """A token could not be created as asked; the message says why."""


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create(user: User, name: str, scope: str) -> tuple[ApiToken, str]:
    """Issue a token for a teacher; return its row and the full token, which is never shown again. The caller commits."""
    if scope not in SCOPES:
        raise TokenError(str(_l("Choose read or write.")))
    name = name.strip()[:NAME_LENGTH]
    if not name:
        raise TokenError(str(_l("Give the token a name.")))
    if len(active(user)) >= MAX_TOKENS:
        raise TokenError(str(_l("You have %(n)d tokens: revoke one you no longer use first.", n=MAX_TOKENS)))
    prefix = secrets.token_hex(PREFIX_BYTES)
    secret = secrets.token_urlsafe(SECRET_BYTES)
    token = ApiToken(user_id=user.id, name=name, prefix=prefix, secret_hash=_digest(secret), scope=scope)
    db.session.add(token)
    db.session.flush()
    return token, f"{TOKEN_START}{prefix}_{secret}"


def active(user: User) -> list[ApiToken]:
    """Return a teacher's tokens that are not revoked, newest first."""
    return list(db.session.scalars(
        db.select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())))


def revoke(token: ApiToken) -> None:
    """Stop a token from working, for good; the caller commits."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()


def authenticate(presented: str) -> ApiToken | None:
    """Return the live token a request presents, with an active owner, or None.

    The secret is compared in constant time; "last used" is recorded (and
    committed) at most once a minute.
    """
    if not presented.startswith(TOKEN_START) or len(presented) > MAX_TOKEN_LENGTH:
        return None
    prefix, _, secret = presented[len(TOKEN_START):].partition("_")
    if len(prefix) != 2 * PREFIX_BYTES or not secret:
        return None
    token = db.session.scalar(db.select(ApiToken).where(ApiToken.prefix == prefix))
    if token is None or not hmac.compare_digest(token.secret_hash, _digest(secret)):
        return None
    if token.revoked_at is not None or not token.user.active:
        return None
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_STEP:
        db.session.execute(update(ApiToken).where(ApiToken.id == token.id).values(last_used_at=now))
        db.session.commit()
    return token
