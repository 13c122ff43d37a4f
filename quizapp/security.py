"""Set the security headers of every response, once, from the app factory."""

from __future__ import annotations

from flask import Flask, request

# Scripts and styles come only from this site's own files (no inline code, no
# other origins); forms post only here; nothing may frame the pages but the
# LTI platforms named in the configuration.
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
}
STATIC_ENDPOINTS = frozenset({"static", "api_docs.static"})  # the API docs page's Swagger UI files


def content_security_policy(frame_ancestors: list[str]) -> str:
    """Return the Content-Security-Policy value, framing allowed only to the given origins."""
    policy = {**CSP, "frame-ancestors": " ".join(frame_ancestors) if frame_ancestors else "'none'"}
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def init_app(app: Flask) -> None:
    """Add the security headers to every response of the app."""
    origins = app.config.get("LTI_PLATFORM_ORIGINS") or []
    if isinstance(origins, str):
        origins = origins.split()
    policy = content_security_policy(list(origins))

    @app.after_request
    def security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", policy)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        # Join codes and attempt ids sit in URLs: other sites never see them.
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if not origins:
            headers.setdefault("X-Frame-Options", "DENY")  # for browsers without frame-ancestors
        if request.endpoint not in STATIC_ENDPOINTS:
            # Pages hold answers, scores, keys or teacher data: no cache, shared or private, keeps them.
            headers["Cache-Control"] = "no-store"
        return response
