"""The trainer's day-long cookie: checked against the browser's identity and the trainer code;
the sign-in page sends only to this server's own pages."""

from __future__ import annotations

import json
from base64 import b64encode

import pytest
from tornado.web import create_signed_value

from companion.core import trainer_cookie
from companion.core.trainer_cookie import COOKIE_NAME, payload, signed_in
from companion.core.visitor import visitor_id
from companion.serving.signin import safe_next, sign_in_page

SECRET = b"0123456789abcdef" * 4
CODE = "FORMA7EUR"


def _identity(username: str) -> str:
    value = create_signed_value(SECRET, "username-127-0-0-1-8866",
                                json.dumps({"username": username}))
    return f"username-127-0-0-1-8866={value.decode()}"


def _trainer(for_identity: str, code: str = CODE, secret: bytes = SECRET) -> str:
    visitor = visitor_id(for_identity, secret=SECRET)
    assert visitor is not None
    value = create_signed_value(secret, COOKIE_NAME, payload(secret, visitor, code))
    return f"{COOKIE_NAME}={value.decode()}"


def test_the_cookie_the_server_signs_is_accepted_for_its_browser() -> None:
    me = _identity("alice")
    assert signed_in(CODE, f"{me}; {_trainer(me)}", secret=SECRET)


def test_a_copied_forged_stale_or_foreign_cookie_is_refused() -> None:
    me, other = _identity("alice"), _identity("bruno")
    assert not signed_in(CODE, f"{other}; {_trainer(me)}", secret=SECRET)  # copied
    assert not signed_in(CODE, f"{me}; {_trainer(me, code='ANCIEN')}", secret=SECRET)
    assert not signed_in(CODE, f"{me}; {_trainer(me, secret=b'x' * 64)}", secret=SECRET)
    made_up = b64encode(payload(SECRET, "v", CODE).encode()).decode()
    assert not signed_in(CODE, f"{me}; {COOKIE_NAME}={made_up}", secret=SECRET)
    assert not signed_in(CODE, _trainer(me), secret=SECRET)  # no identity
    assert not signed_in(None, f"{me}; {_trainer(me)}", secret=SECRET)  # no code: JupyterLab
    assert not signed_in(CODE, f"{me}; {COOKIE_NAME}=\x00;;==", secret=SECRET)


def test_the_sign_in_link_comes_back_to_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRIPT_NAME", "/voila/render/02_remue_meninges_1.ipynb")
    monkeypatch.setenv("QUERY_STRING", "session=ABC&groupe=G1")
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    assert trainer_cookie.sign_in_link() == (
        "/companion/formateur?next=%2Fvoila%2Frender%2F02_remue_meninges_1.ipynb"
        "%3Fsession%3DABC%26groupe%3DG1")


def test_next_stays_on_this_server() -> None:
    home = "/voila/render/00_accueil.ipynb"
    page = "/voila/render/06_table_ronde.ipynb?session=ABC"
    assert safe_next(page, "/") == page
    for outside in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)",
                    "/\\evil.example", "", None, "relative/path", "/a\r\nSet-Cookie: x"):
        assert safe_next(outside, "/") == home


def test_the_sign_in_page_escapes_what_it_repeats() -> None:
    page = sign_in_page(message="<b>x</b>", signed_in=False, xsrf_field="<input name=_xsrf>",
                        action="/companion/formateur", target='/voila/"><script>')
    assert "<script>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert '<html lang="fr">' in page and 'type="password"' in page
    assert 'autocomplete="current-password"' in page
