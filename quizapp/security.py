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
    defaults = [
        ("Content-Security-Policy", content_security_policy(list(origins))),
        ("X-Content-Type-Options", "nosniff"),
        # Join codes and attempt ids sit in URLs: other sites never see them.
        ("Referrer-Policy", "same-origin"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]
    if not origins:
        defaults.append(("X-Frame-Options", "DENY"))  # for browsers without frame-ancestors
    defaults = [(name.lower(), name, value) for name, value in defaults]

    @app.after_request
    def security_headers(response):
        headers = response.headers
        # Each one unless the view set it: the response's headers read once (setdefault read them twice a header).
        present = set(headers.keys(lower=True))
        headers.extend([(name, value) for lower, name, value in defaults if lower not in present])
        if request.endpoint not in STATIC_ENDPOINTS:
            # Pages hold answers, scores, keys or teacher data: no cache, shared or private, keeps them.
            headers["Cache-Control"] = "no-store"
        return response
