"""End to end over ``companion serve --https``: Chromium (told to accept the self-signed
certificate, as a trainee does after the warning) gets a working page over TLS — widgets over
``wss://`` — and the trainer's sign-in cookie is ``Secure``."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import Server, start_server, stop_server, watch

pytestmark = pytest.mark.browser

HOME = "00_accueil.ipynb"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("https-browser"), pool=0,
                           extra_args=("--https",))
    yield running
    stop_server(running)


def test_a_page_works_over_https_and_the_trainer_cookie_is_secure(
        browser: Any, server: Server) -> None:
    assert server.base_url.startswith("https://")
    context = browser.new_context(ignore_https_errors=True, locale="fr-FR")
    page = context.new_page()
    watched = watch(page)
    sockets: list[str] = []
    page.on("websocket", lambda socket: sockets.append(socket.url))
    page.goto(server.url(HOME, session=server.session), timeout=90_000)
    page.wait_for_selector(".cp-register", timeout=90_000)  # built by the kernel: wss works
    assert sockets and all(url.startswith("wss://127.0.0.1") for url in sockets), sockets
    assert page.locator("#cp-connection:visible").count() == 0
    target = urllib.parse.quote("/voila/render/02_remue_meninges_1.ipynb", safe="")
    page.goto(f"{server.base_url}/companion/formateur?next={target}")
    page.fill("#code", server.trainer_code)
    page.click("button[type=submit]")
    page.wait_for_selector(".cp-wall", timeout=90_000)  # the trainer's area of the brainstorm
    cookies = {c["name"]: c for c in context.cookies()}
    assert cookies["companion-formateur"]["secure"] is True
    assert all(c["secure"] for c in cookies.values()), cookies
    assert watched.dialogs == [] and watched.external_requests == []
    context.close()
