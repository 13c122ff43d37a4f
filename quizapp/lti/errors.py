"""Say why an LTI request was refused: one exception with the message for the person and a 4xx status."""

from __future__ import annotations

from pylti1p3.exception import LtiException


class LaunchRefused(LtiException):
    """A login or launch failed a check; the message says which, for the person who launched."""

    def __init__(self, message, status: int = 400) -> None:
        super().__init__(str(message))
        self.message = message
        self.status = status
