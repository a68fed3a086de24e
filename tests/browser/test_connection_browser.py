"""End to end: a page says when it has lost its kernel or its server, and is French (issue 14
item 3; issue 11 item 5: ``lang="fr"``, the page's title from its sequence, French loading text).

A page whose kernel was killed, or whose server stopped, must not keep showing an old green
« enregistré » with buttons that do nothing: within a few seconds it shows a banner that says so,
with a reload button, and hides the earlier success messages.
"""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import psutil
import pytest

from tests.browser.harness import Server, kernel_processes, open_page, start_server, stop_server

pytestmark = pytest.mark.browser

HOME = "00_accueil.ipynb"
BANNER = "#cp-connection"
NOTICE_S = 10.0
"""The banner must show within this delay (the page guard waits 3 s for a reconnection)."""


@pytest.fixture
def server(tmp_path: Any) -> Iterator[Server]:
    running = start_server(tmp_path, pool=0)
    yield running
    stop_server(running)


def _kernel_of(page: Any) -> str:
    config = page.evaluate("document.getElementById('jupyter-config-data').textContent")
    return str(json.loads(config)["kernelId"])


def _kernel_process(server: Server, kernel_id: str) -> psutil.Process:
    for process, command in kernel_processes(server):
        if kernel_id in command:
            return process
    raise AssertionError(f"no process for kernel {kernel_id}")


def _register(page: Any) -> None:
    page.fill(".cp-register-pseudonym input", "Nadia")
    page.select_option(".cp-register-function select", label="Autre (préciser)")
    page.fill(".cp-register-function-other input", "Médiatrice")
    page.fill(".cp-register-territory input", "Quartier des Aubiers")
    page.click("button.cp-register-submit")
    page.wait_for_selector(".cp-register .cp-message-succes", timeout=15_000)


def test_the_page_is_french_and_titled_after_its_sequence(server: Server) -> None:
    with urllib.request.urlopen(server.url(HOME), timeout=90) as response:  # noqa: S310 (local)
        html = response.read().decode("utf-8")
    assert '<html lang="fr">' in html
    assert "<title>Accueil — ESS dans les quartiers</title>" in html
    assert "Connexion perdue" in html  # the page guard is in every page


def test_a_killed_kernel_shows_the_banner_and_hides_old_successes(
    browser: Any, server: Server
) -> None:
    page = open_page(browser, server.url(HOME), ".cp-home").page
    assert page.locator(BANNER).count() == 0 or not page.is_visible(BANNER)
    _register(page)
    _kernel_process(server, _kernel_of(page)).send_signal(signal.SIGKILL)
    page.wait_for_selector(BANNER, state="visible", timeout=NOTICE_S * 1000)
    assert page.get_attribute(BANNER, "role") == "alert"
    assert "rechargez" in page.inner_text(BANNER).lower()
    assert not page.is_visible(".cp-register .cp-message-succes")
    page.click(f"{BANNER} button")  # « Recharger la page »: a fresh page, the banner gone
    page.wait_for_selector(".cp-home", timeout=90_000)
    assert page.locator(BANNER).count() == 0
    page.context.close()


def test_a_stopped_server_shows_the_banner(browser: Any, server: Server) -> None:
    page = open_page(browser, server.url(HOME), ".cp-home").page
    time.sleep(1)
    os.killpg(server.process.pid, signal.SIGKILL)  # the server and its kernels, at once
    page.wait_for_selector(BANNER, state="visible", timeout=NOTICE_S * 1000)
    assert "Connexion perdue" in page.inner_text(BANNER)
    page.context.close()
