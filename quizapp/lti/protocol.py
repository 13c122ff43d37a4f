"""Run pylti1p3's OIDC login and launch validation, turning every failed check into a clear LaunchRefused."""

from __future__ import annotations

import jwt
import requests
from flask_babel import lazy_gettext as _l
from pylti1p3.contrib.flask import FlaskMessageLaunch, FlaskOIDCLogin, FlaskRequest
from pylti1p3.exception import LtiException, OIDCException

from .cache import SharedLaunchStorage
from .errors import LaunchRefused
from .toolconf import DatabaseToolConf

# How long a validated launch stays usable for the pages that follow it (deep linking, account linking).
LAUNCH_LIFETIME_SECONDS = 3600

STATE = _l("This launch does not match a login started in this browser (its state is missing or wrong). "
           "Open the activity again from your course.")
NONCE = _l("This launch was already used or its nonce is unknown: a launch is good only once. "
           "Open the activity again from your course.")
SIGNATURE = _l("The launch's signature does not match the platform's keys, so it was not accepted.")
EXPIRED = _l("The launch has expired. Open the activity again from your course.")
DEPLOYMENT = _l("The launch came from a deployment that is not registered for this platform. "
                "An administrator can add its deployment id on the LTI page.")
MALFORMED = _l("The launch message is incomplete or malformed, so it was not accepted.")
KEYS_UNREACHABLE = _l("The platform's public keys could not be fetched, so the launch could not be checked. "
                      "Try again in a moment.")


class QuizappMessageLaunch(FlaskMessageLaunch):
    """pylti1p3's launch with the checks in a safe order and the nonce good only once.

    pylti1p3 only looks the nonce up, so a replayed launch would pass; here it
    is taken out of the shared store atomically, after the signature is
    verified, so a forged token cannot use up a real launch's nonce.
    """

    def validate(self):
        if self._restored:
            raise LtiException("Can't validate restored launch")
        self._validated = True
        try:
            return (self.validate_state().validate_jwt_format().validate_registration()
                    .validate_jwt_signature().validate_deployment().validate_nonce()
                    .validate_message().save_launch_data())
        except Exception:
            self._validated = False
            raise

    def validate_nonce(self):
        nonce = self._get_jwt_body().get("nonce")
        storage = self._session_service.data_storage
        if not nonce or not isinstance(nonce, str) or not storage.take_value(
                self._session_service._get_key("nonce", nonce)):
            raise LaunchRefused(NONCE, status=401)
        return self


def _request() -> FlaskRequest:
    return FlaskRequest()


def login_redirect(launch_url: str):
    """Answer the platform's third-party login initiation with the redirect to its authorisation endpoint."""
    login = FlaskOIDCLogin(_request(), DatabaseToolConf(), launch_data_storage=SharedLaunchStorage())
    try:
        return login.disable_check_cookies().redirect(launch_url)
    except LaunchRefused:
        raise
    except (OIDCException, LtiException) as error:
        raise LaunchRefused(_l("The login request is incomplete: %(reason)s.", reason=str(error))) from error


def _refusal(error: Exception) -> LaunchRefused:
    """Return the clear refusal for a check pylti1p3 or PyJWT failed."""
    cause = error.__cause__
    if isinstance(cause, jwt.ExpiredSignatureError):
        return LaunchRefused(EXPIRED, status=401)
    if isinstance(cause, jwt.ImmatureSignatureError):
        return LaunchRefused(EXPIRED, status=401)
    if isinstance(cause, requests.RequestException):
        return LaunchRefused(KEYS_UNREACHABLE, status=502)
    text = str(error)
    if text in ("Missing state param", "State not found"):
        return LaunchRefused(STATE, status=401)
    if text == "Unable to find deployment":
        return LaunchRefused(DEPLOYMENT, status=403)
    if isinstance(cause, jwt.InvalidTokenError) or text in ("Unable to find public key", "JWT KID not found",
                                                            "JWT ALG not found"):
        return LaunchRefused(SIGNATURE, status=401)
    return LaunchRefused(MALFORMED, status=400)


def validated_launch() -> QuizappMessageLaunch:
    """Validate the launch posted to this request (state, signature, issuer, audience, deployment, nonce, expiry)."""
    launch = QuizappMessageLaunch(_request(), DatabaseToolConf(), launch_data_storage=SharedLaunchStorage())
    launch.set_launch_data_lifetime(LAUNCH_LIFETIME_SECONDS)
    try:
        launch.validate()
    except LaunchRefused:
        raise
    except LtiException as error:
        raise _refusal(error) from error
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        # A body of the wrong shape (a claim that is a number, a list where an object belongs).
        raise LaunchRefused(MALFORMED) from error
    return launch


def restored_launch(launch_id: str) -> QuizappMessageLaunch:
    """Return a launch validated earlier, by its id, or refuse when it is unknown or expired."""
    if not launch_id.startswith("lti1p3-launch-") or len(launch_id) > 80:
        raise LaunchRefused(_l("This LTI session is unknown or has expired. Open the activity again from your course."),
                            status=404)
    try:
        return QuizappMessageLaunch.from_cache(launch_id, _request(), DatabaseToolConf(),
                                               launch_data_storage=SharedLaunchStorage())
    except LtiException as error:
        if isinstance(error, LaunchRefused):
            raise
        raise LaunchRefused(_l("This LTI session is unknown or has expired. "
                               "Open the activity again from your course."), status=404) from error
