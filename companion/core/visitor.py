"""The visitor's anonymous identity, from the identity cookie Jupyter's server gives a browser.

The server signs that cookie (Tornado's signed-value format, version 2) with a secret kept in
the companion's data directory (:func:`cookie_secret_path`), created once with mode 0600 and
given to every server ``companion serve`` starts: a browser keeps its identity across
restarts, and a page can check the signature so that a made-up cookie gives no identity.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from companion.core import config

SECRET_FILE = "cookie_secret"  # noqa: S105 (a file name, not a secret)
SECRET_BYTES = 32
COOKIE_MAX_AGE_DAYS = 31
"""Tornado's default for ``get_secure_cookie`` (the server sets 30-day cookies)."""


def cookie_secret_path() -> Path:
    """Return the file of the secret that signs the browsers' identity cookies."""
    return config.user_data_dir() / SECRET_FILE


def ensure_cookie_secret() -> Path:
    """Create the cookie secret once (random, mode 0600) and return its file.

    Safe when several processes start at once: the file appears complete or not at all, and
    an existing secret is never replaced.
    """
    path = cookie_secret_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{SECRET_FILE}.{os.getpid()}.{time.monotonic_ns()}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(SECRET_BYTES).hex().encode())
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):  # another process made it first: theirs
            os.link(draft, path)
    finally:
        draft.unlink(missing_ok=True)
    return path


def cookie_secret() -> bytes | None:
    """Return the cookie secret, or None when none was created (no server of ours)."""
    try:
        secret = cookie_secret_path().read_bytes().strip()
    except OSError:
        return None
    return secret or None


def visitor_id(cookie_header: str | None = None, *, secret: bytes | None = None) -> str | None:
    """Return a stable, anonymous id for the visitor's browser, or None when unknown.

    Voilà passes the page request's ``Cookie`` header to the kernel (``companion serve`` asks
    for it). Jupyter's server gives every browser an anonymous identity cookie
    (``username-<host>-<port>``, 30 days) on its first page, so from the second page on a
    participant keeps their ideas and their vote budget, even after reloading. Only a cookie
    whose signature checks with the cookie secret counts (``secret``, default
    :func:`cookie_secret`); only a hash is returned, the cookie itself is never stored. A
    browser's very first request carries no cookie yet (None), nor does a forged one.
    """
    import hashlib
    from http.cookies import CookieError, SimpleCookie

    raw = cookie_header if cookie_header is not None else os.environ.get("HTTP_COOKIE", "")
    if not raw:
        return None
    key = secret if secret is not None else cookie_secret()
    if not key:
        return None
    try:
        cookies = SimpleCookie(raw)
    except CookieError:
        return None
    for name in sorted(cookies):
        if name.startswith("username-"):
            payload = decode_signed_value(key, name, cookies[name].value)
            identity = _jupyter_username(payload) if payload is not None else None
            if identity:
                return hashlib.sha256(b"companion-visitor:" + identity.encode()).hexdigest()[:32]
    return None


def served_page() -> bool:
    """Return True in a page Voilà serves (its request is known).

    False in JupyterLab or a script, where the page itself stands for the person.
    """
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila/")


def purpose_id(visitor: str, purpose: str) -> str:
    """Return an id of ``visitor`` for one purpose (e.g. the anonymous evaluation).

    Without the cookie secret, it cannot be linked to the visitor's other contributions.
    """
    import hashlib
    import hmac

    key = cookie_secret() or b"companion-no-secret"
    return hmac.new(key, f"{purpose}:{visitor}".encode(), hashlib.sha256).hexdigest()[:32]


def decode_signed_value(secret: bytes, name: str, value: str,
                        max_age_days: float = COOKIE_MAX_AGE_DAYS) -> bytes | None:
    """Return the payload of a Tornado signed value (version 2), or None.

    None when the value is malformed, signed with another secret, for another cookie name, or
    expired.
    """
    import base64
    import binascii
    import hashlib
    import hmac

    data = value.encode("utf-8", "replace")
    if not data.startswith(b"2|"):
        return None
    rest = data[2:]
    fields: list[bytes] = []
    try:
        for _ in range(4):
            length, _sep, rest = rest.partition(b":")
            size = int(length)
            if size < 0 or rest[size:size + 1] != b"|":
                return None
            fields.append(rest[:size])
            rest = rest[size + 1:]
    except ValueError:
        return None
    _key_version, stamp, name_field, payload = fields
    signature = rest
    expected = hmac.new(secret, data[: len(data) - len(signature)], hashlib.sha256)
    if not hmac.compare_digest(signature, expected.hexdigest().encode()):
        return None
    if name_field != name.encode():
        return None
    try:
        if int(stamp) < time.time() - max_age_days * 86400:
            return None
        return base64.b64decode(payload, validate=True)
    except (ValueError, binascii.Error):
        return None


def _jupyter_username(payload: bytes) -> str | None:
    """Return the user name inside the payload of a Jupyter server identity cookie."""
    import json

    try:
        decoded = json.loads(payload)
    except ValueError:
        return None
    username = decoded.get("username") if isinstance(decoded, dict) else None
    return str(username) if username else None


PSEUDONYM_COOKIE = "companion-pseudonyme"
"""The pseudonym a visitor chose on the join page (URL-quoted); the pages' fields start with it."""
MAX_PSEUDONYM_COOKIE = 60


def chosen_pseudonym(cookie_header: str | None = None) -> str:
    """Return the pseudonym the visitor chose on the join page, or ``""``.

    Read from the page request's cookies (``cookie_header``, default: the one Voilà gives the
    kernel). It only pre-fills a field the visitor sees and may change, so it needs no
    signature; control characters are dropped and it is cut to the pseudonym limit.
    """
    from http.cookies import CookieError, SimpleCookie
    from urllib.parse import unquote

    from companion.core.text import strip_controls

    raw = cookie_header if cookie_header is not None else os.environ.get("HTTP_COOKIE", "")
    try:
        morsel = SimpleCookie(raw or "").get(PSEUDONYM_COOKIE)
    except CookieError:
        return ""
    if morsel is None:
        return ""
    return strip_controls(unquote(morsel.value)).strip()[:MAX_PSEUDONYM_COOKIE]
