"""End to end: the trainer signs in once and is trainer on every page for the day; a
participant cannot forge or reuse that sign-in (issue 11, item 1)."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import Server, open_page, start_server, stop_server, watch

pytestmark = pytest.mark.browser

COOKIE = "companion-formateur"
HOME = "00_accueil.ipynb"
PAGES = {  # a page, and what only its trainer area shows
    "02_remue_meninges_1.ipynb": ".cp-wall",
    "06_table_ronde.ipynb": ".cp-rt-note",
    HOME: ".cp-participants-board",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("signin"), pool=0)
    yield running
    stop_server(running)


def _sign_in(page: Any, server: Server, code: str, back: str) -> None:
    target = urllib.parse.quote(back, safe="")
    page.goto(f"{server.base_url}/companion/formateur?next={target}")
    page.fill("#code", code)
    page.click("button[type=submit]")


def _trainer_context(browser: Any, server: Server) -> Any:
    home = open_page(browser, server.url(HOME), ".cp-home")  # the browser gets its identity
    first = "/voila/render/02_remue_meninges_1.ipynb"
    _sign_in(home.page, server, server.trainer_code, first)
    home.page.wait_for_selector(PAGES["02_remue_meninges_1.ipynb"], timeout=90_000)
    return home.page


def test_the_trainer_signs_in_once_and_is_trainer_on_every_page(
    browser: Any, server: Server
) -> None:
    page = _trainer_context(browser, server)
    assert page.url.endswith("/voila/render/02_remue_meninges_1.ipynb")
    for notebook, trainer_only in PAGES.items():
        other = page.context.new_page()
        watch(other)
        other.goto(server.url(notebook), timeout=90_000)
        other.wait_for_selector(trainer_only, timeout=90_000)  # no code typed on this page
        assert other.locator(".cp-trainer-code input").count() == 0
        assert COOKIE not in other.evaluate("document.cookie")  # HttpOnly: no script reads it
        value = next(c["value"] for c in other.context.cookies() if c["name"] == COOKIE)
        assert value not in other.content()  # nor does any page show it
        other.close()
    cookie = next(c for c in page.context.cookies() if c["name"] == COOKIE)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    # signing out is one click, on the page the gate links to
    page.goto(f"{server.base_url}/companion/formateur")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Vous êtes déconnecté", timeout=15_000)
    page.goto(server.url(HOME), timeout=90_000)
    page.wait_for_selector("button.cp-trainer-open", timeout=90_000)
    assert page.locator(".cp-participants-board").count() == 0
    page.context.close()


def test_a_forged_or_copied_trainer_cookie_gives_nothing(browser: Any, server: Server) -> None:
    trainer = _trainer_context(browser, server)
    stolen = next(c for c in trainer.context.cookies() if c["name"] == COOKIE)
    participant = open_page(browser, server.url(HOME), ".cp-home").page
    forged = dict(stolen, value="2|1:0|10:1700000000|19:companion-formateur|4:YWJj|" + "0" * 64)
    for cookie in (dict(stolen), forged):  # copied from the trainer's browser, or made up
        participant.context.add_cookies([{k: cookie[k] for k in (
            "name", "value", "domain", "path", "httpOnly", "secure", "sameSite")}])
        participant.goto(server.url(HOME), timeout=90_000)
        participant.wait_for_selector(".cp-home", timeout=90_000)
        assert participant.locator("button.cp-trainer-open").count() == 1
        assert participant.locator(".cp-participants-board").count() == 0
    trainer.context.close()
    participant.context.close()


def test_a_wrong_code_is_refused_in_french_and_sets_nothing(browser: Any, server: Server) -> None:
    page = open_page(browser, server.url(HOME), ".cp-home").page
    _sign_in(page, server, "PAS-LE-BON", "/voila/render/00_accueil.ipynb")
    page.wait_for_selector("text=Code formateur incorrect", timeout=15_000)
    assert COOKIE not in json.dumps(page.context.cookies())
    _sign_in(page, server, server.trainer_code, "https://example.org/ailleurs")
    page.wait_for_selector(".cp-home", timeout=90_000)  # an outside `next` goes home
    assert page.url.startswith(server.base_url)
    page.context.close()
