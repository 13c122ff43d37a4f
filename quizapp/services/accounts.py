"""Create teacher accounts, check their passwords, and ensure an administrator exists."""

from __future__ import annotations

import secrets

from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from ..models import User

MIN_PASSWORD_LENGTH = 12


class AccountError(ValueError):
    """A teacher account could not be created or changed as asked; the message says why.

    Messages are lazy: they are translated when shown, so services run without a request.
    """


def _new_nonce() -> str:
    return secrets.token_hex(16)


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(_l("The password needs at least %(n)d characters.", n=MIN_PASSWORD_LENGTH))
    # scrypt: memory-hard, werkzeug's current default.
    return generate_password_hash(password, method="scrypt")


def find_by_email(email: str) -> User | None:
    """Return the account with this e-mail address, ignoring case."""
    return db.session.scalar(db.select(User).where(User.email == email.strip().lower()))


def create_teacher(email: str, name: str, password: str, *, is_admin: bool = False) -> User:
    """Add a teacher account; the caller commits."""
    email = email.strip().lower()
    if find_by_email(email) is not None:
        raise AccountError(_l("An account for %(email)s already exists.", email=email))
    user = User(
        email=email,
        name=name.strip() or email,
        password_hash=_hash(password),
        is_admin=is_admin,
        active=True,
        session_nonce=_new_nonce(),
    )
    db.session.add(user)
    db.session.flush()
    return user


def set_password(user: User, password: str) -> None:
    """Change a password and end every session opened with the old one."""
    user.password_hash = _hash(password)
    user.session_nonce = _new_nonce()


def change_password(user: User, current: str, new: str) -> None:
    """Change one's own password after checking the current one; other sessions end."""
    if not check_password_hash(user.password_hash, current or ""):
        raise AccountError(_l("The current password is wrong."))
    set_password(user, new)


def end_sessions(user: User) -> None:
    """End every session of an account, on every device."""
    user.session_nonce = _new_nonce()


def set_active(user: User, active: bool) -> None:
    """Enable or disable an account; disabling ends its sessions."""
    user.active = active
    user.session_nonce = _new_nonce()


def authenticate(email: str, password: str) -> User | None:
    """Return the active account these credentials open, else None."""
    user = find_by_email(email)
    if user is None:
        # Hash anyway so a missing account takes as long as a wrong password.
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    return user


_DUMMY_HASH = generate_password_hash(secrets.token_hex(8), method="scrypt")


def ensure_admin(email: str, password: str | None) -> tuple[User, str | None]:
    """Return the administrator, creating one if none exists.

    The second value is the generated password when one was made, so the caller
    can show it once; it is never stored in clear.
    """
    admin = db.session.scalar(db.select(User).where(User.is_admin.is_(True)).order_by(User.id))
    if admin is not None:
        return admin, None
    generated = None
    if not password:
        password = generated = secrets.token_urlsafe(12)
    admin = create_teacher(email, "Administrator", password, is_admin=True)
    return admin, generated


def teachers() -> list[User]:
    """Return every account, administrators first, then by e-mail."""
    return list(db.session.scalars(db.select(User).order_by(User.is_admin.desc(), User.email)))


def change_by_admin(admin: User, user: User, *, active: bool | None = None, password: str | None = None) -> None:
    """Disable, enable or reset another account as an administrator; the caller commits."""
    if not admin.is_admin:
        raise AccountError(_l("Only an administrator can change other accounts."))
    if active is not None:
        if user.id == admin.id and not active:
            raise AccountError(_l("You cannot disable your own account."))
        set_active(user, active)
    if password is not None:
        set_password(user, password)
