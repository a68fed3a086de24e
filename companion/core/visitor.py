"""The visitor's anonymous identity, from the identity cookie Jupyter's server gives a browser."""

from __future__ import annotations

import os


def visitor_id(cookie_header: str | None = None) -> str | None:
    """Return a stable, anonymous id for the visitor's browser, or None when unknown.

    Voilà passes the page request's ``Cookie`` header to the kernel (``companion serve`` asks
    for it). Jupyter's server gives every browser an anonymous identity cookie
    (``username-<host>-<port>``, 30 days) on its first page, so from the second page on a
    participant keeps their ideas and their vote budget, even after reloading. Only a hash
    is returned: the cookie itself is never stored. A browser's very first request carries no
    cookie yet (None).
    """
    import hashlib
    from http.cookies import CookieError, SimpleCookie

    raw = cookie_header if cookie_header is not None else os.environ.get("HTTP_COOKIE", "")
    if not raw:
        return None
    try:
        cookies = SimpleCookie(raw)
    except CookieError:
        return None
    for name in sorted(cookies):
        if name.startswith("username-"):
            identity = _jupyter_username(cookies[name].value)
            if identity:
                return hashlib.sha256(b"companion-visitor:" + identity.encode()).hexdigest()[:32]
    return None


def _jupyter_username(value: str) -> str | None:
    """Return the user name inside a Jupyter server identity cookie (signed, version 2)."""
    import base64
    import binascii
    import json

    fields = value.split("|")
    if len(fields) < 6:
        return None
    try:
        payload = json.loads(base64.b64decode(fields[4].split(":", 1)[1]))
    except (IndexError, ValueError, binascii.Error):
        return None
    username = payload.get("username") if isinstance(payload, dict) else None
    return str(username) if username else None
