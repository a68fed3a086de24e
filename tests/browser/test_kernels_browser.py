"""End to end: a page that is left (tab closed, reloaded, browser gone, never connected) gives
its kernel back within 60 s; a page kept open keeps its kernel (issue 10, item 2)."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import Server, open_page, start_server, stop_server

pytestmark = pytest.mark.browser

HOME = "00_accueil.ipynb"
DEADLINE_S = 60.0
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("kernels"), pool=1)
    yield running
    stop_server(running)


def _alive(server: Server, kernel_id: str) -> bool:
    try:
        with urllib.request.urlopen(f"{server.base_url}/api/kernels/{kernel_id}", timeout=10):  # noqa: S310
            return True
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return False
        raise


def _gone_within_deadline(server: Server, kernel_id: str) -> bool:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        if not _alive(server, kernel_id):
            return True
        time.sleep(1)
    return not _alive(server, kernel_id)


def _kernel_of(page: Any) -> str:
    config = page.evaluate("document.getElementById('jupyter-config-data').textContent")
    return str(json.loads(config)["kernelId"])


def test_a_closed_tab_frees_its_kernel_and_an_open_page_keeps_its_own(
    browser: Any, server: Server
) -> None:
    kept = open_page(browser, server.url(HOME), ".cp-home")
    left = open_page(browser, server.url(HOME), ".cp-home")
    kept_kernel, left_kernel = _kernel_of(kept.page), _kernel_of(left.page)
    assert kept_kernel != left_kernel and _alive(server, left_kernel)
    left.page.close(run_before_unload=True)
    assert _gone_within_deadline(server, left_kernel)
    time.sleep(20)  # longer than the grace given to a dropped websocket: the open page stays
    assert _alive(server, kept_kernel)
    kept.page.fill(".cp-register-pseudonym input", "Nadia")  # its widgets still answer
    assert kept.page.input_value(".cp-register-pseudonym input") == "Nadia"
    kept.page.context.close()


def test_a_browser_gone_without_closing_its_tab_frees_its_kernel(
    browser: Any, server: Server
) -> None:
    page = open_page(browser, server.url(HOME), ".cp-home").page
    kernel = _kernel_of(page)
    page.context.close()  # no beforeunload: only the closed websocket tells the server
    assert _gone_within_deadline(server, kernel)


def test_a_reload_frees_the_previous_kernel(browser: Any, server: Server) -> None:
    page = open_page(browser, server.url(HOME), ".cp-home").page
    before = _kernel_of(page)
    page.reload()
    page.wait_for_selector(".cp-home", timeout=90_000)
    after = _kernel_of(page)
    assert after != before
    assert _gone_within_deadline(server, before)
    assert _alive(server, after)
    page.context.close()


def test_a_request_that_never_opens_the_page_does_not_hold_a_kernel(server: Server) -> None:
    with urllib.request.urlopen(server.url(HOME), timeout=90) as response:  # noqa: S310
        html = response.read().decode("utf-8")
    match = KERNEL_ID.search(html)
    assert match, "the page names its kernel"
    assert _alive(server, match.group(1))
    assert _gone_within_deadline(server, match.group(1))
