"""Register, change and remove LMS platforms; say what the tool's own configuration is."""

from __future__ import annotations

from flask import url_for
from flask_babel import lazy_gettext as _l

from ..extensions import db
from .models import LtiPlatform


class PlatformError(ValueError):
    """A platform cannot be saved as given; the message says why."""


def platforms() -> list[LtiPlatform]:
    """Return the registered platforms, by name."""
    return list(db.session.scalars(db.select(LtiPlatform).order_by(LtiPlatform.name, LtiPlatform.id)))


def save_platform(platform: LtiPlatform | None, values: dict) -> LtiPlatform:
    """Create a platform or change one from validated form values; the caller commits."""
    clash = db.session.scalar(db.select(LtiPlatform).where(
        LtiPlatform.issuer == values["issuer"], LtiPlatform.client_id == values["client_id"]))
    if clash is not None and clash is not platform:
        raise PlatformError(_l("A platform with this issuer and client ID is already registered."))
    if platform is None:
        platform = LtiPlatform()
        db.session.add(platform)
    for name, value in values.items():
        setattr(platform, name, value)
    return platform


def tool_configuration() -> list[tuple[str, str, str]]:
    """Return (label, Moodle's field name, value) of every address an LMS administrator copies into the LMS."""
    launch = url_for("lti.launch", _external=True)
    return [
        (str(_l("Tool URL")), "Tool URL", launch),
        (str(_l("Login initiation URL")), "Initiate login URL", url_for("lti.login", _external=True)),
        (str(_l("Redirect URI (launch)")), "Redirection URI(s)", launch),
        (str(_l("Deep linking URL")), "Content Selection URL", launch),
        (str(_l("Public keyset URL (JWKS)")), "Public keyset", url_for("lti.jwks", _external=True)),
    ]
