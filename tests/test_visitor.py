"""The visitor's anonymous identity, from the cookie Jupyter's server gives each browser."""

from __future__ import annotations

import base64
import json

from companion.core.visitor import visitor_id


def _cookie(username: str, stamp: str = "1795845913", port: int = 8866) -> str:
    payload = base64.b64encode(json.dumps({"username": username, "name": "Anonymous"}).encode())
    name = f"username-127-0-0-1-{port}"
    value = f"2|1:0|10:{stamp}|{len(name)}:{name}|{len(payload)}:{payload.decode()}|ab12cd"
    return f'{name}="{value}"; _xsrf=2|c177a860|029cdb3e|1795845915'


def test_the_same_browser_gets_the_same_id_whatever_the_cookie_stamp() -> None:
    first = visitor_id(_cookie("088389d8e07f41f2", stamp="1795845913"))
    again = visitor_id(_cookie("088389d8e07f41f2", stamp="1795849999"))
    assert first is not None and first == again and len(first) == 32


def test_two_browsers_get_two_ids_and_the_cookie_is_not_the_id() -> None:
    one, two = visitor_id(_cookie("aaaa")), visitor_id(_cookie("bbbb"))
    assert one and two and one != two
    assert "aaaa" not in one


def test_no_or_broken_cookie_gives_no_id() -> None:
    assert visitor_id("") is None
    assert visitor_id("_xsrf=abc; other=1") is None
    assert visitor_id('username-127-0-0-1-8866="garbage"') is None
    assert visitor_id('username-127-0-0-1-8866="2|1:0|10:1|4:name|8:!!notb64|sig"') is None
    assert visitor_id("=;;==") is None
