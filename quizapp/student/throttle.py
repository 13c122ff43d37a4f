"""Throttle join-code guessing per client address, counting only the codes that lead nowhere.

Every request to a join page or the code form looks the address's count up
before the view runs, right code or wrong, so a guesser over the limit learns
nothing from a 429 (a check made only after the code missed would let the hits
through and tell them apart). The view's answer is counted only when it is a
miss (400 or 404), so a whole class behind one address joins freely.

This was Flask-Limiter's shared_limit with deduct_when; the same counts are
kept here with its strategy, storage and keys (login throttling's storage, a
shared Redis with several workers), without the per-request work of its
decorator and its middleware (resolving limits, request-limit objects, rate
headers read back from the storage after every join page): about a sixth of a
join's Python work.
"""

from __future__ import annotations

import time
from functools import lru_cache, wraps

from flask import current_app, make_response
from flask_limiter.util import get_remote_address
from limits import RateLimitItem, parse_many
from werkzeug.exceptions import HTTPException, TooManyRequests

from ..extensions import limiter

# Flask-Limiter's scope of the shared limit this replaces: counts kept under it carry over.
SCOPE = "join-code"
MISSES = frozenset({400, 404})


@lru_cache(maxsize=16)
def _limits(setting: str) -> tuple[RateLimitItem, ...]:
    """Parse JOIN_CODE_RATE_LIMIT once per value, shortest window first, as Flask-Limiter orders them."""
    return tuple(sorted(parse_many(setting)))


def _identifiers() -> tuple[str, ...]:
    prefix = current_app.config.get("RATELIMIT_KEY_PREFIX") or ""
    address = get_remote_address()
    return (prefix, address, SCOPE) if prefix else (address, SCOPE)


def _refused(strategy, limit: RateLimitItem, identifiers: tuple[str, ...]):
    """Answer a client over the limit with the 429 page, saying when it may try again."""
    response = make_response(current_app.handle_http_exception(TooManyRequests()))
    reset_at = int(strategy.get_window_stats(limit, *identifiers).reset_time)
    response.headers["X-RateLimit-Limit"] = str(limit.amount)
    response.headers["X-RateLimit-Remaining"] = "0"
    response.headers["X-RateLimit-Reset"] = str(reset_at)
    response.headers["Retry-After"] = str(max(reset_at - int(time.time()), 0))
    return response


def throttle_codes(view):
    """Refuse the view to an address over JOIN_CODE_RATE_LIMIT; count the view's answer if it is a miss."""

    @wraps(view)
    def throttled(*args, **kwargs):
        if not limiter.enabled:
            return view(*args, **kwargs)
        strategy = limiter.limiter  # Flask-Limiter's, on its storage (its in-memory fallback when that is down)
        limits = _limits(current_app.config["JOIN_CODE_RATE_LIMIT"])
        identifiers = _identifiers()
        for limit in limits:
            if not strategy.test(limit, *identifiers):
                return _refused(strategy, limit, identifiers)
        status = None
        try:
            response = make_response(view(*args, **kwargs))
        except HTTPException as error:  # abort(404): counted as the page it becomes
            status = error.code
            raise
        else:
            status = response.status_code
        finally:
            if status in MISSES:
                for limit in limits:
                    strategy.hit(limit, *identifiers)
        return response

    return throttled
