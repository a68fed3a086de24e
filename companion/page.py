"""What a notebook page needs before building its widgets: warm imports, the visitor's query."""

from __future__ import annotations

import os
from typing import Any

from companion.config import page_query
from companion.errors import CompanionError
from companion.render import message

ERROR_MIME = "text/html"


def show_companion_errors_in_french() -> bool:
    """Show a companion error raised by a cell as its French message, no traceback.

    Returns False outside an IPython kernel (plain scripts keep normal exceptions).
    """
    try:
        from IPython import get_ipython
        from IPython.display import HTML, display
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False

    def handler(
        _shell: Any, _etype: type, value: BaseException, _tb: Any, tb_offset: Any = None
    ) -> list[str]:
        display(HTML(message(str(value), "erreur")))  # message() escapes the text
        return []

    shell.set_custom_exc((CompanionError,), handler)
    return True


def warm_up(*, charts: bool = False) -> None:
    """Prepare a notebook page: French messages for the companion's errors, and imports.

    A :class:`~companion.errors.CompanionError` raised by a cell (a broken content file, a
    store that is not a database…) is shown as its French message, without a traceback.
    The imports are paid for before the visitor arrives in a preheated Voilà kernel.
    Participant pages stay light (widgets and the store only); pages that show charts pass
    ``charts=True`` to also load pandas and plotly and render a tiny figure.
    """
    show_companion_errors_in_french()
    import ipywidgets  # noqa: F401
    import segno  # noqa: F401

    import companion.store  # noqa: F401

    if charts:
        import json

        import pandas  # noqa: F401
        import plotly.graph_objects as go
        import plotly.io as pio

        json.loads(pio.to_json(go.Figure(go.Bar(x=[1], y=[1])), validate=False))


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


def page_parameters() -> dict[str, str]:
    """Return the page's query parameters (``session``, ``groupe``…), waiting for the visitor
    in a preheated Voilà kernel; ``{}`` in JupyterLab."""
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        from voila.utils import wait_for_request

        wait_for_request()
    return page_query()
