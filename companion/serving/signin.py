"""The trainer's sign-in page of the server: the code typed once, a cookie for the day.

``GET /companion/formateur`` shows a French form (the XSRF check of Jupyter's handlers stays
on); ``POST`` with the right code sets the HttpOnly cookie of
:mod:`companion.core.trainer_cookie` and goes back to the page the trainer came from (``next``,
a path of this server only); a wrong code is counted by the same per-client throttle as the
code fields of the pages. ``POST`` with ``action=sortir`` signs out.
"""

from __future__ import annotations

import hmac
import html
from urllib.parse import urlsplit

import tornado.web
from jupyter_server.base.handlers import JupyterHandler

from companion.core import config, trainer_cookie, visitor
from companion.core.throttle import Throttle
from companion.texts import signin as tx

PATH = trainer_cookie.SIGN_IN_PATH
HOME = "voila/render/00_accueil.ipynb"


def safe_next(target: str | None, base_url: str) -> str:
    """Return ``target`` if it is a path on this server, else the course's home page."""
    home = f"{base_url}{HOME}"
    if not target:
        return home
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return home
    if "\\" in target or any(ord(c) < 32 for c in target):
        return home
    return target


class TrainerSignInHandler(JupyterHandler):
    """The sign-in and sign-out page (French, no script, XSRF-protected)."""

    def _secret(self) -> bytes:
        secret = self.settings.get("cookie_secret") or b""
        return secret if isinstance(secret, bytes) else str(secret).encode()

    def _code(self) -> str | None:
        return config.trainer_code()

    def _signed_in(self) -> bool:
        return trainer_cookie.signed_in(
            self._code(), self.request.headers.get("Cookie", ""), secret=self._secret())

    @tornado.web.authenticated
    def get(self) -> None:
        """Show the form (or, when signed in, the sign-out button)."""
        self._page("")

    @tornado.web.authenticated
    def post(self) -> None:
        """Sign in with the code, or sign out (``action=sortir``)."""
        target = safe_next(self.get_argument("next", None), self.base_url)
        if self.get_argument("action", "") == "sortir":
            self.clear_cookie(trainer_cookie.COOKIE_NAME, path="/")
            self._page(tx.SIGNED_OUT, signed_in=False)
            return
        client = f"ip:{self.request.remote_ip}"
        throttle = Throttle(config.user_data_dir())
        wait = throttle.wait(client)
        if wait > 0:
            self.set_status(429)
            self._page(tx.WAIT.format(seconds=int(wait) + 1))
            return
        code = self._code()
        typed = self.get_argument("code", "").strip()
        if not code or not hmac.compare_digest(typed.encode(), code.encode()):
            throttle.failed(client)
            self.set_status(403)
            self._page(tx.WRONG_CODE)
            return
        identity = visitor.visitor_id(self.request.headers.get("Cookie", ""),
                                      secret=self._secret())
        if identity is None:  # first request of this browser: its identity cookie is set now
            self._page(tx.NO_IDENTITY)
            return
        throttle.succeeded(client)
        self.set_secure_cookie(
            trainer_cookie.COOKIE_NAME,
            trainer_cookie.payload(self._secret(), identity, code),
            expires_days=trainer_cookie.MAX_AGE_DAYS,
            httponly=True,
            samesite="Strict",
            path="/",
            secure=self.request.protocol == "https",  # never sent back over plain HTTP
        )
        self.redirect(target)

    def _page(self, message: str, *, signed_in: bool | None = None) -> None:
        signed = self._signed_in() if signed_in is None else signed_in
        target = safe_next(self.get_argument("next", None), self.base_url)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(sign_in_page(
            message=message, signed_in=signed, xsrf_field=self.xsrf_form_html(),
            action=f"{self.base_url}{PATH}", target=target))


def sign_in_page(*, message: str, signed_in: bool, xsrf_field: str, action: str,
                 target: str) -> str:
    """Return the sign-in page (every text escaped; ``xsrf_field`` is Tornado's own HTML)."""
    e = html.escape
    hidden = f'{xsrf_field}<input type="hidden" name="next" value="{e(target)}">'
    if signed_in:
        form = (f'<p>{e(tx.SIGNED_IN)}</p><form method="post" action="{e(action)}">{hidden}'
                f'<input type="hidden" name="action" value="sortir">'
                f'<button type="submit">{e(tx.SIGN_OUT)}</button></form>')
    else:
        form = (f'<p>{e(tx.INTRO)}</p><form method="post" action="{e(action)}">{hidden}'
                f'<label for="code">{e(tx.CODE_LABEL)}</label>'
                '<input id="code" name="code" type="password" autocomplete="current-password" '
                'required autofocus>'
                f'<button type="submit">{e(tx.SIGN_IN)}</button></form>')
    notice = f'<p role="alert" class="notice">{e(message)}</p>' if message else ""
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(tx.TITLE)}</title><style>"
        "body{font-family:sans-serif;max-width:32em;margin:2em auto;padding:0 1em;"
        "font-size:1.15em;line-height:1.5;color:#1d1d1b}"
        "label{display:block;margin:1em 0 .3em}input[type=password]{font-size:1.1em;"
        "min-height:44px;width:100%;box-sizing:border-box;padding:.3em}"
        "button{margin-top:1em;min-height:44px;font-size:1.05em;padding:.4em 1.2em}"
        ".notice{font-weight:bold;color:#8a1c1c}a{color:#005a9c}</style></head>"
        f"<body><main><h1>{e(tx.TITLE)}</h1>{notice}{form}"
        f'<p><a href="{e(target)}">{e(tx.BACK)}</a></p></main></body></html>\n'
    )
