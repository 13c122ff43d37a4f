"""Find a teacher's own records; anybody else's are simply not found."""

from __future__ import annotations

from typing import TypeVar

from flask import abort
from flask_login import current_user

from ..extensions import db

T = TypeVar("T")


def owned_or_404(model: type[T], ident: int) -> T:
    """Return the record if the current teacher owns it or is an administrator."""
    record = db.get_or_404(model, ident)
    if not current_user.is_admin and getattr(record, "owner_id", None) != current_user.id:
        abort(404)
    return record


def visible_to_current(model):
    """Return a select of the records the current teacher may see."""
    query = db.select(model)
    if not current_user.is_admin:
        query = query.where(model.owner_id == current_user.id)
    return query
