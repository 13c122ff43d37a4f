"""Find a teacher's own records; anybody else's are simply not found."""

from __future__ import annotations

from functools import wraps
from typing import TypeVar

from flask import abort
from flask_login import current_user

from ..extensions import db
from ..models import Attempt, Question

T = TypeVar("T")


def owner_id_of(record) -> int | None:
    """Return the id of the teacher a record belongs to, through its document or quiz."""
    if isinstance(record, Question):
        return record.document.owner_id
    if isinstance(record, Attempt):
        return record.quiz.owner_id
    return getattr(record, "owner_id", None)


def owned_or_404(model: type[T], ident: int) -> T:
    """Return the record if the current teacher owns it or is an administrator."""
    record = db.get_or_404(model, ident)
    if not current_user.is_admin and owner_id_of(record) != current_user.id:
        abort(404)
    return record


def visible_to_current(model):
    """Return a select of the records the current teacher may see."""
    query = db.select(model)
    if not current_user.is_admin:
        query = query.where(model.owner_id == current_user.id)
    return query


def admin_required(view):
    """Refuse a view with 403 to teachers who are not administrators."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped
