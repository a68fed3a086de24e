"""The visitor's anonymous identity, from the cookie Jupyter's server gives each browser: only
a cookie signed with the companion's secret counts."""

from __future__ import annotations

import base64
import json
import os
import stat
import time

import pytest
from tornado.web import create_signed_value

from companion.core import visitor
from companion.core.visitor import visitor_id

SECRET = b"a" * 64
NAME = "username-127-0-0-1-8866"


def _cookie(username: str, *, secret: bytes = SECRET, name: str = NAME,
            clock: float | None = None) -> str:
    payload = json.dumps({"username": username, "name": "Anonymous"})
    value = create_signed_value(secret, name, payload, version=2,
                                clock=(lambda: clock) if clock else None).decode()
    return f'{name}="{value}"; _xsrf=2|c177a860|029cdb3e|1795845915'


def test_the_same_browser_gets_the_same_id_whatever_the_cookie_stamp() -> None:
    now = time.time()
    first = visitor_id(_cookie("088389d8e07f41f2", clock=now), secret=SECRET)
    again = visitor_id(_cookie("088389d8e07f41f2", clock=now - 3600), secret=SECRET)
    assert first is not None and first == again and len(first) == 32


def test_two_browsers_get_two_ids_and_the_cookie_is_not_the_id() -> None:
    one, two = visitor_id(_cookie("aaaa"), secret=SECRET), visitor_id(_cookie("bbbb"),
                                                                       secret=SECRET)
    assert one and two and one != two
    assert "aaaa" not in one


def test_no_or_broken_cookie_gives_no_id() -> None:
    assert visitor_id("", secret=SECRET) is None
    assert visitor_id("_xsrf=abc; other=1", secret=SECRET) is None
    assert visitor_id(f'{NAME}="garbage"', secret=SECRET) is None
    assert visitor_id(f'{NAME}="2|1:0|10:1|4:name|8:!!notb64|sig"', secret=SECRET) is None
    assert visitor_id("=;;==", secret=SECRET) is None


def test_a_forged_cookie_gets_no_identity() -> None:
    # The old, unsigned reading: any well-formed string with a made-up signature.
    payload = base64.b64encode(json.dumps({"username": "victime"}).encode()).decode()
    stamp = str(int(time.time()))
    forged = f"2|1:0|{len(stamp)}:{stamp}|{len(NAME)}:{NAME}|{len(payload)}:{payload}|ab12cd"
    assert visitor_id(f'{NAME}="{forged}"', secret=SECRET) is None
    # Signed with another secret (another server, or a guess).
    assert visitor_id(_cookie("victime", secret=b"b" * 64), secret=SECRET) is None
    # A genuine cookie whose payload was swapped keeps its old signature: refused.
    genuine = _cookie("moi").split('"')[1]
    fields = genuine.split("|")
    fields[4] = f"{len(payload)}:{payload}"
    assert visitor_id(f'{NAME}="{"|".join(fields)}"', secret=SECRET) is None
    # Signed for another cookie name, then renamed.
    other = _cookie("moi", name="username-autre").split('"')[1]
    assert visitor_id(f'{NAME}="{other}"', secret=SECRET) is None
    # Expired (older than the server accepts).
    assert visitor_id(_cookie("moi", clock=time.time() - 40 * 86400), secret=SECRET) is None
    assert visitor_id(_cookie("moi"), secret=SECRET) is not None


def test_without_a_secret_nobody_has_an_identity() -> None:
    assert not visitor.cookie_secret_path().exists()
    assert visitor_id(_cookie("moi")) is None


def test_the_secret_is_created_once_private_and_read_by_pages() -> None:
    path = visitor.ensure_cookie_secret()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    secret = path.read_bytes()
    assert visitor.ensure_cookie_secret() == path and path.read_bytes() == secret
    assert visitor.cookie_secret() == secret.strip() and len(secret) >= 32
    assert visitor_id(_cookie("moi", secret=secret.strip())) is not None


@pytest.mark.parametrize("bad", ["2|", "2|1:0|", "2|-1:0|1:1|1:a|1:b|x", "3|1:0|1:1"])
def test_truncated_values_give_no_identity(bad: str) -> None:
    assert visitor_id(f'{NAME}="{bad}"', secret=SECRET) is None
