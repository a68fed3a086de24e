"""The trainer's day-long sign-in: a cookie the server signs, checked by every page's kernel.

The trainer types the code once, on the server's sign-in page
(:mod:`companion.serving.signin`); the server answers with an HttpOnly cookie
:data:`COOKIE_NAME` signed with the companion's cookie secret (Tornado's signed-value format).
Its payload is an HMAC of the browser's identity and the trainer code: a value made up by a
participant does not check, a value copied into another browser does not match that browser's
identity, and a new trainer code (a new day, ``--trainer-code``) signs everyone out. Voilà passes
the page request's cookies to the kernel, which checks them with :func:`signed_in`; the page
never shows the value (the browser's scripts cannot read an HttpOnly cookie either).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from http.cookies import CookieError, SimpleCookie

from companion.core import visitor

COOKIE_NAME = "companion-formateur"
MAX_AGE_DAYS = 1
"""One training day: the trainer signs in again the next morning."""


def payload(secret: bytes, visitor_id: str, trainer_code: str) -> str:
    """Return the cookie's payload for this browser identity and trainer code."""
    message = f"companion-trainer:{visitor_id}:{trainer_code.strip()}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def signed_in(
    trainer_code: str | None,
    cookie_header: str | None = None,
    *,
    secret: bytes | None = None,
) -> bool:
    """Return True when the page's request carries a valid trainer cookie for this browser.

    ``cookie_header`` defaults to the page request's (``HTTP_COOKIE``), ``secret`` to the
    companion's cookie secret. False with no trainer code, no secret, no identity, or a cookie
    that is malformed, expired, signed with another secret or made for another browser.
    """
    raw = cookie_header if cookie_header is not None else os.environ.get("HTTP_COOKIE", "")
    key = secret if secret is not None else visitor.cookie_secret()
    if not trainer_code or not raw or not key:
        return False
    identity = visitor.visitor_id(raw, secret=key)
    if identity is None:
        return False
    try:
        cookies = SimpleCookie(raw)
    except CookieError:
        return False
    morsel = cookies.get(COOKIE_NAME)
    if morsel is None:
        return False
    value = visitor.decode_signed_value(key, COOKIE_NAME, morsel.value, MAX_AGE_DAYS)
    if value is None:
        return False
    return hmac.compare_digest(value, payload(key, identity, trainer_code).encode())


SIGN_IN_PATH = "companion/formateur"
"""The server's sign-in page, under Voilà's base URL (:mod:`companion.serving.signin`)."""


def sign_in_link() -> str:
    """Return the sign-in page's address, coming back to the page being served after."""
    from urllib.parse import quote

    from companion.core import config

    base = config.base_url()
    page = os.environ.get("SCRIPT_NAME", "")
    query = os.environ.get("QUERY_STRING", "")
    back = f"{page}?{query}" if page and query else page
    suffix = f"?next={quote(back, safe='')}" if back.startswith("/") else ""
    return f"{base.rstrip('/')}/{SIGN_IN_PATH}{suffix}"
