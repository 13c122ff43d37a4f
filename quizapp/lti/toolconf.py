"""Give pylti1p3 the registered platforms (lti_platform rows) and the tool's own key."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from pylti1p3.deployment import Deployment
from pylti1p3.registration import Registration
from pylti1p3.tool_config import ToolConfAbstract

from ..extensions import db
from .errors import LaunchRefused
from .keys import current_key
from .models import LtiPlatform


def find_platform(issuer: str | None, client_id: str | None) -> LtiPlatform | None:
    """Return the platform registered with this issuer and client id (the only one of the issuer when none is given)."""
    if not issuer:
        return None
    query = db.select(LtiPlatform).where(LtiPlatform.issuer == issuer)
    if client_id:
        return db.session.scalar(query.where(LtiPlatform.client_id == client_id))
    platforms = db.session.scalars(query.limit(2)).all()
    return platforms[0] if len(platforms) == 1 else None


def registration(platform: LtiPlatform) -> Registration:
    """Return pylti1p3's registration of a platform, signing with the tool's current key."""
    key = current_key()
    return (Registration()
            .set_issuer(platform.issuer)
            .set_client_id(platform.client_id)
            .set_key_set_url(platform.key_set_url)
            .set_auth_login_url(platform.auth_login_url)
            .set_auth_token_url(platform.auth_token_url)
            .set_tool_private_key(key.private_pem)
            .set_tool_public_key(key.public_pem))


class DatabaseToolConf(ToolConfAbstract):
    """pylti1p3's tool configuration read from the lti_platform table; one issuer may have many client ids."""

    def check_iss_has_one_client(self, iss: str) -> bool:
        return False

    def check_iss_has_many_clients(self, iss: str) -> bool:
        return True

    def find_registration_by_issuer(self, iss: str, *args, **kwargs) -> Registration:
        return self.find_registration_by_params(iss, None)

    def find_registration_by_params(self, iss: str, client_id: str | None, *args, **kwargs) -> Registration:
        # Said precisely, so the error page tells the administrator which field to check.
        if db.session.scalar(db.select(LtiPlatform.id).where(LtiPlatform.issuer == iss).limit(1)) is None:
            raise LaunchRefused(_l("This platform (issuer %(issuer)s) is not registered with quizapp. "
                                   "An administrator can register it on the LTI page.", issuer=str(iss)[:200]),
                                status=403)
        platform = find_platform(iss, client_id)
        if platform is None:
            raise LaunchRefused(_l("The launch was addressed to a client id (audience) that is not registered "
                                   "for this platform."), status=403)
        return registration(platform)

    def find_deployment(self, iss: str, deployment_id: str) -> Deployment | None:
        return self.find_deployment_by_params(iss, deployment_id, None)

    def find_deployment_by_params(self, iss: str, deployment_id: str, client_id: str | None, *args,
                                  **kwargs) -> Deployment | None:
        platform = find_platform(iss, client_id)
        if platform is None or deployment_id not in (platform.deployment_ids or []):
            return None
        return Deployment().set_deployment_id(deployment_id)
