"""Who the API token belongs to: a first call to check a token works."""

from __future__ import annotations

from flask_login import current_user

from . import schemas
from .auth import current_token
from .common import resource

bp = resource("account", "The teacher a token belongs to")


@bp.get("/me")
@bp.response(200, schemas.Me)
def me():
    """Say whose token this is and what it may do."""
    return {"id": current_user.id, "name": current_user.name, "email": current_user.email,
            "is_admin": current_user.is_admin, "scope": current_token().scope}
