"""The room's one address: ``/companion/rejoindre``, a page of the server, no kernel.

A participant opens it (or scans its QR code), types the session code when the link does not
carry it, picks a pseudonym (optional) and, when the session has subgroups, a subgroup; the
page then sends them to the activity the trainer has opened (:mod:`companion.home.joining`),
with ``suivre=1`` so that their page follows the trainer's next activity. Served by the server
itself, it costs no kernel: a class of 30 scanning at once waits for nothing. The pseudonym is
kept in a cookie that the pages read to fill their pseudonym fields.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import quote

import tornado.web
from jupyter_server.base.handlers import JupyterHandler

from companion.content.course import programme
from companion.core import config, join, visitor
from companion.core.errors import InputError, StoreError
from companion.home.joining import NO_GROUP, Arrival, arrive, find_session
from companion.store import Store, open_store
from companion.texts import joining as tx

PATH = join.JOIN_PATH
STORE_SETTING = "companion_join_store"


@dataclass(frozen=True)
class Form:
    """What the join form shows: the code (fixed once known), the choices, the message."""

    code: str = ""
    session_label: str = ""
    pseudonym: str = ""
    groups: tuple[str, ...] = ()
    message: str = ""


def landing_url(base_url: str, arrival: Arrival) -> str:
    """Return the address of the page ``arrival`` leads to, following the trainer."""
    return join.join_url(base_url, arrival.notebook, arrival.session.code,
                         arrival.group or None, follow=True)


class JoinHandler(JupyterHandler):
    """``GET`` shows the form; ``POST`` checks it and sends the visitor to the activity."""

    def _store(self) -> Store:
        store = self.settings.get(STORE_SETTING)
        if store is None:
            store = open_store()
            self.settings[STORE_SETTING] = store
        return store

    @tornado.web.authenticated
    def get(self) -> None:
        """Show the form; with ``?session=CODE`` of a known session, the code is filled in."""
        typed = self.get_argument("session", "")
        pseudonym = visitor.chosen_pseudonym(self.request.headers.get("Cookie", ""))
        if not typed:
            self._form(Form(pseudonym=pseudonym))
            return
        try:
            session = find_session(self._store(), typed)
            groups = tuple(g.name for g in self._store().list_groups(session.code))
        except InputError as refused:
            self._form(Form(code=join.normalise_code(typed), pseudonym=pseudonym,
                            message=str(refused)))
            return
        except StoreError:
            self._unavailable()
            return
        self._form(Form(code=session.code, pseudonym=pseudonym, groups=groups,
                        session_label=tx.SESSION.format(title=session.title, code=session.code)))

    @tornado.web.authenticated
    def post(self) -> None:
        """Check the code, the pseudonym and the subgroup; go to the activity, or say why not."""
        typed = self.get_argument("session", "")
        pseudonym = self.get_argument("pseudonyme", "")
        group = self.get_argument("groupe", "")
        try:
            arrival = arrive(self._store(), typed, pseudonym=pseudonym, group=group,
                             programme=programme(), now=config.now())
        except InputError as refused:
            self.set_status(400)
            self._form(Form(code=join.normalise_code(typed), pseudonym=pseudonym[:200],
                            message=str(refused)))
            return
        except StoreError:
            self._unavailable()
            return
        if arrival.needs_group:
            session = arrival.session
            self._form(Form(code=session.code, pseudonym=arrival.pseudonym, groups=arrival.groups,
                            session_label=tx.SESSION.format(title=session.title,
                                                            code=session.code),
                            message=tx.GROUP_MISSING if group else ""))
            return
        if arrival.pseudonym:
            self.set_cookie(visitor.PSEUDONYM_COOKIE, quote(arrival.pseudonym), path="/",
                            expires_days=2, httponly=True, samesite="Lax",
                            secure=self.request.protocol == "https")
        else:
            self.clear_cookie(visitor.PSEUDONYM_COOKIE, path="/")
        self.redirect(landing_url(self.base_url, arrival), status=303)

    def _unavailable(self) -> None:
        self.set_status(503)
        self.set_header("Retry-After", "5")
        self._form(Form(message=tx.STORE_DOWN))

    def _form(self, form: Form) -> None:
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(join_page(form, xsrf_field=self.xsrf_form_html(),
                              action=f"{self.base_url}{PATH}"))


STYLE = (
    "body{font-family:sans-serif;max-width:32em;margin:0 auto;padding:1em;font-size:1.15em;"
    "line-height:1.5;color:#1d1d1b}h1{font-size:1.5em;margin:.2em 0 .5em}"
    "label{display:block;margin:1em 0 .3em;font-weight:bold}"
    "input,select{font-size:1.1em;min-height:44px;width:100%;box-sizing:border-box;"
    "padding:.3em}#session{text-transform:uppercase;letter-spacing:.15em}"
    ".hint{margin:.2em 0 0;color:#4a4a48;font-size:.9em}"
    "button{margin-top:1.2em;min-height:48px;width:100%;font-size:1.15em;font-weight:bold;"
    "border:0;border-radius:6px;background:#005a9c;color:#fff}"
    ".notice{font-weight:bold;color:#8a1c1c}.session{font-weight:bold}a{color:#005a9c}"
    "a.other{display:inline-block;min-height:44px;padding:.6em 0;box-sizing:border-box}"
)


def join_page(form: Form, *, xsrf_field: str, action: str) -> str:
    """Return the join page (every text escaped; ``xsrf_field`` is Tornado's own HTML)."""
    e = html.escape
    notice = f'<p role="alert" class="notice">{e(form.message)}</p>' if form.message else ""
    if form.session_label:  # the code is known: it is fixed, the subgroup may be asked
        code = (f'<p class="session">{e(form.session_label)}</p>'
                f'<input type="hidden" name="session" value="{e(form.code)}">')
    else:
        code = (f'<label for="session">{e(tx.CODE)}</label>'
                f'<input id="session" name="session" value="{e(form.code)}" required '
                'autocomplete="off" autocapitalize="characters" spellcheck="false" '
                f'maxlength="{join.MAX_CODE + 8}" aria-describedby="session-hint" autofocus>'
                f'<p class="hint" id="session-hint">{e(tx.CODE_HINT)}</p>')
    group = ""
    if form.groups:
        options = "".join(f'<option value="{e(name)}">{e(name)}</option>' for name in form.groups)
        group = (f'<label for="groupe">{e(tx.GROUP)}</label>'
                 f'<select id="groupe" name="groupe" required aria-describedby="groupe-hint">'
                 f'<option value="">{e(tx.GROUP_CHOOSE)}</option>{options}'
                 f'<option value="{NO_GROUP}">{e(tx.GROUP_NONE)}</option></select>'
                 f'<p class="hint" id="groupe-hint">{e(tx.GROUP_HELP)}</p>')
    other = (f'<p><a class="other" href="{e(action)}">{e(tx.OTHER_CODE)}</a></p>'
             if form.session_label else "")
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(tx.TITLE)}</title><style>{STYLE}</style></head>"
        f"<body><main><h1>{e(tx.TITLE)}</h1><p>{e(tx.INTRO)}</p>{notice}"
        f'<form method="post" action="{e(action)}">{xsrf_field}{code}'
        f'<label for="pseudonyme">{e(tx.PSEUDONYM)}</label>'
        f'<input id="pseudonyme" name="pseudonyme" value="{e(form.pseudonym)}" '
        'autocomplete="nickname" maxlength="60" aria-describedby="pseudonyme-hint">'
        f'<p class="hint" id="pseudonyme-hint">{e(tx.PSEUDONYM_HINT)}</p>{group}'
        f'<button type="submit">{e(tx.SUBMIT)}</button></form>{other}</main></body></html>\n'
    )
