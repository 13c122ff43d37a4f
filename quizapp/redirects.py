"""Keep redirects taken from a request (``?next=``, a form's ``next``) on this site."""

from __future__ import annotations

from urllib.parse import urlsplit


def local_target(target: str | None, fallback: str) -> str:
    """Return ``target`` when it is a path on this site, else ``fallback``.

    Browsers drop tabs and newlines from a URL and read a backslash as a slash,
    so "/\\t/evil.example" would leave the site: any such character is refused.
    """
    if not target or any(ch <= " " or ch in "\\\x7f" for ch in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    return target
