"""Keep LTI nonces, state and launch data where every process sees them: Redis when configured, else the database.

The store follows login throttling's: when RATELIMIT_STORAGE_URI names a Redis
server, nonces live there; otherwise in the lti_cache table. A nonce is taken
out with one atomic delete, so two processes cannot both accept it.
"""

from __future__ import annotations

import datetime as dt
import json
import typing as t

from flask import current_app
from pylti1p3.launch_data_storage.base import LaunchDataStorage
from sqlalchemy import delete, select

from ..extensions import db
from ..models import utcnow
from .models import LtiCacheEntry

DEFAULT_SECONDS = 24 * 3600
EXTENSION = "quizapp.lti.redis"


def redis_url() -> str | None:
    """Return the Redis server login throttling uses, if it uses one."""
    url = str(current_app.config.get("LTI_CACHE_URL") or current_app.config.get("RATELIMIT_STORAGE_URI") or "")
    return url if url.startswith(("redis://", "rediss://", "unix://")) else None


def _redis():
    import redis

    url = redis_url()
    clients = current_app.extensions.setdefault(EXTENSION, {})
    if url not in clients:
        clients[url] = redis.Redis.from_url(url)
    return clients[url]


class SharedStore:
    """Get, set and take (read once) JSON values with an expiry, across processes."""

    prefix = "quizapp:lti:"

    def get(self, key: str) -> t.Any:
        if redis_url():
            raw = _redis().get(self.prefix + key)
            return None if raw is None else json.loads(raw)
        with db.engine.connect() as connection:
            row = connection.execute(select(LtiCacheEntry.value).where(
                LtiCacheEntry.key == key, LtiCacheEntry.expires_at > utcnow())).first()
        return None if row is None else row[0]

    def set(self, key: str, value: t.Any, seconds: int | None = None) -> None:
        seconds = int(seconds or DEFAULT_SECONDS)
        if redis_url():
            _redis().set(self.prefix + key, json.dumps(value), ex=seconds)
            return
        now = utcnow()
        # Its own transaction: the value must be there for the next request whatever this one does.
        with db.engine.begin() as connection:
            connection.execute(delete(LtiCacheEntry).where(
                (LtiCacheEntry.key == key) | (LtiCacheEntry.expires_at <= now)))
            connection.execute(LtiCacheEntry.__table__.insert().values(
                key=key, value=value, expires_at=now + dt.timedelta(seconds=seconds)))

    def take(self, key: str) -> bool:
        """Remove a live key and tell whether this call removed it: true once, whoever asks."""
        if redis_url():
            return bool(_redis().delete(self.prefix + key))
        with db.engine.begin() as connection:
            result = connection.execute(delete(LtiCacheEntry).where(
                LtiCacheEntry.key == key, LtiCacheEntry.expires_at > utcnow()))
        return result.rowcount == 1


class SharedLaunchStorage(LaunchDataStorage[t.Any]):
    """pylti1p3's launch data storage over the shared store (nonces, state, launch data)."""

    def __init__(self, store: SharedStore | None = None) -> None:
        super().__init__()
        self.store = store or SharedStore()

    def get_session_cookie_name(self) -> str | None:
        # Keys are random (nonces, launch ids), so they need no per-browser prefix; a cookie
        # for one would be lost in the platform's cross-site form post anyway.
        return None

    def can_set_keys_expiration(self) -> bool:
        return True

    def get_value(self, key: str) -> t.Any:
        return self.store.get(self._prepare_key(key))

    def set_value(self, key: str, value: t.Any, exp: int | None = None) -> None:
        self.store.set(self._prepare_key(key), value, exp)

    def check_value(self, key: str) -> bool:
        return self.store.get(self._prepare_key(key)) is not None

    def take_value(self, key: str) -> bool:
        """Remove a key, telling whether it was there: a nonce is good once."""
        return self.store.take(self._prepare_key(key))
